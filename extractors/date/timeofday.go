package date

import "strings"

// todWords are the parts of a day that may follow a day (3月29日上午),
// longest first. 早 and 晚 alone count only before a clock time (晚8点).
var todWords = []string{"上午", "下午", "中午", "晚上", "凌晨", "早上", "早晨", "清晨", "傍晚", "夜间", "夜里", "晚间", "午后", "深夜", "午间"}

// timeAfter returns the end of a time of day that starts at i, directly
// after a day (3月29日14时30分, 29日上午10点, 29日8:00, 今天下午, 10日晚8时),
// or i when there is none. A time is a part of the day, a clock time, or
// both; the clock is an hour of 0–24 written in digits or numerals with
// 时, 点 or a colon, then optionally minutes (30分, :30, 半) and 许.
//
// NOTE: the dates table has no time column: the time is only kept inside
// the date's span, so that 10月15日8:00至24日 reads as one range and the
// time is not left over for other extractors.
func timeAfter(s string, i int) int {
	j := i
	part := false
	for _, w := range todWords {
		if strings.HasPrefix(s[j:], w) {
			j += len(w)
			part = true
			break
		}
	}
	k := j
	if !part && (strings.HasPrefix(s[k:], "早") || strings.HasPrefix(s[k:], "晚")) {
		k += len("早")
		if r := nextRune(s, k); r >= 0 && !isHan(r) && (r < '0' || r > '9') {
			return k // 29日晚，…
		}
	}
	if e := clockAfter(s, k); e > k {
		return e
	}
	if part {
		return j
	}
	return i
}

// clockAfter returns the end of a clock time at i (14时30分, 10点半, 8:00,
// 十时许), or i.
func clockAfter(s string, i int) int {
	h, j := smallNumberAt(s, i)
	if j == i || h > 24 {
		return i
	}
	switch {
	case strings.HasPrefix(s[j:], ":") || strings.HasPrefix(s[j:], "："):
		c := 1
		if s[j] != ':' {
			c = len("：")
		}
		m, k := smallNumberAt(s, j+c)
		if k-(j+c) != 2 || m > 59 {
			return i
		}
		return k
	case strings.HasPrefix(s[j:], "时") || strings.HasPrefix(s[j:], "点"):
		j += len("时")
	default:
		return i
	}
	if strings.HasPrefix(s[j:], "半") {
		return j + len("半")
	}
	if m, k := smallNumberAt(s, j); k > j && m <= 59 && strings.HasPrefix(s[k:], "分") {
		j = k + len("分")
	}
	if strings.HasPrefix(s[j:], "许") {
		j += len("许")
	}
	return j
}

// smallNumberAt reads a number of at most two digits, or of Chinese
// numerals up to 五十九 (至多三个字), at i; it returns the value and the
// end, or i when there is none.
func smallNumberAt(s string, i int) (int, int) {
	v, j, n := 0, i, 0
	for n < 3 {
		d, size := digitValue(s, j)
		if size == 0 {
			break
		}
		v, j, n = v*10+d, j+size, n+1
	}
	if n > 0 {
		if n > 2 {
			return 0, i
		}
		return v, j
	}
	k := i
	for n < 4 && k < len(s) {
		r, size := decode(s, k)
		if numeralValue(r) < 0 || r == '百' || r == '千' || r == '万' || r == '亿' {
			break
		}
		k, n = k+size, n+1
	}
	if n == 0 || n > 3 {
		return 0, i
	}
	c := parseCNum(s[i:k])
	if !c.arithOK {
		return 0, i
	}
	return c.arith, k
}
