package charts

import (
	"fmt"
	"strconv"

	"github.com/bloc-project/bloc"
)

// verdictSource is the provenance of a chart drawn from the verdict itself.
func verdictSource(field string) []bloc.Provenance {
	return []bloc.Provenance{{Dataset: "verdict", Formula: field + " (docs/verdict-schema.md)"}}
}

// Posteriors lays out the Bayesian weighing of the verdict (evidence):
// each hypothesis's posterior probability, with the 5th–95th percentile
// range of its posterior when every likelihood is perturbed
// (evidence.sensitivity.perturb_range). Without a weighing the chart has no
// data.
func Posteriors(v *bloc.Verdict) *Chart {
	c := &Chart{ID: "posteriors", Key: "chart.posteriors", Title: "Posterior probability of each hypothesis, with its range when the likelihoods are perturbed",
		Kind: Interval, XKind: XTheory, YKey: "axis.probability", YLabel: "posterior probability", Sources: verdictSource("evidence.hypotheses[].posterior, evidence.sensitivity.perturb_range")}
	s := Series{ID: "posterior", Key: "series.posterior", Name: "posterior"}
	if e := v.Evidence; e != nil {
		for _, h := range e.Hypotheses {
			c.X = append(c.X, h.ID)
			s.Values = append(s.Values, bloc.Some(h.Posterior))
			lo, hi := bloc.Some(h.Posterior), bloc.Some(h.Posterior)
			if r, ok := e.Sensitivity.PerturbRange[h.ID]; ok {
				lo, hi = bloc.Some(r.Min), bloc.Some(r.Max)
			}
			s.Lo, s.Hi = append(s.Lo, lo), append(s.Hi, hi)
		}
		c.Notes = []Note{{Key: "note.posteriors", Args: map[string]string{"factor": strconv.FormatFloat(e.Sensitivity.Factor, 'f', -1, 64), "draws": strconv.Itoa(e.Sensitivity.Draws)},
			Text: fmt.Sprintf("Prior: %s. Whiskers: 5th–95th percentiles of the posterior over %d draws with every likelihood multiplied by a factor in [1−%g, 1+%g].", e.Prior, e.Sensitivity.Draws, e.Sensitivity.Factor, e.Sensitivity.Factor)}}
	}
	c.Series = []Series{s}
	return c
}

// Monitor lays out Walt's six conditions for the end of the tie year by
// year (verdict termination): one stacked series per condition, 1 when the
// condition is met, 0 when not, missing without data, so a bar's height is
// the number of conditions met that year.
func Monitor(v *bloc.Verdict) *Chart {
	c := &Chart{ID: "monitor", Key: "chart.monitor", Title: "Walt's six conditions for the end of the tie, year by year (conditions met)",
		Kind: Stacked, XKind: XYear, YKey: "axis.conditions", YLabel: "conditions met", Sources: verdictSource("termination.conditions[].flags")}
	t := v.Termination
	if t == nil {
		return c
	}
	for _, y := range t.Years {
		c.X = append(c.X, strconv.Itoa(y))
	}
	for _, cond := range t.Conditions {
		s := Series{ID: cond.ID, Key: fmt.Sprintf("end.%d", cond.N), Name: cond.Label}
		for _, f := range cond.Flags {
			switch {
			case f == nil:
				s.Values = append(s.Values, bloc.Missing)
			case *f:
				s.Values = append(s.Values, bloc.Some(1))
			default:
				s.Values = append(s.Values, bloc.Some(0))
			}
		}
		c.Series = append(c.Series, s)
	}
	c.Notes = []Note{{Key: "note.monitor", Args: map[string]string{"window": strconv.Itoa(t.Window)}, Text: fmt.Sprintf("Each condition is measured over a %d-year window; a bar counts the conditions met in the year.", t.Window)}}
	return c
}

// MonitorRisk lays out the monitor's risk of termination per year,
// logistic in the conditions met (termination.risk).
func MonitorRisk(v *bloc.Verdict) *Chart {
	c := &Chart{ID: "monitor_risk", Key: "chart.monitor_risk", Title: "Risk of the tie ending (logistic in the conditions met)",
		Kind: Line, XKind: XYear, YKey: "axis.risk", YLabel: "risk in [0, 1]", Sources: verdictSource("termination.risk")}
	t := v.Termination
	if t == nil {
		return c
	}
	for _, y := range t.Years {
		c.X = append(c.X, strconv.Itoa(y))
	}
	c.Series = []Series{{ID: "risk", Key: "series.risk", Name: "risk", Values: t.Risk}}
	c.Notes = []Note{{Text: t.Model.Formula}}
	return c
}

// WordsDeeds lays out the net cooperation of speech acts (words) and of
// practical actions (deeds) per directed dyad and year, in [−1, 1], from
// the verdict's event measure (evidence.events).
func WordsDeeds(v *bloc.Verdict) *Chart {
	c := &Chart{ID: "words_deeds", Key: "chart.words_deeds", Title: "Words and deeds: net cooperation of speech acts and of practical actions",
		Kind: Line, XKind: XYear, YKey: "axis.net", YLabel: "net cooperation in [−1, 1]", Sources: verdictSource("evidence.events.series[].years[].words_net, deeds_net")}
	if v.Evidence == nil || v.Evidence.Events == nil {
		return c
	}
	ev := v.Evidence.Events
	first, last := 0, 0
	for _, d := range ev.Series {
		for _, y := range d.Years {
			if first == 0 || y.Year < first {
				first = y.Year
			}
			last = max(last, y.Year)
		}
	}
	if first == 0 {
		return c
	}
	for y := first; y <= last; y++ {
		c.X = append(c.X, strconv.Itoa(y))
	}
	for _, d := range ev.Series {
		words := Series{ID: "words_" + d.Dyad, Key: "series.words", Args: map[string]string{"dyad": d.Dyad}, Name: "words " + d.Dyad, Values: make([]bloc.Num, len(c.X))}
		deeds := Series{ID: "deeds_" + d.Dyad, Key: "series.deeds", Args: map[string]string{"dyad": d.Dyad}, Name: "deeds " + d.Dyad, Values: make([]bloc.Num, len(c.X))}
		for _, y := range d.Years {
			words.Values[y.Year-first], deeds.Values[y.Year-first] = y.Words, y.Deeds
		}
		c.Series = append(c.Series, words, deeds)
	}
	c.Sources = append(c.Sources, bloc.Provenance{Dataset: ev.Source, Formula: "CAMEO quad counts"})
	c.Notes = []Note{{Key: "note.words_deeds", Text: "Words = (Q1−Q3)/(Q1+Q3), speech acts; deeds = (Q2−Q4)/(Q2+Q4), practical actions (CAMEO quad classes)."}}
	return c
}

// Intentions lays out the aggressive intentions behind the threat year by
// year, in [0, 1], from the monitor's series (termination.series): B's
// towards A, and the outside threat T's towards A and towards B, with the
// cut from which a state counts as aggressive.
func Intentions(v *bloc.Verdict) *Chart {
	c := &Chart{ID: "intentions", Key: "chart.intentions", Title: "Aggressive intentions year by year (Walt's fourth source of threat)",
		Kind: Line, XKind: XYear, YKey: "axis.unit", YLabel: "index in [0, 1]", Sources: verdictSource("termination.series c1.partner_intent, c2.threat_intent, c2.threat_intent_partner")}
	t := v.Termination
	if t == nil {
		return c
	}
	for _, y := range t.Years {
		c.X = append(c.X, strconv.Itoa(y))
	}
	args := map[string]string{"a": v.A.Abb, "b": v.B.Abb}
	if t.Threat != nil {
		args["t"] = t.Threat.Abb
	}
	keys := map[string]string{"c1.partner_intent": "series.intent_ba", "c2.threat_intent": "series.intent_ta", "c2.threat_intent_partner": "series.intent_tb"}
	cut := bloc.Missing
	for _, s := range t.Series {
		key, ok := keys[s.ID]
		if !ok {
			continue
		}
		c.Series = append(c.Series, Series{ID: s.ID, Key: key, Args: args, Name: s.Label, Values: s.Values})
		if s.Threshold.OK {
			cut = s.Threshold
		}
	}
	if cut.OK {
		c.Notes = []Note{{Key: "note.intentions", Args: map[string]string{"cut": strconv.FormatFloat(cut.V, 'f', -1, 64)},
			Text: fmt.Sprintf("From %g a state counts as perceived to have aggressive intentions; each value is the intentions index over the monitor's window.", cut.V)}}
	}
	return c
}
