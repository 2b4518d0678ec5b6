// Package eventstest is the conformance suite every events.Engine passes:
// the same files give the same ingest records and the same aggregates as
// the in-memory reference engine, re-ingest stores nothing twice, and a
// failed load stores nothing.
package eventstest

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/events"
)

// DataDir returns the data directory ($BLOC_DATA, else ../shared/data
// relative to the module root), skipping the test when the files are absent.
func DataDir(tb testing.TB) datasets.Dir {
	tb.Helper()
	dir := os.Getenv("BLOC_DATA")
	if dir == "" {
		for _, d := range []string{"../shared/data", "../../shared/data", "../../../shared/data"} {
			if _, err := os.Stat(filepath.Join(d, "MANIFEST.tsv")); err == nil {
				dir = d
				break
			}
		}
	}
	for _, f := range []string{"cameo_codes_icews_pkg", "cameo_goldstein_scale", "countrycode_codelist", "gdelt_cameo_country_codes", "icews_events_sample_2018_06", "icews_dyad_year_quadcounts_2002_2014"} {
		if _, err := os.Stat(filepath.Join(dir, f+".csv.gz")); err != nil {
			tb.Skipf("no data directory with the event files: %v (set BLOC_DATA)", err)
		}
	}
	return datasets.Dir(dir)
}

var (
	once   sync.Once
	tables *events.Tables
	gen    *events.Generator
	err    error
)

// Tables returns the codebook and actor tables, loaded once.
func Tables(tb testing.TB) (*events.Tables, *events.Generator) {
	tb.Helper()
	dir := DataDir(tb)
	once.Do(func() {
		tables, err = events.LoadTables(context.Background(), dir)
		if err == nil {
			gen, err = events.NewGenerator(context.Background(), dir, tables, 7)
		}
	})
	if err != nil {
		tb.Fatal(err)
	}
	return tables, gen
}

// Files are the test files of the suite.
type Files struct {
	SampleCSV string // the real ICEWS sample (CSV, gzip)
	SampleTSV string // the same events in the ICEWS tab-separated layout
	SampleGz  string // the TSV, gzip-compressed: same contents, another file
	Synth     string // synthetic events, ICEWS layout
	GDELT2Zip string // synthetic events as a GDELT 2.0 export, zipped
	GDELT1    string // synthetic events as a GDELT 1.0 export (57 columns)
	Bad       string // an ICEWS file with malformed rows
}

// WriteFiles writes the suite's files into dir.
func WriteFiles(tb testing.TB, dir string, synthEvents int) Files {
	tb.Helper()
	t, g := Tables(tb)
	f := Files{
		SampleCSV: filepath.Join(string(DataDir(tb)), "icews_events_sample_2018_06.csv.gz"),
		SampleTSV: filepath.Join(dir, "icews_sample.tsv"),
		SampleGz:  filepath.Join(dir, "icews_sample.tsv.gz"),
		Synth:     filepath.Join(dir, "icews.synthetic.tsv"),
		GDELT2Zip: filepath.Join(dir, "20180601.export.synthetic.CSV.zip"),
		GDELT1:    filepath.Join(dir, "gdelt1.synthetic.tsv"),
		Bad:       filepath.Join(dir, "bad.tsv"),
	}
	tsv := SampleTSV(tb)
	must(tb, os.WriteFile(f.SampleTSV, tsv, 0o644))
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(tsv)
	w.Close()
	must(tb, os.WriteFile(f.SampleGz, gz.Bytes(), 0o644))

	var syn bytes.Buffer
	must(tb, g.WriteICEWS(context.Background(), &syn, int64(synthEvents), 1))
	must(tb, os.WriteFile(f.Synth, syn.Bytes(), 0o644))

	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	ze, _ := zw.Create("20180601.export.CSV")
	must(tb, WriteGDELT(g, t, ze, synthEvents/2, 61, 1000000))
	must(tb, zw.Close())
	must(tb, os.WriteFile(f.GDELT2Zip, zb.Bytes(), 0o644))

	var g1 bytes.Buffer
	must(tb, WriteGDELT(g, t, &g1, synthEvents/4, 57, 2000000))
	must(tb, os.WriteFile(f.GDELT1, g1.Bytes(), 0o644))

	hdr := strings.Join(events.ICEWSHeader, "\t") + "\n"
	lines := strings.Split(strings.TrimSpace(string(tsv)), "\n")[1:40]
	bad := []string{
		"1\t2018-06-01\tshort row",
		strings.Replace(lines[0], "\t040\t", "\t999\t", 1),       // unknown CAMEO code
		strings.Replace(lines[1], "2018-06-01", "2018-06-31", 1), // no such day
		setField(lines[2], 4, "Atlantis"),                        // unknown actor
	}
	must(tb, os.WriteFile(f.Bad, []byte(hdr+strings.Join(lines, "\n")+"\n"+strings.Join(bad, "\n")+"\n"), 0o644))
	return f
}

func setField(line string, i int, v string) string {
	f := strings.Split(line, "\t")
	f[i] = v
	return strings.Join(f, "\t")
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// SampleTSV converts the real ICEWS sample CSV into the ICEWS tab-separated layout.
func SampleTSV(tb testing.TB) []byte {
	tb.Helper()
	fh, err := os.Open(filepath.Join(string(DataDir(tb)), "icews_events_sample_2018_06.csv.gz"))
	must(tb, err)
	defer fh.Close()
	gz, err := gzip.NewReader(fh)
	must(tb, err)
	cr := csv.NewReader(gz)
	recs, err := cr.ReadAll()
	must(tb, err)
	var b bytes.Buffer
	b.WriteString(strings.Join(events.ICEWSHeader, "\t") + "\n")
	for _, r := range recs[1:] {
		b.WriteString(strings.Join(r[:20], "\t") + "\n")
	}
	return b.Bytes()
}

// WriteGDELT writes n synthetic events as a GDELT export with ncols
// columns (57 or 58 for 1.0, 61 for 2.0): actors as ISO3 codes.
func WriteGDELT(g *events.Generator, t *events.Tables, w io.Writer, n, ncols int, firstID int64) error {
	f := make([]string, ncols)
	for i := 0; i < n; i++ {
		e := g.Next()
		a, _ := t.Actors.Lookup([]byte(e.Source))
		b, _ := t.Actors.Lookup([]byte(e.Target))
		c := t.Codes.Get(e.Code)
		day := events.DayTime(e.Day)
		for j := range f {
			f[j] = ""
		}
		f[0] = strconv.FormatInt(firstID+int64(i), 10)
		f[1] = day.Format("20060102")
		f[2] = day.Format("200601")
		f[3] = day.Format("2006")
		f[5], f[7] = t.Actors.ISO3(bloc.CCode(a)), t.Actors.ISO3(bloc.CCode(a))
		f[15], f[17] = t.Actors.ISO3(bloc.CCode(b)), t.Actors.ISO3(bloc.CCode(b))
		f[26], f[27], f[28] = c.Code, c.Code, c.Code[:2]
		f[29] = strconv.Itoa(int(c.Quad))
		f[30] = strconv.FormatFloat(c.Goldstein(), 'f', 1, 64)
		f[ncols-1] = "https://example.org/SYNTHETIC"
		if _, err := io.WriteString(w, strings.Join(f, "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// failAfter is a Source that fails after n batches: a crash mid-file.
type failAfter struct {
	events.Source
	n int
}

var errCrash = errors.New("simulated crash mid-file")

func (f *failAfter) Next() (*events.Batch, error) {
	if f.n == 0 {
		return nil, errCrash
	}
	f.n--
	return f.Source.Next()
}

// Run runs the conformance suite against a fresh, empty engine.
func Run(t *testing.T, eng events.Engine) {
	ctx := context.Background()
	tb, _ := Tables(t)
	files := WriteFiles(t, t.TempDir(), 30000)
	ref := events.NewMemory()
	all := []string{files.SampleCSV, files.Synth, files.GDELT2Zip, files.GDELT1, files.Bad}

	// 1. Ingest: the same records as the reference.
	want, err := events.Ingest(ctx, ref, tb, all, events.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := events.Ingest(ctx, eng, tb, all, events.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range all {
		w, g := want.Files[i], got.Files[i]
		if g.Status != "done" || g.Events != w.Events || g.NonState != w.NonState || g.Malformed != w.Malformed || g.Synthetic != w.Synthetic ||
			g.SHA256 != w.SHA256 || g.ContentSHA256 != w.ContentSHA256 || g.Format != w.Format || g.Lines != w.Lines || g.ID == 0 {
			t.Errorf("%s:\n got  %+v\n want %+v", filepath.Base(all[i]), g, w)
		}
	}
	if got.Files[4].Malformed != 4 || len(got.Files[4].Issues) != 4 {
		t.Errorf("bad file: %d malformed, issues %v", got.Files[4].Malformed, got.Files[4].Issues)
	}
	if got.Files[0].Format != "csv" || got.Files[1].Format != "icews" || got.Files[2].Format != "gdelt2" || got.Files[3].Format != "gdelt1" {
		t.Errorf("formats %s %s %s %s", got.Files[0].Format, got.Files[1].Format, got.Files[2].Format, got.Files[3].Format)
	}
	st := status(t, eng)
	if st.Events != want.Events || st.Synthetic != want.Synthetic || len(st.Files) != len(all) {
		t.Fatalf("status: %d events (%d synthetic), %d files; want %d (%d), %d", st.Events, st.Synthetic, len(st.Files), want.Events, want.Synthetic, len(all))
	}
	for _, f := range st.Files {
		if f.Path == files.Bad && (f.IssueCounts["cameo"] != 1 || f.IssueCounts["date"] != 1 || f.IssueCounts["actor"] != 1 || f.IssueCounts["columns"] != 1 || len(f.Issues) != 4) {
			t.Errorf("ingest log of the bad file: %+v %+v", f.IssueCounts, f.Issues)
		}
	}

	// 2. Re-ingest is idempotent: the same files, a copy under another
	// name, and the same contents compressed differently store nothing.
	cp := filepath.Join(t.TempDir(), "copy.tsv")
	data, _ := os.ReadFile(files.Synth)
	os.WriteFile(cp, data, 0o644)
	again, err := events.Ingest(ctx, eng, tb, append(all, cp), events.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Duplicates != len(all)+1 || again.Events != 0 {
		t.Errorf("re-ingest: %d duplicates, %d events", again.Duplicates, again.Events)
	}
	// the TSV is the CSV's events in another layout: other contents, stored once more
	tsv, err := events.Ingest(ctx, eng, tb, []string{files.SampleTSV, files.SampleGz}, events.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tsv.Files[0].Status != "done" || tsv.Files[1].Status != "duplicate" || tsv.Files[1].DuplicateOf != tsv.Files[0].ID {
		t.Errorf("gzip copy of a stored file: %+v", tsv.Files)
	}
	if _, err := ref.Load(ctx, open(t, files.SampleTSV, tb)); err != nil {
		t.Fatal(err)
	}
	if st2 := status(t, eng); st2.Events != st.Events+tsv.Events {
		t.Errorf("after re-ingest: %d events, want %d", st2.Events, st.Events+tsv.Events)
	}

	// 3. A crash mid-file stores nothing; the next ingest redoes the file.
	before := status(t, eng)
	extra := filepath.Join(t.TempDir(), "more.synthetic.tsv")
	var more bytes.Buffer
	_, g := Tables(t)
	g.WriteICEWS(ctx, &more, 12000, 500000)
	os.WriteFile(extra, more.Bytes(), 0o644)
	if _, err := eng.Load(ctx, &failAfter{Source: open(t, extra, tb), n: 3}); !errors.Is(err, errCrash) {
		t.Errorf("crash: %v", err)
	}
	if after := status(t, eng); after.Events != before.Events || len(after.Files) != len(before.Files) {
		t.Fatalf("a failed load left %d events, %d files (before: %d, %d)", after.Events, len(after.Files), before.Events, len(before.Files))
	}
	// strict: the first malformed row fails the file; nothing is stored
	badStrict := filepath.Join(t.TempDir(), "bad2.tsv")
	bad, _ := os.ReadFile(files.Bad)
	os.WriteFile(badStrict, append(bad, []byte(setField(strings.Split(string(bad), "\n")[1], 0, "424242")+"\n")...), 0o644)
	srep, err := events.Ingest(ctx, eng, tb, []string{extra, badStrict, files.SampleTSV}, events.IngestOptions{Options: events.Options{Strict: true}})
	if bloc.ErrorCode(err) != bloc.EINVALID || len(srep.Files) != 2 || srep.Files[0].Status != "done" || srep.Files[1].Status != "failed" {
		t.Errorf("strict: %v %+v", err, srep)
	}
	if after := status(t, eng); after.Events != before.Events+srep.Files[0].Events || len(after.Files) != len(before.Files)+1 {
		t.Errorf("strict failure stored something: %d events, %d files", after.Events, len(after.Files))
	}
	rep, err := events.Ingest(ctx, eng, tb, []string{extra}, events.IngestOptions{})
	if err != nil || rep.Files[0].Status != "duplicate" {
		t.Fatalf("after strict: %v %+v", err, rep)
	}
	if _, err := ref.Load(ctx, open(t, extra, tb)); err != nil {
		t.Fatal(err)
	}

	// 4. Aggregates equal the reference, with and without filters.
	queries := []events.Query{
		{By: events.Day}, {By: events.Month}, {By: events.Year},
		{By: events.Month, Domestic: true},
		{By: events.Day, From: date("2018-06-02"), To: date("2018-06-02")},
		{By: events.Year, Dyads: []bloc.Dyad{{A: 2, B: 365}, {A: 365, B: 2}, {A: 630, B: 365}, {A: 731, B: 732}}},
		{By: events.Month, From: date("2005-01-01"), To: date("2009-12-31"), Dyads: []bloc.Dyad{{A: 2, B: 710}, {A: 710, B: 2}}},
	}
	for _, q := range queries[:len(queries):len(queries)] {
		q.Roots = true
		queries = append(queries, q)
	}
	for _, q := range queries {
		w, err := events.Collect(ctx, ref, q)
		if err != nil {
			t.Fatal(err)
		}
		g, err := events.Collect(ctx, eng, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		if len(w) == 0 {
			t.Errorf("%+v: the reference has no rows", q)
		}
		if !reflect.DeepEqual(g, w) {
			n := min(len(g), len(w))
			for i := 0; i < n; i++ {
				if !reflect.DeepEqual(g[i], w[i]) {
					t.Errorf("%+v: row %d\n got  %+v\n want %+v", q, i, g[i], w[i])
					break
				}
			}
			t.Fatalf("%+v: %d rows, want %d", q, len(g), len(w))
		}
	}
	// every synthetic event is counted as synthetic in the aggregates
	var syn, total int64
	eng.Aggregate(ctx, events.Query{By: events.Year, Domestic: true, Roots: true}, func(r *events.Row) error {
		syn += r.Synthetic
		total += r.Events
		return nil
	})
	if st := status(t, eng); syn != st.Synthetic || total != st.Events {
		t.Errorf("aggregates count %d events (%d synthetic); status %d (%d)", total, syn, st.Events, st.Synthetic)
	}
	// a bad query is an error, not an empty result
	if err := eng.Aggregate(ctx, events.Query{By: events.Month, From: date("2019-01-01"), To: date("2018-01-01")}, func(*events.Row) error { return nil }); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Errorf("from after to: %v", err)
	}
}

func open(t *testing.T, path string, tb *events.Tables) events.Source {
	t.Helper()
	r, err := events.OpenFile(path, tb, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func status(t *testing.T, e events.Engine) *events.Status {
	t.Helper()
	st, err := e.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func date(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(fmt.Sprint(err))
	}
	return d
}
