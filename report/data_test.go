package report

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/theory"
	"github.com/bloc-project/bloc/verdict"
)

// TestPersianCoverage checks on real verdicts that the Persian report has
// its own words for every test, indicator and claim the engine produces,
// and for every theory's assumptions.
func TestPersianCoverage(t *testing.T) {
	st := teststore.Open(t)
	ctx := context.Background()
	missing := map[string]bool{}
	for _, d := range []struct {
		a, b     string
		from, to int
	}{{"IRN", "RUS", 2009, 2018}, {"USA", "UKG", 2009, 2018}, {"PAK", "CHN", 1963, 1970}, {"ISR", "USA", 2000, 2010}, {"CUB", "RUS", 1962, 1962}, {"EGY", "RUS", 1955, 1960}} {
		v, _, err := verdict.ExplainRequest(ctx, st, verdict.Request{A: d.a, B: d.b, Period: bloc.Period{From: d.from, To: d.to}, Options: verdict.DefaultOptions()})
		if err != nil {
			t.Fatalf("%s %s: %v", d.a, d.b, err)
		}
		walk := func(ms []bloc.Measure) {
			for _, m := range ms {
				if !strings.HasPrefix(m.ID, "fact.") && !FA.Has("measure."+m.ID) {
					missing["measure."+m.ID+" ("+m.Label+")"] = true
				}
			}
		}
		walk(v.Tie.Evidence)
		for _, r := range v.Threats.Rows {
			walk(r.Detail)
		}
		for _, r := range v.Theories {
			for _, x := range r.Tests {
				if !FA.Has("test." + x.ID) {
					missing["test."+x.ID] = true
				}
				walk(x.Evidence)
			}
		}
		if v.Case != nil {
			for _, c := range v.Case.Claims {
				if !FA.Has("claim." + c.ID) {
					missing["claim."+c.ID] = true
				}
			}
		}
		Build(Input{Verdict: v}, FA)
	}
	for k := range missing {
		t.Errorf("no Persian for %s", k)
	}
	for _, th := range theory.All() {
		n := len(th.Assumptions())
		if !FA.Has(fmt.Sprintf("assume.%s.%d", th.ID(), n)) || FA.Has(fmt.Sprintf("assume.%s.%d", th.ID(), n+1)) {
			t.Errorf("%s has %d assumptions; the Persian catalogue has a different number", th.ID(), n)
		}
		for _, key := range []string{"theory.", "pred."} {
			if !FA.Has(key + th.ID()) {
				t.Errorf("no Persian %s%s", key, th.ID())
			}
		}
		for _, a := range []string{"causes", "motives", "results", "ends_when"} {
			if !FA.Has("narr." + th.ID() + "." + a) {
				t.Errorf("no Persian narr.%s.%s", th.ID(), a)
			}
		}
	}
}
