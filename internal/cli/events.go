package cli

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/clickhouse"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/duckdb"
	"github.com/bloc-project/bloc/events"
)

func init() {
	commands = append(commands, func(e *env) *cobra.Command { return e.eventsCmd() })
}

// eventsFlags are the engine flags every events subcommand shares.
type eventsFlags struct {
	engine string
	dsn    string
	db     string
}

func (e *env) eventsCmd() *cobra.Command {
	f := &eventsFlags{}
	c := &cobra.Command{
		Use:   "events",
		Short: "Ingest CAMEO event data (ICEWS, GDELT) and aggregate it into directed dyad-period measures",
		Long: `events holds event data — who did what to whom, coded in CAMEO — and aggregates it into the
directed dyad-day, dyad-month and dyad-year measures the theory engine uses: counts per quad class
(verbal cooperation, material cooperation, verbal conflict, material conflict: "speech acts" and
"practical actions") and per CAMEO root code, and the Goldstein sum and mean.

Engines: the embedded DuckDB database (default: events.duckdb beside the store, --db to choose) or a
ClickHouse server or cluster (--engine clickhouse --dsn clickhouse://HOST:9000/DB[?cluster=NAME]),
with a Distributed table sharded by dyad. Both give the same results from the same files.
ClickHouse 18.16 (Debian's) and later are supported, over the native protocol.

The CAMEO codebook, the Goldstein scale and the country tables come from the data directory (--data)
or, without one, from the store.`,
		RunE: func(c *cobra.Command, args []string) error { return c.Help() },
	}
	pf := c.PersistentFlags()
	pf.StringVar(&f.engine, "engine", envOr("BLOC_EVENTS_ENGINE", "duckdb"), "engine: duckdb (embedded) or clickhouse ($BLOC_EVENTS_ENGINE)")
	pf.StringVar(&f.dsn, "dsn", os.Getenv("BLOC_CLICKHOUSE_DSN"), "ClickHouse DSN, e.g. clickhouse://127.0.0.1:9101/default ($BLOC_CLICKHOUSE_DSN)")
	pf.StringVar(&f.db, "db", os.Getenv("BLOC_EVENTS_DB"), "DuckDB events database (default events.duckdb beside the store; $BLOC_EVENTS_DB)")
	c.AddCommand(e.eventsIngestCmd(f), e.eventsAggregateCmd(f), e.eventsSynthCmd(), e.eventsStatusCmd(f))
	return c
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// openEngine opens the chosen engine; create says whether an embedded
// database may be created (ingest) or must exist (status, aggregate).
func (e *env) openEngine(ctx context.Context, f *eventsFlags, create bool) (events.Engine, error) {
	switch strings.ToLower(f.engine) {
	case "duckdb", "":
		path := f.db
		if path == "" {
			path = duckdb.EventsPath(e.store)
		}
		if _, err := os.Stat(path); err != nil && !create {
			return nil, &bloc.Error{Code: bloc.ENOTFOUND, Message: "no events database at " + path,
				Hints: []string{"`bloc events ingest FILE...` creates it (--db chooses another path)"}}
		}
		return duckdb.OpenEvents(ctx, path, duckdb.EventsOptions{})
	case "clickhouse":
		if f.dsn == "" {
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: "--engine clickhouse needs --dsn",
				Hints: []string{"e.g. --dsn clickhouse://127.0.0.1:9101/default (or set BLOC_CLICKHOUSE_DSN)", "scripts/clickhouse-cluster.sh start runs a 2-shard test cluster"}}
		}
		return clickhouse.Open(ctx, f.dsn)
	}
	return nil, bloc.Errorf(bloc.EINVALID, "--engine %q is not duckdb or clickhouse", f.engine)
}

// tableSource is where the codebook and country tables come from: the data
// directory, else the store.
func (e *env) tableSource(ctx context.Context) (datasets.Source, func(), error) {
	need := []string{"cameo_codes_icews_pkg", "cameo_goldstein_scale", "countrycode_codelist", "gdelt_cameo_country_codes"}
	if e.dataDir != "" {
		d := datasets.Dir(e.dataDir)
		ok := true
		for _, n := range need {
			if _, err := os.Stat(d.Path(datasets.MustLookup(n))); err != nil {
				ok = false
			}
		}
		if ok {
			return d, func() {}, nil
		}
	}
	if duckdb.Exists(e.store) || e.dataDir != "" {
		s, err := e.openStore(ctx)
		if err != nil {
			return nil, nil, err
		}
		if err := s.Require(ctx, need...); err != nil {
			s.Close()
			return nil, nil, err
		}
		return s, func() { s.Close() }, nil
	}
	return nil, nil, &bloc.Error{Code: bloc.ENOTFOUND, Message: "no data directory and no store to read the CAMEO codebook and country tables from",
		Hints: []string{"pass --data DIR (or set BLOC_DATA), e.g. --data ../shared/data"}}
}

func (e *env) loadTables(ctx context.Context) (*events.Tables, error) {
	src, done, err := e.tableSource(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	return events.LoadTables(ctx, src)
}

func (e *env) eventsIngestCmd(f *eventsFlags) *cobra.Command {
	var format string
	var strict bool
	c := &cobra.Command{
		Use:   "ingest [--format icews|gdelt1|gdelt2|csv|auto] [--strict] FILE...",
		Short: "Parse event files and store their events (checksummed, all-or-nothing per file, idempotent)",
		Long: `ingest reads ICEWS event files (tab-separated with a header), GDELT 1.0 and 2.0 event exports
(tab-separated, no header; 57/58 and 61 columns; plain or .CSV.zip) and CSV files with documented
columns, plain or gzip-compressed. The format is detected unless --format says it.

Each event's actors are mapped to COW state codes (ICEWS country names, ISO3 and GDELT/CAMEO country
codes) and its CAMEO code to root code, quad class and Goldstein score from the codebook. Events
whose source or target is not a COW state (none, a region, a territory) are counted as non-state
and not stored. Malformed rows — a wrong column count, an unknown CAMEO code, an unparsable date, an
unknown actor code — are counted and reported with file and line (the first 100 per file are kept
in the ingest log); --strict fails the file on the first one instead.

Every file is stored in one transaction (DuckDB) or through staging tables (ClickHouse): a failure
or a crash stores nothing of it, and the next ingest redoes it. The ingest log records each file's
sha256; a file whose contents are already stored is skipped, so re-ingesting is harmless.

` + events.CSVColumns,
		Example: `  bloc events ingest ../shared/data/icews_events_sample_2018_06.csv.gz
  bloc events ingest --format gdelt2 20180601*.export.CSV.zip
  bloc events ingest --engine clickhouse --dsn clickhouse://127.0.0.1:9101/default events.2018.tab`,
		Args: minArgs(1, "at least one FILE"),
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			fm, err := events.ParseFormat(format)
			if err != nil {
				return err
			}
			tb, err := e.loadTables(ctx)
			if err != nil {
				return err
			}
			eng, err := e.openEngine(ctx, f, true)
			if err != nil {
				return err
			}
			defer eng.Close()
			opt := events.IngestOptions{Options: events.Options{Format: fm, Strict: strict}}
			if !e.quiet {
				opt.Progress = func(r *events.FileRecord) {
					switch r.Status {
					case "done":
						fmt.Fprintf(e.stderr, "%s: %d events stored (%d non-state, %d malformed) in %.1fs\n", r.Path, r.Events, r.NonState, r.Malformed, r.Finished.Sub(r.Started).Seconds())
					case "duplicate":
						fmt.Fprintf(e.stderr, "%s: already ingested (file #%d has the same contents); nothing stored\n", r.Path, r.DuplicateOf)
					default:
						fmt.Fprintf(e.stderr, "%s: FAILED, nothing stored: %s\n", r.Path, r.Error)
					}
				}
			}
			rep, ierr := events.Ingest(ctx, eng, tb, args, opt)
			if rep != nil {
				if err := e.printIngest(rep); err != nil {
					return err
				}
			}
			return ierr
		},
	}
	c.Flags().StringVar(&format, "format", "auto", "file format: icews, gdelt1, gdelt2, csv or auto")
	c.Flags().BoolVar(&strict, "strict", false, "fail a file on its first malformed row")
	return c
}

func (e *env) printIngest(rep *events.IngestReport) error {
	if e.format == "json" {
		return e.print(table{json: rep})
	}
	t := table{header: []string{"file", "format", "status", "events", "nonstate", "malformed", "synthetic", "sha256"}}
	for _, f := range rep.Files {
		sha := f.SHA256
		if len(sha) > 12 {
			sha = sha[:12]
		}
		st := f.Status
		if f.Status == "duplicate" {
			st = fmt.Sprintf("duplicate of #%d", f.DuplicateOf)
		}
		t.rows = append(t.rows, []string{f.Path, f.Format, st, strconv.FormatInt(f.Events, 10), strconv.FormatInt(f.NonState, 10),
			strconv.FormatInt(f.Malformed, 10), strconv.FormatInt(f.Synthetic, 10), sha})
	}
	if err := e.print(t); err != nil {
		return err
	}
	if e.format != "text" {
		return nil
	}
	for _, f := range rep.Files {
		if f.Malformed == 0 {
			continue
		}
		var reasons []string
		for k, v := range f.IssueCounts {
			reasons = append(reasons, fmt.Sprintf("%s %d", k, v))
		}
		fmt.Fprintf(e.stdout, "\n%s: %d malformed rows skipped (%s):\n", f.Path, f.Malformed, strings.Join(sortStrings(reasons), ", "))
		for i, is := range f.Issues {
			if i == 20 {
				fmt.Fprintf(e.stdout, "  … %d more (`bloc --format json events status` lists the first %d)\n", f.Malformed-20, len(f.Issues))
				break
			}
			fmt.Fprintf(e.stdout, "  %s:%d: %s\n", f.Path, is.Line, is.Detail)
		}
	}
	fmt.Fprintf(e.stdout, "\n%d events stored in %s (%s) in %.1fs", rep.Events, rep.Location, rep.Engine, rep.Elapsed.Seconds())
	if rep.Duplicates > 0 {
		fmt.Fprintf(e.stdout, "; %d file(s) already ingested", rep.Duplicates)
	}
	if rep.Failed > 0 {
		fmt.Fprintf(e.stdout, "; %d file(s) FAILED", rep.Failed)
	}
	fmt.Fprintln(e.stdout)
	if rep.Synthetic > 0 {
		fmt.Fprintf(e.stdout, "note: %d of these events are SYNTHETIC (bloc events synth); aggregates count them in synthetic_events\n", rep.Synthetic)
	}
	return nil
}

func sortStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

func (e *env) eventsAggregateCmd(f *eventsFlags) *cobra.Command {
	var by, from, to, out string
	var dyads []string
	var domestic, roots bool
	c := &cobra.Command{
		Use:   "aggregate --by dyad-day|dyad-month|dyad-year [--from DATE] [--to DATE] [--dyad A-B]... [--out FILE]",
		Short: "Aggregate events per directed dyad and period: quad-class and root-code counts, Goldstein sum and mean",
		Long: `aggregate counts the stored events per directed dyad (ccode1 = source, ccode2 = target) and day,
month or year. Columns: events; verb_coop, matl_coop, verb_conf, matl_conf (quad classes 1–4);
verbal (speech acts = verb_coop + verb_conf) and material (practical actions = matl_coop + matl_conf);
goldstein_sum and goldstein_mean (netcoop); align_evt = (Q1 + Q2 − Q3 − Q4) / N; conflict_share =
(Q3 + Q4) / N; root01 … root20 (CAMEO root codes; --roots=false leaves them out and is faster);
synthetic_events (events from bloc events synth, which are not real). Events within one state
(source = target) are left out unless --domestic.

--from and --to take YYYY, YYYY-MM or YYYY-MM-DD (inclusive). --dyad A-B keeps the directed dyad A→B;
A and B are COW codes, ISO3 codes or names (RUS-IRN, 365-630); repeat it for more dyads. The filters
run inside the engine (SQL WHERE).

--out FILE writes CSV, JSON or Parquet by the extension (.csv, .json, .parquet); without it the rows
go to stdout in --format (text, csv or json).`,
		Example: `  bloc events aggregate --by dyad-month --dyad IRN-RUS --dyad RUS-IRN
  bloc events aggregate --by dyad-year --from 2002 --to 2014 --out icews_dyad_year.parquet
  bloc --format csv events aggregate --by dyad-day --from 2018-06-01 --to 2018-06-03`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			p, err := events.ParsePeriod(by)
			if err != nil {
				return err
			}
			q := events.Query{By: p, Domestic: domestic, Roots: roots}
			if q.From, err = events.ParseDate(from, false); err != nil {
				return err
			}
			if q.To, err = events.ParseDate(to, true); err != nil {
				return err
			}
			var actors *events.Actors
			for _, d := range dyads {
				if actors == nil && !numericDyad(d) {
					tb, err := e.loadTables(ctx)
					if err != nil {
						return err
					}
					actors = tb.Actors
				}
				dy, err := events.ParseDyad(d, actors)
				if err != nil {
					return err
				}
				q.Dyads = append(q.Dyads, dy)
			}
			if err := q.Validate(); err != nil {
				return err
			}
			eng, err := e.openEngine(ctx, f, false)
			if err != nil {
				return err
			}
			defer eng.Close()
			it := func(fn func(*events.Row) error) error { return eng.Aggregate(ctx, q, fn) }
			var tot events.Totals
			if out == "" {
				switch e.format {
				case "json":
					tot, err = events.WriteJSON(e.stdout, q, eng.Name(), it)
				case "csv":
					tot, err = events.WriteCSV(e.stdout, q, it)
				default:
					tot, err = events.WriteText(e.stdout, q, it)
				}
			} else {
				tot, err = writeAggregate(ctx, out, q, eng.Name(), it)
			}
			if err != nil {
				return err
			}
			if !e.quiet {
				if out != "" {
					fmt.Fprintf(e.stderr, "wrote %d rows (%d events) to %s\n", tot.Rows, tot.Events, out)
				}
				if tot.Rows == 0 {
					fmt.Fprintln(e.stderr, "no events match (`bloc events status` shows what is stored)")
				}
			}
			if n := tot.SyntheticNote(); n != "" {
				fmt.Fprintln(e.stderr, n)
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&by, "by", "dyad-year", "dyad-day, dyad-month or dyad-year")
	fl.StringVar(&from, "from", "", "first date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&to, "to", "", "last date, inclusive")
	fl.StringArrayVar(&dyads, "dyad", nil, "directed dyad A-B (COW codes, ISO3 or names); repeatable")
	fl.BoolVar(&domestic, "domestic", false, "keep events whose source and target are the same state")
	fl.BoolVar(&roots, "roots", true, "add the counts per CAMEO root code (root01…root20); --roots=false is faster")
	fl.StringVar(&out, "out", "", "write to FILE: .csv, .json or .parquet")
	return c
}

func numericDyad(s string) bool {
	for _, r := range s {
		if r != '-' && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// writeAggregate writes the rows to a file by its extension; the file
// appears only when complete.
func writeAggregate(ctx context.Context, out string, q events.Query, engine string, it events.Iterate) (events.Totals, error) {
	ext := strings.ToLower(filepath.Ext(out))
	if ext == ".parquet" {
		return duckdb.WriteEventsParquet(ctx, out, q, it)
	}
	if ext != ".csv" && ext != ".json" {
		return events.Totals{}, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--out %s: the extension must be .csv, .json or .parquet", out)}
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".bloc-out-*")
	if err != nil {
		return events.Totals{}, &bloc.Error{Code: bloc.EINVALID, Message: "cannot write " + out, Err: err}
	}
	defer os.Remove(tmp.Name())
	tmp.Chmod(0o644)
	var tot events.Totals
	if ext == ".csv" {
		tot, err = events.WriteCSV(tmp, q, it)
	} else {
		tot, err = events.WriteJSON(tmp, q, engine, it)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return tot, err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return tot, &bloc.Error{Code: bloc.EINVALID, Message: "cannot write " + out, Err: err}
	}
	return tot, nil
}

func (e *env) eventsSynthCmd() *cobra.Command {
	var n int64
	var out string
	var seed uint64
	c := &cobra.Command{
		Use:   "synth --events N --out FILE",
		Short: "Write SYNTHETIC events (for benchmarks) in the ICEWS tab-separated layout",
		Long: `synth writes N synthetic events in the ICEWS tab-separated layout. They are not real: every event's
Publisher is "` + events.SyntheticPublisher + `", which ingest turns
into the synthetic flag that every aggregate reports (synthetic_events), and FILE's name must contain
"synthetic".

Actor pairs and years are drawn with the weights of the real ICEWS dyad-year quad counts 2002–2014
(icews_dyad_year_quadcounts_2002_2014, 6.7M events), the day uniformly within the year, and the CAMEO
code within the quad class from the code frequencies of the real ICEWS sample
(icews_events_sample_2018_06). A .gz FILE is gzip-compressed. The same --seed gives the same file.`,
		Example: "  bloc events synth --events 10000000 --out /tmp/icews.synthetic.tsv",
		Args:    noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			if n <= 0 {
				return bloc.Errorf(bloc.EINVALID, "--events must be a positive number of events")
			}
			if out == "" {
				return &bloc.Error{Code: bloc.EINVALID, Message: "synth needs --out FILE", Hints: []string{"e.g. --out icews.synthetic.tsv"}}
			}
			if !strings.Contains(strings.ToLower(filepath.Base(out)), "synthetic") {
				return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--out %s: the file name must say \"synthetic\", so that nobody mistakes it for real data", out),
					Hints: []string{"e.g. --out " + strings.TrimSuffix(out, filepath.Ext(out)) + ".synthetic" + filepath.Ext(out)}}
			}
			src, done, err := e.tableSource(ctx)
			if err != nil {
				return err
			}
			defer done()
			tb, err := events.LoadTables(ctx, src)
			if err != nil {
				return err
			}
			g, err := events.NewGenerator(ctx, src, tb, seed)
			if err != nil {
				return err
			}
			start := time.Now()
			tmp, err := os.CreateTemp(filepath.Dir(out), ".bloc-synth-*")
			if err != nil {
				return &bloc.Error{Code: bloc.EINVALID, Message: "cannot write " + out, Err: err}
			}
			defer os.Remove(tmp.Name())
			tmp.Chmod(0o644)
			var w io.Writer = tmp
			var gz *gzip.Writer
			if strings.HasSuffix(strings.ToLower(out), ".gz") {
				gz, _ = gzip.NewWriterLevel(tmp, gzip.BestSpeed)
				w = gz
			}
			err = g.WriteICEWS(ctx, w, n, 1)
			if gz != nil && err == nil {
				err = gz.Close()
			}
			if cerr := tmp.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return events.Internal("synth", err)
			}
			if err := os.Rename(tmp.Name(), out); err != nil {
				return &bloc.Error{Code: bloc.EINVALID, Message: "cannot write " + out, Err: err}
			}
			if !e.quiet {
				fmt.Fprintf(e.stderr, "wrote %d SYNTHETIC events (%d–%d, drawn from %d real ICEWS events' dyad-year quad counts) to %s in %.1fs\n",
					n, g.From, g.To, g.Weight, out, time.Since(start).Seconds())
			}
			return nil
		},
	}
	c.Flags().Int64Var(&n, "events", 0, "number of events")
	c.Flags().StringVar(&out, "out", "", "output file (its name must contain \"synthetic\"; .gz compresses)")
	c.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	return c
}

func (e *env) eventsStatusCmd(f *eventsFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show the stored events: totals, date range, and the ingest log (files, checksums, counts)",
		Args:  noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			eng, err := e.openEngine(ctx, f, false)
			if err != nil {
				return err
			}
			defer eng.Close()
			st, err := eng.Status(ctx)
			if err != nil {
				return err
			}
			if e.format == "json" {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			t := table{header: []string{"id", "file", "format", "events", "nonstate", "malformed", "synthetic", "sha256", "ingested"}}
			for _, r := range st.Files {
				t.rows = append(t.rows, []string{strconv.FormatInt(r.ID, 10), r.Path, r.Format, strconv.FormatInt(r.Events, 10),
					strconv.FormatInt(r.NonState, 10), strconv.FormatInt(r.Malformed, 10), strconv.FormatInt(r.Synthetic, 10), r.SHA256, r.Finished.Format(time.RFC3339)})
			}
			if e.format == "csv" {
				return e.print(t)
			}
			fmt.Fprintf(e.stdout, "engine   %s %s\nlocation %s\n", st.Engine, st.Version, st.Location)
			for _, n := range st.Notes {
				fmt.Fprintf(e.stdout, "         %s\n", n)
			}
			fmt.Fprintf(e.stdout, "events   %d between %d directed dyads", st.Events, st.Dyads)
			if st.Events > 0 {
				fmt.Fprintf(e.stdout, ", %s to %s", st.From.Format(time.DateOnly), st.To.Format(time.DateOnly))
			}
			fmt.Fprintln(e.stdout)
			if st.Synthetic > 0 {
				fmt.Fprintf(e.stdout, "         %d of them SYNTHETIC (bloc events synth), not real\n", st.Synthetic)
			}
			fmt.Fprintf(e.stdout, "files    %d\n\n", len(st.Files))
			if len(st.Files) == 0 {
				fmt.Fprintln(e.stdout, "nothing ingested yet: `bloc events ingest FILE...`")
				return nil
			}
			return e.print(t)
		},
	}
}
