package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/monitor"
	"github.com/bloc-project/bloc/verdict"
)

func init() {
	commands = append(commands, func(e *env) *cobra.Command { return e.monitorCmd() })
}

func (e *env) monitorCmd() *cobra.Command {
	var fl dyadFlags
	var window int
	var threat string
	c := &cobra.Command{
		Use:   "monitor A B",
		Short: "Watch A's alignment with B for Walt's six conditions under which alliances end, year by year",
		Long: `monitor follows, for every year, the six conditions under which Walt (1997) expects an alliance to
end — the seed paper's Table 2 — as indicators with values and thresholds:

  1 the partner becomes a threat: B's aggressive intentions towards A rise (or cross the cut);
  2 the common threat fades: A's top threat T (other than B) looks less aggressive, or A warms to it;
  3 a partner grows strong: A's or B's CINC grows ≥ 30% over the window, or A nears T's strength;
  4 the alliance loses credibility: votes for UNSC resolutions against the partner (case facts),
    new sanctions on it, lapsed or unreciprocated ATOP obligations, a widening UN vote distance;
  5 domestic politics change: |Δ polity2| ≥ 3 or |Δ V-Dem polyarchy| ≥ 0.1;
  6 the structure of power changes: Ray–Singer concentration or the number of poles changes, or
    B or T declines (CINC −25%).

Changes compare a year's value (an index over the --window years ending then) with the value a
window earlier. The risk is logistic in the six flags with equal weights: risk = 1/(1+exp(−(−3 + 2·Σ
flags))): 0.05 with none met, 0.27 with one, 0.73 with two. --format json writes the chart-ready
series (a years axis and one array of values per indicator; docs/verdict-schema.md, "Termination");
csv one row per year, one column per series.`,
		Example: "  bloc monitor IRN RUS\n  bloc monitor IRN RUS --from 1995 --to 2018 --format json",
		Args:    exactArgs(2, "two states, A and B"),
		RunE: func(c *cobra.Command, args []string) error {
			req, err := fl.request(args[0], args[1])
			if err != nil {
				return err
			}
			p := req.Period
			if window < 1 || window > 20 {
				return bloc.Errorf(bloc.EINVALID, "--window %d is not 1–20 years", window)
			}
			store, err := e.openStore(c.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			opt := verdict.DefaultOptions()
			opt.NoEvidence = true
			opt.Monitor.Window = window
			req.NoLedger, req.Options = true, opt
			pr, err := verdict.Prepare(c.Context(), store, req)
			if err != nil {
				return err
			}
			var th bloc.CCode
			if threat != "" {
				st, err := verdict.Resolve(pr.Reg, threat, p, "--threat")
				if err != nil {
					return err
				}
				th = st.CCode
			}
			t := monitor.Monitor(monitor.Input{W: pr.World, A: pr.A.CCode, B: pr.B.CCode, Period: p, Threat: th, Indicators: pr.Options.Params, Params: opt.Monitor})
			bw := bufio.NewWriter(e.stdout)
			switch e.format {
			case "json":
				enc := json.NewEncoder(bw)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				err = enc.Encode(t)
			case "csv":
				cw := csv.NewWriter(bw)
				head := []string{"year"}
				for _, s := range t.Series {
					head = append(head, s.ID)
				}
				for _, c := range t.Conditions {
					head = append(head, c.ID)
				}
				cw.Write(head)
				for k, y := range t.Years {
					row := []string{strconv.Itoa(y)}
					for _, s := range t.Series {
						row = append(row, numStr(s.Values[k], 4))
					}
					for _, c := range t.Conditions {
						f := ""
						if c.Flags[k] != nil {
							f = strconv.FormatBool(*c.Flags[k])
						}
						row = append(row, f)
					}
					cw.Write(row)
				}
				cw.Flush()
				err = cw.Error()
			default:
				err = verdict.TerminationText(bw, t)
			}
			if err == nil {
				err = bw.Flush()
			}
			return err
		},
	}
	fl.register(c, periodFlags|caseFlags)
	f := c.Flags()
	f.IntVar(&window, "window", monitor.DefaultParams().Window, "years over which changes are measured")
	f.StringVar(&threat, "threat", "", "the outside state to follow (default: A's first-ranked threat other than B)")
	return c
}
