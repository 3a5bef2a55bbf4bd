package metric_test

import (
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/metric"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// BenchmarkExtract measures metric extraction alone, on one goroutine, over
// the text of every article of the xwlb corpus. The corpus is read before
// the timer starts; SetBytes makes the figure MB/s of text.
func BenchmarkExtract(b *testing.B) {
	texts := sharedtest.XWLBTexts(b)
	x, err := metric.New()
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	metrics := 0
	for b.Loop() {
		metrics = 0
		for _, t := range texts {
			doc := &newsfacts.Doc{Article: newsfacts.Article{Text: t}}
			if err := x.Extract(doc); err != nil {
				b.Fatal(err)
			}
			metrics += len(doc.Metrics)
		}
	}
	b.ReportMetric(float64(metrics), "metrics/op")
}
