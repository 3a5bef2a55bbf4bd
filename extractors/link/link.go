// Package link ties each metric to the date, place and organisation it is
// about, filling Metric.DateID, PlaceID and OrgID. It runs after the date,
// entity and metric extractors and reads only their spans, so its rules can
// be tested on hand-made documents.
//
// The rules, in the order they are tried (a clause ends at ，,；;：: or at a
// sentence end; a paragraph ends at a line break):
//
// Date: the nearest date before the metric in its clause; else the nearest
// governing date (a period a statistic can be about: 今年一季度, 2021年以来,
// not a day or 近日: newsfacts.Date.Frame) or date that opens the sentence
// ("3月29日，…") before it in its sentence; else the
// governing date that opens an earlier sentence of the same paragraph
// ("今年以来，…。其中，…1.2万户"). Dates inside the metric's own span
// (由2015年的3万亩扩大到8.6万亩) and dates used as a comparison baseline
// (比去年, 较上年, 与去年同期相比) are skipped.
//
// Place: the nearest place before the metric in its sentence; else, when the
// sentence refers back to a place before the metric (该区, 全市, 本县 …), the
// most recent earlier place of that level (区, 市, 县, 省, 镇).
//
// Organisation: the nearest organisation before the metric in its clause,
// else in its sentence.
package link

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
)

// Linker is the link stage. The dates that can govern the figures of their
// sentence and paragraph are those with Frame set.
type Linker struct{}

var _ extractors.Extractor = Linker{}

// New returns a Linker.
func New() Linker { return Linker{} }

// Name returns "link".
func (Linker) Name() string { return "link" }

// Requires returns the dates, entities and metrics layers.
func (Linker) Requires() []extractors.Layer {
	return []extractors.Layer{extractors.Dates, extractors.Entities, extractors.Metrics}
}

// Provides returns the links layer.
func (Linker) Provides() []extractors.Layer { return []extractors.Layer{extractors.Links} }

// Extract sets DateID, PlaceID and OrgID of every metric of doc.
func (Linker) Extract(doc *newsfacts.Doc) error {
	if len(doc.Metrics) == 0 {
		return nil
	}
	tm := marksPool.Get().(*textMarks)
	tm.find(doc.Text)
	defer marksPool.Put(tm)
	l := &layout{doc: doc, paras: tm.paras, clauses: tm.clauses, fenbie: tm.fenbie, anaphors: tm.anaphors}
	for i := range doc.Metrics {
		m := &doc.Metrics[i]
		var dr, pr, or string
		m.DateID, dr = linkDate(l, m.Span)
		m.PlaceID, pr = linkPlace(l, m.Span)
		m.OrgID, or = linkOrg(l, m.Span)
		m.LinkRule = joinRules(dr, pr, or)
	}
	return nil
}

// The link rules, named in Metric.LinkRule (the link_rule column), one per
// link that was made.
const (
	RuleDateClause            = "date: clause"             // the nearest date before the figure in its clause
	RuleDateSentence          = "date: sentence"           // a governing period, or a date opening the sentence
	RuleDateParagraph         = "date: paragraph"          // a governing date opening an earlier sentence of the paragraph
	RuleDateParagraphPeriod   = "date: paragraph period"   // a statistical period earlier in the paragraph (statistics only)
	RuleDatePreviousParagraph = "date: previous paragraph" // the last statistical period of the paragraph before (statistics only)
	RulePlaceList             = "place: 分别 list"           // the place of a list before 分别 that answers the figure (越城区、柯桥区…分别增长)
	RulePlaceSentence         = "place: sentence"          // the nearest place before the figure in its sentence
	RulePlaceAnaphor          = "place: anaphor"           // 该区, 全市 … to the last earlier place of that level
	RulePlaceParagraph        = "place: paragraph"         // the place that opens an earlier sentence of the paragraph (statistics only)
	RulePlaceScope            = "place: document scope"    // the last scope word before the figure in the document
	RulePlaceScopeAfter       = "place: later scope"       // the first place after a statistic, a scope word in its paragraph or the next, when its paragraph names none before it
	RuleOrgClause             = "org: clause"              // the nearest organisation before the figure in its clause
	RuleOrgSentence           = "org: sentence"            // … in its sentence
)

// LinkRules returns the names of the link rules.
func LinkRules() []string {
	return []string{RuleDateClause, RuleDateSentence, RuleDateParagraph, RuleDateParagraphPeriod, RuleDatePreviousParagraph,
		RulePlaceList, RulePlaceSentence, RulePlaceAnaphor, RulePlaceParagraph, RulePlaceScope, RulePlaceScopeAfter, RuleOrgClause, RuleOrgSentence}
}

// joinRules joins the rules of the links made, in the order date, place,
// organisation.
func joinRules(rules ...string) string {
	out := ""
	for _, r := range rules {
		if r == "" {
			continue
		}
		if out != "" {
			out += "; "
		}
		out += r
	}
	return out
}

// maxReach is how far back, in bytes, the rules look for a date or an
// entity in a metric's sentence: about 340 Chinese characters, far longer
// than a real sentence.
//
// NOTE: a bound, so that a document without sentence ends (a table dump, a
// run-on text of megabytes) stays linear: without it every metric would
// scan back over every earlier date and entity.
const maxReach = 1024

// maxParagraphDates is how many dates the paragraph rule looks back over.
const maxParagraphDates = 64

// sentenceStart returns where the sentence holding off starts, but no more
// than maxReach bytes before off.
func sentenceStart(doc *newsfacts.Doc, off int) int {
	start := 0
	if s := doc.SentenceOf(off); s >= 0 {
		start = doc.Sentences[s].Start
	}
	if off-start > maxReach {
		start = off - maxReach
		for start < off && !utf8.RuneStart(doc.Text[start]) {
			start++
		}
	}
	return start
}

// marks holds offsets of a text, in order: where its paragraphs or its
// clauses start.
type marks []int

// marksPool recycles the textMarks of Extract (a new pair of marks per
// document was 1 % of a run's allocations).
var marksPool = sync.Pool{New: func() any { return new(textMarks) }}

// textMarks are the marks of a text that the rules search.
type textMarks struct {
	// paras are the paragraph marks (0 and the offset after each line
	// break), clauses the clause marks (0 and the offset after each
	// ，,；;：:).
	paras, clauses marks
	// fenbie are the offsets of 分别 (see listPlace).
	fenbie marks
	// anaphors are where the anaphors are (see anaphorsIn).
	anaphors []anaphorMark
}

// anaphorMark is an anaphor of the text: at is its offset, bit its bit in
// a set of anaphorsIn.
type anaphorMark struct {
	at  int
	bit uint32
}

// find fills t with the marks of text, reusing t's slices.
//
// NOTE: found once per document, then searched: a long document has
// thousands of metrics, and walking back to the previous break for each
// would be quadratic in the length of a paragraph with few breaks. One
// pass over the bytes finds both: the ASCII marks are bytes that no
// multi-byte rune contains, and the full-width ones (EF BC 8C, 9B, 9A)
// start with a byte that only begins a rune; decoding every rune, twice,
// was 40 % of the link stage.
//
// NOTE: the same pass finds 分别 and the anaphors, which listPlace and
// linkPlace looked for in the sentence before every figure (strings.LastIndex
// and anaphorsIn over it, a fifth of the package benchmark's profile).
// The link functions and strings.LastIndex 1.59 → 1.14 G instructions a
// pass of the package benchmark (cachegrind, setup included).
func (t *textMarks) find(text string) {
	paras, clauses := append(t.paras[:0], 0), append(t.clauses[:0], 0)
	fenbie, anas := t.fenbie[:0], t.anaphors[:0]
	for i := 0; i < len(text); i++ {
		// NOTE: a valid three-byte rune other than the full-width marks'
		// (lead byte EF), 分 and the first runes of the anaphors is
		// stepped over whole, the runs of them in a loop of their own: its
		// continuation bytes are none of the marks, so the same marks are
		// found as byte by byte.
		//
		// NOTE: two runes at a time from one eight-byte load while eight
		// bytes are left, then one from a four-byte load, each rune's bits
		// tested in markStop straight from the word, not against five
		// values: find 1.68 → 1.24 G instructions in a cachegrind run of
		// the package benchmark (-benchtime 3x).
		for i+8 <= len(text) {
			q := text[i : i+8]
			v := uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 |
				uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
			if v&0xC0C0F0C0C0F0 != 0x8080E08080E0 ||
				markStop[(v&0x0F)<<6|v>>8&0x3F]&(1<<(v>>16&63)) != 0 ||
				markStop[(v>>24&0x0F)<<6|v>>32&0x3F]&(1<<(v>>40&63)) != 0 {
				break
			}
			i += 6
		}
		for i+4 <= len(text) {
			q := text[i : i+4]
			v := uint32(q[0]) | uint32(q[1])<<8 | uint32(q[2])<<16 | uint32(q[3])<<24
			if v&0xC0C0F0 != 0x8080E0 || markStop[(v&0x0F)<<6|v>>8&0x3F]&(1<<(v>>16&63)) != 0 {
				break
			}
			i += 3
		}
		if i >= len(text) {
			break
		}
		switch text[i] {
		case '\n':
			paras = append(paras, i+1)
		case ',', ';', ':':
			clauses = append(clauses, i+1)
		case 0xEF:
			if i+2 < len(text) && text[i+1] == 0xBC {
				switch text[i+2] {
				case 0x8C, 0x9B, 0x9A: // ，；：
					clauses = append(clauses, i+3)
					i += 2
				}
			}
		case 0xE5, 0xE6, 0xE8: // the lead bytes of 分, 该, 全, 本
			if strings.HasPrefix(text[i:], "分别") {
				fenbie = append(fenbie, i)
			}
			if bit := anaphorAt(text, i); bit != 0 {
				anas = append(anas, anaphorMark{at: i, bit: bit})
			}
		}
	}
	t.paras, t.clauses, t.fenbie, t.anaphors = paras, clauses, fenbie, anas
}

// markStop is a bitmap over the runes of the three-byte sequences: those
// that stop the fast loop of find (分 该 全 本, and U+F000–U+FFFF, whose
// lead byte EF begins the full-width marks).
var markStop = func() (b [0x10000 / 64]uint64) {
	for _, r := range "分该全本" {
		b[r>>6] |= 1 << (r & 63)
	}
	for r := 0xF000; r <= 0xFFFF; r++ {
		b[r>>6] |= 1 << (r & 63)
	}
	return b
}()

// last returns the last mark at or before off.
func (m marks) last(off int) int {
	i := sort.Search(len(m), func(i int) bool { return m[i] > off })
	return m[i-1]
}

// nth returns the n-th mark after off (n ≥ 1), or -1 when there are fewer.
func (m marks) nth(off, n int) int {
	i := sort.Search(len(m), func(i int) bool { return m[i] > off }) + n - 1
	if i >= len(m) {
		return -1
	}
	return m[i]
}

// layout is what the rules need to know of a document's structure.
type layout struct {
	doc      *newsfacts.Doc
	fenbie   marks
	anaphors []anaphorMark
	paras    marks
	clauses  marks
}

// clauseStart returns the start of the clause holding off: just after the
// last clause or sentence boundary before off.
func (l *layout) clauseStart(off int) int {
	return max(l.clauses.last(off), sentenceStart(l.doc, off))
}

// baselinePrefixes mark a date as the comparison base of a change rather
// than the period the metric is about.
var baselinePrefixes = []string{"比", "较", "与", "同", "相比", "对比", "相较"}

func isBaseline(doc *newsfacts.Doc, d newsfacts.Span) bool {
	before := strings.TrimRight(doc.Text[:d.Start], " \u3000")
	for _, p := range baselinePrefixes {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	// 日均接待量为2019年同期的1.3倍: the date a multiple is of.
	after := doc.Text[d.End:]
	if strings.HasPrefix(after, "同期的") || strings.HasPrefix(after, "的") {
		for _, p := range [...]string{"为", "是", "相当于"} {
			if strings.HasSuffix(before, p) {
				return true
			}
		}
	}
	return false
}

func linkDate(l *layout, m newsfacts.Span) (newsfacts.Opt[int32], string) {
	doc := l.doc
	usable := func(i int) bool {
		d := doc.Dates[i].Span
		return !m.Contains(d) && !isBaseline(doc, d) && !inTransition(doc.Metrics, d)
	}
	// Dates are sorted by Start and do not overlap, so the dates before the
	// metric are those before the first one that starts at or after it.
	// NOTE: searched, not scanned: a long document has thousands of dates
	// and metrics, and a scan per metric would be quadratic.
	before := sort.Search(len(doc.Dates), func(i int) bool { return doc.Dates[i].Start >= m.Start })
	// Nearest usable date before the metric, within [from, m.Start), that
	// passes ok, among the last limit dates before it (0: no limit).
	nearestIn := func(from, limit int, ok func(newsfacts.Date) bool) (int, bool) {
		for i := before - 1; i >= 0 && (limit == 0 || i >= before-limit); i-- {
			d := doc.Dates[i].Span
			if d.End > m.Start {
				continue
			}
			if d.Start < from {
				break
			}
			if usable(i) && ok(doc.Dates[i]) {
				return i, true
			}
		}
		return 0, false
	}
	nearest := func(from int, ok func(newsfacts.Date) bool) (int, bool) { return nearestIn(from, 0, ok) }
	// statesDate reports whether a date lies in text[from:m.Start] other
	// than a baseline relative to the period reported (比上年全年, 比去年
	// 同期): one named by its year (比2012年提高) dates a comparison over
	// years, not the period of the paragraph before.
	statesDate := func(from int) bool {
		for i := sort.Search(len(doc.Dates), func(i int) bool { return doc.Dates[i].Start >= from }); i < before; i++ {
			d := doc.Dates[i].Span
			if m.Contains(d) {
				continue
			}
			if !isBaseline(doc, d) || !relativeDate(doc.Text[d.Start:d.End]) {
				return true
			}
		}
		return false
	}
	any := func(newsfacts.Date) bool { return true }
	if i, ok := nearest(l.clauseStart(m.Start), any); ok {
		return newsfacts.Some(int32(i)), RuleDateClause
	}
	// In the sentence: a governing period, or any date that opens the
	// sentence ("3月29日，全市新增…12例").
	opens := func(d newsfacts.Date) bool { return d.Frame || opensSentence(doc, d.Span) }
	if i, ok := nearest(sentenceStart(doc, m.Start), opens); ok {
		return newsfacts.Some(int32(i)), RuleDateSentence
	}
	// A date that opens an earlier sentence of the paragraph governs the
	// sentences after it.
	para := l.paras.last(m.Start)
	if i, ok := nearestIn(para, maxParagraphDates, func(d newsfacts.Date) bool { return d.Frame && opensSentence(doc, d.Span) }); ok {
		return newsfacts.Some(int32(i)), RuleDateParagraph
	}
	// The rules below reach past the figure's sentence: only for a
	// statistic (a change, a share, money, a catalogued indicator), not a
	// duration, a distance or a count of things.
	if !statistic(l.doc.Metrics, m) || nowBefore(doc.Text[sentenceStart(doc, m.Start):m.Start]) {
		// NOTE: a figure of the present (目前，…办结率达95%) is of no
		// period stated before it.
		return newsfacts.Opt[int32]{}, ""
	}
	// A statistical period earlier in the paragraph (全年全市地区生产总值
	// …。其中，第一产业增加值…) governs the sentences after it. A stock
	// (常住人口, 城镇化率, 余额) is counted at a point: the year's end
	// before it (年末全国人口…。全年出生人口…。常住人口城镇化率为…) wins
	// over a period.
	isStock := stock(doc.Metrics, m)
	if isStock {
		if i, ok := nearestIn(para, maxParagraphDates, func(d newsfacts.Date) bool { return statPoint(doc, d) }); ok {
			return newsfacts.Some(int32(i)), RuleDateParagraphPeriod
		}
	}
	if i, ok := nearestIn(para, maxParagraphDates, func(d newsfacts.Date) bool { return statPeriod(d) || statPoint(doc, d) }); ok {
		return newsfacts.Some(int32(i)), RuleDateParagraphPeriod
	}
	// A paragraph that states no date before the figure continues the
	// period of the paragraph before it (一季度，国内生产总值…。\n分产业看，
	// 第一产业增加值…): its last statistical period.
	// NOTE: a relative baseline (增幅比上年全年提高…) states no period of its
	// own.
	if para > 0 && !statesDate(para) {
		if isStock {
			pointBefore := func(d newsfacts.Date) bool { return d.End <= para && statPoint(doc, d) }
			if i, ok := nearestIn(l.paras.last(para-1), maxParagraphDates, pointBefore); ok {
				return newsfacts.Some(int32(i)), RuleDatePreviousParagraph
			}
		}
		endsBefore := func(d newsfacts.Date) bool { return d.End <= para && statPeriod(d) }
		if i, ok := nearestIn(l.paras.last(para-1), maxParagraphDates, endsBefore); ok {
			return newsfacts.Some(int32(i)), RuleDatePreviousParagraph
		}
	}
	return newsfacts.Opt[int32]{}, ""
}

// opensSentence reports whether d stands at the start of its sentence
// (after optional spaces), followed by a clause break: "今年以来，…".
func opensSentence(doc *newsfacts.Doc, d newsfacts.Span) bool {
	start := sentenceStart(doc, d.Start)
	if strings.TrimSpace(doc.Text[start:d.Start]) != "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(doc.Text[d.End:])
	return r == '，' || r == ','
}

// statistic reports whether the metric at span m is a statistic that a
// period stated sentences before can govern.
func statistic(ms []newsfacts.Metric, m newsfacts.Span) bool {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= m.Start })
	if i == len(ms) || ms[i].Span != m {
		return false
	}
	x := &ms[i]
	switch x.Unit {
	case "年", "个月", "月", "周", "天", "日", "小时", "分钟", "秒", "工作日":
		return false // a duration: 十余年, 3个工作日
	}
	switch {
	case x.Indicator != "" || x.Baseline != "":
		return true
	case x.Kind == newsfacts.KindChange || x.Kind == newsfacts.KindPercent || x.Kind == newsfacts.KindMoney:
		return true
	}
	return false
}

// stock reports whether the metric at span m counts a stock, which is
// counted at a point in time: a population (not births or deaths), an
// urbanisation rate, a balance, or a change since the end of last year.
func stock(ms []newsfacts.Metric, m newsfacts.Span) bool {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= m.Start })
	if i == len(ms) || ms[i].Span != m {
		return false
	}
	x := &ms[i]
	s := x.Subject
	switch {
	case x.Baseline == "prev_year_end":
		return true
	case strings.HasSuffix(s, "城镇化率"), strings.HasSuffix(s, "余额"):
		return true
	case strings.Contains(s, "人口") && !strings.HasSuffix(s, "率"):
		for _, w := range [...]string{"出生", "死亡", "流动", "迁", "新增", "转移"} {
			if strings.Contains(s, w) {
				return false
			}
		}
		return true
	}
	return false
}

// inTransition reports whether the date d lies inside a transition's span
// (由上半年的增长1.2%转为下降0.8%): the period turned from is no date of
// the figures after it.
func inTransition(ms []newsfacts.Metric, d newsfacts.Span) bool {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start > d.Start })
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if x := &ms[k]; x.From.OK && x.Span.Contains(d) {
			return true
		}
	}
	return false
}

// nowBefore reports whether head, the words of a sentence before a figure,
// say that the figure is of the present (目前, 如今, 截至目前).
func nowBefore(head string) bool {
	for _, w := range [...]string{"目前", "如今", "现在", "当前", "眼下", "至今"} {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

// titleNames reports whether a document title names the place name: in
// full or without its level (湖南省2023年…统计公报, 上半年四川经济运行情况),
// and 中国 as 全国 or 中华人民共和国. A report whose title names it is about
// that place throughout.
func titleNames(title, name string) bool {
	if title == "" || name == "" {
		return false
	}
	if name == "中国" {
		return strings.Contains(title, "全国") || strings.Contains(title, "中华人民共和国") || strings.Contains(title, "中国") || strings.Contains(title, "我国")
	}
	if strings.Contains(title, name) {
		return true
	}
	for _, level := range [...]string{"省", "市", "县", "区"} {
		if short, ok := strings.CutSuffix(name, level); ok && utf8.RuneCountInString(short) >= 2 && strings.Contains(title, short) {
			return true
		}
	}
	return false
}

// relativeDate reports whether the date text w names a period relative to
// the one reported: 上年, 上年全年, 去年同期, 上月, 前三季度 of no year.
func relativeDate(w string) bool {
	return strings.HasPrefix(w, "上") || strings.HasPrefix(w, "去")
}

// statPeriod reports whether d is a period that statistics are reported
// for: a year, half, quarter or a range of months.
func statPeriod(d newsfacts.Date) bool {
	switch d.Granularity {
	case newsfacts.GrainYear, newsfacts.GrainHalf, newsfacts.GrainQuarter:
		return true
	case newsfacts.GrainSpan:
		// A cumulative period of one year (1—9月, 前三季度), not a span
		// up to the report (今年以来, 20年来).
		if !d.From.OK || !d.To.OK {
			return false
		}
		fy, fm, fd := d.From.V.Date()
		ty, _, _ := d.To.V.Date()
		return fy == ty && fm == 1 && fd == 1 && d.To.V.AddDays(1).Time().Day() == 1 && d.To.V-d.From.V >= 27
	}
	return false
}

// statPoint reports whether d is a day that stocks are reported at: the end
// of a year or month named as such that opens its sentence (年末全省常住人口
// …; 9月末，…; 截至6月末，…), not any day (计划于2023年底竣工).
func statPoint(doc *newsfacts.Doc, d newsfacts.Date) bool {
	if d.Granularity != newsfacts.GrainDay || !d.From.OK || d.From.V.AddDays(1).Time().Day() != 1 {
		return false
	}
	w := doc.Text[d.Start:d.End]
	if !strings.HasSuffix(w, "末") && !strings.HasSuffix(w, "底") {
		return false
	}
	head := strings.TrimSpace(doc.Text[sentenceStart(doc, d.Start):d.Start])
	if head != "" && head != "截至" && head != "截止" {
		return false
	}
	// NOTE: then a comma or the scope of the statistics: 今年底将开通…
	// and 去年年底启动的… are events.
	rest := doc.Text[d.End:]
	for _, w := range [...]string{"，", ",", "全国", "全省", "全市", "全县", "全区", "我国", "我省", "我市", "本市", "本县"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// entitiesBefore returns the number of entities that start before off:
// entities are sorted by Start.
func entitiesBefore(doc *newsfacts.Doc, off int) int {
	return sort.Search(len(doc.Entities), func(i int) bool { return doc.Entities[i].Start >= off })
}

// nearestEntity returns the entity of type t that ends last before m (the
// leftmost of those that end together) among those that start at or after
// from.
func nearestEntity(doc *newsfacts.Doc, m newsfacts.Span, t newsfacts.EntityType, from int) (int, bool) {
	best, found := 0, false
	for i := entitiesBefore(doc, m.Start) - 1; i >= 0; i-- {
		e := doc.Entities[i]
		if e.Start < from {
			break
		}
		if e.Type != t || e.End > m.Start {
			continue
		}
		if !found || e.End > doc.Entities[best].End || (e.End == doc.Entities[best].End && e.Start < doc.Entities[best].Start) {
			best, found = i, true
		}
	}
	return best, found
}

// nearestPlace is nearestEntity for places, passing over a place that a
// figure is compared with or ranked in (增速高于全国0.5个百分点, 居全省第2位):
// the figures after it are not about it.
func nearestPlace(doc *newsfacts.Doc, m newsfacts.Span, from int) (int, bool) {
	for end := m.Start; ; {
		i, ok := nearestEntity(doc, newsfacts.Span{Start: end, End: m.End}, newsfacts.PLACE, from)
		if !ok {
			return 0, false
		}
		e := doc.Entities[i].Span
		if !comparedPlace(doc, e) && !partnerPlace(doc, e, m) {
			return i, true
		}
		end = e.Start
	}
}

// listPlace returns the place that answers the figure m in a list of places
// before 分别 in its sentence (越城区、柯桥区、上虞区地区生产总值分别增长6.3%、
// 6.1%、5.8% → the second figure is 柯桥区's): the k-th figure after 分别 in
// its clause takes the k-th place of the list, when they are as many.
func listPlace(l *layout, m newsfacts.Span, sent int) (int, bool) {
	doc := l.doc
	// The last 分别 that ends before the figure, if it is in its sentence.
	k := sort.Search(len(l.fenbie), func(i int) bool { return l.fenbie[i]+len("分别") > m.Start })
	if k == 0 || l.fenbie[k-1] < sent {
		return 0, false
	}
	at := l.fenbie[k-1]
	// The figures of the group: after 分别, up to the end of its clause.
	end := len(doc.Text)
	if j := strings.IndexAny(doc.Text[at:], "，,；;。！？\n"); j >= 0 {
		end = at + j
	}
	n, k := 0, -1
	for _, x := range doc.Metrics {
		if x.Start >= at && x.Start < end {
			if x.Start == m.Start {
				k = n
			}
			n++
		}
	}
	if k < 0 || n < 2 {
		return 0, false
	}
	// The last run of places before 分别 joined by 、, 和, 及 or 与.
	var run []int
	for j := range doc.Entities {
		e := doc.Entities[j]
		if e.Start < sent || e.End > at || e.Type != newsfacts.PLACE {
			continue
		}
		if len(run) > 0 {
			// A place inside the one before (杭州 in the facility
			// 杭州植物园) is no item of the list.
			if e.Start < doc.Entities[run[len(run)-1]].End {
				continue
			}
			switch doc.Text[doc.Entities[run[len(run)-1]].End:e.Start] {
			case "、", "和", "及", "与":
			default:
				run = run[:0]
			}
		}
		run = append(run, j)
	}
	if len(run) != n {
		return 0, false
	}
	return run[k], true
}

// comparedWords stand before a place that a figure is compared with or
// ranked in.
var comparedWords = []string{"高于", "低于", "快于", "慢于", "好于", "优于", "比", "较", "居", "位居", "位列", "列", "排", "排名", "占", "超过", "领先"}

// partnerPlace reports whether the place at p is the partner of a trade or
// investment figure at m (其中对越南进出口1590.7亿元, 中国对英国投资…增长85%):
// the partner is no place of the figure. NOTE: only for trade and
// investment: the place after 对 is otherwise often the figure's own
// (对全省21个市州的督察…发现问题9000个).
func partnerPlace(doc *newsfacts.Doc, p, m newsfacts.Span) bool {
	before := strings.TrimRight(doc.Text[:p.Start], " \u3000")
	if !strings.HasSuffix(before, "对") && !strings.HasSuffix(before, "向") {
		return false
	}
	between := doc.Text[p.End:m.Start]
	if utf8.RuneCountInString(between) > 12 {
		return false
	}
	for _, w := range [...]string{"进出口", "出口", "进口", "投资", "贸易"} {
		if strings.Contains(between, w) {
			return true
		}
	}
	return false
}

// comparedPlace reports whether the place at p is one a figure is compared
// with or ranked in.
func comparedPlace(doc *newsfacts.Doc, p newsfacts.Span) bool {
	before := strings.TrimRight(doc.Text[:p.Start], " \u3000")
	for _, w := range comparedWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// anaphors refer back to a place of the level given by their last rune.
// Each is one of anaphorHeads and then one of anaphorLevels, in that order
// (see anaphorsIn).
var anaphors = []string{"该区", "该市", "该县", "该省", "该镇", "全区", "全市", "全县", "全省", "全镇", "本区", "本市", "本县", "本省", "本镇"}

// anaphorHeads and anaphorLevels are the first and last runes of the
// anaphors: anaphors[h*len(anaphorLevels)+l] is anaphorHeads[h] followed by
// anaphorLevels[l].
var (
	anaphorHeads  = [...]string{"该", "全", "本"}
	anaphorLevels = [...]string{"区", "市", "县", "省", "镇"}
)

// anaphorsIn returns the set of the anaphors that occur in the text
// between from and to: bit k for anaphors[k].
//
// NOTE: one pass over s, not a strings.Contains per anaphor: the fifteen
// searches of the sentence before every figure were a quarter of the link
// stage (the lead bytes of Chinese text are few, which makes each search
// slow).
func (l *layout) anaphorsIn(from, to int) uint32 {
	var set uint32
	k := sort.Search(len(l.anaphors), func(i int) bool { return l.anaphors[i].at >= from })
	for ; k < len(l.anaphors) && l.anaphors[k].at+6 <= to; k++ {
		set |= l.anaphors[k].bit
	}
	return set
}

// anaphorAt returns the set of the anaphors that start at s[i] (one or
// none): bit k for anaphors[k].
func anaphorAt(s string, i int) uint32 {
	if i+6 > len(s) {
		return 0
	}
	var set uint32
	for h, head := range anaphorHeads {
		if s[i:i+3] != head {
			continue
		}
		for l, level := range anaphorLevels {
			if s[i+3:i+6] == level {
				set |= 1 << (h*len(anaphorLevels) + l)
			}
		}
	}
	return set
}

func linkPlace(l *layout, m newsfacts.Span) (newsfacts.Opt[int32], string) {
	doc := l.doc
	sent := sentenceStart(doc, m.Start)
	if i, ok := listPlace(l, m, sent); ok {
		return newsfacts.Some(int32(i)), RulePlaceList
	}
	if i, ok := nearestPlace(doc, m, sent); ok {
		return newsfacts.Some(int32(i)), RulePlaceSentence
	}
	found := l.anaphorsIn(sent, m.Start)
	for k, a := range anaphors {
		if found&(1<<k) == 0 {
			continue
		}
		level := a[len(a)-len("区"):]
		for i := entitiesBefore(doc, sent) - 1; i >= 0; i-- {
			e := doc.Entities[i]
			if e.Type == newsfacts.PLACE && e.End <= sent && strings.HasSuffix(e.Name, level) {
				return newsfacts.Some(int32(i)), RulePlaceAnaphor
			}
		}
	}
	// The rules below reach past the figure's sentence: only for a
	// statistic, as for periods.
	stat := statistic(doc.Metrics, m)
	if i, ok := paragraphPlace(l, sent, stat); stat && ok {
		return newsfacts.Some(int32(i)), RulePlaceParagraph
	}
	// A scope word earlier in the document (全市, 全县, 全国) sets the place
	// of the figures after it that name none: a report says 全市 once.
	for i := entitiesBefore(doc, sent) - 1; i >= 0; i-- {
		if e := doc.Entities[i]; e.Type == newsfacts.PLACE && e.Rule == scopeMethod && !comparedPlace(doc, e.Span) {
			return newsfacts.Some(int32(i)), RulePlaceScope
		}
	}
	if i, ok := laterScope(l, m); stat && ok {
		return newsfacts.Some(int32(i)), RulePlaceScopeAfter
	}
	return newsfacts.Opt[int32]{}, ""
}

// paragraphPlace returns the place that opens an earlier sentence of the
// paragraph of the statistic m (前三季度，滨海新区地区生产总值增长4.9%。规模以上
// 工业增加值增长5.7%…): the subject of a paragraph is the subject of the
// sentences after it, as its period is. sent is the start of m's sentence;
// stat tells whether m is a statistic (no search otherwise). The last place
// of the paragraph before the sentence must be that one; a scope word not
// compared with stops the search (the scope rule follows).
func paragraphPlace(l *layout, sent int, stat bool) (int, bool) {
	if !stat {
		return 0, false
	}
	doc := l.doc
	para := l.paras.last(sent)
	for i := entitiesBefore(doc, sent) - 1; i >= 0; i-- {
		e := doc.Entities[i]
		if e.Start < para {
			break
		}
		if e.Type != newsfacts.PLACE || e.End > sent {
			continue
		}
		if e.Rule == scopeMethod {
			if comparedPlace(doc, e.Span) {
				continue
			}
			return 0, false
		}
		return i, opensAsSubject(doc, e.Span)
	}
	return 0, false
}

// opensAsSubject reports whether the place p opens its sentence, alone or
// after a short time phrase and a comma (3月份，银川市居民消费价格…).
func opensAsSubject(doc *newsfacts.Doc, p newsfacts.Span) bool {
	start := sentenceStart(doc, p.Start)
	head := strings.TrimSpace(doc.Text[start:p.Start])
	if head == "" {
		return true
	}
	time, ok := strings.CutSuffix(head, "，")
	return ok && time != "" && !strings.ContainsAny(time, "，。；") && utf8.RuneCountInString(time) <= 8 && hasDateIn(doc, start, p.Start)
}

// hasDateIn reports whether a date lies in text[from:to].
func hasDateIn(doc *newsfacts.Doc, from, to int) bool {
	i := sort.Search(len(doc.Dates), func(i int) bool { return doc.Dates[i].Start >= from })
	return i < len(doc.Dates) && doc.Dates[i].Start < to
}

// laterScope returns the scope word that sets the place of the statistic m
// from after it: a report that says 全国 first after its opening figures
// (全年国内生产总值…。\n年末全国人口…) is about that place from its start.
// NOTE: news items run together in one story, so the scope word must be
// the first place after the figure, in its paragraph or the next (or any
// later one when the title names its place), and the figure's paragraph
// must name no place before it: a story of 义乌's fair is not about the 全国
// of the next item.
func laterScope(l *layout, m newsfacts.Span) (int, bool) {
	doc := l.doc
	for i := entitiesBefore(doc, l.paras.last(m.Start)); i < len(doc.Entities) && doc.Entities[i].Start < m.Start; i++ {
		if e := doc.Entities[i]; e.Type == newsfacts.PLACE && e.Rule != scopeMethod {
			return 0, false
		}
	}
	// limit is the end of the paragraph after the figure's: the line break
	// before the second paragraph mark after the figure.
	limit := len(doc.Text)
	if p := l.paras.nth(m.End, 2); p > 0 {
		limit = p - 1
	}
	for i := entitiesBefore(doc, m.End); i < len(doc.Entities); i++ {
		e := doc.Entities[i]
		if e.Type != newsfacts.PLACE {
			continue
		}
		if e.Start > limit && !titleNames(doc.Title, e.Name) {
			return 0, false
		}
		switch {
		case e.Rule != scopeMethod:
			return 0, false
		case !comparedPlace(doc, e.Span):
			return i, true
		}
	}
	return 0, false
}

// scopeMethod is the method of a place read from a scope word (全市 → the
// article's city), set by the entity stage.
const scopeMethod = "scope"

func linkOrg(l *layout, m newsfacts.Span) (newsfacts.Opt[int32], string) {
	doc := l.doc
	if i, ok := nearestEntity(doc, m, newsfacts.ORG, l.clauseStart(m.Start)); ok {
		return newsfacts.Some(int32(i)), RuleOrgClause
	}
	if i, ok := nearestEntity(doc, m, newsfacts.ORG, sentenceStart(doc, m.Start)); ok {
		return newsfacts.Some(int32(i)), RuleOrgSentence
	}
	return newsfacts.Opt[int32]{}, ""
}
