package metric

import (
	"math"
	"strconv"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
)

// Resolve turns a figure found by Find into a Metric: it folds the value
// (magnitudes, percentages, 成, 倍, 半), maps the qualifier, change and
// baseline words to their values, applies the figure's rule and sets the
// kind. It reports false for a figure that has no value. Resolve reads only
// the Candidate, never the text, so a Candidate built by hand resolves too;
// one with no Rule is given the first rule that fits.
func (x *Extractor) Resolve(c Candidate) (newsfacts.Metric, bool) {
	return x.resolve(&c)
}

// resolve is Resolve on a figure held in a slice, which saves a copy.
func (x *Extractor) resolve(c *Candidate) (newsfacts.Metric, bool) {
	r := ruleByName(c.Rule)
	if r == nil {
		r = ruleFor(c)
	}
	v, unit, scaled := value(c)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return newsfacts.Metric{}, false
	}
	m := newsfacts.Metric{
		Span:    newsfacts.Span{Start: c.Start, End: c.End, Rule: r.Name},
		Subject: c.Subject,
		Target:  c.Planned,

		SubjectRule: c.SubjectRule,
		Value:       v,
		Unit:        unit,
		Baseline:    x.baseline(c.Baseline),
	}
	m.Qualifier = x.qualifier(c)
	m.Direction = x.direction(c.Verb)
	if m.Direction == newsfacts.DirNone {
		m.Direction = c.gap
	}
	if r.produce != nil {
		m = r.produce(c, m)
	}
	if scaled {
		m.Value = clean(m.Value)
	}
	if m.From.OK {
		m.From.V = clean(m.From.V)
	}
	if m.To.OK {
		m.To.V = m.Value
	}
	m.Kind = kindOf(c, &m)
	if m.Subject != "" && x.cat != nil {
		key := m.Subject
		if c.series != "" {
			key = c.series
		}
		m.Indicator, _ = x.cat.Match(key)
		if m.Indicator == "" && c.series == "" && c.Class == ClassMoney && (c.Verb == "增加" || c.Verb == "新增" || strings.HasSuffix(c.Verb, "多增") || strings.HasSuffix(c.Verb, "少增")) {
			// 人民币贷款增加856亿元: the flow of a stock is a series of its
			// own (新增人民币贷款) when the catalogue names it.
			m.Indicator, _ = x.cat.Match(m.Subject + "增加")
		}
		if m.Indicator == "" && c.series == "" && c.Class == ClassTime && !strings.HasSuffix(m.Subject, "时间") {
			// 不动产登记最快1小时办结: a time of a service named by the
			// service alone is that service's time when the catalogue has it
			// (不动产登记时间).
			if ind, ok := x.cat.Find(m.Subject + "时间"); ok && ind.Group == "政务服务" {
				m.Indicator = ind.Name
			}
		}
	}
	return m, true
}

// qualifier maps the qualifier words of a figure to its qualifier. The word
// nearest the unit wins: 以上 or 余 after the numeral, then 余 inside it
// (十余万), then the word before it (超过).
func (x *Extractor) qualifier(c *Candidate) newsfacts.Qualifier {
	if c.Post != "" {
		if q, _, ok := x.lx.postQual.match(c.Post, false); ok && !q.none {
			return q.qual
		}
		if q, _, ok := x.lx.midQual.match(c.Post, false); ok && !q.none {
			return q.qual
		}
	}
	if c.Mid != "" {
		if q, _, ok := x.lx.midQual.match(c.Mid, false); ok && !q.none {
			return q.qual
		}
	}
	if c.Num.Form.Has(numeral.Over) {
		return newsfacts.QualOver
	}
	if c.Pre != "" {
		if q, n, ok := x.lx.preQual.match(c.Pre); ok && n == len(c.Pre) && !q.none {
			return q.qual
		}
	}
	return newsfacts.QualNone
}

// direction maps a change verb (增长, 缩减至) to its direction.
func (x *Extractor) direction(verb string) newsfacts.Direction {
	if d, ok := comparedVerbs[verb]; ok {
		return d
	}
	for verb != "" {
		if r, n, ok := x.lx.changes.match(verb); ok && n == len(verb) {
			switch r {
			case roleUp:
				return newsfacts.DirUp
			case roleDown, roleDownRate:
				return newsfacts.DirDown
			case roleSame, roleNone, roleUpRate:
				// NOTE: 增幅为8.3% states a rate, which may be of a fall
				// (增幅为-2%): no direction. 降幅 is always a fall.
				return newsfacts.DirNone
			}
		}
		// 缩减至 → 缩减: drop a trailing target marker and try again.
		_, size := decodeLastRune(verb)
		verb = verb[:len(verb)-size]
	}
	return newsfacts.DirNone
}

// baseline maps a baseline word (同比) to its value (yoy).
func (x *Extractor) baseline(w string) string {
	if w == "" {
		return ""
	}
	if b, n, ok := x.lx.baselines.match(w); ok && n == len(w) {
		return b
	}
	if periodBaseline(w) == len(w) {
		return "prev_period" // 比1—2月
	}
	return ""
}

// kindOf classifies a resolved metric: a change before a rank, money, a
// percentage, a quantity with a unit, a bare number.
func kindOf(c *Candidate, m *newsfacts.Metric) newsfacts.MetricKind {
	switch {
	case m.Direction != newsfacts.DirNone || m.From.OK || m.To.OK:
		return newsfacts.KindChange
	case c.Rank:
		return newsfacts.KindRank
	case c.Class == ClassMoney:
		return newsfacts.KindMoney
	case m.Unit == "%" || m.Unit == "百分点":
		return newsfacts.KindPercent
	case m.Unit != "":
		return newsfacts.KindQuantity
	}
	return newsfacts.KindNumber
}

// clean rounds away the binary noise that scaling leaves (7.2成 → 72, not
// 72.00000000000001): values keep 15 significant digits.
func clean(v float64) float64 {
	if v == 0 || v == math.Trunc(v) && math.Abs(v) < 1<<53 {
		return v
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'g', 15, 64)
	r, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return v
	}
	return r
}
