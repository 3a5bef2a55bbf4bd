package output_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// BenchmarkWriteParquet measures the Parquet sink. One op writes every
// document of a set into the same sink, which is opened before the first
// op and closed after the last, so -benchtime=10x writes ten copies of the
// set into one set of files. It reports text MB/s, rows/s (all four
// tables) and the process's peak RSS.
//
//	go test ./pipeline/output -run '^$' -bench WriteParquet -benchtime=3x -count=5
func BenchmarkWriteParquet(b *testing.B) {
	b.Run("synthetic", func(b *testing.B) { benchWrite(b, output.FormatParquet, syntheticDocs(3000)) })
	b.Run("xwlb", func(b *testing.B) {
		benchWrite(b, output.FormatParquet, corpusDocs(b, sharedtest.Require(b, "corpus/xwlb/articles.jsonl")))
	})
}

// BenchmarkStreamCorpus is the memory check of a whole run: each op reads
// the xwlb corpus line by line, makes rows and writes them, as the runner
// does, into one sink, so -benchtime=10x writes ten copies (360 MB of
// input) and peak-RSS-MB is the peak of the streaming run. Run it alone:
// peak RSS is per process.
//
//	go test ./pipeline/output -run '^$' -bench StreamCorpus -benchtime=10x
func BenchmarkStreamCorpus(b *testing.B) {
	path := sharedtest.Require(b, "corpus/xwlb/articles.jsonl")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	dir := b.TempDir()
	s, err := output.Open(output.Options{Dir: dir, Format: output.FormatParquet})
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		if err := eachCorpusDoc(path, func(d *output.DocRows) error { return s.Write(context.Background(), d) }); err != nil {
			s.Abort()
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	c := s.Counts()
	b.ReportMetric(float64(c.Articles+c.Entities+c.Metrics+c.Dates)/b.Elapsed().Seconds(), "rows/s")
	if mb, ok := peakRSSMB(); ok {
		b.ReportMetric(mb, "peak-RSS-MB")
	}
}

// BenchmarkWriteFormats compares the three formats on the synthetic set.
func BenchmarkWriteFormats(b *testing.B) {
	docs := syntheticDocs(3000)
	for _, f := range []output.Format{output.FormatParquet, output.FormatArrow, output.FormatJSONL} {
		b.Run(string(f), func(b *testing.B) { benchWrite(b, f, docs) })
	}
}

func benchWrite(b *testing.B, f output.Format, docs []output.DocRows) {
	var textBytes, rows int64
	for _, d := range docs {
		textBytes += int64(len(d.Article.Text))
		rows += 1 + int64(len(d.Entities)+len(d.Metrics)+len(d.Dates))
	}
	b.SetBytes(textBytes)
	dir := b.TempDir()
	ctx := context.Background()
	b.ResetTimer()
	s, err := output.Open(output.Options{Dir: dir, Format: f, Metadata: map[string]string{"bench": "1"}})
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		for i := range docs {
			if err := s.Write(ctx, &docs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	if mb, ok := peakRSSMB(); ok {
		b.ReportMetric(mb, "peak-RSS-MB")
	}
	var size int64
	for _, table := range output.TableNames() {
		if fi, err := os.Stat(dir + "/" + output.FileName(table, f)); err == nil {
			size += fi.Size()
		}
	}
	b.ReportMetric(float64(size)/float64(b.N)/float64(textBytes), "out-bytes/text-byte")
}

// peakRSSMB returns the process's peak resident set size (VmHWM), in MB,
// where /proc tells it.
func peakRSSMB() (float64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024, err == nil
		}
	}
	return 0, false
}

// syntheticDocs returns n documents of hand-written sentences with varying
// figures, about 1.4 kB of text each.
func syntheticDocs(n int) []output.DocRows {
	ref := newsfacts.DayOf(2022, 3, 29)
	docs := make([]output.DocRows, n)
	for i := range docs {
		var sb strings.Builder
		for j := range 6 {
			fmt.Fprintf(&sb, "%d年以来，石峰区新增市场主体%d户，同比增长%d.%d%%。", 2015+j, 1000+i*7+j, j+3, i%10)
			fmt.Fprintf(&sb, "株洲市%d个重点项目审批时间由%d个工作日缩减至%d个工作日。\n", 10+j, 20+j, 5)
		}
		docs[i] = rowsOf(fmt.Sprintf("synthetic-%05d", i), "", sb.String(), ref)
	}
	return docs
}

// corpusDocs reads a JSONL corpus and returns rows for every article.
func corpusDocs(tb testing.TB, path string) []output.DocRows {
	var docs []output.DocRows
	err := eachCorpusDoc(path, func(d *output.DocRows) error {
		docs = append(docs, *d)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// eachCorpusDoc reads a JSONL corpus (id, title, date, source, text) and
// calls f with rows made by rowsOf for every article.
func eachCorpusDoc(path string, f func(*output.DocRows) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var a struct{ ID, Title, Date, Source, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return err
		}
		ref, _ := newsfacts.ParseDay(a.Date)
		d := rowsOf(a.ID, a.Title, a.Text, ref)
		d.Article.Source = a.Source
		if err := f(&d); err != nil {
			return err
		}
	}
	return sc.Err()
}

// rowsOf makes rows for a text with crude spans of the density the real
// extractors produce: a metric for every run of digits, a date for every
// run followed by 年, a place for every 省, 市, 县 or 区 with the two code
// points before it.
func rowsOf(id, title, text string, ref newsfacts.Day) output.DocRows {
	doc := newsfacts.NewDoc(newsfacts.Article{
		DocID: id, Source: id, Title: title, Date: newsfacts.Some(ref),
		PublishedAt: newsfacts.Some(ref.Time().Add(8 * time.Hour)),
		Categories:  []string{"bench"}, Tags: []string{}, Text: text,
	})
	var prev [2]int // byte offsets of the two code points before
	for i, r := range text {
		switch {
		case r >= '0' && r <= '9' && (i == 0 || !isFigure(text[i-1])):
			end := i
			for end < len(text) && isFigure(text[end]) {
				end++
			}
			v, _ := strconv.ParseFloat(strings.TrimSuffix(text[i:end], "."), 64)
			if strings.HasPrefix(text[end:], "年") {
				y := int(v)
				doc.Dates = append(doc.Dates, newsfacts.Date{
					Span: newsfacts.Span{Start: i, End: end + len("年"), Rule: "year: Y年"},
					From: newsfacts.Some(newsfacts.DayOf(y, 1, 1)), To: newsfacts.Some(newsfacts.DayOf(y, 12, 31)),
					Granularity: newsfacts.GrainYear,
				})
				continue
			}
			unit := ""
			if r2, n := utf8.DecodeRuneInString(text[end:]); r2 >= 0x4e00 {
				unit, end = text[end:end+n], end+n
			}
			m := newsfacts.Metric{Span: newsfacts.Span{Start: i, End: end, Rule: "quantity: N"}, Kind: newsfacts.KindQuantity, Value: v, Unit: unit}
			if len(doc.Dates) > 0 {
				m.DateID = newsfacts.Some(int32(len(doc.Dates) - 1))
			}
			doc.Metrics = append(doc.Metrics, m)
		case (r == '省' || r == '市' || r == '县' || r == '区') && prev[0] < i && i > 0:
			doc.Entities = append(doc.Entities, newsfacts.Entity{
				Span: newsfacts.Span{Start: prev[0], End: i + len("市"), Rule: "suffix"},
				Type: newsfacts.PLACE, Name: text[prev[0] : i+len("市")],
			})
		}
		prev[0], prev[1] = prev[1], i
	}
	return output.RowsOf(doc)
}

func isFigure(c byte) bool { return c >= '0' && c <= '9' || c == '.' }

// TestBenchRows keeps the benchmark's row maker honest: its spans are
// well-formed and the rows round-trip through JSONL.
func TestBenchRows(t *testing.T) {
	docs := syntheticDocs(3)
	d := docs[0]
	if got, want := len(d.Dates), 6; got != want {
		t.Errorf("%d dates; want %d", got, want)
	}
	if got, want := len(d.Metrics), 6*5; got != want {
		t.Errorf("%d metrics; want %d", got, want)
	}
	if got, want := len(d.Entities), 18; got != want {
		t.Errorf("%d entities; want %d", got, want)
	}
	runes := []rune(d.Article.Text)
	for _, m := range d.Metrics {
		if got := string(runes[m.Start:m.End]); got != m.Text {
			t.Errorf("metric %d: text[%d:%d] = %q; want %q", m.MetricID, m.Start, m.End, got, m.Text)
		}
	}
	dir := t.TempDir()
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatJSONL}, docs)
	compareTables(t, readBack(t, dir, output.FormatJSONL), tablesOf(docs))
	var buf bytes.Buffer
	for _, e := range d.Entities {
		buf.WriteString(e.Text + " ")
	}
	if got, want := buf.String(), "石峰区 新增市 株洲市 石峰区 "; !strings.HasPrefix(got, want) {
		t.Errorf("entities %q; want them to start with %q", got, want)
	}
}
