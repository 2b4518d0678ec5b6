package charts

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Palette is the colour of each series in order, shared with the web UI
// (web/static/app.js) so a chart looks the same in both.
var Palette = []string{"#2f6db5", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#30343f", "#e07a5f"}

// Formats Render writes.
var Formats = []string{"svg", "png", "pdf"}

// Size is the default size of a rendered chart.
const (
	Width  = 7 * vg.Inch
	Height = 3.6 * vg.Inch
)

func rgb(hex string) color.Color {
	var r, g, b uint8
	fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b)
	return color.RGBA{r, g, b, 255}
}

func seriesColor(k int) color.Color { return rgb(Palette[k%len(Palette)]) }

// Render draws the chart with gonum/plot in format (svg, png or pdf) at
// the given size (zero: Width × Height). Labels are the English ones:
// gonum/plot does not shape Arabic script, so Persian reports caption the
// chart in HTML around the image.
func (c *Chart) Render(w io.Writer, format string, width, height vg.Length) error {
	if width == 0 {
		width, height = Width, Height
	}
	p, err := c.Plot()
	if err != nil {
		return err
	}
	wt, err := p.WriterTo(width, height, format)
	if err != nil {
		return err
	}
	_, err = wt.WriteTo(w)
	return err
}

// Plot returns the chart as a gonum plot.
func (c *Chart) Plot() (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = c.Title
	p.Title.TextStyle.Font.Size = vg.Points(10)
	p.Y.Label.Text = c.YLabel
	p.Y.Label.TextStyle.Font.Size = vg.Points(9)
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Legend.ThumbnailWidth = vg.Points(14)
	p.X.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Tick.Marker = plainTicks{}
	p.Add(plotter.NewGrid())
	if len(c.X) == 0 || !c.HasData() {
		p.X.Label.Text = "no data"
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
		return p, nil
	}
	var err error
	switch c.Kind {
	case Line:
		err = c.lines(p)
	case Bar, Stacked:
		err = c.bars(p, c.Kind == Stacked)
	case Interval:
		err = c.intervals(p)
	default:
		err = fmt.Errorf("charts: unknown kind %q", c.Kind)
	}
	if err != nil {
		return nil, err
	}
	// Leave room above the data for the legend.
	if c.Kind != Interval {
		p.Y.Max += 0.3 * (p.Y.Max - p.Y.Min)
	}
	return p, nil
}

// lines draws each series as lines over its runs of present values; a
// value alone between gaps is a dot.
func (c *Chart) lines(p *plot.Plot) error {
	xs := make([]float64, len(c.X))
	for k, x := range c.X {
		v, err := strconv.ParseFloat(x, 64)
		if err != nil {
			v = float64(k)
		}
		xs[k] = v
	}
	for k, s := range c.Series {
		col := seriesColor(k)
		var run plotter.XYs
		var thumb plot.Thumbnailer
		flush := func() error {
			switch len(run) {
			case 0:
				return nil
			case 1:
				sc, err := plotter.NewScatter(run)
				if err != nil {
					return err
				}
				sc.GlyphStyle.Color, sc.GlyphStyle.Radius = col, vg.Points(2)
				p.Add(sc)
				if thumb == nil {
					thumb = sc
				}
			default:
				l, err := plotter.NewLine(run)
				if err != nil {
					return err
				}
				l.LineStyle.Color, l.LineStyle.Width = col, vg.Points(1.5)
				p.Add(l)
				thumb = l
			}
			run = nil
			return nil
		}
		for i, v := range s.Values {
			if v.OK {
				run = append(run, plotter.XY{X: xs[i], Y: v.V})
				continue
			}
			if err := flush(); err != nil {
				return err
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if thumb != nil {
			p.Legend.Add(s.Name, thumb)
		}
	}
	p.X.Min, p.X.Max = xs[0]-0.5, xs[len(xs)-1]+0.5
	p.X.Tick.Marker = yearTicks{}
	return nil
}

// yearTicks marks whole years, about eight of them.
type yearTicks struct{}

func (yearTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := math.Ceil(min), math.Floor(max)
	step := math.Max(1, math.Ceil((hi-lo)/8))
	var out []plot.Tick
	for y := lo; y <= hi; y++ {
		t := plot.Tick{Value: y}
		if math.Mod(y-lo, step) == 0 {
			t.Label = strconv.Itoa(int(y))
		}
		out = append(out, t)
	}
	return out
}

// plainTicks are gonum's default ticks labelled without trailing zeros
// ("5000", "0.4", not "5000.00").
type plainTicks struct{}

func (plainTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	for k := range ts {
		if ts[k].Label != "" {
			ts[k].Label = strconv.FormatFloat(math.Round(ts[k].Value*1e6)/1e6, 'f', -1, 64)
		}
	}
	return ts
}

// plotWidth estimates the width of the data area in points, for bar widths
// (gonum/plot gives bar widths in points, not data units).
const plotWidth = 6.2 * vg.Inch

func (c *Chart) bars(p *plot.Plot, stacked bool) error {
	n := len(c.Series)
	group := 0.8 * plotWidth / vg.Length(len(c.X))
	width := group / vg.Length(n)
	if stacked {
		width = group
	}
	var below *plotter.BarChart
	for k, s := range c.Series {
		vals := make(plotter.Values, len(s.Values))
		for i, v := range s.Values {
			vals[i] = v.Or(0)
		}
		b, err := plotter.NewBarChart(vals, width)
		if err != nil {
			return err
		}
		b.Color = seriesColor(k)
		b.LineStyle.Width = 0
		if stacked {
			if below != nil {
				b.StackOn(below)
			}
			below = b
		} else {
			b.Offset = (vg.Length(k) - vg.Length(n-1)/2) * width
		}
		if len(c.Highlight) > 0 && n == 1 {
			b.LineStyle = draw.LineStyle{Color: color.Black, Width: vg.Points(0)}
		}
		p.Add(b)
		if n > 1 || c.ID != "most_sanctioned" {
			p.Legend.Add(s.Name, b)
		}
	}
	if len(c.Highlight) > 0 && n == 1 {
		// Emphasise the highlighted categories with a second, darker bar.
		vals := make(plotter.Values, len(c.X))
		for i, x := range c.X {
			for _, h := range c.Highlight {
				if x == h {
					vals[i] = c.Series[0].Values[i].Or(0)
				}
			}
		}
		b, err := plotter.NewBarChart(vals, width)
		if err != nil {
			return err
		}
		b.Color, b.LineStyle.Width = seriesColor(1), 0
		p.Add(b)
	}
	p.NominalX(c.labels()...)
	if len(c.X) > 14 {
		p.X.Tick.Label.Rotation = math.Pi / 2
		p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XRight, draw.YCenter
	}
	p.Y.Min = math.Min(0, p.Y.Min)
	return nil
}

// labels thins year labels so that they do not overlap.
func (c *Chart) labels() []string {
	if c.XKind != XYear || len(c.X) <= 14 {
		return c.X
	}
	step := (len(c.X) + 13) / 14
	out := make([]string, len(c.X))
	for k, x := range c.X {
		if k%step == 0 {
			out[k] = x
		}
	}
	return out
}

// errs is a set of points with asymmetric errors, for YErrorBars.
type errs struct {
	plotter.XYs
	plotter.YErrors
}

func (c *Chart) intervals(p *plot.Plot) error {
	s := c.Series[0]
	vals := make(plotter.Values, len(s.Values))
	e := errs{XYs: make(plotter.XYs, len(s.Values)), YErrors: make(plotter.YErrors, len(s.Values))}
	for i, v := range s.Values {
		vals[i] = v.Or(0)
		e.XYs[i] = plotter.XY{X: float64(i), Y: v.Or(0)}
		e.YErrors[i].Low = v.Or(0) - s.Lo[i].Or(v.Or(0))
		e.YErrors[i].High = s.Hi[i].Or(v.Or(0)) - v.Or(0)
	}
	b, err := plotter.NewBarChart(vals, 0.5*plotWidth/vg.Length(len(vals)))
	if err != nil {
		return err
	}
	b.Color, b.LineStyle.Width = seriesColor(0), 0
	p.Add(b)
	eb, err := plotter.NewYErrorBars(e)
	if err != nil {
		return err
	}
	eb.LineStyle.Width, eb.CapWidth = vg.Points(1.2), vg.Points(8)
	p.Add(eb)
	p.Legend.Add(s.Name, b)
	p.NominalX(c.X...)
	p.X.Tick.Label.Rotation = math.Pi / 8
	p.X.Tick.Label.XAlign = draw.XRight
	p.Y.Min, p.Y.Max = 0, 1.05
	for k := range s.Values {
		if s.Values[k].Or(0) < 0 || s.Lo[k].Or(0) < 0 {
			p.Y.Min = -1.05
		}
	}
	return nil
}
