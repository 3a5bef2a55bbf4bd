// Package runes decodes UTF-8 on the hot paths of the extractors.
//
// NOTE: utf8.DecodeRuneInString takes its slow path for every rune outside
// ASCII, which in Chinese text is nearly every rune; the scans that visit
// each rune of every article spent a third of their time there.
package runes

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// At decodes the rune that starts at s[i] and returns it with its size in
// bytes, like utf8.DecodeRuneInString(s[i:]) (invalid bytes give
// utf8.RuneError and size 1), with a fast path for the three-byte
// sequences of CJK text. i must be less than len(s).
func At(s string, i int) (rune, int) {
	b := s[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	// NOTE: after a lead byte E1–EC or EE–EF, any two continuation bytes
	// make a valid rune (E0 may be overlong, ED a surrogate: those take
	// the slow path).
	if b >= 0xE1 && b <= 0xEF && b != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// At3 returns the rune of the valid three-byte sequence that starts at
// s[i] (the encoding of CJK characters), or -1 when there is none there: a
// shorter or longer sequence, an invalid one, or the end of s.
//
// NOTE: At is too large for the compiler to inline, and a call per
// character of every article cost the entity stage a tenth of its time;
// At3 is small enough to inline. Hot loops call At3 and, when it returns
// -1, At.
func At3(s string, i int) rune {
	if i+2 >= len(s) {
		return -1
	}
	w := uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
	r := rune(w>>4&0xF000 | w>>2&0xFC0 | w&0x3F)
	// 1110xxxx 10xxxxxx 10xxxxxx, not overlong, no surrogate.
	if w&0xF0C0C0 != 0xE08080 || r < 0x800 || r&0xF800 == 0xD800 {
		return -1
	}
	return r
}

// First decodes the first rune of s, like utf8.DecodeRuneInString
// (utf8.RuneError and size 0 for an empty s), with At's fast path.
func First(s string) (rune, int) {
	if len(s) >= 3 && s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// Last decodes the last rune of s, like utf8.DecodeLastRuneInString
// (utf8.RuneError and size 0 for an empty s), with a fast path for the
// three-byte sequences of CJK text.
func Last(s string) (rune, int) {
	n := len(s)
	if n >= 3 && s[n-3] >= 0xE1 && s[n-3] <= 0xEF && s[n-3] != 0xED && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80 {
		return rune(s[n-3]&0x0F)<<12 | rune(s[n-2]&0x3F)<<6 | rune(s[n-1]&0x3F), 3
	}
	if n > 0 && s[n-1] < utf8.RuneSelf {
		return rune(s[n-1]), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

// Count is utf8.RuneCountInString(s): the number of runes of s, an
// invalid byte counting as one.
//
// NOTE: utf8.RuneCountInString decodes every rune outside ASCII through a
// call of runtime.decoderune, which is nearly every rune of a Chinese
// string; Count steps over the valid three-byte sequences itself (At3).
// The counts of the metric extractor's subjects and heads were 2.3 % of
// its package benchmark.
func Count(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		switch {
		case s[i] < utf8.RuneSelf:
			i++
		case At3(s, i) >= 0:
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}

// CountValid returns the number of runes of s, which must be valid UTF-8
// (for other strings, use utf8.RuneCountInString): the number of its bytes
// that are not continuation bytes (10xxxxxx).
//
// NOTE: counted eight bytes at a time; about eight times faster than
// utf8.RuneCountInString on Chinese text, which decodes every rune.
func CountValid(s string) int {
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		// A continuation byte has its top bit set and the next one clear.
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// IsHan reports whether r is a Han character (unicode.Han: the CJK
// ideographs of every block, 〇, 々 and the radicals).
//
// NOTE: small enough to inline: the main block (4E00–9FFF) and
// everything below the radicals are answered here; hanOther answers the
// punctuation of Chinese text (，。、) without unicode.Is's table search.
func IsHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && hanOther(r)
}

// hanOther is IsHan for the runes from 2E80 outside 4E00–9FFF.
func hanOther(r rune) bool {
	switch {
	case r >= 0x3400 && r <= 0x4DBF:
		return true
	case r > 0xFAD9 && r < 0x16FE2:
		return false
	case r >= 0x3000 && r <= 0x303F:
		return r == 0x3005 || r == 0x3007 || r >= 0x3021 && r <= 0x3029 || r >= 0x3038 && r <= 0x303B
	}
	return unicode.Is(unicode.Han, r)
}
