#!/usr/bin/env bash
# Foundation benchmarks: a full import of the data directory, `bloc data
# status` and a country lookup, each timed as a whole process (wall, peak RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
BLOC_DATA="${BLOC_DATA:-$(cd .. && pwd)/shared/data}"
BIN=bin/bloc
[ -x "$BIN" ] || go build -o "$BIN" ./cmd/bloc
STORE="$(mktemp -d)/store.duckdb"
trap 'rm -rf "$(dirname "$STORE")"' EXIT
run() { # label, command...
	local label=$1; shift
	/usr/bin/time -f "%e %M" -o /tmp/bloc-bench-time "$@" >/dev/null
	read -r wall rss </tmp/bloc-bench-time
	printf '%-40s wall %6.2f s   peak RSS %5d MB\n' "$label" "$wall" $((rss / 1024))
}
for i in 1 2 3; do
	run "import (fresh store, run $i)" $BIN --quiet --store "$STORE" data import --force "$BLOC_DATA"
done
run "import (unchanged, no-op)" $BIN --quiet --store "$STORE" data import "$BLOC_DATA"
for i in 1 2 3; do
	run "data status (run $i)" $BIN --store "$STORE" --data "$BLOC_DATA" data status
done
if $BIN --store "$STORE" states resolve Iran >/dev/null 2>&1; then
	for i in 1 2 3; do
		run "states resolve Iran Persia ایران (run $i)" $BIN --store "$STORE" states resolve Iran Persia ایران
	done
fi
