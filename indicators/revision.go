package indicators

import (
	"fmt"
	"math"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

// Revision is a state's revisionism and its type in Schweller's (1994)
// menagerie (THEORY.md G).
type Revision struct {
	State   bloc.CCode
	Hegemon bloc.CCode
	// UN is the UNGA ideal-point distance from the status-quo leader,
	// Portfolio the alliance-portfolio dissatisfaction (1 − S)/2, Sanctions
	// the sanction episodes against the state (each scaled by the largest
	// among the members into [0,1]); Claims is 1 when the state pressed a
	// territorial or regime claim as a revisionist in a MID of the window.
	UN, Portfolio, Sanctions, Claims bloc.Measure
	// Index is VR − VSQ = 2·mean(scaled components) − 1 ∈ [−1,1].
	Index       bloc.Measure
	Power       bloc.Measure
	Revisionist bool
	Strong      bool
	Unlimited   bool
	Dimensions  []string
	Type        bloc.SchwellerType
	// OK is false when the index has no data.
	OK bool
}

// Hegemon returns the status-quo leader: Params.Hegemon when set, else the
// leader of the international order in the reference year — the United
// Kingdom to 1944 and the United States from 1945 (the hegemonic
// succession of Modelski 1987 and Gilpin 1981; THEORY.md G measures
// revisionism as distance from the US). It must be a system member.
func (f *Frame) Hegemon() (bloc.CCode, bool) {
	f.hegOnce.Do(func() {
		h := f.Params.Hegemon
		if h == 0 {
			h = 2
			if f.Ref < 1945 {
				h = 200
			}
		}
		f.heg, f.hegOK = h, f.W.Member(h, f.Ref)
	})
	return f.heg, f.hegOK
}

// revScales are the largest values of the revisionism components among the members.
type revScales struct{ un, portfolio, sanctions float64 }

// claims returns the revision types (territory 1, regime 3) c claimed as a
// revisionist in MIDs of the dispute window.
func (f *Frame) claims(c bloc.CCode) (terr, regime, ok bool) {
	win, ok := f.disputeWindow()
	if !ok {
		return false, false, false
	}
	for _, d := range f.W.Disputes {
		if d.A != c || !win.Contains(d.Year) {
			continue
		}
		for _, t := range d.RevA {
			terr = terr || t == 1
			regime = regime || t == 3
		}
	}
	return terr, regime, true
}

func (f *Frame) revScales() revScales {
	f.revOnce.Do(func() {
		h, ok := f.Hegemon()
		if !ok {
			return
		}
		for _, c := range f.Members() {
			if m := f.IdealDistance(c, h); m.Value.OK && c != h {
				f.revSc.un = math.Max(f.revSc.un, m.Value.V)
			}
			if m := f.PortfolioS(c, h); m.Value.OK {
				f.revSc.portfolio = math.Max(f.revSc.portfolio, (1-m.Value.V)/2)
			}
			if m := f.SanctionsOn(c); m.Value.OK {
				f.revSc.sanctions = math.Max(f.revSc.sanctions, m.Value.V)
			}
		}
	})
	return f.revSc
}

// Revisionism classifies c. Its components, each scaled by the members'
// largest value into [0,1]:
//
//	UN         |θ_c − θ_H| (Bailey, Strezhnev & Voeten 2017)
//	portfolio  (1 − S(c, H))/2 on ATOP portfolios (Kim 1991; Lemke & Reed 1996)
//	sanctions  sanction episodes in force against c
//	claims     1 if c pressed a territorial or regime claim as a revisionist
//	           in a MID of the dispute window (GML revision types), else 0
//
// VR − VSQ = 2·mean − 1; c is revisionist when it exceeds
// Params.RevisionCut. Aims are unlimited when c challenges at least three of
// four dimensions or the hierarchy itself: territorial (a revisionist claim
// on territory in a MID of the dispute window), institutional (scaled UN
// distance ≥ 0.8), regime (a revisionist claim on another's regime in a MID)
// and hierarchical (a major power with at least the leader's CINC). Types:
// status quo and strong (power percentile ≥ Params.StrongPercentile) lion,
// else lamb; revisionist with unlimited aims and strong wolf, else jackal.
func (f *Frame) Revisionism(c bloc.CCode) *Revision {
	return f.Memo(fmt.Sprintf("revision.%d", c), func() any { return f.revisionism(c) }).(*Revision)
}

func (f *Frame) revisionism(c bloc.CCode) *Revision {
	r := &Revision{State: c, Power: f.PowerPercentile(c)}
	h, ok := f.Hegemon()
	p := provs("VR − VSQ = 2·mean(UN/max, portfolio/max, sanctions/max, claims) − 1", world.Ideal, world.ATOP, world.GSDB)
	if !ok {
		r.Index = missing("revision.index", "revisionism VR − VSQ", f.Abb(c), "[−1,1]", p, bloc.Sayf("the status-quo leader %s is not a system member in %d", f.AbbArg(h), f.Ref))
		return r
	}
	r.Hegemon = h
	sc := f.revScales()
	r.UN = f.IdealDistance(c, h)
	r.UN.ID, r.UN.Label = "revision.un_distance", "UNGA ideal-point distance from the status-quo leader"
	s := f.PortfolioS(c, h)
	r.Portfolio = s
	r.Portfolio.ID, r.Portfolio.Label, r.Portfolio.Range = "revision.portfolio", "alliance-portfolio dissatisfaction (1 − S)/2", "[0,1]"
	if s.Value.OK {
		r.Portfolio.Value = bloc.Some((1 - s.Value.V) / 2)
	}
	r.Sanctions = f.SanctionsOn(c)
	terr, regime, okc := f.claims(c)
	pc := prov(world.Disputes, "1 if a territorial (1) or regime (3) revision type as a revisionist state in a MID of the window")
	if okc {
		win, _ := f.disputeWindow()
		r.Claims = measure("revision.claims", "territorial or regime claims in MIDs", f.Abb(c), b2n(terr || regime), "{0,1}", win.To, pc)
		r.Claims.Years = periodPtr(win)
	} else {
		r.Claims = missing("revision.claims", "territorial or regime claims in MIDs", f.Abb(c), "{0,1}", pc, f.notCovered(world.Disputes))
	}
	var sum float64
	var n int
	for _, x := range []struct {
		v   bloc.Num
		max float64
	}{{r.UN.Value, sc.un}, {r.Portfolio.Value, sc.portfolio}, {r.Sanctions.Value, sc.sanctions}, {r.Claims.Value, 1}} {
		if !x.v.OK {
			continue
		}
		n++
		if x.max > 0 {
			sum += clamp01(x.v.V / x.max)
		}
	}
	if c == h {
		sum, n = 0, max(n, 1)
	}
	if n == 0 {
		r.Index = missing("revision.index", "revisionism VR − VSQ", f.Abb(c), "[−1,1]", p, bloc.Sayf("no UN ideal points, alliance portfolio or sanctions data"))
		return r
	}
	r.OK = true
	v := 2*sum/float64(n) - 1
	r.Index = measure("revision.index", "revisionism VR − VSQ", f.Abb(c), bloc.Some(v), "[−1,1]", f.Ref, p)
	if n < 4 {
		setNote(&r.Index, bloc.Sayf("%d of 4 components", n))
	}
	r.Revisionist = v > f.Params.RevisionCut
	r.Strong = r.Power.Value.OK && r.Power.Value.V >= f.Params.StrongPercentile
	// Dimensions of revision.
	if terr {
		r.Dimensions = append(r.Dimensions, "territorial")
	}
	if regime {
		r.Dimensions = append(r.Dimensions, "regime")
	}
	if r.UN.Value.OK && sc.un > 0 && r.UN.Value.V/sc.un >= 0.8 && c != h {
		r.Dimensions = append(r.Dimensions, "institutional")
	}
	hier := false
	if s := f.W.StateYear(c, f.Ref); s != nil && s.Major && c != h {
		if cc, ok1 := f.cinc(c); ok1 {
			if ch, ok2 := f.cinc(h); ok2 && cc >= ch {
				hier = true
				r.Dimensions = append(r.Dimensions, "hierarchical")
			}
		}
	}
	r.Unlimited = r.Revisionist && (len(r.Dimensions) >= 3 || hier)
	switch {
	case !r.Revisionist && r.Strong:
		r.Type = bloc.Lion
	case !r.Revisionist:
		r.Type = bloc.Lamb
	case r.Unlimited && r.Strong:
		r.Type = bloc.Wolf
	default:
		r.Type = bloc.Jackal
	}
	return r
}

// StateType renders the classification.
func (f *Frame) StateType(c bloc.CCode) bloc.StateType {
	r := f.Revisionism(c)
	aims := "limited"
	if r.Unlimited {
		aims = "unlimited"
	}
	st := bloc.StateType{State: f.W.Info(c), Type: r.Type, Revisionism: r.Index.Value, PowerPercentile: r.Power.Value,
		Aims: aims, Dimensions: append([]string{}, r.Dimensions...), Hegemon: f.W.Info(r.Hegemon),
		Evidence: []bloc.Measure{r.Index, r.UN, r.Portfolio, r.Sanctions, r.Claims, r.Power}}
	if !r.OK {
		st.Type = ""
		st.Note, st.NoteMsg = r.Index.Note, r.Index.NoteMsg
	}
	if !r.Revisionist {
		st.Aims, st.Dimensions = "", []string{}
	}
	return st
}
