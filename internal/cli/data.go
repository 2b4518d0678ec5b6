package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/duckdb"
	"github.com/bloc-project/bloc/fetch"
)

func (e *env) dataCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "data",
		Short: "Import, inspect and fetch the datasets",
		RunE:  func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(e.importCmd(), e.statusCmd(), e.fetchCmd())
	return c
}

func (e *env) importCmd() *cobra.Command {
	var force bool
	c := &cobra.Command{
		Use:   "import [DIR]",
		Short: "Verify the release files in DIR against MANIFEST.tsv and load them into the store",
		Long: `import checks every file's sha256 against MANIFEST.tsv, checks every row against the dataset's typed
schema (errors name the file, line and column), and loads everything into a new DuckDB database that
replaces the store only when all of it succeeded. A failed or killed import leaves the previous store
as it was. Re-importing unchanged files does nothing (use --force to rebuild).

DIR defaults to --data / $BLOC_DATA.`,
		Example: "  bloc data import ../shared/data\n  bloc --store /tmp/s.duckdb data import --force ../shared/data",
		Args:    maxArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			dir := e.dataDir
			if len(args) == 1 {
				dir = args[0]
			}
			if dir == "" {
				return &bloc.Error{Code: bloc.EINVALID, Message: "no data directory given", Hints: []string{"bloc data import DIR (e.g. ../shared/data), or set BLOC_DATA"}}
			}
			rep, err := e.runImport(c.Context(), dir, force)
			if err != nil {
				return err
			}
			if e.format == "json" {
				return e.print(table{json: rep})
			}
			if rep.UpToDate {
				fmt.Fprintf(e.stdout, "store %s is up to date: %d datasets, checksums unchanged (%.2fs)\n", rep.Store, rep.Datasets, rep.Elapsed.Seconds())
			} else {
				fmt.Fprintf(e.stdout, "imported %d datasets, %d rows into %s in %.2fs\n", rep.Datasets, rep.Rows, rep.Store, rep.Elapsed.Seconds())
			}
			for _, s := range rep.Skipped {
				fmt.Fprintf(e.stdout, "note: %s is in the manifest but bloc has no loader for it; skipped\n", s)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&force, "force", false, "rebuild even when every checksum matches the store")
	return c
}

func (e *env) runImport(ctx context.Context, dir string, force bool) (*duckdb.ImportReport, error) {
	opt := duckdb.ImportOptions{Force: force}
	var p *mpb.Progress
	if !e.quiet && isTerminal(os.Stderr) {
		p = mpb.NewWithContext(ctx, mpb.WithOutput(os.Stderr), mpb.WithWidth(40))
		bar := p.AddBar(int64(len(datasets.All())),
			mpb.PrependDecorators(decor.Name("import "), decor.CountersNoUnit("%d/%d datasets")),
			mpb.AppendDecorators(decor.Elapsed(decor.ET_STYLE_GO)))
		var mu sync.Mutex
		opt.Progress = func(ev duckdb.Event) {
			if ev.Step == "done" {
				mu.Lock()
				bar.Increment()
				mu.Unlock()
			}
		}
		defer func() {
			bar.Abort(false)
			p.Wait()
		}()
	}
	return duckdb.Import(ctx, dir, e.store, opt)
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (e *env) statusCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "List every dataset with its version, rows, years, checksum state and import time",
		Long: `status lists the catalogue: each dataset's version, unit, the rows and years the store holds, whether
its checksum still matches the file in the data directory (verified / changed / missing / not imported),
the import time and the citation keys (` + "`bloc cite NAME`" + ` prints the BibTeX).`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			s, err := duckdb.Open(e.store)
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.Status(c.Context(), e.dataDir)
			if err != nil {
				return err
			}
			t := table{header: []string{"dataset", "version", "unit", "rows", "years", "checksum", "imported", "citation"}, json: st}
			for _, d := range st {
				years, at := "", ""
				if d.YearFrom != nil {
					years = fmt.Sprintf("%d-%d", *d.YearFrom, *d.YearTo)
				} else if d.Checksum != "not imported" {
					years = "time-invariant"
				}
				if !d.ImportedAt.IsZero() {
					at = d.ImportedAt.Format(time.RFC3339)
				}
				t.rows = append(t.rows, []string{d.Name, d.Version, d.Unit, strconv.FormatInt(d.Rows, 10), years, d.Checksum, at, d.Citation})
			}
			return e.print(t)
		},
	}
}

func (e *env) fetchCmd() *cobra.Command {
	var from string
	c := &cobra.Command{
		Use:   "fetch",
		Short: "Download the catalogue's release files into the data directory, verify them, then import",
		Long: `fetch downloads MANIFEST.tsv and every release file the catalogue names from a mirror (an http(s)
URL or a directory) into --data, resuming partial downloads, verifying each sha256, and then imports
them. Files already present with the right checksum are not downloaded again.

The mirror is --from, or $BLOC_MIRROR.`,
		Example: "  bloc --data ~/bloc-data data fetch --from https://example.org/bloc-data/\n  bloc --data ~/bloc-data data fetch --from /mnt/shared/data",
		Args:    noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if from == "" {
				from = os.Getenv("BLOC_MIRROR")
			}
			if from == "" {
				return &bloc.Error{Code: bloc.EINVALID, Message: "no mirror to fetch from", Hints: []string{"pass --from URL|DIR or set BLOC_MIRROR"}}
			}
			if e.dataDir == "" {
				return &bloc.Error{Code: bloc.EINVALID, Message: "no data directory to fetch into", Hints: []string{"pass --data DIR or set BLOC_DATA"}}
			}
			var files []string
			for _, d := range datasets.All() {
				files = append(files, d.File)
			}
			rep, err := fetch.Fetch(c.Context(), from, e.dataDir, files, func(f string, n int64) {
				if !e.quiet {
					fmt.Fprintf(e.stderr, "fetched %s (%d bytes)\n", f, n)
				}
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "fetched %d files (%d bytes), %d already present\n", rep.Downloaded, rep.Bytes, rep.Present)
			ir, err := e.runImport(c.Context(), e.dataDir, false)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "store %s: %d datasets (%.2fs)\n", ir.Store, ir.Datasets, ir.Elapsed.Seconds())
			return nil
		},
	}
	c.Flags().StringVar(&from, "from", "", "mirror: an http(s) URL or a directory holding MANIFEST.tsv and the release files")
	return c
}

func maxArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > n {
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s takes at most %d argument(s), got %d", c.CommandPath(), n, len(args))}
		}
		return nil
	}
}

func minArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s needs %s", c.CommandPath(), what), Hints: []string{fmt.Sprintf("see `%s --help`", c.CommandPath())}}
		}
		return nil
	}
}
