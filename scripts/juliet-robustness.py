#!/usr/bin/env python3
"""Scans every C and C++ file of a Juliet tree with memsafe, one run per CWE folder and language,
and reports crashes (exit status other than 0/1, or an internal error) and analyses that ran out
of budget. Usage: scripts/juliet-robustness.py ../shared/juliet [memsafe-command] [FOLDER-PREFIX,...]"""
import json, os, subprocess, sys, tempfile, time

root = sys.argv[1]
memsafe = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "memsafe")
support = os.path.abspath(os.path.join(root, "testcasesupport"))
total = dict(files=0, runs=0, crashes=0, budget_notes=0, failed_notes=0, seconds=0.0)
only = sys.argv[3].split(",") if len(sys.argv) > 3 else None
for cwe in sorted(os.listdir(os.path.join(root, "testcases"))):
    if only and not any(cwe.startswith(p) for p in only):
        continue
    for ext in (".c", ".cpp"):
        files = []
        for dp, _, fns in os.walk(os.path.join(root, "testcases", cwe)):
            files += [os.path.abspath(os.path.join(dp, f)) for f in fns if f.endswith(ext)]
        if not files:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "compile_commands.json")
            json.dump([dict(directory=os.path.dirname(f), file=f, arguments=["cc", "-I" + support, "-DINCLUDEMAIN", "-c", f])
                       for f in sorted(files)], open(db, "w"))
            out = os.path.join(tmp, "out.json")
            t = time.time()
            p = subprocess.run([memsafe, "scan", "--compile-commands", db, "--format", "json", "-o", out],
                               capture_output=True, text=True)
            dt = time.time() - t
            crash = p.returncode not in (0, 1) or "internal error" in p.stderr or not os.path.exists(out)
            notes = json.load(open(out))["diagnostics"] if os.path.exists(out) else []
            budget = sum("stopped" in d["message"] for d in notes)
            failed = sum("failed" in d["message"] for d in notes)
            findings = len(json.load(open(out))["findings"]) if os.path.exists(out) else 0
            print(f"{cwe}{ext}: files={len(files)} rc={p.returncode} seconds={dt:.0f} findings={findings} "
                  f"budget_notes={budget} failed_notes={failed}" + (" CRASH " + p.stderr[-500:] if crash else ""), flush=True)
            total["files"] += len(files); total["runs"] += 1; total["crashes"] += crash
            total["budget_notes"] += budget; total["failed_notes"] += failed; total["seconds"] += dt
print("TOTAL", json.dumps(total))
