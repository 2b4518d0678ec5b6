package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
)

// engineDirs are the packages whose sentences reach a verdict.
var engineDirs = []string{"indicators", "theory", "verdict", "evidence", "monitor", "whatif", "casefile", "world"}

// sayfFormats returns every literal format passed to bloc.Sayf in the
// engine's non-test sources, with the position of its first use.
func sayfFormats(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, dir := range engineDirs {
		files, _ := filepath.Glob(filepath.Join("..", dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Sayf" {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "bloc" {
					return true
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("%s: bloc.Sayf needs a literal format (it is the key of the translations)", fset.Position(call.Pos()))
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				if n, _ := bloc.Verbs(s); n != len(call.Args)-1 && !call.Ellipsis.IsValid() {
					t.Errorf("%s: format %q has %d verbs for %d arguments", fset.Position(call.Pos()), s, n, len(call.Args)-1)
				}
				if _, seen := out[s]; !seen {
					out[s] = fset.Position(call.Pos()).String()
				}
				return true
			})
		}
	}
	return out
}

// TestSayCoverage checks that every sentence the engine builds with
// bloc.Sayf has a Persian translation over the same arguments, and that
// no translation is left over from a sentence the engine no longer says.
func TestSayCoverage(t *testing.T) {
	formats := sayfFormats(t)
	if len(formats) == 0 {
		t.Fatal("no bloc.Sayf call found in the engine")
	}
	for f, pos := range formats {
		fa, ok := sayFA[f]
		if !ok {
			t.Errorf("%s: no Persian translation of %q", pos, f)
			continue
		}
		n, _ := bloc.Verbs(f)
		fn, maxIdx := bloc.Verbs(fa)
		if maxIdx > n || (maxIdx == 0 && fn != n) {
			t.Errorf("%s: the Persian of %q uses %d verbs (highest index %d) for %d arguments: %q", pos, f, fn, maxIdx, n, fa)
		}
		if maxIdx > 0 {
			// Every argument must appear.
			args := make([]string, n)
			for i := range args {
				args[i] = "\x00" + strconv.Itoa(i) + "\x00"
			}
			out := bloc.Render(fa, args)
			for _, a := range args {
				if !strings.Contains(out, a) {
					t.Errorf("%s: the Persian of %q leaves out an argument: %q", pos, f, fa)
					break
				}
			}
		}
		if strings.Contains(bloc.Render(fa, make([]string, n)), "%!") {
			t.Errorf("%s: the Persian of %q does not render: %q", pos, f, fa)
		}
	}
	for f := range sayFA {
		if _, ok := formats[f]; !ok {
			t.Errorf("a Persian translation of %q, which the engine no longer says", f)
		}
	}
}

func TestSay(t *testing.T) {
	iran := bloc.State{CCode: 630, Abb: "IRN", Name: "Iran"}
	russia := bloc.State{CCode: 365, Abb: "RUS", Name: "Russia"}
	const f = "%s's CINC share is %.3f, above %s's"
	sayFA[f] = "سهم CINC %[3]s از %[1]s کمتر است (%[2]s)"
	defer delete(sayFA, f)
	m := bloc.Sayf(f, iran, 0.0153, russia)
	if got := m.String(); got != "Iran's CINC share is 0.015, above Russia's" {
		t.Fatalf("English: %q", got)
	}
	if s, ok := EN.Say(&m, m.String()); !ok || s != m.String() {
		t.Errorf("EN.Say = %q, %v", s, ok)
	}
	if s, ok := FA.Say(&m, m.String()); !ok || s != "سهم CINC روسیه از ایران کمتر است (۰٫۰۱۵)" {
		t.Errorf("FA.Say = %q, %v", s, ok)
	}
	unknown := bloc.Sayf("no translation of %d", 3)
	if s, ok := FA.Say(&unknown, "no translation of 3"); ok || s != "no translation of 3" {
		t.Errorf("FA.Say of an untranslated message = %q, %v", s, ok)
	}
	if s, ok := FA.Say(nil, "plain"); ok || s != "plain" {
		t.Errorf("FA.Say(nil) = %q, %v", s, ok)
	}
	list := bloc.Sayf("threats: %s", bloc.StateList{iran, russia, {CCode: 2, Abb: "USA", Name: "United States of America"}})
	if list.String() != "threats: Iran, Russia and United States of America" {
		t.Errorf("list: %q", list.String())
	}
	if got := FA.arg(list.Args[0]); !strings.Contains(got, " و ") || !strings.Contains(got, "، ") {
		t.Errorf("FA list: %q", got)
	}
}
