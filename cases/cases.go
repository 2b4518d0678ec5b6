// Package cases holds the case files shipped with bloc, embedded in the
// binary: the built-in Iran→Russia case typed from the seed paper.
package cases

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed *.yaml
var files embed.FS

// Names returns the names of the shipped case files.
func Names() []string {
	ents, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// Read returns the bytes of a shipped case file.
func Read(name string) ([]byte, error) { return files.ReadFile(name) }
