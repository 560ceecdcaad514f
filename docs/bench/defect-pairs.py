#!/usr/bin/env python3
"""Scores analyzers on a directory of defect pairs: NAME_bad.c with one defect marked on its line by
`// expect-warning: CWE-NNN`, and NAME_good.c, the same program fixed (no marker).

found  = the bad file has a finding on a marked line (within --tolerance lines);
quiet  = the good file has no finding at all;
both   = found and quiet (the pair is told apart: "discrimination").
Each file is scanned alone (the pairs share function names, so one scan over the directory would
link them). Usage:
  python3 docs/bench/defect-pairs.py DIR [--tool memsafe|cppcheck|clang] [--jar JAR] [--jobs 2] [--list]
"""
import argparse, concurrent.futures, glob, os, re, subprocess, sys, collections

JAVA = os.environ.get('JAVA', '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java')


def marks(path):
    out = {}
    for i, line in enumerate(open(path, errors='replace')):
        m = re.search(r'expect-warning:\s*(CWE-\d+)', line)
        if m:
            out[i + 1] = m.group(1)
    return out


def memsafe(path, jar):
    r = subprocess.run([JAVA, '-Xss16m', '-jar', jar, 'scan', path, '--no-cache'], capture_output=True, text=True)
    return [(int(m.group(1)), m.group(2)) for m in
            re.finditer(r'^\S+?:(\d+):\d+: (?:warning|error): .*\[(CWE-\d+)\] \[MS\d+\]', r.stdout, re.M)]


def cppcheck(path, jar):
    r = subprocess.run(['cppcheck', '--enable=warning,portability', '--inconclusive', '--template={line}:{cwe}:{id}', path],
                       capture_output=True, text=True)
    return [(int(l.split(':')[0]), 'CWE-' + l.split(':')[1]) for l in r.stderr.splitlines()
            if re.match(r'^\d+:\d+:', l) and 'missingInclude' not in l]


def clang(path, jar):
    r = subprocess.run(['clang', '--analyze', '-Xanalyzer', '-analyzer-checker=core,unix,security,alpha.security,alpha.unix,alpha.core.CastSize',
                        '-o', '/dev/null', path], capture_output=True, text=True)
    return [(int(m.group(1)), '') for m in re.finditer(r'^\S+?:(\d+):\d+: warning:', r.stderr, re.M)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dir')
    ap.add_argument('--tool', default='memsafe', choices=['memsafe', 'cppcheck', 'clang'])
    ap.add_argument('--jar', default='target/memsafe.jar')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--tolerance', type=int, default=0)
    ap.add_argument('--list', action='store_true', help='print every pair that is not told apart')
    a = ap.parse_args()
    tool = {'memsafe': memsafe, 'cppcheck': cppcheck, 'clang': clang}[a.tool]
    bads = sorted(glob.glob(os.path.join(a.dir, '*_bad.c')))
    pairs = [(b, b[:-len('_bad.c')] + '_good.c') for b in bads if os.path.exists(b[:-len('_bad.c')] + '_good.c')]
    files = [f for p in pairs for f in p]
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        results = dict(zip(files, ex.map(lambda f: tool(f, a.jar), files)))
    per_cwe = collections.defaultdict(lambda: [0, 0, 0, 0])
    tot = [0, 0, 0, 0]
    for bad, good in pairs:
        m = marks(bad)
        cwe = sorted(set(m.values()))[0] if m else 'CWE-?'
        got_bad, got_good = results[bad], results[good]
        found = any(abs(line - ml) <= a.tolerance for line, _ in got_bad for ml in m)
        quiet = not got_good
        row = per_cwe[cwe]
        for t in (row, tot):
            t[0] += 1; t[1] += found; t[2] += quiet; t[3] += found and quiet
        if a.list and not (found and quiet):
            name = os.path.basename(bad)[:-len('_bad.c')]
            print(f"  {name} ({cwe}): {'found' if found else 'MISSED'}, {'quiet' if quiet else 'FALSE ' + str(sorted(got_good))}"
                  + ('' if found else f"; bad-file findings {sorted(got_bad)}, marked {sorted(m)}"))
    print(f"{'CWE':10} {'pairs':>5} {'found':>6} {'quiet':>6} {'both':>5}")
    for cwe in sorted(per_cwe, key=lambda c: int(c.split('-')[1]) if c[4:].isdigit() else 0):
        r = per_cwe[cwe]
        print(f"{cwe:10} {r[0]:5} {r[1]:6} {r[2]:6} {r[3]:5}")
    n = max(tot[0], 1)
    print(f"{'total':10} {tot[0]:5} {tot[1]:6} {tot[2]:6} {tot[3]:5}   "
          f"detection {100 * tot[1] / n:.1f}%, good files with a report {100 * (tot[0] - tot[2]) / n:.1f}%, told apart {100 * tot[3] / n:.1f}%")


if __name__ == '__main__':
    main()
