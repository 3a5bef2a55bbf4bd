// Package runes decodes UTF-8 on the hot paths of the extractors.
//
// NOTE: utf8.DecodeRuneInString takes its slow path for every rune outside
// ASCII, which in Chinese text is nearly every rune; the scans that visit
// each rune of every article spent a third of their time there.
package runes

import "unicode/utf8"

// At decodes the rune that starts at s[i] and returns it with its size in
// bytes, like utf8.DecodeRuneInString(s[i:]) (invalid bytes give
// utf8.RuneError and size 1), with a fast path for the three-byte
// sequences of CJK text. i must be less than len(s).
func At(s string, i int) (rune, int) {
	b := s[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	if b&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		r := rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
