package world

import (
	"testing"

	"github.com/bloc-project/bloc"
)

func TestIntentOverrideYears(t *testing.T) {
	w := New(bloc.Period{From: 2000, To: 2010})
	w.SetIntentIn(2, 630, 0.1, bloc.Period{From: 2006, To: 2010})
	for _, c := range []struct {
		p    bloc.Period
		want bool
	}{{bloc.Period{From: 2000, To: 2005}, false}, {bloc.Period{From: 2004, To: 2006}, true}, {bloc.Period{From: 2008, To: 2008}, true}, {bloc.Period{From: 2011, To: 2012}, false}} {
		if v, ok := w.IntentOverride(2, 630, c.p); ok != c.want || (ok && v != 0.1) {
			t.Errorf("%v: %v %v", c.p, v, ok)
		}
	}
	if _, ok := w.IntentOverride(630, 2, bloc.Period{From: 2008, To: 2008}); ok {
		t.Fatal("the override is directed")
	}
	c := w.Clone()
	c.SetIntent(2, 630, 0.9) // every year now, in the clone only
	if v, ok := c.IntentOverride(2, 630, bloc.Period{From: 2000, To: 2001}); !ok || v != 0.9 {
		t.Fatalf("clone: %v %v", v, ok)
	}
	if _, ok := w.IntentOverride(2, 630, bloc.Period{From: 2000, To: 2001}); ok {
		t.Fatal("the clone's override leaked into the original")
	}
}
