package newsfacts_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

func TestRuneOffset(t *testing.T) {
	// Long enough to cross several checkpoints, with 1-, 2-, 3- and 4-byte
	// runes so that checkpoints fall inside multi-byte runes.
	text := strings.Repeat("石峰区a×😀企业微信群111个。\n", 200)
	d := newsfacts.NewDoc(newsfacts.Article{Text: text})
	runes := 0
	for i := range text {
		if got, want := d.RuneOffset(i), runes; got != want {
			t.Fatalf("RuneOffset(%d) = %d, want %d", i, got, want)
		}
		runes++
	}
	if got, want := d.RuneOffset(len(text)), utf8.RuneCountInString(text); got != want {
		t.Fatalf("RuneOffset(len) = %d, want %d", got, want)
	}
	// Invalid UTF-8 (a stray continuation byte, a truncated rune): each bad
	// byte counts as one rune, as utf8.RuneCountInString counts it.
	bad := strings.Repeat("石峰\x80区\xe4\xb8企业", 100)
	db := newsfacts.NewDoc(newsfacts.Article{Text: bad})
	for i := range bad {
		if got, want := db.RuneOffset(i), utf8.RuneCountInString(bad[:i]); got != want {
			t.Fatalf("invalid text: RuneOffset(%d) = %d, want %d", i, got, want)
		}
	}
	empty := newsfacts.NewDoc(newsfacts.Article{})
	if got := empty.RuneOffset(0); got != 0 {
		t.Fatalf("empty RuneOffset(0) = %d, want 0", got)
	}
}

func TestSplitSentences(t *testing.T) {
	text := "“力争项目‘竣工即开业’。”相关负责人介绍。真的吗？是的!\n第二段\n\n末尾无句号"
	got := []string{}
	prev := 0
	for _, s := range newsfacts.SplitSentences(text) {
		if s.Start != prev {
			t.Fatalf("gap before %v", s)
		}
		prev = s.End
		got = append(got, text[s.Start:s.End])
	}
	if prev != len(text) {
		t.Fatalf("sentences end at %d, want %d", prev, len(text))
	}
	want := []string{"“力争项目‘竣工即开业’。”", "相关负责人介绍。", "真的吗？", "是的!\n", "第二段\n", "\n", "末尾无句号"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	d := newsfacts.NewDoc(newsfacts.Article{Text: text})
	for i, s := range d.Sentences {
		for off := s.Start; off < s.End; off++ {
			if got := d.SentenceOf(off); got != i {
				t.Fatalf("SentenceOf(%d) = %d, want %d", off, got, i)
			}
		}
	}
	if got := d.SentenceOf(len(text)); got != -1 {
		t.Fatalf("SentenceOf(len) = %d, want -1", got)
	}
}

func TestDay(t *testing.T) {
	d := newsfacts.DayOf(2022, time.March, 29)
	if got, want := d.String(), "2022-03-29"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if got, want := newsfacts.DayOf(2022, time.March, 0).String(), "2022-02-28"; got != want {
		t.Fatalf("day 0: got %s, want %s", got, want)
	}
	p, err := newsfacts.ParseDay("1970-01-02")
	if err != nil || p != 1 {
		t.Fatalf("ParseDay = %d, %v; want 1, nil", p, err)
	}
	if _, err := newsfacts.ParseDay("2022/03/29"); err == nil {
		t.Fatal("ParseDay accepted 2022/03/29")
	}
	local := time.Date(2022, 3, 29, 1, 0, 0, 0, time.FixedZone("CST", 8*3600))
	if got, want := newsfacts.DayFromTime(local), d; got != want {
		t.Fatalf("DayFromTime uses the time's own zone: got %s, want %s", got, want)
	}
}

func TestOptJSON(t *testing.T) {
	type row struct {
		D newsfacts.Opt[newsfacts.Day] `json:"d"`
		T newsfacts.Opt[time.Time]     `json:"t"`
		F newsfacts.Opt[float64]       `json:"f"`
		N newsfacts.Opt[int32]         `json:"n"`
	}
	in := row{
		D: newsfacts.Some(newsfacts.DayOf(2021, 1, 1)),
		T: newsfacts.Some(time.Date(2022, 3, 29, 0, 27, 42, 0, time.UTC)),
		F: newsfacts.Some(5.63e9),
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"d":"2021-01-01","t":"2022-03-29T00:27:42Z","f":5630000000,"n":null}`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	var out row
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Fatalf("round trip: got %+v, want %+v", out, in)
	}
}

// BenchmarkRuneOffset converts the offsets of one span every 40 bytes of a
// Chinese text, as the row conversion does for every span.
func BenchmarkRuneOffset(b *testing.B) {
	text := strings.Repeat("石峰区企业微信群111个，问题受理91个，已办结82个。\n", 400)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		d := newsfacts.NewDoc(newsfacts.Article{Text: text})
		for off := 0; off < len(text); off += 40 {
			for !utf8.RuneStart(text[off]) {
				off++
			}
			d.RuneOffset(off)
		}
	}
}

// BenchmarkNewDoc makes the Doc of every text of the xwlb corpus and its
// rune offsets' checkpoints (ValidText), as the pipeline does for every
// document; SetBytes is the corpus size.
func BenchmarkNewDoc(b *testing.B) {
	texts := sharedtest.XWLBTexts(b)
	var total int64
	for _, t := range texts {
		total += int64(len(t))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, t := range texts {
			d := newsfacts.NewDoc(newsfacts.Article{Text: t})
			if !d.ValidText() {
				b.Fatal("invalid text")
			}
		}
	}
}

// BenchmarkSplitSentences splits a Chinese text into sentences.
func BenchmarkSplitSentences(b *testing.B) {
	text := strings.Repeat("石峰区企业微信群111个，问题受理91个，已办结82个。“力争竣工即开业。”\n", 400)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		newsfacts.SplitSentences(text)
	}
}

// splitByRunes is SplitSentences as it was written first, decoding every
// rune: the reference of FuzzSplitSentences.
func splitByRunes(text string) []newsfacts.Span {
	var out []newsfacts.Span
	closer := "”’」』）)》\"'。！？!?"
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch r {
		case '\n':
			out = append(out, newsfacts.Span{Start: start, End: i})
			start = i
		case '。', '！', '？', '!', '?':
			for i < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[i:])
				if !strings.ContainsRune(closer, r2) {
					break
				}
				i += n2
			}
			if i < len(text) && text[i] == '\n' {
				i++
			}
			out = append(out, newsfacts.Span{Start: start, End: i})
			start = i
		}
	}
	if start < len(text) {
		out = append(out, newsfacts.Span{Start: start, End: len(text)})
	}
	return out
}

// FuzzSplitSentences checks SplitSentences against a splitter that decodes
// every rune, on valid and invalid UTF-8.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{
		"石峰区企业微信群111个，问题受理91个。“力争竣工即开业。”\n下一句！？",
		"a!b?c\n\nd。",
		"\xe3。\xef\xbc！\xe3\x80？\xef\xbc\x9f\xe3\x80\x82",
		"\xf0\xe3\x80\x82x\xe3\x80\xe3\x80\x82y",
		"”。”\xff\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := newsfacts.SplitSentences(s), splitByRunes(s)
		if !slices.Equal(got, want) {
			t.Fatalf("SplitSentences(%q) = %v, want %v", s, got, want)
		}
	})
}
