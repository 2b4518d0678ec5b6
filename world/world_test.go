package world

import (
	"math"
	"testing"

	"github.com/bloc-project/bloc"
)

func some(v float64) bloc.Num { return bloc.Some(v) }

func TestMembersAndClone(t *testing.T) {
	w := New(bloc.Period{From: 2000, To: 2001})
	w.SetStateYear(2, 2000, StateYear{Member: true, CINC: some(0.5)})
	w.SetStateYear(365, 2000, StateYear{Member: true, CINC: some(0.3)})
	w.SetStateYear(630, 2001, StateYear{Member: true})
	if got := w.Members(2000); len(got) != 2 || got[0] != 2 || got[1] != 365 {
		t.Fatalf("Members(2000) = %v", got)
	}
	w.EditSymmetric(2, 365, 2000, func(d *DyadYear) { d.Contig = 4 })
	c := w.Clone()
	c.EditStateYear(2, 2000, func(s *StateYear) { s.CINC = some(0.9) })
	c.EditDyad(2, 365, 2000, func(d *DyadYear) { d.Contig = 1 })
	c.SetIntent(2, 365, 0.7)
	if w.StateYear(2, 2000).CINC.V != 0.5 || w.Dyad(2, 365, 2000).Contig != 4 || w.Override.Intent != nil {
		t.Fatal("Clone shares state with the original")
	}
	if c.StateYear(2, 2000).CINC.V != 0.9 || c.Dyad(2, 365, 2000).Contig != 1 || c.Override.Intent[Pair{2, 365}] != 0.7 {
		t.Fatal("Clone lost the edit")
	}
	// Adding a member resets the cache.
	w.SetStateYear(630, 2000, StateYear{Member: true})
	if got := w.Members(2000); len(got) != 3 {
		t.Fatalf("Members after adding = %v", got)
	}
}

func TestCoverage(t *testing.T) {
	c := Coverage{Years: bloc.Period{From: 2002, To: 2014}, Focus: map[bloc.CCode]bool{630: true}, Units: map[bloc.CCode]bool{630: true, 2: true}}
	for _, tc := range []struct {
		a, b bloc.CCode
		y    int
		want bool
	}{
		{630, 2, 2010, true},
		{2, 630, 2010, true},
		{630, 2, 2015, false},   // outside the years
		{2, 365, 2010, false},   // neither in focus
		{630, 365, 2010, false}, // 365 not a unit of the dataset
	} {
		if got := c.CoversDyad(tc.a, tc.b, tc.y); got != tc.want {
			t.Errorf("CoversDyad(%d, %d, %d) = %v, want %v", tc.a, tc.b, tc.y, got, tc.want)
		}
	}
	w := New(bloc.Period{From: 2000, To: 2000})
	if !w.Cover(Trade).Covers(2000) {
		t.Fatal("a new World covers every source")
	}
	w.Uncover(Trade)
	if w.Cover(Trade).Covers(2000) {
		t.Fatal("Uncover did not take the source away")
	}
}

func TestScaleCapabilities(t *testing.T) {
	w := New(bloc.Period{From: 2000, To: 2000})
	set := func(c bloc.CCode, x float64) {
		w.SetStateYear(c, 2000, StateYear{Member: true, Milex: some(x), Milper: some(x), Irst: some(x), Pec: some(x), Tpop: some(x), Upop: some(x)})
	}
	set(1, 1)
	set(2, 3)
	w.RecomputeCINC(2000)
	if got := w.StateYear(1, 2000).CINC.V; math.Abs(got-0.25) > 1e-12 {
		t.Fatalf("CINC = %v, want 0.25", got)
	}
	w.ScaleCapabilities(1, 3, bloc.Period{From: 2000, To: 2000})
	if a, b := w.StateYear(1, 2000).CINC.V, w.StateYear(2, 2000).CINC.V; math.Abs(a-0.5) > 1e-12 || math.Abs(a+b-1) > 1e-12 {
		t.Fatalf("after scaling CINC = %v, %v; want 0.5 each", a, b)
	}
	// A missing component is left out, not counted as zero.
	w.EditStateYear(1, 2000, func(s *StateYear) { s.Irst = bloc.Missing })
	w.RecomputeCINC(2000)
	if got := w.StateYear(1, 2000).CINC; !got.OK || math.Abs(got.V-0.5) > 1e-12 {
		t.Fatalf("CINC with a missing component = %v, want 0.5 (mean over the five present)", got)
	}
}

func TestCapital(t *testing.T) {
	w := New(bloc.Period{From: 1900, To: 2000})
	w.AddState(State{State: bloc.State{CCode: 365, Abb: "RUS"}, Capitals: []Capital{{Name: "Saint Petersburg", From: 1816, To: 1918}, {Name: "Moscow", From: 1918, To: 9999}}})
	if c, _ := w.Capital(365, 1900); c.Name != "Saint Petersburg" {
		t.Fatalf("capital in 1900 = %q", c.Name)
	}
	if c, _ := w.Capital(365, 1950); c.Name != "Moscow" {
		t.Fatalf("capital in 1950 = %q", c.Name)
	}
	if w.Abb(365) != "RUS" || w.Abb(999) != "999" {
		t.Fatal("Abb")
	}
}

func TestSplitNames(t *testing.T) {
	got := SplitGSDBNames("EU, Korea, South, Gambia, The,Poland,Hungary")
	want := []string{"EU", "Korea, South", "Gambia, The", "Poland", "Hungary"}
	if len(got) != len(want) {
		t.Fatalf("splitNames = %q", got)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("splitNames = %q, want %q", got, want)
		}
	}
}
