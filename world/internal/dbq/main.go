// Command dbq is a scratch query tool (temporary).
package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	ddb "github.com/duckdb/duckdb-go/v2"
)

func main() {
	c, err := ddb.NewConnector("/root/.local/share/bloc/store.duckdb?access_mode=READ_ONLY", nil)
	if err != nil {
		panic(err)
	}
	db := sql.OpenDB(c)
	for _, q := range os.Args[1:] {
		rows, err := db.Query(q)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		cols, _ := rows.Columns()
		fmt.Println(strings.Join(cols, "\t"))
		for rows.Next() {
			v := make([]any, len(cols))
			p := make([]any, len(cols))
			for i := range v {
				p[i] = &v[i]
			}
			rows.Scan(p...)
			s := make([]string, len(v))
			for i, x := range v {
				s[i] = fmt.Sprint(x)
			}
			fmt.Println(strings.Join(s, "\t"))
		}
		rows.Close()
	}
}
