package metric

import (
	"strings"
	"testing"
	"unicode/utf8"
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
