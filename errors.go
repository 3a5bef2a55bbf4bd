package newsfacts

import (
	"errors"
	"fmt"
)

// Errors a document can fail with. They are wrapped in a *DocError that says
// where.
var (
	// ErrEncoding reports input that is neither UTF-8 nor GB18030/GBK text.
	ErrEncoding = errors.New("unsupported text encoding")
	// ErrBinary reports input that looks like binary data, not text.
	ErrBinary = errors.New("binary data, not text")
	// ErrEmpty reports a document with no text.
	ErrEmpty = errors.New("empty document")
	// ErrTooLarge reports a document or line over the size limit.
	ErrTooLarge = errors.New("document too large")
	// ErrSyntax reports malformed JSON, front matter or markup.
	ErrSyntax = errors.New("malformed input")
)

// DocError is a failure of one document. It names the document's source and,
// for line-oriented input, the line, so that a user can find it.
type DocError struct {
	// Source is the input path ("-" for standard input).
	Source string
	// Line is the 1-based line for JSONL input, else 0.
	Line int
	// Op is the step that failed: "read", "decode", "parse", "extract" or
	// "write". For "extract", Err names the extractor.
	Op string
	// Err is the underlying error; errors.Is works through it.
	Err error
}

// Error formats the error as "source[:line]: op: err".
func (e *DocError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %v", e.Source, e.Line, e.Op, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.Source, e.Op, e.Err)
}

// Unwrap returns the underlying error.
func (e *DocError) Unwrap() error { return e.Err }
