// Package datafile reads the line-oriented data files that newsfacts
// embeds: word lists and tab-separated tables, one record a line. Blank
// lines and lines that start with # are skipped; a line may end in "\n"
// or "\r\n". Errors name the file and the line ("data/units.tsv:12: …").
package datafile

import (
	"fmt"
	"strings"
)

// Lines calls fn with each data line of data, without its line end, and
// its line number (from 1). A blank line (white space only) or one whose
// first byte is # is not a data line. An error from fn stops the scan and
// is returned as "name:line: error" (wrapped, for errors.Is).
func Lines(name, data string, fn func(line int, text string) error) error {
	for n := 1; data != ""; n++ {
		var l string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, ""
		}
		l = strings.TrimSuffix(l, "\r")
		if l == "" || l[0] == '#' || strings.TrimSpace(l) == "" {
			continue
		}
		if err := fn(n, l); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return nil
}

// Fields calls fn with the tab-separated fields of each data line of
// data, as Lines does, after checking that the line has at least min
// fields and that the first is not empty.
func Fields(name, data string, min int, fn func(f []string) error) error {
	return Lines(name, data, func(_ int, l string) error {
		f := strings.Split(l, "\t")
		if len(f) < min || f[0] == "" {
			return fmt.Errorf("want %d tab-separated fields, got %q", min, l)
		}
		return fn(f)
	})
}

// Set returns the data lines of a word list, trimmed of white space, as a
// set.
func Set(data string) map[string]bool {
	m := map[string]bool{}
	// NOTE: Lines fails only when its fn does.
	_ = Lines("", data, func(_ int, l string) error {
		m[strings.TrimSpace(l)] = true
		return nil
	})
	return m
}
