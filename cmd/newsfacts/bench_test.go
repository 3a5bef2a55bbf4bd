package main_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	main "github.com/newsfacts/newsfacts/cmd/newsfacts"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// BenchmarkExtractCorpus runs the whole command (read, parse, every
// extractor, Parquet output) over the xwlb corpus with one worker, and
// reports MB/s of input and documents per second. scripts/bench.sh
// measures the same run as a process: peak RSS, start-up, time per stage.
//
//	go test ./cmd/newsfacts -run '^$' -bench ExtractCorpus -benchtime 3x -count 5
func BenchmarkExtractCorpus(b *testing.B) {
	corpus := sharedtest.Require(b, "corpus/xwlb/articles.jsonl")
	data, err := os.ReadFile(corpus)
	if err != nil {
		b.Fatal(err)
	}
	docs := bytes.Count(data, []byte("\n")) // one article per line
	dir := b.TempDir()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		var stderr bytes.Buffer
		code := main.NewMain(nil, &stderr, &stderr).Run(context.Background(),
			[]string{"extract", "--workers", "1", "--progress", "never", "-o", dir, corpus})
		if code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	b.ReportMetric(float64(docs*b.N)/b.Elapsed().Seconds(), "docs/s")
}
