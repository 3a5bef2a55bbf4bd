package date

// cnum is a run of Chinese numeral characters read as a number, both ways a
// date can write it: digit by digit (二〇二二 → 2022, 三六七 → 367) and
// arithmetically (两千零四 → 2004, 二十九 → 29, 廿九 → 29).
//
// NOTE: this is deliberately small: the years, months and days of dates
// need no 万/亿, decimals or fractions. extractors/numeral reads these runs
// too (its DigitString form is the digit-by-digit reading), but one reading
// at a time; the date rules want both readings of a run and its length at
// once (三十 as 30, 二〇二二 as 2022, 十二 as 12 or as a run of two).
type cnum struct {
	arith   int  // arithmetic value; valid when arithOK
	arithOK bool //
	digits  int  // digit-by-digit value; valid when digitsOK
	digOK   bool //
	n       int  // number of characters
}

// numeralValue returns the value of a Chinese numeral character: 0–9 for
// digits, 10, 20, 30, 100 and 1000 for the multipliers 十 廿 卅 百 千, and
// -1 for any other rune.
func numeralValue(r rune) int {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二', '两', '兩':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	case '十':
		return 10
	case '廿':
		return 20
	case '卅':
		return 30
	case '百':
		return 100
	case '千':
		return 1000
	}
	return -1
}

// parseCNum reads s, a run of characters for which numeralValue is not -1.
func parseCNum(s string) cnum {
	var c cnum
	hasMul := false
	digits := 0
	for _, r := range s {
		v := numeralValue(r)
		c.n++
		if v >= 10 {
			hasMul = true
		}
		if v >= 0 && v < 10 && r != '两' && r != '兩' {
			if digits < 1e8 {
				digits = digits*10 + v
			}
		}
	}
	if !hasMul {
		c.digits, c.digOK = digits, true
		if c.n == 1 {
			c.arith, c.arithOK = numeralValue([]rune(s)[0]), true
			if s == "两" || s == "兩" {
				c.digOK = false
			}
		}
		return c
	}
	c.arith, c.arithOK = arith(s)
	return c
}

// arith reads an arithmetic numeral below 10000: 二十九, 两千零四, 十一, 一百零五,
// 廿九. It reports false for malformed runs (十十, 二三十).
func arith(s string) (int, bool) {
	total, cur := 0, -1 // cur is the pending digit, -1 when none
	lastMul := 100000
	for _, r := range s {
		v := numeralValue(r)
		switch {
		case v == 0:
			if cur > 0 {
				return 0, false
			}
			cur = -1
		case v > 0 && v < 10:
			if cur >= 0 {
				return 0, false
			}
			cur = v
		case v == 20 || v == 30: // 廿, 卅: a ready-made tens value
			if cur >= 0 || lastMul <= 10 {
				return 0, false
			}
			total += v
			cur = -1
			lastMul = 10
		default: // 十 百 千
			if v >= lastMul {
				return 0, false
			}
			d := cur
			if d < 0 {
				// 十 may stand without a digit (十一, 一百十); 百 and 千
				// may not.
				if v != 10 {
					return 0, false
				}
				d = 1
			}
			total += d * v
			cur = -1
			lastMul = v
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, true
}
