package events

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// Quad classes (CAMEO QuadClass; THEORY.md §D, §J). Speech acts are the
// verbal classes, practical actions the material ones.
const (
	VerbalCoop   = 1 // roots 01–05
	MaterialCoop = 2 // roots 06–08
	VerbalConf   = 3 // roots 09–13
	MaterialConf = 4 // roots 14–20
)

// QuadNames are the column names of the four quad classes, in order.
var QuadNames = [4]string{"verb_coop", "matl_coop", "verb_conf", "matl_conf"}

// QuadOfRoot returns the quad class of a CAMEO root code (1–20), 0 for any other.
func QuadOfRoot(root int) uint8 {
	switch {
	case root >= 1 && root <= 5:
		return VerbalCoop
	case root >= 6 && root <= 8:
		return MaterialCoop
	case root >= 9 && root <= 13:
		return VerbalConf
	case root >= 14 && root <= 20:
		return MaterialConf
	}
	return 0
}

// Verbal reports whether a quad class is a speech act (verbal cooperation or conflict).
func Verbal(quad uint8) bool { return quad == VerbalCoop || quad == VerbalConf }

// Code is one CAMEO event code of the codebook.
type Code struct {
	Code   string // text with leading zeros: "010" is not "10"
	Name   string
	Level  int   // 0 root, 1 base, 2 sub-code
	Root   uint8 // 1–20
	Quad   uint8 // 1–4
	Gold10 int8  // Goldstein score in tenths (−100…100)
}

// Goldstein returns the code's Goldstein score (−10…+10).
func (c Code) Goldstein() float64 { return float64(c.Gold10) / 10 }

// Codebook maps CAMEO codes to their root, quad class and Goldstein score.
// Lookups are by table index, not by hashing: codes are 2–4 digits.
type Codebook struct {
	Codes   []Code // index 0 is unused: a zero index means "unknown"
	Version string
	by2     [100]uint16
	by3     [1000]uint16
	by4     [10000]uint16
}

// Lookup returns the codebook index of a code given as text (0, false when unknown).
func (cb *Codebook) Lookup(b []byte) (uint16, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	var i uint16
	switch len(b) {
	case 2:
		i = cb.by2[n]
	case 3:
		i = cb.by3[n]
	case 4:
		i = cb.by4[n]
	}
	return i, i != 0
}

// Get returns the code at index i.
func (cb *Codebook) Get(i uint16) Code { return cb.Codes[i] }

// LookupString is Lookup for a string.
func (cb *Codebook) LookupString(s string) (Code, bool) {
	i, ok := cb.Lookup([]byte(s))
	if !ok {
		return Code{}, false
	}
	return cb.Codes[i], true
}

func (cb *Codebook) add(c Code) error {
	if len(cb.Codes) == 0 {
		cb.Codes = append(cb.Codes, Code{})
	}
	if len(cb.Codes) >= math.MaxUint16 {
		return fmt.Errorf("too many codes")
	}
	if _, dup := cb.LookupString(c.Code); dup {
		return fmt.Errorf("code %q appears twice", c.Code)
	}
	n := 0
	for _, ch := range []byte(c.Code) {
		if ch < '0' || ch > '9' {
			return fmt.Errorf("code %q is not 2–4 digits", c.Code)
		}
		n = n*10 + int(ch-'0')
	}
	idx := uint16(len(cb.Codes))
	switch len(c.Code) {
	case 2:
		cb.by2[n] = idx
	case 3:
		cb.by3[n] = idx
	case 4:
		cb.by4[n] = idx
	default:
		return fmt.Errorf("code %q is not 2–4 digits", c.Code)
	}
	cb.Codes = append(cb.Codes, c)
	return nil
}

// LoadCodebook builds the codebook from the CAMEO codebook
// (cameo_codes_icews_pkg: code, name, level, quad_category) and the Goldstein
// mapping (cameo_goldstein_scale). Every code must have both; the quad class
// of every code must be that of its root.
func LoadCodebook(ctx context.Context, src datasets.Source) (*Codebook, error) {
	cds := datasets.MustLookup("cameo_codes_icews_pkg")
	gds := datasets.MustLookup("cameo_goldstein_scale")
	gold := map[string]float64{}
	gi, err := colIndex(gds, "code", "goldstein")
	if err != nil {
		return nil, err
	}
	if err := src.Rows(ctx, gds, func(row []datasets.Value) error {
		if row[gi[0]].Null || row[gi[1]].Null {
			return bloc.Errorf(bloc.EINVALID, "%s: a row without code or goldstein", gds.Name)
		}
		gold[row[gi[0]].Str] = row[gi[1]].Float
		return nil
	}); err != nil {
		return nil, err
	}
	ci, err := colIndex(cds, "cameo_code", "name", "level", "quad_category")
	if err != nil {
		return nil, err
	}
	cb := &Codebook{Version: cds.Version + "; " + gds.Version}
	if err := src.Rows(ctx, cds, func(row []datasets.Value) error {
		code := row[ci[0]].Str
		g, ok := gold[code]
		if !ok {
			return bloc.Errorf(bloc.EINVALID, "CAMEO code %q has no Goldstein score in %s", code, gds.Name)
		}
		if len(code) < 2 {
			return bloc.Errorf(bloc.EINVALID, "%s: CAMEO code %q is too short", cds.Name, code)
		}
		root := int(code[0]-'0')*10 + int(code[1]-'0')
		quad := QuadOfRoot(root)
		if q := quadOfName(row[ci[3]].Str); q != quad || q == 0 {
			return bloc.Errorf(bloc.EINVALID, "%s: CAMEO code %q has quad_category %q, not that of its root %02d", cds.Name, code, row[ci[3]].Str, root)
		}
		g10 := math.Round(g * 10)
		if g10 < -100 || g10 > 100 || math.Abs(g10-g*10) > 1e-6 {
			return bloc.Errorf(bloc.EINVALID, "%s: Goldstein score %v of %q is not a multiple of 0.1 in [-10, 10]", gds.Name, g, code)
		}
		c := Code{Code: code, Name: row[ci[1]].Str, Level: int(row[ci[2]].Int), Root: uint8(root), Quad: quad, Gold10: int8(g10)}
		if err := cb.add(c); err != nil {
			return bloc.Errorf(bloc.EINVALID, "%s: %v", cds.Name, err)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if len(cb.Codes) < 21 {
		return nil, bloc.Errorf(bloc.EINVALID, "%s holds %d codes; expected the 312 CAMEO codes", cds.Name, len(cb.Codes)-1)
	}
	return cb, nil
}

func quadOfName(s string) uint8 {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "verbal cooperation":
		return VerbalCoop
	case "material cooperation":
		return MaterialCoop
	case "verbal conflict":
		return VerbalConf
	case "material conflict":
		return MaterialConf
	}
	return 0
}

func colIndex(ds *datasets.Dataset, names ...string) ([]int, error) {
	out := make([]int, len(names))
	for j, n := range names {
		out[j] = -1
		for i, c := range ds.Columns {
			if c.Name == n {
				out[j] = i
			}
		}
		if out[j] < 0 {
			return nil, bloc.Errorf(bloc.EINTERNAL, "dataset %s has no column %q", ds.Name, n)
		}
	}
	return out, nil
}
