package metric

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
)

// Candidate is a figure found in a text, before resolution: its span, its
// numeral and the words around it as written. Find fills it; Resolve turns
// it into a newsfacts.Metric without looking at the text again.
type Candidate struct {
	// Start and End are the byte span of the whole figure in the text,
	// qualifier and change words included (提速80%以上).
	Start, End int
	// Text is the figure's text, text[Start:End].
	Text string
	// Rule names the rule whose pattern the figure matches.
	Rule string
	// Num is the numeral, found at NumStart:NumEnd.
	Num              numeral.Number
	NumStart, NumEnd int
	// Unit is the unit or measure word as written (个工作日 → 工作日), and
	// Class its class. Prefix is a currency sign written before the numeral
	// ($20); Unit is then that sign.
	Unit   string
	Class  UnitClass
	Prefix bool
	// Half is set by 半 after the unit (一吨半, 三成半, 一个半小时).
	Half bool
	// Tenth is the digit after 成 (七成六), or -1.
	Tenth float64
	// Sub is the value of the money sub-units after 元 (6角3分 → 0.63).
	Sub float64
	// Pre, Mid and Post are the qualifier words before the numeral (超过),
	// between it and the unit (余) and after the unit (以上).
	Pre, Mid, Post string
	// Verb is the change verb before the figure (增长, 缩减至), and Target
	// whether it ends in a target marker (至, 到, 为).
	Verb   string
	Target bool
	// ToMark is a bare target marker (至, 到, -) before the numeral, and
	// FromMark whether 由 or 从 opens the clause before it.
	ToMark   string
	FromMark bool
	// fromAt is the offset of that 由 or 从, or -1.
	fromAt int
	// Baseline is the baseline word (同比, 比上年).
	Baseline string
	// From is the start of a transition (由A…为B), merged into this figure.
	From *Candidate
	// Range marks the two ends of a range (3至5年).
	Range bool
	// Coord marks the second figure of 分别A和B, which took the verb and
	// baseline of the first.
	Coord bool
	// Rank marks a position (全市第一, 排名前三); Top marks 前N.
	Rank, Top bool
	// Doubling marks 翻N番: Num is N.
	Doubling bool
	// Subject is the thing measured (企业微信群), or "", and SubjectRule the
	// subject rule that chose it (see SubjectRules).
	Subject, SubjectRule string
	// Neg marks a value that the text gives as a fall, in a transition
	// between a rise and a fall (由增长2.1%转为下降0.6% → −0.6).
	Neg bool
	// Planned marks a planned, expected or required figure (预期目标,
	// 力争, 到2027年达到): the metric's Target.
	Planned bool
}

// scanner holds the state of one Find call.
type scanner struct {
	lx   *lexicon
	text string
	// ents are the organisation and place names an earlier stage found in
	// text, sorted by Start, or nil.
	ents []newsfacts.Entity
	// rankEnd is the end of the last rank found, or 0.
	rankEnd int
	// places holds the place names that may begin a subject (see
	// placePrefix), built the first time one is asked for.
	places map[string]bool
	// bounds are the sentence and clause starts and the target words of
	// the text (see findBounds).
	bounds bounds
	// floor is the end of the last figure found: the words before a new
	// figure may not reach back past it.
	floor int
	// c is the figure being built.
	c Candidate
}

// fresh sets the scanner's scratch candidate to c and returns it: a figure
// is built in place, and copied out only when it is kept.
func (s *scanner) fresh(c Candidate) *Candidate {
	s.c = c
	s.c.fromAt = -1
	return &s.c
}

// Find returns the figures of text in order, without overlaps. It rejects
// dates and times (2022年, 5月1日, 14时), identifiers and names (12345热线,
// 5G, 第3批, 一带一路), list markers (一是, （一）) and the numeral characters
// of ordinary words (一些, 统一).
func (x *Extractor) Find(text string) []Candidate {
	return x.find(text, nil, nil)
}

// find is Find appending to out. ents are the names found in text by an
// earlier stage, or nil: the subject rules use them to tell a place or an
// actor from the thing measured (湖南3200万亩早稻 → 早稻).
func (x *Extractor) find(text string, ents []newsfacts.Entity, out []Candidate) []Candidate {
	v := newView(text)
	n := len(out)
	out = x.findIn(v.text, v.entities(ents, nil), out)
	if v.skips != nil {
		for k := n; k < len(out); k++ {
			v.unmap(&out[k], text)
			if f := out[k].From; f != nil {
				v.unmap(f, text)
			}
		}
	}
	return out
}

// findIn is find on the view of a text (see view).
func (x *Extractor) findIn(text string, ents []newsfacts.Entity, out []Candidate) []Candidate {
	s := scanner{lx: x.lx, text: text, ents: ents}
	b := boundsPool.Get().(*bounds)
	s.bounds = bounds{sentences: b.sentences[:0], clauses: b.clauses[:0], goals: b.goals[:0]}
	defer func() {
		*b = bounds{sentences: s.bounds.sentences[:0], clauses: s.bounds.clauses[:0], goals: s.bounds.goals[:0]}
		boundsPool.Put(b)
	}()
	i := 0
	for i < len(text) {
		b := text[i]
		var r rune
		n := 1
		switch {
		case b < utf8.RuneSelf:
			if !asciiTrigger[b] {
				i++
				continue
			}
			r = rune(b)
		case b >= 0xE0 && b < 0xF0 && i+2 < len(text):
			// NOTE: the hot path. A three-byte rune (all of CJK) is decoded
			// inline and looked up in a bitmap; continuation bytes are not
			// checked here, only when the rune turns out to be a trigger.
			r = rune(b&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			if triggers[r>>6]&(1<<(r&63)) == 0 {
				i += 3
				continue
			}
			r, n = decodeRune(text[i:])
			if !isTrigger(r) {
				i += n
				continue
			}
		default:
			r, n = decodeRune(text[i:])
			if !isTrigger(r) {
				i += n
				continue
			}
		}
		c, next := s.at(i, r)
		if c != nil {
			c.Start = max(c.Start, s.floor)
			out = append(out, *c)
			next = c.End
			s.floor = c.End
		}
		i = max(next, i+n)
	}
	out = s.link(out)
	for k := range out {
		c := &out[k]
		c.Subject, c.SubjectRule = s.subject(c, out[:k])
		c.Text = text[c.Start:c.End]
		c.Rule = ruleFor(c).Name
	}
	s.splitCoordSubjects(out)
	s.facts(out)
	return out
}

// boundsPool recycles the buffers of scanner.bounds.
var boundsPool = sync.Pool{New: func() any { return new(bounds) }}

// sharedHeads are the one-character halves that share the word after them
// (汽、柴油 is 汽油 and 柴油; 中、小学; 大、中型; 进、出口): a coordination
// around them is one subject, not two.
var sharedHeads = [...][2]string{{"汽", "柴"}, {"中", "小"}, {"大", "中"}, {"进", "出"}, {"内", "外"}, {"上", "下"}, {"国", "内"}}

// sharedHead reports whether the coordination between before and after
// joins two halves of one word.
func sharedHead(before, after string) bool {
	for _, h := range sharedHeads {
		if strings.HasSuffix(before, h[0]) && strings.HasPrefix(after, h[1]) {
			return true
		}
	}
	return false
}

// splitCoordSubjects gives each figure of 分别A和B the matching item of a
// coordinated subject before it: 进出口总额和出口额分别增长12.3%和15.8% →
// 进出口总额, 出口额. It changes nothing unless the subject before 分别
// has exactly as many items as the group has figures.
func (s *scanner) splitCoordSubjects(out []Candidate) {
	t := s.text
	for h := 0; h < len(out); h++ {
		n := 1
		for h+n < len(out) && out[h+n].Coord {
			n++
		}
		if n < 2 {
			continue
		}
		head := &out[h]
		subj := head.Subject
		// The subject must end shortly before the figure, with 分别
		// between them.
		lo := max(0, head.Start-64)
		e := strings.LastIndex(t[lo:head.Start], subj)
		if subj == "" || e < 0 || !strings.Contains(t[lo+e+len(subj):head.NumStart], "分别") {
			h += n - 1
			continue
		}
		a := lo + e
		items := []string{subj}
		for len(items) < n {
			conj := ""
			for _, w := range [...]string{"以及", "和", "、", "及", "与"} {
				if strings.HasSuffix(t[:a], w) {
					conj = w
					break
				}
			}
			if conj == "" {
				break
			}
			b := a - len(conj)
			if sharedHead(t[:b], t[a:]) {
				break
			}
			prev, at, verbOnly, _ := s.backwardSubject(b)
			// NOTE: an item of one character is a shared head cut in two
			// (汽、柴油价格; 零部件 after 及其), not an item of its own.
			if prev == "" || verbOnly || at+len(prev) != b || utf8.RuneCountInString(prev) < 2 {
				break
			}
			items = append(items, prev)
			a = at
		}
		if len(items) == n {
			for i := 0; i < n; i++ {
				out[h+i].Subject, out[h+i].SubjectRule = items[n-1-i], SubjListItem
			}
		}
		h += n - 1
	}
}

var asciiTrigger = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['.'], t['-'], t['$'] = true, true, true
	return t
}()

// triggers is a bitmap of the runes below U+10000 that isTrigger accepts.
var triggers = func() (bm [1 << 10]uint64) {
	for r := rune(0); r < 1<<16; r++ {
		if isTrigger(r) {
			bm[r>>6] |= 1 << (r & 63)
		}
	}
	return bm
}()

// isTrigger reports whether a figure may begin at r.
func isTrigger(r rune) bool {
	switch r {
	case '第', '翻', '半', '负', '負', '－', '−', '＄', '￥', '¥', '€', '£', '．':
		return true
	case '点', '點', '余', '多':
		return false
	case '几', '幾':
		return true // 几十, 几百万
	}
	return numeral.IsNumeral(r)
}

// at looks for a figure at byte i, where rune r starts. It returns the
// figure, or nil and the offset to resume from.
func (s *scanner) at(i int, r rune) (*Candidate, int) {
	t := s.text
	switch r {
	case '第':
		return s.ordinal(i)
	case '翻':
		return s.doubling(i)
	case '半':
		return s.half(i)
	case '$', '＄', '￥', '¥', '€', '£':
		n := utf8.RuneLen(r)
		num, ok := numeral.Scan(t[i+n:])
		if !ok || num.Form&numeral.Arabic == 0 || num.Value < 0 {
			return nil, i + n
		}
		c := s.fresh(Candidate{Start: i, NumStart: i + n, NumEnd: i + n + num.Len, Num: num,
			Unit: t[i : i+n], Class: ClassMoney, Prefix: true, Tenth: -1})
		c.End = c.NumEnd
		if s.arabicID(c.NumStart, c.NumEnd) {
			return nil, s.skipRun(c.NumEnd)
		}
		s.after(c)
		return c, c.End
	case '.', '．', '-', '－', '−', '负', '負':
		// A sign or a leading point starts a figure only before a digit and
		// not inside a number, word or range (3-5, A-1).
		n := utf8.RuneLen(r)
		nx, _ := decodeRune(t[i+n:])
		if !numeral.IsDigit(nx) && !(r != '.' && r != '．' && numeral.IsNumeral(nx)) &&
			!((nx == '.' || nx == '．') && numeral.IsDigit(runeAt(t, i+n+utf8.RuneLen(nx)))) {
			return nil, i + n
		}
		if p, _ := decodeLastRune(t[:i]); isAlnum(p) || numeral.IsNumeral(p) || p == '-' || p == '.' {
			return nil, i + n
		}
		if r == '负' || r == '負' {
			if nx == '责' || nx == '担' {
				return nil, i + n
			}
		}
	}
	return s.figure(i)
}

// figure reads a numeral at i and the words around it.
func (s *scanner) figure(i int) (*Candidate, int) {
	t := s.text
	num, ok := numeral.Scan(t[i:])
	if !ok {
		_, n := decodeRune(t[i:])
		return nil, i + n
	}
	ns, ne := i, i+num.Len
	c := s.fresh(Candidate{Start: ns, End: ne, NumStart: ns, NumEnd: ne, Num: num, Tenth: -1})
	chinese := num.Form&numeral.Arabic == 0
	p, _ := decodeLastRune(t[:ns])

	// Inside a code or a word of Latin letters: A2021, COVID-19, B12.
	if isLatin(p) || p == '_' || ((p == '-' || p == '/') && isLatin(runeBefore(t, ns-1))) {
		return nil, s.skipRun(ne)
	}
	// A numeral run that the parser stopped inside (一两天, 三五个, 二三十):
	// approximate ranges and words, not figures.
	q, qn := decodeRune(t[ne:])
	if numeral.IsDigit(q) || (numeral.IsNumeral(q) && q != '点' && q != '點') {
		// The numeral stopped before a unit that begins with a numeral
		// character (12千米, 六千字节), or before the weight 两 (三十两).
		liang := q == '两' && t[ns:ne] != "两" && !numeral.IsNumeral(runeAt(t, ne+qn)) && !s.startsUnit(ne+qn)
		if !liang && (numeral.IsDigit(q) || !s.startsUnit(ne)) {
			return nil, s.skipRun(ne)
		}
	}
	// Names and ordinary words: 一带一路, 统一, 十分.
	if chinese {
		if end, ok := s.inName(ns, ne); ok {
			return nil, end
		}
	}
	if num.Form.Has(numeral.DigitString) {
		// 二〇二二, 三八: years and codes, except before 折 (三八折).
		if r, _ := decodeRune(t[ne+skipSpaces(t[ne:]):]); r != '折' || num.Value >= 100 {
			return nil, ne
		}
	}
	if num.Form.Has(numeral.Financial) && num.Len == 3 {
		// A lone 伍, 陆, 拾 or 肆 is a word (队伍, 大陆, 收拾, 放肆).
		switch r, _ := decodeRune(t[ns:]); r {
		case '伍', '陆', '陸', '拾', '肆':
			return nil, ne
		}
	}
	if !chinese {
		if s.arabicID(ns, ne) {
			return nil, s.skipRun(ne)
		}
	}
	// List markers: 一、 1. （一） 一是.
	if s.listMarker(ns, ne, chinese) {
		return nil, ne
	}
	// A numeral followed by a range connector and a date (1至11月,
	// 2021-2022年) belongs to the date.
	if s.dateRangeStart(ne) {
		return nil, s.skipRun(ne)
	}

	s.before(c)
	if num.Form.Has(numeral.Implied) && !impliedOK(c.Pre) && !hasDigit(t[ns:ne]) {
		// A bare 万 or 千 (万人空巷, 千家万户) is a word; 上万, 近千 are figures.
		return nil, ne
	}
	if !s.unit(c) {
		return nil, s.skipWord(ne)
	}
	s.after(c)

	lone := chinese && (t[ns:ne] == "一" || t[ns:ne] == "壹")
	switch {
	case c.Unit == "":
		if !s.bareOK(c, chinese) {
			return nil, ne
		}
	case lone && strings.HasPrefix(t[c.End:], "一"):
		// 一村一品, 一户一策: a slogan, not a count.
		return nil, c.End
	case lone && c.Class == ClassCount && !c.Half && c.Pre == "" && c.Verb == "" && c.Mid == "" && c.Post == "":
		// 一个平台, 一项工作: an article, not a count.
		if _, _, ok := s.lx.determiner.match(c.Unit, false); ok {
			return nil, c.End
		}
	}
	return c, c.End
}

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
		if step == 0 {
			if n := yearBefore(head); n > 0 {
				// 上升到了2019年36.2%: the year belongs to the dates; the
				// words before it still belong to this figure.
				k -= n
				head = t[s.floor:k]
			}
		}
		if !hasQual && !hasVerb && !hasBase {
			if q, n, ok := s.lx.preQual.match(head); ok && !falseQualifier(head[:len(head)-n], head[len(head)-n:]) {
				w := head[len(head)-n:]
				if (w == "上" || w == "数") && !startsWithUnitChar(t[c.NumStart:c.NumEnd]) {
					break
				}
				_ = q
				c.Pre = w
				k -= n
				start = k
				hasQual = true
				continue
			}
		}
		if !hasVerb && !hasBase {
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
		if w, n := glueBefore(head); n > 0 && !hasBase {
			_ = w
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
		}
	}
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
	for _, w := range glueWords {
		if strings.HasSuffix(head, w) {
			return w, len(w)
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
var glueWords = [...]string{"分别", "了", "均", "都", "也", "达", "达到", "名义", "实际"}

func isVerbRole(r changeRole) bool {
	return r == roleUp || r == roleDown || r == roleSame || r == roleUpRate || r == roleDownRate
}

func endsWithTo(w string) bool {
	return strings.HasSuffix(w, "至") || strings.HasSuffix(w, "到") || strings.HasSuffix(w, "为")
}

// falseQualifier reports whether the qualifier word w at the end of head is
// part of another word (最近, 附近, 以上 after 规模).
func falseQualifier(head, w string) bool {
	p, _ := decodeLastRune(head)
	switch w {
	case "近", "上", "数", "超":
		switch p {
		case '最', '附', '就', '临', '邻', '靠', '亲', '贴', '走', '逼', '赶', '以', '之', '线', '网', '马', '早', '晚', '路', '多', '无', '少', '倍', '函', '参', '系', '指':
			return true
		}
	case "约":
		// 签约, 制约, 节约: 约 ends a word.
		switch p {
		case '签', '制', '预', '节', '合', '公', '条', '契', '邀', '履', '违', '特', '规', '誓', '相', '有', '践', '赴', '爽', '失', '守':
			return true
		}
	}
	return false
}

// hasDigit reports whether a numeral has a digit besides its units: 千三
// has, 千万 has not.
func hasDigit(num string) bool {
	for _, r := range num {
		if numeral.IsDigit(r) {
			return true
		}
	}
	return false
}

func impliedOK(pre string) bool {
	switch pre {
	case "上", "近", "数", "逾", "超", "超过", "约", "将近", "接近", "不足", "不到", "突破", "多达", "高达":
		return true
	}
	return false
}

func startsWithUnitChar(num string) bool {
	r, _ := decodeRune(num)
	switch r {
	case '十', '百', '千', '万', '亿', '拾', '佰', '仟', '萬', '億':
		return true
	}
	return false
}

// fromBefore returns the offset of a 由 or 从 that opens the figure at off,
// with at most a year or a short phrase with 的 between them (由2015年的3万亩,
// 从原来的36个), or -1.
func (s *scanner) fromBefore(off int) int {
	t := s.text
	k := off
	for n := 0; n < 12 && k > 0; n++ {
		r, size := decodeLastRune(t[:k])
		if r == '由' || r == '从' {
			gap := t[k:off]
			if gap == "" {
				return k - size
			}
			if !strings.HasSuffix(gap, "的") {
				return -1
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

// unit reads what follows the numeral: a mid qualifier (余, 多), 个 and the
// unit it carries, a unit or measure word, or an ASCII unit. It returns false
// when the numeral turns out to be a date, a time or an identifier.
func (s *scanner) unit(c *Candidate) bool {
	t := s.text
	j := c.NumEnd
	sp := skipSpaces(t[j:])
	// ASCII letters right after Arabic digits: a unit (168cm) or a code (5G).
	if r, _ := decodeRune(t[j:]); isLatin(r) {
		k := j
		for k < len(t) {
			r, n := decodeRune(t[k:])
			if !isLatin(r) {
				break
			}
			k += n
		}
		if nx, _ := decodeRune(t[k:]); isDigit(nx) || nx == '-' || nx == '_' {
			return false
		}
		if s.lx.latinUnits[strings.ToLower(toHalfWidth(t[j:k]))] && c.Num.Form&numeral.Arabic != 0 {
			c.Unit, c.Class, c.End = t[j:k], ClassMeasure, k
			return true
		}
		return false
	}
	j += sp
	// Mid qualifier: 50余个, 300多家, 十来个.
	if q, n, ok := s.lx.midQual.match(t[j:], false); ok {
		k := j + n
		if s.startsUnit(k) || (q.qual == newsfacts.QualOver && !isHan(runeAt(t, k))) {
			c.Mid = t[j:k]
			c.End = k
			j = k
		}
	}
	// Identifiers, dates and times: 3号线, 2022年度, 14时, 5月.
	idLen := 0
	if _, n, ok := s.lx.idAfter.match(t[j:], false); ok {
		idLen = n
	}
	// 个 and the unit it carries: 26个工作日, 1.5个百分点, 2个多月, 一个半小时.
	if strings.HasPrefix(t[j:], "个") || strings.HasPrefix(t[j:], "個") {
		k := j + len("个")
		k2 := k + skipSpaces(t[k:])
		mid := ""
		if q, n, ok := s.lx.midQual.match(t[k2:], false); ok && q.pos == "mid" && (s.startsUnit(k2+n) || hasMagnitude(t[k2+n:])) {
			mid = t[k2 : k2+n]
			k2 += n
		}
		// 3个亿, 1个多亿元, 几十个亿: 个 before a magnitude word counts
		// units of it; the magnitude folds into the value.
		if mag, n := magnitudeAt(t[k2:]); mag > 0 && !s.idWins(k2, n) {
			c.Num.Value *= mag
			c.Num.Num *= mag
			c.Num.Form |= numeral.Magnitude
			if mid != "" {
				c.Mid = mid
			}
			k3 := k2 + n
			c.Unit, c.Class, c.End = "", ClassNone, k3
			if u, m, ok := s.lx.units.match(t[k3:], true); ok && !u.afterGe && !s.idWins(k3, m) {
				c.Unit, c.Class, c.End = unitText(t[k3:k3+m]), u.class, k3+m
			}
			return true
		}
		half := false
		if strings.HasPrefix(t[k2:], "半") && s.startsUnit(k2+len("半")) {
			half = true
			k2 += len("半")
		}
		if u, n, ok := s.lx.units.match(t[k2:], true); ok && (u.afterGe || u.geOK) && !s.idWins(k2, n) {
			c.Unit, c.Class = unitText(t[k2:k2+n]), u.class
			c.End = k2 + n
			if mid != "" {
				c.Mid = mid
			}
			c.Half = c.Half || half
			return true
		}
		c.Unit, c.Class, c.End = "个", ClassCount, k
		if half {
			c.Half, c.End = true, k+len("半")
		}
		return true
	}
	if idLen > 0 {
		if u, n, ok := s.lx.units.match(t[j:], true); !ok || u.afterGe || n <= idLen {
			return false
		}
	}
	u, n, ok := s.lx.units.match(t[j:], true)
	if !ok || u.afterGe {
		return true // no unit
	}
	if _, m, ok := s.lx.notUnits.match(t[j:], false); ok && m > n {
		// 2024国际, 3家庭: the character begins a word.
		if isYear(c.Num, t[c.NumStart:c.NumEnd]) {
			return false
		}
		return true
	}
	w := t[j : j+n]
	if fits, reject := s.unitFits(c, w, u, j+n); reject {
		return false
	} else if !fits {
		return true
	}
	c.Unit, c.Class, c.End = unitText(w), u.class, j+n
	return true
}

// magnitudeAt returns the magnitude word that may follow 个 at the start of
// s (万亿, 亿) as a factor, and its length in bytes; 0 when there is none.
//
// NOTE: not 万: 一个万人小区, 一个万亩园区 are one place of ten thousand
// people or mu, not ten thousand.
func magnitudeAt(s string) (float64, int) {
	for _, m := range [...]struct {
		w string
		f float64
	}{{"万亿", 1e12}, {"亿", 1e8}} {
		if strings.HasPrefix(s, m.w) {
			return m.f, len(m.w)
		}
	}
	return 0, 0
}

// hasMagnitude reports whether s starts with a magnitude word.
func hasMagnitude(s string) bool {
	_, n := magnitudeAt(s)
	return n > 0
}

// unitFits checks the units that depend on the numeral: 成 must not begin a
// word (三成立), 折 needs a discount-like value, 两 must not be a digit. It
// reports whether the unit fits, and whether the whole figure is no figure:
// a year with a unit of time (2022年, 2017天府), the minute of a time
// (14时30分).
func (s *scanner) unitFits(c *Candidate, w string, u unitInfo, end int) (fits, reject bool) {
	t := s.text
	v := c.Num.Value
	if u.class == ClassTime && isYear(c.Num, t[c.NumStart:c.NumEnd]) {
		return false, true
	}
	switch w {
	case "成":
		if _, _, ok := s.lx.cheng.match(t[end-len(w):], false); ok || v > 10 || v <= 0 {
			return false, false
		}
	case "折":
		if v <= 0 || v >= 100 || (v >= 10 && c.Num.Form&numeral.Arabic == 0 && !c.Num.Form.Has(numeral.DigitString)) {
			return false, false
		}
		if r := runeAt(t, end); r == '合' || r == '旧' || r == '扣' || r == '叠' || r == '射' || r == '算' || r == '返' {
			return false, false
		}
	case "两":
		if c.Num.Form.Has(numeral.Liang) && c.NumEnd-c.NumStart == len("两") {
			return false, false
		}
		if s.startsUnit(end) || numeral.IsNumeral(runeAt(t, end)) {
			return false, false
		}
	case "分", "秒":
		// 14时30分, 八点五分: the minute of a time.
		p := runeBefore(t, c.NumStart)
		if p == '时' || p == '点' || p == '時' || p == '點' || p == '分' || p == ':' {
			return false, true
		}
	case "度":
		if p := runeBefore(t, c.NumStart); p == '第' {
			return false, false
		}
	}
	return true, false
}

// after reads what follows the unit: 半, the digit of 七成六, money
// sub-units, 人民币 or a per-unit (元/吨), and a post qualifier.
func (s *scanner) after(c *Candidate) {
	t := s.text
	j := c.End
	if c.Unit != "" && !c.Half && strings.HasPrefix(t[j:], "半") && c.Class != ClassMoney {
		if nx := runeAt(t, j+len("半")); !isHan(nx) || s.isCloser(j+len("半")) {
			c.Half = true
			j += len("半")
		}
	}
	if c.Unit == "秒" && c.Num.Form&numeral.Arabic != 0 {
		// 47秒84: hundredths of a second.
		k := j
		for k < len(t) && k-j < 2 && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k > j && !isDigit(runeAt(t, k)) {
			c.Sub = float64(atoi(t[j:k])) / pow10(k-j)
			j = k
		}
	}
	if c.Unit == "成" {
		k := j + skipSpaces(t[j:])
		if r, n := decodeRune(t[k:]); n > 0 {
			if d, ok := numeral.Digit(r); ok && r != '两' && !numeral.IsNumeral(runeAt(t, k+n)) && !s.startsUnit(k+n) {
				c.Tenth = float64(d)
				j = k + n
			}
		}
	}
	if c.Class == ClassMoney && !c.Prefix {
		if c.Unit == "元" || c.Unit == "块" {
			j = s.subUnits(c, j)
		}
		if strings.HasPrefix(t[j:], "人民币") {
			j += len("人民币")
		}
	}
	// A unit per unit: 元/吨, 万元/亩, 公里/小时.
	if c.Unit != "" && (strings.HasPrefix(t[j:], "/") || strings.HasPrefix(t[j:], "／")) && c.Class != ClassPercent {
		_, sn := decodeRune(t[j:])
		if u, n, ok := s.lx.units.match(t[j+sn:], false); ok && !u.latin {
			c.Unit += "/" + t[j+sn:j+sn+n]
			j += sn + n
		}
	}
	// Post qualifiers: 以上, 以内, 左右; 余 and 多 after the unit (3年多,
	// 1万余).
	k := j + skipSpaces(t[j:])
	if q, n, ok := s.lx.postQual.match(t[k:], false); ok && !q.none {
		c.Post = t[k : k+n]
		j = k + n
	} else if c.Mid == "" && c.Unit != "" {
		if q, n, ok := s.lx.midQual.match(t[k:], false); ok && (t[k:k+n] == "余" || t[k:k+n] == "多") && q.pos == "mid" {
			if nx := runeAt(t, k+n); !isHan(nx) || s.isCloser(k+n) {
				c.Post = t[k : k+n]
				j = k + n
			}
		}
	}
	c.End = max(j, c.End)
}

// isCloser reports whether the word at off may follow a figure without
// being part of it: 的, 时间, 来, verbs.
func (s *scanner) isCloser(off int) bool {
	t := s.text
	for _, w := range closers {
		if strings.HasPrefix(t[off:], w) {
			return true
		}
	}
	if _, _, ok := s.lx.subjectFwd.match(t[off:], false); ok {
		return true
	}
	_, _, ok := s.lx.changeFwd.match(t[off:], false)
	return ok
}

var closers = [...]string{"的", "时间", "来", "后", "前", "内", "间", "里", "中", "以", "之", "就", "才", "便", "即", "过", "了", "也", "都"}

// subUnits folds 6角3分 after 元 into c.Sub and returns the new end.
func (s *scanner) subUnits(c *Candidate, j int) int {
	t := s.text
	k := j
	var sub float64
	for _, u := range [...]struct {
		w   []string
		val float64
	}{{[]string{"角", "毛"}, 0.1}, {[]string{"分"}, 0.01}} {
		r, n := decodeRune(t[k:])
		d, ok := numeral.Digit(r)
		if !ok || numeral.IsNumeral(runeAt(t, k+n)) && !strings.HasPrefix(t[k+n:], u.w[0]) {
			continue
		}
		for _, w := range u.w {
			if strings.HasPrefix(t[k+n:], w) {
				sub += float64(d) * u.val
				k += n + len(w)
				break
			}
		}
	}
	if k > j {
		c.Sub = sub
	}
	return k
}

// bareOK decides whether a numeral with no unit is a figure. Arabic numbers
// are, except for years; Chinese numerals are only when they cannot be part
// of a word: with a decimal part, from 百 up, or standing alone.
func (s *scanner) bareOK(c *Candidate, chinese bool) bool {
	t := s.text
	num := c.Num
	if c.Rank {
		return true
	}
	if num.Form.Has(numeral.Fraction) {
		return true
	}
	if !chinese {
		nt := t[c.NumStart:c.NumEnd]
		if isYear(num, nt) && c.Pre == "" && c.Verb == "" {
			return false
		}
		if num.Form&(numeral.Magnitude|numeral.Decimal|numeral.Separators) == 0 && c.Pre == "" && c.Verb == "" {
			// 歼20战机, 直10武装直升机, 2比1: a bare integer between two
			// Chinese characters is a name or a score.
			if isHan(runeBefore(t, c.Start)) && isHan(runeAt(t, c.End)) && !s.rangeNext(c.End) {
				return false
			}
			// 12345, 12306: service hotlines.
			if len(nt) == 5 && strings.HasPrefix(nt, "123") {
				return false
			}
			// FF 91, iPhone 13: a bare integer after a Latin word and a
			// space is part of a name.
			if runeBefore(t, c.Start) == ' ' && isLatin(runeBefore(t, c.Start-1)) {
				return false
			}
			// 中麦578, 渤中26: a bare integer right after a word that does
			// not introduce a value is part of a name.
			if p := runeBefore(t, c.Start); isHan(p) && !introducesValue(p) && !s.rangeNext(c.End) {
				return false
			}
		}
		return true
	}
	if num.Form.Has(numeral.Decimal) || num.Form.Has(numeral.Rate) {
		return true
	}
	if num.Value >= 100 && num.Form&numeral.Implied == 0 {
		return true
	}
	if c.Pre != "" || c.Verb != "" || c.Mid != "" {
		return num.Value >= 10 || c.Verb != ""
	}
	p := runeBefore(t, c.Start)
	if p == '“' || p == '"' || p == '‘' || p == '「' || p == '『' {
		// 双“十一”: a quoted numeral after a word is a name.
		if pp := runeBefore(t, c.Start-utf8.RuneLen(p)); isHan(pp) && pp != '和' && pp != '与' && pp != '或' && pp != '及' {
			return false
		}
	}
	return isolated(p, runeAt(t, c.End))
}

// rangeNext reports whether a range connector and a numeral follow off
// (3至5年, 1—1.5小时).
func (s *scanner) rangeNext(off int) bool {
	t := s.text
	r, n := decodeRune(t[off:])
	switch r {
	case '至', '到', '-', '—', '～', '~', '－', '–':
	default:
		return false
	}
	if strings.HasPrefix(t[off+n:], "—") {
		n += len("—")
	}
	_, ok := numeral.Scan(t[off+n:])
	return ok
}

// introducesValue reports whether a Chinese character before a bare number
// introduces it as a value (为407, 达到100, 增长1) rather than naming it.
func introducesValue(p rune) bool {
	switch p {
	case '为', '是', '达', '到', '至', '有', '共', '约', '超', '近', '逾', '过', '计', '了', '率', '值', '数',
		'量', '额', '比', '和', '与', '及', '或', '等', '在', '以', '从', '由', '占', '余', '仅', '只',
		'增', '降', '升', '减', '长', '高', '低', '破', '上', '下', '均', '每', '各', '前', '后', '内', '外':
		return true
	}
	return false
}

// isolated reports whether a numeral stands alone between p and q: at the
// text's ends, between quotes or spaces.
func isolated(p, q rune) bool {
	left := p == 0 || p == '“' || p == '"' || p == '‘' || p == '\'' || p == '「' || p == '『' || p == ' '
	right := q == 0 || q == '”' || q == '"' || q == '’' || q == '\'' || q == '」' || q == '』' || q == ' ' || q == '。'
	return left && right
}

// isYear reports whether a numeral written as num is a year: four Arabic
// digits from 1000 to 2999 without separators, or Chinese digits read one
// by one (二〇二二).
func isYear(num numeral.Number, text string) bool {
	if num.Form.Has(numeral.DigitString) {
		return true
	}
	if num.Form&(numeral.Chinese|numeral.Separators|numeral.Decimal|numeral.Magnitude) != 0 {
		return false
	}
	v := num.Value
	return v >= 1000 && v <= 2999 && utf8.RuneCountInString(text) == 4
}

// arabicID reports whether the Arabic number at ns:ne is part of an
// identifier: a phone number, a code, a date or a time written with
// separators (2022-03-29, 0731-88888888, 14:30, 1.2.3), or after a word such
// as 电话 or 编号.
func (s *scanner) arabicID(ns, ne int) bool {
	t := s.text
	digits := 0
	lead0 := false
	for k, r := range t[ns:ne] {
		if d := numeral.ArabicDigit(r); d >= 0 {
			if digits == 0 && d == 0 {
				lead0 = true
				_ = k
			}
			digits++
		} else if r == '.' || r == '．' || r == '点' || r == '點' || r == 'e' || r == 'E' || r == '万' || r == '亿' || r == '^' || r == '/' {
			break
		}
	}
	if digits >= 11 {
		return true
	}
	if lead0 && digits >= 2 && !strings.ContainsAny(t[ns:ne], ".．") {
		return true // 02星, 0731
	}
	q, qn := decodeRune(t[ne:])
	if q == ':' || q == '：' || q == '-' || q == '/' || q == '.' || q == '_' || q == '#' || q == '*' || q == '×' || q == '＊' || q == '·' || q == '+' || q == '＋' {
		if isDigit(runeAt(t, ne+qn)) {
			if q == '-' && s.rangeDash(ns, ne) {
				return false
			}
			return true // 2：1 (a score), 6：50 (a time), 3:2
		}
		if (q == '+' || q == '＋') && isLatin(runeAt(t, ne+qn)) {
			return true // “1+N”政策体系
		}
	}
	if q == '°' || q == '′' || q == '\'' || q == '″' {
		return true // 77°35′: an angle or a coordinate
	}
	if p := runeBefore(t, ns); p == '°' {
		return true // 77°35′
	}
	if p := runeBefore(t, ns); (p == '“' || p == '"') && (q == '”' || q == '"') && strings.ContainsAny(t[ns:ne], ".．") {
		return true // “4.26”案件, “3.15”晚会: a date as a name
	}
	if p := runeBefore(t, ns); p == ':' || p == '：' || p == '-' || p == '/' || p == '#' || p == '@' || p == '_' || p == '.' || p == '·' || p == '+' || p == '＋' {
		if isDigit(runeBefore(t, ns-utf8.RuneLen(p))) {
			if p == '-' {
				// 200-300元: the end of a range that the start accepted.
				a := ns - 1
				for a > 0 && t[a-1] >= '0' && t[a-1] <= '9' {
					a--
				}
				return !s.rangeDash(a, ns-1)
			}
			return true
		}
	}
	// 电话：12345, 编号 2022.
	k := ns
	for k > 0 {
		r, n := decodeLastRune(t[:k])
		if r != ':' && r != '：' && r != ' ' && r != '为' && r != '是' {
			break
		}
		k -= n
	}
	if _, _, ok := s.lx.idBefore.match(t[:k]); ok {
		return true
	}
	return false
}

// rangeDash reports whether A-B at ns is a range of two small numbers (3-5天)
// rather than a date or a code.
func (s *scanner) rangeDash(ns, ne int) bool {
	t := s.text
	a := ne - ns
	k := ne + 1
	e := k
	for e < len(t) && (isDigit(rune(t[e])) || t[e] == '.') {
		e++
	}
	b := e - k
	if r := runeAt(t, e); r == '-' || r == '/' || r == ':' {
		return false
	}
	if a > 4 || b > 4 || t[ns] == '0' || t[k] == '0' {
		return false
	}
	if a == 4 && b <= 2 {
		return false // 2022-03
	}
	// 17-2, 26-6: a name (an oil field, a model), not a range.
	return atoi(t[ns:ne]) < atoi(strings.SplitN(t[k:e], ".", 2)[0]) || b > a
}

// dateRangeStart reports whether a range connector and a date follow the
// numeral ending at ne: 1至11月, 2021-2022年, 5月1日至3日.
func (s *scanner) dateRangeStart(ne int) bool {
	t := s.text
	k := ne
	r, n := decodeRune(t[k:])
	switch r {
	case '至', '到', '-', '—', '～', '~', '－', '–':
	default:
		return false
	}
	k += n
	if strings.HasPrefix(t[k:], "—") {
		k += len("—")
	}
	num, ok := numeral.Scan(t[k:])
	if !ok {
		return false
	}
	e := k + num.Len
	if _, n, ok := s.lx.idAfter.match(t[e:], false); ok {
		// 1至11月, 1至3年级, 3-5号线: the start of a range of dates or
		// names.
		if w := t[e : e+n]; w != "年" || isYear(num, t[k:e]) {
			return true
		}
	}
	if strings.HasPrefix(t[e:], "年") && isYear(num, t[k:e]) {
		return true
	}
	return false
}

// listMarker reports whether the numeral at ns:ne numbers a list item: 一、
// 1. （一） (1) 一是 二要.
func (s *scanner) listMarker(ns, ne int, chinese bool) bool {
	t := s.text
	p := runeBefore(t, ns)
	q, qn := decodeRune(t[ne:])
	if (p == '（' || p == '(' || p == '〔' || p == '[' || p == '【') && (q == '）' || q == ')' || q == '〕' || q == ']' || q == '】') {
		return true
	}
	if q == '）' || q == ')' {
		if clauseStart(p) {
			return true
		}
	}
	if !clauseStart(p) {
		return false
	}
	switch q {
	case '、', '，':
		return q == '、' || (chinese && ne-ns == 3 && !s.isFractionAt(ns))
	case '.', '．':
		return !isDigit(runeAt(t, ne+qn))
	}
	if chinese && ne-ns == 3 {
		for _, w := range [...]string{"是", "要", "抓", "则", "来", "在", "方面", "看", "靠", "把", "以", "为", "对", "明确", "坚持", "强化", "加强", "推进", "聚焦", "突出"} {
			if strings.HasPrefix(t[ne:], w) {
				return true
			}
		}
	}
	return false
}

// isFractionAt reports whether the numeral at off is a fraction (一半).
func (s *scanner) isFractionAt(off int) bool {
	num, ok := numeral.Scan(s.text[off:])
	return ok && num.Form.Has(numeral.Fraction)
}

// clauseStart reports whether a rune before a numeral opens a clause.
func clauseStart(p rune) bool {
	return p == 0 || p == '\n' || p == ' ' || p == '\t' || p == '　' || isClauseEnd(p) || p == '“' || p == '"' || p == '：' || p == ':'
}

// inName reports whether the numeral at ns:ne lies inside a word of
// names.txt, and where that word ends.
func (s *scanner) inName(ns, ne int) (int, bool) {
	t := s.text
	k := ns
	for back := 0; back <= s.lx.namesBack && k >= 0; back++ {
		if _, n, ok := s.lx.names.match(t[k:], false); ok && k+n >= ne {
			return k + n, true
		}
		if k == 0 {
			break
		}
		_, size := decodeLastRune(t[:k])
		k -= size
	}
	return 0, false
}

// startsUnit reports whether a unit or measure word starts at off.
func (s *scanner) startsUnit(off int) bool {
	_, _, ok := s.lx.units.match(s.text[off:], false)
	return ok
}

// idWins reports whether an identifier word at off is at least as long as
// the unit of n bytes there (年代 over 年).
func (s *scanner) idWins(off, n int) bool {
	_, m, ok := s.lx.idAfter.match(s.text[off:], false)
	return ok && m > n
}

// ordinal handles 第: a rank after a rank word (全市第一, 排名第3), else an
// ordinal to skip (第3批, 第一师).
// rankScope returns the length of what makes 第 at i a rank when no scope
// word stands before it: a ranking verb and a place name (居赣州市, 位列长沙市),
// or the 、 or 和 after a rank just found (第3、第12位).
func (s *scanner) rankScope(i int) (int, bool) {
	t := s.text
	for _, w := range [...]string{"、", "和", "及"} {
		if strings.HasSuffix(t[:i], w) && s.rankEnd == i-len(w) {
			return 0, true
		}
	}
	// NOTE: entities are sorted by Start: a few before i are enough.
	first, _ := slices.BinarySearchFunc(s.ents, i, func(e newsfacts.Entity, off int) int { return cmp.Compare(e.Start, off) })
	for k := first - 1; k >= 0 && k >= first-8; k-- {
		e := s.ents[k]
		if e.End != i || e.Type != newsfacts.PLACE {
			continue
		}
		for _, v := range [...]string{"位居", "位列", "排名", "排在", "名列", "居", "列"} {
			if strings.HasSuffix(t[:e.Start], v) {
				return i - e.Start, true
			}
		}
	}
	return 0, false
}

func (s *scanner) ordinal(i int) (*Candidate, int) {
	t := s.text
	ns := i + len("第")
	num, ok := numeral.Scan(t[ns:])
	if !ok || num.Form.Has(numeral.Fraction) {
		return nil, ns
	}
	ne := ns + num.Len
	_, n, isRank := s.lx.ranks.match(t[:i])
	if !isRank {
		// 居赣州市第6位: a ranking verb and a place; 第3、第12位: the
		// second rank of a list.
		n, isRank = s.rankScope(i)
	}
	if !isRank || num.Value <= 0 || num.Value > 10000 || num.Form.Has(numeral.Decimal) {
		return nil, s.skipOrdinal(ne)
	}
	c := s.fresh(Candidate{Start: i - n, End: ne, NumStart: ns, NumEnd: ne, Num: num, Rank: true, Tenth: -1})
	if r := runeAt(t, ne); r == '名' || r == '位' {
		c.End = ne + utf8.RuneLen(r)
	}
	s.rankEnd = c.End
	// 全国第一大港: an ordinal name, not a rank.
	if r := runeAt(t, c.End); r == '大' || r == '批' || r == '次' || r == '届' || r == '期' || s.startsUnit(c.End) {
		return nil, s.skipOrdinal(ne)
	}
	return c, c.End
}

// skipOrdinal returns where to resume after an ordinal: past the numeral and
// its measure word.
func (s *scanner) skipOrdinal(ne int) int {
	if _, n, ok := s.lx.units.match(s.text[ne:], false); ok {
		return ne + n
	}
	return ne
}

// doubling handles 翻番, 翻一番, 翻了两番.
func (s *scanner) doubling(i int) (*Candidate, int) {
	t := s.text
	k := i + len("翻")
	if strings.HasPrefix(t[k:], "了") {
		k += len("了")
	}
	if strings.HasPrefix(t[k:], "番") {
		c := s.fresh(Candidate{Start: i, End: k + len("番"), NumStart: k, NumEnd: k, Doubling: true, Tenth: -1,
			Num: numeral.Number{Value: 1, Num: 1}, Verb: "翻"})
		return c, c.End
	}
	num, ok := numeral.Scan(t[k:])
	if !ok || num.Value <= 0 || num.Value > 10 {
		return nil, k
	}
	e := k + num.Len
	if !strings.HasPrefix(t[e:], "番") {
		return nil, k
	}
	c := s.fresh(Candidate{Start: i, End: e + len("番"), NumStart: k, NumEnd: e, Num: num, Doubling: true, Verb: "翻", Tenth: -1})
	s.beforeWord(c, i)
	return c, c.End
}

// beforeWord reads a baseline before a word-led figure such as 翻一番.
func (s *scanner) beforeWord(c *Candidate, i int) {
	head := s.text[s.floor:i]
	if w, n := glueBefore(head); n > 0 {
		_ = w
		head = head[:len(head)-n]
	}
	if _, n, ok := s.lx.baselines.match(head); ok {
		c.Baseline = head[len(head)-n:]
		c.Start = s.floor + len(head) - n
	}
}

// half handles 半成 and 半折.
func (s *scanner) half(i int) (*Candidate, int) {
	t := s.text
	k := i + len("半")
	for _, u := range [...]string{"成", "折"} {
		if strings.HasPrefix(t[k:], u) {
			if _, _, ok := s.lx.cheng.match(t[k:], false); ok {
				return nil, k
			}
			if isHan(runeAt(t, k+len(u))) && u == "折" {
				return nil, k
			}
			c := s.fresh(Candidate{Start: i, End: k + len(u), NumStart: i, NumEnd: k, Tenth: -1,
				Num: numeral.Number{Value: 0.5, Num: 0.5, Len: len("半"), Form: numeral.Chinese}, Unit: u, Class: ClassPercent})
			if isHan(runeBefore(t, i)) && runeBefore(t, i) != '打' {
				return nil, k
			}
			return c, c.End
		}
	}
	num, ok := numeral.Scan(t[i:])
	if ok && num.Value >= 50 {
		return s.figure(i) // 半百
	}
	return nil, k
}

// skipRun returns the end of the run of digits, letters and numeral
// characters (with - / . :) that contains off, so that a rejected code is
// skipped whole.
func (s *scanner) skipRun(off int) int {
	t := s.text
	k := off
	for k < len(t) {
		r, n := decodeRune(t[k:])
		if isAlnum(r) || numeral.IsNumeral(r) || r == '-' || r == '/' || r == '.' || r == ':' || r == '_' || r == '．' || r == '：' {
			k += n
			continue
		}
		break
	}
	return k
}

// skipWord returns where to resume after a rejected numeral: past the
// identifier or date word that follows it.
func (s *scanner) skipWord(ne int) int {
	t := s.text
	if _, n, ok := s.lx.idAfter.match(t[ne:], false); ok {
		return ne + n
	}
	return ne
}

// unitText normalises a unit as written: spaces between its characters are
// dropped (个 百 分点).
func unitText(w string) string {
	if strings.IndexByte(w, ' ') < 0 {
		return w
	}
	return strings.ReplaceAll(w, " ", "")
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func pow10(n int) float64 {
	f := 1.0
	for ; n > 0; n-- {
		f *= 10
	}
	return f
}

func skipSpaces(s string) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func runeAt(s string, off int) rune {
	if off < 0 || off >= len(s) {
		return 0
	}
	r, _ := decodeRune(s[off:])
	return r
}

func runeBefore(s string, off int) rune {
	if off <= 0 || off > len(s) {
		return 0
	}
	r, _ := decodeLastRune(s[:off])
	return r
}

func isLatin(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= 'ａ' && r <= 'ｚ') || (r >= 'Ａ' && r <= 'Ｚ')
}

func isDigit(r rune) bool { return numeral.ArabicDigit(r) >= 0 }

func isAlnum(r rune) bool { return isLatin(r) || isDigit(r) }

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

// isClauseEnd reports whether r ends a clause.
func isClauseEnd(r rune) bool {
	switch r {
	case '，', '。', '；', '：', '！', '？', ',', ';', '!', '?', '\n', '、', '（', '）', '(', ')', '“', '”', '《', '》', '"', '【', '】':
		return true
	}
	return false
}

func toHalfWidth(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, s)
}
