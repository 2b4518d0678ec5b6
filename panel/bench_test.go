package panel

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkBuildChain builds the directed 1816–2025 panel with
// peacesciencer's reference chain: the universe and the lookup tables (the
// wide rows are computed when the panel is written).
func BenchmarkBuildChain(b *testing.B) {
	st := store(b)
	ctx := context.Background()
	for b.Loop() {
		p, err := DyadYears(ctx, st, Options{MRY: 2025, Add: chain})
		if err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

// BenchmarkChainParquet builds the same panel and writes it as Parquet.
func BenchmarkChainParquet(b *testing.B) {
	st := store(b)
	ctx := context.Background()
	out := filepath.Join(b.TempDir(), "chain.parquet")
	for b.Loop() {
		p, err := DyadYears(ctx, st, Options{MRY: 2025, Add: chain})
		if err != nil {
			b.Fatal(err)
		}
		if err := p.WriteFile(ctx, out, Parquet); err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

// BenchmarkSimilarityUniverse computes the ATOP and UN similarity measures
// for every non-directed dyad-year 1816–2018 (bloc similarity --to 2018).
func BenchmarkSimilarityUniverse(b *testing.B) {
	st := store(b)
	ctx := context.Background()
	for b.Loop() {
		p, err := DyadYears(ctx, st, Options{MRY: 2025, To: 2018, NonDirected: true, Add: []string{"fpsim"}})
		if err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}
