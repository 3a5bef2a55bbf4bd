package runes_test

import (
	"testing"
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
