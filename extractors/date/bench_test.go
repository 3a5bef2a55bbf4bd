package date_test

import (
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/date"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// xwlbArticle is the part of a corpus/xwlb/articles.jsonl line the tests
// read.
type xwlbArticle = sharedtest.XWLBArticle

// loadXWLB reads the shared xwlb corpus, or skips when it is absent.
func loadXWLB(tb testing.TB) []xwlbArticle { return sharedtest.XWLB(tb) }

// BenchmarkExtract runs the extractor over the text of every xwlb article,
// on one goroutine; SetBytes is the total text size, so the figure is the
// extraction throughput.
func BenchmarkExtract(b *testing.B) {
	arts := loadXWLB(b)
	x, err := date.New()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*newsfacts.Doc, len(arts))
	var total int64
	for i, a := range arts {
		art := newsfacts.Article{Text: a.Text}
		if d, err := newsfacts.ParseDay(a.Date); err == nil {
			art.Date = newsfacts.Some(d)
		}
		docs[i] = &newsfacts.Doc{Article: art}
		total += int64(len(a.Text))
	}
	b.SetBytes(total)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			d.Dates = d.Dates[:0]
			if err := x.Extract(d); err != nil {
				b.Fatal(err)
			}
			n += len(d.Dates)
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "dates/op")
}
