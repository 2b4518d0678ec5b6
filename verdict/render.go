package verdict

import (
	"encoding/json"
	"fmt"
	"github.com/bloc-project/bloc/evidence"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/bloc-project/bloc"
)

// JSON writes the verdict as indented JSON (docs/verdict-schema.md).
func JSON(w io.Writer, v *bloc.Verdict) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// mark is the sign of an outcome or claim verdict in text output.
func mark(o string) string {
	switch o {
	case string(bloc.Congruent), string(bloc.Supported):
		return "+"
	case string(bloc.Contradicted):
		return "−"
	case string(bloc.PartlyHolds):
		return "±"
	default:
		return "?"
	}
}

func num(v bloc.Num, format string) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf(format, v.V)
}

func signed(v bloc.Num) string {
	if !v.OK {
		return "  NA "
	}
	return fmt.Sprintf("%+.2f", v.V)
}

// Wrap breaks s into lines of at most width runes, continuing each line
// after indent. Text renderers of other packages (whatif) use it too.
func Wrap(s, indent string, width int) string {
	var b strings.Builder
	line := 0
	for k, word := range strings.Fields(s) {
		n := len([]rune(word))
		if k > 0 && line+1+n > width {
			b.WriteString("\n" + indent)
			line = 0
		} else if k > 0 {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += n
	}
	return b.String()
}

func label(s bloc.State) string {
	if s.Name == "" {
		return s.Abb
	}
	return fmt.Sprintf("%s (%s, %d)", s.Name, s.Abb, s.CCode)
}

// Text writes the verdict for a terminal.
func Text(w io.Writer, v *bloc.Verdict) error {
	p := &printer{w: w}
	p.f("%s\n", v.Question)
	p.f("%s\n\n", strings.Repeat("=", len([]rune(v.Question))))
	p.f("%s → %s, %s. Verdict schema %s.\n\n", label(v.A), label(v.B), years(v.Period), v.SchemaVersion)

	p.f("THE TIE: %s\n", strings.ToUpper(string(v.Tie.Kind)))
	p.f("  %s\n", Wrap(v.Tie.Basis, "  ", 96))
	p.f("  composite alignment AL = %s (UN affinity, ATOP level, event alignment, arms share)\n", num(v.Tie.Score, "%.2f"))
	for _, m := range v.Tie.Evidence {
		p.measure("    ", m)
	}
	p.f("\n")

	t := v.Threats
	p.f("%s'S THREATS (Walt's four sources; %s index ranks; capabilities %d; %d Dirichlet weightings, seed %d)\n", strings.ToUpper(t.Of.Abb), t.Form, t.Year, t.Samples, t.Seed)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rank\tstate\tpower\tproximity\toffense\tintent\tconditional\tadditive\tmultiplic.\ttop share\t\n")
	for _, r := range t.Rows {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s (%d)\t%s (%d)\t%s (%d)\t%.0f%%\t\n", r.Rank, r.State.Abb, num(r.Power, "%.2f"), num(r.Proximity, "%.2f"), num(r.Offense, "%.2f"), num(r.Intent, "%.2f"),
			num(r.Conditional, "%.3f"), r.RankConditional, num(r.Additive, "%.3f"), r.RankAdditive, num(r.Multiplicative, "%.3f"), r.RankMultiplicative, 100*r.TopShare)
	}
	tw.Flush()
	p.f("  %s\n\n", Wrap(t.Note+fmt.Sprintf("; %d candidates. Top share: how often the state ranks first under random weights.", t.Candidates), "  ", 96))

	if len(v.Types) > 0 {
		p.f("STATE TYPES (Schweller 1994; status-quo leader %s)\n", v.Types[0].Hegemon.Abb)
		for _, s := range v.Types {
			aims := ""
			if s.Aims != "" {
				aims = ", " + s.Aims + " aims"
			}
			dims := ""
			if len(s.Dimensions) > 0 {
				dims = " [" + strings.Join(s.Dimensions, ", ") + "]"
			}
			typ := string(s.Type)
			if typ == "" {
				typ = "unclassified (" + s.Note + ")"
			}
			p.f("  %-4s %-7s VR−VSQ %s, power percentile %s%s%s\n", s.State.Abb, typ, signed(s.Revisionism), num(s.PowerPercentile, "%.2f"), aims, dims)
		}
		p.f("\n")
	}

	p.f("THEORIES, RANKED BY CONGRUENCE (C ∈ [−1, 1]; + congruent, − contradicted, ? no data)\n")
	for _, r := range v.Theories {
		p.f("%d. %-42s %s   %d+ %d− %d?  coverage %.0f%%\n", r.Rank, r.Name, signed(r.Score), r.Congruent, r.Contradict, r.NoData, 100*r.Coverage)
	}
	p.f("\n")
	for _, r := range v.Theories {
		p.f("%d. %s — %s\n", r.Rank, r.Name, signed(r.Score))
		if !r.Testable {
			p.f("   NOT TESTABLE: %s\n", Wrap(r.NotTestable, "   ", 93))
		}
		p.f("   Predicts: %s\n", Wrap(r.Prediction, "   ", 93))
		p.f("   Assumes:\n")
		for _, a := range r.Assumptions {
			p.f("     - %s\n", Wrap(a, "       ", 89))
		}
		p.f("   Tests:\n")
		for _, x := range r.Tests {
			p.f("     %s %-28s %-18s %s\n", mark(string(x.Outcome)), x.ID, "["+string(x.Type)+"]", x.Prediction)
			p.f("         rule: %s\n", x.Rule)
			p.f("         %s\n", Wrap(x.Why, "         ", 87))
		}
		if len(r.PointsTo) > 0 {
			var pts []string
			for _, pt := range r.PointsTo {
				pts = append(pts, fmt.Sprintf("%s %s", pt.Role, pt.State.Abb))
			}
			p.f("   Points to: %s\n", strings.Join(pts, ", "))
		}
		p.f("\n")
	}
	if c := v.Comparison; c != nil {
		p.f("THE TWO BEST ACCOUNTS COMPARED (the paper's Table 4: causes, motives, results)\n")
		p.f("  %s  vs  %s\n", name(v, c.First), name(v, c.Second))
		for _, r := range c.Rows {
			p.f("  %s\n", r.Label)
			p.f("    %-4s %s\n", short(c.First), Wrap(r.First, "         ", 88))
			p.f("    %-4s %s\n", short(c.Second), Wrap(r.Second, "         ", 88))
		}
		p.f("\n")
	}
	if cs := v.Case; cs != nil {
		p.f("CASE: %s\n", cs.Title)
		p.f("  %s\n", Wrap("Source: "+cs.Citation, "  ", 96))
		p.f("  %d facts from the case file %s; the claims of the source checked against the data:\n", len(cs.Facts), cs.File)
		table := ""
		for _, c := range cs.Claims {
			if c.Table != table {
				table = c.Table
				p.f("  Table %s\n", table)
			}
			p.f("    %s %s (%s)\n", mark(string(c.Verdict)), c.ID, strings.ReplaceAll(string(c.Verdict), "_", " "))
			p.f("        %s\n", Wrap(c.Claim, "        ", 90))
			p.f("        → %s\n", Wrap(c.Why, "          ", 88))
		}
		p.f("\n")
	}
	if v.Evidence != nil && p.err == nil {
		p.err = EvidenceText(w, v.Evidence)
		p.f("\n")
	}
	if v.Termination != nil && p.err == nil {
		p.err = TerminationText(w, v.Termination)
		p.f("\n")
	}
	if len(v.Notes) > 0 {
		p.f("NOTES\n")
		for _, n := range v.Notes {
			p.f("  - %s\n", Wrap(n, "    ", 94))
		}
		p.f("\n")
	}
	p.f("SOURCES\n")
	for _, s := range v.Sources {
		p.f("  %s\n", Wrap(source(s), "    ", 94))
	}
	return p.err
}

func source(s bloc.Provenance) string {
	out := s.Dataset
	if s.Version != "" {
		out += " " + s.Version
	}
	if s.Citation != "" {
		out += " [" + s.Citation + "]"
	}
	return out
}

func name(v *bloc.Verdict, id string) string {
	for _, r := range v.Theories {
		if r.ID == id {
			return r.Name
		}
	}
	return id
}

// short abbreviates a theory ID for narrow columns: evidence.Short's name,
// or the ID's first four letters.
func short(id string) string {
	if s := evidence.Short(id); s != id || len(id) <= 4 {
		return s
	}
	return id[:4]
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) measure(indent string, m bloc.Measure) {
	yr := ""
	switch {
	case m.Years != nil:
		yr = fmt.Sprintf(" [%v]", *m.Years)
	case m.Year > 0:
		yr = fmt.Sprintf(" [%d]", m.Year)
	}
	note := ""
	if m.Note != "" {
		note = " — " + m.Note
	}
	sub := ""
	if m.Subject != "" {
		sub = " " + m.Subject
	}
	p.f("%s%s%s: %s%s%s (%s)\n", indent, m.Label, sub, num(m.Value, "%.4g"), yr, note, m.Source.Dataset)
}

// md escapes text for a Markdown table cell.
func md(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

// Markdown writes the verdict as a Markdown report.
func Markdown(w io.Writer, v *bloc.Verdict) error {
	p := &printer{w: w}
	p.f("# %s\n\n", v.Question)
	p.f("%s → %s, %s. Verdict schema %s.\n\n", label(v.A), label(v.B), years(v.Period), v.SchemaVersion)
	p.f("## The tie: %s\n\n%s\n\nComposite alignment AL = %s.\n\n", v.Tie.Kind, v.Tie.Basis, num(v.Tie.Score, "%.2f"))
	p.f("| indicator | subject | value | years | source | note |\n|---|---|---|---|---|---|\n")
	for _, m := range v.Tie.Evidence {
		p.f("| %s | %s | %s | %s | %s | %s |\n", md(m.Label), md(m.Subject), num(m.Value, "%.4g"), measureYears(m), md(m.Source.Dataset), md(m.Note))
	}
	t := v.Threats
	p.f("\n## %s's threats\n\n%s.\n\n", t.Of.Name, t.Note)
	p.f("| rank | state | power | proximity | offense | intent | conditional | additive | multiplicative | top share |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range t.Rows {
		p.f("| %d | %s | %s | %s | %s | %s | %s (%d) | %s (%d) | %s (%d) | %.0f%% |\n", r.Rank, md(r.State.Name), num(r.Power, "%.2f"), num(r.Proximity, "%.2f"), num(r.Offense, "%.2f"), num(r.Intent, "%.2f"),
			num(r.Conditional, "%.3f"), r.RankConditional, num(r.Additive, "%.3f"), r.RankAdditive, num(r.Multiplicative, "%.3f"), r.RankMultiplicative, 100*r.TopShare)
	}
	if len(v.Types) > 0 {
		p.f("\n## State types (Schweller)\n\n| state | type | VR−VSQ | power percentile | aims | dimensions |\n|---|---|---:|---:|---|---|\n")
		for _, s := range v.Types {
			p.f("| %s | %s | %s | %s | %s | %s |\n", md(s.State.Name), s.Type, signed(s.Revisionism), num(s.PowerPercentile, "%.2f"), s.Aims, strings.Join(s.Dimensions, ", "))
		}
	}
	p.f("\n## Theories ranked by congruence\n\n| rank | theory | C | congruent | contradicted | no data | coverage |\n|---:|---|---:|---:|---:|---:|---:|\n")
	for _, r := range v.Theories {
		p.f("| %d | %s | %s | %d | %d | %d | %.0f%% |\n", r.Rank, md(r.Name), signed(r.Score), r.Congruent, r.Contradict, r.NoData, 100*r.Coverage)
	}
	for _, r := range v.Theories {
		p.f("\n### %d. %s (%s)\n\n", r.Rank, r.Name, signed(r.Score))
		if !r.Testable {
			p.f("**Not testable:** %s\n\n", r.NotTestable)
		}
		p.f("*%s*\n\n**Prediction.** %s\n\n**Assumptions.**\n\n", r.Citation, r.Prediction)
		for _, a := range r.Assumptions {
			p.f("- %s\n", a)
		}
		p.f("\n| | test | type | level | prediction | rule | evidence |\n|---|---|---|---|---|---|---|\n")
		for _, x := range r.Tests {
			p.f("| %s | `%s` | %s | %s | %s | %s | %s |\n", mark(string(x.Outcome)), x.ID, x.Type, x.Level, md(x.Prediction), md(x.Rule), md(x.Why))
		}
	}
	if c := v.Comparison; c != nil {
		p.f("\n## The two best accounts compared (the paper's Table 4)\n\n| | %s | %s |\n|---|---|---|\n", md(name(v, c.First)), md(name(v, c.Second)))
		for _, r := range c.Rows {
			p.f("| %s | %s | %s |\n", md(r.Label), md(r.First), md(r.Second))
		}
	}
	if cs := v.Case; cs != nil {
		p.f("\n## Case: %s\n\nSource: %s\n\n| table | claim | verdict | what the data say |\n|---|---|---|---|\n", cs.Title, cs.Citation)
		for _, c := range cs.Claims {
			p.f("| %s | %s | %s | %s |\n", c.Table, md(c.Claim), strings.ReplaceAll(string(c.Verdict), "_", " "), md(c.Why))
		}
		p.f("\n### Case facts\n\n| id | kind | date | value | status | source |\n|---|---|---|---|---|---|\n")
		for _, f := range cs.Facts {
			val := num(f.Value, "%g")
			if f.Rank > 0 {
				val += fmt.Sprintf(" (rank %d)", f.Rank)
			}
			p.f("| %s | %s | %s | %s | %s | %s |\n", f.ID, f.Kind, f.Date, md(val), f.Status, md(f.Source))
		}
	}
	if v.Evidence != nil {
		evidenceMarkdown(p, v.Evidence)
	}
	if v.Termination != nil {
		terminationMarkdown(p, v.Termination)
	}
	if len(v.Notes) > 0 {
		p.f("\n## Notes\n\n")
		for _, n := range v.Notes {
			p.f("- %s\n", n)
		}
	}
	p.f("\n## Sources\n\n")
	for _, s := range v.Sources {
		p.f("- %s\n", source(s))
	}
	return p.err
}

func measureYears(m bloc.Measure) string {
	if m.Years != nil {
		return m.Years.String()
	}
	if m.Year > 0 {
		return fmt.Sprint(m.Year)
	}
	return ""
}
