package registry

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalisation. Every name the registry knows and every string it is asked
// to resolve goes through the same two functions:
//
//   - fold lower-cases, strips Latin accents (é→e, ø→o, ß→ss, ...), drops
//     combining marks, normalises Persian/Arabic letter variants (Arabic yeh
//     ي and alef maksura ى → Persian ی, Arabic kaf ك → Persian ک, ة/ۀ → ه,
//     أ/إ/آ/ٱ → ا, ؤ → و), removes ZWNJ, ZWJ, tatweel, bidi controls and BOMs,
//     turns Persian, Arabic-Indic and full-width digits into ASCII digits,
//     maps typographic apostrophes to ' and collapses white space. It keeps
//     punctuation, so the countrycode regexes (which look for "u.s.s.r",
//     "d.p.r.k", ...) see it.
//   - key turns a folded string into a lookup key: letters and digits only,
//     words separated by one space, apostrophes dropped ("people's" →
//     "peoples"), "&" → "and", "saint" → "st", a leading "the" dropped, and
//     runs of single letters joined ("u.s.a." → "usa", "d.r. congo" →
//     "dr congo").

// latinFold maps lower-case accented Latin letters to ASCII.
var latinFold = func() map[rune]string {
	m := make(map[rune]string, 160)
	for _, p := range [...]struct{ from, to string }{
		{"àáâãäåāăąǎȁȃ", "a"}, {"æ", "ae"}, {"çćĉċč", "c"}, {"ďđð", "d"},
		{"èéêëēĕėęěȅȇ", "e"}, {"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįıǐȉȋ", "i"},
		{"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"}, {"ñńņňŉ", "n"},
		{"òóôõöøōŏőǒȍȏ", "o"}, {"œ", "oe"}, {"ŕŗř", "r"}, {"śŝşšș", "s"}, {"ß", "ss"},
		{"ţťŧț", "t"}, {"þ", "th"}, {"ùúûüũūŭůűųǔ", "u"}, {"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"},
	} {
		for _, r := range p.from {
			m[r] = p.to
		}
	}
	return m
}()

// foldRune returns the replacement of r: ok=false drops it, s != "" replaces
// it by a string, otherwise r2 replaces it.
func foldRune(r rune) (r2 rune, s string, ok bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), "", true
		}
		return r, "", true
	case r >= 0x06F0 && r <= 0x06F9: // Extended Arabic-Indic (Persian) digits
		return '0' + (r - 0x06F0), "", true
	case r >= 0x0660 && r <= 0x0669: // Arabic-Indic digits
		return '0' + (r - 0x0660), "", true
	case r >= 0xFF10 && r <= 0xFF19: // full-width digits
		return '0' + (r - 0xFF10), "", true
	}
	switch r {
	case 0x064A, 0x0649: // Arabic yeh, alef maksura
		return 'ی', "", true
	case 0x0643: // Arabic kaf
		return 'ک', "", true
	case 0x0629, 0x06C0: // teh marbuta, heh with yeh above
		return 'ه', "", true
	case 0x0622, 0x0623, 0x0625, 0x0671: // alef with madda / hamza / wasla
		return 'ا', "", true
	case 0x0624: // waw with hamza
		return 'و', "", true
	case 0x0640, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF,
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069:
		return 0, "", false // tatweel, zero-width and bidi controls
	case '’', '‘', 'ʼ', '´', '`', '′':
		return '\'', "", true
	case '“', '”', '„':
		return '"', "", true
	case '‐', '‑', '‒', '–', '—', '−':
		return '-', "", true
	case utf8.RuneError:
		return 0, "", false
	}
	if unicode.Is(unicode.Mn, r) { // combining marks, Arabic harakat
		return 0, "", false
	}
	if unicode.IsSpace(r) {
		return ' ', "", true
	}
	l := unicode.ToLower(r)
	if s, ok := latinFold[l]; ok {
		return 0, s, true
	}
	return l, "", true
}

// fold normalises s for matching; see the package comment above.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading space
	for _, r := range s {
		r2, rep, ok := foldRune(r)
		if !ok {
			continue
		}
		if rep != "" {
			b.WriteString(rep)
			space = false
			continue
		}
		if r2 == ' ' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r2)
		space = false
	}
	out := b.String()
	return strings.TrimSuffix(out, " ")
}

// key turns a folded string into a lookup key; see the package comment above.
func key(folded string) string {
	// Tokenise into buf: words of letters and digits, apostrophes dropped,
	// "&" a word of its own ("and").
	buf := make([]byte, 0, len(folded)+8)
	var words [][2]int // [start, end) in buf
	start := -1
	flush := func() {
		if start >= 0 && len(buf) > start {
			words = append(words, [2]int{start, len(buf)})
		}
		start = -1
	}
	for _, r := range folded {
		switch {
		case r == '\'':
		case r == '&':
			flush()
			start = len(buf)
			buf = append(buf, "and"...)
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = len(buf)
			}
			buf = utf8.AppendRune(buf, r)
		default:
			flush()
		}
	}
	flush()
	word := func(i int) string { return string(buf[words[i][0]:words[i][1]]) }
	single := func(i int) bool { return utf8.RuneCount(buf[words[i][0]:words[i][1]]) == 1 }
	first := 0
	if len(words) > 1 && word(0) == "the" {
		first = 1
	}
	out := make([]byte, 0, len(buf)+len(words))
	for i := first; i < len(words); i++ {
		if len(out) > 0 {
			out = append(out, ' ')
		}
		w := buf[words[i][0]:words[i][1]]
		switch {
		case string(w) == "saint":
			out = append(out, "st"...)
		case single(i) && i+1 < len(words) && single(i+1):
			// Join a run of single letters: "u s a" → "usa".
			for ; i < len(words) && single(i); i++ {
				out = append(out, buf[words[i][0]:words[i][1]]...)
			}
			i--
		default:
			out = append(out, w...)
		}
	}
	return string(out)
}

// isASCIILetters reports whether s is made of ASCII letters only.
func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return s != ""
}

// isDigits reports whether s is made of ASCII digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
