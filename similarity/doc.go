// Package similarity computes the dyadic foreign-policy similarity measures
// that the R package fpsim (Miller, after Häge 2011) computes for valued
// portfolios: Signorino and Ritter's (1999) S, Cohen's weighted kappa, Scott's
// pi and, for legacy comparisons, Kendall's tau-b (Bueno de Mesquita 1975).
//
// A portfolio is a vector of tie values of one state with a common set of
// items: its alliance ties with every state in the system in a year, or its
// votes on every roll call of a year. Two states are compared item by item.
//
// Value scales (see ATOPValue and UNVote):
//
//	alliances (ATOP, Chiba et al. 2022 ordering, as in fpsim):
//	  3 defense and/or offense, 2 neutrality and/or consultation,
//	  1 non-aggression only, 0 no obligation            levels 0..3, range 3
//	UN votes (Voeten): 1 yes, 2 abstain, 3 no           levels 1..3, range 2
//
// THEORY.md section J lists the Signorino and Ritter (1999) COW coding
// (3 defense, 2 neutrality/non-aggression, 1 entente); that is the COW Formal
// Alliances scale. This package follows fpsim's ATOP ordering above, which is
// what fpsim's published alliance similarity data use.
//
// Missing values are NaN. Every measure drops the items where either state is
// missing (R's complete.cases), and reports ok=false instead of a number when
// the measure is undefined; the value returned with ok=false is NaN.
//
// Portfolio convention (fpsim, data-raw/1-prepare-atop-alliance-data.R): the
// alliance portfolio of state i in year t has one item per state k in the
// system in t, including k = i, and the self-tie is coded at the maximum, 3:
// a state is maximally allied with itself. See AllianceMatrix and SelfTie.
//
// For throughput, AllPairs computes every unordered dyad of a Matrix in
// parallel; KappaMeasure, PiMeasure, SMeasure and TauB run without heap
// allocation so the whole 1816–2018 dyad-year universe (about 1.1 million
// dyads) takes seconds.
//
// References:
//
//	Signorino, C. S. and J. M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring
//	  the Similarity of Foreign Policy Positions." International Studies
//	  Quarterly 43(1): 115–144.
//	Häge, F. M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign
//	  Policy Similarity for Chance Agreement." Political Analysis 19(3): 287–305.
//	Cohen, J. 1960. "A Coefficient of Agreement for Nominal Scales."
//	  Educational and Psychological Measurement 20(1): 37–46.
//	Cohen, J. 1968. "Weighted Kappa." Psychological Bulletin 70(4): 213–220.
//	Scott, W. A. 1955. "Reliability of Content Analysis: The Case of Nominal
//	  Scale Coding." Public Opinion Quarterly 19(3): 321–325.
//	Kendall, M. G. 1938. "A New Measure of Rank Correlation." Biometrika
//	  30(1/2): 81–93.
//	Bueno de Mesquita, B. 1975. "Measuring Systemic Polarity." Journal of
//	  Conflict Resolution 19(2): 187–216.
//	Chiba et al. (2022): the ATOP valued ordering, as cited in fpsim's
//	  data-raw/1-prepare-atop-alliance-data.R (full reference not checked).
//	Miller, S. V. fpsim: Dyadic Foreign Policy Similarity (R package),
//	  https://github.com/svmiller/fpsim (srs.R, cohenk.R, spi.R, taub.R).
package similarity
