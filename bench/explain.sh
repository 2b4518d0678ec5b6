#!/usr/bin/env bash
# Benchmarks of `bloc explain` as whole processes on an imported store.
# Targets: `bloc explain IRN RUS` ≤ 1 s; `--batch` over every politically
# relevant directed dyad of one year ≤ 60 s on 2 cores.
#
#   bash bench/explain.sh [YEAR]        (default 2010; store: $BLOC_STORE or the default path)
set -euo pipefail
cd "$(dirname "$0")/.."
YEAR=${1:-2010}
RUNS=${RUNS:-5}
BIN=${BIN:-bin/bloc}
STORE_ARGS=()
if [[ -n "${BLOC_STORE:-}" ]]; then STORE_ARGS=(--store "$BLOC_STORE"); fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

go build -o "$BIN" ./cmd/bloc
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # label, command...
  local label=$1; shift
  local best=999 worst=0 rss=0 t m
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err"
    read -r t m <"$TMP/time"
    best=$(awk -v a="$best" -v b="$t" 'BEGIN{print (b<a)?b:a}')
    worst=$(awk -v a="$worst" -v b="$t" 'BEGIN{print (b>a)?b:a}')
    rss=$(( m > rss ? m : rss ))
  done
  printf "%-58s best %6.2f s  worst %6.2f s  peak RSS %4d MB  (%d runs)\n" "$label" "$best" "$worst" $((rss / 1024)) "$RUNS"
}

"$BIN" "${STORE_ARGS[@]}" explain IRN RUS >/dev/null # warm the page cache
measure "bloc explain IRN RUS (text, with the built-in case)" "$BIN" "${STORE_ARGS[@]}" explain IRN RUS
measure "bloc explain IRN RUS --format json" "$BIN" "${STORE_ARGS[@]}" explain IRN RUS --format json
measure "bloc explain PAK CHN --from 1963 --to 1970" "$BIN" "${STORE_ARGS[@]}" explain PAK CHN --from 1963 --to 1970
"$BIN" "${STORE_ARGS[@]}" explain IRN RUS --timings 2>"$TMP/timings" >/dev/null
sed -n 1p "$TMP/timings" | sed 's/^/  in-process split: /'

go run ./bench/explain_prd.go ${BLOC_STORE:+-store "$BLOC_STORE"} "$YEAR" >"$TMP/prd.csv" 2>"$TMP/prd.err"
DYADS=$(($(wc -l <"$TMP/prd.csv") - 1))
echo "politically relevant directed dyads in $YEAR: $DYADS"
RUNS=${BATCH_RUNS:-3}
measure "bloc explain --batch ($DYADS dyads, $YEAR) --format csv" "$BIN" "${STORE_ARGS[@]}" explain -q --batch "$TMP/prd.csv" --format csv
measure "bloc explain --batch ($DYADS dyads, $YEAR) --format json" "$BIN" "${STORE_ARGS[@]}" explain -q --batch "$TMP/prd.csv" --format json
"$BIN" "${STORE_ARGS[@]}" explain --batch "$TMP/prd.csv" --format json 2>&1 >"$TMP/out" | sed 's/^/  /'
echo "  JSON lines output: $(($(wc -c <"$TMP/out") / 1048576)) MB"
