#!/bin/bash
# usage: tools/fuzz.sh NAME good|bad SECONDS [sanitizers]   (default address,undefined)
# The build uses -O1; set OPT (e.g. OPT=-O0) to override it.
# Builds drivers/fuzz/NAME.c with libFuzzer against cases/NAME_VARIANT.c and
# fuzzes for SECONDS, starting from the seeds written by tools/seeds.py.
# Build output, corpus, crash artifacts and the full log stay in drivers/bin/.
H=$(cd "$(dirname "$0")/.." && pwd); n=$1; v=$2; t=$3; san=${4:-address,undefined}
tag=$(echo "$san" | tr ',' '_')
B=$H/drivers/bin
out=$B/fuzz_${n}_${v}_$tag
log=$B/fuzz_${n}_${v}_$tag.log
mkdir -p "$B/corpus/$n" "$B/corpus_run/${n}_${v}_$tag"
extra=""; [ "$san" = memory ] && extra="-fsanitize-memory-track-origins"
clang -g ${OPT:--O1} -fsanitize=fuzzer,$san $extra -w -DCASE="\"$H/cases/${n}_$v.c\"" -I"$H/drivers/fuzz" \
  "$H/drivers/fuzz/$n.c" -o "$out" 2>"$log" || { echo "$n $v $san BUILD-FAIL"; head -5 "$log"; exit 1; }
cd "$B"
ASAN_OPTIONS=detect_leaks=1 timeout $((t + 60)) "$out" -max_total_time=$t -rss_limit_mb=2048 -max_len=4096 \
  -print_final_stats=1 -artifact_prefix="$B/crash_${n}_${v}_${tag}_" \
  "$B/corpus_run/${n}_${v}_$tag" "$B/corpus/$n" >"$log" 2>&1
rc=$?
sed -i "s#$H/##g" "$log"
found=$(grep -E "^SUMMARY:|ERROR: libFuzzer|==ERROR|runtime error|deadly signal" "$log" | head -2 \
  | sed 's/^==[0-9]*==//; s/ ([^)]*) (BuildId: [0-9a-f]*)//; s/ at pc 0x.*//' | tr '\n' ' ')
# first case-file location at or after the first report (libFuzzer's NEW_FUNC
# lines earlier in the log also carry file:line)
loc=$(sed -n '/==ERROR\|ERROR: libFuzzer\|WARNING: MemorySanitizer\|runtime error\|deadly signal/,$p' "$log" \
  | grep -oE "cases/${n}_$v.c:[0-9]+" | head -1)
[ -n "$found" ] && found="$found| first case frame: $loc"
runs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$")
cov=$(grep -oE "cov: [0-9]+ ft: [0-9]+" "$log" | tail -1)
echo "$n $v $san ${t}s rc=$rc runs=${runs:-?} $cov ${found:-no findings}"
