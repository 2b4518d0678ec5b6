package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/evidence"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/verdict"
)

func init() {
	commands = append(commands, func(e *env) *cobra.Command { return e.explainCmd() })
}

type explainFlags struct {
	dyadFlags
	batch   string
	threats int
	form    string
	samples int
	seed    uint64
	timings bool
	workers int
}

func (e *env) explainCmd() *cobra.Command {
	var fl explainFlags
	def := verdict.DefaultPeriod()
	c := &cobra.Command{
		Use:   "explain A B",
		Short: "Why does A align with B? Test the rival alliance theories on the dyad",
		Long: fmt.Sprintf(`explain tests the rival theories of alliance formation on the directed dyad A→B over a period:
Walt's balance of threat, Waltz's balance of power (system and region), Walt's bandwagoning,
Schweller's bandwagoning for profit, economic interdependence and identity. It shows

  - the tie between A and B (alliance, coalition, alignment or none; Snyder 1990),
  - A's threat table: its candidate threats with Walt's four sources (power, proximity,
    offensive power, aggressive intentions), three threat indices and their weight sensitivity,
  - A's and B's types in Schweller's menagerie (lion, lamb, jackal, wolf),
  - each theory's assumptions, prediction and tests (value, year, source, verdict), and its
    congruence score in [−1, 1], ranked,
  - the two best theories compared in the paper's Table 4 terms (causes, motives, results,
    what would end the tie),
  - with a case file, the claims of the case's source checked against the data,
  - the evidence: a Bayesian weighing of the theories (and a residual H0) on the evidence ledger
    of speech acts and practical actions and on the theories' tests, with each item's weight of
    evidence in decibans, the items that decided it and the sensitivity to priors and likelihoods;
    and the event data's words against deeds (docs/evidence-ledger.md),
  - the termination monitor: Walt's six conditions under which the tie would end, year by year,
    with the risk (the paper's Table 2; see bloc monitor).

A and B are COW codes (630), COW or ISO codes (IRN, IR) or names (Iran, ایران).
The default period is %v, the latest %d-year window in which capabilities (COW NMC), alliances
(ATOP), UN ideal points and strategic rivalries overlap; each indicator reports the year it uses.

The built-in case IRN→RUS (the seed paper's Tables 1, 3 and 4, with Global Firepower, UN Security
Council, SIPRI, sanctions and trade facts) is used by default for that dyad; --case FILE uses
another case file and --no-case none. Likewise its evidence ledger (the paper's speech acts and
practical actions): --ledger FILE uses another, --no-ledger weighs the theories' tests alone.
--prior sets the prior of the weighing (default uniform), e.g. --prior BoT=0.3,BfP=0.3.

--batch FILE explains many dyads: FILE is a CSV with the columns a,b and optionally from,to
(empty cells take --from/--to or the default period; "-" reads standard input). The world is
loaded once per period and shared. Output: JSON lines of compact verdicts with --format json,
else a CSV summary.

Formats: text (default), md, json. The JSON schema is docs/verdict-schema.md.`, def, verdict.DefaultYears),
		Example: `  bloc explain IRN RUS
  bloc explain Pakistan China --from 1963 --to 1970
  bloc explain 40 365 --from 1962 --to 1962 --format json
  bloc explain --batch dyads.csv --format csv`,
		RunE: func(c *cobra.Command, args []string) error {
			if fl.batch != "" {
				if len(args) > 0 {
					return bloc.Errorf(bloc.EINVALID, "give either A B or --batch FILE, not both")
				}
				return e.runBatch(c, fl)
			}
			if len(args) != 2 {
				return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("explain needs two states, A and B (got %d)", len(args)),
					Hints: []string{"e.g. `bloc explain IRN RUS`, or `bloc explain --batch FILE`"}}
			}
			return e.runExplain(c, fl, args[0], args[1])
		},
	}
	fl.register(c, periodFlags|caseFlags|ledgerFlags)
	f := c.Flags()
	f.StringVar(&fl.batch, "batch", "", "CSV file of dyads (columns a,b[,from,to]) to explain; - for standard input")
	f.IntVar(&fl.threats, "threats", 10, "number of A's threats to list")
	f.StringVar(&fl.form, "threat-form", indicators.DefaultParams().ThreatForm, "threat index that ranks threats: conditional, additive or multiplicative")
	f.IntVar(&fl.samples, "samples", indicators.DefaultParams().Samples, "Dirichlet weight samples for the threat sensitivity")
	f.Uint64Var(&fl.seed, "seed", indicators.DefaultParams().Seed, "seed of the weight sampling")
	f.BoolVar(&fl.timings, "timings", false, "print load and compute times to stderr")
	f.IntVar(&fl.workers, "workers", runtime.GOMAXPROCS(0), "dyads explained in parallel in --batch")
	return c
}

func (fl explainFlags) options() (verdict.Options, error) {
	opt := verdict.DefaultOptions()
	switch fl.form {
	case indicators.Additive, indicators.Multiplicative, indicators.Conditional:
		opt.Params.ThreatForm = fl.form
	default:
		return opt, bloc.Errorf(bloc.EINVALID, "--threat-form %q is not one of conditional, additive, multiplicative", fl.form)
	}
	if fl.samples < 0 || fl.threats < 1 {
		return opt, bloc.Errorf(bloc.EINVALID, "--samples must not be negative and --threats must be positive")
	}
	opt.Params.Samples, opt.Params.Seed, opt.ThreatRows = fl.samples, fl.seed, fl.threats
	if fl.prior != "" {
		p, err := evidence.ParsePrior(fl.prior, evidence.Hypotheses())
		if err != nil {
			return opt, err
		}
		opt.Prior, opt.PriorName = p, fl.prior
	}
	return opt, nil
}

func (e *env) runExplain(c *cobra.Command, fl explainFlags, a, b string) error {
	t0 := time.Now()
	switch e.format {
	case "text", "json", "md":
	default:
		return bloc.Errorf(bloc.EINVALID, "explain writes text, md or json, not %s", e.format)
	}
	req, err := fl.request(a, b)
	if err != nil {
		return err
	}
	opt, err := fl.options()
	if err != nil {
		return err
	}
	store, err := e.openStore(c.Context())
	if err != nil {
		return err
	}
	defer store.Close()
	tOpen := time.Since(t0)
	src, done := e.eventSource(c.Context())
	defer done()
	req.Events, req.Options = src, opt
	v, tm, err := verdict.ExplainRequest(c.Context(), store, req)
	if err != nil {
		return err
	}
	tr := time.Now()
	bw := bufio.NewWriter(e.stdout)
	switch e.format {
	case "json":
		err = verdict.JSON(bw, v)
	case "md":
		err = verdict.Markdown(bw, v)
	default:
		err = verdict.Text(bw, v)
	}
	if err == nil {
		err = bw.Flush()
	}
	if fl.timings {
		fmt.Fprintf(e.stderr, "explain: open %v, registry %v, load %v, compute %v, render %v, total %v\n",
			tOpen.Round(time.Millisecond), tm.Registry.Round(time.Millisecond), tm.Load.Round(time.Millisecond),
			tm.Compute.Round(time.Millisecond), time.Since(tr).Round(time.Millisecond), time.Since(t0).Round(time.Millisecond))
		for _, q := range tm.Queries {
			fmt.Fprintf(e.stderr, "  %-14s %7d rows %v\n", q.Query, q.Rows, q.Took.Round(time.Millisecond))
		}
	}
	return err
}

func (e *env) runBatch(c *cobra.Command, fl explainFlags) error {
	t0 := time.Now()
	if fl.ledger != "" {
		return bloc.Errorf(bloc.EINVALID, "--ledger is about one dyad; --batch weighs the theories' tests of each dyad alone")
	}
	def, err := fl.period()
	if err != nil {
		return err
	}
	opt, err := fl.options()
	if err != nil {
		return err
	}
	opt.ThreatRows = min(opt.ThreatRows, 5)
	var in io.Reader = e.stdin
	if fl.batch != "-" {
		fh, err := os.Open(fl.batch)
		if err != nil {
			return &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("cannot read the batch file %s", fl.batch), Err: err}
		}
		defer fh.Close()
		in = fh
	}
	rows, err := verdict.ParseBatch(in, fl.batch, def)
	if err != nil {
		return err
	}
	store, err := e.openStore(c.Context())
	if err != nil {
		return err
	}
	defer store.Close()
	bw := bufio.NewWriter(e.stdout)
	var out verdict.BatchWriter
	if e.format == "json" {
		out = verdict.NewJSONLines(bw)
	} else {
		out = verdict.NewCSVSummary(bw) // writes its header at once
	}
	st, err := verdict.RunBatch(c.Context(), store, rows, opt, fl.workers, out.Write)
	if err == nil {
		err = out.Flush()
	}
	if err == nil {
		err = bw.Flush()
	}
	if fl.timings || !e.quiet {
		fmt.Fprintf(e.stderr, "explain --batch: %d dyads (%d failed) in %d period(s): load %v, compute %v, total %v\n",
			st.Dyads, st.Failed, st.Periods, st.Load.Round(time.Millisecond), st.Compute.Round(time.Millisecond), time.Since(t0).Round(time.Millisecond))
	}
	return err
}
