package indicators

import (
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/world"
)

// The tie's basis is one sentence per shape, so that it can be translated
// whole (bloc.Sayf): a format for each number of pledges named and each
// combination of the signs of alignment found.

// Signs of alignment without a pledge, in the order the basis names them.
const (
	signUN     = 1 << iota // UN affinity
	signEvents             // event alignment both ways
	signArms               // the partner's share of the state's arms imports
)

// signs are the signs of alignment without a pledge found for a tie: which
// (a mask of sign*) and the arguments of their wording, in order.
type signs struct {
	mask int
	n    int
	args []any
}

func (s *signs) add(sign int, args ...any) {
	s.mask |= sign
	s.n++
	s.args = append(s.args, args...)
}

// pledgeArgs returns the obligation (a term of the vocabulary) and the
// years of each pledge, the arguments of "%s %v" per pledge.
func pledgeArgs(ps []bloc.Pledge) []any {
	out := make([]any, 0, 2*len(ps))
	for _, p := range ps {
		out = append(out, bloc.Term{Key: "obl." + p.Obligation, Text: strings.ReplaceAll(p.Obligation, "_", "-")}, p.Years)
	}
	return out
}

func cat(parts ...[]any) []any {
	var out []any
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// atopGap returns the arguments of the note of a missing ATOP level
// (notCovered: ATOP is a yearly series), "%s covers %d–%d; the period is %v".
func (f *Frame) atopGap() []any {
	ds := datasets.MustLookup(string(world.ATOP))
	return []any{code(string(world.ATOP)), ds.Years[0], ds.Years[1], f.P}
}

// allianceBasis: defense or offense pledges (at most both).
func allianceBasis(formal []bloc.Pledge) bloc.Msg {
	a := pledgeArgs(formal)
	switch len(formal) {
	case 1:
		return bloc.Sayf("ATOP %s %v: a formal commitment to military cooperation", a...)
	case 2:
		return bloc.Sayf("ATOP %s %v, %s %v: a formal commitment to military cooperation", a...)
	}
	panic("indicators: more than two formal pledges")
}

// coalitionBasis: no defense pledge but a common side in disputes.
func coalitionBasis(ss []int) bloc.Msg {
	return bloc.Sayf("no defense pledge, but on the same side in %d dispute(s) in the period (MID %s)", len(ss), code(joinInts(ss)))
}

// informalBasis: neutrality, non-aggression or consultation pledges (at
// most the three), and the signs found.
func informalBasis(informal []bloc.Pledge, s signs) bloc.Msg {
	a := cat(pledgeArgs(informal), s.args)
	switch len(informal) {
	case 1:
		switch s.mask {
		case 0:
			return bloc.Sayf("ATOP %s %v without a defense or offense obligation", a...)
		case signUN:
			return bloc.Sayf("ATOP %s %v without a defense or offense obligation; UN affinity %.2f", a...)
		case signEvents:
			return bloc.Sayf("ATOP %s %v without a defense or offense obligation; event alignment %.2f/%.2f", a...)
		case signUN | signEvents:
			return bloc.Sayf("ATOP %s %v without a defense or offense obligation; UN affinity %.2f; event alignment %.2f/%.2f", a...)
		case signArms:
			return bloc.Sayf("ATOP %s %v without a defense or offense obligation; %.0f%% of %s's arms imports from %s", a...)
		case signUN | signArms:
			return bloc.Sayf("ATOP %s %v without a defense or offense obligation; UN affinity %.2f; %.0f%% of %s's arms imports from %s", a...)
		case signEvents | signArms:
			return bloc.Sayf("ATOP %s %v without a defense or offense obligation; event alignment %.2f/%.2f; %.0f%% of %s's arms imports from %s", a...)
		case signUN | signEvents | signArms:
			return bloc.Sayf("ATOP %s %v without a defense or offense obligation; UN affinity %.2f; event alignment %.2f/%.2f; %.0f%% of %s's arms imports from %s", a...)
		}
	case 2:
		switch s.mask {
		case 0:
			return bloc.Sayf("ATOP %s %v, %s %v without a defense or offense obligation", a...)
		case signUN:
			return bloc.Sayf("ATOP %s %v, %s %v without a defense or offense obligation; UN affinity %.2f", a...)
		case signEvents:
			return bloc.Sayf("ATOP %s %v, %s %v without a defense or offense obligation; event alignment %.2f/%.2f", a...)
		case signUN | signEvents:
			return bloc.Sayf("ATOP %s %v, %s %v without a defense or offense obligation; UN affinity %.2f; event alignment %.2f/%.2f", a...)
		case signArms:
			return bloc.Sayf("ATOP %s %v, %s %v without a defense or offense obligation; %.0f%% of %s's arms imports from %s", a...)
		case signUN | signArms:
			return bloc.Sayf("ATOP %s %v, %s %v without a defense or offense obligation; UN affinity %.2f; %.0f%% of %s's arms imports from %s", a...)
		case signEvents | signArms:
			return bloc.Sayf("ATOP %s %v, %s %v without a defense or offense obligation; event alignment %.2f/%.2f; %.0f%% of %s's arms imports from %s", a...)
		case signUN | signEvents | signArms:
			return bloc.Sayf("ATOP %s %v, %s %v without a defense or offense obligation; UN affinity %.2f; event alignment %.2f/%.2f; %.0f%% of %s's arms imports from %s", a...)
		}
	case 3:
		switch s.mask {
		case 0:
			return bloc.Sayf("ATOP %s %v, %s %v, %s %v without a defense or offense obligation", a...)
		case signUN:
			return bloc.Sayf("ATOP %s %v, %s %v, %s %v without a defense or offense obligation; UN affinity %.2f", a...)
		case signEvents:
			return bloc.Sayf("ATOP %s %v, %s %v, %s %v without a defense or offense obligation; event alignment %.2f/%.2f", a...)
		case signUN | signEvents:
			return bloc.Sayf("ATOP %s %v, %s %v, %s %v without a defense or offense obligation; UN affinity %.2f; event alignment %.2f/%.2f", a...)
		case signArms:
			return bloc.Sayf("ATOP %s %v, %s %v, %s %v without a defense or offense obligation; %.0f%% of %s's arms imports from %s", a...)
		case signUN | signArms:
			return bloc.Sayf("ATOP %s %v, %s %v, %s %v without a defense or offense obligation; UN affinity %.2f; %.0f%% of %s's arms imports from %s", a...)
		case signEvents | signArms:
			return bloc.Sayf("ATOP %s %v, %s %v, %s %v without a defense or offense obligation; event alignment %.2f/%.2f; %.0f%% of %s's arms imports from %s", a...)
		case signUN | signEvents | signArms:
			return bloc.Sayf("ATOP %s %v, %s %v, %s %v without a defense or offense obligation; UN affinity %.2f; event alignment %.2f/%.2f; %.0f%% of %s's arms imports from %s", a...)
		}
	}
	panic("indicators: more than three informal pledges")
}

// signsBasis: no pledge, but signs of alignment; one sign is enough when
// it is the only one with data in period p.
func signsBasis(s signs, p bloc.Period) bloc.Msg {
	a := s.args
	if s.n == 1 {
		a = cat(s.args, []any{p})
	}
	switch s.mask {
	case signUN:
		return bloc.Sayf("no pledge, but UN affinity %.2f (the only one of the three signs of alignment with data in %v)", a...)
	case signEvents:
		return bloc.Sayf("no pledge, but event alignment %.2f/%.2f (the only one of the three signs of alignment with data in %v)", a...)
	case signUN | signEvents:
		return bloc.Sayf("no pledge, but UN affinity %.2f; event alignment %.2f/%.2f", a...)
	case signArms:
		return bloc.Sayf("no pledge, but %.0f%% of %s's arms imports from %s (the only one of the three signs of alignment with data in %v)", a...)
	case signUN | signArms:
		return bloc.Sayf("no pledge, but UN affinity %.2f; %.0f%% of %s's arms imports from %s", a...)
	case signEvents | signArms:
		return bloc.Sayf("no pledge, but event alignment %.2f/%.2f; %.0f%% of %s's arms imports from %s", a...)
	case signUN | signEvents | signArms:
		return bloc.Sayf("no pledge, but UN affinity %.2f; event alignment %.2f/%.2f; %.0f%% of %s's arms imports from %s", a...)
	}
	panic("indicators: no sign of alignment")
}

// unknownBasis: no ATOP data and fewer than two other signs with data
// (then no sign was found: a sign found alone among fewer than two with
// data makes an alignment).
func (f *Frame) unknownBasis(avail int) bloc.Msg {
	return bloc.Sayf("no alliance data for the period (%s covers %d–%d; the period is %v) and %d of the three other signs of alignment with data",
		cat(f.atopGap(), []any{avail})...)
}

// noneBasis: no pledge, no common side, at most one sign; gap adds the
// note of missing ATOP data.
func (f *Frame) noneBasis(s signs, gap bool) bloc.Msg {
	if gap {
		a := cat(s.args, f.atopGap())
		switch s.mask {
		case 0:
			return bloc.Sayf("no pledge, no common side in a dispute, no sign of alignment (%s covers %d–%d; the period is %v)", a...)
		case signUN:
			return bloc.Sayf("no pledge, no common side in a dispute, only one sign of alignment (UN affinity %.2f) (%s covers %d–%d; the period is %v)", a...)
		case signEvents:
			return bloc.Sayf("no pledge, no common side in a dispute, only one sign of alignment (event alignment %.2f/%.2f) (%s covers %d–%d; the period is %v)", a...)
		case signArms:
			return bloc.Sayf("no pledge, no common side in a dispute, only one sign of alignment (%.0f%% of %s's arms imports from %s) (%s covers %d–%d; the period is %v)", a...)
		}
	} else {
		a := s.args
		switch s.mask {
		case 0:
			return bloc.Sayf("no pledge, no common side in a dispute, no sign of alignment")
		case signUN:
			return bloc.Sayf("no pledge, no common side in a dispute, only one sign of alignment (UN affinity %.2f)", a...)
		case signEvents:
			return bloc.Sayf("no pledge, no common side in a dispute, only one sign of alignment (event alignment %.2f/%.2f)", a...)
		case signArms:
			return bloc.Sayf("no pledge, no common side in a dispute, only one sign of alignment (%.0f%% of %s's arms imports from %s)", a...)
		}
	}
	panic("indicators: more than one sign of alignment without a tie")
}
