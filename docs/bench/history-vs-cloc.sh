#!/usr/bin/env bash
# Side by side, in one session: cloc on 12 snapshots (git archive + cloc each), then a full monthly memsafe history
# with a fresh store, then a second history run that reuses the store. Wall-clock and CPU seconds of each, and the
# load average before and after (the machine may be shared).
# usage: history-vs-cloc.sh GIT_DIR SAMPLES_FILE JAR OUTDIR [ORDER]   ORDER: cloc-first (default) or memsafe-first
set -euo pipefail
git_dir=$1; samples=$2; jar=$3; out=$4; order=${5:-cloc-first}
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
mkdir -p "$out"
log="$out/timings.txt"
now() { date +%s.%N; }

cloc12() {
  local t0 t1 tree
  TIMEFORMAT='%R %U %S'
  echo "cloc x12: load before $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"
  { time {
      while read -r label commit; do
        tree="$out/tree-$label"; rm -rf "$tree"; mkdir -p "$tree"
        git --git-dir="$git_dir" archive "$commit" | tar -x -C "$tree"
        cloc --quiet --json --out="$out/cloc-$label.json" "$tree" >/dev/null 2>&1
        rm -rf "$tree"
      done < "$samples"
    } ; } 2> "$out/cloc12.time"
  echo "cloc x12 (git archive + cloc, 12 commits): wall/user/sys s = $(cat "$out/cloc12.time")" | tee -a "$log"
}

history_runs() {
  rm -f "$out"/history.db*
  TIMEFORMAT='%R %U %S'
  echo "memsafe history: load before $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"
  { time "$java" -jar "$jar" history "$git_dir" --db "$out/history.db" --stats --format json -o "$out/history.json" \
      --chart "$out/history.svg" 2> "$out/history-stats-1.txt" ; } 2> "$out/history1.time"
  echo "memsafe history, first run (fresh store): wall/user/sys s = $(cat "$out/history1.time"); $(cat "$out/history-stats-1.txt")" | tee -a "$log"
  { time "$java" -jar "$jar" history "$git_dir" --db "$out/history.db" --stats --format csv -o "$out/history.csv" \
      2> "$out/history-stats-2.txt" ; } 2> "$out/history2.time"
  echo "memsafe history, second run (store reused): wall/user/sys s = $(cat "$out/history2.time"); $(cat "$out/history-stats-2.txt")" | tee -a "$log"
}

echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) CPUs, order $order" | tee -a "$log"
if [ "$order" = memsafe-first ]; then history_runs; cloc12; else cloc12; history_runs; fi
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"
