package date

import (
	"time"

	"github.com/newsfacts/newsfacts"
)

// ival is a resolved period: first and last day, inclusive.
type ival struct {
	from, to newsfacts.Day
	gran     newsfacts.Granularity
}

// pick says which candidate year (or month) an expression without one takes.
type pick uint8

const (
	// pickNearest takes the candidate nearest the reference day: 0 when
	// the period holds it, else the days to its nearer end; ties go to the
	// earlier candidate.
	pickNearest pick = iota
	// pickDone takes the latest candidate that ends by the end of the
	// reference month: cumulative figures (1至11月, 前三季度) are reported
	// after their period.
	pickDone
	// pickStarted takes the latest candidate that starts on or before the
	// reference day (9月以来).
	pickStarted
	// pickCurrent takes the candidate in the reference year, unless it
	// starts more than aheadDays after the reference day, then the one a
	// year before: quarters, halves and seasons (上半年 in December is this
	// year's; 四季度 in January is last year's).
	pickCurrent
)

// aheadDays is how far ahead of the reference day a quarter, half or
// season without a year may start and still be taken in the reference
// year (see pickCurrent).
const aheadDays = 150

// resolver resolves expressions against one reference day.
type resolver struct {
	ref    newsfacts.Day
	hasRef bool
	ry     int        // reference year
	rm     time.Month // reference month
	lunar  *lunarTable
	near   int
	// holidays holds the days of the statutory holidays and 春运 by year.
	holidays holidayTable
}

// cand is one candidate context for an expression: a year and, for a bare
// day, a month.
type cand struct{ y, m int }

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// validDay returns the day y-m-d when it exists.
func validDay(y, m, d int) (newsfacts.Day, bool) {
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return 0, false
	}
	return newsfacts.DayOf(y, time.Month(m), d), true
}

func monthIval(y, m int) ival {
	return ival{newsfacts.DayOf(y, time.Month(m), 1), newsfacts.DayOf(y, time.Month(m)+1, 0), newsfacts.GrainMonth}
}

func monthsIval(y, m0, m1 int, g newsfacts.Granularity) ival {
	return ival{newsfacts.DayOf(y, time.Month(m0), 1), newsfacts.DayOf(y, time.Month(m1)+1, 0), g}
}

// applyPart narrows iv to the part p of it.
func applyPart(iv ival, p Part, unit Unit) (ival, bool) {
	switch p {
	case PartNone:
		return iv, true
	case PartStart:
		return ival{iv.from, iv.from, newsfacts.GrainDay}, true
	case PartEnd:
		return ival{iv.to, iv.to, newsfacts.GrainDay}, true
	case PartMid:
		y, m, _ := iv.from.Date()
		switch unit {
		case UnitMonth:
			d := newsfacts.DayOf(y, m, 15)
			return ival{d, d, newsfacts.GrainDay}, true
		case UnitYear:
			d := newsfacts.DayOf(y, time.June, 30)
			return ival{d, d, newsfacts.GrainDay}, true
		case UnitQuarter:
			d := newsfacts.DayOf(y, m+1, 15)
			return ival{d, d, newsfacts.GrainDay}, true
		}
		return ival{}, false
	case PartEarly, PartMiddle, PartLate, PartEarlyMid, PartMidLate:
		if unit != UnitMonth {
			return ival{}, false
		}
		y, m, _ := iv.from.Date()
		day := func(d int) newsfacts.Day { return newsfacts.DayOf(y, m, d) }
		switch p {
		case PartEarly:
			return ival{day(1), day(10), newsfacts.GrainSpan}, true
		case PartMiddle:
			return ival{day(11), day(20), newsfacts.GrainSpan}, true
		case PartEarlyMid:
			return ival{day(1), day(20), newsfacts.GrainSpan}, true
		case PartMidLate:
			return ival{day(11), iv.to, newsfacts.GrainSpan}, true
		}
		return ival{day(21), iv.to, newsfacts.GrainSpan}, true
	}
	return ival{}, false
}

// at computes the period of e in candidate context k (k.y is the year; k.m
// the month when e has none of its own).
func (r *resolver) at(e Expr, k cand) (ival, bool) {
	iv, ok := r.whole(e, k)
	if ok && e.Period != "" {
		return r.period(e, iv)
	}
	if !ok || e.Lunar {
		return iv, ok
	}
	return applyPart(iv, e.Part, e.Unit)
}

// whole is at without the part: the whole month of 6月底.
func (r *resolver) whole(e Expr, k cand) (ival, bool) {
	y := k.y
	m := e.Month.V
	if !e.Month.Set || e.Month.Rel {
		m = k.m
	}
	if e.Lunar {
		return r.lunarAt(e, y, m)
	}
	var iv ival
	switch e.Unit {
	case UnitDay:
		if e.Term == TermQingming {
			d, ok := qingming(y)
			return ival{d, d, newsfacts.GrainDay}, ok
		}
		d, ok := validDay(y, m, e.Day.V)
		if !ok {
			return ival{}, false
		}
		return ival{d, d, newsfacts.GrainDay}, true
	case UnitMonth:
		if m < 1 || m > 12 {
			return ival{}, false
		}
		iv = monthIval(y, m)
	case UnitQuarter:
		if e.N < 1 || e.N > 4 {
			return ival{}, false
		}
		iv = monthsIval(y, 3*e.N-2, 3*e.N, newsfacts.GrainQuarter)
	case UnitHalf:
		iv = monthsIval(y, 6*e.N-5, 6*e.N, newsfacts.GrainHalf)
	case UnitSeason:
		// Spring is March–May, summer June–August, autumn
		// September–November, winter December to February.
		iv = monthsIval(y, 3*e.N, 3*e.N+2, newsfacts.GrainSpan)
	case UnitYear:
		iv = ival{newsfacts.DayOf(y, 1, 1), newsfacts.DayOf(y, 12, 31), newsfacts.GrainYear}
	case UnitFirstMonths:
		iv = monthsIval(y, 1, e.N, newsfacts.GrainSpan)
	case UnitFirstDays:
		if m < 1 || m > 12 || e.N < 1 || e.N > daysIn(y, time.Month(m)) {
			return ival{}, false
		}
		first := newsfacts.DayOf(y, time.Month(m), 1)
		return ival{first, first + newsfacts.Day(e.N-1), newsfacts.GrainSpan}, true
	case UnitPlan:
		iv = ival{newsfacts.DayOf(y, 1, 1), newsfacts.DayOf(y+e.N-1, 12, 31), newsfacts.GrainSpan}
	default:
		return ival{}, false
	}
	return iv, true
}

// qingming returns the day of 清明 (the solar term at the sun's longitude
// 15°) in year y, 1901–2099, by the customary rule [Y·D + C] − L: Y the
// year within its century, D = 0.2422, C = 5.59 in the 1900s and 4.81 in
// the 2000s, L = Y/4 leap days.
// NOTE: a rule of thumb, not an ephemeris: it gives April 4 or 5, and
// TestHolidays checks it against the published (Beijing time) dates of
// the years news in the corpus cites; the other terms have known
// exceptions to their rules and are not recognised.
func qingming(y int) (newsfacts.Day, bool) {
	if y < 1901 || y > 2099 {
		return 0, false
	}
	c := 4.81
	if y < 2000 {
		c = 5.59
	}
	yy := y % 100
	d := int(float64(yy)*0.2422+c) - yy/4
	return newsfacts.DayOf(y, 4, d), true
}

// lunarAt computes a lunar date or month in lunar year y.
func (r *resolver) lunarAt(e Expr, y, m int) (ival, bool) {
	if e.Eve {
		d, ok := r.lunar.eve(y)
		return ival{d, d, newsfacts.GrainDay}, ok
	}
	if e.Unit == UnitMonth {
		first, ok := r.lunar.solar(y, m, 1)
		if !ok {
			return ival{}, false
		}
		last, ok := r.lunar.solar(y, m, 30)
		if !ok {
			last, ok = r.lunar.solar(y, m, 29)
		}
		return ival{first, last, newsfacts.GrainSpan}, ok
	}
	if y < r.lunar.first || y >= r.lunar.first+len(r.lunar.years) {
		// NOTE: outside the table (historical era dates such as 神龙二年正月
		// 初一) the lunar month and day are mapped as written, as era years
		// are: approximate, and documented as such.
		d, ok := validDay(y, m, e.Day.V)
		return ival{d, d, newsfacts.GrainDay}, ok
	}
	d, ok := r.lunar.solar(y, m, e.Day.V)
	return ival{d, d, newsfacts.GrainDay}, ok
}

// cands returns the candidate contexts of e and whether choosing among
// them (or computing them) used the reference day.
func (r *resolver) cands(e Expr, buf []cand) ([]cand, bool, bool) {
	buf = buf[:0]
	rel := false
	var years []int
	switch {
	case e.Year.Set && e.Year.Rel:
		if !r.hasRef {
			return nil, true, false
		}
		years, rel = []int{r.ry + e.Year.V}, true
	case e.Year.Set:
		years = []int{e.Year.V}
	default:
		if !r.hasRef {
			return nil, true, false
		}
		years, rel = []int{r.ry - 1, r.ry, r.ry + 1}, true
	}
	switch {
	case e.Month.Set && e.Month.Rel:
		if !r.hasRef {
			return nil, true, false
		}
		if e.Year.Set {
			// 去年本月: the reference month in the stated year.
			m := (int(r.rm)-1+e.Month.V%12+12)%12 + 1
			return append(buf, cand{years[0], m}), true, true
		}
		t := time.Date(r.ry, r.rm+time.Month(e.Month.V), 1, 0, 0, 0, 0, time.UTC)
		return append(buf, cand{t.Year(), int(t.Month())}), true, true
	case e.Unit == UnitDay && !e.Month.Set && !e.Eve:
		// A bare day (29日): the month before, of, or after the reference.
		if !r.hasRef {
			return nil, true, false
		}
		for d := -1; d <= 1; d++ {
			t := time.Date(r.ry, r.rm+time.Month(d), 1, 0, 0, 0, 0, time.UTC)
			if e.Year.Set && !e.Year.Rel && t.Year() != e.Year.V {
				continue
			}
			buf = append(buf, cand{t.Year(), int(t.Month())})
		}
		return buf, true, true
	}
	for _, y := range years {
		buf = append(buf, cand{y, 0})
	}
	return buf, rel, true
}

// distance returns how far the reference day is from iv: 0 inside.
func (r *resolver) distance(iv ival) int {
	switch {
	case r.ref < iv.from:
		return int(iv.from - r.ref)
	case r.ref > iv.to:
		return int(r.ref - iv.to)
	}
	return 0
}

// choose picks one of the candidate periods.
func (r *resolver) choose(ivs []ival, how pick) (ival, bool) {
	bi := -1
	switch how {
	case pickDone, pickStarted:
		limit := r.ref
		if how == pickDone {
			limit = newsfacts.DayOf(r.ry, r.rm+1, 0)
		}
		for i, iv := range ivs {
			v := iv.to
			if how == pickStarted {
				v = iv.from
			}
			if v <= limit && (bi < 0 || iv.from > ivs[bi].from) {
				bi = i
			}
		}
		if bi >= 0 {
			return ivs[bi], true
		}
	}
	if how == pickCurrent {
		for _, want := range []int{r.ry, r.ry - 1} {
			for _, iv := range ivs {
				if y, _, _ := iv.from.Date(); y == want && (want < r.ry || int(iv.from-r.ref) <= aheadDays) {
					return iv, true
				}
			}
		}
	}
	bd := 0
	for i, iv := range ivs {
		if d := r.distance(iv); bi < 0 || d < bd {
			bi, bd = i, d
		}
	}
	if bi < 0 {
		return ival{}, false
	}
	return ivs[bi], true
}

// point resolves one expression. rel reports whether the reference day was
// used (or would have been needed).
func (r *resolver) point(e Expr, how pick) (iv ival, rel, ok bool) {
	switch e.Unit {
	case UnitDay:
		if e.Day.Rel {
			if !r.hasRef {
				return ival{}, true, false
			}
			d := r.ref + newsfacts.Day(e.Day.V)
			return ival{d, d, newsfacts.GrainDay}, true, true
		}
	case UnitWeek, UnitWeekend, UnitWeekday:
		return r.week(e)
	case UnitDecade:
		return r.decade(e)
	}
	var buf [3]cand
	ks, rel, ok := r.cands(e, buf[:0])
	if !ok {
		return ival{}, rel, false
	}
	// NOTE: the choice is made on whole periods (the quarter of 三季度末),
	// then the part is applied to the one chosen.
	var ivs [3]ival
	var kept [3]cand
	n := 0
	for _, k := range ks {
		at, ok := r.at(e, k)
		if !ok {
			continue // 2月30日, 正月三十 in a short month
		}
		iv, ok := at, true
		if e.Period == "" {
			// The whole period: 三季度, not 三季度末. A holiday period
			// or 春运 is chosen as itself, not by its festival day.
			iv, ok = r.whole(e, k)
		}
		if ok {
			ivs[n], kept[n] = iv, k
			n++
		}
	}
	if n == 0 {
		return ival{}, rel, false
	}
	iv, ok = r.choose(ivs[:n], how)
	if !ok {
		return ival{}, rel, false
	}
	for i := 0; i < n; i++ {
		if ivs[i] == iv {
			iv, ok = r.at(e, kept[i])
			break
		}
	}
	return iv, rel, ok
}

// week resolves weeks, weekends and weekdays. Weeks run Monday to Sunday.
func (r *resolver) week(e Expr) (ival, bool, bool) {
	if !r.hasRef {
		return ival{}, true, false
	}
	wd := int(r.ref.Time().Weekday()+6) % 7 // Monday = 0
	monday := r.ref - newsfacts.Day(wd)
	if !e.Week.Set {
		// A bare weekday: the nearest such day, the earlier one on a tie.
		d := monday + newsfacts.Day(e.Weekday-1)
		switch diff := int(d - r.ref); {
		case diff > 3:
			d -= 7
		case diff < -3:
			d += 7
		}
		return ival{d, d, newsfacts.GrainDay}, true, true
	}
	monday += newsfacts.Day(7 * e.Week.V)
	switch e.Unit {
	case UnitWeekend:
		return ival{monday + 5, monday + 6, newsfacts.GrainSpan}, true, true
	case UnitWeekday:
		d := monday + newsfacts.Day(e.Weekday-1)
		return ival{d, d, newsfacts.GrainDay}, true, true
	}
	return ival{monday, monday + 6, newsfacts.GrainSpan}, true, true
}

// decade resolves 90年代 (the latest such decade that has begun by the
// reference year), 20世纪80年代 and 上世纪90年代.
func (r *resolver) decade(e Expr) (ival, bool, bool) {
	var y int
	rel := e.Relative()
	switch {
	case e.Century.Set && !e.Century.Rel:
		y = (e.Century.V-1)*100 + e.N
	case !r.hasRef:
		return ival{}, true, false
	case e.Century.Set:
		c := (r.ry-1)/100 + 1 + e.Century.V
		y = (c-1)*100 + e.N
	default:
		y = r.ry - r.ry%100 + e.N
		if y > r.ry {
			y -= 100
		}
	}
	return ival{newsfacts.DayOf(y, 1, 1), newsfacts.DayOf(y+9, 12, 31), newsfacts.GrainSpan}, rel, true
}

// inherit fills the fields hi leaves out from lo and back: 2021年3月至5月
// puts 5月 in 2021; 1至11月 gives 1 the unit month. It reports which of
// hi's fields were taken from lo.
func inherit(lo, hi *Expr) (year, month bool) {
	if !hi.Year.Set && lo.Year.Set {
		hi.Year, year = lo.Year, true
	}
	if !lo.Year.Set && hi.Year.Set {
		lo.Year = hi.Year
	}
	if hi.Unit == UnitDay && !hi.Month.Set && lo.Month.Set && !hi.Day.Rel {
		hi.Month, month = lo.Month, true
	}
	if lo.Unit == UnitDay && !lo.Month.Set && hi.Month.Set && !lo.Day.Rel {
		lo.Month = hi.Month
	}
	if lo.Lunar || hi.Lunar {
		lo.Lunar, hi.Lunar = true, true
	}
	return year, month
}

// span resolves a range. Fields one end leaves out come from the other
// (inherit); an end that would come before the start moves to the next
// month or year (28日至3日, 12月28日至1月3日). When neither end has a year,
// both are resolved in each candidate year of the start, and the range
// nearest the reference day is taken (for 1至11月, the latest one already
// over: see pickDone).
func (r *resolver) span(lo, hi Expr, before bool) (ival, bool, bool) {
	_, im := inherit(&lo, &hi)
	// end is the last day of the range given its closing period b.
	end := func(b ival) newsfacts.Day {
		if before {
			return b.from - 1
		}
		return b.to
	}
	if !needsCand(lo) {
		a, rel1, ok1 := r.point(lo, pickNearest)
		b, rel2, ok2 := r.point(hi, pickNearest)
		rel := rel1 || rel2
		if !ok1 || !ok2 {
			return ival{}, rel, false
		}
		if b.to < a.from && !hi.Year.Set && refAnchored(lo) {
			// 从今天到12月10日: the end is the first such day from the
			// start on, in the start's year or the next.
			ya, _, _ := a.from.Date()
			for _, y := range []int{ya, ya + 1} {
				h := hi
				h.Year = Abs(y)
				if b2, _, ok := r.point(h, pickNearest); ok && b2.to >= a.from {
					b = b2
					break
				}
			}
		}
		if b.to < a.from && hi.Year == lo.Year && !hi.Year.Rel && hi.Unit != UnitYear {
			h := bump(hi, im)
			if b, _, ok2 = r.point(h, pickNearest); !ok2 {
				return ival{}, rel, false
			}
		}
		if end(b) < a.from {
			return ival{}, rel, false
		}
		return ival{a.from, end(b), newsfacts.GrainSpan}, rel, true
	}
	var buf [3]cand
	if refAnchored(hi) {
		// 7月28日至今天, 从2月19日到本月底: the end is fixed by the
		// reference day; the start is its latest candidate that begins by
		// that end.
		b, _, ok := r.point(hi, pickNearest)
		if !ok {
			return ival{}, true, false
		}
		ks, _, ok := r.cands(lo, buf[:0])
		if !ok {
			return ival{}, true, false
		}
		found := false
		var from newsfacts.Day
		for _, k := range ks {
			if a, ok := r.at(lo, k); ok && a.from <= end(b) && (!found || a.from > from) {
				from, found = a.from, true
			}
		}
		return ival{from, end(b), newsfacts.GrainSpan}, true, found
	}
	how := pickNearest
	if lo.Unit == UnitMonth && lo.Month.Set && !lo.Month.Rel && lo.Month.V == 1 && lo.Part == PartNone && !lo.Lunar {
		how = pickDone // 1至11月
	}
	ks, rel, ok := r.cands(lo, buf[:0])
	if !ok {
		return ival{}, rel, false
	}
	var ivs [3]ival
	n := 0
	for _, k := range ks {
		a, ok := r.at(lo, k)
		if !ok {
			continue
		}
		h := hi
		h.Year = Abs(k.y)
		if hi.Unit == UnitDay && !hi.Month.Set {
			h.Month = Abs(k.m)
			im = true
		}
		b, ok := r.at(h, cand{k.y, k.m})
		if ok && b.to < a.from {
			h = bump(h, im)
			b, ok = r.at(h, cand{h.Year.V, h.Month.V})
		}
		if !ok || end(b) < a.from {
			continue
		}
		ivs[n] = ival{a.from, end(b), newsfacts.GrainSpan}
		n++
	}
	if n == 0 {
		return ival{}, rel, false
	}
	iv, ok := r.choose(ivs[:n], how)
	return iv, rel, ok
}

// refAnchored reports whether e is placed by the reference day alone,
// whatever the other end of its range: 今天, 本月底, 本周 (not 29日, whose
// month a range takes from its start).
func refAnchored(e Expr) bool {
	return e.Day.Rel || e.Month.Rel || e.Week.Set
}

// bump moves the end of a range to the next month (when its month came
// from the start) or the next year.
func bump(h Expr, monthInherited bool) Expr {
	carry := 1
	if monthInherited && h.Month.Set && !h.Month.Rel {
		carry = 0
		if h.Month.V == 12 {
			h.Month, carry = Abs(1), 1
		} else {
			h.Month = Abs(h.Month.V + 1)
		}
	}
	h.Year.V += carry
	return h
}

// needsCand reports whether e's year (or month) comes from candidates.
func needsCand(e Expr) bool {
	switch e.Unit {
	case UnitWeek, UnitWeekend, UnitWeekday, UnitDecade:
		return false
	case UnitDay:
		if e.Day.Rel {
			return false
		}
	}
	return !e.Year.Set
}

// addSteps returns d moved by n steps (negative n moves back). Months and
// years are calendar months and years; a day that does not exist in the
// target month is clamped to its last day (近一个月 on March 31 starts on
// February 28 or 29).
func addSteps(d newsfacts.Day, n int, step Unit) newsfacts.Day {
	switch step {
	case UnitDay:
		return d + newsfacts.Day(n)
	case UnitWeek:
		return d + newsfacts.Day(7*n)
	}
	y, m, dd := d.Date()
	if step == UnitYear {
		y += n
	} else {
		total := int(m) - 1 + n
		y += floorDiv(total, 12)
		m = time.Month(total - 12*floorDiv(total, 12) + 1)
	}
	if last := daysIn(y, m); dd > last {
		dd = last
	}
	return newsfacts.DayOf(y, m, dd)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// resolve turns a match into a Date. ok is true when every bound the kind
// has (both for ranges, From for KindSince … ) was resolved.
func (r *resolver) resolve(m Match) (newsfacts.Date, bool) {
	d := newsfacts.Date{Span: newsfacts.Span{Start: m.Start, End: m.End, Rule: m.Rule}, Granularity: newsfacts.GrainSpan, Frame: frameRules[m.Rule]}
	switch m.Kind {
	case KindPoint:
		iv, rel, ok := r.point(m.Lo, pickFor(m.Lo))
		d.Relative = rel
		if m.Lo.Unit == UnitDay || m.Lo.Unit == UnitWeekday {
			d.Granularity = newsfacts.GrainDay
		}
		if !ok {
			d.Granularity = grainOf(m.Lo)
			return d, false
		}
		d.From, d.To, d.Granularity = newsfacts.Some(iv.from), newsfacts.Some(iv.to), iv.gran
		return d, true
	case KindRange:
		iv, rel, ok := r.span(m.Lo, m.Hi, m.Before)
		d.Relative = rel
		if !ok {
			return d, false
		}
		d.From, d.To = newsfacts.Some(iv.from), newsfacts.Some(iv.to)
		return d, true
	case KindSince:
		iv, _, ok := r.point(m.Lo, pickStarted)
		d.Relative = true
		if !r.hasRef {
			// NOTE: both bounds stay unset, as for every relative
			// expression without a reference (docs/schema.md): a From
			// alone would read as an open end.
			return d, false
		}
		if ok {
			d.From = newsfacts.Some(iv.from)
		}
		if r.hasRef && ok && iv.from > r.ref {
			// 月底以来 before the month's end: a start after the
			// reference day; the range has no end.
			return d, false
		}
		if r.hasRef {
			d.To = newsfacts.Some(r.ref)
		}
		return d, ok && r.hasRef
	case KindUntil:
		iv, rel, ok := r.point(m.Hi, pickNearest)
		d.Relative = rel
		if ok {
			d.To = newsfacts.Some(iv.to)
			if m.Before {
				d.To = newsfacts.Some(iv.from - 1)
			}
		}
		return d, ok
	case KindAfter:
		iv, rel, ok := r.point(m.Lo, pickNearest)
		d.Relative = rel
		if ok {
			d.From = newsfacts.Some(iv.to + 1)
		}
		return d, ok
	}
	// Counted and recent periods need the reference day.
	d.Relative = true
	if !r.hasRef {
		return d, false
	}
	var from, to newsfacts.Day
	switch m.Kind {
	case KindLast:
		from, to = addSteps(r.ref, -m.Count, m.Step), r.ref-1
	case KindUpToNow:
		from, to = addSteps(r.ref, -m.Count, m.Step), r.ref
	case KindNext:
		from, to = r.ref+1, addSteps(r.ref, m.Count, m.Step)
	case KindRecent:
		from, to = r.ref-newsfacts.Day(r.near), r.ref
	default:
		// KindAnchored: only Extractor.ResolveAll, which knows the
		// earlier dates, resolves it.
		return d, false
	}
	d.From, d.To = newsfacts.Some(from), newsfacts.Some(to)
	return d, true
}

// pickFor returns how a point chooses its year: cumulative periods that
// start in January are figures reported after the fact (pickDone);
// quarters, halves and seasons are this year's unless far ahead
// (pickCurrent); the rest take the nearest year.
func pickFor(e Expr) pick {
	switch e.Unit {
	case UnitFirstMonths:
		return pickDone
	case UnitQuarter, UnitHalf, UnitSeason:
		return pickCurrent
	}
	return pickNearest
}

// grainOf returns the granularity an expression would resolve to.
func grainOf(e Expr) newsfacts.Granularity {
	if e.Part >= PartStart && e.Part <= PartEnd {
		return newsfacts.GrainDay
	}
	switch e.Unit {
	case UnitDay, UnitWeekday:
		return newsfacts.GrainDay
	case UnitMonth:
		if e.Part == PartNone && !e.Lunar {
			return newsfacts.GrainMonth
		}
	case UnitQuarter:
		return newsfacts.GrainQuarter
	case UnitHalf:
		return newsfacts.GrainHalf
	case UnitYear:
		return newsfacts.GrainYear
	}
	return newsfacts.GrainSpan
}
