package metric

import (
	"math"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
)

// hasDigit reports whether a numeral has a digit besides its units: 千三
// has, 千万 has not.
func hasDigit(num string) bool {
	for _, r := range num {
		if numeral.IsDigit(r) {
			return true
		}
	}
	return false
}

func startsWithUnitChar(num string) bool {
	r, _ := decodeRune(num)
	switch r {
	case '十', '百', '千', '万', '亿', '拾', '佰', '仟', '萬', '億':
		return true
	}
	return false
}

// unit reads what follows the numeral: a mid qualifier (余, 多), 个 and the
// unit it carries, a unit or measure word, or an ASCII unit. It returns false
// when the numeral turns out to be a date, a time or an identifier.
func (s *scanner) unit(c *Candidate) bool {
	t := s.text
	j := c.NumEnd
	sp := skipSpaces(t[j:])
	// ASCII letters right after Arabic digits: a unit (168cm) or a code (5G).
	if r, _ := decodeRune(t[j:]); isLatin(r) {
		k := j
		for k < len(t) {
			r, n := decodeRune(t[k:])
			if !isLatin(r) {
				break
			}
			k += n
		}
		if nx, _ := decodeRune(t[k:]); isDigit(nx) || nx == '-' || nx == '_' {
			return false
		}
		if s.lx.latinUnits[strings.ToLower(narrow(t[j:k]))] && c.Num.Form&numeral.Arabic != 0 {
			c.Unit, c.Class, c.End = t[j:k], ClassMeasure, k
			return true
		}
		return false
	}
	j += sp
	// Mid qualifier: 50余个, 300多家, 十来个.
	if q, n, ok := s.lx.midQual.match(t[j:], false); ok {
		k := j + n
		if s.startsUnit(k) || (q.qual == newsfacts.QualOver && !isHan(runeAt(t, k))) {
			c.Mid = t[j:k]
			c.End = k
			j = k
		}
	}
	// Identifiers, dates and times: 3号线, 2022年度, 14时, 5月.
	idLen := 0
	if _, n, ok := s.lx.idAfter.match(t[j:], false); ok {
		idLen = n
	}
	// 个 and the unit it carries: 26个工作日, 1.5个百分点, 2个多月, 一个半小时.
	if strings.HasPrefix(t[j:], "个") || strings.HasPrefix(t[j:], "個") {
		k := j + len("个")
		k2 := k + skipSpaces(t[k:])
		mid := ""
		if q, n, ok := s.lx.midQual.match(t[k2:], false); ok && q.pos == "mid" && (s.startsUnit(k2+n) || hasMagnitude(t[k2+n:])) {
			mid = t[k2 : k2+n]
			k2 += n
		}
		// 3个亿, 1个多亿元, 几十个亿: 个 before a magnitude word counts
		// units of it; the magnitude folds into the value.
		if mag, n := magnitudeAt(t[k2:]); mag > 0 && !s.idWins(k2, n) {
			c.Num.Value *= mag
			c.Num.Num *= mag
			c.Num.Form |= numeral.Magnitude
			if mid != "" {
				c.Mid = mid
			}
			k3 := k2 + n
			c.Unit, c.Class, c.End = "", ClassNone, k3
			if u, m, ok := s.lx.units.match(t[k3:], true); ok && !u.afterGe && !s.idWins(k3, m) {
				c.Unit, c.Class, c.End = unitText(t[k3:k3+m]), u.class, k3+m
			}
			return true
		}
		half := false
		if strings.HasPrefix(t[k2:], "半") && s.startsUnit(k2+len("半")) {
			half = true
			k2 += len("半")
		}
		if u, n, ok := s.lx.units.match(t[k2:], true); ok && (u.afterGe || u.geOK) && !s.idWins(k2, n) {
			c.Unit, c.Class = unitText(t[k2:k2+n]), u.class
			c.End = k2 + n
			if mid != "" {
				c.Mid = mid
			}
			c.Half = c.Half || half
			return true
		}
		c.Unit, c.Class, c.End = "个", ClassCount, k
		if half {
			c.Half, c.End = true, k+len("半")
		}
		return true
	}
	if idLen > 0 {
		if u, n, ok := s.lx.units.match(t[j:], true); !ok || u.afterGe || n <= idLen {
			return false
		}
	}
	u, n, ok := s.lx.units.match(t[j:], true)
	if !ok || u.afterGe {
		return true // no unit
	}
	if _, m, ok := s.lx.notUnits.match(t[j:], false); ok && m > n {
		// 2024国际, 3家庭: the character begins a word.
		if isYear(c.Num, t[c.NumStart:c.NumEnd]) {
			return false
		}
		return true
	}
	w := t[j : j+n]
	if fits, reject := s.unitFits(c, w, u, j+n); reject {
		return false
	} else if !fits {
		return true
	}
	c.Unit, c.Class, c.End = unitText(w), u.class, j+n
	return true
}

// magnitudeAt returns the magnitude word that may follow 个 at the start of
// s (万亿, 亿) as a factor, and its length in bytes; 0 when there is none.
//
// NOTE: not 万: 一个万人小区, 一个万亩园区 are one place of ten thousand
// people or mu, not ten thousand.
func magnitudeAt(s string) (float64, int) {
	for _, m := range [...]struct {
		w string
		f float64
	}{{"万亿", 1e12}, {"亿", 1e8}} {
		if strings.HasPrefix(s, m.w) {
			return m.f, len(m.w)
		}
	}
	return 0, 0
}

// hasMagnitude reports whether s starts with a magnitude word.
func hasMagnitude(s string) bool {
	_, n := magnitudeAt(s)
	return n > 0
}

// unitFits checks the units that depend on the numeral: 成 must not begin a
// word (三成立), 折 needs a discount-like value, 两 must not be a digit. It
// reports whether the unit fits, and whether the whole figure is no figure:
// a year with a unit of time (2022年, 2017天府), the minute of a time
// (14时30分).
func (s *scanner) unitFits(c *Candidate, w string, u unitInfo, end int) (fits, reject bool) {
	t := s.text
	v := c.Num.Value
	if u.class == ClassTime && isYear(c.Num, t[c.NumStart:c.NumEnd]) {
		return false, true
	}
	switch w {
	case "成":
		if _, _, ok := s.lx.cheng.match(t[end-len(w):], false); ok || v > 10 || v <= 0 {
			return false, false
		}
	case "折":
		if v <= 0 || v >= 100 || (v >= 10 && c.Num.Form&numeral.Arabic == 0 && !c.Num.Form.Has(numeral.DigitString)) {
			return false, false
		}
		if r := runeAt(t, end); r == '合' || r == '旧' || r == '扣' || r == '叠' || r == '射' || r == '算' || r == '返' {
			return false, false
		}
	case "两":
		if c.Num.Form.Has(numeral.Liang) && c.NumEnd-c.NumStart == len("两") {
			return false, false
		}
		if s.startsUnit(end) || numeral.IsNumeral(runeAt(t, end)) {
			return false, false
		}
	case "分", "秒":
		// 14时30分, 八点五分, 5分30秒: the minute or second of a time (not
		// 综合得分86分: a score).
		p := runeBefore(t, c.NumStart)
		if p == '时' || p == '点' || p == '時' || p == '點' || p == ':' || p == '分' && w == "秒" {
			return false, true
		}
	case "度":
		if p := runeBefore(t, c.NumStart); p == '第' {
			return false, false
		}
	}
	return true, false
}

// after reads what follows the unit: 半, the digit of 七成六, money
// sub-units, 人民币 or a per-unit (元/吨), and a post qualifier.
func (s *scanner) after(c *Candidate) {
	t := s.text
	j := c.End
	if c.Unit != "" && !c.Half && strings.HasPrefix(t[j:], "半") && c.Class != ClassMoney {
		if nx := runeAt(t, j+len("半")); !isHan(nx) || s.isCloser(j+len("半")) {
			c.Half = true
			j += len("半")
		}
	}
	if c.Unit == "秒" && c.Num.Form&numeral.Arabic != 0 {
		// 47秒84: hundredths of a second.
		k := j
		for k < len(t) && k-j < 2 && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k > j && !isDigit(runeAt(t, k)) {
			c.Sub = float64(atoi(t[j:k])) / math.Pow10(k-j)
			j = k
		}
	}
	if c.Unit == "成" {
		k := j + skipSpaces(t[j:])
		if r, n := decodeRune(t[k:]); n > 0 {
			if d, ok := numeral.Digit(r); ok && r != '两' && !numeral.IsNumeral(runeAt(t, k+n)) && !s.startsUnit(k+n) {
				c.Tenth = float64(d)
				j = k + n
			}
		}
	}
	if c.Class == ClassMoney && !c.Prefix {
		if c.Unit == "元" || c.Unit == "块" {
			j = s.subUnits(c, j)
		}
		if strings.HasPrefix(t[j:], "人民币") {
			j += len("人民币")
		}
	}
	// A unit per unit: 元/吨, 万元/亩, 公里/小时.
	if c.Unit != "" && (strings.HasPrefix(t[j:], "/") || strings.HasPrefix(t[j:], "／")) && c.Class != ClassPercent {
		_, sn := decodeRune(t[j:])
		if u, n, ok := s.lx.units.match(t[j+sn:], false); ok && !u.latin {
			c.Unit += "/" + t[j+sn:j+sn+n]
			j += sn + n
		}
	}
	// Post qualifiers: 以上, 以内, 左右; 余 and 多 after the unit (3年多,
	// 1万余).
	k := j + skipSpaces(t[j:])
	if q, n, ok := s.lx.postQual.match(t[k:], false); ok && !q.none {
		c.Post = t[k : k+n]
		j = k + n
	} else if c.Mid == "" && c.Unit != "" {
		if q, n, ok := s.lx.midQual.match(t[k:], false); ok && (t[k:k+n] == "余" || t[k:k+n] == "多") && q.pos == "mid" {
			if nx := runeAt(t, k+n); !isHan(nx) || s.isCloser(k+n) {
				c.Post = t[k : k+n]
				j = k + n
			}
		}
	}
	c.End = max(j, c.End)
}

// isCloser reports whether the word at off may follow a figure without
// being part of it: 的, 时间, 来, verbs.
func (s *scanner) isCloser(off int) bool {
	t := s.text
	for _, w := range closers {
		if strings.HasPrefix(t[off:], w) {
			return true
		}
	}
	if _, _, ok := s.lx.subjectFwd.match(t[off:], false); ok {
		return true
	}
	_, _, ok := s.lx.changeFwd.match(t[off:], false)
	return ok
}

var closers = [...]string{"的", "时间", "来", "后", "前", "内", "间", "里", "中", "以", "之", "就", "才", "便", "即", "过", "了", "也", "都"}

// subUnits folds 6角3分 after 元 into c.Sub and returns the new end.
func (s *scanner) subUnits(c *Candidate, j int) int {
	t := s.text
	k := j
	var sub float64
	for _, u := range [...]struct {
		w   []string
		val float64
	}{{[]string{"角", "毛"}, 0.1}, {[]string{"分"}, 0.01}} {
		r, n := decodeRune(t[k:])
		d, ok := numeral.Digit(r)
		if !ok || numeral.IsNumeral(runeAt(t, k+n)) && !strings.HasPrefix(t[k+n:], u.w[0]) {
			continue
		}
		for _, w := range u.w {
			if strings.HasPrefix(t[k+n:], w) {
				sub += float64(d) * u.val
				k += n + len(w)
				break
			}
		}
	}
	if k > j {
		c.Sub = sub
	}
	return k
}

// startsUnit reports whether a unit or measure word starts at off.
func (s *scanner) startsUnit(off int) bool {
	_, _, ok := s.lx.units.match(s.text[off:], false)
	return ok
}

// unitText normalises a unit as written: spaces between its characters are
// dropped (个 百 分点).
func unitText(w string) string {
	if w == "块钱" {
		return "元" // 30多块钱: the colloquial yuan
	}
	if strings.IndexByte(w, ' ') < 0 {
		return w
	}
	return strings.ReplaceAll(w, " ", "")
}
