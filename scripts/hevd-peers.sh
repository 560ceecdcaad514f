#!/usr/bin/env bash
# clang --analyze (core, unix and the alpha security/unix/core checkers) and cppcheck on every HackSys Extreme
# Vulnerable Driver module file, insecure and -DSECURE, with memsafe's bundled kernel preludes standing in for
# <ntddk.h> and <linux/...> (neither tool has the WDK or a kernel tree here either). One line per report.
#
#   scripts/hevd-peers.sh HEVD_CHECKOUT
set -euo pipefail
hevd=$(cd "$1/Driver/HEVD" && pwd)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pre=$here/src/main/resources/io/memsafe/frontend
inc=$(mktemp -d); trap 'rm -rf "$inc"' EXIT
mkdir -p "$inc/linux"
echo "#include \"$pre/kernel-windows.h\"" > "$inc/ntddk.h"
for h in fs init kernel miscdevice module uaccess version; do echo "#include \"$pre/kernel-linux.h\"" > "$inc/linux/$h.h"; done
# the Linux prelude leans on the C library's types, which memsafe's C prelude gives it
printf '#include <stddef.h>\n#include <stdbool.h>\n#include <stdint.h>\n#include <string.h>\ntypedef long ssize_t;\n' > "$inc/pre-linux.h"
cd "$hevd"
for sec in "" -DSECURE; do
  for f in Windows/*.c Linux/*.c; do
    if [[ $f == Windows/* ]]; then extra=(-fms-extensions); cext=(); else extra=(-include "$inc/pre-linux.h"); cext=(--include="$inc/pre-linux.h"); fi
    clang --analyze -I"$inc" -I"$(dirname "$f")" "${extra[@]}" $sec -Wno-everything \
      -Xanalyzer -analyzer-checker=core,unix,alpha.security,alpha.unix,alpha.core "$f" -o /dev/null 2>&1 \
      | grep -E '(warning|error):' | sed "s|^|clang ${sec:-insecure} |" || true
    cppcheck -q --enable=warning --inconclusive -I"$inc" -I"$(dirname "$f")" "${cext[@]}" $sec \
      --template='{file}:{line}: {severity}: {message} [{id}]' "$f" 2>&1 | grep -E ': (warning|error):' | sed "s|^|cppcheck ${sec:-insecure} |" || true
  done
done
