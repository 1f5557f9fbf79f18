#!/usr/bin/env python3
"""Writes a synthetic dbt project of N models for the parse benchmark.

The DAG is layered like a school-board project (sources -> staging -> intermediate -> marts ->
dashboards): each model refs 1 to 3 models of earlier layers, calls a few project macros, and
each folder has a schema.yml with descriptions and generic tests. Deterministic for a given
(N, seed).

    /usr/bin/python3 bench/parse/generate_project.py --models 1000 --out /tmp/bench-1000
"""
import argparse
import os
import random
import shutil

LAYERS = ["staging", "intermediate", "marts", "features", "dashboards"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--folder-size", type=int, default=50, help="models per folder")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "macros"))

    write(args.out, "dbt_project.yml", f"""name: bench
version: "1.0.0"
config-version: 2
profile: bench
vars:
  annee: 2024
models:
  bench:
    +materialized: view
    marts:
      +materialized: table
      +tags: ["marts"]
    dashboards:
      +materialized: table
      +schema: tdb
""")
    write(args.out, "macros/helpers.sql", """{% macro taux(num, den) -%}
    case when {{ den }} = 0 then null else cast({{ num }} as float) / {{ den }} end
{%- endmacro %}

{% macro cols(prefix, names) -%}
    {%- for n in names %}{{ prefix }}.{{ n }}{% if not loop.last %}, {% endif %}{% endfor -%}
{%- endmacro %}

{% macro annee_courante() -%}{{ var('annee') }}{%- endmacro %}
""")
    write(args.out, "models/sources.yml", """version: 2
sources:
  - name: raw
    tables:
""" + "".join(f"      - name: table_{i}\n" for i in range(20)))

    per_layer = [args.models // len(LAYERS)] * len(LAYERS)
    per_layer[-1] += args.models - sum(per_layer)
    names_by_layer = []
    index = 0
    for layer_number, count in enumerate(per_layer):
        layer = LAYERS[layer_number]
        names = []
        folder_entries = {}
        for i in range(count):
            name = f"{layer[:3]}_{index:05d}"
            folder = f"models/{layer}/f{i // args.folder_size:03d}"
            names.append(name)
            if layer_number == 0:
                upstream = [f"{{{{ source('raw', 'table_{rng.randrange(20)}') }}}}"]
            else:
                earlier = [n for layer_names in names_by_layer for n in layer_names]
                picks = rng.sample(earlier, k=min(len(earlier), rng.randint(1, 3)))
                upstream = [f"{{{{ ref('{p}') }}}}" for p in picks]
            body = [f"-- {name}: generated"]
            if index % 7 == 0:
                body.append("{{ config(tags=['hebdo']) }}")
            body.append("with")
            ctes = []
            for k, relation in enumerate(upstream):
                ctes.append(f"u{k} as (\n    select {{{{ cols('t', ['id', 'valeur', 'annee']) }}}}\n    from {relation} as t\n    where t.annee = {{{{ annee_courante() }}}}\n)")
            body.append(",\n".join(ctes))
            body.append("select u0.id, {{ taux('u0.valeur', 'u0.id') }} as taux")
            body.append("{% for k in range(3) %}, u0.valeur * {{ k }} as v{{ k }}{% endfor %}")
            body.append("from u0")
            write(args.out, f"{folder}/{name}.sql", "\n".join(body) + "\n")
            folder_entries.setdefault(folder, []).append(name)
            index += 1
        for folder, folder_names in folder_entries.items():
            lines = ["version: 2", "models:"]
            for n in folder_names:
                lines += [f"  - name: {n}", f"    description: Modèle {n}", "    columns:",
                          "      - name: id", "        tests: [unique, not_null]"]
            write(args.out, f"{folder}/schema.yml", "\n".join(lines) + "\n")
        names_by_layer.append(names)
    print(f"wrote {args.models} models to {args.out}")


def write(root: str, path: str, text: str) -> None:
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
