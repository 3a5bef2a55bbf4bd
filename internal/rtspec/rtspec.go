// Package rtspec reads the JSON test specs of Microsoft Recognizers-Text
// (MIT), the peer test suite that newsfacts measures its number and date
// extractors against. The spec files are read in place from the shared
// folder and never copied into this repository.
package rtspec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// Case is one spec case: an input and the results expected from it.
type Case struct {
	Input                string   `json:"Input"`
	Results              []Result `json:"Results"`
	Context              *Context `json:"Context"`
	NotSupported         string   `json:"NotSupported"`
	NotSupportedByDesign string   `json:"NotSupportedByDesign"`
	IgnoreResolution     bool     `json:"IgnoreResolution"`
	Comment              string   `json:"Comment"`
}

// Context holds a case's reference time.
type Context struct {
	ReferenceDateTime string `json:"ReferenceDateTime"`
}

// Result is one expected entity. Model files give End (inclusive); extractor
// and parser files give Length instead. Use Span for a uniform view.
type Result struct {
	Text       string          `json:"Text"`
	TypeName   string          `json:"TypeName"`
	Type       string          `json:"Type"`
	Start      int             `json:"Start"`
	End        *int            `json:"End"`
	Length     *int            `json:"Length"`
	Resolution json.RawMessage `json:"Resolution"`
	Value      json.RawMessage `json:"Value"`
}

// Span returns the result's code point offsets, half-open.
func (r Result) Span() (start, end int) {
	switch {
	case r.End != nil:
		return r.Start, *r.End + 1
	case r.Length != nil:
		return r.Start, r.Start + *r.Length
	}
	return r.Start, r.Start + len([]rune(r.Text))
}

// Load reads a spec file. A leading UTF-8 byte order mark is allowed.
func Load(path string) ([]Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	var cases []Case
	if err := json.Unmarshal(b, &cases); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// SkippedOn reports whether the case is flagged as unsupported (a known bug
// or a deliberate difference) on platform, such as "javascript".
func (c Case) SkippedOn(platform string) bool {
	for _, list := range []string{c.NotSupported, c.NotSupportedByDesign} {
		for _, p := range strings.Split(list, ",") {
			if strings.EqualFold(strings.TrimSpace(p), platform) {
				return true
			}
		}
	}
	return false
}

// Reference returns the case's reference time, if it has one.
func (c Case) Reference() (time.Time, bool) {
	if c.Context == nil || c.Context.ReferenceDateTime == "" {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02T15:04:05", c.Context.ReferenceDateTime)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}
