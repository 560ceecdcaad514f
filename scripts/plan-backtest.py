#!/usr/bin/env python3
"""Backtest of `memsafe plan`: does the ranking at an older commit predict where later memory-safety fixes landed?

Usage:
  scripts/plan-backtest.py GIT_DIR CUT_DATE [--memsafe PATH] [--weights SPEC] [--tune] [--json OUT]

Method (docs/benchmarks-census.md, "Backtest of plan"):
  1. The cut commit: the last first-parent commit of HEAD dated before CUT_DATE.
  2. `memsafe plan GIT_DIR --at CUT --by file --format json`: components are file groups (foo.c with foo.h),
     ranked with the default weights (or --weights). No SARIF is given: the findings factor is 0 for every
     component, so only size, exposure and churn (12 months before the cut) rank.
  3. Later fixes: every commit reachable from HEAD and committed after the cut (all branches merged into HEAD,
     not only first-parent), with the files it changed. A commit counts as a memory-safety CVE fix if its message
     names a CVE id (CVE-YYYY-N) and does not describe a non-memory bug class (infinite loop, division by zero,
     XXE / entity expansion, ReDoS); as a memory-safety fix if its message names a memory-safety bug class
     (buffer/heap/stack/integer overflow, out-of-bounds, over-read, underflow, use-after-free, double free,
     invalid read/write, NULL dereference), CVE or not. Each fix counts once for each component among the files it
     changed (only files that existed at the cut: code written later has no rank).
  4. Spearman's rank correlation (ties get average ranks) over all components between the fix counts and
     (a) memsafe's score, (b) memory-unsafe size alone; and the share of the fix events that land in the first
     ten components of each ranking.
  --tune: grid search over the weights of size, exposure and churn (steps of 0.1, summing to 1) for the best
     Spearman against CVE+memory-safety fixes on this project; prints the best weights as a --weights SPEC.
"""
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CVE = re.compile(r"CVE-\d{4}-\d{4,}")
NOT_MEMORY = re.compile(r"(?i)infinite loop|division by zero|divide by zero|\bXXE\b|entity expansion|billion laughs|ReDoS")
MEMORY = re.compile(r"(?i)(?:buffer|heap|stack|integer|int)[- ]?(?:buffer[- ])?overflow|\boverflow\b|out[- ]of[- ]bounds|\bOOB\b|"
                    r"over-?read|under-?flow|use[- ]after[- ]free|\bUAF\b|double[- ]free|invalid (?:read|write)|"
                    r"null(?: pointer)? deref")


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, stdout=subprocess.PIPE).stdout.decode("utf-8", "replace")


def file_group(path):
    slash = path.rfind("/")
    dot = path.rfind(".")
    return (path[:dot] if dot > slash + 1 else path) + ".*"


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(x, y):
    rx, ry = ranks(x), ranks(y)
    n = len(x)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else float("nan")


def score(c, w, maxima):
    s = w["size"] * c["unsafe_code"] / max(1, maxima["size"])
    if maxima["exposure"]:
        s += w["exposure"] * c["exposure_weight"] / maxima["exposure"]
    if maxima["churn"]:
        s += w["churn"] * c["churn"] / maxima["churn"]
    return s


def main():
    argv = sys.argv[1:]
    opt = lambda name, default=None: argv[argv.index(name) + 1] if name in argv else default
    git_dir, cut_date = argv[0], argv[1]
    memsafe = opt("--memsafe", str(HERE.parent / "memsafe"))
    cut = git(git_dir, "rev-list", "-1", "--first-parent", f"--before={cut_date}", "HEAD").strip()
    cut_time = int(git(git_dir, "show", "-s", "--format=%ct", cut).strip())
    cmd = [memsafe, "plan", git_dir, "--at", cut, "--by", "file", "--format", "json"]
    if opt("--weights"):
        cmd += ["--weights", opt("--weights")]
    plan = json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout)
    comps = plan["components"]
    names = {c["name"] for c in comps}

    # later fixes per component
    log = git(git_dir, "log", "HEAD", f"--since={cut_time + 1}", "--name-only", "--format=%x00%H %ct%x00%B%x00")
    cve_ids, fixes = defaultdict(set), defaultdict(int)
    n_cve_commits = n_fix_commits = 0
    parts = log.split("\x00")
    for k in range(1, len(parts) - 2, 3):
        head, body, files = parts[k], parts[k + 1], parts[k + 2]
        if int(head.split()[1]) <= cut_time:
            continue
        cves = set(CVE.findall(body)) if not NOT_MEMORY.search(body) else set()
        memory = bool(MEMORY.search(body)) or bool(cves)
        touched = {file_group(f) for f in files.split("\n") if f.strip()} & names
        if cves:
            n_cve_commits += 1
        if memory:
            n_fix_commits += 1
        for comp in touched:
            cve_ids[comp] |= cves
            if memory:
                fixes[comp] += 1

    scores = [c["score"] for c in comps]
    sizes = [c["unsafe_code"] for c in comps]
    cve_counts = [len(cve_ids[c["name"]]) for c in comps]
    fix_counts = [fixes[c["name"]] for c in comps]
    result = {
        "cut": cut, "cut_date": cut_date, "components": len(comps), "weights": plan["weights"],
        "cve_commits": n_cve_commits, "distinct_cves_in_ranked_files": len(set().union(*cve_ids.values())) if cve_ids else 0,
        "memory_fix_commits": n_fix_commits, "fix_events_in_ranked_files": sum(fix_counts),
        "spearman_memsafe_cve": spearman(scores, cve_counts), "spearman_size_cve": spearman(sizes, cve_counts),
        "spearman_memsafe_fixes": spearman(scores, fix_counts), "spearman_size_fixes": spearman(sizes, fix_counts),
        "top10_share_of_fixes_memsafe": sum(fix_counts[:10]) / max(1, sum(fix_counts)),
        "top10_share_of_fixes_size": sum(f for _, f in sorted(zip(sizes, fix_counts), key=lambda t: -t[0])[:10]) / max(1, sum(fix_counts)),
        "top10": [(c["name"], c["unsafe_code"], len(cve_ids[c["name"]]), fixes[c["name"]]) for c in comps[:10]],
        "top10_by_fixes": sorted(((c["name"], c["rank"], fixes[c["name"]]) for c in comps), key=lambda t: -t[2])[:10],
    }
    maxima = {"size": max(sizes, default=1), "exposure": max((c["exposure_weight"] for c in comps), default=0),
              "churn": max((c["churn"] for c in comps), default=0)}
    # the formula above must be memsafe's: check it on the weights memsafe used
    w0 = plan["weights"]
    assert all(abs(score(c, w0, maxima) - c["score"]) < 2e-3 for c in comps), "score formula differs from memsafe's"
    if "--tune" in argv:
        best = None
        for s10 in range(11):
            for e10 in range(11 - s10):
                w = {"size": s10 / 10, "exposure": e10 / 10, "churn": (10 - s10 - e10) / 10}
                rho = spearman([score(c, w, maxima) for c in comps], fix_counts)
                if best is None or rho > best[0] + 1e-12:
                    best = (rho, w)
        result["tuned"] = {"spearman_fixes": best[0], "weights": f"size={best[1]['size']},exposure={best[1]['exposure']},"
                                                                  f"churn={best[1]['churn']},findings=0"}
        result["tuned"]["spearman_cve"] = spearman([score(c, best[1], maxima) for c in comps], cve_counts)
    out = json.dumps(result, indent=2)
    if opt("--json"):
        Path(opt("--json")).write_text(out + "\n")
    print(out)


if __name__ == "__main__":
    main()
