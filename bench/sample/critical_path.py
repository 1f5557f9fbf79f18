#!/usr/bin/python3
"""Wall time of a `cedule build` against the critical path of its node times.

Reads target/manifest.json (dependencies) and target/run_results.json (node times) of a
project that was just built, and prints the critical path: the longest chain of dependent
nodes, weighted by their execution times. With unlimited threads and no overhead, a build
takes exactly that long; the ratio wall / critical path says what scheduling and contention
add. Dependencies through ephemeral or unbuilt nodes are followed transitively.
"""
import json
import sys

project = sys.argv[1]
wall = float(sys.argv[2])
manifest = json.load(open(f"{project}/target/manifest.json"))
results = json.load(open(f"{project}/target/run_results.json"))

times = {r["unique_id"]: r["execution_time"] for r in results["results"] if r["unique_id"].split(".")[0] in ("model", "seed", "snapshot", "test")}
nodes = {**manifest.get("nodes", {}), **manifest.get("sources", {})}
parents = {uid: node.get("depends_on", {}).get("nodes", []) for uid, node in nodes.items()}


def executed_parents(uid, seen=None):
    """The executed nodes a node waits for, through nodes that did not run."""
    seen = seen or set()
    found = set()
    for parent in parents.get(uid, []):
        if parent in seen:
            continue
        seen.add(parent)
        if parent in times:
            found.add(parent)
        else:
            found |= executed_parents(parent, seen)
    return found


finish = {}


def longest(uid):
    if uid not in finish:
        finish[uid] = times[uid] + max((longest(p) for p in executed_parents(uid)), default=0.0)
    return finish[uid]


critical = max(longest(uid) for uid in times)
# The span of the nodes themselves: from the first start to the last end (no process start, parse or hooks).
from datetime import datetime
stamps = [(t["started_at"], t["completed_at"]) for r in results["results"] if r["unique_id"] in times for t in r["timing"]]
parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
span = (max(parse(e) for _, e in stamps) - min(parse(b) for b, _ in stamps)).total_seconds()
total = sum(times.values())
hooks = sum(r["execution_time"] for r in results["results"] if r["unique_id"].startswith("operation."))
print(f"nodes={len(times)} wall={wall:.2f}s span={span:.2f}s critical_path={critical:.2f}s sum_of_node_times={total:.2f}s hooks={hooks:.2f}s "
      f"span/critical={span / critical:.2f} wall/critical={wall / critical:.2f}")
