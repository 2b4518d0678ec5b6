package report

// Persian translations of the sentences of package verdict: the check of
// each claim of a case's source against the data (ClaimCheck.Why) and the
// verdict's notes (Verdict.Notes).
func init() {
	addSayFA(map[string]string{
		// A claim whose check or arguments are wrong.
		"unknown check %q": "نوع سنجش %s ناشناخته است",
		"the claim's arguments are wrong: missing argument %q":            "پارامترهای ادعا نادرست‌اند: پارامتر %s داده نشده است",
		"the claim's arguments are wrong: no state %q":                    "پارامترهای ادعا نادرست‌اند: دولتی با نام %s یافت نشد",
		"the claim's arguments are wrong: argument %s=%q is not a number": "پارامترهای ادعا نادرست‌اند: مقدار %s=%s عدد نیست",
		"the claim's arguments are wrong: no fact %q in the case file":    "پارامترهای ادعا نادرست‌اند: واقعیتی با شناسهٔ %s در پرونده نیست",
		"the claim's arguments are wrong: no theory %q":                   "پارامترهای ادعا نادرست‌اند: نظریه‌ای با شناسهٔ %s وجود ندارد",
		"the claim's arguments are wrong: theory %s has no test %q":       "پارامترهای ادعا نادرست‌اند: نظریهٔ %s آزمونی با شناسهٔ %s ندارد",
		"Not testable with the loaded data.":                              "با داده‌های بارگذاری‌شده آزمون‌پذیر نیست.",
		"No loaded dataset covers this; the case file records: %s.":       "هیچ مجموعه‌دادهٔ بارگذاری‌شده‌ای این ادعا را پوشش نمی‌دهد؛ آنچه پرونده ثبت کرده است: %s.",

		// A fact of the case file: its words (a code), rank, value, date
		// and verification status.
		"%s (%s)":                    "%s (%s)",
		"%s, %g (%s)":                "%s، %s (%s)",
		"%s, rank %d (%s)":           "%s، رتبهٔ %s (%s)",
		"%s, rank %d, %g (%s)":       "%s، رتبهٔ %s، %s (%s)",
		"%s, rank %d of %d (%s)":     "%s، رتبهٔ %s از %s (%s)",
		"%s, rank %d of %d, %g (%s)": "%s، رتبهٔ %s از %s، %s (%s)",
		"%s [%s]":                    "%s [%s]",
		"%s [%s: %s]":                "%s [%s: %s]",

		// Power and offensive capabilities.
		"no CINC for %s in %d.":                                                                           "CINC %s در سال %s در دست نیست.",
		"%s ranks %d of %d by CINC in %d (COW NMC).":                                                      "%[1]s از نظر CINC در سال %[4]s رتبهٔ %[2]s از %[3]s را دارد (COW NMC).",
		"%s ranks %d of %d by CINC in %d (COW NMC). Case file: %s.":                                       "%[1]s از نظر CINC در سال %[4]s رتبهٔ %[2]s از %[3]s را دارد (COW NMC). در پرونده: %[5]s.",
		"no CINC for one of the states.":                                                                  "CINC یکی از دو دولت در دست نیست.",
		"CINC %s %.4f, %s %.4f in %d: %s has %.1f times %s's capabilities.":                               "CINC در سال %[5]s: %[1]s %[2]s و %[3]s %[4]s؛ توانمندی‌های %[6]s %[7]s برابر توانمندی‌های %[8]s است.",
		"no offensive-power data for %s.":                                                                 "داده‌ای از توانمندی تهاجمی %s در دست نیست.",
		"%s's offensive-power index is %.2f, rank %d of %d (military spending, personnel, arms exports).": "شاخص توانمندی تهاجمی %s برابر %s است، رتبهٔ %s از %s (هزینهٔ نظامی، نیروی نظامی و صادرات تسلیحات).",

		// Proximity.
		"COW contiguity does not cover the period: %s":                                         "دادهٔ هم‌مرزی COW این دوره را پوشش نمی‌دهد: %s",
		"COW codes %s–%s as contiguous (type %.0f) in %d.":                                     "COW در سال %[4]s، %[1]s و %[2]s را هم‌مرز (نوع %[3]s) کدگذاری کرده است.",
		"COW Direct Contiguity codes %s and %s as not contiguous in %d.":                       "دادهٔ هم‌مرزی مستقیم COW در سال %[3]s، %[1]s و %[2]s را هم‌مرز کدگذاری نکرده است.",
		"COW Direct Contiguity codes %s and %s as not contiguous in %d (contiguous until %d).": "دادهٔ هم‌مرزی مستقیم COW در سال %[3]s، %[1]s و %[2]s را هم‌مرز کدگذاری نکرده است (تا %[4]s هم‌مرز بودند).",
		"COW Direct Contiguity codes %s and %s as not contiguous in %d. The territories are %.1f km apart at the closest (CShapes, %d): near, but not neighbours in COW's coding.":                                                "دادهٔ هم‌مرزی مستقیم COW در سال %[3]s، %[1]s و %[2]s را هم‌مرز کدگذاری نکرده است. کمترین فاصلهٔ سرزمین‌های دو دولت %[4]s کیلومتر است (CShapes، %[5]s): نزدیک‌اند، اما در کدگذاری COW همسایه نیستند.",
		"COW Direct Contiguity codes %s and %s as not contiguous in %d (contiguous until %d). The territories are %.1f km apart at the closest (CShapes, %d): near, but not neighbours in COW's coding.":                          "دادهٔ هم‌مرزی مستقیم COW در سال %[3]s، %[1]s و %[2]s را هم‌مرز کدگذاری نکرده است (تا %[4]s هم‌مرز بودند). کمترین فاصلهٔ سرزمین‌های دو دولت %[5]s کیلومتر است (CShapes، %[6]s): نزدیک‌اند، اما در کدگذاری COW همسایه نیستند.",
		"COW Direct Contiguity codes %s and %s as not contiguous in %d. The territories are %.1f km apart at the closest (CShapes, %d) and the capitals %.0f km: near, but not neighbours in COW's coding.":                       "دادهٔ هم‌مرزی مستقیم COW در سال %[3]s، %[1]s و %[2]s را هم‌مرز کدگذاری نکرده است. کمترین فاصلهٔ سرزمین‌های دو دولت %[4]s کیلومتر (CShapes، %[5]s) و فاصلهٔ پایتخت‌ها %[6]s کیلومتر است: نزدیک‌اند، اما در کدگذاری COW همسایه نیستند.",
		"COW Direct Contiguity codes %s and %s as not contiguous in %d (contiguous until %d). The territories are %.1f km apart at the closest (CShapes, %d) and the capitals %.0f km: near, but not neighbours in COW's coding.": "دادهٔ هم‌مرزی مستقیم COW در سال %[3]s، %[1]s و %[2]s را هم‌مرز کدگذاری نکرده است (تا %[4]s هم‌مرز بودند). کمترین فاصلهٔ سرزمین‌های دو دولت %[5]s کیلومتر (CShapes، %[6]s) و فاصلهٔ پایتخت‌ها %[7]s کیلومتر است: نزدیک‌اند، اما در کدگذاری COW همسایه نیستند.",
		"No neighbour of %s (contiguous or within %.0f km) is stronger than it.":                                                                                                "هیچ‌یک از همسایگان %s (هم‌مرز یا در فاصلهٔ %s کیلومتری) از آن نیرومندتر نیست.",
		"%s is the strongest state in %s's neighbourhood (contiguous or within %.0f km): CINC %.3f against %.3f, so Waltz's balance of power expects %s to balance against it.": "%s نیرومندترین دولت همسایگی %s است (هم‌مرز یا در فاصلهٔ %s کیلومتری): CINC %s در برابر %s؛ پس موازنه قوای والتز انتظار دارد %s در برابر آن موازنه کند.",
		"The strongest state in %s's neighbourhood is %s, not %s.":                                                                                                              "نیرومندترین دولت همسایگی %s، %s است، نه %s.",

		// Intentions and threats.
		"no intentions data.": "داده‌ای دربارهٔ نیات در دست نیست.",
		"%s's aggressive-intentions index towards %s is %.2f (below %.2f counts as not aggressive): no MIDs, rivalry or sanctions; conflict is %.0f%% of its events.":  "شاخص نیات تهاجمی %s نسبت به %s برابر %s است (کمتر از %s غیرتهاجمی شمرده می‌شود): نه منازعهٔ نظامی (MID)، نه رقابت راهبردی و نه تحریم؛ %s٪ رویدادهای آن منازعه‌آمیز است.",
		"%s's aggressive-intentions index towards %s is %.2f (below %.2f counts as not aggressive): no MIDs, rivalry or sanctions; conflict is unknown of its events.": "شاخص نیات تهاجمی %s نسبت به %s برابر %s است (کمتر از %s غیرتهاجمی شمرده می‌شود): نه منازعهٔ نظامی (MID)، نه رقابت راهبردی و نه تحریم؛ سهم رویدادهای منازعه‌آمیز آن نامعلوم است.",
		"%s's aggressive-intentions index towards %s is %.2f.":                                                             "شاخص نیات تهاجمی %s نسبت به %s برابر %s است.",
		"%s's threat to %s could not be ranked.":                                                                           "تهدید %s برای %s را نمی‌توان رتبه‌بندی کرد.",
		"%s ranks %d of %d among %s's threats (%s index %.3f; first five: %s; %.0f%% of sampled weightings put it first).": "%[1]s در میان تهدیدهای %[4]s رتبهٔ %[2]s از %[3]s را دارد (شاخص %[5]s %[6]s؛ پنج تهدید نخست: %[7]s؛ در %[8]s٪ وزن‌دهی‌های نمونه‌گیری‌شده نخست است).",
		"%s opposes %s: %s.":                      "%s مخالف %s است: %s.",
		"Nothing in the data sets %s against %s.": "هیچ چیز در داده‌ها %s را در برابر %s قرار نمی‌دهد.",

		// The tie.
		"The data show an alignment: %s. In Snyder's terms that is an alignment, not an alliance: there is no defense pledge.": "داده‌ها همسویی (صف‌بندی) نشان می‌دهند: %s. به تعبیر اسنایدر این همسویی است، نه اتحاد: تعهد دفاعی در کار نیست.",
		"The data show an %s: %s.": "به گواهی داده‌ها، نوع پیوند «%s» است: %s.",
		"The data show a %s: %s.":  "به گواهی داده‌ها، نوع پیوند «%s» است: %s.",

		// The theories.
		// A clause per theory, listed with "%s; %s" (say_fa_monitor.go).
		"none of the theories is testable: %s": "هیچ‌یک از نظریه‌ها آزمون‌پذیر نیست: %s",
		"Congruence: %s.":                      "هم‌خوانی: %s.",
		"%s not testable":                      "%s آزمون‌ناپذیر است",
		"%s %+.2f (rank %d)":                   "%s \u2066%s\u2069 (رتبهٔ %s)",
		// A theory's test: its Why, without the final period, then the test.
		"%s (%s: %s).": "آزمون %[2]s (%[3]s): %[1]s",

		// Gains of bandwagoning for profit.
		"no gain could be measured.":                               "هیچ سودی را نمی‌توان سنجید.",
		"Gains found: none; not found: %s.":                        "سودهای یافته‌شده: هیچ؛ سودهای یافته‌نشده: %s.",
		"Gains found: %s; not found: none.":                        "سودهای یافته‌شده: %s؛ سودهای یافته‌نشده: هیچ.",
		"Gains found: %s; not found: %s.":                          "سودهای یافته‌شده: %s؛ سودهای یافته‌نشده: %s.",
		"Gains found: none; not found: %s. The tie is an %s (%s).": "سودهای یافته‌شده: هیچ؛ سودهای یافته‌نشده: %s. نوع پیوند «%s» است (%s).",
		"Gains found: none; not found: %s. The tie is a %s (%s).":  "سودهای یافته‌شده: هیچ؛ سودهای یافته‌نشده: %s. نوع پیوند «%s» است (%s).",
		"Gains found: %s; not found: none. The tie is an %s (%s).": "سودهای یافته‌شده: %s؛ سودهای یافته‌نشده: هیچ. نوع پیوند «%s» است (%s).",
		"Gains found: %s; not found: none. The tie is a %s (%s).":  "سودهای یافته‌شده: %s؛ سودهای یافته‌نشده: هیچ. نوع پیوند «%s» است (%s).",
		"Gains found: %s; not found: %s. The tie is an %s (%s).":   "سودهای یافته‌شده: %s؛ سودهای یافته‌نشده: %s. نوع پیوند «%s» است (%s).",
		"Gains found: %s; not found: %s. The tie is a %s (%s).":    "سودهای یافته‌شده: %s؛ سودهای یافته‌نشده: %s. نوع پیوند «%s» است (%s).",

		// Schweller's types.
		"no revisionism data: %s":                                                                                                                "داده‌ای دربارهٔ تجدیدنظرطلبی در دست نیست: %s",
		"%s is a %s: ; status-quo leader %s.":                                                                                                    "%s «%s» است؛ رهبر وضع موجود: %s.",
		"%s is a %s: power percentile %.2f; status-quo leader %s.":                                                                               "%s «%s» است: صدک قدرت %s؛ رهبر وضع موجود: %s.",
		"%s is a %s: aims %s (revision dimensions: %s); status-quo leader %s.":                                                                   "%s «%s» است: هدف‌های %s (ابعاد تجدیدنظرطلبی: %s)؛ رهبر وضع موجود: %s.",
		"%s is a %s: aims %s (revision dimensions: %s), power percentile %.2f; status-quo leader %s.":                                            "%s «%s» است: هدف‌های %s (ابعاد تجدیدنظرطلبی: %s)، صدک قدرت %s؛ رهبر وضع موجود: %s.",
		"%s is a %s: revisionist (VR − VSQ %.2f); status-quo leader %s.":                                                                         "%s «%s» است: تجدیدنظرطلب (VR − VSQ %s)؛ رهبر وضع موجود: %s.",
		"%s is a %s: revisionist (VR − VSQ %.2f), power percentile %.2f; status-quo leader %s.":                                                  "%s «%s» است: تجدیدنظرطلب (VR − VSQ %s)، صدک قدرت %s؛ رهبر وضع موجود: %s.",
		"%s is a %s: revisionist (VR − VSQ %.2f), aims %s (revision dimensions: %s); status-quo leader %s.":                                      "%s «%s» است: تجدیدنظرطلب (VR − VSQ %s)، با هدف‌های %s (ابعاد تجدیدنظرطلبی: %s)؛ رهبر وضع موجود: %s.",
		"%s is a %s: revisionist (VR − VSQ %.2f), aims %s (revision dimensions: %s), power percentile %.2f; status-quo leader %s.":               "%s «%s» است: تجدیدنظرطلب (VR − VSQ %s)، با هدف‌های %s (ابعاد تجدیدنظرطلبی: %s)، صدک قدرت %s؛ رهبر وضع موجود: %s.",
		"%s is a %s: aims none (status quo) (revision dimensions: %s); status-quo leader %s.":                                                    "%s «%s» است: بی‌هدف تجدیدنظرطلبانه، حافظ وضع موجود (ابعاد تجدیدنظرطلبی: %s)؛ رهبر وضع موجود: %s.",
		"%s is a %s: aims none (status quo) (revision dimensions: %s), power percentile %.2f; status-quo leader %s.":                             "%s «%s» است: بی‌هدف تجدیدنظرطلبانه، حافظ وضع موجود (ابعاد تجدیدنظرطلبی: %s)، صدک قدرت %s؛ رهبر وضع موجود: %s.",
		"%s is a %s: status-quo (VR − VSQ %.2f); status-quo leader %s.":                                                                          "%s «%s» است: حافظ وضع موجود (VR − VSQ %s)؛ رهبر وضع موجود: %s.",
		"%s is a %s: status-quo (VR − VSQ %.2f), power percentile %.2f; status-quo leader %s.":                                                   "%s «%s» است: حافظ وضع موجود (VR − VSQ %s)، صدک قدرت %s؛ رهبر وضع موجود: %s.",
		"%s is a %s: status-quo (VR − VSQ %.2f), aims none (status quo) (revision dimensions: %s); status-quo leader %s.":                        "%s «%s» است: حافظ وضع موجود (VR − VSQ %s)، بی‌هدف تجدیدنظرطلبانه (ابعاد تجدیدنظرطلبی: %s)؛ رهبر وضع موجود: %s.",
		"%s is a %s: status-quo (VR − VSQ %.2f), aims none (status quo) (revision dimensions: %s), power percentile %.2f; status-quo leader %s.": "%s «%s» است: حافظ وضع موجود (VR − VSQ %s)، بی‌هدف تجدیدنظرطلبانه (ابعاد تجدیدنظرطلبی: %s)، صدک قدرت %s؛ رهبر وضع موجود: %s.",

		// Vetoes in the Security Council.
		"The UNSC veto data record %s's veto of %s on %s (%s). The case file records %d Iran-related veto(es) by %s; the veto data name the agenda, not the states concerned, so 'only one' rests on the case file.": "دادهٔ وتوهای شورای امنیت وتوی پیش‌نویس %[2]s از سوی %[1]s را در %[3]s ثبت کرده است (%[4]s). پرونده %[5]s وتوی مرتبط با ایران از سوی %[6]s ثبت کرده است؛ دادهٔ وتوها دستور کار را نام می‌برد، نه دولت‌های مربوط را، پس «تنها یک بار» بر پرونده استوار است.",
		"the UNSC veto data are not loaded.":                  "دادهٔ وتوهای شورای امنیت بارگذاری نشده است.",
		"The UNSC veto data have no veto of %s by %s.":        "دادهٔ وتوهای شورای امنیت هیچ وتویی از پیش‌نویس %s از سوی %s ندارد.",
		"The veto data record a veto by %s on the day of %s.": "دادهٔ وتوها در روز %[2]s وتویی از سوی %[1]s ثبت کرده است.",
		"The UNSC veto data record no veto by %s on the days of the %d listed decisions (statement and resolutions, %s to %s); the case file stores the list, not the count.": "دادهٔ وتوهای شورای امنیت در روزهای %[2]s تصمیم فهرست‌شده (بیانیه و قطعنامه‌ها، از %[3]s تا %[4]s) هیچ وتویی از سوی %[1]s ثبت نکرده است؛ پرونده فهرست تصمیم‌ها را نگه می‌دارد، نه شمار آن‌ها را.",

		// Arms transfers.
		"SIPRI transfers for %d–%d are not loaded (the data cover 1950–2021).":                        "دادهٔ انتقال تسلیحات سیپری برای %s–%s بارگذاری نشده است (این داده‌ها سال‌های ۱۹۵۰ تا ۲۰۲۱ را پوشش می‌دهند).",
		"SIPRI transfers for %d–%d are not loaded.":                                                   "دادهٔ انتقال تسلیحات سیپری برای %s–%s بارگذاری نشده است.",
		"By SIPRI TIV, %s ranks %d among exporters in %d–%d (%s).":                                    "بر پایهٔ TIV سیپری، %[1]s در %[3]s–%[4]s رتبهٔ %[2]s را در میان صادرکنندگان تسلیحات دارد (%[5]s).",
		"%s exported no major arms in %d–%d.":                                                         "%s در %s–%s هیچ تسلیحات عمده‌ای صادر نکرد.",
		"%s received %.1f%% of %s's major-arms exports in %d–%d (TIV %.0f); the main buyers were %s.": "%[1]s در %[4]s–%[5]s، %[2]s٪ صادرات تسلیحات عمدهٔ %[3]s را دریافت کرد (TIV %[6]s)؛ خریداران اصلی: %[7]s.",

		// Trade.
		"COW trade (v4.0) ends in 2014 and is not loaded for %d; the claimed %.0f million USD cannot be checked with the loaded data.": "دادهٔ تجارت COW (v4.0) در ۲۰۱۴ پایان می‌یابد و برای %s بارگذاری نشده است؛ رقم ادعاشدهٔ %s میلیون دلار را نمی‌توان با داده‌های بارگذاری‌شده سنجید.",
		"COW trade has no %s imports from %s in %d.": "دادهٔ تجارت COW رقمی برای واردات %s از %s در %s ندارد.",
		"COW trade records %s imports of %.0f million USD from %s in %d against the claimed %.0f (%+.0f%%; tolerance ±%.0f%%, for importer-reported against exporter-reported values).": "دادهٔ تجارت COW واردات %[1]s از %[3]s را در %[4]s، %[2]s میلیون دلار ثبت کرده است، در برابر رقم ادعاشدهٔ %[5]s (%[6]s٪؛ دامنهٔ تحمل ±%[7]s٪، چون ارقام گزارش‌شدهٔ واردکننده با ارقام گزارش‌شدهٔ صادرکننده مقایسه می‌شوند).",
		"COW trade is not loaded.": "دادهٔ تجارت COW بارگذاری نشده است.",
		"no rank: %s":              "رتبه‌ای در دست نیست: %s",
		"In %d, the last year of COW trade, %s ranks %.0f among %s's partners (%s), with %.1f%% of its trade.": "در %[1]s، آخرین سال دادهٔ تجارت COW، %[2]s در میان شریکان تجاری %[4]s رتبهٔ %[3]s را دارد (%[5]s) و %[6]s٪ تجارت آن را به خود اختصاص می‌دهد.",

		// Sanctions.
		"no sanctions data for %d.":  "برای %s داده‌ای از تحریم‌ها در دست نیست.",
		"%s %.0f episodes (rank %d)": "%s: %s پرونده (رتبهٔ %s)",
		"%s %.0f":                    "%s %s",
		"GSDB episodes in force in %d: %s; the most sanctioned: %s. GSDB counts sanction episodes, the paper's source (Castellum.AI) counts designations.": "پرونده‌های تحریم جاری GSDB در %[1]s: %[2]s؛ تحریم‌شده‌ترین دولت‌ها: %[3]s. GSDB پرونده‌های تحریم را می‌شمارد، حال آنکه منبع مقاله (Castellum.AI) موارد درج‌شده در فهرست‌های تحریم را می‌شمارد.",

		// The verdict's notes.
		"There is no tie between %s and %s in %v to explain; each theory is scored on whether its conditions predict that absence.":        "در %[3]s پیوندی میان %[1]s و %[2]s نیست که تبیین شود؛ هر نظریه بر این پایه نمره می‌گیرد که آیا شرایط آن این نبودِ پیوند را پیش‌بینی می‌کند یا نه.",
		"The data cannot tell whether %s and %s are aligned in %v; the theories are scored as explaining a tie, as the question presumes.": "داده‌ها نشان نمی‌دهند که %[1]s و %[2]s در %[3]s همسو هستند یا نه؛ نظریه‌ها، چنان‌که پرسش پیش‌فرض می‌گیرد، در مقام تبیین یک پیوند نمره می‌گیرند.",
		"%s is not testable for %v: %s":                       "%s در دورهٔ %s آزمون‌پذیر نیست: %s",
		"%s ends in %d: its indicators use %d at the latest.": "%s در %s پایان می‌یابد: شاخص‌های برگرفته از آن دست‌بالا دادهٔ سال %s را به کار می‌گیرند.",
	})
}
