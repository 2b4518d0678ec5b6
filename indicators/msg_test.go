package indicators

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/registry"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

// checkMsg fails unless a sentence with text s carries its message m, and
// m says s in English with one argument per verb of its format.
func checkMsg(t *testing.T, what, s string, m *bloc.Msg) {
	t.Helper()
	if s == "" {
		if m != nil && !m.IsZero() {
			t.Errorf("%s: a message %q without text", what, m.Format)
		}
		return
	}
	if m == nil || m.IsZero() {
		t.Errorf("%s: %q has no message", what, s)
		return
	}
	if got := m.String(); got != s {
		t.Errorf("%s: the message says %q, the text %q", what, got, s)
	}
	if n, _ := bloc.Verbs(m.Format); n != len(m.Args) {
		t.Errorf("%s: format %q has %d verbs for %d arguments", what, m.Format, n, len(m.Args))
	}
	// No English prose is left to the arguments: a translation of the
	// formats says all of it.
	for _, a := range Untranslated(*m) {
		t.Errorf("%s: %q is English prose in %q", what, a, s)
	}
}

// checkMeasures checks the notes of measures and returns how many there were.
func checkMeasures(t *testing.T, what string, ms ...bloc.Measure) int {
	t.Helper()
	n := 0
	for _, m := range ms {
		checkMsg(t, what+" "+m.ID+" "+m.Subject, m.Note, m.NoteMsg)
		if m.Note != "" {
			n++
		}
	}
	return n
}

// checkFrame checks the notes of every indicator of the frame for state i
// and partner j, the threat table's note, the types' notes and the tie's
// basis; it returns how many notes it saw.
func checkFrame(t *testing.T, f *Frame, i, j bloc.CCode) int {
	t.Helper()
	what := fmt.Sprintf("%s–%s %v", f.Abb(i), f.Abb(j), f.P)
	n := 0
	tie := f.Tie(i, j)
	n += checkMeasures(t, what, tie.Measures()...)
	r := tie.Render()
	checkMsg(t, what+" tie basis", r.Basis, r.BasisMsg)
	n += checkMeasures(t, what, f.Identity(i, j).Measures()...)
	n += checkMeasures(t, what, f.Interdependence(i, j).Measures()...)
	n += checkMeasures(t, what, f.Interdependence(j, i).Measures()...)
	n += checkMeasures(t, what, f.TradeGrowth(i, j), f.CapRatio(i, j), f.SystemShare(i), f.PowerPercentile(i), f.SanctionsOn(i))
	pr, _ := f.Preponderance(i, j)
	n += checkMeasures(t, what, pr)
	for _, c := range []bloc.CCode{i, j} {
		st := f.StateType(c)
		checkMsg(t, what+" type of "+f.Abb(c), st.Note, st.NoteMsg)
		n += checkMeasures(t, what, st.Evidence...)
		o, parts := f.Offense(c)
		n += checkMeasures(t, what, append(parts, o)...)
	}
	for _, a := range []bloc.CCode{i, j} {
		// Why a state opposes another, a sentence the theories quote.
		for _, b := range f.Members() {
			ok, why := f.OpposesMsg(a, b)
			if _, s := f.Opposes(a, b); s != why.String() {
				t.Errorf("%s: Opposes says %q, OpposesMsg %q", what, s, why.String())
			}
			if ok {
				checkMsg(t, what+" opposes", why.String(), &why)
				n++
			} else if !why.IsZero() {
				t.Errorf("%s: a reason %q for not opposing", what, why.String())
			}
		}
		th := f.Threats(a)
		tt := f.ThreatTable(th, 5, true)
		checkMsg(t, what+" threat table", tt.Note, tt.NoteMsg)
		for _, row := range tt.Rows {
			n += checkMeasures(t, what, row.Detail...)
		}
		for _, b := range f.Members() {
			if b == a {
				continue
			}
			in, comps := f.Intent(b, a)
			n += checkMeasures(t, what, append(comps, in, f.Proximity(a, b), f.PowerShare(b))...)
		}
	}
	return n
}

// TestNoteMessages checks on constructed worlds, with and without their
// sources, that every note the indicators write carries its message.
func TestNoteMessages(t *testing.T) {
	n := 0
	for _, build := range []func() *world.World{giantWorld, menagerie} {
		for _, drop := range append([]world.Source{""}, world.AllSources...) {
			w := build()
			if drop != "" {
				w.Uncover(drop)
			}
			f := NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
			ms := f.Members()
			n += checkFrame(t, f, ms[0], ms[1])
		}
	}
	if n < 100 {
		t.Fatalf("only %d notes seen", n)
	}
	t.Logf("%d notes", n)
	// A scenario override of the intentions.
	w := giantWorld()
	w.SetIntent(2, 1, 0.5)
	f := NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	m, _ := f.Intent(2, 1)
	checkMeasures(t, "override", m)
}

// TestNoteMessagesRealData checks the notes, the threat tables' notes, the
// types' notes and the tie's basis computed from the real data.
func TestNoteMessagesRealData(t *testing.T) {
	if testing.Short() {
		t.Skip("real data")
	}
	st := teststore.Open(t)
	ctx := context.Background()
	reg, err := registry.Load(ctx, st, 2024)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tc := range []struct {
		a, b bloc.CCode
		p    bloc.Period
	}{
		{630, 365, bloc.Period{From: 2010, To: 2018}}, // Iran–Russia
		{770, 710, bloc.Period{From: 1963, To: 1970}}, // Pakistan–China
		{816, 365, bloc.Period{From: 1978, To: 1978}}, // Vietnam–Russia
		{40, 365, bloc.Period{From: 1962, To: 1962}},  // Cuba–Russia
		{630, 2, bloc.Period{From: 2020, To: 2023}},   // Iran–United States, past most data
	} {
		opt := world.Options{Years: bloc.Period{From: tc.p.From - 10, To: tc.p.To}, Focus: []bloc.CCode{tc.a, tc.b}}
		w, _, err := world.Load(ctx, st.DB(), reg, opt)
		if err != nil {
			t.Fatal(err)
		}
		f := NewFrame(w, tc.p, DefaultParams())
		n += checkFrame(t, f, tc.a, tc.b)
	}
	if n < 50 {
		t.Fatalf("only %d notes seen", n)
	}
	t.Logf("%d notes", n)
}

func TestEnglishRun(t *testing.T) {
	for s, want := range map[string]string{
		"no data for IRN in 2010":                 "",
		"rivalry China-United States 2 1996–2020": "",
		"USA, TUR, SAU, UAE, ISR":                 "",
		"11th largest economy by nominal GDP":     "11th largest economy by nominal",
		"داده‌ای نیست: the data end in":           "the data end in",
		"رتبهٔ ۲ از ۱۴۲ of the world's most":      "of the world's most",
		"a b c": "",
	} {
		if got := EnglishRun(s); got != want {
			t.Errorf("EnglishRun(%q) = %q, want %q", s, got, want)
		}
	}
	m := bloc.Sayf("%s: %s, %s", bloc.Code("a dataset of many words"), bloc.Sayf("x %s", "one two three four"), bloc.Term{Key: "k", Text: "five six seven eight"})
	if got := Untranslated(m); len(got) != 1 || got[0] != "one two three four" {
		t.Errorf("Untranslated = %q", got)
	}
}

// TestBasisIsTheOldEnglish compares the tie's basis, built from one
// message per sentence shape, with the basis as it was built before by
// joining strings, over every combination of the evidence it reads.
func TestBasisIsTheOldEnglish(t *testing.T) {
	w := worldtest.New(2000, 2004).State(1, "AAA", 0, 0, 1).State(2, "BBB", 0, 1, 1).Done()
	f := NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	obligations := []string{"defense", "offense", "neutrality", "non_aggression", "consultation"}
	num := func(v float64, ok bool) bloc.Measure { return bloc.Measure{Value: bloc.Num{V: v, OK: ok}} }
	levels := []bloc.Measure{num(2, true), missing("tie.atop_level", "", "", "", bloc.Provenance{}, f.notCovered(world.ATOP))}
	vals := []struct {
		v  float64
		ok bool
	}{{0, false}, {0.05, true}, {0.8, true}} // missing, below and above every cut
	seen := map[string]bool{}
	cases := 0
	for mask := 0; mask < 1<<len(obligations); mask++ {
		var pl []bloc.Pledge
		for k, o := range obligations {
			if mask&(1<<k) != 0 {
				pl = append(pl, bloc.Pledge{Obligation: o, Years: bloc.Period{From: 2000 + k, To: 2004}})
			}
		}
		for _, ss := range [][]int{nil, {12}, {12, 3456}} {
			for _, lv := range levels {
				for _, aff := range vals {
					for _, ev := range vals {
						for _, arms := range vals {
							te := &TieEvidence{Pledges: pl, SameSide: ss, Level: lv, Affinity: num(aff.v, aff.ok),
								EventsIJ: num(ev.v, ev.ok), EventsJI: num(ev.v+0.05, ev.ok), ArmsIJ: num(arms.v, arms.ok)}
							wantKind, want := oldClassify(f, te, 1, 2)
							f.classify(te, 1, 2)
							cases++
							if te.Kind != wantKind || te.Basis != want {
								t.Fatalf("%+v:\n got %s %q\nwant %s %q", te, te.Kind, te.Basis, wantKind, want)
							}
							r := te.Render()
							checkMsg(t, "basis", r.Basis, r.BasisMsg)
							seen[te.BasisMsg.Format] = true
						}
					}
				}
			}
		}
	}
	// Every format of the basis is reached.
	if len(seen) != 43 {
		t.Errorf("%d basis formats reached in %d cases, want 43", len(seen), cases)
	}
}

// oldClassify is the tie's kind and basis as Tie built them before the
// basis became a message (bloc 1.1), kept to check the English is the same.
func oldClassify(f *Frame, t *TieEvidence, i, j bloc.CCode) (bloc.TieKind, string) {
	ss := t.SameSide
	var kind bloc.TieKind
	var basis string
	var formal, informal []string
	for _, p := range t.Pledges {
		s := fmt.Sprintf("%s %v", strings.ReplaceAll(p.Obligation, "_", "-"), p.Years)
		if p.Obligation == "defense" || p.Obligation == "offense" {
			formal = append(formal, s)
		} else {
			informal = append(informal, s)
		}
	}
	var signals []string
	avail := 0
	if v := t.Affinity.Value; v.OK {
		avail++
		if v.V >= f.Params.AffinityCut {
			signals = append(signals, fmt.Sprintf("UN affinity %.2f", v.V))
		}
	}
	if a, b := t.EventsIJ.Value, t.EventsJI.Value; a.OK && b.OK {
		avail++
		if a.V >= f.Params.AlignCut && b.V >= f.Params.AlignCut {
			signals = append(signals, fmt.Sprintf("event alignment %.2f/%.2f", a.V, b.V))
		}
	}
	if v := t.ArmsIJ.Value; v.OK {
		avail++
		if v.V >= f.Params.ArmsCut {
			signals = append(signals, fmt.Sprintf("%.0f%% of %s's arms imports from %s", 100*v.V, f.Abb(i), f.Abb(j)))
		}
	}
	switch {
	case len(formal) > 0:
		kind = bloc.Alliance
		basis = "ATOP " + strings.Join(formal, ", ") + ": a formal commitment to military cooperation"
	case len(ss) > 0:
		kind = bloc.Coalition
		basis = fmt.Sprintf("no defense pledge, but on the same side in %d dispute(s) in the period (MID %s)", len(ss), joinInts(ss))
	case len(informal) > 0:
		kind = bloc.Alignment
		basis = "ATOP " + strings.Join(informal, ", ") + " without a defense or offense obligation"
		if len(signals) > 0 {
			basis += "; " + strings.Join(signals, "; ")
		}
	case len(signals) >= 2 || (len(signals) == 1 && 2*len(signals) > avail):
		kind = bloc.Alignment
		basis = "no pledge, but " + strings.Join(signals, "; ")
		if len(signals) == 1 {
			basis += fmt.Sprintf(" (the only one of the three signs of alignment with data in %v)", f.P)
		}
	case !t.Level.Value.OK && avail < 2:
		kind = bloc.UnknownTie
		basis = fmt.Sprintf("no alliance data for the period (%s) and %d of the three other signs of alignment with data", t.Level.Note, avail)
		if len(signals) == 1 {
			basis += " (" + signals[0] + ")"
		}
	default:
		kind = bloc.NoTie
		basis = "no pledge, no common side in a dispute"
		if len(signals) == 1 {
			basis += ", only one sign of alignment (" + signals[0] + ")"
		} else {
			basis += ", no sign of alignment"
		}
	}
	if !t.Level.Value.OK && kind == bloc.NoTie {
		basis += fmt.Sprintf(" (%s)", t.Level.Note)
	}
	return kind, basis
}
