package report

// Persian of the what-if comparison's lines (whatif.CompareMsg). Arguments
// are tie kinds, theories and hypotheses (terms), state codes and condition
// ids (as they are), ranks, scores, probabilities and years.
func init() {
	addSayFA(map[string]string{
		"tie: %s → %s":                     "پیوند: %s ← %s",
		"top threat: %s → %s":              "تهدید نخست: %s ← %s",
		"best theory: %s → %s":             "بهترین نظریه: %s ← %s",
		"%s: rank %d → %d, score %s → %s":  "%[1]s: رتبه %[2]s ← %[3]s، امتیاز %[4]s ← %[5]s",
		"posterior top: %s → %s":           "بیشترین احتمال پسین: %s ← %s",
		"posterior %s: %.3f → %.3f":        "احتمال پسین %s: %s ← %s",
		"termination risk %d: %.2f → %.2f": "خطر پایان اتحاد در %s: %s ← %s",
		"%s met in %s → %s":                "%s برقرار در %s ← %s",
		"no change":                        "بی‌تغییر",
		"no year":                          "هیچ سالی",
	})
}
