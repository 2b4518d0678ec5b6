package verdict

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/casefile"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/theory"
	"github.com/bloc-project/bloc/world"
)

// claimCtx is what a check sees.
type claimCtx struct {
	c    *theory.Case
	f    *indicators.Frame
	v    *bloc.Verdict
	cf   *casefile.Case
	args map[string]string
	// failed says why the claim's arguments are wrong (nil: they are not).
	failed *bloc.Msg
}

// why is a check's explanation: the English sentence and its message. msg
// is nil when the sentence is the case file's own prose (an untestable
// claim's reason), which stays as written.
type why struct {
	text string
	msg  *bloc.Msg
}

// said is the explanation a message gives.
func said(m bloc.Msg) why { return why{text: m.String(), msg: &m} }

// quoted is a sentence another package wrote, with its message when the
// message says exactly that sentence.
func quoted(s string, m *bloc.Msg) why {
	if m == nil || m.IsZero() || m.String() != s {
		return why{text: s}
	}
	c := *m
	return why{text: s, msg: &c}
}

// verbatim is text passed to bloc.Sayf that every language prints as it
// is, digits and all: an identifier (a dataset, a test, its rule, a draft
// resolution, a fact) or the case file's own words.
func verbatim(s string) bloc.Code { return bloc.Code(s) }

// tieKind is a tie kind as a term of the vocabulary.
func tieKind(k bloc.TieKind) bloc.Term { return bloc.Term{Key: "tie." + string(k), Text: string(k)} }

// theoryName is a theory's name as a term of the vocabulary.
func theoryName(r *bloc.TheoryResult) bloc.Term {
	return bloc.Term{Key: "theory." + r.ID, Text: r.Name}
}

// check tests one claim: it returns the verdict, why, and the evidence.
type check func(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure)

// checks are the checks a case file's claims may name. Each is documented in
// docs/verdict-schema.md ("Checks").
var checks = map[string]check{
	"power_rank":         checkPowerRank,
	"offense_rank":       checkOffenseRank,
	"contiguous":         checkContiguous,
	"intent":             checkIntent,
	"threat_rank":        checkThreatRank,
	"tie_kind":           checkTieKind,
	"opposes":            checkOpposes,
	"theory_score":       checkTheoryScore,
	"theory_test":        checkTheoryTest,
	"regional_leader":    checkRegionalLeader,
	"gains":              checkGains,
	"state_type":         checkStateType,
	"stronger":           checkStronger,
	"veto":               checkVeto,
	"no_veto":            checkNoVeto,
	"arms_exporter_rank": checkArmsExporterRank,
	"arms_buyer_share":   checkArmsBuyerShare,
	"trade_flow":         checkTradeFlow,
	"partner_rank":       checkPartnerRank,
	"sanctions_rank":     checkSanctionsRank,
	"fact":               checkFact,
	"not_testable":       checkNotTestable,
}

// Checks returns the names of the checks a claim may use.
func Checks() []string {
	out := make([]string, 0, len(checks))
	for k := range checks {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ValidateCase reports the first claim naming an unknown check or theory,
// at its line in the file.
func ValidateCase(cf *casefile.Case) error {
	for k, c := range cf.Claims {
		if _, ok := checks[c.Check]; !ok {
			return cf.Errorf(c.Line, fmt.Sprintf("claims[%d].check", k), "unknown check %q (known: %s)", c.Check, strings.Join(Checks(), ", "))
		}
		if c.Theory != "" {
			if _, ok := theory.Lookup(c.Theory); !ok {
				var ids []string
				for _, t := range theory.All() {
					ids = append(ids, t.ID())
				}
				return cf.Errorf(c.Line, fmt.Sprintf("claims[%d].theory", k), "unknown theory %q (known: %s)", c.Theory, strings.Join(ids, ", "))
			}
		}
	}
	return nil
}

// checkClaims checks every claim of the case file.
func checkClaims(c *theory.Case, v *bloc.Verdict, cf *casefile.Case) *bloc.CaseReport {
	rep := &bloc.CaseReport{ID: cf.ID, Title: cf.Title, Citation: cf.Citation, File: cf.File, Facts: []bloc.CaseFact{}, Claims: []bloc.ClaimCheck{}}
	for _, f := range cf.Facts {
		rep.Facts = append(rep.Facts, f.CaseFact)
	}
	for _, cl := range cf.Claims {
		x := &claimCtx{c: c, f: c.F, v: v, cf: cf, args: cl.Args}
		cc := bloc.ClaimCheck{ID: cl.ID, Table: cl.Table, Theory: cl.Theory, Claim: cl.Text}
		var w why
		fn, ok := checks[cl.Check]
		if !ok {
			cc.Verdict, w = bloc.NotTestable, said(bloc.Sayf("unknown check %q", verbatim(cl.Check)))
		} else {
			cc.Verdict, w, cc.Evidence = fn(x)
			if x.failed != nil {
				cc.Verdict, w = bloc.NotTestable, said(*x.failed)
			}
		}
		if cc.Evidence == nil {
			cc.Evidence = []bloc.Measure{}
		}
		cc.Why, cc.WhyMsg = w.text, w.msg
		if cl.Note != "" {
			// The claim's note is the case file's prose, in its language:
			// the whole sentence stays as written.
			cc.Why, cc.WhyMsg = cc.Why+" "+cl.Note, nil
		}
		rep.Claims = append(rep.Claims, cc)
	}
	return rep
}

// state resolves an argument naming a state: a COW abbreviation, an ISO3
// code or a COW code.
func (x *claimCtx) state(key string) bloc.CCode {
	s := strings.TrimSpace(x.args[key])
	if s == "" {
		x.fail(bloc.Sayf("the claim's arguments are wrong: missing argument %q", verbatim(key)))
		return 0
	}
	if n, err := strconv.Atoi(s); err == nil {
		return bloc.CCode(n)
	}
	for _, c := range x.f.W.States() {
		info := x.f.W.Info(c)
		if strings.EqualFold(info.Abb, s) && x.f.W.Member(c, x.f.Ref) {
			return c
		}
	}
	for _, c := range x.f.W.States() {
		info := x.f.W.Info(c)
		if strings.EqualFold(info.Abb, s) || strings.EqualFold(info.ISO3, s) {
			return c
		}
	}
	x.fail(bloc.Sayf("the claim's arguments are wrong: no state %q", verbatim(s)))
	return 0
}

func (x *claimCtx) num(key string, def float64) float64 {
	s, ok := x.args[key]
	if !ok || s == "" {
		return def
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		x.fail(bloc.Sayf("the claim's arguments are wrong: argument %s=%q is not a number", verbatim(key), verbatim(s)))
	}
	return v
}

func (x *claimCtx) has(key string) bool { _, ok := x.args[key]; return ok }

// fail records why the claim's arguments are wrong; the first reason wins.
func (x *claimCtx) fail(m bloc.Msg) {
	if x.failed == nil {
		x.failed = &m
	}
}

func (x *claimCtx) abb(c bloc.CCode) string { return x.f.Abb(c) }

// abbArg is the state as an argument of bloc.Sayf (world.World.AbbArg).
func (x *claimCtx) abbArg(c bloc.CCode) bloc.Abbr { return x.f.AbbArg(c) }

// frame returns a frame over the claim's own years; indicators outside what
// the World holds come out missing.
func (x *claimCtx) frame(from, to int) *indicators.Frame {
	return indicators.NewFrame(x.f.W, bloc.Period{From: from, To: to}, x.f.Params)
}

func (x *claimCtx) facts(key string) []world.Fact {
	var out []world.Fact
	for _, id := range strings.Split(x.args[key], ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		found := false
		for _, f := range x.f.W.Facts {
			if f.ID == id {
				out = append(out, f)
				found = true
			}
		}
		if !found {
			x.fail(bloc.Sayf("the claim's arguments are wrong: no fact %q in the case file", verbatim(id)))
		}
	}
	return out
}

func verdictOf(b bool) bloc.ClaimVerdict {
	if b {
		return bloc.Supported
	}
	return bloc.Refuted
}

func checkPowerRank(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	s := x.state("state")
	maxRank := int(x.num("max", 10))
	r, n := x.f.PowerRank(s)
	ev := []bloc.Measure{x.f.CINC(s), x.f.PowerPercentile(s)}
	var fs []bloc.Msg
	for _, f := range x.facts("facts") {
		ev = append(ev, x.c.FactMeasure(f))
		fs = append(fs, bloc.Sayf("%s [%s]", factText(f), verbatim(f.Status)))
	}
	if r == 0 {
		return bloc.NotTestable, said(bloc.Sayf("no CINC for %s in %d.", x.abbArg(s), x.f.Ref)), ev
	}
	m := bloc.Sayf("%s ranks %d of %d by CINC in %d (COW NMC).", x.abbArg(s), r, n, x.f.Ref)
	if len(fs) > 0 {
		m = bloc.Sayf("%s ranks %d of %d by CINC in %d (COW NMC). Case file: %s.", x.abbArg(s), r, n, x.f.Ref, indicators.Semicolons(fs))
	}
	return verdictOf(r <= maxRank), said(m), ev
}

// factText names a fact in the case file's words, with its rank, value
// and date: one format per combination.
func factText(f world.Fact) bloc.Msg {
	s := f.Text
	if s == "" {
		s = f.ID
	}
	t, v := verbatim(s), f.Value.V
	switch {
	case f.Rank > 0 && f.Of > 0 && f.Value.OK:
		return bloc.Sayf("%s, rank %d of %d, %g (%s)", t, f.Rank, f.Of, v, f.Date)
	case f.Rank > 0 && f.Of > 0:
		return bloc.Sayf("%s, rank %d of %d (%s)", t, f.Rank, f.Of, f.Date)
	case f.Rank > 0 && f.Value.OK:
		return bloc.Sayf("%s, rank %d, %g (%s)", t, f.Rank, v, f.Date)
	case f.Rank > 0:
		return bloc.Sayf("%s, rank %d (%s)", t, f.Rank, f.Date)
	case f.Value.OK:
		return bloc.Sayf("%s, %g (%s)", t, v, f.Date)
	}
	return bloc.Sayf("%s (%s)", t, f.Date)
}

func checkOffenseRank(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	s, of := x.state("state"), x.state("of")
	maxRank := int(x.num("max", 10))
	th := x.f.Threats(of)
	vals := map[bloc.CCode]float64{}
	for _, r := range th.Rows {
		if r.O.Value.OK {
			vals[r.J] = r.O.Value.V
		}
	}
	row, ok := th.Row(s)
	if !ok || !row.O.Value.OK {
		return bloc.NotTestable, said(bloc.Sayf("no offensive-power data for %s.", x.abbArg(s))), nil
	}
	r, n := rankIn(vals, s)
	o, comps := x.f.Offense(s)
	return verdictOf(r <= maxRank), said(bloc.Sayf("%s's offensive-power index is %.2f, rank %d of %d (military spending, personnel, arms exports).", x.abbArg(s), row.O.Value.V, r, n)), append([]bloc.Measure{o}, comps...)
}

func rankIn(vals map[bloc.CCode]float64, c bloc.CCode) (int, int) {
	r := 1
	for k, v := range vals {
		if k != c && (v > vals[c] || (v == vals[c] && k < c)) {
			r++
		}
	}
	return r, len(vals)
}

func checkContiguous(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	a, b := x.state("a"), x.state("b")
	ct := x.f.Contiguity(a, b)
	md := x.f.MinDistance(a, b)
	cd := x.f.CapitalDistance(a, b)
	ev := []bloc.Measure{ct, md, cd}
	if !ct.Value.OK {
		return bloc.NotTestable, said(bloc.Sayf("COW contiguity does not cover the period: %s", indicators.NoteOf(ct))), ev
	}
	sa, sb := x.abb(a), x.abb(b)
	if ct.Value.V >= 1 {
		return bloc.Supported, said(bloc.Sayf("COW codes %s–%s as contiguous (type %.0f) in %d.", sa, sb, ct.Value.V, ct.Year)), ev
	}
	last := x.lastContiguous(a, b)
	var m bloc.Msg
	switch {
	case !md.Value.OK && last == 0:
		m = bloc.Sayf("COW Direct Contiguity codes %s and %s as not contiguous in %d.", sa, sb, ct.Year)
	case !md.Value.OK:
		m = bloc.Sayf("COW Direct Contiguity codes %s and %s as not contiguous in %d (contiguous until %d).", sa, sb, ct.Year, last)
	case !cd.Value.OK && last == 0:
		m = bloc.Sayf("COW Direct Contiguity codes %s and %s as not contiguous in %d. The territories are %.1f km apart at the closest (CShapes, %d): near, but not neighbours in COW's coding.",
			sa, sb, ct.Year, md.Value.V, md.Year)
	case !cd.Value.OK:
		m = bloc.Sayf("COW Direct Contiguity codes %s and %s as not contiguous in %d (contiguous until %d). The territories are %.1f km apart at the closest (CShapes, %d): near, but not neighbours in COW's coding.",
			sa, sb, ct.Year, last, md.Value.V, md.Year)
	case last == 0:
		m = bloc.Sayf("COW Direct Contiguity codes %s and %s as not contiguous in %d. The territories are %.1f km apart at the closest (CShapes, %d) and the capitals %.0f km: near, but not neighbours in COW's coding.",
			sa, sb, ct.Year, md.Value.V, md.Year, cd.Value.V)
	default:
		m = bloc.Sayf("COW Direct Contiguity codes %s and %s as not contiguous in %d (contiguous until %d). The territories are %.1f km apart at the closest (CShapes, %d) and the capitals %.0f km: near, but not neighbours in COW's coding.",
			sa, sb, ct.Year, last, md.Value.V, md.Year, cd.Value.V)
	}
	return bloc.Refuted, said(m), ev
}

// lastContiguous returns the last year a and b were contiguous among the
// years the World holds (0: never).
func (x *claimCtx) lastContiguous(a, b bloc.CCode) int {
	cv := x.f.W.Cover(world.Contiguity)
	for y := cv.Years.To; y >= cv.Years.From && cv.Years.From != 0; y-- {
		if d := x.f.W.Dyad(a, b, y); d != nil && d.Contig >= 1 {
			return y
		}
	}
	return 0
}

func checkIntent(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	from, to := x.state("from"), x.state("to")
	row, ok := x.f.Threats(to).Row(from)
	if !ok || !row.I.Value.OK {
		return bloc.NotTestable, said(bloc.Sayf("no intentions data.")), nil
	}
	v := row.I.Value.V
	parts := x.f.IntentParts(from, to)
	ev := append([]bloc.Measure{row.I}, parts...)
	if x.has("below") {
		cut := x.num("below", 0.33)
		var m bloc.Msg
		if c := parts[2].Value; c.OK {
			m = bloc.Sayf("%s's aggressive-intentions index towards %s is %.2f (below %.2f counts as not aggressive): no MIDs, rivalry or sanctions; conflict is %.0f%% of its events.", x.abbArg(from), x.abbArg(to), v, cut, 100*c.V)
		} else {
			m = bloc.Sayf("%s's aggressive-intentions index towards %s is %.2f (below %.2f counts as not aggressive): no MIDs, rivalry or sanctions; conflict is unknown of its events.", x.abbArg(from), x.abbArg(to), v, cut)
		}
		return verdictOf(v < cut), said(m), ev
	}
	cut := x.num("above", 0.33)
	return verdictOf(v >= cut), said(bloc.Sayf("%s's aggressive-intentions index towards %s is %.2f.", x.abbArg(from), x.abbArg(to), v)), ev
}

func checkThreatRank(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	s, of := x.state("state"), x.state("of")
	th := x.f.Threats(of)
	row, ok := th.Row(s)
	if !ok || row.Rank == 0 {
		return bloc.NotTestable, said(bloc.Sayf("%s's threat to %s could not be ranked.", x.abbArg(s), x.abbArg(of))), nil
	}
	var top []string // abbreviations
	for k, r := range th.Rows {
		if k == 5 {
			break
		}
		top = append(top, x.abb(r.J))
	}
	why := said(bloc.Sayf("%s ranks %d of %d among %s's threats (%s index %.3f; first five: %s; %.0f%% of sampled weightings put it first).",
		x.abbArg(s), row.Rank, len(th.Rows), x.abbArg(of), bloc.Term{Key: "form." + th.Form, Text: th.Form}, row.Score.V, indicators.Commas(top), 100*row.TopShare))
	ev := []bloc.Measure{row.P, row.D, row.O, row.I}
	if x.has("max") {
		return verdictOf(row.Rank <= int(x.num("max", 1))), why, ev
	}
	return verdictOf(row.Rank >= int(x.num("min", 4))), why, ev
}

func checkTieKind(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	want := bloc.TieKind(x.args["kind"])
	t := x.v.Tie
	var m bloc.Msg
	switch {
	case t.Kind == bloc.Alignment && want == bloc.Alliance:
		m = bloc.Sayf("The data show an alignment: %s. In Snyder's terms that is an alignment, not an alliance: there is no defense pledge.", basis(t))
	case article(string(t.Kind)) == "an":
		m = bloc.Sayf("The data show an %s: %s.", tieKind(t.Kind), basis(t))
	default:
		m = bloc.Sayf("The data show a %s: %s.", tieKind(t.Kind), basis(t))
	}
	return verdictOf(t.Kind == want), said(m), t.Evidence
}

// basis is the tie's basis (package indicators' sentence) as an argument.
func basis(t bloc.Tie) any { return indicators.Quote(t.Basis, t.BasisMsg) }

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

func checkOpposes(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	a, b := x.state("a"), x.state("b")
	ok, why := x.f.OpposesMsg(a, b)
	ev := []bloc.Measure{x.f.Rivalry(a, b), x.f.IdealDistance(a, b), x.f.SanctionsBy(b, a)}
	if ok {
		return bloc.Supported, said(bloc.Sayf("%s opposes %s: %s.", x.abbArg(a), x.abbArg(b), why)), ev
	}
	return bloc.Refuted, said(bloc.Sayf("Nothing in the data sets %s against %s.", x.abbArg(a), x.abbArg(b))), ev
}

func (x *claimCtx) result(id string) (*bloc.TheoryResult, bool) {
	for k := range x.v.Theories {
		if x.v.Theories[k].ID == id {
			return &x.v.Theories[k], true
		}
	}
	x.fail(bloc.Sayf("the claim's arguments are wrong: no theory %q", verbatim(id)))
	return nil, false
}

func checkTheoryScore(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	var rs []*bloc.TheoryResult
	var parts []bloc.Msg
	all, any := true, false
	for _, id := range strings.Split(x.args["theories"], ",") {
		r, ok := x.result(strings.TrimSpace(id))
		if !ok {
			continue
		}
		rs = append(rs, r)
		if !r.Score.OK {
			parts = append(parts, bloc.Sayf("%s not testable", theoryName(r)))
			continue
		}
		any = true
		parts = append(parts, bloc.Sayf("%s %+.2f (rank %d)", theoryName(r), r.Score.V, r.Rank))
		if x.has("max") && r.Score.V > x.num("max", 0) {
			all = false
		}
		if x.has("min") && r.Score.V < x.num("min", 0) {
			all = false
		}
	}
	// Each theory is a clause of its own; the list of any length is said
	// in every language.
	if !any {
		return bloc.NotTestable, said(bloc.Sayf("none of the theories is testable: %s", indicators.Semicolons(parts))), nil
	}
	return verdictOf(all), said(bloc.Sayf("Congruence: %s.", indicators.Semicolons(parts))), nil
}

func checkTheoryTest(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	r, ok := x.result(x.args["theory"])
	if !ok {
		return bloc.NotTestable, why{}, nil
	}
	want := x.args["holds"] != "false"
	for _, t := range r.Tests {
		if t.ID != x.args["test"] {
			continue
		}
		if t.Holds == nil {
			return bloc.NotTestable, quoted(t.Why, t.WhyMsg), t.Evidence
		}
		// The English quotes the test's Why without its final period (the
		// argument's English); another language says the whole message,
		// which its translation puts last.
		m := bloc.Sayf("%s (%s: %s).", indicators.Quote(t.Why, t.WhyMsg), verbatim(t.ID), verbatim(t.Rule))
		m.Args[0].V = strings.TrimSuffix(m.Args[0].V, ".")
		return verdictOf(*t.Holds == want), said(m), t.Evidence
	}
	x.fail(bloc.Sayf("the claim's arguments are wrong: theory %s has no test %q", verbatim(r.ID), verbatim(x.args["test"])))
	return bloc.NotTestable, why{}, nil
}

func checkRegionalLeader(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	s, of := x.state("state"), x.state("of")
	r, ok := x.f.RegionalLeader(of)
	ev := []bloc.Measure{x.f.CINC(s), x.f.CINC(of), x.f.MinDistance(of, s)}
	if !ok {
		return bloc.Refuted, said(bloc.Sayf("No neighbour of %s (contiguous or within %.0f km) is stronger than it.", x.abbArg(of), x.f.Params.RegionKm)), ev
	}
	if r == s {
		return bloc.Supported, said(bloc.Sayf("%s is the strongest state in %s's neighbourhood (contiguous or within %.0f km): CINC %.3f against %.3f, so Waltz's balance of power expects %s to balance against it.",
			x.abbArg(s), x.abbArg(of), x.f.Params.RegionKm, ev[0].Value.V, ev[1].Value.V, x.abbArg(of))), ev
	}
	return bloc.Refuted, said(bloc.Sayf("The strongest state in %s's neighbourhood is %s, not %s.", x.abbArg(of), x.abbArg(r), x.abbArg(s))), ev
}

func checkGains(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	r, ok := x.result("bandwagoning_profit")
	if !ok {
		return bloc.NotTestable, why{}, nil
	}
	var hold, fail []bloc.Code // the tests' ids
	var ev []bloc.Measure
	for _, t := range r.Tests {
		if !strings.HasPrefix(t.ID, "bfp.gains_") && t.ID != "bfp.sanctions_proof" && t.ID != "bfp.unsc_shield" {
			continue
		}
		if t.Holds == nil {
			continue
		}
		ev = append(ev, t.Evidence...)
		if *t.Holds {
			hold = append(hold, verbatim(strings.TrimPrefix(t.ID, "bfp.")))
		} else {
			fail = append(fail, verbatim(strings.TrimPrefix(t.ID, "bfp.")))
		}
	}
	if len(hold)+len(fail) == 0 {
		return bloc.NotTestable, said(bloc.Sayf("no gain could be measured.")), nil
	}
	v := bloc.PartlyHolds
	switch {
	case len(fail) == 0:
		v = bloc.Supported
	case len(hold) == 0:
		v = bloc.Refuted
	}
	k, withTie := x.args["tie"]
	if withTie && string(x.v.Tie.Kind) != k && v == bloc.Supported {
		v = bloc.PartlyHolds
	}
	found, missed := indicators.Commas(hold), indicators.Commas(fail)
	t := x.v.Tie
	an := article(string(t.Kind)) == "an"
	var m bloc.Msg
	switch {
	case !withTie && len(hold) == 0:
		m = bloc.Sayf("Gains found: none; not found: %s.", missed)
	case !withTie && len(fail) == 0:
		m = bloc.Sayf("Gains found: %s; not found: none.", found)
	case !withTie:
		m = bloc.Sayf("Gains found: %s; not found: %s.", found, missed)
	case len(hold) == 0 && an:
		m = bloc.Sayf("Gains found: none; not found: %s. The tie is an %s (%s).", missed, tieKind(t.Kind), basis(t))
	case len(hold) == 0:
		m = bloc.Sayf("Gains found: none; not found: %s. The tie is a %s (%s).", missed, tieKind(t.Kind), basis(t))
	case len(fail) == 0 && an:
		m = bloc.Sayf("Gains found: %s; not found: none. The tie is an %s (%s).", found, tieKind(t.Kind), basis(t))
	case len(fail) == 0:
		m = bloc.Sayf("Gains found: %s; not found: none. The tie is a %s (%s).", found, tieKind(t.Kind), basis(t))
	case an:
		m = bloc.Sayf("Gains found: %s; not found: %s. The tie is an %s (%s).", found, missed, tieKind(t.Kind), basis(t))
	default:
		m = bloc.Sayf("Gains found: %s; not found: %s. The tie is a %s (%s).", found, missed, tieKind(t.Kind), basis(t))
	}
	return v, said(m), ev
}

func checkStateType(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	s := x.state("state")
	r := x.f.Revisionism(s)
	st := x.f.StateType(s)
	if !r.OK {
		return bloc.NotTestable, said(bloc.Sayf("no revisionism data: %s", indicators.NoteOf(r.Index))), st.Evidence
	}
	var match, miss int
	count := func(ok bool) {
		if ok {
			match++
		} else {
			miss++
		}
	}
	v, hasR := x.args["revisionist"]
	if hasR {
		count(r.Revisionist == (v == "true"))
	}
	v, hasA := x.args["aims"]
	if hasA {
		got := "limited"
		if r.Unlimited {
			got = "unlimited"
		}
		if !r.Revisionist {
			got = "none (status quo)"
		}
		count(got == v)
	}
	v, hasS := x.args["strong"]
	if hasS {
		count(r.Strong == (v == "true"))
	}
	// The sentence names the type and, for each of the claim's arguments,
	// what the data say of it: one format per combination.
	name, lead := x.abb(s), x.abb(r.Hegemon)
	typ := bloc.Term{Key: "stype." + string(r.Type), Text: string(r.Type)}
	vr, pp := r.Index.Value.V, r.Power.Value.V
	aims := bloc.Term{Key: "aims.limited", Text: "limited"}
	if r.Unlimited {
		aims = bloc.Term{Key: "aims.unlimited", Text: "unlimited"}
	}
	dims := theory.DimensionList(r.Dimensions)
	if len(r.Dimensions) == 0 {
		dims = bloc.Term{Key: "dim.none", Text: "none"}
	}
	var m bloc.Msg
	switch {
	case !hasR && !hasA && !hasS:
		m = bloc.Sayf("%s is a %s: ; status-quo leader %s.", name, typ, lead)
	case !hasR && !hasA:
		m = bloc.Sayf("%s is a %s: power percentile %.2f; status-quo leader %s.", name, typ, pp, lead)
	case r.Revisionist && !hasR && !hasS:
		m = bloc.Sayf("%s is a %s: aims %s (revision dimensions: %s); status-quo leader %s.", name, typ, aims, dims, lead)
	case r.Revisionist && !hasR:
		m = bloc.Sayf("%s is a %s: aims %s (revision dimensions: %s), power percentile %.2f; status-quo leader %s.", name, typ, aims, dims, pp, lead)
	case r.Revisionist && !hasA && !hasS:
		m = bloc.Sayf("%s is a %s: revisionist (VR − VSQ %.2f); status-quo leader %s.", name, typ, vr, lead)
	case r.Revisionist && !hasA:
		m = bloc.Sayf("%s is a %s: revisionist (VR − VSQ %.2f), power percentile %.2f; status-quo leader %s.", name, typ, vr, pp, lead)
	case r.Revisionist && !hasS:
		m = bloc.Sayf("%s is a %s: revisionist (VR − VSQ %.2f), aims %s (revision dimensions: %s); status-quo leader %s.", name, typ, vr, aims, dims, lead)
	case r.Revisionist:
		m = bloc.Sayf("%s is a %s: revisionist (VR − VSQ %.2f), aims %s (revision dimensions: %s), power percentile %.2f; status-quo leader %s.", name, typ, vr, aims, dims, pp, lead)
	case !hasR && !hasS:
		m = bloc.Sayf("%s is a %s: aims none (status quo) (revision dimensions: %s); status-quo leader %s.", name, typ, dims, lead)
	case !hasR:
		m = bloc.Sayf("%s is a %s: aims none (status quo) (revision dimensions: %s), power percentile %.2f; status-quo leader %s.", name, typ, dims, pp, lead)
	case !hasA && !hasS:
		m = bloc.Sayf("%s is a %s: status-quo (VR − VSQ %.2f); status-quo leader %s.", name, typ, vr, lead)
	case !hasA:
		m = bloc.Sayf("%s is a %s: status-quo (VR − VSQ %.2f), power percentile %.2f; status-quo leader %s.", name, typ, vr, pp, lead)
	case !hasS:
		m = bloc.Sayf("%s is a %s: status-quo (VR − VSQ %.2f), aims none (status quo) (revision dimensions: %s); status-quo leader %s.", name, typ, vr, dims, lead)
	default:
		m = bloc.Sayf("%s is a %s: status-quo (VR − VSQ %.2f), aims none (status quo) (revision dimensions: %s), power percentile %.2f; status-quo leader %s.", name, typ, vr, dims, pp, lead)
	}
	switch {
	case miss == 0:
		return bloc.Supported, said(m), st.Evidence
	case match == 0:
		return bloc.Refuted, said(m), st.Evidence
	default:
		return bloc.PartlyHolds, said(m), st.Evidence
	}
}

func checkStronger(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	a, b := x.state("a"), x.state("b")
	ca, cb := x.f.CINC(a), x.f.CINC(b)
	ev := []bloc.Measure{ca, cb, x.f.CapRatio(b, a)}
	if !ca.Value.OK || !cb.Value.OK {
		return bloc.NotTestable, said(bloc.Sayf("no CINC for one of the states.")), ev
	}
	return verdictOf(ca.Value.V > cb.Value.V), said(bloc.Sayf("CINC %s %.4f, %s %.4f in %d: %s has %.1f times %s's capabilities.",
		x.abbArg(a), ca.Value.V, x.abbArg(b), cb.Value.V, x.f.Ref, x.abbArg(a), ca.Value.V/cb.Value.V, x.abbArg(b))), ev
}

func vetoMeasure(x *claimCtx, v world.Veto, by bloc.CCode) bloc.Measure {
	return bloc.Measure{ID: "unsc.veto", Label: "veto: " + v.Agenda, Subject: x.abb(by), Value: bloc.Some(1), Range: "{0,1}", Year: v.Year,
		Source: bloc.Provenance{Dataset: string(world.Vetoes), Formula: "draft " + v.Draft + ", " + v.Date}}
}

func checkVeto(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	by := x.state("by")
	draft := x.args["draft"]
	var ev []bloc.Measure
	for _, f := range x.c.FactsOf("unsc_veto", by, x.c.I) {
		ev = append(ev, x.c.FactMeasure(f))
	}
	n := len(ev)
	for _, v := range x.f.W.Vetoes {
		if v.Draft == draft && has(v.Vetoers, by) {
			ev = append(ev, vetoMeasure(x, v, by))
			return bloc.Supported, said(bloc.Sayf("The UNSC veto data record %s's veto of %s on %s (%s). The case file records %d Iran-related veto(es) by %s; the veto data name the agenda, not the states concerned, so 'only one' rests on the case file.",
				x.abbArg(by), verbatim(draft), v.Date, verbatim(v.Agenda), n, x.abbArg(by))), ev
		}
	}
	if x.f.W.Cover(world.Vetoes).Years.From == 0 {
		return bloc.NotTestable, said(bloc.Sayf("the UNSC veto data are not loaded.")), ev
	}
	return bloc.Refuted, said(bloc.Sayf("The UNSC veto data have no veto of %s by %s.", verbatim(draft), x.abbArg(by))), ev
}

func checkNoVeto(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	by := x.state("by")
	fs := x.facts("facts")
	if x.f.W.Cover(world.Vetoes).Years.From == 0 {
		return bloc.NotTestable, said(bloc.Sayf("the UNSC veto data are not loaded.")), nil
	}
	var ev []bloc.Measure
	var hit []bloc.Code // the facts' ids
	for _, f := range fs {
		ev = append(ev, x.c.FactMeasure(f))
		for _, v := range x.f.W.Vetoes {
			if v.Date == f.Date && has(v.Vetoers, by) {
				hit = append(hit, verbatim(f.ID))
				ev = append(ev, vetoMeasure(x, v, by))
			}
		}
	}
	if len(hit) > 0 {
		return bloc.Refuted, said(bloc.Sayf("The veto data record a veto by %s on the day of %s.", x.abbArg(by), indicators.Commas(hit))), ev
	}
	return bloc.Supported, said(bloc.Sayf("The UNSC veto data record no veto by %s on the days of the %d listed decisions (statement and resolutions, %s to %s); the case file stores the list, not the count.",
		x.abbArg(by), len(fs), fs[0].Date, fs[len(fs)-1].Date)), ev
}

func has(cs []bloc.CCode, c bloc.CCode) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// armsFlows sums SIPRI TIV by supplier and recipient over the years.
func (x *claimCtx) armsFlows(from, to int) (exports map[bloc.CCode]float64, pair func(a, b bloc.CCode) float64, ok bool) {
	cv := x.f.W.Cover(world.Arms)
	if !cv.Covers(from) || !cv.Covers(to) {
		return nil, nil, false
	}
	exports = map[bloc.CCode]float64{}
	flows := map[world.Pair]float64{}
	for _, c := range x.f.W.States() {
		for y := from; y <= to; y++ {
			x.f.W.DyadsOf(c, y, func(b bloc.CCode, d *world.DyadYear) {
				exports[c] += d.Arms
				flows[world.Pair{A: c, B: b}] += d.Arms
			})
		}
	}
	return exports, func(a, b bloc.CCode) float64 { return flows[world.Pair{A: a, B: b}] }, true
}

func checkArmsExporterRank(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	s := x.state("state")
	from, to, want := int(x.num("from", 0)), int(x.num("to", 0)), int(x.num("rank", 1))
	ex, _, ok := x.armsFlows(from, to)
	if !ok {
		return bloc.NotTestable, said(bloc.Sayf("SIPRI transfers for %d–%d are not loaded (the data cover 1950–2021).", from, to)), nil
	}
	tot := indicators.SumByState(ex)
	r, _ := rankIn(ex, s)
	m := bloc.Measure{ID: "arms.export_share", Label: "share of world major-arms exports", Subject: x.abb(s), Value: bloc.Some(ex[s] / tot), Range: "[0,1]", Year: to,
		Years: &bloc.Period{From: from, To: to}, Source: bloc.Provenance{Dataset: string(world.Arms), Formula: "Σ TIV_j→· / Σ TIV over the years"}}
	var lead []bloc.Msg
	for _, c := range topKeys(ex, 3) {
		lead = append(lead, bloc.Sayf("%s %.0f%%", x.abbArg(c), 100*ex[c]/tot))
	}
	ev := []bloc.Measure{m}
	for _, f := range x.c.FactsOf("arms_exporter_rank", s, 0) {
		ev = append(ev, x.c.FactMeasure(f))
	}
	return verdictOf(r == want), said(bloc.Sayf("By SIPRI TIV, %s ranks %d among exporters in %d–%d (%s).", x.abbArg(s), r, from, to, indicators.Commas(lead))), ev
}

func topKeys(m map[bloc.CCode]float64, n int) []bloc.CCode {
	ks := make([]bloc.CCode, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(a, b int) bool {
		if m[ks[a]] != m[ks[b]] {
			return m[ks[a]] > m[ks[b]]
		}
		return ks[a] < ks[b]
	})
	if len(ks) > n {
		ks = ks[:n]
	}
	return ks
}

func checkArmsBuyerShare(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	sup, rec := x.state("supplier"), x.state("recipient")
	from, to, maxShare := int(x.num("from", 0)), int(x.num("to", 0)), x.num("max", 0.05)
	ex, pair, ok := x.armsFlows(from, to)
	if !ok {
		return bloc.NotTestable, said(bloc.Sayf("SIPRI transfers for %d–%d are not loaded.", from, to)), nil
	}
	if ex[sup] == 0 {
		return bloc.NotTestable, said(bloc.Sayf("%s exported no major arms in %d–%d.", x.abbArg(sup), from, to)), nil
	}
	share := pair(sup, rec) / ex[sup]
	buyers := map[bloc.CCode]float64{}
	for _, c := range x.f.W.States() {
		if v := pair(sup, c); v > 0 {
			buyers[c] = v
		}
	}
	var lead []bloc.Msg
	for _, c := range topKeys(buyers, 3) {
		lead = append(lead, bloc.Sayf("%s %.0f%%", x.abbArg(c), 100*buyers[c]/ex[sup]))
	}
	m := bloc.Measure{ID: "arms.buyer_share", Label: "recipient's share of the supplier's exports", Subject: x.abb(sup) + "→" + x.abb(rec), Value: bloc.Some(share), Range: "[0,1]", Year: to,
		Years: &bloc.Period{From: from, To: to}, Source: bloc.Provenance{Dataset: string(world.Arms), Formula: "Σ TIV_sup→rec / Σ TIV_sup→·"}}
	return verdictOf(share <= maxShare), said(bloc.Sayf("%s received %.1f%% of %s's major-arms exports in %d–%d (TIV %.0f); the main buyers were %s.",
		x.abbArg(rec), 100*share, x.abbArg(sup), from, to, pair(sup, rec), indicators.Commas(lead))), []bloc.Measure{m}
}

func checkTradeFlow(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	ex, im := x.state("exporter"), x.state("importer")
	y := int(x.num("year", 0))
	want := x.num("value", 0)
	tol := x.num("tolerance", 0.25)
	cv := x.f.W.Cover(world.Trade)
	if !cv.CoversDyad(im, ex, y) {
		return bloc.NotTestable, said(bloc.Sayf("COW trade (v4.0) ends in 2014 and is not loaded for %d; the claimed %.0f million USD cannot be checked with the loaded data.", y, want)), nil
	}
	d := x.f.W.Dyad(im, ex, y)
	if d == nil || !d.Imports.OK {
		return bloc.NotTestable, said(bloc.Sayf("COW trade has no %s imports from %s in %d.", x.abbArg(im), x.abbArg(ex), y)), nil
	}
	got := d.Imports.V
	m := bloc.Measure{ID: "trade.flow", Label: "imports of the importer from the exporter (million current USD)", Subject: x.abb(ex) + "→" + x.abb(im), Value: bloc.Some(got), Range: "million USD", Year: y,
		Source: bloc.Provenance{Dataset: string(world.Trade), Formula: "flow: importer's imports from exporter"}}
	dev := math.Abs(got-want) / want
	return verdictOf(dev <= tol), said(bloc.Sayf("COW trade records %s imports of %.0f million USD from %s in %d against the claimed %.0f (%+.0f%%; tolerance ±%.0f%%, for importer-reported against exporter-reported values).",
		x.abbArg(im), got, x.abbArg(ex), y, want, 100*(got-want)/want, 100*tol)), []bloc.Measure{m}
}

func checkPartnerRank(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	s, of := x.state("state"), x.state("of")
	minRank := int(x.num("min", 31))
	cv := x.f.W.Cover(world.Trade)
	if cv.Years.From == 0 {
		return bloc.NotTestable, said(bloc.Sayf("COW trade is not loaded.")), nil
	}
	to := cv.Years.To
	if x.cf.Years.To != 0 {
		to = min(to, x.cf.Years.To)
	}
	sub := x.frame(to, to)
	d := sub.Interdependence(of, s)
	m := d.RankJinI
	ev := []bloc.Measure{m, d.ShareIJ}
	for _, f := range x.c.FactsOf("partner_rank", of, s) {
		ev = append(ev, x.c.FactMeasure(f))
	}
	if !m.Value.OK {
		return bloc.NotTestable, said(bloc.Sayf("no rank: %s", indicators.NoteOf(m))), ev
	}
	return verdictOf(int(m.Value.V) >= minRank), said(bloc.Sayf("In %d, the last year of COW trade, %s ranks %.0f among %s's partners (%s), with %.1f%% of its trade.",
		m.Year, x.abbArg(s), m.Value.V, x.abbArg(of), indicators.NoteOf(m), 100*d.ShareIJ.Value.Or(0))), ev
}

func checkSanctionsRank(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	y := int(x.num("year", 0))
	var states []bloc.CCode
	for _, s := range strings.Split(x.args["states"], ",") {
		x.args["_"] = strings.TrimSpace(s)
		states = append(states, x.state("_"))
	}
	sub := x.frame(y, y)
	counts := map[bloc.CCode]float64{}
	for _, c := range x.f.W.Members(y) {
		if m := sub.SanctionsOn(c); m.Value.OK {
			counts[c] = m.Value.V
		}
	}
	if len(counts) == 0 {
		return bloc.NotTestable, said(bloc.Sayf("no sanctions data for %d.", y)), nil
	}
	var ev []bloc.Measure
	var parts []bloc.Msg
	inOrder := true
	for k, s := range states {
		r, _ := rankIn(counts, s)
		m := sub.SanctionsOn(s)
		ev = append(ev, m)
		parts = append(parts, bloc.Sayf("%s %.0f episodes (rank %d)", x.abbArg(s), counts[s], r))
		if r != k+1 {
			inOrder = false
		}
	}
	for _, f := range x.c.FactsOf("sanctions_count", 0, 0) {
		ev = append(ev, x.c.FactMeasure(f))
	}
	var lead []bloc.Msg
	for _, c := range topKeys(counts, 4) {
		lead = append(lead, bloc.Sayf("%s %.0f", x.abbArg(c), counts[c]))
	}
	// Each state is a clause of its own; the lists of any length are said
	// in every language.
	why := said(bloc.Sayf("GSDB episodes in force in %d: %s; the most sanctioned: %s. GSDB counts sanction episodes, the paper's source (Castellum.AI) counts designations.",
		y, indicators.Commas(parts), indicators.Commas(lead)))
	if inOrder {
		return bloc.Supported, why, ev
	}
	for _, s := range states {
		if r, _ := rankIn(counts, s); r <= 5 {
			return bloc.PartlyHolds, why, ev
		}
	}
	return bloc.Refuted, why, ev
}

func checkFact(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	var ev []bloc.Measure
	var parts []bloc.Msg
	for _, f := range x.facts("facts") {
		ev = append(ev, x.c.FactMeasure(f))
		parts = append(parts, bloc.Sayf("%s [%s: %s]", factText(f), verbatim(f.Status), bloc.Term{Key: "fact_status." + f.Status, Text: casefile.Statuses[f.Status]}))
	}
	return bloc.NotTestable, said(bloc.Sayf("No loaded dataset covers this; the case file records: %s.", indicators.Semicolons(parts))), ev
}

func checkNotTestable(x *claimCtx) (bloc.ClaimVerdict, why, []bloc.Measure) {
	r := x.args["reason"]
	if r == "" {
		return bloc.NotTestable, said(bloc.Sayf("Not testable with the loaded data.")), nil
	}
	// The reason is the case file's prose, in its language.
	return bloc.NotTestable, why{text: strings.ToUpper(r[:1]) + r[1:] + "."}, nil
}
