package duckdb

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// fixture writes a data directory with two small real-format files and a
// manifest, and returns it.
func fixture(t *testing.T, majors string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"cow_major_powers.csv.gz": majors,
		"false_cow_dyads.csv.gz":  "ccode1,ccode2,year,in_ps\n817,115,1975,1\n115,817,1975,1\n",
	}
	var man strings.Builder
	man.WriteString("file\tsha256\trows\n")
	for name, body := range files {
		writeGz(t, filepath.Join(dir, name), body)
		fmt.Fprintf(&man, "%s\t%s\t%d\n", name, sum(t, filepath.Join(dir, name)), strings.Count(body, "\n")-1)
	}
	os.WriteFile(filepath.Join(dir, datasets.ManifestFile), []byte(man.String()), 0o644)
	return dir
}

const majors = "ccode,styear,stmonth,stday,endyear,endmonth,endday,version\n2,1898,8,13,2016,12,31,2016\n365,1816,1,1,1917,12,5,2016\n365,1922,1,1,2016,12,31,2016\n"

func writeGz(t *testing.T, path, body string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := gzip.NewWriter(f)
	w.Write([]byte(body))
	w.Close()
	f.Close()
}

func sum(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

var only = []string{"cow_major_powers", "false_cow_dyads"}

func importFixture(t *testing.T, dir, store string) (*ImportReport, error) {
	return Import(context.Background(), dir, store, ImportOptions{Only: only})
}

func count(t *testing.T, store, table string) int {
	t.Helper()
	s, err := Open(store)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM ` + Quote(table)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportIdempotentAndAtomic(t *testing.T) {
	dir := fixture(t, majors)
	store := filepath.Join(t.TempDir(), "s", "store.duckdb")
	rep, err := importFixture(t, dir, store)
	if err != nil {
		t.Fatal(err)
	}
	if rep.UpToDate || rep.Rows != 5 {
		t.Fatalf("first import: %+v", rep)
	}
	if n := count(t, store, "cow_major_powers"); n != 3 {
		t.Fatalf("%d rows", n)
	}
	rep, err = importFixture(t, dir, store)
	if err != nil || !rep.UpToDate {
		t.Fatalf("re-import: %+v %v", rep, err)
	}
	before := sum(t, store)

	// Each bad input fails with a located error and leaves the store as it was.
	bad := map[string]struct{ body, want string }{
		"text in number": {"ccode,styear,stmonth,stday,endyear,endmonth,endday,version\n2,18x8,8,13,2016,12,31,2016\n", `cow_major_powers.csv.gz:2:3: column "styear"`},
		"missing column": {"ccode,styear,stmonth,stday,endyear,endmonth,endday\n", `column "version": missing column`},
		"duplicate key":  {majors + "2,1898,8,13,2016,12,31,2016\n", "duplicate key"},
		"empty":          {"", "the file is empty"},
		"bad utf8":       {"ccode,styear,stmonth,stday,endyear,endmonth,endday,version\n2,1898,8,13,2016,12,31,\xff\n", "invalid UTF-8"},
	}
	for name, c := range bad {
		t.Run(name, func(t *testing.T) {
			d := fixture(t, c.body)
			_, err := importFixture(t, d, store)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want %q, got %v", c.want, err)
			}
			if sum(t, store) != before {
				t.Fatal("a failed import changed the store")
			}
			if left, _ := filepath.Glob(store + ".importing-*"); len(left) > 0 {
				t.Fatalf("left behind %v", left)
			}
		})
	}
	t.Run("wrong sha256", func(t *testing.T) {
		d := fixture(t, majors)
		writeGz(t, filepath.Join(d, "cow_major_powers.csv.gz"), majors+"710,1950,10,1,2016,12,31,2016\n")
		_, err := importFixture(t, d, store)
		if err == nil || !strings.Contains(err.Error(), "wrong sha256") || bloc.ErrorCode(err) != bloc.EINVALID {
			t.Fatalf("got %v", err)
		}
		if sum(t, store) != before {
			t.Fatal("changed the store")
		}
	})
	t.Run("truncated gzip", func(t *testing.T) {
		d := fixture(t, majors)
		p := filepath.Join(d, "cow_major_powers.csv.gz")
		b, _ := os.ReadFile(p)
		os.WriteFile(p, b[:len(b)-12], 0o644)
		man := fmt.Sprintf("file\tsha256\ncow_major_powers.csv.gz\t%s\nfalse_cow_dyads.csv.gz\t%s\n", sum(t, p), sum(t, filepath.Join(d, "false_cow_dyads.csv.gz")))
		os.WriteFile(filepath.Join(d, datasets.ManifestFile), []byte(man), 0o644)
		_, err := importFixture(t, d, store)
		if err == nil || !strings.Contains(err.Error(), "cow_major_powers.csv.gz") {
			t.Fatalf("got %v", err)
		}
		if sum(t, store) != before {
			t.Fatal("changed the store")
		}
	})
	t.Run("unreadable directory", func(t *testing.T) {
		_, err := importFixture(t, filepath.Join(t.TempDir(), "nope"), store)
		if err == nil || bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), "not a readable data directory") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		d := fixture(t, majors)
		os.Remove(filepath.Join(d, "false_cow_dyads.csv.gz"))
		_, err := importFixture(t, d, store)
		if err == nil || bloc.ErrorCode(err) != bloc.ENOTFOUND {
			t.Fatalf("got %v", err)
		}
	})
}

// TestImportKilled kills an import with SIGKILL while it runs and checks that
// the previous store still opens with its data.
func TestImportKilled(t *testing.T) {
	data := os.Getenv("BLOC_DATA")
	if data == "" {
		data = "../../shared/data"
	}
	if _, err := os.Stat(filepath.Join(data, datasets.ManifestFile)); err != nil {
		t.Skip("no data directory")
	}
	if os.Getenv("BLOC_TEST_CHILD") == "1" {
		_, err := Import(context.Background(), data, os.Getenv("BLOC_TEST_STORE"), ImportOptions{Force: true})
		fmt.Println(err)
		return
	}
	store := filepath.Join(t.TempDir(), "store.duckdb")
	if _, err := importFixture(t, fixture(t, majors), store); err != nil {
		t.Fatal(err)
	}
	for _, delay := range []time.Duration{300 * time.Millisecond, 1200 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportKilled$")
		cmd.Env = append(os.Environ(), "BLOC_TEST_CHILD=1", "BLOC_TEST_STORE="+store)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if n := count(t, store, "cow_major_powers"); n != 3 {
			t.Fatalf("after kill at %v: %d rows", delay, n)
		}
	}
	// The next import cleans up what the killed ones left.
	if _, err := importFixture(t, fixture(t, majors), store); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(store + ".importing-*"); len(left) > 0 {
		t.Fatalf("left behind %v", left)
	}
}
