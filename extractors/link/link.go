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
// not a day or 近日, see date.Governs) or date that opens the sentence
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
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/date"
)

// Linker is the link stage.
type Linker struct {
	// Governs reports whether a date is a period that can govern the
	// figures of its sentence and paragraph; nil means every date can.
	Governs func(newsfacts.Date) bool
}

var _ extractors.Extractor = Linker{}

// New returns a Linker that judges dates with date.Governs, the rule set of
// the date extractor.
func New() Linker { return Linker{Governs: date.Governs} }

// Name returns "link".
func (Linker) Name() string { return "link" }

// Requires returns the dates, entities and metrics layers.
func (Linker) Requires() []extractors.Layer {
	return []extractors.Layer{extractors.Dates, extractors.Entities, extractors.Metrics}
}

// Provides returns the links layer.
func (Linker) Provides() []extractors.Layer { return []extractors.Layer{extractors.Links} }

// Extract sets DateID, PlaceID and OrgID of every metric of doc.
func (l Linker) Extract(doc *newsfacts.Doc) error {
	governs := l.Governs
	if governs == nil {
		governs = func(newsfacts.Date) bool { return true }
	}
	for i := range doc.Metrics {
		m := &doc.Metrics[i]
		m.DateID = linkDate(doc, m.Span, governs)
		m.PlaceID = linkPlace(doc, m.Span)
		m.OrgID = linkOrg(doc, m.Span)
	}
	return nil
}

// clauseStart returns the start of the clause holding off: just after the
// last clause or sentence boundary before off.
func clauseStart(doc *newsfacts.Doc, off int) int {
	lo := sentenceStart(doc, off)
	for i := off; i > lo; {
		r, n := utf8.DecodeLastRuneInString(doc.Text[:i])
		switch r {
		case '，', ',', '；', ';', '：', ':':
			return i
		}
		i -= n
	}
	return lo
}

func sentenceStart(doc *newsfacts.Doc, off int) int {
	if s := doc.SentenceOf(off); s >= 0 {
		return doc.Sentences[s].Start
	}
	return 0
}

// paragraphStart returns the offset just after the last line break before
// off.
func paragraphStart(doc *newsfacts.Doc, off int) int {
	return strings.LastIndexByte(doc.Text[:off], '\n') + 1
}

// baselinePrefixes mark a date as the comparison base of a change rather
// than the period the metric is about.
var baselinePrefixes = []string{"比", "较", "与", "同", "相比", "对比", "相较"}

func isBaseline(doc *newsfacts.Doc, d newsfacts.Span) bool {
	before := doc.Text[:d.Start]
	for _, p := range baselinePrefixes {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

func linkDate(doc *newsfacts.Doc, m newsfacts.Span, governs func(newsfacts.Date) bool) newsfacts.Opt[int32] {
	usable := func(i int) bool {
		d := doc.Dates[i].Span
		return !m.Contains(d) && !isBaseline(doc, d)
	}
	// Nearest usable date before the metric, within [from, m.Start), that
	// passes ok.
	nearest := func(from int, ok func(newsfacts.Date) bool) (int, bool) {
		for i := len(doc.Dates) - 1; i >= 0; i-- {
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
	any := func(newsfacts.Date) bool { return true }
	if i, ok := nearest(clauseStart(doc, m.Start), any); ok {
		return newsfacts.Some(int32(i))
	}
	// In the sentence: a governing period, or any date that opens the
	// sentence ("3月29日，全市新增…12例").
	opens := func(d newsfacts.Date) bool { return governs(d) || opensSentence(doc, d.Span) }
	if i, ok := nearest(sentenceStart(doc, m.Start), opens); ok {
		return newsfacts.Some(int32(i))
	}
	// A date that opens an earlier sentence of the paragraph governs the
	// sentences after it.
	para := paragraphStart(doc, m.Start)
	for i := len(doc.Dates) - 1; i >= 0; i-- {
		d := doc.Dates[i].Span
		if d.End > m.Start {
			continue
		}
		if d.Start < para {
			break
		}
		if usable(i) && governs(doc.Dates[i]) && opensSentence(doc, d) {
			return newsfacts.Some(int32(i))
		}
	}
	return newsfacts.Opt[int32]{}
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

// nearestEntity returns the last entity of type t that ends before m and
// starts at or after from.
func nearestEntity(doc *newsfacts.Doc, m newsfacts.Span, t newsfacts.EntityType, from int) (int, bool) {
	best, found := 0, false
	for i, e := range doc.Entities {
		if e.Start >= m.Start {
			break // entities are sorted by Start
		}
		if e.Type != t || e.End > m.Start || e.Start < from {
			continue
		}
		if !found || e.End > doc.Entities[best].End || (e.End == doc.Entities[best].End && e.Start < doc.Entities[best].Start) {
			best, found = i, true
		}
	}
	return best, found
}

// anaphors refer back to a place of the level given by their last rune.
var anaphors = []string{"该区", "该市", "该县", "该省", "该镇", "全区", "全市", "全县", "全省", "全镇", "本区", "本市", "本县", "本省", "本镇"}

func linkPlace(doc *newsfacts.Doc, m newsfacts.Span) newsfacts.Opt[int32] {
	sent := sentenceStart(doc, m.Start)
	if i, ok := nearestEntity(doc, m, newsfacts.PLACE, sent); ok {
		return newsfacts.Some(int32(i))
	}
	before := doc.Text[sent:m.Start]
	for _, a := range anaphors {
		if !strings.Contains(before, a) {
			continue
		}
		level := a[len(a)-len("区"):]
		for i := len(doc.Entities) - 1; i >= 0; i-- {
			e := doc.Entities[i]
			if e.Type == newsfacts.PLACE && e.End <= sent && strings.HasSuffix(e.Name, level) {
				return newsfacts.Some(int32(i))
			}
		}
	}
	return newsfacts.Opt[int32]{}
}

func linkOrg(doc *newsfacts.Doc, m newsfacts.Span) newsfacts.Opt[int32] {
	if i, ok := nearestEntity(doc, m, newsfacts.ORG, clauseStart(doc, m.Start)); ok {
		return newsfacts.Some(int32(i))
	}
	if i, ok := nearestEntity(doc, m, newsfacts.ORG, sentenceStart(doc, m.Start)); ok {
		return newsfacts.Some(int32(i))
	}
	return newsfacts.Opt[int32]{}
}
