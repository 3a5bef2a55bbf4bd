package gazetteers_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/shared"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// naiveMatch is Match written the slow way: every substring between two
// character boundaries that Lookup knows, with the ASCII glue rule.
func naiveMatch(g *gazetteers.Gazetteer, text string) []gazetteers.Hit {
	var bounds []int
	for i := 0; i < len(text); {
		bounds = append(bounds, i)
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	bounds = append(bounds, len(text))
	alnum := func(b byte) bool { return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
	var out []gazetteers.Hit
	for a, i := range bounds {
		for _, j := range bounds[a+1:] {
			if j-i > 120 {
				break
			}
			w := text[i:j]
			if !utf8.ValidString(w) || g.Lookup(w) == nil {
				continue
			}
			if alnum(text[i]) && i > 0 && alnum(text[i-1]) || alnum(text[j-1]) && j < len(text) && alnum(text[j]) {
				continue
			}
			out = append(out, gazetteers.Hit{Start: i, End: j})
		}
	}
	return out
}

// spans returns the spans of hits, checking that each hit's ID names its
// surface.
func spans(t *testing.T, g *gazetteers.Gazetteer, text string, hits []gazetteers.Hit) []gazetteers.Hit {
	t.Helper()
	out := make([]gazetteers.Hit, len(hits))
	for i, h := range hits {
		if got := g.Surface(h.ID); got != text[h.Start:h.End] {
			t.Errorf("hit %d:%d of %q has surface %q, want %q", h.Start, h.End, text, got, text[h.Start:h.End])
		}
		out[i] = gazetteers.Hit{Start: h.Start, End: h.End}
	}
	return out
}

// TestMatchNaive compares Match, whose scan is tuned for speed (a pair
// table, inline decoding), with naiveMatch, on hand-written sentences and
// on malformed UTF-8.
func TestMatchNaive(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []string{
		"湖南省株洲市石峰区行政审批局会同市住建局召开会议",
		"中美两国元首通电话，中方介绍了湖南晋通公司的情况",
		"株洲", "株", "洲", "中国", "中国人民银行湖南省分行",
		"IBM公司与IBMX公司", "XIBM", "IBM",
		"株洲\xff市住建局",      // an invalid byte inside a name
		"株洲市\xe4\xbd",     // a truncated sequence at the end
		"\xed\xa0\x80株洲市", // an encoded surrogate
		"\xe0\x80\x80株洲市", // an overlong encoding
		"株洲市😀长沙市𠀀湘潭",      // four-byte runes
		"国务院国有资产监督管理委员会主任会见了北京大学校长",
		"",
	}
	for _, text := range tests {
		got := spans(t, g, text, g.Match(text, nil))
		want := naiveMatch(g, text)
		if !slices.Equal(got, want) {
			t.Errorf("Match(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestMatchNaiveCorpus compares Match with naiveMatch on articles of the
// shared xwlb corpus.
func TestMatchNaiveCorpus(t *testing.T) {
	sharedtest.Require(t, "corpus/xwlb/articles.jsonl")
	if testing.Short() {
		t.Skip("short")
	}
	g := defaultGazetteer(t)
	for n, text := range sharedtest.XWLBFirstTexts(t, 40) {
		got := spans(t, g, text, g.Match(text, nil))
		want := naiveMatch(g, text)
		if !slices.Equal(got, want) {
			t.Errorf("article %d: Match has %d hits, want %d", n, len(got), len(want))
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("article %d: first difference: got %v, want %v", n, got[i], fmt.Sprint(want[i]))
					break
				}
			}
		}
	}
}

// BenchmarkMatchCorpus matches the first 3,000 articles of the shared xwlb
// corpus (real text, unlike BenchmarkMatch's repeated sentence, so that the
// trie's memory is not all in cache).
func BenchmarkMatchCorpus(b *testing.B) { benchmarkMatchCorpus(b, nil) }

// BenchmarkMatchMarkingCorpus is BenchmarkMatchCorpus with MatchMarking
// listing some characters, about one in fifteen of the corpus, as the
// entity extractor's do.
func BenchmarkMatchMarkingCorpus(b *testing.B) {
	var set gazetteers.RuneSet
	for _, r := range "中美日英法德俄韩村镇街乡在访华京沪赴抵全我本该" {
		set.Add(r)
	}
	benchmarkMatchCorpus(b, &set)
}

func benchmarkMatchCorpus(b *testing.B, set *gazetteers.RuneSet) {
	p := shared.Path("corpus/xwlb/articles.jsonl")
	if p == "" {
		b.Skip("shared corpus/xwlb/articles.jsonl not found")
	}
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts []string
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for len(texts) < 3000 && sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, rec.Text)
		size += len(rec.Text)
	}
	g := defaultGazetteer(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	var hits []gazetteers.Hit
	var marks []int
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if set == nil {
				hits = g.Match(t, hits[:0])
			} else {
				hits, marks = g.MatchMarking(t, hits[:0], set, marks[:0])
			}
		}
	}
}

// TestMatchMarking checks that MatchMarking finds Match's hits and lists
// the offsets of exactly the characters of its set, and that
// MatchMarkingValid finds the same on valid text, on the hand-written
// texts of TestMatchNaive (malformed UTF-8, four-byte runes) and, when
// the shared folder is present, on articles of the xwlb corpus.
func TestMatchMarking(t *testing.T) {
	g := defaultGazetteer(t)
	var set gazetteers.RuneSet
	for _, r := range "中美村京访国\uFFFD" {
		set.Add(r)
	}
	set.Add(0x20000) // outside the Basic Multilingual Plane: not added
	texts := []string{
		"湖南省株洲市石峰区行政审批局会同市住建局召开会议", "中美两国元首通电话，中方介绍了湖南晋通公司的情况",
		"IBM公司与IBMX公司", "株洲\xff市住建局", "株洲市\xe4\xbd", "\xed\xa0\x80株洲市", "\xe0\x80\x80株洲市",
		"株洲市😀长沙市𠀀湘潭", "中", "",
	}
	texts = append(texts, sharedtest.XWLBFirstTexts(t, 200)...)
	for _, text := range texts {
		hits, marks := g.MatchMarking(text, nil, &set, nil)
		if want := g.Match(text, nil); !slices.Equal(hits, want) {
			t.Errorf("MatchMarking(%q) hits %v, want %v", text, hits, want)
		}
		var want []int
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if set.Has(r) {
				want = append(want, i)
			}
			i += size
		}
		if !slices.Equal(marks, want) {
			t.Errorf("MatchMarking(%q) marks %v, want %v", text, marks, want)
		}
		if utf8.ValidString(text) {
			vhits, vmarks := g.MatchMarkingValid(text, nil, &set, nil)
			if !slices.Equal(vhits, hits) || !slices.Equal(vmarks, marks) {
				t.Errorf("MatchMarkingValid(%q) = %v, %v, want %v, %v", text, vhits, vmarks, hits, marks)
			}
		}
	}
}

// TestRuneSetOf checks that RuneSetOf's set has exactly the characters of
// its string, as strings.ContainsRune finds them, over the Basic
// Multilingual Plane.
func TestRuneSetOf(t *testing.T) {
	for _, s := range []string{"", "委政长直", "0123456789０１２３４５６７８９〇零一二三四五六七八九十百千两第", "a\u00e9\uffff"} {
		set := gazetteers.RuneSetOf(s)
		for r := rune(0); r < 0x10000; r++ {
			if got, want := set.Has(r), strings.ContainsRune(s, r); got != want {
				t.Fatalf("RuneSetOf(%q).Has(%U) = %v, want %v", s, r, got, want)
			}
		}
	}
}
