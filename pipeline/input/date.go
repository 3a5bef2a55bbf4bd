package input

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsfacts/newsfacts"
)

// zonedLayouts are the date-time forms that name a zone, so that they give
// an instant as well as a calendar day.
var zonedLayouts = []string{
	time.RFC3339,                 // 2022-03-29T08:27:42+08:00; fractions of a second are accepted too
	"2006-01-02 15:04:05Z07:00",  // RFC 3339 with a space
	"2006-01-02 15:04:05 -0700",  // Jekyll: 2022-03-29 08:27:42 +0800
	"2006-01-02 15:04:05 -07:00", // 2022-03-29 08:27:42 +08:00
	"2006-01-02 15:04 -0700",     // 2022-03-29 08:27 +0800
	"2006-01-02T15:04Z07:00",     // 2022-03-29T08:27+08:00
}

// parseDate reads a document date. A date with a time and a zone gives the
// calendar day in that zone and the instant; a date alone, or a date and
// time without zone (whose instant is unknown), gives the day only. ok is
// false when s is not a date.
func parseDate(s string) (day newsfacts.Opt[newsfacts.Day], at newsfacts.Opt[time.Time], ok bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || s[0] < '0' || s[0] > '9' {
		return day, at, false
	}
	// NOTE: the zoned layouts are tried only when something after the day
	// can be a zone: a failed time.Parse allocates its error, and most
	// dates in a dump are a plain "2012-07-02".
	if len(s) > 10 && strings.ContainsAny(s[10:], "+-Zz") {
		for _, layout := range zonedLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return newsfacts.Some(newsfacts.DayFromTime(t)), newsfacts.Some(t.UTC()), true
			}
		}
	}
	if d, ok := parseDayPrefix(s); ok {
		return newsfacts.Some(d), at, true
	}
	return day, at, false
}

// parseDayPrefix reads "YYYY-MM-DD", "YYYY/M/D", "YYYY.M.D" or "YYYY年M月D日",
// optionally followed by a time of day without zone ("T08:27", " 08:27:42").
func parseDayPrefix(s string) (newsfacts.Day, bool) {
	y, rest, ok := cutDigits(s, 4, 4)
	if !ok {
		return 0, false
	}
	sep, rest := cutSep(rest, "-", "/", ".", "年")
	if sep == "" {
		return 0, false
	}
	m, rest, ok := cutDigits(rest, 1, 2)
	if !ok {
		return 0, false
	}
	sep2, rest := cutSep(rest, "-", "/", ".", "月")
	if sep2 == "" || (sep == "年") != (sep2 == "月") || sep != "年" && sep2 != sep {
		return 0, false
	}
	d, rest, ok := cutDigits(rest, 1, 2)
	if !ok {
		return 0, false
	}
	if sep == "年" {
		rest = strings.TrimPrefix(rest, "日")
	}
	if !isTimeOfDay(rest) {
		return 0, false
	}
	day := newsfacts.DayOf(y, time.Month(m), d)
	// Reject 2022-02-30 and the like, which DayOf would normalise.
	if yy, mm, dd := day.Date(); yy != y || int(mm) != m || dd != d {
		return 0, false
	}
	return day, true
}

// isTimeOfDay reports whether s is empty or a time of day without zone,
// after a "T" or white space: "T08:27", " 08:27:42", " 08:27:42.5".
func isTimeOfDay(s string) bool {
	if s == "" {
		return true
	}
	if s[0] != 'T' && s[0] != ' ' {
		return false
	}
	s = strings.TrimSpace(s[1:])
	h, s, ok := cutDigits(s, 1, 2)
	if !ok || h > 23 || !strings.HasPrefix(s, ":") {
		return false
	}
	m, s, ok := cutDigits(s[1:], 2, 2)
	if !ok || m > 59 {
		return false
	}
	if strings.HasPrefix(s, ":") {
		sec, rest, ok := cutDigits(s[1:], 2, 2)
		if !ok || sec > 60 {
			return false
		}
		s = rest
		if strings.HasPrefix(s, ".") {
			_, s, ok = cutDigits(s[1:], 1, 9)
			if !ok {
				return false
			}
		}
	}
	return s == ""
}

// cutDigits reads between lo and hi ASCII digits from the start of s.
func cutDigits(s string, lo, hi int) (int, string, bool) {
	n := 0
	for n < len(s) && n < hi && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n < lo {
		return 0, s, false
	}
	v, err := strconv.Atoi(s[:n])
	return v, s[n:], err == nil
}

// cutSep cuts the first of seps that s starts with.
func cutSep(s string, seps ...string) (string, string) {
	for _, sep := range seps {
		if strings.HasPrefix(s, sep) {
			return sep, s[len(sep):]
		}
	}
	return "", s
}

// DateFromFileName returns the date a file name starts with: "YYYY-MM-DD"
// or "YYYYMMDD", followed by the end of the name or by a character that is
// not a digit ("2023-05-09-market.txt", "20230509_report.md",
// "2023-05-09.jsonl"), for a year from 1900 to 2199 and a day that exists.
// Only the last element of path counts; standard input ("-") has none. It
// is the reference date of a document that gives none, ahead of the run's
// --date.
func DateFromFileName(path string) (newsfacts.Day, bool) {
	if path == "" || path == "-" {
		return 0, false
	}
	name := path
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var y, m, d int
	var rest string
	switch {
	case len(name) >= 10 && name[4] == '-' && name[7] == '-' && digits(name[:4]) && digits(name[5:7]) && digits(name[8:10]):
		y, m, d = atoi(name[:4]), atoi(name[5:7]), atoi(name[8:10])
		rest = name[10:]
	case len(name) >= 8 && digits(name[:8]):
		y, m, d = atoi(name[:4]), atoi(name[4:6]), atoi(name[6:8])
		rest = name[8:]
	default:
		return 0, false
	}
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return 0, false // a longer number: an id, not a date
	}
	if y < 1900 || y > 2199 {
		return 0, false
	}
	day := newsfacts.DayOf(y, time.Month(m), d)
	if yy, mm, dd := day.Date(); yy != y || int(mm) != m || dd != d {
		return 0, false
	}
	return day, true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
