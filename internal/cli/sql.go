package cli

import (
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
)

func init() { commands = append(commands, func(e *env) *cobra.Command { return e.sqlCmd() }) }

func (e *env) sqlCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "sql QUERY",
		Short: "Run a read-only SQL query on the store (DuckDB dialect)",
		Long: `sql runs one read-only query against the store, where each dataset is a table named after it
(` + "`bloc data status`" + ` lists them). Missing values print as NA in text, empty in CSV, null in JSON.`,
		Example: `  bloc sql "SELECT year, cinc FROM cow_nmc_v7 WHERE ccode = 630 ORDER BY year DESC LIMIT 5"`,
		Args:    cobra.MatchAll(minArgs(1, "a query"), maxArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			s, err := e.openStore(c.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			rows, err := s.DB().QueryContext(c.Context(), args[0])
			if err != nil {
				return &bloc.Error{Code: bloc.EINVALID, Message: "the query failed", Err: err}
			}
			defer rows.Close()
			t, err := scanTable(rows, e.format == "csv")
			if err != nil {
				return err
			}
			return e.print(t)
		},
	}
}

// scanTable reads query results into a table; JSON keeps types and nulls.
func scanTable(rows *sql.Rows, csv bool) (table, error) {
	cols, err := rows.Columns()
	if err != nil {
		return table{}, err
	}
	t := table{header: cols}
	var objs []map[string]any
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return t, &bloc.Error{Code: bloc.EINTERNAL, Err: err}
		}
		r := make([]string, len(cols))
		o := make(map[string]any, len(cols))
		for i, v := range vals {
			o[cols[i]] = v
			switch x := v.(type) {
			case nil:
				if !csv {
					r[i] = "NA"
				}
			case float64:
				r[i] = strconv.FormatFloat(x, 'g', -1, 64)
			case time.Time:
				r[i] = x.Format("2006-01-02")
			default:
				r[i] = fmt.Sprint(x)
			}
		}
		t.rows = append(t.rows, r)
		objs = append(objs, o)
	}
	t.json = objs
	if objs == nil {
		t.json = []any{}
	}
	return t, rows.Err()
}
