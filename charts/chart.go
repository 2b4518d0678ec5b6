// Package charts builds bloc's charts from the data: a Chart is a
// presentation-neutral description (kind, axes, named series of values with
// missing kept missing, sources) that the web UI draws with ECharts and that
// Render draws with gonum/plot as SVG, PNG or PDF. WriteCSV and the JSON
// encoding give the data behind each chart.
//
// Charts read the verdict and the yearly series of package series; they
// compute nothing beyond laying those values out (the one derived quantity,
// a theory score's range over its silent tests, is documented at
// TheoryScores).
package charts

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/bloc-project/bloc"
)

// Kinds of chart.
const (
	Line     = "line"     // one line per series over the years; gaps where data are missing
	Bar      = "bar"      // grouped bars, one per series in each category
	Stacked  = "stacked"  // stacked bars
	Interval = "interval" // bars with a range (Lo, Hi) per value
)

// What the categories of the x axis are, so a UI can translate them.
const (
	XYear   = "year"   // years
	XState  = "state"  // state abbreviations (COW)
	XTheory = "theory" // theory ids
)

// Chart is one chart: its kind, its x categories and its series.
type Chart struct {
	// ID is stable (e.g. "trade"); files are named after it.
	ID string `json:"id"`
	// Key and Args name the chart for translation: the message catalogue
	// (report.T) has Key with {a}, {b} placeholders filled from Args (state
	// abbreviations). Title is the English rendering.
	Key   string            `json:"key"`
	Args  map[string]string `json:"args,omitempty"`
	Title string            `json:"title"`
	Kind  string            `json:"kind"`
	// XKind says what the categories X are: years, states or theories.
	XKind string   `json:"x_kind"`
	X     []string `json:"x"`
	// YKey is the catalogue key of the y axis label; YLabel its English.
	YKey   string   `json:"y_key"`
	YLabel string   `json:"y_label"`
	Series []Series `json:"series"`
	// Highlight lists categories to emphasise (A and B in a ranking).
	Highlight []string `json:"highlight,omitempty"`
	// Sources are the datasets (or the verdict) the values come from.
	Sources []bloc.Provenance `json:"sources"`
	// Notes say what the reader should know (coverage, the meaning of a
	// range).
	Notes []Note `json:"notes"`
}

// Note is a sentence about a chart, with its catalogue key and arguments
// for translation and its English text.
type Note struct {
	Key  string            `json:"key"`
	Args map[string]string `json:"args,omitempty"`
	Text string            `json:"text"`
}

// Series is one named set of values, aligned with the chart's X.
type Series struct {
	ID   string            `json:"id"`
	Key  string            `json:"key"`
	Args map[string]string `json:"args,omitempty"`
	Name string            `json:"name"`
	// Values are null where the data say nothing.
	Values []bloc.Num `json:"values"`
	// Lo and Hi bound each value in an Interval chart.
	Lo []bloc.Num `json:"lo,omitempty"`
	Hi []bloc.Num `json:"hi,omitempty"`
}

// HasData reports whether any value of the chart is present.
func (c *Chart) HasData() bool {
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v.OK {
				return true
			}
		}
	}
	return false
}

// WriteCSV writes the data behind the chart: one row per category, one
// column per series (and its low and high bounds in an Interval chart);
// missing values are empty.
func (c *Chart) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{c.XKind}
	for _, s := range c.Series {
		head = append(head, s.Name)
		if s.Lo != nil {
			head = append(head, s.Name+" (low)", s.Name+" (high)")
		}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for k, x := range c.X {
		rec := []string{x}
		for _, s := range c.Series {
			rec = append(rec, cell(s.Values, k))
			if s.Lo != nil {
				rec = append(rec, cell(s.Lo, k), cell(s.Hi, k))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func cell(vs []bloc.Num, k int) string {
	if k >= len(vs) || !vs[k].OK {
		return ""
	}
	return strconv.FormatFloat(vs[k].V, 'g', -1, 64)
}
