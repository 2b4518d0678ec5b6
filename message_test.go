package bloc

import (
	"encoding/json"
	"fmt"
	"testing"
)

func TestSayfMatchesSprintf(t *testing.T) {
	cases := []struct {
		format string
		args   []any
	}{
		{"plain", nil},
		{"%d of %d tests (%.1f%%)", []any{3, 7, 42.857}},
		{"%-5s|%5.2f|%+d|%q|%x", []any{"ab", 3.14159, 4, "q", 255}},
		{"100%% sure: %v", []any{true}},
		{"%s and %s", []any{"a", "b"}},
	}
	for _, c := range cases {
		m := Sayf(c.format, c.args...)
		if want := fmt.Sprintf(c.format, c.args...); m.String() != want {
			t.Errorf("Sayf(%q).String() = %q, want %q", c.format, m.String(), want)
		}
		// The message survives JSON.
		b, _ := json.Marshal(m)
		var back Msg
		if err := json.Unmarshal(b, &back); err != nil || back.String() != m.String() {
			t.Errorf("JSON round trip of %q: %q, %v", c.format, back.String(), err)
		}
	}
}

func TestSayfMarksStatesAndTerms(t *testing.T) {
	iran := State{CCode: 630, Abb: "IRN", Name: "Iran"}
	m := Sayf("%s fears %s (%s)", iran, &State{CCode: 2, Abb: "USA"}, Term{Key: "theory.walt", Text: "balance of threat"})
	if m.String() != "Iran fears USA (balance of threat)" {
		t.Fatalf("%q", m.String())
	}
	if m.Args[0].State != 630 || m.Args[1].State != 2 || m.Args[2].Term != "theory.walt" {
		t.Errorf("args not marked: %+v", m.Args)
	}
}

func TestRenderIndexes(t *testing.T) {
	if got := Render("%[2]s before %[1]s, then %s", []string{"a", "b", "c"}); got != "b before a, then b" { // as fmt: after %[1]s comes argument 2
		t.Errorf("Render = %q", got)
	}
	if got := Render("%s %s", []string{"a"}); got != "a %!(MISSING)" {
		t.Errorf("Render with too few args = %q", got)
	}
	if n, mx := Verbs("%[2]s %[1]s %%"); n != 2 || mx != 2 {
		t.Errorf("Verbs = %d, %d", n, mx)
	}
	if n, _ := Verbs("%d%% of %s"); n != 2 {
		t.Errorf("Verbs = %d", n)
	}
}

func FuzzRender(f *testing.F) {
	f.Add("%s %[2]d %% %", "a", "b")
	f.Fuzz(func(t *testing.T, format, a, b string) {
		_ = Render(format, []string{a, b})
		Verbs(format)
		_ = Sayf(format, a, b).String()
	})
}

func TestSayfNested(t *testing.T) {
	inner := Sayf("rivalry %d (%s)", 42, "positional")
	outer := Sayf("%s opposes %s: %s.", State{CCode: 630, Name: "Iran"}, State{CCode: 2, Name: "USA"}, inner)
	if outer.String() != "Iran opposes USA: rivalry 42 (positional)." {
		t.Fatalf("%q", outer.String())
	}
	if outer.Args[2].Msg == nil || outer.Args[2].Msg.Format != "rivalry %d (%s)" {
		t.Errorf("nested message lost: %+v", outer.Args[2])
	}
	var none *Msg
	if got := Sayf("x%sy", none).String(); got != "xy" {
		t.Errorf("nil *Msg: %q", got)
	}
}

func TestSayfAbbr(t *testing.T) {
	m := Sayf("CINC %s is %.2f", Abbr{CCode: 365, Abb: "RUS"}, 0.0365)
	if m.String() != "CINC RUS is 0.04" || m.Args[0].State != 365 || m.Args[0].V != "RUS" {
		t.Errorf("%q %+v", m.String(), m.Args)
	}
}
