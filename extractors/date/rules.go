package date

import (
	"strings"

	"github.com/newsfacts/newsfacts"
)

// Rule is one rule of the date grammar: a name (written to the rule column
// of the dates table), a pattern over token classes and a production that
// turns the matched tokens into a Match.
//
// Patterns are written in a small language: elements separated by spaces,
// each a class name (Y, M, RY …, see classes.go) or alternatives in
// parentheses ((Y|RY)), with a trailing "?" when optional. First-layer
// rules run over the tokens of a text; second-layer rules run over the
// first layer's results, where X stands for one whole first-layer match.
type Rule struct {
	// Name identifies the rule; it is the dates table's rule column.
	Name string
	// Pattern is the rule's pattern.
	Pattern string
	// Layer is 1 for rules over tokens, 2 for rules over first-layer
	// matches.
	Layer int
	// Frame is true when the rule finds a period that can govern the
	// clause or sentence it opens (今年一季度，…; 截至6月底，…): the
	// periods a statistic is about. Resolve sets newsfacts.Date.Frame
	// from it.
	Frame bool
	// Example is a phrase the rule matches in full; the package's tests
	// hold more examples, positive and negative, for every rule.
	Example string

	produce func(c *mctx) (Match, bool)
}

// ruleTable is the grammar. Within a layer, the longest match at a token
// wins; among matches of equal length, the earlier rule.
var ruleTable = []Rule{
	// Calendar dates and their parts.
	{Name: "date", Pattern: "(Y|YC|RY)? (M|RM) (D|DN) WD?", Layer: 1, Example: "2022年3月29日", produce: prodDate},
	{Name: "lunar-date", Pattern: "LUN? (Y|YC|RY)? LUN? (M|LM) (LD|DN|D)", Layer: 1, Example: "农历正月初一", produce: prodLunar},
	{Name: "lunar-month", Pattern: "LUN? (Y|YC|RY)? LUN? (M|LM)", Layer: 1, Example: "农历腊月", produce: prodLunar},
	{Name: "lunar-festival", Pattern: "(Y|RY)? LH", Layer: 1, Example: "大年初一", produce: prodHoliday},
	{Name: "holiday", Pattern: "(Y|RY)? (HOL|ST)", Layer: 1, Example: "国庆节", produce: prodHoliday},
	{Name: "holiday-period", Pattern: "(Y|RY)? (HOL|ST|LH) HP HP? NTH?", Layer: 1, Frame: true, Example: "春节假期", produce: prodHolidayPeriod},
	{Name: "holiday-before", Pattern: "(Y|RY)? (HOL|ST|LH) HP? BEFORE", Layer: 1, Frame: true, Example: "春节前", produce: prodHolidayEdge(false)},
	{Name: "holiday-after", Pattern: "(Y|RY)? (HOL|ST|LH) HP? AFTER", Layer: 1, Frame: true, Example: "国庆节后", produce: prodHolidayEdge(true)},
	{Name: "spring-travel", Pattern: "(Y|RY)? CY (HP|NTH)?", Layer: 1, Frame: true, Example: "2024年春运", produce: prodSpringTravel},
	{Name: "event-since", Pattern: "FROM? EV SINCE", Layer: 1, Frame: true, Example: "党的十八大以来", produce: prodEventSince},
	{Name: "day", Pattern: "D", Layer: 1, Example: "29日", produce: prodDay},
	{Name: "month", Pattern: "(Y|YC|RY)? M", Layer: 1, Frame: true, Example: "2023年6月", produce: prodMonth},
	{Name: "relative-month", Pattern: "RY? RM", Layer: 1, Frame: true, Example: "上个月", produce: prodPoint},
	{Name: "month-part", Pattern: "(Y|YC|RY)? (M|RM) (PART|XUN)", Layer: 1, Frame: true, Example: "今年1月底", produce: prodPoint},
	{Name: "month-part-word", Pattern: "(MP|XUN)", Layer: 1, Frame: true, Example: "月底", produce: prodPoint},
	{Name: "year", Pattern: "Y", Layer: 1, Frame: true, Example: "2023年", produce: prodYear},
	{Name: "relative-year", Pattern: "RY", Layer: 1, Frame: true, Example: "去年", produce: prodPoint},
	{Name: "year-part", Pattern: "(Y|RY) (PART|YP)", Layer: 1, Frame: true, Example: "去年底", produce: prodYearPart},
	{Name: "year-part-word", Pattern: "YP", Layer: 1, Frame: true, Example: "年初", produce: prodPoint},
	{Name: "quarter", Pattern: "(Y|RY)? Q PART?", Layer: 1, Frame: true, Example: "今年一季度", produce: prodQuarter},
	{Name: "half", Pattern: "(Y|RY)? H PART?", Layer: 1, Frame: true, Example: "上半年", produce: prodQuarter},
	{Name: "season", Pattern: "(Y|RY) SEASON", Layer: 1, Frame: true, Example: "今年夏天", produce: prodPoint},
	{Name: "month-first-days", Pattern: "(Y|YC|RY)? (M|RM) CUM (DURW|DURD)", Layer: 1, Frame: true, Example: "10月前三周", produce: prodFirstDays},
	{Name: "first-months", Pattern: "(Y|RY)? CUM (DURM|DURQ|M)", Layer: 1, Frame: true, Example: "前5个月", produce: prodFirstMonths},
	{Name: "month-range", Pattern: "(Y|YC|RY)? N CONN M", Layer: 1, Frame: true, Example: "1至11月", produce: prodMonthRange},
	{Name: "day-range", Pattern: "(Y|YC|RY)? (M|RM)? N CONN D", Layer: 1, Frame: true, Example: "3月3至5日", produce: prodDayRange},
	{Name: "year-range", Pattern: "N CONN Y", Layer: 1, Frame: true, Example: "2021—2025年", produce: prodYearRange},
	{Name: "year-range-bare", Pattern: "FROM NUM CONN NUM", Layer: 1, Frame: true, Example: "从2016到2018", produce: prodYearRangeBare},
	{Name: "numeric-ymd", Pattern: "NUM SEP NUM SEP NUM", Layer: 1, Example: "2022-03-29", produce: prodNumericYMD},
	{Name: "numeric-dmy", Pattern: "NUM SEP NUM SEP NUM", Layer: 1, Example: "29/3/2022", produce: prodNumericDMY},
	{Name: "numeric-spaced", Pattern: "NUM NUM NUM", Layer: 1, Example: "2022 03 29", produce: prodNumericSpaced},
	{Name: "decade", Pattern: "(CENT|CENTREL)? DEC", Layer: 1, Frame: true, Example: "上世纪90年代", produce: prodPoint},
	{Name: "plan", Pattern: "FYP (FYPSUF|PART)?", Layer: 1, Frame: true, Example: "“十四五”时期", produce: prodPlan},

	// Relative to the reference day.
	{Name: "relative-day", Pattern: "RD", Layer: 1, Example: "昨天", produce: prodPoint},
	{Name: "relative-pair", Pattern: "(RDR|RYR)", Layer: 1, Frame: true, Example: "今明两天", produce: prodRelativePair},
	{Name: "relative-week", Pattern: "RW WD?", Layer: 1, Example: "上周一", produce: prodPoint},
	{Name: "weekend", Pattern: "RWE", Layer: 1, Example: "下周末", produce: prodPoint},
	{Name: "weekday", Pattern: "WD", Layer: 1, Example: "星期一", produce: prodWeekday},
	{Name: "anchored-day", Pattern: "AD", Layer: 1, Example: "次日", produce: prodAnchored},
	{Name: "anchored-period", Pattern: "(AM|AY)", Layer: 1, Frame: true, Example: "次年", produce: prodAnchored},
	{Name: "recent", Pattern: "ND", Layer: 1, Example: "近日", produce: prodRecent},
	{Name: "last-n", Pattern: "(NEAR|PREV) (DURY|DURM|DURW|DURD)", Layer: 1, Frame: true, Example: "近三年", produce: prodCount(KindLast)},
	{Name: "previous-n", Pattern: "CUM DURW", Layer: 1, Frame: true, Example: "前1周", produce: prodPrevious},
	{Name: "next-n", Pattern: "FUT (DURY|DURM|DURW|DURD)", Layer: 1, Frame: true, Example: "未来两天", produce: prodCount(KindNext)},
	{Name: "recent-years", Pattern: "VAGUE", Layer: 1, Frame: true, Example: "近年来", produce: prodRecentYears},
	{Name: "n-since", Pattern: "NEAR? (DURY|DURM|DURW|DURD) (LAI|SINCE)", Layer: 1, Frame: true, Example: "三年来", produce: prodCount(KindUpToNow)},

	// Ranges and open ranges over first-layer matches.
	{Name: "range", Pattern: "FROM? X CONN X", Layer: 2, Frame: true, Example: "2015年至2020年", produce: prodRange},
	{Name: "range-between", Pattern: "X AND X BETWEEN", Layer: 2, Frame: true, Example: "2007年与2009年之间", produce: prodBetween},
	{Name: "after-before", Pattern: "X AFTER X BEFORE", Layer: 2, Frame: true, Example: "2010年之后2018年之前", produce: prodAfterBefore},
	{Name: "since", Pattern: "FROM? X SINCE", Layer: 2, Frame: true, Example: "2021年以来", produce: prodSince},
	{Name: "until", Pattern: "UNTIL (X|NOW)", Layer: 2, Frame: true, Example: "截至6月底", produce: prodUntil},
}

// Rules returns the grammar's rules, in the order they are tried.
func Rules() []Rule {
	out := make([]Rule, len(ruleTable))
	copy(out, ruleTable)
	for i := range out {
		out[i].produce = nil
	}
	return out
}

// frameRules maps a rule name to its Frame flag.
var frameRules = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range ruleTable {
		m[r.Name] = r.Frame
	}
	return m
}()

// expr builds the expression of the matched tokens, field by field.
func (c *mctx) expr() Expr {
	var e Expr
	for k := range c.caps {
		t := c.tok(k)
		if t == nil {
			continue
		}
		as := c.as(k)
		switch {
		case as&(cY|cYC) != 0:
			e.Year = Abs(t.year)
		case as&cRY != 0:
			e.Year = Rel(t.val)
		case as&cM != 0:
			e.Month, e.Unit = Abs(t.small()), UnitMonth
		case as&cRM != 0:
			e.Month, e.Unit = Rel(t.val), UnitMonth
		case as&cLM != 0:
			e.Month, e.Unit, e.Lunar = Abs(t.val), UnitMonth, true
		case as&(cD|cDN) != 0:
			e.Day, e.Unit = Abs(t.small()), UnitDay
		case as&cLD != 0:
			e.Day, e.Unit, e.Lunar = Abs(t.val), UnitDay, true
		case as&cLH != 0:
			e.Unit, e.Lunar = UnitDay, true
			if t.val < 0 {
				e.Eve = true
			} else {
				e.Month, e.Day = Abs(t.val/100), Abs(t.val%100)
			}
		case as&cHOL != 0:
			e.Unit, e.Month, e.Day = UnitDay, Abs(t.val/100), Abs(t.val%100)
		case as&cST != 0:
			e.Unit, e.Month, e.Term = UnitDay, Abs(4), t.val
		case as&cCY != 0:
			// 春运 is dated from 春节, lunar 正月初一.
			e.Unit, e.Lunar, e.Month, e.Day, e.Period = UnitDay, true, Abs(1), Abs(1), PeriodSpringTravel
		case as&cNTH != 0:
			e.Nth = t.val
			if t.kind == tkWord && t.cls&cAD != 0 {
				e.Nth = t.val + 1 // 第二天: AD's offset 1 is the second day
			} else if t.kind != tkWord {
				e.Nth = t.count() // 第3天
			}
		case as&cHP != 0:
			e.Period = holidayOf(e)
		case as&cEV != 0:
			y, m, d := newsfacts.Day(t.val).Date()
			e = dayExpr(y, int(m), d)
		case as&cLUN != 0:
			e.Lunar = true
		case as&cQ != 0:
			e.Unit, e.N = UnitQuarter, t.small()
		case as&cH != 0:
			e.Unit, e.N = UnitHalf, t.val
		case as&cSEASON != 0:
			e.Unit, e.N = UnitSeason, t.val
		case as&cYP != 0:
			e.Part = Part(t.val)
			if e.Unit == UnitNone {
				e.Unit = UnitYear
			}
			if !e.Year.Set {
				e.Year = Rel(0)
			}
		case as&cMP != 0:
			e.Part, e.Unit = Part(t.val), UnitMonth
			if !e.Month.Set {
				e.Month = Rel(0)
			}
		case as&cPART != 0:
			e.Part = Part(t.val)
		case as&cXUN != 0:
			e.Part, e.Unit = PartEarly+Part(t.val-1), UnitMonth
			if !e.Month.Set {
				e.Month = Rel(0)
			}
		case as&cRD != 0:
			e.Day, e.Unit = Rel(t.val), UnitDay
		case as&cRW != 0:
			e.Week, e.Unit = Rel(t.val), UnitWeek
		case as&cRWE != 0:
			e.Week, e.Unit = Rel(t.val), UnitWeekend
		case as&cWD != 0:
			e.Weekday, e.Unit = t.val, UnitWeekday
		case as&cFYP != 0:
			e.Year, e.N, e.Unit = Abs(t.w.val), t.w.val2-t.w.val+1, UnitPlan
		case as&cCENT != 0:
			e.Century = Abs(t.count())
		case as&cCENTREL != 0:
			e.Century = Rel(t.val)
		case as&cDEC != 0:
			e.Unit, e.N = UnitDecade, t.count()
		}
	}
	if e.Unit == UnitNone && e.Year.Set {
		e.Unit = UnitYear
	}
	return e
}

func point(e Expr) (Match, bool) { return Match{Kind: KindPoint, Lo: e}, true }

func prodPoint(c *mctx) (Match, bool) { return point(c.expr()) }

// hasPrefixAny reports whether s starts with one of the words.
func hasPrefixAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// dayFollowOK reports whether the text after a day without 日 (八月十五)
// lets it end a date: the end of the text, a non-Han rune, or a word that
// commonly follows a date.
func dayFollowOK(after string) bool {
	r := nextRune(after, 0)
	if r < 0 || !isHan(r) {
		return r < 0 || !(r >= '0' && r <= '9') && !strings.ContainsRune("”’」』", r)
	}
	return strings.ContainsRune("那这晚夜早前后起是的开到至当凌上下中", r)
}

func prodDate(c *mctx) (Match, bool) {
	e := c.expr()
	if t := c.tok(2); c.as(2)&cDN != 0 && (!t.cjk || c.tok(3) == nil && !dayFollowOK(c.after())) {
		return Match{}, false
	}
	e.Weekday = 0 // the weekday only confirms the date
	e.Unit = UnitDay
	return point(e)
}

// prodLunar needs a lunar marker (农历, 正月, 初一 …); after one, a bare
// number is a day (正月十五, 腊月28).
func prodLunar(c *mctx) (Match, bool) {
	e := c.expr()
	if !e.Lunar {
		return Match{}, false
	}
	return point(e)
}

// prodHoliday reads a holiday as its day, except after 每 or 逢 (每逢春节
// names every one).
func prodHoliday(c *mctx) (Match, bool) {
	if p := c.before(); p == '每' || p == '逢' {
		return Match{}, false
	}
	return prodPoint(c)
}

// prodHolidayPeriod reads 春节假期, 国庆期间, “五一”小长假: the holiday's
// days off that year (Expr.Period, set by expr from the HP word), or its
// day when the holiday has no statutory days (六一假期).
func prodHolidayPeriod(c *mctx) (Match, bool) {
	if p := c.before(); p == '每' || p == '逢' {
		return Match{}, false
	}
	return prodPoint(c)
}

// notAfterBefore and notAfterAfter list what, right after a one-character
// 前 or 后, makes it part of another word: 春节前夕 (the eve), 春节前后
// (around it), 节前往 (前往, to go), 国庆节后来 (后来, later); a numeral
// after 前 counts the first days (春节假期前三天 is the first three).
const (
	notAfterBefore = "夕后往来进行列茅景线沿方面台头身任者提期锋排世途所0123456789一二三四五六七八九十两几"
	notAfterAfter  = "来续期者面方台勤果盾备代人悔援劲半"
)

// prodHolidayEdge reads 春节前 (up to the day before the holiday, with no
// start) and 国庆节后 (from the day after it, with no end); with a holiday
// period (春节假期后) the edge is that of the days off.
func prodHolidayEdge(after bool) func(c *mctx) (Match, bool) {
	return func(c *mctx) (Match, bool) {
		if p := c.before(); p == '每' || p == '逢' {
			return Match{}, false
		}
		t := c.tok(len(c.caps) - 1)
		if w := c.text[t.start:t.end]; w == "前" || w == "后" {
			deny := notAfterBefore
			if after {
				deny = notAfterAfter
			}
			if r := nextRune(c.text, t.end); r >= 0 && strings.ContainsRune(deny, r) {
				return Match{}, false
			}
		}
		e := c.expr()
		if after {
			return Match{Kind: KindAfter, Lo: e}, true
		}
		return Match{Kind: KindUntil, Hi: e, Before: true}, true
	}
}

// prodSpringTravel reads 2024年春运, 今年春运, 春运期间, 春运首日, 春运第3天;
// 春运 alone (春运工作, 春运客流) names the season in general and is no date.
func prodSpringTravel(c *mctx) (Match, bool) {
	if c.tok(0) == nil && c.tok(2) == nil {
		return Match{}, false
	}
	if p := c.before(); p == '每' || p == '逢' {
		return Match{}, false
	}
	return prodPoint(c)
}

func prodFirstDays(c *mctx) (Match, bool) {
	t := c.tok(3)
	if string(c.text[c.tok(2).start:c.tok(2).end]) != "前" {
		return Match{}, false
	}
	n := t.count()
	if c.as(3)&cDURW != 0 {
		n *= 7
	}
	if n < 1 || n > 28 {
		return Match{}, false
	}
	e := c.expr()
	e.Unit, e.N = UnitFirstDays, n
	return point(e)
}

// prodPrevious reads 前1周 (the week before the reference day), not 头一周.
func prodPrevious(c *mctx) (Match, bool) {
	if c.text[c.tok(0).start:c.tok(0).end] != "前" {
		return Match{}, false
	}
	return prodCount(KindLast)(c)
}

// durationAfter lists what follows a count, not a date: 30日内, 3日游.
var durationAfter = []string{"内", "以内", "之内", "以上", "以下", "左右", "之久", "有余", "多", "余", "游", "均", "元", "年化", "历史", "光景", "上下", "时间", "后", "以后", "之后"}

func prodDay(c *mctx) (Match, bool) {
	t := c.tok(0)
	after := c.after()
	if hasPrefixAny(after, durationAfter...) {
		return Match{}, false
	}
	if r := nextRune(after, 0); t.cjk && r >= 0 && numeralValue(r) >= 0 {
		return Match{}, false // 一日一报, 一日三餐: a rate, not a day
	}
	if p := c.before(); p >= 0 && strings.ContainsRune("每期续达满逾约共计超近第如", p) {
		return Match{}, false
	}
	if t.w.kind == wUnitHao {
		// NOTE: 号 mostly numbers things (3号线, 1号文件, 嫦娥5号); a bare
		// N号 is a day only where it stands alone and a date-like word
		// follows.
		p := c.before()
		if p >= 0 && isHan(p) && !strings.ContainsRune("在于到至从是的自", p) {
			return Match{}, false
		}
		r := nextRune(after, 0)
		if r >= 0 && (isHan(r) && !strings.ContainsRune("上下晚凌中早当开起至到前以这那举召正是说称", r) ||
			strings.ContainsRune("”’」』0123456789", r)) {
			return Match{}, false
		}
	}
	return point(c.expr())
}

// prodEventSince reads 十八大以来: from the event's first day to the
// reference day. An event alone (十八大报告) is no date.
func prodEventSince(c *mctx) (Match, bool) {
	return Match{Kind: KindSince, Lo: c.expr()}, true
}

func prodMonth(c *mctx) (Match, bool) {
	e := c.expr()
	if !e.Year.Set && hasPrefixAny(c.after(), "内", "以内", "之内", "有余", "之久", "多") {
		return Match{}, false
	}
	return point(e)
}

func prodYear(c *mctx) (Match, bool) {
	if hasPrefixAny(c.after(), durationAfter...) && !hasPrefixAny(c.after(), "后", "以后", "之后") {
		return Match{}, false
	}
	if p := c.before(); p >= 0 && strings.ContainsRune("近约达超逾长历", p) {
		return Match{}, false
	}
	return point(c.expr())
}

func prodYearPart(c *mctx) (Match, bool) {
	e := c.expr()
	if e.Part > PartEnd {
		return Match{}, false
	}
	return point(e)
}

func prodQuarter(c *mctx) (Match, bool) {
	e := c.expr()
	if e.Part > PartEnd {
		return Match{}, false
	}
	return point(e)
}

func prodFirstMonths(c *mctx) (Match, bool) {
	t := c.tok(2)
	n := t.count()
	switch {
	case c.as(2)&cDURQ != 0:
		n *= 3
	case c.as(2)&cM != 0:
		n = t.small() // 前四月
	}
	if n < 1 || n > 12 {
		return Match{}, false
	}
	e := c.expr()
	e.Unit, e.N, e.Month = UnitFirstMonths, n, Field{}
	return point(e)
}

func prodMonthRange(c *mctx) (Match, bool) {
	lo := c.tok(1).small()
	hi := c.tok(3).small()
	if lo < 1 || lo >= hi {
		return Match{}, false
	}
	e := c.expr() // year and the end month
	l := e
	l.Month = Abs(lo)
	return Match{Kind: KindRange, Lo: l, Hi: e}, true
}

func prodDayRange(c *mctx) (Match, bool) {
	lo := c.tok(2).small()
	hi := c.tok(4).small()
	if lo < 1 || lo >= hi {
		return Match{}, false
	}
	e := c.expr()
	l := e
	l.Day = Abs(lo)
	return Match{Kind: KindRange, Lo: l, Hi: e}, true
}

func prodYearRange(c *mctx) (Match, bool) {
	n := c.tok(0)
	var y int
	switch {
	case !n.cjk && n.nd == 4:
		y = n.val
	case n.cjk && n.dig >= 0 && n.nd == 4:
		y = n.dig
	default:
		return Match{}, false
	}
	hi := c.expr()
	if y >= hi.Year.V || y < 1000 {
		return Match{}, false
	}
	return Match{Kind: KindRange, Lo: Expr{Unit: UnitYear, Year: Abs(y)}, Hi: hi}, true
}

func prodYearRangeBare(c *mctx) (Match, bool) {
	a, b := c.tok(1), c.tok(3)
	if a.nd != 4 || b.nd != 4 || a.val < 1900 || a.val >= b.val || b.val > 2100 {
		return Match{}, false
	}
	if r := nextRune(c.after(), 0); r >= 0 && (r >= '0' && r <= '9' || r == '.' || r == '-') {
		return Match{}, false
	}
	return Match{Kind: KindRange, Lo: Expr{Unit: UnitYear, Year: Abs(a.val)}, Hi: Expr{Unit: UnitYear, Year: Abs(b.val)}}, true
}

// numericParts returns the three numbers and the separator of a numeric
// date, or false when the separators differ or the date runs on (1.2.3.4).
func numericParts(c *mctx) (a, b, d *token, sep rune, ok bool) {
	a, b, d = c.tok(0), c.tok(2), c.tok(4)
	s1, s2 := c.tok(1), c.tok(3)
	if s1.sep != s2.sep || s1.sp || s2.sp || b.sp || d.sp || a.cjk || b.cjk || d.cjk {
		return nil, nil, nil, 0, false
	}
	if p := c.before(); p >= 0 && (p < 0x80 && (p >= '0' && p <= '9' || p >= 'A' && p <= 'Z' || p >= 'a' && p <= 'z' || strings.ContainsRune("-/.", p))) {
		return nil, nil, nil, 0, false
	}
	after := c.after()
	if len(after) > 1 && strings.ContainsRune("-/.", rune(after[0])) && after[1] >= '0' && after[1] <= '9' {
		return nil, nil, nil, 0, false
	}
	return a, b, d, s1.sep, true
}

func dayExpr(y, m, d int) Expr {
	return Expr{Unit: UnitDay, Year: Abs(y), Month: Abs(m), Day: Abs(d)}
}

// twoDigitYear maps a two-digit year to 2000–2049 or 1950–1999.
func twoDigitYear(v int) int {
	if v < 50 {
		return 2000 + v
	}
	return 1900 + v
}

// shortYMD reports whether a numeric date is written year first with a
// two-digit year: 22-03-29, the Chinese order, with - and every part two
// digits long.
func shortYMD(a, b, d *token, sep rune) bool {
	return sep == '-' && a.nd == 2 && b.nd == 2 && d.nd == 2
}

func prodNumericYMD(c *mctx) (Match, bool) {
	y, m, d, sep, ok := numericParts(c)
	if !ok || m.nd > 2 || d.nd > 2 || m.val < 1 || m.val > 12 || d.val < 1 || d.val > 31 {
		return Match{}, false
	}
	year := y.val
	switch {
	case y.nd == 4 && year >= 1000 && year <= 2199:
	case shortYMD(y, m, d, sep):
		year = twoDigitYear(year)
	default:
		return Match{}, false
	}
	return point(dayExpr(year, m.val, d.val))
}

func prodNumericDMY(c *mctx) (Match, bool) {
	d, m, y, sep, ok := numericParts(c)
	if !ok || d.nd > 2 || m.nd > 2 || m.val < 1 || m.val > 12 || d.val < 1 || d.val > 31 {
		return Match{}, false
	}
	year := y.val
	switch {
	case y.nd == 4 && year >= 1000 && year <= 2199:
	case y.nd == 2 && sep != '.':
		// NOTE: two-digit years only with - and /, never with dots,
		// which write section and version numbers (3.1.12); and 22-03-29
		// is read year first (see shortYMD) unless that is no date.
		if shortYMD(d, m, y, sep) {
			if _, valid := validDay(twoDigitYear(d.val), m.val, y.val); valid {
				return Match{}, false
			}
		}
		year = twoDigitYear(year)
	default:
		return Match{}, false
	}
	return point(dayExpr(year, m.val, d.val))
}

func prodNumericSpaced(c *mctx) (Match, bool) {
	y, m, d := c.tok(0), c.tok(1), c.tok(2)
	if y.nd != 4 || m.nd != 2 || d.nd != 2 || !m.sp || !d.sp || y.val < 1000 || y.val > 2199 ||
		m.val < 1 || m.val > 12 || d.val < 1 || d.val > 31 {
		return Match{}, false
	}
	if r := nextRune(c.after(), 0); r >= 0 && (r >= '0' && r <= '9' || r == ' ') {
		return Match{}, false
	}
	return point(dayExpr(y.val, m.val, d.val))
}

func prodPlan(c *mctx) (Match, bool) {
	e := c.expr()
	if e.Part == PartMid || e.Part > PartEnd {
		return Match{}, false
	}
	return point(e)
}

func prodWeekday(c *mctx) (Match, bool) {
	// NOTE: 每周一, 周一至周五 and 、周三 name weekdays in general, not
	// one day.
	if p := c.before(); p >= 0 && (strings.ContainsRune("每个至到、和及或逢隔几", p) || numeralValue(p) >= 0 || p >= '0' && p <= '9') {
		return Match{}, false
	}
	return point(c.expr())
}

func prodRecent(c *mctx) (Match, bool) {
	return Match{Kind: KindRecent}, true
}

// prodCount makes the production of a counted period (近三年, 三年来).
func prodCount(kind Kind) func(c *mctx) (Match, bool) {
	return func(c *mctx) (Match, bool) {
		if p := c.before(); p == '几' || p == '数' {
			return Match{}, false // 几十年来, 数十年来: no count
		}
		for k := range c.caps {
			t := c.tok(k)
			if t == nil {
				continue
			}
			as := c.as(k)
			var step Unit
			switch {
			case as&cDURY != 0:
				step = UnitYear
			case as&cDURM != 0:
				step = UnitMonth
			case as&cDURW != 0:
				step = UnitWeek
			case as&cDURD != 0:
				step = UnitDay
			default:
				continue
			}
			n := t.count()
			if t.kind == tkWord { // 半年, 半个月
				n = t.val
			}
			if n < 1 {
				return Match{}, false
			}
			return Match{Kind: kind, Count: n, Step: step}, true
		}
		return Match{}, false
	}
}

// prodRecentYears reads 近年来, 近几年, 多年来: a period whose start the
// text does not give, up to the reference day (from_date null, as for
// 截至目前).
func prodRecentYears(c *mctx) (Match, bool) {
	return Match{Kind: KindUntil, Hi: Expr{Unit: UnitDay, Day: Rel(0)}}, true
}

// prodRelativePair reads 今明两天 (the reference day and the next),
// 明后两天, 今明两年: a range of two relative days or years.
func prodRelativePair(c *mctx) (Match, bool) {
	t := c.tok(0)
	lo, hi := t.val/10, t.val%10
	if c.as(0)&cRYR != 0 {
		return Match{Kind: KindRange, Lo: Expr{Unit: UnitYear, Year: Rel(lo)}, Hi: Expr{Unit: UnitYear, Year: Rel(hi)}}, true
	}
	return Match{Kind: KindRange, Lo: Expr{Unit: UnitDay, Day: Rel(lo)}, Hi: Expr{Unit: UnitDay, Day: Rel(hi)}}, true
}

// prodAnchored reads 当天, 次日, 当月, 次年 …: an offset from an earlier
// date, resolved by Extractor.ResolveAll.
func prodAnchored(c *mctx) (Match, bool) {
	t := c.tok(0)
	m := Match{Kind: KindAnchored, Count: t.val, Step: UnitDay}
	switch {
	case c.as(0)&cAM != 0:
		m.Step = UnitMonth
	case c.as(0)&cAY != 0:
		m.Step = UnitYear
	}
	return m, true
}

// calendar reports whether a first-layer match is a single calendar point
// or period that may end a range.
func calendar(m *Match) bool {
	return m != nil && m.Kind == KindPoint && m.Lo.Unit != UnitNone
}

func prodRange(c *mctx) (Match, bool) {
	n := len(c.caps)
	lo, hi := c.one(n-3), c.one(n-1)
	if hi != nil && hi.Kind == KindUntil && hi.Before && calendar(lo) {
		// 从今天起至2017年春节前: up to the day before the holiday.
		return Match{Kind: KindRange, Lo: lo.Lo, Hi: hi.Hi, Before: true}, true
	}
	if !calendar(lo) || !calendar(hi) {
		return Match{}, false
	}
	return Match{Kind: KindRange, Lo: lo.Lo, Hi: hi.Lo}, true
}

func prodBetween(c *mctx) (Match, bool) {
	lo, hi := c.one(0), c.one(2)
	if !calendar(lo) || !calendar(hi) {
		return Match{}, false
	}
	return Match{Kind: KindRange, Lo: lo.Lo, Hi: hi.Lo}, true
}

// prodAfterBefore reads X之后Y之前: from the start of X to the day before
// Y begins, since 之前 excludes Y (2010年之后2018年之前 ends on 2017-12-31).
func prodAfterBefore(c *mctx) (Match, bool) {
	m, ok := prodBetween(c)
	m.Before = true
	return m, ok
}

func prodSince(c *mctx) (Match, bool) {
	x := c.one(len(c.caps) - 2)
	if !calendar(x) {
		return Match{}, false
	}
	return Match{Kind: KindSince, Lo: x.Lo}, true
}

func prodUntil(c *mctx) (Match, bool) {
	if c.as(1)&cNOW != 0 {
		return Match{Kind: KindUntil, Hi: Expr{Unit: UnitDay, Day: Rel(0)}}, true
	}
	x := c.one(1)
	if !calendar(x) {
		return Match{}, false
	}
	return Match{Kind: KindUntil, Hi: x.Lo}, true
}
