package input

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/runes"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// sniffBytes is how much of a document the binary check looks at.
const sniffBytes = 64 << 10

// decode returns data as UTF-8 text. A UTF-8 byte order mark is dropped;
// valid UTF-8 is returned as is (the same backing array). Data that is not
// UTF-8 but decodes cleanly as GB18030 (a superset of GBK and GB2312) into
// mostly Chinese text is converted. NUL bytes or many control characters
// give ErrBinary; anything else ErrEncoding.
func decode(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, bomUTF8)
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return nil, fmt.Errorf("%w: UTF-16 (byte order mark %X); convert to UTF-8", newsfacts.ErrEncoding, data[:2])
	}
	if looksBinary(data) {
		return nil, newsfacts.ErrBinary
	}
	if runes.Valid(data) {
		return data, nil
	}
	if text, ok := decodeGB18030(data); ok {
		return text, nil
	}
	return nil, fmt.Errorf("%w: neither UTF-8 nor GB18030/GBK", newsfacts.ErrEncoding)
}

// looksBinary reports whether data holds a NUL byte, or whether more than
// one byte in 20 of its start is a control character other than white space.
func looksBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	head := data[:min(len(data), sniffBytes)]
	ctl := 0
	i := 0
	// NOTE: eight bytes at a time; a word is looked at byte by byte only
	// when it holds a byte below 0x20 or a 0x7F (most words of a text
	// hold neither).
	for ; i+8 <= len(head); i += 8 {
		w := binary.LittleEndian.Uint64(head[i:])
		below := (w - 0x20*ones) &^ w & highs
		del := (w ^ 0x7F*ones - ones) &^ (w ^ 0x7F*ones) & highs
		if below|del != 0 {
			ctl += countControls(head[i : i+8])
		}
	}
	ctl += countControls(head[i:])
	// NOTE: a few stray controls (a DOS end-of-file 0x1A, an escape in a
	// terminal capture) do not make a text binary.
	return ctl > 4 && ctl*20 > len(head)
}

// countControls counts the control characters of b other than white space.
func countControls(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' || c == 0x7F {
			n++
		}
	}
	return n
}

// decodeGB18030 decodes data as GB18030. It succeeds when no byte sequence
// was invalid and at least 80% of the non-ASCII characters are Chinese
// (Han, CJK punctuation or full-width forms), which rules out most text in
// other 8-bit encodings.
func decodeGB18030(data []byte) ([]byte, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return nil, false
	}
	// NOTE: the x/text decoder replaces invalid sequences with U+FFFD
	// instead of failing; the input is not UTF-8, so it cannot hold a
	// U+FFFD of its own, and any U+FFFD in the output marks an invalid one.
	nonASCII, cjk := 0, 0
	for _, r := range string(out) {
		if r == utf8.RuneError {
			return nil, false
		}
		if r < utf8.RuneSelf {
			continue
		}
		nonASCII++
		if isCJK(r) {
			cjk++
		}
	}
	return out, nonASCII > 0 && cjk*5 >= nonASCII*4
}

// isCJK reports whether r is a Chinese character, CJK punctuation or a
// full-width form.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return r == '·' || r == '—' || r == '…' || r == '“' || r == '”' || r == '‘' || r == '’'
	case r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFF00 && r <= 0xFFEF: // full-width forms
		return true
	}
	return unicode.Is(unicode.Han, r)
}
