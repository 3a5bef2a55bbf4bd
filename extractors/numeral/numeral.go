// Package numeral parses the numerals of Chinese text: Arabic numbers (with
// thousands separators, decimals, exponents and full-width digits), Chinese
// numerals (三千二百, 两万, 二〇二二, 十五), financial numerals (壹佰伍拾),
// mixed forms (1.2万, 4.18万亿, 3万4000), fractions and rates (三分之一,
// 百分之十一点三, 万分之三, 3/5) and the approximate forms news writes inside
// a numeral (十余万, 500余万, 二十几万).
//
// The parser reads one numeral at the start of a string and reports how many
// bytes it used, so that span finders can call it at any position of a text
// without copying. It never allocates. It knows nothing about context:
// whether 2022 is a year or 一 an article is for the caller to decide, with
// the help of the Form flags that say how the numeral was written.
package numeral

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/runes"
)

// Form records how a numeral was written, as a set of flags.
type Form uint16

// Form flags.
const (
	// Arabic: the numeral contains Arabic digits (half- or full-width).
	Arabic Form = 1 << iota
	// Chinese: the numeral contains Chinese numeral characters.
	Chinese
	// Financial: the numeral contains financial (大写) characters such as
	// 壹, 贰, 拾, 佰.
	Financial
	// Magnitude: a magnitude word (万, 亿, 兆) or suffix (k) scales the value.
	Magnitude
	// Decimal: the numeral has a fractional part (1.5, 十一点三).
	Decimal
	// Fraction: the numeral is a fraction (三分之一, 百分之五, 3/5); see
	// Number.Per.
	Fraction
	// Rate: the fraction was written 百分之, 千分之 or 万分之, a rate.
	Rate
	// DigitString: Chinese digits read one by one (二〇二二, 九九), as years
	// and codes are written; the value is the digits' concatenation.
	DigitString
	// Over: the numeral itself says "more than" (十余万, 二十几万, 几十).
	Over
	// Implied: the numeral begins with a unit or magnitude that implies a
	// leading one (百三, 万, 千). Text rarely means a quantity by a bare 万.
	Implied
	// Liang: the numeral uses 两 (兩, 俩) as a digit.
	Liang
	// Spaced: the numeral has spaces between its parts (一百 五 十).
	Spaced
	// Separators: Arabic digits were grouped with thousands separators.
	Separators
	// Exponent: the value was written with an exponent (2e5, 2^5).
	Exponent
	// Half: the numeral is 一半, a half as a share (not 二分之一).
	Half
)

// Has reports whether f has every flag of g.
func (f Form) Has(g Form) bool { return f&g == g }

// Number is a parsed numeral.
type Number struct {
	// Value is the numeral's value: 1.2万 → 12000, 三分之一 → 0.333…,
	// 百分之五 → 0.05, 二〇二二 → 2022.
	Value float64
	// Num and Per are the numerator and denominator of a fraction (百分之五:
	// 5 and 100; 三分之一: 1 and 3); Per is 0 for a numeral that is not a
	// fraction, and then Num equals Value.
	Num, Per float64
	// Len is the number of bytes of the numeral. It never includes trailing
	// spaces.
	Len int
	// Form says how the numeral was written.
	Form Form
}

// Parse parses the numeral at the start of s. It returns the numeral's value,
// its length in bytes and whether s starts with a numeral at all.
func Parse(s string) (value float64, n int, ok bool) {
	num, ok := Scan(s)
	return num.Value, num.Len, ok
}

// Value parses s as one numeral over its whole length, as the date
// extractor needs for 二〇二二 or 十一.
func Value(s string) (float64, bool) {
	num, ok := Scan(s)
	if !ok || num.Len != len(s) {
		return 0, false
	}
	return num.Value, true
}

// Scan reads the longest numeral at the start of s. It accepts a leading
// sign (-, －, 负), a rate prefix (百分之, 千分之, 万分之), fractions (N分之M,
// A又N分之M, a/b) and everything Parse documents. It returns false when s
// does not start with a numeral.
func Scan(s string) (Number, bool) {
	i := 0
	neg := false
	if r, n := decode(s); isSign(r) {
		neg = true
		i = n
	}
	var num Number
	var ok bool
	if per, n := ratePrefix(s[i:]); n > 0 {
		num, ok = scanRate(s[i:], per, n)
	} else {
		num, ok = scanFraction(s[i:])
	}
	if !ok {
		return Number{}, false
	}
	num.Len += i
	if neg {
		num.Value, num.Num = -num.Value, -num.Num
	}
	return num, true
}

// scanRate reads 百分之N, 千分之N or 万分之N; n is the prefix length.
func scanRate(s string, per float64, n int) (Number, bool) {
	j := n + skipSpaces(s[n:])
	x, ok := scanPlain(s[j:])
	if !ok || x.Form.Has(DigitString) {
		return Number{}, false
	}
	return Number{
		Value: x.Value / per,
		Num:   x.Value,
		Per:   per,
		Len:   j + x.Len,
		Form:  (x.Form | Fraction | Rate | Chinese) &^ Implied, // 百分之百
	}, true
}

// scanFraction reads a plain numeral and the fraction forms built on it:
// D分之N, W又D分之N, a/b and W a/b.
func scanFraction(s string) (Number, bool) {
	x, ok := scanPlain(s)
	if !ok {
		return Number{}, false
	}
	// D分之N
	if n := fenZhi(s[x.Len:]); n > 0 && x.Value > 0 && !x.Form.Has(DigitString) && !x.Form.Has(Decimal) {
		j := x.Len + n
		j += skipSpaces(s[j:])
		neg := false
		if r, m := decode(s[j:]); isSign(r) {
			neg = true
			j += m
		}
		y, ok := scanPlain(s[j:])
		if ok && !y.Form.Has(DigitString) && !y.Form.Has(Fraction) {
			if neg {
				y.Value = -y.Value
			}
			return Number{
				Value: y.Value / x.Value,
				Num:   y.Value,
				Per:   x.Value,
				Len:   j + y.Len,
				Form:  x.Form | y.Form | Fraction,
			}, true
		}
		return x, true
	}
	// W又D分之N
	sp := skipSpaces(s[x.Len:])
	if r, n := decode(s[x.Len+sp:]); r == '又' && !x.Form.Has(DigitString) {
		j := x.Len + sp + n
		j += skipSpaces(s[j:])
		if f, ok := scanFraction(s[j:]); ok && f.Form.Has(Fraction) && f.Per > 0 {
			return Number{
				Value: x.Value + f.Value,
				Num:   x.Value*f.Per + f.Num,
				Per:   f.Per,
				Len:   j + f.Len,
				Form:  x.Form | f.Form,
			}, true
		}
		return x, true
	}
	// a/b, and W a/b (a whole number, one space, a fraction).
	if x.Form == Arabic {
		if f, n, ok := slashFraction(s[x.Len:], x.Value); ok {
			f.Len = x.Len + n
			return f, true
		}
		if len(s) > x.Len+1 && s[x.Len] == ' ' {
			if y, ok := scanPlain(s[x.Len+1:]); ok && y.Form == Arabic {
				if f, n, ok := slashFraction(s[x.Len+1+y.Len:], y.Value); ok && f.Value >= 0 {
					return Number{
						Value: x.Value + f.Value,
						Num:   x.Value*f.Per + f.Num,
						Per:   f.Per,
						Len:   x.Len + 1 + y.Len + n,
						Form:  Arabic | Fraction,
					}, true
				}
			}
		}
	}
	// 一半
	if x.Len == len("一") && s[:x.Len] == "一" {
		if r, n := decode(s[x.Len:]); r == '半' {
			return Number{Value: 0.5, Num: 1, Per: 2, Len: x.Len + n, Form: Chinese | Fraction | Half}, true
		}
	}
	return x, true
}

// slashFraction reads "/b" after a numerator a. It refuses dates such as
// 3/29/2022 and a/b/c.
func slashFraction(s string, a float64) (Number, int, bool) {
	r, n := decode(s)
	if r != '/' && r != '／' {
		return Number{}, 0, false
	}
	y, ok := scanPlain(s[n:])
	if !ok || y.Form != Arabic || y.Value == 0 || y.Value != math.Trunc(y.Value) || a != math.Trunc(a) {
		return Number{}, 0, false
	}
	if r2, _ := decode(s[n+y.Len:]); r2 == '/' || r2 == '／' || r2 == '-' {
		return Number{}, 0, false
	}
	return Number{Value: a / y.Value, Num: a, Per: y.Value, Form: Arabic | Fraction}, n + y.Len, true
}

// scanPlain reads a numeral without sign or fraction: Arabic, Chinese,
// financial or mixed, with decimals and magnitudes.
func scanPlain(s string) (Number, bool) {
	var (
		form     Form
		total    float64 // groups already scaled by a magnitude
		maxMag   float64 // the largest magnitude applied to total
		section  float64 // value below the current magnitude
		cur      float64 // pending digit (or Arabic number)
		hasCur   bool
		curDec   dec // cur as an exact decimal, when it came from Arabic digits
		curArab  bool
		curLiang bool    // cur is 两
		curFrom  int     // end of the numeral before cur
		lastUnit float64 // the unit or magnitude just before cur, for 一万三
		zero     bool    // 零 seen since the last unit: no abbreviation
		prevArab bool    // the previous token was Arabic digits
		tokens   int
		end      int // end of the last accepted token
		pos      int
	)
	for pos < len(s) {
		j := pos
		if tokens > 0 {
			if k := skipSpaces(s[pos:]); k > 0 {
				j = pos + k
			}
		}
		spaced := j > pos
		r, n := decode(s[j:])
		if r == utf8.RuneError {
			break
		}
		c := classify(r)
		if tokens == 0 && (r == '.' || r == '．') {
			c.kind = kArabic // .5
		}
		switch c.kind {
		case kArabic:
			if prevArab || hasCur {
				goto done
			}
			a, m, ok := scanArabic(s[j:], tokens == 0)
			if !ok {
				goto done
			}
			form |= Arabic | a.form
			cur, hasCur, curDec, curArab, curLiang = a.value(), true, a.dec, true, false
			prevArab = true
			pos, end = j+m, j+m
			tokens++
			if a.form&(Exponent|Magnitude) != 0 || a.fixed {
				goto done
			}
			continue
		case kDigit:
			if hasCur {
				// A digit right after a digit: only the first two
				// characters of a numeral may start a digit string.
				if tokens == 1 && !curArab && !form.Has(Liang) && !c.liang {
					v, m, ok := digitString(s, pos)
					if ok {
						return Number{Value: v, Num: v, Len: m, Form: form | DigitString | Chinese}, true
					}
				}
				goto done
			}
			if c.val == 0 {
				zero = true
				if tokens == 0 {
					// 零点五, 〇: a leading zero is a value.
					cur, hasCur, curArab = 0, true, false
				}
			} else {
				cur, hasCur, curArab = c.val, true, false
			}
			curLiang, curFrom = c.liang, end
			form |= Chinese
			if c.fin {
				form |= Financial
			}
			if c.liang {
				form |= Liang
			}
		case kUnit: // 十 百 千
			if hasUnitAt(s[j:]) {
				goto done
			}
			if !hasCur || (cur == 0 && !curArab) {
				if tokens == 0 && c.val > 10 {
					form |= Implied
				}
				cur = 1
			}
			section += cur * c.val
			hasCur, curArab = false, false
			lastUnit, zero = c.val, false
			form |= Chinese
			if c.fin {
				form |= Financial
			}
		case kMag: // 万 亿 兆
			if hasUnitAt(s[j:]) {
				goto done
			}
			if tokens == 0 {
				form |= Implied
				cur, hasCur = 1, true
			}
			if !hasCur && section == 0 && total == 0 {
				goto done
			}
			var x float64
			switch {
			case section == 0 && hasCur && curArab && total == 0:
				// 1.2万, 4.18万亿: scale the exact decimal, so that the
				// value has no binary rounding noise.
				curDec.e += c.exp
				x = curDec.float()
				total, maxMag = x, c.val
				section, hasCur, curArab = 0, false, false
				lastUnit, zero = c.val, false
				form |= Magnitude
				goto next
			case hasCur:
				x = section + cur
			default:
				x = section
			}
			if c.val >= maxMag {
				total = (total + x) * c.val
				maxMag = c.val
			} else {
				total += x * c.val
			}
			section, hasCur, curArab = 0, false, false
			lastUnit, zero = c.val, false
			form |= Magnitude
		case kPoint: // 点: a decimal part must follow
			if tokens == 0 || prevArab {
				// 12点32分 is a time: after Arabic digits the decimal
				// point is written ".".
				goto done
			}
			k := j + n
			k += skipSpaces(s[k:])
			frac, fn, ok := chineseDecimals(s[k:])
			if !ok {
				goto done
			}
			ip := total + section
			if hasCur {
				ip += abbreviate(cur, curLiang, lastUnit, zero)
			}
			v := decFrom(ip, frac)
			form |= Decimal
			pos, end = k+fn, k+fn
			// 三点五亿: magnitudes scale the whole decimal.
			for {
				q := pos + skipSpaces(s[pos:])
				r2, n2 := decode(s[q:])
				c2 := classify(r2)
				if c2.kind != kMag || total != 0 || hasUnitAt(s[q:]) {
					break
				}
				v.e += c2.exp
				form |= Magnitude
				pos, end = q+n2, q+n2
			}
			return finish(v.float(), end, form)
		case kApprox: // 余 多: inside a numeral only before a magnitude
			q := j + n
			q += skipSpaces(s[q:])
			r2, _ := decode(s[q:])
			if classify(r2).kind != kMag || (!hasCur && section == 0) {
				goto done
			}
			form |= Over
		case kHalf: // 半百: half a unit, only at the start
			r2, _ := decode(s[j+n:])
			if k2 := classify(r2).kind; tokens != 0 || (k2 != kUnit && k2 != kMag) {
				goto done
			}
			cur, hasCur = 0.5, true
			form |= Chinese
		case kJi: // 几: a placeholder digit
			if hasCur {
				goto done
			}
			q := j + n
			r2, _ := decode(s[q:])
			k2 := classify(r2).kind
			if tokens == 0 && k2 != kUnit && k2 != kMag {
				goto done
			}
			if tokens == 0 {
				cur, hasCur = 1, true
			} else {
				cur, hasCur = 0, true
			}
			form |= Over | Chinese
		default:
			goto done
		}
	next:
		if spaced {
			form |= Spaced
		}
		prevArab = false
		pos, end = j+n, j+n
		tokens++
	}
done:
	if tokens == 0 {
		return Number{}, false
	}
	if hasCur && curLiang && lastUnit >= 10 && !zero {
		// 三千两百两, 两万两, 三十两: a final 两 after a unit is the unit of
		// weight 两, not a digit (which would be written 二).
		hasCur, end = false, curFrom
	}
	v := total + section
	if hasCur {
		if curArab && section == 0 && total == 0 {
			return finish(curDec.float(), end, form)
		}
		v += abbreviate(cur, curLiang, lastUnit, zero)
	}
	if v == 0 && form.Has(Implied) {
		return Number{}, false
	}
	return finish(v, end, form)
}

func finish(v float64, end int, form Form) (Number, bool) {
	return Number{Value: v, Num: v, Len: end, Form: form}, true
}

// abbreviate returns the value of a final digit: after 百, 千 or a
// magnitude it stands for the next lower unit (一万三 = 13000, 四百五 = 450),
// unless a 零 came between or the digit is 两.
func abbreviate(cur float64, liang bool, lastUnit float64, zero bool) float64 {
	if lastUnit >= 100 && !zero && !liang && cur >= 1 && cur <= 9 && cur == math.Trunc(cur) {
		return cur * lastUnit / 10
	}
	return cur
}

// digitString reads Chinese digits one by one from s[start:], where the
// first digit has already been seen (二〇二二, 九 九).
func digitString(s string, start int) (float64, int, bool) {
	// The first digit is the rune that ends s[:start].
	first, _ := runes.Last(s[:start])
	c := classify(first)
	if c.kind != kDigit {
		return 0, 0, false
	}
	v := c.val
	pos, end, count := start, start, 1
	for pos < len(s) {
		j := pos + skipSpaces(s[pos:])
		r, n := decode(s[j:])
		c := classify(r)
		if c.kind != kDigit || c.liang {
			break
		}
		v = v*10 + c.val
		count++
		pos, end = j+n, j+n
	}
	if count < 2 {
		return 0, 0, false
	}
	return v, end, true
}

// chineseDecimals reads the digits after 点: Chinese or Arabic, one by one.
func chineseDecimals(s string) (dec, int, bool) {
	var d dec
	pos, end, count := 0, 0, 0
	for pos < len(s) {
		j := pos
		if count > 0 {
			j += skipSpaces(s[pos:])
		}
		r, n := decode(s[j:])
		var v float64
		switch c := classify(r); {
		case c.kind == kDigit && !c.liang:
			v = c.val
		case c.kind == kArabic:
			v = float64(ArabicDigit(r))
		default:
			goto done
		}
		if count < 18 {
			d.m = d.m*10 + uint64(v)
			d.e--
		}
		count++
		pos, end = j+n, j+n
	}
done:
	return d, end, count > 0
}

// decFrom combines an integer part and decimal digits into one exact
// decimal when it fits, else a rounded one.
func decFrom(ip float64, frac dec) dec {
	scale := math.Pow10(-frac.e)
	if ip >= 0 && ip < 1<<53 && ip == math.Trunc(ip) && ip*scale < 1<<53 {
		return dec{m: uint64(ip)*uint64(scale) + frac.m, e: frac.e}
	}
	return dec{f: ip + frac.float(), isF: true}
}

// dec is an exact decimal m × 10^e, or a float when it did not fit.
type dec struct {
	m   uint64
	e   int
	f   float64
	isF bool
}

func (d dec) float() float64 {
	if d.isF {
		return d.f * math.Pow10(d.e)
	}
	v := float64(d.m)
	switch {
	case d.e == 0:
		return v
	case d.e > 0:
		return v * math.Pow10(d.e)
	case d.e >= -22 && d.m < 1<<53:
		return v / math.Pow10(-d.e) // exact operands: correctly rounded
	default:
		return v * math.Pow(10, float64(d.e))
	}
}

// arabic is a parsed run of Arabic digits.
type arabic struct {
	dec
	form Form
	// fixed: the token ended with a suffix (k, exponent) that nothing may
	// follow.
	fixed bool
}

func (a arabic) value() float64 { return a.dec.float() }

// scanArabic reads Arabic digits with separators, a decimal part, an
// exponent or a k suffix. lead allows a leading decimal point (.5).
func scanArabic(s string, lead bool) (arabic, int, bool) {
	var a arabic
	pos := 0
	digits := 0
	group := 0    // digits in the current group
	wide := false // the digits are full-width
	seps := false // separators were used
	mant := true  // m still exact
	var f float64 // value when m overflowed
	addDigit := func(d int) {
		if mant && a.m > (1<<63)/10 {
			mant = false
			f = float64(a.m)
		}
		if mant {
			a.m = a.m*10 + uint64(d)
		} else {
			f = f*10 + float64(d)
		}
	}
	for pos < len(s) {
		// NOTE: an ASCII byte (a digit, mostly) without the call of
		// decode, which does not inline.
		r, n := rune(s[pos]), 1
		if r >= utf8.RuneSelf {
			r, n = decode(s[pos:])
		}
		if d := ArabicDigit(r); d >= 0 {
			if digits == 0 {
				wide = n > 1
			}
			addDigit(d)
			digits++
			group++
			pos += n
			continue
		}
		// Thousands separators: a comma followed by exactly three digits,
		// after a first group of one to three digits; the full-width comma
		// only between full-width digits (in text "，" ends a clause), the
		// ASCII comma between digits of either width (１,２３４).
		if r == ',' || (r == '，' && wide) {
			if (seps && group == 3) || (!seps && group >= 1 && group <= 3) {
				if threeDigits(s[pos+n:], wide) {
					seps = true
					group = 0
					pos += n
					continue
				}
			}
		}
		break
	}
	if seps && group != 3 {
		return a, 0, false
	}
	if seps {
		a.form |= Separators
	}
	// Decimal part.
	if pos < len(s) || (digits == 0 && lead) {
		r, n := decode(s[pos:])
		if (r == '.' || r == '．') && (digits > 0 || lead) {
			if d, _ := decode(s[pos+n:]); ArabicDigit(d) >= 0 {
				pos += n
				for pos < len(s) {
					r, n := rune(s[pos]), 1
					if r >= utf8.RuneSelf {
						r, n = decode(s[pos:])
					}
					d := ArabicDigit(r)
					if d < 0 {
						break
					}
					if mant && a.m < 1<<59 {
						a.m = a.m*10 + uint64(d)
						a.e--
					}
					pos += n
				}
				a.form |= Decimal
				// 1.2.3 is a version or a date, not a number.
				if r, n := decode(s[pos:]); r == '.' || r == '．' {
					if d, _ := decode(s[pos+n:]); ArabicDigit(d) >= 0 {
						return a, 0, false
					}
				}
			}
		}
	}
	if digits == 0 && !a.form.Has(Decimal) {
		return a, 0, false
	}
	if !mant {
		a.dec = dec{f: f, isF: true, e: a.e}
	}
	// Exponent: 2e5, 2.7890e-1, 2^5, 1.1^+23.
	if e, n, pow, ok := exponent(s[pos:]); ok {
		if pow {
			v := math.Pow(a.dec.float(), float64(e))
			a.dec = dec{f: v, isF: true}
		} else {
			a.e += e
		}
		a.form |= Exponent
		a.fixed = true
		return a, pos + n, true
	}
	// k suffix: 40k, 15Ｋ, 3.2k; a single digit with k is a name (4K).
	if r, n := decode(s[pos:]); (r == 'k' || r == 'K' || r == 'Ｋ' || r == 'ｋ') && (digits >= 2 || a.form.Has(Decimal)) {
		if r2, _ := decode(s[pos+n:]); !isLatin(r2) {
			a.e += 3
			a.form |= Magnitude
			a.fixed = true
			return a, pos + n, true
		}
	}
	return a, pos, true
}

// exponent reads e5, E-1, ^5, ^--23 after a number.
func exponent(s string) (e int, n int, pow bool, ok bool) {
	r, m := decode(s)
	switch r {
	case 'e', 'E', 'ｅ', 'Ｅ':
	case '^':
		pow = true
	default:
		return 0, 0, false, false
	}
	pos := m
	neg := false
	for pos < len(s) {
		r, m := decode(s[pos:])
		if r == '+' || r == '＋' {
			pos += m
			continue
		}
		if r == '-' || r == '－' {
			neg = !neg
			pos += m
			if !pow {
				// e allows one sign only
				r2, _ := decode(s[pos:])
				if ArabicDigit(r2) < 0 {
					return 0, 0, false, false
				}
			}
			continue
		}
		break
	}
	digits := 0
	for pos < len(s) && digits < 4 {
		r, m := decode(s[pos:])
		d := ArabicDigit(r)
		if d < 0 {
			break
		}
		e = e*10 + d
		digits++
		pos += m
	}
	if digits == 0 || digits == 4 {
		return 0, 0, false, false
	}
	if r, _ := decode(s[pos:]); isLatin(r) || ArabicDigit(r) >= 0 {
		return 0, 0, false, false
	}
	if neg {
		e = -e
	}
	return e, pos, pow, true
}

func threeDigits(s string, wide bool) bool {
	pos := 0
	for k := 0; k < 3; k++ {
		r, n := decode(s[pos:])
		if ArabicDigit(r) < 0 || (n > 1) != wide {
			return false
		}
		pos += n
	}
	r, _ := decode(s[pos:])
	return ArabicDigit(r) < 0
}

// ratePrefix recognises 百分之, 千分之, 万分之 (and their variants, with
// spaces between the characters) and returns the denominator and length.
func ratePrefix(s string) (float64, int) {
	r, n := decode(s)
	var per float64
	switch r {
	case '百', '佰':
		per = 100
	case '千', '仟':
		per = 1000
	case '万', '萬':
		per = 10000
	default:
		return 0, 0
	}
	j := n + skipSpaces(s[n:])
	m := fenZhi(s[j:])
	if m == 0 {
		return 0, 0
	}
	return per, j + m
}

// fenZhi returns the length of 分之 at the start of s, allowing spaces
// before and between the two characters, or 0.
func fenZhi(s string) int {
	j := skipSpaces(s)
	r, n := decode(s[j:])
	if r != '分' {
		return 0
	}
	j += n
	j += skipSpaces(s[j:])
	r, n = decode(s[j:])
	if r != '之' {
		return 0
	}
	return j + n
}

// hasUnitAt reports whether s starts with a unit whose first character is a
// magnitude (千米, 千克, 千瓦, 兆瓦, 百分点 …): there the character belongs to
// the unit, not to the numeral, so 12千米 is 12 km and 五十兆字节 50 MB.
//
// NOTE: the units of s's first character only: hasUnitAt runs at every
// magnitude of every numeral (万 and 亿 begin no unit), and a comparison
// with each of the 22 units was 0.8 % of the metric package benchmark.
func hasUnitAt(s string) bool {
	if len(s) < 6 {
		return false // two characters at least
	}
	var units []string
	switch s[:3] {
	case "千":
		units = magnitudeUnits[:12]
	case "兆":
		units = magnitudeUnits[12:19]
	case "百":
		units = magnitudeUnits[19:]
	default:
		return false
	}
	for _, u := range units {
		if strings.HasPrefix(s[3:], u[3:]) {
			return true
		}
	}
	return false
}

// magnitudeUnits are the units that begin with a magnitude character, by
// that character (see hasUnitAt and TestMagnitudeUnits).
var magnitudeUnits = [...]string{
	"千米", "千克", "千瓦", "千焦", "千卡", "千字节", "千兆", "千伏", "千帕", "千赫", "千吨", "千升",
	"兆瓦", "兆字节", "兆帕", "兆赫", "兆焦", "兆伏", "兆比特",
	"百分点", "百分比", "百公里",
}

func skipSpaces(s string) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// decode is runes.First: the first rune of s and its size.
func decode(s string) (rune, int) { return runes.First(s) }

func isSign(r rune) bool {
	return r == '-' || r == '－' || r == '−' || r == '负' || r == '負'
}

func isLatin(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= 'ａ' && r <= 'ｚ') || (r >= 'Ａ' && r <= 'Ｚ')
}

// ArabicDigit returns the value of a half- or full-width Arabic digit
// (0-9, ０-９), or -1 for any other rune.
func ArabicDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}
