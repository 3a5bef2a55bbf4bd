package metric

import (
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// before reads the words before the numeral: qualifier, change verb, glue
// and baseline, right to left, as long as they touch.
func (s *scanner) before(c *Candidate) {
	t := s.text
	k := c.NumStart
	start := k
	hasQual, hasVerb, hasBase, hasGlue := false, false, false, false
	fromPos := -1
	for step := 0; step < 6 && k > s.floor; step++ {
		head := t[s.floor:k]
		if step == 0 && strings.HasSuffix(head, "零下") {
			// 降到零下32度: below zero.
			c.Neg = true
			k -= len("零下")
			start, c.Start = k, k
			continue
		}
		if step == 0 {
			if n := yearBefore(head); n > 0 {
				// 上升到了2019年36.2%: the year belongs to the dates; the
				// words before it still belong to this figure.
				k -= n
				head = t[s.floor:k]
			}
		}
		if !hasQual && !hasVerb && !hasBase {
			if _, n, ok := s.lx.preQual.match(head); ok && !falseQualifier(head[:len(head)-n], head[len(head)-n:]) {
				w := head[len(head)-n:]
				if (w == "上" || w == "数") && !startsWithUnitChar(t[c.NumStart:c.NumEnd]) {
					break
				}
				c.Pre = w
				k -= n
				start = k
				hasQual = true
				continue
			}
		}
		if !hasVerb && !hasBase {
			if w, n := comparedVerb(head); n > 0 {
				// 比上月末高0.3个百分点, 比上年同期低0.9个百分点: a
				// comparison with an earlier time is a change.
				if _, m, ok := s.lx.baselines.match(head[:len(head)-n]); ok && m > 0 {
					c.Verb = w
					k -= n
					start = k
					hasVerb = true
					continue
				}
			}
			if role, n, ok := s.lx.changes.match(head); ok {
				w := head[len(head)-n:]
				switch role {
				case roleNone:
					// 新增: neither a change nor the start of one.
				case roleFrom:
					if !hasQual && !hasGlue {
						c.FromMark = true
						fromPos = k - n
					}
				case roleTo:
					// 至 alone: a range or the end of a transition; 缩减至:
					// a change with a target.
					k2 := k - n
					if v, n2, ok := s.lx.changes.match(t[s.floor:k2]); ok && isVerbRole(v) {
						c.Verb = t[k2-n2 : k]
						c.Target = v != roleUpRate && v != roleDownRate
						k = k2 - n2
						start = k
						hasVerb = true
						continue
					}
					if !hasQual && w != "为" {
						c.ToMark = w
					}
				default:
					c.Verb = w
					c.Target = endsWithTo(w)
					k -= n
					start = k
					hasVerb = true
					continue
				}
				break
			}
		}
		if !hasBase {
			// 同比增长 (before the verb), 高于去年同期0.35个百分点 (after it).
			n := 0
			if _, m, ok := s.lx.baselines.match(head); ok {
				n = m
			} else if hasVerb {
				n = periodBaseline(head) // 增幅比1—2月回落
				if n == 0 {
					n = yearBaseline(head) // 比2024年增加
				}
			}
			if n > 0 {
				c.Baseline = head[len(head)-n:]
				k -= n
				if hasVerb {
					start = k
				}
				hasBase = true
				continue
			}
		}
		if _, n := glueBefore(head); n > 0 && !hasBase {
			k -= n
			hasGlue = true
			continue
		}
		break
	}
	if hasBase && !hasVerb {
		c.Baseline = "" // a baseline with no change to compare
	}
	if hasQual || hasVerb {
		c.Start = start
	}
	c.fromAt = -1
	if c.FromMark {
		c.fromAt = fromPos
	} else if at := s.fromBefore(c.Start); at >= 0 {
		c.FromMark, c.fromAt = true, at
	}
	// 排名前三, 全国前十: a rank range.
	if c.Pre == "" && c.Verb == "" && strings.HasSuffix(t[:c.NumStart], "前") {
		k := c.NumStart - len("前")
		if _, n, ok := s.lx.ranks.match(t[:k]); ok {
			c.Rank, c.Top = true, true
			c.Start = k - n
		} else if n, ok := s.rankScope(k); ok && n > 0 {
			c.Rank, c.Top = true, true // 位列全国沿海港口前十
			c.Start = k - n
		}
	}
}

// yearBaseline returns the length of a comparison with a named year that
// ends head (比2024年, 较2019年同期, 比2023年末), or 0. Extract resolves it
// against the year the figure is about (see yearBaselineOf).
func yearBaseline(head string) int {
	h := head
	for _, w := range [...]string{"同期", "末", "底"} {
		if x, ok := strings.CutSuffix(h, w); ok {
			h = x
			break
		}
	}
	if !strings.HasSuffix(h, "年") {
		return 0
	}
	n := yearBefore(h)
	if n == 0 {
		return 0
	}
	h = h[:len(h)-n]
	for _, w := range [...]string{"比", "较"} {
		if x, ok := strings.CutSuffix(h, w); ok {
			return len(head) - len(x)
		}
	}
	return 0
}

// yearBefore returns the length of a year (2013年, 2013年的) that ends head,
// or 0.
func yearBefore(head string) int {
	h := strings.TrimSuffix(head, "的")
	if !strings.HasSuffix(h, "年") {
		return 0
	}
	h = h[:len(h)-len("年")]
	d := 0
	for d < 4 && len(h) > d && h[len(h)-1-d] >= '0' && h[len(h)-1-d] <= '9' {
		d++
	}
	if d != 4 || (len(h) > 4 && h[len(h)-5] >= '0' && h[len(h)-5] <= '9') {
		return 0
	}
	return len(head) - len(h) + 4
}

// glueBefore returns the glue word (了, 分别, 均 …) that ends head, which
// may stand between a verb and its figure.
// comparedVerbs are the adjectives of a comparison that make a change after
// a baseline (比上月末高), with their direction.
var comparedVerbs = map[string]newsfacts.Direction{
	"高": newsfacts.DirUp, "高出": newsfacts.DirUp, "快": newsfacts.DirUp, "多": newsfacts.DirUp,
	"低": newsfacts.DirDown, "低出": newsfacts.DirDown, "慢": newsfacts.DirDown, "少": newsfacts.DirDown,
}

// comparedVerb returns the comparison adjective that ends head, and its
// length, or 0.
func comparedVerb(head string) (string, int) {
	if !comparedLast.endsOne(head) {
		return "", 0
	}
	for _, w := range comparedList {
		if strings.HasSuffix(head, w) {
			return w, len(w)
		}
	}
	return "", 0
}

// comparedList are the words comparedVerb looks for, in order, and
// comparedLast their last runes.
//
// NOTE: comparedVerb and glueBefore run at every step of before, for
// every numeral: a bit test for the last rune of head first, not a
// HasSuffix per word (the two 0.27 → 0.05 s in a profile of 12
// iterations of the package benchmark).
var (
	comparedList = [...]string{"高出", "低出", "高", "低", "快", "慢", "多", "少"}
	comparedLast = lastRunesOf(comparedList[:])
	glueLast     = lastRunesOf(glueWords[:])
)

// periodBaseline returns the length of a comparison with an earlier period
// of the year that ends head (比1—2月, 较前三季度, 比1-7月份), or 0.
func periodBaseline(head string) int {
	h := head
	switch {
	case strings.HasSuffix(h, "月份"):
		h = h[:len(h)-len("月份")]
	case strings.HasSuffix(h, "月"):
		h = h[:len(h)-len("月")]
	case strings.HasSuffix(h, "季度"):
		h = h[:len(h)-len("季度")]
	default:
		return 0
	}
	for n := 0; n < 8 && h != ""; n++ {
		r, size := decodeLastRune(h)
		switch {
		case r == '比' || r == '较':
			h = h[:len(h)-size]
			if n == 0 {
				return 0
			}
			return len(head) - len(h)
		case isDigit(r) || numeral.IsNumeral(r) || strings.ContainsRune("—-－–~～至到前个上", r):
			h = h[:len(h)-size]
		default:
			return 0
		}
	}
	return 0
}

func glueBefore(head string) (string, int) {
	if glueLast.endsOne(head) {
		for _, w := range glueWords {
			if strings.HasSuffix(head, w) {
				return w, len(w)
			}
		}
	}
	// 每人每年, 每亩: a rate's denominators between a verb and its figure.
	n := 0
	for k := 0; k < 2; k++ {
		h := head[:len(head)-n]
		r, size := decodeLastRune(h)
		if !isHan(r) || !strings.HasSuffix(h[:len(h)-size], "每") {
			break
		}
		n += size + len("每")
	}
	if n > 0 {
		return head[len(head)-n:], n
	}
	return "", 0
}

// glueWords may stand between a baseline, a verb and a numeral: 同比分别增长,
// 增长了, 提高达.
var glueWords = [...]string{"分别", "了", "均", "都", "也", "达", "达到", "名义", "实际", "现在的", "如今的", "目前的", "最长"}

func isVerbRole(r changeRole) bool {
	return r == roleUp || r == roleDown || r == roleSame || r == roleUpRate || r == roleDownRate
}

func endsWithTo(w string) bool {
	return strings.HasSuffix(w, "至") || strings.HasSuffix(w, "到") || strings.HasSuffix(w, "为")
}

// fromBefore returns the offset of a 由 or 从 that opens the figure at off,
// with at most a year or a short phrase with 的 between them (由2015年的3万亩,
// 从原来的36个), or -1.
func (s *scanner) fromBefore(off int) int {
	t := s.text
	k := off
	for n := 0; n < 12 && k > 0; n++ {
		// NOTE: runes.At3 inlined, as in rtrie.match: this walk runs for
		// every figure.
		r, size := rune(-1), 3
		if k >= 3 {
			r = runes.At3(t, k-3)
		}
		if r < 0 {
			r, size = decodeLastRune(t[:k])
		}
		if r == '由' || r == '从' {
			gap := strings.TrimSuffix(t[k:off], "平均") // 由法定的平均20个工作日
			if gap == "" {
				return k - size
			}
			if !strings.HasSuffix(gap, "的") {
				return -1
			}
			for _, w := range [...]string{"初的", "末的", "底的"} {
				if h, ok := strings.CutSuffix(gap, w); ok {
					gap = h + "的" // 由2023年初的31.5%
				}
			}
			if y := yearBefore(gap); y > 0 {
				gap = gap[:len(gap)-y]
			}
			for _, g := range gap {
				if numeral.IsNumeral(g) || isDigit(g) {
					return -1
				}
			}
			return k - size
		}
		if isClauseEnd(r) {
			return -1
		}
		k -= size
	}
	return -1
}
