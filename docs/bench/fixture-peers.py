# Fixture files scored for memsafe, cppcheck and clang --analyze (alpha checkers): a finding on an expect-warning line
# counts as found; findings on other lines are counted apart. Usage: python3 docs/bench/fixture-peers.py JAR FIXTURE.c...
import re, subprocess, sys, os, json, glob
jar, files = sys.argv[1], sys.argv[2:]
def expected(f):
    return {i+1 for i,l in enumerate(open(f)) if 'expect-warning' in l}
def memsafe(f):
    out = subprocess.run([os.environ.get('JAVA', '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java'),'-Xss16m','-jar',jar,'scan',f,'--no-cache'],capture_output=True,text=True).stdout
    return {int(m.group(1)) for m in re.finditer(r'^\S+?:(\d+):\d+: (?:warning|error): .*\[MS\d+\]', out, re.M)}
def cppcheck(f):
    r = subprocess.run(['cppcheck','--enable=warning,portability','--inconclusive','--template={line}:{id}',f],capture_output=True,text=True)
    return {int(l.split(':')[0]) for l in r.stderr.splitlines() if re.match(r'^\d+:',l) and 'missingInclude' not in l}
def clang(f):
    r = subprocess.run(['clang','--analyze','-Xanalyzer','-analyzer-checker=core,unix,security,alpha.security,alpha.unix,alpha.core.CastSize','-Xanalyzer','-analyzer-output=text','-o','/dev/null',f],capture_output=True,text=True)
    return {int(m.group(1)) for m in re.finditer(r'^\S+?:(\d+):\d+: warning:', r.stderr, re.M)}
tot = {}
for f in files:
    e = expected(f)
    row = [f.split('fixtures/')[-1], str(len(e))]
    for name, fn in (('memsafe', memsafe), ('cppcheck', cppcheck), ('clang', clang)):
        got = fn(f)
        found = len(e & got); extra = len(got - e)
        row.append(f"{found}/{len(e)} (+{extra})")
        t = tot.setdefault(name, [0,0,0]); t[0]+=found; t[1]+=len(e); t[2]+=extra
    print(' | '.join(row))
print('TOTAL', {k: f"{v[0]}/{v[1]} found, {v[2]} other lines" for k,v in tot.items()})
