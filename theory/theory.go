// Package theory states the rival theories of alliance formation as code:
// each theory lists its assumptions (as the paper's Tables 1 and 3 do),
// derives its observable implications for a dyad and period, tests each
// against the indicators, and scores its congruence with the evidence in
// [−1, 1] (Blatter & Haverland 2012; THEORY.md L1).
//
// A theory is a value implementing Theory, added to the registration list
// with Register (each theory registers itself in an init function), so a new
// theory plugs in without touching the others.
package theory

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/world"
)

// Theory is one theory of alliance formation.
type Theory interface {
	// ID is the theory's stable identifier (e.g. "balance_of_threat").
	ID() string
	// Name, Family and Citation describe it.
	Name() string
	Family() string
	Citation() string
	// Assumptions are the theory's core assumptions in words.
	Assumptions() []string
	// Account derives the theory's prediction for the case, the states it
	// points to and its tests. Tests carry Holds; Score sets the outcomes.
	Account(c *Case) Account
}

// Narrator is implemented by theories that can state their account in the
// paper's Table 4 terms.
type Narrator interface {
	Narrative(c *Case) Narrative
}

// Narrative is a theory's account of the tie in the paper's Table 4 terms.
type Narrative struct {
	Causes, Motives, Results, EndsWhen string
}

// Account is what a theory says about a case before scoring.
type Account struct {
	Prediction string
	PointsTo   []bloc.Pointer
	Tests      []bloc.Test
}

var (
	mu         sync.RWMutex
	registered []Theory
)

// Register adds a theory to the list Evaluate runs. It panics if the ID is
// already taken (a programmer error).
func Register(t Theory) {
	mu.Lock()
	defer mu.Unlock()
	for _, r := range registered {
		if r.ID() == t.ID() {
			panic("theory: duplicate theory " + t.ID())
		}
	}
	registered = append(registered, t)
}

// All returns the registered theories in registration order.
func All() []Theory {
	mu.RLock()
	defer mu.RUnlock()
	return append([]Theory(nil), registered...)
}

// Lookup returns the registered theory with the given ID.
func Lookup(id string) (Theory, bool) {
	for _, t := range All() {
		if t.ID() == id {
			return t, true
		}
	}
	return nil, false
}

// Case is the question the theories answer: why does I align with J over the
// frame's period?
type Case struct {
	F    *indicators.Frame
	I, J bloc.CCode
	Tie  *indicators.TieEvidence
	// Facts are the case-file facts usable as evidence for the period: dated
	// from its start to FactLag years after its end.
	Facts []world.Fact
	// FactLag is how many years after the period a fact may be dated and
	// still count (default 5); such facts are flagged.
	FactLag int

	once sync.Once
	top  *indicators.ThreatRow
}

// NewCase prepares the case of i aligning with j in the frame: it classifies
// the tie and selects the usable facts.
func NewCase(f *indicators.Frame, i, j bloc.CCode) *Case {
	c := &Case{F: f, I: i, J: j, FactLag: 5}
	c.Tie = f.Tie(i, j)
	for _, x := range f.W.Facts {
		if x.Year == 0 || (x.Year >= f.P.From && x.Year <= f.P.To+c.FactLag) {
			c.Facts = append(c.Facts, x)
		}
	}
	return c
}

// Aligned reports whether the theories are scored as explaining a tie: when
// there is one (alliance, coalition or alignment), and when the data cannot
// tell (unknown), since the question presumes one.
func (c *Case) Aligned() bool { return c.Tie.Kind != bloc.NoTie }

// TieSummary describes the tie in a few words: its kind and the ATOP
// obligations, or the rule that decided it.
func (c *Case) TieSummary() string {
	if len(c.Tie.Pledges) == 0 {
		return fmt.Sprintf("%s (%s)", c.Tie.Kind, c.Tie.Basis)
	}
	names := make([]string, len(c.Tie.Pledges))
	for k, p := range c.Tie.Pledges {
		names[k] = strings.ReplaceAll(p.Obligation, "_", "-")
	}
	return fmt.Sprintf("%s (ATOP %s)", c.Tie.Kind, strings.Join(names, ", "))
}

// Abb returns a state's abbreviation.
func (c *Case) Abb(s bloc.CCode) string { return c.F.Abb(s) }

// AbbArg is the state as an argument of bloc.Sayf (world.World.AbbArg).
func (c *Case) AbbArg(s bloc.CCode) bloc.Abbr { return c.F.AbbArg(s) }

// Name returns a state's name.
func (c *Case) Name(s bloc.CCode) string { return c.F.W.Name(s) }

// TopThreat returns i's first-ranked threat other than j... or j itself when
// it ranks first. ok is false when no threat could be ranked.
func (c *Case) TopThreat() (*indicators.ThreatRow, bool) {
	c.once.Do(func() {
		if r, ok := c.F.Threats(c.I).Top(); ok {
			c.top = r
		}
	})
	return c.top, c.top != nil
}

// FactsOf returns the usable facts of a kind, optionally restricted to a
// subject and an object (0 matches any).
func (c *Case) FactsOf(kind string, subject, object bloc.CCode) []world.Fact {
	var out []world.Fact
	for _, x := range c.Facts {
		if x.Kind == kind && (subject == 0 || x.SubjectCode == subject) && (object == 0 || x.ObjectCode == object) {
			out = append(out, x)
		}
	}
	return out
}

// FactMeasure renders a fact as evidence.
func (c *Case) FactMeasure(x world.Fact) bloc.Measure {
	m := bloc.Measure{ID: "fact." + x.ID, Label: x.Kind + ": " + factLabel(x), Subject: x.Subject, Value: x.Value, Range: x.Unit,
		Year: x.Year, Source: bloc.Provenance{Dataset: "case file", Formula: x.Source, Citation: x.Citation}}
	late := x.Year > c.F.P.To
	var msg bloc.Msg
	switch {
	case x.Rank > 0 && x.Of != 0 && late:
		msg = bloc.Sayf("status %s; dated %s, after the period; rank %d of %d", bloc.Code(x.Status), x.Date, x.Rank, x.Of)
	case x.Rank > 0 && late:
		msg = bloc.Sayf("status %s; dated %s, after the period; rank %d", bloc.Code(x.Status), x.Date, x.Rank)
	case x.Rank > 0 && x.Of != 0:
		msg = bloc.Sayf("status %s; rank %d of %d", bloc.Code(x.Status), x.Rank, x.Of)
	case x.Rank > 0:
		msg = bloc.Sayf("status %s; rank %d", bloc.Code(x.Status), x.Rank)
	case late:
		msg = bloc.Sayf("status %s; dated %s, after the period", bloc.Code(x.Status), x.Date)
	default:
		msg = bloc.Sayf("status %s", bloc.Code(x.Status))
	}
	setNote(&m, msg)
	return m
}

func factLabel(x world.Fact) string {
	if x.Text != "" {
		return x.Text
	}
	return x.ID
}

// Evaluate runs every registered theory on the case, scores and ranks them.
func Evaluate(c *Case) []bloc.TheoryResult { return EvaluateWith(c, All()) }

// EvaluateWith runs the given theories on the case, scores and ranks them.
func EvaluateWith(c *Case, ts []Theory) []bloc.TheoryResult {
	out := make([]bloc.TheoryResult, 0, len(ts))
	for _, t := range ts {
		out = append(out, Run(t, c))
	}
	Rank(out)
	return out
}

// Run evaluates one theory on the case.
func Run(t Theory, c *Case) bloc.TheoryResult {
	a := t.Account(c)
	r := bloc.TheoryResult{ID: t.ID(), Name: t.Name(), Family: t.Family(), Citation: t.Citation(), Assumptions: t.Assumptions(),
		Prediction: a.Prediction, PointsTo: a.PointsTo, Tests: a.Tests}
	if r.PointsTo == nil {
		r.PointsTo = []bloc.Pointer{}
	}
	Score(&r, c.Aligned())
	return r
}

// Score codes each test against the observed tie and computes the
// congruence C_k = Σ w_e c_e / Σ w_e over the tests with data (THEORY.md
// L1). With a tie, a condition the theory needs for alignment is congruent
// (+1) when it holds and contradicted (−1) when it fails; with no tie the
// coding is reversed, since a failing condition explains the absence. Tests
// without data are silent. w_e is the weight of evidence of the observed
// result under Van Evera's test type (THEORY.md L2): a hoop test passed
// weighs little (0.28), a hoop test failed much (1.0), and the reverse for a
// smoking gun; straw-in-the-wind tests weigh 0.18 either way. Coverage is
// the share of the tests' a-priori weight (bloc.TestType.Weight) with data.
//
// A theory predicts alignment when every hoop or doubly decisive test with
// data holds and the tests that hold carry at least half of the weight with
// data. It is not testable when no test has data; the reasons are listed.
func Score(r *bloc.TheoryResult, aligned bool) {
	var num, den, all, holdW float64
	hoopsHold := true
	var why []bloc.Msg
	r.Congruent, r.Contradict, r.NoData = 0, 0, 0
	var seen float64
	for k := range r.Tests {
		t := &r.Tests[k]
		all += t.Type.Weight()
		if t.Evidence == nil {
			t.Evidence = []bloc.Measure{}
		}
		if t.Holds == nil {
			t.Weight = 0
			t.Outcome = bloc.NoData
			r.NoData++
			why = append(why, bloc.Sayf("%s: %s", bloc.Code(t.ID), noDataWhy(t)))
			continue
		}
		seen += t.Type.Weight()
		if *t.Holds {
			t.Weight = t.Type.PassWeight()
			holdW += t.Type.Weight()
		} else {
			t.Weight = t.Type.FailWeight()
			if t.Type == bloc.Hoop || t.Type == bloc.DoublyDecisive {
				hoopsHold = false
			}
		}
		den += t.Weight
		if *t.Holds == aligned {
			t.Outcome = bloc.Congruent
			r.Congruent++
		} else {
			t.Outcome = bloc.Contradicted
			r.Contradict++
		}
		num += t.Weight * t.Outcome.Code()
	}
	if all > 0 {
		r.Coverage = seen / all
	}
	if den == 0 {
		r.Score = bloc.Missing
		r.Testable = false
		r.NotTestable, r.NotTestableMsg = say(bloc.Sayf("no test has data: %s", indicators.Semicolons(why)))
		r.PredictsAlignment = nil
		return
	}
	r.Testable = true
	r.Score = bloc.Some(num / den)
	p := hoopsHold && holdW >= seen/2
	r.PredictsAlignment = &p
}

// noDataWhy says why a test has no data: the note of its first missing
// measure with one, else its Why, as an argument of bloc.Sayf.
func noDataWhy(t *bloc.Test) any {
	for _, m := range t.Evidence {
		if !m.Value.OK && m.Note != "" {
			return indicators.NoteOf(m)
		}
	}
	if t.Why != "" {
		return indicators.Quote(t.Why, t.WhyMsg)
	}
	return bloc.Sayf("no data")
}

// MinCoverage is the share of a theory's test weight that must have data for
// its score to rank with the others; theories below it rank after them.
const MinCoverage = 0.5

// Rank orders the results: theories with a score and at least MinCoverage
// first, by score, then by coverage, then by ID; then the thinly tested
// ones the same way; then the untestable. It sets their ranks.
func Rank(rs []bloc.TheoryResult) {
	sort.SliceStable(rs, func(a, b int) bool {
		x, y := rs[a], rs[b]
		if x.Score.OK != y.Score.OK {
			return x.Score.OK
		}
		if wx, wy := x.Coverage >= MinCoverage, y.Coverage >= MinCoverage; wx != wy {
			return wx
		}
		if x.Score.OK && x.Score.V != y.Score.V {
			return x.Score.V > y.Score.V
		}
		if x.Coverage != y.Coverage {
			return x.Coverage > y.Coverage
		}
		return x.ID < y.ID
	})
	for k := range rs {
		rs[k].Rank = k + 1
	}
}

// Narratives returns the narratives of the theories that tell one.
func Narratives(c *Case, ids ...string) map[string]Narrative {
	out := map[string]Narrative{}
	for _, id := range ids {
		if t, ok := Lookup(id); ok {
			if n, ok := t.(Narrator); ok {
				out[id] = n.Narrative(c)
			}
		}
	}
	return out
}

// test helpers

func yes(b bool) *bool { return &b }

// test builds a test; holds is nil when the data say nothing. why is the
// test's Why, as a message (a zero Msg for none).
func test(id string, typ bloc.TestType, lvl bloc.Level, prediction, rule string, holds *bool, why bloc.Msg, ev ...bloc.Measure) bloc.Test {
	t := bloc.Test{ID: id, Prediction: prediction, Rule: rule, Type: typ, Level: lvl, Holds: holds, Evidence: ev}
	t.Why, t.WhyMsg = say(why)
	return t
}

// say returns a message's English wording and the message for a verdict's
// sentence field and its *Msg sibling: "" and nil for a zero message.
func say(m bloc.Msg) (string, *bloc.Msg) {
	if m.IsZero() {
		return "", nil
	}
	return m.String(), &m
}

// setNote sets a measure's note and its message.
func setNote(m *bloc.Measure, msg bloc.Msg) { m.Note, m.NoteMsg = say(msg) }

// noteMsg is a measure's note as a message when its package gave it one
// (a zero Msg otherwise): a sentence of theirs that a theory reports as is.
func noteMsg(m bloc.Measure) bloc.Msg {
	if m.NoteMsg != nil && m.NoteMsg.String() == m.Note {
		return *m.NoteMsg
	}
	return bloc.Msg{}
}

// na is a missing number in a message: "NA" in English, which other
// languages translate.
var na = bloc.Term{Key: "val.na", Text: "NA"}

// num makes a number formatted by f2, pct and the like an argument of a
// message: "NA" becomes the term na.
func num(s string) any {
	if s == "NA" {
		return na
	}
	return s
}

// cmp tests v against a threshold: "<" or "≥"; nil when v is missing.
func cmp(v bloc.Num, op string, x float64) *bool {
	if !v.OK {
		return nil
	}
	switch op {
	case "<":
		return yes(v.V < x)
	case "≤":
		return yes(v.V <= x)
	case ">":
		return yes(v.V > x)
	default:
		return yes(v.V >= x)
	}
}

func f2(v bloc.Num) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf("%.2f", v.V)
}

func pct(v bloc.Num) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf("%.0f%%", 100*v.V)
}

// pointer makes a Pointer.
func (c *Case) pointer(role string, s bloc.CCode, score bloc.Num, basis bloc.Msg) bloc.Pointer {
	p := bloc.Pointer{Role: role, State: c.F.W.Info(s), Score: score}
	p.Basis, p.BasisMsg = say(basis)
	return p
}

// nameList is names as an argument of bloc.Sayf: a list each language
// joins its own way.
func (c *Case) nameList(ss []bloc.CCode) any {
	out := make([]string, len(ss))
	for k, s := range ss {
		out[k] = c.Abb(s)
	}
	return indicators.Commas(out)
}

// names joins states' abbreviations.
func (c *Case) names(ss []bloc.CCode) string {
	if len(ss) == 0 {
		return "none"
	}
	out := make([]string, len(ss))
	for k, s := range ss {
		out[k] = c.Abb(s)
	}
	return strings.Join(out, ", ")
}
