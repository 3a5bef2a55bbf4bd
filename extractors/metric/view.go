package metric

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// view is the text the scanner reads: the document's text without the
// spaces and markers that stand between the words of a figure. HTML-to-text
// conversion of official sites leaves spaces around figures (年末全县户籍人口
// 61.8 万人, 比上年增长 4.1%); statistical reports put footnote marks
// (增加值[4]增长7.5%, 人员②) and Latin abbreviations (地区生产总值（GDP）,
// 狭义货币(M1)) between a subject and its figure. The scanner reads the
// words as if they were written together; every span it finds is mapped
// back to the unchanged text.
//
// What is skipped (rule "view: skip marker"):
//   - spaces (ASCII, tab, U+3000, U+00A0) next to a Chinese character or
//     before a percent sign (1, 234 and GDP growth stay as they are);
//   - a footnote mark: digits in square brackets ([4], ［4］, 〔4〕) or a
//     circled number (①…⑳);
//   - a Latin abbreviation in brackets right after a Chinese character:
//     （GDP）, (PPI), （M1）: 1 to 12 letters, digits, dots, & or -, at least
//     one letter; or a short note on how the figure is counted, in brackets
//     after a Chinese character: （不含农户）, （现价）.
type view struct {
	text string
	// orig[i] is the offset in the original text of byte i of text;
	// orig[len(text)] is the original length. nil when nothing was skipped.
	orig []int32
}

// newView returns the view of text, which is text itself (orig nil) when
// there is nothing to skip.
func newView(text string) view {
	if !hasSkippable(text) {
		return view{text: text}
	}
	var b strings.Builder
	b.Grow(len(text))
	orig := make([]int32, 0, len(text)+1)
	for i := 0; i < len(text); {
		if n := skipAt(text, i); n > 0 {
			i += n
			continue
		}
		_, n := runes.At(text, i)
		b.WriteString(text[i : i+n])
		for k := range n {
			orig = append(orig, int32(i+k))
		}
		i += n
	}
	orig = append(orig, int32(len(text)))
	return view{text: b.String(), orig: orig}
}

// hasSkippable reports cheaply whether text may hold anything to skip.
func hasSkippable(text string) bool {
	return strings.IndexByte(text, ' ') >= 0 || strings.IndexByte(text, '\t') >= 0 ||
		strings.IndexByte(text, '[') >= 0 || strings.Contains(text, "\u3000") ||
		strings.Contains(text, "\u00a0") || strings.Contains(text, "［") || strings.Contains(text, "〔") ||
		strings.Contains(text, "（") || strings.IndexByte(text, '(') >= 0 || hasCircled(text)
}

// hasCircled reports whether text holds a circled number ①…⑳ (U+2460…U+2473,
// encoded E2 91 A0…E2 91 B3).
func hasCircled(text string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], "\xe2\x91")
		if k < 0 {
			return false
		}
		i += k
		if i+2 < len(text) && text[i+2] >= 0xA0 && text[i+2] <= 0xB3 {
			return true
		}
		i += 2
	}
}

// skipAt returns the length of what the view skips at text[i], or 0.
func skipAt(text string, i int) int {
	r, n := runes.At(text, i)
	switch {
	case r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0':
		e := i + n
		for e < len(text) {
			r2, n2 := runes.At(text, e)
			if r2 != ' ' && r2 != '\t' && r2 != '\u3000' && r2 != '\u00a0' {
				break
			}
			e += n2
		}
		if i == 0 || e >= len(text) {
			return 0
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := runes.At(text, e)
		// NOTE: only next to a Chinese character or a percent sign: 1, 234
		// and 2.5 M keep their spaces.
		if !(isHan(before) || isHan(after) || after == '%' || after == '％' || after == '‰') {
			return 0
		}
		if isDigit(before) && numeral.IsNumeral(after) && !strings.ContainsRune("十百千万亿", after) {
			return 0 // 667.123 五点八: two numbers, 61.8 万人: one
		}
		return e - i
	case r >= '①' && r <= '⑳':
		return n
	case r == '[' || r == '［' || r == '〔':
		closer := map[rune]rune{'[': ']', '［': '］', '〔': '〕'}[r]
		e, digits := i+n, 0
		for e < len(text) && digits < 3 {
			r2, n2 := runes.At(text, e)
			if !isDigit(r2) {
				break
			}
			e += n2
			digits++
		}
		if digits == 0 || e >= len(text) {
			return 0
		}
		if r2, n2 := runes.At(text, e); r2 == closer {
			return e + n2 - i
		}
	case r == '（' || r == '(':
		if i == 0 {
			return 0
		}
		if before, _ := utf8.DecodeLastRuneInString(text[:i]); !isHan(before) {
			return 0
		}
		closer := ')'
		if r == '（' {
			closer = '）'
		}
		if m := noteAt(text[i+n:], closer); m > 0 {
			return n + m // 固定资产投资（不含农户）
		}
		e, count, letter := i+n, 0, false
		for e < len(text) && count <= 12 {
			r2, n2 := runes.At(text, e)
			if r2 == closer || r2 == ')' || r2 == '）' {
				if count > 0 && letter {
					return e + n2 - i
				}
				return 0
			}
			switch {
			case isLatin(r2):
				letter = true
			case isDigit(r2) || r2 == '.' || r2 == '&' || r2 == '-':
			default:
				return 0
			}
			e += n2
			count++
		}
	}
	return 0
}

// noteWords begin a bracketed note on how a figure is counted, which the
// view skips like an abbreviation: 固定资产投资（不含农户）, 收入（现价）.
var noteWords = [...]string{"不含", "含", "不包括", "包括", "现价", "不变价", "下同", "注"}

// noteAt returns the length of a note in brackets that t begins with, up to
// and including the closing bracket, or 0. A note is at most 10 runes.
func noteAt(t string, closer rune) int {
	ok := false
	for _, w := range noteWords {
		if strings.HasPrefix(t, w) {
			ok = true
			break
		}
	}
	if !ok {
		return 0
	}
	count := 0
	for i, r := range t {
		if r == closer {
			return i + utf8.RuneLen(r)
		}
		if count++; count > 10 || r == '，' || r == '。' || r == '（' || r == '(' {
			return 0
		}
	}
	return 0
}

// at maps an offset of the view to the original text.
func (v *view) at(off int) int {
	if v.orig == nil {
		return off
	}
	return int(v.orig[off])
}

// end maps an end offset of the view (exclusive) to the original text: the
// end of the byte before it, so that skipped text after a span stays out.
func (v *view) end(off int) int {
	if v.orig == nil || off == 0 {
		return v.at(off)
	}
	return int(v.orig[off-1]) + 1
}

// in maps an offset of the original text to the view: the first view byte
// at or after it.
func (v *view) in(off int) int {
	if v.orig == nil {
		return off
	}
	k, _ := slices.BinarySearchFunc(v.orig, int32(off), func(a, b int32) int { return cmp.Compare(a, b) })
	return k
}

// entities returns ents with their spans mapped into the view, reusing buf.
func (v *view) entities(ents []newsfacts.Entity, buf []newsfacts.Entity) []newsfacts.Entity {
	if v.orig == nil {
		return ents
	}
	buf = buf[:0]
	for _, e := range ents {
		e.Start, e.End = v.in(e.Start), v.in(e.End)
		buf = append(buf, e)
	}
	return buf
}

// unmap maps the offsets of a candidate found in the view to the original
// text.
func (v *view) unmap(c *Candidate, orig string) {
	if v.orig == nil {
		return
	}
	c.Start, c.End = v.at(c.Start), v.end(c.End)
	c.NumStart, c.NumEnd = v.at(c.NumStart), v.end(c.NumEnd)
	c.Text = orig[c.Start:c.End]
}
