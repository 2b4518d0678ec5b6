package bloc

import (
	"fmt"
	"strconv"
	"strings"
)

// Msg is a sentence of the engine kept in a form any language can render:
// its English format (a fmt format, and the key of its translations) and its
// arguments, each already formatted in English and marked when it names a
// state or a term of the vocabulary. The engine builds sentences with Sayf;
// the verdict carries the English text (e.g. Test.Why) and, beside it, the
// message (Test.WhyMsg), so that a report in another language can say the
// same thing (report.Lang.Say) from the JSON alone.
//
// A translation is a fmt format over the arguments as strings, with
// explicit indexes where the order changes: "%[2]s ... %[1]s".
type Msg struct {
	// Format is the English fmt format, verbatim as in the engine's source.
	Format string `json:"format"`
	Args   []Arg  `json:"args,omitempty"`
}

// Arg is one argument of a message.
type Arg struct {
	// V is the argument formatted in English by its verb in the format.
	V string `json:"v"`
	// State is set when the argument names a state (V is its English name).
	State CCode `json:"state,omitempty"`
	// States is set when the argument lists states (V is the English list).
	States []CCode `json:"states,omitempty"`
	// Term is set when the argument is a term of the vocabulary: its
	// catalogue key (e.g. "theory.walt"), V its English wording.
	Term string `json:"term,omitempty"`
	// Msg is set when the argument is itself a message (a clause another
	// part of the engine wrote): V is its English, and a translation
	// renders the message in its own language.
	Msg *Msg `json:"msg,omitempty"`
	// Code is set when the argument is printed as it is in every language:
	// an identifier, a dataset or variable name, a rule, a document symbol
	// (no digits converted, nothing translated).
	Code bool `json:"code,omitempty"`
}

// Code is text passed to Sayf that every language prints as it is (a
// dataset name such as cow_contdir_v3.2, a rule, a test id).
type Code string

// Abbr is a state passed to Sayf that English names by its COW
// abbreviation (IRN) and other languages by their name of the state.
type Abbr struct {
	CCode CCode
	Abb   string
}

// String returns the abbreviation.
func (a Abbr) String() string { return a.Abb }

// AbbArg is the state as an argument of Sayf named by its abbreviation.
func (s State) AbbArg() Abbr { return Abbr{CCode: s.CCode, Abb: s.Abb} }

// Term is a word of the vocabulary passed to Sayf: its catalogue key and
// its English wording (what %s prints).
type Term struct{ Key, Text string }

// String returns the English wording.
func (t Term) String() string { return t.Text }

// StateList is a list of states passed to Sayf; %s prints their English
// names joined with commas and "and".
type StateList []State

// String joins the English names.
func (l StateList) String() string {
	names := make([]string, len(l))
	for i, s := range l {
		names[i] = s.Label()
	}
	return JoinAnd(names, ", ", " and ")
}

// Label is the state's English name, or its abbreviation without one.
func (s State) Label() string {
	if s.Name != "" {
		return s.Name
	}
	if s.Abb != "" {
		return s.Abb
	}
	return strconv.Itoa(int(s.CCode))
}

// JoinAnd joins words as a list: "a", "a and b", "a, b and c".
func JoinAnd(words []string, comma, and string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], comma) + and + words[len(words)-1]
}

// Sayf builds a message: format is a fmt format whose verbs take args in
// order (no explicit indexes). A State argument prints its English name, a
// StateList the names joined, a Term its wording, a Msg (or *Msg) its
// English, kept as a nested message; every other argument is
// formatted by its verb as fmt.Sprintf would.
func Sayf(format string, args ...any) Msg {
	m := Msg{Format: format, Args: make([]Arg, 0, len(args))}
	verbs, _ := verbsOf(format)
	for i, a := range args {
		spec := "%v"
		if i < len(verbs) {
			spec = verbs[i]
		}
		switch x := a.(type) {
		case State:
			m.Args = append(m.Args, Arg{V: x.Label(), State: x.CCode})
		case *State:
			m.Args = append(m.Args, Arg{V: x.Label(), State: x.CCode})
		case StateList:
			codes := make([]CCode, len(x))
			for k, s := range x {
				codes[k] = s.CCode
			}
			m.Args = append(m.Args, Arg{V: x.String(), States: codes})
		case Term:
			m.Args = append(m.Args, Arg{V: x.Text, Term: x.Key})
		case Code:
			m.Args = append(m.Args, Arg{V: fmt.Sprintf(spec, string(x)), Code: true})
		case Abbr:
			m.Args = append(m.Args, Arg{V: fmt.Sprintf(spec, x.Abb), State: x.CCode})
		case Msg:
			m.Args = append(m.Args, Arg{V: x.String(), Msg: &x})
		case *Msg:
			if x == nil {
				m.Args = append(m.Args, Arg{V: fmt.Sprintf(spec, "")})
				break
			}
			m.Args = append(m.Args, Arg{V: x.String(), Msg: x})
		default:
			m.Args = append(m.Args, Arg{V: fmt.Sprintf(spec, a)})
		}
	}
	return m
}

// String is the message in English.
func (m Msg) String() string { return Render(m.Format, m.strings()) }

// IsZero reports whether the message is empty.
func (m Msg) IsZero() bool { return m.Format == "" }

func (m Msg) strings() []string {
	out := make([]string, len(m.Args))
	for i, a := range m.Args {
		out[i] = a.V
	}
	return out
}

// Render fills format with the already formatted args: the English format's
// verbs take them in order, a translation's %[n]s by index.
func Render(format string, args []string) string {
	var b strings.Builder
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		j, idx, ok := parseVerb(format, i)
		if !ok {
			b.WriteByte(c)
			continue
		}
		if format[j-1] == '%' { // "%%"
			b.WriteByte('%')
			i = j - 1
			continue
		}
		n := next
		if idx > 0 {
			n = idx - 1
		}
		next = n + 1
		if n < len(args) {
			b.WriteString(args[n])
		} else {
			b.WriteString("%!(MISSING)")
		}
		i = j - 1
	}
	return b.String()
}

// Verbs counts the argument verbs of a format and reports the highest
// explicit index it uses (0 when none).
func Verbs(format string) (n, maxIndex int) {
	specs, maxIndex := verbsOf(format)
	return len(specs), maxIndex
}

// verbsOf returns each argument verb of format as a format of its own
// ("%.2f", "%d", ...; an explicit index dropped) and the highest explicit
// index (0 when none).
func verbsOf(format string) (specs []string, maxIndex int) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j, idx, ok := parseVerb(format, i)
		if !ok {
			continue
		}
		if format[j-1] != '%' {
			spec := format[i:j]
			if k := strings.IndexByte(spec, ']'); k >= 0 {
				spec = "%" + spec[k+1:]
			}
			specs = append(specs, spec)
			maxIndex = max(maxIndex, idx)
		}
		i = j - 1
	}
	return specs, maxIndex
}

// parseVerb reads the verb that starts at format[i] == '%': flags, an
// optional [n] index, width, precision and the verb letter. It returns the
// end (exclusive), the index (0 without one) and whether a verb was found.
func parseVerb(format string, i int) (end, index int, ok bool) {
	j := i + 1
	for j < len(format) && strings.IndexByte("+-# 0", format[j]) >= 0 {
		j++
	}
	if j < len(format) && format[j] == '[' {
		k := strings.IndexByte(format[j:], ']')
		if k < 0 {
			return 0, 0, false
		}
		n, err := strconv.Atoi(format[j+1 : j+k])
		if err != nil || n < 1 {
			return 0, 0, false
		}
		index = n
		j += k + 1
	}
	for j < len(format) && (format[j] >= '0' && format[j] <= '9' || format[j] == '.') {
		j++
	}
	if j >= len(format) {
		return 0, 0, false
	}
	return j + 1, index, true
}
