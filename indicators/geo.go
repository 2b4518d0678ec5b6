package indicators

import (
	"fmt"
	"math"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

// EarthRadiusKm is the mean Earth radius used for great-circle distances.
const EarthRadiusKm = 6371.0

// Haversine returns the great-circle distance in km between two points given
// in degrees (haversine formula, R = 6371 km).
func Haversine(lat1, lng1, lat2, lng2 float64) float64 {
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlng := (lng2 - lng1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlng/2)*math.Sin(dlng/2)
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Contiguity returns the COW direct contiguity type of i and j in the last
// year of the period the data cover: 1 land or river, 2–5 water of ≤12, 24,
// 150, 400 miles; 0 not contiguous (Stinnett et al. 2002).
func (f *Frame) Contiguity(i, j bloc.CCode) bloc.Measure {
	const id, label = "proximity.contiguity", "COW direct contiguity type (0 none, 1 land … 5 ≤400 mi water)"
	p := prov(world.Contiguity, "conttype of the dyad in the year; 0 when no contiguity spell covers it")
	y, ok := f.latest(world.Contiguity)
	if !ok || !f.W.CoversDyad(world.Contiguity, i, j, y) {
		return missing(id, label, f.pair(i, j), "{0,…,5}", p, f.notCovered(world.Contiguity))
	}
	t := 0
	if d := f.W.Dyad(i, j, y); d != nil {
		t = d.Contig
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(float64(t)), "{0,…,5}", y, p)
	if y < f.P.To {
		setNote(&m, bloc.Sayf("COW contiguity ends in %d; the value of %d", f.W.Cover(world.Contiguity).Years.To, y))
	}
	return m
}

// Contiguous reports whether i and j are contiguous (types 1–5) in any year
// of the period the data cover, and the measure of the last such year.
func (f *Frame) ContiguousEver(i, j bloc.CCode) (bool, bool) {
	cp, ok := f.covered(world.Contiguity)
	if !ok || !f.W.CoversDyad(world.Contiguity, i, j, cp.To) {
		return false, false
	}
	for y := cp.From; y <= cp.To; y++ {
		if d := f.W.Dyad(i, j, y); d != nil && d.Contig >= 1 && d.Contig <= 5 {
			return true, true
		}
	}
	return false, true
}

// CapitalDistance returns the great-circle distance in km between the
// capitals of i and j in the reference year (COW capitals, haversine), or
// CEPII's distcap when a capital is unknown.
func (f *Frame) CapitalDistance(i, j bloc.CCode) bloc.Measure {
	const id, label = "proximity.capital_km", "capital-to-capital distance (km)"
	a, ok1 := f.W.Capital(i, f.Ref)
	b, ok2 := f.W.Capital(j, f.Ref)
	if ok1 && ok2 && f.W.Cover(world.Capitals).Years.From != 0 {
		d := Haversine(a.Lat, a.Lng, b.Lat, b.Lng)
		m := measure(id, label, f.pair(i, j), bloc.Some(d), "km", f.Ref,
			prov(world.Capitals, "haversine great-circle distance between capitals, R = 6371 km"))
		setNote(&m, bloc.Sayf("%s–%s", a.Name, b.Name))
		return m
	}
	p := prov(world.CEPII, "CEPII distcap (capital-to-capital, great circle)")
	if s := f.W.Static(i, j); s != nil && s.DistCap > 0 {
		return measure(id, label, f.pair(i, j), bloc.Some(s.DistCap), "km", 0, p)
	}
	return missing(id, label, f.pair(i, j), "km", p, bloc.Sayf("no capital coordinates for one of the states"))
}

func (f *Frame) capKm(i, j bloc.CCode) (float64, bool) {
	m := f.CapitalDistance(i, j)
	return m.Value.V, m.Value.OK
}

// MinDistance returns the CShapes minimum distance in km between i and j in
// the last year of the period the data cover (Schvitz et al. 2022).
func (f *Frame) MinDistance(i, j bloc.CCode) bloc.Measure {
	const id, label = "proximity.min_km", "minimum distance between territories (km)"
	p := prov(world.MinDist, "CShapes 2.0 minimum distance")
	y, ok := f.latest(world.MinDist)
	if !ok || !f.W.CoversDyad(world.MinDist, i, j, y) {
		return missing(id, label, f.pair(i, j), "km", p, f.notCovered(world.MinDist))
	}
	if d := f.W.Dyad(i, j, y); d != nil && d.MinDist.OK {
		return measure(id, label, f.pair(i, j), d.MinDist, "km", y, p)
	}
	return missing(id, label, f.pair(i, j), "km", p, bloc.Sayf("no minimum distance for %s in %d", f.pair(i, j), y))
}

// Proximity returns the proximity index of THEORY.md B:
// prox = w·(6 − conttype)/5 + (1 − w)·(1 − min(1, ln(1+d_cap)/ln(1+D))), with
// contiguity 0 counting 0, w = Params.ProxContig and D = Params.ProxMaxKm.
// Range [0,1]. When contiguity is not covered, only the distance part counts.
func (f *Frame) Proximity(i, j bloc.CCode) bloc.Measure {
	const id, label = "threat.proximity", "geographic proximity index"
	formula := fmt.Sprintf("%.2g·(6−conttype)/5 + %.2g·(1 − min(1, ln(1+d_cap)/ln(1+%g)))", f.Params.ProxContig, 1-f.Params.ProxContig, f.Params.ProxMaxKm)
	p := provs(formula, world.Contiguity, world.Capitals)
	dkm, okd := f.capKm(i, j)
	if !okd {
		return missing(id, label, f.dyad(j, i), "[0,1]", p, bloc.Sayf("no capital distance"))
	}
	dist := 1 - math.Min(1, math.Log1p(dkm)/math.Log1p(f.Params.ProxMaxKm))
	c := f.Contiguity(i, j)
	if !c.Value.OK {
		m := measure(id, label, f.dyad(j, i), bloc.Some(dist), "[0,1]", f.Ref, p)
		setNote(&m, bloc.Sayf("contiguity not covered; distance part only"))
		return m
	}
	pc := 0.0
	if t := c.Value.V; t >= 1 && t <= 5 {
		pc = (6 - t) / 5
	}
	w := f.Params.ProxContig
	return measure(id, label, f.dyad(j, i), bloc.Some(w*pc+(1-w)*dist), "[0,1]", f.Ref, p)
}

// LSGExponent returns Bueno de Mesquita's (1981) loss-of-strength exponent
// log10(miles/mpd + (10 − e)) for the capital distance of i and j.
func (f *Frame) LSGExponent(i, j bloc.CCode) (float64, bool) {
	dkm, ok := f.capKm(i, j)
	if !ok {
		return 0, false
	}
	miles := dkm / 1.609344
	return math.Log10(miles/f.Params.MilesPerDay + 10 - math.E), true
}

// Projected returns j's capabilities projected to i with the loss-of-strength
// gradient: adjcap = CINC_j ^ log10(miles_ij/mpd + 10 − e) (Bueno de
// Mesquita 1981). Range [0,1].
func (f *Frame) Projected(j, i bloc.CCode) bloc.Measure {
	const id, label = "threat.projected_power", "capabilities projected over distance (LSG)"
	p := provs(fmt.Sprintf("CINC_j ^ log10(miles/%g + 10 − e)", f.Params.MilesPerDay), world.NMC, world.Capitals)
	c, ok := f.cinc(j)
	e, ok2 := f.LSGExponent(i, j)
	if !ok || !ok2 {
		return missing(id, label, f.dyad(j, i), "[0,1]", p, bloc.Sayf("no CINC or capital distance"))
	}
	m := measure(id, label, f.dyad(j, i), bloc.Some(math.Pow(c, e)), "[0,1]", f.Ref, p)
	setNote(&m, bloc.Sayf("exponent %.3f", e))
	return m
}
