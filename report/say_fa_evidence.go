package report

// The evidence weighing's sentences (package evidence). A ledger item's
// note, a year's note of the word-and-deed measure and its summary are made
// of clauses, each a message of its own, joined by monitor.JoinClauses
// (its "%s; %s" is translated in say_fa_monitor.go).

func init() {
	addSayFA(map[string]string{
		"1 theory test had no data and is silent (not weighed).":                                       "یکی از آزمون‌های نظریه‌ها داده نداشت و خاموش است (وزن نشد).",
		"%d theory tests had no data and are silent (not weighed).":                                    "%s آزمون از آزمون‌های نظریه‌ها داده نداشتند و خاموش‌اند (وزن نشدند).",
		"No item of evidence was weighed: the posterior is the prior.":                                 "هیچ شاهدی وزن نشد: احتمال پسین همان احتمال پیشین است.",
		"No evidence ledger for %s→%s: only the theories' tests are weighed (give one with --ledger).": "دفتر شواهدی برای %s→%s نیست: تنها آزمون‌های نظریه‌ها وزن می‌شوند (دفتری را با --ledger بدهید).",
		// A ledger item's note: the rationale and the note are the ledger's
		// own words, left as written.
		"Likelihoods: %s":                                            "درست‌نمایی‌ها: %s",
		"likelihoods clamped to [0.01, 0.99]: %s":                    "درست‌نمایی‌ها به بازهٔ [۰٫۰۱، ۰٫۹۹] محدود شدند: %s",
		"dated %s, more than %d years after the period: not counted": "با تاریخ %s، بیش از %s سال پس از دوره: شمرده نشد",
		"before the period: counted as background of the tendency":   "پیش از دوره: به‌عنوان پیشینهٔ گرایش شمرده شد",
		"after the period":                                           "پس از دوره",
		// A year of the word-and-deed measure. Signed numbers are isolated
		// left to right (U+2066 … U+2069), as Lang.Signed does, so that the
		// sign stays on the left of the digits.
		"from the events engine":                      "از موتور رویدادها",
		"too few events (%.0f verbal, %.0f material)": "شمار رویدادها بسیار کم است (%s گفتاری، %s عملی)",
		"words outrun deeds: material cooperation per cooperative word %.1f%% against %.1f%% elsewhere": "گفتار از کردار پیش می‌افتد: همکاری عملی به ازای هر گفتار همکاری‌جویانه %s٪ در برابر %s٪ با دیگر دولت‌ها",
		"words outrun deeds: words %+.2f, deeds %+.2f":                                                  "گفتار از کردار پیش می‌افتد: گفتار \u2066%s\u2069، کردار \u2066%s\u2069",
		"words %+.2f, deeds %+.2f": "گفتار \u2066%s\u2069، کردار \u2066%s\u2069",
		// The summary: a clause per directed dyad, then a period.
		"%s: no event data": "%s: داده‌ای از رویدادها نیست",
		"%s: words outran deeds in %d of %d years (%d–%d)":                          "%s: گفتار در %s سال از %s سال (%s–%s) از کردار پیش افتاد",
		"%s: words outran deeds in %d of %d years (%d–%d), deed gap %+.1f to %+.1f": "%s: گفتار در %s سال از %s سال (%s–%s) از کردار پیش افتاد، با شکاف کردار از \u2066%s\u2069 تا \u2066%s\u2069",
		"%s.": "%s.",
	})
}
