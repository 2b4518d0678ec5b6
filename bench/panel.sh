#!/bin/sh
# bench/panel.sh — wall time and peak RSS of bloc's panels, as whole processes.
#
#   bench/panel.sh            (from the repository root; uses the default store)
#   BLOC_STORE=/path/store.duckdb BLOC_DATA=../shared/data bench/panel.sh
#
# It builds the binary, then times with /usr/bin/time -v:
#   1. build:     the directed 1816–2025 panel with peacesciencer's chain (nmc, contiguity,
#                 capdist, atop, gmlmids, democracy, gdp, rivalry, igo), --codebook: the universe
#                 and the lookup tables, no rows written
#   2. parquet:   the same panel written as Parquet
#   3. csv:       the same panel as CSV on stdout (to /dev/null)
#   4. similarity: bloc similarity --to 2018 (S, kappa, pi, tau-b on ATOP portfolios and UN
#                 votes for every non-directed dyad-year 1816–2018), written as Parquet
# Run it on an otherwise idle machine: the numbers are wall-clock.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/bloc" ./cmd/bloc
store=${BLOC_STORE:+--store $BLOC_STORE}
data=${BLOC_DATA:+--data $BLOC_DATA}
chain=nmc,contiguity,capdist,atop,gmlmids,democracy,gdp,rivalry,igo
# shellcheck disable=SC2086
"$tmp/bloc" $store $data panel dyad-year --mry 2025 --from 2016 --to 2016 --codebook >/dev/null # warm the page cache

run() {
	name=$1
	shift
	# shellcheck disable=SC2086
	/usr/bin/time -v "$@" 2>"$tmp/time" >/dev/null || { cat "$tmp/time"; exit 1; }
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
	cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$tmp/time")
	printf '%-11s wall %8s   peak RSS %6d MB   CPU %s\n' "$name" "$wall" $((rss / 1024)) "$cpu"
}

# shellcheck disable=SC2086
run build "$tmp/bloc" -q $store $data panel dyad-year --mry 2025 --add $chain --codebook
# shellcheck disable=SC2086
run parquet "$tmp/bloc" -q $store $data panel dyad-year --mry 2025 --add $chain --out "$tmp/chain.parquet"
# shellcheck disable=SC2086
run csv "$tmp/bloc" -q $store $data panel dyad-year --mry 2025 --add $chain
# shellcheck disable=SC2086
run similarity "$tmp/bloc" -q $store $data similarity --mry 2025 --to 2018 --out "$tmp/fpsim.parquet"
