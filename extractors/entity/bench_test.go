package entity_test

import (
	"bufio"
	"encoding/json"
	"os"
	"sync"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/entity"
	"github.com/newsfacts/newsfacts/internal/shared"
)

// xwlbTexts reads the article texts of the shared xwlb corpus once.
var xwlbTexts = sync.OnceValues(func() ([]newsfacts.Article, error) {
	p := shared.Path("corpus/xwlb/articles.jsonl")
	if p == "" {
		return nil, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []newsfacts.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var rec struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		out = append(out, newsfacts.Article{Title: rec.Title, Text: rec.Text})
	}
	return out, sc.Err()
})

// BenchmarkExtract runs the extractor over every xwlb article text; the
// MB/s figure is text bytes per second on one goroutine, the stage alone.
//
//	go test ./extractors/entity -run '^$' -bench 'Extract$' -count 5
func BenchmarkExtract(b *testing.B) {
	arts, err := xwlbTexts()
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) == 0 {
		b.Skip("shared corpus/xwlb/articles.jsonl not found")
	}
	ex := defaultExtractor(b)
	// NOTE: the documents are made once, outside the timing: splitting
	// sentences is the pipeline's parse stage, not this one.
	docs := make([]*newsfacts.Doc, len(arts))
	var size int64
	for i, a := range arts {
		docs[i] = newsfacts.NewDoc(a)
		size += int64(len(a.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		for _, doc := range docs {
			doc.Entities = nil
			if err := ex.Extract(doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}

var defaultEx = sync.OnceValues(func() (*entity.Extractor, error) { return entity.New(entity.Options{}) })

func defaultExtractor(tb testing.TB) *entity.Extractor {
	tb.Helper()
	ex, err := defaultEx()
	if err != nil {
		tb.Fatal(err)
	}
	return ex
}

// BenchmarkNew measures start-up: loading the gazetteers and the
// segmenter. See also internal/startup for the process's figures.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := entity.New(entity.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
