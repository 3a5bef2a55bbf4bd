package link_test

import (
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/link"
	"github.com/newsfacts/newsfacts/extractors/standard"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// BenchmarkExtract measures linking alone, on one goroutine, over every
// article of the xwlb corpus: the earlier stages of the standard chain run
// before the timer starts. SetBytes makes the figure MB/s of text.
func BenchmarkExtract(b *testing.B) {
	arts := sharedtest.XWLB(b)
	chain, err := standard.New(standard.Options{})
	if err != nil {
		b.Fatal(err)
	}
	exts := chain.Extractors()
	docs := make([]*newsfacts.Doc, len(arts))
	var size int64
	for i, a := range arts {
		art := newsfacts.Article{Text: a.Text}
		if d, err := newsfacts.ParseDay(a.Date); err == nil {
			art.Date = newsfacts.Some(d)
		}
		doc := newsfacts.NewDoc(art)
		for _, x := range exts {
			if x.Name() == "link" {
				break
			}
			if err := x.Extract(doc); err != nil {
				b.Fatal(err)
			}
		}
		docs[i] = doc
		size += int64(len(a.Text))
	}
	l := link.New()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, doc := range docs {
			if err := l.Extract(doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}
