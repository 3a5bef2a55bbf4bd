package metric_test

import (
	"testing"
	"time"

	"github.com/newsfacts/newsfacts"
)

// FuzzExtract checks that the extractor never panics, never hangs and
// always returns spans on rune boundaries inside the text, sorted and
// without overlaps. Run it with
//
//	go test -fuzz=FuzzExtract -fuzztime=60s ./extractors/metric/
func FuzzExtract(f *testing.F) {
	for _, ex := range ruleExamples {
		f.Add(ex.bare)
		for _, p := range ex.pos {
			f.Add(p.sentence)
		}
		for _, n := range ex.neg {
			f.Add(n)
		}
	}
	for _, s := range []string{
		"", "一", "万", "负", "第", "翻", "半", "$", "-.", "１２３４５６７８９０１２３",
		"由由由由1个为为为2个", "三 百 五 又 三 分之 一", "1,234,567,890,123,456,789,012",
		"百分之百分之百分之", "\xff\xfe一百\x80万", "增长增长增长15%%%以上以上",
	} {
		f.Add(s)
	}
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		doc := newsfacts.NewDoc(newsfacts.Article{Text: s})
		start := time.Now()
		if err := x.Extract(doc); err != nil {
			t.Fatalf("Extract(%q): %v", s, err)
		}
		// NOTE: a generous bound: the scanner is linear, a hang would take
		// far longer than this even on a busy machine.
		if d := time.Since(start); d > time.Second && len(s) < 1<<16 {
			t.Fatalf("Extract(%q) took %v", s, d)
		}
		checkInvariants(t, doc)
	})
}
