// Package date finds date and period expressions in Chinese news text and
// resolves them against the article's date: absolute dates (2022年3月29日,
// 2022-03-29, 二〇二二年三月二十九日), periods (今年一季度, 前5个月, 1至11月,
// “十四五”时期, 年底), expressions relative to the article (去年, 上月, 昨天,
// 近日, 三年来) and open ranges (2021年以来, 截至6月底).
//
// Extraction runs in two separate steps that are exported and tested on
// their own:
//
//   - Find scans a text and returns Matches: the byte span, the rule that
//     matched and the calendar fields the expression states (Expr), each
//     absent, absolute, or relative to a reference date.
//   - Resolve turns one Match into a newsfacts.Date (first and last day,
//     inclusive; granularity; relative flag) against an explicit
//     reference day, which may be absent.
//
// The scanner jumps from one candidate character (digits, Chinese numerals,
// the first characters of the words in data/words.tsv) to the next and
// lexes only the short runs of date tokens it finds there; the grammar is
// a table of rules (rules.go) over those tokens. The rules and the
// resolution conventions (the nearest-year rule, 月初 = the first day,
// 上旬 = days 1–10, 近日 = the seven days up to the reference …) are
// documented in docs/dates.md.
//
// The package never reads the clock: relative expressions without a
// reference day are returned unresolved.
package date

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
)

// DefaultNearDays is how many days before the reference day 近日, 日前 and
// 最近 reach back by default.
const DefaultNearDays = 7

// Options configure an Extractor.
type Options struct {
	// NearDays is how many days before the reference day 近日, 日前 and
	// 最近 reach back; 0 means DefaultNearDays.
	NearDays int
}

// Extractor is the date extractor. It is immutable after New and safe for
// concurrent use.
type Extractor struct {
	lx   *lexicon
	one  layer // first-layer rules
	two  layer // second-layer rules
	near int
}

var _ extractors.Extractor = (*Extractor)(nil)

// New returns an Extractor with default options.
func New() (*Extractor, error) { return NewWithOptions(Options{}) }

// NewWithOptions returns an Extractor configured by o.
func NewWithOptions(o Options) (*Extractor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	x := &Extractor{lx: lx, near: o.NearDays}
	if x.near <= 0 {
		x.near = DefaultNearDays
	}
	var one, two []compiled
	for i := range ruleTable {
		r := &ruleTable[i]
		elems, err := compilePattern(r.Pattern)
		if err != nil {
			return nil, fmt.Errorf("date rule %q: %w", r.Name, err)
		}
		if len(elems) > 8 {
			return nil, fmt.Errorf("date rule %q: more than 8 elements", r.Name)
		}
		c := compiled{Rule: r, elems: elems, first: firstMask(elems), second: secondMask(elems)}
		switch r.Layer {
		case 1:
			one = append(one, c)
		case 2:
			two = append(two, c)
		default:
			return nil, fmt.Errorf("date rule %q: layer %d", r.Name, r.Layer)
		}
	}
	x.one, x.two = newLayer(one), newLayer(two)
	return x, nil
}

// Name returns "date".
func (x *Extractor) Name() string { return "date" }

// Requires returns no layers: the extractor reads only the text.
func (x *Extractor) Requires() []extractors.Layer { return nil }

// Provides returns the dates layer.
func (x *Extractor) Provides() []extractors.Layer {
	return []extractors.Layer{extractors.Dates}
}

// Extract appends the dates of doc.Text to doc.Dates, resolved against
// doc.Date, sorted by Start and without overlaps.
func (x *Extractor) Extract(doc *newsfacts.Doc) error {
	// NOTE: the matches are read here only, so they stay in the pooled
	// scan's storage (Find hands its caller a slice of its own): a new
	// slice per document was 9 % of a run's allocations.
	s := scanPool.Get().(*scan)
	defer scanPool.Put(s)
	// NOTE: the title is scanned first, with the same scan: when
	// ReportYear took a second scan from the pool (and Find dropped its
	// matches' storage), the two scans traded places in the pool and the
	// text's matches grew a new slice for every document, 110 MB of the
	// 1.2 GB a run of the corpus allocated.
	year := x.reportYear(s, doc.Title)
	s.init(x, doc.Text)
	ms := s.all()
	if len(ms) == 0 {
		return nil
	}
	r := report{year: year, work: strings.Contains(doc.Title, "政府工作报告")}
	n := len(doc.Dates)
	doc.Dates = x.resolveAll(slices.Grow(doc.Dates, len(ms)), doc.Text, ms, doc.Date, r)
	doc.Dates = append(doc.Dates[:n], joinWholeYear(doc.Dates[n:], doc.Text)...)
	return nil
}

// joinWholeYear makes one date of a year and the word after it that says
// the whole year or the festival again: 2017年全年, 上年全年, 2013年度 (the
// year), 端午佳节 (the festival). ds are sorted by Start; the result reuses
// their array.
func joinWholeYear(ds []newsfacts.Date, text string) []newsfacts.Date {
	out := ds[:0]
	for k := 0; k < len(ds); k++ {
		d := ds[k]
		if d.Granularity == newsfacts.GrainYear {
			switch {
			case k+1 < len(ds) && ds[k+1].Start == d.End && text[ds[k+1].Start:ds[k+1].End] == "全年":
				d.End = ds[k+1].End
				k++
			case strings.HasSuffix(text[d.Start:d.End], "年") && strings.HasPrefix(text[d.End:], "度"):
				d.End += len("度")
			}
		}
		if d.Granularity == newsfacts.GrainDay && strings.HasPrefix(text[d.End:], "佳节") && (d.Rule == "holiday" || d.Rule == "lunar-festival") {
			d.End += len("佳节")
		}
		out = append(out, d)
	}
	return out
}

// report is what a document's title tells of the periods of its text.
type report struct {
	// year is the year a statistical report is about, or 0.
	year int
	// work marks a government work report (政府工作报告): its 过去一年 is
	// the calendar year before its date, and the year it reviews goes on
	// from paragraph to paragraph.
	work bool
}

// pastYear reads 过去一年 in a government work report as the calendar year
// before the report's date: 2024年政府工作报告 reviews 2023.
func pastYear(d *newsfacts.Date, text string, ref newsfacts.Opt[newsfacts.Day]) {
	day, ok := ref.Get()
	if !ok {
		return
	}
	switch text[d.Start:d.End] {
	case "过去一年", "过去的一年", "过去1年":
		y, _, _ := day.Date()
		d.From = newsfacts.Some(newsfacts.DayOf(y-1, 1, 1))
		d.To = newsfacts.Some(newsfacts.DayOf(y-1, 12, 31))
		d.Granularity = newsfacts.GrainYear
	}
}

// ReportYear returns the year a statistical report's title is about
// (2023年株洲市国民经济和社会发展统计公报 → 2023), or 0. A government work
// report's title year is the year of the session, not of its figures
// (2024年政府工作报告 reviews 2023), so it gives none.
func (x *Extractor) ReportYear(title string) int {
	s := scanPool.Get().(*scan)
	defer scanPool.Put(s)
	return x.reportYear(s, title)
}

// reportYear is ReportYear with the scan s, whose matches it replaces.
func (x *Extractor) reportYear(s *scan, title string) int {
	if title == "" || strings.Contains(title, "政府工作报告") {
		return 0
	}
	// The first absolute year of the title: 2023年…统计公报, 2024年一季度…,
	// 2024年1—9月份….
	s.init(x, title)
	for _, m := range s.all() {
		if m.Lo.Year.Set && !m.Lo.Year.Rel && m.Lo.Unit != UnitDecade && m.Lo.Unit != UnitPlan {
			return m.Lo.Year.V
		}
	}
	return 0
}

// impliedYear reports whether m is a statistical period written without
// its year (全年, 年末, 上半年, 一季度, 前三季度, 1—9月, 3月末), which a
// report states once and then leaves implied.
func impliedYear(m Match, text string) bool {
	switch text[m.Start:m.End] {
	case "全年", "年末", "年底", "年初", "年中":
		return true
	}
	switch m.Kind {
	case KindPoint:
		if m.Lo.Year.Set {
			return false
		}
		switch m.Lo.Unit {
		case UnitQuarter, UnitHalf, UnitFirstMonths:
			return true
		case UnitYear:
			return m.Lo.Part != PartNone // 年末, 年底, 年初
		case UnitMonth:
			return true // 3月末, 9月份: a report's month
		}
	case KindRange:
		// 1—9月: a range of months from January.
		return !m.Lo.Year.Set && !m.Hi.Year.Set && m.Lo.Unit == UnitMonth && m.Hi.Unit == UnitMonth && m.Lo.Month.V == 1
	}
	return false
}

// comparedWith reports whether m is the base of a comparison (较2019年同期,
// 比上年): the year a figure is compared with is not the year it is about.
func comparedWith(text string, m Match) bool {
	before := strings.TrimRight(text[:m.Start], " \u3000")
	for _, p := range [...]string{"比", "较", "与", "同", "相比", "对比", "相较", "于"} {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return strings.HasPrefix(text[m.End:], "同期")
}

// withYear returns m with the year y written into its expressions.
func withYear(m Match, y int) Match {
	m.Lo.Year = Abs(y)
	if m.Kind == KindRange {
		m.Hi.Year = Abs(y)
	}
	return m
}

// ResolveAll appends to dst the Dates of ms, the matches Find returned for
// text, resolved against ref; it returns the extended slice.
//
// Unlike Resolve it knows the text, so that expressions relative to an
// earlier date of it (KindAnchored: 当天, 次日, 当月, 同年, 次年) resolve
// against their anchor: the latest earlier date of the same paragraph
// (the text between line breaks) that is one day (for 当天, 次日) or lies
// within one year (同年, 次年; for 当月, 次月 its last month counts).
// Anchored expressions without an anchor are dropped: 当天 alone is as
// often "the same day" in general (当天申请、当天办结) or an event's day
// told earlier as the day of the report.
//
// A statistical period written without its year (全年, 年末, 上半年, 一季度,
// 1—9月) takes the year of the last explicit year of its paragraph
// (2023年，…；全年…), as a report states its year once.
func (x *Extractor) ResolveAll(dst []newsfacts.Date, text string, ms []Match, ref newsfacts.Opt[newsfacts.Day]) []newsfacts.Date {
	return x.resolveAll(dst, text, ms, ref, report{})
}

// resolveAll is ResolveAll with what the title tells (report): the year
// of a statistical report, which the implied periods take when their
// paragraph states no year; in a government work report, 过去一年 is the
// year before, and a year stated goes on into the next paragraphs.
func (x *Extractor) resolveAll(dst []newsfacts.Date, text string, ms []Match, ref newsfacts.Opt[newsfacts.Day], r report) []newsfacts.Date {
	para := len(dst) // index in dst of the first date of the current paragraph
	lastEnd := 0
	year := r.year             // the year implied periods take
	var monthEnd newsfacts.Day // the last day of the last month stated in the paragraph, or 0
	// NOTE: one resolver for the document, not one a match (Resolve), so
	// that the reference day is broken into its year and month once: 30 M
	// fewer of the package benchmark's 2.36 G instructions a pass
	// (cachegrind).
	res := x.resolverFor(ref)
	for _, m := range ms {
		if strings.IndexByte(text[lastEnd:m.Start], '\n') >= 0 {
			para = len(dst)
			monthEnd = 0
			if !r.work {
				year = r.year
			}
		}
		lastEnd = m.Start
		if m.Kind != KindAnchored {
			if year != 0 && impliedYear(m, text) {
				m = withYear(m, year)
			}
			d, _ := res.resolve(m)
			if r.work {
				pastYear(&d, text, ref)
			}
			switch w := text[m.Start:m.End]; {
			case (w == "月末" || w == "月底") && monthEnd != 0 && d.From.OK:
				// 9月末，…。月末人民币贷款余额…: the end of the month the
				// paragraph stated, not of the article's month.
				d.From, d.To = newsfacts.Some(monthEnd), newsfacts.Some(monthEnd)
			case m.Lo.Month.Set && !m.Lo.Month.Rel && d.To.OK && (strings.HasSuffix(w, "月末") || strings.HasSuffix(w, "月底") || strings.HasSuffix(w, "月份")):
				// NOTE: a reporting month (9月末, 1—9月份), not any month
				// (自去年10月接到订单以来，…月底前交付).
				y, mo, _ := d.To.V.Date()
				monthEnd = newsfacts.DayOf(y, mo+1, 1) - 1
			}
			dst = append(dst, d)
			if from, ok := d.From.Get(); ok && d.Granularity == newsfacts.GrainYear && (m.Kind == KindPoint || r.work) && !comparedWith(text, m) {
				year, _, _ = from.Date() // 2023年，…; 去年，…
			}
			continue
		}
		if d, ok := anchored(m, dst[para:]); ok {
			dst = append(dst, d)
		}
	}
	return dst
}

// anchored resolves an anchored match against the latest of the earlier
// dates that fits its step.
func anchored(m Match, earlier []newsfacts.Date) (newsfacts.Date, bool) {
	d := newsfacts.Date{Span: newsfacts.Span{Start: m.Start, End: m.End, Rule: m.Rule}, Relative: true, Frame: frameRules[m.Rule]}
	for k := len(earlier) - 1; k >= 0; k-- {
		a := earlier[k]
		from, ok1 := a.From.Get()
		to, ok2 := a.To.Get()
		if !ok1 || !ok2 {
			continue
		}
		fy, _, _ := from.Date()
		ty, tm, _ := to.Date()
		switch {
		case m.Step == UnitDay && from == to:
			day := from + newsfacts.Day(m.Count)
			d.From, d.To, d.Granularity = newsfacts.Some(day), newsfacts.Some(day), newsfacts.GrainDay
			return d, true
		case m.Step == UnitMonth && fy == ty:
			// NOTE: after a range of months (1—8月…，当月), the month
			// meant is its last.
			iv := monthIval(ty, int(tm)+m.Count)
			d.From, d.To, d.Granularity = newsfacts.Some(iv.from), newsfacts.Some(iv.to), newsfacts.GrainMonth
			return d, true
		case m.Step == UnitYear && fy == ty:
			y := fy + m.Count
			d.From, d.To = newsfacts.Some(newsfacts.DayOf(y, 1, 1)), newsfacts.Some(newsfacts.DayOf(y, 12, 31))
			d.Granularity = newsfacts.GrainYear
			return d, true
		}
	}
	return d, false
}

// Resolve resolves m against the reference day ref. The Date always
// carries m's span, rule, granularity and relative flag; From and To are
// set when they can be resolved (an expression relative to an absent
// reference, or an impossible date such as 2月30日, leaves them unset). ok
// reports whether every bound the expression has was resolved: both for a
// point or range, From and To for 以来, To for 截至.
func (x *Extractor) Resolve(m Match, ref newsfacts.Opt[newsfacts.Day]) (newsfacts.Date, bool) {
	r := x.resolverFor(ref)
	return r.resolve(m)
}

// resolverFor returns the resolver of Resolve for the reference day ref;
// it only reads its fields, so one serves every match of a document.
func (x *Extractor) resolverFor(ref newsfacts.Opt[newsfacts.Day]) resolver {
	r := resolver{lunar: &x.lx.lunar, near: x.near, holidays: x.lx.holidays}
	if d, ok := ref.Get(); ok {
		r.ref, r.hasRef = d, true
		y, mo, _ := d.Date()
		r.ry, r.rm = y, mo
	}
	return r
}

// Find returns the date expressions of text, sorted by Start and without
// overlaps: at each position the longest expression wins.
func (x *Extractor) Find(text string) []Match {
	s := scanPool.Get().(*scan)
	s.init(x, text)
	out := s.all()
	s.out = nil
	scanPool.Put(s)
	return out
}

// scanPool keeps the token buffers of finished scans for the next ones.
var scanPool = sync.Pool{New: func() any { return new(scan) }}

// LunarDay returns the Gregorian day of lunar year y, month m, day d
// (正月初一 of 2022 is 2022-02-01), for the years the embedded calendar
// covers (1900–2100); leap months are not addressed. ok is false outside
// the table or for a day the month does not have.
func (x *Extractor) LunarDay(y, m, d int) (newsfacts.Day, bool) {
	return x.lx.lunar.solar(y, m, d)
}
