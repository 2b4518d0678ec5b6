package monitor

import (
	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
)

// JoinClauses joins the clauses of a sentence with "; " (what met a
// condition in a year; in package evidence, a ledger item's note or a
// year's note): each part is a message (bloc.Msg), or a bloc.Code for words
// written elsewhere (a ledger's), and the parts are joined pairwise by one
// message each, so that a translation renders every clause in its own
// language and joins them its own way, whatever their number. It is the
// zero Msg without a message among the parts (none, or a lone Code).
func JoinClauses(parts ...any) bloc.Msg {
	m, _ := indicators.Semicolons(parts).(bloc.Msg)
	return m
}
