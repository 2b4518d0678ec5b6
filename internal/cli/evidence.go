package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/duckdb"
	"github.com/bloc-project/bloc/events"
	"github.com/bloc-project/bloc/evidence"
	"github.com/bloc-project/bloc/registry"
	"github.com/bloc-project/bloc/verdict"
)

func init() {
	commands = append(commands, func(e *env) *cobra.Command { return e.evidenceCmd() })
}

func (e *env) evidenceCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "evidence",
		Short: "Keep an evidence ledger of speech acts and practical actions and weigh it (Bayesian process tracing)",
		Long: `evidence keeps and weighs an evidence ledger: dated speech acts (what leaders say) and practical
actions (what states do), each with its source and, for the rival theories it bears on, P(E|H) or a
Van Evera test type (straw_in_the_wind, hoop, smoking_gun, doubly_decisive). The format is
docs/evidence-ledger.md; the built-in ledger for Iran→Russia holds the seed paper's items.

  add     append an item to a ledger file (validated with the whole file; written atomically)
  list    print a ledger's items (the built-in ledgers without FILE)
  check   validate ledger files and print every problem with file:line
  weigh   the posterior of the rival theories for a dyad: ledger + the theories' tests
  events  the event data's speech acts against practical actions for a dyad, year by year`,
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(e.evidenceAddCmd(), e.evidenceListCmd(), e.evidenceCheckCmd(), e.evidenceWeighCmd(), e.evidenceEventsCmd())
	return c
}

// resolver returns a state resolver from the store's registry.
func (e *env) resolver(ctx context.Context) (evidence.Resolver, func(), error) {
	s, err := e.openStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	reg, err := registry.Load(ctx, s, defaultMRY())
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return func(x string) (bloc.CCode, error) {
		st, err := reg.Resolve(x)
		return st.CCode, err
	}, func() { s.Close() }, nil
}

func (e *env) evidenceAddCmd() *cobra.Command {
	var it evidence.Item
	var liks []string
	var absent bool
	var otherwise float64
	c := &cobra.Command{
		Use:   "add FILE --id ID --kind speech_act|practical_action --actor S --target S --date D --citation C -l THEORY=SPEC...",
		Short: "Append an item to an evidence ledger (validated; written atomically)",
		Long: `add appends one item to the ledger FILE. The whole resulting ledger is parsed and checked (known
theories and states, unique ids, dates inside the ledger's period, probabilities in (0,1)) before
the file is replaced atomically; on any problem nothing is written and the error names the item.

-l/--likelihood THEORY=SPEC, repeated, gives P(E|H) for a theory: SPEC is a probability in (0,1),
a test type (straw_in_the_wind, hoop, smoking_gun, doubly_decisive; - or _), or TYPE:against when the
theory expects E not to happen. --otherwise is P(E|H) of the theories not listed (and of the
residual H0); it defaults to the listed test types' P(E|¬H).`,
		Example: `  bloc evidence add my-ledger.yaml --id sco_2023 --kind practical_action --actor IRN --target RUS \
    --date 2023-07-04 --description "Iran joins the SCO" --citation "SCO summit declaration (2023)" \
    --status V -l bandwagoning_profit=straw -l balance_of_threat=straw`,
		Args: exactArgs(1, "the ledger file"),
		RunE: func(c *cobra.Command, args []string) error {
			it.Observed = !absent
			it.Otherwise = 0
			if c.Flags().Changed("otherwise") {
				if !(otherwise > 0 && otherwise < 1) {
					return bloc.Errorf(bloc.EINVALID, "--otherwise %g is not a probability in (0, 1)", otherwise)
				}
				it.Otherwise = otherwise
			}
			for _, l := range liks {
				name, spec, ok := strings.Cut(l, "=")
				if !ok || strings.TrimSpace(name) == "" {
					return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--likelihood %q is not THEORY=SPEC", l),
						Hints: []string{"e.g. -l balance_of_threat=hoop, -l identity=0.2, -l bandwagoning_profit=smoking_gun:against"}}
				}
				lk, err := evidence.ParseLikelihood(spec)
				if err != nil {
					return bloc.Errorf(bloc.EINVALID, "--likelihood %q: %v", l, err)
				}
				lk.Hypothesis = strings.TrimSpace(name)
				it.Likelihoods = append(it.Likelihoods, lk)
			}
			resolve, done, err := e.resolver(c.Context())
			if err != nil {
				return err
			}
			defer done()
			if err := evidence.Append(args[0], it, evidence.HypothesisIDs(), resolve); err != nil {
				return err
			}
			if !e.quiet {
				fmt.Fprintf(e.stdout, "added %s to %s\n", it.ID, args[0])
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&it.ID, "id", "", "item id, unique in the ledger (letters, digits, _ . -)")
	f.StringVar(&it.Kind, "kind", "", "speech_act or practical_action")
	f.StringVar(&it.Actor, "actor", "", "the state that speaks or acts")
	f.StringVar(&it.Target, "target", "", "the state it speaks to or acts on")
	f.StringVar(&it.Date, "date", "", "date: YYYY, YYYY-MM or YYYY-MM-DD")
	f.StringVar(&it.Until, "until", "", "last date, for an item that spans time")
	f.StringVar(&it.Quote, "quote", "", "the words quoted")
	f.StringVar(&it.Description, "description", "", "what was said or done")
	f.StringVar(&it.Source.Citation, "citation", "", "the source's citation")
	f.StringVar(&it.Source.Title, "title", "", "the source's title")
	f.StringVar(&it.Source.URL, "url", "", "the source's address")
	f.StringVar(&it.Source.Accessed, "accessed", "", "when the address was read")
	f.StringVar(&it.Source.CitedBy, "cited-by", "", "where the case's source cites it")
	f.StringVar(&it.Status, "status", "U", "V checked against a public source, M from the literature, U not verified")
	f.BoolVar(&absent, "absent", false, "the item records that E did not happen")
	f.StringVar(&it.Group, "group", "", "group of correlated items (a group counts as one item)")
	f.StringArrayVarP(&liks, "likelihood", "l", nil, "THEORY=SPEC: P(E|H) or a test type (repeat per theory)")
	f.Float64Var(&otherwise, "otherwise", 0, "P(E|H) of the theories not listed and of H0")
	f.StringVar(&it.Rationale, "rationale", "", "why these likelihoods")
	f.StringVar(&it.Note, "note", "", "a note")
	return c
}

// ledgerDoc is a ledger as JSON, in the file format's field names, so the
// output of list --format json is itself a ledger.
type ledgerDoc struct {
	Schema int               `json:"schema"`
	ID     string            `json:"id"`
	Title  string            `json:"title"`
	File   string            `json:"-"`
	Dyad   map[string]string `json:"dyad"`
	Period bloc.Period       `json:"period"`
	Source map[string]string `json:"source,omitempty"`
	Items  []itemDoc         `json:"items"`
}

type itemDoc struct {
	ID          string         `json:"id"`
	Kind        string         `json:"kind"`
	Actor       string         `json:"actor"`
	Target      string         `json:"target"`
	Date        string         `json:"date"`
	Until       string         `json:"until,omitempty"`
	Quote       string         `json:"quote,omitempty"`
	Description string         `json:"description,omitempty"`
	Source      bloc.Citation  `json:"source"`
	Status      string         `json:"status"`
	Observed    *bool          `json:"observed,omitempty"`
	Group       string         `json:"group,omitempty"`
	Likelihoods map[string]any `json:"likelihoods"`
	Otherwise   float64        `json:"otherwise,omitempty"`
	Rationale   string         `json:"rationale,omitempty"`
	Note        string         `json:"note,omitempty"`
}

func toDoc(l *evidence.Ledger) ledgerDoc {
	d := ledgerDoc{Schema: evidence.SchemaVersion, ID: l.ID, Title: l.Title, File: l.File, Dyad: map[string]string{"a": l.A, "b": l.B}, Period: l.Period, Items: []itemDoc{}}
	if l.Citation != "" {
		d.Source = map[string]string{"citation": l.Citation}
		if l.Key != "" {
			d.Source["key"] = l.Key
		}
	}
	for _, it := range l.Items {
		x := itemDoc{ID: it.ID, Kind: it.Kind, Actor: it.Actor, Target: it.Target, Date: it.Date, Until: it.Until, Quote: it.Quote,
			Description: it.Description, Source: it.Source, Status: it.Status, Group: it.Group, Likelihoods: map[string]any{},
			Otherwise: it.Otherwise, Rationale: it.Rationale, Note: it.Note}
		if !it.Observed {
			f := false
			x.Observed = &f
		}
		for _, lk := range it.Likelihoods {
			switch {
			case lk.Test == "":
				x.Likelihoods[lk.Hypothesis] = lk.P
			case lk.Against:
				x.Likelihoods[lk.Hypothesis] = map[string]any{"test": string(lk.Test), "against": true}
			default:
				x.Likelihoods[lk.Hypothesis] = string(lk.Test)
			}
		}
		d.Items = append(d.Items, x)
	}
	return d
}

func (e *env) evidenceListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list [FILE]",
		Short: "Print a ledger's items (the built-in ledgers without FILE)",
		Long: `list prints the items of the ledger FILE, or of the built-in ledgers: id, kind, dates, actor and
target, the likelihoods per theory and the source. --format json writes the ledger itself as JSON (a
valid ledger file); csv one row per item.`,
		Args: maxArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			var ls []*evidence.Ledger
			if len(args) == 1 {
				l, err := evidence.Load(args[0])
				if err != nil {
					return err
				}
				ls = []*evidence.Ledger{l}
			} else {
				var err error
				if ls, err = evidence.Builtin(); err != nil {
					return err
				}
			}
			t := table{header: []string{"ledger", "id", "kind", "date", "until", "actor", "target", "group", "likelihoods", "otherwise", "status", "source"}}
			var docs []ledgerDoc
			for _, l := range ls {
				docs = append(docs, toDoc(l))
				for _, it := range l.Items {
					var lk []string
					for _, x := range it.Likelihoods {
						lk = append(lk, x.Hypothesis+"="+strings.ReplaceAll(x.Spec(), ", ", ":"))
					}
					other := ""
					if it.Otherwise > 0 {
						other = strconv.FormatFloat(it.Otherwise, 'g', -1, 64)
					}
					kind := it.Kind
					if !it.Observed {
						kind += " (absent)"
					}
					t.rows = append(t.rows, []string{l.File, it.ID, kind, it.Date, it.Until, it.Actor, it.Target, it.Group, strings.Join(lk, " "), other, it.Status, it.Source.Citation})
				}
			}
			if len(docs) == 1 {
				t.json = docs[0]
			} else {
				t.json = docs
			}
			if e.format == "text" {
				for k := range t.rows {
					if len(t.rows[k][11]) > 60 {
						t.rows[k][11] = t.rows[k][11][:57] + "..."
					}
				}
			}
			return e.print(t)
		},
	}
}

func (e *env) evidenceCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE...",
		Short: "Validate ledger files and print every problem with file:line",
		Long: `check parses each ledger and checks it: the structure, ids unique, dates valid and inside the
ledger's period, probabilities in (0,1), test types known, the theories named registered (or
residual) and the states known to the registry. Every problem is printed as FILE:LINE: FIELD (ITEM):
MESSAGE; the exit code is 2 when any ledger has a problem. Without a store (and no --data), the
states are not checked and a note says so.`,
		Args: minArgs(1, "at least one ledger file"),
		RunE: func(c *cobra.Command, args []string) error {
			resolve, done, err := e.resolver(c.Context())
			if err != nil {
				if bloc.ErrorCode(err) != bloc.ENOTFOUND {
					return err
				}
				resolve, done = nil, func() {}
				fmt.Fprintf(e.stderr, "bloc: no store: the states are not checked (%v)\n", err)
			}
			defer done()
			type result struct {
				File     string   `json:"file"`
				Items    int      `json:"items"`
				Problems []string `json:"problems"`
			}
			var out []result
			bad := 0
			for _, path := range args {
				r := result{File: path, Problems: []string{}}
				data, err := os.ReadFile(path)
				if err != nil {
					r.Problems = append(r.Problems, fmt.Sprintf("%s: cannot read: %v", path, err))
				} else {
					l, perr := evidence.Parse(path, data)
					if perr != nil {
						r.Problems = append(r.Problems, problems(perr)...)
					} else {
						r.Items = len(l.Items)
						for _, p := range l.Lint(evidence.HypothesisIDs(), resolve) {
							r.Problems = append(r.Problems, p.String())
						}
					}
				}
				bad += len(r.Problems)
				out = append(out, r)
			}
			if e.format == "json" {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if err := enc.Encode(out); err != nil {
					return err
				}
			} else {
				for _, r := range out {
					for _, p := range r.Problems {
						fmt.Fprintln(e.stdout, p)
					}
					if len(r.Problems) == 0 && !e.quiet {
						fmt.Fprintf(e.stdout, "%s: ok, %d items\n", r.File, r.Items)
					}
				}
			}
			if bad > 0 {
				return bloc.Errorf(bloc.EINVALID, "%d problem(s) in %d file(s)", bad, len(args))
			}
			return nil
		},
	}
}

// problems returns the lines of a parse error: its message and hints,
// without the pointer to the documentation.
func problems(err error) []string {
	be, ok := err.(*bloc.Error)
	if !ok {
		return []string{err.Error()}
	}
	out := []string{be.Message}
	for _, h := range be.Hints {
		if !strings.HasPrefix(h, "see docs/") {
			out = append(out, h)
		}
	}
	return out
}

type weighFlags struct {
	dyadFlags
	noTests bool
	draws   int
	seed    uint64
}

func (e *env) evidenceWeighCmd() *cobra.Command {
	var fl weighFlags
	c := &cobra.Command{
		Use:   "weigh A B",
		Short: "Posterior support for the rival theories of A's alignment with B: the ledger and the theories' tests",
		Long: `weigh runs the theories on the dyad (as explain does) and weighs the evidence ledger's items and
the theories' tests by explicit Bayesian updating over the registered theories and a residual
hypothesis H0: posterior odds, each item's weight of evidence in decibans, the items that decided
the result, and its sensitivity (a set of priors; every likelihood perturbed by ±50%; every item's
weight misjudged by 50% against the leader; leaving each item out). The items are assumed
conditionally independent given each hypothesis; correlated items are grouped and count as one.

The built-in ledger is used for IRN→RUS; --ledger FILE uses another, --no-ledger none, --no-tests
weighs the ledger alone. --prior gives the prior, e.g. --prior BoT=0.3,BfP=0.3 (the rest share the
remainder; short names BoT, BoP, BW, BfP, EI, ID, H0). Formats: text, md, json (the verdict's
"evidence" object, docs/verdict-schema.md).`,
		Example: "  bloc evidence weigh IRN RUS\n  bloc evidence weigh IRN RUS --prior H0=0.5 --format json\n  bloc evidence weigh IRN RUS --no-tests",
		Args:    exactArgs(2, "two states, A and B"),
		RunE: func(c *cobra.Command, args []string) error {
			switch e.format {
			case "text", "json", "md":
			default:
				return bloc.Errorf(bloc.EINVALID, "weigh writes text, md or json, not %s", e.format)
			}
			req, err := fl.request(args[0], args[1])
			if err != nil {
				return err
			}
			store, err := e.openStore(c.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			opt := verdict.DefaultOptions()
			opt.NoTermination, opt.NoTests = true, fl.noTests
			opt.Evidence.Draws, opt.Evidence.Seed = fl.draws, fl.seed
			if fl.draws == 0 {
				opt.Evidence.Draws = -1
			}
			src, done := e.eventSource(c.Context())
			defer done()
			req.Events, req.Options = src, opt
			v, _, err := verdict.ExplainRequest(c.Context(), store, req)
			if err != nil {
				return err
			}
			bw := bufio.NewWriter(e.stdout)
			switch e.format {
			case "json":
				enc := json.NewEncoder(bw)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				err = enc.Encode(v.Evidence)
			case "md":
				err = verdict.EvidenceMarkdown(bw, v)
			default:
				fmt.Fprintf(bw, "Why does %s align with %s, %v? The evidence.\n\n", v.A.Name, v.B.Name, v.Period)
				err = verdict.EvidenceText(bw, v.Evidence)
			}
			if err == nil {
				err = bw.Flush()
			}
			return err
		},
	}
	fl.register(c, periodFlags|caseFlags|ledgerFlags)
	f := c.Flags()
	f.BoolVar(&fl.noTests, "no-tests", false, "weigh the ledger alone, without the theories' tests")
	f.IntVar(&fl.draws, "draws", 1000, "random priors and likelihood perturbations in the sensitivity analysis (0: none)")
	f.Uint64Var(&fl.seed, "seed", 1, "seed of the draws")
	return c
}

func (e *env) evidenceEventsCmd() *cobra.Command {
	var from, to int
	ds := datasets.MustLookup("icews_dyad_year_quadcounts_2002_2014")
	c := &cobra.Command{
		Use:   "events A B",
		Short: "Speech acts against practical actions in the event data, per year: where words and deeds diverge",
		Long: `events sets the speech acts of A towards B (and of B towards A) against their practical actions,
year by year, from the ICEWS dyad-year quad counts (verbal cooperation, material cooperation, verbal
conflict, material conflict; 2002–2014) and, when an events database exists (bloc events ingest),
its Goldstein means and later years. Per year: the net tone of the words (Q1−Q3)/(Q1+Q3) and of the
deeds (Q2−Q4)/(Q2+Q4); material cooperation per cooperative word against the actor's own rate
towards every other state (the baseline); the deed gap log2(ratio/baseline). Words outrun deeds when
the gap ≤ −1 or words − deeds ≥ 1 (docs/evidence-ledger.md, "Words and deeds").`,
		Example: "  bloc evidence events IRN RUS\n  bloc evidence events IRN RUS --format json",
		Args:    exactArgs(2, "two states, A and B"),
		RunE: func(c *cobra.Command, args []string) error {
			p, err := verdict.CheckPeriod(from, to)
			if err != nil {
				return err
			}
			store, err := e.openStore(c.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			src, done := e.eventSource(c.Context())
			defer done()
			opt := verdict.DefaultOptions()
			opt.NoTermination = true
			pr, err := verdict.Prepare(c.Context(), store, verdict.Request{A: args[0], B: args[1], Period: p, NoCase: true, NoLedger: true, Events: src, Options: opt})
			if err != nil {
				return err
			}
			wd := pr.Options.WordsDeeds
			if wd == nil {
				wd, err = evidence.WordsDeeds(c.Context(), pr.World, pr.A.CCode, pr.B.CCode, p, nil)
				if err != nil {
					return err
				}
			}
			if wd == nil {
				return &bloc.Error{Code: bloc.ENODATA, Message: fmt.Sprintf("no event data for %s and %s in %v", pr.A.Abb, pr.B.Abb, p),
					Hints: []string{fmt.Sprintf("the ICEWS counts cover %d–%d and 152 states; `bloc events ingest FILE` adds raw events", ds.Years[0], ds.Years[1])}}
			}
			if e.format == "json" {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(wd)
			}
			t := table{header: []string{"dyad", "year", "verb_coop", "matl_coop", "verb_conf", "matl_conf", "goldstein", "words", "deeds", "tone_gap", "deed_ratio", "baseline", "deed_gap", "diverges", "note"}}
			for _, s := range wd.Series {
				for _, y := range s.Years {
					d := ""
					if y.Diverges != nil {
						d = strconv.FormatBool(*y.Diverges)
					}
					t.rows = append(t.rows, []string{s.Dyad, strconv.Itoa(y.Year), f0(y.VerbCoop), f0(y.MatlCoop), f0(y.VerbConf), f0(y.MatlConf),
						numStr(y.Goldstein, 3), numStr(y.Words, 3), numStr(y.Deeds, 3), numStr(y.ToneGap, 3), numStr(y.Ratio, 4), numStr(y.Baseline, 4), numStr(y.Gap, 2), d, y.Note})
				}
			}
			if e.format == "text" {
				for k := range t.rows {
					t.rows[k] = t.rows[k][:14]
				}
				t.header = t.header[:14]
				if err := e.print(t); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "\n%s\n", wd.Summary)
				return nil
			}
			return e.print(t)
		},
	}
	c.Flags().IntVar(&from, "from", ds.Years[0], "first year")
	c.Flags().IntVar(&to, "to", ds.Years[1], "last year")
	return c
}

func f0(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }

func numStr(v bloc.Num, prec int) string {
	if !v.OK {
		return ""
	}
	return strconv.FormatFloat(v.V, 'f', prec, 64)
}

// engineSource reads aggregated events from an events engine (package
// events) for the word-and-deed measure.
type engineSource struct {
	eng events.Engine
}

func (s engineSource) Name() string { return "events engine " + s.eng.Name() + " " + s.eng.Location() }

func (s engineSource) DyadYears(ctx context.Context, a, b bloc.CCode, p bloc.Period) ([]evidence.EventYear, error) {
	q := events.Query{By: events.Year, From: time.Date(p.From, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(p.To, 12, 31, 0, 0, 0, 0, time.UTC),
		Dyads: []bloc.Dyad{{A: a, B: b}}}
	rows, err := events.Collect(ctx, s.eng, q)
	if err != nil {
		return nil, err
	}
	out := make([]evidence.EventYear, 0, len(rows))
	for _, r := range rows {
		if r.Dyad.A != a || r.Dyad.B != b {
			continue
		}
		out = append(out, evidence.EventYear{Year: r.Period.Year(), Quad: [4]float64{float64(r.Quad[0]), float64(r.Quad[1]), float64(r.Quad[2]), float64(r.Quad[3])},
			Goldstein: r.GoldsteinMean()})
	}
	return out, nil
}

// eventSource opens the embedded events database when one exists
// ($BLOC_EVENTS_DB, or events.duckdb beside the store), for Goldstein means
// and later years; without one, or when it cannot be opened, it returns nil
// (the ICEWS dyad-year counts of the store are used alone).
func (e *env) eventSource(ctx context.Context) (evidence.EventSource, func()) {
	path := os.Getenv("BLOC_EVENTS_DB")
	if path == "" {
		path = duckdb.EventsPath(e.store)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, func() {}
	}
	eng, err := duckdb.OpenEvents(ctx, path, duckdb.EventsOptions{})
	if err != nil {
		if !e.quiet {
			fmt.Fprintf(e.stderr, "bloc: not reading the events database (%v)\n", err)
		}
		return nil, func() {}
	}
	return engineSource{eng}, func() { eng.Close() }
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s needs %s (got %d arguments)", c.CommandPath(), what, len(args)),
				Hints: []string{fmt.Sprintf("see `%s --help`", c.CommandPath())}}
		}
		return nil
	}
}
