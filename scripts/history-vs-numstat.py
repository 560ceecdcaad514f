#!/usr/bin/env python3
"""Compares `memsafe history`'s physical line counts (added_lines / deleted_lines) with
`git log --first-parent -m --numstat`, per monthly period, or per commit.

Usage: scripts/history-vs-numstat.py GIT_DIR HISTORY_JSON [REV] [--algorithm myers|histogram] [--markdown]
       scripts/history-vs-numstat.py GIT_DIR HISTORY_JSON [REV] --store HISTORY_DB    (per commit; TOP=n rows)

HISTORY_JSON is the output of `memsafe history GIT_DIR --format json` (monthly periods, default options); with
--store, HISTORY_DB is the store that run wrote (`--db`): its per-commit deltas are compared with git's numstat of
each first-parent commit, largest gaps first, with git's counted files of each.

What is compared: the files memsafe counts. git counts every text file; memsafe counts regular files of a language
it knows (LanguageTable: by file name, then by extension, then - for files without an extension - by shebang).
So each numstat row is kept only if memsafe would count that side of it: the file name and extension lists are
read from LanguageTable.java in this repository, and an extension-less file is kept if its blob starts with a
shebang naming an interpreter LanguageTable knows (the blob ids come from `--raw`, printed beside `--numstat`).
Symbolic links and submodules (git counts them as one-line files) are left out, as memsafe leaves them out; a
type change (file <-> link) counts the regular side whole. Binary files ("-" in numstat) are skipped by both.
Renames are git's default detection on both sides (memsafe's GitRenames follows it). Periods are calendar
months of the commit date, UTC. The default algorithm is git's default (Myers), which memsafe's diff follows.
"""
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLE = HERE.parent / "src/main/java/io/memsafe/census/lang/LanguageTable.java"
SHEBANG = re.compile(rb"^#!\s*(?:/usr)?(?:/local)?/bin/(?:env\s+)?(\w+)")
REGULAR = {"100644", "100755"}
SHEBANG_LANGS = {"sh", "dash", "bash", "zsh", "fish", "python", "perl", "ruby", "node"}


def language_table():
    """Extensions and file names from LanguageTable.java's lang(...) entries: lang("Name", SAFETY, SYNTAX, "ext"...)
    with SYNTAX a constant or a `new Syntax(...)` whose own string arguments are not extensions."""
    src = TABLE.read_text()
    exts, names = set(), set()
    for m in re.finditer(r'lang\("[^"]+",\s*\w+,\s*', src):
        i, depth = m.end(), 0
        while depth or src[i] != ",":  # skip the syntax argument, parentheses balanced
            depth += {"(": 1, ")": -1}.get(src[i], 0)
            i += 1
        depth, j = 0, i
        while depth or src[j] != ")":  # the extensions, up to the call's closing parenthesis
            depth += {"(": 1, ")": -1}.get(src[j], 0)
            j += 1
        exts.update(re.findall(r'"([^"]*)"', src[i:j]))
        w = re.match(r'\)\.withNames\(([^)]*)\)', src[j:])
        if w:
            names.update(re.findall(r'"([^"]*)"', w.group(1)))
    return exts, names


EXTS, NAMES = language_table()


def needs_shebang(path):
    base = path.rsplit("/", 1)[-1]
    if base in NAMES:
        return False
    dot = base.rfind(".")
    return dot <= 0 or dot == len(base) - 1


def counted_by_path(path):
    base = path.rsplit("/", 1)[-1]
    if base in NAMES:
        return True
    dot = base.rfind(".")
    if dot <= 0 or dot == len(base) - 1:
        return None  # decided by the content
    ext = base[dot + 1:].lower()
    if ext == "h" or ext in EXTS:
        return True
    prev = base.rfind(".", 0, dot)
    return prev >= 0 and base[prev + 1:].lower() in EXTS


class Blobs:
    """First bytes of blobs, through one `git cat-file --batch` process."""

    def __init__(self, git_dir):
        self.p = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.cache = {}

    def content(self, sha):
        self.p.stdin.write(sha.encode() + b"\n")
        self.p.stdin.flush()
        header = self.p.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            return b""
        return self.p.stdout.read(int(header[2]) + 1)[:-1]

    def shebang_counted(self, sha):
        if sha not in self.cache:
            m = SHEBANG.match(self.content(sha)[:200].split(b"\n", 1)[0])
            interp = re.sub(rb"[0-9.]+$", b"", m.group(1)).decode() if m else ""
            self.cache[sha] = interp in SHEBANG_LANGS
        return self.cache[sha]

    def lines(self, sha):
        data = self.content(sha)
        return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def counted(path, sha, blobs):
    by_path = counted_by_path(path)
    if by_path is None:
        return sha != "0" * len(sha) and blobs.shebang_counted(sha)
    return by_path


def numstat_by_month(git_dir, rev, algorithm):
    cmd = ["git", "--git-dir", git_dir, "-c", "core.quotePath=false", "log", "--first-parent", "-m", "-M",
           "--raw", "--numstat", "--no-abbrev", f"--diff-algorithm={algorithm}", "--format=@%H %ct", rev]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout.decode("utf-8", "replace")
    blobs = Blobs(git_dir)
    global files
    files = defaultdict(list)
    months = defaultdict(lambda: [0, 0, 0, 0])  # added, deleted counted; added, deleted all text files
    commits = defaultdict(lambda: [0, 0, 0, 0])  # the same per commit
    month, raw, k = None, [], 0
    for line in out.split("\n"):
        if line.startswith("@"):
            sha, ts = line[1:].split()
            month = datetime.fromtimestamp(int(ts), timezone.utc).strftime("%Y-%m")
            raw, k = [], 0
            commits[sha]  # a commit with no counted change is still a commit
        elif line.startswith(":"):
            meta, *paths = line.split("\t")
            f = meta.split()
            raw.append((f[2], f[3], f[4][0], paths[0], paths[-1], f[0][1:], f[1]))
        elif line and line[0] in "-0123456789":
            a, d, _ = line.split("\t", 2)
            old_sha, new_sha, status, old_path, new_path, old_mode, new_mode = raw[k]
            k += 1
            if a == "-":
                continue  # binary
            a, d = int(a), int(d)
            # memsafe counts regular files only: a symbolic link (120000) is a path, a submodule (160000) a commit id,
            # and git counts either as a one-line file
            new_counted = status != "D" and new_mode in REGULAR and counted(new_path, new_sha, blobs)
            old_counted = status != "A" and old_mode in REGULAR and counted(old_path, old_sha, blobs)
            if status == "T":  # a type change (file <-> link) is no rename: git diffs the two, memsafe counts one side
                row = [blobs.lines(new_sha) if new_counted else 0, blobs.lines(old_sha) if old_counted else 0, a, d]
                if row[0] or row[1]:
                    files[sha].append((new_path, row[0], row[1]))
                for target in (months[month], commits[sha]):
                    for i in range(4):
                        target[i] += row[i]
                continue
            row = [0, 0, a, d]
            if status in "RC" and new_counted != old_counted:
                # a rename across a counted and an uncounted type (tests/x.in -> tests/x.fish): for memsafe one side
                # has no language, so the other side is a whole file added (or deleted), not an edit
                if new_counted:
                    row[0] = blobs.lines(new_sha)
                else:
                    row[1] = blobs.lines(old_sha)
            else:
                row[0] = a if new_counted else 0
                row[1] = d if old_counted else 0
            if row[0] or row[1]:
                files[sha].append((new_path, row[0], row[1]))
            for target in (months[month], commits[sha]):
                for i in range(4):
                    target[i] += row[i]
    return months, commits


def compare_commits(store, git_commits):
    """Per commit: memsafe's deltas from the history store (--store DB) against git's numstat, largest gaps first."""
    import sqlite3
    db = sqlite3.connect(store)
    mine = defaultdict(lambda: [0, 0])
    for key, a, d in db.execute("SELECT key, SUM(added_lines), SUM(deleted_lines) FROM deltas GROUP BY key"):
        mine[key[:40]] = [a, d]
    gaps = []
    for sha, g in git_commits.items():
        m = mine.get(sha, [0, 0])
        gap = abs(m[0] - g[0]) + abs(m[1] - g[1])
        if gap:
            gaps.append((gap, sha, m, g))
    gaps.sort(reverse=True)
    print(f"commits: {len(git_commits)}, differing: {len(gaps)}, lines apart: {sum(g[0] for g in gaps)}")
    for gap, sha, m, g in gaps[:int(os.environ.get("TOP", "40"))]:
        print(f"{sha[:10]} memsafe +{m[0]} -{m[1]}  git +{g[0]} -{g[1]}  " + " ".join(f"{p}(+{a},-{d})" for p, a, d in files[sha][:6]))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    algorithm = "histogram" if "--algorithm" in sys.argv and sys.argv[sys.argv.index("--algorithm") + 1] == "histogram" else "myers"
    args = [a for a in args if a not in ("myers", "histogram")]
    if "--store" in sys.argv:
        args.remove(sys.argv[sys.argv.index("--store") + 1])
    git_dir, history_json = args[0], args[1]
    rev = args[2] if len(args) > 2 else "HEAD"
    history = json.loads(Path(history_json).read_text())
    git, git_commits = numstat_by_month(git_dir, rev, algorithm)
    if "--store" in sys.argv:
        compare_commits(sys.argv[sys.argv.index("--store") + 1], git_commits)
        return
    rows, worst, over = [], 0.0, 0
    tot = [0, 0, 0, 0]
    for p in history["periods"]:
        month = p["start"][:7]
        ms_a = sum(p["added_lines"].values())
        ms_d = sum(p["deleted_lines"].values())
        g = git.get(month, [0, 0, 0, 0])
        tot = [tot[0] + ms_a, tot[1] + ms_d, tot[2] + g[0], tot[3] + g[1]]
        diffs = []
        for mine, theirs in ((ms_a, g[0]), (ms_d, g[1])):
            diffs.append(0.0 if mine == theirs else abs(mine - theirs) / max(theirs, 1))
        worst = max(worst, *diffs)
        if max(diffs) > 0.01:
            over += 1
        rows.append((month, p["commits"], ms_a, g[0], diffs[0], ms_d, g[1], diffs[1], g[2], g[3]))
    md = "--markdown" in sys.argv
    if md:
        print("| period | commits | added_lines memsafe | numstat | diff | deleted_lines memsafe | numstat | diff |")
        print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        if md:
            print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {100 * r[4]:.2f}% | {r[5]} | {r[6]} | {100 * r[7]:.2f}% |")
        else:
            print(f"{r[0]} commits={r[1]:5d} added {r[2]:8d} vs {r[3]:8d} ({100 * r[4]:6.2f}%)  "
                  f"deleted {r[5]:8d} vs {r[6]:8d} ({100 * r[7]:6.2f}%)  [all text files: +{r[8]} -{r[9]}]")
    print(f"\nalgorithm={algorithm} periods={len(rows)} over 1%: {over}  worst: {100 * worst:.2f}%  "
          f"total added {tot[0]} vs {tot[2]} ({100 * (tot[0] - tot[2]) / max(tot[2], 1):+.3f}%), "
          f"deleted {tot[1]} vs {tot[3]} ({100 * (tot[1] - tot[3]) / max(tot[3], 1):+.3f}%)")


if __name__ == "__main__":
    main()
