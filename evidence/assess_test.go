package evidence

import (
	"context"
	"math"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

func yes(b bool) *bool { return &b }

func TestTestObs(t *testing.T) {
	m := func(id, subj string) bloc.Measure { return bloc.Measure{ID: id, Subject: subj} }
	rs := []bloc.TheoryResult{
		{ID: "balance_of_threat", Tests: []bloc.Test{
			{ID: "bot.a", Type: bloc.Hoop, Holds: yes(true), Evidence: []bloc.Measure{m("threat.intent", "X→A")}},
			{ID: "bot.b", Type: bloc.Straw, Holds: yes(false), Evidence: []bloc.Measure{m("revision.index", "A")}},
			{ID: "bot.c", Type: bloc.Hoop, Holds: nil},
		}},
		{ID: "bandwagoning_profit", Tests: []bloc.Test{
			{ID: "bfp.a", Type: bloc.Hoop, Holds: yes(true), Evidence: []bloc.Measure{m("revision.index", "A"), m("sanctions.on", "A")}},
		}},
	}
	hyps := Hypotheses()
	idx := map[string]int{}
	for k, h := range hyps {
		idx[h.ID] = k
	}
	obs, silent := TestObs(rs, true, bloc.Period{From: 2000, To: 2004}, hyps)
	if silent != 1 || len(obs) != 3 {
		t.Fatalf("%d observations, %d silent", len(obs), silent)
	}
	// A passed hoop: 0.95 for its theory, 0.5 for the rest.
	if o := obs[0]; o.P[idx["balance_of_threat"]] != 0.95 || o.P[idx[bloc.Residual]] != 0.5 || o.P[idx["identity"]] != 0.5 || o.Item.Group != "" {
		t.Fatalf("hoop passed: %v %q", o.P, o.Item.Group)
	}
	// A failed straw: P(¬E|H) = 0.4, P(¬E|¬H) = 0.6. It tests the same
	// indicator as bfp.a, so the two are a group.
	if o := obs[1]; !near(o.P[idx["balance_of_threat"]], 0.4, 1e-12) || !near(o.P[idx[bloc.Residual]], 0.6, 1e-12) || o.Item.Group != "revision.index A" || obs[2].Item.Group != o.Item.Group {
		t.Fatalf("straw failed: %v %q %q", o.P, o.Item.Group, obs[2].Item.Group)
	}
	// With no tie, a failed hoop is a passed smoking gun for the absence.
	rs = []bloc.TheoryResult{{ID: "identity", Tests: []bloc.Test{{ID: "id.x", Type: bloc.Hoop, Holds: yes(false)}}}}
	obs, _ = TestObs(rs, false, bloc.Period{From: 2000, To: 2000}, hyps)
	if o := obs[0]; o.P[idx["identity"]] != 0.5 || o.P[idx[bloc.Residual]] != 0.05 || !o.Item.Observed {
		t.Fatalf("no tie: %v", o.P)
	}
}

func TestAssessCountsByDate(t *testing.T) {
	l, err := Parse("t.yaml", []byte(header+goodItem+`  - id: old
    kind: practical_action
    actor: IRN
    target: RUS
    date: "1992"
    until: "1994"
    description: "before"
    source: {citation: c}
    status: U
    likelihoods: {balance_of_threat: straw}
`))
	if err != nil {
		t.Fatal(err)
	}
	// Period 2005–2010: the 2022 item is more than 5 years later, not counted;
	// the 1992–1994 item counts as background.
	ev, err := Assess(Input{A: bloc.State{Abb: "IRN"}, B: bloc.State{Abb: "RUS"}, Period: bloc.Period{From: 2005, To: 2010}, Aligned: true, Ledger: l})
	if err != nil {
		t.Fatal(err)
	}
	if ev.Ledger.Items != 2 || ev.Ledger.Counted != 1 || len(ev.Items) != 2 {
		t.Fatalf("ledger %+v, %d items", ev.Ledger, len(ev.Items))
	}
	for _, it := range ev.Items {
		if (it.ID == "speech") == it.Counted {
			t.Errorf("%s counted %v (%s)", it.ID, it.Counted, it.Note)
		}
	}
	if ev.Top != "balance_of_threat" || len(ev.Assumptions) == 0 || ev.Method == "" {
		t.Fatalf("top %s", ev.Top)
	}
}

type fakeEvents struct{}

func (fakeEvents) Name() string { return "fake" }
func (fakeEvents) DyadYears(_ context.Context, a, b bloc.CCode, p bloc.Period) ([]EventYear, error) {
	if a != 1 {
		return nil, nil
	}
	return []EventYear{{Year: 2001, Goldstein: bloc.Some(3.5)}, {Year: 2005, Quad: [4]float64{50, 1, 0, 0}, Goldstein: bloc.Some(2)}}, nil
}

func TestWordsDeeds(t *testing.T) {
	w := world.New(bloc.Period{From: 2000, To: 2005})
	w.SetCover(world.Events, world.Coverage{Years: bloc.Period{From: 2000, To: 2003}})
	for y := 2000; y <= 2003; y++ {
		// 1 talks warmly to 2 but does little; with 3 its words bring 10%.
		w.EditDyad(1, 2, y, func(d *world.DyadYear) { d.Events = world.Quad{200, 1, 10, 0} })
		w.EditDyad(1, 3, y, func(d *world.DyadYear) { d.Events = world.Quad{100, 10, 5, 2} })
		// 2 to 1: the same rate as its baseline with 3.
		w.EditDyad(2, 1, y, func(d *world.DyadYear) { d.Events = world.Quad{100, 10, 5, 2} })
		w.EditDyad(2, 3, y, func(d *world.DyadYear) { d.Events = world.Quad{100, 10, 5, 2} })
	}
	wd, err := WordsDeeds(context.Background(), w, 1, 2, bloc.Period{From: 2000, To: 2005}, fakeEvents{})
	if err != nil || wd == nil {
		t.Fatal(err)
	}
	s := wd.Series[0]
	if s.Covered != 5 || s.Diverging != 4 {
		t.Fatalf("1→2: %d covered, %d diverging: %+v", s.Covered, s.Diverging, s.Years)
	}
	y := s.Years[1] // 2001
	want := math.Log2((1.5 / 200.5) / (10.5 / 100.5))
	if !y.Gap.OK || !near(y.Gap.V, want, 1e-12) || y.Diverges == nil || !*y.Diverges || y.Goldstein.V != 3.5 {
		t.Fatalf("2001: %+v (gap want %v)", y, want)
	}
	// One material event: too few for the tone of deeds (missing, not zero).
	if !near(y.Words.V, 190.0/210, 1e-12) || y.Deeds.OK || y.ToneGap.OK {
		t.Fatalf("2001 nets: %+v", y)
	}
	// 2005 comes from the events engine alone: no baseline, too few material
	// events for the tone of deeds, so no judgement.
	last := s.Years[len(s.Years)-1]
	if last.Year != 2005 || last.Note == "" || last.Diverges != nil || last.Baseline.OK {
		t.Fatalf("2005: %+v", last)
	}
	r := wd.Series[1]
	if r.Diverging != 0 || r.Covered != 4 {
		t.Fatalf("2→1: %+v", r)
	}
	if none, _ := WordsDeeds(context.Background(), w, 1, 2, bloc.Period{From: 2004, To: 2005}, nil); none != nil {
		t.Fatalf("no data: %+v", none)
	}
}
