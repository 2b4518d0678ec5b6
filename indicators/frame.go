// Package indicators computes the constructs of the alliance theories from a
// World: Walt's four sources of threat and the threat indices, relative power,
// economic interdependence, identity similarity, revisionism (Schweller's
// types) and the tie between two states (Snyder). Every indicator returns a
// bloc.Measure: the value (missing is not zero), the year it comes from, its
// range, and its provenance (dataset, formula, citation).
//
// A Frame fixes the World, the period and the parameters, and caches what is
// shared between indicators (capability totals, threat tables), so a batch
// over many dyads of one period computes each state's threat table once.
package indicators

import (
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/world"
)

// Params are the documented defaults of THEORY.md; none is a constant of a
// theory, and every one is reported with the verdict.
type Params struct {
	// History is the number of years before the period over which disputes
	// count as past hostility (default 10).
	History int
	// ThreatWeights weigh power, proximity, offense and intent in the
	// additive threat index (THEORY.md E; default 0.25 each).
	ThreatWeights [4]float64
	// ThreatForm is the index the threat ranking uses: "additive",
	// "multiplicative" or "conditional" (default; see Threats).
	ThreatForm string
	// Epsilon, Alpha and Beta shape the multiplicative index
	// adjcap·(ε+O)^α·(ε+I)^β (defaults 0.05, 1, 1).
	Epsilon, Alpha, Beta float64
	// MilesPerDay is the loss-of-strength technology parameter of Bueno de
	// Mesquita (1981) (default 250; not verified, THEORY.md B4).
	MilesPerDay float64
	// ProxContig is the weight of contiguity in the proximity index; the
	// rest goes to capital distance (default 0.5).
	ProxContig float64
	// ProxMaxKm is the distance at which the distance part of proximity
	// reaches zero (default 20,000 km).
	ProxMaxKm float64
	// IntentWeights weigh disputes, rivalry, conflict events, UN ideal-point
	// distance and sanctions in the intent index (default 0.3, 0.3, 0.2,
	// 0.1, 0.1: militarised disputes and rivalry are direct evidence of
	// hostile intent, event conflict is behaviour short of force, UN voting
	// distance is foreign-policy dissimilarity and sanctions are coercion
	// that allies also use; THEORY.md D leaves the weights open).
	IntentWeights [5]float64
	// MinEvents is the fewest ICEWS events a conflict share is computed
	// from (default 10).
	MinEvents float64
	// IntentCut is the intent level from which a state counts as perceived
	// to have aggressive intentions (default 0.33).
	IntentCut float64
	// Samples and Seed drive the Dirichlet weight sensitivity of the threat
	// ranking (defaults 2000 and 1).
	Samples int
	Seed    uint64
	// ArmsWindow is the number of years of arms transfers summed (default 5,
	// SIPRI's own convention for trend comparisons).
	ArmsWindow int
	// OpposeUN is the UNGA ideal-point distance from which two states count
	// as opposed in the absence of a pledge between them (default 2.5).
	OpposeUN float64
	// RegionKm is the minimum distance within which a state belongs to
	// another's neighbourhood, besides contiguity (default 500 km).
	RegionKm float64
	// RevisionCut is the revisionism index (VR−VSQ in [−1,1]) above which a
	// state is revisionist (default 0).
	RevisionCut float64
	// StrongPercentile is the power percentile from which a state is strong
	// in Schweller's typology (default 0.9).
	StrongPercentile float64
	// Hegemon is the status-quo leader; 0 picks the United Kingdom before
	// 1945 and the United States from 1945.
	Hegemon bloc.CCode
	// AffinityCut, AlignCut and ArmsCut are the levels of UN affinity
	// (percentile), event alignment and arms-import share from which the
	// tie counts as an alignment without a pledge (defaults 0.75, 0.5, 0.1).
	AffinityCut, AlignCut, ArmsCut float64
}

// DefaultParams returns the defaults of THEORY.md.
func DefaultParams() Params {
	return Params{History: 10, ThreatWeights: [4]float64{0.25, 0.25, 0.25, 0.25}, ThreatForm: "conditional",
		Epsilon: 0.05, Alpha: 1, Beta: 1, MilesPerDay: 250, ProxContig: 0.5, ProxMaxKm: 20000,
		IntentWeights: [5]float64{0.3, 0.3, 0.2, 0.1, 0.1}, MinEvents: 10, IntentCut: 0.33,
		Samples: 2000, Seed: 1, ArmsWindow: 5, OpposeUN: 2.5, RegionKm: 500, RevisionCut: 0, StrongPercentile: 0.9,
		AffinityCut: 0.75, AlignCut: 0.5, ArmsCut: 0.1}
}

// Map returns the parameters as a map for the verdict's record.
func (p Params) Map() map[string]any {
	return map[string]any{"history_years": p.History, "threat_weights": p.ThreatWeights, "threat_form": p.ThreatForm,
		"epsilon": p.Epsilon, "alpha": p.Alpha, "beta": p.Beta, "miles_per_day": p.MilesPerDay,
		"proximity_contiguity_weight": p.ProxContig, "proximity_max_km": p.ProxMaxKm, "intent_weights": p.IntentWeights,
		"min_events": p.MinEvents, "intent_cut": p.IntentCut, "samples": p.Samples, "seed": p.Seed,
		"arms_window": p.ArmsWindow, "oppose_un_distance": p.OpposeUN, "region_km": p.RegionKm,
		"revision_cut": p.RevisionCut, "strong_percentile": p.StrongPercentile, "hegemon": p.Hegemon,
		"affinity_cut": p.AffinityCut, "align_cut": p.AlignCut, "arms_cut": p.ArmsCut}
}

// Frame is a World seen over one period with one set of parameters. It is
// safe for concurrent use.
type Frame struct {
	W      *world.World
	P      bloc.Period
	Params Params
	// Ref is the reference year: the last year of P for which capabilities
	// are loaded. Capabilities, distances and normalisations are taken in it.
	Ref int

	mu     sync.Mutex
	totals map[int]*totals

	armsOnce sync.Once
	arms     map[bloc.CCode]float64
	armsTot  float64
	armsWin  bloc.Period
	offOnce  sync.Once
	off      offenseScale
	hegOnce  sync.Once
	heg      bloc.CCode
	hegOK    bool
	revOnce  sync.Once
	revSc    revScales
	memo     map[string]*memoEntry
	sancOnce sync.Once
	sanc     map[bloc.CCode][]world.Sanction
}

type memoEntry struct {
	once sync.Once
	v    any
}

// Memo returns the value of fn for key, computing it once per frame. Theories
// use it to share work (a state's expected partners) across the dyads of a batch.
func (f *Frame) Memo(key string, fn func() any) any {
	f.mu.Lock()
	if f.memo == nil {
		f.memo = map[string]*memoEntry{}
	}
	e := f.memo[key]
	if e == nil {
		e = &memoEntry{}
		f.memo[key] = e
	}
	f.mu.Unlock()
	e.once.Do(func() { e.v = fn() })
	return e.v
}

// NewFrame returns the frame of w over p. Ref is the last year of p covered by
// capability data, else p.To.
func NewFrame(w *world.World, p bloc.Period, prm Params) *Frame {
	f := &Frame{W: w, P: p, Params: prm, totals: map[int]*totals{}}
	f.Ref = p.To
	if y, ok := f.latest(world.NMC); ok {
		f.Ref = y
	}
	return f
}

// latest returns the last year of the period the source covers.
func (f *Frame) latest(s world.Source) (int, bool) {
	cv := f.W.Cover(s)
	for y := f.P.To; y >= f.P.From; y-- {
		if cv.Covers(y) {
			return y, true
		}
	}
	return 0, false
}

// covered returns the years of the period the source covers.
func (f *Frame) covered(s world.Source) (bloc.Period, bool) {
	cv := f.W.Cover(s)
	if cv.Years.From == 0 {
		return bloc.Period{}, false
	}
	p := bloc.Period{From: max(f.P.From, cv.Years.From), To: min(f.P.To, cv.Years.To)}
	return p, p.From <= p.To
}

// notCovered explains why a source has nothing for the period.
func (f *Frame) notCovered(s world.Source) bloc.Msg {
	ds := datasets.MustLookup(string(s))
	if ds.TimeInvariant() {
		return bloc.Sayf("%s is not loaded", code(string(s)))
	}
	return bloc.Sayf("%s covers %d–%d; the period is %v", code(string(s)), ds.Years[0], ds.Years[1], f.P)
}

// code is an identifier (a dataset) passed to bloc.Sayf, which every
// language prints as it is, digits and all.
func code(s string) bloc.Code { return bloc.Code(s) }

// provCache holds each source's provenance without a formula.
var provCache sync.Map

// prov returns the provenance of a value computed from source s with formula.
func prov(s world.Source, formula string) bloc.Provenance {
	if v, ok := provCache.Load(s); ok {
		p := v.(bloc.Provenance)
		p.Formula = formula
		return p
	}
	p := datasets.MustLookup(string(s)).Provenance("")
	provCache.Store(s, p)
	p.Formula = formula
	return p
}

// provs joins the provenance of several sources.
func provs(formula string, ss ...world.Source) bloc.Provenance {
	var names, versions, cites []string
	for _, s := range ss {
		p := prov(s, "")
		names = append(names, p.Dataset)
		if p.Version != "" {
			versions = append(versions, p.Version)
		}
		if p.Citation != "" {
			cites = append(cites, p.Citation)
		}
	}
	return bloc.Provenance{Dataset: strings.Join(names, "+"), Version: strings.Join(versions, "+"), Formula: formula, Citation: strings.Join(cites, ",")}
}

// measure builds a Measure.
func measure(id, label, subject string, v bloc.Num, rng string, year int, p bloc.Provenance) bloc.Measure {
	return bloc.Measure{ID: id, Label: label, Subject: subject, Value: v, Range: rng, Year: year, Source: p}
}

// missing builds a Measure with no value and the reason.
func missing(id, label, subject, rng string, p bloc.Provenance, why bloc.Msg) bloc.Measure {
	m := bloc.Measure{ID: id, Label: label, Subject: subject, Value: bloc.Missing, Range: rng, Source: p}
	setNote(&m, why)
	return m
}

// setNote sets a measure's note: its English text and, for other
// languages, the message.
func setNote(m *bloc.Measure, note bloc.Msg) {
	m.Note, m.NoteMsg = note.String(), &note
}

// copyNote gives m the note of from (both its text and its message).
func copyNote(m *bloc.Measure, from bloc.Measure) {
	m.Note, m.NoteMsg = from.Note, from.NoteMsg
}

// Abb returns a state's COW abbreviation.
func (f *Frame) Abb(c bloc.CCode) string { return f.W.Abb(c) }

// AbbArg is the state as an argument of bloc.Sayf (world.World.AbbArg).
func (f *Frame) AbbArg(c bloc.CCode) bloc.Abbr { return f.W.AbbArg(c) }

func (f *Frame) dyad(a, b bloc.CCode) string { return f.Abb(a) + "→" + f.Abb(b) }

func (f *Frame) pair(a, b bloc.CCode) string { return f.Abb(a) + "–" + f.Abb(b) }

// Members returns the system members in the reference year.
func (f *Frame) Members() []bloc.CCode { return f.W.Members(f.Ref) }

func periodPtr(p bloc.Period) *bloc.Period {
	if p.From == p.To {
		return nil
	}
	return &p
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

// SumByState returns the sum of m's values added in increasing order of
// the state's code. A float sum's last bits depend on the order of its
// terms, and ranging over a map visits them in a random order: summing in
// that order would make the same input give different verdicts.
func SumByState(m map[bloc.CCode]float64) float64 {
	var sum float64
	for _, c := range slices.Sorted(maps.Keys(m)) {
		sum += m[c]
	}
	return sum
}
