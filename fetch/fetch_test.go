package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

func sharedData(t *testing.T) string {
	d := os.Getenv("BLOC_DATA")
	if d == "" {
		d = "../../shared/data"
	}
	if _, err := os.Stat(filepath.Join(d, datasets.ManifestFile)); err != nil {
		t.Skip("no data directory")
	}
	return d
}

var files = []string{"cow_major_powers.csv.gz", "cow_nmc_v7.csv.gz", "false_cow_dyads.csv.gz"}

// TestFetchHTTP serves the shared data directory on loopback, fetches three
// releases, then resumes a broken-off download with a range request.
func TestFetchHTTP(t *testing.T) {
	src := sharedData(t)
	var ranged atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Range") != "" {
			ranged.Add(1)
		}
		http.FileServer(http.Dir(src)).ServeHTTP(w, r)
	}))
	defer srv.Close()
	dest := t.TempDir()
	rep, err := Fetch(context.Background(), srv.URL+"/", dest, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Downloaded != 3 || rep.Present != 0 {
		t.Fatalf("%+v", rep)
	}
	for _, f := range files {
		a, _ := datasets.FileSHA256(filepath.Join(src, f))
		b, _ := datasets.FileSHA256(filepath.Join(dest, f))
		if a != b {
			t.Fatalf("%s differs", f)
		}
	}
	// Second run: nothing to download.
	rep, err = Fetch(context.Background(), srv.URL, dest, files, nil)
	if err != nil || rep.Present != 3 || rep.Downloaded != 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	// A broken-off download resumes from where it stopped.
	nmc := filepath.Join(dest, "cow_nmc_v7.csv.gz")
	b, _ := os.ReadFile(nmc)
	os.Remove(nmc)
	os.WriteFile(nmc+".part", b[:len(b)/3], 0o644)
	rep, err = Fetch(context.Background(), srv.URL, dest, files, nil)
	if err != nil || rep.Downloaded != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if ranged.Load() == 0 {
		t.Fatal("no range request was made")
	}
	if rep.Bytes != int64(len(b)) {
		t.Fatalf("resumed file has %d bytes, want %d", rep.Bytes, len(b))
	}
}

func TestFetchBadChecksum(t *testing.T) {
	src := sharedData(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "cow_nmc_v7.csv.gz") {
			w.Write([]byte("not the release"))
			return
		}
		http.FileServer(http.Dir(src)).ServeHTTP(w, r)
	}))
	defer srv.Close()
	dest := t.TempDir()
	_, err := Fetch(context.Background(), srv.URL, dest, files, nil)
	if err == nil || !strings.Contains(err.Error(), "sha256") || bloc.ErrorCode(err) != bloc.EINVALID {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dest, "cow_nmc_v7.csv.gz")); err == nil {
		t.Fatal("a bad file took its final name")
	}
}

func TestFetchErrors(t *testing.T) {
	src := sharedData(t)
	if _, err := Fetch(context.Background(), "/no/such/dir", t.TempDir(), files, nil); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Fatalf("got %v", err)
	}
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	if _, err := Fetch(context.Background(), srv.URL, t.TempDir(), files, nil); bloc.ErrorCode(err) != bloc.ENOTFOUND {
		t.Fatalf("got %v", err)
	}
	rep, err := Fetch(context.Background(), src, t.TempDir(), files, nil)
	if err != nil || rep.Downloaded != 3 {
		t.Fatalf("from a directory: %+v %v", rep, err)
	}
}
