package date_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/date"
)

func TestInterface(t *testing.T) {
	x := newExtractor(t)
	var e extractors.Extractor = x
	if got, want := e.Name(), "date"; got != want {
		t.Errorf("Name() got %q, want %q", got, want)
	}
	if got := e.Requires(); len(got) != 0 {
		t.Errorf("Requires() got %v, want none", got)
	}
	if got, want := e.Provides(), []extractors.Layer{extractors.Dates}; !slices.Equal(got, want) {
		t.Errorf("Provides() got %v, want %v", got, want)
	}
	if _, err := extractors.NewChain(x); err != nil {
		t.Errorf("NewChain: %v", err)
	}
}

// TestIssueExamples checks the resolution examples of the dates issue, word
// for word.
func TestIssueExamples(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text, ref, from, to string
		gran                newsfacts.Granularity
	}{
		{"今年一季度", "2023-04-12", "2023-01-01", "2023-03-31", newsfacts.GrainQuarter},
		{"去年", "2024-01-20", "2023-01-01", "2023-12-31", newsfacts.GrainYear},
		{"5月1日", "2022-03-29", "2022-05-01", "2022-05-01", newsfacts.GrainDay},
		{"12月28日", "2022-01-05", "2021-12-28", "2021-12-28", newsfacts.GrainDay},
		{"今年1月底", "2022-03-29", "2022-01-31", "2022-01-31", newsfacts.GrainDay},
		{"2021年以来", "2022-03-29", "2021-01-01", "2022-03-29", newsfacts.GrainSpan},
		{"“十四五”时期", "2022-03-29", "2021-01-01", "2025-12-31", newsfacts.GrainSpan},
		{"截至6月底", "2022-07-20", "-", "2022-06-30", newsfacts.GrainSpan},
		{"截至目前", "2022-07-20", "-", "2022-07-20", newsfacts.GrainSpan},
	}
	for _, tt := range tests {
		ms := x.Find(tt.text)
		if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(tt.text) {
			t.Errorf("Find(%q) got %v, want one match over all of it", tt.text, ms)
			continue
		}
		d, ok := x.Resolve(ms[0], newsfacts.Some(mustDay(tt.ref)))
		if !ok {
			t.Errorf("Resolve(%q) not ok", tt.text)
		}
		if got := optDay(d.From) + ".." + optDay(d.To); got != tt.from+".."+tt.to {
			t.Errorf("%q @%s: got %s, want %s..%s", tt.text, tt.ref, got, tt.from, tt.to)
		}
		if d.Granularity != tt.gran {
			t.Errorf("%q: granularity got %s, want %s", tt.text, d.Granularity, tt.gran)
		}
	}
}

// TestFindThenResolve checks the two steps apart: Find captures the parts
// without any reference; Resolve gives different days for different
// references.
func TestFindThenResolve(t *testing.T) {
	x := newExtractor(t)
	ms := x.Find("去年5月，全市新增就业2000人")
	if len(ms) != 1 {
		t.Fatalf("got %d matches, want 1", len(ms))
	}
	m := ms[0]
	if got, want := m.Rule, "month"; got != want {
		t.Errorf("rule got %s, want %s", got, want)
	}
	if got, want := m.Lo.Year, date.Rel(-1); got != want {
		t.Errorf("year got %v, want %v", got, want)
	}
	if got, want := m.Lo.Month, date.Abs(5); got != want {
		t.Errorf("month got %v, want %v", got, want)
	}
	if !m.Lo.Relative() {
		t.Errorf("Relative() got false, want true")
	}
	for _, tt := range []struct{ ref, from string }{{"2022-03-29", "2021-05-01"}, {"2017-03-22", "2016-05-01"}} {
		d, ok := x.Resolve(m, newsfacts.Some(mustDay(tt.ref)))
		if !ok || optDay(d.From) != tt.from || !d.Relative {
			t.Errorf("@%s: got %s ok=%v relative=%v, want %s relative", tt.ref, optDay(d.From), ok, d.Relative, tt.from)
		}
	}
	d, ok := x.Resolve(m, newsfacts.Opt[newsfacts.Day]{})
	if ok || d.From.OK || d.To.OK || !d.Relative || d.Granularity != newsfacts.GrainMonth {
		t.Errorf("no reference: got %+v ok=%v, want unresolved, relative, month", d, ok)
	}
	if d.Start != m.Start || d.End != m.End || d.Rule != m.Rule {
		t.Errorf("span got %v, want %d:%d %s", d.Span, m.Start, m.End, m.Rule)
	}
}

// TestExtractAppendsSorted checks that Extract keeps the dates already on a
// document and appends sorted, disjoint dates.
func TestExtractAppendsSorted(t *testing.T) {
	x := newExtractor(t)
	doc := newsfacts.NewDoc(newsfacts.Article{
		Text: "2021年，全市实现生产总值3000亿元。今年一季度，增长6%；截至3月底，新增市场主体1.2万户。",
		Date: newsfacts.Some(mustDay("2022-04-20")),
	})
	if err := x.Extract(doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, d := range doc.Dates {
		got = append(got, doc.SpanText(d.Span))
		if i > 0 && d.Start < doc.Dates[i-1].End {
			t.Errorf("dates overlap: %v, %v", doc.Dates[i-1].Span, d.Span)
		}
	}
	if want := []string{"2021年", "今年一季度", "截至3月底"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestLongestMatchWins checks that overlapping candidates give one date,
// the longest.
func TestLongestMatchWins(t *testing.T) {
	x := newExtractor(t)
	tests := []struct{ text, want string }{
		{"2022年3月29日", "2022年3月29日"},
		{"今年1月底", "今年1月底"},
		{"截至2021年末", "截至2021年末"},
		{"2021年以来", "2021年以来"},
		{"2015年至2020年", "2015年至2020年"},
	}
	for _, tt := range tests {
		ms := x.Find(tt.text)
		if len(ms) != 1 || tt.text[ms[0].Start:ms[0].End] != tt.want {
			t.Errorf("Find(%q) got %v, want one match %q", tt.text, ms, tt.want)
		}
	}
}

func TestFrame(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text string
		want bool
	}{
		{"今年一季度", true}, {"2021年", true}, {"截至6月底", true}, {"今年以来", true},
		{"前5个月", true}, {"1至11月", true}, {"近三年", true}, {"“十四五”时期", true},
		{"3月29日", false}, {"昨天", false}, {"近日", false}, {"星期一", false},
	}
	for _, tt := range tests {
		ms := x.Find(tt.text)
		if len(ms) != 1 {
			t.Errorf("Find(%q) got %v, want one match", tt.text, ms)
			continue
		}
		d, _ := x.Resolve(ms[0], newsfacts.Some(mustDay("2022-03-29")))
		if d.Frame != tt.want {
			t.Errorf("Resolve(%q).Frame got %v, want %v", tt.text, d.Frame, tt.want)
		}
	}
	// Every rule's dates carry its Frame flag.
	for _, r := range date.Rules() {
		if r.Example == "" {
			continue
		}
		for _, m := range x.Find(r.Example) {
			if m.Rule != r.Name {
				continue
			}
			if d, _ := x.Resolve(m, newsfacts.Some(mustDay("2022-03-29"))); d.Frame != r.Frame {
				t.Errorf("rule %s: Resolve(%q).Frame got %v, want %v", r.Name, r.Example, d.Frame, r.Frame)
			}
		}
	}
}

func TestNearDaysOption(t *testing.T) {
	x, err := date.NewWithOptions(date.Options{NearDays: 3})
	if err != nil {
		t.Fatal(err)
	}
	ms := x.Find("近日")
	d, _ := x.Resolve(ms[0], newsfacts.Some(mustDay("2022-03-29")))
	if got, want := optDay(d.From), "2022-03-26"; got != want {
		t.Errorf("近日 with NearDays 3: from got %s, want %s", got, want)
	}
}

func TestLunarDay(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2022, 1, 1, "2022-02-01"}, {2023, 1, 1, "2023-01-22"}, {2015, 1, 1, "2015-02-19"},
		{2022, 8, 15, "2022-09-10"}, {1900, 1, 1, "1900-01-31"}, {2023, 3, 1, "2023-04-20"},
	}
	for _, tt := range tests {
		got, ok := x.LunarDay(tt.y, tt.m, tt.d)
		if !ok || got.String() != tt.want {
			t.Errorf("LunarDay(%d,%d,%d) got %s ok=%v, want %s", tt.y, tt.m, tt.d, got, ok, tt.want)
		}
	}
	for _, bad := range [][3]int{{2017, 1, 30}, {1899, 1, 1}, {2101, 1, 1}, {2022, 13, 1}} {
		if _, ok := x.LunarDay(bad[0], bad[1], bad[2]); ok {
			t.Errorf("LunarDay(%v) got ok, want not ok", bad)
		}
	}
}

func TestParseCNum(t *testing.T) {
	tests := []struct {
		in       string
		arith    int
		arithOK  bool
		digits   int
		digitsOK bool
	}{
		{"二〇二二", 0, false, 2022, true},
		{"三六七", 0, false, 367, true},
		{"二十九", 29, true, 0, false},
		{"十一", 11, true, 0, false},
		{"廿九", 29, true, 0, false},
		{"两千零四", 2004, true, 0, false},
		{"一百零五", 105, true, 0, false},
		{"三", 3, true, 3, true},
		{"两", 2, true, 0, false},
		{"二三十", 0, false, 0, false},
		{"十十", 0, false, 0, false},
	}
	for _, tt := range tests {
		a, aok, d, dok := date.ParseCNum(tt.in)
		if aok != tt.arithOK || aok && a != tt.arith || dok != tt.digitsOK || dok && d != tt.digits {
			t.Errorf("ParseCNum(%q) got %d,%v %d,%v; want %d,%v %d,%v", tt.in, a, aok, d, dok, tt.arith, tt.arithOK, tt.digits, tt.digitsOK)
		}
	}
}

// TestConcurrentExtract runs one Extractor on several goroutines (run with
// -race).
func TestConcurrentExtract(t *testing.T) {
	x := newExtractor(t)
	texts := []string{"2022年3月29日", "今年一季度，增长6%", "截至6月底", "近三年", "正月初一"}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				doc := newsfacts.NewDoc(newsfacts.Article{Text: texts[j%len(texts)], Date: newsfacts.Some(mustDay("2022-03-29"))})
				if err := x.Extract(doc); err != nil || len(doc.Dates) != 1 {
					t.Errorf("%q: got %v, %v", texts[j%len(texts)], doc.Dates, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestHolidays checks holidays against published dates: 清明 (a solar
// term, April 4 or 5) for the years since it became a public holiday, and
// festivals of the lunar calendar.
func TestHolidays(t *testing.T) {
	x := newExtractor(t)
	// Qingming, Beijing time, as published in the State Council's yearly
	// holiday notices.
	fifth := map[int]bool{2010: true, 2011: true, 2014: true, 2015: true, 2018: true, 2019: true, 2022: true, 2023: true}
	var cases [][2]string
	for y := 2008; y <= 2025; y++ {
		d := "04"
		if fifth[y] {
			d = "05"
		}
		cases = append(cases, [2]string{fmt.Sprintf("%d年清明节", y), fmt.Sprintf("%d-04-%s", y, d)})
	}
	cases = append(cases,
		[2]string{"2024年春节", "2024-02-10"},
		[2]string{"2023年中秋节", "2023-09-29"},
		[2]string{"2020年端午节", "2020-06-25"},
		[2]string{"2019年国庆节", "2019-10-01"},
	)
	for _, c := range cases {
		ms := x.Find(c[0])
		if len(ms) != 1 || ms[0].End-ms[0].Start != len(c[0]) {
			t.Errorf("Find(%q) got %v, want one match over the whole text", c[0], ms)
			continue
		}
		d, ok := x.Resolve(ms[0], newsfacts.Opt[newsfacts.Day]{})
		from, _ := d.From.Get()
		to, _ := d.To.Get()
		if !ok || from.String() != c[1] || to.String() != c[1] {
			t.Errorf("%s: got %v..%v (ok %v), want %s", c[0], d.From, d.To, ok, c[1])
		}
	}
}

// TestAnchorsStayInParagraph checks that 次日 and 同年 take their anchor
// from their own paragraph only, and give no date without one.
func TestAnchorsStayInParagraph(t *testing.T) {
	x := newExtractor(t)
	ref := newsfacts.Some(mustDay("2022-03-29"))
	cases := []struct {
		text string
		want []string // text=from..to of each date, in order
	}{
		{"3月5日，大会开幕；次日，代表们分组审议。", []string{"3月5日=2022-03-05..2022-03-05", "次日=2022-03-06..2022-03-06"}},
		{"3月5日，大会开幕。\n次日，代表们分组审议。", []string{"3月5日=2022-03-05..2022-03-05"}},
		{"3月5日，项目开工。\n当天，记者来到工地。", []string{"3月5日=2022-03-05..2022-03-05"}},
		{"当天申请、当天办结，同年实现盈利。", nil},
		{"3月5日开幕，当天下午分组审议，次日闭幕。", []string{"3月5日=2022-03-05..2022-03-05", "当天下午=2022-03-05..2022-03-05", "次日=2022-03-06..2022-03-06"}},
	}
	for _, c := range cases {
		ds := x.ResolveAll(nil, c.text, x.Find(c.text), ref)
		var got []string
		for _, d := range ds {
			got = append(got, fmt.Sprintf("%s=%s..%s", c.text[d.Start:d.End], d.From.V, d.To.V))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
