package report

import (
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/monitor"
)

// The termination monitor's sentences (package monitor). What met a
// condition in a year is made of clauses joined by "; "; the monitor lists
// every combination it says (monitor.SayFormats), and each is translated
// clause by clause from monitorClausesFA.

var monitorClausesFA = map[string]string{
	// 1. The partner becomes a threat.
	"I(%s→%s) rose from %.2f to %.2f": "I(%s→%s) از %s به %s افزایش یافت",
	"I(%s→%s) crossed %.2f (%.2f)":    "I(%s→%s) از آستانهٔ %s گذشت (%s)",
	// 2. The common threat fades.
	"I(%s→%s) fell from %.2f to %.2f":    "I(%s→%s) از %s به %s کاهش یافت",
	"I(%s→%s) fell below %.2f (%.2f)":    "I(%s→%s) به زیر آستانهٔ %s رفت (%s)",
	"%s→%s event alignment rose by %.2f": "همسویی رویدادهای %s→%s به اندازهٔ %s افزایش یافت",
	// 3. A partner grows strong.
	"%s's CINC grew %.0f%% since %d": "CINC %[1]s نسبت به %[3]s، %[2]s٪ رشد کرد",
	"CINC %s/%s reached %.2f":        "نسبت CINC %s/%s به %s رسید",
	// 4. The alliance loses credibility.
	"%s voted for a UNSC resolution against %s (%s)":            "%s به قطعنامه‌ای در شورای امنیت علیه %s رأی موافق داد (%s)",
	"%s imposed sanctions on %s (%s %s)":                        "%s علیه %s تحریم وضع کرد (%s %s)",
	"an ATOP obligation between %s and %s lapsed in %d":         "یکی از تعهدهای ATOP میان %s و %s در سال %s پایان یافت",
	"unreciprocated ATOP obligations in %d: %s→%s %s, %s→%s %s": "تعهدهای ATOP نامتقابل در سال %s: %s→%s %s، %s→%s %s",
	"UN ideal-point distance widened from %.2f to %.2f":         "فاصلهٔ نقطهٔ آرمانی دو دولت در مجمع عمومی از %s به %s افزایش یافت",
	// 5. Domestic politics change (polity2 is signed: isolated left to
	// right, U+2066 … U+2069, so that the sign stays on the left).
	"%s's polity2 moved from %g to %g":       "نمرهٔ polity2 %s از \u2066%s\u2069 به \u2066%s\u2069 رسید",
	"%s's polyarchy moved from %.2f to %.2f": "شاخص polyarchy %s از %s به %s رسید",
	// 6. The structure of power changes.
	"concentration moved from %.3f to %.3f": "تمرکز توانمندی‌های قدرت‌های بزرگ از %s به %s رسید",
	"poles went from %.0f to %.0f":          "شمار قطب‌ها از %s به %s رسید",
	"%s's CINC fell %.0f%% since %d":        "CINC %[1]s نسبت به %[3]s، %[2]s٪ کاهش یافت",
}

func init() {
	addSayFA(map[string]string{
		"No outside threat to %s could be ranked: condition 2 has no data.": "هیچ تهدید بیرونی‌ای برای %s رتبه‌بندی‌پذیر نبود: شرط ۲ داده ندارد.",
	})
	addSayFA(composeFA(monitor.SayFormats(), monitorClausesFA))
}

// composeFA translates sentences made of clauses joined by "; " (and
// perhaps ended by "."): each clause by its translation in clauses, the
// clauses joined by "؛ ", their arguments renumbered. A sentence with a
// clause not in clauses is left out (TestSayCoverage reports it).
func composeFA(formats []string, clauses map[string]string) map[string]string {
	out := map[string]string{}
next:
	for _, f := range formats {
		body, end := strings.CutSuffix(f, ".")
		var fa []string
		n := 0
		for _, c := range strings.Split(body, "; ") {
			t, ok := clauses[c]
			if !ok {
				continue next
			}
			if n > 0 {
				t = shiftArgs(t, n)
			}
			fa = append(fa, t)
			k, _ := bloc.Verbs(c)
			n += k
		}
		out[f] = strings.Join(fa, "؛ ")
		if end {
			out[f] += "."
		}
	}
	return out
}

// shiftArgs rewrites a translation's verbs (%s, %[n]s) as explicit indexes
// shifted by n, for a clause that follows n arguments.
func shiftArgs(t string, n int) string {
	var b strings.Builder
	next := 1
	for i := 0; i < len(t); i++ {
		if t[i] != '%' || i+1 >= len(t) {
			b.WriteByte(t[i])
			continue
		}
		switch rest := t[i+1:]; {
		case rest[0] == '%':
			b.WriteString("%%")
			i++
		case rest[0] == 's':
			b.WriteString("%[" + strconv.Itoa(next+n) + "]s")
			next++
			i++
		case rest[0] == '[':
			j := strings.Index(rest, "]s")
			idx, err := strconv.Atoi(rest[1:max(j, 1)])
			if j < 0 || err != nil {
				b.WriteByte(t[i])
				continue
			}
			b.WriteString("%[" + strconv.Itoa(idx+n) + "]s")
			next = idx + 1
			i += j + 2
		default:
			b.WriteByte(t[i])
		}
	}
	return b.String()
}
