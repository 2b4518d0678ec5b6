package duckdb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// SchemaVersion changes whenever the layout of the store's tables changes; a
// store with another version is rebuilt on import even if no file changed.
const SchemaVersion = 1

// Event reports import progress: Step is "verify", "check", "load" or "done".
type Event struct {
	Dataset string
	Step    string
	Rows    int
	Err     error
}

// ImportOptions tune Import.
type ImportOptions struct {
	// Force rebuilds the store even when every checksum matches.
	Force bool
	// Progress, if set, receives events from several goroutines.
	Progress func(Event)
	// Workers is the number of files checked and loaded at once (default 2).
	Workers int
	// Only, if not empty, restricts the import to these datasets (by name).
	Only []string
}

// ImportReport says what an import did.
type ImportReport struct {
	Store    string        `json:"store"`
	DataDir  string        `json:"data_dir"`
	UpToDate bool          `json:"up_to_date"`
	Datasets int           `json:"datasets"`
	Rows     int64         `json:"rows"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	Skipped  []string      `json:"skipped,omitempty"` // manifest files bloc has no loader for
}

type loaded struct {
	ds    *datasets.Dataset
	sha   string
	rows  int
	years [2]int
}

// Import verifies every catalogue file in dir against MANIFEST.tsv, checks
// each row against its typed schema, loads everything into a new database
// beside path, and renames it over path. On any error the previous store is
// left as it was and the partial database is removed.
func Import(ctx context.Context, dir, path string, opt ImportOptions) (*ImportReport, error) {
	start := time.Now()
	progress := opt.Progress
	if progress == nil {
		progress = func(Event) {}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = 2
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		e := &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s is not a readable data directory", dir), Err: err,
			Hints: []string{"pass the directory with the release files and MANIFEST.tsv, e.g. ../shared/data"}}
		if err == nil {
			e.Err = nil
		}
		return nil, e
	}
	man, err := datasets.ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	rep := &ImportReport{Store: path, DataDir: dir}
	known := map[string]bool{datasets.ManifestFile: true}
	for _, ds := range datasets.All() {
		known[ds.File] = true
	}
	for f := range man {
		if !known[f] {
			rep.Skipped = append(rep.Skipped, f)
		}
	}
	sort.Strings(rep.Skipped)

	all, err := selectDatasets(opt.Only)
	if err != nil {
		return nil, err
	}
	// Verify checksums first: it is cheap and catches the commonest fault.
	sums := make([]string, len(all))
	if err := parallel(ctx, workers, len(all), func(i int) error {
		progress(Event{Dataset: all[i].Name, Step: "verify"})
		s, err := datasets.Verify(dir, all[i], man)
		sums[i] = s
		return err
	}); err != nil {
		return nil, err
	}
	removeStale(path)
	if !opt.Force && upToDate(path, all, sums) {
		rep.UpToDate, rep.Datasets, rep.Elapsed = true, len(all), time.Since(start)
		for _, ds := range all {
			progress(Event{Dataset: ds.Name, Step: "done"})
		}
		return rep, nil
	}

	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("cannot create the store directory %s", filepath.Dir(path)), Err: err}
	}
	tmp := fmt.Sprintf("%s.importing-%d", path, os.Getpid())
	defer func() {
		os.Remove(tmp)
		os.Remove(tmp + ".wal")
	}()
	db, err := openDB(tmp, false)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE `+MetaTable+` (name VARCHAR PRIMARY KEY, title VARCHAR, version VARCHAR, file VARCHAR,
		sha256 VARCHAR, rows BIGINT, year_from INTEGER, year_to INTEGER, imported_at TIMESTAMP, schema_version INTEGER)`); err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "import", Err: err}
	}

	// Largest files first so the two workers finish together.
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return all[order[a]].Rows > all[order[b]].Rows })
	res := make([]loaded, len(all))
	var mu sync.Mutex
	if err := parallel(ctx, workers, len(order), func(k int) error {
		i := order[k]
		ds := all[i]
		file := filepath.Join(dir, ds.File)
		// The Go check gives file:line:column errors and rejects duplicate
		// keys; DuckDB's read_csv then loads the same file in parallel.
		var rows int
		var years [2]int
		var checkErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			progress(Event{Dataset: ds.Name, Step: "check"})
			rows, years, checkErr = datasets.Check(ds, file)
		}()
		progress(Event{Dataset: ds.Name, Step: "load"})
		loadErr := loadTable(ctx, db, ds, file)
		<-done
		if checkErr != nil {
			return checkErr
		}
		if loadErr != nil {
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: DuckDB could not load it", file), Err: loadErr}
		}
		if years[1] == 0 && !ds.TimeInvariant() {
			years = ds.Years // spells and episodes: the catalogue's coverage
		}
		mu.Lock()
		res[i] = loaded{ds: ds, sha: sums[i], rows: rows, years: years}
		mu.Unlock()
		progress(Event{Dataset: ds.Name, Step: "done", Rows: rows})
		return nil
	}); err != nil {
		return nil, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	for _, l := range res {
		y0, y1 := any(nil), any(nil)
		if l.years[1] > 0 {
			y0, y1 = l.years[0], l.years[1]
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO `+MetaTable+` VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			l.ds.Name, l.ds.Title, l.ds.Version, l.ds.File, l.sha, l.rows, y0, y1, now, SchemaVersion); err != nil {
			return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "import", Err: err}
		}
		rep.Rows += int64(l.rows)
	}
	if _, err := db.ExecContext(ctx, `CHECKPOINT`); err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "import", Err: err}
	}
	if err := db.Close(); err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "import", Err: err}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := syncFile(tmp); err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "import", Message: "flushing the new store", Err: err}
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "import", Message: "replacing the store", Err: err}
	}
	os.Remove(path + ".wal")
	syncFile(filepath.Dir(path))
	rep.Datasets, rep.Elapsed = len(all), time.Since(start)
	return rep, nil
}

// loadTable creates the dataset's table with its catalogue types and loads
// the file with DuckDB's CSV reader (no type sniffing: the catalogue decides).
func loadTable(ctx context.Context, db *sql.DB, ds *datasets.Dataset, file string) error {
	// The fast path reads typed columns; only empty fields are missing. A
	// file with R's NA or Stata's "." in a numeric column fails that cast and
	// is read again as text, with NA and "." turned into NULL in numbers and
	// dates only: in text columns NA is Namibia's ISO2 code.
	if err := load(ctx, db, ds, file, false); err == nil {
		return nil
	}
	if _, err := db.ExecContext(ctx, `DROP TABLE IF EXISTS `+Quote(ds.Name)); err != nil {
		return err
	}
	return load(ctx, db, ds, file, true)
}

func load(ctx context.Context, db *sql.DB, ds *datasets.Dataset, file string, asText bool) error {
	cols := make([]string, len(ds.Columns))
	sel := make([]string, len(ds.Columns))
	for i, c := range ds.Columns {
		q := Quote(c.Name)
		sel[i] = q
		if asText {
			cols[i] = fmt.Sprintf("%s: 'VARCHAR'", sqlString(c.Name))
			if c.Type != datasets.String {
				sel[i] = fmt.Sprintf("CAST(CASE WHEN %s IN ('NA', '.') THEN NULL ELSE %s END AS %s) AS %s", q, q, c.Type.SQL(), q)
			}
		} else {
			cols[i] = fmt.Sprintf("%s: %s", sqlString(c.Name), sqlString(c.Type.SQL()))
		}
	}
	q := fmt.Sprintf(`CREATE TABLE %s AS SELECT %s FROM read_csv(%s, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', dateformat = '%%Y-%%m-%%d', columns = {%s})`,
		Quote(ds.Name), strings.Join(sel, ", "), sqlString(file), strings.Join(cols, ", "))
	_, err := db.ExecContext(ctx, q)
	return err
}

func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func selectDatasets(only []string) ([]*datasets.Dataset, error) {
	if len(only) == 0 {
		return datasets.All(), nil
	}
	var out []*datasets.Dataset
	for _, n := range only {
		d, err := datasets.Lookup(n)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// removeStale deletes half-built stores left by imports that were killed.
func removeStale(path string) {
	matches, _ := filepath.Glob(path + ".importing-*")
	for _, m := range matches {
		pid, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(m, path+".importing-"), ".wal"))
		if err == nil && pid != os.Getpid() && syscall.Kill(pid, 0) == nil {
			continue // another import is running
		}
		os.Remove(m)
	}
}

// upToDate reports whether the store at path holds exactly these files.
func upToDate(path string, all []*datasets.Dataset, sums []string) bool {
	if !Exists(path) {
		return false
	}
	db, err := openDB(path, true)
	if err != nil {
		return false
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name, sha256, schema_version FROM ` + MetaTable)
	if err != nil {
		return false
	}
	defer rows.Close()
	have := map[string]string{}
	for rows.Next() {
		var n, s string
		var v int
		if rows.Scan(&n, &s, &v) != nil || v != SchemaVersion {
			return false
		}
		have[n] = s
	}
	if rows.Err() != nil || len(have) != len(all) {
		return false
	}
	for i, ds := range all {
		if have[ds.Name] != sums[i] {
			return false
		}
	}
	return true
}

// parallel runs fn(0..n-1) on up to w goroutines and returns the first error;
// after an error no new work starts.
func parallel(ctx context.Context, w, n int, fn func(int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(i); err != nil {
					once.Do(func() { first = err; cancel() })
				}
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}
