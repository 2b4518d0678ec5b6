// Package events is bloc's event data: who did what to whom, coded in CAMEO.
// It parses the real file formats (ICEWS tab-separated event files, GDELT
// 1.0 and 2.0 event exports, a plain CSV with documented columns), maps
// actors to COW state codes and CAMEO codes to root code, quad class and
// Goldstein score, and aggregates events into directed dyad-period measures
// (counts per quad class and root code, Goldstein sum and mean) — the
// evidence of "speech acts" (verbal cooperation and conflict) and "practical
// actions" (material cooperation and conflict) the theory engine uses.
//
// The package is engine-neutral. Storage and aggregation are behind Engine:
// the embedded DuckDB engine (package duckdb, OpenEvents) and the ClickHouse
// engine (package clickhouse) give the same results from the same files.
//
// Ingest streams: memory does not grow with the file. Each file is stored
// all-or-nothing with its sha256 in an ingest log; re-ingesting a file whose
// content is already stored does nothing, and a crash mid-file leaves
// nothing of that file behind (the next ingest redoes it). Malformed rows are
// counted and reported by file and line; with Strict the first one fails the
// file.
package events

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"time"

	"github.com/bloc-project/bloc"
)

// BatchSize is the number of events in a full Batch (DuckDB's vector size).
const BatchSize = 2048

// Batch is a columnar block of parsed events. Slices have length N.
type Batch struct {
	N         int
	EventID   []int64
	Day       []int32 // days since 1970-01-01
	Month     []int16 // months since 1800-01 (MonthIndex)
	A, B      []int16 // COW codes of source and target
	Code      []uint16
	Root      []uint8 // 1–20
	Quad      []uint8 // 1–4
	Gold10    []int8  // Goldstein score in tenths
	Synthetic []bool
}

func newBatch(n int) *Batch {
	return &Batch{EventID: make([]int64, 0, n), Day: make([]int32, 0, n), Month: make([]int16, 0, n), A: make([]int16, 0, n), B: make([]int16, 0, n),
		Code: make([]uint16, 0, n), Root: make([]uint8, 0, n), Quad: make([]uint8, 0, n), Gold10: make([]int8, 0, n), Synthetic: make([]bool, 0, n)}
}

func (b *Batch) reset() {
	b.N = 0
	b.EventID, b.Day, b.Month, b.A, b.B = b.EventID[:0], b.Day[:0], b.Month[:0], b.A[:0], b.B[:0]
	b.Code, b.Root, b.Quad, b.Gold10, b.Synthetic = b.Code[:0], b.Root[:0], b.Quad[:0], b.Gold10[:0], b.Synthetic[:0]
}

func (b *Batch) add(id int64, day int32, month int16, a, bb int16, ci uint16, c *Code, synth bool) {
	b.EventID = append(b.EventID, id)
	b.Day = append(b.Day, day)
	b.Month = append(b.Month, month)
	b.A = append(b.A, a)
	b.B = append(b.B, bb)
	b.Code = append(b.Code, ci)
	b.Root = append(b.Root, c.Root)
	b.Quad = append(b.Quad, c.Quad)
	b.Gold10 = append(b.Gold10, c.Gold10)
	b.Synthetic = append(b.Synthetic, synth)
	b.N++
}

// Source is one file's events as an engine loads them.
type Source interface {
	// Next returns the next batch of events, io.EOF at the end. The batch is
	// reused by the next call.
	Next() (*Batch, error)
	// Record describes the file: path, format, checksums, counts and
	// issues. Checksums and counts are final after Next returned io.EOF.
	Record() *FileRecord
	// Codebook is the codebook the batches' Code indexes refer to.
	Codebook() *Codebook
}

// Issue is a malformed row: the file, line and reason.
type Issue struct {
	Line   int64  `json:"line"`
	Reason string `json:"reason"` // columns, date, cameo, actor, id, long, csv
	Detail string `json:"detail"`
}

// FileRecord is an ingest-log entry: one file's checksum and what its ingest found.
type FileRecord struct {
	ID            int64     `json:"id"`
	Path          string    `json:"path"`
	Format        string    `json:"format"`
	Size          int64     `json:"size"`
	SHA256        string    `json:"sha256"`         // of the file as stored (compressed if it is)
	ContentSHA256 string    `json:"content_sha256"` // of the decompressed contents: the duplicate check
	Lines         int64     `json:"lines"`          // data lines (header excluded)
	Events        int64     `json:"events"`         // events stored
	Domestic      int64     `json:"domestic"`       // of which source and target are the same state
	NonState      int64     `json:"nonstate"`       // skipped: an actor that is not a COW state (or none)
	Malformed     int64     `json:"malformed"`      // skipped: rows with an issue
	Blank         int64     `json:"blank"`          // blank lines
	Synthetic     int64     `json:"synthetic"`      // events from bloc's synthetic generator
	IssueCounts   Counts    `json:"issue_counts,omitempty"`
	Issues        []Issue   `json:"issues,omitempty"` // the first MaxIssues
	Codebook      string    `json:"codebook"`
	Started       time.Time `json:"started"`
	Finished      time.Time `json:"finished"`
	// Status is "done" (stored), "duplicate" (its contents were stored
	// before, as DuplicateOf; nothing was stored) or "failed".
	Status      string `json:"status"`
	DuplicateOf int64  `json:"duplicate_of,omitempty"`
	Error       string `json:"error,omitempty"`
}

// Counts counts issues by reason.
type Counts map[string]int64

// Engine stores events and aggregates them.
type Engine interface {
	// Name is "duckdb" or "clickhouse".
	Name() string
	// Location describes where the events are (a file path, a DSN without password).
	Location() string
	// Stored returns the ingest-log records of stored files with this size,
	// for the fast "already ingested" check.
	Stored(ctx context.Context, size int64) ([]FileRecord, error)
	// Load stores every event of src as one unit: on any error nothing of
	// the file is stored. If a file with the same content checksum is
	// already stored, nothing is stored and the record's Status is
	// "duplicate".
	Load(ctx context.Context, src Source) (*FileRecord, error)
	// Aggregate calls fn for every row of the query, ordered by dyad and period.
	Aggregate(ctx context.Context, q Query, fn func(*Row) error) error
	// Status describes what is stored.
	Status(ctx context.Context) (*Status, error)
	Close() error
}

// Status is what an engine holds.
type Status struct {
	Engine    string       `json:"engine"`
	Location  string       `json:"location"`
	Version   string       `json:"version"` // the engine's version
	Events    int64        `json:"events"`
	Synthetic int64        `json:"synthetic_events"`
	Dyads     int64        `json:"directed_dyads"`
	From      time.Time    `json:"from"`
	To        time.Time    `json:"to"`
	Files     []FileRecord `json:"files"`
	Shards    int          `json:"shards,omitempty"`
	Notes     []string     `json:"notes,omitempty"`
}

// ErrDuplicate marks a file whose contents were already stored.
var ErrDuplicate = errors.New("already ingested")

// Collect runs a query and returns all its rows.
func Collect(ctx context.Context, e Engine, q Query) ([]Row, error) {
	var out []Row
	err := e.Aggregate(ctx, q, func(r *Row) error {
		out = append(out, *r)
		return nil
	})
	return out, err
}

// Drain reads a source to the end without storing anything (for tests and checks).
func Drain(src Source) (int64, error) {
	var n int64
	for {
		b, err := src.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n += int64(b.N)
	}
}

// Internal wraps an unexpected failure of an engine.
func Internal(op string, err error) error {
	if err == nil {
		return nil
	}
	var be *bloc.Error
	if errors.As(err, &be) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &bloc.Error{Code: bloc.EINTERNAL, Op: op, Err: err}
}

// FileRecordColumns are the columns of an engine's ingest log that
// ScanFileRecord reads, in its order.
const FileRecordColumns = `file_id, path, format, size, sha256, content_sha256, lines, events, domestic, nonstate,
	malformed, blank, synthetic, issue_counts, issues, codebook, started, finished`

// ScanFileRecord reads one completed ingest-log row selected as
// FileRecordColumns; scan is the driver's Rows.Scan. Issue counts and issues
// are stored as JSON text.
func ScanFileRecord(scan func(dest ...any) error) (FileRecord, error) {
	var r FileRecord
	var counts, issues string
	if err := scan(&r.ID, &r.Path, &r.Format, &r.Size, &r.SHA256, &r.ContentSHA256, &r.Lines, &r.Events, &r.Domestic, &r.NonState,
		&r.Malformed, &r.Blank, &r.Synthetic, &counts, &issues, &r.Codebook, &r.Started, &r.Finished); err != nil {
		return r, err
	}
	json.Unmarshal([]byte(counts), &r.IssueCounts)
	json.Unmarshal([]byte(issues), &r.Issues)
	r.Status = "done"
	return r, nil
}
