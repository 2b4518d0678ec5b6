package httpapi

import (
	"errors"
	"net/http"

	"github.com/bloc-project/bloc"
)

// Problem is the JSON body of every error response.
type Problem struct {
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Hints   []string `json:"hints"`
}

// statusOf maps an error to its HTTP status; errors other than *bloc.Error
// are internal.
func statusOf(err error) int {
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return http.StatusRequestEntityTooLarge
	}
	return bloc.HTTPStatus(err)
}

// writeError writes err as a Problem. Internal errors are logged with
// their detail and reported to the client without it.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	p := Problem{Code: bloc.ErrorCode(err), Message: err.Error(), Hints: bloc.ErrorHints(err)}
	if status >= 500 {
		s.logf("error: %s %s: %v", r.Method, r.URL.RequestURI(), err)
		p = Problem{Code: bloc.EINTERNAL, Message: "internal error; the server log has the details"}
	}
	if p.Hints == nil {
		p.Hints = []string{}
	}
	w.Header().Del("Content-Encoding")
	w.Header().Del("Content-Disposition")
	s.writeJSON(w, status, p)
}

func invalid(msg string, hints ...string) error {
	return &bloc.Error{Code: bloc.EINVALID, Message: msg, Hints: hints}
}

func notFound(msg string, hints ...string) error {
	return &bloc.Error{Code: bloc.ENOTFOUND, Message: msg, Hints: hints}
}
