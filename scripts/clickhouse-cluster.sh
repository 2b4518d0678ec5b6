#!/usr/bin/env bash
# clickhouse-cluster.sh — a 2-shard ClickHouse cluster on loopback for bloc's
# event-data tests and benchmarks (see STACK.md §3).
#
#   scripts/clickhouse-cluster.sh start [DIR]   install (Debian) if absent, write per-instance configs
#                                                under DIR, start two servers, wait until both answer,
#                                                print the DSN on stdout
#   scripts/clickhouse-cluster.sh stop  [DIR]   stop the two servers started from DIR (by their pids)
#   scripts/clickhouse-cluster.sh status [DIR]  print the DSN and whether each server answers
#
# DIR defaults to $BLOC_CH_DIR, else /tmp/bloc-clickhouse. Ports come from
# $BLOC_CH_PORT_BASE (default 9100): native tcp BASE+1 and BASE+2 (9101, 9102),
# http BASE+11/12, interserver BASE+21/22. The servers listen on loopback only.
#
# Clusters defined in each server's config:
#   two_shards  shard 1 = 127.0.0.1:BASE+1, shard 2 = 127.0.0.1:BASE+2   (what bloc uses)
#   one_shard   shard 1 only                                             (the 1-shard baseline for benchmarks)
#
# Queries are limited to $BLOC_CH_MAX_MEMORY bytes each (default 2000000000), and GROUP BY
# spills to disk above half of that.
set -euo pipefail

cmd="${1:-}"
dir="${2:-${BLOC_CH_DIR:-/tmp/bloc-clickhouse}}"
base="${BLOC_CH_PORT_BASE:-9100}"
maxmem="${BLOC_CH_MAX_MEMORY:-2000000000}"
tcp=($((base + 1)) $((base + 2)))
http=($((base + 11)) $((base + 12)))
inter=($((base + 21)) $((base + 22)))
dsn="clickhouse://127.0.0.1:${tcp[0]}/default?cluster=two_shards"

started_pids=()
# die stops the servers this invocation started (by pid), then exits.
die() {
	echo "clickhouse-cluster: $*" >&2
	for p in "${started_pids[@]:-}"; do
		[ -n "$p" ] && kill "$p" 2>/dev/null
	done
	exit 1
}

install_if_absent() {
	if command -v clickhouse-server >/dev/null 2>&1 && command -v clickhouse-client >/dev/null 2>&1; then
		return
	fi
	[ "$(id -u)" = 0 ] || die "clickhouse-server is not installed and this is not root; install clickhouse-server and clickhouse-client"
	echo "clickhouse-cluster: installing clickhouse-server and clickhouse-client from Debian" >&2
	apt-get update >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y clickhouse-server clickhouse-client >&2
}

answers() { # port
	clickhouse-client --host 127.0.0.1 --port "$1" --query "SELECT 1" >/dev/null 2>&1
}

alive() { # pidfile
	[ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

write_config() { # instance-number
	local i=$1 d="$dir/chs$1" n=$(($1 - 1))
	mkdir -p "$d/data/tmp" "$d/data/user_files" "$d/data/format_schemas" "$d/log"
	local cluster="<remote_servers><two_shards><shard><replica><host>127.0.0.1</host><port>${tcp[0]}</port></replica></shard><shard><replica><host>127.0.0.1</host><port>${tcp[1]}</port></replica></shard></two_shards><one_shard><shard><replica><host>127.0.0.1</host><port>${tcp[0]}</port></replica></shard></one_shard></remote_servers>"
	# Drop the stock remote_servers block (test clusters on port 9000), then rewrite ports and paths.
	sed -e '/<remote_servers incl="clickhouse_remote_servers" *>/,/<\/remote_servers>/d' \
		-e "s#<http_port>8123</http_port>#<http_port>${http[$n]}</http_port>#" \
		-e "s#<tcp_port>9000</tcp_port>#<tcp_port>${tcp[$n]}</tcp_port>#" \
		-e "s#<interserver_http_port>9009</interserver_http_port>#<interserver_http_port>${inter[$n]}</interserver_http_port>#" \
		-e 's#<listen_host>::1</listen_host>##' \
		-e "s#/var/log/clickhouse-server/#$d/log/#g" \
		-e "s#/var/lib/clickhouse/#$d/data/#g" \
		-e "s#<users_config>users.xml</users_config>#<users_config>$d/users.xml</users_config>#" \
		-e 's#<zookeeper incl="zookeeper-servers" optional="true" />##' \
		-e "s#<macros incl=\"macros\" optional=\"true\" />#<macros><shard>$i</shard></macros>${cluster}#" \
		/etc/clickhouse-server/config.xml >"$d/config.xml"
	sed -e "s#<max_memory_usage>[0-9]*</max_memory_usage>#<max_memory_usage>${maxmem}</max_memory_usage><max_bytes_before_external_group_by>$((maxmem / 2))</max_bytes_before_external_group_by>#" \
		/etc/clickhouse-server/users.xml >"$d/users.xml"
	grep -q "<tcp_port>${tcp[$n]}</tcp_port>" "$d/config.xml" || die "could not rewrite /etc/clickhouse-server/config.xml (unexpected layout)"
	grep -q "<two_shards>" "$d/config.xml" || die "could not add the cluster to $d/config.xml"
}

start() {
	install_if_absent
	mkdir -p "$dir"
	for i in 1 2; do
		local d="$dir/chs$i" n=$((i - 1))
		if alive "$d/pid" && answers "${tcp[$n]}"; then
			continue
		fi
		if answers "${tcp[$n]}"; then
			die "port ${tcp[$n]} already answers but not from a server started from $dir; set BLOC_CH_PORT_BASE to use other ports"
		fi
		write_config "$i"
		# Start the server directly (not in a subshell) so that $! is the server's own pid.
		nohup clickhouse-server --config-file="$d/config.xml" >"$d/log/stdout.log" 2>&1 </dev/null &
		echo $! >"$d/pid"
		started_pids+=("$!")
	done
	for i in 1 2; do
		local d="$dir/chs$i" n=$((i - 1)) t=0
		until answers "${tcp[$n]}"; do
			alive "$d/pid" || die "server $i exited; see $d/log/clickhouse-server.err.log"
			t=$((t + 1))
			[ $t -le 120 ] || die "server $i did not answer on port ${tcp[$n]} within 60 s; see $d/log/"
			sleep 0.5
		done
	done
	echo "$dsn"
}

stop() {
	local pids=()
	for i in 1 2; do
		local p="$dir/chs$i/pid"
		if alive "$p"; then
			kill "$(cat "$p")" && pids+=("$(cat "$p")")
		fi
	done
	# Shutdown takes about 15 s; wait up to 60 s, then kill what is left.
	for _ in $(seq 1 120); do
		local left=0
		for p in "${pids[@]:-}"; do
			[ -n "$p" ] && kill -0 "$p" 2>/dev/null && left=1
		done
		[ $left = 0 ] && break
		sleep 0.5
	done
	for p in "${pids[@]:-}"; do
		[ -n "$p" ] && kill -0 "$p" 2>/dev/null && kill -9 "$p"
	done
	rm -f "$dir/chs1/pid" "$dir/chs2/pid"
	return 0
}

status() {
	echo "$dsn"
	for i in 1 2; do
		local n=$((i - 1))
		if answers "${tcp[$n]}"; then echo "shard $i 127.0.0.1:${tcp[$n]} up"; else echo "shard $i 127.0.0.1:${tcp[$n]} down"; fi
	done
}

case "$cmd" in
start) start ;;
stop) stop ;;
status) status ;;
*) die "usage: $0 start|stop|status [DIR]" ;;
esac
