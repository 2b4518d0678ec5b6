// Package worldtest builds small constructed Worlds for tests: a few states
// with capabilities, positions, alliances, trade, disputes and the rest set
// by hand, so that the right answer of an indicator or a theory is known.
package worldtest

import (
	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

// Builder builds a World over a span of years; every setter applies to every
// year of the span unless it takes a year.
type Builder struct {
	W    *world.World
	Span bloc.Period
}

// New returns a builder over from–to. Disputes are covered from ten years
// before from, so a test can place past hostility.
func New(from, to int) *Builder {
	p := bloc.Period{From: from, To: to}
	w := world.New(p)
	w.SetCover(world.Disputes, world.Coverage{Years: bloc.Period{From: from - 10, To: to}})
	return &Builder{W: w, Span: p}
}

func (b *Builder) each(fn func(y int)) {
	for y := b.Span.From; y <= b.Span.To; y++ {
		fn(y)
	}
}

// State adds a member with capabilities of size cap (the six NMC components
// all proportional to it, so CINC is cap's share of the total) and a capital
// at lat, lng.
func (b *Builder) State(c bloc.CCode, abb string, lat, lng, cap float64) *Builder {
	b.W.AddState(world.State{State: bloc.State{CCode: c, Abb: abb, Name: abb, ISO3: abb}, Capitals: []world.Capital{{Name: abb + " city", From: 1800, To: 9999, Lat: lat, Lng: lng}}})
	b.each(func(y int) {
		b.W.EditStateYear(c, y, func(s *world.StateYear) {
			s.Member = true
			v := bloc.Some(cap)
			s.Milex, s.Milper, s.Irst, s.Pec, s.Tpop, s.Upop = bloc.Some(cap*1000), v, v, v, v, v
			s.GDP = bloc.Some(cap * 1e6)
		})
	})
	return b
}

// Major makes c a major power.
func (b *Builder) Major(c bloc.CCode) *Builder {
	b.each(func(y int) { b.W.EditStateYear(c, y, func(s *world.StateYear) { s.Major = true }) })
	return b
}

// Ideal sets c's UNGA ideal point.
func (b *Builder) Ideal(c bloc.CCode, v float64) *Builder {
	b.each(func(y int) { b.W.EditStateYear(c, y, func(s *world.StateYear) { s.Ideal = bloc.Some(v) }) })
	return b
}

// Regime sets c's V-Dem polyarchy and Polity2.
func (b *Builder) Regime(c bloc.CCode, polyarchy, polity2 float64) *Builder {
	b.each(func(y int) {
		b.W.EditStateYear(c, y, func(s *world.StateYear) { s.Polyarchy, s.Polity2 = bloc.Some(polyarchy), bloc.Some(polity2) })
	})
	return b
}

// Religion sets c's religion shares (by the names of world.Religions) in the
// span's last year.
func (b *Builder) Religion(c bloc.CCode, shares map[string]float64) *Builder {
	var r world.ReligionShares
	for k, n := range world.Religions {
		r[k] = shares[n]
	}
	b.W.EditStateYear(c, b.Span.To, func(s *world.StateYear) { s.Religion = &r })
	return b
}

// Contig sets the COW contiguity type of a and c.
func (b *Builder) Contig(a, c bloc.CCode, t int) *Builder {
	b.each(func(y int) { b.W.EditSymmetric(a, c, y, func(d *world.DyadYear) { d.Contig = t }) })
	return b
}

// MinDist sets the minimum distance of a and c in km.
func (b *Builder) MinDist(a, c bloc.CCode, km float64) *Builder {
	b.each(func(y int) { b.W.EditSymmetric(a, c, y, func(d *world.DyadYear) { d.MinDist = bloc.Some(km) }) })
	return b
}

// Pledge sets the ATOP obligations between a and c.
func (b *Builder) Pledge(a, c bloc.CCode, p world.Pledges) *Builder {
	b.each(func(y int) { b.W.EditSymmetric(a, c, y, func(d *world.DyadYear) { d.ATOP = p }) })
	return b
}

// Trade sets a's imports from c and c's imports from a (million USD) and
// adds them to both states' totals.
func (b *Builder) Trade(a, c bloc.CCode, aFromC, cFromA float64) *Builder {
	b.each(func(y int) {
		b.W.EditDyad(a, c, y, func(d *world.DyadYear) { d.Imports = bloc.Some(aFromC) })
		b.W.EditDyad(c, a, y, func(d *world.DyadYear) { d.Imports = bloc.Some(cFromA) })
		b.W.EditStateYear(a, y, func(s *world.StateYear) {
			s.Imports = bloc.Some(s.Imports.Or(0) + aFromC)
			s.Exports = bloc.Some(s.Exports.Or(0) + cFromA)
		})
		b.W.EditStateYear(c, y, func(s *world.StateYear) {
			s.Imports = bloc.Some(s.Imports.Or(0) + cFromA)
			s.Exports = bloc.Some(s.Exports.Or(0) + aFromC)
		})
	})
	return b
}

// OtherTrade adds trade with the rest of the world to c's totals.
func (b *Builder) OtherTrade(c bloc.CCode, imports, exports float64) *Builder {
	b.each(func(y int) {
		b.W.EditStateYear(c, y, func(s *world.StateYear) {
			s.Imports = bloc.Some(s.Imports.Or(0) + imports)
			s.Exports = bloc.Some(s.Exports.Or(0) + exports)
		})
	})
	return b
}

// Events sets a's ICEWS event counts towards c.
func (b *Builder) Events(a, c bloc.CCode, q world.Quad) *Builder {
	b.each(func(y int) { b.W.EditDyad(a, c, y, func(d *world.DyadYear) { d.Events = q }) })
	return b
}

// Arms sets the TIV sup delivered to rec in every year.
func (b *Builder) Arms(sup, rec bloc.CCode, tiv float64) *Builder {
	b.each(func(y int) { b.W.EditDyad(sup, rec, y, func(d *world.DyadYear) { d.Arms = tiv }) })
	return b
}

// IGOs sets the number of IGOs a and c share.
func (b *Builder) IGOs(a, c bloc.CCode, n float64) *Builder {
	b.each(func(y int) { b.W.EditSymmetric(a, c, y, func(d *world.DyadYear) { d.IGOs = bloc.Some(n) }) })
	return b
}

// Dispute adds a MID between a and c in year y, a on side A with hostility
// hostA and revision types rev, c with hostB.
func (b *Builder) Dispute(num int, a, c bloc.CCode, y, hostA, hostB int, rev ...int) *Builder {
	b.W.Disputes = append(b.W.Disputes,
		world.Dispute{Num: num, A: a, B: c, Year: y, SideA: true, HostA: hostA, HostB: hostB, OrigA: true, RevA: rev},
		world.Dispute{Num: num, A: c, B: a, Year: y, SideA: false, HostA: hostB, HostB: hostA})
	return b
}

// Rivalry adds a strategic rivalry between a and c over the span.
func (b *Builder) Rivalry(a, c bloc.CCode, types ...string) *Builder {
	b.W.Rivalries = append(b.W.Rivalries, world.Rivalry{ID: len(b.W.Rivalries) + 1, Name: "rivalry", A: a, B: c, From: b.Span.From - 20, To: b.Span.To, Types: types})
	return b
}

// Sanction adds a GSDB sanctions episode by sender on target over the span.
func (b *Builder) Sanction(sender, target bloc.CCode) *Builder {
	b.W.Sanctions = append(b.W.Sanctions, world.Sanction{Source: world.GSDB, ID: "t", Senders: []bloc.CCode{sender}, Targets: []bloc.CCode{target},
		From: b.Span.From, To: b.Span.To, Imposed: true})
	return b
}

// Static sets the CEPII record of a and c.
func (b *Builder) Static(a, c bloc.CCode, s world.Static) *Builder {
	b.W.SetStatic(a, c, s)
	return b
}

// Fillers adds n small states (codes from, from+1, …) far from everyone, so
// that percentiles and maxima behave as in a real system.
func (b *Builder) Fillers(from bloc.CCode, n int) *Builder {
	for k := 0; k < n; k++ {
		c := from + bloc.CCode(k)
		b.State(c, "F"+string(rune('A'+k%26))+string(rune('A'+k/26)), -40+float64(k), -150+float64(k), 0.001)
		b.Ideal(c, 0)
	}
	return b
}

// Done recomputes CINC in every year and returns the World.
func (b *Builder) Done() *world.World {
	b.each(func(y int) { b.W.RecomputeCINC(y) })
	return b.W
}
