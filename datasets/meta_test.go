package datasets

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var knownUnits = map[Unit]bool{
	StateYear: true, DyadYear: true, StateSpell: true, DyadSpell: true, Dispute: true,
	RollCall: true, Vote: true, Event: true, Episode: true, StaticDyad: true, Codebook: true,
}

// bibEntries splits a BibTeX field into its entries, keyed by citation key.
func bibEntries(t *testing.T, name, bibtex string) map[string]string {
	t.Helper()
	out := map[string]string{}
	var starts []int
	for i := 0; i < len(bibtex); i++ {
		if bibtex[i] == '@' && (i == 0 || bibtex[i-1] == '\n') {
			starts = append(starts, i)
		}
	}
	for j, s := range starts {
		end := len(bibtex)
		if j+1 < len(starts) {
			end = starts[j+1]
		}
		entry := strings.TrimSpace(bibtex[s:end])
		open := strings.IndexByte(entry, '{')
		comma := strings.IndexByte(entry, ',')
		if open < 0 || comma < open {
			t.Errorf("%s: malformed BibTeX entry %q", name, clip(entry))
			continue
		}
		key := strings.TrimSpace(entry[open+1 : comma])
		if key == "" {
			t.Errorf("%s: BibTeX entry without a key: %q", name, clip(entry))
			continue
		}
		if _, dup := out[key]; dup {
			t.Errorf("%s: citation key %s appears twice", name, key)
		}
		out[key] = entry
	}
	return out
}

// balanced reports whether the braces in s nest properly.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // skip an escaped character such as \{ or \"
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

func TestCatalogueMetadata(t *testing.T) {
	if len(meta) != len(schemas) {
		t.Errorf("%d metadata entries for %d schemas", len(meta), len(schemas))
	}
	names := map[string]bool{}
	for _, s := range schemas {
		names[s.name] = true
	}
	for name := range meta {
		if !names[name] {
			t.Errorf("metadata for %s, which has no schema", name)
		}
	}
	for _, d := range All() {
		if d.Title == "" || d.Version == "" || d.License == "" {
			t.Errorf("%s: empty title, version or licence", d.Name)
		}
		if !knownUnits[d.Unit] {
			t.Errorf("%s: unknown unit %q", d.Name, d.Unit)
		}
		if !strings.HasPrefix(d.URL, "http") {
			t.Errorf("%s: URL %q does not start with http", d.Name, d.URL)
		}
		if !strings.HasPrefix(d.BibTeX, "@") {
			t.Errorf("%s: BibTeX does not start with @", d.Name)
		}
		if !balanced(d.BibTeX) {
			t.Errorf("%s: BibTeX braces do not balance", d.Name)
		}
		if d.CitationKeys() == "" {
			t.Errorf("%s: no citation keys", d.Name)
		}
		seen := map[string]bool{}
		for _, k := range d.Keys {
			if seen[k] {
				t.Errorf("%s: key column %s listed twice", d.Name, k)
			}
			seen[k] = true
			if _, ok := d.Column(k); !ok {
				t.Errorf("%s: key column %s is not in the schema", d.Name, k)
			}
		}
		for _, c := range d.Caveats {
			if strings.TrimSpace(c) == "" {
				t.Errorf("%s: empty caveat", d.Name)
			}
		}
	}
}

func TestCitationKeysAreConsistent(t *testing.T) {
	text := map[string]string{}
	where := map[string]string{}
	for _, d := range All() {
		entries := bibEntries(t, d.Name, d.BibTeX)
		if got, want := len(entries), len(strings.Split(d.CitationKeys(), ",")); got != want {
			t.Errorf("%s: %d BibTeX entries but %d citation keys", d.Name, got, want)
		}
		for key, entry := range entries {
			if !balanced(entry) {
				t.Errorf("%s: braces of %s do not balance", d.Name, key)
			}
			if prev, ok := text[key]; ok && prev != entry {
				t.Errorf("citation key %s has different BibTeX in %s and %s", key, where[key], d.Name)
				continue
			}
			text[key], where[key] = entry, d.Name
		}
	}
}

func dataDir() string {
	if dir := os.Getenv("BLOC_DATA"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "shared", "data")
}

// TestRealFiles reads every release file through the checking reader, which
// rejects duplicate keys, and compares its row count with the catalogue.
func TestRealFiles(t *testing.T) {
	dir := dataDir()
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Skipf("data directory %s not found; set BLOC_DATA", dir)
	}
	for _, d := range All() {
		d := d
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(dir, d.File)
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				t.Skipf("%s not present", path)
			}
			r, err := Open(d, path)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			rows := 0
			for {
				_, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				rows++
			}
			if rows != d.Rows {
				t.Errorf("%s: %d rows, catalogue says %d", d.File, rows, d.Rows)
			}
		})
	}
}
