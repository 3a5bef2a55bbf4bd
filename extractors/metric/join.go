package metric

import (
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// join joins neighbouring figures: the two ends of a transition become one
// figure (由42个精简为18个), the ends of a range share their unit (3至5年),
// and the second of 分别A和B takes the verb of the first.
func (s *scanner) join(in []Candidate) []Candidate {
	t := s.text
	// NOTE: in place: out never grows past the element being read.
	out := in[:0]
	for k := range in {
		c := in[k]
		s.flatTransition(&c)
		if len(out) == 0 {
			out = append(out, c)
			continue
		}
		a := &out[len(out)-1]
		gap := strings.TrimSpace(t[a.End:c.Start])
		if s.signedTransition(a, &c, gap) {
			// 由上季度的增长2.1%转为下降0.6%: one figure, from 2.1 to −0.6.
			out[len(out)-1] = c
			continue
		}
		switch {
		case a.From == nil && !a.Rank && !c.Rank && !a.Range && !c.Doubling && !a.Doubling &&
			((c.Target && (gap == "" || (a.FromMark && (gap == "，" || gap == ",")))) ||
				(c.ToMark != "" && c.ToMark != "-" && a.FromMark && gap == c.ToMark && c.Verb == "")):
			// 由42个精简为18个, 从26个工作日缩减至5个工作日以内, 从1000家到2000家.
			from := *a
			inherit(&from, &c)
			c.From = &from
			c.Start = a.Start
			if p := runeBefore(t, a.Start); p == '由' || p == '从' {
				c.Start -= utf8.RuneLen(p)
			}
			out[len(out)-1] = c
			continue
		case isRangeGap(gap) && c.Verb == "" && !a.Rank && !c.Rank && !a.FromMark &&
			(a.Unit == "" || a.Unit == c.Unit) && c.Unit != "":
			// 3至5年, 3-5天, 30—50人, 增加了两到三倍: both ends are rows
			// with one unit and one verb.
			if a.Unit == "" {
				scaleLike(a, &c, t)
				a.Unit, a.Class = c.Unit, c.Class
			}
			a.Range, c.Range = true, true
			c.Verb, c.Baseline = a.Verb, a.Baseline
		case c.Verb == "" && a.Verb != "" && !c.Target && c.ToMark == "" && c.From == nil && isCoordGap(gap) &&
			(c.Unit == a.Unit || c.Unit == "" || a.Unit == ""):
			// 分别增长32%和28.5%.
			c.Verb, c.Target, c.Baseline, c.Coord = a.Verb, a.Target, a.Baseline, true
			if c.Unit == "" {
				c.Unit, c.Class = a.Unit, a.Class
			}
		case isCoordGap(gap) && a.Unit == "" && c.Unit != "" && a.Verb == "" && c.Verb == "" && !a.Rank && !c.Rank &&
			a.Num.Form&numeral.Fraction == 0:
			// 1.6和0.9个百分点: the first figure takes the unit of the second.
			a.Unit, a.Class = c.Unit, c.Class
		}
		out = append(out, c)
	}
	// 提高0.6、0.9和1.3个百分点: every figure of a list takes the unit the
	// last one states.
	for k := len(out) - 1; k > 0; k-- {
		a, c := &out[k-1], &out[k]
		if a.Unit == "" && c.Unit != "" && isCoordGap(strings.TrimSpace(t[a.End:c.Start])) && !a.Rank && !c.Rank &&
			a.Num.Form&numeral.Fraction == 0 && a.Num.Form&numeral.Arabic == c.Num.Form&numeral.Arabic {
			a.Unit, a.Class = c.Unit, c.Class
		}
	}
	return out
}

// signedTransition joins a rise and a fall of one rate (由增长2.1%转为下降
// 0.6%) into a transition with signed ends, and reports whether it did.
func (s *scanner) signedTransition(a, c *Candidate, gap string) bool {
	if gap != "转为" && gap != "，转为" && gap != "转而" || a.Verb == "" || c.Verb == "" || a.From != nil || a.Unit != c.Unit {
		return false
	}
	da, db := s.changeRole(a.Verb), s.changeRole(c.Verb)
	if da == 0 || db == 0 {
		return false
	}
	cl := strings.LastIndexAny(s.text[:a.Start], "，,；;。\n") + 1
	at := strings.LastIndexAny(s.text[cl:a.Start], "由从")
	if at < 0 {
		return false
	}
	at += cl
	from := *a
	from.Neg = da == roleDown
	c.Neg = db == roleDown
	c.From = &from
	// The figure begins at 由: the period after it (由8月份的增长0.4%) is
	// the start's, not the figure's. A baseline before 由 is the figure's
	// (同比由…转为下降).
	c.Start = at
	c.fromAt = at
	if c.Baseline == "" {
		if _, n, ok := s.lx.baselines.match(s.text[cl:at]); ok {
			c.Baseline = s.text[at-n : at]
		}
	}
	return true
}

// flatTransition marks a change after 由…持平转为 (环比由上月持平转为上涨
// 0.1%) as a transition from no change: from 0, the value signed, the
// figure begun at 由.
func (s *scanner) flatTransition(c *Candidate) {
	if c.Verb == "" || c.From != nil || !strings.Contains(s.text[max(0, c.Start-24):c.Start], "持平") {
		return // NOTE: the cheap test first
	}
	cl := s.clauseStartAt(c.Start)
	head := strings.TrimSuffix(s.text[cl:c.Start], "为")
	head, ok := strings.CutSuffix(head, "转")
	if !ok {
		return
	}
	head, ok = strings.CutSuffix(strings.TrimSuffix(head, "的"), "持平")
	i := strings.LastIndex(head, "由")
	if !ok || i < 0 || runes.Count(head[i:]) > 6 {
		return
	}
	at := cl + i
	c.Flat = true
	c.Neg = s.changeRole(c.Verb) == roleDown
	c.Start, c.fromAt = at, at
	if c.Baseline == "" {
		if _, n, ok := s.lx.baselines.match(s.text[cl:at]); ok {
			c.Baseline = s.text[at-n : at]
		}
	}
}

// changeRole returns roleUp or roleDown for a change verb, else 0.
func (s *scanner) changeRole(verb string) changeRole {
	if r, n, ok := s.lx.changes.match(verb); ok && n == len(verb) && (r == roleUp || r == roleDown) {
		return r
	}
	return 0
}

func isRangeGap(g string) bool {
	switch g {
	case "至", "到", "-", "—", "——", "～", "~", "－", "–", "或":
		return true
	}
	return false
}

func isCoordGap(g string) bool {
	switch g {
	case "和", "、", "及", "与", "以及":
		return true
	}
	return false
}

// inherit gives each end of a transition the unit the other one states:
// 从26个工作日缩减至5个 → both in 工作日.
func inherit(from, to *Candidate) {
	switch {
	case to.Unit == "" && from.Unit != "":
		to.Unit, to.Class = from.Unit, from.Class
	case from.Unit == "" && to.Unit != "":
		from.Unit, from.Class = to.Unit, to.Class
	case to.Unit == "个" && from.Unit != "个" && from.Class == ClassTime:
		to.Unit, to.Class = from.Unit, from.Class
	}
}

// scaleLike gives the first end of a range the magnitude of the second:
// 3至5万元 → 3万元.
func scaleLike(a, c *Candidate, t string) {
	if a.Num.Form&(numeral.Magnitude|numeral.Fraction) != 0 || c.Num.Form&numeral.Magnitude == 0 {
		return
	}
	nt := t[c.NumStart:c.NumEnd]
	f := 1.0
	for len(nt) > 0 {
		r, n := decodeLastRune(nt)
		if r == '万' || r == '萬' {
			f *= 1e4
		} else if r == '亿' || r == '億' {
			f *= 1e8
		} else {
			break
		}
		nt = nt[:len(nt)-n]
	}
	if f > 1 {
		a.Num.Value *= f
		a.Num.Num *= f
	}
}
