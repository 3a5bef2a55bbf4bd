package date

import (
	_ "embed"
	"fmt"

	"github.com/newsfacts/newsfacts"
)

// holidaysTSV holds the statutory holidays and 春运 periods by year; its
// header names the source and how it was checked.
//
//go:embed data/holidays.tsv
var holidaysTSV string

// PeriodSpringTravel is Expr.Period for 春运, the Spring Festival travel
// season.
const PeriodSpringTravel = "春运"

// Spring-travel days around 春节 when data/holidays.tsv has no row for the
// year: from 15 days before to 24 days after, the rule every announced
// season of 2008–2026 follows.
const (
	springTravelBefore = 15
	springTravelAfter  = 24
)

// holidayKey is a row key of data/holidays.tsv: the Gregorian year of the
// festival day and the holiday's name.
type holidayKey struct {
	year int
	name string
}

// holidayTable maps a holiday of a year to its days, first and last.
type holidayTable map[holidayKey][2]newsfacts.Day

// holidayNames are the holidays data/holidays.tsv may name.
var holidayNames = map[string]bool{"元旦": true, "春节": true, "清明": true, "劳动节": true,
	"端午": true, "中秋": true, "国庆": true, PeriodSpringTravel: true}

func parseHolidays(data string) (holidayTable, error) {
	t := holidayTable{}
	err := eachLine("holidays.tsv", data, func(f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("want year, holiday, first day, last day")
		}
		var y int
		if _, err := fmt.Sscan(f[0], &y); err != nil {
			return fmt.Errorf("year %q: %w", f[0], err)
		}
		if !holidayNames[f[1]] {
			return fmt.Errorf("unknown holiday %q", f[1])
		}
		from, err := newsfacts.ParseDay(f[2])
		if err != nil {
			return err
		}
		to, err := newsfacts.ParseDay(f[3])
		if err != nil {
			return err
		}
		if to < from || to-from > 60 {
			return fmt.Errorf("bad days %s…%s", f[2], f[3])
		}
		k := holidayKey{y, f[1]}
		if _, dup := t[k]; dup {
			return fmt.Errorf("%d %s repeated", y, f[1])
		}
		t[k] = [2]newsfacts.Day{from, to}
		return nil
	})
	return t, err
}

// festivalHolidays maps a festival day (month*100+day, lunar or not) to
// its holiday in data/holidays.tsv.
var festivalHolidays = map[[2]int]string{
	{0, 101}: "元旦", {0, 501}: "劳动节", {0, 1001}: "国庆",
	{1, 101}: "春节", {1, 505}: "端午", {1, 815}: "中秋",
}

// holidayOf returns the holiday of data/holidays.tsv whose festival day e
// names (国庆节 → 国庆, 端午节 → 端午), e's own Period when it has one, or
// "" for a day that is no statutory holiday (六一, 教师节, 除夕).
func holidayOf(e Expr) string {
	switch {
	case e.Period != "":
		return e.Period
	case e.Eve || e.Unit != UnitDay || !e.Month.Set:
		return ""
	case e.Term == TermQingming:
		return "清明"
	}
	lunar := 0
	if e.Lunar {
		lunar = 1
	}
	return festivalHolidays[[2]int{lunar, e.Month.V*100 + e.Day.V}]
}

// period widens the festival day of e (a holiday period or 春运) to its
// days: the row of data/holidays.tsv for the festival day's year; without
// one, 春运 by its rule (春节 − 15 … + 24) and a holiday as its day alone.
// e.Nth then picks one day of it.
func (r *resolver) period(e Expr, day ival) (ival, bool) {
	y, _, _ := day.from.Date()
	iv := day
	if p, ok := r.holidays[holidayKey{y, e.Period}]; ok {
		iv = ival{p[0], p[1], newsfacts.GrainSpan}
	} else if e.Period == PeriodSpringTravel {
		iv = ival{day.from - springTravelBefore, day.from + springTravelAfter, newsfacts.GrainSpan}
	}
	switch {
	case e.Nth > 0:
		d := iv.from + newsfacts.Day(e.Nth-1)
		if d > iv.to {
			return ival{}, false
		}
		return ival{d, d, newsfacts.GrainDay}, true
	case e.Nth < 0:
		return ival{iv.to, iv.to, newsfacts.GrainDay}, true
	}
	if iv.from == iv.to {
		iv.gran = newsfacts.GrainDay
	}
	return iv, true
}
