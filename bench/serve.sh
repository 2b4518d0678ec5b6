#!/usr/bin/env bash
# Benchmarks of the reports and the web server.
#   - `bloc report IRN RUS` as whole processes: md, html and pdf, English and Persian;
#   - the load benchmark of `bloc serve` (bench/serve_load.go): CLIENTS concurrent
#     clients for DURATION on /api/explain over 760 dyads in two periods.
#
#   bash bench/serve.sh            (store: $BLOC_STORE or the default path)
#   DURATION=60s CLIENTS=50 bash bench/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-bin/bloc}
STORE_ARGS=()
if [[ -n "${BLOC_STORE:-}" ]]; then STORE_ARGS=(--store "$BLOC_STORE"); fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

go build -o "$BIN" ./cmd/bloc
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" "${STORE_ARGS[@]}" explain IRN RUS >/dev/null # warm the page cache

for lang in en fa; do
  for fmt in md html pdf; do
    if [[ $fmt == pdf && ! -x ${BLOC_CHROMIUM:-/usr/bin/chromium} ]]; then
      echo "report $lang $fmt: skipped (no Chromium)"; continue
    fi
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$BIN" "${STORE_ARGS[@]}" --quiet report IRN RUS --lang "$lang" --format "$fmt" --out "$TMP/$lang-$fmt"
    read -r t m <"$TMP/time"
    size=$(du -k "$TMP/$lang-$fmt"/bloc-IRN-RUS-*."$fmt" | cut -f1)
    printf "bloc report IRN RUS --lang %s --format %-4s  %6.2f s  peak RSS %4d MB  report %5d KB  (%d files)\n" \
      "$lang" "$fmt" "$t" $((m / 1024)) "$size" "$(find "$TMP/$lang-$fmt" -type f | wc -l)"
  done
done

go run bench/serve_load.go -bin "$BIN" ${BLOC_STORE:+-store "$BLOC_STORE"} -clients "${CLIENTS:-50}" -duration "${DURATION:-60s}"
