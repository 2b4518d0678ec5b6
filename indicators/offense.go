package indicators

import (
	"math"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

// Offensive power has no standard single index (THEORY.md C). bloc's proxy
// is the mean of three shares, each scaled by the year's largest:
//
//	O_j = mean( milex_j/max milex, milper_j/max milper, armsexp_j/max armsexp )
//
// military expenditure and personnel (COW NMC) measure the forces j can
// send; arms exports (SIPRI TIV over the last ArmsWindow years) measure its
// ability to arm others. Power projection over distance is not in O_j: it
// enters the multiplicative threat index through the loss-of-strength
// gradient (Projected), and the additive index through proximity.

// MilexShare returns c's share of the members' military expenditure in the
// reference year. Range [0,1].
func (f *Frame) MilexShare(c bloc.CCode) bloc.Measure {
	const id, label = "offense.milex_share", "share of world military expenditure"
	p := prov(world.NMC, "milex_j / Σ_k milex_k")
	s := f.W.StateYear(c, f.Ref)
	t := f.totalsIn(f.Ref)
	if s == nil || !s.Milex.OK || t.milex == 0 {
		return missing(id, label, f.Abb(c), "[0,1]", p, bloc.Sayf("no military expenditure for %s in %d", f.AbbArg(c), f.Ref))
	}
	return measure(id, label, f.Abb(c), bloc.Some(s.Milex.V/t.milex), "[0,1]", f.Ref, p)
}

// MilperShare returns c's share of the members' military personnel in the
// reference year. Range [0,1].
func (f *Frame) MilperShare(c bloc.CCode) bloc.Measure {
	const id, label = "offense.milper_share", "share of world military personnel"
	p := prov(world.NMC, "milper_j / Σ_k milper_k")
	s := f.W.StateYear(c, f.Ref)
	t := f.totalsIn(f.Ref)
	if s == nil || !s.Milper.OK || t.milper == 0 {
		return missing(id, label, f.Abb(c), "[0,1]", p, bloc.Sayf("no military personnel for %s in %d", f.AbbArg(c), f.Ref))
	}
	return measure(id, label, f.Abb(c), bloc.Some(s.Milper.V/t.milper), "[0,1]", f.Ref, p)
}

// armsWindow returns the years of arms transfers summed: the last
// ArmsWindow years of the period the SIPRI data cover.
func (f *Frame) armsWindow() (bloc.Period, bool) {
	cp, ok := f.covered(world.Arms)
	if !ok {
		return cp, false
	}
	if n := f.Params.ArmsWindow; n > 0 && cp.To-cp.From+1 > n {
		cp.From = cp.To - n + 1
	}
	return cp, true
}

// armsExports returns every supplier's TIV summed over the window.
func (f *Frame) armsExports() (map[bloc.CCode]float64, bloc.Period, bool) {
	win, ok := f.armsWindow()
	if !ok {
		return nil, win, false
	}
	out := map[bloc.CCode]float64{}
	for _, c := range f.W.States() {
		for y := win.From; y <= win.To; y++ {
			f.W.DyadsOf(c, y, func(_ bloc.CCode, d *world.DyadYear) { out[c] += d.Arms })
		}
	}
	return out, win, true
}

// ArmsExportShare returns c's share of world major-arms exports (SIPRI TIV)
// over the last ArmsWindow years of the period. Range [0,1].
func (f *Frame) ArmsExportShare(c bloc.CCode) bloc.Measure {
	const id, label = "offense.arms_export_share", "share of world arms exports (SIPRI TIV)"
	p := prov(world.Arms, "Σ_t TIV_j→· / Σ_t Σ_k TIV_k→· over the window")
	ex, win := f.exports()
	if ex == nil {
		return missing(id, label, f.Abb(c), "[0,1]", p, f.notCovered(world.Arms))
	}
	tot := f.armsTotal()
	if tot == 0 {
		return missing(id, label, f.Abb(c), "[0,1]", p, bloc.Sayf("no arms transfers recorded in the window"))
	}
	m := measure(id, label, f.Abb(c), bloc.Some(ex[c]/tot), "[0,1]", win.To, p)
	m.Years = periodPtr(win)
	return m
}

// exports returns armsExports, computed once per frame.
func (f *Frame) exports() (map[bloc.CCode]float64, bloc.Period) {
	f.armsOnce.Do(func() {
		f.arms, f.armsWin, _ = f.armsExports()
		f.armsTot = SumByState(f.arms)
	})
	return f.arms, f.armsWin
}

// armsTotal returns the world's arms exports over the window (the sum of
// exports), computed once per frame.
func (f *Frame) armsTotal() float64 {
	f.exports()
	return f.armsTot
}

// offenseScale holds the year's largest values of the offense proxies.
type offenseScale struct{ milex, milper, arms float64 }

func (f *Frame) offenseScale() offenseScale {
	f.offOnce.Do(func() {
		for _, c := range f.Members() {
			if y := f.W.StateYear(c, f.Ref); y != nil {
				f.off.milex = math.Max(f.off.milex, y.Milex.Or(0))
				f.off.milper = math.Max(f.off.milper, y.Milper.Or(0))
			}
		}
		ex, _ := f.exports()
		for _, v := range ex {
			f.off.arms = math.Max(f.off.arms, v)
		}
	})
	return f.off
}

// Offense returns the offensive-power index O_j ∈ [0,1] (see the comment at
// the top of this file) and its components.
func (f *Frame) Offense(c bloc.CCode) (bloc.Measure, []bloc.Measure) {
	const id, label = "threat.offense", "offensive power index"
	p := provs("O_j = mean(milex_j/max milex, milper_j/max milper, armsexp_j/max armsexp)", world.NMC, world.Arms)
	sc := f.offenseScale()
	var sum float64
	var n int
	comps := []bloc.Measure{f.MilexShare(c), f.MilperShare(c), f.ArmsExportShare(c)}
	if s := f.W.StateYear(c, f.Ref); s != nil {
		if s.Milex.OK && sc.milex > 0 {
			sum += s.Milex.V / sc.milex
			n++
		}
		if s.Milper.OK && sc.milper > 0 {
			sum += s.Milper.V / sc.milper
			n++
		}
	}
	if ex, _ := f.exports(); ex != nil && sc.arms > 0 {
		sum += ex[c] / sc.arms
		n++
	}
	if n == 0 {
		return missing(id, label, f.Abb(c), "[0,1]", p, bloc.Sayf("no military expenditure, personnel or arms-export data")), comps
	}
	m := measure(id, label, f.Abb(c), bloc.Some(sum/float64(n)), "[0,1]", f.Ref, p)
	if n < 3 {
		setNote(&m, bloc.Sayf("%d of 3 components", n))
	}
	return m, comps
}
