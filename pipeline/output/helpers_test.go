package output_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// day returns the Day of a "YYYY-MM-DD" date.
func day(t testing.TB, s string) newsfacts.Day {
	t.Helper()
	d, err := newsfacts.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sampleDocs returns hand-made rows of four documents: a complete article
// in the style of the reference article, an article with every optional
// field absent and unusual text, an article that failed to parse, and an
// article with no spans.
func sampleDocs(t testing.TB) []output.DocRows {
	t.Helper()
	const id1 = "2022-03-29-shifeng-enterprise-service"
	// Hand-written sentences in the style of the reference article.
	text1 := "2021年以来，石峰区推行审批“帮代办”。\n去年，该区组建企业微信群111个，审批提速80%以上！\n所需时间由26个工作日缩减至5个工作日。"
	doc1 := output.DocRows{
		Article: output.ArticleRow{
			DocID:       id1,
			Source:      "testdata/articles/" + id1 + ".md",
			Title:       "石峰区打造企业服务新标杆",
			Date:        newsfacts.Some(day(t, "2022-03-29")),
			PublishedAt: newsfacts.Some(time.Date(2022, 3, 29, 0, 27, 42, 0, time.UTC)),
			URL:         "http://example.com/NewsShare.html?infoCode=NW1&lang=zh",
			Publisher:   "株洲日报",
			Categories:  []string{"zhuzhouribao"},
			Tags:        []string{"株洲日报新闻", "营商环境"},
			Text:        text1,
			Chars:       int32(len([]rune(text1))),
			Status:      output.StatusOK,
		},
		Entities: []output.EntityRow{
			{DocID: id1, EntityID: 0, Type: "PLACE", Text: "石峰区", Start: 8, End: 11, Sentence: 0, Name: "石峰区", Code: "430204", Parent: "湖南省株洲市", Method: "gazetteer"},
			{DocID: id1, EntityID: 1, Type: "ORG", Text: "该区", Start: 25, End: 27, Sentence: 1, Name: "", Code: "", Parent: "", Method: "anaphora"},
		},
		Metrics: []output.MetricRow{
			{DocID: id1, MetricID: 0, Text: "企业微信群111个", Start: 29, End: 38, Sentence: 1, Subject: "企业微信群", Kind: "quantity", Value: 111, Unit: "个", OrgID: newsfacts.Some[int32](1), DateID: newsfacts.Some[int32](1), Rule: "quantity: N个"},
			{DocID: id1, MetricID: 1, Text: "提速80%以上", Start: 41, End: 48, Sentence: 1, Subject: "审批", Kind: "percent", Value: 80, Unit: "%", Qualifier: "over", Direction: "up", PlaceID: newsfacts.Some[int32](0), Rule: "percent: 提速N%以上"},
			{DocID: id1, MetricID: 2, Text: "由26个工作日缩减至5个工作日", Start: 54, End: 69, Sentence: 2, Subject: "所需时间", Kind: "change", Value: 5, Unit: "工作日", Direction: "down", FromValue: newsfacts.Some(26.0), ToValue: newsfacts.Some(5.0), Rule: "change: 由A缩减至B"},
		},
		Dates: []output.DateRow{
			{DocID: id1, DateID: 0, Text: "2021年以来", Start: 0, End: 7, Sentence: 0, FromDate: newsfacts.Some(day(t, "2021-01-01")), ToDate: newsfacts.Some(day(t, "2022-03-29")), Granularity: "span", Relative: true, Rule: "since: Y年以来"},
			{DocID: id1, DateID: 1, Text: "去年", Start: 22, End: 24, Sentence: 1, FromDate: newsfacts.Some(day(t, "2021-01-01")), ToDate: newsfacts.Some(day(t, "2021-12-31")), Granularity: "year", Relative: true, Rule: "relative year: 去年"},
		},
	}

	const id2 = "nulls#2"
	// Astral-plane and combining characters, quotes, a tab and a backslash:
	// code point offsets and JSON escapes must both survive.
	text2 := "“𠮷野家”在\t上海开业，首日客流约1.5万人次……\n\\né\u0301"
	doc2 := output.DocRows{
		Article: output.ArticleRow{
			DocID:      id2,
			Source:     "dump.jsonl:2",
			Categories: []string{},
			Tags:       []string{},
			Text:       text2,
			Chars:      int32(len([]rune(text2))),
			Status:     output.StatusOK,
		},
		Metrics: []output.MetricRow{
			{DocID: id2, MetricID: 0, Text: "约1.5万人次", Start: 16, End: 23, Sentence: 0, Subject: "首日客流", Kind: "quantity", Value: 15000, Unit: "人次", Qualifier: "approx", Rule: "quantity: 约N万"},
		},
		Dates: []output.DateRow{
			{DocID: id2, DateID: 0, Text: "首日", Start: 12, End: 14, Sentence: 0, Granularity: "day", Rule: "relative day: 首日"},
		},
	}

	doc3 := output.DocRows{Article: output.ArticleRow{
		DocID:      "broken#3",
		Source:     "dump.jsonl:3",
		Categories: []string{},
		Tags:       []string{},
		Status:     output.StatusError,
		Error:      "dump.jsonl:3: parse: malformed input",
	}}

	text4 := "本报讯 会议在京召开。"
	doc4 := output.DocRows{Article: output.ArticleRow{
		DocID:       "plain#4",
		Source:      "dump.jsonl:4",
		Title:       "会议召开",
		Date:        newsfacts.Some(day(t, "1999-12-31")),
		PublishedAt: newsfacts.Some(time.Date(1999, 12, 31, 16, 0, 0, 0, time.UTC)),
		Categories:  []string{},
		Tags:        []string{"时政"},
		Text:        text4,
		Chars:       int32(len([]rune(text4))),
		Status:      output.StatusOK,
	}}
	return []output.DocRows{doc1, doc2, doc3, doc4}
}

// tablesOf returns the tables that docs make.
func tablesOf(docs []output.DocRows) *output.Tables {
	var t output.Tables
	for _, d := range docs {
		t.Articles = append(t.Articles, d.Article)
		t.Entities = append(t.Entities, d.Entities...)
		t.Metrics = append(t.Metrics, d.Metrics...)
		t.Dates = append(t.Dates, d.Dates...)
	}
	return &t
}

// writeDocs writes docs through a new sink and closes it.
func writeDocs(t testing.TB, o output.Options, docs []output.DocRows) output.Counts {
	t.Helper()
	s, err := output.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if err := s.Write(context.Background(), &docs[i]); err != nil {
			s.Abort()
			t.Fatalf("Write(doc %d): %v", i, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return s.Counts()
}

// compareTables fails the test when got and want differ, with a diff of
// their JSON forms.
func compareTables(t testing.TB, got, want *output.Tables) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	t.Errorf("tables differ (- want, + got):\n%s", golden.Diff(string(w), string(g)))
}

// readBack reads the four tables of dir in format f, for any format.
func readBack(t testing.TB, dir string, f output.Format) *output.Tables {
	t.Helper()
	if f == output.FormatJSONL {
		tb, err := output.ReadJSONL(dir)
		if err != nil {
			t.Fatal(err)
		}
		return tb
	}
	recs := func(table string) []arrow.RecordBatch {
		path := filepath.Join(dir, output.FileName(table, f))
		if f == output.FormatArrow {
			return readArrow(t, path)
		}
		return readParquet(t, path)
	}
	return &output.Tables{
		Articles: decode[output.ArticleRow](t, recs(output.TableArticles)),
		Entities: decode[output.EntityRow](t, recs(output.TableEntities)),
		Metrics:  decode[output.MetricRow](t, recs(output.TableMetrics)),
		Dates:    decode[output.DateRow](t, recs(output.TableDates)),
	}
}

// readArrow reads the record batches of an Arrow IPC file, checking its
// schema against output.ArrowSchema.
func readArrow(t testing.TB, path string) []arrow.RecordBatch {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := ipc.NewFileReader(f, ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer r.Close()
	checkSchema(t, path, r.Schema())
	var out []arrow.RecordBatch
	for i := range r.NumRecords() {
		rec, err := r.RecordBatch(i)
		if err != nil {
			t.Fatalf("%s: batch %d: %v", path, i, err)
		}
		rec.Retain()
		out = append(out, rec)
	}
	return out
}

// readParquet reads the rows of a Parquet file as record batches, one per
// row group, checking its schema against output.ArrowSchema.
func readParquet(t testing.TB, path string) []arrow.RecordBatch {
	t.Helper()
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	sc, err := fr.Schema()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	checkSchema(t, path, sc)
	var out []arrow.RecordBatch
	for g := range pf.NumRowGroups() {
		rr, err := fr.GetRecordReader(context.Background(), nil, []int{g})
		if err != nil {
			t.Fatalf("%s: row group %d: %v", path, g, err)
		}
		tbl := array.NewTableReader(mustTable(t, rr), -1)
		for tbl.Next() {
			rec := tbl.RecordBatch()
			rec.Retain()
			out = append(out, rec)
		}
		tbl.Release()
		rr.Release()
	}
	return out
}

// mustTable reads all batches of rr into one table.
func mustTable(t testing.TB, rr pqarrow.RecordReader) arrow.Table {
	t.Helper()
	var recs []arrow.RecordBatch
	for rr.Next() {
		rec := rr.RecordBatch()
		rec.Retain()
		recs = append(recs, rec)
	}
	if err := rr.Err(); err != nil {
		t.Fatal(err)
	}
	return array.NewTableFromRecords(rr.Schema(), recs)
}

// checkSchema checks that a file's schema has the fields of the table's
// ArrowSchema (names, types, nullability), whatever its metadata.
func checkSchema(t testing.TB, path string, got *arrow.Schema) {
	t.Helper()
	table := filepath.Base(path)
	table = table[:len(table)-len(filepath.Ext(table))]
	want := output.ArrowSchema(table)
	// NOTE: compared field by field, not with Schema.Equal: the Parquet
	// reader adds field ids to the metadata of fields and list elements.
	describe := func(sc *arrow.Schema) []string {
		var out []string
		for _, f := range sc.Fields() {
			out = append(out, fmt.Sprintf("%s %s nullable=%v", f.Name, f.Type, f.Nullable))
		}
		return out
	}
	if g, w := describe(got), describe(want); !slices.Equal(g, w) {
		t.Errorf("%s: schema\n got: %v\nwant: %v", path, g, w)
	}
}

// decode turns record batches back into rows, column i into field i.
func decode[R any](t testing.TB, recs []arrow.RecordBatch) []R {
	t.Helper()
	var out []R
	for _, rec := range recs {
		for i := range int(rec.NumRows()) {
			var r R
			v := reflect.ValueOf(&r).Elem()
			for j := range v.NumField() {
				setField(t, v.Field(j).Addr().Interface(), rec.Column(j), i)
			}
			out = append(out, r)
		}
		rec.Release()
	}
	return out
}

// setField sets *p from row i of col.
func setField(t testing.TB, p any, col arrow.Array, i int) {
	t.Helper()
	if col.IsNull(i) {
		switch p.(type) {
		case *newsfacts.Opt[int32], *newsfacts.Opt[float64], *newsfacts.Opt[newsfacts.Day], *newsfacts.Opt[time.Time]:
			return // absent
		}
		t.Fatalf("null in non-null column of type %v", col.DataType())
	}
	switch p := p.(type) {
	case *string:
		*p = col.(*array.String).Value(i)
	case *int32:
		*p = col.(*array.Int32).Value(i)
	case *float64:
		*p = col.(*array.Float64).Value(i)
	case *bool:
		*p = col.(*array.Boolean).Value(i)
	case *[]string:
		l := col.(*array.List)
		start, end := l.ValueOffsets(i)
		vals := l.ListValues().(*array.String)
		*p = []string{}
		for k := start; k < end; k++ {
			*p = append(*p, vals.Value(int(k)))
		}
	case *newsfacts.Opt[int32]:
		*p = newsfacts.Some(col.(*array.Int32).Value(i))
	case *newsfacts.Opt[float64]:
		*p = newsfacts.Some(col.(*array.Float64).Value(i))
	case *newsfacts.Opt[newsfacts.Day]:
		*p = newsfacts.Some(newsfacts.Day(col.(*array.Date32).Value(i)))
	case *newsfacts.Opt[time.Time]:
		*p = newsfacts.Some(time.UnixMicro(int64(col.(*array.Timestamp).Value(i))).UTC())
	default:
		t.Fatalf("no decoder for %T", p)
	}
}
