package newsfacts

import (
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/runes"
)

// SplitSentences splits text into sentences and returns their byte ranges,
// in order and without gaps, so that every offset of text falls into exactly
// one sentence. A sentence ends after 。！？!? or a line break; closing quotes
// and brackets that follow the end mark stay with the sentence they close
// (…开业。” belongs to the sentence before it), and so does a line break right
// after the end mark.
//
// NOTE: the text is walked a byte at a time and only the bytes that may
// begin an end mark are looked at closer, not every rune decoded (runes.At
// is a call a rune). It finds the same marks as decoding: an end mark's
// first byte is ASCII or a UTF-8 lead byte, never inside another rune, and
// a decoder that meets an invalid byte steps over that byte alone
// (FuzzSplitSentences checks it against a decoding splitter).
// BenchmarkSplitSentences −24 % (p = 0.005, n = 8, one core), instructions
// halved (cachegrind).
func SplitSentences(text string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(text); {
		// A run of three-byte runes that are no end mark, stepped over
		// three bytes at a time: their continuation bytes begin no mark
		// either (SplitSentences 424 → 408 M instructions on the corpus,
		// cachegrind). Two runes whose lead bytes are neither E3 (。) nor
		// EF (！？) at once, from one eight-byte load; a rune led by E3 or
		// EF that is no mark (，、《》) one at a time, where it stopped the
		// loop before (SplitSentences 408 → 280 M instructions a pass of
		// BenchmarkNewDoc, cachegrind).
		rest := text[i:]
		for {
			if len(rest) >= 8 {
				q := rest[:8]
				v := uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 |
					uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
				if v&0xC0C0F0C0C0F0 == 0x8080E08080E0 && plainLead>>(v&0xF)&(plainLead>>(v>>24&0xF))&1 != 0 {
					rest = rest[6:]
					continue
				}
			}
			if len(rest) < 3 {
				break
			}
			w := uint32(rest[0])<<16 | uint32(rest[1])<<8 | uint32(rest[2])
			if w&0xF0C0C0 != 0xE08080 || w == 0xE38082 || w == 0xEFBC81 || w == 0xEFBC9F { // 。！？
				break
			}
			rest = rest[3:]
		}
		i = len(text) - len(rest)
		if i >= len(text) {
			break
		}
		b := text[i]
		if !sentenceByte[b] {
			i++
			continue
		}
		n := 1
		switch {
		case b == '\n', b == '!', b == '?':
		case b == 0xE3 && strings.HasPrefix(text[i:], "。"),
			b == 0xEF && (strings.HasPrefix(text[i:], "！") || strings.HasPrefix(text[i:], "？")):
			n = 3
		default:
			i++
			continue
		}
		i += n
		switch b {
		case '\n':
			out = append(out, Span{Start: start, End: i})
			start = i
		default: // 。！？!?
			for i < len(text) {
				r2, n2 := runes.At(text, i)
				if !isSentenceCloser(r2) {
					break
				}
				i += n2
			}
			if i < len(text) && text[i] == '\n' {
				i++ // the line break ends this sentence, not an empty one
			}
			out = append(out, Span{Start: start, End: i})
			start = i
		}
	}
	if start < len(text) {
		out = append(out, Span{Start: start, End: len(text)})
	}
	return out
}

// plainLead has bit k set when a lead byte 0xE0+k begins no end mark:
// every k but 3 (。) and 0xF (！？).
const plainLead = 0xFFFF &^ (1<<3 | 1<<0xF)

// sentenceByte marks the bytes that begin a sentence end mark: \n ! ? and
// the lead bytes of 。 (E3) and of ！ and ？ (EF).
var sentenceByte = [256]bool{'\n': true, '!': true, '?': true, 0xE3: true, 0xEF: true}

func isSentenceCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '》', '"', '\'', '。', '！', '？', '!', '?':
		return true
	}
	return false
}

// runeStride is the spacing, in bytes, of the checkpoints of Doc.RuneOffset.
const runeStride = 256

// runeMark is a checkpoint of Doc.RuneOffset: the first rune boundary at or
// after a multiple of runeStride, and the number of runes before it.
type runeMark struct{ pos, runes int32 }

// RuneOffset converts a byte offset into Text to a Unicode code point offset,
// the unit of every offset in the output tables. off must lie on a rune
// boundary in [0, len(Text)].
//
// NOTE: the first call builds a table of checkpoints, one per runeStride
// bytes of text, so that each later call counts at most a few hundred bytes
// instead of rescanning the text from the start. Checkpoints sit on rune
// boundaries: counting from the middle of a multi-byte rune would count its
// continuation bytes as runes.
func (d *Doc) RuneOffset(off int) int {
	if d.runeIndex == nil {
		d.buildRuneIndex()
	}
	// The last checkpoint at or before off.
	lo, hi := 0, len(d.runeIndex)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(d.runeIndex[m].pos) <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	mark := d.runeIndex[lo-1]
	if !d.runeValid {
		return int(mark.runes) + utf8.RuneCountInString(d.Text[mark.pos:off])
	}
	return int(mark.runes) + runes.CountValid(d.Text[mark.pos:off])
}

// ValidText reports whether Text is valid UTF-8. It is known from the
// checkpoints of RuneOffset, which it builds if no call did yet.
func (d *Doc) ValidText() bool {
	if d.runeIndex == nil {
		d.buildRuneIndex()
	}
	return d.runeValid
}

// buildRuneIndex builds the checkpoints of RuneOffset.
//
// NOTE: one pass over the text both validates it and counts its runes
// (range semantics: an invalid byte is one rune), with an inlined test
// for the valid three-byte runes of CJK text; it replaced a pass of
// utf8.ValidString followed by a count of the runes (runes.CountValid
// for valid text, a range loop for the rest), with the same checkpoints
// and counts (FuzzRuneIndex checks it against that code): 600 → 266 M
// instructions a pass of BenchmarkNewDoc (cachegrind).
func (d *Doc) buildRuneIndex() {
	text := d.Text
	d.runeIndex = make([]runeMark, 0, len(text)/runeStride+1)
	valid := true
	i, n := 0, 0
	for i < len(text) {
		// i is the first rune boundary at or after a multiple of
		// runeStride.
		d.runeIndex = append(d.runeIndex, runeMark{int32(i), int32(n)})
		lim := min((i/runeStride+1)*runeStride, len(text))
		for i < lim {
			// Two valid three-byte runes at once, from one eight-byte
			// load, while the first of them ends before lim.
			if i+8 <= len(text) && i+3 < lim {
				q := text[i : i+8]
				v := uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 |
					uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
				if runes.Two3(v) {
					i += 6
					n += 2
					continue
				}
			}
			if i+3 <= len(text) {
				q := text[i : i+3]
				w := uint32(q[0])<<16 | uint32(q[1])<<8 | uint32(q[2])
				r := w>>4&0xF000 | w>>2&0xFC0 | w&0x3F
				// 1110xxxx 10xxxxxx 10xxxxxx, not overlong, no surrogate.
				if w&0xF0C0C0 == 0xE08080 && r >= 0x800 && r&0xF800 != 0xD800 {
					i += 3
					n++
					continue
				}
			}
			if text[i] < utf8.RuneSelf {
				i++
				n++
				continue
			}
			_, size := utf8.DecodeRuneInString(text[i:])
			if size == 1 { // a byte from 0x80 decodes to one byte only when invalid
				valid = false
			}
			i += size
			n++
		}
	}
	d.runeValid = valid
	if len(d.runeIndex) == 0 {
		d.runeIndex = append(d.runeIndex, runeMark{0, 0})
	}
}
