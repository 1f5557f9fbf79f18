#!/usr/bin/env python3
"""Reads one `cedule build` of the build benchmark and prints its figures as JSON.

Inputs: the project's dag.json (each model's parents, from generate_project.py) and
target/run_results.json (each node's start and end). It computes:

- span: from the first node's start to the last node's end (the nodes' part of the run);
- critical path: the longest chain of dependent nodes by their measured durations, the lower
  bound of the span with unlimited workers;
- work / threads: the sum of durations over the threads, the lower bound with that many workers;
- dispatch delay: for each node with parents, its start minus its last parent's end.

    /usr/bin/python3 bench/build/analyze.py PROJECT_DIR --threads 4 [--wall SECONDS --cpu SECONDS]
"""
import argparse
import json
import math
import os
from datetime import datetime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--wall", type=float, default=None, help="the process's wall time")
    parser.add_argument("--cpu", type=float, default=None, help="the process's CPU time (user + sys)")
    args = parser.parse_args()

    with open(os.path.join(args.project, "dag.json"), encoding="utf-8") as f:
        parents = json.load(f)
    with open(os.path.join(args.project, "target", "run_results.json"), encoding="utf-8") as f:
        results = {r["unique_id"]: r for r in json.load(f)["results"] if r["unique_id"] in parents}

    failed = [uid for uid, r in results.items() if r["status"] != "success"]
    if failed or len(results) != len(parents):
        raise SystemExit(f"{len(failed)} node(s) did not succeed and {len(parents) - len(results)} are missing: {failed[:3]}")

    start, end = {}, {}
    for uid, r in results.items():
        timing = next(t for t in r["timing"] if t["name"] == "execute")
        start[uid] = parse_time(timing["started_at"])
        end[uid] = parse_time(timing["completed_at"])
    duration = {uid: end[uid] - start[uid] for uid in results}

    # Longest path by duration; parents come before children in generation order (layer by layer).
    finish, previous = {}, {}
    for uid in sorted(parents, key=lambda u: u.rsplit(".", 1)[1]):
        best = max(parents[uid], key=lambda p: finish[p], default=None)
        previous[uid] = best
        finish[uid] = (finish[best] if best else 0.0) + duration[uid]
    last = max(finish, key=finish.get)
    path = []
    while last:
        path.append(last)
        last = previous[last]

    span = max(end.values()) - min(start.values())
    critical = finish[path[0]]
    work = sum(duration.values())
    delays = sorted(start[uid] - max(end[p] for p in ps) for uid, ps in parents.items() if ps)
    report = {
        "nodes": len(results),
        "threads": args.threads,
        "span_s": round(span, 3),
        "critical_path_s": round(critical, 3),
        "critical_path_nodes": len(path),
        "work_s": round(work, 3),
        "work_per_thread_s": round(work / args.threads, 3),
        "node_median_s": round(percentile(sorted(duration.values()), 0.5), 4),
        "span_over_critical_path": round(span / critical, 3),
        "span_over_best_bound": round(span / max(critical, work / args.threads), 3),
        "dispatch_delay_ms_p50": round(percentile(delays, 0.5) * 1000, 2),
        "dispatch_delay_ms_p99": round(percentile(delays, 0.99) * 1000, 2),
        "dispatch_delay_ms_max": round(delays[-1] * 1000, 2),
    }
    if args.wall is not None:
        report["wall_s"] = round(args.wall, 3)
        report["wall_over_critical_path"] = round(args.wall / critical, 3)
    if args.cpu is not None:
        report["process_cpu_s"] = round(args.cpu, 3)
    print(json.dumps(report))


def parse_time(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").timestamp()


def percentile(sorted_values, p):
    """Nearest rank."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), math.ceil(p * len(sorted_values))))
    return sorted_values[rank - 1]


if __name__ == "__main__":
    main()
