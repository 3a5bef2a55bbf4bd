package metric

import (
	"math"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
)

// Rule is one pattern of figure: a readable name, written to the rule
// column of every metric it produces; the pattern it stands for, with an
// example; a predicate on the parts Find collected; and the production that
// completes the Metric after the steps common to all rules (value folding,
// qualifier, direction, baseline).
type Rule struct {
	// Name is the rule's readable name ("percent: N%").
	Name string
	// Pattern describes what the rule matches, with an example.
	Pattern string

	match   func(c *Candidate) bool
	produce func(c *Candidate, m newsfacts.Metric) newsfacts.Metric
}

// Rules returns the rules in the order they are tried: the first whose
// pattern fits a figure names it.
func Rules() []Rule { return append([]Rule(nil), rules...) }

var rules = []Rule{
	{
		Name:    "transition: 由A…为B",
		Pattern: "A, a change verb with 至/到/为 (or 由/从 before A), B: 由42个精简为18个",
		match:   func(c *Candidate) bool { return c.From != nil || c.Flat },
		produce: func(c *Candidate, m newsfacts.Metric) newsfacts.Metric {
			from := 0.0 // 由上月持平转为上涨0.1%
			if c.From != nil {
				from, _, _ = value(c.From)
			}
			m.From = newsfacts.Some(from)
			m.To = newsfacts.Some(m.Value)
			if m.Direction == newsfacts.DirNone {
				switch {
				case m.Value > from:
					m.Direction = newsfacts.DirUp
				case m.Value < from:
					m.Direction = newsfacts.DirDown
				}
			}
			return m
		},
	},
	{
		Name:    "target: 压缩至B",
		Pattern: "a change verb with 至/到/为, then the target: 压缩至3个工作日以内",
		match:   func(c *Candidate) bool { return c.Verb != "" && c.Target && !c.Doubling },
		produce: func(c *Candidate, m newsfacts.Metric) newsfacts.Metric {
			m.To = newsfacts.Some(m.Value)
			return m
		},
	},
	{
		Name:    "range: A至B",
		Pattern: "two figures joined by 至, 到, - or —, the first without a unit: 3至5年",
		match:   func(c *Candidate) bool { return c.Range },
	},
	{
		Name:    "coordination: 分别A和B",
		Pattern: "a figure after 和/、 that shares the change verb of the one before: 分别增长32%和28.5%",
		match:   func(c *Candidate) bool { return c.Coord },
	},
	{
		Name:    "change: 增长N",
		Pattern: "a change verb, perhaps with a baseline, before the figure: 同比增长15.6%",
		match:   func(c *Candidate) bool { return c.Verb != "" && !c.Doubling },
	},
	{
		Name:    "rank: 全市第N",
		Pattern: "a scope or ranking word, 第 and a numeral: 全市第一, 排名第3",
		match:   func(c *Candidate) bool { return c.Rank && !c.Top },
		produce: func(c *Candidate, m newsfacts.Metric) newsfacts.Metric {
			m.Unit = ""
			return m
		},
	},
	{
		Name:    "rank: 前N",
		Pattern: "a scope or ranking word, 前 and a numeral: 排名全省前三",
		match:   func(c *Candidate) bool { return c.Rank && c.Top },
		produce: func(c *Candidate, m newsfacts.Metric) newsfacts.Metric {
			m.Unit = ""
			if m.Qualifier == newsfacts.QualNone {
				m.Qualifier = newsfacts.QualUnder
			}
			return m
		},
	},
	{
		Name:    "doubling: 翻N番",
		Pattern: "翻 (了) N 番: doubled N times, (2^N-1)×100 %: 翻一番",
		match:   func(c *Candidate) bool { return c.Doubling },
		produce: func(c *Candidate, m newsfacts.Metric) newsfacts.Metric {
			m.Direction = newsfacts.DirUp
			return m
		},
	},
	{
		Name:    "multiple: N倍",
		Pattern: "a numeral and 倍, N×100 %: 是去年的3倍",
		match:   func(c *Candidate) bool { return c.Class == ClassRatio },
	},
	{
		Name:    "points: N个百分点",
		Pattern: "a numeral and (个)百分点: 提高1.5个百分点",
		match:   func(c *Candidate) bool { return c.Class == ClassPoints },
	},
	{
		Name:    "percent: N%",
		Pattern: "a numeral and % or ％: 15.6%",
		match:   func(c *Candidate) bool { return c.Unit == "%" || c.Unit == "％" },
	},
	{
		Name:    "permille: N‰",
		Pattern: "a numeral and ‰, or 千分之N, 万分之N, in %: 3‰",
		match: func(c *Candidate) bool {
			return c.Unit == "‰" || (c.Num.Form.Has(numeral.Rate) && c.Num.Per != 100)
		},
	},
	{
		Name:    "rate: 百分之N",
		Pattern: "百分之 and a numeral: 百分之十一点三",
		match:   func(c *Candidate) bool { return c.Num.Form.Has(numeral.Rate) },
	},
	{
		Name:    "tenths: N成",
		Pattern: "a numeral and 成, N×10 %: 八成, 近两成, 三成半",
		match:   func(c *Candidate) bool { return c.Unit == "成" },
	},
	{
		Name:    "discount: N折",
		Pattern: "a numeral and 折, the share of the full price: 八折 (80 %), 75折",
		match:   func(c *Candidate) bool { return c.Unit == "折" },
	},
	{
		Name:    "half: 一半",
		Pattern: "一半, 50 %",
		match: func(c *Candidate) bool {
			return c.Unit == "" && c.Num.Form.Has(numeral.Half)
		},
	},
	{
		Name:    "fraction: N分之M",
		Pattern: "a fraction: 三分之一, 3/5",
		match:   func(c *Candidate) bool { return c.Unit == "" && c.Num.Form.Has(numeral.Fraction) },
	},
	{
		Name:    "money: ¥N",
		Pattern: "a currency sign and a number: $20, ￥300",
		match:   func(c *Candidate) bool { return c.Prefix },
	},
	{
		Name:    "money: N元",
		Pattern: "a numeral and a currency: 56.3亿元, 8.9亿美元, 50元6角",
		match:   func(c *Candidate) bool { return c.Class == ClassMoney },
	},
	{
		Name:    "duration: N天",
		Pattern: "a numeral and a unit of time: 26个工作日, 7.2天, 3年",
		match:   func(c *Candidate) bool { return c.Class == ClassTime },
	},
	{
		Name:    "measure: N吨",
		Pattern: "a numeral and a unit of measurement: 150万平方米, 3.5吨, 168cm",
		match:   func(c *Candidate) bool { return c.Class == ClassMeasure || c.Class == ClassAge },
	},
	{
		Name:    "count: N个",
		Pattern: "a numeral and a measure word: 111个, 1.2万户, 3000余人次",
		match:   func(c *Candidate) bool { return c.Class == ClassCount },
	},
	{
		Name:    "number: N",
		Pattern: "a numeral with no unit: 1502222, 三千二百",
		match:   func(c *Candidate) bool { return true },
	},
}

// ruleFor returns the first rule whose pattern fits c.
func ruleFor(c *Candidate) *Rule {
	for k := range rules {
		if rules[k].match(c) {
			return &rules[k]
		}
	}
	return &rules[len(rules)-1]
}

// ruleByName returns the rule named name, or nil.
//
// NOTE: a map, not a comparison with each name in turn, which resolve
// made for every figure (52 M instructions a pass of the package
// benchmark, cachegrind).
func ruleByName(name string) *Rule { return rulesByName[name] }

// rulesByName maps the name of each rule to it; the first of two rules of
// one name wins, as a search of rules in order finds it.
var rulesByName = func() map[string]*Rule {
	m := make(map[string]*Rule, len(rules))
	for k := range rules {
		if _, ok := m[rules[k].Name]; !ok {
			m[rules[k].Name] = &rules[k]
		}
	}
	return m
}()

// value folds a figure's numeral, unit and modifiers into one value and the
// unit it is stated in: percentages, 成, 倍 and 折 in %, money sub-units into
// 元, 半 as a half. scaled reports arithmetic that may leave binary noise.
func value(c *Candidate) (v float64, unit string, scaled bool) {
	v, unit = valueOf(c)
	if c.Neg {
		v = -v // 转为下降0.6%
	}
	scaled = c.Half || c.Sub != 0 || c.Tenth >= 0 || c.Doubling || c.Num.Form.Has(numeral.Rate) ||
		c.Unit == "‰" || c.Unit == "成" || c.Unit == "折" || c.Class == ClassRatio
	return v, unit, scaled
}

func valueOf(c *Candidate) (float64, string) {
	num := c.Num
	v := num.Value
	half := 0.0
	if c.Half {
		half = 0.5
	}
	switch {
	case c.Doubling:
		return (math.Pow(2, v) - 1) * 100, "%"
	case num.Form.Has(numeral.Rate):
		return num.Num / (num.Per / 100), "%"
	case c.Unit == "%" || c.Unit == "％":
		return v, "%"
	case c.Unit == "‰":
		return v / 10, "%"
	case c.Unit == "成":
		t := 0.0
		if c.Tenth >= 0 {
			t = c.Tenth / 10
		}
		return (v + half + t) * 10, "%"
	case c.Unit == "折":
		if v == 0.5 {
			return 50, "%" // 半折: half price
		}
		if num.Form.Has(numeral.DigitString) || v >= 10 {
			return v, "%"
		}
		return v * 10, "%"
	case c.Class == ClassRatio:
		return (v + half) * 100, "%"
	case c.Unit == "" && num.Form.Has(numeral.Half):
		return 50, "%"
	}
	return v + half + c.Sub, c.Unit
}
