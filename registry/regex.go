package registry

import (
	"errors"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// The countrycode package matches country names with Perl (PCRE) regexes,
// case-insensitively. Many use lookaheads, which Go's RE2 engine does not
// support, so each regex is translated into a small boolean program over RE2
// regexes:
//
//   - The pattern is split at its top-level alternations; a name matches if
//     any branch matches.
//   - Leading assertions, "^(?=P)" and "^(?!P)", are anchored at the start of
//     the string, so each becomes a separate test of "^(?:P)" that must
//     succeed (?=) or fail (?!).
//   - Trailing negative lookaheads whose body starts with ".*", as in
//     "india(?!.*ocea)", ask that the rest of the string after the match not
//     contain something. The branch body is matched leftmost-longest, the
//     latest end of any match is taken (the shortest rest, which is the most
//     permissive choice, as Perl's backtracking would find) and P must not
//     match the rest.
//   - A negative lookahead over a fixed sequence of single characters at the
//     end of a branch or assertion, as in "\bniger(?!ia)", "dominica(?!n)"
//     or "n\.?(?!\w)", is rewritten into plain RE2: "(?!ia)" becomes
//     "(?:$|[^i]|i(?:$|[^a]))". This consumes a character, which is harmless
//     at the end of a branch of an unanchored match.
//
// A branch that still holds a lookaround after this is left out (and counted
// in matcher.skipped); with the countrycode code list in the data every
// branch translates (TestRegexesTranslate).

// Translation is string work only; a branch's RE2 regexes are compiled the
// first time an input contains its required literal (requiredLiteral), so a
// lookup compiles only the few branches that could match it.

// cond is an anchored assertion at the start of the string.
type cond struct {
	re  *regexp.Regexp
	neg bool
}

type branch struct {
	lit string // a lower-case literal any match contains, or ""

	// Sources, in RE2 syntax.
	preSrc  []string
	preNeg  []bool
	bodySrc string
	postSrc []string

	once    sync.Once
	err     error
	pre     []cond
	body    *regexp.Regexp
	longest *regexp.Regexp   // body, leftmost-longest; only with post
	post    []*regexp.Regexp // must not match the rest after the body's match
}

// matcher is a translated countrycode regex.
type matcher struct {
	branches []*branch
	skipped  int // branches that could not be translated
}

func (m *matcher) match(s string) bool {
	for _, b := range m.branches {
		if b.match(s) {
			return true
		}
	}
	return false
}

// compileAll compiles every branch now; it returns the first error.
func (m *matcher) compileAll() error {
	for _, b := range m.branches {
		b.once.Do(b.compile)
		if b.err != nil {
			return b.err
		}
	}
	return nil
}

func (b *branch) compile() {
	for i, src := range b.preSrc {
		re, err := compile(src)
		if err != nil {
			b.err = err
			return
		}
		b.pre = append(b.pre, cond{re: re, neg: b.preNeg[i]})
	}
	if b.body, b.err = compile(b.bodySrc); b.err != nil {
		return
	}
	if len(b.postSrc) == 0 {
		return
	}
	if b.longest, b.err = compile(b.bodySrc); b.err != nil {
		return
	}
	b.longest.Longest()
	for _, src := range b.postSrc {
		re, err := compile(src)
		if err != nil {
			b.err = err
			return
		}
		b.post = append(b.post, re)
	}
}

// match reports whether the branch matches s, which must be folded (lower
// case; see fold).
func (b *branch) match(s string) bool {
	// A plain substring test of the branch's distinctive word ("guinea")
	// rules out nearly every branch without a regex.
	if b.lit != "" && !strings.Contains(s, b.lit) {
		return false
	}
	b.once.Do(b.compile)
	if b.err != nil || !b.body.MatchString(s) {
		return false
	}
	for _, c := range b.pre {
		if c.re.MatchString(s) == c.neg {
			return false
		}
	}
	if len(b.post) == 0 {
		return true
	}
	end := -1
	for _, loc := range b.longest.FindAllStringIndex(s, -1) {
		if loc[1] > end {
			end = loc[1]
		}
	}
	if end < 0 {
		return false
	}
	rest := s[end:]
	for _, p := range b.post {
		if p.MatchString(rest) {
			return false
		}
	}
	return true
}

var errUntranslatable = errors.New("lookaround that RE2 cannot express")

// matcherCache keeps translated regexes across registries (tests and
// benchmarks load many); the translation is a pure function of the pattern.
var matcherCache sync.Map // string → *matcher

// translate translates a PCRE-style countrycode regex into a matcher. It
// fails only when no branch can be translated.
func translate(pattern string) (*matcher, error) {
	if m, ok := matcherCache.Load(pattern); ok {
		return m.(*matcher), nil
	}
	m := &matcher{}
	var firstErr error
	for _, alt := range splitTop(pattern) {
		b, err := translateBranch(alt)
		if err != nil {
			m.skipped++
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		m.branches = append(m.branches, b)
	}
	if len(m.branches) == 0 {
		if firstErr == nil {
			firstErr = errors.New("empty pattern")
		}
		return nil, firstErr
	}
	m2, _ := matcherCache.LoadOrStore(pattern, m)
	return m2.(*matcher), nil
}

func translateBranch(alt string) (*branch, error) {
	b := &branch{}
	body := alt
	// Leading anchored assertions.
	if strings.HasPrefix(body, "^(?=") || strings.HasPrefix(body, "^(?!") {
		rest := body[1:]
		for strings.HasPrefix(rest, "(?=") || strings.HasPrefix(rest, "(?!") {
			end := closeParen(rest, 0)
			if end < 0 {
				return nil, errors.New("unbalanced parenthesis")
			}
			inner, err := rewriteTail(rest[3:end])
			if err != nil {
				return nil, err
			}
			b.preSrc = append(b.preSrc, "^(?:"+inner+")")
			b.preNeg = append(b.preNeg, rest[2] == '!')
			rest = rest[end+1:]
		}
		body = "^" + rest
	}
	// Trailing negative lookaheads over the rest of the string: X(?!.*P).
	for strings.HasSuffix(body, ")") {
		open := openParen(body, len(body)-1)
		if open < 0 || !strings.HasPrefix(body[open:], "(?!.*") {
			break
		}
		p, err := rewriteTail(body[open+3 : len(body)-1])
		if err != nil {
			return nil, err
		}
		b.postSrc = append([]string{p}, b.postSrc...)
		body = body[:open]
	}
	body, err := rewriteTail(body)
	if err != nil {
		return nil, err
	}
	b.bodySrc = body
	for _, src := range append(append([]string{body}, b.preSrc...), b.postSrc...) {
		if hasLookaround(src) {
			return nil, errUntranslatable
		}
	}
	b.lit = requiredLiteral(body)
	return b, nil
}

func hasLookaround(expr string) bool {
	return strings.Contains(expr, "(?=") || strings.Contains(expr, "(?!") || strings.Contains(expr, "(?<")
}

func compile(expr string) (*regexp.Regexp, error) {
	if hasLookaround(expr) {
		return nil, errUntranslatable
	}
	return regexp.Compile("(?i)" + expr)
}

// rewriteTail rewrites a negative lookahead over a fixed run of single
// characters that ends s (possibly nested at the end of an enclosing
// branch) into plain RE2. Other lookarounds are left for compile to reject.
func rewriteTail(s string) (string, error) {
	if !strings.HasSuffix(s, ")") {
		return s, nil
	}
	open := openParen(s, len(s)-1)
	if open < 0 || !strings.HasPrefix(s[open:], "(?!") {
		return s, nil
	}
	toks, ok := charTokens(s[open+3 : len(s)-1])
	if !ok {
		return s, errUntranslatable
	}
	var b strings.Builder
	for i, t := range toks {
		b.WriteString("(?:$|")
		b.WriteString(negate(t))
		if i < len(toks)-1 {
			b.WriteString("|")
			b.WriteString(t)
		}
	}
	b.WriteString(strings.Repeat(")", len(toks)))
	return s[:open] + b.String(), nil
}

// charTokens splits s into single-character tokens: literals, escapes and
// bracket classes. ok is false if s holds anything else (a quantifier, a
// group, an alternation, an anchor, a dot).
func charTokens(s string) (toks []string, ok bool) {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\':
			if i+1 >= len(s) {
				return nil, false
			}
			if strings.IndexByte("bBAzZ", s[i+1]) >= 0 {
				return nil, false
			}
			toks = append(toks, s[i:i+2])
			i += 2
		case c == '[':
			end := closeBracket(s, i)
			if end < 0 {
				return nil, false
			}
			toks = append(toks, s[i:end+1])
			i = end + 1
		case strings.IndexByte("()|?*+{}.^$", c) >= 0:
			return nil, false
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			toks = append(toks, s[i:i+size])
			i += size
		}
	}
	return toks, len(toks) > 0
}

// negate returns an RE2 expression matching one character that t does not.
func negate(t string) string {
	switch {
	case strings.HasPrefix(t, "[^"):
		return "[" + t[2:]
	case strings.HasPrefix(t, "["):
		return "[^" + t[1:]
	case len(t) == 2 && t[0] == '\\':
		switch t[1] {
		case 'w', 'd', 's':
			return `\` + strings.ToUpper(t[1:])
		case 'W', 'D', 'S':
			return `\` + strings.ToLower(t[1:])
		}
		return `[^` + t + `]`
	}
	return "[^" + t + "]"
}

// requiredLiteral returns the longest run of ASCII letters and digits
// (three or more) that every match of the branch body contains, in lower
// case: a run outside any group or class and not made optional by a
// quantifier. "^.*\\bkorea" gives "korea", "anguill?a" gives "anguil".
func requiredLiteral(body string) string {
	best, run := "", []byte(nil)
	end := func() {
		if len(run) > len(best) && len(run) >= 3 {
			best = string(run)
		}
		run = run[:0]
	}
	depth := 0
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\\':
			end()
			i++
		case c == '[':
			end()
			if e := closeBracket(body, i); e > 0 {
				i = e
			}
		case c == '(':
			end()
			depth++
		case c == ')':
			end()
			depth--
		case c == '?' || c == '*' || c == '{':
			if len(run) > 0 {
				run = run[:len(run)-1] // the quantified character is optional
			}
			end()
		case depth == 0 && 'A' <= c && c <= 'Z':
			run = append(run, c+('a'-'A'))
		case depth == 0 && ('a' <= c && c <= 'z' || '0' <= c && c <= '9'):
			run = append(run, c)
		default:
			end()
		}
	}
	end()
	return best
}

// splitTop splits a pattern at its top-level '|'.
func splitTop(p string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			if e := closeBracket(p, i); e > 0 {
				i = e
			}
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, p[start:i])
				start = i + 1
			}
		}
	}
	return append(out, p[start:])
}

// closeParen returns the index of the ')' matching the '(' at i, or -1.
func closeParen(p string, i int) int {
	depth := 0
	for ; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			if e := closeBracket(p, i); e > 0 {
				i = e
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// openParen returns the index of the '(' whose matching ')' is at j, or -1.
func openParen(p string, j int) int {
	for i := j; i >= 0; i-- {
		if p[i] == '(' && (i == 0 || p[i-1] != '\\') && closeParen(p, i) == j {
			return i
		}
	}
	return -1
}

// closeBracket returns the index of the ']' closing the class at i, or -1.
func closeBracket(p string, i int) int {
	j := i + 1
	if j < len(p) && p[j] == '^' {
		j++
	}
	if j < len(p) && p[j] == ']' {
		j++
	}
	for ; j < len(p); j++ {
		switch p[j] {
		case '\\':
			j++
		case ']':
			return j
		}
	}
	return -1
}
