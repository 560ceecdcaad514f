#!/usr/bin/env bash
# Scans the driver_snippet.c of Microsoft's CodeQL driver query tests (Windows-Driver-Developer-Supplemental-Tools)
# the way their tests build them: the snippet replaces the WDM (or KMDF) test template's driver_snippet.c, which
# the template's driver source includes. Prints each query's findings in the snippet (line: message); compare
# with the query's .sarif / .expected file in the same folder.
#
#   scripts/driver-snippets.sh TOOLS_CHECKOUT OUT_DIR [QUERY_DIR...]   (QUERY_DIR relative to src/drivers; default: all)
set -euo pipefail
tools=$(cd "$1" && pwd); out=$2; shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cq=$tools/src/drivers
if [ $# -eq 0 ]; then set -- $(cd "$cq" && find . -path '*queries*' -name driver_snippet.c | sed 's|^\./||; s|/driver_snippet.c||' | sort); fi
mkdir -p "$out"
for q in "$@"; do
  d=$out/$(echo "$q" | tr / _); rm -rf "$d"; mkdir -p "$d/driver"
  if [[ $q == kmdf/* ]]; then
    cp "$cq"/test/TestTemplates/KMDFTestTemplate/*.[ch] "$d/driver/"; mkdir -p "$d/driver/driver"; cp "$cq/$q/driver_snippet.c" "$d/driver/driver/"
  else
    cp "$cq"/test/TestTemplates/WDMTestTemplate/driver/*.[ch] "$d/driver/"; cp "$cq/$q/driver_snippet.c" "$d/driver/"
  fi
  python3 "$here/scripts/driver_compdb.py" "$d/driver" --exclude driver_snippet.c -o "$d/cc.json" 2>/dev/null
  "${MEMSAFE:-$here/memsafe}" scan --no-cache --format text --compile-commands "$d/cc.json" > "$d/out.txt" 2> "$d/err.txt" || true
  echo "== $q"
  grep -E 'driver_snippet.c:[0-9]+:[0-9]+: (error|warning): .*\[MS[0-9]+\]$' "$d/out.txt" | sed -E 's|.*/driver_snippet.c:([0-9]+):[0-9]+: |  \1: |' || true
done
