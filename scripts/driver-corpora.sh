#!/usr/bin/env bash
# Scans the kernel-driver corpora of issue 13 the way docs/BENCHMARKS.md measures them: HEVD (both builds),
# the CodeQL driver snippets, the 27 plain-C kernel driver folders of Windows-driver-samples, lkmpg's and
# ldd3's examples, each with a compile database from scripts/driver_compdb.py (the bundled kernel preludes
# stand in for the WDK's and the kernel's headers). CORPORA holds the clones, named owner+repo.
#
#   scripts/driver-corpora.sh CORPORA OUT [hevd|snip|wds|lkmpg|ldd3]...   (MEMSAFE=launcher, default ./memsafe)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
c=$(cd "$1" && pwd); mkdir -p "$2"; o=$(cd "$2" && pwd); shift 2
ms=${MEMSAFE:-$here/memsafe}; db="$here/scripts/driver_compdb.py"
scan() { "$ms" scan --no-cache --jobs 1 --budget-ms 600000 --format text --compile-commands "$@"; }
wds_folders="general/cancel/startio general/cancel/sys general/echo/kmdf/driver/AutoSync general/echo/kmdf/driver/DriverSync
  general/event/wdm general/ioctl/kmdf/sys general/ioctl/wdm/sys general/obcallback/driver general/registry/regfltr/sys
  general/toaster/toastDrv/kmdf/bus/dynamic general/toaster/toastDrv/kmdf/filter/generic general/tracing/tracedriver/tracedrv
  input/kbfiltr/sys input/moufiltr usb/kmdf_fx2/driver usb/kmdf_enumswitches/sys usb/usbsamp/sys
  tools/kasan/samples/KasanDemo-WDM/sys tools/sdv/samples/SDV-FailDriver-WDM/driver general/SystemDma/wdm/sys
  general/PLX9x5x/sys serial/serenum network/wsk/echosrv wmi/wmisamp security/elam filesys/miniFilter/minispy/filter
  general/perfcounters/kcs"
for corpus in ${@:-hevd snip wds lkmpg ldd3}; do case $corpus in
  hevd) h=$c/hacksysteam+HackSysExtremeVulnerableDriver/Driver/HEVD
    for os in Windows Linux; do for sec in "" -DSECURE; do n=hevd-$os${sec:+-secure}
      python3 "$db" "$h/$os" $sec -o "$o/$n.json" 2>/dev/null; scan "$o/$n.json" > "$o/$n.txt" 2> "$o/$n.err"; done; done;;
  snip) MEMSAFE=$ms "$here/scripts/driver-snippets.sh" "$c/microsoft+Windows-Driver-Developer-Supplemental-Tools" "$o/snip" > "$o/snip.txt" 2>&1;;
  wds) w=$c/microsoft+Windows-driver-samples; : > "$o/wds.txt"
    for d in $wds_folders; do n=wds-$(echo "$d" | tr / _); incs=(-I"$w/$(dirname "$d")")
      # the sample's own inc folders, next to the driver's folder or one level down
      for i in $(find "$w/$(dirname "$d")" -maxdepth 2 -type d -iname inc); do incs+=(-I"$i"); done
      python3 "$db" "$w/$d" "${incs[@]}" -o "$o/$n.json" 2>/dev/null
      echo "== $d" >> "$o/wds.txt"; scan "$o/$n.json" >> "$o/wds.txt" 2> "$o/$n.err"; done;;
  lkmpg) python3 "$db" "$c/sysprog21+lkmpg/examples" -o "$o/lkmpg.json" 2>/dev/null; scan "$o/lkmpg.json" > "$o/lkmpg.txt" 2> "$o/lkmpg.err";;
  ldd3) l=$c/martinezjavier+ldd3; python3 "$db" "$l" -I"$l/include" -o "$o/ldd3.json" 2>/dev/null; scan "$o/ldd3.json" > "$o/ldd3.txt" 2> "$o/ldd3.err";;
  *) echo "unknown corpus: $corpus" >&2; exit 2;;
esac; echo "$corpus: $(grep -hcE '(warning|error): .*\[MS[0-9]+\]$' "$o"/${corpus}*.txt | awk '{s+=$1} END {print s+0}') reports" >&2; done
