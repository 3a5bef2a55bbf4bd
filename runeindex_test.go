package newsfacts

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/runes"
)

// runeIndexTwoPasses is buildRuneIndex as it was before it validated and
// counted in one pass: utf8.ValidString, then a count of the runes. It is
// the reference of FuzzRuneIndex.
func runeIndexTwoPasses(text string) ([]runeMark, bool) {
	index := make([]runeMark, 0, len(text)/runeStride+1)
	valid := utf8.ValidString(text)
	if !valid {
		next, n := 0, 0
		for i := range text {
			if i >= next {
				index = append(index, runeMark{int32(i), int32(n)})
				next = (i/runeStride + 1) * runeStride
			}
			n++
		}
	} else {
		pos, n := 0, 0
		for pos < len(text) {
			index = append(index, runeMark{int32(pos), int32(n)})
			next := (pos/runeStride + 1) * runeStride
			for next < len(text) && !utf8.RuneStart(text[next]) {
				next++
			}
			next = min(next, len(text))
			n += runes.CountValid(text[pos:next])
			pos = next
		}
	}
	if len(index) == 0 {
		index = append(index, runeMark{0, 0})
	}
	return index, valid
}

// FuzzRuneIndex checks the checkpoints and the validity of buildRuneIndex
// against the two-pass code it replaced, on valid and invalid UTF-8.
func FuzzRuneIndex(f *testing.F) {
	long := ""
	for range 120 {
		long += "石峰区企业微信群111个，"
	}
	for _, s := range []string{
		"",
		"a",
		long,
		long[:255] + "\xff" + long[256:],
		long + "\xe0\x80\x80\xed\xa0\x80\xf0\x9f\x98\x80\xef\xbf\xbd",
		"\xe3\x80",
		"\xf0\x9f\x98",
		"\xc3\xa9\xc3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &Doc{Article: Article{Text: s}}
		d.buildRuneIndex()
		want, valid := runeIndexTwoPasses(s)
		if !slices.Equal(d.runeIndex, want) || d.runeValid != valid {
			t.Fatalf("buildRuneIndex(%q) = %v, %v; want %v, %v", s, d.runeIndex, d.runeValid, want, valid)
		}
	})
}
