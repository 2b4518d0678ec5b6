package registry

import "github.com/bloc-project/bloc"

// coding is one row of the table of coding decisions: a COW state code, the
// extra names that resolve to it, an extra RE2 pattern (tried before the
// countrycode regexes, so it can take a name away from them), the states
// ResolveAt suggests when the code is not a member in the year asked for, and
// why.
type coding struct {
	cc      bloc.CCode
	names   []string
	pattern string
	related []bloc.CCode
	note    string
}

// codings is the table of successor-state and naming decisions. The rule
// throughout is COW's: a state keeps its code through changes of regime and
// name (the Russian Empire, the Soviet Union and the Russian Federation are
// all 365), and a new code marks a new member of the system (West Germany
// 260 is not Germany 255). Where common usage names one state and COW
// another, the name follows COW and ResolveAt points at the alternatives.
//
//	code  COW  names resolved to it                         decision
//	 365  RUS  Russia, Russian Empire, Soviet Union, USSR,   one code 1816–: COW codes the USSR as the
//	           Russian Federation                            continuation of Russia and Russia as the
//	                                                         continuation of the USSR
//	 255  GMY  Germany, Prussia, German Empire, Third Reich, Prussia 1816–1871 and Germany 1871–1945
//	           Federal Republic of Germany, Deutschland      and 1990– (after unification, 1990-10-03).
//	                                                         "Federal Republic of Germany" is today's
//	                                                         official name, so Resolve gives 255;
//	                                                         ResolveAt gives 260 for 1955–1990 (see
//	                                                         datedNames)
//	 260  GFR  West Germany, German Federal Republic, FRG,   1955-05-05 to 1990-10-02
//	           BRD, Bonn
//	 265  GDR  East Germany, German Democratic Republic, DDR 1954-03-25 to 1990-10-02
//	 345  YUG  Serbia, Yugoslavia, Kingdom of Serbia, FRY,   Serbia 1878–, Yugoslavia, the FRY, Serbia
//	           Serbia and Montenegro, SFRY                   and Montenegro and Serbia are one code.
//	                                                         countrycode gives Serbia no COW code; the
//	                                                         registry gives 345 Serbia's ISO codes
//	                                                         (SRB, RS)
//	 315  CZE  Czechoslovakia                                1918–1939, 1945–1992
//	 316  CZR  Czech Republic, Czechia                       1993– (a new state; not 315)
//	 679  YEM  Yemen, Republic of Yemen                      unified Yemen, 1990-05-22–
//	 678  YAR  North Yemen, Yemen Arab Republic, Kingdom of  1926–1990 (the kingdom and the YAR)
//	           Yemen
//	 680  YPR  South Yemen, People's Democratic Republic of  1967–1990
//	           Yemen, PDRY
//	 816  DRV  Vietnam, North Vietnam, Democratic Republic   1954– (COW continues North Vietnam as
//	           of Vietnam, Socialist Republic of Vietnam     Vietnam)
//	 817  RVN  South Vietnam, Republic of Vietnam            1954-06-04 to 1975-04-30
//	 730  KOR  Korea (COW's name), Korean Empire, Joseon     1887–1905. "Korea" alone is COW's name for
//	                                                         this state, not South Korea; ResolveAt
//	                                                         points at 731 and 732
//	 731  PRK  North Korea, DPRK                             1948–
//	 732  ROK  South Korea, Republic of Korea, ROK           1949–
//	 710  CHN  China, People's Republic of China, PRC        one code for the Qing empire, the Republic
//	                                                         on the mainland and the PRC
//	 713  TAW  Taiwan, Republic of China, ROC                1949–. "Republic of China" follows current
//	                                                         usage (countrycode) and means Taiwan;
//	                                                         ResolveAt gives 710 before 1949
//	 640  TUR  Turkey, Türkiye, Ottoman Empire               one code
//	 630  IRN  Iran, Persia                                  one code, 1855–
//	 651  EGY  Egypt, United Arab Republic (UAR)             Egypt kept 651 in the UAR; Syria (652)
//	                                                         left the system 1958–1961
//	 300  AUH  Austria-Hungary, Austrian Empire              1816–1918
//	 305  AUS  Austria                                       1919–1938 and 1955– (a new state; not 300)
//	 325  ITA  Italy, Sardinia, Piedmont-Sardinia            COW codes Sardinia as Italy from 1816
//	 200  UKG  United Kingdom, Britain, England              "England" resolves to the UK
//	 347  KOS  Kosovo, XK, XKX                               no ISO code; XK/XKX are accepted
//
// Three-letter codes that are COW's abbreviation for one entity and the ISO
// 3166 code of another are refused as ambiguous by Resolve: AUS
// (Austria/Australia), CZE (Czechoslovakia/Czechia), KOR (Korea 730/South
// Korea), MAC (Macedonia/Macao), MNG (Montenegro/Mongolia), SLV
// (Slovenia/El Salvador), SWZ (Switzerland/Eswatini). ByAbb and ByISO3 read
// a code as one system only and resolve them.
var codings = []coding{
	{cc: 365, names: []string{"Russia", "Russian Federation", "Russian Empire", "Soviet Union", "USSR", "Union of Soviet Socialist Republics", "Soviet Russia", "Tsarist Russia"},
		note: "COW codes the Russian Empire, the Soviet Union and the Russian Federation as one state"},
	{cc: 255, names: []string{"Germany", "Prussia", "Kingdom of Prussia", "German Empire", "German Reich", "Deutsches Reich", "Third Reich", "Nazi Germany", "Weimar Republic", "Deutschland", "Federal Republic of Germany", "Unified Germany"},
		pattern: `prussia|german.?empire|german.?reich|deutsches.?reich|third.?reich|nazi.?germany|weimar|deutschland`,
		related: []bloc.CCode{260, 265},
		note:    "Prussia 1816–1871, Germany 1871–1945 and from unification on 1990-10-03"},
	{cc: 260, names: []string{"West Germany", "German Federal Republic", "GFR", "FRG", "BRD", "Bonn Republic"},
		pattern: `\bwest\b.*\bgerman|\bgerman.*\bwest\b|german.?federal.?rep|\bbonn\b`,
		related: []bloc.CCode{255, 265},
		note:    "West Germany 1955-05-05 to 1990-10-02, a state distinct from Germany (255)"},
	{cc: 265, names: []string{"East Germany", "German Democratic Republic", "GDR", "DDR"},
		related: []bloc.CCode{255, 260},
		note:    "East Germany 1954-03-25 to 1990-10-02"},
	{cc: 345, names: []string{"Yugoslavia", "Serbia", "Republic of Serbia", "Kingdom of Serbia", "Kingdom of Yugoslavia", "Kingdom of Serbs, Croats and Slovenes", "Socialist Federal Republic of Yugoslavia", "SFRY", "Federal Republic of Yugoslavia", "FRY", "Serbia and Montenegro"},
		related: []bloc.CCode{341, 343, 344, 346, 347, 349},
		note:    "COW codes Serbia, Yugoslavia, the FRY and Serbia again as one state"},
	{cc: 315, names: []string{"Czechoslovakia", "Czechoslovak Republic", "Czechoslovak Socialist Republic", "CSSR", "Czech and Slovak Federative Republic"},
		related: []bloc.CCode{316, 317},
		note:    "Czechoslovakia 1918–1939 and 1945–1992"},
	{cc: 316, names: []string{"Czech Republic", "Czechia"}, related: []bloc.CCode{315},
		note: "the Czech Republic, a new state from 1993-01-01"},
	{cc: 317, names: []string{"Slovakia", "Slovak Republic"}, related: []bloc.CCode{315}},
	{cc: 679, names: []string{"Yemen", "Republic of Yemen", "Unified Yemen"}, related: []bloc.CCode{678, 680},
		note: "unified Yemen from 1990-05-22"},
	{cc: 678, names: []string{"North Yemen", "Yemen Arab Republic", "Kingdom of Yemen", "Mutawakkilite Kingdom of Yemen", "YAR"},
		related: []bloc.CCode{679, 680}, note: "North Yemen 1926–1990"},
	{cc: 680, names: []string{"South Yemen", "People's Democratic Republic of Yemen", "PDRY", "Yemen People's Republic", "Democratic Yemen", "YPR"},
		related: []bloc.CCode{679, 678}, note: "South Yemen 1967–1990"},
	{cc: 816, names: []string{"Vietnam", "Viet Nam", "North Vietnam", "Democratic Republic of Vietnam", "Socialist Republic of Vietnam", "DRV", "SRV"},
		related: []bloc.CCode{817}, note: "COW continues North Vietnam as Vietnam"},
	{cc: 817, names: []string{"South Vietnam", "Republic of Vietnam", "RVN"}, related: []bloc.CCode{816},
		pattern: `south\W*viet.?nam|viet.?nam\W*south`,
		note:    "South Vietnam 1954-06-04 to 1975-04-30"},
	{cc: 730, names: []string{"Korea", "Korean Empire", "Joseon", "Choson", "Kingdom of Korea"},
		pattern: `joseon|choson|korean.?empire|empire.of.korea|kingdom.of.korea`,
		related: []bloc.CCode{731, 732}, note: "Korea 1887–1905; COW's name for it is plain \"Korea\""},
	{cc: 731, names: []string{"North Korea", "DPRK", "Democratic People's Republic of Korea"}, related: []bloc.CCode{730}},
	{cc: 732, names: []string{"South Korea", "Republic of Korea", "ROK", "Korea, Republic of", "Korea (South)"}, related: []bloc.CCode{730}},
	{cc: 710, names: []string{"China", "People's Republic of China", "PRC", "Mainland China", "Qing China", "Chinese Empire"},
		related: []bloc.CCode{713}, note: "one code for the Qing empire, the Republic on the mainland and the PRC"},
	{cc: 713, names: []string{"Taiwan", "Republic of China", "ROC", "Chinese Taipei", "Formosa"},
		related: []bloc.CCode{710}, note: "Taiwan from 1949; \"Republic of China\" means Taiwan, as in countrycode"},
	{cc: 640, names: []string{"Turkey", "Türkiye", "Turkiye", "Republic of Turkey", "Ottoman Empire", "Ottoman Turkey"},
		pattern: `ottoman|sublime.porte`, note: "the Ottoman Empire and Turkey are one code"},
	{cc: 630, names: []string{"Iran", "Persia", "Islamic Republic of Iran", "Iran (Islamic Republic of)", "Qajar Persia", "Imperial State of Iran"},
		note: "Persia and Iran are one code, from 1855"},
	{cc: 651, names: []string{"Egypt", "United Arab Republic", "UAR", "Arab Republic of Egypt"},
		related: []bloc.CCode{652}, note: "Egypt kept its code as the UAR 1958–1961"},
	{cc: 652, names: []string{"Syria"}, related: []bloc.CCode{651}},
	{cc: 300, names: []string{"Austria-Hungary", "Austrian Empire", "Habsburg Empire", "Austro-Hungarian Empire", "Habsburg Monarchy"},
		pattern: `austrian.?empire|habsburg|austro.?hungar`, related: []bloc.CCode{305, 310},
		note: "the Habsburg empire to 1918"},
	{cc: 305, names: []string{"Austria", "Republic of Austria"}, related: []bloc.CCode{300}},
	{cc: 310, names: []string{"Hungary"}, related: []bloc.CCode{300}},
	{cc: 325, names: []string{"Italy", "Sardinia", "Piedmont-Sardinia", "Kingdom of Sardinia", "Piedmont", "Kingdom of Italy"},
		note: "COW codes Sardinia as Italy from 1816"},
	{cc: 200, names: []string{"United Kingdom", "UK", "Great Britain", "Britain", "England", "United Kingdom of Great Britain and Northern Ireland"}},
	{cc: 2, names: []string{"United States", "United States of America", "US", "USA", "America"}},
	{cc: 490, names: []string{"DRC", "DR Congo", "Democratic Republic of the Congo", "Congo-Kinshasa", "Zaire", "Belgian Congo"}},
	{cc: 484, names: []string{"Congo", "Republic of the Congo", "Congo-Brazzaville", "Congo Republic"}},
	{cc: 437, names: []string{"Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"}},
	{cc: 775, names: []string{"Myanmar", "Burma"}},
	{cc: 820, names: []string{"Malaysia", "Malaya", "Federation of Malaya"}, note: "COW codes Malaya (1957) and Malaysia (1963) as one state"},
	{cc: 811, names: []string{"Cambodia", "Kampuchea", "Khmer Republic"}},
	{cc: 572, names: []string{"Swaziland", "Eswatini"}},
	{cc: 343, names: []string{"Macedonia", "North Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"}},
	{cc: 860, names: []string{"East Timor", "Timor-Leste"}},
	{cc: 273, names: []string{"Hesse Electoral", "Hesse-Kassel", "Hesse-Cassel", "Electoral Hesse"}},
	{cc: 275, names: []string{"Hesse Grand Ducal", "Hesse-Darmstadt", "Grand Duchy of Hesse"}},
	{cc: 271, names: []string{"Wuerttemburg", "Württemberg", "Wurttemberg", "Wuerttemberg"}},
	{cc: 327, names: []string{"Papal States"}},
	{cc: 347, names: []string{"Kosovo"}, note: "no ISO 3166 code; the user-assigned XK/XKX are accepted"},
}

// ccOverride gives a COW code to countrycode rows that have none but are, in
// COW's coding, a state already in the system (see codings).
var ccOverride = map[string]bloc.CCode{
	"Serbia":                345,
	"Serbia and Montenegro": 345,
	"Prussia":               255,
	"Hesse-Kassel":          273,
	"Hesse-Darmstadt":       275,
	"Würtemberg":            271,
	"Piedmont-Sardinia":     325,
	"Sardinia":              325,
	"United Arab Republic":  651,
}

// extraCodes are codes outside the data that Resolve accepts.
var extraCodes = map[string]bloc.CCode{
	"XK":  347, // Kosovo: user-assigned ISO 3166 code used by the EU, IMF, World Bank
	"XKX": 347,
}

// datedName is a name whose COW state depends on the year.
type datedName struct {
	name     string
	from, to int
	cc       bloc.CCode
}

// datedNames are the names that meant another state in the past. Resolve,
// which has no year, gives them their present meaning (codings); ResolveAt
// gives the state the name denoted in the year asked for.
var datedNames = []datedName{
	// West Germany's official name, and its name in datasets of the period
	// (unvotes lists West Germany's votes under it).
	{"Federal Republic of Germany", 1955, 1990, 260},
	{"Bundesrepublik Deutschland", 1955, 1990, 260},
	// The Republic of China governed the mainland until 1949; COW codes that
	// government as China (710) and Taiwan (713) from 1949-12-08.
	{"Republic of China", 1816, 1948, 710},
	{"ROC", 1816, 1948, 710},
}

// datedByKey indexes datedNames by lookup key.
var datedByKey = func() map[string][]datedName {
	m := make(map[string][]datedName, len(datedNames))
	for _, d := range datedNames {
		k := key(fold(d.name))
		m[k] = append(m[k], d)
	}
	return m
}()
