package indicators

import (
	"strings"
	"unicode"

	"github.com/bloc-project/bloc"
)

// Helpers for the sentences of the engine (bloc.Sayf), shared by the
// packages that quote the indicators' sentences in theirs (theory, verdict).

// Quote is a sentence written elsewhere, s, as an argument of bloc.Sayf:
// its message m when it has one that says s, so that each language renders
// it in its own words; else s as bloc.Code, printed as it is.
func Quote(s string, m *bloc.Msg) any {
	if m != nil && !m.IsZero() && m.String() == s {
		return *m
	}
	return bloc.Code(s)
}

// NoteOf is a measure's note as an argument of bloc.Sayf (see Quote).
func NoteOf(m bloc.Measure) any { return Quote(m.Note, m.NoteMsg) }

// Commas is a list of the items joined by commas ("a, b, c") as an argument
// of bloc.Sayf: every item (a string, a bloc.Term, a bloc.Code, a bloc.Msg)
// keeps its kind, joined pairwise by a message, so that any number of them
// is said in every language. One item is returned as it is, none as "".
func Commas[T any](items []T) any {
	return join(items, func(a, b any) bloc.Msg { return bloc.Sayf("%s, %s", a, b) })
}

// Semicolons is Commas with semicolons ("a; b; c").
func Semicolons[T any](items []T) any {
	return join(items, func(a, b any) bloc.Msg { return bloc.Sayf("%s; %s", a, b) })
}

func join[T any](items []T, pair func(a, b any) bloc.Msg) any {
	var list any = ""
	for k, x := range items {
		if k == 0 {
			list = x
		} else {
			list = pair(list, x)
		}
	}
	return list
}

// Untranslated returns the arguments of m, and of the messages it quotes,
// that hold English prose: plain text (not a state, a term, a code or a
// message) with a run of four or more English words (EnglishRun). A
// translation prints such an argument in English; the tests of the
// packages that write sentences check there are none.
func Untranslated(m bloc.Msg) []string {
	var out []string
	for _, a := range m.Args {
		switch {
		case a.Msg != nil:
			out = append(out, Untranslated(*a.Msg)...)
		case a.Code || a.State != 0 || len(a.States) > 0 || a.Term != "":
		default:
			if EnglishRun(a.V) != "" {
				out = append(out, a.V)
			}
		}
	}
	return out
}

// EnglishRun returns the first run of four or more consecutive English
// words in s ("" when there is none): words in Latin script with a
// lower-case letter, so that abbreviations (IRN, CINC) do not count.
func EnglishRun(s string) string {
	var run []string
	for _, w := range strings.Fields(s) {
		if !englishWord(w) {
			if len(run) >= 4 {
				break
			}
			run = run[:0]
			continue
		}
		run = append(run, w)
	}
	if len(run) < 4 {
		return ""
	}
	return strings.Join(run, " ")
}

func englishWord(w string) bool {
	lower := false
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Arabic, r):
			return false
		case r >= 'a' && r <= 'z':
			lower = true
		}
	}
	return lower
}
