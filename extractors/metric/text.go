package metric

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/runes"
	"golang.org/x/text/width"
)

// atoi returns the value of the ASCII digits s, 0 when s is not a number.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// narrow folds the full-width forms of s (ｋｍ) to ASCII with width.Narrow.
//
// NOTE: ASCII s is returned as it is: width.Narrow.String allocates even
// when nothing changes.
func narrow(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return width.Narrow.String(s)
		}
	}
	return s
}

// intPart returns s up to its first '.'.
func intPart(s string) string {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i]
	}
	return s
}

func skipSpaces(s string) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// lastIndex is strings.LastIndex(s, sep), for the searches that mostly
// find nothing.
//
// NOTE: strings.Index first, which is vectorised: strings.LastIndex hashes
// every byte of s, and most subjects hold no 每, most clauses no 比 or 同比
// (in cutPer, otherEntity and shareBaseline: 89 M instructions fewer a
// pass of the package benchmark, cachegrind).
func lastIndex(s, sep string) int {
	i := strings.Index(s, sep)
	if i < 0 {
		return -1
	}
	return i + strings.LastIndex(s[i:], sep)
}

func runeAt(s string, off int) rune {
	if off < 0 || off >= len(s) {
		return 0
	}
	r, _ := decodeRune(s[off:])
	return r
}

func runeBefore(s string, off int) rune {
	if off <= 0 || off > len(s) {
		return 0
	}
	r, _ := decodeLastRune(s[:off])
	return r
}

func isLatin(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= 'ａ' && r <= 'ｚ') || (r >= 'Ａ' && r <= 'Ｚ')
}

func isDigit(r rune) bool { return numeral.ArabicDigit(r) >= 0 }

func isAlnum(r rune) bool { return isLatin(r) || isDigit(r) }

func isHan(r rune) bool { return runes.IsHan(r) }

// isClauseEnd reports whether r ends a clause.
func isClauseEnd(r rune) bool { return clauseEnds.has(r) }

// clauseEnds are the runes that end a clause (a bit set, as singleStops).
var clauseEnds = bmpSetOf("，。；：！？,;!?\n、（）()“”《》\"【】")

// containsSentenceEnd is strings.ContainsAny(s, "。！？!?\n").
//
// NOTE: a search per mark: ContainsAny decodes s rune by rune and looks
// each up in its set, which was slow on the long gaps between figures. The
// answer is the same for any s: a mark's lead byte begins a rune wherever
// it stands, so its bytes are the mark whenever they are found.
func containsSentenceEnd(s string) bool {
	return strings.Contains(s, "。") || strings.Contains(s, "！") || strings.Contains(s, "？") || strings.ContainsAny(s, "!?\n")
}

// lastSentenceMark is strings.LastIndexAny(s, "。！？!?"), found in one
// walk back over the bytes: a mark's lead byte begins a rune wherever it
// stands, so its bytes are the mark whenever they are found, as
// containsSentenceEnd says.
//
// NOTE: LastIndexAny decodes s back rune by rune and looks each up in its
// set; strings.LastIndex per mark hashes every byte. prevOK's search: 97 M
// fewer instructions a pass of the package benchmark (cachegrind, 10.72 →
// 10.63 G with the corpus load).
func lastSentenceMark(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case '!', '?':
			return i
		case 0x82: // 。 E3 80 82
			if i >= 2 && s[i-2] == 0xE3 && s[i-1] == 0x80 {
				return i - 2
			}
		case 0x81, 0x9F: // ！ EF BC 81, ？ EF BC 9F
			if i >= 2 && s[i-2] == 0xEF && s[i-1] == 0xBC {
				return i - 2
			}
		}
	}
	return -1
}

// lastRune returns the last rune of s (s not empty).
func lastRune(s string) rune {
	r, _ := decodeLastRune(s)
	return r
}
