#!/usr/bin/python3
"""Regenerate (or check) the expected outputs of the Jinja conformance corpus.

    /usr/bin/python3 tests/Cedule.Jinja.Tests/Corpus/generate.py          # write expected/
    /usr/bin/python3 tests/Cedule.Jinja.Tests/Corpus/generate.py --check  # compare only

Every inputs/<group>/<name>.jinja is rendered with the real Jinja2 (the same
Environment as oracle.py; the group "strict" uses StrictUndefined) and the
result is written to expected/<group>/<name>.json. Input format: the first line
is a JSON object of variables, the second line is exactly "---", the template
is everything after that line up to the end of the file.

--check writes nothing, reports every difference (changed, missing or stale
expected files) and exits with status 1 if there is any.
"""

import argparse
import json
import os
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep the corpus folder free of __pycache__

try:
    import oracle  # noqa: E402
except ImportError as exc:  # pragma: no cover
    sys.stderr.write(
        "cannot import jinja2 (%s); run with Debian's /usr/bin/python3\n" % exc
    )
    sys.exit(2)

INPUTS = os.path.join(HERE, "inputs")
EXPECTED = os.path.join(HERE, "expected")
STRICT_GROUPS = {"strict"}
SEPARATOR = "\n---\n"
SLOW_CASE_SECONDS = 0.1


class CaseFormatError(Exception):
    pass


def parse_case(text):
    """Split a case file into (variables, template)."""
    head, sep, template = text.partition(SEPARATOR)
    if not sep:
        raise CaseFormatError("missing a line containing exactly '---' after line 1")
    if "\n" in head:
        raise CaseFormatError("the variables must be on the first line")
    try:
        variables = json.loads(head)
    except ValueError as exc:
        raise CaseFormatError("first line is not valid JSON: %s" % exc)
    if not isinstance(variables, dict):
        raise CaseFormatError("first line must be a JSON object")
    return variables, template


def read_text(path):
    with open(path, "r", encoding="utf-8", newline="") as f:
        return f.read()


def encode_result(result):
    return json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def iter_cases():
    for group in sorted(os.listdir(INPUTS)):
        gdir = os.path.join(INPUTS, group)
        if not os.path.isdir(gdir):
            continue
        for fname in sorted(os.listdir(gdir)):
            if fname.endswith(".jinja"):
                yield group, fname[: -len(".jinja")], os.path.join(gdir, fname)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true",
                        help="compare with expected/ without writing; exit 1 on any difference")
    parser.add_argument("--quiet", action="store_true", help="only print the summary")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(oracle.RECURSION_LIMIT)
    warnings.simplefilter("ignore")

    counts = {}
    problems = []
    slow = []
    seen = set()
    written = 0
    for group, name, path in iter_cases():
        counts[group] = counts.get(group, 0) + 1
        rel = "%s/%s" % (group, name)
        seen.add(rel)
        try:
            variables, template = parse_case(read_text(path))
        except (CaseFormatError, UnicodeDecodeError) as exc:
            problems.append("%s: bad input file: %s" % (rel, exc))
            continue
        start = time.perf_counter()
        result = oracle.render_case(template, variables, strict=group in STRICT_GROUPS)
        elapsed = time.perf_counter() - start
        if elapsed > SLOW_CASE_SECONDS:
            slow.append((elapsed, rel))
        encoded = encode_result(result)
        out_path = os.path.join(EXPECTED, group, name + ".json")
        old = read_text(out_path) if os.path.exists(out_path) else None
        if old == encoded:
            continue
        if args.check:
            problems.append("%s: %s" % (rel, "missing expected file" if old is None
                                          else "expected output differs"))
        else:
            os.makedirs(os.path.dirname(out_path), exist_ok=True)
            with open(out_path, "w", encoding="utf-8", newline="\n") as f:
                f.write(encoded)
            written += 1

    # Expected files whose input no longer exists.
    if os.path.isdir(EXPECTED):
        for group in sorted(os.listdir(EXPECTED)):
            gdir = os.path.join(EXPECTED, group)
            if not os.path.isdir(gdir):
                continue
            for fname in sorted(os.listdir(gdir)):
                rel = "%s/%s" % (group, fname[: -len(".json")])
                if fname.endswith(".json") and rel not in seen:
                    if args.check:
                        problems.append("%s: stale expected file (no input)" % rel)
                    else:
                        os.remove(os.path.join(gdir, fname))
            if not args.check and not os.listdir(gdir):
                os.rmdir(gdir)

    if not args.quiet:
        for group in sorted(counts):
            print("%-28s %4d" % (group, counts[group]))
    print("%d groups, %d cases total" % (len(counts), sum(counts.values())))
    if not args.check:
        print("%d expected file(s) written" % written)
    for elapsed, rel in sorted(slow, reverse=True):
        print("slow case: %s took %.3fs" % (rel, elapsed))
    for problem in problems:
        print(problem)
    if problems:
        print("%d problem(s)" % len(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
