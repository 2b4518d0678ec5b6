#!/usr/bin/env bash
# bench/events.sh — event-data benchmarks (numbers go to the "Events" section of bench/README.md).
#
#   bash bench/events.sh           ingest + aggregate 10M synthetic events (embedded DuckDB)
#   bash bench/events.sh full      also: 100M events embedded, and the same 100M on ClickHouse,
#                                  2 shards vs 1 shard (starts scripts/clickhouse-cluster.sh unless
#                                  BLOC_CLICKHOUSE_DSN is set)
#
# Every event is SYNTHETIC (bloc events synth: actor pairs and years drawn from the real ICEWS
# dyad-year quad counts, CAMEO codes from the real ICEWS sample). Files go to $BLOC_BENCH_DIR
# (default /tmp/bloc-bench-events; the full run needs ~20 GB there, one 10M-event file at a time).
# Each line: what, events, wall s, CPU s (user+sys, all threads), events/s, events per CPU-second,
# peak RSS, load average before the step. CPU seconds are the fairer number on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-quick}"
export BLOC_DATA="${BLOC_DATA:-$(cd .. && pwd)/shared/data}"
W="${BLOC_BENCH_DIR:-/tmp/bloc-bench-events}"
N="${BLOC_BENCH_EVENTS:-10000000}"
mkdir -p "$W" bin
go build -o bin/bloc ./cmd/bloc
B="$(pwd)/bin/bloc"
go test -c -o "$W/duckdb.test" ./duckdb
go test -c -o "$W/clickhouse.test" ./clickhouse
export BLOC_HOME="$W/home"
mkdir -p "$BLOC_HOME"

printf '%-44s %11s %8s %8s %12s %12s %9s  %s\n' step events wall_s cpu_s events/s events/cpu-s rss_MB load
# run NAME EVENTS CMD... — time a command, print one line
run() {
	local name=$1 n=$2
	shift 2
	local load
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	/usr/bin/time -f '%e %U %S %M' -o "$W/time" "$@" >"$W/out" 2>"$W/err" || { cat "$W/err" >&2; exit 1; }
	read -r wall user sys rss <"$W/time"
	awk -v name="$name" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v l="$load" 'BEGIN {
		c = u + s; printf "%-44s %11d %8.2f %8.2f %12.0f %12.0f %9.0f  %s\n", name, n, w, c, (w > 0 ? n / w : 0), (c > 0 ? n / c : 0), r / 1024, l }'
}

f="$W/icews.$N.synthetic.tsv"
[ -f "$f" ] || run "synth ${N} events (ICEWS TSV)" "$N" "$B" --quiet events synth --events "$N" --out "$f" --seed 1
rm -rf "$W/e.duckdb" "$W/e.duckdb.wal"
run "ingest ${N} (duckdb, uncompressed TSV)" "$N" "$B" --quiet events --db "$W/e.duckdb" ingest "$f"
run "re-ingest same file (checksum skip)" 0 "$B" --quiet events --db "$W/e.duckdb" ingest "$f"
agg() { # NAME DB ARGS... — aggregate to CSV on /dev/null through the CLI
	local name=$1 db=$2
	shift 2
	run "$name" "$N" sh -c "'$B' --quiet --format csv events --db '$db' aggregate $* >/dev/null"
}
agg "aggregate dyad-month quads -> csv (CLI)" "$W/e.duckdb" --by dyad-month --roots=false
agg "aggregate dyad-month +roots -> csv (CLI)" "$W/e.duckdb" --by dyad-month
agg "aggregate dyad-year +roots -> csv (CLI)" "$W/e.duckdb" --by dyad-year
agg "aggregate dyad-day quads -> csv (CLI)" "$W/e.duckdb" --by dyad-day --roots=false
agg "aggregate dyad-month, 1 dyad (CLI)" "$W/e.duckdb" --by dyad-month --dyad 2-365
for roots in "" 1; do
	BLOC_BENCH_ROOTS=$roots BLOC_BENCH_EVENTS_DB="$W/e.duckdb" "$W/duckdb.test" -test.run '^$' -test.bench '^BenchmarkEventsAggregate$' -test.benchtime 1x | grep Benchmark || true
done

[ "$mode" = full ] || exit 0

# 100M events: ten 10M-event files with different seeds, generated and ingested one at a time.
rm -rf "$W/e100.duckdb" "$W/e100.duckdb.wal"
for i in 1 2 3 4 5 6 7 8 9 10; do
	g="$W/part$i.synthetic.tsv"
	"$B" --quiet events synth --events 10000000 --out "$g" --seed $((100 + i))
	run "ingest part $i/10 (10M) into 100M db" 10000000 "$B" --quiet events --db "$W/e100.duckdb" ingest "$g"
done
N=100000000
agg "aggregate 100M dyad-month quads -> csv (CLI)" "$W/e100.duckdb" --by dyad-month --roots=false
agg "aggregate 100M dyad-month +roots -> csv (CLI)" "$W/e100.duckdb" --by dyad-month
for roots in "" 1; do
	BLOC_BENCH_ROOTS=$roots BLOC_BENCH_EVENTS_DB="$W/e100.duckdb" /usr/bin/time -f "go API aggregate (roots=$roots): %e s wall, %U+%S s CPU, %M KB peak RSS" \
		"$W/duckdb.test" -test.run '^$' -test.bench '^BenchmarkEventsAggregate$' -test.benchtime 1x 2>&1 | grep -E 'Benchmark|API'
done

# ClickHouse: the same 100M events on the 2-shard cluster and on one shard.
dsn="${BLOC_CLICKHOUSE_DSN:-}"
started=""
if [ -z "$dsn" ]; then
	dsn=$(scripts/clickhouse-cluster.sh start "$W/ch")
	started=1
fi
base="${dsn%%\?*}"
base="${base%/*}"
run_id=$(date +%s)
for shards in two_shards one_shard; do
	d="$base/bench_${shards}_$run_id?cluster=$shards"
	for i in 1 2 3 4 5 6 7 8 9 10; do
		g="$W/part$i.synthetic.tsv"
		run "clickhouse $shards: ingest part $i/10" 10000000 "$B" --quiet events --engine clickhouse --dsn "$d" ingest "$g"
	done
	run "clickhouse $shards: 100M dyad-month quads (CLI)" 100000000 sh -c "'$B' --quiet --format csv events --engine clickhouse --dsn '$d' aggregate --by dyad-month --roots=false >/dev/null"
	run "clickhouse $shards: 100M dyad-month +roots (CLI)" 100000000 sh -c "'$B' --quiet --format csv events --engine clickhouse --dsn '$d' aggregate --by dyad-month >/dev/null"
	for roots in "" 1; do
		BLOC_BENCH_ROOTS=$roots BLOC_BENCH_CH_DSN="$d" "$W/clickhouse.test" -test.run '^$' -test.bench '^BenchmarkAggregate$' -test.benchtime 1x | grep Benchmark || true
	done
done
# drop the benchmark databases on every server of the cluster
if command -v clickhouse-client >/dev/null; then
	hp=${base#clickhouse://}
	hp=${hp#*@}
	for shards in two_shards one_shard; do
		clickhouse-client --host "${hp%:*}" --port "${hp##*:}" -q "SELECT DISTINCT host_address, port FROM system.clusters" 2>/dev/null |
			while read -r h p; do clickhouse-client --host "$h" --port "$p" -q "DROP DATABASE IF EXISTS bench_${shards}_$run_id" || true; done
	done
fi
rm -f "$W"/part*.synthetic.tsv
[ -z "$started" ] || scripts/clickhouse-cluster.sh stop "$W/ch"
