package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/panel"
)

func init() {
	commands = append(commands,
		func(e *env) *cobra.Command { return e.panelCmd() },
		func(e *env) *cobra.Command { return e.similarityCmd() })
}

// panelFlags are the flags shared by the panel commands.
type panelFlags struct {
	opt         panel.Options
	directed    bool
	nondirected bool
	add         []string
	out         string
	cite        bool
	codebook    bool
	memory      string
}

// register declares the flags of a panel command: toDefault says what --to
// defaults to; pairs adds --directed, --nondirected and --prd (the dyad-year
// panel; similarity is always non-directed).
func (f *panelFlags) register(c *cobra.Command, toDefault string, pairs bool) {
	fl := c.Flags()
	fl.IntVar(&f.opt.From, "from", 0, "first year (default 1816)")
	fl.IntVar(&f.opt.To, "to", 0, "last year (default "+toDefault+")")
	fl.IntVar(&f.opt.MRY, "mry", 0, fmt.Sprintf("most recent year: states alive on the system data's last date (2016-12-31) are extended to it (default %d; 2016 = peacesciencer's mry=FALSE)", panel.DefaultMRY()))
	fl.StringSliceVar(&f.add, "add", nil, "covariates to add, comma-separated (\"bloc panel covariates\" lists them; \"all\" adds every one)")
	fl.IntVar(&f.opt.NMCVersion, "nmc-version", 7, "COW National Material Capabilities version: 7 (1816–2022) or 6 (1816–2016)")
	fl.StringVarP(&f.out, "out", "o", "", "write to FILE; the format follows the extension (.csv, .parquet, .jsonl); default CSV on stdout (JSON lines with --format json)")
	fl.BoolVar(&f.cite, "cite", false, "print the BibTeX of every dataset the panel uses (with --out, after writing the panel; without, instead of it)")
	fl.BoolVar(&f.codebook, "codebook", false, "print the panel's columns (name, type, covariate, description) and the covariates' formulas instead of its rows")
	fl.StringVar(&f.memory, "memory-limit", defaultPanelMemory, "cap on the memory DuckDB may use while writing (e.g. 640MB); the sort of CSV and JSON lines spills to disk beyond it (default: 80% of RAM)")
	if pairs {
		fl.BoolVar(&f.directed, "directed", true, "both orders of every pair (ccode1–ccode2 and ccode2–ccode1)")
		fl.BoolVar(&f.nondirected, "nondirected", false, "one row per pair, ccode1 < ccode2")
		fl.BoolVar(&f.opt.PRD, "prd", false, "politically relevant dyads only (contiguous, or a major power on either side)")
	}
}

func (f *panelFlags) options(c *cobra.Command) (panel.Options, error) {
	opt := f.opt
	opt.Add = f.add
	if f.nondirected && c.Flags().Changed("directed") && f.directed {
		return opt, &bloc.Error{Code: bloc.EINVALID, Message: "--directed and --nondirected exclude each other"}
	}
	opt.NonDirected = f.nondirected || (c.Flags().Changed("directed") && !f.directed)
	return opt, nil
}

func (e *env) panelCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "panel",
		Short: "Build dyad-year and state-year panels (peacesciencer-compatible) with covariates",
		Long: `panel builds the panels of quantitative international relations: every directed (or non-directed)
dyad-year or state-year of the Correlates of War state system, with covariates from the datasets in the
store joined in (--add). Columns carry peacesciencer's names and values where peacesciencer has the
variable; missing means missing (outside a dataset's years a covariate is empty, never 0).

The panel is built inside the embedded DuckDB store and written as CSV on stdout by default, or to a
file with --out (CSV, Parquet or JSON lines by extension), atomically: the file appears complete or
not at all. Rows are in (ccode1, ccode2, year) order; Parquet files carry min/max statistics per row
group, so readers can skip row groups by code or year.`,
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(e.panelUnitCmd(panel.DyadYear), e.panelUnitCmd(panel.StateYear), e.covariatesCmd())
	return c
}

func (e *env) panelUnitCmd(unit panel.Unit) *cobra.Command {
	f := &panelFlags{}
	example := `  bloc panel dyad-year --mry 2025 --add nmc,contiguity,capdist,atop --out ddy.parquet
  bloc panel dyad-year --from 2000 --to 2018 --nondirected --prd --add atop,fpsim > prd.csv
  bloc panel dyad-year --add nmc,atop,rivalry --cite > refs.bib`
	if unit == panel.StateYear {
		example = `  bloc panel state-year --add nmc,democracy,gdp --out sy.csv`
	}
	c := &cobra.Command{
		Use:     string(unit),
		Short:   fmt.Sprintf("Build the %s panel", unit),
		Example: example,
		Args:    noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opt, err := f.options(c)
			if err != nil {
				return err
			}
			return e.runPanel(c.Context(), unit, opt, f)
		},
	}
	f.register(c, "the most recent year", unit == panel.DyadYear)
	return c
}

func (e *env) runPanel(ctx context.Context, unit panel.Unit, opt panel.Options, f *panelFlags) error {
	if f.cite && f.out == "" && !f.codebook {
		bib, err := panel.BibTeXFor(unit, opt)
		if err != nil {
			return err
		}
		fmt.Fprint(e.stdout, bib)
		return nil
	}
	format := panel.CSV
	if f.out != "" {
		switch ff, ok := panel.FormatOf(f.out); {
		case ok:
			format = ff
		case e.format == "json":
			format = panel.JSONL
		case e.format != "csv":
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("cannot tell the format of %s from its extension %q", f.out, filepath.Ext(f.out)),
				Hints: []string{"name the file .csv, .parquet or .jsonl, or pass --format csv or --format json"}}
		}
	} else if e.format == "json" {
		format = panel.JSONL
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if f.memory != "" {
		if !memorySize.MatchString(f.memory) {
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--memory-limit %q is not a size", f.memory), Hints: []string{"e.g. 640MB or 2GB"}}
		}
		if _, err := st.DB().ExecContext(ctx, "SET memory_limit = '"+f.memory+"'"); err != nil {
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--memory-limit %s", f.memory), Err: err}
		}
	}
	start := time.Now()
	var p *panel.Panel
	if unit == panel.StateYear {
		p, err = panel.StateYears(ctx, st, opt)
	} else {
		p, err = panel.DyadYears(ctx, st, opt)
	}
	if err != nil {
		return err
	}
	defer p.Close()
	built := time.Since(start)
	if !e.quiet {
		for _, n := range p.Notes {
			fmt.Fprintf(e.stderr, "bloc: note: %s\n", n)
		}
	}
	if f.codebook {
		return e.printCodebook(p)
	}
	if f.out == "" {
		return p.Write(ctx, e.stdout, format)
	}
	if err := p.WriteFile(ctx, f.out, format); err != nil {
		return err
	}
	if !e.quiet {
		fmt.Fprintf(e.stderr, "bloc: wrote %d rows × %d columns to %s (%s; built in %.2fs, total %.2fs)\n",
			p.Len(), len(p.Columns), f.out, format, built.Seconds(), time.Since(start).Seconds())
	}
	if f.cite {
		fmt.Fprint(e.stdout, p.BibTeX())
	}
	return nil
}

// defaultPanelMemory is DuckDB's own default (80% of RAM): DuckDB's writers
// (state-year panels) sort the rows in memory, and a lower limit makes DuckDB
// sort on disk, several times slower; dyad-year panels are written by
// bloc's Go writer, without a sort (see bench/README.md).
const defaultPanelMemory = ""

var memorySize = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$`)

func (e *env) printCodebook(p *panel.Panel) error {
	t := table{header: []string{"column", "type", "covariate", "description"}}
	for _, c := range p.Columns {
		t.rows = append(t.rows, []string{c.Name, c.Type, c.Covariate, c.Description})
	}
	t.json = p.Codebook()
	if err := e.print(t); err != nil {
		return err
	}
	if e.format == "text" {
		for _, c := range p.Covariates {
			fmt.Fprintf(e.stdout, "\n%s — %s\n  datasets: %s\n  %s\n", c.Name, c.Title, strings.Join(c.Datasets, ", "), c.Formula)
			if c.Deviation != "" {
				fmt.Fprintf(e.stdout, "  differs from peacesciencer: %s\n", c.Deviation)
			}
		}
	}
	return nil
}

func (e *env) covariatesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "covariates",
		Short: "List the covariates --add accepts, with their datasets and the panels they apply to",
		Args:  noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			list := panel.Covariates("")
			t := table{header: []string{"name", "units", "datasets", "title"}, json: list}
			for _, cv := range list {
				units := make([]string, len(cv.Units))
				for i, u := range cv.Units {
					units[i] = string(u)
				}
				t.rows = append(t.rows, []string{cv.Name, strings.Join(units, ","), strings.Join(cv.Datasets, ","), cv.Title})
			}
			return e.print(t)
		},
	}
}

func (e *env) similarityCmd() *cobra.Command {
	f := &panelFlags{}
	c := &cobra.Command{
		Use:   "similarity",
		Short: "Foreign-policy similarity (S, kappa, pi, tau-b) of every dyad-year, from ATOP alliances and UN votes",
		Long: `similarity computes, for every non-directed dyad-year, the similarity of the two states' alliance
portfolios (ATOP v5, 1816–2018: Signorino–Ritter S unweighted and CINC-weighted, Cohen's kappa,
Scott's pi, Kendall's tau-b) and of their UN General Assembly votes (1946–2019: S, kappa, pi). It is
` + "`bloc panel dyad-year --nondirected --add fpsim`" + ` restricted to the years with data.`,
		Example: "  bloc similarity --from 1990 --to 2018 --out fpsim.parquet",
		Args:    noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opt, err := f.options(c)
			if err != nil {
				return err
			}
			opt.NonDirected = true
			opt.Add = append([]string{"fpsim"}, f.add...)
			if opt.To == 0 {
				mry := opt.MRY
				if mry == 0 {
					mry = panel.DefaultMRY()
				}
				opt.To = min(mry, 2019)
			}
			return e.runPanel(c.Context(), panel.DyadYear, opt, f)
		},
	}
	f.register(c, "2019, the last year of UN votes", false)
	return c
}
