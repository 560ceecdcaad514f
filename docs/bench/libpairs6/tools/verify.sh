#!/bin/bash
# usage: tools/verify.sh NAME [NAME...]   (no argument: all cases)
# Builds drivers/NAME.c against cases/NAME_bad.c and cases/NAME_good.c with
# sanitizers, runs both, and prints one line per variant:
#   bad : first sanitizer report, first stack frame inside the case file, and
#         whether that line is the `// expect-warning` marker line (MATCH)
#   good: CLEAN if the run exits 0 with no sanitizer report
# Sanitizer per case: MemorySanitizer with origin tracking for the
# uninitialised-read cases, otherwise ASan+UBSan (LeakSanitizer included).
# elf_notes also gets -fsanitize=unsigned-integer-overflow so that the
# wrapping subtraction itself is reported.
H=$(cd "$(dirname "$0")/.." && pwd)
MSAN="tiff_ifd sparse_array"
UINT="elf_notes"
mkdir -p "$H/drivers/bin" "$H/drivers/logs/verify"
[ $# -eq 0 ] && set -- $(cd "$H/cases" && ls *_bad.c | sed 's/_bad\.c$//')
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1
export MSAN_OPTIONS=print_stats=0
for n in "$@"; do
  san="-fsanitize=address,undefined"
  for m in $MSAN; do [ "$m" = "$n" ] && san="-fsanitize=memory -fsanitize-memory-track-origins"; done
  for m in $UINT; do [ "$m" = "$n" ] && san="$san -fsanitize=unsigned-integer-overflow"; done
  marker=$(grep -n 'expect-warning' "$H/cases/${n}_bad.c" | cut -d: -f1)
  cwe=$(grep -o 'expect-warning: CWE-[0-9]*' "$H/cases/${n}_bad.c" | cut -d' ' -f2)
  for v in bad good; do
    out=$H/drivers/bin/${n}_$v
    log=$H/drivers/logs/verify/${n}_$v.log
    if ! clang -g -O0 $san -w -DCASE="\"$H/cases/${n}_$v.c\"" "$H/drivers/$n.c" -o "$out" 2>"$log"; then
      echo "$n $v BUILD-FAIL"; continue
    fi
    timeout 60 "$out" >"$log" 2>&1; rc=$?
    sed -i "s#$H/##g" "$log"
    rep=$(grep -E "ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: MemorySanitizer|runtime error" "$log" | head -1 | sed 's/^==[0-9]*==//; s/ at pc .*//; s/ on address 0x[0-9a-f]*//')
    summ=$(grep -E "^SUMMARY:" "$log" | sed 's/^SUMMARY: //; s/ ([^)]*) (BuildId: [0-9a-f]*)//' | paste -sd';' -)
    loc=$(grep -oE "cases/${n}_$v.c:[0-9]+" "$log" | head -1)
    if [ $v = bad ]; then
      if [ -n "$rep" ] && [ "${loc##*:}" = "$marker" ]; then st=MATCH; else st=MISMATCH; fi
      echo "$n bad  [$cwe marker:$marker] $st rc=$rc | $rep | first case frame: $loc | summary: $summ"
    else
      if [ -z "$rep" ] && [ $rc -eq 0 ]; then st=CLEAN; else st=NOT-CLEAN; fi
      echo "$n good $st rc=$rc${rep:+ | $rep | $loc}"
    fi
  done
done
