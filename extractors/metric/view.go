package metric

import (
	"sort"
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
	// skips are the stretches of the original text left out, in order:
	// at is the view offset where each stood, n its length and before the
	// total length of the skips before it. nil when nothing was skipped.
	skips []skip
}

// skip is one stretch of the original text that the view leaves out.
type skip struct{ at, n, before int }

// viewStep gives, for each byte, how far newView steps over a rune that
// begins with it, or 0 for the bytes that may begin something to skip:
// the ASCII ones, U+00A0 (C2), U+2460… (E2), U+3000 and 〔 (E3), （ and ［
// (EF).
//
// NOTE: the step goes by the lead byte; a stray continuation byte is
// stepped over alone, and what follows is still looked at. One table
// look-up per rune, not eight comparisons and a switch.
var viewStep = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c == ' ' || c == '\t' || c == '[' || c == '(' || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF:
			t[c] = 0
		case c >= 0xF0:
			t[c] = 4
		case c >= 0xE0:
			t[c] = 3
		case c >= 0xC0:
			t[c] = 2
		default:
			t[c] = 1
		}
	}
	return t
}()

// newView returns the view of text, which is text itself (skips nil) when
// there is nothing to skip.
func newView(text string) view { return newViewFrom(text, 0) }

// newViewFrom is newView when the view skips nothing before from, a rune
// boundary of valid UTF-8 (see bounds.find).
func newViewFrom(text string, from int) view {
	var skips []skip
	var b strings.Builder
	last, removed := 0, 0 // last: the end of the previous skip in text
	for i := from; i < len(text); {
		// NOTE: the runs of three-byte runes stepped over two at a time,
		// as the test below steps over them one at a time (newView
		// 205 → 176 M instructions a pass of the package benchmark,
		// cachegrind).
		for i+6 <= len(text) && viewStep[text[i]] == 3 {
			if viewStep[text[i+3]] != 3 {
				i += 3
				break
			}
			i += 6
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		if st := viewStep[c]; st == 3 {
			// NOTE: a constant step for the runes of Chinese text: the
			// loop then runs ahead on the predicted branch instead of
			// waiting for each table look-up.
			i += 3
			continue
		} else if st != 0 {
			i += int(st)
			continue
		}
		if c >= 0xC2 && plainAt(text, i) {
			// NOTE: the common punctuation of Chinese text (，。、：（）)
			// shares these lead bytes: told apart here by the bytes after
			// the lead, without skipAt's decoding (with viewStep: newView
			// 0.57 → 0.50 s in a profile of 12 iterations of the package
			// benchmark).
			i += 2 + int(c>>5&1) // C2: two bytes, E2 to EF: three
			continue
		}
		n := skipAt(text, i)
		if n == 0 {
			_, size := runes.At(text, i)
			i += size
			continue
		}
		if skips == nil {
			b.Grow(len(text))
		}
		b.WriteString(text[last:i])
		skips = append(skips, skip{at: i - removed, n: n, before: removed})
		removed += n
		i += n
		last = i
	}
	if skips == nil {
		return view{text: text}
	}
	b.WriteString(text[last:])
	return view{text: b.String(), skips: skips}
}

// plainAt reports whether text[i], which begins with one of the lead bytes
// C2, E2, E3 or EF, holds a valid rune that skipAt skips nothing at: none
// of U+00A0, ①…⑳, U+3000, 〔, （ and ［.
func plainAt(text string, i int) bool {
	c := text[i]
	if c == 0xC2 {
		return i+1 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+1] != 0xA0
	}
	if i+2 >= len(text) || text[i+1]&0xC0 != 0x80 || text[i+2]&0xC0 != 0x80 {
		return false
	}
	c1, c2 := text[i+1], text[i+2]
	switch c {
	case 0xE2: // ①…⑳: E2 91 A0 … E2 91 B3
		return c1 != 0x91 || c2 < 0xA0 || c2 > 0xB3
	case 0xE3: // U+3000: E3 80 80; 〔: E3 80 94
		return c1 != 0x80 || c2 != 0x80 && c2 != 0x94
	default: // EF. （: EF BC 88; ［: EF BC BB
		return c1 != 0xBC || c2 != 0x88 && c2 != 0xBB
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
		before, _ := decodeLastRune(text[:i])
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
		if before, _ := decodeLastRune(text[:i]); !isHan(before) {
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
// and including the closing bracket, or 0. A note is at most 10 runes, or
// 24 with no digit in it (（不含电力、热力、燃气及水生产和供应业）): a longer
// one that holds a figure is left for the scan.
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
	count, digit := 0, false
	for i, r := range t {
		if r == closer {
			if count > 10 && digit {
				return 0
			}
			return i + utf8.RuneLen(r)
		}
		digit = digit || isDigit(r) || numeral.IsNumeral(r)
		if count++; count > 24 || r == '，' || r == '。' || r == '（' || r == '(' {
			return 0
		}
	}
	return 0
}

// at maps an offset of the view to the original text: past the skips
// that stood at or before it.
func (v *view) at(off int) int {
	k := sort.Search(len(v.skips), func(k int) bool { return v.skips[k].at > off })
	if k == 0 {
		return off
	}
	p := v.skips[k-1]
	return off + p.before + p.n
}

// end maps an end offset of the view (exclusive) to the original text:
// past the skips that stood before it, not one that stands right at it, so
// that skipped text after a span stays out.
func (v *view) end(off int) int {
	k := sort.Search(len(v.skips), func(k int) bool { return v.skips[k].at >= off })
	if k == 0 {
		return off
	}
	p := v.skips[k-1]
	return off + p.before + p.n
}

// in maps an offset of the original text to the view: an offset inside a
// skipped stretch goes to where the stretch stood.
func (v *view) in(off int) int {
	k := sort.Search(len(v.skips), func(k int) bool { return v.skips[k].at+v.skips[k].before > off })
	if k == 0 {
		return off
	}
	p := v.skips[k-1]
	o := p.at + p.before // the skip's start in the original
	if off < o+p.n {
		return p.at
	}
	return off - p.before - p.n
}

// entities returns ents with their spans mapped into the view, reusing buf.
func (v *view) entities(ents []newsfacts.Entity, buf []newsfacts.Entity) []newsfacts.Entity {
	if v.skips == nil {
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
	if v.skips == nil {
		return
	}
	c.Start, c.End = v.at(c.Start), v.end(c.End)
	c.NumStart, c.NumEnd = v.at(c.NumStart), v.end(c.NumEnd)
	c.Text = orig[c.Start:c.End]
}
