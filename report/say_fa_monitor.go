package report

// The termination monitor's sentences (package monitor). What met a
// condition in a year is made of clauses, each a message of its own,
// joined pairwise by "%s; %s" (monitor.JoinClauses, which package evidence
// uses too): each clause is translated once, and the join once, whatever
// the number of clauses.

func init() {
	addSayFA(map[string]string{
		// The join of a sentence's clauses (monitor.JoinClauses).
		"%s; %s": "%s؛ %s",
		"No outside threat to %s could be ranked: condition 2 has no data.": "هیچ تهدید بیرونی‌ای برای %s رتبه‌بندی‌پذیر نبود: شرط ۲ داده ندارد.",
		// 1. The partner becomes a threat.
		"I(%s→%s) rose from %.2f to %.2f": "I(%s→%s) از %s به %s افزایش یافت",
		"I(%s→%s) crossed %.2f (%.2f)":    "I(%s→%s) از آستانهٔ %s گذشت (%s)",
		// 2. The common threat fades.
		"I(%s→%s) fell from %.2f to %.2f":    "I(%s→%s) از %s به %s کاهش یافت",
		"I(%s→%s) fell below %.2f (%.2f)":    "I(%s→%s) به زیر آستانهٔ %s رفت (%s)",
		"%s→%s event alignment rose by %.2f": "همسویی رویدادهای %s→%s به اندازهٔ %s افزایش یافت",
		// 3. A partner grows strong.
		"%s's CINC grew %.0f%% since %d": "CINC %[1]s نسبت به سال %[3]s، %[2]s٪ رشد کرد",
		"CINC %s/%s reached %.2f":        "نسبت CINC %s/%s به %s رسید",
		// 4. The alliance loses credibility.
		"%s voted for a UNSC resolution against %s (%s)":            "%s به قطعنامه‌ای در شورای امنیت علیه %s رأی موافق داد (%s)",
		"%s imposed sanctions on %s (%s %s)":                        "%s علیه %s تحریم وضع کرد (%s %s)",
		"an ATOP obligation between %s and %s lapsed in %d":         "یکی از تعهدهای ATOP میان %s و %s در سال %s پایان یافت",
		"unreciprocated ATOP obligations in %d: %s→%s %s, %s→%s %s": "تعهدهای ATOP نامتقابل در سال %s: %s→%s %s، %s→%s %s",
		"UN ideal-point distance widened from %.2f to %.2f":         "فاصلهٔ نقطهٔ آرمانی دو دولت در مجمع عمومی از %s به %s افزایش یافت",
		// The ATOP obligations of a directed dyad, joined by "+".
		"none":           "هیچ",
		"defense":        "دفاع",
		"offense":        "تهاجم",
		"neutrality":     "بی‌طرفی",
		"non-aggression": "عدم تجاوز",
		"consultation":   "مشورت",
		"%s+%s":          "%s+%s",
		// 5. Domestic politics change (polity2 is signed: isolated left to
		// right, U+2066 … U+2069, so that the sign stays on the left).
		"%s's polity2 moved from %g to %g":       "نمرهٔ polity2 %s از \u2066%s\u2069 به \u2066%s\u2069 رسید",
		"%s's polyarchy moved from %.2f to %.2f": "شاخص polyarchy %s از %s به %s رسید",
		// 6. The structure of power changes.
		"concentration moved from %.3f to %.3f": "تمرکز توانمندی‌های قدرت‌های بزرگ از %s به %s رسید",
		"poles went from %.0f to %.0f":          "شمار قطب‌ها از %s به %s رسید",
		"%s's CINC fell %.0f%% since %d":        "CINC %[1]s نسبت به سال %[3]s، %[2]s٪ کاهش یافت",
	})
}
