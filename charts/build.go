package charts

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/series"
)

// Registry is what the charts need of the country registry
// (*registry.Registry): names to states for the sanctions data, and codes
// to states.
type Registry interface {
	series.Resolver
	State(c bloc.CCode) (bloc.State, bool)
}

// IDs lists the charts ForVerdict builds, in order.
var IDs = []string{"theory_scores", "posteriors", "threat_sources", "intentions", "monitor", "monitor_risk", "trade", "sanctions", "most_sanctioned", "vetoes", "cinc", "milex", "events_ab", "events_ba", "words_deeds"}

// Before and After are how many years before and after the verdict's period
// the time-series charts show, within each dataset's years.
const (
	Before = 10
	After  = 5
)

// Span returns the years the time-series charts of a verdict on p cover.
func Span(p bloc.Period) bloc.Period {
	return bloc.Period{From: max(1816, p.From-Before), To: p.To + After}
}

// ForVerdict builds every chart of IDs for the verdict.
func ForVerdict(ctx context.Context, st series.DB, reg Registry, v *bloc.Verdict) ([]Chart, error) {
	out := make([]Chart, 0, len(IDs))
	for _, id := range IDs {
		c, err := Build(ctx, st, reg, v, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}

// Build builds the chart id for the verdict: ENOTFOUND for an unknown id.
func Build(ctx context.Context, st series.DB, reg Registry, v *bloc.Verdict, id string) (*Chart, error) {
	c, err := build(ctx, st, reg, v, id)
	if err != nil {
		return nil, err
	}
	if c.Notes == nil {
		c.Notes = []Note{}
	}
	if c.X == nil {
		c.X = []string{}
	}
	return c, nil
}

func build(ctx context.Context, st series.DB, reg Registry, v *bloc.Verdict, id string) (*Chart, error) {
	span := Span(v.Period)
	switch id {
	case "theory_scores":
		return TheoryScores(v), nil
	case "threat_sources":
		return ThreatSources(v), nil
	case "posteriors":
		return Posteriors(v), nil
	case "intentions":
		return Intentions(v), nil
	case "monitor":
		return Monitor(v), nil
	case "monitor_risk":
		return MonitorRisk(v), nil
	case "words_deeds":
		return WordsDeeds(v), nil
	case "trade":
		sp, note := clip(span, series.TradeTable)
		ss, err := series.Trade(ctx, st, v.A, v.B, sp)
		if err != nil {
			return nil, err
		}
		c := yearly("trade", "chart.trade", fmt.Sprintf("Trade of %s with %s (COW, millions of current USD)", v.A.Abb, v.B.Abb), Line, "axis.usd_m", "millions of current USD", sp, ss)
		c.Args = dyadArgs(v)
		c.Notes = append(c.Notes, note)
		return c, nil
	case "sanctions":
		sp, note := clip(span, series.GSDBTable)
		ss, err := series.Sanctions(ctx, st, reg, focusStates(v), sp)
		if err != nil {
			return nil, err
		}
		c := yearly("sanctions", "chart.sanctions", "Sanctions cases in force against each state (GSDB)", Line, "axis.cases", "cases in force", sp, ss)
		c.Notes = append(c.Notes, note)
		return c, nil
	case "most_sanctioned":
		return mostSanctioned(ctx, st, reg, v)
	case "vetoes":
		sp, note := clip(span, series.VetoTable)
		ss, err := series.Vetoes(ctx, st, focusStates(v), sp)
		if err != nil {
			return nil, err
		}
		c := yearly("vetoes", "chart.vetoes", "UN Security Council vetoes cast by the permanent members among the states", Bar, "axis.vetoes", "vetoes", sp, ss)
		c.Notes = append(c.Notes, Note{Key: "note.vetoes", Text: "Only permanent members of the Security Council cast vetoes."}, note)
		return c, nil
	case "cinc", "milex":
		sp, note := clip(span, series.NMCTable)
		ss, err := series.Capabilities(ctx, st, focusStates(v), id, sp)
		if err != nil {
			return nil, err
		}
		var c *Chart
		if id == "cinc" {
			c = yearly(id, "chart.cinc", "Aggregate power: CINC (COW NMC)", Line, "axis.cinc", "CINC (share of the system)", sp, ss)
		} else {
			c = yearly(id, "chart.milex", "Military expenditure (COW NMC, thousands of current USD)", Line, "axis.usd_k", "thousands of current USD", sp, ss)
		}
		c.Notes = append(c.Notes, note)
		return c, nil
	case "events_ab", "events_ba":
		from, to := v.A, v.B
		if id == "events_ba" {
			from, to = to, from
		}
		sp, note := clip(span, series.EventsTable)
		ss, err := series.Events(ctx, st, from, to, sp)
		if err != nil {
			return nil, err
		}
		c := yearly(id, "chart.events", fmt.Sprintf("Words and deeds: events from %s to %s by quad class (ICEWS)", from.Abb, to.Abb), Stacked, "axis.events", "events", sp, ss)
		c.Args = map[string]string{"a": from.Abb, "b": to.Abb}
		c.Notes = append(c.Notes, Note{Key: "note.events", Text: "Verbal cooperation and conflict are speech acts; material cooperation and conflict are practical actions."}, note)
		return c, nil
	}
	e := bloc.Errorf(bloc.ENOTFOUND, "no chart named %q", id)
	e.Hints = []string{"charts: " + fmt.Sprint(IDs)}
	return nil, e
}

func dyadArgs(v *bloc.Verdict) map[string]string {
	return map[string]string{"a": v.A.Abb, "b": v.B.Abb}
}

// clip returns the part of span inside the dataset's years (at least one
// year) and a note saying which years the dataset covers.
func clip(span bloc.Period, table string) (bloc.Period, Note) {
	ds := datasets.MustLookup(table)
	c := bloc.Period{From: max(span.From, ds.Years[0]), To: min(span.To, ds.Years[1])}
	if c.From > c.To {
		// No overlap: show the span, all missing.
		c = span
	}
	name := strings.TrimSpace(ds.Title + " " + ds.Version)
	years := fmt.Sprintf("%d–%d", ds.Years[0], ds.Years[1])
	return c, Note{Key: "note.coverage", Args: map[string]string{"dataset": name, "years": years}, Text: fmt.Sprintf("%s covers %s.", name, years)}
}

// focusStates are the states the per-state charts follow: A, B and the two
// first-ranked of A's threats.
func focusStates(v *bloc.Verdict) []bloc.State {
	out := []bloc.State{v.A, v.B}
	for _, r := range v.Threats.Rows {
		if len(out) == 4 {
			break
		}
		if r.Rank > 0 && r.Rank <= 2 && r.State.CCode != v.A.CCode && r.State.CCode != v.B.CCode {
			out = append(out, r.State)
		}
	}
	return out
}

// yearly lays out yearly series over sp.
func yearly(id, key, title, kind, yKey, yLabel string, sp bloc.Period, ss []series.Series) *Chart {
	c := &Chart{ID: id, Key: key, Title: title, Kind: kind, XKind: XYear, YKey: yKey, YLabel: yLabel, Series: []Series{}}
	for y := sp.From; y <= sp.To; y++ {
		c.X = append(c.X, strconv.Itoa(y))
	}
	seen := map[string]bool{}
	for _, s := range ss {
		c.Series = append(c.Series, Series{ID: s.ID, Key: s.Key, Args: s.Args, Name: s.Name, Values: s.Values})
		if !seen[s.Source.Dataset] {
			seen[s.Source.Dataset] = true
			c.Sources = append(c.Sources, s.Source)
		}
	}
	if c.Sources == nil {
		c.Sources = []bloc.Provenance{}
	}
	return c
}

func mostSanctioned(ctx context.Context, st series.DB, reg Registry, v *bloc.Verdict) (*Chart, error) {
	ds := datasets.MustLookup(series.GSDBTable)
	year := min(v.Period.To, ds.Years[1])
	year = max(year, ds.Years[0])
	rs, err := series.MostSanctioned(ctx, st, reg, reg.State, year, 10, v.A.CCode, v.B.CCode)
	if err != nil {
		return nil, err
	}
	c := &Chart{ID: "most_sanctioned", Key: "chart.most_sanctioned", Args: map[string]string{"year": strconv.Itoa(year)},
		Title: fmt.Sprintf("The most-sanctioned states in %d: GSDB cases in force", year), Kind: Bar, XKind: XState,
		YKey: "axis.cases", YLabel: "cases in force", Highlight: []string{v.A.Abb, v.B.Abb},
		Sources: []bloc.Provenance{ds.Provenance("sanctions cases in force against the state in the year, ranked")}}
	s := Series{ID: "cases", Key: "series.cases", Name: "cases in force"}
	for _, r := range rs {
		c.X = append(c.X, r.State.Abb)
		s.Values = append(s.Values, bloc.Some(float64(r.Value)))
	}
	c.Series = []Series{s}
	c.Notes = []Note{{Key: "note.most_sanctioned", Args: dyadArgs(v), Text: fmt.Sprintf("The ten states with the most sanctions cases in force in %d, and %s and %s wherever they rank (the seed paper's Figure 2).", year, v.A.Abb, v.B.Abb)}}
	return c, nil
}

// ThreatSources lays out Walt's four sources of threat (power, proximity,
// offensive power, aggressive intentions, each in [0,1]) of the candidate
// threats in the verdict's threat table, in rank order.
func ThreatSources(v *bloc.Verdict) *Chart {
	t := v.Threats
	c := &Chart{ID: "threat_sources", Key: "chart.threat_sources", Args: map[string]string{"a": t.Of.Abb, "year": strconv.Itoa(t.Year)},
		Title: fmt.Sprintf("Walt's four sources of threat: %s's candidate threats (%d)", t.Of.Abb, t.Year), Kind: Bar, XKind: XState,
		YKey: "axis.unit", YLabel: "index in [0, 1]", Highlight: []string{v.B.Abb},
		Sources: []bloc.Provenance{{Dataset: "verdict", Formula: "threats.rows[].power, proximity, offense, intent (docs/verdict-schema.md)"}}}
	parts := []struct{ id, name string }{{"power", "aggregate power"}, {"proximity", "proximity"}, {"offense", "offensive power"}, {"intent", "aggressive intentions"}}
	c.Series = make([]Series, len(parts))
	for k, p := range parts {
		c.Series[k] = Series{ID: p.id, Key: "threat." + p.id, Name: p.name}
	}
	for _, r := range t.Rows {
		c.X = append(c.X, r.State.Abb)
		for k, v := range []bloc.Num{r.Power, r.Proximity, r.Offense, r.Intent} {
			c.Series[k].Values = append(c.Series[k].Values, v)
		}
	}
	c.Notes = []Note{{Key: "note.threat_sources", Text: "Each source in [0, 1]: power = CINC over the year's largest; proximity from contiguity and capital distance; offense from military spending, personnel and arms exports; intentions from disputes, rivalry, conflict events, UN distance and sanctions."}}
	return c
}

// TheoryScores lays out each theory's congruence score C ∈ [−1, 1] in rank
// order with a range: the lowest and highest score the theory could have
// had if every test without data had gone against it or for it (each
// silent test entering with the weight of that result under its Van Evera
// type, as the verdict's scoring does). A theory with every test silent has
// no score and the range [−1, 1].
func TheoryScores(v *bloc.Verdict) *Chart {
	c := &Chart{ID: "theory_scores", Key: "chart.theory_scores", Title: "Congruence of each theory with the evidence (C in [−1, 1]) and its range over the tests without data",
		Kind: Interval, XKind: XTheory, YKey: "axis.congruence", YLabel: "congruence C",
		Sources: []bloc.Provenance{{Dataset: "verdict", Formula: "theories[].score; range over the tests with outcome no_data (charts.TheoryScores)"}}}
	s := Series{ID: "score", Key: "series.score", Name: "congruence"}
	for _, r := range v.Theories {
		c.X = append(c.X, r.ID)
		lo, hi := ScoreRange(r, v.Tie.Kind)
		s.Values = append(s.Values, r.Score)
		s.Lo = append(s.Lo, bloc.Some(lo))
		s.Hi = append(s.Hi, bloc.Some(hi))
	}
	c.Series = []Series{s}
	c.Notes = []Note{{Key: "note.theory_scores", Text: "The bar is the score over the tests with data; the whisker spans the scores the theory would have had if every test without data had gone against it or for it."}}
	return c
}

// ScoreRange returns the lowest and highest congruence a theory could have
// had if its tests without data had all gone against it or all for it:
// with S = Σ w·c and W = Σ w over the tests with data, and for each silent
// test the weight of the result that would count for (w⁺) or against (w⁻)
// the theory, lo = (S − Σw⁻)/(W + Σw⁻) and hi = (S + Σw⁺)/(W + Σw⁺). With
// a tie (or an unknown one) a condition that holds counts for the theory,
// with weight PassWeight; with no tie, one that fails does, with FailWeight.
func ScoreRange(r bloc.TheoryResult, tie bloc.TieKind) (lo, hi float64) {
	var s, w, plus, minus float64
	for _, t := range r.Tests {
		if t.Outcome == bloc.NoData {
			pw, fw := t.Type.PassWeight(), t.Type.FailWeight()
			if tie == bloc.NoTie {
				pw, fw = fw, pw
			}
			plus += pw
			minus += fw
			continue
		}
		s += t.Weight * t.Outcome.Code()
		w += t.Weight
	}
	if w+minus == 0 || w+plus == 0 {
		return -1, 1
	}
	lo, hi = (s-minus)/(w+minus), (s+plus)/(w+plus)
	return math.Max(-1, lo), math.Min(1, hi)
}
