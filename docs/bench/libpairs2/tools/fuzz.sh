#!/bin/bash
# usage: fuzz.sh NAME VARIANT SECONDS [san]
H=$(cd "$(dirname "$0")/.." && pwd); n=$1; v=$2; t=$3; san=${4:-address,undefined}
tag=$(echo $san | tr ',' '_')
out=$H/drivers/bin/fuzz_${n}_${v}_$tag
mkdir -p $H/drivers/fuzz/corpus/$n
clang -g -O1 -fsanitize=fuzzer,$san -w -DCASE="\"$H/cases/${n}_$v.c\"" -I$H/drivers/fuzz $H/drivers/fuzz/$n.c -o $out 2>$H/drivers/logs/fuzz_${n}_${v}_$tag.build || { echo "$n $v BUILD FAIL"; head -5 $H/drivers/logs/fuzz_${n}_${v}_$tag.build; exit 1; }
cd $H/drivers/bin
ASAN_OPTIONS=detect_leaks=1 timeout $((t+60)) $out -max_total_time=$t -rss_limit_mb=2048 -max_len=2048 -artifact_prefix=$H/drivers/bin/crash_${n}_${v}_ $H/drivers/fuzz/corpus/$n > $H/drivers/logs/fuzz_${n}_${v}_$tag.log 2>&1
rc=$?
summ=$(grep -E "^SUMMARY|ERROR:|runtime error|Done [0-9]+ runs" $H/drivers/logs/fuzz_${n}_${v}_$tag.log | head -2 | tr '\n' ' ')
echo "$n $v $san rc=$rc $summ"
