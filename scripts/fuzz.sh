#!/usr/bin/env bash
# Builds one libFuzzer target and runs it for SECONDS (default 300):
#   cleansing  Fuzz/FuzzCleansing.swift: the CSV reader and SPEC §2 cleansing
#              (compiled with the RecEngine sources outside SwiftPM), seeded
#              from Tests/Fixtures/bad, data/ and spec-edge;
#   filenames  Fuzz/FuzzFileNames.swift: SafeFileName (deterministic,
#              collision-free ignoring case, portable names), seeded with
#              the sample's IDs and Windows device names;
#   rendering  Fuzz/FuzzRendering.swift: data strings through the templates,
#              Markdown escaping and cmark-gfm (compiled with the RecSite
#              sources against the debug build's RecEngine and Yams).
# The working corpus (.fuzz/corpus for cleansing, .fuzz/<target>/corpus for
# the others) is git-ignored; crash inputs land in the crashes folder beside it.
#
# usage: scripts/fuzz.sh [cleansing|filenames|rendering] [seconds] [extra libFuzzer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
target=cleansing
case "${1:-}" in cleansing|filenames|rendering) target=$1; shift ;; esac
seconds=${1:-${FUZZ_SECONDS:-300}}
shift || true
work=.fuzz
[ "$target" = cleansing ] || work=".fuzz/$target"
mkdir -p "$work/corpus" "$work/seeds" "$work/crashes"
binary="$work/fuzz-$target"
compile() {  # compile SOURCES... (flags included)
  echo "fuzz: compiling $binary"
  swiftc -O -g -sanitize=fuzzer,address -parse-as-library "$@" -o "$binary" 2> "$work/compile.log" \
    || { grep -v 'Cannot export local symbol' "$work/compile.log" >&2; exit 1; }
}
stale() { [ ! -x "$binary" ] || [ -n "$(find "$@" \( -name '*.swift' -o -name '*.[ch]' \) -newer "$binary")" ]; }
sep=$'\n%%\n'
case "$target" in
cleansing)
  stale Fuzz/FuzzCleansing.swift Sources/RecEngine Sources/CTileKernel \
    && clang -O2 -c Sources/CTileKernel/TileKernel.c -I Sources/CTileKernel/include -o "$work/TileKernel.o" \
    && compile -module-name RecEngineFuzz -I Sources/CTileKernel/include "$work/TileKernel.o" \
      Fuzz/FuzzCleansing.swift $(find Sources/RecEngine -name '*.swift' | sort)
  # Seeds: every case folder of the bad-input corpus and the head of data/,
  # each as one input with the three files joined by the separator line.
  seed() {  # seed NAME FOLDER
    local out="$work/seeds/$1" f
    : > "$out"
    for f in users items events; do
      [ -f "$2/$f.csv" ] && head -c 4000 "$2/$f.csv" >> "$out"
      [ "$f" != events ] && printf '%s' "$sep" >> "$out"
    done
    return 0
  }
  for dir in Tests/Fixtures/bad/*/; do seed "bad-$(basename "$dir")" "$dir"; done
  seed data data
  [ -d Tests/Fixtures/spec-edge ] && seed spec-edge Tests/Fixtures/spec-edge
  ;;
filenames)
  stale Fuzz/FuzzFileNames.swift Sources/RecSite/Formatting/SafeFileName.swift \
    && compile -module-name FileNameFuzz Fuzz/FuzzFileNames.swift \
      Sources/RecSite/Formatting/SafeFileName.swift Sources/RecSite/Support/SHA256.swift
  cut -d, -f1 data/users.csv | head -200 > "$work/seeds/sample-users"
  cut -d, -f1 data/items.csv | head -200 > "$work/seeds/sample-items"
  printf '%s\n' con CON nul.txt Aux.x com1 LPT9.a.b index INDEX -rf .hidden ../x 'a b' é 'e\u0301' \
    > "$work/seeds/hostile"
  ;;
rendering)
  swift build --product recsite > /dev/null  # the RecEngine and Yams objects it links
  stale Fuzz/FuzzRendering.swift Sources/RecSite Sources/RecEngine \
    && compile -module-name RecSiteFuzz -I .build/debug/Modules -I Sources/CCmarkGFM \
      -I .build/checkouts/Yams/Sources/CYaml/include \
      Fuzz/FuzzRendering.swift $(find Sources/RecSite -name '*.swift' | sort) \
      .build/debug/RecEngine.build/*.o .build/debug/CTileKernel.build/*.o .build/debug/Yams.build/*.o $(find .build/debug/CYaml.build -name '*.o') \
      -lcmark-gfm -lcmark-gfm-extensions
  printf 'Gundala\xffSiti Nurhaliza\xffaction\xffBecause you watched Laskar Pelangi (62%%).' > "$work/seeds/plain"
  printf '<script>alert(1)</script>\xffa@b.com xmpp:x@y\xff| x | y |\xff# h\n---\n* [x](javascript:1) www.a.org http://b' \
    > "$work/seeds/hostile"
  printf '1. x\xff- y\xff> z\xff`code` **b** ~~s~~ &amp; &#60; \\\\|' > "$work/seeds/markup"
  # A combining mark first in the link text (the harness once matched
  # grapheme clusters and lost the `>` of the template's link to it).
  printf '<s+ript>a(1<tldr)Iscript>\xff\xd6\x98@b.com xmpp:x@\xfe\xff| x | y }\x02# www.a.orf ht.a.org ht\0\0tpuert(1):/tp://b' \
    > "$work/seeds/combining"
  # The template library and the cmark renderer are made once and live to
  # the end; LeakSanitizer would report them at exit as a crash of no input.
  set -- -detect_leaks=0 "$@"
  ;;
esac
exec "$binary" "$work/corpus" "$work/seeds" -max_total_time="$seconds" -max_len=65536 \
  -timeout=20 -rss_limit_mb=3072 -artifact_prefix="$work/crashes/" -print_final_stats=1 "$@"
