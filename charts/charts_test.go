package charts

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/registry"
	"github.com/bloc-project/bloc/verdict"
)

func TestScoreRange(t *testing.T) {
	hold, fail := true, false
	hoopPass, hoopFail := bloc.Hoop.PassWeight(), bloc.Hoop.FailWeight()
	r := bloc.TheoryResult{Tests: []bloc.Test{
		{Type: bloc.Hoop, Holds: &hold, Outcome: bloc.Congruent, Weight: hoopPass},
		{Type: bloc.Hoop, Holds: &fail, Outcome: bloc.Contradicted, Weight: hoopFail},
		{Type: bloc.SmokingGun, Outcome: bloc.NoData},
	}}
	s, w := hoopPass-hoopFail, hoopPass+hoopFail
	sgPass, sgFail := bloc.SmokingGun.PassWeight(), bloc.SmokingGun.FailWeight()
	lo, hi := ScoreRange(r, bloc.Alignment)
	if math.Abs(lo-(s-sgFail)/(w+sgFail)) > 1e-12 || math.Abs(hi-(s+sgPass)/(w+sgPass)) > 1e-12 {
		t.Errorf("with a tie: [%g, %g]", lo, hi)
	}
	// Without a tie a failing condition counts for the theory.
	lo, hi = ScoreRange(r, bloc.NoTie)
	if math.Abs(lo-(s-sgPass)/(w+sgPass)) > 1e-12 || math.Abs(hi-(s+sgFail)/(w+sgFail)) > 1e-12 {
		t.Errorf("without a tie: [%g, %g]", lo, hi)
	}
	// Every test silent: the whole range.
	if lo, hi := ScoreRange(bloc.TheoryResult{Tests: []bloc.Test{{Type: bloc.Straw, Outcome: bloc.NoData}}}, bloc.Alignment); lo != -1 && hi != 1 {
		t.Errorf("all silent: [%g, %g]", lo, hi)
	}
	// No silent test: the score itself.
	r.Tests = r.Tests[:2]
	if lo, hi := ScoreRange(r, bloc.Alignment); lo != hi || math.Abs(lo-s/w) > 1e-12 {
		t.Errorf("none silent: [%g, %g], want %g", lo, hi, s/w)
	}
}

func sampleCharts() []*Chart {
	years := []string{"2000", "2001", "2002"}
	vals := []bloc.Num{bloc.Some(1), bloc.Missing, bloc.Some(3)}
	return []*Chart{
		{ID: "l", Kind: Line, XKind: XYear, X: years, Series: []Series{{Name: "a", Values: vals}, {Name: "b", Values: []bloc.Num{bloc.Missing, bloc.Some(2), bloc.Missing}}}},
		{ID: "b", Kind: Bar, XKind: XState, X: []string{"IRN", "RUS", "USA"}, Highlight: []string{"RUS"}, Series: []Series{{Name: "a", Values: vals}}},
		{ID: "s", Kind: Stacked, XKind: XYear, X: years, Series: []Series{{Name: "a", Values: vals}, {Name: "b", Values: vals}}},
		{ID: "i", Kind: Interval, XKind: XTheory, X: []string{"x", "y", "z"}, Series: []Series{{Name: "a", Values: []bloc.Num{bloc.Some(0.5), bloc.Some(-0.2), bloc.Missing},
			Lo: []bloc.Num{bloc.Some(0.1), bloc.Some(-0.5), bloc.Some(-1)}, Hi: []bloc.Num{bloc.Some(0.9), bloc.Some(0), bloc.Some(1)}}}},
		{ID: "e", Kind: Line, XKind: XYear},
	}
}

func TestRender(t *testing.T) {
	for _, c := range sampleCharts() {
		for _, f := range Formats {
			var buf bytes.Buffer
			if err := c.Render(&buf, f, 0, 0); err != nil {
				t.Errorf("%s as %s: %v", c.ID, f, err)
			}
			if buf.Len() < 500 {
				t.Errorf("%s as %s: %d bytes", c.ID, f, buf.Len())
			}
		}
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	cs := sampleCharts()
	if err := cs[0].WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "year,a,b\n2000,1,\n2001,,2\n2002,3,\n"; buf.String() != want {
		t.Errorf("CSV:\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	cs[3].WriteCSV(&buf)
	if !strings.HasPrefix(buf.String(), "theory,a,a (low),a (high)\nx,0.5,0.1,0.9\n") {
		t.Errorf("interval CSV:\n%s", buf.String())
	}
}

// TestForVerdict builds every chart of a real verdict.
func TestForVerdict(t *testing.T) {
	st := teststore.Open(t)
	ctx := context.Background()
	v, _, err := verdict.ExplainRequest(ctx, st, verdict.Request{A: "IRN", B: "RUS", Period: bloc.Period{From: 2009, To: 2018}, Options: verdict.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	reg, err := registry.Load(ctx, st, verdict.MostRecentYear(2018))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := ForVerdict(ctx, st, reg, v)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if !c.HasData() {
			t.Errorf("chart %s has no data for IRN→RUS", c.ID)
		}
		for _, s := range c.Series {
			if len(s.Values) != len(c.X) {
				t.Errorf("chart %s series %s: %d values for %d categories", c.ID, s.ID, len(s.Values), len(c.X))
			}
		}
		var buf bytes.Buffer
		if err := c.Render(&buf, "svg", 0, 0); err != nil {
			t.Errorf("%s: %v", c.ID, err)
		}
	}
	if _, err := Build(ctx, st, reg, v, "nothing"); bloc.ErrorCode(err) != bloc.ENOTFOUND {
		t.Errorf("unknown chart: %v", err)
	}
}
