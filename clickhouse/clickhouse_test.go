package clickhouse

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/duckdb"
	"github.com/bloc-project/bloc/events"
	"github.com/bloc-project/bloc/events/eventstest"
)

// The tests run against a real 2-shard cluster: $BLOC_CLICKHOUSE_DSN if
// set (CI starts one with scripts/clickhouse-cluster.sh), else one this
// test binary starts itself on free loopback ports when clickhouse-server
// is installed. Without either the tests skip.
var (
	clusterDSN  string
	skipReason  string
	startedDir  string
	startedBase int
)

func TestMain(m *testing.M) {
	code := func() int {
		flag.Parse()
		clusterDSN = os.Getenv("BLOC_CLICKHOUSE_DSN")
		if f := flag.Lookup("test.run"); f != nil && f.Value.String() == "^$" {
			return m.Run() // fuzzing or benchmarks only: no cluster needed
		}
		if clusterDSN == "" {
			if _, err := exec.LookPath("clickhouse-server"); err != nil {
				skipReason = "clickhouse-server is not installed and BLOC_CLICKHOUSE_DSN is not set (CI installs it: scripts/clickhouse-cluster.sh start)"
			} else if err := startCluster(); err != nil {
				skipReason = "could not start a test cluster: " + err.Error()
				fmt.Fprintln(os.Stderr, skipReason)
				return 1
			}
			if startedDir != "" {
				defer stopCluster()
			}
		}
		return m.Run()
	}()
	os.Exit(code)
}

func startCluster() error {
	dir, err := os.MkdirTemp("", "bloc-ch-test-")
	if err != nil {
		return err
	}
	for try := 0; try < 20; try++ {
		base := 20000 + 100*rand.IntN(300)
		if !portsFree(base) {
			continue
		}
		cmd := exec.Command("bash", "../scripts/clickhouse-cluster.sh", "start", dir)
		cmd.Env = append(os.Environ(), "BLOC_CH_PORT_BASE="+strconv.Itoa(base))
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			stopDir(dir, base)
			return fmt.Errorf("clickhouse-cluster.sh start: %v", err)
		}
		startedDir, startedBase = dir, base
		clusterDSN = strings.TrimSpace(string(out))
		return nil
	}
	return fmt.Errorf("no free ports")
}

func portsFree(base int) bool {
	for _, off := range []int{1, 2, 11, 12, 21, 22} {
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(base+off))
		if err != nil {
			return false
		}
		l.Close()
	}
	return true
}

func stopDir(dir string, base int) {
	cmd := exec.Command("bash", "../scripts/clickhouse-cluster.sh", "stop", dir)
	cmd.Env = append(os.Environ(), "BLOC_CH_PORT_BASE="+strconv.Itoa(base))
	cmd.Stderr = os.Stderr
	cmd.Run()
	os.RemoveAll(dir)
}

func stopCluster() { stopDir(startedDir, startedBase) }

// dsn returns the cluster's DSN with a fresh database (dropped at the end
// of the test) and the given extra query.
func dsn(t *testing.T, query string) string {
	t.Helper()
	if clusterDSN == "" {
		t.Skip(skipReason)
	}
	u, err := url.Parse(clusterDSN)
	if err != nil {
		t.Fatal(err)
	}
	db := fmt.Sprintf("bloc_test_%d_%d", time.Now().UnixNano()%1e9, rand.IntN(1000))
	u.Path = "/" + db
	q := u.Query()
	if query != "" {
		extra, _ := url.ParseQuery(query)
		for k, v := range extra {
			q[k] = v
		}
	}
	u.RawQuery = q.Encode()
	t.Cleanup(func() { dropDB(u, db) })
	return u.String()
}

// dropDB drops the test database on every server the cluster names.
func dropDB(u *url.URL, db string) {
	ctx := context.Background()
	c, err := ch.Open(&ch.Options{Addr: []string{u.Host}})
	if err != nil {
		return
	}
	defer c.Close()
	rows, err := c.Query(ctx, `SELECT DISTINCT host_address, port FROM system.clusters`)
	addrs := []string{u.Host}
	if err == nil {
		for rows.Next() {
			var h string
			var p uint16
			if rows.Scan(&h, &p) == nil {
				addrs = append(addrs, net.JoinHostPort(h, strconv.Itoa(int(p))))
			}
		}
		rows.Close()
	}
	for _, a := range addrs {
		if cc, err := ch.Open(&ch.Options{Addr: []string{a}}); err == nil {
			cc.Exec(ctx, "DROP DATABASE IF EXISTS `"+db+"`")
			cc.Close()
		}
	}
}

func open(t *testing.T, dsn string) *Engine {
	t.Helper()
	e, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// The 2-shard engine passes the conformance suite: the same ingest records
// and aggregates as the reference engine, idempotent re-ingest, nothing
// left of a failed load.
func TestConformanceTwoShards(t *testing.T) {
	e := open(t, dsn(t, ""))
	if e.Shards() != 2 || e.Cluster() == "" {
		t.Fatalf("%d shards, cluster %q: want the 2-shard cluster", e.Shards(), e.Cluster())
	}
	t.Logf("ClickHouse %s, cluster %s, %d shards", e.Version(), e.Cluster(), e.Shards())
	eventstest.Run(t, e)
	// the dyads are spread over both shards, each dyad on one shard
	ctx := context.Background()
	var per []uint64
	for _, s := range e.shards {
		var n uint64
		if err := s.conn.QueryRow(ctx, `SELECT count() FROM `+e.db()+`.events_local`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		per = append(per, n)
	}
	if per[0] == 0 || per[1] == 0 {
		t.Errorf("events per shard %v", per)
	}
	var split uint64
	// a dyad present on both shards would break shard-local aggregation
	dy := map[[2]uint16]int{}
	for i, s := range e.shards {
		rows, err := s.conn.Query(ctx, `SELECT DISTINCT ccode1, ccode2 FROM `+e.db()+`.events_local`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var a, b uint16
			rows.Scan(&a, &b)
			dy[[2]uint16{a, b}] |= 1 << i
		}
		rows.Close()
	}
	for _, m := range dy {
		if m == 3 {
			split++
		}
	}
	if split > 0 {
		t.Errorf("%d dyads are on both shards", split)
	}
	t.Logf("events per shard %v, %d dyads, none split", per, len(dy))
}

// One server without a Distributed table passes the same suite.
func TestConformanceOneServer(t *testing.T) {
	e := open(t, dsn(t, "cluster=none"))
	if e.Shards() != 1 || e.Cluster() != "" {
		t.Fatalf("%d shards, cluster %q", e.Shards(), e.Cluster())
	}
	eventstest.Run(t, e)
}

// The same files give the same aggregates on ClickHouse and DuckDB.
func TestSameAsDuckDB(t *testing.T) {
	ctx := context.Background()
	tb, _ := eventstest.Tables(t)
	files := eventstest.WriteFiles(t, t.TempDir(), 50000)
	paths := []string{files.SampleCSV, files.Synth, files.GDELT2Zip, files.GDELT1}
	c := open(t, dsn(t, ""))
	d, err := duckdb.OpenEvents(ctx, filepath.Join(t.TempDir(), "events.duckdb"), duckdb.EventsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, e := range []events.Engine{c, d} {
		if _, err := events.Ingest(ctx, e, tb, paths, events.IngestOptions{}); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
	}
	for _, by := range []events.Period{events.Day, events.Month, events.Year} {
		q := events.Query{By: by}
		a, err := events.Collect(ctx, c, q)
		if err != nil {
			t.Fatal(err)
		}
		b, err := events.Collect(ctx, d, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) == 0 || !reflect.DeepEqual(a, b) {
			t.Fatalf("by %s: clickhouse %d rows, duckdb %d rows, equal %v", by, len(a), len(b), reflect.DeepEqual(a, b))
		}
		t.Logf("by %s: %d rows, equal", by, len(a))
	}
}

// A crash while attaching (the process dies after some partitions were
// attached) is repaired on the next Open: the attempt's rows are deleted.
func TestRecoverInterruptedAttach(t *testing.T) {
	ctx := context.Background()
	tb, _ := eventstest.Tables(t)
	files := eventstest.WriteFiles(t, t.TempDir(), 20000)
	d := dsn(t, "")
	e := open(t, d)
	rep, err := events.Ingest(ctx, e, tb, []string{files.SampleCSV}, events.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Simulate the crash: rows of an attempt logged as attaching, never done.
	id := newID()
	for _, s := range e.shards {
		if err := s.conn.Exec(ctx, fmt.Sprintf("INSERT INTO %s.events_local (file_id, event_id, day, month, ccode1, ccode2, cameo, root, goldstein10, synthetic) SELECT %d, number, 17683, 201806, 2, 365, '040', 4, 10, 0 FROM numbers(%d)", e.db(), id, 1000+s.num)); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.logStatus(ctx, id, "started", &events.FileRecord{Path: "crashed.tsv"}); err != nil {
		t.Fatal(err)
	}
	if err := e.logStatus(ctx, id, "attaching", &events.FileRecord{Path: "crashed.tsv"}); err != nil {
		t.Fatal(err)
	}
	if err := e.shards[0].conn.Exec(ctx, e.localDDL(stageName(id))); err != nil {
		t.Fatal(err)
	}
	st, _ := e.Status(ctx)
	if st.Events != rep.Events+2003 {
		t.Fatalf("setup: %d events", st.Events)
	}
	e.Close()
	e2 := open(t, d)
	st, err = e2.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != rep.Events || len(st.Files) != 1 {
		t.Fatalf("after recovery: %d events, %d files; want %d, 1", st.Events, len(st.Files), rep.Events)
	}
	var left uint64
	e2.shards[0].conn.QueryRow(ctx, `SELECT count() FROM system.tables WHERE database = ? AND name LIKE 'events_stage_%'`, e2.cfg.Database).Scan(&left)
	if left != 0 {
		t.Errorf("%d staging tables left", left)
	}
}

// A server that is down, an HTTP DSN, a cluster that does not exist and a
// server older than the minimum are clear errors.
func TestBadServers(t *testing.T) {
	ctx := context.Background()
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	for _, c := range []struct{ dsn, want string }{
		{fmt.Sprintf("clickhouse://127.0.0.1:%d/default", port), "cannot reach ClickHouse"},
		{"http://127.0.0.1:8123/default", "HTTP protocol"},
		{"clickhouse://127.0.0.1/default", "no port"},
		{"clickhouse://127.0.0.1:9000/bad-name", "not a plain identifier"},
		{"postgres://x:1/y", "not clickhouse://"},
	} {
		_, err := Open(ctx, c.dsn)
		if bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.dsn, err)
		}
	}
	d := dsn(t, "cluster=no_such_cluster")
	if _, err := Open(ctx, d); bloc.ErrorCode(err) != bloc.ENOTFOUND {
		t.Errorf("unknown cluster: %v", err)
	}
	old := MinVersion
	MinVersion = Version{99, 1, 0}
	defer func() { MinVersion = old }()
	if _, err := Open(ctx, dsn(t, "")); bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), "too old") {
		t.Errorf("old server: %v", err)
	}
}

func TestFeatures(t *testing.T) {
	if f := FeaturesOf(Version{18, 16, 1}); f.LowCardinality || f.ForegroundInsert != "insert_distributed_sync" {
		t.Errorf("18.16: %+v", f)
	}
	if f := FeaturesOf(Version{24, 8, 0}); !f.LowCardinality || f.ForegroundInsert != "distributed_foreground_insert" {
		t.Errorf("24.8: %+v", f)
	}
	c, err := ParseDSN("clickhouse://u:secret@127.0.0.1:9101/bloc?cluster=two_shards&dial_timeout=2s")
	if err != nil || c.Cluster != "two_shards" || c.Database != "bloc" || strings.Contains(c.Redacted, "secret") || c.Options.DialTimeout != 2*time.Second {
		t.Errorf("%+v %v", c, err)
	}
}

// FuzzParseDSN: any --dsn is parsed or rejected with a *bloc.Error, and a
// password never appears in the redacted form.
func FuzzParseDSN(f *testing.F) {
	for _, s := range []string{"clickhouse://127.0.0.1:9101/default", "clickhouse://u:pw@h:9000/db?cluster=two_shards&dial_timeout=1s",
		"http://h:8123", "tcp://h:1?compress=lz4", "clickhouse://[::1]:9000", "clickhouse://h:9000/a b", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseDSN(s)
		if err != nil {
			if bloc.ErrorCode(err) != bloc.EINVALID {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if c.Options == nil || c.Database == "" {
			t.Fatalf("%q: %+v", s, c)
		}
		if u, err := url.Parse(c.Redacted); err != nil {
			t.Fatalf("%q: redacted %q does not parse", s, c.Redacted)
		} else if _, has := u.User.Password(); has {
			t.Fatalf("%q: password in %q", s, c.Redacted)
		}

	})
}

// BenchmarkAggregate aggregates the events stored at $BLOC_BENCH_CH_DSN
// (bench/events.sh fills it) to directed dyad-month rows.
func BenchmarkAggregate(b *testing.B) {
	d := os.Getenv("BLOC_BENCH_CH_DSN")
	if d == "" {
		b.Skip("BLOC_BENCH_CH_DSN is not set")
	}
	ctx := context.Background()
	e, err := Open(ctx, d)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	st, err := e.Status(ctx)
	if err != nil {
		b.Fatal(err)
	}
	by := events.Month
	if s := os.Getenv("BLOC_BENCH_BY"); s != "" {
		if by, err = events.ParsePeriod(s); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var rows, n int64
	for i := 0; i < b.N; i++ {
		rows, n = 0, 0
		if err := e.Aggregate(ctx, events.Query{By: by, Domestic: true, Roots: os.Getenv("BLOC_BENCH_ROOTS") != ""}, func(r *events.Row) error {
			rows++
			n += r.Events
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	if n != st.Events {
		b.Fatalf("aggregated %d events of %d", n, st.Events)
	}
	b.ReportMetric(float64(st.Events), "events")
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(e.Shards()), "shards")
}
