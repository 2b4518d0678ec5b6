package evidence

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/monitor"
	"github.com/bloc-project/bloc/theory"
)

// Hypotheses returns the rival hypotheses: every registered theory, in
// registration order, then the residual H0 (none of them explains the tie).
func Hypotheses() []Hyp {
	var out []Hyp
	for _, t := range theory.All() {
		out = append(out, Hyp{ID: t.ID(), Name: t.Name()})
	}
	return append(out, Hyp{ID: bloc.Residual, Name: "Residual: none of the theories"})
}

// HypothesisIDs returns the ids of Hypotheses.
func HypothesisIDs() []string {
	hs := Hypotheses()
	out := make([]string, len(hs))
	for k, h := range hs {
		out[k] = h.ID
	}
	return out
}

// Method describes the weighing in words (the verdict's evidence.method).
const Method = "Explicit Bayesian updating (THEORY.md L3; Fairfield & Charman 2017): P(H_k|E) ∝ P(H_k) · Π_i P(E_i|H_k)^w_i " +
	"over the registered theories and a residual hypothesis H0, which are taken as mutually exclusive and exhaustive. " +
	"Each item's weight of evidence for H_k is WoE_i = w_i · 10·log10(P(E_i|H_k)/P(E_i|H0)) decibans; they add. " +
	"Likelihoods come from the evidence ledger (a probability or a Van Evera test type per theory) and from the theories' tests " +
	"(the test type's defaults, THEORY.md L2), and are clamped to [0.01, 0.99]."

// Assumptions are the assumptions every weighing states.
var Assumptions = []string{
	"Conditional independence: given each hypothesis the items are independent, so likelihood ratios multiply and decibans add. " +
		"Correlated items are grouped and count as one item: each of a group's n members weighs 1/n (ledger items by their group; " +
		"theory tests that test the same indicator).",
	"The hypotheses are mutually exclusive and exhaustive: one of the theories, or the residual H0 (none of them), explains the tie; " +
		"a mixture of theories is not a hypothesis.",
	"A theory's test bears on that theory: the other theories and H0 expect its outcome with the test type's P(E|¬H). " +
		"A ledger item's unlisted hypotheses get its otherwise value.",
	"Likelihoods are judgements, not estimates: the test-type defaults are Van Evera's (straw 0.6/0.4, hoop 0.95/0.5, " +
		"smoking gun 0.5/0.05, doubly decisive 0.95/0.05); the sensitivity section shows how much the result depends on them.",
}

// Input is what Assess weighs for a verdict.
type Input struct {
	A, B   bloc.State
	Period bloc.Period
	// Aligned is whether the theories were scored as explaining a tie
	// (tie kind other than none).
	Aligned  bool
	Theories []bloc.TheoryResult
	// Ledger is the evidence ledger (nil: none); Items dated more than
	// FactLag years after the period do not count.
	Ledger  *Ledger
	FactLag int
	// Prior is the prior over Hypotheses() (nil: uniform); PriorName names it.
	Prior     []float64
	PriorName string
	// NoTests leaves the theories' tests out (the ledger alone).
	NoTests bool
	Options Options
	Events  *bloc.WordsDeeds
}

// Assess weighs the ledger's items and the theories' tests for every
// hypothesis and returns the verdict's evidence section.
func Assess(in Input) (*bloc.Evidence, error) {
	hyps := Hypotheses()
	if in.FactLag == 0 {
		in.FactLag = 5
	}
	var obs []Obs
	var notes []bloc.Msg
	var skipped []bloc.EvidenceItem
	var info *bloc.LedgerInfo
	if in.Ledger != nil {
		info = &bloc.LedgerInfo{ID: in.Ledger.ID, Title: in.Ledger.Title, File: in.Ledger.File, Items: len(in.Ledger.Items)}
		for _, it := range in.Ledger.Items {
			o, clamped, err := itemObs(it, hyps)
			if err != nil {
				return nil, err
			}
			switch y := it.Year(); {
			case y > in.Period.To+in.FactLag:
				o.Item.Counted = false
				setNote(&o.Item, it, clamped, bloc.Sayf("dated %s, more than %d years after the period: not counted", it.Date, in.FactLag))
				skipped = append(skipped, o.Item)
				continue
			case it.LastYear() < in.Period.From:
				setNote(&o.Item, it, clamped, bloc.Sayf("before the period: counted as background of the tendency"))
			case y > in.Period.To:
				setNote(&o.Item, it, clamped, bloc.Sayf("after the period"))
			}
			obs = append(obs, o)
			info.Counted++
		}
	}
	if !in.NoTests {
		tobs, silent := TestObs(in.Theories, in.Aligned, in.Period, hyps)
		for k := range tobs {
			tobs[k].Item.Actor, tobs[k].Item.Target = in.A.Abb, in.B.Abb
		}
		obs = append(obs, tobs...)
		if silent > 0 {
			if silent == 1 {
				notes = append(notes, bloc.Sayf("1 theory test had no data and is silent (not weighed)."))
			} else {
				notes = append(notes, bloc.Sayf("%d theory tests had no data and are silent (not weighed).", silent))
			}
		}
	}
	prior, name := in.Prior, in.PriorName
	if prior == nil {
		prior, name = Uniform(len(hyps)), "uniform"
	}
	if len(prior) != len(hyps) {
		return nil, bloc.Errorf(bloc.EINTERNAL, "evidence: %d priors for %d hypotheses", len(prior), len(hyps))
	}
	ev := Weigh(hyps, prior, obs, in.Options)
	ev.Method = Method
	ev.Assumptions = append([]string(nil), Assumptions...)
	ev.Ledger = info
	ev.Prior = name
	ev.Items = append(ev.Items, skipped...)
	ev.Events = in.Events
	if len(obs) == 0 {
		notes = append(notes, bloc.Sayf("No item of evidence was weighed: the posterior is the prior."))
	}
	if in.Ledger == nil {
		notes = append(notes, bloc.Sayf("No evidence ledger for %s→%s: only the theories' tests are weighed (give one with --ledger).", in.A.AbbArg(), in.B.AbbArg()))
	}
	// The notes, then Weigh's (none so far), index for index with their
	// messages.
	texts, msgs := make([]string, 0, len(notes)+len(ev.Notes)), make([]bloc.Msg, 0, len(notes)+len(ev.Notes))
	for _, n := range notes {
		texts, msgs = append(texts, n.String()), append(msgs, n)
	}
	for k, n := range ev.Notes {
		var m bloc.Msg
		if k < len(ev.NotesMsg) {
			m = ev.NotesMsg[k]
		}
		texts, msgs = append(texts, n), append(msgs, m)
	}
	ev.Notes, ev.NotesMsg = texts, nil
	if len(msgs) > 0 {
		ev.NotesMsg = msgs
	}
	return &ev, nil
}

// trimEnd trims the spaces around s and the semicolons that end it.
func trimEnd(s string) string { return strings.TrimRight(strings.TrimSpace(s), ";") }

func joinNote(a, b string) string {
	a, b = trimEnd(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// ItemObs turns a ledger item into an observation: P(what was observed|H)
// for every hypothesis, from the item's entries and its otherwise value,
// flipped to 1 − P(E|H) when the item records an absence, and clamped.
func ItemObs(it Item, hyps []Hyp) (Obs, error) {
	o, _, err := itemObs(it, hyps)
	return o, err
}

// itemObs is ItemObs; it also returns the hypotheses whose likelihoods
// were clamped.
func itemObs(it Item, hyps []Hyp) (Obs, []string, error) {
	other, err := it.otherwise()
	if err != nil {
		return Obs{}, nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("item %s: %v", it.ID, err)}
	}
	src := it.Source
	o := Obs{Item: bloc.EvidenceItem{ID: it.ID, Origin: bloc.FromLedger, Group: it.Group, Kind: it.Kind, Actor: it.Actor, Target: it.Target,
		Date: it.Date, Until: it.Until, Text: it.Text(), Quote: it.Quote, Source: &src, Status: it.Status, Observed: it.Observed,
		Basis: map[string]string{}, Counted: true}, P: make([]float64, len(hyps))}
	listed := map[string]Likelihood{}
	for _, l := range it.Likelihoods {
		listed[l.Hypothesis] = l
	}
	var clamped []string
	for k, h := range hyps {
		p, basis := other, fmt.Sprintf("otherwise %g", other)
		if l, ok := listed[h.ID]; ok {
			p, _, _ = l.PE()
			basis = l.Spec()
		}
		if !it.Observed {
			p = 1 - p
			basis += ", absent"
		}
		if c := Clamp(p); c != p {
			clamped = append(clamped, h.ID)
			basis += fmt.Sprintf(" (clamped from %g)", p)
			p = c
		}
		o.P[k] = p
		o.Item.Basis[h.ID] = basis
	}
	setNote(&o.Item, it, clamped, bloc.Msg{})
	return o, clamped, nil
}

// setNote sets a ledger item's note, in English and as a message: the
// rationale of its likelihoods, its own note, the hypotheses whose
// likelihoods were clamped and, unless it is zero, the clause when saying
// where its date falls, joined by "; ". The ledger's words (its rationale
// and note) and the hypotheses' ids are printed as they are
// (bloc.Code); the ledger's note alone is no sentence of bloc's and has no
// message.
func setNote(e *bloc.EvidenceItem, it Item, clamped []string, when bloc.Msg) {
	ids := strings.Join(clamped, ", ")
	note := it.Note
	if it.Rationale != "" {
		note = joinNote("Likelihoods: "+it.Rationale, it.Note)
	}
	if len(clamped) > 0 {
		note = joinNote(note, "likelihoods clamped to [0.01, 0.99]: "+ids)
	}
	if !when.IsZero() {
		note = joinNote(note, when.String())
	}
	e.Note, e.NoteMsg = note, nil
	// The same clauses as a message, the ledger's words trimmed as joinNote
	// trims them.
	var parts []any
	text := it.Note
	if it.Rationale != "" {
		r := strings.TrimPrefix(trimEnd("Likelihoods: "+it.Rationale), "Likelihoods: ")
		parts = append(parts, bloc.Sayf("Likelihoods: %s", bloc.Code(r)))
		text = strings.TrimSpace(text)
	}
	if len(clamped) > 0 || !when.IsZero() {
		text = trimEnd(text)
	}
	if text != "" {
		parts = append(parts, bloc.Code(text))
	}
	if len(clamped) > 0 {
		parts = append(parts, bloc.Sayf("likelihoods clamped to [0.01, 0.99]: %s", bloc.Code(ids)))
	}
	if !when.IsZero() {
		parts = append(parts, when)
	}
	// A note joinNote trims otherwise (a ledger note of semicolons alone)
	// keeps its English and has no message.
	if m := monitor.JoinClauses(parts...); !m.IsZero() && m.String() == note {
		e.NoteMsg = &m
	}
}

// mirror returns the test type of a condition's failure as evidence for the
// absence of a tie: a failed hoop (necessary) condition is sufficient to
// explain the absence, so it acts as a smoking gun, and the reverse.
func mirror(t bloc.TestType) bloc.TestType {
	switch t {
	case bloc.Hoop:
		return bloc.SmokingGun
	case bloc.SmokingGun:
		return bloc.Hoop
	}
	return t
}

// TestObs turns the theories' tests into observations. A test of theory k
// observed E = "the condition holds" (with a tie; with no tie, E = "the
// condition fails" under the mirrored test type); P(E|H_k) and P(E|H_m) for
// every other hypothesis m are the test type's P(E|H) and P(E|¬H). Tests
// whose first measure (the indicator tested) is the same form a group.
// Tests without data are silent; their number is returned.
func TestObs(rs []bloc.TheoryResult, aligned bool, p bloc.Period, hyps []Hyp) ([]Obs, int) {
	idx := map[string]int{}
	for k, h := range hyps {
		idx[h.ID] = k
	}
	var out []Obs
	silent := 0
	keys := map[string]int{}
	for _, r := range rs {
		owner, ok := idx[r.ID]
		if !ok {
			continue
		}
		for _, t := range r.Tests {
			if t.Holds == nil {
				silent++
				continue
			}
			typ, e := t.Type, *t.Holds
			basis := string(typ)
			if !aligned {
				typ, e = mirror(typ), !e
				basis = string(typ) + " (for the absence of a tie)"
			}
			pe, qe := typ.Likelihoods()
			if !e {
				pe, qe = 1-pe, 1-qe
				basis += ", failed"
			} else {
				basis += ", passed"
			}
			o := Obs{P: make([]float64, len(hyps)), Item: bloc.EvidenceItem{ID: t.ID, Origin: bloc.FromTest, Kind: "indicator",
				Date: fmt.Sprint(p.From), Text: t.Prediction, Status: testStatus(t), Observed: e, Basis: map[string]string{},
				Counted: true, Note: t.Why, NoteMsg: t.WhyMsg, Source: testSource(r, t)}}
			if p.To != p.From {
				o.Item.Until = fmt.Sprint(p.To)
			}
			for k, h := range hyps {
				if k == owner {
					o.P[k] = Clamp(pe)
					o.Item.Basis[h.ID] = basis
				} else {
					o.P[k] = Clamp(qe)
					o.Item.Basis[h.ID] = fmt.Sprintf("P(E|¬H) of %s %g", r.ID, qe)
				}
			}
			if len(t.Evidence) > 0 {
				m := t.Evidence[0]
				keys[m.ID+" "+m.Subject]++
			}
			out = append(out, o)
		}
	}
	// Group tests of the same indicator.
	k := 0
	for _, r := range rs {
		if _, ok := idx[r.ID]; !ok {
			continue
		}
		for _, t := range r.Tests {
			if t.Holds == nil {
				continue
			}
			if len(t.Evidence) > 0 {
				m := t.Evidence[0]
				if key := m.ID + " " + m.Subject; keys[key] > 1 {
					out[k].Item.Group = key
				}
			}
			k++
		}
	}
	return out, silent
}

// testStatus is the weakest verification status of the case-file facts a
// test uses (their notes begin "status X"), V when it uses none.
func testStatus(t bloc.Test) string {
	rank := map[string]int{"V": 0, "M": 1, "U": 2}
	st := "V"
	for _, m := range t.Evidence {
		if m.Source.Dataset == "case file" && strings.HasPrefix(m.Note, "status ") && len(m.Note) >= 8 {
			if s := m.Note[7:8]; rank[s] > rank[st] {
				st = s
			}
		}
	}
	return st
}

// testSource cites the theory and the datasets of the test's measures.
func testSource(r bloc.TheoryResult, t bloc.Test) *bloc.Citation {
	seen := map[string]bool{}
	var ds []string
	for _, m := range t.Evidence {
		for _, d := range strings.Split(m.Source.Dataset, "+") {
			if d != "" && !seen[d] {
				seen[d] = true
				ds = append(ds, d)
			}
		}
	}
	sort.Strings(ds)
	c := &bloc.Citation{Citation: r.Citation, Title: fmt.Sprintf("%s, test %s (%s)", r.Name, t.ID, t.Rule)}
	if len(ds) > 0 {
		c.CitedBy = "data: " + strings.Join(ds, ", ")
	}
	return c
}
