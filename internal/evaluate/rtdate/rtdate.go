// Package rtdate measures the date extractor against the Chinese date specs
// of Microsoft Recognizers-Text (MIT), read in place from the shared folder
// with internal/rtspec: DateParser.json (single dates) and
// DatePeriodParser.json (periods). The specs are never copied into this
// repository.
//
// A case passes when every expected result is found by a date whose span
// overlaps it and whose resolution matches the spec's past or future
// resolution:
//
//   - a date ({"date": D}): our From and To are both D. The spec writes
//     impossible dates (2月30日) as 0001-01-01; we pass them when we find
//     the span and leave it unresolved. Lunar dates (农历…初一, 正月, 大年…)
//     are written in lunar coordinates by the spec and in Gregorian days by
//     us: the expected lunar date is converted with the extractor's own
//     calendar table before comparing, within the years the table covers.
//   - a period ({"startDate": S, "endDate": E}): our From is S and our To
//     is E minus one day (their end is exclusive, ours inclusive).
//   - an empty resolution (今年夏天): the span alone.
//
// Convention differences are counted apart, as Score.Aligned: for a range
// written with two ends (从一月十日到十二日, 2016年至2018年), the spec's end is
// the start of the closing unit (its end date is 01-12 for 到十二日 and
// 2018-01-01 for 至2018年) where ours is the end of that unit (01-12
// inclusive, 2018-12-31). Such a range passes "aligned" when our To is the
// spec's end date, or the last day of the year the spec's end date opens.
package rtdate

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/date"
	"github.com/newsfacts/newsfacts/internal/rtspec"
)

// Specs are the spec files Run reads, relative to the shared folder.
var Specs = []string{
	"eval/recognizers-text/DateTime/Chinese/DateParser.json",
	"eval/recognizers-text/DateTime/Chinese/DatePeriodParser.json",
}

// targets are the pass rates the date extractor must reach, per spec file.
var targets = map[string]float64{
	"DateParser.json":       0.85,
	"DatePeriodParser.json": 0.80,
}

// Target returns the pass rate the extractor must reach on a spec file
// (Score.Spec), or 0 when none is set.
func Target(spec string) float64 { return targets[spec] }

// Score is the result of one spec file.
type Score struct {
	// Spec is the spec's file name (DateParser.json).
	Spec string
	// Cases counts the cases run: those not flagged unsupported on
	// javascript.
	Cases int
	// Passed counts the cases that passed, Aligned of them only through
	// the range-end convention (see the package comment).
	Passed, Aligned int
	// Failures lists the cases that failed, for diagnosis.
	Failures []Failure
}

// Rate returns Passed / Cases, or 0 when no case ran.
func (s Score) Rate() float64 {
	if s.Cases == 0 {
		return 0
	}
	return float64(s.Passed) / float64(s.Cases)
}

// StrictRate returns (Passed - Aligned) / Cases: the rate without the
// range-end convention.
func (s Score) StrictRate() float64 {
	if s.Cases == 0 {
		return 0
	}
	return float64(s.Passed-s.Aligned) / float64(s.Cases)
}

// Failure is one failed case.
type Failure struct {
	// Input is the case's text and Ref its reference day.
	Input, Ref string
	// Want describes the expected result that was not met; Got lists what
	// the extractor found.
	Want, Got string
}

// String formats the failure on one line.
func (f Failure) String() string {
	return fmt.Sprintf("%s @%s: want %s; got %s", f.Input, f.Ref, f.Want, f.Got)
}

// value is the Value of a parser spec result.
type value struct {
	Timex            string            `json:"Timex"`
	FutureResolution map[string]string `json:"FutureResolution"`
	PastResolution   map[string]string `json:"PastResolution"`
}

// rangeRules are the rules that write a range with two ends.
var rangeRules = map[string]bool{
	"range": true, "range-between": true, "after-before": true, "year-range": true,
	"year-range-bare": true, "month-range": true, "day-range": true,
}

// Run runs the extractor over the specs under sharedDir and returns one
// Score per spec, in the order of Specs.
func Run(sharedDir string) ([]Score, error) {
	x, err := date.New()
	if err != nil {
		return nil, err
	}
	var out []Score
	for _, rel := range Specs {
		cases, err := rtspec.Load(filepath.Join(sharedDir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		sc := Score{Spec: filepath.Base(rel)}
		for _, c := range cases {
			if c.SkippedOn("javascript") {
				continue
			}
			sc.Cases++
			pass, aligned, fail := runCase(x, c)
			switch {
			case !pass:
				sc.Failures = append(sc.Failures, fail)
			case aligned:
				sc.Passed++
				sc.Aligned++
			default:
				sc.Passed++
			}
		}
		out = append(out, sc)
	}
	return out, nil
}

// runCase runs one case. aligned is true when it passed only through the
// range-end convention.
func runCase(x *date.Extractor, c rtspec.Case) (pass, aligned bool, fail Failure) {
	a := newsfacts.Article{Text: c.Input}
	ref := ""
	if t, ok := c.Reference(); ok {
		a.Date = newsfacts.Some(newsfacts.DayFromTime(t))
		ref = a.Date.V.String()
	}
	doc := newsfacts.NewDoc(a)
	if err := x.Extract(doc); err != nil {
		return false, false, Failure{Input: c.Input, Ref: ref, Want: "no error", Got: err.Error()}
	}
	fail = Failure{Input: c.Input, Ref: ref, Got: describe(doc)}
	for _, r := range c.Results {
		var v value
		if len(r.Value) > 0 {
			if err := json.Unmarshal(r.Value, &v); err != nil {
				fail.Want = "a readable Value: " + err.Error()
				return false, false, fail
			}
		}
		start, end := r.Span()
		ok, al := false, false
		for _, d := range doc.Dates {
			s, e := doc.RuneOffset(d.Start), doc.RuneOffset(d.End)
			if s >= end || start >= e {
				continue
			}
			for _, res := range []map[string]string{v.PastResolution, v.FutureResolution} {
				m, mal := matches(x, d, res, r.Text)
				if m && (!ok || al && !mal) {
					ok, al = true, mal
				}
			}
		}
		if !ok {
			fail.Want = fmt.Sprintf("%q %v", r.Text, v.PastResolution)
			if fmt.Sprint(v.PastResolution) != fmt.Sprint(v.FutureResolution) {
				fail.Want += fmt.Sprintf(" or %v", v.FutureResolution)
			}
			return false, false, fail
		}
		aligned = aligned || al
	}
	return true, aligned, Failure{}
}

// lunarMarks are the words that write a date in the lunar calendar.
var lunarMarks = []string{"农历", "阴历", "正月", "腊月", "冬月", "初一", "初二", "初三", "初四",
	"初五", "初六", "初七", "初八", "初九", "初十", "大年", "除夕", "廿"}

// matches compares one of our dates with one expected resolution.
func matches(x *date.Extractor, d newsfacts.Date, res map[string]string, text string) (ok, aligned bool) {
	if len(res) == 0 {
		return true, false
	}
	if s, isDate := res["date"]; isDate {
		if s == "0001-01-01" {
			return !d.From.OK && !d.To.OK, false
		}
		want, err := newsfacts.ParseDay(s)
		if err != nil {
			return false, false
		}
		for _, m := range lunarMarks {
			if strings.Contains(text, m) {
				y, mo, dd := want.Date()
				if g, ok := x.LunarDay(y, int(mo), dd); ok {
					want = g
				}
				break
			}
		}
		return d.From == newsfacts.Some(want) && d.To == newsfacts.Some(want), false
	}
	s, err1 := newsfacts.ParseDay(res["startDate"])
	e, err2 := newsfacts.ParseDay(res["endDate"])
	if err1 != nil || err2 != nil || !d.From.OK || !d.To.OK || d.From.V != s {
		return false, false
	}
	if d.To.V == e-1 {
		return true, false
	}
	if !rangeRules[d.Rule] {
		return false, false
	}
	if d.To.V == e {
		return true, true
	}
	y, mo, dd := e.Date()
	if mo == 1 && dd == 1 && d.To.V == newsfacts.DayOf(y, 12, 31) {
		return true, true
	}
	return false, false
}

// describe lists the dates of doc for a failure message.
func describe(doc *newsfacts.Doc) string {
	if len(doc.Dates) == 0 {
		return "nothing"
	}
	var parts []string
	for _, d := range doc.Dates {
		f, t := "-", "-"
		if d.From.OK {
			f = d.From.V.String()
		}
		if d.To.OK {
			t = d.To.V.String()
		}
		parts = append(parts, fmt.Sprintf("%q[%s] %s..%s", doc.SpanText(d.Span), d.Rule, f, t))
	}
	return strings.Join(parts, ", ")
}
