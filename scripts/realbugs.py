#!/usr/bin/env python3
"""Real memory-safety bugs in real C libraries: detection and noise of static analyzers.

The development set is Magma's (HexHive/magma): each bug patch re-adds a real bug to a pinned commit of its
library under `#ifdef MAGMA_ENABLE_FIXES <fixed> #else <vulnerable> #endif`.  With every patch of a target
applied, the file compiled without MAGMA_ENABLE_FIXES is the vulnerable version and the same file compiled
with it the fixed one.  Both versions are the same text, so a line number means the same line in both.

The manifest (docs/bench/realbugs/manifest.json) holds only metadata: for each project its repository, pinned
commit and build recipe; for each case its Magma patch id, CVE, CWE, file and flaw line ranges.  Nothing is
fetched here: `prepare` takes the paths of git directories fetched beforehand.

  prepare  copy each project's pinned commit into the work dir, apply Magma's patches, run the project's own
           build once under bear (or CMake's compile-command export) to get its compile database
  derive   recompute the flaw line ranges of every patch (used to write the manifest)
  prepare-vul4c  a second set, Vul4C's CVEs (SoK-Vul4C/SoK): each flawed file's version before and after its fix
           alone in a scratch dir with a one-entry `cc -c NAME` compile database, and WORK/manifest.json (C cases;
           WORK/manifest-cpp.json for C++) whose flaws name both files and the fix's lines on each side; run and
           table then take --work WORK (and --manifest WORK/manifest-cpp.json for C++)
  run      for each flawed file, a one-entry compile database per version (vulnerable, fixed); run a tool;
           a case is *found* when the vulnerable version has a memory-safety finding within its flaw lines
           +-3, and *quiet* when the fixed version has none there.  Also findings per vulnerable file.

Tools: `--cmd 'TEMPLATE'` with {db} (compile database) and {out} (SARIF written by the tool), or one of the
built-in peer runners `--tool cppcheck|clang-alpha|frama-c|flawfinder` (modelled on shared/tools/juliet_score.py).
"""
import argparse, collections, concurrent.futures as cf, csv, difflib, io, json, os, re, shlex, shutil, statistics
import subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MANIFEST = os.path.join(HERE, "..", "docs", "bench", "realbugs", "manifest.json")
WINDOW = 3
FIX_MACRO = "MAGMA_ENABLE_FIXES"

# CWE id on a finding -> family; a case is found by a finding of any memory-safety family (real bugs' CWE labels
# are loose: an integer overflow that becomes a heap overflow is filed as 190, 122, 787 or 119).
CWE_FAMILY = {}
for c in (119, 120, 121, 122, 123, 124, 125, 126, 127, 129, 131, 170, 193, 680, 786, 787, 788, 805, 806, 785):
    CWE_FAMILY[c] = "buffer"
CWE_FAMILY.update({415: "double_free", 416: "uaf", 825: "uaf", 476: "null", 690: "null", 590: "bad_free",
                   761: "bad_free", 763: "bad_free", 762: "mismatch", 457: "uninit", 908: "uninit", 665: "uninit",
                   190: "int", 191: "int", 369: "int", 843: "buffer", 401: "leak", 772: "leak", 134: "format"})
MEMORY_FAMILIES = {"buffer", "double_free", "uaf", "null", "bad_free", "mismatch", "uninit", "int"}


def sh(argv, timeout, cwd=None, env=None):
    t = time.time()
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=cwd, errors="replace", env=env)
        return p.stdout + p.stderr, time.time() - t, p.returncode
    except subprocess.TimeoutExpired:
        return "TIMEOUT", time.time() - t, 124


def load_manifest(path):
    with open(path) as f:
        return json.load(f)


# ---------------------------------------------------------------- prepare
def magma_patches(magma, target):
    """setup patches first, then the bug patches, each in name order (Magma's apply_patches.sh uses find order)."""
    out = []
    for sub in ("setup", "bugs"):
        d = os.path.join(magma, "targets", target, "patches", sub)
        if os.path.isdir(d):
            out += [os.path.join(d, n) for n in sorted(os.listdir(d)) if n.endswith(".patch")]
    return out


def patch_text(path):
    name = os.path.basename(path)[:-len(".patch")]
    return open(path, errors="replace").read().replace("%MAGMA_BUG%", name)


def export_commit(gitdir, commit, dest):
    os.makedirs(dest, exist_ok=True)
    arch = subprocess.run(["git", "--git-dir", gitdir, "archive", commit], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=arch, check=True)


def prepare(a, man):
    repos = dict(x.split("=", 1) for x in a.repo)
    magma = a.magma
    for name, proj in man["projects"].items():
        if a.projects and name not in a.projects.split(","):
            continue
        if name not in repos:
            print(f"{name}: no --repo {name}=GITDIR given, skipped", file=sys.stderr)
            continue
        root = os.path.join(a.work, name)
        src = os.path.join(root, "src")
        db = os.path.join(root, "compile_commands.json")
        if os.path.exists(db) and not a.force:
            print(f"{name}: already prepared ({db})")
            continue
        shutil.rmtree(root, ignore_errors=True)
        patches = magma_patches(magma, proj["magma_target"])
        if not any("/bugs/" in p for p in patches):
            sys.exit(f"{name}: no bug patches under {os.path.join(magma, 'targets', proj['magma_target'], 'patches')}"
                     " (--magma is Magma's checkout, the folder holding targets/)")
        export_commit(repos[name], proj["commit"], src)
        for p in patches:
            r = subprocess.run(["patch", "-p1", "-s", "-d", src], input=patch_text(p), text=True, capture_output=True)
            if r.returncode != 0:
                sys.exit(f"{name}: {os.path.basename(p)} does not apply:\n{r.stdout}{r.stderr}")
        log = open(os.path.join(root, "build.log"), "w")
        for step in proj["build"]:
            print(f"{name}: {step}", flush=True)
            r = subprocess.run(["bash", "-c", step], cwd=src, stdout=log, stderr=subprocess.STDOUT)
            if r.returncode != 0 and not step.startswith("bear"):
                sys.exit(f"{name}: build step failed ({step}); see {log.name}")
        produced = os.path.join(src, proj.get("compdb", "compile_commands.json"))
        if not os.path.exists(produced):
            sys.exit(f"{name}: no compile database at {produced}; see {log.name}")
        shutil.copy(produced, db)
        print(f"{name}: {len(json.load(open(db)))} compile commands -> {db}")


# ---------------------------------------------------------------- derive (manifest maintenance)
def derive(a, man):
    """For every bug patch: its lines in the file with all patches applied = lines it adds there (found by
    diffing the all-patches file with the all-but-this-patch file), grouped in ranges.  The canary blocks
    (#ifdef MAGMA_ENABLE_CANARIES, compiled in neither version) stay in: Magma puts each canary just before
    the access that goes wrong, so they carry the window to it when the patch only removes a check."""
    repos = dict(x.split("=", 1) for x in a.repo)
    out = []
    for name, proj in man["projects"].items():
        if name not in repos:
            continue
        patches = magma_patches(a.magma, proj["magma_target"])
        touched = collections.defaultdict(list)
        for p in patches:
            for f in re.findall(r"^\+\+\+ b/(\S+)", patch_text(p), re.M):
                touched[f].append(p)
        with tempfile.TemporaryDirectory() as tmp:
            base = os.path.join(tmp, "base")
            export_commit(repos[name], proj["commit"], base)

            def applied(skip):
                d = os.path.join(tmp, "t")
                shutil.rmtree(d, ignore_errors=True)
                shutil.copytree(base, d, symlinks=True)
                for p in patches:
                    if p != skip:
                        subprocess.run(["patch", "-p1", "-s", "-d", d], input=patch_text(p), text=True, check=True,
                                       capture_output=True)
                return d

            full = {f: open(os.path.join(applied(None), f), errors="replace").read().splitlines() for f in touched}
            for p in patches:
                if "/bugs/" not in p:
                    continue
                pid = os.path.basename(p)[:-6]
                d = applied(p)
                for f in sorted({f for f, ps in touched.items() if p in ps}):
                    minus = open(os.path.join(d, f), errors="replace").read().splitlines()
                    added = set()
                    sm = difflib.SequenceMatcher(None, minus, full[f], autojunk=False)
                    for tag, i1, i2, j1, j2 in sm.get_opcodes():
                        if tag in ("insert", "replace"):
                            added.update(range(j1, j2))
                    ranges = []
                    for i in sorted(added):
                        if ranges and i + 1 <= ranges[-1][1] + 1:
                            ranges[-1][1] = i + 1
                        else:
                            ranges.append([i + 1, i + 1])
                    if ranges:
                        out.append(dict(id=pid, project=name, file=f, lines=ranges))
    json.dump(out, sys.stdout, indent=1)
    print()


# ---------------------------------------------------------------- prepare-vul4c (a second set: Vul4C)
# Vul4C (SoK-Vul4C/SoK, Vul4C-Benchmark/<project>/<CVE>/) holds for each CVE the flawed file before and after its
# fix (<CVE>_<CWE>_<name>_OLD.c / _NEW.c, _OLD-1.c ... for a fix in several commits, .cpp/.cc for C++) and the
# fix's diff.  Protocol "flawed file alone" (as a CI job scanning a changed file, without the project's headers):
# each version alone in a scratch dir under its own name, one-entry compile database `cc -c NAME`.
VUL4C_HELD_OUT = {"curl", "zlib", "libexpat", "expat"}  # held-out projects, never in this set
VUL4C_NAME = re.compile(r"^(CVE-\d+-\d+)_(.*?CWE-\w+?)_(.+)[._](OLD|NEW)(-\d+)?[._]([\w.]+)$")
VUL4C_LANG = {".c": "c", ".cpp": "c++", ".cc": "c++", ".cxx": "c++"}


class Vul4cTree:
    """the files of Vul4C-Benchmark/ in a checkout (DIR or DIR/Vul4C-Benchmark) or in a git directory (HEAD's tree;
    blobs missing from a partial clone are skipped)."""

    def __init__(self, path):
        self.git = None
        if os.path.isdir(os.path.join(path, "Vul4C-Benchmark")):
            path = os.path.join(path, "Vul4C-Benchmark")
        if os.path.isdir(os.path.join(path, "objects")) and os.path.exists(os.path.join(path, "HEAD")):
            self.git = path
            out = subprocess.run(["git", "--git-dir", path, "ls-tree", "-r", "HEAD", "Vul4C-Benchmark"],
                                 capture_output=True, text=True, check=True).stdout
            self.blobs = {}
            for l in out.splitlines():
                meta, p = l.split("\t", 1)
                self.blobs[p[len("Vul4C-Benchmark/"):]] = meta.split()[2]
            self.commit = subprocess.run(["git", "--git-dir", path, "rev-parse", "HEAD"], capture_output=True,
                                         text=True).stdout.strip()
        else:
            self.root = path
            self.blobs = {os.path.relpath(os.path.join(d, f), path): None for d, _, fs in os.walk(path) for f in fs}
            r = subprocess.run(["git", "-C", path, "rev-parse", "HEAD"], capture_output=True, text=True)
            self.commit = r.stdout.strip() if r.returncode == 0 else None
        if not self.blobs:
            sys.exit(f"no Vul4C-Benchmark/ files under {path} (--vul4c is a checkout or git dir of SoK-Vul4C/SoK)")

    def cases(self):
        """{(project, cve): [file names]}"""
        out = collections.defaultdict(list)
        for p in self.blobs:
            parts = p.split("/")
            if len(parts) == 3:
                out[(parts[0], parts[1])].append(parts[2])
        return out

    def read(self, rel):
        if self.git:
            r = subprocess.run(["git", "--git-dir", self.git, "cat-file", "blob", self.blobs[rel]], capture_output=True)
            return r.stdout.decode("utf-8", "replace") if r.returncode == 0 else None
        return open(os.path.join(self.root, rel), errors="replace").read()


def line_ranges(nums):
    ranges = []
    for i in sorted(set(nums)):
        if ranges and i <= ranges[-1][1] + 1:
            ranges[-1][1] = i
        else:
            ranges.append([i, i])
    return ranges


def diff_sections(text):
    """unified diff -> {path of the +++ side: [hunk lines, starting with their @@ header]}"""
    out, cur, lines = {}, None, text.splitlines()
    for i, l in enumerate(lines):
        if l.startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            cur = None
        elif l.startswith("+++ ") and i and lines[i - 1].startswith("--- "):
            cur = out.setdefault(re.sub(r"^b/", "", l[4:].split("\t")[0].strip()), [])
        elif l.startswith("diff "):
            cur = None
        elif cur is not None:
            cur.append(l)
    return out


def changed_lines_from_diff(hunks, old, new):
    """the fix's changed lines on each side from a diff's hunks, or None when the hunks do not match the files:
    old side = lines it deletes or changes, or the two lines around a pure insertion; new side the same way."""
    o_set, n_set, o, n, block, o_end, n_end = set(), set(), 0, 0, None, 0, 0

    def close(b):
        if b is None:
            return
        (bo, bn, dels, adds) = b
        o_set.update(dels or [bo - 1, bo])
        n_set.update(adds or [bn - 1, bn])

    for l in hunks:
        m = re.match(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", l)
        if m:
            close(block); block = None
            o, n = int(m.group(1)), int(m.group(3))
            o += o == 0; n += n == 0  # an empty side: numbered from 0
            o_end, n_end = o + int(m.group(2) or 1), n + int(m.group(4) or 1)
            continue
        if l.startswith("\\") or (o >= o_end and n >= n_end):  # past the hunk's counts: trailing text
            continue
        tag, body = (l[:1] or " "), l[1:]
        if tag == " ":
            close(block); block = None
            if o > len(old) or n > len(new) or old[o - 1].rstrip() != body.rstrip() or \
                    new[n - 1].rstrip() != body.rstrip():
                return None
            o += 1; n += 1
        elif tag in "-+":
            if block is None:
                block = (o, n, [], [])
            if tag == "-":
                if o > len(old) or old[o - 1].rstrip() != body.rstrip():
                    return None
                block[2].append(o); o += 1
            else:
                if n > len(new) or new[n - 1].rstrip() != body.rstrip():
                    return None
                block[3].append(n); n += 1
        else:
            return None
    close(block)
    if not o_set:
        return None
    clip = lambda s, k: line_ranges(x for x in s if 1 <= x <= max(k, 1))
    return clip(o_set, len(old)), clip(n_set, len(new))


def changed_lines_difflib(old, new, hunks=None):
    """the changed lines of OLD -> NEW (same shape as changed_lines_from_diff).  With the fix's diff (hunks) that
    does not match the files line for line (Vul4C's files are often a release near the fix commit, not its
    parent): only the change blocks that delete a line the diff deletes or add a line it adds (whitespace
    aside), so that the files' other differences stay out; all blocks when none does.  None when NEW is not OLD
    changed (less than half of OLD's lines kept: a wrong file in the data set)."""
    norm = lambda x: " ".join(x.split())
    minus = {norm(l[1:]) for l in hunks or [] if l.startswith("-") and re.search(r"\w", l)}
    plus = {norm(l[1:]) for l in hunks or [] if l.startswith("+") and re.search(r"\w", l)}
    sm = difflib.SequenceMatcher(None, [norm(x) for x in old], [norm(x) for x in new], autojunk=False)
    if sum(b.size for b in sm.get_matching_blocks()) < len(old) / 2:
        return None
    blocks = [op for op in sm.get_opcodes() if op[0] != "equal"]
    fix = [(t, i1, i2, j1, j2) for t, i1, i2, j1, j2 in blocks
           if minus & {norm(x) for x in old[i1:i2]} or plus & {norm(x) for x in new[j1:j2]}]
    o_set, n_set = set(), set()
    for tag, i1, i2, j1, j2 in fix or blocks:
        o_set.update(range(i1 + 1, i2 + 1) if i2 > i1 else [i1, i1 + 1])
        n_set.update(range(j1 + 1, j2 + 1) if j2 > j1 else [j1, j1 + 1])
    clip = lambda s, k: line_ranges(x for x in s if 1 <= x <= max(k, 1))
    return clip(o_set, len(old)), clip(n_set, len(new)), bool(fix)


def prepare_vul4c(a, _man):
    """WORK/<project>/src/<CVE>/<pair>/{old,new}/<name> (each version alone under the flawed file's own name),
    WORK/<project>/compile_commands.json (`cc -c <name>` in that dir, c++ for C++), and the case manifests
    WORK/manifest.json (C pairs) and WORK/manifest-cpp.json (C++ pairs) for run and table."""
    tree = Vul4cTree(a.vul4c)
    mans = {lang: dict(source="Vul4C (github:SoK-Vul4C/SoK, Vul4C-Benchmark/)", commit=tree.commit, protocol=(
        "flawed file alone: each OLD/NEW version scanned alone with `cc -c NAME`; flaw lines = lines of OLD the "
        "fix deletes or changes (around the insertion point for a pure insertion), fixed_lines the same on NEW"),
        projects={}, cases=[]) for lang in ("c", "c++")}
    dbs, skipped, origins = collections.defaultdict(list), collections.Counter(), collections.Counter()
    for (proj, cve), names in sorted(tree.cases().items()):
        if proj.lower() in VUL4C_HELD_OUT or (a.projects and proj not in a.projects.split(",")):
            continue
        pairs, cwes = {}, []
        for nm in names:
            m = VUL4C_NAME.match(nm)
            if not m or m.group(1) != cve:
                continue
            base, side, idx = m.group(3), m.group(4), m.group(5) or ""
            if os.path.splitext(base)[1] not in VUL4C_LANG:
                skipped["not a C/C++ source: " + base] += 1
                continue
            pairs.setdefault((base, idx), {})[side] = nm
            cwes.append(m.group(2))
        diffs = [nm for nm in names if nm.endswith(".diff")]
        by_lang = collections.defaultdict(list)
        for (base, idx), sides in sorted(pairs.items()):
            if set(sides) != {"OLD", "NEW"}:
                skipped[f"{proj}/{cve}/{base}{idx}: no OLD/NEW pair"] += 1
                continue
            old, new = (tree.read(f"{proj}/{cve}/{sides[s]}") for s in ("OLD", "NEW"))
            if old is None or new is None:
                skipped[f"{proj}/{cve}/{base}{idx}: unreadable"] += 1
                continue
            old_l, new_l = old.splitlines(), new.splitlines()
            # the pair's own diff (<CVE>_<CWE>_<name>[-N].diff), else any diff of the CVE with a section for the file
            own = [d for d in diffs if d.endswith(f"_{base}{idx}.diff")]
            lines, origin, fix_hunks = None, "diff", None
            for d in own + [d for d in diffs if d not in own]:
                text = tree.read(f"{proj}/{cve}/{d}") or ""
                for path, hunks in diff_sections(text).items():
                    m = VUL4C_NAME.match(os.path.basename(path))
                    if (os.path.basename(path) == base or m and m.group(3) == base) and fix_hunks is None:
                        fix_hunks, lines = hunks, changed_lines_from_diff(hunks, old_l, new_l)
                if fix_hunks is not None:
                    break
            if lines is None:
                got = changed_lines_difflib(old_l, new_l, fix_hunks)
                if got is None:
                    skipped[f"{proj}/{cve}/{base}{idx}: NEW is not a changed OLD"] += 1
                    continue
                *lines, matched = got
                origin = "difflib, blocks in the diff" if matched else "difflib"
            origins[origin] += 1
            if not lines[0]:
                skipped[f"{proj}/{cve}/{base}{idx}: OLD and NEW are the same"] += 1
                continue
            pair = base + idx
            lang = VUL4C_LANG[os.path.splitext(base)[1]]
            rel = {}
            for side, text in (("old", old), ("new", new)):
                rel[side] = f"{cve}/{pair}/{side}/{base}"
                d = os.path.join(a.work, proj, "src", cve, pair, side)
                os.makedirs(d, exist_ok=True)
                with open(os.path.join(d, base), "w") as f:
                    f.write(text)
                dbs[proj].append(dict(directory=d, file=base, arguments=["cc" if lang == "c" else "c++", "-c", base]))
            by_lang[lang].append(dict(file=rel["old"], fixed_file=rel["new"], lines=lines[0], fixed_lines=lines[1],
                                      lines_from=origin))
        cwe = next((int(c.split("-")[-1]) for c in cwes if re.match(r"^CWE-\d+$", c) and c != "CWE-000"), None)
        for lang, flaws in by_lang.items():
            mans[lang]["projects"].setdefault(proj, dict(path=f"Vul4C-Benchmark/{proj}"))
            mans[lang]["cases"].append(dict(id=cve, project=proj, cve=cve, cwe=cwe, lang=lang, flaws=flaws))
    for proj, entries in dbs.items():
        with open(os.path.join(a.work, proj, "compile_commands.json"), "w") as f:
            json.dump(entries, f, indent=1)
    for lang, fn in (("c", "manifest.json"), ("c++", "manifest-cpp.json")):
        with open(os.path.join(a.work, fn), "w") as f:
            json.dump(mans[lang], f, indent=1)
        m = mans[lang]
        print(f"{lang}: {len(m['cases'])} cases, {sum(len(c['flaws']) for c in m['cases'])} OLD/NEW pairs in "
              f"{len(m['projects'])} projects -> {os.path.join(a.work, fn)}")
    print("flaw lines from: " + ", ".join(f"{k} {v}" for k, v in origins.most_common()) + " (pairs; difflib where "
          "the diff is missing or does not match the files line for line)")
    for why, n in sorted(skipped.items()):
        print(f"skipped: {why}" + (f" (x{n})" if n > 1 else ""), file=sys.stderr)


# ---------------------------------------------------------------- compile databases per version
DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ"}
DROP = {"-c", "-MD", "-MMD", "-MP", "-M", "-MM"}


def compdb_entry(work, project, rel):
    db = json.load(open(os.path.join(work, project, "compile_commands.json")))
    want = os.path.realpath(os.path.join(work, project, "src", rel))
    for e in db:
        f = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
        if os.path.realpath(f) == want:
            args = e.get("arguments") or shlex.split(e["command"])
            return dict(directory=e["directory"], file=want, arguments=args)
    return None


def version_args(args, fixed):
    """the project's command for one file, with the fix macro on or off (and no Magma canaries)."""
    out = [x for x in args if not re.match(r"-DMAGMA_ENABLE_(FIXES|CANARIES)\b", x)]
    return out[:1] + ([f"-D{FIX_MACRO}"] if fixed else []) + out[1:]


def analysis_flags(args, src, directory):
    """preprocessor and language flags of a compile command, minus output, dependency and the source itself."""
    out, skip = [], False
    for x in args[1:]:
        if skip:
            skip = False; continue
        if x in DROP_WITH_ARG:
            skip = True; continue
        if x in DROP or os.path.realpath(os.path.join(directory, x)) == src:
            continue
        out.append(x)
    return out


def cpp_flags(flags, directory):
    """-I/-D/-U/-include/-std only (what a front end needs), include paths made absolute."""
    out, it = [], iter(flags)
    for x in it:
        if x in ("-I", "-D", "-U", "-include", "-isystem"):
            x = x + next(it, "")
        for p in ("-I", "-isystem"):
            if x.startswith(p) and not os.path.isabs(x[len(p):]):
                x = p + os.path.normpath(os.path.join(directory, x[len(p):]))
        if x.startswith(("-I", "-D", "-U", "-isystem", "-std=")):
            out.append(x)
        elif x.startswith("-include"):
            out += ["-include", x[len("-include"):]]
    return out


# ---------------------------------------------------------------- tool runners: -> (findings, seconds, error)
def sarif_findings(doc):
    out = []
    for run in doc.get("runs", []):
        rules = {r.get("id"): r for r in run.get("tool", {}).get("driver", {}).get("rules", [])}
        for r in run.get("results", []):
            rule = rules.get(r.get("ruleId"), {})
            tags = " ".join(rule.get("properties", {}).get("tags", []) + r.get("properties", {}).get("tags", []))
            cwes = [int(c) for c in re.findall(r"cwe[-/](\d+)", (tags + " " + str(r.get("ruleId", ""))).lower())]
            fams = sorted({CWE_FAMILY.get(c) for c in cwes} - {None})
            for loc in r.get("locations", [])[:1]:
                pl = loc.get("physicalLocation", {})
                uri = pl.get("artifactLocation", {}).get("uri", "").replace("file://", "")
                line = pl.get("region", {}).get("startLine", 0)
                out.append((uri, line, fams[0] if fams else "other", str(r.get("ruleId", ""))))
    return out


def run_template(cmd, entry, tmp):
    db = os.path.join(tmp, "compile_commands.json")
    json.dump([entry], open(db, "w"), indent=1)
    out = os.path.join(tmp, "out.sarif")
    argv = [x.replace("{db}", db).replace("{out}", out) for x in shlex.split(cmd)]
    log, dt, rc = sh(argv, 1800)
    if not os.path.exists(out):
        return [], dt, f"rc={rc}: {log.strip()[-300:]}"
    try:
        return sarif_findings(json.load(open(out))), dt, None
    except ValueError as e:
        return [], dt, f"bad SARIF: {e}"


CPPCHECK_ID = {
    "arrayIndexOutOfBounds": "buffer", "arrayIndexOutOfBoundsCond": "buffer", "bufferAccessOutOfBounds": "buffer",
    "outOfBounds": "buffer", "negativeIndex": "buffer", "pointerOutOfBounds": "buffer", "ctuArrayIndex": "buffer",
    "objectIndex": "buffer", "negativeMemoryAllocationSize": "buffer", "terminateStrncpy": "buffer",
    "bufferNotZeroTerminated": "buffer", "strncatUsage": "buffer", "sizeArgumentAsChar": "buffer",
    "integerOverflow": "int", "integerOverflowCond": "int", "zerodiv": "int", "zerodivcond": "int",
    "doubleFree": "double_free", "deallocuse": "uaf", "deallocret": "uaf", "danglingLifetime": "uaf",
    "invalidLifetime": "uaf", "nullPointer": "null", "nullPointerRedundantCheck": "null",
    "nullPointerArithmetic": "null", "ctunullpointer": "null", "nullPointerDefaultArg": "null", "memleak": "leak",
    "memleakOnRealloc": "leak", "mismatchAllocDealloc": "mismatch", "autovarInvalidDeallocation": "bad_free",
    "invalidFree": "bad_free", "uninitvar": "uninit", "uninitdata": "uninit", "legacyUninitvar": "uninit",
    "uninitStructMember": "uninit", "ctuuninitvar": "uninit",
}


# cppcheck cannot parse glibc's headers, and without <limits.h> or the libraries' own headers (zlib's version,
# checked by libpng with #error) it skips the file as a failed configuration: give it limits.h's constants and the
# third-party headers alone.
LIMITS = {"CHAR_BIT": "8", "SCHAR_MAX": "127", "SCHAR_MIN": "(-128)", "UCHAR_MAX": "255", "CHAR_MAX": "127",
          "CHAR_MIN": "(-128)", "SHRT_MAX": "32767", "SHRT_MIN": "(-32768)", "USHRT_MAX": "65535",
          "INT_MAX": "2147483647", "INT_MIN": "(-2147483647-1)", "UINT_MAX": "4294967295U",
          "LONG_MAX": "9223372036854775807L", "LONG_MIN": "(-9223372036854775807L-1)",
          "ULONG_MAX": "18446744073709551615UL", "LLONG_MAX": "9223372036854775807LL",
          "LLONG_MIN": "(-9223372036854775807LL-1)", "ULLONG_MAX": "18446744073709551615ULL",
          "SIZE_MAX": "18446744073709551615UL"}
THIRD_PARTY_HEADERS = ["zlib.h", "zconf.h", "lzma.h", "lzma", "jpeglib.h", "jconfig.h", "jmorecfg.h"]


def cppcheck_support(work):
    d = os.path.join(work, "cppcheck-support")
    if not os.path.isdir(d):
        os.makedirs(os.path.join(d, "include"), exist_ok=True)
        with open(os.path.join(d, "limits-prelude.h"), "w") as f:
            f.writelines(f"#define {k} {v}\n" for k, v in LIMITS.items())
        for h in THIRD_PARTY_HEADERS:
            for root in ("/usr/include", "/usr/include/x86_64-linux-gnu"):
                if os.path.exists(os.path.join(root, h)) and not os.path.lexists(os.path.join(d, "include", h)):
                    try:  # another job may be making the same link (--jobs)
                        os.symlink(os.path.join(root, h), os.path.join(d, "include", h))
                    except FileExistsError:
                        pass
    return d


def run_cppcheck(entry, tmp, work):
    sup = cppcheck_support(work)
    flags = [f for f in cpp_flags(analysis_flags(entry["arguments"], entry["file"], entry["directory"]),
                                  entry["directory"]) if not f.startswith("-std=")]
    # a -D makes cppcheck check that one configuration, as the compiler sees it, in both versions (without one
    # it tries up to 12 #ifdef combinations of its own, and only the fixed version would get a -D)
    out, dt, rc = sh(["cppcheck", "--quiet", "--enable=warning", f"--include={sup}/limits-prelude.h",
                      "-DREALBUGS_ONE_CONFIGURATION", *flags,
                      f"-I{sup}/include", "--template={file}\t{line}\t{id}", entry["file"]], 600,
                     cwd=entry["directory"])
    res = []
    for x in out.splitlines():
        p = x.split("\t")
        if len(p) == 3 and p[1].isdigit():
            res.append((p[0], int(p[1]), CPPCHECK_ID.get(p[2], "other"), p[2]))
    return res, dt, "timeout" if rc == 124 else None


CLANG_RULE = [("Use of memory after it is freed", "uaf"), ("Attempt to free released memory", "double_free"),
              ("released memory", "uaf"), ("Potential leak", "leak"), ("Potential memory leak", "leak"),
              ("is not allocated by malloc", "bad_free"), ("address of the local variable", "bad_free"),
              ("which is not memory allocated", "bad_free"), ("is offset by", "bad_free"),
              ("should be deallocated by", "mismatch"), ("Dereference of null pointer", "null"),
              ("null pointer", "null"), ("uninitialized", "uninit"), ("garbage value", "uninit"),
              ("Undefined", "uninit"), ("out-of-bound", "buffer"), ("Out of bound", "buffer"),
              ("overflow", "buffer"), ("Division by zero", "int"), ("tainted", "buffer")]
WARN_RE = re.compile(r"^(.*?):(\d+):\d+: warning: (.*)$")
CLANG_ALPHA = "alpha.security,alpha.unix.cstring,alpha.core"


def run_clang_alpha(entry, tmp):
    flags = analysis_flags(entry["arguments"], entry["file"], entry["directory"])
    argv = ["clang", "--analyze", "-Xclang", f"-analyzer-checker={CLANG_ALPHA}", "-Wno-unknown-warning-option",
            *[f for f in flags if not f.startswith(("-W", "-f", "-O", "-g", "-march"))],
            "-o", os.path.join(tmp, "x.plist"), entry["file"]]
    out, dt, rc = sh(argv, 600, cwd=entry["directory"])
    res = []
    for line in out.splitlines():
        m = WARN_RE.match(line)
        if m:
            fam = next((f for pat, f in CLANG_RULE if pat in m.group(3)), "other")
            res.append((m.group(1), int(m.group(2)), fam, m.group(3)[:80]))
    err = None if rc == 0 else ("timeout" if rc == 124 else f"rc={rc}: " + " | ".join(
        l for l in out.splitlines() if " error: " in l)[:200])
    return res, dt, err


FRAMA_KIND = {"mem_access": "buffer", "index_bound": "buffer", "dangling_pointer": "uaf", "initialization": "uninit",
              "free_pointer": "double_free", "pointer_value": "buffer", "signed_overflow": "int",
              "unsigned_overflow": "int", "division_by_zero": "int"}


def run_framac(entry, tmp, function):
    """Eva from the function holding the flaw (-lib-entry): Eva needs an entry point and a library file has no
    main; that is a hint no other tool gets, so Frama-C's figures are an upper bound of what it finds alone."""
    flags = cpp_flags(analysis_flags(entry["arguments"], entry["file"], entry["directory"]), entry["directory"])
    csvp = os.path.join(tmp, "alarms.csv")
    out, dt, rc = sh(["frama-c", "-machdep", "x86_64", "-cpp-extra-args=" + " ".join(shlex.quote(f) for f in flags),
                      entry["file"], "-lib-entry", "-main", function, "-eva", "-eva-precision", "1",
                      "-eva-no-show-progress", "-eva-warn-undefined-pointer-comparison", "none",
                      "-then", "-report-csv", csvp], 600, cwd=entry["directory"])
    res = []
    if os.path.exists(csvp):
        for row in csv.DictReader(open(csvp, errors="replace"), delimiter="\t"):
            if row.get("status") not in ("Unknown", "Invalid", "Invalid or unreachable"):
                continue
            kind = row.get("property kind", "")
            fam = FRAMA_KIND.get(kind) or ("buffer" if kind.startswith("precondition of mem") or
                                            kind.startswith("precondition of str") else
                                            "double_free" if kind.startswith("precondition of free") else "other")
            res.append((row.get("file", ""), int(row.get("line", "0") or 0), fam, kind))
    err = None if os.path.exists(csvp) else ("timeout" if rc == 124 else f"rc={rc}: " + " | ".join(
        l for l in out.splitlines() if "error" in l.lower())[:200])
    return res, dt, err


def run_flawfinder(entry, tmp):
    out, dt, rc = sh(["flawfinder", "--csv", "--minlevel=1", entry["file"]], 300)
    res = []
    for row in csv.DictReader(io.StringIO(out)):
        cwes = [int(c) for c in re.findall(r"CWE-(\d+)", row.get("CWEs") or "")]
        fam = next((CWE_FAMILY[c] for c in cwes if c in CWE_FAMILY), "other")
        res.append((row["File"], int(row["Line"]), fam, row.get("Name", "")))
    return res, dt, None


# ---------------------------------------------------------------- scoring
def enclosing_function(path, line):
    """name of the function whose body holds `line` (C definitions start at column 0 in these projects)."""
    lines = open(path, errors="replace").read().splitlines()
    head = re.compile(r"^(?:[A-Za-z_][\w\s\*]*?[\s\*])?([A-Za-z_]\w*)\s*\(")
    for i in range(min(line, len(lines)) - 1, -1, -1):
        l = lines[i]
        if l.startswith("}") and i < line - 1:
            break
        m = head.match(l)
        if m and not l.rstrip().endswith(";") and m.group(1) not in ("if", "while", "for", "switch", "return"):
            return m.group(1)
    return "main"


def near(findings, rel, ranges):
    hits = []
    for f in findings:
        if f[2] not in MEMORY_FAMILIES or not same_file(f[0], rel):
            continue
        if any(lo - WINDOW <= f[1] <= hi + WINDOW for lo, hi in ranges):
            hits.append(f)
    return hits


def same_file(uri, rel):
    uri = uri.replace("\\", "/")
    return uri == rel or uri.endswith("/" + rel) or os.path.basename(uri) == os.path.basename(rel) and "/" not in uri


def analyse_file(a, key, entry, function, windows, fixed_entry=None):
    """run the tool on both versions of one file; returns {version: (findings, secs, error)}.  With
    --lazy-fixed the fixed version is analysed only when the vulnerable one has a finding in a flaw window
    (it cannot turn a miss into a find; it saves half the time of a slow peer).  fixed_entry: the fixed version
    is another file (Vul4C), analysed as it is instead of with the fix macro."""
    res = {}
    for version in ("vulnerable", "fixed"):
        if version == "fixed" and a.lazy_fixed and not near(res["vulnerable"][0], key[1], windows):
            res[version] = None
            continue
        e = fixed_entry if version == "fixed" and fixed_entry else \
            dict(entry, arguments=version_args(entry["arguments"], version == "fixed"))
        cached = os.path.join(a.work, "cache", a.tool_name, key[0], "__".join(key[1].split("/")) +
                              (f".{key[2]}" if key[2] else "") + f".{version}.json")
        if a.cache and os.path.exists(cached):
            f, dt, err = json.load(open(cached))
            res[version] = ([tuple(x) for x in f], dt, err)
            continue
        if a.cached_only:
            return key, None
        with tempfile.TemporaryDirectory(dir=a.work) as tmp:
            if a.cmd:
                res[version] = run_template(a.cmd, e, tmp)
            elif a.tool == "cppcheck":
                res[version] = run_cppcheck(e, tmp, a.work)
            elif a.tool == "clang-alpha":
                res[version] = run_clang_alpha(e, tmp)
            elif a.tool == "frama-c":
                res[version] = run_framac(e, tmp, function)
            elif a.tool == "flawfinder":
                res[version] = run_flawfinder(e, tmp)
            else:
                sys.exit(f"unknown tool {a.tool}")
        if a.cache and not res[version][2]:
            os.makedirs(os.path.dirname(cached), exist_ok=True)
            json.dump(res[version], open(cached, "w"))
    return key, res


def summarize(tool, rows, per_file, secs, wall):
    counts = sorted(per_file.values()) or [0]
    return dict(tool=tool, cases=len(rows), found=sum(r["found"] for r in rows),
                found_quiet=sum(r["found_quiet"] for r in rows), quiet=sum(r["quiet"] is True for r in rows),
                quiet_not_run=sum(r["quiet"] is None for r in rows),
                files=len(per_file), findings_median=statistics.median(counts),
                findings_mean=round(statistics.mean(counts), 2), errors=sum(bool(r["errors"]) for r in rows),
                tool_seconds=round(secs, 1), wall_seconds=round(wall, 1) if wall is not None else None)


def run(a, man):
    cases = [c for c in man["cases"] if not a.cases or c["id"] in a.cases.split(",")]
    if a.projects:
        cases = [c for c in cases if c["project"] in a.projects.split(",")]
    tool = a.tool_name = a.name or (a.tool if not a.cmd else shlex.split(a.cmd)[0].split("/")[-1])
    # one analysis per flawed file and version; Frama-C's entry point depends on the case's function
    jobs, case_key = {}, {}
    for c in cases:
        for fl in c["flaws"]:
            entry = compdb_entry(a.work, c["project"], fl["file"])
            if entry is None:
                print(f"{c['id']}: {fl['file']} not in {c['project']}'s compile database", file=sys.stderr)
                continue
            fixed_entry = compdb_entry(a.work, c["project"], fl["fixed_file"]) if fl.get("fixed_file") else None
            if fl.get("fixed_file") and fixed_entry is None:
                print(f"{c['id']}: {fl['fixed_file']} not in {c['project']}'s compile database", file=sys.stderr)
                continue
            fn = enclosing_function(entry["file"], fl["lines"][0][0]) if a.tool == "frama-c" else ""
            key = (c["project"], fl["file"], fn)
            jobs.setdefault(key, (entry, fn, [], fixed_entry))[2].extend(fl["lines"])
            case_key[(c["id"], fl["file"])] = key
    t0 = time.time()
    done = {}
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        for key, res in ex.map(lambda kv: analyse_file(a, kv[0], *kv[1]), sorted(jobs.items())):
            done[key] = res
    wall = time.time() - t0
    rows = []
    for c in cases:
        found, noisy, unknown, errs, hits = False, False, False, [], []
        for fl in c["flaws"]:
            key = case_key.get((c["id"], fl["file"]))
            if key is None:
                errs.append("no compile command"); continue
            res = done[key]
            if res is None:
                errs.append("not run"); continue
            for v in ("vulnerable", "fixed"):
                if res[v] and res[v][2]:
                    errs.append(f"{v}: {res[v][2]}")
            h = near(res["vulnerable"][0], fl["file"], fl["lines"])
            hits += [f"{fl['file']}:{x[1]} {x[3]}" for x in h]
            found |= bool(h)
            if res["fixed"] is None:
                unknown = True
            else:
                noisy |= bool(near(res["fixed"][0], fl.get("fixed_file", fl["file"]),
                                   fl.get("fixed_lines", fl["lines"])))
        if "not run" in errs:
            continue
        rows.append(dict(id=c["id"], project=c["project"], cve=c.get("cve", ""), cwe=c.get("cwe"),
                         files=[fl["file"] for fl in c["flaws"]], found=found, quiet=None if unknown and not noisy else not noisy,
                         found_quiet=found and not noisy, hits=hits, errors=errs))
    per_file = {}
    if len(rows) < len(cases):
        print(f"{len(cases) - len(rows)} cases left out: not in the cache (--cached-only)", file=sys.stderr)
    done = {k: r for k, r in done.items() if r is not None}
    for key, res in done.items():
        fs = [f for f in res["vulnerable"][0] if f[2] in MEMORY_FAMILIES and same_file(f[0], key[1])]
        per_file[f"{key[0]}/{key[1]}"] = len(fs)
    summary = summarize(tool, rows, per_file, sum(r[v][1] for r in done.values() for v in r if r[v]), wall)
    if a.json:
        raw = {f"{k[0]}/{k[1]}" + (f"#{k[2]}" if k[2] else ""): {v: r[v] and r[v][0] for v in r}
               for k, r in sorted(done.items())}
        json.dump(dict(summary=summary, cases=rows, findings_per_file=per_file, findings=raw), open(a.json, "w"),
                  indent=1)
    print(f"{'case':8} {'project':10} {'cve':16} {'cwe':>4}  found quiet  hits / errors")
    for r in rows:
        note = "; ".join(r["hits"][:2]) or "; ".join(r["errors"])[:100]
        print(f"{r['id']:8} {r['project']:10} {r['cve']:16} {r['cwe'] or '':>4}  {'yes' if r['found'] else '-':5} "
              f"{ {True: 'yes', False: 'NO', None: 'n/a'}[r['quiet']]:5}  {note}")
    print(f"SUMMARY tool={tool} cases={summary['cases']} found={summary['found']} "
          f"found_fixed_quiet={summary['found_quiet']} fixed_quiet={summary['quiet']} "
          f"fixed_not_run={summary['quiet_not_run']} files={summary['files']} "
          f"findings_per_file_median={summary['findings_median']} mean={summary['findings_mean']} "
          f"errors={summary['errors']} tool_s={summary['tool_seconds']} wall_s={summary['wall_seconds']}")


def table(a, man):
    """markdown: one summary row per tool, then one row per case with each tool's verdict (from run --json)."""
    merged = collections.OrderedDict()  # results of one tool over several runs (e.g. one per project) add up
    for p in a.results:
        r = json.load(open(p))
        m = merged.setdefault(r["summary"]["tool"], dict(cases={}, findings_per_file={}, secs=0.0))
        m["cases"].update({c["id"]: c for c in r["cases"]})
        m["findings_per_file"].update(r["findings_per_file"])
        m["secs"] += r["summary"]["tool_seconds"]
    results = [dict(summary=summarize(t, list(m["cases"].values()), m["findings_per_file"], m["secs"], None),
                    cases=list(m["cases"].values())) for t, m in merged.items()]
    print("| tool | cases | found, fixed quiet | found | fixed quiet | findings per vulnerable file (median / mean) "
          "| cases with tool errors | tool seconds |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        s = r["summary"]
        quiet = f"{s['quiet']}" + (f" (+{s['quiet_not_run']} not run: nothing found)" if s["quiet_not_run"] else "")
        print(f"| {s['tool']} | {s['cases']} | {s['found_quiet']} | {s['found']} | {quiet} | "
              f"{s['findings_median']} / {s['findings_mean']} | {s['errors']} | {s['tool_seconds']} |")
    print()
    tools = [r["summary"]["tool"] for r in results]
    by = [{c["id"]: c for c in r["cases"]} for r in results]
    print("| case | project | id | CWE | file | " + " | ".join(tools) + " |")
    print("|---|---|---|---|---|" + "---|" * len(tools))
    legend = {(True, True): "found", (True, False): "found, fixed noisy", (False, True): "-",
              (False, False): "fixed noisy", (False, None): "-"}
    for c in man["cases"]:
        cells = []
        for b in by:
            r = b.get(c["id"])
            cells.append("" if r is None else legend[(r["found"], r["quiet"])] + (" (error)" if r["errors"] else ""))
        files = ", ".join(f["file"] for f in c["flaws"])
        print(f"| {c['id']} | {c['project']} | {c.get('cve', '')} | {c.get('cwe', '')} | {files} | "
              + " | ".join(cells) + " |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["prepare", "derive", "run", "table", "prepare-vul4c"])
    ap.add_argument("results", nargs="*", help="table: JSON files written by run --json, one per tool")
    ap.add_argument("--manifest", help=f"default: WORK/manifest.json when prepare-vul4c wrote one, else "
                                       f"{os.path.relpath(DEFAULT_MANIFEST, os.path.join(HERE, '..'))}")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "realbugs"),
                    help="work dir outside the repository (checkouts, builds, temp files)")
    ap.add_argument("--magma", help="prepare/derive: a checkout of HexHive/magma")
    ap.add_argument("--vul4c", help="prepare-vul4c: a checkout or git dir of SoK-Vul4C/SoK (holding Vul4C-Benchmark/)")
    ap.add_argument("--repo", action="append", default=[], help="prepare/derive: PROJECT=GITDIR of a fetched repository")
    ap.add_argument("--force", action="store_true", help="prepare: redo prepared projects")
    ap.add_argument("--projects", help="comma-separated project names to keep")
    ap.add_argument("--cases", help="comma-separated case ids to keep, e.g. PNG003,TIF008")
    ap.add_argument("--cmd", help="tool command with {db} and {out}, e.g. "
                                  "'./memsafe scan --compile-commands {db} --format sarif -o {out}'")
    ap.add_argument("--tool", default="cppcheck", help="built-in runner: cppcheck, clang-alpha, frama-c, flawfinder")
    ap.add_argument("--name", help="tool name in the report")
    ap.add_argument("--cache", action="store_true",
                    help="keep each analysis' findings in WORK/cache/NAME/ and reuse them (rescoring after a "
                         "manifest change); give a new --name when the tool changes")
    ap.add_argument("--cached-only", action="store_true",
                    help="with --cache: score only the cases whose analyses are all cached, run nothing")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--lazy-fixed", action="store_true",
                    help="analyse the fixed version only where the vulnerable one has a finding at the flaw")
    ap.add_argument("--json", help="write machine-readable results here")
    a = ap.parse_args()
    a.work = os.path.abspath(a.work)
    os.makedirs(a.work, exist_ok=True)
    if a.manifest is None:
        own = os.path.join(a.work, "manifest.json")
        a.manifest = own if os.path.exists(own) and a.command != "prepare-vul4c" else DEFAULT_MANIFEST
    man = load_manifest(a.manifest)
    if a.command in ("prepare", "derive") and not a.magma:
        ap.error("--magma is required")
    if a.command == "prepare-vul4c" and not a.vul4c:
        ap.error("--vul4c is required")
    {"prepare": prepare, "derive": derive, "run": run, "table": table,
     "prepare-vul4c": prepare_vul4c}[a.command](a, man)


if __name__ == "__main__":
    main()
