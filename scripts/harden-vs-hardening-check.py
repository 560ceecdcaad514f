#!/usr/bin/env python3
"""Compare `memsafe harden --format json` with devscripts' `hardening-check` output.

Usage: harden-vs-hardening-check.py MEMSAFE.json HARDENING-CHECK.txt

The text file is the concatenated output of `hardening-check FILE...`. Compared: PIE, stack protector,
FORTIFY, read-only relocations, immediate binding, stack clash (yes vs. memsafe true; "unknown" vs. null),
control flow integrity (hardening-check needs both IBT and SHSTK).
"""
import collections
import json
import re
import sys


def parse(path):
    files, current = {}, None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if line.endswith(":") and line.startswith("/"):
            current = line[:-1]
            files[current] = {}
        elif current and line.startswith(" ") and ":" in line:
            key, value = line.strip().split(":", 1)
            files[current][key.strip()] = value.strip()
    return files


def verdicts(hc, f):
    """(check, hardening-check's value mapped to memsafe's, memsafe's value) pairs that can be compared."""
    c, d = f["checks"], f.get("details", {})
    out = []

    def yes(v):
        return v.startswith("yes")

    if "Position Independent Executable" in hc:
        v = hc["Position Independent Executable"]
        theirs = True if yes(v) else (None if "shared library" in v else False)
        out.append(("elf.pie", theirs, c.get("elf.pie")))
    if "Stack protected" in hc:
        out.append(("elf.canary", yes(hc["Stack protected"]), c.get("elf.canary")))
    if "Fortify Source functions" in hc:
        v = hc["Fortify Source functions"]
        theirs = True if yes(v) else (None if v.startswith("unknown") else False)
        out.append(("elf.fortify", theirs, c.get("elf.fortify")))
    if "Read-only relocations" in hc and c.get("elf.relro") is not None:
        out.append(("elf.relro(gnu_relro)", yes(hc["Read-only relocations"]), c.get("elf.relro") != "none"))
    if "Immediate binding" in hc and "elf.relro" in d:
        out.append(("bind_now", yes(hc["Immediate binding"]), d["elf.relro"]["bind_now"]))
    if "Stack clash protection" in hc and c.get("elf.stack_clash", "n/a") != "n/a":
        v = hc["Stack clash protection"]
        out.append(("elf.stack_clash", True if yes(v) else None, c.get("elf.stack_clash")))
    if "Control flow integrity" in hc and c.get("elf.cet_ibt") is not None:
        out.append(("elf.cet_ibt+shstk", yes(hc["Control flow integrity"]), bool(c.get("elf.cet_ibt") and c.get("elf.cet_shstk"))))
    return out


def main():
    ours = {f["path"]: f for f in json.load(open(sys.argv[1]))["files"] if f.get("format") == "elf" and not f.get("error")}
    theirs = parse(sys.argv[2])
    common = sorted(set(ours) & set(theirs))
    compared, disagree, examples = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    for p in common:
        for check, t, o in verdicts(theirs[p], ours[p]):
            compared[check] += 1
            if t != o:
                disagree[check] += 1
                examples[(check, str(t), str(o))].append(p)
    print(f"files in both: {len(common)}; comparisons: {sum(compared.values())}; disagreements: {sum(disagree.values())}")
    for check in compared:
        print(f"  {check:22} compared {compared[check]:6}  disagree {disagree[check]}")
    for (check, t, o), paths in sorted(examples.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"- {check}: hardening-check {t} / memsafe {o}: {len(paths)} files, e.g. {', '.join(paths[:3])}")


if __name__ == "__main__":
    main()
