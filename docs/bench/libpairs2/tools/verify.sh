#!/bin/bash
# usage: verify.sh NAME   -> builds and runs driver against bad and good
H=$(cd "$(dirname "$0")/.." && pwd)
n=$1
MSAN="frame_header listen_spec http_head record_stream"
mode=asan
for m in $MSAN; do [ "$m" = "$n" ] && mode=msan; done
if [ $mode = msan ]; then SAN="-fsanitize=memory -fsanitize-memory-track-origins"; else SAN="-fsanitize=address,undefined"; fi
export ASAN_OPTIONS=detect_leaks=1
[ "$n" = sample_sizes ] && export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:max_allocation_size_mb=16
for v in bad good; do
  out=$H/drivers/bin/${n}_$v
  clang -g -O0 $SAN -w -DCASE="\"$H/cases/${n}_$v.c\"" $H/drivers/$n.c -o $out 2>$H/drivers/logs/${n}_$v.build || { echo "$n $v BUILD FAIL"; cat $H/drivers/logs/${n}_$v.build; continue; }
  timeout 60 $out > $H/drivers/logs/${n}_$v.log 2>&1; rc=$?
  rep=$(grep -E "ERROR: (AddressSanitizer|MemorySanitizer|LeakSanitizer)|runtime error|WARNING: MemorySanitizer" $H/drivers/logs/${n}_$v.log | head -1 | sed 's/^==[0-9]*==//')
  loc=$(grep -oE "cases/${n}_$v.c:[0-9]+" $H/drivers/logs/${n}_$v.log | head -1)
  echo "$n $v rc=$rc | $rep | first-frame-in-case: $loc"
done
echo "   marker: $(grep -n expect-warning $H/cases/${n}_bad.c | cut -d: -f1,2 | sed 's/ *\/\/.*//') $(grep -o 'CWE-[0-9]*' $H/cases/${n}_bad.c)"
