package metric

import (
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// falseQualifier reports whether the qualifier word w at the end of head is
// part of another word (最近, 附近, 以上 after 规模).
func falseQualifier(head, w string) bool {
	p, _ := decodeLastRune(head)
	switch w {
	case "近", "上", "数", "超":
		switch p {
		case '最', '附', '就', '临', '邻', '靠', '亲', '贴', '走', '逼', '赶', '以', '之', '线', '网', '马', '早', '晚', '路', '多', '无', '少', '倍', '函', '参', '系', '指':
			return true
		}
	case "约":
		// 签约, 制约, 节约: 约 ends a word.
		switch p {
		case '签', '制', '预', '节', '合', '公', '条', '契', '邀', '履', '违', '特', '规', '誓', '相', '有', '践', '赴', '爽', '失', '守':
			return true
		}
	}
	return false
}

func impliedOK(pre string) bool {
	switch pre {
	case "上", "近", "数", "逾", "超", "超过", "约", "将近", "接近", "不足", "不到", "突破", "多达", "高达":
		return true
	}
	return false
}

// bareOK decides whether a numeral with no unit is a figure. Arabic numbers
// are, except for years; Chinese numerals are only when they cannot be part
// of a word: with a decimal part, from 百 up, or standing alone.
func (s *scanner) bareOK(c *Candidate, chinese bool) bool {
	t := s.text
	num := c.Num
	if c.Rank {
		return true
	}
	if num.Form.Has(numeral.Fraction) {
		return true
	}
	if !chinese {
		nt := t[c.NumStart:c.NumEnd]
		if isYear(num, nt) && c.Pre == "" && c.Verb == "" {
			return false
		}
		if num.Form&(numeral.Magnitude|numeral.Decimal|numeral.Separators) == 0 && c.Pre == "" && c.Verb == "" {
			// 歼20战机, 直10武装直升机, 2比1: a bare integer between two
			// Chinese characters is a name or a score.
			if isHan(runeBefore(t, c.Start)) && isHan(runeAt(t, c.End)) && !s.rangeNext(c.End) {
				return false
			}
			// 12345, 12306: service hotlines.
			if len(nt) == 5 && strings.HasPrefix(nt, "123") {
				return false
			}
			// FF 91, iPhone 13: a bare integer after a Latin word and a
			// space is part of a name.
			if runeBefore(t, c.Start) == ' ' && isLatin(runeBefore(t, c.Start-1)) {
				return false
			}
			// 中麦578, 渤中26: a bare integer right after a word that does
			// not introduce a value is part of a name.
			if p := runeBefore(t, c.Start); isHan(p) && !introducesValue(p) && !s.rangeNext(c.End) {
				return false
			}
		}
		return true
	}
	if num.Form.Has(numeral.Decimal) || num.Form.Has(numeral.Rate) {
		return true
	}
	if num.Value >= 100 && num.Form&numeral.Implied == 0 {
		return true
	}
	if c.Pre != "" || c.Verb != "" || c.Mid != "" {
		return num.Value >= 10 || c.Verb != ""
	}
	p := runeBefore(t, c.Start)
	if p == '“' || p == '"' || p == '‘' || p == '「' || p == '『' {
		// 双“十一”: a quoted numeral after a word is a name.
		if pp := runeBefore(t, c.Start-utf8.RuneLen(p)); isHan(pp) && pp != '和' && pp != '与' && pp != '或' && pp != '及' {
			return false
		}
	}
	return isolated(p, runeAt(t, c.End))
}

// rangeNext reports whether a range connector and a numeral follow off
// (3至5年, 1—1.5小时).
func (s *scanner) rangeNext(off int) bool {
	t := s.text
	r, n := decodeRune(t[off:])
	switch r {
	case '至', '到', '-', '—', '～', '~', '－', '–':
	default:
		return false
	}
	if strings.HasPrefix(t[off+n:], "—") {
		n += len("—")
	}
	_, ok := numeral.Scan(t[off+n:])
	return ok
}

// introducesValue reports whether a Chinese character before a bare number
// introduces it as a value (为407, 达到100, 增长1) rather than naming it.
func introducesValue(p rune) bool {
	switch p {
	case '为', '是', '达', '到', '至', '有', '共', '约', '超', '近', '逾', '过', '计', '了', '率', '值', '数',
		'量', '额', '比', '和', '与', '及', '或', '等', '在', '以', '从', '由', '占', '余', '仅', '只',
		'增', '降', '升', '减', '长', '高', '低', '破', '上', '下', '均', '每', '各', '前', '后', '内', '外':
		return true
	}
	return false
}

// isolated reports whether a numeral stands alone between p and q: at the
// text's ends, between quotes or spaces.
func isolated(p, q rune) bool {
	left := p == 0 || p == '“' || p == '"' || p == '‘' || p == '\'' || p == '「' || p == '『' || p == ' '
	right := q == 0 || q == '”' || q == '"' || q == '’' || q == '\'' || q == '」' || q == '』' || q == ' ' || q == '。'
	return left && right
}

// isYear reports whether a numeral written as num is a year: four Arabic
// digits from 1000 to 2999 without separators, or Chinese digits read one
// by one (二〇二二).
func isYear(num numeral.Number, text string) bool {
	if num.Form.Has(numeral.DigitString) {
		return true
	}
	if num.Form&(numeral.Chinese|numeral.Separators|numeral.Decimal|numeral.Magnitude) != 0 {
		return false
	}
	v := num.Value
	return v >= 1000 && v <= 2999 && runes.Count(text) == 4
}

// arabicID reports whether the Arabic number at ns:ne is part of an
// identifier: a phone number, a code, a date or a time written with
// separators (2022-03-29, 0731-88888888, 14:30, 1.2.3), or after a word such
// as 电话 or 编号.
func (s *scanner) arabicID(ns, ne int) bool {
	t := s.text
	digits := 0
	lead0 := false
	for _, r := range t[ns:ne] {
		if d := numeral.ArabicDigit(r); d >= 0 {
			if digits == 0 && d == 0 {
				lead0 = true
			}
			digits++
		} else if r == '.' || r == '．' || r == '点' || r == '點' || r == 'e' || r == 'E' || r == '万' || r == '亿' || r == '^' || r == '/' {
			break
		}
	}
	if digits >= 11 {
		return true
	}
	if lead0 && digits >= 2 && !strings.ContainsAny(t[ns:ne], ".．") {
		return true // 02星, 0731
	}
	q, qn := decodeRune(t[ne:])
	if q == ':' || q == '：' || q == '-' || q == '/' || q == '.' || q == '_' || q == '#' || q == '*' || q == '×' || q == '＊' || q == '·' || q == '+' || q == '＋' {
		if isDigit(runeAt(t, ne+qn)) {
			if q == '-' && s.rangeDash(ns, ne) {
				return false
			}
			return true // 2：1 (a score), 6：50 (a time), 3:2
		}
		if (q == '+' || q == '＋') && isLatin(runeAt(t, ne+qn)) {
			return true // “1+N”政策体系
		}
	}
	if q == '°' || q == '′' || q == '\'' || q == '″' {
		return true // 77°35′: an angle or a coordinate
	}
	if p := runeBefore(t, ns); p == '°' {
		return true // 77°35′
	}
	if p := runeBefore(t, ns); (p == '“' || p == '"') && (q == '”' || q == '"') && strings.ContainsAny(t[ns:ne], ".．") {
		return true // “4.26”案件, “3.15”晚会: a date as a name
	}
	if p := runeBefore(t, ns); p == ':' || p == '：' || p == '-' || p == '/' || p == '#' || p == '@' || p == '_' || p == '.' || p == '·' || p == '+' || p == '＋' {
		if isDigit(runeBefore(t, ns-utf8.RuneLen(p))) {
			if p == '-' {
				// 200-300元: the end of a range that the start accepted.
				a := ns - 1
				for a > 0 && t[a-1] >= '0' && t[a-1] <= '9' {
					a--
				}
				return !s.rangeDash(a, ns-1)
			}
			return true
		}
	}
	// 电话：12345, 编号 2022.
	k := ns
	for k > 0 {
		r, n := decodeLastRune(t[:k])
		if r != ':' && r != '：' && r != ' ' && r != '为' && r != '是' {
			break
		}
		k -= n
	}
	if _, _, ok := s.lx.idBefore.match(t[:k]); ok {
		return true
	}
	return false
}

// rangeDash reports whether A-B at ns is a range of two small numbers (3-5天)
// rather than a date or a code.
func (s *scanner) rangeDash(ns, ne int) bool {
	t := s.text
	a := ne - ns
	k := ne + 1
	e := k
	for e < len(t) && (isDigit(rune(t[e])) || t[e] == '.') {
		e++
	}
	b := e - k
	if r := runeAt(t, e); r == '-' || r == '/' || r == ':' {
		return false
	}
	if a > 4 || b > 4 || t[ns] == '0' || t[k] == '0' {
		return false
	}
	if a == 4 && b <= 2 {
		return false // 2022-03
	}
	// 17-2, 26-6: a name (an oil field, a model), not a range. The
	// integer parts compare (1.05-1.07).
	return atoi(intPart(t[ns:ne])) < atoi(intPart(t[k:e])) || b > a
}

// dateRangeStart reports whether a range connector and a date follow the
// numeral ending at ne: 1至11月, 2021-2022年, 5月1日至3日.
func (s *scanner) dateRangeStart(ne int) bool {
	t := s.text
	k := ne
	r, n := decodeRune(t[k:])
	switch r {
	case '至', '到', '-', '—', '～', '~', '－', '–':
	default:
		return false
	}
	k += n
	if strings.HasPrefix(t[k:], "—") {
		k += len("—")
	}
	num, ok := numeral.Scan(t[k:])
	if !ok {
		return false
	}
	e := k + num.Len
	if _, n, ok := s.lx.idAfter.match(t[e:], false); ok {
		// 1至11月, 1至3年级, 3-5号线: the start of a range of dates or
		// names.
		if w := t[e : e+n]; w != "年" || isYear(num, t[k:e]) {
			return true
		}
	}
	if strings.HasPrefix(t[e:], "年") && isYear(num, t[k:e]) {
		return true
	}
	return false
}

// listMarker reports whether the numeral at ns:ne numbers a list item: 一、
// 1. （一） (1) 一是 二要.
func (s *scanner) listMarker(ns, ne int, chinese bool) bool {
	t := s.text
	p := runeBefore(t, ns)
	q, qn := decodeRune(t[ne:])
	if (p == '（' || p == '(' || p == '〔' || p == '[' || p == '【') && (q == '）' || q == ')' || q == '〕' || q == ']' || q == '】') {
		return true
	}
	if q == '）' || q == ')' {
		if clauseStart(p) {
			return true
		}
	}
	if !clauseStart(p) {
		return false
	}
	switch q {
	case '、', '，':
		return q == '、' || (chinese && ne-ns == 3 && !s.isFractionAt(ns))
	case '.', '．':
		return !isDigit(runeAt(t, ne+qn))
	}
	if chinese && ne-ns == 3 {
		for _, w := range [...]string{"是", "要", "抓", "则", "来", "在", "方面", "看", "靠", "把", "以", "为", "对", "明确", "坚持", "强化", "加强", "推进", "聚焦", "突出"} {
			if strings.HasPrefix(t[ne:], w) {
				return true
			}
		}
	}
	return false
}

// isFractionAt reports whether the numeral at off is a fraction (一半).
func (s *scanner) isFractionAt(off int) bool {
	num, ok := numeral.Scan(s.text[off:])
	return ok && num.Form.Has(numeral.Fraction)
}

// clauseStart reports whether a rune before a numeral opens a clause.
func clauseStart(p rune) bool {
	return p == 0 || p == '\n' || p == ' ' || p == '\t' || p == '　' || isClauseEnd(p) || p == '“' || p == '"' || p == '：' || p == ':'
}

// inName reports whether the numeral at ns:ne lies inside a word of
// names.txt, and where that word ends.
func (s *scanner) inName(ns, ne int) (int, bool) {
	t := s.text
	k := ns
	for back := 0; back <= s.lx.namesBack && k >= 0; back++ {
		if _, n, ok := s.lx.names.match(t[k:], false); ok && k+n >= ne {
			return k + n, true
		}
		if k == 0 {
			break
		}
		_, size := decodeLastRune(t[:k])
		k -= size
	}
	return 0, false
}

// idWins reports whether an identifier word at off is at least as long as
// the unit of n bytes there (年代 over 年).
func (s *scanner) idWins(off, n int) bool {
	_, m, ok := s.lx.idAfter.match(s.text[off:], false)
	return ok && m > n
}

// skipRun returns the end of the run of digits, letters and numeral
// characters (with - / . :) that contains off, so that a rejected code is
// skipped whole.
func (s *scanner) skipRun(off int) int {
	t := s.text
	k := off
	for k < len(t) {
		r, n := decodeRune(t[k:])
		if isAlnum(r) || numeral.IsNumeral(r) || r == '-' || r == '/' || r == '.' || r == ':' || r == '_' || r == '．' || r == '：' {
			k += n
			continue
		}
		break
	}
	return k
}

// skipWord returns where to resume after a rejected numeral: past the
// identifier or date word that follows it.
func (s *scanner) skipWord(ne int) int {
	t := s.text
	if _, n, ok := s.lx.idAfter.match(t[ne:], false); ok {
		return ne + n
	}
	return ne
}
