package events

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
)

// checkParse parses data and checks the parser's invariants: no panic, an
// error is a *bloc.Error, and every data line is counted exactly once (as
// an event, a non-state event or a malformed row).
func checkParse(t *testing.T, data []byte, opt Options) {
	r, err := NewReader(bytes.NewReader(data), "fuzz", testTables(t), opt)
	if err != nil {
		var be *bloc.Error
		if !errors.As(err, &be) {
			t.Fatalf("not a *bloc.Error: %v", err)
		}
		return
	}
	var n int64
	for {
		b, err := r.Next()
		if err != nil {
			var be *bloc.Error
			if !errors.Is(err, io.EOF) && !errors.As(err, &be) {
				t.Fatalf("not a *bloc.Error: %v", err)
			}
			break
		}
		for i := 0; i < b.N; i++ {
			if b.A[i] <= 0 || b.B[i] <= 0 || b.Root[i] < 1 || b.Root[i] > 20 || b.Quad[i] != QuadOfRoot(int(b.Root[i])) {
				t.Fatalf("bad event %d: %+v", i, b)
			}
		}
		n += int64(b.N)
	}
	rec := r.Record()
	if r.done {
		if rec.Lines != rec.Events+rec.NonState+rec.Malformed || rec.Events != n {
			t.Fatalf("lines %d ≠ events %d + nonstate %d + malformed %d (batches %d)", rec.Lines, rec.Events, rec.NonState, rec.Malformed, n)
		}
		if int64(len(rec.Issues)) > rec.Malformed || len(rec.ContentSHA256) != 64 {
			t.Fatalf("issues %d, malformed %d, sha %q", len(rec.Issues), rec.Malformed, rec.ContentSHA256)
		}
	}
}

func icewsSeed() string {
	return strings.Join(ICEWSHeader, "\t") + "\n" +
		"1\t2018-06-01\tx\t\tRussian Federation\tConsult\t040\t1\ty\t\tIran\t1\t1\tp\t\t\t\tIran\t\t\n" +
		"2\t2018-06-01\tx\t\tUnited States\tThreaten\t130\t-4.4\ty\t\tIran\t1\t1\t" + SyntheticPublisher + "\t\t\t\tIran\t\t\n"
}

func FuzzParseICEWS(f *testing.F) {
	f.Add([]byte(icewsSeed()))
	f.Add([]byte(strings.Join(ICEWSHeader, "\t") + "\n1\t2018-02-30\t\t\tIran\t\t999\n\n\r\n"))
	f.Add([]byte("Event ID\tEvent Date\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data, Options{Format: ICEWS})
		checkParse(t, data, Options{Format: ICEWS, Strict: true})
	})
}

func FuzzParseGDELT(f *testing.F) {
	f.Add([]byte(gdeltLine(57, "1", "20160105", "RUS", "IRN", "043")+"\n"), uint8(1))
	f.Add([]byte(gdeltLine(58, "1", "20160105", "USA", "AFR", "1041")+"\n"+gdeltLine(58, "2", "2016010", "USA", "IRN", "0")+"\n"), uint8(1))
	f.Add([]byte(gdeltLine(61, "1", "20160105", "ROM", "TMP", "190")+"\n"), uint8(2))
	f.Add([]byte("GLOBALEVENTID\tSQLDATE\n"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, v uint8) {
		fm := []Format{Auto, GDELT1, GDELT2}[int(v)%3]
		checkParse(t, data, Options{Format: fm})
	})
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte("event_id,event_date,source_country,cameo_code,target_country\n1,2018-06-01,Iran,043,Russian Federation\n"))
	f.Add([]byte("\ufeff\"event_id\",\"event_date\",\"source_country\",\"cameo_code\",\"target_country\",\"synthetic\"\n1,2018-06-01,IRN,\"04\"\"3\",RUS,1\n2,x\n"))
	f.Add([]byte("event_id,cameo_code\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data, Options{Format: CSV})
		checkParse(t, data, Options{})
	})
}

// FuzzOpenFile feeds files (plain, gzip, zip, broken archives) to OpenFile.
func FuzzOpenFile(f *testing.F) {
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("x.export.CSV")
	w.Write([]byte(gdeltLine(61, "1", "20160105", "RUS", "IRN", "043") + "\n"))
	zw.Close()
	f.Add(zb.Bytes())
	f.Add(zb.Bytes()[:zb.Len()-10])
	var gb bytes.Buffer
	gw := gzip.NewWriter(&gb)
	gw.Write([]byte(icewsSeed()))
	gw.Close()
	f.Add(gb.Bytes())
	f.Add(gb.Bytes()[:gb.Len()/2])
	f.Add([]byte(icewsSeed()))
	tb := testTables(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Skip()
		}
		r, err := OpenFile(p, tb, Options{})
		if err != nil {
			var be *bloc.Error
			if !errors.As(err, &be) {
				t.Fatalf("not a *bloc.Error: %v", err)
			}
			return
		}
		defer r.Close()
		if _, err := Drain(r); err != nil {
			var be *bloc.Error
			if !errors.As(err, &be) {
				t.Fatalf("not a *bloc.Error: %v", err)
			}
		}
	})
}

// FuzzParseArgs checks the command-line parsers: --dyad, --from/--to, --by, --format.
func FuzzParseArgs(f *testing.F) {
	for _, s := range []string{"365-630", "RUS-IRN", "Iran, Islamic Republic Of-RUS", "2018", "2018-06", "2018-06-31", "dyad-month", "gdelt2", "-", ""} {
		f.Add(s)
	}
	a := testTables(f).Actors
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDyad(s, a); err == nil && (d.A <= 0 || d.B <= 0 || d.A >= 1000 || d.B >= 1000) {
			t.Fatalf("%q → %v", s, d)
		}
		for _, end := range []bool{false, true} {
			if d, err := ParseDate(s, end); err == nil && !d.IsZero() && (d.Year() < 1800 || d.Year() > 2200) {
				t.Fatalf("%q → %v", s, d)
			}
		}
		ParsePeriod(s)
		ParseFormat(s)
		a.Lookup([]byte(s))
		testTables(t).Codes.Lookup([]byte(s))
	})
}

// The generator's output is always valid input.
func FuzzSynth(f *testing.F) {
	f.Add(uint16(10))
	g := testGen(f)
	f.Fuzz(func(t *testing.T, n uint16) {
		var b bytes.Buffer
		if err := g.WriteICEWS(context.Background(), &b, int64(n%500), 1); err != nil {
			t.Fatal(err)
		}
		rec, _, err := readAllEvents(t, b.Bytes(), Options{Strict: true})
		if err != nil || rec.Events != int64(n%500) {
			t.Fatalf("%v %+v", err, rec)
		}
	})
}
