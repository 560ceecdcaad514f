#!/usr/bin/env bash
# Scores memsafe and cppcheck on the same Juliet cases, one after the other, and records wall time and
# memsafe's peak memory per build variant. Usage: scripts/juliet-side-by-side.sh OUTDIR [CWE-LIST]
# (run from the repository root; ../shared/juliet and ../shared/tools/juliet_score.py beside it).
set -euo pipefail
out="$(mkdir -p "$1" && cd "$1" && pwd)"; cwes="${2:-121,122,124,126,127}"
root="$(cd "$(dirname "$0")/.." && pwd)"; shared="$root/../shared"
jar="$out/memsafe.jar"; cp "$root/target/memsafe.jar" "$jar"   # a copy: the launcher may rebuild target/ meanwhile
jh=""; for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-* /usr/lib/jvm/java-2[1-9]*; do   # a JDK >= 21
  if [ -x "$c/bin/java" ] && "$c/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then jh="$c"; break; fi
done
[ -n "$jh" ] || { echo "needs a JDK >= 21" >&2; exit 2; }
cd "$out"
/usr/bin/time -f "memsafe-scorer wall %e s" python3 "$shared/tools/juliet_score.py" --juliet "$shared/juliet" --tool memsafe \
  --cmd "/usr/bin/time -a -o $out/memsafe-peak.txt -f %M $jh/bin/java -Xss16m -XX:+UseParallelGC -Xmx1536m -jar $jar scan --compile-commands {db} --format sarif -o {out}" \
  --per-cwe 0 --split dev --lang c --cwe "$cwes" --by flow --out memsafe.jsonl > memsafe.txt 2> memsafe.err
/usr/bin/time -f "cppcheck-scorer wall %e s" python3 "$shared/tools/juliet_score.py" --juliet "$shared/juliet" --tool cppcheck \
  --per-cwe 0 --split dev --lang c --cwe "$cwes" --by flow --jobs "$(nproc)" --out cppcheck.jsonl > cppcheck.txt 2> cppcheck.err
grep -h "wall" memsafe.txt memsafe.err cppcheck.txt cppcheck.err
echo "memsafe peak RSS per variant (KB): $(tr '\n' ' ' < memsafe-peak.txt)"
