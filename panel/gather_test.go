package panel

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestDyadKeys checks the Go universe against a hand-made system: states 2
// (1816–1818), 20 (1817–1818), 200 (1818 only), with the false dyad 2→20 in
// 1817.
func TestDyadKeys(t *testing.T) {
	sys := []int64{21816, 21817, 21818, 201817, 201818, 2001818}
	falseDyads := []int64{(2*1000+20)*10000 + 1817}
	got := dyadKeys(sys, falseDyads, 1816, 1818, false)
	want := []int64{
		(2*1000+20)*10000 + 1818,
		(2*1000+200)*10000 + 1818,
		(20*1000+2)*10000 + 1817, (20*1000+2)*10000 + 1818,
		(20*1000+200)*10000 + 1818,
		(200*1000+2)*10000 + 1818,
		(200*1000+20)*10000 + 1818,
	}
	if !slices.Equal(got, want) {
		t.Errorf("directed: got %v, want %v", got, want)
	}
	got = dyadKeys(sys, falseDyads, 1816, 1818, true)
	want = []int64{(2*1000+20)*10000 + 1818, (2*1000+200)*10000 + 1818, (20*1000+200)*10000 + 1818}
	if !slices.Equal(got, want) {
		t.Errorf("non-directed: got %v, want %v", got, want)
	}
	// Years outside the panel are left out; a panel spanning more than
	// 64 years uses several words of the year bitset.
	got = dyadKeys([]int64{21816, 21900, 201900, 201950, 22000}, nil, 1850, 1950, false)
	want = []int64{(2*1000+20)*10000 + 1900, (20*1000+2)*10000 + 1900}
	if !slices.Equal(got, want) {
		t.Errorf("range: got %v, want %v", got, want)
	}
}

func TestKeyIndex(t *testing.T) {
	keys := []int64{(2*1000+20)*10000 + 1990, (2*1000+20)*10000 + 1995, (365*1000+630)*10000 + 2016, 6302016, (999*1000+999)*10000 + 1816}
	ix := newKeyIndex(keys)
	for r, k := range keys {
		if got := ix.get(k); got != int32(r+1) {
			t.Errorf("get(%d) = %d, want %d", k, got, r+1)
		}
	}
	for _, k := range []int64{(2*1000+20)*10000 + 1991, (2*1000+20)*10000 + 1989, (2*1000+20)*10000 + 1996, (20*1000+2)*10000 + 1990, 6302015, -1, 1 << 40} {
		if got := ix.get(k); got != 0 {
			t.Errorf("get(%d) = %d, want 0 (absent)", k, got)
		}
	}
}

// TestGoWriterCancel: a write cancelled before it starts leaves no file.
func TestGoWriterCancel(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2000, To: 2001, Add: chain})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	path := filepath.Join(dir, "p.parquet")
	if err := p.WriteFile(ctx, path, Parquet); !errors.Is(err, context.Canceled) {
		t.Fatalf("WriteFile with a cancelled context: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left %d files behind: %v", len(ents), ents)
	}
	// The panel is still usable.
	if err := p.WriteFile(context.Background(), path, Parquet); err != nil {
		t.Fatal(err)
	}
}
