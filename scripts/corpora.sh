#!/bin/bash
# Real-code corpora for false-report and speed checks (docs/BENCHMARKS.md, "Real code").
#
#   scripts/corpora.sh setup DIR                 clone each project at its pinned commit and build its
#                                                compile database (cmake export or bear)
#   scripts/corpora.sh scan DIR JAR TAG [NAME..] scan each database with JAR; writes
#                                                DIR/out/TAG-NAME.{txt,lines,time}
#   scripts/corpora.sh cppcheck DIR [NAME..]     cppcheck 2.10 on the same databases, for the speed side by side
#
# Sources: $MIRRORS/<owner>+<name>/repo when present (the tool library's mirrors), else GitHub.
set -euo pipefail
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
MIRRORS=${MIRRORS:-/work/.mirror}

# name  owner/repo  commit-or-tag  build
CORPORA="
curl      curl/curl               5c61e16869 cmake:-DCURL_ENABLE_SSL=OFF,-DCURL_USE_LIBPSL=OFF,-DUSE_LIBIDN2=OFF,-DCURL_ZLIB=OFF,-DCURL_BROTLI=OFF,-DCURL_ZSTD=OFF,-DUSE_NGHTTP2=OFF,-DCURL_USE_LIBSSH2=OFF,-DBUILD_TESTING=OFF
zlib      madler/zlib             d201f04    cmake:
lz4       lz4/lz4                 d9c01a3d   bear:lib,lz4
json-c    json-c/json-c           d17ad9d    cmake:-DBUILD_TESTING=OFF
lua       lua/lua                 53b41d0c   bear:
ninja     ninja-build/ninja       fc6bb98e   cmake:-DBUILD_TESTING=OFF
libyaml   yaml/libyaml            840b65c    cmake:
cJSON     DaveGamble/cJSON        a29814f    cmake:-DENABLE_CJSON_TEST=OFF
fish      fish-shell/fish-shell   3.7.1      cmake:-DFISH_USE_SYSTEM_PCRE2=ON,-DBUILD_DOCS=OFF
leveldb   google/leveldb          78a352f    cmake:-DLEVELDB_BUILD_TESTS=OFF,-DLEVELDB_BUILD_BENCHMARKS=OFF
jsoncpp   open-source-parsers/jsoncpp edc01ab cmake:-DJSONCPP_WITH_TESTS=OFF,-DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF,-DBUILD_OBJECT_LIBS=OFF,-DBUILD_STATIC_LIBS=OFF
yaml-cpp  jbeder/yaml-cpp         c3f8112    cmake:-DYAML_CPP_BUILD_TESTS=OFF,-DYAML_CPP_BUILD_TOOLS=OFF
tinyxml2  leethomason/tinyxml2    3dcad8e    cmake:-Dtinyxml2_BUILD_TESTING=OFF
"

# the lines of $CORPORA for the names given (all when none)
selected() {
  echo "$CORPORA" | while read -r name rest; do
    [ -z "$name" ] && continue
    if [ $# -eq 0 ]; then echo "$name $rest"; continue; fi
    for w in "$@"; do [ "$w" = "$name" ] && echo "$name $rest"; done
  done
}

setup() {
  local dir=$1; shift
  mkdir -p "$dir"
  selected "$@" | while read -r name repo rev build; do
    local src=https://github.com/$repo
    local m=$MIRRORS/${repo/\//+}/repo
    [ -d "$m" ] && src=$m
    if [ ! -d "$dir/$name" ]; then
      git clone -q "$src" "$dir/$name"
    fi
    (cd "$dir/$name" && git checkout -q "$rev" 2>/dev/null || git -C "$dir/$name" checkout -q "tags/$rev")
    local kind=${build%%:*} args=${build#*:}
    (
      cd "$dir/$name"
      case $kind in
        cmake) cmake -S . -B build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON ${args//,/ } > build.log 2>&1
               # generated headers (curl_config.h, fish's config.h) are made by the configure step;
               # a build is not needed to scan
               ;;
        bear)  mkdir -p build; make clean > /dev/null 2>&1 || true
               bear --output build/compile_commands.json -- make -j2 ${args//,/ } > build.log 2>&1 ;;
      esac
    )
    echo "$name: $(python3 -c "import json,sys;print(len(json.load(open(sys.argv[1]))))" "$dir/$name/build/compile_commands.json") entries"
  done
}

scan() {
  local dir=$1 jar=$2 tag=$3; shift 3
  mkdir -p "$dir/out"
  selected "$@" | while read -r name repo rev build; do
    local out=$dir/out/$tag-$name
    ( cd "$dir/$name" && /usr/bin/time -f "%e s wall %U s user %S s sys %M KB" -o "$out.time" \
        "$JAVA" -Xss16m -jar "$jar" scan --compile-commands build/compile_commands.json --jobs 2 --no-cache \
        > "$out.txt" 2> "$out.err" ) || true
    # findings only (a rule tag); diagnostics such as a header not found are counted apart
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error): .*\[MS[0-9]+\]$' "$out.txt" | sed 's/:[0-9]*: / /' | sort > "$out.lines" || true
    echo "$name: $(wc -l < "$out.lines") reports, $(grep -cE '^[^ ]+: (warning|error): |: warning: (header not found|syntax error|preprocessor)' "$out.txt") diagnostics, $(tr '\n' ' ' < "$out.time")"
  done
}

cppcheck_all() {
  local dir=$1; shift
  mkdir -p "$dir/out"
  selected "$@" | while read -r name repo rev build; do
    local out=$dir/out/cppcheck-$name
    # cppcheck 2.10 gives up on every unit of a database that defines a wide-string macro
    # (fish: -DBINDIR=L"..."), so it gets the database without those definitions
    python3 - "$dir/$name/build/compile_commands.json" "$dir/$name/build/cc-cppcheck.json" <<'PY'
import json, re, sys
db = json.load(open(sys.argv[1]))
for e in db:
    if 'command' in e: e['command'] = re.sub(r'\s-D\w+=L\\"[^ ]*\\"', '', e['command'])
    if 'arguments' in e: e['arguments'] = [a for a in e['arguments'] if not re.match(r'-D\w+=L"', a)]
json.dump(db, open(sys.argv[2], 'w'), indent=1)
PY
    ( cd "$dir/$name" && /usr/bin/time -f "%e s wall %U s user %S s sys %M KB" -o "$out.time" \
        cppcheck --project=build/cc-cppcheck.json -j 2 --enable=warning --inconclusive -q \
        > "$out.txt" 2>&1 ) || true
    echo "$name: cppcheck $(grep -c ': \(error\|warning\):' "$out.txt") messages, $(cat "$out.time")"
  done
}

case ${1:-} in
  setup) shift; setup "$@" ;;
  scan) shift; scan "$@" ;;
  cppcheck) shift; cppcheck_all "$@" ;;
  *) sed -n 2,11p "$0"; exit 2 ;;
esac
