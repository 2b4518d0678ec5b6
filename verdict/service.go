package verdict

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/casefile"
	"github.com/bloc-project/bloc/cases"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/evidence"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/monitor"
	"github.com/bloc-project/bloc/registry"
	"github.com/bloc-project/bloc/theory"
	"github.com/bloc-project/bloc/world"
)

// Store is what the explain service needs of the store: typed rows for the
// registry and SQL for the World. *duckdb.Store implements it.
type Store interface {
	datasets.Source
	DB() *sql.DB
}

// Request is one "why does A align with B?" as a person asks it.
type Request struct {
	// A and B are as typed: COW codes, COW or ISO codes, or names.
	A, B   string
	Period bloc.Period
	// CaseFile is a case file to use; empty uses the built-in case for the
	// dyad, if any, unless NoCase.
	CaseFile string
	NoCase   bool
	// LedgerFile is an evidence ledger to weigh; empty uses the built-in
	// ledger for the dyad, if any, unless NoLedger.
	LedgerFile string
	NoLedger   bool
	// Prior is the prior of the evidence weighing as given ("ID=P,...");
	// empty is uniform.
	Prior string
	// Events, when set, supplies Goldstein means and later years of event
	// data to the word-and-deed measure.
	Events  evidence.EventSource
	Options Options
}

// Timings reports where the time of an explanation went.
type Timings struct {
	Registry, Load, Compute time.Duration
	Queries                 []world.Timing
}

// CheckPeriod validates a period given as first and last year.
func CheckPeriod(from, to int) (bloc.Period, error) {
	if from > to {
		return bloc.Period{}, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--from %d is after --to %d", from, to),
			Hints: []string{"give the first year with --from and the last with --to, e.g. --from 2009 --to 2018"}}
	}
	if from < 1816 || to > 2100 {
		return bloc.Period{}, bloc.Errorf(bloc.EINVALID, "the period %d–%d is outside 1816–2100", from, to)
	}
	return bloc.Period{From: from, To: to}, nil
}

// MostRecentYear is the registry's "most recent year" for a period ending
// in to: the last year any catalogued dataset covers (COW membership at the
// end of 2016 is taken to continue to it, as peacesciencer's mry does), or
// to, if later.
func MostRecentYear(to int) int {
	last := 2016
	for _, ds := range datasets.All() {
		if !ds.TimeInvariant() {
			last = max(last, ds.Years[1])
		}
	}
	return max(last, to)
}

// Resolve turns a state as typed into a state that is a member of the
// system in some year of p. which ("A", "B") prefixes error messages.
// Unknown names are ENOTFOUND with "did you mean" hints; a state outside
// the system in p is ENODATA and says when it was a member.
func Resolve(reg *registry.Registry, s string, p bloc.Period, which string) (bloc.State, error) {
	st, err := reg.Resolve(s)
	if err != nil {
		var be *bloc.Error
		if errors.As(err, &be) {
			return st, &bloc.Error{Code: be.Code, Message: which + ": " + be.Message, Hints: be.Hints}
		}
		return st, err
	}
	for y := p.From; y <= p.To; y++ {
		if reg.MemberIn(st.CCode, y) {
			return st, nil
		}
	}
	var spells []string
	for _, sp := range reg.Spells(st.CCode) {
		spells = append(spells, fmt.Sprintf("%s to %s", sp.Start.Format("2006-01-02"), sp.End.Format("2006-01-02")))
	}
	e := &bloc.Error{Code: bloc.ENODATA, Message: fmt.Sprintf("%s: %s (%s, %d) is not a member of the state system in %v; COW counts it a member from %s",
		which, st.Name, st.Abb, st.CCode, p, strings.Join(spells, " and from "))}
	if first, last := reg.Years(st.CCode); first != 0 {
		e.Hints = []string{fmt.Sprintf("choose years within %d–%d with --from and --to", first, last)}
	}
	if alt := namesakes(reg, st, p); len(alt) > 0 {
		e.Hints = append(e.Hints, "members in "+p.String()+" with a similar name: "+strings.Join(alt, ", "))
	}
	return st, e
}

// namesakes lists the states that were members in the period and whose
// name shares a word stem (five letters) with st's: the German Federal
// Republic for Germany in the 1950s, the two Yemens for Yemen in the 1980s.
func namesakes(reg *registry.Registry, st bloc.State, p bloc.Period) []string {
	stems := func(name string) []string {
		var out []string
		for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '(' || r == ')' }) {
			if len([]rune(w)) >= 5 {
				out = append(out, string([]rune(w)[:5]))
			}
		}
		return out
	}
	mine := stems(st.Name)
	seen := map[bloc.CCode]bool{st.CCode: true}
	var out []string
	for y := p.From; y <= p.To; y++ {
		for _, m := range reg.Members(y) {
			if seen[m.CCode] {
				continue
			}
			for _, s := range stems(m.Name) {
				if slices.Contains(mine, s) {
					seen[m.CCode] = true
					out = append(out, fmt.Sprintf("%s (%s, %d)", m.Name, m.Abb, m.CCode))
					break
				}
			}
		}
	}
	return out
}

// CaseFor returns the case file for the dyad a→b: file when given (it must
// be about a→b), else the built-in case whose dyad is a→b, else nil.
func CaseFor(reg *registry.Registry, file string, a, b bloc.CCode) (*casefile.Case, error) {
	var cf *casefile.Case
	if file != "" {
		var err error
		if cf, err = casefile.Load(file); err != nil {
			return nil, err
		}
	} else {
		for _, name := range cases.Names() {
			data, err := cases.Read(name)
			if err != nil {
				return nil, &bloc.Error{Code: bloc.EINTERNAL, Message: "reading the built-in case " + name, Err: err}
			}
			c, err := casefile.Parse(name, data)
			if err != nil {
				return nil, &bloc.Error{Code: bloc.EINTERNAL, Message: "the built-in case " + name + " is broken", Err: err}
			}
			ca, err1 := reg.Resolve(c.A)
			cb, err2 := reg.Resolve(c.B)
			if err1 == nil && err2 == nil && ca.CCode == a && cb.CCode == b {
				cf = c
				break
			}
		}
		if cf == nil {
			return nil, nil
		}
	}
	if err := ValidateCase(cf); err != nil {
		return nil, err
	}
	ca, err := reg.Resolve(cf.A)
	if err != nil {
		return nil, cf.Errorf(0, "dyad.a", "%v", err)
	}
	cb, err := reg.Resolve(cf.B)
	if err != nil {
		return nil, cf.Errorf(0, "dyad.b", "%v", err)
	}
	if ca.CCode != a || cb.CCode != b {
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("the case file %s is about %s→%s, not the dyad asked for", cf.File, ca.Abb, cb.Abb)}
	}
	return cf, nil
}

// Prepared is a request made ready to explain: the registry, the two
// states, the period, the World loaded for them (the period, the monitor's
// windows before it and the case's years) and the options with the case,
// the ledger, the prior and the word-and-deed measure set.
type Prepared struct {
	Reg     *registry.Registry
	A, B    bloc.State
	Period  bloc.Period
	World   *world.World
	Options Options
	Timings *Timings
}

// Prepare resolves the states, picks the case file and the evidence ledger,
// parses the prior and loads the World for the dyad.
func Prepare(ctx context.Context, st Store, req Request) (*Prepared, error) {
	tm := &Timings{}
	t0 := time.Now()
	p := req.Period
	if p.From == 0 {
		p = DefaultPeriod()
	}
	if _, err := CheckPeriod(p.From, p.To); err != nil {
		return nil, err
	}
	reg, err := registry.Load(ctx, st, MostRecentYear(p.To))
	if err != nil {
		return nil, err
	}
	a, err := Resolve(reg, req.A, p, "A")
	if err != nil {
		return nil, err
	}
	b, err := Resolve(reg, req.B, p, "B")
	if err != nil {
		return nil, err
	}
	if a.CCode == b.CCode {
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("A and B are the same state, %s (%s): a state does not align with itself", a.Name, a.Abb),
			Hints: []string{"give two different states, e.g. `bloc explain IRN RUS`"}}
	}
	var cf *casefile.Case
	if !req.NoCase {
		if cf, err = CaseFor(reg, req.CaseFile, a.CCode, b.CCode); err != nil {
			return nil, err
		}
	}
	opt := req.Options
	if opt.Params.ThreatForm == "" {
		opt.Params = indicators.DefaultParams()
	}
	resolve := func(s string) (bloc.CCode, error) {
		st, err := reg.Resolve(s)
		return st.CCode, err
	}
	if !req.NoLedger && !opt.NoEvidence {
		if opt.Ledger, err = evidence.For(resolve, req.LedgerFile, a.CCode, b.CCode); err != nil {
			return nil, err
		}
	}
	if req.Prior != "" {
		if opt.Prior, err = evidence.ParsePrior(req.Prior, evidence.Hypotheses()); err != nil {
			return nil, err
		}
		opt.PriorName = req.Prior
	}
	years := LoadYears(p, opt)
	if cf != nil && cf.Years.From != 0 {
		years = bloc.Period{From: min(years.From, cf.Years.From), To: max(years.To, cf.Years.To)}
	}
	tm.Registry = time.Since(t0)
	t1 := time.Now()
	w, q, err := world.Load(ctx, st.DB(), reg, world.Options{Years: years, History: opt.Params.History, Focus: []bloc.CCode{a.CCode, b.CCode}})
	if err != nil {
		return nil, err
	}
	tm.Queries = q
	if cf != nil {
		facts, err := cf.WorldFacts(resolve)
		if err != nil {
			return nil, err
		}
		w.Facts = facts
	}
	if req.Events != nil && !opt.NoEvidence {
		if opt.WordsDeeds, err = evidence.WordsDeeds(ctx, w, a.CCode, b.CCode, p, req.Events); err != nil {
			return nil, err
		}
	}
	tm.Load = time.Since(t1)
	opt.Case = cf
	return &Prepared{Reg: reg, A: a, B: b, Period: p, World: w, Options: opt, Timings: tm}, nil
}

// Explain explains the prepared dyad on w (the prepared World, or a
// modified clone of it).
func (pr *Prepared) Explain(w *world.World) (*bloc.Verdict, error) {
	t := time.Now()
	v, err := Explain(w, pr.A.CCode, pr.B.CCode, pr.Period, pr.Options)
	pr.Timings.Compute += time.Since(t)
	return v, err
}

// ExplainRequest answers a request on the store: it prepares it (Prepare)
// and explains.
func ExplainRequest(ctx context.Context, st Store, req Request) (*bloc.Verdict, *Timings, error) {
	pr, err := Prepare(ctx, st, req)
	if err != nil {
		return nil, nil, err
	}
	v, err := pr.Explain(pr.World)
	return v, pr.Timings, err
}

// LoadYears returns the years a verdict on p loads: p, and for the
// termination monitor the two windows before it (its changes compare a
// window with the one before).
func LoadYears(p bloc.Period, opt Options) bloc.Period {
	if opt.NoTermination {
		return p
	}
	win := opt.Monitor.Window
	if win == 0 {
		win = monitor.DefaultParams().Window
	}
	return bloc.Period{From: p.From - 2*win, To: p.To}
}

// BatchRow is one dyad of a batch file.
type BatchRow struct {
	Line   int
	A, B   string
	Period bloc.Period
}

// ParseBatch reads a CSV of dyads with a header naming the columns a and b,
// and optionally from and to; empty years take def. Errors name the line.
func ParseBatch(r io.Reader, name string, def bloc.Period) ([]BatchRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	head, err := cr.Read()
	if err == io.EOF {
		return nil, bloc.Errorf(bloc.EINVALID, "%s is empty; it needs a header a,b[,from,to] and one dyad a line", name)
	}
	if err != nil {
		return nil, bloc.Errorf(bloc.EINVALID, "%s: %v", name, err)
	}
	col := map[string]int{}
	for k, h := range head {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = k
	}
	ia, oka := col["a"]
	ib, okb := col["b"]
	if !oka || !okb {
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s:1: the header must name the columns a and b (got %q)", name, strings.Join(head, ",")),
			Hints: []string{"e.g. a,b,from,to then IRN,RUS,2009,2018"}}
	}
	ifr, okf := col["from"]
	ito, okt := col["to"]
	var out []BatchRow
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bloc.Errorf(bloc.EINVALID, "%s:%d: %v", name, line, err)
		}
		get := func(k int, ok bool) string {
			if !ok || k >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[k])
		}
		row := BatchRow{Line: line, A: get(ia, true), B: get(ib, true), Period: def}
		if row.A == "" && row.B == "" {
			continue
		}
		for _, x := range []struct {
			s   string
			dst *int
			n   string
		}{{get(ifr, okf), &row.Period.From, "from"}, {get(ito, okt), &row.Period.To, "to"}} {
			if x.s == "" {
				continue
			}
			v, err := strconv.Atoi(x.s)
			if err != nil {
				return nil, bloc.Errorf(bloc.EINVALID, "%s:%d: %s %q is not a year", name, line, x.n, x.s)
			}
			*x.dst = v
		}
		if row.Period.From > row.Period.To {
			return nil, bloc.Errorf(bloc.EINVALID, "%s:%d: from %d is after to %d", name, line, row.Period.From, row.Period.To)
		}
		if _, err := CheckPeriod(row.Period.From, row.Period.To); err != nil {
			return nil, bloc.Errorf(bloc.EINVALID, "%s:%d: %v", name, line, err)
		}
		out = append(out, row)
	}
	return out, nil
}

// BatchResult is the verdict on one row of a batch, or why there is none.
type BatchResult struct {
	Row     BatchRow
	Verdict *bloc.Verdict
	Err     error
}

// BatchStats reports a batch's work.
type BatchStats struct {
	Dyads, Failed, Periods int
	Load, Compute          time.Duration
}

// RunBatch explains every row and hands each result to emit, in the rows'
// order, as soon as it and the rows before it are done: the World is loaded
// once per period, for every state, and shared by workers goroutines (0: one
// per CPU). Rows that fail (an unknown state, a state outside the system)
// carry their error; the batch goes on. Verdicts are compact.
func RunBatch(ctx context.Context, st Store, rows []BatchRow, opt Options, workers int, emit func(BatchResult) error) (BatchStats, error) {
	var stats BatchStats
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if opt.Params.ThreatForm == "" {
		opt.Params = indicators.DefaultParams()
	}
	opt.Compact, opt.Case = true, nil
	mry := MostRecentYear(DefaultPeriod().To)
	for _, r := range rows {
		mry = max(mry, r.Period.To)
	}
	reg, err := registry.Load(ctx, st, mry)
	if err != nil {
		return stats, err
	}
	// Group consecutive rows by period; each group shares one World.
	type group struct {
		p          bloc.Period
		start, end int
	}
	var groups []group
	for k, r := range rows {
		if len(groups) == 0 || groups[len(groups)-1].p != r.Period {
			groups = append(groups, group{p: r.Period, start: k})
		}
		groups[len(groups)-1].end = k + 1
	}
	periods := map[bloc.Period]bool{}
	results := make([]*BatchResult, len(rows))
	next := 0
	var mu sync.Mutex
	var emitErr error
	done := func(k int, r BatchResult) {
		mu.Lock()
		defer mu.Unlock()
		results[k] = &r
		for next < len(rows) && results[next] != nil {
			if emitErr == nil {
				emitErr = emit(*results[next])
			}
			if results[next].Err != nil {
				stats.Failed++
			}
			results[next] = nil
			next++
		}
	}
	for _, g := range groups {
		periods[g.p] = true
		tl := time.Now()
		w, _, err := world.Load(ctx, st.DB(), reg, world.Options{Years: LoadYears(g.p, opt), History: opt.Params.History})
		if err != nil {
			return stats, err
		}
		stats.Load += time.Since(tl)
		tc := time.Now()
		f := indicators.NewFrame(w, g.p, opt.Params)
		jobs := make(chan int)
		var wg sync.WaitGroup
		for n := 0; n < workers; n++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range jobs {
					r := rows[k]
					res := BatchResult{Row: r}
					a, err := Resolve(reg, r.A, r.Period, "a")
					if err == nil {
						var b bloc.State
						if b, err = Resolve(reg, r.B, r.Period, "b"); err == nil {
							res.Verdict, err = ExplainFrame(f, a.CCode, b.CCode, opt)
						}
					}
					res.Err = err
					done(k, res)
				}
			}()
		}
		for k := g.start; k < g.end && ctx.Err() == nil; k++ {
			jobs <- k
		}
		close(jobs)
		wg.Wait()
		stats.Compute += time.Since(tc)
		if err := ctx.Err(); err != nil {
			return stats, err
		}
		if emitErr != nil {
			return stats, emitErr
		}
	}
	stats.Dyads, stats.Periods = len(rows), len(periods)
	return stats, nil
}

// BatchWriter writes batch results.
type BatchWriter interface {
	Write(BatchResult) error
	Flush() error
}

type jsonLines struct{ enc *json.Encoder }

// NewJSONLines returns a writer of one compact verdict per line; a failed
// row is an object with line, a, b, period, error and code.
func NewJSONLines(w io.Writer) BatchWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonLines{enc}
}

func (j *jsonLines) Write(r BatchResult) error {
	if r.Err != nil {
		return j.enc.Encode(map[string]any{"line": r.Row.Line, "a": r.Row.A, "b": r.Row.B, "period": r.Row.Period, "error": r.Err.Error(), "code": bloc.ErrorCode(r.Err)})
	}
	return j.enc.Encode(r.Verdict)
}

func (j *jsonLines) Flush() error { return nil }

type csvSummary struct {
	cw   *csv.Writer
	ids  []string
	head []string
}

// NewCSVSummary returns a writer of one CSV line per row: the dyad, the
// tie, the top threat, the two types, the best theory and every theory's
// score. It writes the header at once.
func NewCSVSummary(w io.Writer) BatchWriter {
	c := &csvSummary{cw: csv.NewWriter(w)}
	for _, t := range theory.All() {
		c.ids = append(c.ids, t.ID())
	}
	c.head = []string{"line", "a", "b", "from", "to", "tie", "alignment", "top_threat", "top_threat_score", "a_type", "b_type", "best_theory"}
	for _, id := range c.ids {
		c.head = append(c.head, "score_"+id)
	}
	c.head = append(c.head, "error")
	c.cw.Write(c.head)
	return c
}

func (c *csvSummary) Write(r BatchResult) error {
	rec := []string{strconv.Itoa(r.Row.Line), r.Row.A, r.Row.B, strconv.Itoa(r.Row.Period.From), strconv.Itoa(r.Row.Period.To)}
	if r.Err != nil {
		rec = append(rec, make([]string, len(c.head)-len(rec)-1)...)
		return c.cw.Write(append(rec, r.Err.Error()))
	}
	v := r.Verdict
	rec[1], rec[2] = v.A.Abb, v.B.Abb
	top, topScore := "", ""
	if len(v.Threats.Rows) > 0 && v.Threats.Rows[0].Rank == 1 {
		row := v.Threats.Rows[0]
		top = row.State.Abb
		switch v.Threats.Form {
		case indicators.Additive:
			topScore = csvNum(row.Additive)
		case indicators.Multiplicative:
			topScore = csvNum(row.Multiplicative)
		default:
			topScore = csvNum(row.Conditional)
		}
	}
	best := ""
	if len(v.Theories) > 0 && v.Theories[0].Testable {
		best = v.Theories[0].ID
	}
	rec = append(rec, string(v.Tie.Kind), csvNum(v.Tie.Score), top, topScore, string(v.Types[0].Type), string(v.Types[1].Type), best)
	scores := map[string]bloc.Num{}
	for _, t := range v.Theories {
		scores[t.ID] = t.Score
	}
	for _, id := range c.ids {
		rec = append(rec, csvNum(scores[id]))
	}
	return c.cw.Write(append(rec, ""))
}

func (c *csvSummary) Flush() error {
	c.cw.Flush()
	return c.cw.Error()
}

func csvNum(v bloc.Num) string {
	if !v.OK {
		return ""
	}
	return strconv.FormatFloat(v.V, 'f', 4, 64)
}
