package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// ErrInput marks errors about the folder a report is made from: missing
// tables, tables in several formats, a table written by another version of
// the schema, an unreadable file. The command exits 2 on them.
var ErrInput = errors.New("report input")

// Article is the part of an articles row the report uses.
type Article struct {
	DocID, Source, Title, Publisher, Status, Error, Text string
	Date                                                 newsfacts.Opt[newsfacts.Day]
}

// Entity is the part of an entities row the report uses.
type Entity struct {
	DocID                    string
	EntityID                 int32
	Type, Name, Code, Parent string
}

// Metric is the part of a metrics row the report uses. Indicator, Target
// and SubjectRule are columns of a newer schema; they are zero when the
// table lacks them (see Data.HasIndicator).
type Metric struct {
	DocID                        string
	MetricID                     int32
	Text                         string
	Start, End, Sentence         int32
	Subject, Kind                string
	Value                        float64
	Unit, Qualifier, Direction   string
	OrgID, PlaceID, DateID       newsfacts.Opt[int32]
	Rule, Indicator, SubjectRule string
	Target                       bool
}

// Date is the part of a dates row the report uses.
type Date struct {
	DocID    string
	DateID   int32
	Text     string
	FromDate newsfacts.Opt[newsfacts.Day]
}

// Data is the content of the four tables of one extract run.
type Data struct {
	Dir    string
	Format output.Format
	// Files are the paths of the four tables, by table name.
	Files    map[string]string
	Articles []Article
	Entities []Entity
	Metrics  []Metric
	Dates    []Date
	// HasIndicator, HasTarget and HasSubjectRule say whether the metrics
	// table has the columns indicator, target and subject_rule.
	HasIndicator, HasTarget, HasSubjectRule bool
}

// Load reads the four tables that `newsfacts extract` wrote to dir. format
// is "" to find it from the files present, else the format to read.
//
// Every check of the folder as a whole is in locate: the four tables in
// one format, and the manifest (_manifest.json) that extract writes last,
// whose checksums the files must match.
func Load(dir, format string) (*Data, error) {
	f, files, err := locate(dir, format)
	if err != nil {
		return nil, err
	}
	d := &Data{Dir: dir, Format: f, Files: files}
	read := readArrowTables
	if f == output.FormatJSONL {
		read = readJSONLTables
	}
	if err := read(d); err != nil {
		return nil, err
	}
	return d, nil
}

// locate finds the format and the files of the four tables in dir.
func locate(dir, format string) (output.Format, map[string]string, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", ErrInput, err)
	}
	if !fi.IsDir() {
		return "", nil, fmt.Errorf("%w: %s is not a folder (give the folder extract wrote, its -o)", ErrInput, dir)
	}
	formats := output.Formats()
	if format != "" {
		f, err := output.ParseFormat(format)
		if err != nil {
			return "", nil, fmt.Errorf("%w: %v", ErrInput, err)
		}
		formats = []output.Format{f}
	}
	var complete []output.Format
	var partial []string
	for _, f := range formats {
		var have, miss []string
		for _, t := range output.TableNames() {
			name := output.FileName(t, f)
			if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.Mode().IsRegular() {
				have = append(have, name)
			} else {
				miss = append(miss, name)
			}
		}
		switch {
		case len(miss) == 0:
			complete = append(complete, f)
		case len(have) > 0:
			partial = append(partial, fmt.Sprintf("has %s but not %s", strings.Join(have, ", "), strings.Join(miss, ", ")))
		}
	}
	switch {
	case len(complete) > 1:
		names := make([]string, len(complete))
		for i, f := range complete {
			names[i] = string(f)
		}
		return "", nil, fmt.Errorf("%w: %s holds the four tables in several formats (%s): choose one with --format",
			ErrInput, dir, strings.Join(names, ", "))
	case len(complete) == 0 && len(partial) > 0:
		return "", nil, fmt.Errorf("%w: %s %s: not the complete output of newsfacts extract",
			ErrInput, dir, strings.Join(partial, "; "))
	case len(complete) == 0:
		want := "articles, entities, metrics and dates .parquet, .arrow or .jsonl"
		if format != "" {
			want = "articles, entities, metrics and dates ." + format
		}
		return "", nil, fmt.Errorf("%w: %s holds none of the tables newsfacts extract writes (%s)", ErrInput, dir, want)
	}
	f := complete[0]
	// The folder is trusted only through the manifest that extract writes
	// last: it says which run the files are from and their checksums.
	m, err := output.ReadManifest(dir)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v (run extract again into %s)", ErrInput, err, dir)
	}
	if m.Format != f {
		return "", nil, fmt.Errorf("%w: %s: the manifest is of a %s run, the tables read are %s", ErrInput, dir, m.Format, f)
	}
	if err := m.Verify(dir); err != nil {
		return "", nil, fmt.Errorf("%w: %s does not match its manifest: %v", ErrInput, dir, err)
	}
	files := map[string]string{}
	for _, t := range m.Tables {
		files[t.Name] = filepath.Join(dir, t.File)
	}
	return f, files, nil
}

// schemaError says that a table lacks a column or has it with another type.
func schemaError(path, col, want, got string) error {
	if got == "" {
		return fmt.Errorf("%w: %s has no column %q (%s): it was written by another version of the newsfacts schema (see docs/schema.md); run extract again",
			ErrInput, path, col, want)
	}
	return fmt.Errorf("%w: %s: column %q is %s, want %s: it was written by another version of the newsfacts schema (see docs/schema.md); run extract again",
		ErrInput, path, col, got, want)
}
