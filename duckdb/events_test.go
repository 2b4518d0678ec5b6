package duckdb

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/events"
	"github.com/bloc-project/bloc/events/eventstest"
)

func openEvents(t testing.TB, path string) *Events {
	t.Helper()
	e, err := OpenEvents(context.Background(), path, EventsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// The embedded engine passes the engine conformance suite: the same ingest
// records and aggregates as the reference engine, idempotent re-ingest, no
// trace of a failed load.
func TestEventsConformance(t *testing.T) {
	e := openEvents(t, filepath.Join(t.TempDir(), "events.duckdb"))
	defer e.Close()
	eventstest.Run(t, e)
}

// Everything survives closing and reopening the database; a second process
// cannot open it for writing while the first has it.
func TestEventsReopen(t *testing.T) {
	ctx := context.Background()
	tb, _ := eventstest.Tables(t)
	path := filepath.Join(t.TempDir(), "events.duckdb")
	e := openEvents(t, path)
	rep, err := events.Ingest(ctx, e, tb, []string{filepath.Join(string(eventstest.DataDir(t)), "icews_events_sample_2018_06.csv.gz")}, events.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := events.Collect(ctx, e, events.Query{By: events.Month})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenEvents(ctx, path, EventsOptions{}); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Errorf("second open: %v", err)
	}
	e.Close()
	e = openEvents(t, path)
	defer e.Close()
	st, err := e.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != rep.Events || len(st.Files) != 1 || st.Files[0].SHA256 != rep.Files[0].SHA256 {
		t.Fatalf("after reopen: %+v", st)
	}
	again, err := events.Collect(ctx, e, events.Query{By: events.Month})
	if err != nil || len(again) != len(rows) {
		t.Fatalf("after reopen: %d rows (%v), want %d", len(again), err, len(rows))
	}
	// events_v unpacks the compact layout: the same events, readable.
	var n, verbal, iranRussia int64
	var minG, maxG float64
	if err := e.DB().QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE verbal), count(*) FILTER (WHERE ccode1 = 630 AND ccode2 = 365 AND cameo LIKE '0%'),
		min(goldstein), max(goldstein) FROM events_v WHERE NOT synthetic`).Scan(&n, &verbal, &iranRussia, &minG, &maxG); err != nil {
		t.Fatal(err)
	}
	if n != rep.Events || verbal == 0 || verbal == n || iranRussia != 2 || minG < -10 || maxG > 10 {
		t.Errorf("events_v: %d events (%d verbal, %d Iran→Russia 0x codes), Goldstein %v..%v", n, verbal, iranRussia, minG, maxG)
	}
	// Iran → Russia and Russia → Iran, 1–3 June 2018, from the real sample.
	for _, r := range again {
		if r.Dyad == (bloc.Dyad{A: 630, B: 365}) || r.Dyad == (bloc.Dyad{A: 365, B: 630}) {
			t.Logf("%s %s: %d events, quads %v, Goldstein mean %v", r.Dyad, r.Period.Format("2006-01"), r.Events, r.Quad, r.GoldsteinMean())
		}
	}
}

// A crash mid-file (the process killed while loading) leaves the database
// as it was: the transaction is never committed and DuckDB discards it on
// the next open. The child process is this test binary.
func TestEventsKilledMidFile(t *testing.T) {
	if os.Getenv("BLOC_EVENTS_CHILD") != "" {
		childIngest()
		return
	}
	ctx := context.Background()
	tb, g := eventstest.Tables(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "events.duckdb")
	big := filepath.Join(dir, "big.synthetic.tsv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	g.WriteICEWS(ctx, f, 3000000, 1)
	f.Close()
	exe, _ := os.Executable()
	cmd := exec.Command(exe, "-test.run=^TestEventsKilledMidFile$")
	cmd.Env = append(os.Environ(), "BLOC_EVENTS_CHILD="+path, "BLOC_EVENTS_FILE="+big, "BLOC_DATA="+string(eventstest.DataDir(t)))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// wait until the child is loading (row groups written to the database
	// file make it grow past 4 MB), then kill it
	deadline := time.Now().Add(60 * time.Second)
	var size int64
	for time.Now().Before(deadline) {
		if st, err := os.Stat(path); err == nil && st.Size() > 4<<20 {
			size = st.Size()
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Kill()
	if size == 0 {
		t.Fatal("the child never started loading")
	}
	t.Logf("killed the loading process with the database at %d bytes", size)
	cmd.Wait()
	e := openEvents(t, path)
	defer e.Close()
	st, err := e.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != 0 || len(st.Files) != 0 {
		t.Fatalf("after a kill mid-file: %d events, %d files", st.Events, len(st.Files))
	}
	rep, err := events.Ingest(ctx, e, tb, []string{big}, events.IngestOptions{})
	if err != nil || rep.Files[0].Status != "done" || rep.Events != 3000000 {
		t.Fatalf("redo: %v %+v", err, rep)
	}
}

func childIngest() {
	ctx := context.Background()
	src := datasets.Dir(os.Getenv("BLOC_DATA"))
	tb, err := events.LoadTables(ctx, src)
	if err != nil {
		os.Exit(3)
	}
	e, err := OpenEvents(ctx, os.Getenv("BLOC_EVENTS_CHILD"), EventsOptions{})
	if err != nil {
		os.Exit(4)
	}
	events.Ingest(ctx, e, tb, []string{os.Getenv("BLOC_EVENTS_FILE")}, events.IngestOptions{})
	os.Exit(0)
}

// BenchmarkEventsIngest loads a synthetic ICEWS file (uncompressed) into the
// embedded store; events/s is per run, on GOMAXPROCS cores.
func BenchmarkEventsIngest(b *testing.B) {
	ctx := context.Background()
	tb, g := eventstest.Tables(b)
	n := int64(2000000)
	if s := os.Getenv("BLOC_BENCH_EVENTS"); s != "" {
		n, _ = strconv.ParseInt(s, 10, 64)
	}
	dir := b.TempDir()
	file := filepath.Join(dir, "bench.synthetic.tsv")
	f, _ := os.Create(file)
	g.WriteICEWS(ctx, f, n, 1)
	f.Close()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		e := openEvents(b, filepath.Join(dir, "e"+strconv.Itoa(i)+".duckdb"))
		rep, err := events.Ingest(ctx, e, tb, []string{file}, events.IngestOptions{})
		if err != nil || rep.Events != n {
			b.Fatal(err, rep)
		}
		e.Close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mevents/s")
	b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-c0).Seconds()/1e6, "Mevents/cpu-s")
	_ = runtime.GOMAXPROCS
}

// cpuTime is the process's user + system CPU time (all threads, DuckDB's included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEventsAggregate aggregates the events database named by
// $BLOC_BENCH_EVENTS_DB (e.g. the 100M-event database bench/events.sh
// builds) to directed dyad-month rows through the Go API, or a database of
// 2M synthetic events built here.
func BenchmarkEventsAggregate(b *testing.B) {
	ctx := context.Background()
	path := os.Getenv("BLOC_BENCH_EVENTS_DB")
	if path == "" {
		tb, g := eventstest.Tables(b)
		dir := b.TempDir()
		file := filepath.Join(dir, "bench.synthetic.tsv")
		f, _ := os.Create(file)
		g.WriteICEWS(ctx, f, 2000000, 1)
		f.Close()
		path = filepath.Join(dir, "agg.duckdb")
		e := openEvents(b, path)
		if _, err := events.Ingest(ctx, e, tb, []string{file}, events.IngestOptions{}); err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
	e := openEvents(b, path)
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
	c0 := cpuTime()
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
	b.ReportMetric((cpuTime()-c0).Seconds()/float64(b.N), "cpu-s/op")
}
