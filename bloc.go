// Package bloc holds the domain vocabulary of bloc: states, dyads, years,
// periods, values that may be missing, and the provenance every number carries.
//
// bloc tests the rival theories of alliance formation (balance of threat,
// balance of power, bandwagoning, economic interdependence, identity) against
// public datasets. The packages below this one implement the stages of that
// flow: datasets (catalogue, checksums, parsing), duckdb (the embedded store),
// registry (the COW state system and the country-name crosswalk), panel,
// indicators, theory, verdict and the presentation layers. This package has no
// dependencies so every stage can speak the same language.
package bloc

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// CCode is a Correlates of War state code (e.g. 2 USA, 365 Russia, 630 Iran).
type CCode int

// State is a member of the COW state system.
type State struct {
	CCode CCode  `json:"ccode"`
	Abb   string `json:"stateabb"`
	Name  string `json:"name"`
	ISO3  string `json:"iso3,omitempty"`
	ISO2  string `json:"iso2,omitempty"`
}

// Dyad is an ordered pair of states. In directed data A is the state whose
// behaviour is explained (ccode1) and B its counterpart (ccode2); a
// non-directed dyad keeps A < B, as peacesciencer does.
type Dyad struct {
	A CCode `json:"ccode1"`
	B CCode `json:"ccode2"`
}

// Undirected returns the dyad with the lower code first.
func (d Dyad) Undirected() Dyad {
	if d.A > d.B {
		return Dyad{d.B, d.A}
	}
	return d
}

// String formats the dyad as "A-B" in COW codes.
func (d Dyad) String() string { return fmt.Sprintf("%d-%d", d.A, d.B) }

// Period is an inclusive range of years.
type Period struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// Contains reports whether year y lies in the period.
func (p Period) Contains(y int) bool { return y >= p.From && y <= p.To }

// Years returns the number of years in the period.
func (p Period) Years() int { return p.To - p.From + 1 }

// String formats the period as "from–to".
func (p Period) String() string { return fmt.Sprintf("%d–%d", p.From, p.To) }

// Num is a number that may be missing. Missing is not zero: outside a
// dataset's years, or where the source says nothing, a Num is missing and is
// shown as missing (null in JSON, empty in CSV, "NA" in text).
type Num struct {
	V  float64
	OK bool
}

// Some returns a present value. NaN and infinities are treated as missing.
func Some(v float64) Num {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Num{}
	}
	return Num{V: v, OK: true}
}

// Missing is the missing value.
var Missing = Num{}

// Or returns the value, or def when it is missing.
func (n Num) Or(def float64) float64 {
	if !n.OK {
		return def
	}
	return n.V
}

// String formats the value, "NA" when missing.
func (n Num) String() string {
	if !n.OK {
		return "NA"
	}
	return strconv.FormatFloat(n.V, 'g', 6, 64)
}

// MarshalJSON writes null for a missing value.
func (n Num) MarshalJSON() ([]byte, error) {
	if !n.OK {
		return []byte("null"), nil
	}
	return json.Marshal(n.V)
}

// UnmarshalJSON reads null as missing.
func (n *Num) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = Missing
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = Some(v)
	return nil
}

// Provenance says where a number comes from: the dataset and version it was
// computed from, the formula, and the citation key of the source.
type Provenance struct {
	Dataset  string `json:"dataset"`
	Version  string `json:"version,omitempty"`
	Formula  string `json:"formula,omitempty"`
	Citation string `json:"citation,omitempty"`
}
