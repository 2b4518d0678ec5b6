package duckdb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	ddb "github.com/duckdb/duckdb-go/v2"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/events"
)

// EventsSchemaVersion is the layout of the events database.
const EventsSchemaVersion = 2

// EventsPath returns the default events database: events.duckdb beside the
// store. Event data live in their own database because the store is
// read-only and replaced whole by `bloc data import`.
func EventsPath(store string) string {
	return filepath.Join(filepath.Dir(store), "events.duckdb")
}

// EventsOptions tune the embedded events engine.
type EventsOptions struct {
	// MemoryLimit is DuckDB's memory_limit (default "1GB", or $BLOC_EVENTS_MEMORY).
	// Aggregations larger than that spill to a temporary directory beside the database.
	MemoryLimit string
	// Threads is DuckDB's thread count (default: all cores).
	Threads int
}

// Events is the embedded DuckDB event engine. It implements events.Engine.
// One process at a time may open a database for writing (DuckDB's file lock).
type Events struct {
	path string
	db   *sql.DB
	conn *sql.Conn // one connection: loads are serial and use a registered table function

	mu      sync.Mutex
	current *loadSource // the source the registered table function reads
	release func()
	threads int // DuckDB's thread count outside loads
}

// DuckDB's file lock does not stop a second open from the same process, so
// the engine keeps its own list.
var (
	openMu    sync.Mutex
	openPaths = map[string]bool{}
)

var _ events.Engine = (*Events)(nil)

// OpenEvents opens (creating if needed) the events database at path.
func OpenEvents(ctx context.Context, path string, opt EventsOptions) (*Events, error) {
	if opt.MemoryLimit == "" {
		opt.MemoryLimit = os.Getenv("BLOC_EVENTS_MEMORY")
	}
	if opt.MemoryLimit == "" {
		opt.MemoryLimit = "1GB"
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: "cannot create the directory of " + path, Err: err}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	openMu.Lock()
	if openPaths[abs] {
		openMu.Unlock()
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: "the events database " + path + " is already open in this process"}
	}
	openPaths[abs] = true
	openMu.Unlock()
	release := func() {
		openMu.Lock()
		delete(openPaths, abs)
		openMu.Unlock()
	}
	tmp := path + ".tmp"
	c, err := ddb.NewConnector(path, func(execer driver.ExecerContext) error {
		q := []string{
			"SET memory_limit = '" + strings.ReplaceAll(opt.MemoryLimit, "'", "") + "'",
			"SET temp_directory = '" + strings.ReplaceAll(tmp, "'", "''") + "'",
			"SET preserve_insertion_order = false",
			// Every column of the events table is an integer or a date:
			// bitpacking (frame of reference, delta) compresses them well, and
			// skipping the analysis of the other methods makes ingest ~40% faster.
			"SET force_compression = 'bitpacking'",
		}
		if opt.Threads > 0 {
			q = append(q, "SET threads = "+strconv.Itoa(opt.Threads))
		}
		for _, s := range q {
			if _, err := execer.ExecContext(ctx, s, nil); err != nil {
				return fmt.Errorf("%s: %w", s, err)
			}
		}
		return nil
	})
	if err != nil {
		release()
		if strings.Contains(err.Error(), "lock") {
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: "the events database " + path + " is in use by another process", Err: err}
		}
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: "cannot open the events database " + path, Err: err}
	}
	db := sql.OpenDB(c)
	db.SetMaxOpenConns(2)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		release()
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: "cannot open the events database " + path, Err: err}
	}
	e := &Events{path: path, db: db, conn: conn, release: release, threads: opt.Threads}
	if e.threads <= 0 {
		e.threads = runtime.NumCPU()
	}
	if err := e.init(ctx); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

const eventsDDL = `
CREATE TABLE IF NOT EXISTS events_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS events_files (
	file_id BIGINT PRIMARY KEY, path VARCHAR, format VARCHAR, size BIGINT, sha256 VARCHAR, content_sha256 VARCHAR,
	lines BIGINT, events BIGINT, domestic BIGINT, nonstate BIGINT, malformed BIGINT, blank BIGINT, synthetic BIGINT,
	issue_counts VARCHAR, issues VARCHAR, codebook VARCHAR, started TIMESTAMP, finished TIMESTAMP);
CREATE TABLE IF NOT EXISTS events_codes (
	cameo_id SMALLINT PRIMARY KEY, cameo VARCHAR NOT NULL, name VARCHAR, root UTINYINT, quad UTINYINT, goldstein DOUBLE);
CREATE TABLE IF NOT EXISTS events (
	file_id INTEGER NOT NULL, event_id BIGINT NOT NULL, day DATE NOT NULL, dm BIGINT NOT NULL, code INTEGER NOT NULL);
COMMENT ON TABLE events IS 'bloc event data, one row per event between two COW states, in a compact layout: query events_v. Events whose synthetic flag is set come from bloc events synth and are SYNTHETIC, not real events.';
COMMENT ON COLUMN events.dm IS 'ccode1 << 23 | ccode2 << 13 | months since 1800-01 (the dyad-month key)';
COMMENT ON COLUMN events.code IS 'cameo_id | root << 10 | (goldstein10 + 128) << 15 | synthetic << 23';
CREATE OR REPLACE VIEW events_v AS
	SELECT e.file_id, e.event_id, e.day,
		(e.dm >> 23)::SMALLINT AS ccode1, ((e.dm >> 13) & 1023)::SMALLINT AS ccode2,
		c.cameo, c.name AS cameo_name, ((e.code >> 10) & 31)::UTINYINT AS root,
		c.quad, c.quad IN (1, 3) AS verbal, c.quad IN (2, 4) AS material,
		(((e.code >> 15) & 255) - 128) / 10.0 AS goldstein,
		((e.code >> 23) & 1) = 1 AS synthetic, f.path AS file
	FROM events e JOIN events_codes c ON c.cameo_id = (e.code & 1023) JOIN events_files f USING (file_id);
`

func (e *Events) init(ctx context.Context) error {
	var v sql.NullString
	err := e.conn.QueryRowContext(ctx, `SELECT value FROM events_meta WHERE key = 'schema'`).Scan(&v)
	if err == nil {
		if v.String != strconv.Itoa(EventsSchemaVersion) {
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("the events database %s has layout %s; this bloc reads layout %d", e.path, v.String, EventsSchemaVersion),
				Hints: []string{"move it away and ingest the files again"}}
		}
	} else {
		for _, s := range strings.Split(eventsDDL, ";\n") {
			if strings.TrimSpace(s) == "" {
				continue
			}
			if _, err := e.conn.ExecContext(ctx, s); err != nil {
				if strings.Contains(err.Error(), "read-only") || strings.Contains(err.Error(), "Catalog Error") && strings.Contains(err.Error(), "already exists") {
					continue
				}
				return &bloc.Error{Code: bloc.EINVALID, Message: e.path + " is not a bloc events database", Err: err}
			}
		}
		if _, err := e.conn.ExecContext(ctx, `INSERT OR REPLACE INTO events_meta VALUES ('schema', ?)`, strconv.Itoa(EventsSchemaVersion)); err != nil {
			return &bloc.Error{Code: bloc.EINTERNAL, Op: "events", Err: err}
		}
	}
	return ddb.RegisterTableUDF(e.conn, "bloc_events_source", ddb.ChunkTableFunction{
		BindArguments: func(named map[string]any, args ...any) (ddb.ChunkTableSource, error) {
			e.mu.Lock()
			defer e.mu.Unlock()
			if e.current == nil {
				return nil, errors.New("no load in progress")
			}
			return e.current, nil
		},
	})
}

// Name implements events.Engine.
func (e *Events) Name() string { return "duckdb" }

// Location implements events.Engine.
func (e *Events) Location() string { return e.path }

// DB returns the database handle (for ad hoc queries).
func (e *Events) DB() *sql.DB { return e.db }

// Close implements events.Engine.
func (e *Events) Close() error {
	if e.conn != nil {
		e.conn.Close()
	}
	err := e.db.Close()
	if e.release != nil {
		e.release()
		e.release = nil
	}
	return err
}

// Stored implements events.Engine.
func (e *Events) Stored(ctx context.Context, size int64) ([]events.FileRecord, error) {
	return e.files(ctx, `WHERE size = ?`, size)
}

func (e *Events) files(ctx context.Context, where string, args ...any) ([]events.FileRecord, error) {
	rows, err := e.conn.QueryContext(ctx, `SELECT `+events.FileRecordColumns+` FROM events_files `+where+` ORDER BY file_id`, args...)
	if err != nil {
		return nil, events.Internal("events files", err)
	}
	defer rows.Close()
	var out []events.FileRecord
	for rows.Next() {
		r, err := events.ScanFileRecord(rows.Scan)
		if err != nil {
			return nil, events.Internal("events files", err)
		}
		out = append(out, r)
	}
	return out, events.Internal("events files", rows.Err())
}

// Load implements events.Engine: the file's events and its ingest-log row
// are written in one transaction, so a failure or a crash leaves nothing of
// the file behind.
func (e *Events) Load(ctx context.Context, src events.Source) (rec *events.FileRecord, err error) {
	cb := src.Codebook()
	if len(cb.Codes) > 1<<codeRoot {
		return nil, bloc.Errorf(bloc.EINTERNAL, "the codebook has %d codes; the loader packs at most %d", len(cb.Codes), 1<<codeRoot)
	}
	// One DuckDB thread loads: the table function feeds it one chunk at a
	// time, and a second thread only adds scheduling overhead (measured:
	// 20–40% more CPU per event). The parser runs in its own goroutines.
	e.conn.ExecContext(ctx, "SET threads = 1")
	defer e.conn.ExecContext(context.WithoutCancel(ctx), "SET threads = "+strconv.Itoa(e.threads))
	if _, err := e.conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, events.Internal("events load", err)
	}
	committed := false
	defer func() {
		if !committed {
			e.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	if err := e.syncCodes(ctx, cb); err != nil {
		return nil, err
	}
	var id int64
	if err := e.conn.QueryRowContext(ctx, `SELECT coalesce(max(file_id), 0) + 1 FROM events_files`).Scan(&id); err != nil {
		return nil, events.Internal("events load", err)
	}
	ls := &loadSource{ctx: ctx, src: src}
	e.mu.Lock()
	e.current = ls
	e.mu.Unlock()
	defer func() {
		e.mu.Lock()
		e.current = nil
		e.mu.Unlock()
	}()
	q := fmt.Sprintf(`INSERT INTO events SELECT %d, * FROM bloc_events_source()`, id)
	if _, err := e.conn.ExecContext(ctx, q); err != nil {
		if ls.err != nil {
			return nil, ls.err
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, events.Internal("events load", err)
	}
	if ls.err != nil {
		return nil, ls.err
	}
	rec = src.Record()
	if !ls.eof {
		return nil, bloc.Errorf(bloc.EINTERNAL, "%s: the load stopped before the end of the file", rec.Path)
	}
	var dup int64
	switch err := e.conn.QueryRowContext(ctx, `SELECT file_id FROM events_files WHERE content_sha256 = ? LIMIT 1`, rec.ContentSHA256).Scan(&dup); {
	case err == nil:
		rec.Status, rec.DuplicateOf = "duplicate", dup
		return rec, nil // the deferred ROLLBACK drops the rows
	case !errors.Is(err, sql.ErrNoRows):
		return nil, events.Internal("events load", err)
	}
	counts, _ := json.Marshal(rec.IssueCounts)
	issues, _ := json.Marshal(rec.Issues)
	if rec.Finished.IsZero() {
		rec.Finished = time.Now().UTC()
	}
	if _, err := e.conn.ExecContext(ctx, `INSERT INTO events_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, rec.Path, rec.Format, rec.Size, rec.SHA256, rec.ContentSHA256, rec.Lines, rec.Events, rec.Domestic, rec.NonState,
		rec.Malformed, rec.Blank, rec.Synthetic, string(counts), string(issues), rec.Codebook, rec.Started, rec.Finished); err != nil {
		return nil, events.Internal("events load", err)
	}
	if _, err := e.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return nil, events.Internal("events load", err)
	}
	committed = true
	rec.ID, rec.Status = id, "done"
	return rec, nil
}

// The events table is a compact fact table: two packed integers hold the
// dyad and month (dm) and the CAMEO code with its root, Goldstein score and
// synthetic flag (code). Five columns instead of ten make ingest about
// twice as fast, and the aggregation key is a shift away; events_v unpacks
// them for people.
const (
	monthBits = 13 // months since 1800-01: until 2482
	dmA       = 23 // ccode1's shift in dm
	dmB       = 13 // ccode2's shift
	codeRoot  = 10 // root's shift in code (cameo_id below it)
	codeGold  = 15 // goldstein10 + 128
	codeSynth = 23
)

func packDM(b *events.Batch, i int) int64 {
	return int64(b.A[i])<<dmA | int64(b.B[i])<<dmB | int64(b.Month[i])
}

func packCode(b *events.Batch, i int) int32 {
	c := int32(b.Code[i]) | int32(b.Root[i])<<codeRoot | (int32(b.Gold10[i])+128)<<codeGold
	if b.Synthetic[i] {
		c |= 1 << codeSynth
	}
	return c
}

// syncCodes stores the codebook in events_codes, checking that the codes
// already there keep their ids (cameo_id is the codebook's index).
func (e *Events) syncCodes(ctx context.Context, cb *events.Codebook) error {
	var n int
	if err := e.conn.QueryRowContext(ctx, `SELECT count(*) FROM events_codes`).Scan(&n); err != nil {
		return events.Internal("events codes", err)
	}
	if n == len(cb.Codes)-1 {
		var bad int
		// spot-check every code's text against its id
		rows, err := e.conn.QueryContext(ctx, `SELECT cameo_id, cameo FROM events_codes`)
		if err != nil {
			return events.Internal("events codes", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int
			var code string
			rows.Scan(&id, &code)
			if id <= 0 || id >= len(cb.Codes) || cb.Codes[id].Code != code {
				bad++
			}
		}
		if bad == 0 {
			return nil
		}
		return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("the events database %s was built with another CAMEO codebook (%d codes differ)", e.path, bad),
			Hints: []string{"ingest into a new events database (--db)"}}
	}
	if n != 0 {
		return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("the events database %s holds %d CAMEO codes; this codebook has %d", e.path, n, len(cb.Codes)-1),
			Hints: []string{"ingest into a new events database (--db)"}}
	}
	for i := 1; i < len(cb.Codes); i++ {
		c := cb.Codes[i]
		if _, err := e.conn.ExecContext(ctx, `INSERT INTO events_codes VALUES (?, ?, ?, ?, ?, ?)`, i, c.Code, c.Name, c.Root, c.Quad, c.Goldstein()); err != nil {
			return events.Internal("events codes", err)
		}
	}
	return nil
}

var (
	bigint, _  = ddb.NewTypeInfo(ddb.TYPE_BIGINT)
	date, _    = ddb.NewTypeInfo(ddb.TYPE_DATE)
	integer, _ = ddb.NewTypeInfo(ddb.TYPE_INTEGER)
)

// loadSource adapts an events.Source to a DuckDB chunk table function.
type loadSource struct {
	ctx context.Context
	src events.Source
	err error
	eof bool
}

func (l *loadSource) ColumnInfos() []ddb.ColumnInfo {
	return []ddb.ColumnInfo{{Name: "event_id", T: bigint}, {Name: "day", T: date}, {Name: "dm", T: bigint}, {Name: "code", T: integer}}
}

func (l *loadSource) Cardinality() *ddb.CardinalityInfo { return nil }

func (l *loadSource) Init() {}

func (l *loadSource) FillChunk(chunk ddb.DataChunk) error {
	if l.err != nil || l.eof {
		return chunk.SetSize(0)
	}
	if err := l.ctx.Err(); err != nil {
		l.err = err
		return err
	}
	b, err := l.src.Next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			l.eof = true
			return chunk.SetSize(0)
		}
		l.err = err
		return err
	}
	for i := 0; i < b.N; i++ {
		if b.Month[i] < 0 || b.Month[i] >= 1<<monthBits {
			l.err = bloc.Errorf(bloc.EINTERNAL, "month index %d out of range", b.Month[i])
			return l.err
		}
		err := ddb.SetChunkValue(chunk, 0, i, b.EventID[i])
		if err == nil {
			err = ddb.SetChunkValue(chunk, 1, i, events.DayTime(b.Day[i]))
		}
		if err == nil {
			err = ddb.SetChunkValue(chunk, 2, i, packDM(b, i))
		}
		if err == nil {
			err = ddb.SetChunkValue(chunk, 3, i, packCode(b, i))
		}
		if err != nil {
			l.err = err
			return err
		}
	}
	return chunk.SetSize(b.N)
}

// Aggregate implements events.Engine. The query groups by one integer key
// (cheaper to hash and sort than several columns): dyad and period, or,
// with q.Roots, dyad, period and CAMEO root (fewer aggregates, more groups;
// the rows, sorted by key, are pivoted here). For dyad-month the key is the
// stored dm column itself. The Goldstein sum and the synthetic count travel
// packed in one sum. Rows are read from the driver directly, without
// database/sql's per-value conversions.
func (e *Events) Aggregate(ctx context.Context, q events.Query, fn func(*events.Row) error) error {
	if err := q.Validate(); err != nil {
		return err
	}
	// key = dyad << pbits | period (<< 5 | root with roots)
	pbits, period := monthBits, "(dm & 8191)"
	switch q.By {
	case events.Day:
		pbits, period = dayBits, "(day - DATE '1800-01-01')"
	case events.Year:
		period = "((dm & 8191) // 12)"
	}
	key := fmt.Sprintf("(((dm >> %d) << %d) | %s)", dmB, pbits, period)
	if q.By == events.Month {
		key = "dm"
	}
	const packed = "sum(((code >> 15) & 255) | (((code >> 23) & 1)::BIGINT << 40))" // Σ(goldstein10+128) | Σsynthetic << 40
	var query string
	if q.Roots {
		query = fmt.Sprintf(`SELECT k, n, (g %% 1099511627776)::BIGINT, (g // 1099511627776)::BIGINT FROM (
			SELECT (%s << 5) | ((code >> 10) & 31) AS k, count(*) AS n, %s AS g FROM events WHERE %s GROUP BY k) ORDER BY k`,
			key, packed, duckWhere(q))
	} else {
		root := "((code >> 10) & 31)"
		query = fmt.Sprintf(`SELECT k, n, (g %% 1099511627776)::BIGINT, (g // 1099511627776)::BIGINT, q1, q2, q3, q4 FROM (
			SELECT %s AS k, count(*) AS n, %s AS g,
				count(*) FILTER (WHERE %s <= 5) AS q1, count(*) FILTER (WHERE %s BETWEEN 6 AND 8) AS q2,
				count(*) FILTER (WHERE %s BETWEEN 9 AND 13) AS q3, count(*) FILTER (WHERE %s >= 14) AS q4
			FROM events WHERE %s GROUP BY k) ORDER BY k`, key, packed, root, root, root, root, duckWhere(q))
	}
	conn, err := e.db.Conn(ctx)
	if err != nil {
		return events.Internal("events aggregate", err)
	}
	defer conn.Close()
	day1800 := events.DayNumber(time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC))
	err = conn.Raw(func(dc any) error {
		qc, ok := dc.(driver.QueryerContext)
		if !ok {
			return errors.New("the DuckDB driver connection cannot query")
		}
		rows, err := qc.QueryContext(ctx, query, nil)
		if err != nil {
			return err
		}
		defer rows.Close()
		dest := make([]driver.Value, len(rows.Columns()))
		var r events.Row
		cur := int64(-1)
		emit := func() error {
			if cur < 0 {
				return nil
			}
			p := int(cur & (1<<pbits - 1))
			r.Dyad = bloc.Dyad{A: bloc.CCode(cur >> (pbits + 10)), B: bloc.CCode((cur >> pbits) & 1023)}
			switch q.By {
			case events.Day:
				r.Period = events.DayTime(int32(p) + day1800)
			case events.Month:
				r.Period = events.MonthTime(p)
			case events.Year:
				r.Period = time.Date(1800+p, 1, 1, 0, 0, 0, 0, time.UTC)
			}
			if err := fn(&r); err != nil {
				return &callbackError{err}
			}
			return nil
		}
		for i := 0; ; i++ {
			if i&8191 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if err := rows.Next(dest); err != nil {
				if err == io.EOF {
					return emit()
				}
				return err
			}
			k, _ := dest[0].(int64)
			n, _ := dest[1].(int64)
			g, _ := dest[2].(int64)
			syn, _ := dest[3].(int64)
			group := k
			if q.Roots {
				group = k >> 5
			}
			if group != cur {
				if err := emit(); err != nil {
					return err
				}
				cur = group
				r = events.Row{}
			}
			r.Events += n
			r.Gold10 += g - 128*n
			r.Synthetic += syn
			if q.Roots {
				root := int(k & 31)
				if root < 1 || root > 20 {
					return fmt.Errorf("root code %d in the events table", root)
				}
				r.Root[root-1] += n
				r.Quad[events.QuadOfRoot(root)-1] += n
			} else {
				for j := range r.Quad {
					r.Quad[j], _ = dest[4+j].(int64)
				}
			}
		}
	})
	var cb *callbackError
	if errors.As(err, &cb) {
		return cb.err
	}
	return events.Internal("events aggregate", err)
}

// duckWhere is the WHERE clause of a query on the compact layout: dyads
// as ranges of dm (so that zone maps can skip row groups), dates on day.
func duckWhere(q events.Query) string {
	var w []string
	if !q.Domestic {
		w = append(w, "(dm >> 23) <> ((dm >> 13) & 1023)")
	}
	if !q.From.IsZero() {
		w = append(w, "day >= DATE '"+q.From.Format("2006-01-02")+"'")
	}
	if !q.To.IsZero() {
		w = append(w, "day <= DATE '"+q.To.Format("2006-01-02")+"'")
	}
	if len(q.Dyads) > 0 {
		var or []string
		for _, d := range q.Dyads {
			lo := int64(d.A)<<dmA | int64(d.B)<<dmB
			or = append(or, fmt.Sprintf("dm BETWEEN %d AND %d", lo, lo|(1<<monthBits-1)))
		}
		w = append(w, "("+strings.Join(or, " OR ")+")")
	}
	if len(w) == 0 {
		return "true"
	}
	return strings.Join(w, " AND ")
}

// dayBits is the day's width in the dyad-day key: days since 1800 (< 2^18
// until 2517).
const dayBits = 18

// callbackError carries the caller's error out of conn.Raw untouched.
type callbackError struct{ err error }

func (c *callbackError) Error() string { return c.err.Error() }

// Status implements events.Engine.
func (e *Events) Status(ctx context.Context) (*events.Status, error) {
	st := &events.Status{Engine: "duckdb", Location: e.path}
	e.conn.QueryRowContext(ctx, `SELECT version()`).Scan(&st.Version)
	var from, to sql.NullTime
	if err := e.conn.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE (code >> 23) & 1 = 1), min(day), max(day) FROM events`).Scan(&st.Events, &st.Synthetic, &from, &to); err != nil {
		return nil, events.Internal("events status", err)
	}
	e.conn.QueryRowContext(ctx, `SELECT count(DISTINCT dm >> 13) FROM events WHERE (dm >> 23) <> ((dm >> 13) & 1023)`).Scan(&st.Dyads)
	st.From, st.To = from.Time, to.Time
	files, err := e.files(ctx, "")
	if err != nil {
		return nil, err
	}
	st.Files = files
	return st, nil
}
