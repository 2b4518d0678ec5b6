package datasets

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
)

// testDS is a small dataset used by the parser tests.
var testDS = &Dataset{Name: "t", File: "t.csv.gz", Keys: []string{"ccode", "year"},
	Columns: []Column{{"ccode", Int}, {"year", Int}, {"cinc", Float}, {"name", String}, {"start", Date}}}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func readAll(ds *Dataset, name string, data []byte) (int, error) {
	r, err := NewReader(ds, name, bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	defer r.Close()
	n := 0
	for {
		_, err := r.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

const good = "ccode,year,cinc,name,start\n2,2016,0.133,United States,1816-01-01\n630,2016,,Iran,1855-01-01\n365,2016,NA,Russia,\n"

func TestReaderGood(t *testing.T) {
	for _, data := range [][]byte{[]byte(good), gz(good)} {
		r, err := NewReader(testDS, "t.csv", bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		row, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if row[0].Int != 2 || row[2].Float != 0.133 || row[3].Str != "United States" || row[4].Date.Year() != 1816 {
			t.Fatalf("row 1 = %+v", row)
		}
		row, _ = r.Next()
		if !row[2].Null {
			t.Fatalf("empty cinc must be missing, got %+v", row[2])
		}
		row, _ = r.Next()
		if !row[2].Null || !row[4].Null {
			t.Fatalf("NA and empty must be missing, got %+v", row)
		}
		if _, err := r.Next(); err != io.EOF {
			t.Fatalf("want EOF, got %v", err)
		}
	}
}

func TestReaderBadInput(t *testing.T) {
	var many strings.Builder
	many.WriteString(good)
	for y := 0; y < 5000; y++ {
		fmt.Fprintf(&many, "700,%d,0.01,Afghanistan,1919-08-19\n", y)
	}
	full := gz(many.String())
	cases := []struct {
		name string
		data []byte
		want string // substring of the error
		line int
		col  int
	}{
		{"truncated gzip", full[:len(full)/2], "truncated or corrupt", -1, 0},
		{"bad utf-8", []byte("ccode,year,cinc,name,start\n2,2016,0.1,Bad \xff name,1816-01-01\n"), "invalid UTF-8", 2, 12},
		{"missing column", []byte("ccode,year,cinc,name\n2,2016,0.1,x\n"), `"start": missing column`, 1, 5},
		{"extra column", []byte("ccode,year,cinc,name,start,extra\n"), `"extra": extra column`, 1, 6},
		{"renamed column", []byte("ccode,yr,cinc,name,start\n"), `header says "yr"`, 1, 2},
		{"short row", []byte("ccode,year,cinc,name,start\n2,2016,0.1\n"), "3 fields where t has 5 columns", 2, 0},
		{"text in number", []byte("ccode,year,cinc,name,start\n2,2016,high,x,1816-01-01\n"), `"cinc": "high" is not a valid number`, 2, 8},
		{"text in integer", []byte("ccode,year,cinc,name,start\n2,20x6,0.1,x,1816-01-01\n"), `"year": "20x6" is not a valid integer`, 2, 3},
		{"bad date", []byte("ccode,year,cinc,name,start\n2,2016,0.1,x,1816-13-01\n"), `is not a valid date`, 2, 14},
		{"duplicate key", []byte("ccode,year,cinc,name,start\n2,2016,0.1,x,\n2,2016,0.2,y,\n"), "duplicate key (ccode, year) = (2, 2016), first seen on line 2", 3, 0},
		{"empty file", nil, "the file is empty", 1, 0},
		{"bare quote", []byte("ccode,year,cinc,name,start\n2,2016,0.1,a\"b,\n"), "malformed CSV", 2, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readAll(testDS, "t.csv.gz", c.data)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "t.csv.gz:") {
				t.Fatalf("error %q does not name the file and %q", err, c.want)
			}
			if bloc.ErrorCode(err) != bloc.EINVALID {
				t.Fatalf("code %q, want invalid", bloc.ErrorCode(err))
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("not a *ParseError: %T", err)
			}
			if c.line >= 0 && pe.Line != c.line {
				t.Errorf("line %d, want %d (%v)", pe.Line, c.line, err)
			}
			if c.col > 0 && pe.Column != c.col {
				t.Errorf("column %d, want %d (%v)", pe.Column, c.col, err)
			}
		})
	}
}

func TestOpenMissingFile(t *testing.T) {
	_, err := Open(testDS, filepath.Join(t.TempDir(), "nope.csv.gz"))
	if bloc.ErrorCode(err) != bloc.ENOTFOUND {
		t.Fatalf("got %v", err)
	}
}

func TestManifest(t *testing.T) {
	dir := t.TempDir()
	sum := strings.Repeat("ab", 32)
	os.WriteFile(filepath.Join(dir, ManifestFile), []byte("file\tsha256\trows\nt.csv.gz\t"+sum+"\t3\n"), 0o644)
	m, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m["t.csv.gz"].SHA256 != sum || m["t.csv.gz"].Rows != 3 {
		t.Fatalf("got %+v", m)
	}
	os.WriteFile(filepath.Join(dir, "t.csv.gz"), gz(good), 0o644)
	_, err = Verify(dir, testDS, m)
	if err == nil || !strings.Contains(err.Error(), "wrong sha256") || !strings.Contains(err.Error(), "t.csv.gz") {
		t.Fatalf("want a wrong-sha256 error naming the file, got %v", err)
	}
	for name, text := range map[string]string{
		"bad sum":   "file\tsha256\nt.csv.gz\txyz\n",
		"no sha":    "file\trows\nt.csv.gz\t3\n",
		"dup":       "file\tsha256\nt.csv.gz\t" + sum + "\nt.csv.gz\t" + sum + "\n",
		"bad rows":  "file\tsha256\trows\nt.csv.gz\t" + sum + "\tmany\n",
		"empty":     "",
		"no header": "\n\n",
	} {
		if _, err := ParseManifest("M", strings.NewReader(text)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(good))
	f.Add(gz(good))
	f.Add([]byte("ccode,year,cinc,name,start\n\"a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := readAll(testDS, "f", data)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "f" {
				t.Fatalf("error without a location: %v", err)
			}
		}
		_ = n
	})
}

func FuzzManifest(f *testing.F) {
	f.Add("file\tsha256\trows\nx.csv.gz\t" + strings.Repeat("0", 64) + "\t1\n")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := ParseManifest("M", strings.NewReader(text))
		if err == nil {
			for _, e := range m {
				if len(e.SHA256) != 64 || e.File == "" {
					t.Fatalf("accepted a bad entry %+v", e)
				}
			}
		}
	})
}

func TestCatalogueComplete(t *testing.T) {
	if len(All()) != len(schemas) {
		t.Fatalf("%d datasets, %d schemas", len(All()), len(schemas))
	}
	for _, d := range All() {
		if d.Title == "" || d.Version == "" || d.Unit == "" || d.BibTeX == "" || d.URL == "" || d.License == "" {
			t.Errorf("%s: incomplete catalogue entry", d.Name)
		}
	}
}
