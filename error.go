package bloc

import (
	"errors"
	"fmt"
	"net/http"
)

// Error codes. Every error that reaches a user carries one; it decides the
// process exit code and, in the HTTP API, the status.
const (
	EINVALID  = "invalid"  // the input is wrong: a bad flag, name, year or file
	ENOTFOUND = "notfound" // the thing asked for does not exist
	ENODATA   = "nodata"   // it exists, but no data cover that period
	EINTERNAL = "internal" // a bug or an environment failure
)

// Error is bloc's error type. Message is written for the person who made the
// mistake; Op names the operation; Err wraps an underlying cause.
type Error struct {
	Code    string
	Message string
	Op      string
	Err     error
	// Hints are suggestions shown under the message (e.g. "did you mean").
	Hints []string
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	} else if e.Err != nil {
		msg = msg + ": " + e.Err.Error()
	}
	if e.Op != "" {
		return e.Op + ": " + msg
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != "" {
		return e.Code
	}
	return EINTERNAL
}

// ErrorHints returns the hints of the first *Error in err's chain.
func ErrorHints(err error) []string {
	var e *Error
	if errors.As(err, &e) {
		return e.Hints
	}
	return nil
}

// ExitCode maps an error to a process exit code: 0 ok, 2 usage (invalid
// input), 1 any other failure.
func ExitCode(err error) int {
	switch ErrorCode(err) {
	case "":
		return 0
	case EINVALID:
		return 2
	default:
		return 1
	}
}

// HTTPStatus maps an error to an HTTP status code.
func HTTPStatus(err error) int {
	switch ErrorCode(err) {
	case "":
		return http.StatusOK
	case EINVALID:
		return http.StatusBadRequest
	case ENOTFOUND:
		return http.StatusNotFound
	case ENODATA:
		return http.StatusUnprocessableEntity
	default:
		return http.StatusInternalServerError
	}
}
