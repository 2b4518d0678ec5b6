package evidence

import (
	"fmt"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/cases"
)

// Builtin returns the shipped ledgers, parsed (package cases embeds them).
func Builtin() ([]*Ledger, error) {
	var out []*Ledger
	for _, name := range cases.Ledgers() {
		data, err := cases.Read(name)
		if err != nil {
			return nil, &bloc.Error{Code: bloc.EINTERNAL, Message: "reading the built-in ledger " + name, Err: err}
		}
		l, err := Parse(name, data)
		if err != nil {
			return nil, &bloc.Error{Code: bloc.EINTERNAL, Message: "the built-in ledger " + name + " is broken", Err: err}
		}
		out = append(out, l)
	}
	return out, nil
}

// For returns the evidence ledger for the dyad a→b: the file when one is
// given (it must be about a→b), else the built-in ledger whose dyad is a→b,
// else nil. The ledger is checked: its hypotheses are the registered
// theories and the residual, its states known to resolve.
func For(resolve Resolver, file string, a, b bloc.CCode) (*Ledger, error) {
	var l *Ledger
	if file != "" {
		var err error
		if l, err = Load(file); err != nil {
			return nil, err
		}
	} else {
		all, err := Builtin()
		if err != nil {
			return nil, err
		}
		for _, c := range all {
			ca, err1 := resolve(c.A)
			cb, err2 := resolve(c.B)
			if err1 == nil && err2 == nil && ca == a && cb == b {
				l = c
				break
			}
		}
		if l == nil {
			return nil, nil
		}
	}
	if err := l.Check(HypothesisIDs(), resolve); err != nil {
		return nil, err
	}
	ca, _ := resolve(l.A)
	cb, _ := resolve(l.B)
	if ca != a || cb != b {
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("the evidence ledger %s is about %s→%s, not the dyad asked for", l.File, l.A, l.B)}
	}
	return l, nil
}
