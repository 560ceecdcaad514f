#!/usr/bin/env bash
# Time a full monthly history (fresh store) of a repository, then a second, incremental run.
# usage: history-bench.sh GIT_DIR JAR OUTDIR
set -euo pipefail
git_dir=$1; jar=$2; out=$3
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
mkdir -p "$out"; rm -f "$out"/history.db*
TIMEFORMAT='real=%R user=%U sys=%S'
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
time "$java" -jar "$jar" history "$git_dir" --db "$out/history.db" --stats --format json -o "$out/history.json" --chart "$out/history.png"
time "$java" -jar "$jar" history "$git_dir" --db "$out/history.db" --stats --format csv -o "$out/history.csv"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
