package metric

import (
	"strings"

	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/runes"
)

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func pow10(n int) float64 {
	f := 1.0
	for ; n > 0; n-- {
		f *= 10
	}
	return f
}

func skipSpaces(s string) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
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
func isClauseEnd(r rune) bool {
	switch r {
	case '，', '。', '；', '：', '！', '？', ',', ';', '!', '?', '\n', '、', '（', '）', '(', ')', '“', '”', '《', '》', '"', '【', '】':
		return true
	}
	return false
}

func toHalfWidth(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, s)
}

// lastRune returns the last rune of s (s not empty).
func lastRune(s string) rune {
	r, _ := decodeLastRune(s)
	return r
}
