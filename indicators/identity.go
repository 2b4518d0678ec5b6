package indicators

import (
	"math"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/similarity"
	"github.com/bloc-project/bloc/world"
)

// Identity is the identity similarity of i and j by component (THEORY.md I).
// Index is the mean of the components with data among religion, language,
// regime, history and IGOs, in [0,1]. Alliance-portfolio similarity is
// reported but kept out of the index: alliances are the outcome bloc explains.
type Identity struct {
	Religion, Language, Regime, RegimePolity, History, IGOs, Alliances, Index bloc.Measure
}

// Measures lists the identity measures.
func (d *Identity) Measures() []bloc.Measure {
	return []bloc.Measure{d.Religion, d.Language, d.Regime, d.RegimePolity, d.History, d.IGOs, d.Alliances, d.Index}
}

// Dominant returns the largest religion family of c in the latest wave at or
// before the period's end, its share, and the wave year.
func (f *Frame) Dominant(c bloc.CCode) (string, float64, int, bool) {
	y, r := f.religion(c)
	if r == nil {
		return "", 0, 0, false
	}
	names, shares := r.Families()
	best := 0
	for k, v := range shares {
		if v > shares[best] {
			best = k
		}
	}
	return names[best], shares[best], y, true
}

// dominantText describes the largest family and, when broken down, its
// largest denomination: "muslim 99% (shia 90%)", each religion a term.
func (f *Frame) dominantText(r *world.ReligionShares) bloc.Msg {
	names, shares := r.Families()
	best := 0
	for k, v := range shares {
		if v > shares[best] {
			best = k
		}
	}
	den, dv := -1, 0.0
	for k, fam := range world.Family {
		if fam == names[best] && world.Religions[k] != fam && r[k] > dv && !strings.HasSuffix(world.Religions[k], "_other") {
			den, dv = k, r[k]
		}
	}
	if den >= 0 && dv > shares[best]/2 {
		return bloc.Sayf("%s %.0f%% (%s %.0f%%)", religionTerm(names[best]), 100*shares[best], religionTerm(world.Religions[den]), 100*dv)
	}
	return bloc.Sayf("%s %.0f%%", religionTerm(names[best]), 100*shares[best])
}

// religionTerm is a WRP religion family or denomination as a term.
func religionTerm(name string) bloc.Term { return bloc.Term{Key: "religion." + name, Text: name} }

// detailed reports whether a state's Christians and Muslims are mostly
// broken down into denominations.
func detailed(r *world.ReligionShares) bool {
	chr := r[0] + r[1] + r[2] + r[3] + r[4]
	mus := r[6] + r[7] + r[8]
	return (chr == 0 || r[4] <= chr/2) && (mus == 0 || r[8] <= mus/2)
}

func cosine(a, b []float64) bloc.Num {
	var dot, na, nb float64
	for k := range a {
		dot += a[k] * b[k]
		na += a[k] * a[k]
		nb += b[k] * b[k]
	}
	if na == 0 || nb == 0 {
		return bloc.Missing
	}
	return bloc.Some(dot / math.Sqrt(na*nb))
}

func (f *Frame) religion(c bloc.CCode) (int, *world.ReligionShares) {
	cv := f.W.Cover(world.Religion)
	for y := min(f.P.To, cv.Years.To); y >= cv.Years.From && cv.Years.From != 0; y-- {
		if s := f.W.StateYear(c, y); s != nil && s.Religion != nil {
			return y, s.Religion
		}
	}
	return 0, nil
}

// Identity returns the identity similarity of i and j.
func (f *Frame) Identity(i, j bloc.CCode) *Identity {
	d := f.identity(i, j)
	d.Alliances = f.PortfolioS(i, j)
	return d
}

// IdentityIndex returns the identity index of i and j alone (no alliance
// portfolios), for ranking many states.
func (f *Frame) IdentityIndex(i, j bloc.CCode) bloc.Measure { return f.identity(i, j).Index }

func (f *Frame) identity(i, j bloc.CCode) *Identity {
	d := &Identity{}
	sub := f.pair(i, j)
	// Religion: cosine of the WRP share vectors (Maoz & Henderson 2013).
	{
		const id, label = "identity.religion", "religious similarity (cosine of WRP shares)"
		p := prov(world.Religion, "mean of the cosines of the religion-family and denomination share vectors (denominations only when both states' Christians and Muslims are broken down)")
		yi, ri := f.religion(i)
		yj, rj := f.religion(j)
		if ri == nil || rj == nil {
			d.Religion = missing(id, label, sub, "[0,1]", p, bloc.Sayf("no WRP wave for one of the states (WRP: every 5 years, 1945–2010)"))
		} else {
			_, fi := ri.Families()
			_, fj := rj.Families()
			fam := cosine(fi, fj)
			v := fam
			// The note gives both cosines, the family cosine alone when the
			// shares are not broken down, or neither.
			shownFam, shownDen := bloc.Missing, bloc.Missing
			if detailed(ri) && detailed(rj) {
				den := cosine(ri[:], rj[:])
				if fam.OK && den.OK {
					v = bloc.Some((fam.V + den.V) / 2)
					shownFam, shownDen = fam, den
				}
			} else {
				shownFam = fam
			}
			d.Religion = measure(id, label, sub, v, "[0,1]", min(yi, yj), p)
			setNote(&d.Religion, religionNote(shownFam, shownDen, f.Abb(i), f.dominantText(ri), f.Abb(j), f.dominantText(rj), min(yi, yj), f.P.To-min(yi, yj) > 5))
		}
	}
	// Language and history: CEPII GeoDist (Mayer & Zignago 2011).
	{
		p := prov(world.CEPII, "1 if a common official or ethnic language (comlang_off, comlang_ethno)")
		ph := prov(world.CEPII, "1 if a colonial link, a common coloniser or once the same country (colony, comcol, smctry)")
		s := f.W.Static(i, j)
		switch {
		case f.W.Cover(world.CEPII).Years.From == 0 || (f.W.Cover(world.CEPII).Focus != nil && !f.W.CoversDyad(world.CEPII, i, j, f.W.Cover(world.CEPII).Years.To)):
			d.Language = missing("identity.language", "common language", sub, "{0,1}", p, bloc.Sayf("CEPII GeoDist not loaded for the dyad"))
			d.History = missing("identity.history", "shared colonial or state history", sub, "{0,1}", ph, bloc.Sayf("CEPII GeoDist not loaded for the dyad"))
		case s == nil:
			d.Language = missing("identity.language", "common language", sub, "{0,1}", p, bloc.Sayf("CEPII has no row for the dyad (a state without an ISO code)"))
			d.History = missing("identity.history", "shared colonial or state history", sub, "{0,1}", ph, bloc.Sayf("CEPII has no row for the dyad"))
		default:
			d.Language = measure("identity.language", "common language", sub, b2n(s.ComLangOff || s.ComLangEthno), "{0,1}", 0, p)
			d.History = measure("identity.history", "shared colonial or state history", sub, b2n(s.Colony || s.ComCol || s.SameCountry), "{0,1}", 0, ph)
		}
	}
	// Regime: V-Dem polyarchy and Polity2 (isard).
	d.Regime = f.regimeSimilarity(i, j, "identity.regime", "regime similarity 1 − |polyarchy_i − polyarchy_j|", "1 − |v2x_polyarchy_i − v2x_polyarchy_j|, mean over the period",
		func(s *world.StateYear) bloc.Num { return s.Polyarchy }, 1)
	d.RegimePolity = f.regimeSimilarity(i, j, "identity.regime_polity", "regime similarity 1 − |polity2_i − polity2_j|/20", "1 − |polity2_i − polity2_j|/20, mean over the period",
		func(s *world.StateYear) bloc.Num { return s.Polity2 }, 20)
	d.IGOs = f.igoPercentile(i, j)
	var sum float64
	var n int
	for _, m := range []bloc.Measure{d.Religion, d.Language, d.Regime, d.History, d.IGOs} {
		if m.Value.OK {
			sum += m.Value.V
			n++
		}
	}
	p := provs("mean of religion, language, regime (V-Dem), history, IGO percentile", world.Religion, world.CEPII, world.Democracy, world.IGO)
	if n == 0 {
		d.Index = missing("identity.index", "identity similarity index", sub, "[0,1]", p, bloc.Sayf("no component has data"))
	} else {
		d.Index = measure("identity.index", "identity similarity index", sub, bloc.Some(sum/float64(n)), "[0,1]", f.Ref, p)
		if n < 5 {
			setNote(&d.Index, bloc.Sayf("%d of 5 components", n))
		}
	}
	return d
}

// religionNote describes the religious similarity of a and b: the family
// cosine fam and the denomination cosine den when present (den only with
// fam), each state's largest religion and, when old is true, the WRP wave
// the shares come from.
func religionNote(fam, den bloc.Num, a string, domA bloc.Msg, b string, domB bloc.Msg, wave int, old bool) bloc.Msg {
	switch {
	case den.OK && old:
		return bloc.Sayf("families %.2f, denominations %.2f; %s mostly %s, %s mostly %s; WRP wave of %d", fam.V, den.V, a, domA, b, domB, wave)
	case den.OK:
		return bloc.Sayf("families %.2f, denominations %.2f; %s mostly %s, %s mostly %s", fam.V, den.V, a, domA, b, domB)
	case fam.OK && old:
		return bloc.Sayf("families %.2f (denominations not broken down); %s mostly %s, %s mostly %s; WRP wave of %d", fam.V, a, domA, b, domB, wave)
	case fam.OK:
		return bloc.Sayf("families %.2f (denominations not broken down); %s mostly %s, %s mostly %s", fam.V, a, domA, b, domB)
	case old:
		return bloc.Sayf("%s mostly %s, %s mostly %s; WRP wave of %d", a, domA, b, domB, wave)
	}
	return bloc.Sayf("%s mostly %s, %s mostly %s", a, domA, b, domB)
}

func b2n(b bool) bloc.Num {
	if b {
		return bloc.Some(1)
	}
	return bloc.Some(0)
}

func (f *Frame) regimeSimilarity(i, j bloc.CCode, id, label, formula string, get func(*world.StateYear) bloc.Num, scale float64) bloc.Measure {
	p := prov(world.Democracy, formula)
	cp, ok := f.covered(world.Democracy)
	if !ok {
		return missing(id, label, f.pair(i, j), "[0,1]", p, f.notCovered(world.Democracy))
	}
	var sum float64
	var n, first, last int
	for y := cp.From; y <= cp.To; y++ {
		a, b := f.W.StateYear(i, y), f.W.StateYear(j, y)
		if a == nil || b == nil {
			continue
		}
		x, z := get(a), get(b)
		if x.OK && z.OK {
			sum += 1 - math.Abs(x.V-z.V)/scale
			n++
			if first == 0 {
				first = y
			}
			last = y
		}
	}
	if n == 0 {
		return missing(id, label, f.pair(i, j), "[0,1]", p, bloc.Sayf("no common year with data for both"))
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(sum/float64(n)), "[0,1]", last, p)
	m.Years = periodPtr(bloc.Period{From: first, To: last})
	return m
}

// igoPercentile returns the share of i's dyads with fewer shared IGO
// memberships than i–j, in the last year of the period the data cover.
func (f *Frame) igoPercentile(i, j bloc.CCode) bloc.Measure {
	const id, label = "identity.igos", "shared IGO memberships (percentile among the state's dyads)"
	p := prov(world.IGO, "share of i's partners k with dyadigos_ik < dyadigos_ij")
	y, ok := f.latest(world.IGO)
	if !ok || !f.W.CoversDyad(world.IGO, i, j, y) {
		return missing(id, label, f.pair(i, j), "[0,1]", p, f.notCovered(world.IGO))
	}
	d := f.W.Dyad(i, j, y)
	if d == nil || !d.IGOs.OK {
		return missing(id, label, f.pair(i, j), "[0,1]", p, bloc.Sayf("no IGO count for %s in %d", f.pair(i, j), y))
	}
	var below, n int
	f.W.EachDyadOf(i, y, func(k bloc.CCode, x *world.DyadYear) {
		if k == i || !x.IGOs.OK {
			return
		}
		n++
		if x.IGOs.V < d.IGOs.V {
			below++
		}
	})
	if n == 0 {
		return missing(id, label, f.pair(i, j), "[0,1]", p, bloc.Sayf("no IGO counts for the state's dyads"))
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(float64(below)/float64(n)), "[0,1]", y, p)
	setNote(&m, bloc.Sayf("%.0f shared IGOs", d.IGOs.V))
	return m
}

// PortfolioS returns Signorino and Ritter's S of the ATOP alliance
// portfolios of a and b (valued ATOP ties 0–3, self-tie 3; similarity.S) in
// the last year of the period ATOP covers for every state. Range [−1,1].
func (f *Frame) PortfolioS(a, b bloc.CCode) bloc.Measure {
	const id, label = "alliances.portfolio_s", "alliance portfolio similarity S (ATOP)"
	p := prov(world.ATOP, "S = 1 − 2 Σ_k |x_ak − x_bk| / (N · 3), ATOP valued ties, self-tie 3 (Signorino & Ritter 1999)")
	y, ok := f.latest(world.ATOP)
	if !ok {
		return missing(id, label, f.pair(a, b), "[−1,1]", p, f.notCovered(world.ATOP))
	}
	members := f.W.Members(y)
	x := make([]float64, 0, len(members))
	z := make([]float64, 0, len(members))
	for _, k := range members {
		if !f.W.CoversDyad(world.ATOP, a, k, y) || !f.W.CoversDyad(world.ATOP, b, k, y) {
			return missing(id, label, f.pair(a, b), "[−1,1]", p, bloc.Sayf("ATOP not loaded for every state"))
		}
		x = append(x, f.tie(a, k, y))
		z = append(z, f.tie(b, k, y))
	}
	s, ok := similarity.S(x, z, nil, 3)
	if !ok {
		return missing(id, label, f.pair(a, b), "[−1,1]", p, bloc.Sayf("S undefined"))
	}
	return measure(id, label, f.pair(a, b), bloc.Some(s), "[−1,1]", y, p)
}

// tie returns the valued ATOP tie of a with k in year y (3 with itself).
func (f *Frame) tie(a, k bloc.CCode, y int) float64 {
	if a == k {
		return 3
	}
	d := f.W.Dyad(a, k, y)
	if d == nil {
		return 0
	}
	p := d.ATOP
	return similarity.ATOPValue(p.Defense, p.Offense, p.Neutral, p.NonAgg, p.Consul)
}
