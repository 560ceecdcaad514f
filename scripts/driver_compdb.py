#!/usr/bin/env python3
"""Writes a compile database (compile_commands.json) for driver sources that have no build system the
scan can run here (a WDK .vcxproj, a kernel Kbuild): every .c file under DIR, compiled with -I DIR and
the given -D flags. The bundled kernel preludes stand in for the WDK's and the kernel's headers.

    scripts/driver_compdb.py DIR [-DNAME[=VALUE]]... [-IDIR]... [--exclude SUBSTRING]... -o OUT.json
"""
import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--exclude", action="append", default=[], help="skip files whose path contains this")
    args, extra = ap.parse_known_args()
    defines = [d for d in extra if d.startswith("-D")]
    includes = [os.path.abspath(i[2:]) for i in extra if i.startswith("-I")]
    root = os.path.abspath(args.dir)
    entries = []
    # a source linked into several folders (ldd3's scull-async links scull's files) is one file: scan it once
    seen = set()
    for base, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(base, name)
            if any(x in path for x in args.exclude) or os.path.realpath(path) in seen:
                continue
            seen.add(os.path.realpath(path))
            incs = sorted({base, root}) + includes
            cmd = ["cc", "-c"] + ["-I" + i for i in incs] + defines + [path]
            entries.append({"directory": base, "file": path, "arguments": cmd})
    with open(args.out, "w") as f:
        json.dump(entries, f, indent=1)
    print(f"{len(entries)} entries -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
