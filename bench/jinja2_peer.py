"""Times the real Jinja2 on the benchmark templates, in-process, and prints JSON.

Run with the Debian interpreter that carries Jinja2 3.1 (/usr/bin/python3); the .NET benchmark
(bench/Cedule.Bench) launches it in the same run. For each template it measures

  parse:  Environment.from_string(source) -- lexing, parsing and compiling to Python code, the
          work Jinja2 does once per template (from_string bypasses the loader cache);
  render: Template.render(vars) on the compiled template, reused across iterations.

Each measurement runs ROUNDS rounds of about SECONDS seconds after a warm-up; a round's figure is
its elapsed time divided by its iterations. The JSON gives the median and the minimum over the
rounds, in microseconds per operation, of wall-clock time and (as a cross-check that holds on a
busy machine) of the thread's CPU time. With --out DIR it also writes each rendered output to
DIR/<template>.jinja2.txt, so the caller can check that Cedule renders the same text.
"""
import argparse
import gc
import json
import pathlib
import platform
import statistics
import sys
import time

import jinja2

HERE = pathlib.Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"


def model_functions():
    """The dbt host functions the model calls; the same behaviour as the .NET host's."""

    def config(**kwargs):
        return ""

    def ref(name):
        return f'"analytics"."{name}"'

    def source(source_name, table_name):
        return f'"raw"."{source_name}"."{table_name}"'

    def is_incremental():
        return True

    return {"config": config, "ref": ref, "source": source, "is_incremental": is_incremental}


def template_vars(data):
    rows = {"title": data["title"], "currency": data["currency"], "rows": data["rows"]}
    model = dict(data["model"])
    model.update(model_functions())
    return {"rows": rows, "model": model}


def measure(action, seconds, rounds):
    """Runs action in batches of about `seconds`; returns per-op figures in microseconds.

    Wall-clock time (perf_counter_ns) is what the table compares; the thread's CPU time
    (thread_time_ns) is reported beside it as a cross-check that holds on a busy machine.
    """
    # Warm-up, and calibrate the batch size on it.
    start = time.perf_counter_ns()
    calls = 0
    while time.perf_counter_ns() - start < min(seconds, 0.5) * 1e9 or calls < 3:
        action()
        calls += 1
    per_op = (time.perf_counter_ns() - start) / calls
    batch = max(1, int(seconds * 1e9 / per_op))
    wall = []
    cpu = []
    for _ in range(rounds):
        start_cpu = time.thread_time_ns()
        start = time.perf_counter_ns()
        for _ in range(batch):
            action()
        wall.append((time.perf_counter_ns() - start) / batch / 1000.0)
        cpu.append((time.thread_time_ns() - start_cpu) / batch / 1000.0)
    return {
        "median_us": statistics.median(wall),
        "min_us": min(wall),
        "cpu_median_us": statistics.median(cpu),
        "cpu_min_us": min(cpu),
        "rounds": rounds,
        "ops_per_round": batch,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="length of one round (default 2)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measurement (default 5)")
    parser.add_argument("--out", type=pathlib.Path, help="write the rendered outputs into this directory")
    parser.add_argument("--render-only", action="store_true", help="only render once (with --out); no timing")
    parser.add_argument("--only", choices=["rows", "model"], action="append", help="measure only these templates")
    args = parser.parse_args()

    data = json.loads((TEMPLATES / "data.json").read_text(encoding="utf-8"))
    variables = template_vars(data)
    # Jinja2's defaults, as dbt uses them: no trim_blocks, no autoescape.
    env = jinja2.Environment()
    report = {
        "jinja2": jinja2.__version__,
        "python": platform.python_version(),
        "executable": sys.executable,
        "seconds": args.seconds,
        "rounds": args.rounds,
        "gc_enabled": gc.isenabled(),
        "templates": {},
    }
    for name in args.only or ["rows", "model"]:
        source = (TEMPLATES / f"{name}.jinja").read_text(encoding="utf-8")
        template = env.from_string(source)
        ctx = variables[name]
        output = template.render(ctx)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}.jinja2.txt").write_text(output, encoding="utf-8")
        if args.render_only:
            report["templates"][name] = {"output_length": len(output)}
            continue
        report["templates"][name] = {
            "output_length": len(output),
            "parse": measure(lambda: env.from_string(source), args.seconds, args.rounds),
            "render": measure(lambda: template.render(ctx), args.seconds, args.rounds),
        }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
