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
	"strconv"
	"strings"
	"sync"
	"time"

	ddb "github.com/duckdb/duckdb-go/v2"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/events"
)

// EventsSchemaVersion is the layout of the events database.
const EventsSchemaVersion = 1

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
}

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
	tmp := path + ".tmp"
	c, err := ddb.NewConnector(path, func(execer driver.ExecerContext) error {
		q := []string{
			"SET memory_limit = '" + strings.ReplaceAll(opt.MemoryLimit, "'", "") + "'",
			"SET temp_directory = '" + strings.ReplaceAll(tmp, "'", "''") + "'",
			"SET preserve_insertion_order = false",
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
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: "cannot open the events database " + path, Err: err}
	}
	e := &Events{path: path, db: db, conn: conn}
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
CREATE TABLE IF NOT EXISTS events (
	file_id INTEGER NOT NULL, event_id BIGINT NOT NULL, day DATE NOT NULL,
	ccode1 SMALLINT NOT NULL, ccode2 SMALLINT NOT NULL, cameo VARCHAR NOT NULL,
	root UTINYINT NOT NULL, quad UTINYINT NOT NULL, verbal BOOLEAN NOT NULL,
	goldstein10 TINYINT NOT NULL, synthetic BOOLEAN NOT NULL);
COMMENT ON TABLE events IS 'bloc event data: one row per event between two COW states. Rows with synthetic = true come from bloc events synth and are SYNTHETIC, not real events.';
COMMENT ON COLUMN events.synthetic IS 'true: a SYNTHETIC event from bloc events synth (benchmarks), not a real event';
COMMENT ON COLUMN events.goldstein10 IS 'Goldstein score in tenths (-100..100), from the CAMEO codebook';
COMMENT ON COLUMN events.quad IS 'CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
CREATE OR REPLACE VIEW events_v AS
	SELECT e.*, goldstein10 / 10.0 AS goldstein, NOT verbal AS material, f.path AS file
	FROM events e JOIN events_files f USING (file_id);
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
	return e.db.Close()
}

// Stored implements events.Engine.
func (e *Events) Stored(ctx context.Context, size int64) ([]events.FileRecord, error) {
	return e.files(ctx, `WHERE size = ?`, size)
}

func (e *Events) files(ctx context.Context, where string, args ...any) ([]events.FileRecord, error) {
	rows, err := e.conn.QueryContext(ctx, `SELECT file_id, path, format, size, sha256, content_sha256, lines, events, domestic, nonstate,
		malformed, blank, synthetic, issue_counts, issues, codebook, started, finished FROM events_files `+where+` ORDER BY file_id`, args...)
	if err != nil {
		return nil, events.Internal("events files", err)
	}
	defer rows.Close()
	var out []events.FileRecord
	for rows.Next() {
		var r events.FileRecord
		var counts, issues string
		if err := rows.Scan(&r.ID, &r.Path, &r.Format, &r.Size, &r.SHA256, &r.ContentSHA256, &r.Lines, &r.Events, &r.Domestic, &r.NonState,
			&r.Malformed, &r.Blank, &r.Synthetic, &counts, &issues, &r.Codebook, &r.Started, &r.Finished); err != nil {
			return nil, events.Internal("events files", err)
		}
		json.Unmarshal([]byte(counts), &r.IssueCounts)
		json.Unmarshal([]byte(issues), &r.Issues)
		r.Status = "done"
		out = append(out, r)
	}
	return out, events.Internal("events files", rows.Err())
}

// Load implements events.Engine: the file's events and its ingest-log row
// are written in one transaction, so a failure or a crash leaves nothing of
// the file behind.
func (e *Events) Load(ctx context.Context, src events.Source) (rec *events.FileRecord, err error) {
	cb := src.Codebook()
	if len(cb.Codes) > 1<<codeBits {
		return nil, bloc.Errorf(bloc.EINTERNAL, "the codebook has %d codes; the loader packs at most %d", len(cb.Codes), 1<<codeBits)
	}
	if _, err := e.conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, events.Internal("events load", err)
	}
	committed := false
	defer func() {
		if !committed {
			e.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
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
	q := fmt.Sprintf(`INSERT INTO events
		SELECT %d, event_id, (DATE '1970-01-01' + ((p & %d) - %d)::INTEGER) AS day,
			((p >> %d) & 1023)::SMALLINT, ((p >> %d) & 1023)::SMALLINT,
			%s[((p >> %d) & %d) + 1],
			((p >> %d) & 31)::UTINYINT AS root,
			(CASE WHEN root <= 5 THEN 1 WHEN root <= 8 THEN 2 WHEN root <= 13 THEN 3 ELSE 4 END)::UTINYINT AS quad,
			quad IN (1, 3),
			(((p >> %d) & 255) - 128)::TINYINT,
			((p >> %d) & 1) = 1
		FROM bloc_events_source()`,
		id, dayMask, dayOffset, aShift, bShift, codeList(cb), codeShift, 1<<codeBits-1, rootShift, goldShift, synthShift)
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

// The table function hands DuckDB two BIGINT columns per event: the event
// id and every other field packed into one integer, which SQL unpacks. Two
// values per row instead of ten keeps the Go → DuckDB copy cheap.
const (
	dayOffset  = 65536 // days since 1970 + offset: 1800-01-01 … 2199-12-31 fit in 18 bits
	dayBits    = 18
	dayMask    = 1<<dayBits - 1
	aShift     = dayBits
	bShift     = aShift + 10
	codeShift  = bShift + 10
	codeBits   = 10
	rootShift  = codeShift + codeBits
	goldShift  = rootShift + 5
	synthShift = goldShift + 8
)

func pack(b *events.Batch, i int) int64 {
	p := uint64(int64(b.Day[i])+dayOffset) |
		uint64(b.A[i])<<aShift | uint64(b.B[i])<<bShift |
		uint64(b.Code[i])<<codeShift | uint64(b.Root[i])<<rootShift |
		uint64(int(b.Gold10[i])+128)<<goldShift
	if b.Synthetic[i] {
		p |= 1 << synthShift
	}
	return int64(p)
}

// codeList is the codebook's codes as an SQL list literal, indexed by code index + 1.
func codeList(cb *events.Codebook) string {
	var sb strings.Builder
	sb.WriteString("['")
	for i, c := range cb.Codes {
		if i > 0 {
			sb.WriteString("', '")
		}
		sb.WriteString(c.Code)
	}
	sb.WriteString("']")
	return sb.String()
}

var bigint, _ = ddb.NewTypeInfo(ddb.TYPE_BIGINT)

// loadSource adapts an events.Source to a DuckDB chunk table function.
type loadSource struct {
	ctx context.Context
	src events.Source
	err error
	eof bool
}

func (l *loadSource) ColumnInfos() []ddb.ColumnInfo {
	return []ddb.ColumnInfo{{Name: "event_id", T: bigint}, {Name: "p", T: bigint}}
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
		if err := ddb.SetChunkValue(chunk, 0, i, b.EventID[i]); err != nil {
			l.err = err
			return err
		}
		if err := ddb.SetChunkValue(chunk, 1, i, pack(b, i)); err != nil {
			l.err = err
			return err
		}
	}
	return chunk.SetSize(b.N)
}

// Aggregate implements events.Engine.
func (e *Events) Aggregate(ctx context.Context, q events.Query, fn func(*events.Row) error) error {
	if err := q.Validate(); err != nil {
		return err
	}
	period := "day"
	switch q.By {
	case events.Month:
		period = "CAST(date_trunc('month', day) AS DATE)"
	case events.Year:
		period = "CAST(date_trunc('year', day) AS DATE)"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "SELECT ccode1, ccode2, %s AS period, count(*), sum(goldstein10)::BIGINT, count(*) FILTER (WHERE synthetic)", period)
	for r := 1; r <= 20; r++ {
		fmt.Fprintf(&sb, ", count(*) FILTER (WHERE root = %d)", r)
	}
	fmt.Fprintf(&sb, " FROM events WHERE %s GROUP BY ccode1, ccode2, period ORDER BY ccode1, ccode2, period", q.Where("DATE '%s'"))
	rows, err := e.db.QueryContext(ctx, sb.String())
	if err != nil {
		return events.Internal("events aggregate", err)
	}
	defer rows.Close()
	var r events.Row
	var a, b int64
	dest := []any{&a, &b, &r.Period, &r.Events, &r.Gold10, &r.Synthetic}
	for i := range r.Root {
		dest = append(dest, &r.Root[i])
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return events.Internal("events aggregate", err)
		}
		r.Dyad = bloc.Dyad{A: bloc.CCode(a), B: bloc.CCode(b)}
		r.Period = r.Period.UTC()
		r.Quad = [4]int64{}
		for i, n := range r.Root {
			r.Quad[events.QuadOfRoot(i+1)-1] += n
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return events.Internal("events aggregate", rows.Err())
}

// Status implements events.Engine.
func (e *Events) Status(ctx context.Context) (*events.Status, error) {
	st := &events.Status{Engine: "duckdb", Location: e.path}
	e.conn.QueryRowContext(ctx, `SELECT version()`).Scan(&st.Version)
	var from, to sql.NullTime
	if err := e.conn.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE synthetic), min(day), max(day) FROM events`).Scan(&st.Events, &st.Synthetic, &from, &to); err != nil {
		return nil, events.Internal("events status", err)
	}
	e.conn.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT DISTINCT ccode1, ccode2 FROM events WHERE ccode1 <> ccode2)`).Scan(&st.Dyads)
	st.From, st.To = from.Time, to.Time
	files, err := e.files(ctx, "")
	if err != nil {
		return nil, err
	}
	st.Files = files
	return st, nil
}
