#!/usr/bin/env python3
"""Compare `memsafe harden --kernel-config` with kernel-hardening-checker, check by check.

Usage: harden-vs-kernel-hardening-checker.py CHECKER_DIR CONFIG [CONFIG ...]

CHECKER_DIR is a checkout of github.com/a13xp0p0v/kernel-hardening-checker (not vendored here; its
bin/kernel-hardening-checker is run with this python3). For each configuration both tools are run
(`-m json` and `--format json`); a memsafe check is paired with the kernel-hardening-checker check that
names the same option and the same desired value (the first option of a compound check is what both
report). Prints, per configuration, how many checks both make and how many verdicts agree, every
disagreement, memsafe checks with no counterpart, and a Markdown table of the paired checks.
Environment: MEMSAFE (default: ./memsafe next to this script's parent directory).
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MEMSAFE = os.environ.get("MEMSAFE", os.path.join(os.path.dirname(HERE), "memsafe"))


def checker(checker_dir, config):
    out = subprocess.run([sys.executable, os.path.join(checker_dir, "bin", "kernel-hardening-checker"),
                          "-c", config, "-m", "json"], capture_output=True, text=True, check=True).stdout
    verdicts = {}
    for row in json.loads(out):
        if row.get("type") != "kconfig":
            continue
        key = (row["option_name"], row["desired_val"])
        # A key the checker lists twice (it does so for a few options) is kept only if both rows agree.
        if key in verdicts and verdicts[key] != row["check_result_bool"]:
            verdicts[key] = None
        else:
            verdicts.setdefault(key, row["check_result_bool"])
    return verdicts


def memsafe(config):
    run = subprocess.run([MEMSAFE, "harden", "--kernel-config", config, "--format", "json"],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit(f"memsafe failed on {config}: {run.stderr}")
    return json.loads(run.stdout)["kernel_config"]


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    checker_dir, configs = sys.argv[1], sys.argv[2:]
    table = {}
    total_pairs = total_agree = 0
    for config in configs:
        name = os.path.basename(config)
        theirs = checker(checker_dir, config)
        ours = memsafe(config)
        pairs = agree = 0
        unpaired, disagreements = [], []
        for cid, value in ours["checks"].items():
            if value is None:
                continue
            d = ours["details"][cid]
            key = (d["option"], d["expected"])
            if key not in theirs or theirs[key] is None:
                unpaired.append(cid)
                continue
            pairs += 1
            same = theirs[key] == value
            agree += same
            table.setdefault(cid, {})[name] = (value, theirs[key])
            if not same:
                disagreements.append(f"  {cid} ({d['option']}={d['expected']}): memsafe {value}, checker {theirs[key]}"
                                     f" - memsafe: {ours['reasons'].get(cid)}")
        total_pairs += pairs
        total_agree += agree
        print(f"{name}: {ours['architecture']} {ours['kernel_version']}: {pairs} checks both make, {agree} agree"
              f"; memsafe-only: {', '.join(unpaired) or 'none'}")
        for line in disagreements:
            print(line)
    print(f"total: {total_pairs} paired verdicts, {total_agree} agree ({100.0 * total_agree / max(total_pairs, 1):.1f}%)")
    names = [os.path.basename(c) for c in configs]
    print("\n| check | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for cid, cells in table.items():
        row = []
        for n in names:
            if n not in cells:
                row.append("–")
            else:
                m, k = cells[n]
                mark = ("ok" if m else "FAIL")
                row.append(mark if m == k else f"**memsafe {mark}, checker {'ok' if k else 'FAIL'}**")
        print(f"| `{cid}` | " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
