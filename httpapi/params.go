package httpapi

import (
	"errors"
	"fmt"
	"github.com/bloc-project/bloc/evidence"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/verdict"
)

// Limits on what a request may carry.
const (
	maxQuery    = 2048 // bytes of the raw query string
	maxValue    = 256  // bytes of one parameter
	maxStateArg = 64   // bytes of a state name or code
)

// params parses and checks a request's query: at most maxQuery bytes, each
// parameter known to the endpoint, given once, valid UTF-8 without control
// characters and at most maxValue bytes.
func params(r *http.Request, known ...string) (url.Values, error) {
	raw := r.URL.RawQuery
	if len(raw) > maxQuery {
		return nil, invalid(fmt.Sprintf("the query string is %d bytes; the limit is %d", len(raw), maxQuery))
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return nil, invalid("the query string is malformed: "+err.Error(), "escape special characters, e.g. a=Iran&b=Russia")
	}
	ok := map[string]bool{}
	for _, k := range known {
		ok[k] = true
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !ok[k] {
			return nil, invalid(fmt.Sprintf("unknown parameter %q", trunc(k)), "parameters of "+r.URL.Path+": "+strings.Join(known, ", "))
		}
		vs := q[k]
		if len(vs) > 1 {
			return nil, invalid(fmt.Sprintf("parameter %q is given %d times", k, len(vs)))
		}
		v := vs[0]
		if len(v) > maxValue {
			return nil, invalid(fmt.Sprintf("parameter %q is %d bytes; the limit is %d", k, len(v), maxValue))
		}
		if !utf8.ValidString(v) {
			return nil, invalid(fmt.Sprintf("parameter %q is not valid UTF-8", k))
		}
		for _, c := range v {
			if unicode.IsControl(c) {
				return nil, invalid(fmt.Sprintf("parameter %q contains a control character", k))
			}
		}
	}
	return q, nil
}

func trunc(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// oneOf returns the parameter's value, def when absent, checking it is one
// of the allowed values.
func oneOf(q url.Values, name, def string, allowed ...string) (string, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	for _, a := range allowed {
		if v == a {
			return v, nil
		}
	}
	return "", invalid(fmt.Sprintf("%s=%q is not one of %s", name, trunc(v), strings.Join(allowed, ", ")))
}

// digits reads Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII.
var digits = strings.NewReplacer("۰", "0", "۱", "1", "۲", "2", "۳", "3", "۴", "4", "۵", "5", "۶", "6", "۷", "7", "۸", "8", "۹", "9",
	"٠", "0", "١", "1", "٢", "2", "٣", "3", "٤", "4", "٥", "5", "٦", "6", "٧", "7", "٨", "8", "٩", "9")

// year reads a year parameter: one to four digits (ASCII, Persian or
// Arabic-Indic).
func year(q url.Values, name string) (int, bool, error) {
	s := digits.Replace(strings.TrimSpace(q.Get(name)))
	if s == "" {
		return 0, false, nil
	}
	if len(s) > 4 || strings.Trim(s, "0123456789") != "" {
		return 0, false, invalid(fmt.Sprintf("%s=%q is not a year", name, trunc(s)), "give a year such as 2009")
	}
	y, _ := strconv.Atoi(s)
	return y, true, nil
}

// dyad is the subject of a request: two states as typed and a period.
type dyad struct {
	A, B   string
	Period bloc.Period
	// NoCase asks for no case file and no evidence ledger even where
	// built-in ones exist.
	NoCase bool
	// Prior is the prior of the evidence weighing, ID=P,... as for
	// `bloc explain --prior` ("" for uniform), checked.
	Prior string
}

// dyadParams are the parameters that name a dyad.
var dyadParams = []string{"a", "b", "from", "to", "case", "prior"}

// maxPrior bounds the prior parameter: six theories and the residual with
// their probabilities fit in far less.
const maxPrior = 256

// parseDyad reads a, b, from, to and case: both states required, the
// period both years or neither (the default period), within the store's
// years and at most maxSpan years long.
func (s *Server) parseDyad(q url.Values) (dyad, error) {
	var d dyad
	d.A, d.B = strings.TrimSpace(q.Get("a")), strings.TrimSpace(q.Get("b"))
	if d.A == "" || d.B == "" {
		return d, invalid("give two states, a and b", "e.g. ?a=IRN&b=RUS (names, COW codes and ISO codes work)")
	}
	for _, x := range []string{d.A, d.B} {
		if len(x) > maxStateArg {
			return d, invalid(fmt.Sprintf("a state is at most %d bytes, not %d", maxStateArg, len(x)))
		}
	}
	from, okf, err := year(q, "from")
	if err != nil {
		return d, err
	}
	to, okt, err := year(q, "to")
	if err != nil {
		return d, err
	}
	switch {
	case !okf && !okt:
		d.Period = verdict.DefaultPeriod()
	case okf != okt:
		return d, invalid("give both from and to, or neither (the default period)", fmt.Sprintf("e.g. from=%d&to=%d", verdict.DefaultPeriod().From, verdict.DefaultPeriod().To))
	default:
		p, err := verdict.CheckPeriod(from, to)
		if err != nil {
			return d, err
		}
		d.Period = p
	}
	if d.Period.To > s.mry {
		return d, &bloc.Error{Code: bloc.ENODATA, Message: fmt.Sprintf("the data end in %d; the period %v goes beyond", s.mry, d.Period),
			Hints: []string{fmt.Sprintf("choose years up to %d", s.mry)}}
	}
	if d.Period.Years() > s.cfg.MaxSpan {
		return d, invalid(fmt.Sprintf("the period %v is %d years; the server explains at most %d", d.Period, d.Period.Years(), s.cfg.MaxSpan),
			"use the command line (`bloc explain`) for longer periods")
	}
	switch q.Get("case") {
	case "", "auto":
	case "none":
		d.NoCase = true
	default:
		return d, invalid(fmt.Sprintf("case=%q is not one of auto, none", trunc(q.Get("case"))))
	}
	if pr := strings.TrimSpace(q.Get("prior")); pr != "" {
		if len(pr) > maxPrior {
			return d, invalid(fmt.Sprintf("prior is at most %d bytes, not %d", maxPrior, len(pr)))
		}
		if _, err := evidence.ParsePrior(pr, evidence.Hypotheses()); err != nil {
			var be *bloc.Error
			if errors.As(err, &be) {
				return d, &bloc.Error{Code: bloc.EINVALID, Message: strings.Replace(be.Message, "--prior", "prior", 1),
					Hints: []string{"e.g. prior=BoT=0.4,BfP=0.3 (the rest share what is left); ids: " + strings.Join(priorIDs(), ", ")}}
			}
			return d, err
		}
		d.Prior = pr
	}
	return d, nil
}

// priorIDs lists the short names a prior may use.
func priorIDs() []string {
	var out []string
	for _, h := range evidence.Hypotheses() {
		out = append(out, evidence.Short(h.ID))
	}
	return out
}
