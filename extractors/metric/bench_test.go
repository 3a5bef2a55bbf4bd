package metric_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/metric"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// loadCorpus reads the text fields of the xwlb corpus, or skips.
func loadCorpus(b *testing.B) []string {
	b.Helper()
	path := sharedtest.Require(b, "corpus/xwlb/articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	var texts []string
	for sc.Scan() {
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return texts
}

// BenchmarkExtract measures metric extraction alone, on one goroutine, over
// the text of every article of the xwlb corpus. The corpus is read before
// the timer starts; SetBytes makes the figure MB/s of text.
func BenchmarkExtract(b *testing.B) {
	texts := loadCorpus(b)
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
