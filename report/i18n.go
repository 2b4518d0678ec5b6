package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/registry"
)

// Lang is a language of the reports and the web UI.
type Lang string

// The languages.
const (
	EN Lang = "en"
	FA Lang = "fa"
)

// Langs lists the languages.
var Langs = []Lang{EN, FA}

// ParseLang reads a language code: en or fa.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "en", "english":
		return EN, nil
	case "fa", "persian", "farsi", "فارسی":
		return FA, nil
	}
	return EN, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("language %q is not one of en, fa", s), Hints: []string{"use en (English) or fa (Persian)"}}
}

// Dir returns the writing direction: rtl for Persian, ltr otherwise.
func (l Lang) Dir() string {
	if l == FA {
		return "rtl"
	}
	return "ltr"
}

// T returns the message key in the language, with each {name} replaced by
// the value that follows name in args (pairs: "a", "Iran", ...). A message
// missing in Persian falls back to English, and a missing key is itself.
func (l Lang) T(key string, args ...string) string {
	s, ok := messages[l][key]
	if !ok {
		if s, ok = messages[EN][key]; !ok {
			s = key
		}
	}
	return fill(s, args...)
}

// Has reports whether the language has its own message for key.
func (l Lang) Has(key string) bool {
	_, ok := messages[l][key]
	return ok
}

func fill(s string, args ...string) string {
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	pairs := make([]string, 0, len(args))
	for k := 0; k+1 < len(args); k += 2 {
		pairs = append(pairs, "{"+args[k]+"}", args[k+1])
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// Messages returns the language's catalogue, English filling the gaps, for
// the web UI.
func Messages(l Lang) map[string]string {
	out := make(map[string]string, len(messages[EN]))
	for k, v := range messages[EN] {
		out[k] = v
	}
	for k, v := range messages[l] {
		out[k] = v
	}
	return out
}

// Keys returns every key of the English catalogue, sorted.
func Keys() []string {
	out := make([]string, 0, len(messages[EN]))
	for k := range messages[EN] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// persianDigits maps ASCII digits to Extended Arabic-Indic (Persian) digits.
var persianDigits = strings.NewReplacer("0", "۰", "1", "۱", "2", "۲", "3", "۳", "4", "۴", "5", "۵", "6", "۶", "7", "۷", "8", "۸", "9", "۹")

// Digits writes the numbers in s the way a reader of the language expects:
// in Persian, Persian digits (۰–۹), the Persian decimal separator (٫)
// between digits, the Persian thousands separator (٬) and per cent sign
// (٪). English text is returned as it is.
func (l Lang) Digits(s string) string {
	if l != FA {
		return s
	}
	r := []rune(s)
	isDigit := func(k int) bool { return k >= 0 && k < len(r) && r[k] >= '0' && r[k] <= '9' }
	var b strings.Builder
	for k, c := range r {
		switch {
		case c == '.' && isDigit(k-1) && isDigit(k+1):
			b.WriteRune('٫')
		case c == ',' && isDigit(k-1) && isDigit(k+1):
			b.WriteRune('٬')
		case c == '%':
			b.WriteRune('٪')
		default:
			b.WriteRune(c)
		}
	}
	return persianDigits.Replace(b.String())
}

// Num formats a value with prec decimals, NA (بی‌داده) when missing.
func (l Lang) Num(v bloc.Num, prec int) string {
	if !v.OK {
		return l.T("val.na")
	}
	return l.Digits(strconv.FormatFloat(v.V, 'f', prec, 64))
}

// Signed formats a value with its sign (+0.76, −0.21).
func (l Lang) Signed(v bloc.Num, prec int) string {
	if !v.OK {
		return l.T("val.na")
	}
	s := strconv.FormatFloat(v.V, 'f', prec, 64)
	switch {
	case strings.HasPrefix(s, "-"):
		s = "−" + s[1:]
	case v.V >= 0:
		s = "+" + s
	}
	if l == FA {
		// Keep the sign on the left of the digits inside right-to-left text.
		return "\u2066" + l.Digits(s) + "\u2069"
	}
	return s
}

// Value formats a measure's value compactly (up to 4 significant digits,
// thousands grouped).
func (l Lang) Value(v bloc.Num) string {
	if !v.OK {
		return l.T("val.na")
	}
	x := v.V
	var s string
	switch {
	case x == float64(int64(x)) && x < 1e15 && x > -1e15:
		s = group(strconv.FormatInt(int64(x), 10))
	case x >= 1000 || x <= -1000:
		s = group(strconv.FormatFloat(x, 'f', 0, 64))
	default:
		s = strconv.FormatFloat(x, 'g', 4, 64)
	}
	return l.Digits(s)
}

// group inserts thousands separators into an integer.
func group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) <= 4 {
		if neg {
			return "−" + s
		}
		return s
	}
	var b strings.Builder
	for k, c := range s {
		if k > 0 && (len(s)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// Pct formats a share in [0,1] as a percentage.
func (l Lang) Pct(x float64) string {
	return l.Digits(strconv.FormatFloat(100*x, 'f', 0, 64) + "%")
}

// Int formats an integer.
func (l Lang) Int(n int) string { return l.Digits(strconv.Itoa(n)) }

// Period formats a period: "2009–2018", in Persian "۲۰۰۹ تا ۲۰۱۸".
func (l Lang) Period(p bloc.Period) string {
	if p.From == p.To {
		return l.Int(p.From)
	}
	if l == FA {
		return l.Int(p.From) + " تا " + l.Int(p.To)
	}
	return fmt.Sprintf("%d–%d", p.From, p.To)
}

// StateName returns the state's name in the language: its Persian name
// where one is known, else its COW name.
func (l Lang) StateName(s bloc.State) string {
	if l == FA {
		if n, ok := registry.PersianName(s.CCode); ok {
			return n
		}
	}
	if s.Name != "" {
		return s.Name
	}
	return s.Abb
}

// FaName returns the Persian name of a state, if known.
func FaName(c bloc.CCode) (string, bool) {
	return registry.PersianName(c)
}
