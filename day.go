package newsfacts

import (
	"fmt"
	"time"
)

// Day is a civil date, counted in days since 1970-01-01. It is exactly
// Arrow's date32, so it needs no conversion on output.
type Day int32

// DayOf returns the Day for a year, month and day. Out-of-range values are
// normalised the way time.Date normalises them (month 13 is January of the
// next year, day 0 is the last day of the previous month).
func DayOf(year int, month time.Month, day int) Day {
	return DayFromTime(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DayFromTime returns the calendar day of t in t's own location.
func DayFromTime(t time.Time) Day {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Day(u.Unix() / 86400)
}

// ParseDay parses "YYYY-MM-DD".
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
	}
	return DayFromTime(t), nil
}

// Time returns midnight UTC of d.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Date returns the year, month and day of d.
func (d Day) Date() (year int, month time.Month, day int) { return d.Time().Date() }

// AddDays returns d plus n days.
func (d Day) AddDays(n int) Day { return d + Day(n) }

// String formats d as "YYYY-MM-DD".
func (d Day) String() string { return d.Time().Format(time.DateOnly) }

// Opt is an optional value: V is meaningful only when OK is true. Its zero
// value is "absent", which is written as null.
type Opt[T any] struct {
	V  T
	OK bool
}

// Some returns a present Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{V: v, OK: true} }

// Get returns the value and whether it is present.
func (o Opt[T]) Get() (T, bool) { return o.V, o.OK }
