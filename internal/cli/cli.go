// Package cli is bloc's command line: cobra commands that parse flags, call
// the library packages and print their results. It computes nothing itself.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/duckdb"
)

// env is what every command shares: global flags and the output streams.
type env struct {
	dataDir string
	store   string
	format  string
	quiet   bool
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
}

// Main runs the command line and returns the process exit code:
// 0 ok, 1 failure, 2 usage error.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := e.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "bloc: interrupted")
		return 1
	}
	var be *bloc.Error
	if !errors.As(err, &be) {
		// cobra's own errors (unknown command, bad flag) are usage errors.
		if isUsage(err) {
			err = &bloc.Error{Code: bloc.EINVALID, Message: err.Error(), Hints: []string{"see `bloc --help`"}}
		}
	}
	fmt.Fprintf(stderr, "bloc: %v\n", err)
	for _, h := range bloc.ErrorHints(err) {
		fmt.Fprintf(stderr, "  %s\n", h)
	}
	return bloc.ExitCode(err)
}

func isUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "invalid argument", "flag needs an argument", "accepts ", "requires at least", "requires at most", "required flag"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func (e *env) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "bloc",
		Short: "Why does state A align with state B? Test the rival alliance theories on real data.",
		Long: `bloc tests the rival theories of alliance formation — Walt's balance of threat, Waltz's balance of
power, Walt's and Schweller's bandwagoning, economic interdependence, identity — against public
datasets (Correlates of War, ATOP, COW trade, MIDs, UN votes, SIPRI, sanctions, ICEWS), side by side,
with an auditable verdict. It also builds peacesciencer-compatible dyad-year and state-year panels.

Data: bloc reads the release files from a data directory (--data or $BLOC_DATA) and keeps them in an
embedded DuckDB store (--store, default $BLOC_HOME/store.duckdb or ~/.local/share/bloc/store.duckdb).
Commands that need data import them on first use.

Exit codes: 0 ok, 1 failure, 2 usage error.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	pf := root.PersistentFlags()
	pf.StringVar(&e.dataDir, "data", os.Getenv("BLOC_DATA"), "data directory with the release files and MANIFEST.tsv ($BLOC_DATA)")
	pf.StringVar(&e.store, "store", "", "store file (default $BLOC_HOME/store.duckdb or ~/.local/share/bloc/store.duckdb)")
	pf.StringVar(&e.format, "format", "text", "output format: text, json or csv (where output is tabular)")
	pf.BoolVarP(&e.quiet, "quiet", "q", false, "no progress output")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &bloc.Error{Code: bloc.EINVALID, Message: err.Error(), Hints: []string{fmt.Sprintf("see `%s --help`", c.CommandPath())}}
	})
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		switch e.format {
		case "text", "json", "csv", "md", "html":
		default:
			return bloc.Errorf(bloc.EINVALID, "--format %q is not one of text, json, csv", e.format)
		}
		if e.store == "" {
			e.store = duckdb.DefaultPath()
		}
		if e.dataDir != "" {
			if abs, err := filepath.Abs(e.dataDir); err == nil {
				e.dataDir = abs
			}
		}
		return nil
	}
	root.AddCommand(e.dataCmd(), e.citeCmd(), e.versionCmd())
	for _, add := range commands {
		root.AddCommand(add(e))
	}
	return root
}

// commands lists the top-level commands defined in the other files of this
// package; each file registers its own in an init function.
var commands []func(*env) *cobra.Command

// openStore opens the store, importing it from the data directory first when
// there is none yet.
func (e *env) openStore(ctx context.Context) (*duckdb.Store, error) {
	if !duckdb.Exists(e.store) {
		if e.dataDir == "" {
			return nil, &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("no store at %s and no data directory to build it from", e.store),
				Hints: []string{"pass --data DIR (or set BLOC_DATA), e.g. --data ../shared/data", "or run `bloc data import DIR` once"}}
		}
		if !e.quiet {
			fmt.Fprintf(e.stderr, "bloc: no store yet; importing %s into %s\n", e.dataDir, e.store)
		}
		if _, err := e.runImport(ctx, e.dataDir, false); err != nil {
			return nil, err
		}
	}
	return duckdb.Open(e.store)
}

func (e *env) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print bloc's version and the store schema version",
		Args:  noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			fmt.Fprintf(e.stdout, "bloc %s (store schema %d)\n", Version, duckdb.SchemaVersion)
			return nil
		},
	}
}

// Version is bloc's release version.
const Version = "0.1.0"

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s takes no arguments (got %q)", c.CommandPath(), strings.Join(args, " "))}
	}
	return nil
}
