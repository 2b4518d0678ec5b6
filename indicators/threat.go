package indicators

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/bloc-project/bloc"
)

// Threat forms (THEORY.md E). There is no canonical published balance-of-
// threat index; bloc computes three and ranks by Params.ThreatForm:
//
//	additive        T = Σ w_k X_k / Σ w_k over X ∈ {P, D, O, I} with data
//	multiplicative  T = adjcap_j→i · (ε + O_j)^α · (ε + I_ji)^β, scaled by the largest
//	conditional     T = I_ji · (w_P P + w_D D + w_O O) / (w_P + w_D + w_O)
//
// P is aggregate power (PowerShare), D proximity (Proximity), O offensive
// power (Offense), I aggressive intentions (Intent), adjcap the capabilities
// projected with the loss-of-strength gradient (Projected). The conditional
// form is Walt's argument as the paper's Table 1 reads it: a state perceived
// to have no aggressive intentions is not a threat however strong and near
// it is (Walt 1987: 25–26), so intentions scale the three material sources.
// It is the default; the other two are reported beside it.
const (
	Additive       = "additive"
	Multiplicative = "multiplicative"
	Conditional    = "conditional"
)

// ThreatRow is one candidate threat j to state i.
type ThreatRow struct {
	J                 bloc.CCode
	P, D, O, I        bloc.Measure
	Projected         bloc.Measure
	Add, Mult, Cond   bloc.Num
	RankAdd, RankMult int
	RankCond          int
	// Rank is the rank in the primary form; Score its value.
	Rank     int
	Score    bloc.Num
	TopShare float64
}

// Threats is i's threat table: every other member of the system in the
// reference year, ranked.
type Threats struct {
	Of   bloc.CCode
	Form string
	Rows []*ThreatRow
	byJ  map[bloc.CCode]*ThreatRow
}

// Row returns j's row.
func (t *Threats) Row(j bloc.CCode) (*ThreatRow, bool) {
	r, ok := t.byJ[j]
	return r, ok
}

// Top returns the first-ranked threat.
func (t *Threats) Top() (*ThreatRow, bool) {
	if len(t.Rows) == 0 || !t.Rows[0].Score.OK {
		return nil, false
	}
	return t.Rows[0], true
}

// Threats returns i's threat table, computed once per frame.
func (f *Frame) Threats(i bloc.CCode) *Threats {
	return f.Memo(fmt.Sprintf("threats.%d", i), func() any { return f.computeThreats(i) }).(*Threats)
}

func (f *Frame) computeThreats(i bloc.CCode) *Threats {
	prm := f.Params
	t := &Threats{Of: i, Form: prm.ThreatForm, byJ: map[bloc.CCode]*ThreatRow{}}
	sc := f.intentScale(i)
	var maxMult float64
	for _, j := range f.Members() {
		if j == i {
			continue
		}
		r := &ThreatRow{J: j, P: f.PowerShare(j), D: f.Proximity(i, j), Projected: f.Projected(j, i)}
		r.O, _ = f.Offense(j)
		r.I, _ = f.intent(j, i, sc)
		r.Add = weighted([]bloc.Num{r.P.Value, r.D.Value, r.O.Value, r.I.Value}, prm.ThreatWeights[:])
		if r.I.Value.OK {
			mat := weighted([]bloc.Num{r.P.Value, r.D.Value, r.O.Value}, prm.ThreatWeights[:3])
			if mat.OK {
				r.Cond = bloc.Some(r.I.Value.V * mat.V)
			}
		}
		if r.Projected.Value.OK && r.O.Value.OK && r.I.Value.OK {
			v := r.Projected.Value.V * math.Pow(prm.Epsilon+r.O.Value.V, prm.Alpha) * math.Pow(prm.Epsilon+r.I.Value.V, prm.Beta)
			r.Mult = bloc.Some(v)
			maxMult = math.Max(maxMult, v)
		}
		t.Rows = append(t.Rows, r)
		t.byJ[j] = r
	}
	for _, r := range t.Rows {
		if r.Mult.OK && maxMult > 0 {
			r.Mult = bloc.Some(r.Mult.V / maxMult)
		}
	}
	rank(t.Rows, func(r *ThreatRow) bloc.Num { return r.Add }, func(r *ThreatRow, k int) { r.RankAdd = k })
	rank(t.Rows, func(r *ThreatRow) bloc.Num { return r.Mult }, func(r *ThreatRow, k int) { r.RankMult = k })
	rank(t.Rows, func(r *ThreatRow) bloc.Num { return r.Cond }, func(r *ThreatRow, k int) { r.RankCond = k })
	for _, r := range t.Rows {
		switch prm.ThreatForm {
		case Additive:
			r.Score, r.Rank = r.Add, r.RankAdd
		case Multiplicative:
			r.Score, r.Rank = r.Mult, r.RankMult
		default:
			r.Score, r.Rank = r.Cond, r.RankCond
		}
	}
	sort.SliceStable(t.Rows, func(a, b int) bool {
		ra, rb := t.Rows[a].Rank, t.Rows[b].Rank
		if ra == 0 {
			ra = math.MaxInt
		}
		if rb == 0 {
			rb = math.MaxInt
		}
		if ra != rb {
			return ra < rb
		}
		return t.Rows[a].J < t.Rows[b].J
	})
	f.sensitivity(t)
	return t
}

// weighted returns Σ w_k x_k / Σ w_k over the x_k present.
func weighted(xs []bloc.Num, w []float64) bloc.Num {
	var s, ws float64
	for k, x := range xs {
		if x.OK {
			s += w[k] * x.V
			ws += w[k]
		}
	}
	if ws == 0 {
		return bloc.Missing
	}
	return bloc.Some(s / ws)
}

// rank sets 1-based ranks by descending value; missing values get rank 0.
func rank(rows []*ThreatRow, get func(*ThreatRow) bloc.Num, set func(*ThreatRow, int)) {
	idx := make([]*ThreatRow, 0, len(rows))
	for _, r := range rows {
		if get(r).OK {
			idx = append(idx, r)
		} else {
			set(r, 0)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		va, vb := get(idx[a]).V, get(idx[b]).V
		if va != vb {
			return va > vb
		}
		return idx[a].J < idx[b].J
	})
	for k, r := range idx {
		set(r, k+1)
	}
}

// sensitivity sets each row's TopShare: the share of Params.Samples weight
// vectors drawn from a flat Dirichlet under which the state ranks first in
// the primary form (four weights for the additive form, the three material
// weights for the conditional form; the multiplicative form has no weights
// and uses the additive form's). The draws are seeded (Params.Seed), so the
// result is deterministic.
func (f *Frame) sensitivity(t *Threats) {
	n := f.Params.Samples
	if n <= 0 || len(t.Rows) == 0 {
		return
	}
	rng := rand.New(rand.NewPCG(f.Params.Seed, 0x626c6f63)) // "bloc"
	cond := f.Params.ThreatForm == Conditional
	type vec struct {
		x    [4]float64
		has  [4]bool
		i    float64
		ok   bool
		self *ThreatRow
	}
	vs := make([]vec, 0, len(t.Rows))
	for _, r := range t.Rows {
		v := vec{self: r}
		for k, m := range []bloc.Measure{r.P, r.D, r.O, r.I} {
			v.x[k], v.has[k] = m.Value.V, m.Value.OK
		}
		v.i, v.ok = r.I.Value.V, r.I.Value.OK
		vs = append(vs, v)
	}
	counts := make([]int, len(vs))
	k := 4
	if cond {
		k = 3
	}
	var w [4]float64
	for s := 0; s < n; s++ {
		var sum float64
		for c := 0; c < k; c++ {
			w[c] = rng.ExpFloat64()
			sum += w[c]
		}
		for c := 0; c < k; c++ {
			w[c] /= sum
		}
		best, bv := -1, math.Inf(-1)
		for a, v := range vs {
			var num, den float64
			for c := 0; c < k; c++ {
				if v.has[c] {
					num += w[c] * v.x[c]
					den += w[c]
				}
			}
			if den == 0 || (cond && !v.ok) {
				continue
			}
			score := num / den
			if cond {
				score *= v.i
			}
			if score > bv {
				best, bv = a, score
			}
		}
		if best >= 0 {
			counts[best]++
		}
	}
	for a, v := range vs {
		v.self.TopShare = float64(counts[a]) / float64(n)
	}
}

// Detail returns the component measures behind j's row in i's threat table:
// CINC, contiguity, capital and minimum distance, projected power, the
// three offense proxies and the five intent components.
func (f *Frame) Detail(i, j bloc.CCode) []bloc.Measure {
	_, offc := f.Offense(j)
	out := []bloc.Measure{f.CINC(j), f.Contiguity(i, j), f.CapitalDistance(i, j), f.MinDistance(i, j), f.Projected(j, i)}
	out = append(out, offc...)
	return append(out, f.IntentParts(j, i)...)
}

// IntentParts returns the five components of j's intentions towards i:
// disputes, rivalry, conflict share, UN distance, sanctions.
func (f *Frame) IntentParts(j, i bloc.CCode) []bloc.Measure {
	_, comps := f.intent(j, i, f.intentScale(i))
	return comps
}

// ThreatTable renders the first n rows of the threat table, with each row's
// component detail when detail is true.
func (f *Frame) ThreatTable(t *Threats, n int, detail bool) bloc.ThreatTable {
	out := bloc.ThreatTable{Of: f.W.Info(t.Of), Year: f.Ref, Form: t.Form, Weights: f.Params.ThreatWeights,
		Samples: f.Params.Samples, Seed: f.Params.Seed, Candidates: len(t.Rows)}
	note := bloc.Sayf("ranked by the %s index; capabilities and distances in %d, intentions over %v (disputes from %d)",
		bloc.Term{Key: "form." + t.Form, Text: t.Form}, f.Ref, f.P, f.P.From-f.Params.History)
	out.Note, out.NoteMsg = note.String(), &note
	for k, r := range t.Rows {
		if k >= n {
			break
		}
		row, _ := f.RowFor(t, r.J, detail)
		out.Rows = append(out.Rows, row)
	}
	return out
}

// RowFor renders one state's row (e.g. the partner's, when it is not among
// the first rows).
func (f *Frame) RowFor(t *Threats, j bloc.CCode, detail bool) (bloc.ThreatRow, bool) {
	r, ok := t.Row(j)
	if !ok {
		return bloc.ThreatRow{}, false
	}
	row := bloc.ThreatRow{Rank: r.Rank, State: f.W.Info(r.J), Power: r.P.Value, Proximity: r.D.Value,
		Offense: r.O.Value, Intent: r.I.Value, Additive: r.Add, Multiplicative: r.Mult, Conditional: r.Cond, RankAdditive: r.RankAdd,
		RankMultiplicative: r.RankMult, RankConditional: r.RankCond, TopShare: r.TopShare}
	if detail {
		row.Detail = f.Detail(t.Of, j)
	}
	return row, true
}
