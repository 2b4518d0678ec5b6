package whatif

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/evidence"
	"github.com/bloc-project/bloc/world"
)

// Scenario is a named set of modifications: one of the paper's Table 2
// conditions under which Iran's alignment with Russia would end (Walt
// 1997). Roles stand for the states: A the aligning state (Iran), B its
// partner (Russia), T A's top threat (the United States), so the scenarios
// apply to any dyad.
type Scenario struct {
	Name string `json:"name"`
	// Condition is Walt's condition (1–6), the row of the paper's Table 2.
	Condition int      `json:"condition"`
	Paper     string   `json:"paper"`
	Sets      []string `json:"sets"`
}

// Scenarios are the paper's Table 2 as what-if commands.
var Scenarios = []Scenario{
	{"iran-fears-russia", 1, "If Iran, for whatever reason, comes to perceive a threat from Russia, the tendency to ally with it will disappear.",
		[]string{"B.intentions=high"}},
	{"us-threat-fades", 2, "If Iran no longer sees the United States as a threat and does not perceive its aims as aggressive, the tendency to ally with Russia will disappear.",
		[]string{"T.intentions=low"}},
	{"iran-grows-strong", 3, "If Iran's military and security capabilities grow markedly, it will conclude that it no longer needs the alliance with Russia and can face the threat alone.",
		[]string{"A.cinc*=3"}},
	{"russia-unreliable", 4, "Iran's decision-makers come to doubt the alliance's usefulness or Russia's loyalty in supporting Iran's interests.",
		[]string{"B.sanctions=1"}},
	{"iran-regime-change", 5, "Domestic politics change: regime change, or domestic fights over the alignment with Russia.",
		[]string{"A.polity2=8", "A.polyarchy=0.7"}},
	{"us-declines", 6, "The structure of international power changes: the United States is no longer the superpower of the system.",
		[]string{"T.cinc*=0.4"}},
	{"russia-declines", 6, "The structure of international power changes: Russia's power declines.",
		[]string{"B.cinc*=0.4"}},
}

// Lookup returns the scenario with the given name.
func Lookup(name string) (Scenario, error) {
	for _, s := range Scenarios {
		if strings.EqualFold(s.Name, name) {
			return s, nil
		}
	}
	var names []string
	for _, s := range Scenarios {
		names = append(names, s.Name)
	}
	return Scenario{}, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--scenario %q is not a scenario", name),
		Hints: []string{"scenarios: " + strings.Join(names, ", ") + ", or all"}}
}

// Rank is one theory's place in a verdict.
type Rank struct {
	Theory string   `json:"theory"`
	Rank   int      `json:"rank"`
	Score  bloc.Num `json:"score"`
}

// Summary is what a what-if compares of a verdict.
type Summary struct {
	Tie       string `json:"tie"`
	TopThreat string `json:"top_threat"`
	// Best is the first-ranked testable theory.
	Best    string `json:"best"`
	Ranking []Rank `json:"ranking"`
	// EvidenceTop is the hypothesis with the largest posterior.
	EvidenceTop string             `json:"evidence_top"`
	Posterior   map[string]float64 `json:"posterior"`
	Years       []int              `json:"years"`
	Risk        []bloc.Num         `json:"risk"`
	// Flags lists, per condition id, the years it is met.
	Flags map[string][]int `json:"flags"`
}

// Summarize extracts the summary of a verdict.
func Summarize(v *bloc.Verdict) Summary {
	s := Summary{Tie: string(v.Tie.Kind), Posterior: map[string]float64{}, Flags: map[string][]int{}}
	for _, r := range v.Threats.Rows {
		if r.Rank == 1 {
			s.TopThreat = r.State.Abb
		}
	}
	for _, r := range v.Theories {
		s.Ranking = append(s.Ranking, Rank{Theory: r.ID, Rank: r.Rank, Score: r.Score})
		if s.Best == "" && r.Testable {
			s.Best = r.ID
		}
	}
	if ev := v.Evidence; ev != nil {
		s.EvidenceTop = ev.Top
		for _, h := range ev.Hypotheses {
			s.Posterior[h.ID] = h.Posterior
		}
	}
	if t := v.Termination; t != nil {
		s.Years, s.Risk = t.Years, t.Risk
		for _, c := range t.Conditions {
			for k, f := range c.Flags {
				if f != nil && *f {
					s.Flags[c.ID] = append(s.Flags[c.ID], t.Years[k])
				}
			}
		}
	}
	return s
}

// Outcome is one scenario's result against the baseline.
type Outcome struct {
	Name      string   `json:"name"`
	Condition int      `json:"condition,omitempty"`
	Paper     string   `json:"paper,omitempty"`
	Sets      []string `json:"sets"`
	// Applied says what each modification did, with the states and years.
	Applied []string `json:"applied"`
	Summary Summary  `json:"summary"`
	// Changes lists what changed against the baseline, in words.
	Changes []string `json:"changes"`
	// ChangesMsg holds Changes as messages, index for index.
	ChangesMsg []bloc.Msg `json:"changes_msg,omitempty"`
	// ChangesText holds Changes rendered in the language a presentation
	// asked for (the HTTP API's lang parameter); absent otherwise.
	ChangesText []string      `json:"changes_text,omitempty"`
	Verdict     *bloc.Verdict `json:"verdict,omitempty"`
}

// Report is a what-if: the baseline and the scenarios.
type Report struct {
	A      bloc.State  `json:"a"`
	B      bloc.State  `json:"b"`
	Period bloc.Period `json:"period"`
	// At is the year modifications without @YEARS start in.
	At        int       `json:"at"`
	Baseline  Summary   `json:"baseline"`
	Scenarios []Outcome `json:"scenarios"`
}

// Named is a scenario to run: a name and its parsed modifications.
type Named struct {
	Scenario
	Parsed []Set
}

// Run applies each scenario to a clone of w and explains it, comparing each
// with the baseline verdict base. explain is the verdict of the dyad on a
// World. With full, each outcome carries its whole verdict.
func Run(base *bloc.Verdict, w *world.World, env Env, scenarios []Named, explain func(*world.World) (*bloc.Verdict, error), full bool) (*Report, error) {
	r := &Report{Period: base.Period, At: env.At, Baseline: Summarize(base)}
	r.A, r.B = base.A, base.B
	for _, sc := range scenarios {
		c := w.Clone()
		o := Outcome{Name: sc.Name, Condition: sc.Condition, Paper: sc.Paper, Applied: []string{}}
		for _, s := range sc.Parsed {
			o.Sets = append(o.Sets, s.Text)
			did, err := Apply(c, s, env)
			if err != nil {
				return nil, err
			}
			o.Applied = append(o.Applied, did)
		}
		v, err := explain(c)
		if err != nil {
			return nil, err
		}
		o.Summary = Summarize(v)
		o.ChangesMsg = CompareMsg(r.Baseline, o.Summary)
		o.Changes = make([]string, len(o.ChangesMsg))
		for i, m := range o.ChangesMsg {
			o.Changes[i] = m.String()
		}
		if full {
			o.Verdict = v
		}
		r.Scenarios = append(r.Scenarios, o)
	}
	return r, nil
}

// Compare lists what changed from a to b, in words.
func Compare(a, b Summary) []string {
	msgs := CompareMsg(a, b)
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.String()
	}
	return out
}

// CompareMsg is Compare as messages (bloc.Msg), for other languages: tie
// kinds, theories and hypotheses are terms of the vocabulary, condition
// ids and state codes print as they are.
func CompareMsg(a, b Summary) []bloc.Msg {
	var out []bloc.Msg
	if a.Tie != b.Tie {
		out = append(out, bloc.Sayf("tie: %s → %s", tieTerm(a.Tie), tieTerm(b.Tie)))
	}
	if a.TopThreat != b.TopThreat {
		out = append(out, bloc.Sayf("top threat: %s → %s", codeOrNone(a.TopThreat), codeOrNone(b.TopThreat)))
	}
	if a.Best != b.Best {
		out = append(out, bloc.Sayf("best theory: %s → %s", theoryTerm(a.Best), theoryTerm(b.Best)))
	}
	ra := map[string]Rank{}
	for _, x := range a.Ranking {
		ra[x.Theory] = x
	}
	for _, x := range b.Ranking {
		y := ra[x.Theory]
		moved := y.Rank != x.Rank
		scored := y.Score.OK != x.Score.OK || (x.Score.OK && math.Abs(x.Score.V-y.Score.V) >= 0.005)
		if moved || scored {
			out = append(out, bloc.Sayf("%s: rank %d → %d, score %s → %s", theoryTerm(x.Theory), y.Rank, x.Rank, signed(y.Score), signed(x.Score)))
		}
	}
	if a.EvidenceTop != b.EvidenceTop {
		out = append(out, bloc.Sayf("posterior top: %s → %s", hypOrNone(a.EvidenceTop), hypOrNone(b.EvidenceTop)))
	}
	ids := make([]string, 0, len(b.Posterior))
	for id := range b.Posterior {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if d := b.Posterior[id] - a.Posterior[id]; math.Abs(d) >= 0.01 {
			out = append(out, bloc.Sayf("posterior %s: %.3f → %.3f", hypTerm(id, evidence.Short(id)), a.Posterior[id], b.Posterior[id]))
		}
	}
	for k, y := range b.Years {
		if k < len(a.Risk) && a.Risk[k].OK && b.Risk[k].OK && math.Abs(a.Risk[k].V-b.Risk[k].V) >= 0.005 {
			out = append(out, bloc.Sayf("termination risk %d: %.2f → %.2f", y, a.Risk[k].V, b.Risk[k].V))
		}
	}
	conds := map[string]bool{}
	for c := range a.Flags {
		conds[c] = true
	}
	for c := range b.Flags {
		conds[c] = true
	}
	var cs []string
	for c := range conds {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	for _, c := range cs {
		if fmt.Sprint(a.Flags[c]) != fmt.Sprint(b.Flags[c]) {
			out = append(out, bloc.Sayf("%s met in %s → %s", bloc.Code(c), yearsList(a.Flags[c]), yearsList(b.Flags[c])))
		}
	}
	if len(out) == 0 {
		out = []bloc.Msg{bloc.Sayf("no change")}
	}
	return out
}

func tieTerm(k string) bloc.Term { return bloc.Term{Key: "tie." + k, Text: k} }

func theoryTerm(id string) any {
	if id == "" {
		return bloc.Sayf("none")
	}
	return bloc.Term{Key: "theory." + id, Text: id}
}

// hypTerm is a hypothesis (a theory or the residual) printed as text in
// English and by its name in other languages.
func hypTerm(id, text string) bloc.Term {
	if id == bloc.Residual {
		return bloc.Term{Key: "hyp.residual", Text: text}
	}
	return bloc.Term{Key: "theory." + id, Text: text}
}

func hypOrNone(id string) any {
	if id == "" {
		return bloc.Sayf("none")
	}
	return hypTerm(id, id)
}

func codeOrNone(s string) any {
	if s == "" {
		return bloc.Sayf("none")
	}
	return bloc.Code(s)
}

// yearsList lists years ("2010, 2011"), or says there is none.
func yearsList(ys []int) any {
	if len(ys) == 0 {
		return bloc.Sayf("no year")
	}
	s := make([]string, len(ys))
	for k, y := range ys {
		s[k] = fmt.Sprint(y)
	}
	return strings.Join(s, ", ")
}

func signed(v bloc.Num) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf("%+.2f", v.V)
}
