package date

import (
	"testing"

	"github.com/newsfacts/newsfacts"
)

// TestHolidayTable checks data/holidays.tsv: every holiday of every year
// 2008–2026 is there, each row holds its festival day (元旦 1-1, 劳动节 5-1,
// 国庆 10-1, 清明 by qingming, 春节, 端午 and 中秋 by the lunar table), and
// each 春运 row is 春节 − 15 … 春节 + 24, as the announced seasons were.
func TestHolidayTable(t *testing.T) {
	tab, err := parseHolidays(holidaysTSV)
	if err != nil {
		t.Fatal(err)
	}
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	lunar := func(y, m, d int) newsfacts.Day {
		day, ok := lx.lunar.solar(y, m, d)
		if !ok {
			t.Fatalf("lunar %d-%d-%d not in the table", y, m, d)
		}
		return day
	}
	for y := 2008; y <= 2026; y++ {
		qm, _ := qingming(y)
		festival := map[string]newsfacts.Day{
			"元旦":  newsfacts.DayOf(y, 1, 1),
			"劳动节": newsfacts.DayOf(y, 5, 1),
			"国庆":  newsfacts.DayOf(y, 10, 1),
			"清明":  qm,
			"春节":  lunar(y, 1, 1),
			"端午":  lunar(y, 5, 5),
			"中秋":  lunar(y, 8, 15),
			"春运":  lunar(y, 1, 1),
		}
		for name, day := range festival {
			p, ok := tab[holidayKey{y, name}]
			if !ok {
				t.Errorf("%d %s: no row", y, name)
				continue
			}
			if name == PeriodSpringTravel {
				if p[0] != day-springTravelBefore || p[1] != day+springTravelAfter {
					t.Errorf("%d 春运 %s…%s, want 春节 %s − 15 … + 24", y, p[0], p[1], day)
				}
				continue
			}
			if day < p[0] || day > p[1] {
				t.Errorf("%d %s %s…%s does not hold the festival day %s", y, name, p[0], p[1], day)
			}
			if n := int(p[1]-p[0]) + 1; n > 10 {
				t.Errorf("%d %s: %d days off", y, name, n)
			}
		}
	}
	if len(tab) != 19*8 {
		t.Errorf("%d rows, want %d (8 holidays × 2008–2026)", len(tab), 19*8)
	}
}

// TestHolidayOf maps festival days to the holidays of the table.
func TestHolidayOf(t *testing.T) {
	for _, c := range []struct {
		e    Expr
		want string
	}{
		{Expr{Unit: UnitDay, Month: Abs(10), Day: Abs(1)}, "国庆"},
		{Expr{Unit: UnitDay, Month: Abs(1), Day: Abs(1)}, "元旦"},
		{Expr{Unit: UnitDay, Month: Abs(1), Day: Abs(1), Lunar: true}, "春节"},
		{Expr{Unit: UnitDay, Month: Abs(8), Day: Abs(15), Lunar: true}, "中秋"},
		{Expr{Unit: UnitDay, Month: Abs(4), Term: TermQingming}, "清明"},
		{Expr{Unit: UnitDay, Month: Abs(6), Day: Abs(1)}, ""},
		{Expr{Unit: UnitDay, Lunar: true, Eve: true}, ""},
		{Expr{Unit: UnitDay, Month: Abs(1), Day: Abs(1), Lunar: true, Period: PeriodSpringTravel}, PeriodSpringTravel},
	} {
		if got := holidayOf(c.e); got != c.want {
			t.Errorf("holidayOf(%s) = %q, want %q", c.e, got, c.want)
		}
	}
}
