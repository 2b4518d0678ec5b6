package report

import (
	"sync"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/registry"
)

// sayFA holds the Persian translations of the engine's sentences, keyed by
// their English format (bloc.Msg.Format), verbatim. Each engine package's
// sentences are translated in a file of their own (say_fa_*.go), which adds
// them with addSayFA from an init function; TestSayCoverage checks that
// every format the engine passes to bloc.Sayf has a translation with the
// same number of arguments.
var (
	sayFA   = map[string]string{}
	sayFAMu sync.Mutex
)

// addSayFA adds translations: English format → Persian format over the
// arguments as strings (%s, or %[n]s where the order changes).
func addSayFA(m map[string]string) {
	sayFAMu.Lock()
	defer sayFAMu.Unlock()
	for k, v := range m {
		if _, dup := sayFA[k]; dup {
			panic("report: two Persian translations of " + k)
		}
		sayFA[k] = v
	}
}

// Say renders an engine sentence in the language: the message's
// translation with its arguments in the language (states by their names,
// terms from the catalogue, digits in the language's script), or english
// (the sentence as the engine wrote it) when the language is English, the
// message is missing, or it has no translation. ok is false in the last
// two cases.
func (l Lang) Say(m *bloc.Msg, english string) (s string, ok bool) {
	if l == EN || m == nil || m.IsZero() {
		return english, l == EN
	}
	format, found := sayFA[m.Format]
	if !found {
		return english, false
	}
	args := make([]string, len(m.Args))
	for i, a := range m.Args {
		args[i] = l.arg(a)
	}
	return bloc.Render(format, args), true
}

// arg renders one argument of a message in the language.
func (l Lang) arg(a bloc.Arg) string {
	switch {
	case a.Code:
		return a.V
	case a.Msg != nil:
		s, _ := l.Say(a.Msg, a.V)
		return s
	case a.State != 0:
		if n, ok := registry.PersianName(a.State); ok && l == FA {
			return n
		}
		return a.V
	case len(a.States) > 0 && l == FA:
		names := make([]string, len(a.States))
		for i, c := range a.States {
			n, ok := registry.PersianName(c)
			if !ok {
				return a.V
			}
			names[i] = n
		}
		return bloc.JoinAnd(names, "، ", " و ")
	case a.Term != "":
		if l.Has(a.Term) {
			return l.T(a.Term)
		}
		return a.V
	}
	return l.Digits(a.V)
}
