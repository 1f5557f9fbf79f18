#!/usr/bin/env python3
"""Writes the build benchmark's project: a layered DAG of table models doing real work.

Every model aggregates a generated source table (raw.events, ~1M rows by default, created by the
macro bench_setup outside the timed build) and combines the result with one to three models of the
layer above it, so each node scans the whole table and the graph is as deep as it is wide
(--width models per layer, default 4: with --threads 4 the critical path and the work per
thread are the same bound). Deterministic for a given (models, width, seed).

Also writes profiles.yml (targets duckdb and postgres; PostgreSQL settings come from CEDULE_PG_*
environment variables, which bench/build/run.sh sets) and dag.json (each model's parents), which
bench/build/analyze.py reads with target/run_results.json.

    /usr/bin/python3 bench/build/generate_project.py --out /tmp/cedule-bench-build --models 200
"""
import argparse
import json
import os
import pathlib
import random
import shutil


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--models", type=int, default=200)
    parser.add_argument("--width", type=int, default=4, help="models per layer")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of raw.events")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--duckdb-path", default=None, help="database file (default: <out>/bench.duckdb)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)

    def write(rel: str, text: str) -> None:
        (out / rel).write_text(text, encoding="utf-8")

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "models"))
    os.makedirs(os.path.join(args.out, "macros"))
    duckdb_path = args.duckdb_path or os.path.join(os.path.abspath(args.out), "bench.duckdb")

    write("dbt_project.yml", """name: build_bench
version: "1.0.0"
config-version: 2
profile: build_bench
models:
  build_bench:
    +materialized: table
""")
    write("profiles.yml", f"""build_bench:
  target: duckdb
  outputs:
    duckdb:
      type: duckdb
      path: "{duckdb_path}"
      schema: main
      threads: 4
    postgres:
      type: postgres
      host: "{{{{ env_var('CEDULE_PG_HOST', '127.0.0.1') }}}}"
      port: "{{{{ env_var('CEDULE_PG_PORT', '5432') }}}}"
      user: "{{{{ env_var('CEDULE_PG_USER', 'postgres') }}}}"
      password: "{{{{ env_var('CEDULE_PG_PASSWORD', '') }}}}"
      dbname: "{{{{ env_var('CEDULE_PG_DBNAME', 'postgres') }}}}"
      schema: bench
      threads: 4
""")
    write("models/sources.yml", """version: 2
sources:
  - name: raw
    schema: raw
    tables:
      - name: events
""")
    # The source table, built by `cedule run-operation bench_setup` before the timed build.
    write("macros/bench_setup.sql", f"""{{% macro bench_setup() %}}
  {{% do run_query("create schema if not exists raw") %}}
  {{% do run_query("drop table if exists raw.events") %}}
  {{% if target.type == 'duckdb' %}}
    {{% set rows = "select i as id from range({args.rows}) t(i)" %}}
  {{% else %}}
    {{% set rows = "select i as id from generate_series(0, {args.rows - 1}) as t(i)" %}}
  {{% endif %}}
  {{% do run_query("create table raw.events as select id, id % 1000 as customer_id, id % 97 as product_id, "
      ~ "cast((cast(id as bigint) * 7919) % 10000 as numeric(12, 2)) / 100 as amount, id % 365 as day_number from (" ~ rows ~ ") s") %}}
  {{% if target.type != 'duckdb' %}}{{% do run_query("analyze raw.events") %}}{{% endif %}}
  {{% if target.type == 'postgres' %}}{{% do run_query("commit") %}}{{% endif %}}
{{% endmacro %}}
""")

    layers = [[] for _ in range((args.models + args.width - 1) // args.width)]
    parents = {}
    for i in range(args.models):
        layer = i // args.width
        name = f"m{layer:03d}_{i % args.width}"
        layers[layer].append(name)
        ups = [] if layer == 0 else rng.sample(layers[layer - 1], min(len(layers[layer - 1]), rng.randint(1, 3)))
        parents[name] = ups
        modulus = rng.choice([3, 5, 7, 11])
        remainder = rng.randrange(modulus)
        if ups:
            upstream = "\n    union all\n    ".join(f"select customer_id, amount from {{{{ ref('{u}') }}}}" for u in ups)
            sql = f"""with base as (
    select customer_id, sum(amount) as amount, count(*) as n, count(distinct product_id) as products
    from {{{{ source('raw', 'events') }}}}
    where id % {modulus} = {remainder}
    group by customer_id
),
up as (
    select customer_id, sum(amount) as amount
    from (
    {upstream}
    ) u
    group by customer_id
)
select b.customer_id, b.amount + coalesce(up.amount, 0) / {len(ups) + 1} as amount, b.n, b.products
from base b
left join up on up.customer_id = b.customer_id
"""
        else:
            sql = f"""select customer_id, sum(amount) as amount, count(*) as n, count(distinct product_id) as products
from {{{{ source('raw', 'events') }}}}
where id % {modulus} = {remainder}
group by customer_id
"""
        write(f"models/{name}.sql", sql)

    with open(os.path.join(args.out, "dag.json"), "w", encoding="utf-8") as f:
        json.dump({f"model.build_bench.{n}": [f"model.build_bench.{p}" for p in ps] for n, ps in parents.items()}, f, indent=1)
    print(f"{args.models} models in {len(layers)} layers of {args.width} -> {args.out}")


if __name__ == "__main__":
    main()
