#!/usr/bin/env python3
"""Compare `memsafe harden --format json` with `checksec --format=csv --dir=...` (Debian checksec 2.x).

Usage: harden-vs-checksec.py MEMSAFE.json CHECKSEC.csv [CHECKSEC.csv ...]

Compares, per file present in both, the checks both tools report (RELRO, canary, NX, PIE, RPATH, RUNPATH,
symbols, FORTIFY yes/no) with the same mapping as the Java test helper ChecksecAgreement: checksec's
DSO/REL PIE and the RELRO/NX of relocatable objects are "not applicable" (null) in memsafe; FORTIFY "No"
matches both false and null. Prints counts and every disagreement grouped by check.
"""
import collections
import json
import sys


def checksec_rows(paths):
    rows = {}
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                fields = line.split(",", 10)
                if len(fields) < 11 or not fields[10].startswith("/"):
                    continue
                rows[fields[10]] = fields
    return rows


def compare(f, checks, compared):
    out = {}

    def cmp(cid, theirs, skip_na=True):
        ours = checks.get(cid)
        if ours is None and skip_na:
            return
        compared[cid] += 1
        if theirs != ours:
            out[cid] = (theirs, ours)

    cmp("elf.relro", {"Full RELRO": "full", "Partial RELRO": "partial"}.get(f[0], "none"))
    cmp("elf.canary", f[1] == "Canary found", skip_na=False)
    cmp("elf.nx", f[2] == "NX enabled")
    pie = {"PIE enabled": True, "No PIE": False}.get(f[3])
    compared["elf.pie"] += 1
    if pie != checks.get("elf.pie"):
        out["elf.pie"] = (f[3], checks.get("elf.pie"))
    cmp("elf.rpath", f[4] == "RPATH")
    cmp("elf.runpath", f[5] == "RUNPATH")
    cmp("elf.stripped", f[6] == "No Symbols", skip_na=False)
    compared["elf.fortify"] += 1
    if (f[7] == "Yes") != (checks.get("elf.fortify") is True):
        out["elf.fortify"] = (f[7], checks.get("elf.fortify"))
    return out


def main():
    memsafe = json.load(open(sys.argv[1]))
    ours = {f["path"]: f for f in memsafe["files"]}
    theirs = checksec_rows(sys.argv[2:])
    common = sorted(set(ours) & set(theirs))
    only_checksec = sorted(set(theirs) - set(ours))
    only_memsafe = sorted(p for p in set(ours) - set(theirs) if ours[p].get("format") == "elf")
    per_check = collections.Counter()
    compared = collections.Counter()
    examples = collections.defaultdict(list)
    errors = []
    for path in common:
        f = ours[path]
        if f.get("error"):
            errors.append((path, f["error"]))
            continue
        diff = compare(theirs[path], f["checks"], compared)
        for cid, (t, o) in diff.items():
            per_check[cid] += 1
            examples[(cid, str(t), str(o))].append(path)
    total = sum(compared.values())
    print(f"files in both: {len(common)}; only checksec: {len(only_checksec)}; only memsafe (ELF): {len(only_memsafe)}")
    print(f"memsafe errors on common files: {len(errors)}")
    print(f"check comparisons: {total}; disagreements: {sum(per_check.values())}")
    for cid in compared:
        print(f"  {cid:14} compared {compared[cid]:6}  disagree {per_check[cid]}")
    for (cid, t, o), paths in sorted(examples.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"- {cid}: checksec {t} / memsafe {o}: {len(paths)} files, e.g. {', '.join(paths[:3])}")
    for p in only_checksec[:10]:
        print(f"  only in checksec: {p}")
    for p in only_memsafe[:10]:
        print(f"  only in memsafe: {p}")
    for p, e in errors[:10]:
        print(f"  memsafe error: {p}: {e}")


if __name__ == "__main__":
    main()
