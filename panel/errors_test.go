package panel

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/duckdb"
)

func wantError(t *testing.T, err error, code string, parts ...string) *bloc.Error {
	t.Helper()
	var be *bloc.Error
	if !errors.As(err, &be) {
		t.Fatalf("error %v (%T), want a *bloc.Error", err, err)
	}
	if be.Code != code {
		t.Errorf("code %q, want %q (%v)", be.Code, code, err)
	}
	text := err.Error() + " " + strings.Join(be.Hints, " ")
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("error %q (hints %q) does not mention %q", err, be.Hints, p)
		}
	}
	return be
}

func TestBadOptions(t *testing.T) {
	st := store(t)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		unit  Unit
		opt   Options
		parts []string
	}{
		{"unknown covariate", DyadYear, Options{MRY: 2025, Add: []string{"nmc,alliances"}}, []string{`"alliances"`, "nmc", "atop", "fpsim"}},
		{"from after to", DyadYear, Options{MRY: 2025, From: 2010, To: 2000}, []string{"2010", "2000"}},
		{"before the system", DyadYear, Options{MRY: 2025, From: 1800}, []string{"1800", "1816–2025"}},
		{"after the mry", DyadYear, Options{MRY: 2025, To: 2030}, []string{"2030", "1816–2025"}},
		{"mry before the data end", DyadYear, Options{MRY: 2010}, []string{"2010", "2016"}},
		{"mry in the future", DyadYear, Options{MRY: 3000}, []string{"3000"}},
		{"nmc version", DyadYear, Options{MRY: 2025, NMCVersion: 5, Add: []string{"nmc"}}, []string{"NMC version 5", "6"}},
		{"dyad covariate on state-years", StateYear, Options{MRY: 2025, Add: []string{"atop"}}, []string{`"atop"`, "state-year", "nmc"}},
		{"prd on state-years", StateYear, Options{MRY: 2025, PRD: true}, []string{"--prd"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.unit == StateYear {
				_, err = StateYears(ctx, st, c.opt)
			} else {
				_, err = DyadYears(ctx, st, c.opt)
			}
			if err == nil {
				t.Fatal("no error")
			}
			wantError(t, err, bloc.EINVALID, c.parts...)
		})
	}
}

// A covariate whose dataset the store lacks names the file that brings it.
func TestCovariateNotInStore(t *testing.T) {
	store(t)
	path := filepath.Join(t.TempDir(), "partial.duckdb")
	if _, err := duckdb.Import(context.Background(), testDataDir, path, duckdb.ImportOptions{Only: []string{"isard_cw_system", "false_cow_dyads"}}); err != nil {
		t.Fatal(err)
	}
	st, err := duckdb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := DyadYears(context.Background(), st, Options{MRY: 2025, From: 2000, To: 2000})
	if err != nil {
		t.Fatalf("the universe alone: %v", err)
	}
	p.Close()
	_, err = DyadYears(context.Background(), st, Options{MRY: 2025, Add: []string{"atop", "rivalry"}})
	wantError(t, err, bloc.ENODATA, "atop5_dyad_year", "tss_strategic_rivalries", "atop5_dyad_year.csv.gz", "bloc data import")
}

func TestUnwritableOutput(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2000, To: 2000, Add: []string{"atop"}})
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, path := range []string{
		filepath.Join(dir, "missing", "panel.csv"), // no such directory
		filepath.Join(file, "panel.csv"),           // parent is a file
		dir,                                        // a directory
	} {
		err := p.WriteFile(ctx, path, CSV)
		if err == nil {
			t.Errorf("WriteFile(%s): no error", path)
			continue
		}
		wantError(t, err, bloc.EINVALID, "panel")
	}
	// A write that fails (here: cancelled) leaves neither the file nor a
	// temporary file behind.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	out := filepath.Join(dir, "panel.parquet")
	if err := p.WriteFile(cctx, out, Parquet); err == nil {
		t.Errorf("cancelled write: no error")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "file" {
			t.Errorf("left behind %s", e.Name())
		}
	}
	// Parquet cannot go to a stream.
	if err := p.Write(ctx, &strings.Builder{}, Parquet); err == nil {
		t.Errorf("Parquet to a stream: no error")
	} else {
		wantError(t, err, bloc.EINVALID, "Parquet")
	}
}

func TestClosedPanel(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2000, To: 2000})
	p.Close()
	if err := p.WriteFile(context.Background(), filepath.Join(t.TempDir(), "x.csv"), CSV); err == nil {
		t.Errorf("writing a closed panel: no error")
	}
	if err := p.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
