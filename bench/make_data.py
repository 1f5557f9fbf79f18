"""Writes bench/templates/data.json: the 1,000 rows the rows templates loop over.

Deterministic (fixed seed). Prices are in thousandths ending in 1, 3, 7 or 9 and quantities
are odd and not multiples of 5, so neither `round(2)` nor `"%.2f"` ever meets a midpoint:
Python floats and Fluid's decimals then print the same digits. Run with /usr/bin/python3.
"""
import json
import pathlib
import random

FIRST = ["ada", "alan", "grace", "edsger", "barbara", "donald", "frances", "ken", "margaret", "linus",
         "guido", "anders", "niklaus", "john", "radia", "tony", "leslie", "dennis", "bjarne", "hedy"]
LAST = ["lovelace", "turing", "hopper", "dijkstra", "liskov", "knuth", "allen", "thompson", "hamilton",
        "torvalds", "rossum", "hejlsberg", "wirth", "backus", "perlman", "hoare", "lamport", "ritchie"]
TAGS = ["new", "vip", "churn", "trial", "annual", "monthly", "partner", "edu", "beta", "legacy"]
QTY = [q for q in range(1, 40, 2) if q % 5 != 0]


def main():
    rnd = random.Random(20240601)
    rows = []
    for i in range(1, 1001):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        row = {
            "id": i,
            "name": f"{first} {last}",
            "score": rnd.randint(0, 100),
            "price": (rnd.randint(100, 49999) // 10 * 10 + rnd.choice([1, 3, 7, 9])) / 1000,
            "qty": rnd.choice(QTY),
            "active": rnd.random() < 0.7,
            "tags": rnd.sample(TAGS, rnd.randint(0, 3)),
        }
        if rnd.random() < 0.8:
            row["email"] = f"{first}.{last}{i}@example.com"
        rows.append(row)
    # "model" holds the plain variables of the dbt-style model (its functions come from the host).
    model = {"this": '"analytics"."fct_orders"', "var_start_date": "2020-01-01"}
    data = {"title": "Customer report", "currency": "EUR", "model": model, "rows": rows}
    path = pathlib.Path(__file__).parent / "templates" / "data.json"
    # One row per line: small enough to read and to diff.
    lines = ",\n".join("  " + json.dumps(row) for row in rows)
    head = json.dumps({k: v for k, v in data.items() if k != "rows"})[:-1]
    path.write_text(head + ',\n "rows": [\n' + lines + "\n ]\n}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
