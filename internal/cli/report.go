package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/charts"
	"github.com/bloc-project/bloc/registry"
	"github.com/bloc-project/bloc/report"
	"github.com/bloc-project/bloc/verdict"
)

func init() {
	commands = append(commands, func(e *env) *cobra.Command { return e.reportCmd() })
}

type reportFlags struct {
	dyadFlags
	lang   string
	format string
	out    string
}

func (e *env) reportCmd() *cobra.Command {
	var fl reportFlags
	def := verdict.DefaultPeriod()
	c := &cobra.Command{
		Use:   "report A B",
		Short: "Write a report on why A aligns with B: tables, charts, citations (md, html, pdf; en, fa)",
		Long: fmt.Sprintf(`report explains the dyad A→B as `+"`bloc explain`"+` does and writes the result as a report a
person reads, in the order of the seed paper: the question and the tie, A's threats (Walt's four
sources), the state types (Schweller), each theory's assumptions, tests and congruence (Tables 1
and 3), the two best accounts compared (Table 4), Walt's six conditions for the tie's end (Table 2),
the evidence ledger and the case's claims checked against the data, the charts (trade over the
years, sanctions and the most-sanctioned states, vetoes, CINC, military spending, words and deeds),
and the citation of every dataset and source.

--lang fa writes it in Persian: right to left, Persian digits and the paper's terms.
--format md, html (default; one self-contained page) or pdf (the HTML printed by headless
Chromium, /usr/bin/chromium or $BLOC_CHROMIUM).

The report goes to --out DIR (default: the current directory) as bloc-A-B-FROM-TO-LANG.FORMAT,
with charts/ (each chart as SVG and PNG), data/ (the data behind each chart as CSV and JSON),
verdict.json and references.bib beside it. --out - writes the md or html report alone to
standard output. The default period is %v.`, def),
		Example: `  bloc report IRN RUS
  bloc report IRN RUS --lang fa --format pdf --out reports/
  bloc report Pakistan China --from 1963 --to 1970 --format md --out -`,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) != 2 {
				return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("report needs two states, A and B (got %d)", len(args)),
					Hints: []string{"e.g. `bloc report IRN RUS --lang fa`"}}
			}
			return e.runReport(c, fl, args[0], args[1])
		},
	}
	fl.register(c, periodFlags|caseFlags)
	f := c.Flags()
	f.StringVar(&fl.lang, "lang", "en", "language: en (English) or fa (Persian)")
	f.StringVar(&fl.format, "format", "html", "report format: md, html or pdf")
	f.StringVar(&fl.out, "out", ".", "directory to write the report and its files to; - writes the report alone to standard output")
	return c
}

func (e *env) runReport(c *cobra.Command, fl reportFlags, a, b string) error {
	ctx := c.Context()
	lang, err := report.ParseLang(fl.lang)
	if err != nil {
		return err
	}
	if err := report.CheckFormat(fl.format); err != nil {
		return err
	}
	if fl.out == "-" && fl.format == "pdf" {
		return &bloc.Error{Code: bloc.EINVALID, Message: "a PDF report is written to a directory, not standard output", Hints: []string{"pass --out DIR"}}
	}
	req, err := fl.request(a, b)
	if err != nil {
		return err
	}
	store, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	req.Options = verdict.DefaultOptions()
	v, _, err := verdict.ExplainRequest(ctx, store, req)
	if err != nil {
		return err
	}
	reg, err := registry.Load(ctx, store, verdict.MostRecentYear(v.Period.To))
	if err != nil {
		return err
	}
	cs, err := charts.ForVerdict(ctx, store, reg, v)
	if err != nil {
		return err
	}
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, raw, err := report.Decode(data)
	if err != nil {
		return err
	}
	doc := report.Build(report.Input{Verdict: v, Raw: raw, Charts: cs, Version: Version, SVG: fl.format != "md"}, lang)
	if fl.out == "-" {
		bw := bufio.NewWriter(e.stdout)
		if err := report.Render(ctx, bw, doc, fl.format); err != nil {
			return err
		}
		return bw.Flush()
	}
	if st, err := os.Stat(fl.out); err == nil && !st.IsDir() {
		return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--out %s is a file, not a directory", fl.out)}
	}
	bundle := &report.Bundle{Doc: doc, Verdict: v, Charts: cs}
	names, err := bundle.Write(ctx, report.Dir(fl.out), []string{fl.format})
	if err != nil {
		return err
	}
	if !e.quiet {
		fmt.Fprintf(e.stderr, "bloc report: wrote %d files to %s; the report is %s\n", len(names), fl.out, names[0])
	}
	return nil
}
