#!/usr/bin/env bash
# The fleet measurement of docs/fleet.md: every bare repository under MIRRORS (MIRRORS/NAME/repo) plus this machine's
# binary trees, (1) as single runs, one JVM per command, as a shell loop would do it (census, history, harden), then
# (2) as one fleet on 2 cores and (3) on 1 core, each with fresh history stores. Prints wall seconds and peak RSS.
#   docs/bench/fleet-bench.sh MIRRORS OUTDIR [SINCE] [PERIOD]
set -euo pipefail
mirrors=$1 out=$2 since=${3:-2025-01} period=${4:-quarter}
here="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$here/target/memsafe.jar" fleet_jar="$here/memsafe-fleet/target/memsafe-fleet.jar"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$here/memsafe-fleet/pom.xml")
bins=(/usr/bin /usr/sbin /usr/lib/x86_64-linux-gnu)
mkdir -p "$out"
{
  echo "repositories:"
  for d in "$mirrors"/*/repo; do
    n=$(basename "$(dirname "$d")")
    echo "  - path: $d"
    echo "    name: ${n//+/-}"
    case "$n" in
      *ripgrep*|*fd|*bat|*rust-url|*mio|*serde|*hyper|*sudo-rs|*rav1d|*fish-shell*|*librsvg*) echo "    tags: [rust]" ;;
      *fmt|*spdlog|*leveldb|*re2|*ninja*|*openjpeg*) echo "    tags: [cpp]" ;;
      *fzf|*cobra) echo "    tags: [go]" ;;
      *) echo "    tags: [c]" ;;
    esac
  done
  echo "binaries:"
  for b in "${bins[@]}"; do echo "  - path: $b"; done
} > "$out/fleet.yml"
echo "fleet: $(grep -c '^  - path: .*/repo$' "$out/fleet.yml") repositories, ${#bins[@]} binary trees; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${SINGLES_ONLY:-}" = 1 ]; then  # the single runs, timed as a whole by the call below
  for d in "$mirrors"/*/repo; do
    n=$(basename "$(dirname "$d")")
    "$java" -jar "$jar" census "$d" --rev HEAD --format json -o "$out/single/$n.census.json" 2>>"$out/single/errors.txt" || true
    "$java" -jar "$jar" history "$d" --since "$since" --period "$period" --db "$out/single/$n.db" --format json \
        -o "$out/single/$n.history.json" 2>>"$out/single/errors.txt" || true
  done
  for b in "${bins[@]}"; do "$java" -jar "$jar" harden "$b" --format json -o "$out/single/$(echo "$b" | tr / -).json" || true; done
  exit 0
fi
rm -rf "$out/single" && mkdir -p "$out/single"
/usr/bin/time -f "single runs: %e s wall, %U s user, %S s sys, peak RSS of the largest JVM %M KB" \
  env SINGLES_ONLY=1 "$0" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

for cores in 2 1; do
  cpus=$([ "$cores" = 1 ] && echo 0 || echo 0,1)
  rm -rf "$out/fleet-$cores" "$out/stores-$cores"
  /usr/bin/time -f "fleet on $cores core(s): %e s wall, %U s user, %S s sys, peak RSS %M KB" \
    env SPARK_LOCAL_IP=127.0.0.1 taskset -c "$cpus" "$java" -XX:ActiveProcessorCount="$cores" $flags -Xmx3g -jar "$fleet_jar" \
      "$out/fleet.yml" --master "local[$cores]" --out "$out/fleet-$cores" --stores "$out/stores-$cores" \
      --since "$since" --period "$period" 2> >(grep -v '^WARNING' > "$out/fleet-$cores.log") || true
  tail -2 "$out/fleet-$cores.log"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
