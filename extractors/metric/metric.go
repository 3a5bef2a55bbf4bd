// Package metric extracts the figures of Chinese news text: counts,
// measures, money, percentages, changes and ranks, each resolved to a value,
// a unit, a qualifier, a direction and a subject, and written to the
// metrics table.
//
// Extraction runs in two steps that can be called and tested separately.
// Find scans the text for numerals (numeral.Scan) and reads the words around
// each: the qualifier, change and baseline words before it, the unit and
// qualifier after it, and the subject. It rejects what is no figure: dates
// and times, identifiers and names, list markers, the numeral characters of
// ordinary words. Resolve turns each Candidate into a newsfacts.Metric
// through the rule whose pattern it matches (see Rules), and names the
// indicator its subject stands for (package indicator). The word lists
// live in data/ and are embedded in the binary.
//
// The files follow the steps of a figure:
//
//	view.go     the text the scanner reads: spaces and footnote marks skipped
//	scan.go     the scan for numerals, figures, ranks, 翻N番 and 一半
//	guards.go   why a numeral is no figure: identifiers, list markers, years, names
//	words.go    the words before a figure: qualifiers, change verbs, baselines
//	units.go    the unit, magnitude and qualifier after a figure
//	join.go     neighbouring figures joined: transitions, ranges, 分别A和B
//	subject.go  the subject rules (SubjectRules)
//	facts.go    figure to fact: completed subjects, 分别 groups, targets, scope
//	rules.go    the figure rules (Rules) and values; resolve.go applies them
//
// docs/metrics.md documents the conventions with examples.
package metric

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/indicator"
)

// Extractor is the metric extractor. It is safe for concurrent use.
type Extractor struct {
	lx  *lexicon
	cat *indicator.Catalogue
}

var _ extractors.Extractor = (*Extractor)(nil)

// Options configures an Extractor.
type Options struct {
	// Indicators is the path of a user indicator catalogue that adds to or
	// overrides the embedded one, or "".
	Indicators string
}

// New returns an Extractor with the embedded word lists and indicator
// catalogue.
func New() (*Extractor, error) { return NewWith(Options{}) }

// NewWith returns an Extractor configured by o.
func NewWith(o Options) (*Extractor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("metric: %w", err)
	}
	cat, err := indicator.Default()
	if err != nil {
		return nil, fmt.Errorf("metric: %w", err)
	}
	if o.Indicators != "" {
		f, err := os.Open(o.Indicators)
		if err != nil {
			return nil, fmt.Errorf("indicators: %w", err)
		}
		defer f.Close()
		user, err := indicator.Load(f, o.Indicators)
		if err != nil {
			return nil, err
		}
		cat = cat.With(user)
	}
	return &Extractor{lx: lx, cat: cat}, nil
}

// Catalogue returns the indicator catalogue the extractor matches subjects
// against.
func (x *Extractor) Catalogue() *indicator.Catalogue { return x.cat }

// Name returns "metric".
func (x *Extractor) Name() string { return "metric" }

// Requires returns the dates and entities layers: a figure inside a date or
// a name is dropped, and names shape subjects (湖南3200万亩早稻 → 早稻).
// Extract also runs on a Doc without them (as the tests of this package
// do), with those checks skipped.
func (x *Extractor) Requires() []extractors.Layer {
	return []extractors.Layer{extractors.Dates, extractors.Entities}
}

// Provides returns the metrics layer.
func (x *Extractor) Provides() []extractors.Layer {
	return []extractors.Layer{extractors.Metrics}
}

// Extract appends the figures of doc.Text to doc.Metrics, sorted by Start
// and without overlaps. When earlier stages found dates or entities, a
// figure that overlaps a date or lies inside an organisation or place name
// (三一重工, 第一师) is dropped; a figure whose leading words only (同比增长)
// overlap a date is trimmed to start after it. OrgID, PlaceID and DateID are
// left for the link stage.
func (x *Extractor) Extract(doc *newsfacts.Doc) error {
	buf := candPool.Get().(*[]Candidate)
	defer func() {
		clear(*buf) // drop references to the text before pooling
		candPool.Put(buf)
	}()
	cands := x.find(doc.Text, doc.Entities, (*buf)[:0])
	*buf = cands
	if len(cands) == 0 {
		return nil
	}
	doc.Metrics = slices.Grow(doc.Metrics, len(cands))
	sorted := len(doc.Metrics) == 0 // appending to an empty layer keeps it sorted
	di := 0
	for k := range cands {
		c := &cands[k]
		m, ok := x.resolve(c)
		if !ok {
			continue
		}
		if m.Baseline == "" {
			m.Baseline = datedBaseline(doc, c.Baseline, m)
		}
		if m.Baseline == "mom" && c.Baseline == "环比" && aboutQuarter(doc, m) {
			m.Baseline = "qoq" // 三季度国内生产总值环比增长1.1%: against the quarter before
		}
		if m.Target && strings.HasPrefix(c.goal, "预计") && periodOver(doc, m) {
			m.Target = false // 2024年…预计增长5.1% in a report of 2025: an estimate of a result
		}
		// The core is the numeral and what follows it; the words before it
		// (同比增长, or the start of a transition) may give way to a date.
		core := newsfacts.Span{Start: c.NumStart, End: max(c.NumEnd, c.NumStart+1)}
		// Dates are sorted by Start: skip those that end before this figure.
		for di < len(doc.Dates) && doc.Dates[di].End <= m.Start {
			di++
		}
		drop := false
		for k := di; k < len(doc.Dates) && doc.Dates[k].Start < m.End; k++ {
			d := doc.Dates[k].Span
			if d.Overlaps(newsfacts.Span{Start: core.Start, End: m.End}) {
				drop = true
				break
			}
			// Only words before the numeral overlap: start after the date,
			// unless the date is the start's of a transition (由8月份的增长
			// 0.4%转为下降12.6%): it stays inside, so that the link stage
			// passes over it.
			if !m.From.OK || c.From == nil || d.Start >= c.From.NumStart {
				m.Start = max(m.Start, d.End)
			}
		}
		if drop {
			continue
		}
		if insideEntity(doc.Entities, core) {
			continue
		}
		doc.Metrics = append(doc.Metrics, m)
	}
	if sorted && len(doc.Metrics) > 0 {
		return nil
	}
	slices.SortStableFunc(doc.Metrics, func(a, b newsfacts.Metric) int { return cmp.Compare(a.Start, b.Start) })
	return nil
}

// candPool recycles the candidate buffers of Extract.
var candPool = sync.Pool{New: func() any { return new([]Candidate) }}

// insideEntity reports whether core lies inside an organisation or place
// name. Entities are sorted by Start; they seldom nest, so a few before the
// first one that starts after core are enough to look at.
func insideEntity(ents []newsfacts.Entity, core newsfacts.Span) bool {
	k, _ := slices.BinarySearchFunc(ents, core.Start+1, func(e newsfacts.Entity, off int) int { return cmp.Compare(e.Start, off) })
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		e := ents[j]
		if (e.Type == newsfacts.ORG || e.Type == newsfacts.PLACE) && e.Span.Contains(core) {
			return true
		}
	}
	return false
}

// datedBaseline returns the baseline of a comparison with a named year
// (比2024年 in a sentence about 2025 → prev_year; 较2019年同期 in one about
// 2024 → none) or of a transition from a period before (由上年的2.10缩小为
// 2.04 → prev_year), or "". raw is the figure's baseline words.
//
// NOTE: the year the figure is about is the last date before it in its
// paragraph that lies within one year other than the compared one; with
// none, the comparison is left without a baseline rather than guessed.
func datedBaseline(doc *newsfacts.Doc, raw string, m newsfacts.Metric) string {
	if m.From.OK && raw == "" {
		before := strings.TrimRight(doc.Text[:m.Start], " \u3000")
		for _, b := range fromBaselines {
			if strings.HasSuffix(before, b.words) {
				return b.baseline
			}
		}
		return ""
	}
	if raw == "" || yearBaseline(raw) != len(raw) {
		return ""
	}
	i := strings.IndexFunc(raw, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 || i+4 > len(raw) {
		return ""
	}
	y, err := strconv.Atoi(raw[i : i+4])
	if err != nil {
		return ""
	}
	para := strings.LastIndexByte(doc.Text[:m.Start], '\n') + 1
	k, _ := slices.BinarySearchFunc(doc.Dates, m.Start, func(d newsfacts.Date, off int) int { return cmp.Compare(d.Start, off) })
	for k--; k >= 0 && doc.Dates[k].Start >= para; k-- {
		d := doc.Dates[k]
		if d.End > m.Start || !d.From.OK || !d.To.OK {
			continue
		}
		y0, _, _ := d.From.V.Date()
		if y1, _, _ := d.To.V.Date(); y1 != y0 || y0 == y {
			continue
		}
		if y0 != y+1 {
			return ""
		}
		switch {
		case strings.HasSuffix(raw, "同期"):
			return "yoy"
		case strings.HasSuffix(raw, "末"), strings.HasSuffix(raw, "底"):
			return "prev_year_end"
		}
		return "prev_year"
	}
	return ""
}

// aboutQuarter reports whether the last date before m in its sentence is a
// calendar quarter (三季度, 2025年第一季度): 环比 then compares with the
// quarter before, not the month.
func aboutQuarter(doc *newsfacts.Doc, m newsfacts.Metric) bool {
	sent := strings.LastIndexAny(doc.Text[:m.Start], "。！？\n") + 1
	k, _ := slices.BinarySearchFunc(doc.Dates, m.Start, func(d newsfacts.Date, off int) int { return cmp.Compare(d.Start, off) })
	for k--; k >= 0 && doc.Dates[k].Start >= sent; k-- {
		d := doc.Dates[k]
		if d.End > m.Start {
			continue
		}
		if !d.From.OK || !d.To.OK {
			return false
		}
		y0, m0, d0 := d.From.V.Date()
		y1, m1, _ := d.To.V.Date()
		return y0 == y1 && d0 == 1 && (m0-1)%3 == 0 && m1 == m0+2 && d.To.V == newsfacts.DayOf(y1, m1+1, 1)-1
	}
	return false
}

// fromBaselines are the words between 由 and the first number of a
// transition that name a period before (由上年的2.10缩小为2.04), with the
// baseline they give. Longer words first.
var fromBaselines = [...]struct{ words, baseline string }{
	{"由上年同期的", "yoy"}, {"由去年同期的", "yoy"},
	{"由上年末的", "prev_year_end"}, {"由去年末的", "prev_year_end"}, {"由上年底的", "prev_year_end"}, {"由去年底的", "prev_year_end"},
	{"由上年的", "prev_year"}, {"由去年的", "prev_year"}, {"由上年", "prev_year"}, {"由去年", "prev_year"},
	{"由上月的", "mom"}, {"由上季度的", "qoq"},
}

// periodOver reports whether a date of the sentence before m ends before the
// article's date: an expected figure (预计) of a period already over is an
// estimate of a result, not a target.
func periodOver(doc *newsfacts.Doc, m newsfacts.Metric) bool {
	if !doc.Date.OK {
		return false
	}
	sent := strings.LastIndexAny(doc.Text[:m.Start], "。！？!?\n") + 1
	// NOTE: the date nearest before the figure in its sentence: 去年…，预计
	// 今年将继续下降3.9% is about this year.
	last := -1
	for k, d := range doc.Dates {
		if d.Start >= m.Start {
			break
		}
		if d.Start >= sent {
			last = k
		}
	}
	if last < 0 {
		return false
	}
	d := doc.Dates[last]
	return d.To.OK && d.To.V < doc.Date.V
}
