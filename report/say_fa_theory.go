package report

// Persian translations of the sentences of package theory: the tests' Why,
// the pointers' Basis, NotTestable and the notes of the measures the
// theories build. States, abbreviated in English (IRN), are named here by
// their Persian names (bloc.Abbr).
// The sentences other packages also say are translated once, in their
// files: "no CINC for one of the states" and the lists "%s, %s"
// (say_fa_indicators.go), "%s opposes %s: %s." and "no revisionism data:
// %s" (say_fa_verdict.go), "%s; %s" (say_fa_monitor.go) and "%s."
// (say_fa_evidence.go), which ends a sentence that is a clause of
// indicators (why a state opposes another).
func init() {
	addSayFA(map[string]string{
		// theory.go: facts of the case file as evidence, untestable theories.
		"status %s":                                            "وضعیت %s",
		"status %s; dated %s, after the period":                "وضعیت %s؛ مورخ %s، پس از پایان دوره",
		"status %s; dated %s, after the period; rank %d":       "وضعیت %s؛ مورخ %s، پس از پایان دوره؛ رتبهٔ %s",
		"status %s; dated %s, after the period; rank %d of %d": "وضعیت %s؛ مورخ %s، پس از پایان دوره؛ رتبهٔ %s از %s",
		"status %s; rank %d":                                   "وضعیت %s؛ رتبهٔ %s",
		"status %s; rank %d of %d":                             "وضعیت %s؛ رتبهٔ %s از %s",
		"no test has data: %s":                                 "هیچ آزمونی داده ندارد: %s",
		"%s: %s":                                               "%s: %s",
		"no data":                                              "داده‌ای در دست نیست",

		// walt.go: balance of threat.
		"no threat could be ranked":                                   "هیچ تهدیدی را نمی‌توان رتبه‌بندی کرد",
		"threat %s (%s index), intentions %s":                         "تهدید %s (شاخص %s)، نیات تهاجمی %s",
		"opposes %s: %s":                                              "مخالف %s: %s",
		"%s is %s's first-ranked threat; its intentions index is %s.": "%s نخستین تهدید %s در رتبه‌بندی است؛ شاخص نیات تهاجمی آن %s است.",
		"%s is %s's most threatening state: BoT expects balancing against it, not alignment with it.":                      "%s تهدیدکننده‌ترین دولت برای %s است: نظریهٔ موازنه تهدید انتظار موازنه در برابر آن را دارد، نه همسویی با آن.",
		"%s's intentions index towards %s is %s (components: disputes, rivalry, conflict events, UN distance, sanctions).": "شاخص نیات تهاجمی %s نسبت به %s برابر %s است (اجزا: منازعه‌های نظامی، رقابت راهبردی، رویدادهای منازعه‌آمیز، فاصله در رأی‌های سازمان ملل و تحریم‌ها).",
		"of %d candidates; %s index %s":                                                  "از میان %s دولت نامزد؛ شاخص %s: %s",
		"%s ranks %d of %d (power %s, proximity %s, offense %s, intentions %s).":         "%s در میان تهدیدها رتبهٔ %s از %s را دارد (قدرت کلی %s، مجاورت %s، توانمندی تهاجمی %s، نیات تهاجمی %s).",
		"the partner's threat could not be ranked":                                       "تهدید شریک را نمی‌توان رتبه‌بندی کرد",
		"No rivalry, hostile dispute, sanctions or wide UN distance sets %s against %s.": "هیچ رقابت راهبردی، منازعهٔ خصمانه، تحریم یا فاصلهٔ زیاد در رأی‌های سازمان ملل، %s را در برابر %s قرار نمی‌دهد.",
		"of %d": "از %s",
		"not among the states opposing the threat":                                   "در میان دولت‌های مخالف تهدید نیست",
		"Expected partners: %s; %s ranks %d.":                                        "شریکان مورد انتظار: %s؛ %s رتبهٔ %s را دارد.",
		"Expected partners: %s; %s ranks nowhere (it does not oppose the threat).":   "شریکان مورد انتظار: %s؛ %s در شمار آن‌ها نیست (با تهدید مخالف نیست).",
		"Expected partners: none; %s ranks nowhere (it does not oppose the threat).": "هیچ شریک مورد انتظاری نیست و %s نیز در شمار آن‌ها نیست (با تهدید مخالف نیست).",
		"Highest ATOP obligation %s; %s supplied %s of %s's major arms.":             "بالاترین تعهد ATOP برابر %s است؛ %s، %s از تسلیحات عمدهٔ %s را تأمین کرد.",

		// walt.go: bandwagoning with the threat.
		"i's first-ranked threat: the state to bandwagon with": "نخستین تهدید i: دولتی که دنباله‌روی از آن انتظار می‌رود",
		"of %d; %s index %s": "از %s؛ شاخص %s: %s",
		"%s ranks %d of %d among %s's threats (intentions %s).":                   "%[1]s در میان تهدیدهای %[4]s رتبهٔ %[2]s از %[3]s را دارد (نیات تهاجمی %[5]s).",
		"CINC_%s/CINC_%s = %.2f.":                                                 "نسبت توانمندی CINC_%s/CINC_%s برابر %s است.",
		"The strongest state opposing %s is %s with CINC %.3f against %s's %.3f.": "نیرومندترین دولت مخالف %[1]s، %[2]s است با CINC %[3]s، در برابر CINC %[5]s برای %[4]s.",
		"No state opposes %s.":                                                    "هیچ دولتی با %s مخالف نیست.",
		"no CINC for the partner":                                                 "برای شریک CINC در دست نیست",
		"Contiguity type %s; intentions %s.":                                      "نوع هم‌مرزی %s؛ نیات تهاجمی %s.",

		// waltz.go: balance of power.
		"no capability data: %s":                                                                     "دادهٔ توانمندی در دست نیست: %s",
		"strongest state in the system by CINC":                                                      "نیرومندترین دولت نظام بین‌الملل از نظر CINC",
		"strongest state by CINC after %s, which leads the system":                                   "نیرومندترین دولت از نظر CINC پس از %s، که خود در صدر نظام بین‌الملل است",
		"strongest state in %s's neighbourhood (contiguous or within %.0f km)":                       "نیرومندترین دولت در همسایگی %s (هم‌مرز یا در شعاع %s کیلومتری)",
		"%s leads the system with CINC %s; %s has %s.":                                               "%s با CINC برابر %s در صدر نظام بین‌الملل است؛ CINC %s برابر %s است.",
		"%s is the strongest state within %.0f km of %s or contiguous with it (CINC %s against %s).": "%s نیرومندترین دولت در شعاع %s کیلومتری %s یا هم‌مرز با آن است (CINC %s در برابر %s).",
		"no neighbour of %s is stronger than it (or the distance data are missing)":                  "هیچ همسایه‌ای از %s نیرومندتر نیست (یا داده‌های فاصله در دست نیست)",
		"%s's strongest neighbour is %s, the system's leader: the system-level tests cover it":       "نیرومندترین همسایهٔ %s، یعنی %s، همان قدرت برتر نظام بین‌الملل است: آزمون‌های سطح نظام آن را در بر می‌گیرند",
		"no rivalry, hostile dispute, sanctions or wide UN distance sets %s against %s.":             "هیچ رقابت راهبردی، منازعهٔ خصمانه، تحریم یا فاصلهٔ زیاد در رأی‌های سازمان ملل، %s را در برابر %s قرار نمی‌دهد.",
		"nothing sets %s against %s.":                                                                "هیچ عاملی %s را در برابر %s قرار نمی‌دهد.",
		"%s is allied with %s: ATOP %s.":                                                             "%s با %s متحد است: ATOP %s.",
		"%s %v":                                                                                      "%s %s",
		"No ATOP defense or offense pledge binds %s to %s in %v.":                                    "در %[3]s هیچ تعهد دفاعی یا تهاجمی ATOP، %[1]s را به %[2]s متعهد نمی‌کند.",

		// schweller.go: bandwagoning for profit.
		"revisionist %s (VR−VSQ %s)":                              "«%s» (VR−VSQ = %s)",
		"CINC %s %s, %s %s.":                                      "CINC %s برابر %s و CINC %s برابر %s است.",
		"%s ranks %d of %d by CINC.":                              "%s از نظر CINC رتبهٔ %s از %s را دارد.",
		"%s ranks %d of %d by CINC; %s.":                          "%s از نظر CINC رتبهٔ %s از %s را دارد؛ %s.",
		"%s ranks %d of %d by CINC and is a COW major power.":     "%s از نظر CINC رتبهٔ %s از %s را دارد و در داده‌های COW قدرت بزرگ به شمار می‌آید.",
		"%s ranks %d of %d by CINC and is a COW major power; %s.": "%s از نظر CINC رتبهٔ %s از %s را دارد و در داده‌های COW قدرت بزرگ به شمار می‌آید؛ %s.",
		"%s (rank %d of %d, %s)":                                  "%s (رتبهٔ %s از %s، %s)",
		"%s (rank %d, %s)":                                        "%s (رتبهٔ %s، %s)",
		"%s supplied %s of %s's major arms in %v.":                "%[1]s در %[4]s، %[2]s از تسلیحات عمدهٔ %[3]s را تأمین کرد.",
		"Bilateral trade grew %s a year (%s).":                    "تجارت دوجانبه سالانه %s رشد کرد (%s).",
		"no sanctions data for the period":                        "برای این دوره دادهٔ تحریم در دست نیست",
		"Both are under sanctions from %s in %v.":                 "هر دو در %[2]s زیر تحریم %[1]s بوده‌اند.",
		"No sender sanctions both %s and %s in %v.":               "در %[3]s هیچ تحریم‌کننده‌ای هم %[1]s و هم %[2]s را تحریم نکرده است.",
		"%s vetoed %d draft(s) on %s and voted for %d resolution(s) against it in the case file and data for %d–%d.":                                           "بر پایهٔ پرونده و داده‌های سال‌های %[5]s–%[6]s، %[1]s %[2]s پیش‌نویس قطعنامه دربارهٔ %[3]s را وتو کرد و به %[4]s قطعنامه علیه آن رأی مثبت داد.",
		"no veto or resolution concerning %s is recorded for the period (the veto data name the agenda, not the states it concerns; a case file can add them)": "برای این دوره هیچ وتو یا قطعنامه‌ای دربارهٔ %s ثبت نشده است (داده‌های وتو دستور کار را نام می‌برند، نه دولت‌های مربوط را؛ پرونده می‌تواند آن‌ها را بیفزاید)",
		"Case file: %s.":                                           "پرونده: %s.",
		"confirms the case-file fact %s":                           "واقعیت %s پرونده را تأیید می‌کند",
		"%s is a status-quo state (%s): VR − VSQ %s.":              "%s دولتی حافظ وضع موجود («%s») است: VR − VSQ = %s.",
		"%s is a %s: VR − VSQ %s, %s (revision dimensions: none).": "%s «%s» است: VR − VSQ = %s، با هدف‌های %s (ابعاد تجدیدنظرطلبی: هیچ‌کدام).",
		"%s is a %s: VR − VSQ %s, %s (revision dimensions: %s).":   "%s «%s» است: VR − VSQ = %s، با هدف‌های %s (ابعاد تجدیدنظرطلبی: %s).",

		// liberal.go: economic interdependence.
		"trade %.0f million USD in %d":                                         "تجارت %s میلیون دلار در سال %s",
		"%s ranks %s among %s's partners (%s); its share of %s's trade is %s.": "%[1]s در میان شریکان تجاری %[3]s رتبهٔ %[2]s را دارد (%[4]s)؛ سهم آن از تجارت %[5]s برابر %[6]s است.",
		"%s ranks %s among %s's partners (%s).":                                "%[1]s در میان شریکان تجاری %[3]s رتبهٔ %[2]s را دارد (%[4]s).",
		"Trade is %s of %s's GDP and %s of %s's.":                              "تجارت دوجانبه %s از تولید ناخالص داخلی %s و %s از تولید ناخالص داخلی %s است.",
		"Salience %s, symmetry %s, index %s.":                                  "برجستگی %s، تقارن %s، شاخص وابستگی متقابل %s.",
		"The share changed by %s percentage points a year.":                    "این سهم سالانه %s واحد درصد تغییر کرد.",
		"%s and %s share more IGOs than %s of %s's dyads (%s).":                "شمار سازمان‌های بین‌دولتی مشترک %[1]s و %[2]s از %[3]s دوتایی‌های %[4]s بیشتر است (%[5]s).",

		// identity.go: identity.
		"identity similarity index":                               "شاخص همانندی هویتی",
		"Religious similarity %s (%s).":                           "همانندی دینی برابر %s است (%s).",
		"Common language: %s.":                                    "زبان مشترک: %s.",
		"Regime similarity %s by V-Dem polyarchy, %s by Polity2.": "همانندی نظام سیاسی بر پایهٔ پلی‌آرکی V-Dem برابر %s و بر پایهٔ Polity2 برابر %s است.",
		"Shared history: %s.":                                     "تاریخ مشترک: %s.",
		"Identity index %s (religion, language, regime, history, IGOs; alliance portfolios, S = %s, are left out as the outcome).": "شاخص همانندی هویتی برابر %s است (دین، زبان، نظام سیاسی، تاریخ و سازمان‌های بین‌دولتی؛ سبد اتحادها، S = %s، چون خود پیامد است کنار گذاشته شده).",
	})
}
