#!/usr/bin/python3
"""Live Jinja2 oracle for the Cedule.Jinja conformance tests.

Protocol: one JSON object per line on stdin,

    {"template": "...", "vars": {...}, "strict": false, "name": "optional"}

and exactly one JSON line per input line on stdout, in the same order:

    {"output": "<rendered text>"}
    {"error": "<Python exception class name>", "message": "<str(exc)>", "line": <int or null>}

Blank input lines are ignored. A case can never kill the process: every
exception (including RecursionError and MemoryError) is turned into an error
answer. Templates larger than MAX_TEMPLATE_BYTES are not rendered and answer
{"error": "Skipped", ...}; a render that runs longer than CASE_TIMEOUT_SECONDS
(pure-Python loops only; a single huge C-level operation cannot be interrupted)
answers {"error": "Timeout", ...}. Input lines that are not valid JSON answer
{"error": "OracleInputError", ...}.

Must be run with Debian's Jinja2 3.1 interpreter: /usr/bin/python3.

This module is also imported by generate.py so that the corpus and the live
oracle share one Environment setup and one error encoding.
"""

import json
import os
import signal
import sys
import warnings

import jinja2
import jinja2.ext

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES_DIR = os.path.join(HERE, "templates")
MAX_TEMPLATE_BYTES = 100 * 1024
CASE_TIMEOUT_SECONDS = 5.0
RECURSION_LIMIT = 1000

_ENVIRONMENTS = {}


def make_environment(strict=False):
    """The Environment every case is rendered with (cached per mode)."""
    env = _ENVIRONMENTS.get(bool(strict))
    if env is None:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES_DIR, encoding="utf-8"),
            extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
            undefined=jinja2.StrictUndefined if strict else jinja2.Undefined,
            autoescape=False,
            trim_blocks=False,
            lstrip_blocks=False,
            keep_trailing_newline=False,
        )
        _ENVIRONMENTS[bool(strict)] = env
    return env


def _template_line(exc):
    """Line number of the error inside the template, or None.

    TemplateSyntaxError (and subclasses such as TemplateAssertionError) carry
    exc.lineno. For runtime errors Jinja rewrites the traceback so that each
    template frame is a fake frame whose globals hold __jinja_exception__ and
    whose line is the template line; the innermost such frame is used (for an
    error raised inside an included/imported/extended template this is a line
    of that template).
    """
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.lineno
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _safe_str(exc):
    try:
        return str(exc)
    except BaseException:  # noqa: BLE001 - a broken __str__ must not kill us
        return "<unprintable %s>" % type(exc).__name__


class _CaseTimeout(BaseException):
    pass


def _on_alarm(signum, frame):
    raise _CaseTimeout()


def error_result(kind, message, line=None):
    return {"error": kind, "message": message, "line": line}


def render_case(template, variables=None, strict=False, timeout=None):
    """Render one case; always returns a result dict, never raises."""
    if not isinstance(template, str):
        return error_result("OracleInputError", "'template' must be a string")
    if variables is None:
        variables = {}
    if not isinstance(variables, dict):
        return error_result("OracleInputError", "'vars' must be a JSON object")
    if len(template.encode("utf-8", "surrogatepass")) > MAX_TEMPLATE_BYTES:
        return error_result(
            "Skipped", "template larger than %d bytes" % MAX_TEMPLATE_BYTES
        )
    use_alarm = timeout is not None and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        try:
            env = make_environment(strict)
            output = env.from_string(template).render(**variables)
            return {"output": output}
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
    except _CaseTimeout:
        return error_result("Timeout", "render took longer than %gs" % timeout)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - RecursionError, MemoryError, ...
        try:
            line = _template_line(exc)
        except BaseException:  # noqa: BLE001
            line = None
        return error_result(type(exc).__name__, _safe_str(exc), line)


def _answer(line):
    try:
        request = json.loads(line)
    except ValueError as exc:
        return error_result("OracleInputError", "invalid JSON: %s" % exc)
    if not isinstance(request, dict):
        return error_result("OracleInputError", "each line must be a JSON object")
    return render_case(
        request.get("template"),
        request.get("vars") or {},
        bool(request.get("strict", False)),
        timeout=CASE_TIMEOUT_SECONDS,
    )


def main():
    sys.setrecursionlimit(RECURSION_LIMIT)
    # Generated code may trigger SyntaxWarning/DeprecationWarning; keep stderr clean.
    warnings.simplefilter("ignore")
    stdin = open(sys.stdin.fileno(), "r", encoding="utf-8", errors="surrogateescape",
                 newline="\n", closefd=False)
    stdout = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n",
                  closefd=False)
    for raw in stdin:
        if not raw.strip():
            continue
        try:
            result = _answer(raw)
            text = json.dumps(result, ensure_ascii=True)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - never die on one case
            text = json.dumps(
                error_result(type(exc).__name__, _safe_str(exc)), ensure_ascii=True
            )
        stdout.write(text + "\n")
        stdout.flush()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
