package duckdb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	ddb "github.com/duckdb/duckdb-go/v2"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/events"
)

// WriteEventsParquet writes aggregate rows (from any engine) to a Parquet
// file with the events.Header columns, through a scratch DuckDB database
// (memory-limited, spilling to disk). The file is written beside path and
// renamed over it at the end, so a failure leaves no half-written file.
// When synthetic events are among those aggregated, the file's key-value
// metadata says so.
func WriteEventsParquet(ctx context.Context, path string, q events.Query, it events.Iterate) (events.Totals, error) {
	by := q.By
	var tot events.Totals
	dir, err := os.MkdirTemp(filepath.Dir(path), ".bloc-parquet-")
	if err != nil {
		return tot, &bloc.Error{Code: bloc.EINVALID, Message: "cannot write beside " + path, Err: err}
	}
	defer os.RemoveAll(dir)
	c, err := ddb.NewConnector(filepath.Join(dir, "scratch.duckdb"), func(ex driver.ExecerContext) error {
		_, err := ex.ExecContext(ctx, "SET memory_limit = '512MB'", nil)
		return err
	})
	if err != nil {
		return tot, events.Internal("parquet", err)
	}
	db := sql.OpenDB(c)
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return tot, events.Internal("parquet", err)
	}
	defer conn.Close()
	var cols []string
	for i, h := range events.Header(q.Roots) {
		t := "BIGINT"
		switch {
		case i < 2:
			t = "SMALLINT"
		case h == "period":
			t = "VARCHAR"
		case h == "year":
			t = "INTEGER"
		case strings.HasPrefix(h, "goldstein") || h == "align_evt" || h == "conflict_share":
			t = "DOUBLE"
		}
		cols = append(cols, `"`+h+`" `+t)
	}
	if _, err := conn.ExecContext(ctx, "CREATE TABLE agg ("+strings.Join(cols, ", ")+")"); err != nil {
		return tot, events.Internal("parquet", err)
	}
	err = conn.Raw(func(dc any) error {
		app, err := ddb.NewAppenderFromConn(dc.(driver.Conn), "", "agg")
		if err != nil {
			return err
		}
		vals := make([]driver.Value, 0, len(cols))
		num := func(n bloc.Num) driver.Value {
			if !n.OK {
				return nil
			}
			return n.V
		}
		err = it(func(r *events.Row) error {
			tot.Rows++
			tot.Events += r.Events
			tot.Synthetic += r.Synthetic
			vals = append(vals[:0], int16(r.Dyad.A), int16(r.Dyad.B), by.Label(r.Period), int32(r.Period.Year()), r.Events)
			for _, q := range r.Quad {
				vals = append(vals, q)
			}
			vals = append(vals, r.Verbal(), r.Material(), r.GoldsteinSum(), num(r.GoldsteinMean()), num(r.AlignEvt()), num(r.ConflictShare()))
			if q.Roots {
				for _, n := range r.Root {
					vals = append(vals, n)
				}
			}
			vals = append(vals, r.Synthetic)
			return app.AppendRow(vals...)
		})
		if cerr := app.Close(); err == nil {
			err = cerr
		}
		return err
	})
	if err != nil {
		return tot, events.Internal("parquet", err)
	}
	tmp := filepath.Join(dir, "out.parquet")
	meta := fmt.Sprintf("KV_METADATA {'producer': 'bloc events aggregate', 'by': 'dyad-%s', 'events': '%d', 'synthetic_events': '%d'%s}",
		by, tot.Events, tot.Synthetic, warn(tot))
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("COPY agg TO '%s' (FORMAT PARQUET, %s)", strings.ReplaceAll(tmp, "'", "''"), meta)); err != nil {
		return tot, events.Internal("parquet", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return tot, &bloc.Error{Code: bloc.EINVALID, Message: "cannot write " + path, Err: err}
	}
	return tot, nil
}

func warn(t events.Totals) string {
	if n := t.SyntheticNote(); n != "" {
		return ", 'warning': '" + strings.ReplaceAll(n, "'", "''") + "'"
	}
	return ""
}
