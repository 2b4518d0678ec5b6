package evidence

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/bloc-project/bloc"
)

// Clamp bounds every likelihood P(E|H) to [ClampLo, ClampHi] (THEORY.md L2),
// so that no likelihood ratio is 0 or infinite and no single item can
// settle the question beyond any later evidence.
const (
	ClampLo = 0.01
	ClampHi = 0.99
)

// Clamp bounds p to [ClampLo, ClampHi].
func Clamp(p float64) float64 { return math.Max(ClampLo, math.Min(ClampHi, p)) }

// Hyp is a rival hypothesis.
type Hyp struct{ ID, Name string }

// Obs is one item of evidence ready to weigh: its display fields and
// P(what was observed | H_k) for every hypothesis, in the order of the
// hypotheses weighed.
type Obs struct {
	Item bloc.EvidenceItem
	P    []float64
}

// Options tune the weighing.
type Options struct {
	// Draws is the number of random priors and of perturbed likelihood sets
	// in the sensitivity analysis (default 1000; negative: none).
	Draws int
	// Seed seeds the draws (default 1), so results are reproducible.
	Seed uint64
	// Factor is the likelihood perturbation: every P(E|H) is multiplied by
	// a factor in [1−Factor, 1+Factor] (default 0.5).
	Factor float64
	// Decisive is how many decisive items are listed (default 5).
	Decisive int
}

func (o *Options) defaults() {
	if o.Draws == 0 {
		o.Draws = 1000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Factor == 0 {
		o.Factor = 0.5
	}
	if o.Decisive == 0 {
		o.Decisive = 5
	}
}

// Posterior returns P(H_k | E) for every hypothesis by Bayes' rule,
//
//	P(H_k|E) = P(H_k) Π_i P(E_i|H_k)^w_i / Σ_m P(H_m) Π_i P(E_i|H_m)^w_i,
//
// computed in logs. It assumes the hypotheses mutually exclusive and
// exhaustive and the items conditionally independent given each hypothesis,
// except that the w_i of a group of correlated items sum to one.
func Posterior(prior []float64, logL []float64) []float64 {
	out := make([]float64, len(prior))
	best := math.Inf(-1)
	for k := range prior {
		out[k] = math.Log(prior[k]) + logL[k]
		best = math.Max(best, out[k])
	}
	var sum float64
	for k := range out {
		out[k] = math.Exp(out[k] - best)
		sum += out[k]
	}
	for k := range out {
		out[k] /= sum
	}
	return out
}

// DB converts a likelihood ratio to decibans: 10·log10(lr).
func DB(lr float64) float64 { return 10 * math.Log10(lr) }

// weights returns each item's weight: 1, or 1/n for the n members of a
// group (groups are per origin); item skip (−1: none) is left out, with
// weight 0.
func weights(obs []Obs, skip int) []float64 {
	n := map[string]int{}
	for i, o := range obs {
		if i != skip && o.Item.Group != "" {
			n[o.Item.Origin+"/"+o.Item.Group]++
		}
	}
	w := make([]float64, len(obs))
	for i, o := range obs {
		switch {
		case i == skip:
			w[i] = 0
		case o.Item.Group != "":
			w[i] = 1 / float64(n[o.Item.Origin+"/"+o.Item.Group])
		default:
			w[i] = 1
		}
	}
	return w
}

// logs returns log P_ik for every item and hypothesis.
func logs(obs []Obs) [][]float64 {
	out := make([][]float64, len(obs))
	for i, o := range obs {
		out[i] = make([]float64, len(o.P))
		for k, p := range o.P {
			out[i][k] = math.Log(p)
		}
	}
	return out
}

// logLik returns Σ_i w_i log P_ik for every hypothesis.
func logLik(nh int, lp [][]float64, w []float64) []float64 {
	out := make([]float64, nh)
	for i := range lp {
		if w[i] == 0 {
			continue
		}
		for k := 0; k < nh; k++ {
			out[k] += w[i] * lp[i][k]
		}
	}
	return out
}

func argmax(xs []float64) int {
	b := 0
	for k := range xs {
		if xs[k] > xs[b] {
			b = k
		}
	}
	return b
}

// top2 returns the indices of the largest and second largest values.
func top2(xs []float64) (int, int) {
	idx := make([]int, len(xs))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] > xs[idx[b]] })
	if len(idx) < 2 {
		return idx[0], idx[0]
	}
	return idx[0], idx[1]
}

// Weigh weighs the items for the hypotheses under the prior (nil: uniform)
// and returns the hypotheses with priors and posteriors, the items with
// their weights of evidence, the decisive items and the sensitivity. The
// residual hypothesis, when present, is the reference of every item's WoE
// (its id is bloc.Residual); otherwise the first hypothesis is.
func Weigh(hyps []Hyp, prior []float64, obs []Obs, opt Options) bloc.Evidence {
	opt.defaults()
	nh := len(hyps)
	if prior == nil {
		prior = Uniform(nh)
	}
	ref := 0
	for k, h := range hyps {
		if h.ID == bloc.Residual {
			ref = k
		}
	}
	w := weights(obs, -1)
	lp := logs(obs)
	L := logLik(nh, lp, w)
	post := Posterior(prior, L)
	t, r := top2(post)
	ev := bloc.Evidence{Top: hyps[t].ID, RunnerUp: hyps[r].ID}
	ev.Margin = 10 * (math.Log10(post[t]) - math.Log10(post[r]))
	for k, h := range hyps {
		hy := bloc.Hypothesis{ID: h.ID, Name: h.Name, Prior: prior[k], Posterior: post[k]}
		for i, o := range obs {
			d := w[i] * DB(o.P[k]/o.P[ref])
			hy.WoE += d
			if o.Item.Origin == bloc.FromLedger {
				hy.WoELedger += d
			} else {
				hy.WoETests += d
			}
		}
		ev.Hypotheses = append(ev.Hypotheses, hy)
	}
	order := make([]int, nh)
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool { return post[order[a]] > post[order[b]] })
	sorted := make([]bloc.Hypothesis, nh)
	for rank, k := range order {
		sorted[rank] = ev.Hypotheses[k]
		sorted[rank].Rank = rank + 1
	}
	ev.Hypotheses = sorted

	pivotal := map[int]bool{}
	for i := range obs {
		post := Posterior(prior, logLik(nh, lp, weights(obs, i)))
		for k := range post {
			if k != t && post[k] >= post[t] {
				pivotal[i] = true
			}
		}
	}
	for i, o := range obs {
		it := o.Item
		it.Weight = w[i]
		it.Likelihoods = map[string]float64{}
		it.WoE = map[string]float64{}
		for k, h := range hyps {
			it.Likelihoods[h.ID] = o.P[k]
			if k != ref {
				it.WoE[h.ID] = round(w[i]*DB(o.P[k]/o.P[ref]), 4)
			}
		}
		it.WoETop = round(w[i]*DB(o.P[t]/o.P[r]), 4)
		if it.Basis == nil {
			it.Basis = map[string]string{}
		}
		ev.Items = append(ev.Items, it)
	}
	dec := make([]int, len(obs))
	for i := range dec {
		dec[i] = i
	}
	sort.SliceStable(dec, func(a, b int) bool { return math.Abs(ev.Items[dec[a]].WoETop) > math.Abs(ev.Items[dec[b]].WoETop) })
	for _, i := range dec {
		if len(ev.Decisive) == opt.Decisive || ev.Items[i].WoETop == 0 {
			break
		}
		ev.Decisive = append(ev.Decisive, bloc.Decisive{ID: ev.Items[i].ID, Origin: ev.Items[i].Origin, WoE: ev.Items[i].WoETop,
			Pivotal: pivotal[i], Text: ev.Items[i].Text})
	}
	ev.Sensitivity = sensitivity(hyps, prior, obs, w, L, t, opt)
	for i := range obs {
		if pivotal[i] {
			ev.Sensitivity.Pivotal = append(ev.Sensitivity.Pivotal, obs[i].Item.ID)
		}
	}
	if ev.Sensitivity.Pivotal == nil {
		ev.Sensitivity.Pivotal = []string{}
	}
	if ev.Decisive == nil {
		ev.Decisive = []bloc.Decisive{}
	}
	if ev.Items == nil {
		ev.Items = []bloc.EvidenceItem{}
	}
	return ev
}

func round(x float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}

// Uniform returns the uniform prior over n hypotheses.
func Uniform(n int) []float64 {
	out := make([]float64, n)
	for k := range out {
		out[k] = 1 / float64(n)
	}
	return out
}

// sensitivity computes the prior and likelihood sensitivity of the top
// hypothesis t (THEORY.md L3: "report sensitivity to the prior and to ±50%
// LR perturbation").
func sensitivity(hyps []Hyp, prior []float64, obs []Obs, w []float64, L []float64, t int, opt Options) bloc.Sensitivity {
	nh := len(hyps)
	s := bloc.Sensitivity{Factor: opt.Factor, Draws: max(opt.Draws, 0), Seed: opt.Seed,
		PriorRange: map[string]bloc.Range{}, PerturbRange: map[string]bloc.Range{}, Adversarial: []string{}}
	s.PriorSet = fmt.Sprintf("uniform, the prior given, each hypothesis favoured (prior 0.5, the rest spread evenly), and %d flat-Dirichlet draws", s.Draws)
	// Breakeven: the smallest prior on t, the rest spread evenly, that keeps t first.
	best := math.Inf(-1)
	for k := range L {
		if k != t {
			best = math.Max(best, L[k])
		}
	}
	if nh > 1 {
		x := math.Exp(best-L[t]) / float64(nh-1)
		s.Breakeven = round(x/(1+x), 6)
	}
	// The prior set.
	priors := [][]float64{Uniform(nh), prior}
	for k := 0; k < nh && nh > 1; k++ {
		p := make([]float64, nh)
		for m := range p {
			p[m] = 0.5 / float64(nh-1)
		}
		p[k] = 0.5
		priors = append(priors, p)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x65766964)) // "evid"
	for d := 0; d < opt.Draws; d++ {
		p := make([]float64, nh)
		var sum float64
		for k := range p {
			p[k] = rng.ExpFloat64()
			sum += p[k]
		}
		for k := range p {
			p[k] /= sum
		}
		priors = append(priors, p)
	}
	lo, hi := make([]float64, nh), make([]float64, nh)
	for k := range lo {
		lo[k], hi[k] = 1, 0
	}
	stay := 0
	for _, p := range priors {
		post := Posterior(p, L)
		if argmax(post) == t {
			stay++
		}
		for k := range post {
			lo[k], hi[k] = math.Min(lo[k], post[k]), math.Max(hi[k], post[k])
		}
	}
	s.PriorStable = round(float64(stay)/float64(len(priors)), 4)
	for k, h := range hyps {
		s.PriorRange[h.ID] = bloc.Range{Min: round(lo[k], 6), Max: round(hi[k], 6)}
	}
	// Random perturbation of every likelihood: log(clamp(p·f)) with f drawn
	// uniformly from [1−Factor, 1+Factor], through a table of log f at the
	// midpoints of 4096 equal bins (a discretised uniform, so the draws cost
	// no logarithm).
	if opt.Draws > 0 {
		const bins = 4096
		var logf [bins]float64
		for k := range logf {
			logf[k] = math.Log(1 - opt.Factor + 2*opt.Factor*(float64(k)+0.5)/bins)
		}
		lo, hi := math.Log(ClampLo), math.Log(ClampHi)
		lp := logs(obs)
		posts := make([][]float64, nh)
		stay = 0
		logL := make([]float64, nh)
		for d := 0; d < opt.Draws; d++ {
			for k := range logL {
				logL[k] = 0
			}
			for i := range lp {
				for k := 0; k < nh; k++ {
					x := lp[i][k] + logf[rng.IntN(bins)]
					logL[k] += w[i] * math.Max(lo, math.Min(hi, x))
				}
			}
			post := Posterior(prior, logL)
			if argmax(post) == t {
				stay++
			}
			for k := range post {
				posts[k] = append(posts[k], post[k])
			}
		}
		s.PerturbStable = round(float64(stay)/float64(opt.Draws), 4)
		for k, h := range hyps {
			sort.Float64s(posts[k])
			s.PerturbRange[h.ID] = bloc.Range{Min: round(quantile(posts[k], 0.05), 6), Max: round(quantile(posts[k], 0.95), 6)}
		}
	}
	// Adversarial: every item's weight misjudged by Factor against t.
	s.Robust = true
	for k := range hyps {
		if k == t {
			continue
		}
		total := DB(prior[t] / prior[k])
		for i, o := range obs {
			d := w[i] * DB(o.P[t]/o.P[k])
			if d > 0 {
				total += (1 - opt.Factor) * d
			} else {
				total += (1 + opt.Factor) * d
			}
		}
		if total <= 0 {
			s.Adversarial = append(s.Adversarial, hyps[k].ID)
			s.Robust = false
		}
	}
	return s
}

// quantile returns the q-quantile of sorted xs (linear interpolation).
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	pos := q * float64(len(xs)-1)
	i := int(pos)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	f := pos - float64(i)
	return xs[i]*(1-f) + xs[i+1]*f
}

// ParsePrior reads a prior given as "ID=P,ID=P,...": ids are hypothesis ids
// or their short names (BoT, BoP, BW, BfP, EI, ID, H0). Hypotheses not named
// share the rest of the mass evenly. Every prior must be in (0,1) — a zero
// prior could never be revised — and the named ones must sum to at most 1
// (to 1 when all are named).
func ParsePrior(s string, hyps []Hyp) ([]float64, error) {
	bad := func(format string, args ...any) error {
		return &bloc.Error{Code: bloc.EINVALID, Message: "--prior: " + fmt.Sprintf(format, args...),
			Hints: []string{"e.g. --prior balance_of_threat=0.3,bandwagoning_profit=0.3 (the rest share 0.4); short names: " + shortNames(hyps)}}
	}
	out := make([]float64, len(hyps))
	set := make([]bool, len(hyps))
	var sum float64
	n := 0
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k := strings.IndexByte(part, '=')
		if k < 0 {
			return nil, bad("%q is not ID=PROBABILITY", part)
		}
		name, val := strings.TrimSpace(part[:k]), strings.TrimSpace(part[k+1:])
		idx := hypIndex(name, hyps)
		if idx < 0 {
			return nil, bad("%q is not a hypothesis (known: %s)", name, ids(hyps))
		}
		if set[idx] {
			return nil, bad("%s is given twice", hyps[idx].ID)
		}
		v, err := prob(val)
		if err != nil {
			return nil, bad("%s: %v", name, err)
		}
		out[idx], set[idx] = v, true
		sum += v
		n++
	}
	if n == 0 {
		return nil, bad("%q names no hypothesis", s)
	}
	rest := len(hyps) - n
	switch {
	case rest == 0 && math.Abs(sum-1) > 1e-6:
		return nil, bad("the priors sum to %g, not 1", sum)
	case rest > 0 && sum >= 1-1e-9:
		return nil, bad("the priors given sum to %g, leaving nothing for the %d hypotheses not named", sum, rest)
	}
	for k := range out {
		if !set[k] {
			out[k] = (1 - sum) / float64(rest)
		}
	}
	return out, nil
}

// Short returns the short name of a theory id (BoT, BfP, ...; H0 for the
// residual), or the id itself.
func Short(id string) string {
	switch id {
	case "balance_of_threat":
		return "BoT"
	case "balance_of_power":
		return "BoP"
	case "bandwagoning_walt":
		return "BW"
	case "bandwagoning_profit":
		return "BfP"
	case "interdependence":
		return "EI"
	case "identity":
		return "ID"
	case bloc.Residual:
		return "H0"
	}
	return id
}

func hypIndex(name string, hyps []Hyp) int {
	for k, h := range hyps {
		if strings.EqualFold(name, h.ID) || strings.EqualFold(name, Short(h.ID)) {
			return k
		}
	}
	return -1
}

func ids(hyps []Hyp) string {
	s := make([]string, len(hyps))
	for k, h := range hyps {
		s[k] = h.ID
	}
	return strings.Join(s, ", ")
}

func shortNames(hyps []Hyp) string {
	s := make([]string, len(hyps))
	for k, h := range hyps {
		s[k] = Short(h.ID) + "=" + h.ID
	}
	return strings.Join(s, ", ")
}
