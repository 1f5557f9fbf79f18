#!/usr/bin/python3
"""Seeded random Jinja template generator for differential testing.

    random_cases.py --seed N --count K [--kind expr|stmt|both]

Writes K JSON lines to stdout in the oracle.py input format:

    {"name": "...", "strict": false, "template": "...", "vars": {...}}

The C# tests feed the same lines to oracle.py and to Cedule.Jinja and compare
the outputs (or the error class names).

Determinism: the generator uses its own SplitMix64 PRNG (not Python's random
module), iterates only over lists and sorts nothing by hash, so the same seed
and arguments produce byte-identical output on any Python 3 version.

Safety: sizes are bounded so every case renders in well under 10 ms: string and
list repetition only by small literals, powers only of leaves by small literal
exponents, loops over at most 4 items nested at most twice, no recursion, no
range() with non-literal bounds, floats kept finite (a constant-folded inf/nan
triggers a Jinja code-generation quirk that is not worth reproducing). Some
cases are deliberately ill-typed and error; that is expected (the error class
is compared).
"""

import argparse
import json
import sys

MASK64 = (1 << 64) - 1


class Rng:
    """SplitMix64: tiny, fast, and identical everywhere."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):
        """Inclusive integer range."""
        return lo + self.below(hi - lo + 1)

    def chance(self, percent):
        return self.below(100) < percent

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def weighted(self, pairs):
        total = sum(w for w, _ in pairs)
        r = self.below(total)
        for w, item in pairs:
            if r < w:
                return item
            r -= w
        raise AssertionError("unreachable")


WORDS = ["a", "ab", "abc", "Hello", "world", "x y", " pad ", "", "héllo", "ß",
         "ǅ", "日本", "İ", "ΣΑΣ", "it's", 'say "hi"', "a,b,c", "a-b_c", "MiXeD",
         "123", "1.5", "  7 ", "<b>&", "tab\there", "line\nbreak", "😀"]
FLOATS = ["0.1", "0.2", "2.5", "1.5", "3.0", "0.5", "100.0", "1e3", "2.675",
          "0.30000000000000004", "1e-07", "123.456", "7.25", "1e15", "1e16"]
SEPARATORS = [" ", " | ", "\n", ", ", "", "\n\n", "\t"]
TEXTS = ["text", " ", "\n", "  ", "word ", "\n  ", "A", "—", "é", "\t", "x\n", "[", "]"]
STR_METHODS_0 = ["upper", "lower", "strip", "title", "capitalize", "swapcase", "lstrip",
                 "rstrip", "isdigit", "isalpha", "isupper", "islower", "split",
                 "splitlines", "casefold"]
STR_FILTERS_0 = ["upper", "lower", "capitalize", "title", "trim", "e", "striptags",
                 "reverse", "string", "urlencode", "wordcount", "length", "first",
                 "last", "list", "tojson", "pprint", "center", "indent", "int",
                 "float"]
LIST_FILTERS_0 = ["sort", "first", "last", "length", "count", "join", "unique",
                  "reverse", "list", "min", "max", "tojson", "pprint", "string",
                  "select", "reject", "sum"]
TESTS_0 = ["defined", "undefined", "none", "number", "string", "iterable",
           "sequence", "mapping", "boolean", "integer", "float", "true", "false",
           "lower", "upper", "callable", "escaped"]
INT_TESTS = ["odd", "even"]


def q(s):
    """A Jinja string literal for s (Python repr is a valid Jinja literal)."""
    return repr(s)


class Expr:
    """Random, mostly well-typed Jinja expressions."""

    def __init__(self, rng, scope):
        self.r = rng
        self.scope = scope  # list of (name, type)

    # ---- leaves -----------------------------------------------------------
    def var(self, ty):
        names = [n for n, t in self.scope if t == ty]
        return self.r.choice(names) if names else None

    def int_lit(self):
        r = self.r
        kind = r.below(10)
        if kind < 6:
            return str(r.between(-20, 20))
        if kind < 8:
            return str(r.between(0, 1000))
        if kind < 9:
            return str(10 ** r.between(15, 25) + r.between(0, 999))
        return r.choice(["0", "1", "-1", "2", "0b101", "0x1F", "1_000"])

    def leaf(self, ty):
        r = self.r
        v = self.var(ty) if r.chance(40) else None
        if v is not None:
            return v
        if ty == "int":
            return self.int_lit()
        if ty == "float":
            f = r.choice(FLOATS)
            return ("-" + f) if r.chance(20) else f
        if ty == "str":
            return q(r.choice(WORDS))
        if ty == "bool":
            return r.choice(["true", "false", "True", "False"])
        if ty == "none":
            return r.choice(["none", "None"])
        if ty == "list":
            n = r.between(0, 4)
            if r.chance(50):
                return "[" + ", ".join(self.int_lit() for _ in range(n)) + "]"
            return "[" + ", ".join(q(r.choice(WORDS)) for _ in range(n)) + "]"
        if ty == "tuple":
            n = r.between(0, 3)
            items = [self.leaf(r.choice(["int", "str", "float"])) for _ in range(n)]
            return "(" + ", ".join(items) + ("," if n == 1 else "") + ")"
        if ty == "dict":
            n = r.between(0, 3)
            keys = []
            for _ in range(n):
                k = r.choice(["a", "b", "c", "k", "Z", "é"])
                keys.append(k)
            return "{" + ", ".join("%s: %s" % (q(k), self.leaf(r.choice(["int", "str"])))
                                   for k in keys) + "}"
        return self.leaf(r.choice(["int", "str", "float", "bool", "none", "list"]))

    def small(self, lo=0, hi=4):
        return str(self.r.between(lo, hi))

    def paren(self, s):
        return "(" + s + ")"

    # ---- typed productions ---------------------------------------------------
    def gen(self, ty, depth):
        r = self.r
        if ty == "any":
            ty = r.weighted([(5, "int"), (3, "float"), (5, "str"), (3, "bool"),
                             (1, "none"), (3, "list"), (1, "tuple"), (2, "dict")])
        if depth <= 0 or r.chance(25):
            return self.leaf(ty)
        d = depth - 1
        g = self.gen
        # A small share of deliberately ill-typed expressions.
        if r.chance(2):
            a = g(r.choice(["int", "str", "list", "none", "dict"]), d)
            b = g(r.choice(["int", "str", "list", "none", "float"]), d)
            op = r.choice(["+", "-", "*", "/", "//", "%", "<", ">", "in"])
            if op == "*":  # keep repetition bounded even when ill-typed
                b = self.small(-1, 3)
            return self.paren(a) + " " + op + " " + self.paren(b)
        if ty == "int":
            k = r.below(17)
            if k == 0:
                return self.paren(g("int", d)) + " + " + self.paren(g("int", d))
            if k == 1:
                return self.paren(g("int", d)) + " - " + self.paren(g("int", d))
            if k == 2:
                return self.paren(g("int", d)) + " * " + self.paren(g("int", d))
            if k == 3:
                return self.paren(g("int", d)) + " // " + self.paren(g("int", d))
            if k == 4:
                return self.paren(g("int", d)) + " % " + self.paren(g("int", d))
            if k == 5:
                # left-associative pow and unary minus binding tighter: both on purpose
                return self.leaf("int") + " ** " + self.small(0, 5)
            if k == 6:
                return "-" + self.paren(g("int", d))
            if k == 7:
                return self.paren(g("int", d)) + "|abs"
            if k == 8:
                return self.paren(g(r.choice(["str", "float"]), d)) + "|int"
            if k == 9:
                return self.paren(g(r.choice(["str", "list", "dict"]), d)) + "|length"
            if k == 10:
                return "[" + ", ".join(g("int", d) for _ in range(r.between(1, 3))) + "]|" + r.choice(["sum", "max", "min", "first", "last"])
            if k == 11:
                return self.paren(g("str", d)) + "." + r.choice(["count", "find", "rfind"]) + "(" + q(r.choice(["a", "b", "", "l", "x"])) + ")"
            if k == 12:
                return self.paren(g("float", d)) + "|round|int"
            if k == 13:
                return self.paren(g("bool", d)) + " + " + self.paren(g("int", d))
            if k == 14:
                return g("int", d) + " if " + g("bool", d) + " else " + g("int", d)
            if k == 15:
                return self.paren(g("list", d)) + "|length"
            return self.paren(g("int", d)) + " * " + self.small(-3, 3)
        if ty == "float":
            k = r.below(9)
            if k == 0:
                return self.paren(g("int", d)) + " / " + self.paren(g("int", d))
            if k == 1:
                return self.paren(g("float", d)) + " * " + self.paren(g(r.choice(["int", "float"]), d))
            if k == 2:
                return self.paren(g("float", d)) + " + " + self.paren(g(r.choice(["int", "float"]), d))
            if k == 3:
                return self.paren(g(r.choice(["str", "int"]), d)) + "|float"
            if k == 4:
                return self.paren(g("float", d)) + "|round(" + self.small(0, 3) + ")"
            if k == 5:
                return self.paren(g("float", d)) + "|round(" + self.small(0, 2) + ", " + q(r.choice(["common", "ceil", "floor"])) + ")"
            if k == 6:
                return self.leaf(r.choice(["int", "float"])) + " ** " + self.small(-2, 3)
            if k == 7:
                return self.paren(g("float", d)) + " // " + self.paren(g(r.choice(["int", "float"]), d))
            return self.paren(g("float", d)) + " % " + self.paren(g(r.choice(["int", "float"]), d))
        if ty == "str":
            k = r.below(22)
            if k == 0:
                return self.paren(g("any", d)) + " ~ " + self.paren(g("any", d))
            if k == 1:
                return self.paren(g("str", d)) + " + " + self.paren(g("str", d))
            if k == 2:
                return self.paren(g("str", d)) + " * " + self.small(-1, 3)
            if k == 3:
                return self.paren(g("str", d)) + "." + r.choice(STR_METHODS_0[:7]) + "()"
            if k == 4:
                f = r.choice(STR_FILTERS_0[:10])
                return self.paren(g("str", d)) + "|" + f
            if k == 5:
                return self.paren(g("str", d)) + "|replace(" + q(r.choice(["a", "l", " ", ""])) + ", " + q(r.choice(["-", "", "XY"])) + ")"
            if k == 6:
                t = r.choice(["int", "float", "str", "any", "pair"])
                if t == "pair":
                    return q(r.choice(["%s-%s", "%r/%s", "%s%%%s"])) + " % (" + g("any", d) + ", " + g("any", d) + ")"
                spec = r.choice({"int": ["%d", "%02d", "%x", "%+d", "%5.1f", "%s", "%-4d|", "%o"],
                                 "float": ["%.2f", "%5.1f", "%e", "%g", "%d", "%s", "%r", "%+.0f"],
                                 "str": ["%s", "%r", "%-6s|", "%6s", "%.2s"],
                                 "any": ["%s", "%r"]}[t])
                return q(spec) + " % " + self.paren(g(t, d))
            if k == 7:
                t = r.choice(["int", "float", "str", "any"])
                spec = r.choice({"int": ["{}", "{:>6}", "{:,}", "{:05d}", "{:x}", "{:b}", "{:+}"],
                                 "float": ["{}", "{:.2f}", "{:>8.3f}", "{:e}", "{:g}", "{:%}", "{:.0f}"],
                                 "str": ["{}", "{:>6}", "{:<5}|", "{:^7}", "{!r}", "{:*^9}", "{:.2}"],
                                 "any": ["{}", "{!r}", "{0}{0}"]}[t])
                return q(spec) + ".format(" + g(t, d) + ")"
            if k == 8:
                a, b = r.between(-4, 4), r.between(-4, 4)
                step = r.choice(["", ":-1", ":2", ":-2"]) if r.chance(40) else ""
                return self.paren(g("str", d)) + "[%s:%s%s]" % (a if r.chance(70) else "", b if r.chance(70) else "", step)
            if k == 9:
                return self.paren(g("list", d)) + "|join(" + q(r.choice([",", ", ", "", "-"])) + ")"
            if k == 10:
                return self.paren(g("any", d)) + "|string"
            if k == 11:
                return self.paren(g("str", d)) + "|center(" + self.small(0, 12) + ")"
            if k == 12:
                return self.paren(g("str", d)) + "|truncate(" + self.small(2, 12) + (", true" if r.chance(30) else "") + ")"
            if k == 13:
                return self.paren(g("any", d)) + "|tojson"
            if k == 14:
                return self.paren(g("any", d)) + "|pprint"
            if k == 15:
                return self.paren(g("str", d)) + "." + r.choice(["zfill", "ljust", "rjust", "center"]) + "(" + self.small(0, 8) + ")"
            if k == 16:
                return self.paren(g("str", d)) + "|" + r.choice(["e", "upper", "lower", "title", "trim", "capitalize"])
            if k == 17:
                return g("str", d) + " if " + g("bool", d) + " else " + g("str", d)
            if k == 18:
                return self.paren(g("any", d)) + "|default(" + self.leaf("str") + (", true" if r.chance(40) else "") + ")"
            if k == 19:
                return self.paren(g("str", d)) + "|wordwrap(" + self.small(3, 10) + ")"
            if k == 20:
                return self.paren(g("str", d)) + "|indent(" + self.small(0, 4) + (", true" if r.chance(50) else "") + ")"
            return self.paren(g("list", d)) + "[" + self.small(-3, 3) + "]"
        if ty == "bool":
            k = r.below(12)
            if k == 0:
                t = r.choice(["int", "float", "str"])
                ops = [" < ", " <= ", " > ", " >= ", " == ", " != "]
                s = self.paren(g(t, d)) + r.choice(ops) + self.paren(g(t if r.chance(85) else r.choice(["int", "float"]), d))
                if r.chance(25):
                    s += r.choice(ops) + self.paren(g(t, d))
                return s
            if k == 1:
                return self.paren(g("any", d)) + " == " + self.paren(g("any", d))
            if k == 2:
                return self.paren(g(r.choice(["int", "str"]), d)) + r.choice([" in ", " not in "]) + self.paren(g("list", d))
            if k == 3:
                return self.paren(g("str", d)) + r.choice([" in ", " not in "]) + self.paren(g("str", d))
            if k == 4:
                return "not " + self.paren(g("any", d))
            if k == 5:
                return self.paren(g("any", d)) + r.choice([" and ", " or "]) + self.paren(g("any", d))
            if k == 6:
                return self.paren(g("any", d)) + " is " + r.choice(["", "not "]) + r.choice(TESTS_0)
            if k == 7:
                return self.paren(g("int", d)) + " is " + r.choice(INT_TESTS)
            if k == 8:
                return self.paren(g("int", d)) + " is divisibleby " + self.small(1, 5)
            if k == 9:
                return self.paren(g("str", d)) + "." + r.choice(["startswith", "endswith"]) + "(" + q(r.choice(["a", "H", "", "é", "c"])) + ")"
            if k == 10:
                return self.paren(g("any", d)) + " is " + r.choice(["eq", "ne", "lt", "gt", "le", "ge", "sameas"]) + " " + self.leaf(r.choice(["int", "none", "float"]))
            return "(" + g(r.choice(["str", "list", "dict"]), d) + ")|" + r.choice(["length", "count"]) + " > " + self.small(0, 3)
        if ty == "list":
            k = r.below(16)
            if k == 0:
                return self.paren(g("list", d)) + "|sort" + ("(reverse=true)" if r.chance(30) else "")
            if k == 1:
                return self.paren(g("list", d)) + "|reverse|list"
            if k == 2:
                return self.paren(g("list", d)) + "|unique|list"
            if k == 3:
                a, b = r.between(-3, 3), r.between(-3, 3)
                return self.paren(g("list", d)) + "[%s:%s%s]" % (a if r.chance(70) else "", b if r.chance(70) else "", r.choice(["", ":-1", ":2"]))
            if k == 4:
                return self.paren(g("list", d)) + " + " + self.paren(g("list", d))
            if k == 5:
                return self.paren(g("list", d)) + " * " + self.small(0, 2)
            if k == 6:
                return self.paren(g("str", d)) + ".split(" + r.choice(["", q(","), q(" "), "none, 1", q("a") + ", 1"]) + ")"
            if k == 7:
                return self.paren(g("str", d)) + "|list"
            if k == 8:
                return self.paren(g("list", d)) + "|map(" + q(r.choice(["string", "upper", "lower", "int", "length", "abs", "trim"])) + ")|list"
            if k == 9:
                return self.paren(g("list", d)) + "|" + r.choice(["select", "reject"]) + "(" + q(r.choice(["odd", "even", "string", "number", "defined", "none"])) + ")|list"
            if k == 10:
                return "range(" + ", ".join(self.small(-3, 6) for _ in range(r.between(1, 2))) + (", " + r.choice(["1", "2", "-1", "-2"]) if r.chance(30) else "") + ")|list"
            if k == 11:
                return self.paren(g("list", d)) + "|batch(" + self.small(1, 3) + ")|list"
            if k == 12:
                return self.paren(g("dict", d)) + "|dictsort" + r.choice(["", "(true)", "(by='value')", "(reverse=true)"])
            if k == 13:
                return self.paren(g("dict", d)) + "." + r.choice(["items", "keys", "values"]) + "()|list"
            if k == 14:
                return self.paren(g("list", d)) + "|slice(" + self.small(1, 3) + ")|list"
            return "[" + ", ".join(g("any", d) for _ in range(r.between(0, 3))) + "]"
        if ty == "tuple":
            n = r.between(1, 3)
            return "(" + ", ".join(g("any", d) for _ in range(n)) + ("," if n == 1 else "") + ")"
        if ty == "dict":
            k = r.below(4)
            if k == 0:
                names = ["a", "b", "c"][r.below(3):][: r.between(0, 2)]  # distinct keyword names
                return "dict(" + ", ".join("%s=%s" % (name, g("any", d)) for name in names) + ")"
            if k == 1:
                return "{" + ", ".join("%s: %s" % (self.leaf(r.choice(["str", "int"])), g("any", d)) for _ in range(r.between(0, 3))) + "}"
            return self.leaf("dict")
        if ty == "none":
            return r.choice(["none", self.paren(g("list", d)) + "|first if false else none", "{}.get('x')"])
        raise AssertionError(ty)


def random_vars(rng):
    r = rng
    return {
        "i": r.between(-50, 50),
        "j": r.between(0, 9),
        "big": 10 ** r.between(15, 25) * r.choice([1, -1]) + r.between(0, 99),
        "f": r.choice([0.5, 2.25, -1.5, 3.0, 0.1, 1e-5, 12345.678]),
        "s": r.choice(WORDS),
        "t": r.choice(WORDS),
        "b": r.chance(50),
        "n": None,
        "l": [r.between(-5, 9) for _ in range(r.between(0, 4))],
        "ls": [r.choice(WORDS) for _ in range(r.between(0, 4))],
        "d": {k: r.between(0, 9) for k in ["b", "a", "C"][: r.between(0, 3)]},
        "users": [{"name": r.choice(["ann", "Bob", "cid", "dee"]), "age": r.between(20, 40),
                   "city": r.choice(["Paris", "paris", "Rome"])}
                  for _ in range(r.between(0, 4))],
    }


VAR_TYPES = [("i", "int"), ("j", "int"), ("big", "int"), ("f", "float"), ("s", "str"),
             ("t", "str"), ("b", "bool"), ("n", "none"), ("l", "list"), ("ls", "list"),
             ("d", "dict")]


def expr_case(rng):
    scope = list(VAR_TYPES)
    ex = Expr(rng, scope)
    parts = []
    for k in range(rng.between(1, 3)):
        if k:
            parts.append(rng.choice(SEPARATORS))
        parts.append("{{ " + ex.gen("any", rng.between(1, 4)) + " }}")
    return "".join(parts)


class Stmt:
    """Random statement templates: if/for/set/macro/loop vars/whitespace control."""

    def __init__(self, rng):
        self.r = rng
        self.scope = list(VAR_TYPES)
        self.counter = 0
        self.loops = 0
        self.macros = []

    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def expr(self, ty="any", depth=2):
        return Expr(self.r, self.scope).gen(ty, depth)

    def tag(self, body):
        r = self.r
        left = r.weighted([(7, ""), (2, "-"), (1, "+")])
        right = r.weighted([(7, ""), (2, "-"), (1, "+")])
        return "{%" + left + " " + body + " " + right + "%}"

    def out(self, body):
        r = self.r
        left = "-" if r.chance(15) else ""
        right = "-" if r.chance(15) else ""
        return "{{" + left + " " + body + " " + right + "}}"

    def text(self):
        return "".join(self.r.choice(TEXTS) for _ in range(self.r.between(1, 3)))

    def block(self, depth, in_loop=False):
        r = self.r
        n = r.between(1, 3)
        return "".join(self.node(depth, in_loop) for _ in range(n))

    def node(self, depth, in_loop):
        r = self.r
        choices = [(4, "text"), (5, "print"), (2, "set"), (1, "comment")]
        if depth > 0:
            choices += [(3, "if"), (2, "set_block"), (1, "filter"), (1, "with"), (1, "macro")]
            if self.loops < 2:
                choices += [(3, "for")]
        if in_loop:
            choices += [(3, "loopvar"), (1, "loopctl"), (1, "ns")]
        if self.macros:
            choices += [(2, "call")]
        kind = r.weighted(choices)
        if kind == "text":
            return self.text()
        if kind == "comment":
            return "{#" + r.choice(["", "-"]) + " note " + r.choice(["", "-"]) + "#}"
        if kind == "print":
            return self.out(self.expr("any", r.between(0, 2)))
        if kind == "set":
            ty = r.choice(["int", "str", "list", "bool"])
            name = self.fresh("v")
            s = self.tag("set %s = %s" % (name, self.expr(ty, 2)))
            self.scope.append((name, ty))
            return s
        if kind == "set_block":
            name = self.fresh("blk")
            filt = r.choice(["", " | upper", " | trim", " | replace('a', '@')", " | length | string"])
            s = self.tag("set " + name + filt) + self.block(depth - 1, in_loop) + self.tag("endset")
            self.scope.append((name, "str"))
            return s + (self.out(name + r.choice(["", "|length", "|tojson"])) if r.chance(70) else "")
        if kind == "if":
            s = self.tag("if " + self.expr("bool", 2)) + self.block(depth - 1, in_loop)
            for _ in range(r.between(0, 2)):
                s += self.tag("elif " + self.expr("bool", 1)) + self.block(depth - 1, in_loop)
            if r.chance(50):
                s += self.tag("else") + self.block(depth - 1, in_loop)
            return s + self.tag("endif")
        if kind == "for":
            self.loops += 1
            target = self.fresh("x")
            k = r.below(7)
            if k == 0:
                it = "range(" + str(r.between(0, 4)) + ")"
                ty = "int"
            elif k == 1:
                it = "[" + ", ".join(Expr(r, self.scope).leaf("int") for _ in range(r.between(0, 4))) + "]"
                ty = "int"
            elif k == 2:
                it = r.choice(["l", "ls"])
                ty = "int" if it == "l" else "str"
            elif k == 3:
                it = q(r.choice(["abc", "héllo"[: r.between(0, 4)], "", "ab"]))
                ty = "str"
            elif k == 4:
                key = self.fresh("k")
                it = r.choice(["d.items()", "d|dictsort", "{'x': 1, 'y': 2}.items()"])
                target = key + ", " + target
                self.scope.append((key, "str"))
                ty = "int"
            elif k == 5:
                it = "users"
                ty = "dict"
            else:
                it = r.choice(["l|select('odd')", "ls|map('upper')", "l|reverse", "ls|sort"])
                ty = "int" if it.startswith("l|") else "str"
            cond = (" if " + self.expr("bool", 1)) if r.chance(20) else ""
            saved = list(self.scope)
            saved_macros = list(self.macros)
            self.scope.append((target.split(", ")[-1], ty))
            s = self.tag("for %s in %s%s" % (target, it, cond)) + self.block(depth - 1, True)
            self.scope = saved
            self.macros = saved_macros
            if r.chance(30):
                s += self.tag("else") + self.block(depth - 1, in_loop)
            self.loops -= 1
            return s + self.tag("endfor")
        if kind == "loopvar":
            lv = r.choice(["loop.index", "loop.index0", "loop.revindex", "loop.revindex0",
                           "loop.first", "loop.last", "loop.length", "loop.depth",
                           "loop.cycle('odd', 'even')", "loop.previtem|default('-')",
                           "loop.nextitem|default('-')", "loop.changed(loop.index is even)",
                           "loop.previtem", "loop.nextitem", "loop.depth0"])
            return self.out(lv)
        if kind == "loopctl":
            return self.tag("if loop.index " + r.choice([">", "==", ">="]) + " " + str(r.between(1, 3))) + \
                self.tag(r.choice(["break", "continue"])) + self.tag("endif")
        if kind == "ns":
            return self.tag("set ns.total = ns.total + " + self.paren_int()) + \
                (self.out("ns.total") if r.chance(30) else "")
        if kind == "filter":
            f = r.choice(["upper", "trim", "title", "replace(' ', '_')", "center(20)", "indent(2)", "striptags"])
            return self.tag("filter " + f) + self.block(depth - 1, in_loop) + self.tag("endfilter")
        if kind == "with":
            name = self.fresh("w")
            saved = list(self.scope)
            s = self.tag("with %s = %s" % (name, self.expr("any", 1)))
            self.scope.append((name, "any"))
            s += self.block(depth - 1, in_loop) + self.tag("endwith")
            self.scope = saved
            return s
        if kind == "macro":
            name = self.fresh("m")
            saved = list(self.scope)
            self.scope.append(("a", "any"))
            self.scope.append(("b", "any"))
            default = self.expr("any", 1)
            saved_macros = list(self.macros)
            body = self.block(depth - 1, False)
            self.macros = saved_macros
            if r.chance(30):
                body += self.out(r.choice(["varargs", "kwargs", "varargs|length", "kwargs|dictsort"]))
            self.scope = saved
            self.macros.append(name)
            s = self.tag("macro %s(a, b=%s)" % (name, default)) + body + self.tag("endmacro")
            return s + self.call_macro(name)
        if kind == "call":
            return self.call_macro(r.choice(self.macros))
        raise AssertionError(kind)

    def paren_int(self):
        return "(" + self.expr("int", 1) + ")"

    def call_macro(self, name):
        r = self.r
        args = [self.expr("any", 1)]
        if r.chance(40):
            args.append(("b=" if r.chance(50) else "") + self.expr("any", 1))
        return self.out("%s(%s)" % (name, ", ".join(args)))

    def template(self):
        r = self.r
        prefix = "{% set ns = namespace(total=0) %}" if r.chance(60) else ""
        body = self.block(3)
        if "ns.total" in body and not prefix:
            prefix = "{% set ns = namespace(total=0) %}"
        tail = self.out("ns.total") if prefix and r.chance(50) else ""
        nl = r.choice(["", "", "\n", "\n\n"])
        return prefix + body + tail + nl


def make_case(rng, kind, seed, index):
    if kind == "both":
        kind = "expr" if rng.chance(50) else "stmt"
    variables = random_vars(rng)
    if kind == "expr":
        template = expr_case(rng)
    else:
        template = Stmt(rng).template()
    strict = rng.chance(10)
    return {
        "name": "random-%s-%d-%d" % (kind, seed, index),
        "strict": strict,
        "template": template,
        "vars": variables,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Seeded random Jinja templates (oracle.py JSONL input).")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--kind", choices=["expr", "stmt", "both"], default="both")
    args = parser.parse_args(argv)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", closefd=False)
    for index in range(args.count):
        # One independent stream per case: case i is the same whatever --count is.
        rng = Rng((args.seed * 0x100000001B3) ^ (index * 0x9E3779B97F4A7C15)
                  ^ {"expr": 1, "stmt": 2, "both": 3}[args.kind])
        for _ in range(4):
            rng.next()
        case = make_case(rng, args.kind, args.seed, index)
        out.write(json.dumps(case, ensure_ascii=True, sort_keys=True) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
