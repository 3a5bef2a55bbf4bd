package metric

import (
	"github.com/newsfacts/newsfacts"
)

// The rejection rules: why a numeral of the text is no figure. Explain
// reports them; docs/metrics.md lists them with examples, and
// testdata/rejections.txt holds their positive and negative examples.
const (
	RejectCode        = "reject: inside a code"         // A2021, COVID-19, B12
	RejectRun         = "reject: numeral run"           // 一两天, 三五个, 二三十: an approximate range or a word
	RejectWord        = "reject: numeral of a word"     // 一带一路, 统一, 十分, 队伍, 万人空巷
	RejectDigitString = "reject: digit string"          // 二〇二二, 三八: a year or a code
	RejectIdentifier  = "reject: identifier"            // 12345热线, 5G, 3号线, 2022-03-29
	RejectListMarker  = "reject: list marker"           // 一、 1. （一） 一是
	RejectDateRange   = "reject: start of a date range" // 1至11月, 2021-2022年
	RejectUnit        = "reject: no unit fits"          // 3D, 第三方: what follows is no unit
	RejectBare        = "reject: bare number"           // a number with no unit where a count is not meant
	RejectSlogan      = "reject: slogan"                // 一村一品, 一户一策
	RejectArticle     = "reject: indefinite 一"          // 一个平台, 一项工作
	RejectOrdinal     = "reject: ordinal"               // 第3批, 第十四届, 第一时间: 第 with no scope or ranking word
	RejectDate        = "reject: part of a date"        // 2022年, 5月1日 (the date stage found it)
	RejectName        = "reject: inside a name"         // 三一重工, 第一师 (the entity stage found it)
	RejectVague       = "reject: vague amount"          // 十几年, 几十年, 上千名, 数百人: no value to give
	RejectFrame       = "reject: framing duration"      // 连续8年, 用两年时间, 经过一年多, 十年间, 二十年前: a time that frames other figures
	RejectAge         = "reject: age"                   // 平均年龄35岁, 60周岁以上: an age, not a measure (a life expectancy is one)
)

// Rejection is a numeral that gave no figure, and the rule that rejected
// it.
type Rejection struct {
	newsfacts.Span
}

// RejectionRules returns the names of the rejection rules.
func RejectionRules() []string {
	return []string{RejectCode, RejectRun, RejectWord, RejectDigitString, RejectIdentifier, RejectListMarker,
		RejectDateRange, RejectUnit, RejectBare, RejectSlogan, RejectArticle, RejectOrdinal, RejectDate, RejectName,
		RejectVague, RejectFrame, RejectAge}
}

// reject records that the numeral at text[ns:ne] of the view is no figure,
// by rule, when the scanner traces.
func (s *scanner) reject(ns, ne int, rule string) {
	if s.trace != nil {
		*s.trace = append(*s.trace, Rejection{newsfacts.Span{Start: ns, End: ne, Rule: rule}})
	}
}

// Explain returns the numerals of doc that Extract would not turn into
// figures, each with the rule that rejected it, in text order. doc's dates
// and entities are read as Extract reads them; doc is not changed.
func (x *Extractor) Explain(doc *newsfacts.Doc) []Rejection {
	var out []Rejection
	v := newView(doc.Text)
	s := scanner{lx: x.lx, text: v.text, ents: v.entities(doc.Entities, nil), trace: &out}
	s.scan(nil)
	for k := range out {
		r := &out[k]
		r.Start, r.End = v.at(r.Start), v.end(r.End)
		// A numeral of a date or a name is that, whatever else the scan
		// says of it.
		for _, d := range doc.Dates {
			if d.Overlaps(r.Span) {
				r.Rule = RejectDate
				break
			}
		}
		if insideEntity(doc.Entities, r.Span) {
			r.Rule = RejectName
		}
	}
	// Figures that Extract drops after the scan: inside a date or a name.
	cands := x.find(doc.Text, doc.Entities, nil)
	for k := range cands {
		c := &cands[k]
		core := newsfacts.Span{Start: c.NumStart, End: max(c.NumEnd, c.NumStart+1)}
		for _, d := range doc.Dates {
			if d.Overlaps(core) {
				out = append(out, Rejection{newsfacts.Span{Start: c.NumStart, End: c.NumEnd, Rule: RejectDate}})
				break
			}
		}
		if insideEntity(doc.Entities, core) {
			out = append(out, Rejection{newsfacts.Span{Start: c.NumStart, End: c.NumEnd, Rule: RejectName}})
		}
	}
	return out
}
