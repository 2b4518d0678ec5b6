// Package verdict answers "why does state A align with state B?": it runs
// every registered theory on the dyad and period, ranks them by congruence,
// classifies the tie, ranks A's threats, compares the two best theories in
// the terms of the paper's Table 4 and, with a case file, checks the claims
// of the case's source against the data. It renders the verdict as text,
// Markdown or JSON (bloc.Verdict; docs/verdict-schema.md).
package verdict

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/casefile"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/evidence"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/monitor"
	"github.com/bloc-project/bloc/theory"
	"github.com/bloc-project/bloc/world"
)

// Core are the datasets whose overlap sets the default period: capabilities,
// alliances (the outcome), UN ideal points and strategic rivalries.
var Core = []string{"cow_nmc_v7", "atop5_dyad_year", "unga_ideal_points_bsv_jun2024", "tss_strategic_rivalries"}

// DefaultYears is the length of the default period.
const DefaultYears = 10

// DefaultPeriod returns the latest DefaultYears-year window in which the
// Core datasets overlap: with the catalogue's releases, 2009–2018 (ATOP
// ends in 2018). Indicators from datasets that end earlier (trade 2014, MIDs
// 2010, ICEWS 2014, contiguity 2016) report the year they use.
func DefaultPeriod() bloc.Period {
	from, to := 0, 9999
	for _, n := range Core {
		ds := datasets.MustLookup(n)
		from = max(from, ds.Years[0])
		to = min(to, ds.Years[1])
	}
	return bloc.Period{From: max(from, to-DefaultYears+1), To: to}
}

// Options control a verdict.
type Options struct {
	Params indicators.Params
	// ThreatRows is how many of A's threats the verdict lists (default 10);
	// B's row is added when it ranks lower.
	ThreatRows int
	// Case is the case file whose claims are checked (nil: none). Its facts
	// must already be in the World (World.Facts).
	Case *casefile.Case
	// Compact leaves out the threat rows' component detail, the tests'
	// evidence lists, the evidence items and the random draws of the
	// evidence's sensitivity, for batch output.
	Compact bool
	// Ledger is the evidence ledger weighed with the theories' tests (nil:
	// the tests alone). Prior is the prior over evidence.Hypotheses() (nil:
	// uniform), PriorName its name. Evidence tunes the weighing.
	Ledger    *evidence.Ledger
	Prior     []float64
	PriorName string
	Evidence  evidence.Options
	// WordsDeeds is the event data's word-and-deed measure when computed
	// beforehand (with an event engine); nil computes it from the World.
	WordsDeeds *bloc.WordsDeeds
	// Monitor are the termination monitor's parameters (zero: defaults);
	// MonitorThreat is the outside state it follows (0: A's first-ranked
	// threat other than B).
	Monitor       monitor.Params
	MonitorThreat bloc.CCode
	// NoEvidence and NoTermination leave those sections out (null);
	// NoTests weighs the ledger alone, without the theories' tests.
	NoEvidence, NoTermination, NoTests bool
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{Params: indicators.DefaultParams(), ThreatRows: 10, Monitor: monitor.DefaultParams()}
}

// years formats a period, a single year as itself.
func years(p bloc.Period) string {
	if p.From == p.To {
		return fmt.Sprint(p.From)
	}
	return p.String()
}

// Explain returns the verdict on a aligning with b over p in w. Zero
// Params take the defaults.
func Explain(w *world.World, a, b bloc.CCode, p bloc.Period, opt Options) (*bloc.Verdict, error) {
	if opt.ThreatRows == 0 {
		opt.ThreatRows = 10
	}
	if opt.Params.ThreatForm == "" {
		opt.Params = indicators.DefaultParams()
	}
	f := indicators.NewFrame(w, p, opt.Params)
	return ExplainFrame(f, a, b, opt)
}

// Check validates a dyad and period against the World: distinct states,
// both members of the system in some year of the period.
func Check(w *world.World, a, b bloc.CCode, p bloc.Period) error {
	if p.From > p.To {
		return bloc.Errorf(bloc.EINVALID, "the period starts (%d) after it ends (%d)", p.From, p.To)
	}
	if a == b {
		e := bloc.Errorf(bloc.EINVALID, "A and B are the same state (%s): a state does not align with itself", w.Name(a))
		e.Hints = []string{"give two different states, e.g. `bloc explain IRN RUS`"}
		return e
	}
	for _, c := range []bloc.CCode{a, b} {
		in := false
		for y := p.From; y <= p.To; y++ {
			if w.Member(c, y) {
				in = true
				break
			}
		}
		if !in {
			return bloc.Errorf(bloc.ENODATA, "%s is not a member of the state system in %v", w.Name(c), p)
		}
	}
	return nil
}

// ExplainFrame returns the verdict on a aligning with b in the frame; a batch
// shares one frame across dyads of the same period.
func ExplainFrame(f *indicators.Frame, a, b bloc.CCode, opt Options) (*bloc.Verdict, error) {
	w, p := f.W, f.P
	if err := Check(w, a, b, p); err != nil {
		return nil, err
	}
	if opt.ThreatRows == 0 {
		opt.ThreatRows = 10
	}
	c := theory.NewCase(f, a, b)
	v := &bloc.Verdict{SchemaVersion: bloc.VerdictSchemaVersion, A: w.Info(a), B: w.Info(b), Period: p,
		Question: fmt.Sprintf("Why does %s align with %s, %s?", w.Name(a), w.Name(b), years(p))}
	v.Tie = c.Tie.Render()
	if !c.Aligned() {
		v.Question = fmt.Sprintf("Does %s align with %s, %s, and why (not)?", w.Name(a), w.Name(b), years(p))
	}
	th := f.Threats(a)
	v.Threats = f.ThreatTable(th, opt.ThreatRows, !opt.Compact)
	if r, ok := th.Row(b); ok && (r.Rank == 0 || r.Rank > opt.ThreatRows) {
		if row, ok := f.RowFor(th, b, !opt.Compact); ok {
			v.Threats.Rows = append(v.Threats.Rows, row)
		}
	}
	types := []bloc.CCode{a, b}
	if top, ok := c.TopThreat(); ok && top.J != b {
		types = append(types, top.J)
	}
	for _, s := range types {
		v.Types = append(v.Types, f.StateType(s))
	}
	v.Theories = theory.Evaluate(c)
	for _, r := range v.Theories {
		v.Ranking = append(v.Ranking, bloc.RankEntry{Rank: r.Rank, Theory: r.ID, Name: r.Name, Score: r.Score, Coverage: r.Coverage})
	}
	v.Comparison = compare(c, v.Theories)
	if opt.Case != nil {
		v.Case = checkClaims(c, v, opt.Case)
	}
	if !opt.NoTermination {
		v.Termination = terminate(f, th, a, b, opt)
	}
	if !opt.NoEvidence {
		ev, err := weigh(f, c, v, opt)
		if err != nil {
			return nil, err
		}
		v.Evidence = ev
	}
	v.Params = opt.Params.Map()
	if v.Evidence != nil {
		v.Params["evidence_draws"] = v.Evidence.Sensitivity.Draws
		v.Params["evidence_seed"] = v.Evidence.Sensitivity.Seed
		v.Params["evidence_perturbation"] = v.Evidence.Sensitivity.Factor
	}
	if v.Termination != nil {
		v.Params["monitor_window"] = v.Termination.Window
		v.Params["monitor_intercept"] = v.Termination.Model.Intercept
		v.Params["monitor_weight"] = v.Termination.Model.Weights[0]
	}
	v.Notes, v.NotesMsg = notes(c, v)
	v.Sources = sources(v)
	if opt.Compact {
		compact(v)
	}
	normalize(v)
	return v, nil
}

// terminate runs the termination monitor over the period, following A's
// first-ranked threat other than B; its window frames are shared through
// the frame's memo, so a batch computes each once.
func terminate(f *indicators.Frame, th *indicators.Threats, a, b bloc.CCode, opt Options) *bloc.Termination {
	threat := opt.MonitorThreat
	for _, r := range th.Rows {
		if threat != 0 {
			break
		}
		if r.Rank > 0 && r.J != b && r.J != a {
			threat = r.J
		}
	}
	mp := opt.Monitor
	if mp.Window == 0 {
		mp = monitor.DefaultParams()
	}
	wp := opt.Params
	wp.History, wp.Samples = 0, 0
	return monitor.Monitor(monitor.Input{W: f.W, A: a, B: b, Period: f.P, Threat: threat, Indicators: opt.Params, Params: mp,
		Frame: func(p bloc.Period) *indicators.Frame {
			return f.Memo("monitor.frame."+p.String(), func() any { return indicators.NewFrame(f.W, p, wp) }).(*indicators.Frame)
		}})
}

// weigh weighs the evidence ledger and the theories' tests (the verdict's
// evidence section).
func weigh(f *indicators.Frame, c *theory.Case, v *bloc.Verdict, opt Options) (*bloc.Evidence, error) {
	wd := opt.WordsDeeds
	if wd == nil {
		var err error
		if wd, err = evidence.WordsDeeds(context.Background(), f.W, c.I, c.J, f.P, nil); err != nil {
			return nil, err
		}
	}
	eo := opt.Evidence
	if opt.Compact {
		eo.Draws = -1
	}
	ev, err := evidence.Assess(evidence.Input{A: v.A, B: v.B, Period: f.P, Aligned: c.Aligned(), Theories: v.Theories, Ledger: opt.Ledger,
		FactLag: c.FactLag, Prior: opt.Prior, PriorName: opt.PriorName, NoTests: opt.NoTests, Options: eo, Events: wd})
	if err != nil {
		return nil, err
	}
	if opt.Ledger != nil {
		ev.Ledger.Citation = opt.Ledger.Key
	}
	return ev, nil
}

// normalize makes every list of the verdict an array in JSON, never null.
func normalize(v *bloc.Verdict) {
	if v.Tie.Pledges == nil {
		v.Tie.Pledges = []bloc.Pledge{}
	}
	if v.Tie.Evidence == nil {
		v.Tie.Evidence = []bloc.Measure{}
	}
	if v.Threats.Rows == nil {
		v.Threats.Rows = []bloc.ThreatRow{}
	}
	if v.Types == nil {
		v.Types = []bloc.StateType{}
	}
	for k := range v.Types {
		if v.Types[k].Dimensions == nil {
			v.Types[k].Dimensions = []string{}
		}
		if v.Types[k].Evidence == nil {
			v.Types[k].Evidence = []bloc.Measure{}
		}
	}
	if v.Sources == nil {
		v.Sources = []bloc.Provenance{}
	}
	if v.Notes == nil {
		v.Notes = []string{}
	}
}

// compare sets the two best testable theories side by side.
func compare(c *theory.Case, rs []bloc.TheoryResult) *bloc.Comparison {
	var top []bloc.TheoryResult
	for _, r := range rs {
		if r.Testable {
			top = append(top, r)
		}
		if len(top) == 2 {
			break
		}
	}
	if len(top) < 2 {
		return nil
	}
	ns := theory.Narratives(c, top[0].ID, top[1].ID)
	n1, n2 := ns[top[0].ID], ns[top[1].ID]
	return &bloc.Comparison{First: top[0].ID, Second: top[1].ID, Rows: []bloc.ComparisonRow{
		{Aspect: "causes", Label: "What brings the tie about", First: n1.Causes, Second: n2.Causes},
		{Aspect: "motives", Label: "What the aligning state seeks", First: n1.Motives, Second: n2.Motives},
		{Aspect: "results", Label: "What kind of tie results", First: n1.Results, Second: n2.Results},
		{Aspect: "ends_when", Label: "What would end the tie", First: n1.EndsWhen, Second: n2.EndsWhen},
	}}
}

// notes lists what the reader should know: no tie to explain, untestable
// theories, datasets that end before the period does. Each note comes with
// its message (index for index).
func notes(c *theory.Case, v *bloc.Verdict) ([]string, []bloc.Msg) {
	var out []bloc.Msg
	switch v.Tie.Kind {
	case bloc.NoTie:
		out = append(out, bloc.Sayf("There is no tie between %s and %s in %v to explain; each theory is scored on whether its conditions predict that absence.", v.A.AbbArg(), v.B.AbbArg(), v.Period))
	case bloc.UnknownTie:
		out = append(out, bloc.Sayf("The data cannot tell whether %s and %s are aligned in %v; the theories are scored as explaining a tie, as the question presumes.", v.A.AbbArg(), v.B.AbbArg(), v.Period))
	}
	for k := range v.Theories {
		if r := &v.Theories[k]; !r.Testable {
			out = append(out, bloc.Sayf("%s is not testable for %v: %s", theoryName(r), v.Period, indicators.Quote(r.NotTestable, r.NotTestableMsg)))
		}
	}
	seen := map[string]bool{}
	var ends []bloc.Msg
	for _, r := range v.Theories {
		for _, t := range r.Tests {
			for _, m := range t.Evidence {
				for _, n := range strings.Split(m.Source.Dataset, "+") {
					ds, err := datasets.Lookup(n)
					if err != nil || seen[n] || ds.TimeInvariant() || ds.Years[1] >= v.Period.To || ds.Years[1] < v.Period.From {
						continue
					}
					seen[n] = true
					ends = append(ends, bloc.Sayf("%s ends in %d: its indicators use %d at the latest.", verbatim(ds.Name), ds.Years[1], ds.Years[1]))
				}
			}
		}
	}
	sort.Slice(ends, func(i, j int) bool { return ends[i].String() < ends[j].String() })
	out = append(out, ends...)
	texts := make([]string, len(out))
	for k, m := range out {
		texts[k] = m.String()
	}
	return texts, out
}

// sources lists the datasets the verdict's measures come from, each once.
func sources(v *bloc.Verdict) []bloc.Provenance {
	seen := map[string]bool{}
	var out []bloc.Provenance
	add := func(p bloc.Provenance) {
		for _, n := range strings.Split(p.Dataset, "+") {
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			if ds, err := datasets.Lookup(n); err == nil {
				out = append(out, bloc.Provenance{Dataset: ds.Name, Version: ds.Version, Citation: ds.CitationKeys()})
			} else if n == "case file" && v.Case != nil {
				out = append(out, bloc.Provenance{Dataset: "case file " + v.Case.File, Citation: v.Case.Citation})
			}
		}
	}
	walk := func(ms []bloc.Measure) {
		for _, m := range ms {
			add(m.Source)
		}
	}
	walk(v.Tie.Evidence)
	for _, r := range v.Threats.Rows {
		walk(r.Detail)
	}
	for _, t := range v.Types {
		walk(t.Evidence)
	}
	for _, r := range v.Theories {
		for _, t := range r.Tests {
			walk(t.Evidence)
		}
	}
	if v.Case != nil {
		for _, c := range v.Case.Claims {
			walk(c.Evidence)
		}
	}
	if v.Evidence != nil {
		if l := v.Evidence.Ledger; l != nil && l.Counted > 0 {
			out = append(out, bloc.Provenance{Dataset: "evidence ledger " + l.File, Citation: l.Citation})
		}
		if v.Evidence.Events != nil {
			add(bloc.Provenance{Dataset: string(world.Events)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dataset < out[j].Dataset })
	return out
}

// compact drops the bulky detail of a verdict for batch output.
func compact(v *bloc.Verdict) {
	for k := range v.Threats.Rows {
		v.Threats.Rows[k].Detail = nil
	}
	for k := range v.Theories {
		for t := range v.Theories[k].Tests {
			v.Theories[k].Tests[t].Evidence = []bloc.Measure{}
		}
	}
	v.Tie.Evidence = []bloc.Measure{}
	for k := range v.Types {
		v.Types[k].Evidence = []bloc.Measure{}
	}
	if v.Evidence != nil {
		v.Evidence.Items = []bloc.EvidenceItem{}
		if v.Evidence.Events != nil {
			for k := range v.Evidence.Events.Series {
				v.Evidence.Events.Series[k].Years = []bloc.WordsDeedsYear{}
			}
		}
	}
}
