package segment_test

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/internal/shared"
)

// sameAsGSE fails t when Segment and gse's own segmentation differ on text.
func sameAsGSE(t *testing.T, s *segment.GSE, text string) bool {
	t.Helper()
	got, want := s.Segment(text), s.SegmentGSE(text)
	if !slices.Equal(got, want) {
		t.Errorf("%q:\n got %v\nwant %v (gse)", text, got, want)
		return false
	}
	return true
}

// TestSegmentSameAsGSE checks that Segment, which reuses its memory, cuts
// text as gse does: Chinese with and without dictionary words, Latin runs
// in either case (lowered for lookup, offsets unchanged), digits, other
// scripts, punctuation, stray bytes and the empty text.
func TestSegmentSameAsGSE(t *testing.T) {
	s := seg(t)
	for _, text := range []string{
		"", "中", "中车株机在株洲召开大会", "资规局局长调研乡村振兴工作",
		"ABC公司和IBM、Apple签约5G项目，金额3.5亿元", "α射线与Ωmega", "中文English中文123abc",
		"\xff中国\xfe", "  空格\t和\n换行  ", "北京大学生前来应聘", "他说：“这是好事！”",
		"了了了了了了了了了了了了了了了了了了了了了了了了", "１２３４全角数字ＡＢＣ",
		// Characters that are no word alone but start words (蝙, 琵), and a
		// window that starts inside a word.
		"蝙蝠侠和蜘蛛侠吃葡萄弹琵琶", "蝠侠琶", "琵",
	} {
		sameAsGSE(t, s, text)
	}
}

// TestSegmentSameAsGSECorpus compares Segment with gse on windows of the
// xwlb corpus (every clause of the first 2,000 articles, and their whole
// paragraphs up to 300 bytes). It skips without the shared folder.
func TestSegmentSameAsGSECorpus(t *testing.T) {
	p := shared.Path("corpus/xwlb/articles.jsonl")
	if p == "" {
		t.Skip("shared corpus/xwlb/articles.jsonl not found")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := seg(t)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	windows, failures := 0, 0
	for n := 0; n < 2000 && sc.Scan(); n++ {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		start := 0
		for i, r := range a.Text {
			if !segment.IsBreak(r) {
				continue
			}
			for _, w := range []string{a.Text[start:i], a.Text[start:min(len(a.Text), start+300)]} {
				for !utf8.ValidString(w) && len(w) > 0 {
					w = w[:len(w)-1]
				}
				windows++
				if !sameAsGSE(t, s, w) {
					failures++
				}
			}
			start = i + utf8.RuneLen(r)
		}
		if failures > 10 {
			t.Fatal("too many differences")
		}
	}
	t.Logf("%d windows compared", windows)
}

// fixedSeg is a Segmenter that cuts every text into one word.
type fixedSeg struct{}

func (fixedSeg) Segment(text string) []newsfacts.Token {
	return []newsfacts.Token{{Start: 0, End: len(text), Pos: "n"}}
}

// TestAppend checks that Append extends dst with what Segment returns,
// through SegmentAt for a *GSE and through Segment for any other
// Segmenter, leaving dst's own tokens alone.
func TestAppend(t *testing.T) {
	head := []newsfacts.Token{{Start: 7, End: 9, Pos: "v"}}
	for _, s := range []segment.Segmenter{seg(t), fixedSeg{}} {
		text := "资规局局长调研"
		got := segment.Append(s, slices.Clone(head), text)
		want := append(slices.Clone(head), s.Segment(text)...)
		if !slices.Equal(got, want) {
			t.Errorf("%T: Append gives %v, want %v", s, got, want)
		}
	}
}
