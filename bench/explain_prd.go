//go:build ignore

// explain_prd prints, as a CSV for `bloc explain --batch`, every politically
// relevant directed dyad of one year: both states members of the system and
// contiguous in COW Direct Contiguity (types 1–5) that year, or either of
// them a COW major power (peacesciencer's filter_prd).
//
//	go run bench/explain_prd.go [-store PATH] YEAR > prd.csv
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/duckdb"
	"github.com/bloc-project/bloc/registry"
	"github.com/bloc-project/bloc/world"
)

func main() {
	path := flag.String("store", duckdb.DefaultPath(), "store file")
	flag.Parse()
	year, err := strconv.Atoi(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "usage: go run bench/explain_prd.go [-store PATH] YEAR")
		os.Exit(2)
	}
	ctx := context.Background()
	s, err := duckdb.Open(*path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer s.Close()
	reg, err := registry.Load(ctx, s, max(year, 2016))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w, _, err := world.Load(ctx, s.DB(), reg, world.Options{Years: bloc.Period{From: year, To: year}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("a,b,from,to")
	n := 0
	ms := w.Members(year)
	for _, a := range ms {
		for _, b := range ms {
			if a == b || !reg.Coexist(a, b, year) {
				continue
			}
			d := w.Dyad(a, b, year)
			contig := d != nil && d.Contig >= 1 && d.Contig <= 5
			if contig || w.StateYear(a, year).Major || w.StateYear(b, year).Major {
				fmt.Printf("%d,%d,%d,%d\n", a, b, year, year)
				n++
			}
		}
	}
	fmt.Fprintf(os.Stderr, "%d politically relevant directed dyads in %d\n", n, year)
}
