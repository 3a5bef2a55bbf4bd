package metric

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/runes"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// TestView checks what the view skips and that its offsets map back.
func TestView(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"年末全县户籍人口 61.8 万人，比上年增长 4.1%。", "年末全县户籍人口61.8万人，比上年增长4.1%。"},
		{"规模以上工业增加值[4]增长7.5%", "规模以上工业增加值增长7.5%"},
		{"外出务工人员②总数3.4万人", "外出务工人员总数3.4万人"},
		{"地区生产总值（GDP）2856亿元，狭义货币(M1)余额", "地区生产总值2856亿元，狭义货币余额"},
		{"固定资产投资（不含农户）100亿元", "固定资产投资100亿元"},
		// Not skipped: spaces between Latin words and digits, numbers
		// apart, a bracket of Chinese words, brackets at the start.
		{"GDP growth 3 000", "GDP growth 3 000"},
		{"1, 234, 567", "1, 234, 567"},
		{"667.123 五点八", "667.123 五点八"},
		{"项目（一期）投资5亿元", "项目（一期）投资5亿元"},
		{"(GDP) 增长", "(GDP)增长"},
	} {
		v := newView(tt.in)
		if v.text != tt.want {
			t.Errorf("%q: view %q, want %q", tt.in, v.text, tt.want)
		}
		checkMapping(t, tt.in, v)
	}
}

// checkMapping checks that every rune of the view maps to the same rune of
// the original, and that in inverts at.
func checkMapping(t *testing.T, orig string, v view) {
	t.Helper()
	for i, r := range v.text {
		o := v.at(i)
		if r2, _ := utf8.DecodeRuneInString(orig[o:]); r2 != r {
			t.Fatalf("%q: view %d (%q) maps to %d (%q)", orig, i, r, o, r2)
		}
		if back := v.in(o); back != i {
			t.Fatalf("%q: in(at(%d)) = %d", orig, i, back)
		}
		e := v.end(i + utf8.RuneLen(r))
		if orig[o:e] != string(r) && strings.TrimSpace(orig[o:e]) != string(r) {
			t.Fatalf("%q: span [%d,%d) maps to %q", orig, i, i+utf8.RuneLen(r), orig[o:e])
		}
	}
}

func FuzzView(f *testing.F) {
	f.Add("年末全县户籍人口 61.8 万人[2]（GDP）①")
	f.Add("a ( b ) [1] （不含 ） \u3000 x")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkMapping(t, s, newView(s))
	})
}

// TestLastSentenceMark checks lastSentenceMark against strings.LastIndexAny,
// on valid and invalid UTF-8.
func TestLastSentenceMark(t *testing.T) {
	marks := []string{"。", "！", "？", "!", "?", "a", "中", "\xe3", "\x80", "\xef\xbc", "\xbc\x81", "\xe3\x80\x82\x80"}
	for a := range marks {
		for b := range marks {
			for c := range marks {
				s := marks[a] + marks[b] + marks[c]
				if got, want := lastSentenceMark(s), strings.LastIndexAny(s, "。！？!?"); got != want {
					t.Errorf("%q: %d, want %d", s, got, want)
				}
			}
		}
	}
}

// FuzzLastSentenceMark compares lastSentenceMark with strings.LastIndexAny.
func FuzzLastSentenceMark(f *testing.F) {
	f.Add("增长5%。其中！\xe3\x80")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastSentenceMark(s), strings.LastIndexAny(s, "。！？!?"); got != want {
			t.Errorf("%q: %d, want %d", s, got, want)
		}
	})
}

// TestRuneCount checks runes.Count and runePrefix against
// utf8.RuneCountInString and a []rune conversion, on valid and invalid
// UTF-8.
func TestRuneCount(t *testing.T) {
	parts := []string{"a", "中", "业", "\xe4", "\xb8\x9a", "\xe0\x80\x80", "\xed\xa0\x80", "𠀀", "é", "\xff", "\xe4\xb8"}
	for a := range parts {
		for b := range parts {
			for c := range parts {
				checkRuneCount(t, parts[a]+parts[b]+parts[c])
			}
		}
	}
}

// FuzzRuneCount checks runes.Count and runePrefix on any input.
func FuzzRuneCount(f *testing.F) {
	f.Add("规模以上工业增加值\xe4\xb8")
	f.Fuzz(checkRuneCount)
}

func checkRuneCount(t *testing.T, s string) {
	if got, want := runes.Count(s), utf8.RuneCountInString(s); got != want {
		t.Errorf("runes.Count(%q) = %d, want %d", s, got, want)
	}
	r := []rune(s)
	for n := 0; n <= len(r)+1; n++ {
		p := runePrefix(s, n)
		if got, want := utf8.RuneCountInString(p), min(n, len(r)); got != want || !strings.HasPrefix(s, p) ||
			strings.Contains(p, "业") != strings.Contains(string(r[:min(n, len(r))]), "业") {
			t.Errorf("runePrefix(%q, %d) = %q", s, n, p)
		}
	}
}

// TestLastIndex checks lastIndex against strings.LastIndex.
func TestLastIndex(t *testing.T) {
	for _, s := range []string{"", "比", "同比同比", "比上年比", "aaa", "每亩每", "\xe6\xaf比\x94"} {
		for _, sep := range []string{"比", "同比", "aa", "每", "\x94", ""} {
			if got, want := lastIndex(s, sep), strings.LastIndex(s, sep); got != want {
				t.Errorf("lastIndex(%q, %q) = %d, want %d", s, sep, got, want)
			}
		}
	}
}

// checkViewBounds checks that the pass of bounds.find with the view gives,
// with newViewFrom, the view newView gives, and the bounds that findBounds
// finds on that view.
func checkViewBounds(t *testing.T, lx *lexicon, text string) {
	t.Helper()
	want := newView(text)
	var wantB bounds
	wantB.find(lx, want.text, false)

	var b bounds
	got := viewWithBounds(lx, text, &b)
	if got.text != want.text || !slices.Equal(got.skips, want.skips) {
		t.Fatalf("%q: view %q %v, want %q %v", text, got.text, got.skips, want.text, want.skips)
	}
	if !b.found {
		return // found later, on the view, as wantB was
	}
	if !slices.Equal(b.sentences, wantB.sentences) || !slices.Equal(b.clauses, wantB.clauses) ||
		!slices.Equal(b.goals, wantB.goals) || !slices.Equal(b.years, wantB.years) || b.flags != wantB.flags {
		t.Fatalf("%q: bounds %+v, want %+v", text, b, wantB)
	}
	if !b.trig {
		if utf8.ValidString(text) {
			t.Fatalf("%q: no triggers on valid UTF-8", text)
		}
		return
	}
	// The runes that scan's walk stops at.
	var wantT []int
	for i, r := range text {
		if r < utf8.RuneSelf && asciiTrigger[r] || r >= utf8.RuneSelf && isTrigger(r) {
			wantT = append(wantT, i)
		}
	}
	if !slices.Equal(b.triggers, wantT) {
		t.Fatalf("%q: triggers %v, want %v", text, b.triggers, wantT)
	}
	// scan at the triggers finds what its walk finds.
	walk := scanner{lx: lx, text: text}
	at := scanner{lx: lx, text: text, bounds: b}
	if got, want := at.scan(nil), walk.scan(nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: scan at the triggers %+v, walking %+v", text, got, want)
	}
}

// TestViewBounds checks bounds.find with the view on texts with and
// without something to skip, and with invalid UTF-8.
func TestViewBounds(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range viewBoundsSeeds {
		checkViewBounds(t, lx, s)
	}
	// The corpus, when it is there.
	for _, s := range sharedtest.XWLBTexts(t) {
		checkViewBounds(t, lx, s)
	}
}

var viewBoundsSeeds = []string{
	"", "年末全县户籍人口 61.8 万人，比上年增长 4.1%。力争到 2027年增长5%。",
	"规模以上工业增加值[4]增长7.5%；预计全年增长6%！", "外出务工人员②总数3.4万人\n其中分别占比",
	"地区生产总值（GDP）2856亿元，狭义货币(M1)余额", "固定资产投资（不含农户）100亿元",
	"GDP growth 3 000, PM2.5", "项目（一期）投资5亿元", "(GDP) 增长",
	"\xff\xfe一百\x80万 增长", "\xe4\xb8增长 5%", "目标\xed\xa0\x80到2030年\u3000增长",
	"\u00a0一百　万", "［12］增长〔3〕", "增长\xe2\x91",
}

// FuzzViewBounds checks bounds.find with the view against newView and
// findBounds on the view. Run it with
//
//	go test -fuzz=FuzzViewBounds -fuzztime=30s ./extractors/metric/
func FuzzViewBounds(f *testing.F) {
	for _, s := range viewBoundsSeeds {
		f.Add(s)
	}
	lx, err := loadLexicon()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) { checkViewBounds(t, lx, s) })
}
