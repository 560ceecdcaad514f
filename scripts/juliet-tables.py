#!/usr/bin/env python3
"""Markdown tables (per CWE, per flow variant) from juliet_score.py --out files of several tools.
Usage: juliet-tables.py NAME=FILE.jsonl[,FILE2.jsonl] ... [--flows LO-HI] [--short] (--short: discrimination only)"""
import collections, json, sys

def load(spec):
    rows = {}
    for f in spec.split(","):
        for line in open(f):
            r = json.loads(line)
            rows[r["id"]] = r
    return rows

def main(argv):
    lo, hi, tools, short = 0, 99, [], False
    it = iter(argv)
    for a in it:
        if a == "--short":
            short = True
        elif a == "--flows":
            lo, hi = (int(x) for x in next(it).split("-"))
        else:
            name, spec = a.split("=", 1)
            tools.append((name, load(spec)))
    ids = sorted(set.intersection(*(set(t) for _, t in tools)))
    ids = [i for i in ids if lo <= int(tools[0][1][i]["flow"]) <= hi]
    for key, label in (("cwe", "CWE"), ("flow", "flow")):
        groups = collections.defaultdict(list)
        for i in ids:
            groups[tools[0][1][i][key]].append(i)
            groups["all"].append(i)
        cols = ["discrimination"] if short else ["recall", "clean", "discrimination"]
        print(f"| {label} | n | " + " | ".join(f"{n} {c}" for n, _ in tools for c in cols) + " |")
        print("|" + "---|" * (2 + len(cols) * len(tools)))
        for g in sorted(groups, key=lambda x: (x == "all", str(x))):
            cells = [str(g), f"{len(groups[g]):,}"]
            for _, t in tools:
                rs = [t[i] for i in groups[g]]
                n = len(rs)
                if not short:
                    cells += [f"{100 * sum(r['detected'] for r in rs) / n:.1f}%", f"{100 * sum(r['clean'] for r in rs) / n:.1f}%"]
                cells.append(f"{100 * sum(r['detected'] and r['clean'] for r in rs) / n:.1f}%")
            print("| " + " | ".join(cells) + " |")
        print()

if __name__ == "__main__":
    main(sys.argv[1:])
