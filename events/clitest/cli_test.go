package clitest

// Tests of the `bloc events` commands (internal/cli/events.go), through
// cli.Main as a user runs them.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	ch "github.com/ClickHouse/clickhouse-go/v2"

	"github.com/bloc-project/bloc/events/eventstest"
	"github.com/bloc-project/bloc/internal/cli"
)

func bloc(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCLI(t *testing.T) {
	data := string(eventstest.DataDir(t))
	dir := t.TempDir()
	t.Setenv("BLOC_HOME", dir)
	t.Setenv("BLOC_EVENTS_ENGINE", "")
	t.Setenv("BLOC_CLICKHOUSE_DSN", "")
	db := filepath.Join(dir, "ev.duckdb")
	base := []string{"--data", data}
	ev := func(args ...string) (int, string, string) {
		return bloc(t, append(append(append([]string{}, base...), "events"), append([]string{"--db", db}, args...)...)...)
	}
	sample := filepath.Join(data, "icews_events_sample_2018_06.csv.gz")

	if code, _, errs := ev("status"); code != 1 || !strings.Contains(errs, "no events database") {
		t.Fatalf("status before ingest: %d %s", code, errs)
	}
	code, out, errs := ev("ingest", sample)
	if code != 0 || !strings.Contains(out, "4429") || !strings.Contains(out, "done") {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = ev("ingest", sample)
	if code != 0 || !strings.Contains(out, "duplicate of #1") || !strings.Contains(out, "0 events stored") {
		t.Fatalf("re-ingest: %d\n%s", code, out)
	}

	// malformed rows are reported with file and line; --strict fails
	files := eventstest.WriteFiles(t, t.TempDir(), 2000)
	code, out, _ = ev("ingest", files.Bad)
	if code != 0 || !strings.Contains(out, "4 malformed rows skipped") || !strings.Contains(out, files.Bad+":41:") {
		t.Fatalf("bad file: %d\n%s", code, out)
	}
	code, _, errs = ev("ingest", "--strict", files.SampleTSV+".nope")
	if code != 1 || !strings.Contains(errs, "no such file") {
		t.Errorf("missing file: %d %s", code, errs)
	}
	strict := filepath.Join(t.TempDir(), "strict.tsv")
	b, _ := os.ReadFile(files.Bad)
	os.WriteFile(strict, append(b, '\n'), 0o644)
	code, _, errs = ev("ingest", "--strict", strict)
	if code != 2 || !strings.Contains(errs, "strict.tsv: line 41:") {
		t.Errorf("strict: %d %s", code, errs)
	}

	// aggregate to stdout and to files
	code, out, errs = ev("aggregate", "--by", "dyad-month", "--dyad", "IRN-RUS", "--dyad", "365-630")
	if code != 0 || !strings.Contains(out, "630      365      2018-06") || !strings.Contains(out, "365      630      2018-06") {
		t.Fatalf("aggregate: %d\n%s\n%s", code, out, errs)
	}
	for _, ext := range []string{".csv", ".json", ".parquet"} {
		p := filepath.Join(dir, "agg"+ext)
		code, _, errs = ev("aggregate", "--by", "dyad-day", "--from", "2018-06-02", "--to", "2018-06", "--out", p)
		if st, err := os.Stat(p); code != 0 || err != nil || st.Size() < 100 {
			t.Fatalf("--out %s: %d %s", ext, code, errs)
		}
	}
	j, _ := os.ReadFile(filepath.Join(dir, "agg.json"))
	var doc struct {
		Rows   []map[string]any `json:"rows"`
		Totals map[string]any   `json:"totals"`
	}
	if err := json.Unmarshal(j, &doc); err != nil || len(doc.Rows) == 0 {
		t.Fatalf("json: %v %d", err, len(doc.Rows))
	}
	c, _ := os.ReadFile(filepath.Join(dir, "agg.csv"))
	if lines := strings.Count(string(c), "\n"); lines != len(doc.Rows)+1 || !strings.HasPrefix(string(c), "ccode1,ccode2,period,year,events,verb_coop") {
		t.Errorf("csv has %d lines for %d rows", lines, len(doc.Rows))
	}
	for _, args := range [][]string{
		{"aggregate", "--by", "dyad-week"},
		{"aggregate", "--from", "2018-13"},
		{"aggregate", "--from", "2019", "--to", "2018"},
		{"aggregate", "--dyad", "RUS"},
		{"aggregate", "--out", filepath.Join(dir, "x.xlsx")},
		{"ingest", "--format", "xml", sample},
		{"ingest"},
		{"synth", "--events", "10", "--out", filepath.Join(dir, "real.tsv")},
		{"--engine", "clickhouse", "status"},
		{"--engine", "oracle", "status"},
	} {
		if code, _, errs := ev(args...); code != 2 || !strings.HasPrefix(errs, "bloc: ") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}

	// synthetic events are labelled in every output
	syn := filepath.Join(dir, "s.synthetic.tsv.gz")
	if code, _, errs := ev("synth", "--events", "5000", "--out", syn, "--seed", "3"); code != 0 {
		t.Fatalf("synth: %s", errs)
	}
	code, out, _ = ev("ingest", syn)
	if code != 0 || !strings.Contains(out, "SYNTHETIC") {
		t.Fatalf("ingest synthetic: %d %s", code, out)
	}
	code, out, errs = bloc(t, "--data", data, "--format", "csv", "events", "--db", db, "aggregate", "--by", "dyad-year")
	if code != 0 || !strings.Contains(errs, "SYNTHETIC") || !strings.Contains(out, "synthetic_events") {
		t.Errorf("aggregate with synthetic events: %d %s", code, errs)
	}
	code, out, _ = ev("status")
	if code != 0 || !strings.Contains(out, "5000 of them SYNTHETIC") || !strings.Contains(out, "files    3") {
		t.Errorf("status: %d\n%s", code, out)
	}
	code, out, _ = bloc(t, "--format", "json", "events", "--db", db, "status")
	var st map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil || st["synthetic_events"].(float64) != 5000 {
		t.Errorf("status json: %d %s", code, out)
	}
	if code, out, _ := bloc(t, "events", "--help"); code != 0 || !strings.Contains(out, "aggregate") {
		t.Errorf("help: %d", code)
	}
}

// With a ClickHouse cluster ($BLOC_CLICKHOUSE_DSN), the same commands give
// byte-identical CSV output on both engines.
func TestCLISameOnBothEngines(t *testing.T) {
	dsn := os.Getenv("BLOC_CLICKHOUSE_DSN")
	if dsn == "" {
		t.Skip("BLOC_CLICKHOUSE_DSN is not set (the clickhouse package tests start their own cluster)")
	}
	data := string(eventstest.DataDir(t))
	dir := t.TempDir()
	t.Setenv("BLOC_HOME", dir)
	files := eventstest.WriteFiles(t, t.TempDir(), 20000)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	dbname := fmt.Sprintf("bloc_cli_test_%d", os.Getpid())
	u.Path = "/" + dbname
	chdsn := u.String()
	t.Cleanup(func() { dropEverywhere(u.Host, dbname) })
	engines := [][]string{{"--db", filepath.Join(dir, "e.duckdb")}, {"--engine", "clickhouse", "--dsn", chdsn}}
	var outs []string
	for _, eng := range engines {
		args := append(append([]string{"--data", data, "--quiet", "events"}, eng...), "ingest", files.SampleCSV, files.Synth, files.GDELT2Zip)
		if code, _, errs := bloc(t, args...); code != 0 {
			t.Fatalf("%v: %s", eng, errs)
		}
		args = append(append([]string{"--data", data, "--format", "csv", "events"}, eng...), "aggregate", "--by", "dyad-month", "--from", "2005", "--to", "2012-06")
		code, out, errs := bloc(t, args...)
		if code != 0 {
			t.Fatalf("%v: %s", eng, errs)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] || strings.Count(outs[0], "\n") < 100 {
		t.Fatalf("duckdb and clickhouse differ (%d and %d bytes)", len(outs[0]), len(outs[1]))
	}
}

// dropEverywhere drops a database on every server of the entry node's clusters.
func dropEverywhere(host, db string) {
	ctx := context.Background()
	c, err := ch.Open(&ch.Options{Addr: []string{host}})
	if err != nil {
		return
	}
	defer c.Close()
	addrs := []string{host}
	if rows, err := c.Query(ctx, `SELECT DISTINCT host_address, port FROM system.clusters`); err == nil {
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
