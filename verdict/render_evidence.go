package verdict

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/evidence"
)

// hypOrder returns the evidence's hypothesis ids in their posterior order.
func hypOrder(ev *bloc.Evidence) []string {
	out := make([]string, len(ev.Hypotheses))
	for k, h := range ev.Hypotheses {
		out[k] = h.ID
	}
	return out
}

func hypName(ev *bloc.Evidence, id string) string {
	for _, h := range ev.Hypotheses {
		if h.ID == id {
			return h.Name
		}
	}
	return id
}

func counts(ev *bloc.Evidence) (ledger, tests int) {
	for _, it := range ev.Items {
		if !it.Counted {
			continue
		}
		if it.Origin == bloc.FromLedger {
			ledger++
		} else {
			tests++
		}
	}
	return
}

func dates(it bloc.EvidenceItem) string {
	if it.Until != "" {
		return it.Date + "–" + it.Until
	}
	return it.Date
}

// EvidenceText writes the evidence section for a terminal.
func EvidenceText(w io.Writer, ev *bloc.Evidence) error {
	p := &printer{w: w}
	nl, nt := counts(ev)
	p.f("EVIDENCE: BAYESIAN WEIGHING OF THE RIVAL THEORIES (prior %s; %d ledger items, %d theory tests)\n", ev.Prior, nl, nt)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rank\thypothesis\t\tprior\tposterior\tWoE vs H0 (dB)\tledger\ttests\tover priors\t±%.0f%% likelihoods\t\n", 100*ev.Sensitivity.Factor)
	for _, h := range ev.Hypotheses {
		pr, pt := ev.Sensitivity.PriorRange[h.ID], ev.Sensitivity.PerturbRange[h.ID]
		pert := "—"
		if ev.Sensitivity.Draws > 0 {
			pert = fmt.Sprintf("%.3f–%.3f", pt.Min, pt.Max)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%.3f\t%.3f\t%+.1f\t%+.1f\t%+.1f\t%.3f–%.3f\t%s\t\n", h.Rank, evidence.Short(h.ID), h.Name, h.Prior, h.Posterior,
			h.WoE, h.WoELedger, h.WoETests, pr.Min, pr.Max, pert)
	}
	tw.Flush()
	p.f("  %s leads %s by %.1f dB (posterior odds %.3g : 1).\n", hypName(ev, ev.Top), hypName(ev, ev.RunnerUp), ev.Margin, math.Pow(10, ev.Margin/10))
	if len(ev.Decisive) > 0 {
		p.f("  Decided by (largest weight of evidence for %s over %s):\n", evidence.Short(ev.Top), evidence.Short(ev.RunnerUp))
		for _, d := range ev.Decisive {
			piv := ""
			if d.Pivotal {
				piv = " [pivotal: without it the top changes]"
			}
			p.f("    %+6.1f dB  %s (%s)%s: %s\n", d.WoE, d.ID, d.Origin, piv, Wrap(d.Text, "               ", 80))
		}
	}
	s := ev.Sensitivity
	p.f("  Sensitivity: %s stays first under %.0f%% of the priors tried (%s), and for any prior on it of at least %.3g with the rest spread evenly.\n",
		evidence.Short(ev.Top), 100*s.PriorStable, s.PriorSet, s.Breakeven)
	if s.Draws > 0 {
		p.f("    With every P(E|H) multiplied by a random factor in [%.1f, %.1f], it stays first in %.0f%% of %d draws (seed %d).\n",
			1-s.Factor, 1+s.Factor, 100*s.PerturbStable, s.Draws, s.Seed)
	}
	if s.Robust {
		p.f("    With every item's weight misjudged by %.0f%% against it, it still leads every rival.\n", 100*s.Factor)
	} else {
		p.f("    With every item's weight misjudged by %.0f%% against it, %s would pass it.\n", 100*s.Factor, strings.Join(shorts(s.Adversarial), ", "))
	}
	if len(s.Pivotal) > 0 {
		p.f("    Pivotal items (leaving one out changes the top): %s.\n", strings.Join(s.Pivotal, ", "))
	} else {
		p.f("    No single item is pivotal: leaving any one out keeps %s first.\n", evidence.Short(ev.Top))
	}
	p.f("  Assumptions:\n")
	for _, a := range ev.Assumptions {
		p.f("    - %s\n", Wrap(a, "      ", 92))
	}
	for _, n := range ev.Notes {
		p.f("  Note: %s\n", Wrap(n, "    ", 92))
	}
	if ev.Ledger != nil {
		p.f("\n  LEDGER %s (%s; %d of %d items counted). P(E|H), and WoE for %s over %s in dB:\n", ev.Ledger.File, ev.Ledger.Title,
			ev.Ledger.Counted, ev.Ledger.Items, evidence.Short(ev.Top), evidence.Short(ev.RunnerUp))
	}
	order := hypOrder(ev)
	if ev.Ledger != nil {
		ledgerTable(w, p, ev, order)
	}
	p.f("\n  THEORY TESTS AS EVIDENCE (P(outcome|own theory) : P(outcome|others); WoE for %s over %s in dB):\n", evidence.Short(ev.Top), evidence.Short(ev.RunnerUp))
	for _, it := range ev.Items {
		if it.Origin != bloc.FromTest {
			continue
		}
		own := ""
		for _, id := range order {
			if !strings.HasPrefix(it.Basis[id], "P(E|¬H)") {
				own = id
			}
		}
		grp := ""
		if it.Group != "" {
			grp = fmt.Sprintf(" (group %s, weight %.2f)", it.Group, it.Weight)
		}
		other := it.Likelihoods[bloc.Residual]
		p.f("    %+5.1f  %-28s %-4s %s : %.2f  %s%s\n", it.WoETop, it.ID, evidence.Short(own), fmt.Sprintf("%.2f", it.Likelihoods[own]), other, it.Basis[own], grp)
	}
	if wd := ev.Events; wd != nil {
		p.f("\n")
		wordsDeedsText(p, w, wd)
	}
	return p.err
}

func kindShort(k string) string {
	switch k {
	case evidence.SpeechAct:
		return "speech"
	case evidence.PracticalAction:
		return "action"
	}
	return k
}

func shorts(ids []string) []string {
	out := make([]string, len(ids))
	for k, id := range ids {
		out[k] = evidence.Short(id)
	}
	return out
}

func wordsDeedsText(p *printer, w io.Writer, wd *bloc.WordsDeeds) {
	gs := ""
	if wd.Goldstein != "" {
		gs = "; Goldstein means from " + wd.Goldstein
	}
	p.f("  WORDS AND DEEDS (%s%s): speech acts against practical actions\n", wd.Source, gs)
	p.f("  %s\n", Wrap(wd.Summary, "  ", 96))
	tw := tabwriter.NewWriter(w, 2, 4, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  dyad\tyear\tverb coop\tmatl coop\tverb conf\tmatl conf\tGoldstein\twords\tdeeds\tdeeds/word\tbaseline\tgap (log2)\twords > deeds\t")
	for _, s := range wd.Series {
		for _, y := range s.Years {
			d := "?"
			if y.Diverges != nil {
				d = "no"
				if *y.Diverges {
					d = "YES"
				}
			}
			fmt.Fprintf(tw, "  %s\t%d\t%.0f\t%.0f\t%.0f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", s.Dyad, y.Year, y.VerbCoop, y.MatlCoop, y.VerbConf, y.MatlConf,
				num(y.Goldstein, "%+.2f"), num(y.Words, "%+.2f"), num(y.Deeds, "%+.2f"), pctNum(y.Ratio), pctNum(y.Baseline), num(y.Gap, "%+.2f"), d)
		}
	}
	tw.Flush()
	p.f("  %s\n", Wrap(fmt.Sprintf("Words outrun deeds when the gap ≤ −%g or words − deeds ≥ %g; %s", wd.Threshold, wd.ToneCut, "see docs/evidence-ledger.md, \"Words and deeds\"."), "  ", 96))
}

func pctNum(v bloc.Num) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf("%.2f%%", 100*v.V)
}

// TerminationText writes the termination monitor for a terminal.
func TerminationText(w io.Writer, t *bloc.Termination) error {
	p := &printer{w: w}
	th := "none ranked"
	if t.Threat != nil {
		th = t.Threat.Abb
	}
	p.f("TERMINATION MONITOR (Walt 1997; the paper's Table 2): %s→%s, %s; changes over %d years; outside threat %s\n",
		t.A.Abb, t.B.Abb, years(t.Period), t.Window, th)
	for _, c := range t.Conditions {
		p.f("  %d %s: %s\n", c.N, c.Label, Wrap(c.Rule, "      ", 90))
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  year\t1\t2\t3\t4\t5\t6\trisk\t")
	for k, y := range t.Years {
		row := fmt.Sprintf("  %d\t", y)
		for _, c := range t.Conditions {
			row += flagMark(c.Flags[k]) + "\t"
		}
		fmt.Fprintln(tw, row+num(t.Risk[k], "%.2f")+"\t")
	}
	tw.Flush()
	p.f("  X met, · not met, ? no data. %s, β0 = %g, β = %g each.\n", t.Model.Formula, t.Model.Intercept, t.Model.Weights[0])
	if len(t.Flagged) > 0 {
		p.f("  Conditions met:\n")
		for _, f := range t.Flagged {
			p.f("    %d  %d %s\n", f.Year, f.Condition, Wrap(f.Why, "          ", 86))
		}
	}
	// The main series in brief.
	tw = tabwriter.NewWriter(w, 2, 4, 1, ' ', tabwriter.AlignRight)
	head := "  series\t"
	for _, y := range t.Years {
		head += fmt.Sprintf("%d\t", y)
	}
	fmt.Fprintln(tw, head+"cut\t")
	for _, s := range t.Series {
		if s.Condition == 0 {
			continue
		}
		row := "  " + s.ID + "\t"
		for _, v := range s.Values {
			row += num(v, "%.2f") + "\t"
		}
		fmt.Fprintln(tw, row+num(s.Threshold, "%g")+"\t")
	}
	tw.Flush()
	for _, n := range t.Notes {
		p.f("  Note: %s\n", Wrap(n, "    ", 92))
	}
	return p.err
}

func flagMark(f *bool) string {
	switch {
	case f == nil:
		return "?"
	case *f:
		return "X"
	}
	return "·"
}

// evidenceMarkdown writes the evidence section in Markdown.
func evidenceMarkdown(p *printer, ev *bloc.Evidence) {
	nl, nt := counts(ev)
	p.f("\n## Evidence: Bayesian weighing of the rival theories\n\nPrior %s; %d ledger items and %d theory tests weighed. %s\n\n", ev.Prior, nl, nt, ev.Method)
	p.f("| rank | hypothesis | prior | posterior | WoE vs H0 (dB) | ledger | tests | posterior over priors | ±%.0f%% likelihoods |\n|---:|---|---:|---:|---:|---:|---:|---|---|\n", 100*ev.Sensitivity.Factor)
	for _, h := range ev.Hypotheses {
		pr, pt := ev.Sensitivity.PriorRange[h.ID], ev.Sensitivity.PerturbRange[h.ID]
		p.f("| %d | %s | %.3f | %.3f | %+.1f | %+.1f | %+.1f | %.3f–%.3f | %.3f–%.3f |\n", h.Rank, md(h.Name), h.Prior, h.Posterior, h.WoE, h.WoELedger, h.WoETests, pr.Min, pr.Max, pt.Min, pt.Max)
	}
	p.f("\n%s leads %s by %.1f dB.", hypName(ev, ev.Top), hypName(ev, ev.RunnerUp), ev.Margin)
	s := ev.Sensitivity
	p.f(" It stays first under %.0f%% of the priors tried and for any prior on it of at least %.3g (the rest spread evenly); under random ±%.0f%% perturbations of every likelihood in %.0f%% of %d draws.",
		100*s.PriorStable, s.Breakeven, 100*s.Factor, 100*s.PerturbStable, s.Draws)
	if s.Robust {
		p.f(" With every item's weight misjudged by %.0f%% against it, it still leads.\n", 100*s.Factor)
	} else {
		p.f(" With every item's weight misjudged by %.0f%% against it, %s would pass it.\n", 100*s.Factor, strings.Join(shorts(s.Adversarial), ", "))
	}
	if len(ev.Decisive) > 0 {
		p.f("\n**Decided by** (weight of evidence for %s over %s):\n\n", evidence.Short(ev.Top), evidence.Short(ev.RunnerUp))
		for _, d := range ev.Decisive {
			piv := ""
			if d.Pivotal {
				piv = " (pivotal)"
			}
			p.f("- %+.1f dB `%s` (%s): %s%s\n", d.WoE, d.ID, d.Origin, md(d.Text), piv)
		}
	}
	p.f("\n**Assumptions.**\n\n")
	for _, a := range ev.Assumptions {
		p.f("- %s\n", a)
	}
	order := hypOrder(ev)
	p.f("\n### Ledger\n\n| item | kind | dates | actor→target | ")
	for _, id := range order {
		p.f("%s | ", evidence.Short(id))
	}
	p.f("weight | WoE %s:%s | source |\n|---|---|---|---|", evidence.Short(ev.Top), evidence.Short(ev.RunnerUp))
	for range order {
		p.f("---:|")
	}
	p.f("---:|---:|---|\n")
	items := append([]bloc.EvidenceItem(nil), ev.Items...)
	sort.SliceStable(items, func(a, b int) bool { return items[a].Origin == bloc.FromLedger && items[b].Origin != bloc.FromLedger })
	for _, it := range items {
		src := ""
		if it.Source != nil {
			src = it.Source.Citation
		}
		p.f("| `%s` | %s | %s | %s→%s | ", it.ID, it.Kind, dates(it), it.Actor, it.Target)
		for _, id := range order {
			p.f("%.2f | ", it.Likelihoods[id])
		}
		woe := fmt.Sprintf("%+.1f", it.WoETop)
		if !it.Counted {
			woe = "not counted"
		}
		p.f("%.2f | %s | %s |\n", it.Weight, woe, md(src))
	}
	if wd := ev.Events; wd != nil {
		p.f("\n### Words and deeds\n\n%s %s\n\n| dyad | year | verb coop | matl coop | verb conf | matl conf | Goldstein | words | deeds | deeds/word | baseline | gap | words > deeds |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n", wd.Summary, wd.Measure)
		for _, s := range wd.Series {
			for _, y := range s.Years {
				d := "?"
				if y.Diverges != nil {
					d = "no"
					if *y.Diverges {
						d = "yes"
					}
				}
				p.f("| %s | %d | %.0f | %.0f | %.0f | %.0f | %s | %s | %s | %s | %s | %s | %s |\n", s.Dyad, y.Year, y.VerbCoop, y.MatlCoop, y.VerbConf, y.MatlConf,
					num(y.Goldstein, "%+.2f"), num(y.Words, "%+.2f"), num(y.Deeds, "%+.2f"), pctNum(y.Ratio), pctNum(y.Baseline), num(y.Gap, "%+.2f"), d)
			}
		}
	}
}

// terminationMarkdown writes the termination monitor in Markdown.
func terminationMarkdown(p *printer, t *bloc.Termination) {
	th := "none ranked"
	if t.Threat != nil {
		th = t.Threat.Name
	}
	p.f("\n## Termination monitor (Walt 1997; the paper's Table 2)\n\nChanges over %d years; the outside threat followed is %s. %s (β0 = %g, β = %g each).\n\n",
		t.Window, th, t.Model.Formula, t.Model.Intercept, t.Model.Weights[0])
	p.f("| # | condition | rule |\n|---:|---|---|\n")
	for _, c := range t.Conditions {
		p.f("| %d | %s | %s |\n", c.N, md(c.Label), md(c.Rule))
	}
	p.f("\n| year | 1 | 2 | 3 | 4 | 5 | 6 | risk |\n|---:|---|---|---|---|---|---|---:|\n")
	for k, y := range t.Years {
		p.f("| %d |", y)
		for _, c := range t.Conditions {
			p.f(" %s |", flagMark(c.Flags[k]))
		}
		p.f(" %s |\n", num(t.Risk[k], "%.2f"))
	}
	if len(t.Flagged) > 0 {
		p.f("\n")
		for _, f := range t.Flagged {
			p.f("- %d, condition %d: %s\n", f.Year, f.Condition, md(f.Why))
		}
	}
}

// EvidenceMarkdown writes the verdict's evidence section as a Markdown
// document.
func EvidenceMarkdown(w io.Writer, v *bloc.Verdict) error {
	p := &printer{w: w}
	p.f("# Why does %s align with %s, %s? The evidence\n", v.A.Name, v.B.Name, years(v.Period))
	if v.Evidence != nil {
		evidenceMarkdown(p, v.Evidence)
	}
	return p.err
}

// ledgerTable writes the ledger items: P(E|H) per hypothesis, weight and
// WoE for the top over the runner-up, then each item's text and source.
func ledgerTable(w io.Writer, p *printer, ev *bloc.Evidence, order []string) {
	tw := tabwriter.NewWriter(w, 2, 4, 1, ' ', 0)
	head := "  item\tkind\tdates\tactor→target\t"
	for _, id := range order {
		head += evidence.Short(id) + "\t"
	}
	fmt.Fprintln(tw, head+"weight\tWoE\t")
	for _, it := range ev.Items {
		if it.Origin != bloc.FromLedger {
			continue
		}
		row := fmt.Sprintf("  %s\t%s\t%s\t%s→%s\t", it.ID, kindShort(it.Kind), dates(it), it.Actor, it.Target)
		for _, id := range order {
			row += fmt.Sprintf("%.2f\t", it.Likelihoods[id])
		}
		if it.Counted {
			row += fmt.Sprintf("%.2f\t%+.1f\t", it.Weight, it.WoETop)
		} else {
			row += "—\tnot counted\t"
		}
		fmt.Fprintln(tw, row)
	}
	tw.Flush()
	for _, it := range ev.Items {
		if it.Origin != bloc.FromLedger {
			continue
		}
		src := ""
		if it.Source != nil {
			src = it.Source.Citation
			if it.Source.URL != "" {
				src += " <" + it.Source.URL + ">"
			}
		}
		grp := ""
		if it.Group != "" {
			grp = ", group " + it.Group
		}
		p.f("  %s [%s%s, status %s]: %s\n", it.ID, it.Kind, grp, it.Status, Wrap(it.Text, "      ", 88))
		p.f("      Source: %s\n", Wrap(src, "        ", 86))
		if it.Note != "" {
			p.f("      %s\n", Wrap(it.Note, "      ", 88))
		}
	}
}
