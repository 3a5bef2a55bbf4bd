package output_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    output.Format
		wantErr bool
	}{
		{"parquet", output.FormatParquet, false},
		{"arrow", output.FormatArrow, false},
		{"jsonl", output.FormatJSONL, false},
		{" Parquet ", output.FormatParquet, false},
		{"JSONL", output.FormatJSONL, false},
		{"csv", "", true},
		{"", "", true},
		{"json", "", true},
	}
	for _, tt := range tests {
		got, err := output.ParseFormat(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestOpenRejectsBadOptions(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		opts output.Options
		want string // in the error
	}{
		{"no dir", output.Options{Format: output.FormatJSONL}, "Dir is empty"},
		{"unknown format", output.Options{Dir: dir, Format: "csv"}, `unknown format "csv"`},
		{"upper-case format", output.Options{Dir: dir, Format: "PARQUET"}, "unknown format"},
		{"unknown compression", output.Options{Dir: dir, Format: output.FormatParquet, Compression: "brotli"}, `unknown compression "brotli"`},
		{"negative rows", output.Options{Dir: dir, Format: output.FormatArrow, BatchRows: -1}, "BatchRows -1"},
		{"negative bytes", output.Options{Dir: dir, Format: output.FormatArrow, BatchBytes: -5}, "BatchBytes -5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := output.Open(tt.opts)
			if err == nil {
				s.Abort()
				t.Fatalf("Open(%+v) succeeded; want an error containing %q", tt.opts, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open error = %q; want it to contain %q", err, tt.want)
			}
		})
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("failed Opens left files: %v", got)
	}
}

// TestArrowSchemaFollowsRows checks the column tables against rows.go:
// column order is field order, names are the json tags, Opt fields are
// the nullable columns, and each Go type has its documented Arrow type.
func TestArrowSchemaFollowsRows(t *testing.T) {
	wantType := map[reflect.Type]string{
		reflect.TypeFor[string]():                       "utf8",
		reflect.TypeFor[int32]():                        "int32",
		reflect.TypeFor[float64]():                      "float64",
		reflect.TypeFor[bool]():                         "bool",
		reflect.TypeFor[[]string]():                     "list<element: utf8>",
		reflect.TypeFor[newsfacts.Opt[int32]]():         "int32",
		reflect.TypeFor[newsfacts.Opt[float64]]():       "float64",
		reflect.TypeFor[newsfacts.Opt[newsfacts.Day]](): "date32",
		reflect.TypeFor[newsfacts.Opt[time.Time]]():     "timestamp[us, tz=UTC]",
	}
	tables := []struct {
		name string
		row  reflect.Type
	}{
		{output.TableArticles, reflect.TypeFor[output.ArticleRow]()},
		{output.TableEntities, reflect.TypeFor[output.EntityRow]()},
		{output.TableMetrics, reflect.TypeFor[output.MetricRow]()},
		{output.TableDates, reflect.TypeFor[output.DateRow]()},
	}
	for _, tb := range tables {
		sc := output.ArrowSchema(tb.name)
		if sc == nil {
			t.Fatalf("ArrowSchema(%q) = nil", tb.name)
		}
		if got, want := sc.NumFields(), tb.row.NumField(); got != want {
			t.Errorf("%s: %d columns; want %d (the fields of %v)", tb.name, got, want, tb.row)
			continue
		}
		for i := range tb.row.NumField() {
			sf, f := tb.row.Field(i), sc.Field(i)
			if got, want := f.Name, sf.Tag.Get("json"); got != want {
				t.Errorf("%s column %d: name %q; want %q", tb.name, i, got, want)
			}
			if got, want := f.Type.String(), wantType[sf.Type]; got != want {
				t.Errorf("%s.%s: type %s; want %s", tb.name, f.Name, got, want)
			}
			isOpt := strings.HasPrefix(sf.Type.Name(), "Opt[")
			if f.Nullable != isOpt {
				t.Errorf("%s.%s: nullable %v; want %v", tb.name, f.Name, f.Nullable, isOpt)
			}
		}
	}
	if sc := output.ArrowSchema("sentences"); sc != nil {
		t.Errorf("ArrowSchema(%q) = %v; want nil", "sentences", sc)
	}
}

var formats = []output.Format{output.FormatParquet, output.FormatArrow, output.FormatJSONL}

// TestRoundTrip writes the sample rows in every format and reads them back
// with arrow-go's Parquet and Arrow IPC readers and ReadJSONL.
func TestRoundTrip(t *testing.T) {
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			docs := sampleDocs(t)
			dir := t.TempDir()
			counts := writeDocs(t, output.Options{Dir: dir, Format: f}, docs)
			if want := (output.Counts{Articles: 4, Entities: 2, Metrics: 4, Dates: 3}); counts != want {
				t.Errorf("Counts() = %+v; want %+v", counts, want)
			}
			wantFiles := []string{output.ManifestName}
			for _, table := range output.TableNames() {
				wantFiles = append(wantFiles, output.FileName(table, f))
			}
			slices.Sort(wantFiles)
			if got := dirNames(t, dir); !slices.Equal(got, wantFiles) {
				t.Errorf("files = %v; want %v", got, wantFiles)
			}
			compareTables(t, readBack(t, dir, f), tablesOf(docs))
		})
	}
}

// TestSpanOffsetsOfSamples checks the sample rows themselves: each span's
// text is the code points [start, end) of its article's text.
func TestSpanOffsetsOfSamples(t *testing.T) {
	docs := sampleDocs(t)
	for _, d := range docs {
		runes := []rune(d.Article.Text)
		if got, want := d.Article.Chars, int32(len(runes)); got != want {
			t.Errorf("%s: chars %d; want %d", d.Article.DocID, got, want)
		}
		check := func(kind string, id, start, end int32, text string) {
			if got := string(runes[start:end]); got != text {
				t.Errorf("%s %s %d: text[%d:%d] = %q; want %q", d.Article.DocID, kind, id, start, end, got, text)
			}
		}
		for _, e := range d.Entities {
			check("entity", e.EntityID, e.Start, e.End, e.Text)
		}
		for _, m := range d.Metrics {
			check("metric", m.MetricID, m.Start, m.End, m.Text)
		}
		for _, x := range d.Dates {
			check("date", x.DateID, x.Start, x.End, x.Text)
		}
	}
}

// TestJSONLGolden pins the exact bytes of the JSONL tables.
func TestJSONLGolden(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatJSONL}, sampleDocs(t))
	for _, table := range output.TableNames() {
		name := output.FileName(table, output.FormatJSONL)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", "golden", name), got)
	}
}

// TestJSONLEncoding checks the JSONL conventions line by line: nulls,
// dates, timestamps, empty lists, no HTML escapes, a nil list written as [].
func TestJSONLEncoding(t *testing.T) {
	docs := sampleDocs(t)
	docs[1].Article.Categories = nil // written as [] all the same
	docs[1].Article.Tags = nil
	dir := t.TempDir()
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatJSONL}, docs)
	b, err := os.ReadFile(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if got, want := len(lines), 4; got != want {
		t.Fatalf("articles.jsonl has %d lines; want %d", got, want)
	}
	tests := []struct {
		line int
		want string
	}{
		{0, `{"doc_id":"2022-03-29-shifeng-enterprise-service","source":`},
		{0, `"date":"2022-03-29","published_at":"2022-03-29T00:27:42Z",`},
		{0, `"url":"http://example.com/NewsShare.html?infoCode=NW1&lang=zh",`},
		{0, `"categories":["zhuzhouribao"],"tags":["株洲日报新闻","营商环境"],`},
		{1, `"date":null,"published_at":null,`},
		{1, `"categories":[],"tags":[],`},
		{1, `"text":"“𠮷野家”在\t上海开业，首日客流约1.5万人次……\n\\né́",`},
		{2, `"text":"","chars":0,"status":"error","error":"dump.jsonl:3: parse: malformed input"}`},
	}
	for _, tt := range tests {
		if !strings.Contains(lines[tt.line], tt.want) {
			t.Errorf("articles.jsonl line %d = %s\nwant it to contain %s", tt.line+1, lines[tt.line], tt.want)
		}
	}
	m, err := os.ReadFile(filepath.Join(dir, "metrics.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"from_value":26,"to_value":5,`,
		`"value":15000,`,
		`"from_value":null,"to_value":null,"baseline":"","org_id":null,"place_id":null,"date_id":null,`,
	} {
		if !bytes.Contains(m, []byte(want)) {
			t.Errorf("metrics.jsonl does not contain %s", want)
		}
	}
}

func TestReadJSONLErrors(t *testing.T) {
	valid := t.TempDir()
	writeDocs(t, output.Options{Dir: valid, Format: output.FormatJSONL}, sampleDocs(t))
	tests := []struct {
		name   string
		table  string // file to replace
		remove bool   // remove it instead
		data   string
		want   string // in the error
	}{
		{"missing file", "metrics.jsonl", true, "", "metrics.jsonl"},
		{"bad json", "dates.jsonl", false, "{\"doc_id\":\"a\"}\n{\"doc_id\":\n", "dates.jsonl:2"},
		{"unknown column", "entities.jsonl", false, `{"doc_id":"a","score":1}` + "\n", `entities.jsonl:1: json: unknown field "score"`},
		{"two values", "articles.jsonl", false, `{"doc_id":"a"} {"doc_id":"b"}` + "\n", "articles.jsonl:1: more than one"},
		{"blank line", "articles.jsonl", false, "{\"doc_id\":\"a\"}\n\n", "articles.jsonl:2"},
		{"bad date", "dates.jsonl", false, `{"from_date":"2022-13-01"}` + "\n", "dates.jsonl:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, table := range output.TableNames() {
				name := output.FileName(table, output.FormatJSONL)
				b, err := os.ReadFile(filepath.Join(valid, name))
				if err != nil {
					t.Fatal(err)
				}
				if name == tt.table {
					if tt.remove {
						continue
					}
					b = []byte(tt.data)
				}
				if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := output.ReadJSONL(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadJSONL error = %v; want it to contain %q", err, tt.want)
			}
		})
	}
	// A last line without a line break is still read.
	dir := t.TempDir()
	for _, table := range output.TableNames() {
		data := ""
		if table == output.TableEntities {
			data = `{"doc_id":"x","entity_id":3}`
		}
		if err := os.WriteFile(filepath.Join(dir, output.FileName(table, output.FormatJSONL)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tb, err := output.ReadJSONL(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tb.Entities, []output.EntityRow{{DocID: "x", EntityID: 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("entities = %+v; want %+v", got, want)
	}
	if tb.Articles != nil || tb.Metrics != nil || tb.Dates != nil {
		t.Errorf("empty tables = %v, %v, %v; want nil", tb.Articles, tb.Metrics, tb.Dates)
	}
}

// manyDocs returns n small documents, each with one metric.
func manyDocs(n int) []output.DocRows {
	docs := make([]output.DocRows, n)
	for i := range docs {
		id := "doc#" + string(rune('a'+i))
		docs[i] = output.DocRows{
			Article: output.ArticleRow{DocID: id, Categories: []string{}, Tags: []string{}, Text: "新增就业岗位300个。", Chars: 11, Status: output.StatusOK},
			Metrics: []output.MetricRow{{DocID: id, Text: "300个", Start: 6, End: 10, Kind: "quantity", Value: 300, Unit: "个", Rule: "quantity: N个"}},
		}
	}
	return docs
}

// TestBatchesStream checks that tables are flushed in batches as rows
// arrive: BatchRows=2 gives several row groups or record batches.
func TestBatchesStream(t *testing.T) {
	tests := []struct {
		name        string
		format      output.Format
		opts        output.Options
		docs        int
		wantBatches int // in articles and metrics
	}{
		{"parquet rows", output.FormatParquet, output.Options{BatchRows: 2}, 5, 3},
		{"arrow rows", output.FormatArrow, output.Options{BatchRows: 2}, 5, 3},
		{"parquet exact", output.FormatParquet, output.Options{BatchRows: 2}, 4, 2},
		{"parquet default", output.FormatParquet, output.Options{}, 5, 1},
		// Each article's text is 29 bytes of string data: one batch per row.
		{"parquet bytes", output.FormatParquet, output.Options{BatchBytes: 20}, 3, 3},
		{"arrow bytes", output.FormatArrow, output.Options{BatchBytes: 20}, 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.opts
			o.Dir, o.Format = t.TempDir(), tt.format
			docs := manyDocs(tt.docs)
			writeDocs(t, o, docs)
			for _, table := range []string{output.TableArticles, output.TableMetrics} {
				path := filepath.Join(o.Dir, output.FileName(table, tt.format))
				if got := countBatches(t, path, tt.format); got != tt.wantBatches {
					t.Errorf("%s: %d batches; want %d", table, got, tt.wantBatches)
				}
			}
			compareTables(t, readBack(t, o.Dir, tt.format), tablesOf(docs))
		})
	}
}

// countBatches returns the number of row groups of a Parquet file or of
// record batches of an Arrow file.
func countBatches(t *testing.T, path string, f output.Format) int {
	t.Helper()
	if f == output.FormatParquet {
		pf, err := file.OpenParquetFile(path, false)
		if err != nil {
			t.Fatal(err)
		}
		defer pf.Close()
		return pf.NumRowGroups()
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	r, err := ipc.NewFileReader(fh)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return r.NumRecords()
}

// TestWritesBeforeClose checks that flushed batches reach the temporary
// file while the run goes on, not only at Close.
func TestWritesBeforeClose(t *testing.T) {
	for _, f := range []output.Format{output.FormatParquet, output.FormatArrow} {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			s, err := output.Open(output.Options{Dir: dir, Format: f, Compression: "none", BatchBytes: 64 << 10})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			text := strings.Repeat("石峰区企业服务专员忙得团团转。", 1000) // 45 kB
			for i := range 40 {
				d := output.DocRows{Article: output.ArticleRow{DocID: string(rune('A' + i)), Text: text, Status: output.StatusOK}}
				if err := s.Write(context.Background(), &d); err != nil {
					t.Fatal(err)
				}
			}
			tmp, err := filepath.Glob(filepath.Join(dir, ".articles."+string(f)+".tmp-*"))
			if err != nil || len(tmp) != 1 {
				t.Fatalf("temporary articles file: %v, %v; want one", tmp, err)
			}
			fi, err := os.Stat(tmp[0])
			if err != nil {
				t.Fatal(err)
			}
			// 40 texts of 45 kB are 1.8 MB; all but the last batch and the
			// file buffer must be on disk.
			if got, want := fi.Size(), int64(1<<20); got < want {
				t.Errorf("temporary file holds %d bytes before Close; want at least %d", got, want)
			}
			if _, err := os.Stat(filepath.Join(dir, "articles."+string(f))); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("final file exists before Close: %v", err)
			}
		})
	}
}

func TestAbortRemovesTemporaryFiles(t *testing.T) {
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			old := filepath.Join(dir, output.FileName(output.TableMetrics, f))
			if err := os.WriteFile(old, []byte("previous run"), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := output.Open(output.Options{Dir: dir, Format: f, BatchRows: 1})
			if err != nil {
				t.Fatal(err)
			}
			docs := sampleDocs(t)
			for i := range docs {
				if err := s.Write(context.Background(), &docs[i]); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := len(dirNames(t, dir)), 5; got != want {
				t.Errorf("%d files while writing; want %d (4 temporary + 1 old)", got, want)
			}
			if err := s.Abort(); err != nil {
				t.Fatalf("Abort: %v", err)
			}
			if got, want := dirNames(t, dir), []string{filepath.Base(old)}; !slices.Equal(got, want) {
				t.Errorf("files after Abort = %v; want %v", got, want)
			}
			if b, _ := os.ReadFile(old); string(b) != "previous run" {
				t.Errorf("old file = %q after Abort; want it untouched", b)
			}
			if err := s.Write(context.Background(), &docs[0]); !errors.Is(err, output.ErrClosed) {
				t.Errorf("Write after Abort = %v; want ErrClosed", err)
			}
			if err := s.Close(); !errors.Is(err, output.ErrClosed) {
				t.Errorf("Close after Abort = %v; want ErrClosed", err)
			}
			if err := s.Abort(); err != nil {
				t.Errorf("second Abort = %v; want nil", err)
			}
		})
	}
}

func TestCloseReplacesFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "new") // created by Open
	o := output.Options{Dir: dir, Format: output.FormatParquet}
	writeDocs(t, o, manyDocs(3))
	s, err := output.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs(t)
	for i := range docs {
		if err := s.Write(context.Background(), &docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	// The first run's files stay complete until the second Close.
	compareTables(t, readBack(t, dir, output.FormatParquet), tablesOf(manyDocs(3)))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	compareTables(t, readBack(t, dir, output.FormatParquet), tablesOf(docs))
	if got, want := len(dirNames(t, dir)), 5; got != want {
		t.Errorf("%d files after Close; want %d (four tables and the manifest)", got, want)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v; want nil", err)
	}
	if err := s.Abort(); err != nil {
		t.Errorf("Abort after Close = %v; want nil", err)
	}
	if got, want := len(dirNames(t, dir)), 5; got != want {
		t.Errorf("%d files after Abort following Close; want %d", got, want)
	}
	if err := s.Write(context.Background(), &docs[0]); !errors.Is(err, output.ErrClosed) {
		t.Errorf("Write after Close = %v; want ErrClosed", err)
	}
}

// TestCloseFailureCleansUp makes the rename of metrics fail (a folder is
// in its place) and checks that Close names it and leaves no temporary
// file.
func TestCloseFailureCleansUp(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "metrics.jsonl", "x")
	if err := os.MkdirAll(blocker, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := output.Open(output.Options{Dir: dir, Format: output.FormatJSONL})
	if err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs(t)
	for i := range docs {
		if err := s.Write(context.Background(), &docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	err = s.Close()
	if err == nil || !strings.Contains(err.Error(), "metrics.jsonl") {
		t.Fatalf("Close = %v; want an error naming metrics.jsonl", err)
	}
	for _, name := range dirNames(t, dir) {
		if strings.HasPrefix(name, ".") {
			t.Errorf("temporary file %s left after failed Close", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "dates.jsonl")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("dates.jsonl after failed Close: %v; want it absent", err)
	}
	if err := s.Close(); !errors.Is(err, output.ErrClosed) {
		t.Errorf("second Close = %v; want ErrClosed", err)
	}
}

func TestWriteRefusesInvalidRows(t *testing.T) {
	tests := []struct {
		name string
		edit func(m *output.MetricRow)
		want string
	}{
		{"NaN value", func(m *output.MetricRow) { m.Value = math.NaN() }, "value is NaN"},
		{"infinite from", func(m *output.MetricRow) { m.FromValue = newsfacts.Some(math.Inf(1)) }, "from_value is +Inf"},
		{"infinite to", func(m *output.MetricRow) { m.ToValue = newsfacts.Some(math.Inf(-1)) }, "to_value is -Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := output.Open(output.Options{Dir: dir, Format: output.FormatParquet})
			if err != nil {
				t.Fatal(err)
			}
			docs := sampleDocs(t)
			bad := docs[0]
			bad.Metrics = slices.Clone(bad.Metrics)
			tt.edit(&bad.Metrics[2])
			err = s.Write(context.Background(), &bad)
			if !errors.Is(err, output.ErrInvalidRow) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Write = %v; want ErrInvalidRow with %q", err, tt.want)
			}
			if got := s.Counts(); got != (output.Counts{}) {
				t.Errorf("Counts after a refused row = %+v; want zero", got)
			}
			// The sink is still usable.
			for i := range docs[1:] {
				if err := s.Write(context.Background(), &docs[1+i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			compareTables(t, readBack(t, dir, output.FormatParquet), tablesOf(docs[1:]))
		})
	}
}

func TestWriteHonoursContext(t *testing.T) {
	s, err := output.Open(output.Options{Dir: t.TempDir(), Format: output.FormatArrow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs := sampleDocs(t)
	if err := s.Write(ctx, &docs[0]); !errors.Is(err, context.Canceled) {
		t.Errorf("Write with a canceled context = %v; want context.Canceled", err)
	}
	if got := s.Counts(); got != (output.Counts{}) {
		t.Errorf("Counts = %+v; want zero", got)
	}
}

// TestInvalidUTF8 checks that stray bytes become U+FFFD, one per byte, in
// every format alike.
func TestInvalidUTF8(t *testing.T) {
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			d := output.DocRows{Article: output.ArticleRow{
				DocID: "bad", Source: "dump\xff\xfe.jsonl", Tags: []string{"a\x80"}, Text: "株\xe6洲", Chars: 3, Status: output.StatusOK,
			}}
			writeDocs(t, output.Options{Dir: dir, Format: f}, []output.DocRows{d})
			got := readBack(t, dir, f).Articles[0]
			want := d.Article
			want.Source, want.Tags, want.Text, want.Categories = "dump\uFFFD\uFFFD.jsonl", []string{"a\uFFFD"}, "株\uFFFD洲", []string{}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("read back %+v; want %+v", got, want)
			}
			if n := int32(utf8.RuneCountInString(got.Text)); n != d.Article.Chars {
				t.Errorf("text has %d code points; want chars = %d", n, d.Article.Chars)
			}
		})
	}
}

// TestParquetFileProperties checks what the Parquet footer records:
// created_by, the key-value metadata, the codec and the timestamp unit.
func TestParquetFileProperties(t *testing.T) {
	tests := []struct {
		compression string
		want        compress.Compression
	}{
		{"", compress.Codecs.Zstd},
		{"zstd", compress.Codecs.Zstd},
		{"snappy", compress.Codecs.Snappy},
		{"none", compress.Codecs.Uncompressed},
	}
	for _, tt := range tests {
		t.Run("compression="+tt.compression, func(t *testing.T) {
			dir := t.TempDir()
			writeDocs(t, output.Options{
				Dir: dir, Format: output.FormatParquet, Compression: tt.compression,
				Metadata: map[string]string{"newsfacts.version": "v0.1.0", "newsfacts.args": "--date 2022-03-29"},
			}, sampleDocs(t))
			pf, err := file.OpenParquetFile(filepath.Join(dir, "articles.parquet"), false)
			if err != nil {
				t.Fatal(err)
			}
			defer pf.Close()
			md := pf.MetaData()
			if got, want := md.GetCreatedBy(), "newsfacts"; got != want {
				t.Errorf("created_by = %q; want %q", got, want)
			}
			kv := md.KeyValueMetadata()
			if got, want := kv.Keys(), []string{"newsfacts.args", "newsfacts.version"}; !slices.Equal(got, want) {
				t.Errorf("metadata keys = %v; want %v (sorted)", got, want)
			}
			if v := kv.FindValue("newsfacts.version"); v == nil || *v != "v0.1.0" {
				t.Errorf("newsfacts.version = %v; want v0.1.0", v)
			}
			cc, err := md.RowGroup(0).ColumnChunk(0)
			if err != nil {
				t.Fatal(err)
			}
			if got := cc.Compression(); got != tt.want {
				t.Errorf("codec = %v; want %v", got, tt.want)
			}
			col := md.Schema.Column(4) // published_at
			if got, want := col.LogicalType().String(), `Timestamp(isAdjustedToUTC=true, timeUnit=microseconds, is_from_converted_type=false, force_set_converted_type=false)`; got != want {
				t.Errorf("published_at logical type = %s; want %s", got, want)
			}
		})
	}
}

// TestArrowMetadata checks that Options.Metadata reaches the Arrow schema.
func TestArrowMetadata(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatArrow, Metadata: map[string]string{"newsfacts.version": "v0.1.0"}}, sampleDocs(t))
	fh, err := os.Open(filepath.Join(dir, "dates.arrow"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	r, err := ipc.NewFileReader(fh)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	want := arrow.NewMetadata([]string{"newsfacts.version"}, []string{"v0.1.0"})
	if got := r.Schema().Metadata(); !reflect.DeepEqual(got, want) {
		t.Errorf("schema metadata = %v; want %v", got, want)
	}
}

// TestDeterministic checks that the same rows make byte-identical files.
func TestDeterministic(t *testing.T) {
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			o := output.Options{Format: f, BatchRows: 2, Metadata: map[string]string{"k": "v", "a": "b"}}
			o.Dir = a
			writeDocs(t, o, sampleDocs(t))
			o.Dir = b
			writeDocs(t, o, sampleDocs(t))
			for _, table := range output.TableNames() {
				name := output.FileName(table, f)
				x, _ := os.ReadFile(filepath.Join(a, name))
				y, _ := os.ReadFile(filepath.Join(b, name))
				if len(x) == 0 || !bytes.Equal(x, y) {
					t.Errorf("%s: two runs wrote different bytes (%d and %d)", name, len(x), len(y))
				}
			}
		})
	}
}

// dirNames returns the sorted names in dir.
func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestConcurrentUse calls Counts and Abort from other goroutines while
// documents are written, as a progress display and a signal handler do;
// run with -race.
func TestConcurrentUse(t *testing.T) {
	dir := t.TempDir()
	s, err := output.Open(output.Options{Dir: dir, Format: output.FormatParquet, BatchRows: 3})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 200 {
			if c := s.Counts(); c.Metrics > c.Articles {
				t.Errorf("Counts() = %+v: more metrics than articles", c)
				return
			}
		}
	}()
	docs := manyDocs(50)
	var writeErr error
	for i := range docs {
		if i == 25 {
			go s.Abort()
		}
		if err := s.Write(context.Background(), &docs[i]); err != nil {
			writeErr = err
			break
		}
	}
	<-done
	s.Abort()
	if writeErr != nil && !errors.Is(writeErr, output.ErrClosed) {
		t.Errorf("Write during Abort = %v; want nil or ErrClosed", writeErr)
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("files after Abort = %v; want none", got)
	}
}
