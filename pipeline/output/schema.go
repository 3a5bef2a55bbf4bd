package output

import (
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// column is one column of a table of rows R: its Arrow field, and how a
// row's value is appended to the column's builder. The column tables below
// are the single place that maps the row structs of rows.go to Arrow; a
// test checks them against the structs' field order and json tags.
type column[R any] struct {
	field arrow.Field
	// long marks columns of long free text (articles.text), which Parquet
	// writes without dictionary encoding or statistics.
	long bool
	// plain marks columns of short strings that rarely repeat (a metric's
	// text and subject), which Parquet writes without dictionary encoding.
	plain bool
	// size returns the bytes of string data the column holds for rows
	// rs; nil for columns without strings.
	size func(rs []R) int
	// text returns a row's value of a column of short strings that Parquet
	// writes with dictionary encoding (str); nil for other columns.
	text func(r *R) string
	// buffer returns a new buffer of the column's values and the function
	// that appends the values of rows, in order, to it.
	buffer func() (columnBuffer, func(rs []R))
}

// col makes a column whose values of type V are read with get and appended
// to an Arrow builder of type B with add.
func col[R, V any, B array.Builder](f arrow.Field, get func(*R) V, add func(B, V)) column[R] {
	return column[R]{field: f, buffer: func() (columnBuffer, func([]R)) {
		b := array.NewBuilder(memory.DefaultAllocator, f.Type)
		tb := b.(B)
		return b, func(rs []R) {
			for i := range rs {
				add(tb, get(&rs[i]))
			}
		}
	}}
}

// NOTE: the columns of int32 and float64 values without nulls, and of
// strings without a dictionary, are buffered in Go slices (valueColumn,
// stringColumn), not Arrow builders, whose Append checks for room and
// sets a validity bit per value, and whose buffers start empty and double
// for every batch; the arrays, and so the files, are the same.

var (
	date32    = arrow.FixedWidthTypes.Date32
	timestamp = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}
	// NOTE: the list element is named "element" and is non-nullable, as in
	// the standard three-level Parquet list, so that a Parquet file read
	// back with pqarrow has exactly this schema.
	stringList = arrow.ListOfField(arrow.Field{Name: "element", Type: arrow.BinaryTypes.String})
)

func str[R any](name string, get func(*R) string) column[R] {
	c := col(arrow.Field{Name: name, Type: arrow.BinaryTypes.String}, get, addString)
	c.size = strSize(get)
	c.text = get
	return c
}

// longStr is a column of long free text (articles.text), which Parquet
// writes without dictionary or statistics. Its values are appended as they
// are: the caller makes them valid UTF-8 (tables.add).
//
// NOTE: the text is nearly all of the strings written, and RowsInto
// already knows it valid: checking it again was 2 % of a run's CPU time.
func longStr[R any](name string, get func(*R) string) column[R] {
	c := column[R]{field: arrow.Field{Name: name, Type: arrow.BinaryTypes.String}, long: true}
	c.size = strSize(get)
	c.buffer = func() (columnBuffer, func([]R)) {
		b := new(textColumn)
		return b, func(rs []R) {
			for i := range rs {
				b.add(get(&rs[i]))
			}
		}
	}
	return c
}

// plainStr is a column of short strings that rarely repeat, which Parquet
// writes without dictionary encoding.
//
// NOTE: a batch of 32,768 metrics holds about 17,000 distinct texts and
// 16,000 distinct subjects; hashing each into a dictionary that stays
// under the page limit cost 3 % of the encode stage (0.88 → 0.85 s CPU on
// the corpus, one core, median of 5), and zstd packs the plain values
// smaller: metrics.parquet 4.27 → 4.15 MB. The values read back are the
// same.
func plainStr[R any](name string, get func(*R) string) column[R] {
	c := str(name, get)
	c.plain = true
	c.text = nil
	c.buffer = func() (columnBuffer, func([]R)) {
		b := new(stringColumn)
		return b, func(rs []R) {
			for i := range rs {
				b.add(get(&rs[i]))
			}
		}
	}
	return c
}

func i32[R any](name string, get func(*R) int32) column[R] {
	f := arrow.Field{Name: name, Type: arrow.PrimitiveTypes.Int32}
	return column[R]{field: f, buffer: func() (columnBuffer, func([]R)) {
		b := &valueColumn[int32]{typ: f.Type}
		return b, func(rs []R) {
			for i := range rs {
				b.values = append(b.values, get(&rs[i]))
			}
		}
	}}
}

func optI32[R any](name string, get func(*R) newsfacts.Opt[int32]) column[R] {
	return col(arrow.Field{Name: name, Type: arrow.PrimitiveTypes.Int32, Nullable: true}, get, addOptInt32)
}

func f64[R any](name string, get func(*R) float64) column[R] {
	f := arrow.Field{Name: name, Type: arrow.PrimitiveTypes.Float64}
	return column[R]{field: f, buffer: func() (columnBuffer, func([]R)) {
		b := &valueColumn[float64]{typ: f.Type}
		return b, func(rs []R) {
			for i := range rs {
				b.values = append(b.values, get(&rs[i]))
			}
		}
	}}
}

func optF64[R any](name string, get func(*R) newsfacts.Opt[float64]) column[R] {
	return col(arrow.Field{Name: name, Type: arrow.PrimitiveTypes.Float64, Nullable: true}, get, addOptFloat64)
}

func boolean[R any](name string, get func(*R) bool) column[R] {
	return col(arrow.Field{Name: name, Type: arrow.FixedWidthTypes.Boolean}, get, addBool)
}

func optDate[R any](name string, get func(*R) newsfacts.Opt[newsfacts.Day]) column[R] {
	return col(arrow.Field{Name: name, Type: date32, Nullable: true}, get, addOptDate)
}

func optTime[R any](name string, get func(*R) newsfacts.Opt[time.Time]) column[R] {
	return col(arrow.Field{Name: name, Type: timestamp, Nullable: true}, get, addOptTime)
}

func strList[R any](name string, get func(*R) []string) column[R] {
	c := col(arrow.Field{Name: name, Type: stringList}, get, addStringList)
	c.size = func(rs []R) int {
		n := 0
		for i := range rs {
			for _, s := range get(&rs[i]) {
				n += len(s)
			}
		}
		return n
	}
	return c
}

// strSize returns the size function of a column of strings read with get.
func strSize[R any](get func(*R) string) func([]R) int {
	return func(rs []R) int {
		n := 0
		for i := range rs {
			n += len(get(&rs[i]))
		}
		return n
	}
}

func addString(b *array.StringBuilder, s string) { b.Append(validUTF8(s)) }

func addOptInt32(b *array.Int32Builder, v newsfacts.Opt[int32]) {
	if v.OK {
		b.Append(v.V)
	} else {
		b.AppendNull()
	}
}

func addOptFloat64(b *array.Float64Builder, v newsfacts.Opt[float64]) {
	if v.OK {
		b.Append(v.V)
	} else {
		b.AppendNull()
	}
}

func addBool(b *array.BooleanBuilder, v bool) { b.Append(v) }

func addOptDate(b *array.Date32Builder, v newsfacts.Opt[newsfacts.Day]) {
	if v.OK {
		b.Append(arrow.Date32(v.V))
	} else {
		b.AppendNull()
	}
}

func addOptTime(b *array.TimestampBuilder, v newsfacts.Opt[time.Time]) {
	if v.OK {
		b.Append(arrow.Timestamp(v.V.UnixMicro()))
	} else {
		b.AppendNull()
	}
}

func addStringList(b *array.ListBuilder, v []string) {
	b.Append(true) // an empty list for nil too: never null
	vb := b.ValueBuilder().(*array.StringBuilder)
	for _, s := range v {
		addString(vb, s)
	}
}

// validUTF8 returns s with every byte that is not part of a valid UTF-8
// sequence replaced by U+FFFD.
//
// NOTE: Arrow's utf8 and Parquet's STRING must hold valid UTF-8 (DuckDB
// refuses to read a file that does not), while a source path or an error
// message may carry stray bytes. Replacing each bad byte, not each run of
// them as strings.ToValidUTF8 does, is what encoding/json does too, so the
// three formats hold the same strings, and code point offsets counted with
// utf8.RuneCountInString stay valid.
func validUTF8(s string) string {
	if runes.Valid(s) {
		return s
	}
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, s[i:i+n]...)
		}
		i += n
	}
	return string(out)
}

// The column tables, in the field order of the row structs in rows.go.

var articleColumns = []column[ArticleRow]{
	str("doc_id", func(r *ArticleRow) string { return r.DocID }),
	str("source", func(r *ArticleRow) string { return r.Source }),
	str("title", func(r *ArticleRow) string { return r.Title }),
	optDate("date", func(r *ArticleRow) newsfacts.Opt[newsfacts.Day] { return r.Date }),
	optTime("published_at", func(r *ArticleRow) newsfacts.Opt[time.Time] { return r.PublishedAt }),
	str("url", func(r *ArticleRow) string { return r.URL }),
	str("publisher", func(r *ArticleRow) string { return r.Publisher }),
	strList("categories", func(r *ArticleRow) []string { return r.Categories }),
	strList("tags", func(r *ArticleRow) []string { return r.Tags }),
	longStr("text", func(r *ArticleRow) string { return r.Text }),
	i32("chars", func(r *ArticleRow) int32 { return r.Chars }),
	str("status", func(r *ArticleRow) string { return r.Status }),
	str("error", func(r *ArticleRow) string { return r.Error }),
}

var entityColumns = []column[EntityRow]{
	str("doc_id", func(r *EntityRow) string { return r.DocID }),
	i32("entity_id", func(r *EntityRow) int32 { return r.EntityID }),
	str("type", func(r *EntityRow) string { return r.Type }),
	str("text", func(r *EntityRow) string { return r.Text }),
	i32("start", func(r *EntityRow) int32 { return r.Start }),
	i32("end", func(r *EntityRow) int32 { return r.End }),
	i32("sentence", func(r *EntityRow) int32 { return r.Sentence }),
	str("name", func(r *EntityRow) string { return r.Name }),
	str("code", func(r *EntityRow) string { return r.Code }),
	str("parent", func(r *EntityRow) string { return r.Parent }),
	str("method", func(r *EntityRow) string { return r.Method }),
}

var metricColumns = []column[MetricRow]{
	str("doc_id", func(r *MetricRow) string { return r.DocID }),
	i32("metric_id", func(r *MetricRow) int32 { return r.MetricID }),
	plainStr("text", func(r *MetricRow) string { return r.Text }),
	i32("start", func(r *MetricRow) int32 { return r.Start }),
	i32("end", func(r *MetricRow) int32 { return r.End }),
	i32("sentence", func(r *MetricRow) int32 { return r.Sentence }),
	plainStr("subject", func(r *MetricRow) string { return r.Subject }),
	str("kind", func(r *MetricRow) string { return r.Kind }),
	f64("value", func(r *MetricRow) float64 { return r.Value }),
	str("unit", func(r *MetricRow) string { return r.Unit }),
	str("qualifier", func(r *MetricRow) string { return r.Qualifier }),
	str("direction", func(r *MetricRow) string { return r.Direction }),
	optF64("from_value", func(r *MetricRow) newsfacts.Opt[float64] { return r.FromValue }),
	optF64("to_value", func(r *MetricRow) newsfacts.Opt[float64] { return r.ToValue }),
	str("baseline", func(r *MetricRow) string { return r.Baseline }),
	optI32("org_id", func(r *MetricRow) newsfacts.Opt[int32] { return r.OrgID }),
	optI32("place_id", func(r *MetricRow) newsfacts.Opt[int32] { return r.PlaceID }),
	optI32("date_id", func(r *MetricRow) newsfacts.Opt[int32] { return r.DateID }),
	str("rule", func(r *MetricRow) string { return r.Rule }),
	str("indicator", func(r *MetricRow) string { return r.Indicator }),
	boolean("target", func(r *MetricRow) bool { return r.Target }),
	str("subject_rule", func(r *MetricRow) string { return r.SubjectRule }),
	str("link_rule", func(r *MetricRow) string { return r.LinkRule }),
}

var dateColumns = []column[DateRow]{
	str("doc_id", func(r *DateRow) string { return r.DocID }),
	i32("date_id", func(r *DateRow) int32 { return r.DateID }),
	str("text", func(r *DateRow) string { return r.Text }),
	i32("start", func(r *DateRow) int32 { return r.Start }),
	i32("end", func(r *DateRow) int32 { return r.End }),
	i32("sentence", func(r *DateRow) int32 { return r.Sentence }),
	optDate("from_date", func(r *DateRow) newsfacts.Opt[newsfacts.Day] { return r.FromDate }),
	optDate("to_date", func(r *DateRow) newsfacts.Opt[newsfacts.Day] { return r.ToDate }),
	str("granularity", func(r *DateRow) string { return r.Granularity }),
	boolean("relative", func(r *DateRow) bool { return r.Relative }),
	str("rule", func(r *DateRow) string { return r.Rule }),
}

// schemaOf returns the Arrow schema of a column table, with metadata md
// (nil for none).
func schemaOf[R any](cols []column[R], md *arrow.Metadata) *arrow.Schema {
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = c.field
	}
	return arrow.NewSchema(fields, md)
}

// ArrowSchema returns the Arrow schema of a table ("articles", "entities",
// "metrics" or "dates"), without metadata, or nil for any other name.
// docs/schema.md documents every column.
func ArrowSchema(table string) *arrow.Schema {
	return arrowSchema(table, nil)
}

func arrowSchema(table string, md *arrow.Metadata) *arrow.Schema {
	switch table {
	case TableArticles:
		return schemaOf(articleColumns, md)
	case TableEntities:
		return schemaOf(entityColumns, md)
	case TableMetrics:
		return schemaOf(metricColumns, md)
	case TableDates:
		return schemaOf(dateColumns, md)
	}
	return nil
}
