package evidence

import (
	"fmt"
	"strings"

	"github.com/bloc-project/bloc"
)

//go:generate go run gen_say.go

// sentence collects the clauses of a sentence the package writes as
// clauses joined by "; " (a ledger item's note, a year's note and the
// summary of the word-and-deed measure), and its end. Each combination of
// clauses is one message of its own (say_gen.go), so that a translation can
// render the whole sentence.
type sentence struct {
	ids  []string
	args []any
	end  string
}

// add appends the clause id (a key of clauses) over args.
func (s *sentence) add(id string, args ...any) {
	s.ids = append(s.ids, id)
	s.args = append(s.args, args...)
}

// say returns the sentence in English and as a message. A combination of
// clauses gen_say.go does not list has no message (a zero Msg); its English
// is the clauses joined.
func (s sentence) say() (string, bloc.Msg) {
	if len(s.ids) == 0 {
		return "", bloc.Msg{}
	}
	if m, ok := composed(strings.Join(s.ids, " "), s.args); ok {
		return m.String(), m
	}
	parts := make([]string, len(s.ids))
	args := s.args
	for k, id := range s.ids {
		n, _ := bloc.Verbs(clauses[id])
		parts[k] = fmt.Sprintf(clauses[id], args[:n]...)
		args = args[n:]
	}
	return strings.Join(parts, "; ") + s.end, bloc.Msg{}
}

// msgPtr returns a pointer to a copy of m, or nil for a zero message.
func msgPtr(m bloc.Msg) *bloc.Msg {
	if m.IsZero() {
		return nil
	}
	return &m
}
