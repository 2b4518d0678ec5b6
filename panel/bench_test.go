package panel

import (
	"context"
	"io"
	"path/filepath"
	"testing"
)

// benchChain builds the directed 1816–2025 panel with peacesciencer's
// reference chain and hands it to use, once per iteration.
func benchChain(b *testing.B, use func(ctx context.Context, p *Panel) error) {
	st := store(b)
	ctx := context.Background()
	for b.Loop() {
		p, err := DyadYears(ctx, st, Options{MRY: 2025, Add: chain})
		if err != nil {
			b.Fatal(err)
		}
		if err := use(ctx, p); err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

// BenchmarkBuildChain builds the reference chain: the universe and the
// lookup tables (the wide rows are computed when the panel is written).
func BenchmarkBuildChain(b *testing.B) {
	benchChain(b, func(context.Context, *Panel) error { return nil })
}

// BenchmarkChainParquet builds the same panel and writes it as Parquet.
func BenchmarkChainParquet(b *testing.B) {
	out := filepath.Join(b.TempDir(), "chain.parquet")
	benchChain(b, func(ctx context.Context, p *Panel) error { return p.WriteFile(ctx, out, Parquet) })
}

// BenchmarkChainCSV builds the same panel and writes it as CSV (to
// io.Discard: the formatting, not the disk).
func BenchmarkChainCSV(b *testing.B) {
	benchChain(b, func(ctx context.Context, p *Panel) error { return p.Write(ctx, io.Discard, CSV) })
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
