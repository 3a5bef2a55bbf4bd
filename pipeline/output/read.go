package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Tables is the content of the four tables read back from JSONL (golden
// files, validate). A table with no rows is nil.
type Tables struct {
	Articles []ArticleRow
	Entities []EntityRow
	Metrics  []MetricRow
	Dates    []DateRow
}

// ReadJSONL reads the four <table>.jsonl files in dir. A missing table
// file, a malformed line or a field that is not a column is an error that
// names the file (and line).
func ReadJSONL(dir string) (*Tables, error) {
	var t Tables
	var err error
	if t.Articles, err = readJSONL[ArticleRow](filepath.Join(dir, FileName(TableArticles, FormatJSONL))); err != nil {
		return nil, err
	}
	if t.Entities, err = readJSONL[EntityRow](filepath.Join(dir, FileName(TableEntities, FormatJSONL))); err != nil {
		return nil, err
	}
	if t.Metrics, err = readJSONL[MetricRow](filepath.Join(dir, FileName(TableMetrics, FormatJSONL))); err != nil {
		return nil, err
	}
	if t.Dates, err = readJSONL[DateRow](filepath.Join(dir, FileName(TableDates, FormatJSONL))); err != nil {
		return nil, err
	}
	return &t, nil
}

// readJSONL reads one row per line from the file at path.
func readJSONL[R any](path string) ([]R, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err) // *PathError names the file
	}
	defer f.Close()
	// NOTE: a bufio.Reader rather than a Scanner: an articles line holds a
	// whole article text and has no useful upper bound.
	br := bufio.NewReaderSize(f, 64<<10)
	var rows []R
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(b) == 0 && errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("output: %s:%d: %w", path, line, err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		var r R
		if derr := dec.Decode(&r); derr != nil {
			return nil, fmt.Errorf("output: %s:%d: %w", path, line, derr)
		}
		if dec.More() {
			return nil, fmt.Errorf("output: %s:%d: more than one JSON value on the line", path, line)
		}
		rows = append(rows, r)
		if err != nil { // io.EOF after a last line with no line break
			return rows, nil
		}
	}
}
