package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/verdict"
	"github.com/bloc-project/bloc/whatif"
)

func init() {
	commands = append(commands, func(e *env) *cobra.Command { return e.whatifCmd() })
}

func (e *env) whatifCmd() *cobra.Command {
	var fl dyadFlags
	var at int
	var sets, scenarios []string
	var full, timings bool
	var names []string
	for _, s := range whatif.Scenarios {
		names = append(names, fmt.Sprintf("  %-20s condition %d: %s\n  %-20s %s", s.Name, s.Condition, strings.Join(s.Sets, " "), "", s.Paper))
	}
	c := &cobra.Command{
		Use:   "whatif A B --set STATE.FIELD=VALUE... | --scenario NAME...",
		Short: "What if? Modify the world and see what changes in the verdict and the termination monitor",
		Long: `whatif re-runs the theories, the evidence weighing and the termination monitor on a modified copy of
the world and shows what changes against the baseline: the tie, the top threat, the ranking and
scores of the theories, the posterior and the risk of termination year by year.

--set STATE.FIELD=VALUE or STATE.FIELD*=FACTOR, optionally @YEARS, repeated, makes one scenario:
  STATE   a COW abbreviation, ISO code, COW code or name, or a role: A, B (the dyad), T (A's top
          threat other than B)
  FIELD   cinc, milex, milper, irst, pec, tpop, upop (capabilities; CINC is recomputed),
          intentions[:TARGET] (towards A, or B for A itself; 0–1 or low, medium, high),
          trade[:PARTNER] (both flows, million USD), polity2, polyarchy, ideal (UN ideal point),
          sanctions[:TARGET] (= N episodes)
  YEARS   YYYY or YYYY- (from that year on) or YYYY-YYYY; without it, from --at (default: the
          middle of the period) to the end, so the monitor sees a before and an after
--scenario NAME runs one of the paper's Table 2 scenarios (Walt's ending conditions; the roles
make them apply to any dyad), --scenario all every one:
` + strings.Join(names, "\n") + `

Formats: text, json (the baseline and each scenario's summary and changes; --full adds each
scenario's whole verdict). The grammar is in docs/verdict-schema.md, "What-if".`,
		Example: `  bloc whatif IRN RUS --scenario us-threat-fades
  bloc whatif IRN RUS --scenario all
  bloc whatif IRN RUS --set 'USA.intentions=low' --set 'IRN.cinc*=2@2016'
  bloc whatif IRN RUS --set 'IRN.trade:RUS*=5' --format json`,
		Args: exactArgs(2, "two states, A and B"),
		RunE: func(c *cobra.Command, args []string) error {
			t0 := time.Now()
			switch e.format {
			case "text", "json":
			default:
				return bloc.Errorf(bloc.EINVALID, "whatif writes text or json, not %s", e.format)
			}
			var runs []whatif.Named
			if len(sets) > 0 {
				n := whatif.Named{Scenario: whatif.Scenario{Name: "custom", Sets: sets}}
				for _, s := range sets {
					ps, err := whatif.ParseSet(s)
					if err != nil {
						return err
					}
					n.Parsed = append(n.Parsed, ps)
				}
				runs = append(runs, n)
			}
			for _, name := range scenarios {
				list := []whatif.Scenario{}
				if strings.EqualFold(name, "all") {
					list = whatif.Scenarios
				} else {
					sc, err := whatif.Lookup(name)
					if err != nil {
						return err
					}
					list = append(list, sc)
				}
				for _, sc := range list {
					n := whatif.Named{Scenario: sc}
					for _, s := range sc.Sets {
						ps, err := whatif.ParseSet(s)
						if err != nil {
							return err
						}
						n.Parsed = append(n.Parsed, ps)
					}
					runs = append(runs, n)
				}
			}
			if len(runs) == 0 {
				return &bloc.Error{Code: bloc.EINVALID, Message: "whatif needs --set or --scenario",
					Hints: []string{"e.g. --scenario us-threat-fades, --scenario all, or --set 'USA.intentions=low'"}}
			}
			req, err := fl.request(args[0], args[1])
			if err != nil {
				return err
			}
			p := req.Period
			if c.Flags().Changed("at") && !p.Contains(at) {
				return bloc.Errorf(bloc.EINVALID, "--at %d is outside the period %v", at, p)
			}
			if !c.Flags().Changed("at") {
				at = p.From + p.Years()/2
			}
			store, err := e.openStore(c.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			req.Options = verdict.DefaultOptions()
			pr, err := verdict.Prepare(c.Context(), store, req)
			if err != nil {
				return err
			}
			tLoad := time.Since(t0)
			base, err := pr.Explain(pr.World)
			if err != nil {
				return err
			}
			env := whatif.Env{A: pr.A.CCode, B: pr.B.CCode, Period: p, At: at, Params: pr.Options.Params,
				Resolve: func(s string) (bloc.CCode, error) {
					st, err := pr.Reg.Resolve(s)
					return st.CCode, err
				}}
			if base.Termination != nil && base.Termination.Threat != nil {
				// The scenarios' monitors follow the baseline's threat,
				// even when a scenario changes the ranking of threats.
				env.T = base.Termination.Threat.CCode
				pr.Options.MonitorThreat = env.T
			}
			rep, err := whatif.Run(base, pr.World, env, runs, pr.Explain, full)
			if err != nil {
				return err
			}
			bw := bufio.NewWriter(e.stdout)
			if e.format == "json" {
				enc := json.NewEncoder(bw)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				err = enc.Encode(rep)
			} else {
				err = whatif.Text(bw, rep)
			}
			if err == nil {
				err = bw.Flush()
			}
			if timings {
				fmt.Fprintf(e.stderr, "whatif: load %v, %d verdicts %v, total %v\n", tLoad.Round(time.Millisecond), len(runs)+1,
					pr.Timings.Compute.Round(time.Millisecond), time.Since(t0).Round(time.Millisecond))
			}
			return err
		},
	}
	fl.register(c, periodFlags|caseFlags|ledgerFlags)
	f := c.Flags()
	f.StringArrayVar(&sets, "set", nil, "a modification STATE.FIELD=VALUE or STATE.FIELD*=FACTOR[@YEARS] (repeat; together one scenario)")
	f.StringArrayVar(&scenarios, "scenario", nil, "a named scenario of the paper's Table 2, or all (repeat)")
	f.IntVar(&at, "at", 0, "first year of modifications without @YEARS (default: the middle of the period)")
	f.BoolVar(&full, "full", false, "with --format json, each scenario's whole verdict")
	f.BoolVar(&timings, "timings", false, "print load and compute times to stderr")
	return c
}
