package runes_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// TestAtMatchesUTF8 checks At against utf8.DecodeRuneInString at every
// offset of valid and invalid text: ASCII, two-, three- and four-byte
// runes, surrogates encoded in three bytes, overlong forms, truncated
// sequences and stray continuation bytes.
func TestAtMatchesUTF8(t *testing.T) {
	for _, s := range []string{
		"石峰区a×😀企业微信群111个。\n",
		"\xed\xa0\x80x",  // a surrogate half: invalid
		"\xe0\x80\xafx",  // overlong '/'
		"\xe4\xb8",       // truncated at the end
		"\xe4\xb8x\x80中", // truncated, then a stray continuation byte
		"\xef\xbc\x91２",  // full-width digits
		"",
	} {
		for i := 0; i < len(s); i++ {
			gr, gn := runes.At(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if gr != wr || gn != wn {
				t.Errorf("At(%q, %d) = %q, %d; want %q, %d", s, i, gr, gn, wr, wn)
			}
		}
	}
}

// FuzzAt checks At against utf8.DecodeRuneInString on arbitrary input.
func FuzzAt(f *testing.F) {
	f.Add("石峰区😀\xe4\xb8")
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			gr, gn := runes.At(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if gr != wr || gn != wn {
				t.Fatalf("At(%q, %d) = %q, %d; want %q, %d", s, i, gr, gn, wr, wn)
			}
		}
	})
}

// want3 is what At3 must return: the rune when utf8 decodes a valid
// three-byte sequence at s[i], else -1.
func want3(s string, i int) rune {
	r, n := utf8.DecodeRuneInString(s[i:])
	if n != 3 {
		return -1
	}
	return r
}

// TestAt3MatchesUTF8 checks At3 against utf8.DecodeRuneInString at every
// offset of the texts of TestAtMatchesUTF8 and a few more edge cases.
func TestAt3MatchesUTF8(t *testing.T) {
	for _, s := range []string{
		"石峰区a×😀企业微信群111个。\n",
		"\xed\xa0\x80x",            // a surrogate half: invalid
		"\xed\x9f\xbf",             // U+D7FF, just below the surrogates: valid
		"\xee\x80\x80",             // U+E000, just above them: valid
		"\xe0\x80\xafx",            // overlong '/'
		"\xe0\xa0\x80",             // U+0800, the first three-byte rune
		"\xef\xbf\xbf",             // U+FFFF, the last one
		"\xe4\xb8",                 // truncated at the end
		"\xe4\xb8x\x80中",           // truncated, then a stray continuation byte
		"\xf0\x9f\x98\x80\xc3\x97", // four and two bytes
		"",
	} {
		for i := 0; i < len(s); i++ {
			if got, want := runes.At3(s, i), want3(s, i); got != want {
				t.Errorf("At3(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// FuzzAt3 checks At3 against utf8.DecodeRuneInString on arbitrary input.
func FuzzAt3(f *testing.F) {
	f.Add("石峰区😀\xe4\xb8\xed\xa0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if got, want := runes.At3(s, i), want3(s, i); got != want {
				t.Fatalf("At3(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// checkFirstLast checks First and Last against utf8 on every prefix and
// suffix of s.
func checkFirstLast(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		gr, gn := runes.First(s[i:])
		wr, wn := utf8.DecodeRuneInString(s[i:])
		if gr != wr || gn != wn {
			t.Fatalf("First(%q) = %q, %d; want %q, %d", s[i:], gr, gn, wr, wn)
		}
		gr, gn = runes.Last(s[:i])
		wr, wn = utf8.DecodeLastRuneInString(s[:i])
		if gr != wr || gn != wn {
			t.Fatalf("Last(%q) = %q, %d; want %q, %d", s[:i], gr, gn, wr, wn)
		}
	}
}

func TestFirstLastMatchUTF8(t *testing.T) {
	for _, s := range []string{
		"石峰区a×😀企业微信群111个。\n", "\xed\xa0\x80x", "x\xed\xa0\x80", "\xe0\x80\xaf", "\xe4\xb8",
		"\xe4\xb8x\x80中", "\xef\xbc\x91２", "\xf0\x9f\x98\x80", "\x9f\x98\x80", "",
	} {
		checkFirstLast(t, s)
	}
}

func FuzzFirstLast(f *testing.F) {
	f.Add("石峰区😀\xe4\xb8")
	f.Fuzz(checkFirstLast)
}

func TestIsHan(t *testing.T) {
	for _, r := range []rune{'a', '1', '中', '〇', '々', '㐀', '豈', '𠀀', '，', 'ア', '한', 0x2E80, 0x9FFF, 0xFFFD} {
		if got, want := runes.IsHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Errorf("IsHan(%q) = %v, want %v", r, got, want)
		}
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if runes.IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("IsHan(%U) = %v, unicode.Is(Han) says otherwise", r, runes.IsHan(r))
		}
	}
}

// TestCountValid checks CountValid against utf8.RuneCountInString on valid
// text from every rune boundary, so that the eight-byte words start at
// every alignment.
func TestCountValid(t *testing.T) {
	for _, s := range []string{"", "a", "中", "abcdefgh", "中文abc，。", "2023年全市地区生产总值增长5.2%，其中第一产业…", "😀x€£", strings.Repeat("国民经济", 37) + "ab"} {
		for i := range s { // rune boundaries only
			if got, want := runes.CountValid(s[i:]), utf8.RuneCountInString(s[i:]); got != want {
				t.Errorf("CountValid(%q) = %d, want %d", s[i:], got, want)
			}
		}
		if got := runes.CountValid(s[len(s):]); got != 0 {
			t.Errorf("CountValid of the empty end of %q = %d", s, got)
		}
	}
}
