package whatif

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/bloc-project/bloc/evidence"
	"github.com/bloc-project/bloc/verdict"
)

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// Text writes a what-if report for a terminal: a table of the baseline and
// the scenarios, then each scenario's modifications and changes.
func Text(w io.Writer, r *Report) error {
	p := &printer{w: w}
	p.f("WHAT IF: %s (%s) → %s (%s), %v; modifications start in %d unless @YEARS says otherwise\n\n", r.A.Name, r.A.Abb, r.B.Name, r.B.Abb, r.Period, r.At)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "scenario\tWalt\ttie\ttop threat\tbest theory\tposterior top\trisk, last year\tconditions met (years)")
	row := func(name string, cond int, s Summary) {
		c := "—"
		if cond > 0 {
			c = fmt.Sprint(cond)
		}
		best := s.Best
		for _, x := range s.Ranking {
			if x.Theory == s.Best && x.Score.OK {
				best = fmt.Sprintf("%s %+.2f", evidence.Short(s.Best), x.Score.V)
			}
		}
		post := "—"
		if s.EvidenceTop != "" {
			post = fmt.Sprintf("%s %.2f", evidence.Short(s.EvidenceTop), s.Posterior[s.EvidenceTop])
		}
		risk := "NA"
		if n := len(s.Risk); n > 0 && s.Risk[n-1].OK {
			risk = fmt.Sprintf("%.2f", s.Risk[n-1].V)
		}
		var flags []string
		var ids []string
		for id := range s.Flags {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			flags = append(flags, fmt.Sprintf("%s %s", strings.SplitN(id, ".", 2)[0], span(s.Flags[id])))
		}
		if len(flags) == 0 {
			flags = []string{"none"}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, c, s.Tie, s.TopThreat, best, post, risk, strings.Join(flags, "; "))
	}
	row("baseline", 0, r.Baseline)
	for _, o := range r.Scenarios {
		row(o.Name, o.Condition, o.Summary)
	}
	tw.Flush()
	for _, o := range r.Scenarios {
		p.f("\n%s", o.Name)
		if o.Condition > 0 {
			p.f(" (Walt's condition %d; the paper's Table 2)", o.Condition)
		}
		p.f(": %s\n", strings.Join(o.Sets, " "))
		if o.Paper != "" {
			p.f("  %s\n", verdict.Wrap(o.Paper, "  ", 96))
		}
		for _, a := range o.Applied {
			p.f("  applied: %s\n", a)
		}
		for _, ch := range o.Changes {
			p.f("  - %s\n", verdict.Wrap(ch, "    ", 94))
		}
	}
	return p.err
}

// span formats years as ranges: 2014–2016, 2018.
func span(ys []int) string {
	var out []string
	for k := 0; k < len(ys); {
		j := k
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > k {
			out = append(out, fmt.Sprintf("%d–%d", ys[k], ys[j]))
		} else {
			out = append(out, fmt.Sprint(ys[k]))
		}
		k = j + 1
	}
	return strings.Join(out, ",")
}
