package whatif

import (
	"math"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/verdict"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

func TestParseSet(t *testing.T) {
	for in, want := range map[string]Set{
		"USA.intentions=low":             {State: "USA", Field: "intentions", Value: 0.1},
		"USA.intentions:IRN = high":      {State: "USA", Field: "intentions", Arg: "IRN", Value: 0.9},
		"IRN.cinc*=2":                    {State: "IRN", Field: "cinc", Scale: true, Value: 2},
		"IRN.CINC*=2@2015":               {State: "IRN", Field: "cinc", Scale: true, Value: 2, Years: &bloc.Period{From: 2015, To: 9999}},
		"IRN.trade:RUS*=5@2012-2014":     {State: "IRN", Field: "trade", Arg: "RUS", Scale: true, Value: 5, Years: &bloc.Period{From: 2012, To: 2014}},
		"IRN.polity2=-3@2016-":           {State: "IRN", Field: "polity2", Value: -3, Years: &bloc.Period{From: 2016, To: 9999}},
		"St. Lucia.polyarchy=0.5":        {State: "St. Lucia", Field: "polyarchy", Value: 0.5},
		"630.milex*=1.5":                 {State: "630", Field: "milex", Scale: true, Value: 1.5},
		"B.sanctions=2":                  {State: "B", Field: "sanctions", Value: 2},
		"Saudi Arabia.ideal=-0.5":        {State: "Saudi Arabia", Field: "ideal", Value: -0.5},
		"IRN.cinc=0.03":                  {State: "IRN", Field: "cinc", Value: 0.03},
		"T.intentions*=0.5":              {State: "T", Field: "intentions", Scale: true, Value: 0.5},
		"RUS.intentions:IRN=medium@2014": {State: "RUS", Field: "intentions", Arg: "IRN", Value: 0.5, Years: &bloc.Period{From: 2014, To: 9999}},
	} {
		got, err := ParseSet(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		want.Text = strings.TrimSpace(in)
		if got.Text != want.Text || got.State != want.State || got.Field != want.Field || got.Arg != want.Arg || got.Scale != want.Scale ||
			got.Value != want.Value || (got.Years == nil) != (want.Years == nil) || (got.Years != nil && *got.Years != *want.Years) {
			t.Errorf("%q: %+v, want %+v", in, got, want)
		}
	}
}

// Unparsable --set: a clear error naming the flag, EINVALID.
func TestParseSetBad(t *testing.T) {
	for _, in := range []string{"", "USA", "USA.intentions", "USA.intentions=", ".cinc=0.1", "USA.=1", "USA.colour=1",
		"USA.intentions=2", "USA.intentions=lowish", "USA.intentions*=low", "IRN.cinc*=-1", "IRN.cinc*=0", "IRN.cinc=1.5",
		"IRN.cinc=0", "IRN.polity2*=2", "IRN.polity2=11", "IRN.polyarchy=1.2", "IRN.milex=-5", "IRN.sanctions=1.5",
		"IRN.cinc*=2@20x", "IRN.cinc=0.1@2015-2010", "IRN.cinc=0.1@", "IRN.cinc:RUS=0.1", "IRN.trade:=2", "IRN.cinc=NaN",
		"IRN.cinc=Inf", "IRN.cinc*=2@1700"} {
		_, err := ParseSet(in)
		if err == nil || bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), "--set") || !strings.Contains(err.Error(), in) {
			t.Errorf("%q: %v", in, err)
		}
	}
}

func TestScenariosParse(t *testing.T) {
	seen := map[int]bool{}
	for _, s := range Scenarios {
		for _, x := range s.Sets {
			if _, err := ParseSet(x); err != nil {
				t.Errorf("%s: %v", s.Name, err)
			}
		}
		seen[s.Condition] = true
		if _, err := Lookup(s.Name); err != nil {
			t.Error(err)
		}
	}
	for c := 1; c <= 6; c++ {
		if !seen[c] {
			t.Errorf("no scenario for Walt's condition %d", c)
		}
	}
	for _, name := range []string{"us-threat-fades", "iran-fears-russia", "russia-declines", "iran-grows-strong"} {
		if _, err := Lookup(name); err != nil {
			t.Errorf("the paper's scenario %s: %v", name, err)
		}
	}
	if _, err := Lookup("nope"); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Fatal(err)
	}
}

// small is a weak state 101 threatened by 102 and allied with 103.
func small() *world.World {
	return worldtest.New(1998, 2008).
		State(2, "HEG", 40, -100, 80).Major(2).Ideal(2, 0).
		State(101, "WEAK", 0, 0, 1).Ideal(101, 0).Regime(101, 0.3, -2).
		State(102, "GIANT", 0, 3, 40).Major(102).Ideal(102, -1.5).
		State(103, "STRONG", -30, 120, 35).Major(103).Ideal(103, 0).
		Fillers(10, 20).
		Contig(101, 102, 1).MinDist(101, 102, 0).
		Dispute(1, 102, 101, 1998, 4, 3, 1).Dispute(2, 102, 101, 2001, 5, 4, 1).Dispute(3, 102, 101, 2003, 4, 3, 1).
		Rivalry(101, 102, "spatial").Rivalry(103, 102, "positional").
		Events(102, 101, world.Quad{100, 10, 200, 90}).
		Trade(101, 103, 50, 40).OtherTrade(101, 500, 500).OtherTrade(103, 5000, 5000).
		Pledge(101, 103, world.Pledges{Defense: true}).Done()
}

func env(w *world.World) Env {
	return Env{A: 101, B: 103, T: 102, Period: bloc.Period{From: 2004, To: 2008}, At: 2006, Params: indicators.DefaultParams(),
		Resolve: func(s string) (bloc.CCode, error) {
			for _, c := range w.States() {
				if w.Abb(c) == s {
					return c, nil
				}
			}
			return 0, bloc.Errorf(bloc.ENOTFOUND, "unknown state %s", s)
		}}
}

func apply(t *testing.T, w *world.World, s string) string {
	t.Helper()
	ps, err := ParseSet(s)
	if err != nil {
		t.Fatal(err)
	}
	did, err := Apply(w, ps, env(w))
	if err != nil {
		t.Fatal(err)
	}
	return did
}

func TestApply(t *testing.T) {
	base := small()
	w := base.Clone()
	apply(t, w, "A.cinc*=3")
	before, after := base.StateYear(101, 2005).CINC.V, w.StateYear(101, 2005).CINC.V
	if before != after {
		t.Fatalf("2005 changed: %v → %v (the change starts --at 2006)", before, after)
	}
	if r := w.StateYear(101, 2007).CINC.V / base.StateYear(101, 2007).CINC.V; r < 2.5 || r > 3 {
		t.Fatalf("CINC ratio %v after ×3", r)
	}
	if base.StateYear(101, 2007).CINC.V == w.StateYear(101, 2007).CINC.V {
		t.Fatal("the original World changed")
	}
	w = base.Clone()
	apply(t, w, "WEAK.cinc=0.2@2007")
	if c := w.StateYear(101, 2007).CINC.V; math.Abs(c-0.2) > 1e-6 {
		t.Fatalf("CINC %v, want 0.2", c)
	}
	var sum float64
	for _, c := range w.Members(2007) {
		sum += w.StateYear(c, 2007).CINC.V
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Fatalf("CINC sums to %v", sum)
	}
	w = base.Clone()
	apply(t, w, "T.intentions=low")
	if v, ok := w.IntentOverride(102, 101, bloc.Period{From: 2004, To: 2008}); !ok || v != 0.1 {
		t.Fatalf("override %v %v", v, ok)
	}
	if _, ok := w.IntentOverride(102, 101, bloc.Period{From: 2001, To: 2005}); ok {
		t.Fatal("the override applies before --at")
	}
	w = base.Clone()
	apply(t, w, "A.trade*=2@2006")
	if got := w.Dyad(101, 103, 2006).Imports.V; got != 100 {
		t.Fatalf("imports %v", got)
	}
	if got := w.StateYear(101, 2006).Imports.V; got != base.StateYear(101, 2006).Imports.V+50 {
		t.Fatalf("total imports %v", got)
	}
	w = base.Clone()
	apply(t, w, "STRONG.sanctions:WEAK=2")
	n := 0
	for _, s := range w.Sanctions {
		if s.Senders[0] == 103 && s.Targets[0] == 101 {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d sanctions", n)
	}
	// Errors name the modification.
	for _, s := range []string{"NOPE.cinc*=2", "A.trade:A*=2", "A.cinc*=2@1900-1901"} {
		ps, _ := ParseSet(s)
		if _, err := Apply(base.Clone(), ps, env(base)); err == nil || !strings.Contains(err.Error(), s) {
			t.Errorf("%s: %v", s, err)
		}
	}
}

// The scenario changes the verdict the way the theories say it should.
func TestRun(t *testing.T) {
	w := small()
	p := bloc.Period{From: 2004, To: 2008}
	opt := verdict.DefaultOptions()
	explain := func(w *world.World) (*bloc.Verdict, error) { return verdict.Explain(w, 101, 103, p, opt) }
	base, err := explain(w)
	if err != nil {
		t.Fatal(err)
	}
	var runs []Named
	for _, name := range []string{"us-threat-fades", "iran-fears-russia"} {
		sc, _ := Lookup(name)
		n := Named{Scenario: sc}
		for _, s := range sc.Sets {
			ps, _ := ParseSet(s)
			n.Parsed = append(n.Parsed, ps)
		}
		runs = append(runs, n)
	}
	rep, err := Run(base, w, env(w), runs, explain, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Baseline.TopThreat != "GIANT" || len(rep.Scenarios) != 2 {
		t.Fatalf("%+v", rep.Baseline)
	}
	// The threat fades: balance of threat loses its support, the posterior
	// moves away from it, and the monitor sees condition 2.
	fades := rep.Scenarios[0]
	score := func(s Summary, id string) float64 {
		for _, r := range s.Ranking {
			if r.Theory == id {
				return r.Score.V
			}
		}
		return math.NaN()
	}
	if score(fades.Summary, "balance_of_threat") >= score(rep.Baseline, "balance_of_threat")-0.5 ||
		fades.Summary.Posterior["balance_of_threat"] >= rep.Baseline.Posterior["balance_of_threat"]/2 {
		t.Fatalf("the threat fades: %+v", fades.Summary)
	}
	joined := strings.Join(fades.Changes, "\n")
	if !strings.Contains(joined, "balance_of_threat: rank") || !strings.Contains(joined, "c2.threat_fades met in") || !strings.Contains(joined, "termination risk 2007") {
		t.Fatalf("changes:\n%s", joined)
	}
	fears := rep.Scenarios[1]
	if !strings.Contains(strings.Join(fears.Changes, "\n"), "c1.partner_threat") {
		t.Fatalf("partner threatens: %v", fears.Changes)
	}
	// The baseline is untouched: explaining it again gives the same summary.
	again, _ := explain(w)
	if got := Summarize(again); got.TopThreat != rep.Baseline.TopThreat || got.Best != rep.Baseline.Best {
		t.Fatal("the scenarios changed the baseline World")
	}
	if c := Compare(rep.Baseline, rep.Baseline); len(c) != 1 || c[0] != "no change" {
		t.Fatalf("%v", c)
	}
}

func FuzzParseSet(f *testing.F) {
	for _, s := range []string{"USA.intentions=low", "IRN.cinc*=2@2015", "IRN.trade:RUS*=5@2012-2014", "St. Lucia.polity2=-3", "A.sanctions:B=1",
		"x.y=z", "@@", "IRN.cinc*==2", ".=", "IRN.intentions:=high"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseSet(s)
		if err != nil {
			if bloc.ErrorCode(err) != bloc.EINVALID {
				t.Fatalf("%q: code %s", s, bloc.ErrorCode(err))
			}
			return
		}
		if _, ok := Fields[got.Field]; !ok || got.State == "" || math.IsNaN(got.Value) || math.IsInf(got.Value, 0) {
			t.Fatalf("%q parsed to %+v", s, got)
		}
		if got.Scale && got.Value <= 0 {
			t.Fatalf("%q: factor %v", s, got.Value)
		}
		if got.Years != nil && got.Years.From > got.Years.To {
			t.Fatalf("%q: years %v", s, got.Years)
		}
	})
}
