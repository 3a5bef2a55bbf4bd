package segment_test

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/extractors/segment/internal/gen"
	_ "github.com/newsfacts/newsfacts/internal/golden"
)

var testSeg = sync.OnceValues(func() (*segment.GSE, error) {
	return segment.New(segment.Options{Words: []segment.Word{
		{Text: "中车株机", Pos: "nt", Freq: 50},
		{Text: "资规局", Pos: "nt", Freq: 50},
		{Text: "株洲", Pos: "ns", Freq: 50}, // already in the dictionary: keeps its entry
	}})
})

func seg(tb testing.TB) *segment.GSE {
	tb.Helper()
	s, err := testSeg()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestDictFresh fails when data/dict.txt is stale relative to its
// generator and gse's dictionary: run `go generate ./extractors/segment/...`.
func TestDictFresh(t *testing.T) {
	src, err := gen.SourcePath()
	if err != nil {
		t.Skipf("gse module not found: %v", err)
	}
	if _, err := os.Stat(src); err != nil {
		t.Skipf("gse dictionary not found: %v", err)
	}
	got, err := gen.Dict(src)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("data/dict.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/dict.txt is stale: run `go generate ./extractors/segment/...`")
	}
}

func TestSegment(t *testing.T) {
	s := seg(t)
	tests := []struct {
		text string
		want string // words joined by "/"
	}{
		{"与中车株机签订协议", "与/中车株机/签订/协议"},
		{"到市资规局沟通", "到/市/资规局/沟通"},
		{"湖南株洲", "湖南/株洲"},
		{"", ""},
		{"ABC公司2022年", "abc/公司/2022/年"},
	}
	for _, tt := range tests {
		toks := s.Segment(tt.text)
		var words []string
		end := 0
		for _, tok := range toks {
			if tok.Start != end {
				t.Errorf("Segment(%q): gap or overlap at %d (token starts %d)", tt.text, end, tok.Start)
			}
			end = tok.End
			words = append(words, strings.ToLower(tt.text[tok.Start:tok.End]))
		}
		if end != len(tt.text) {
			t.Errorf("Segment(%q) covers %d bytes, want %d", tt.text, end, len(tt.text))
		}
		if got := strings.Join(words, "/"); got != tt.want {
			t.Errorf("Segment(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestSegmentAt(t *testing.T) {
	s := seg(t)
	text := "今天，中车株机发布消息"
	base := strings.Index(text, "中")
	toks := s.SegmentAt(nil, text[base:], base)
	if got, want := text[toks[0].Start:toks[0].End], "中车株机"; got != want {
		t.Errorf("first token = %q, want %q", got, want)
	}
}

func TestLookup(t *testing.T) {
	s := seg(t)
	tests := []struct {
		word, pos string
		ok        bool
	}{
		{"株洲", "ns", true},
		{"中车株机", "nt", true},
		{"大同", "d", true},
		{"石峰", "", false}, // a rare person name, trimmed
		{"公司", "n", true},
		{"株", "q", true},
		{"中车株", "", false}, // a prefix of a word is no word
		{"", "", false},
		{"不是词语的一串字", "", false},
	}
	for _, tt := range tests {
		e, ok := s.Lookup(tt.word)
		if ok != tt.ok || e.Pos != tt.pos {
			t.Errorf("Lookup(%q) = %+v, %v; want pos %q, %v", tt.word, e, ok, tt.pos, tt.ok)
		}
	}
}

func TestAligned(t *testing.T) {
	s := seg(t)
	tests := []struct {
		text, word string
		want       bool
	}{
		{"沈阳的市场很大", "沈阳", true},
		{"沈阳市场很大", "沈阳市", false}, // 市场 runs across 市
		{"他在株洲工作", "株洲", true},
		{"报建行政审批", "建行", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.word)
		got, _, _ := segment.Aligned(s, tt.text, i, i+len(tt.word), 4)
		if got != tt.want {
			t.Errorf("Aligned(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
}

func TestBackFwdRunes(t *testing.T) {
	text := "前文。株洲市石峰区"
	i := strings.Index(text, "石")
	if got, want := text[segment.BackRunes(text, i, 10):i], "株洲市"; got != want {
		t.Errorf("BackRunes stops at %q, want %q", got, want)
	}
	if got, want := text[i:segment.FwdRunes(text, i, 2)], "石峰"; got != want {
		t.Errorf("FwdRunes reaches %q, want %q", got, want)
	}
}

func TestConcurrentSegment(t *testing.T) {
	s := seg(t)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				for _, tok := range s.Segment("石峰区行政审批局每天都会根据倒排任务计划表实时调度") {
					if tok.End <= tok.Start {
						t.Error("empty token")
					}
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzSegment(f *testing.F) {
	f.Add("湖南晋通公司在微信中反映难题")
	f.Add("ABC 123 株洲")
	f.Add("\xff\xfe中")
	s := seg(f)
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, tok := range s.Segment(text) {
			if tok.Start != end || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("bad token %d:%d after %d in %q", tok.Start, tok.End, end, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[tok.Start]) || tok.End < len(text) && !utf8.RuneStart(text[tok.End])) {
				t.Fatalf("token %d:%d not on rune boundaries in %q", tok.Start, tok.End, text)
			}
			end = tok.End
		}
		if end != len(text) {
			t.Fatalf("tokens cover %d of %d bytes", end, len(text))
		}
	})
}

// BenchmarkNew measures loading the embedded dictionary.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := segment.New(segment.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSegmentWindow(b *testing.B) {
	s := seg(b)
	w := "今年1月底，湖南晋通"
	b.SetBytes(int64(len(w)))
	for i := 0; i < b.N; i++ {
		s.Segment(w)
	}
}

// TestLookupEveryWord checks that Lookup, which filters its strings
// through a bit set before it asks the trie, finds every word of the
// embedded dictionary and every added word: the filter must let no word
// fall through.
func TestLookupEveryWord(t *testing.T) {
	s := seg(t)
	data, err := os.ReadFile("data/dict.txt")
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"中车株机", "资规局"}
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		w, rest, _ := strings.Cut(l, " ")
		if freq, _, _ := strings.Cut(rest, " "); freq == "0" {
			continue // a word with no frequency is no word to Lookup
		}
		words = append(words, w)
	}
	if len(words) < 1000 {
		t.Fatalf("read %d words from data/dict.txt, want many more", len(words))
	}
	missed := 0
	for _, w := range words {
		if _, ok := s.Lookup(w); !ok {
			if missed++; missed <= 5 {
				t.Errorf("Lookup(%q) = false, want true", w)
			}
		}
	}
	if missed > 0 {
		t.Errorf("Lookup missed %d of %d dictionary words", missed, len(words))
	}
}

// fakeLex is a dictionary of a few words for the word-probe helpers.
type fakeLex map[string]string

func (l fakeLex) Lookup(w string) (segment.Entry, bool) {
	pos, ok := l[w]
	return segment.Entry{Pos: pos, Freq: 1}, ok
}

func TestWordProbes(t *testing.T) {
	lex := fakeLex{"局长": "n", "大学生": "n", "全部": "n", "中国队": "nt"}
	notNT := func(e segment.Entry) bool { return e.Pos != "nt" }
	text := "石峰区局长和大学生全部到了中国队"
	at := func(s string) int { return strings.Index(text, s) }
	cases := []struct {
		name string
		got  bool
		want bool
	}{
		{"局长 starts at 局", segment.WordStarting(lex, text, at("局长"), 2, 3, notNT), true},
		{"nothing starts at 和", segment.WordStarting(lex, text, at("和"), 2, 3, notNT), false},
		{"中国队 is an organisation", segment.WordStarting(lex, text, at("中国队"), 2, 3, notNT), false},
		{"中国队 with any word", segment.WordStarting(lex, text, at("中国队"), 2, 3, segment.AnyWord), true},
		{"全部 ends at 部", segment.WordEnding(lex, text, at("全部")+len("全部"), 2, 3, notNT), true},
		{"no word ends at 和", segment.WordEnding(lex, text, at("和")+len("和"), 2, 2, notNT), false},
		{"大学生 past 大学", segment.WordBeyond(lex, text, at("大学"), at("大学")+len("大学"), notNT), true},
		{"nothing past 石峰区", segment.WordBeyond(lex, text, at("石峰区"), at("局长"), notNT), false},
		{"nil dictionary", segment.WordStarting(nil, text, 0, 2, 3, segment.AnyWord), false},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestIsBreakEveryRune checks IsBreak, which answers for CJK ideographs
// without unicode's tables, against those tables on every rune.
func TestIsBreakEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r == '\n' || unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
		if got := segment.IsBreak(r); got != want {
			t.Fatalf("IsBreak(%U) = %v, want %v", r, got, want)
		}
	}
}
