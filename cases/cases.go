// Package cases holds the case files and evidence ledgers shipped with bloc,
// embedded in the binary: the built-in Iran→Russia case typed from the seed
// paper and its evidence ledger of speech acts and practical actions.
package cases

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.yaml
var files embed.FS

// names returns the shipped files whose names do (ledger) or do not contain
// "evidence".
func names(ledger bool) []string {
	ents, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range ents {
		if strings.Contains(e.Name(), "evidence") == ledger {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// Names returns the names of the shipped case files.
func Names() []string { return names(false) }

// Ledgers returns the names of the shipped evidence ledgers (files named
// *evidence*.yaml; docs/evidence-ledger.md).
func Ledgers() []string { return names(true) }

// Read returns the bytes of a shipped case file or ledger.
func Read(name string) ([]byte, error) { return files.ReadFile(name) }
