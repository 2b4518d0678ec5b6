package evidence

import (
	"context"
	"math"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/monitor"
	"github.com/bloc-project/bloc/world"
)

// EventYear is one directed dyad-year of aggregated events from an event
// engine: quad counts and the mean Goldstein score.
type EventYear struct {
	Year      int
	Quad      [4]float64
	Goldstein bloc.Num
}

// EventSource reads aggregated events of a directed dyad by year, e.g. the
// raw-event engine of package events. It supplies the Goldstein means the
// ICEWS dyad-year quad counts lack, and years those counts do not cover.
type EventSource interface {
	// Name describes the source ("events engine duckdb /path").
	Name() string
	// DyadYears returns a→b's events by year within p (years without
	// events are absent).
	DyadYears(ctx context.Context, a, b bloc.CCode, p bloc.Period) ([]EventYear, error)
}

// The word-and-deed measure's defaults.
const (
	// GapCut: words outrun deeds when the deed gap is at most −GapCut, i.e.
	// the actor's material cooperation per cooperative word towards the
	// target is at most 2^−GapCut (half) of its rate towards every other state.
	GapCut = 1.0
	// ToneCut: words outrun deeds when the net tone of the words exceeds
	// that of the deeds by at least ToneCut (e.g. warm words, +0.9, with
	// deeds more hostile than friendly, −0.1).
	ToneCut = 1.0
	// MinWords is the fewest verbal events (Q1+Q3, and Q1 for the ratio)
	// a year needs; MinDeeds the fewest material events (Q2+Q4) for the net
	// tone of deeds.
	MinWords = 10
	MinDeeds = 5
)

// WordsDeedsMeasure documents the measure (the verdict's evidence.events.measure).
const WordsDeedsMeasure = "Speech acts are CAMEO quad classes 1 (verbal cooperation, Q1) and 3 (verbal conflict, Q3); practical actions " +
	"classes 2 (material cooperation, Q2) and 4 (material conflict, Q4) (THEORY.md J). Per directed dyad and year: " +
	"words = (Q1−Q3)/(Q1+Q3), deeds = (Q2−Q4)/(Q2+Q4), tone gap = words − deeds; deed ratio = (Q2+½)/(Q1+½), material " +
	"cooperation per cooperative word, and its baseline, the same ratio of the actor towards every other state that year; " +
	"deed gap = log2(deed ratio / baseline). Words outrun deeds when the deed gap ≤ −1 (half the material cooperation the " +
	"actor's words bring elsewhere) or the tone gap ≥ 1. Years need ≥ 10 verbal events (≥ 5 material events for the tone of deeds). " +
	"Event coders over-represent verbal events, so ratios are compared with the actor's own baseline, never read raw."

// WordsDeeds measures the speech acts against the practical actions of a→b
// and b→a in each year of p covered by the World's ICEWS counts (and by src,
// when given, which adds Goldstein means and later years). It returns nil
// when no year has data.
func WordsDeeds(ctx context.Context, w *world.World, a, b bloc.CCode, p bloc.Period, src EventSource) (*bloc.WordsDeeds, error) {
	out := &bloc.WordsDeeds{Source: string(world.Events), Measure: WordsDeedsMeasure, Threshold: GapCut, ToneCut: ToneCut, MinEvents: MinWords}
	withData := false
	for _, d := range [][2]bloc.CCode{{a, b}, {b, a}} {
		eng := map[int]EventYear{}
		if src != nil {
			rows, err := src.DyadYears(ctx, d[0], d[1], p)
			if err != nil {
				return nil, err
			}
			for _, r := range rows {
				eng[r.Year] = r
			}
			out.Goldstein = src.Name()
		}
		s := bloc.WordsDeedsDyad{Dyad: w.Abb(d[0]) + "→" + w.Abb(d[1]), Years: []bloc.WordsDeedsYear{}}
		for y := p.From; y <= p.To; y++ {
			row := bloc.WordsDeedsYear{Year: y}
			var note []any // the note's clauses
			e, fromEng := eng[y]
			covered := w.CoversDyad(world.Events, d[0], d[1], y)
			switch {
			case covered:
				if dy := w.Dyad(d[0], d[1], y); dy != nil {
					row.VerbCoop, row.MatlCoop, row.VerbConf, row.MatlConf = dy.Events[0], dy.Events[1], dy.Events[2], dy.Events[3]
				}
				if fromEng {
					row.Goldstein = e.Goldstein
				}
			case fromEng:
				row.VerbCoop, row.MatlCoop, row.VerbConf, row.MatlConf = e.Quad[0], e.Quad[1], e.Quad[2], e.Quad[3]
				row.Goldstein = e.Goldstein
				note = append(note, bloc.Sayf("from the events engine"))
			default:
				continue
			}
			fill(&row)
			if covered {
				baseline(&row, w, d[0], d[1], y)
			}
			judge(&row, &note)
			if m := monitor.JoinClauses(note...); !m.IsZero() {
				row.Note, row.NoteMsg = m.String(), &m
			}
			s.Covered++
			if row.Diverges != nil && *row.Diverges {
				s.Diverging++
			}
			s.Years = append(s.Years, row)
		}
		if s.Covered > 0 {
			withData = true
		}
		out.Series = append(out.Series, s)
	}
	if !withData {
		return nil, nil
	}
	if m := summary(out); !m.IsZero() {
		out.Summary, out.SummaryMsg = m.String(), &m
	}
	return out, nil
}

// fill computes the nets and the ratio of a year's counts.
func fill(r *bloc.WordsDeedsYear) {
	if v := r.VerbCoop + r.VerbConf; v >= MinWords {
		r.Words = bloc.Some((r.VerbCoop - r.VerbConf) / v)
	}
	if m := r.MatlCoop + r.MatlConf; m >= MinDeeds {
		r.Deeds = bloc.Some((r.MatlCoop - r.MatlConf) / m)
	}
	if r.Words.OK && r.Deeds.OK {
		r.ToneGap = bloc.Some(r.Words.V - r.Deeds.V)
	}
	if r.VerbCoop >= MinWords {
		r.Ratio = bloc.Some((r.MatlCoop + 0.5) / (r.VerbCoop + 0.5))
	}
}

// baseline sets the actor's deed ratio towards every other covered state
// that year and the deed gap.
func baseline(r *bloc.WordsDeedsYear, w *world.World, a, b bloc.CCode, y int) {
	var q1, q2 float64
	// In the order of the partners' codes: a float sum's last bits depend
	// on the order of its terms.
	w.DyadsOf(a, y, func(c bloc.CCode, d *world.DyadYear) {
		if c == b || !w.CoversDyad(world.Events, a, c, y) {
			return
		}
		q1 += d.Events[0]
		q2 += d.Events[1]
	})
	if q1 < MinWords {
		return
	}
	r.Baseline = bloc.Some((q2 + 0.5) / (q1 + 0.5))
	if r.Ratio.OK {
		r.Gap = bloc.Some(math.Log2(r.Ratio.V / r.Baseline.V))
	}
}

// judge decides whether words outran deeds in the year, and adds to the
// year's note (its clauses) why, or that there were too few events to
// judge.
func judge(r *bloc.WordsDeedsYear, note *[]any) {
	if !r.Gap.OK && !r.ToneGap.OK {
		if len(*note) == 0 {
			*note = append(*note, bloc.Sayf("too few events (%.0f verbal, %.0f material)", r.VerbCoop+r.VerbConf, r.MatlCoop+r.MatlConf))
		}
		return
	}
	d := false
	if r.Gap.OK && r.Gap.V <= -GapCut {
		d = true
		*note = append(*note, bloc.Sayf("words outrun deeds: material cooperation per cooperative word %.1f%% against %.1f%% elsewhere", 100*r.Ratio.V, 100*r.Baseline.V))
	}
	if r.ToneGap.OK && r.ToneGap.V >= ToneCut {
		if d {
			*note = append(*note, bloc.Sayf("words %+.2f, deeds %+.2f", r.Words.V, r.Deeds.V))
		} else {
			*note = append(*note, bloc.Sayf("words outrun deeds: words %+.2f, deeds %+.2f", r.Words.V, r.Deeds.V))
		}
		d = true
	}
	r.Diverges = &d
}

// summary sums the measure up, a clause per directed dyad, the clauses
// joined by "; " and ended by a period.
func summary(wd *bloc.WordsDeeds) bloc.Msg {
	var sum []any
	for _, s := range wd.Series {
		if s.Covered == 0 {
			sum = append(sum, bloc.Sayf("%s: no event data", s.Dyad))
			continue
		}
		first, last := s.Years[0].Year, s.Years[len(s.Years)-1].Year
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, y := range s.Years {
			if y.Gap.OK {
				lo, hi = math.Min(lo, y.Gap.V), math.Max(hi, y.Gap.V)
			}
		}
		if !math.IsInf(lo, 0) {
			sum = append(sum, bloc.Sayf("%s: words outran deeds in %d of %d years (%d–%d), deed gap %+.1f to %+.1f", s.Dyad, s.Diverging, s.Covered, first, last, lo, hi))
		} else {
			sum = append(sum, bloc.Sayf("%s: words outran deeds in %d of %d years (%d–%d)", s.Dyad, s.Diverging, s.Covered, first, last))
		}
	}
	if len(sum) == 0 {
		return bloc.Msg{}
	}
	return bloc.Sayf("%s.", monitor.JoinClauses(sum...))
}
