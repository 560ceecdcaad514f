#!/usr/bin/env python3
"""Compare memsafe census JSON with cloc --json per sampled commit (output of census-vs-cloc.sh)."""
import json, sys, os

out = sys.argv[1]
samples = [l.split() for l in open(sys.argv[2]) if l.strip()]
C_FAMILY_CLOC = ["C", "C++", "C/C++ Header", "Objective-C", "Objective-C++"]
C_FAMILY_MEMSAFE = ["C", "C++", "Objective-C", "Objective-C++"]
rows = []
for label, commit in samples:
    cloc = json.load(open(os.path.join(out, f"cloc-{label}.json")))
    ms = json.load(open(os.path.join(out, f"memsafe-{label}.json")))
    tree = json.load(open(os.path.join(out, f"memsafe-tree-{label}.json")))
    def cl(names):
        return sum(cloc.get(n, {}).get("code", 0) for n in names)
    def me(names, j=ms):
        return sum(j["languages"].get(n, {}).get("code", 0) for n in names)
    def pct(a, b):
        return "n/a" if b == 0 else f"{100.0 * (a - b) / b:+.2f}%"
    same = me(C_FAMILY_MEMSAFE) == me(C_FAMILY_MEMSAFE, tree) and me(["Rust"]) == me(["Rust"], tree)
    r = [label, commit[:10],
         me(C_FAMILY_MEMSAFE), cl(C_FAMILY_CLOC), pct(me(C_FAMILY_MEMSAFE), cl(C_FAMILY_CLOC)),
         me(["Rust"]), cl(["Rust"]), pct(me(["Rust"]), cl(["Rust"])),
         me(["Python"]), cl(["Python"]), pct(me(["Python"]), cl(["Python"])),
         me(["Fish Shell"]), cl(["Fish Shell"]), pct(me(["Fish Shell"]), cl(["Fish Shell"])),
         "yes" if same else "NO"]
    rows.append(r)
hdr = ["period", "commit", "C-family memsafe", "C-family cloc", "diff", "Rust memsafe", "Rust cloc", "diff",
       "Python memsafe", "Python cloc", "diff", "Fish memsafe", "Fish cloc", "diff", "rev==tree"]
print("| " + " | ".join(hdr) + " |")
print("|" + "---|" * len(hdr))
for r in rows:
    print("| " + " | ".join(str(x) for x in r) + " |")
