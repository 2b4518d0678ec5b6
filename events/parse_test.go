package events

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
	"strings"
	"testing"
	"time"

	"github.com/bloc-project/bloc"
)

func TestCodebook(t *testing.T) {
	tb := testTables(t)
	cb := tb.Codes
	if n := len(cb.Codes) - 1; n != 312 {
		t.Fatalf("%d codes, want 312", n)
	}
	for _, c := range []struct {
		code       string
		root, quad uint8
		gold10     int8
	}{{"010", 1, 1, 0}, {"10", 10, 3, -50}, {"043", 4, 1, 28}, {"190", 19, 4, -100}, {"0831", 8, 2, 50}, {"20", 20, 4, -100}} {
		got, ok := cb.LookupString(c.code)
		if !ok || got.Root != c.root || got.Quad != c.quad {
			t.Errorf("%s: %+v, want root %d quad %d", c.code, got, c.root, c.quad)
		}
		_ = c.gold10
	}
	a, _ := cb.LookupString("010")
	b, _ := cb.LookupString("10")
	if a.Code == b.Code {
		t.Error(`"010" and "10" are the same code`)
	}
	for _, bad := range []string{"", "0", "1", "99", "999", "00000", "0a1", "-10"} {
		if _, ok := cb.LookupString(bad); ok {
			t.Errorf("%q is a code", bad)
		}
	}
}

func TestActors(t *testing.T) {
	a := testTables(t).Actors
	for s, want := range map[string]int16{
		"Russian Federation": 365, "Iran, Islamic Republic Of": 630, "Iran": 630, "IRN": 630, "RUS": 365,
		"United States": 2, "USA": 2, "2": 2, "ROM": 360, "TMP": 860, "Serbia": 345, "SRB": 345, "Kosovo": 347,
		"Occupied Palestinian Territory": 0, "Hong Kong": 0, "AFR": 0, "": 0, "united states": 2, "Korea, Republic Of": 732,
		"Cote d'Ivoire": 437, "the former Yugoslav Republic of Macedonia": 343, "Democratic Republic of Congo": 490,
		"Germany": 255, "China": 710, "Japan": 740, "India": 750, "Israel": 666, "Ukraine": 369,
	} {
		got, ok := a.Lookup([]byte(s))
		if !ok || got != want {
			t.Errorf("%q → %d (known %v), want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"Atlantis", "XYZ", "9999"} {
		if _, ok := a.Lookup([]byte(s)); ok {
			t.Errorf("%q is known", s)
		}
	}
	if c, err := a.Resolve("IRN"); err != nil || c != 630 {
		t.Errorf("Resolve(IRN) = %v, %v", c, err)
	}
	if _, err := a.Resolve("Hong Kong"); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Errorf("Resolve(Hong Kong): %v", err)
	}
}

// The real ICEWS sample (the icews R package's CSV) parses with no issue:
// every code and every country is known.
func TestICEWSSampleCSV(t *testing.T) {
	dir := dataDir(t)
	tb := testTables(t)
	r, err := OpenFile(filepath.Join(string(dir), "icews_events_sample_2018_06.csv.gz"), tb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.Format() != CSV {
		t.Fatalf("format %v, want csv", r.Format())
	}
	n, err := Drain(r)
	if err != nil {
		t.Fatal(err)
	}
	rec := r.Record()
	if rec.Lines != 4993 || rec.Malformed != 0 || rec.Events != n || rec.Events+rec.NonState != 4993 {
		t.Fatalf("lines %d events %d nonstate %d malformed %d (%v)", rec.Lines, rec.Events, rec.NonState, rec.Malformed, rec.Issues)
	}
	if rec.SHA256 == rec.ContentSHA256 || len(rec.SHA256) != 64 {
		t.Errorf("checksums %s / %s", rec.SHA256, rec.ContentSHA256)
	}
	if rec.Synthetic != 0 {
		t.Errorf("%d synthetic events in real data", rec.Synthetic)
	}
}

// icewsTSV converts the sample CSV to the ICEWS tab-separated layout.
func icewsTSV(t testing.TB) []byte {
	dir := dataDir(t)
	f, err := os.Open(filepath.Join(string(dir), "icews_events_sample_2018_06.csv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(gz)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var b bytes.Buffer
	b.WriteString(strings.Join(ICEWSHeader, "\t") + "\n")
	for _, l := range lines[1:] {
		rec, err := splitCSVLine(l)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Join(rec[:20], "\t") + "\n")
	}
	return b.Bytes()
}

func splitCSVLine(l string) ([]string, error) {
	var out []string
	var cur strings.Builder
	q := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == '"' && q && i+1 < len(l) && l[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			q = !q
		case c == ',' && !q:
			out = append(out, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	out = append(out, cur.String())
	if len(out) != 22 {
		return nil, fmt.Errorf("%d fields in %q", len(out), l)
	}
	return out, nil
}

func TestICEWSTSVMatchesCSV(t *testing.T) {
	tsv := icewsTSV(t)
	recT, bt, err := readAllEvents(t, tsv, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := OpenFile(filepath.Join(string(dataDir(t)), "icews_events_sample_2018_06.csv.gz"), testTables(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var ids []int64
	for {
		b, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, b.EventID...)
	}
	if recT.Events != r.Record().Events || recT.NonState != r.Record().NonState || recT.Malformed != 0 {
		t.Fatalf("tsv %+v\ncsv %+v", *recT, *r.Record())
	}
	if recT.Format != "icews" {
		t.Fatalf("format %s", recT.Format)
	}
	var tids []int64
	for _, b := range bt {
		tids = append(tids, b.EventID...)
	}
	if fmt.Sprint(tids) != fmt.Sprint(ids) {
		t.Fatal("event ids differ between the TSV and the CSV")
	}
}

// gdeltLine builds a GDELT export line with n fields.
func gdeltLine(n int, id, date, a1, a2, code string) string {
	f := make([]string, n)
	f[gdeltID], f[gdeltDate], f[gdeltA1Country], f[gdeltA2Country], f[gdeltEventCode] = id, date, a1, a2, code
	f[28] = code
	return strings.Join(f, "\t")
}

func TestGDELT(t *testing.T) {
	for _, c := range []struct {
		n      int
		format Format
	}{{57, GDELT1}, {58, GDELT1}, {61, GDELT2}} {
		data := strings.Join([]string{
			gdeltLine(c.n, "1", "20160105", "RUS", "IRN", "043"),
			gdeltLine(c.n, "2", "20160105", "IRN", "RUS", "190"),
			gdeltLine(c.n, "3", "20160105", "", "IRN", "043"),     // no actor country: not a state
			gdeltLine(c.n, "4", "20160105", "AFR", "IRN", "043"),  // a region
			gdeltLine(c.n, "5", "20161305", "RUS", "IRN", "043"),  // bad month
			gdeltLine(c.n, "6", "20160105", "RUS", "IRN", "0"),    // GDELT's "no event code"
			gdeltLine(c.n, "7", "20160105", "XYZ", "IRN", "043"),  // unknown actor
			gdeltLine(50, "8", "20160105", "RUS", "IRN", "043"),   // column missing
			gdeltLine(c.n, "x9", "20160105", "RUS", "IRN", "043"), // bad id
			gdeltLine(c.n, "10", "20160105", "RUS", "RUS", "043"), // domestic
		}, "\n") + "\n"
		rec, bs, err := readAllEvents(t, []byte(data), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rec.Format != c.format.String() {
			t.Errorf("%d columns: format %s, want %s", c.n, rec.Format, c.format)
		}
		if rec.Events != 3 || rec.NonState != 2 || rec.Malformed != 5 || rec.Domestic != 1 || rec.Lines != 10 {
			t.Fatalf("%d columns: %+v", c.n, *rec)
		}
		want := map[string]int64{"date": 1, "cameo": 1, "actor": 1, "columns": 1, "id": 1}
		if fmt.Sprint(rec.IssueCounts) != fmt.Sprint(Counts(want)) {
			t.Errorf("issue counts %v", rec.IssueCounts)
		}
		if rec.Issues[0].Line != 5 || rec.Issues[0].Reason != "date" {
			t.Errorf("first issue %+v", rec.Issues[0])
		}
		b := bs[0]
		if b.A[0] != 365 || b.B[0] != 630 || DayTime(b.Day[0]).Format("2006-01-02") != "2016-01-05" || b.Quad[0] != VerbalCoop {
			t.Errorf("first event %+v", b)
		}
		if b.Quad[1] != MaterialConf || b.Gold10[1] != -100 {
			t.Errorf("second event quad %d gold %d", b.Quad[1], b.Gold10[1])
		}
		// strict fails on the first issue, naming file and line
		_, _, err = readAllEvents(t, []byte(data), Options{Strict: true})
		if bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), "test: line 5:") {
			t.Errorf("strict: %v", err)
		}
	}
	// an explicit format that does not fit the rows counts each row
	rec, _, err := readAllEvents(t, []byte(gdeltLine(61, "1", "20160105", "RUS", "IRN", "043")+"\n"), Options{Format: GDELT1})
	if err != nil || rec.IssueCounts["columns"] != 1 {
		t.Errorf("gdelt2 row as gdelt1: %v %+v", err, rec)
	}
}

func TestBadInput(t *testing.T) {
	hdr := strings.Join(ICEWSHeader, "\t") + "\n"
	row := func(f ...string) string {
		r := make([]string, 20)
		copy(r, []string{"1", "2018-06-01", "x", "", "Russian Federation", "", "043", "", "", "", "Iran"})
		for i := 0; i+1 < len(f); i += 2 {
			var k int
			fmt.Sscan(f[i], &k)
			r[k] = f[i+1]
		}
		return strings.Join(r, "\t") + "\n"
	}
	for _, c := range []struct {
		name, data, reason string
	}{
		{"wrong column count", hdr + "1\t2018-06-01\tx\n", "columns"},
		{"unknown CAMEO code", hdr + row("6", "999"), "cameo"},
		{"CAMEO code without its leading zero is another code", hdr + row("6", "43"), "cameo"},
		{"unparsable date", hdr + row("1", "2018-02-30"), "date"},
		{"date in another layout", hdr + row("1", "06/01/2018"), "date"},
		{"unknown actor", hdr + row("4", "Atlantis"), "actor"},
		{"bad id", hdr + row("0", "-1"), "id"},
		{"csv bare quote", "event_id,event_date,source_country,cameo_code,target_country\n1,2018-06-01,Iran,04\"3,Iraq\n", "csv"},
	} {
		rec, _, err := readAllEvents(t, []byte(c.data), Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if rec.Malformed != 1 || rec.IssueCounts[c.reason] != 1 || len(rec.Issues) != 1 || rec.Issues[0].Line != 2 {
			t.Errorf("%s: %+v", c.name, *rec)
		}
		if _, _, err := readAllEvents(t, []byte(c.data), Options{Strict: true}); bloc.ErrorCode(err) != bloc.EINVALID {
			t.Errorf("%s strict: %v", c.name, err)
		}
	}
	// file-level errors: clear, never a panic
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "empty"},
		{"no CAMEO column (the ICEWS 2017 file)", "Event ID\tEvent Date\tSource Country\tTarget Country\n", "cameo_code"},
		{"unknown layout", "a\tb\tc\n", "cannot tell the format"},
	} {
		_, _, err := readAllEvents(t, []byte(c.data), Options{})
		if bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	// a line longer than 1 MiB is one counted issue
	long := hdr + strings.Repeat("x", 2<<20) + "\n" + row()
	rec, _, err := readAllEvents(t, []byte(long), Options{})
	if err != nil || rec.IssueCounts["long"] != 1 || rec.Events != 1 {
		t.Errorf("long line: %v %+v", err, rec)
	}
}

func TestCompressed(t *testing.T) {
	dir := t.TempDir()
	tsv := icewsTSV(t)
	want, _, err := readAllEvents(t, tsv, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// gzip
	var gzb bytes.Buffer
	gw := gzip.NewWriter(&gzb)
	gw.Write(tsv)
	gw.Close()
	os.WriteFile(filepath.Join(dir, "e.tsv.gz"), gzb.Bytes(), 0o644)
	// zip with one entry, as GDELT ships them
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("20180601.export.CSV")
	w.Write(tsv)
	zw.Close()
	os.WriteFile(filepath.Join(dir, "e.zip"), zb.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "e.tsv"), tsv, 0o644)
	for _, name := range []string{"e.tsv", "e.tsv.gz", "e.zip"} {
		r, err := OpenFile(filepath.Join(dir, name), testTables(t), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := Drain(r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r.Close()
		got := r.Record()
		if got.Events != want.Events || got.ContentSHA256 != want.ContentSHA256 {
			t.Errorf("%s: %d events, content %s; want %d, %s", name, got.Events, got.ContentSHA256, want.Events, want.ContentSHA256)
		}
		if name != "e.tsv" && got.SHA256 == got.ContentSHA256 {
			t.Errorf("%s: file checksum equals content checksum", name)
		}
		fi, _ := os.Stat(filepath.Join(dir, name))
		if got.Size != fi.Size() {
			t.Errorf("%s: size %d, want %d", name, got.Size, fi.Size())
		}
	}
	// a truncated zip (GDELT download cut short) is a clear error, not a panic
	os.WriteFile(filepath.Join(dir, "cut.zip"), zb.Bytes()[:zb.Len()/2], 0o644)
	if _, err := OpenFile(filepath.Join(dir, "cut.zip"), testTables(t), Options{}); bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), "zip") {
		t.Errorf("truncated zip: %v", err)
	}
	// a truncated gzip fails while reading
	os.WriteFile(filepath.Join(dir, "cut.gz"), gzb.Bytes()[:gzb.Len()/2], 0o644)
	r, err := OpenFile(filepath.Join(dir, "cut.gz"), testTables(t), Options{})
	if err == nil {
		_, err = Drain(r)
		r.Close()
	}
	if bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated gzip: %v", err)
	}
	// a zip with two files
	zb.Reset()
	zw = zip.NewWriter(&zb)
	zw.Create("a")
	zw.Create("b")
	zw.Close()
	os.WriteFile(filepath.Join(dir, "two.zip"), zb.Bytes(), 0o644)
	if _, err := OpenFile(filepath.Join(dir, "two.zip"), testTables(t), Options{}); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Errorf("two-file zip: %v", err)
	}
	if _, err := OpenFile(filepath.Join(dir, "none"), testTables(t), Options{}); bloc.ErrorCode(err) != bloc.ENOTFOUND {
		t.Errorf("missing file: %v", err)
	}
}

func TestSynthRoundTrip(t *testing.T) {
	g := testGen(t)
	var b bytes.Buffer
	if err := g.WriteICEWS(context.Background(), &b, 20000, 1); err != nil {
		t.Fatal(err)
	}
	rec, bs, err := readAllEvents(t, b.Bytes(), Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Events != 20000 || rec.Synthetic != 20000 || rec.Format != "icews" {
		t.Fatalf("%+v", *rec)
	}
	var quads [5]int
	last := int32(-1 << 30)
	for _, bb := range bs {
		for i := 0; i < bb.N; i++ {
			if bb.Day[i] < last {
				t.Fatalf("event %d on %s comes after one on %s: not in date order", bb.EventID[i], DayTime(bb.Day[i]).Format("2006-01-02"), DayTime(last).Format("2006-01-02"))
			}
			last = bb.Day[i]
			quads[bb.Quad[i]]++
			if y := DayTime(bb.Day[i]).Year(); y < g.From || y > g.To {
				t.Fatalf("year %d outside %d–%d", y, g.From, g.To)
			}
		}
	}
	// ICEWS dyad-years 2002–2014: 84.7% verbal cooperation (5.70M of 6.73M events).
	if f := float64(quads[1]) / 20000; f < 0.83 || f > 0.86 {
		t.Errorf("verbal cooperation share %.2f", f)
	}
	t.Logf("quads %v", quads[1:])
}

func TestParseHelpers(t *testing.T) {
	a := testTables(t).Actors
	d, err := ParseDyad("RUS-IRN", a)
	if err != nil || d.A != 365 || d.B != 630 {
		t.Errorf("RUS-IRN: %v %v", d, err)
	}
	if d, err := ParseDyad("2-365", nil); err != nil || d.A != 2 || d.B != 365 {
		t.Errorf("2-365: %v %v", d, err)
	}
	for _, bad := range []string{"", "-", "2-", "-2", "2", "0-2", "Atlantis-RUS"} {
		if _, err := ParseDyad(bad, a); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	for s, want := range map[string]string{"2018": "2018-12-31", "2016-02": "2016-02-29", "2018-06-03": "2018-06-03"} {
		got, err := ParseDate(s, true)
		if err != nil || got.Format("2006-01-02") != want {
			t.Errorf("%s → %v %v", s, got, err)
		}
	}
	if _, err := ParseDate("2018-6", false); err == nil {
		t.Error("2018-6 parsed")
	}
	for _, s := range []string{"1800-01-01", "1970-01-01", "2000-02-29", "2199-12-31", "1969-12-31"} {
		day, month, ok := parseISODate([]byte(s))
		if !ok || DayTime(day).Format("2006-01-02") != s || MonthTime(int(month)).Format("2006-01") != s[:7] || MonthIndex(DayTime(day)) != month {
			t.Errorf("%s → %d %v", s, day, ok)
		}
	}
	if _, _, ok := parseISODate([]byte("2100-02-29")); ok {
		t.Error("2100-02-29 parsed")
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("xml format")
	}
	if !errors.Is(ErrDuplicate, ErrDuplicate) {
		t.Fatal()
	}
}

func BenchmarkParseICEWS(b *testing.B) {
	g := testGen(b)
	var buf bytes.Buffer
	const n = 200000
	g.WriteICEWS(context.Background(), &buf, n, 1)
	data := buf.Bytes()
	tb := testTables(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := NewReader(bytes.NewReader(data), "bench", tb, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if m, err := Drain(r); err != nil || m != n {
			b.Fatal(m, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds()/1e6, "Mevents/s")
}

// split agrees with bytes.Split.
func TestSplit(t *testing.T) {
	r := &Reader{fields: make([][]byte, 256)}
	rng := []byte("\tab\t\t \x09c\x89\x00d\t")
	for n := 0; n < 3000; n++ {
		line := make([]byte, n%200)
		for i := range line {
			line[i] = rng[(i*7+n*13+i*i)%len(rng)]
		}
		want := bytes.Split(line, []byte{'\t'})
		if got := bytes.Count(line, tab) + 1; got != len(want) {
			t.Fatalf("%q: %d fields, want %d", line, got, len(want))
		}
		max := len(want) - 1
		r.split(line, max)
		for i := 0; i <= max; i++ {
			if !bytes.Equal(r.fields[i], want[i]) {
				t.Fatalf("%q: field %d = %q, want %q", line, i, r.fields[i], want[i])
			}
		}
	}
}

// A wide ICEWS-style file whose columns sit past the 64th tab still parses.
func TestWideHeader(t *testing.T) {
	var hdr, row []string
	for i := 0; i < 100; i++ {
		hdr = append(hdr, fmt.Sprintf("extra %d", i))
		row = append(row, "x")
	}
	cols := map[int][2]string{80: {"Event ID", "7"}, 81: {"Event Date", "2018-06-01"}, 90: {"Source Country", "Iran"}, 95: {"CAMEO Code", "043"}, 99: {"Target Country", "Russian Federation"}}
	for i, c := range cols {
		hdr[i], row[i] = c[0], c[1]
	}
	data := strings.Join(hdr, "\t") + "\n" + strings.Join(row, "\t") + "\n"
	rec, bs, err := readAllEvents(t, []byte(data), Options{})
	if err != nil || rec.Events != 1 || bs[0].EventID[0] != 7 || bs[0].A[0] != 630 || bs[0].B[0] != 365 {
		t.Fatalf("%v %+v", err, rec)
	}
}

// The fast CSV line is what encoding/csv makes of Values.
func TestAppendCSV(t *testing.T) {
	r := &Row{Dyad: bloc.Dyad{A: 630, B: 365}, Period: time.Date(2018, 6, 1, 0, 0, 0, 0, time.UTC), Events: 7, Quad: [4]int64{4, 1, 1, 1}, Gold10: -13, Synthetic: 2}
	r.Root[0], r.Root[5], r.Root[9], r.Root[19] = 4, 1, 1, 1
	empty := &Row{Dyad: bloc.Dyad{A: 2, B: 20}, Period: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, x := range []*Row{r, empty} {
		for _, by := range []Period{Day, Month, Year} {
			for _, roots := range []bool{false, true} {
				var b bytes.Buffer
				cw := csv.NewWriter(&b)
				cw.Write(x.Values(by, roots))
				cw.Flush()
				if got := string(x.AppendCSV(nil, by, roots)); got != b.String() {
					t.Errorf("%q, want %q", got, b.String())
				}
				if len(x.Values(by, roots)) != len(Header(roots)) {
					t.Errorf("%d values, %d columns", len(x.Values(by, roots)), len(Header(roots)))
				}
			}
		}
	}
}
