package report

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// kind is the Arrow type a column must have.
type kind int

const (
	kString   kind = iota // utf8 (or large_utf8)
	kInt32                // int32
	kOptInt32             // nullable int32
	kFloat64              // float64
	kBool                 // bool
	kOptDate              // nullable date32
)

func (k kind) String() string {
	return [...]string{"utf8", "int32", "int32", "float64", "bool", "date32"}[k]
}

// spec is one column the report reads from a table of rows T.
type spec[T any] struct {
	name string
	kind kind
	// optional columns belong to a newer schema; a table may lack them.
	optional bool
	// ptr returns a pointer to the field of r the column fills: *string,
	// *int32, *newsfacts.Opt[int32], *float64, *bool or
	// *newsfacts.Opt[newsfacts.Day], by kind.
	ptr func(r *T) any
}

// NOTE: only the columns the report shows are read (Parquet reads no
// others at all); a table from another schema version fails on the first
// of these it lacks.

var articleSpecs = []spec[Article]{
	{name: "doc_id", ptr: func(r *Article) any { return &r.DocID }},
	{name: "source", ptr: func(r *Article) any { return &r.Source }},
	{name: "title", ptr: func(r *Article) any { return &r.Title }},
	{name: "date", kind: kOptDate, ptr: func(r *Article) any { return &r.Date }},
	{name: "publisher", ptr: func(r *Article) any { return &r.Publisher }},
	{name: "text", ptr: func(r *Article) any { return &r.Text }},
	{name: "status", ptr: func(r *Article) any { return &r.Status }},
	{name: "error", ptr: func(r *Article) any { return &r.Error }},
}

var entitySpecs = []spec[Entity]{
	{name: "doc_id", ptr: func(r *Entity) any { return &r.DocID }},
	{name: "entity_id", kind: kInt32, ptr: func(r *Entity) any { return &r.EntityID }},
	{name: "type", ptr: func(r *Entity) any { return &r.Type }},
	{name: "name", ptr: func(r *Entity) any { return &r.Name }},
	{name: "code", ptr: func(r *Entity) any { return &r.Code }},
	{name: "parent", ptr: func(r *Entity) any { return &r.Parent }},
}

var metricSpecs = []spec[Metric]{
	{name: "doc_id", ptr: func(r *Metric) any { return &r.DocID }},
	{name: "metric_id", kind: kInt32, ptr: func(r *Metric) any { return &r.MetricID }},
	{name: "text", ptr: func(r *Metric) any { return &r.Text }},
	{name: "start", kind: kInt32, ptr: func(r *Metric) any { return &r.Start }},
	{name: "end", kind: kInt32, ptr: func(r *Metric) any { return &r.End }},
	{name: "sentence", kind: kInt32, ptr: func(r *Metric) any { return &r.Sentence }},
	{name: "subject", ptr: func(r *Metric) any { return &r.Subject }},
	{name: "kind", ptr: func(r *Metric) any { return &r.Kind }},
	{name: "value", kind: kFloat64, ptr: func(r *Metric) any { return &r.Value }},
	{name: "unit", ptr: func(r *Metric) any { return &r.Unit }},
	{name: "qualifier", ptr: func(r *Metric) any { return &r.Qualifier }},
	{name: "direction", ptr: func(r *Metric) any { return &r.Direction }},
	{name: "org_id", kind: kOptInt32, ptr: func(r *Metric) any { return &r.OrgID }},
	{name: "place_id", kind: kOptInt32, ptr: func(r *Metric) any { return &r.PlaceID }},
	{name: "date_id", kind: kOptInt32, ptr: func(r *Metric) any { return &r.DateID }},
	{name: "rule", ptr: func(r *Metric) any { return &r.Rule }},
	{name: "indicator", optional: true, ptr: func(r *Metric) any { return &r.Indicator }},
	{name: "target", kind: kBool, optional: true, ptr: func(r *Metric) any { return &r.Target }},
	{name: "subject_rule", optional: true, ptr: func(r *Metric) any { return &r.SubjectRule }},
}

var dateSpecs = []spec[Date]{
	{name: "doc_id", ptr: func(r *Date) any { return &r.DocID }},
	{name: "date_id", kind: kInt32, ptr: func(r *Date) any { return &r.DateID }},
	{name: "text", ptr: func(r *Date) any { return &r.Text }},
	{name: "from_date", kind: kOptDate, ptr: func(r *Date) any { return &r.FromDate }},
}

// present reports, after a table was read, which optional columns it had.
type present map[string]bool

func (d *Data) notePresent(p present) {
	d.HasIndicator, d.HasTarget, d.HasSubjectRule = p["indicator"], p["target"], p["subject_rule"]
}

// ---- Parquet and Arrow IPC

func readArrowTables(d *Data) error {
	var err error
	if d.Articles, _, err = readArrowTable(d.Format, d.Files[output.TableArticles], articleSpecs); err != nil {
		return err
	}
	if d.Entities, _, err = readArrowTable(d.Format, d.Files[output.TableEntities], entitySpecs); err != nil {
		return err
	}
	var p present
	if d.Metrics, p, err = readArrowTable(d.Format, d.Files[output.TableMetrics], metricSpecs); err != nil {
		return err
	}
	d.notePresent(p)
	d.Dates, _, err = readArrowTable(d.Format, d.Files[output.TableDates], dateSpecs)
	return err
}

// checkSchema matches specs against schema and returns, for each spec, the
// index of its field in schema, or -1 for an optional column it lacks.
func checkSchema[T any](path string, schema *arrow.Schema, specs []spec[T]) ([]int, present, error) {
	idx := make([]int, len(specs))
	p := present{}
	for i, s := range specs {
		idx[i] = -1
		fi := schema.FieldIndices(s.name)
		if len(fi) == 0 {
			if s.optional {
				continue
			}
			return nil, nil, schemaError(path, s.name, s.kind.String(), "")
		}
		f := schema.Field(fi[0])
		if !typeOK(s.kind, f.Type) {
			return nil, nil, schemaError(path, s.name, s.kind.String(), f.Type.String())
		}
		idx[i] = fi[0]
		p[s.name] = true
	}
	return idx, p, nil
}

func typeOK(k kind, t arrow.DataType) bool {
	switch k {
	case kString:
		return t.ID() == arrow.STRING || t.ID() == arrow.LARGE_STRING
	case kInt32, kOptInt32:
		return t.ID() == arrow.INT32
	case kFloat64:
		return t.ID() == arrow.FLOAT64
	case kBool:
		return t.ID() == arrow.BOOL
	case kOptDate:
		return t.ID() == arrow.DATE32
	}
	return false
}

// binder returns a function that copies row i of column a into a row.
func binder[T any](s spec[T], a arrow.Array) func(r *T, i int) {
	switch s.kind {
	case kString:
		type valuer interface{ Value(int) string }
		sa := a.(valuer)
		return func(r *T, i int) {
			if a.IsValid(i) {
				// NOTE: a copy: Value aliases the record's buffer, which
				// is released after the batch.
				*s.ptr(r).(*string) = strings.Clone(sa.Value(i))
			}
		}
	case kInt32:
		ia := a.(*array.Int32)
		return func(r *T, i int) { *s.ptr(r).(*int32) = ia.Value(i) }
	case kOptInt32:
		ia := a.(*array.Int32)
		return func(r *T, i int) {
			if ia.IsValid(i) {
				*s.ptr(r).(*newsfacts.Opt[int32]) = newsfacts.Some(ia.Value(i))
			}
		}
	case kFloat64:
		fa := a.(*array.Float64)
		return func(r *T, i int) { *s.ptr(r).(*float64) = fa.Value(i) }
	case kBool:
		ba := a.(*array.Boolean)
		return func(r *T, i int) { *s.ptr(r).(*bool) = ba.IsValid(i) && ba.Value(i) }
	case kOptDate:
		da := a.(*array.Date32)
		return func(r *T, i int) {
			if da.IsValid(i) {
				*s.ptr(r).(*newsfacts.Opt[newsfacts.Day]) = newsfacts.Some(newsfacts.Day(da.Value(i)))
			}
		}
	}
	panic("report: unknown column kind")
}

// appendRecord appends the rows of rec to rows; idx gives the field of
// each spec in rec's schema (-1: absent).
func appendRecord[T any](rows []T, rec arrow.RecordBatch, specs []spec[T], idx []int) []T {
	binds := make([]func(*T, int), 0, len(specs))
	for i, s := range specs {
		if idx[i] >= 0 {
			binds = append(binds, binder(s, rec.Column(idx[i])))
		}
	}
	n := int(rec.NumRows())
	start := len(rows)
	rows = append(rows, make([]T, n)...)
	for _, b := range binds {
		for i := 0; i < n; i++ {
			b(&rows[start+i], i)
		}
	}
	return rows
}

func readArrowTable[T any](f output.Format, path string, specs []spec[T]) ([]T, present, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrInput, err)
	}
	defer fh.Close()
	bad := func(err error) error {
		return fmt.Errorf("%w: %s: not a readable %s file: %v", ErrInput, path, f, err)
	}
	if f == output.FormatArrow {
		r, err := ipc.NewFileReader(fh, ipc.WithAllocator(memory.DefaultAllocator))
		if err != nil {
			return nil, nil, bad(err)
		}
		defer r.Close()
		idx, p, err := checkSchema(path, r.Schema(), specs)
		if err != nil {
			return nil, nil, err
		}
		var rows []T
		for i := 0; i < r.NumRecords(); i++ {
			rec, err := r.RecordBatch(i)
			if err != nil {
				return nil, nil, bad(err)
			}
			rows = appendRecord(rows, rec, specs, idx)
		}
		return rows, p, nil
	}

	pf, err := file.NewParquetReader(fh)
	if err != nil {
		return nil, nil, bad(err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 64 << 10}, memory.DefaultAllocator)
	if err != nil {
		return nil, nil, bad(err)
	}
	schema, err := fr.Schema()
	if err != nil {
		return nil, nil, bad(err)
	}
	if _, _, err := checkSchema(path, schema, specs); err != nil {
		return nil, nil, err
	}
	// Read only the columns of specs (all of them flat leaves).
	var leaves []int
	for _, s := range specs {
		if c := pf.MetaData().Schema.ColumnIndexByName(s.name); c >= 0 {
			leaves = append(leaves, c)
		}
	}
	rr, err := fr.GetRecordReader(context.Background(), leaves, nil)
	if err != nil {
		return nil, nil, bad(err)
	}
	defer rr.Release()
	idx, p, err := checkSchema(path, rr.Schema(), specs)
	if err != nil {
		return nil, nil, err
	}
	rows := make([]T, 0, pf.NumRows())
	for rr.Next() {
		rows = appendRecord(rows, rr.RecordBatch(), specs, idx)
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		return nil, nil, bad(err)
	}
	return rows, p, nil
}

// ---- JSON Lines

// jsonlMetric is a metrics line: today's columns and those of the newer
// schema.
type jsonlMetric struct {
	output.MetricRow
	Indicator   string `json:"indicator"`
	Target      bool   `json:"target"`
	SubjectRule string `json:"subject_rule"`
}

func readJSONLTables(d *Data) error {
	err := readJSONLTable(d.Files[output.TableArticles], articleSpecs, func(r *output.ArticleRow) {
		d.Articles = append(d.Articles, Article{DocID: r.DocID, Source: r.Source, Title: r.Title, Publisher: r.Publisher,
			Status: r.Status, Error: r.Error, Text: r.Text, Date: r.Date})
	}, nil)
	if err != nil {
		return err
	}
	err = readJSONLTable(d.Files[output.TableEntities], entitySpecs, func(r *output.EntityRow) {
		d.Entities = append(d.Entities, Entity{DocID: r.DocID, EntityID: r.EntityID, Type: r.Type, Name: r.Name, Code: r.Code, Parent: r.Parent})
	}, nil)
	if err != nil {
		return err
	}
	err = readJSONLTable(d.Files[output.TableMetrics], metricSpecs, func(r *jsonlMetric) {
		d.Metrics = append(d.Metrics, Metric{DocID: r.DocID, MetricID: r.MetricID, Text: r.Text, Start: r.Start, End: r.End,
			Sentence: r.Sentence, Subject: r.Subject, Kind: r.Kind, Value: r.Value, Unit: r.Unit, Qualifier: r.Qualifier,
			Direction: r.Direction, OrgID: r.OrgID, PlaceID: r.PlaceID, DateID: r.DateID, Rule: r.Rule,
			Indicator: r.Indicator, Target: r.Target, SubjectRule: r.SubjectRule})
	}, d.notePresent)
	if err != nil {
		return err
	}
	return readJSONLTable(d.Files[output.TableDates], dateSpecs, func(r *output.DateRow) {
		d.Dates = append(d.Dates, Date{DocID: r.DocID, DateID: r.DateID, Text: r.Text, FromDate: r.FromDate})
	}, nil)
}

// readJSONLTable decodes each line of path into a J and passes it to add.
// The keys of the first line must include every required column of specs;
// seen, if not nil, is told which columns that line has.
func readJSONLTable[J, T any](path string, specs []spec[T], add func(*J), seen func(present)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInput, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	for line := 1; ; line++ {
		b, rerr := br.ReadBytes('\n')
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return fmt.Errorf("%w: %s:%d: %v", ErrInput, path, line, rerr)
		}
		if len(bytes.TrimSpace(b)) > 0 {
			if line == 1 {
				var keys map[string]json.RawMessage
				if err := json.Unmarshal(b, &keys); err != nil {
					return fmt.Errorf("%w: %s:%d: not a JSON object: %v", ErrInput, path, line, err)
				}
				p := present{}
				for _, s := range specs {
					if _, ok := keys[s.name]; ok {
						p[s.name] = true
					} else if !s.optional {
						return schemaError(path, s.name, s.kind.String(), "")
					}
				}
				if seen != nil {
					seen(p)
				}
			}
			var r J
			if err := json.Unmarshal(b, &r); err != nil {
				return fmt.Errorf("%w: %s:%d: %v (a table of another version of the newsfacts schema?)", ErrInput, path, line, err)
			}
			add(&r)
		}
		if rerr != nil {
			return nil
		}
	}
}
