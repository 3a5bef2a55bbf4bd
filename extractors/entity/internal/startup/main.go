// Command startup measures how long the entity extractor takes to be ready
// and how much memory it holds: it builds the extractor (gazetteers and
// segmenter), extracts from one sentence, and prints the times and the Go
// heap. Run it under /usr/bin/time -v for the process's peak resident
// memory:
//
//	go build -o startup ./extractors/entity/internal/startup
//	/usr/bin/time -v ./startup
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/entity"
)

func main() {
	t0 := time.Now()
	ex, err := entity.New(entity.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ready := time.Since(t0)
	doc := newsfacts.NewDoc(newsfacts.Article{Text: "石峰区行政审批局与中车株机签订协议。"})
	if err := ex.Extract(doc); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	first := time.Since(t0)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("ready %v, first document %v, entities %d, Go heap in use %.1f MB, from OS %.1f MB\n",
		ready.Round(time.Millisecond), first.Round(time.Millisecond), len(doc.Entities),
		float64(ms.HeapInuse)/(1<<20), float64(ms.Sys)/(1<<20))
}
