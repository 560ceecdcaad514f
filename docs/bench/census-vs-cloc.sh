#!/usr/bin/env bash
# Benchmark memsafe census/history against cloc on sampled commits of a (bare) repository.
# usage: census-vs-cloc.sh GIT_DIR SAMPLES_FILE JAR OUTDIR
#   SAMPLES_FILE: lines "label commit"
set -euo pipefail
git_dir=$1; samples=$2; jar=$3; out=$4
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
mkdir -p "$out"
export_total=0; cloc_total=0; census_total=0
while read -r label commit; do
  tree="$out/tree-$label"
  rm -rf "$tree"; mkdir -p "$tree"
  t0=$(date +%s.%N)
  git --git-dir="$git_dir" archive "$commit" | tar -x -C "$tree"
  t1=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  { time cloc --quiet --json --out="$out/cloc-$label.json" "$tree" >/dev/null 2>&1 ; } 2> "$out/cloc-cpu-$label.txt"
  t2=$(date +%s.%N)
  "$java" -jar "$jar" census "$git_dir" --rev "$commit" --format json -o "$out/memsafe-$label.json"
  t3=$(date +%s.%N)
  "$java" -jar "$jar" census "$tree" --format json -o "$out/memsafe-tree-$label.json"
  t4=$(date +%s.%N)
  printf '%s %s export=%.2f cloc=%.2f cloc_cpu=%s memsafe_rev=%.2f memsafe_tree=%.2f\n' "$label" "$commit" \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(awk '{print $1+$2}' "$out/cloc-cpu-$label.txt")" "$(echo "$t3 - $t2" | bc)" "$(echo "$t4 - $t3" | bc)" | tee -a "$out/timings.txt"
  rm -rf "$tree"
done < "$samples"
