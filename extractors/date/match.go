package date

import "fmt"

// Kind says how the expressions of a Match make its period.
type Kind uint8

// Kinds of Match.
const (
	// KindPoint is one expression, Lo: 2022年3月29日, 一季度, 去年, 6月底.
	KindPoint Kind = iota
	// KindRange runs from the start of Lo to the end of Hi: 1至11月,
	// 2015年至2020年, 3月29日至4月2日. Fields missing at one end are taken
	// from the other (2021年3月至5月: 5月 is in 2021).
	KindRange
	// KindSince runs from the start of Lo to the reference day: 2021年以来.
	KindSince
	// KindUntil has an end, the end of Hi, and no start: 截至6月底.
	KindUntil
	// KindLast is Count Steps ending the day before the reference day:
	// 近三年, 过去十年, 前1周.
	KindLast
	// KindUpToNow is Count Steps ending on the reference day: 三年来.
	KindUpToNow
	// KindNext is Count Steps starting the day after the reference day:
	// 未来两天, 后1年.
	KindNext
	// KindRecent is the few days up to the reference day: 近日, 日前.
	KindRecent
	// KindAnchored is Count Steps (UnitDay, UnitMonth or UnitYear) from
	// an earlier date of the text, its anchor: 当天, 次日 (days), 当月
	// (months), 同年, 次年 (years). See Extractor.ResolveAll.
	KindAnchored
	// KindAfter starts the day after Lo ends and has no end: 国庆节后.
	KindAfter
)

var kindNames = [...]string{"point", "range", "since", "until", "last", "up-to-now", "next", "recent", "anchored", "after"}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Unit is the calendar unit an expression names.
type Unit uint8

// Units.
const (
	UnitNone        Unit = iota // no calendar unit (counted and recent periods)
	UnitDay                     // 3月29日, 今天
	UnitWeekday                 // 星期一, 上周三
	UnitWeek                    // 本周
	UnitWeekend                 // 下周末
	UnitMonth                   // 6月, 本月
	UnitQuarter                 // 一季度: N is the quarter
	UnitHalf                    // 上半年: N is 1 or 2
	UnitSeason                  // 今年夏天: N is 1 (spring) … 4 (winter)
	UnitYear                    // 2023年, 去年
	UnitFirstMonths             // 前5个月: the first N months of the year
	UnitDecade                  // 90年代: Year is the decade's first year when known
	UnitPlan                    // “十四五”: N years from Year
	UnitFirstDays               // 10月前三周: the first N days of a month
)

var unitNames = [...]string{"none", "day", "weekday", "week", "weekend", "month", "quarter",
	"half", "season", "year", "first-months", "decade", "plan", "first-days"}

// String returns the unit's name.
func (u Unit) String() string {
	if int(u) < len(unitNames) {
		return unitNames[u]
	}
	return fmt.Sprintf("Unit(%d)", u)
}

// Part picks a point or a part of an expression's period.
type Part uint8

// Parts.
const (
	PartNone     Part = iota // the whole period
	PartStart                // 初: the first day (月初, 年初)
	PartMid                  // 中: the middle day (月中 = the 15th, 年中 = June 30)
	PartEnd                  // 底, 末: the last day (月底, 年末, 三季度末)
	PartEarly                // 上旬: days 1–10
	PartMiddle               // 中旬: days 11–20
	PartLate                 // 下旬: days 21 to the end of the month
	PartEarlyMid             // 上中旬: days 1–20
	PartMidLate              // 中下旬: days 11 to the end of the month
)

var partNames = [...]string{"", "start", "mid", "end", "early", "middle", "late", "early-middle", "middle-late"}

// String returns the part's name ("" for PartNone).
func (p Part) String() string {
	if int(p) < len(partNames) {
		return partNames[p]
	}
	return fmt.Sprintf("Part(%d)", p)
}

// Field is one calendar field of an expression: absent, an absolute value,
// or an offset from the reference date (Rel).
type Field struct {
	V   int
	Set bool
	Rel bool
}

// Abs returns a field holding the absolute value v.
func Abs(v int) Field { return Field{V: v, Set: true} }

// Rel returns a field holding the offset v from the reference date.
func Rel(v int) Field { return Field{V: v, Set: true, Rel: true} }

// String formats the field as "", "2022" or "+1"/"-1"/"+0".
func (f Field) String() string {
	switch {
	case !f.Set:
		return ""
	case f.Rel:
		return fmt.Sprintf("%+d", f.V)
	}
	return fmt.Sprint(f.V)
}

// Expr is a date expression as written, before resolution: the calendar
// fields it states, each absent, absolute or relative.
type Expr struct {
	// Unit is the finest unit the expression names.
	Unit Unit
	// Year, Month and Day are the calendar fields (Month and Day 1-based).
	Year, Month, Day Field
	// Week is the week, as an offset from the reference week (本周 = +0).
	Week Field
	// Weekday is 1 (Monday) … 7 (Sunday), or 0.
	Weekday int
	// N is the quarter, half or season number, the count of months of
	// UnitFirstMonths or days of UnitFirstDays, or the years of a plan.
	N int
	// Part picks a point or part of the period (底, 初, 上旬).
	Part Part
	// Century is the century of a decade (20 for 20世纪80年代), relative for
	// 上世纪; unset for a bare decade (90年代).
	Century Field
	// Lunar marks a date of the lunisolar calendar (农历, 正月, 初一):
	// Year, Month and Day are lunar.
	Lunar bool
	// Eve marks New Year's Eve (除夕), the day before lunar New Year.
	Eve bool
	// Term is a solar term whose day varies with the year (TermQingming),
	// or 0.
	Term int
	// Period names the days around the festival day that the expression
	// means (春节假期, 国庆期间, 2024年春运): one of the holidays of
	// data/holidays.tsv (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆, 春运),
	// or "" for the day itself.
	Period string
	// Nth picks one day of Period: the Nth (1 for 春运首日), the last for
	// -1 (春运最后一天), or 0 for the whole period.
	Nth int
}

// TermQingming is Expr.Term for 清明 (Qingming, April 4 or 5).
const TermQingming = 1

// Relative reports whether resolving e needs the reference date.
func (e Expr) Relative() bool {
	if e.Year.Rel || e.Month.Rel || e.Day.Rel || e.Week.Set || e.Century.Rel {
		return true
	}
	switch e.Unit {
	case UnitNone, UnitPlan:
		return false
	case UnitDecade:
		return !e.Century.Set
	}
	return !e.Year.Set
}

// Match is a date expression found in a text: its byte span, the rule that
// found it and the parts it captured. Resolve turns it into a
// newsfacts.Date against a reference day.
type Match struct {
	// Start and End are byte offsets into the text, half-open.
	Start, End int
	// Rule names the rule that found the match.
	Rule string
	// Kind says how Lo, Hi, Count and Step make the period.
	Kind Kind
	// Lo is the expression of a point, or the start of a range or of a
	// KindSince; Hi is the end of a range or of a KindUntil.
	Lo, Hi Expr
	// Count and Step give the length of KindLast, KindUpToNow and KindNext,
	// and the offset from the anchor of KindAnchored:
	// Count Steps, Step one of UnitDay, UnitWeek, UnitMonth, UnitYear.
	Count int
	Step  Unit
	// Before is set on a range or KindUntil whose end is exclusive: it
	// ends the day before Hi begins (2010年之后2018年之前 ends on
	// 2017-12-31; 春节前 on the eve of 春节).
	Before bool
}

// String describes m for tests and debugging.
func (m Match) String() string {
	s := fmt.Sprintf("%d:%d %s %s", m.Start, m.End, m.Rule, m.Kind)
	switch m.Kind {
	case KindPoint, KindSince:
		s += " " + m.Lo.String()
	case KindUntil:
		s += " " + m.Hi.String()
		if m.Before {
			s += " (before)"
		}
	case KindAfter:
		s += " " + m.Lo.String()
	case KindRange:
		s += " " + m.Lo.String() + " .. " + m.Hi.String()
		if m.Before {
			s += " (before)"
		}
	case KindLast, KindUpToNow, KindNext, KindAnchored:
		s += fmt.Sprintf(" %d %s", m.Count, m.Step)
	}
	return s
}

// String describes e compactly: unit, then the fields that are set.
func (e Expr) String() string {
	s := e.Unit.String()
	add := func(k string, f Field) {
		if f.Set {
			s += " " + k + "=" + f.String()
		}
	}
	add("y", e.Year)
	add("m", e.Month)
	add("d", e.Day)
	add("w", e.Week)
	add("c", e.Century)
	if e.Weekday != 0 {
		s += fmt.Sprintf(" wd=%d", e.Weekday)
	}
	if e.N != 0 {
		s += fmt.Sprintf(" n=%d", e.N)
	}
	if e.Part != PartNone {
		s += " part=" + e.Part.String()
	}
	if e.Lunar {
		s += " lunar"
	}
	if e.Eve {
		s += " eve"
	}
	if e.Term != 0 {
		s += fmt.Sprintf(" term=%d", e.Term)
	}
	if e.Period != "" {
		s += " period=" + e.Period
	}
	if e.Nth != 0 {
		s += fmt.Sprintf(" nth=%d", e.Nth)
	}
	return s
}
