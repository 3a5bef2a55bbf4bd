package metric

import (
	"cmp"
	"regexp"
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
	// impliedBase marks a baseline that no word states (fromPeriod): it is
	// not shared with the changes after it.
	impliedBase bool
	// Flat marks a transition from no change (由上月持平转为上涨0.1%): its
	// start is 0.
	Flat bool
	// Neg marks a value that the text gives as a fall, in a transition
	// between a rise and a fall (由增长2.1%转为下降0.6% → −0.6).
	Neg bool
	// Planned marks a planned, expected or required figure (预期目标,
	// 力争, 到2027年达到): the metric's Target.
	Planned bool
	// goal is the word that made the figure planned (预计, 力争 …), or "".
	goal string
	// gap is the direction of a gap to another entity that the figure
	// states without a change verb (高于全国0.5个百分点 → up, 增速比全国低1.3
	// 个百分点 → down), or DirNone.
	gap newsfacts.Direction
	// series, when set, names the indicator where the subject alone does
	// not: 其中企业812万户 after 实有经营主体 is a count of 实有企业.
	series string
}

// scanner holds the state of one Find call.
type scanner struct {
	lx   *lexicon
	text string
	// ents are the organisation and place names an earlier stage found in
	// text, sorted by Start, or nil.
	ents []newsfacts.Entity
	// trace, when not nil, collects the numerals rejected and why (see
	// Extractor.Explain).
	trace *[]Rejection
	// rankEnd is the end of the last rank found, or 0.
	rankEnd int
	// places holds the place names that may begin a subject (see
	// placePrefix), built the first time one is asked for.
	places map[string]bool
	// placeFirst is a bitmap of the first runes of the places, by their
	// low eight bits, and placeMax the length of the longest (see
	// placePrefix).
	placeFirst [4]uint64
	placeMax   int
	// bounds are the sentence and clause starts and the target words of
	// the text (see findBounds).
	bounds bounds
	// floor is the end of the last figure found: the words before a new
	// figure may not reach back past it.
	floor int
	// c is the figure being built.
	c Candidate
	// flags are the words of the text that fact rules start from (see
	// facts).
	flags textFlags
	// lastActor is the actor of the last figure the rule SubjActor gave one
	// to, and lastActorAt where its sentence's figures began.
	lastActor   string
	lastActorAt int
	// lastSentence and lastClause are the spans sentenceStart and
	// clauseStartAt found last.
	lastSentence, lastClause markSpan
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

// viewWithBounds returns the view of text and finds the bounds of text
// into b when the view is the text itself (else b is left empty).
//
// NOTE: the bounds of the text are found in the pass that tells whether
// the view skips anything; when it does, they are found again on the
// view, when a rule asks.
func viewWithBounds(lx *lexicon, text string, b *bounds) view {
	skip, invalid := b.find(lx, text, true)
	switch {
	case invalid:
		v := newView(text)
		if v.skips != nil {
			b.reset()
		}
		return v
	case skip >= 0:
		return newViewFrom(text, skip)
	}
	return view{text: text}
}

// find is Find appending to out. ents are the names found in text by an
// earlier stage, or nil: the subject rules use them to tell a place or an
// actor from the thing measured (湖南3200万亩早稻 → 早稻).
func (x *Extractor) find(text string, ents []newsfacts.Entity, out []Candidate) []Candidate {
	b := boundsPool.Get().(*bounds)
	defer boundsPool.Put(b)
	v := viewWithBounds(x.lx, text, b)
	n := len(out)
	// NOTE: the entities mapped into the view go in a pooled buffer: a
	// new one per document was 2 % of a run's allocations.
	buf := entPool.Get().(*[]newsfacts.Entity)
	mapped := v.entities(ents, (*buf)[:0])
	out = x.findIn(v.text, mapped, out, b)
	if v.skips != nil {
		*buf = mapped[:0]
	}
	entPool.Put(buf)
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
// b holds the bounds of text when found, and the buffers for them when not;
// it is left with the buffers, reset.
func (x *Extractor) findIn(text string, ents []newsfacts.Entity, out []Candidate, b *bounds) []Candidate {
	s := scanner{lx: x.lx, text: text, ents: ents, bounds: *b}
	defer func() {
		s.bounds.reset()
		*b = s.bounds
		if s.places != nil {
			clear(s.places)
			placesPool.Put(s.places)
		}
	}()
	out = s.scan(out)
	out = s.join(out)
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

// scan appends the figures of the text to out, in order and without
// overlaps, before they are joined and given subjects.
func (s *scanner) scan(out []Candidate) []Candidate {
	if s.bounds.trig {
		return s.scanTriggers(out, s.bounds.triggers)
	}
	text := s.text
	i := 0
	for i < len(text) {
		// NOTE: the runs of three-byte runes that begin no figure, in a
		// loop of their own: the test of the hot path below, in fewer
		// instructions (scan 492 → 403 M a pass of the package benchmark,
		// cachegrind).
		// NOTE: the three reads go through a slice of length 3, so that
		// they are not checked one by one (403 → 367 M instructions a
		// pass); the loop steps an index, not a slice of the rest, whose
		// advance costs a mask, and the bitmap's word is found from the
		// lead's four bits and the second byte's six, the bit from the
		// third byte's six, without the whole rune: scan 367 → 292 M
		// instructions a pass of the package benchmark (cachegrind).
		for i+3 <= len(text) {
			r3 := text[i : i+3]
			b := r3[0]
			if b < 0xE0 || b >= 0xF0 {
				break
			}
			if triggers[uint(b&0x0F)<<6|uint(r3[1]&0x3F)]&(1<<(r3[2]&63)) != 0 {
				break
			}
			i += 3
		}
		if i >= len(text) {
			break
		}
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
		out, i = s.take(out, i, r, n)
	}
	return out
}

// take appends the figure that begins at i, at the rune r of n bytes, if
// any, and returns where the scan goes on: after the figure, or after r.
func (s *scanner) take(out []Candidate, i int, r rune, n int) ([]Candidate, int) {
	c, next := s.at(i, r)
	if c != nil {
		c.Start = max(c.Start, s.floor)
		out = append(out, *c)
		next = c.End
		s.floor = c.End
	}
	return out, max(next, i+n)
}

// scanTriggers is scan on a text of valid UTF-8 whose runes that a figure
// may begin at are known: it looks at those offsets only, the ones before
// the end of the last figure passed over as scan's walk passes over them.
//
// NOTE: the offsets are found in the pass of bounds.find with the view,
// which steps over the text anyway: scan's own walk over the text was
// 292 M instructions a pass of the package benchmark (cachegrind).
func (s *scanner) scanTriggers(out []Candidate, triggers []int) []Candidate {
	text := s.text
	i := 0
	for _, p := range triggers {
		if p < i {
			continue
		}
		i = p
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = decodeRune(text[i:])
		}
		out, i = s.take(out, i, r, n)
	}
	return out
}

// entPool recycles the buffers of the entities mapped into a view.
var entPool = sync.Pool{New: func() any { return new([]newsfacts.Entity) }}

// placesPool recycles the maps of scanner.places.
//
// NOTE: a new map per document was 7.7 MB of the 67 MB the metric stage
// allocates on the corpus (the rest is mostly the metrics themselves).
var placesPool = sync.Pool{New: func() any { return map[string]bool{} }}

// boundsPool recycles the buffers of scanner.bounds.
var boundsPool = sync.Pool{New: func() any { return new(bounds) }}

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
	case '零':
		// 零下32度: a sign, read by before as a negative value.
		if strings.HasPrefix(t[i:], "零下") && numeral.IsNumeral(runeAt(t, i+len("零下"))) {
			return nil, i + len("零下")
		}
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
		s.reject(ns, ne, RejectCode)
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
			s.reject(ns, ne, RejectRun)
			return nil, s.skipRun(ne)
		}
	}
	// Names and ordinary words: 一带一路, 统一, 十分.
	if chinese {
		// NOTE: a bound before a round magnitude makes a count of the
		// word (惠及企业近万家, 超千万人次; not 万家灯火, 四处).
		if end, ok := s.inName(ns, ne); ok && !(s.boundBefore(ns) && strings.Trim(t[ns:ne], "十百千万亿") == "") {
			s.reject(ns, ne, RejectWord)
			return nil, end
		}
	}
	if num.Form.Has(numeral.DigitString) {
		// 二〇二二, 三八: years and codes, except before 折 (三八折).
		if r, _ := decodeRune(t[ne+skipSpaces(t[ne:]):]); r != '折' || num.Value >= 100 {
			s.reject(ns, ne, RejectDigitString)
			return nil, ne
		}
	}
	if num.Form.Has(numeral.Financial) && num.Len == 3 {
		// A lone 伍, 陆, 拾 or 肆 is a word (队伍, 大陆, 收拾, 放肆).
		switch r, _ := decodeRune(t[ns:]); r {
		case '伍', '陆', '陸', '拾', '肆':
			s.reject(ns, ne, RejectWord)
			return nil, ne
		}
	}
	if !chinese {
		if s.arabicID(ns, ne) {
			s.reject(ns, ne, RejectIdentifier)
			return nil, s.skipRun(ne)
		}
	}
	// List markers: 一、 1. （一） 一是.
	if s.listMarker(ns, ne, chinese) {
		s.reject(ns, ne, RejectListMarker)
		return nil, ne
	}
	// A numeral followed by a range connector and a date (1至11月,
	// 2021-2022年) belongs to the date.
	if s.dateRangeStart(ne) {
		s.reject(ns, ne, RejectDateRange)
		return nil, s.skipRun(ne)
	}

	// NOTE: unit runs before before: 105k of the about 360k numerals of
	// the corpus that reach here are rejected because no unit fits, and
	// need no before (110 M fewer instructions a pass of the package
	// benchmark, cachegrind: 10.95 → 10.84 G with the corpus load). The order does not matter to what the two find:
	// they read and write disjoint fields of the candidate (unit: Num,
	// Unit, Class, Mid, Half, End; before: Start, Pre, Verb, Target,
	// Baseline, FromMark, fromAt, Neg, Rank, Top), and neither changes the
	// scanner's state. TestUnitBeforeCommute checks this on every figure
	// of the test texts (and of the corpus when it is there). Only the
	// bare 万 or 千 below needs before's Pre, and it wins over a unit
	// rejection as it did when before came first.
	//
	// A bare 万 or 千 (万人空巷, 千家万户) is a word; 上万, 近千, 百余个
	// are figures.
	implied := num.Form.Has(numeral.Implied) && !hasDigit(t[ns:ne]) && !strings.HasPrefix(t[ne:], "余")
	if !s.unit(c) {
		if implied {
			s.before(c)
			if !impliedOK(c.Pre) {
				s.reject(ns, ne, RejectWord)
				return nil, ne
			}
		}
		s.reject(ns, ne, RejectUnit)
		return nil, s.skipWord(ne)
	}
	s.before(c)
	if implied && !impliedOK(c.Pre) {
		s.reject(ns, ne, RejectWord)
		return nil, ne
	}
	s.after(c)

	if rule := s.notMeasured(c); rule != "" {
		s.reject(ns, ne, rule)
		return nil, c.End
	}
	// NOTE: no match without 岁: a Contains first, not the regexp for every
	// bare number.
	if w := t[ne:min(len(t), ne+24)]; c.Unit == "" && strings.Contains(w, "岁") && ageRangeStart.MatchString(w) {
		s.reject(ns, ne, RejectAge) // 3至17岁人群, 0—6岁儿童: the start of an age range
		return nil, ne
	}
	lone := chinese && (t[ns:ne] == "一" || t[ns:ne] == "壹")
	switch {
	case c.Unit == "":
		if !s.bareOK(c, chinese) {
			s.reject(ns, ne, RejectBare)
			return nil, ne
		}
	case lone && strings.HasPrefix(t[c.End:], "一"):
		// 一村一品, 一户一策: a slogan, not a count.
		s.reject(ns, ne, RejectSlogan)
		return nil, c.End
	case lone && c.Class == ClassCount && !c.Half && c.Pre == "" && (c.Verb == "" || s.changeRole(c.Verb) == 0) && c.Mid == "" && c.Post == "":
		// NOTE: a verb of no direction (调整一批) leaves an article one.
		// 一个平台, 一项工作: an article, not a count.
		if _, _, ok := s.lx.determiner.match(c.Unit, false); ok {
			s.reject(ns, ne, RejectArticle)
			return nil, c.End
		}
	}
	return c, c.End
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
	// 居中部城市第2位, 位列全国城市第3: a ranking verb and a few words of
	// scope.
	for k, n := i, 0; k > 0 && n <= 10; n++ {
		for _, v := range [...]string{"位居", "位列", "名列", "居", "列"} {
			if strings.HasSuffix(t[:k], v) && n >= 2 {
				return i - k, true
			}
		}
		for _, sep := range [...]string{"、", "，"} {
			if n >= 2 && strings.HasSuffix(t[:k], sep) && s.rankEnd == k-len(sep) &&
				(sep == "、" || n <= 6 && !strings.ContainsAny(t[k:i], "和排到成为反超")) {
				return i - k, true // 居全国第7位、中部地区第2位; 居全国第4位，中部地区第1位
			}
		}
		r, size := decodeLastRune(t[:k])
		if r == '）' || r == ')' {
			// 居长沙市区县（市）第3位: a short bracket inside the scope.
			if o := strings.LastIndexAny(t[:k-size], "（("); o >= 0 && k-size-o <= 4*3 {
				k = o
				continue
			}
		}
		if !isHan(r) || numeral.IsNumeral(r) && runeAt(t, k) != '强' || r == '的' {
			break // NOTE: 百强县, 十强: a numeral of a name of ranks
		}
		k -= size
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
		s.reject(ns, ne, RejectOrdinal)
		return nil, s.skipOrdinal(ne)
	}
	c := s.fresh(Candidate{Start: i - n, End: ne, NumStart: ns, NumEnd: ne, Num: num, Rank: true, Tenth: -1})
	if r := runeAt(t, ne); r == '名' || r == '位' {
		c.End = ne + utf8.RuneLen(r)
	}
	s.rankEnd = c.End
	// 全国第一大港: an ordinal name, not a rank.
	if r := runeAt(t, c.End); r == '大' || r == '批' || r == '次' || r == '届' || r == '期' || s.startsUnit(c.End) {
		s.reject(ns, ne, RejectOrdinal)
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
	if _, n := glueBefore(head); n > 0 {
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
	// 半个月, 半个小时, 半小时: half a unit of time. Not 上半年, 大半天, 一个半
	// (which the numeral before reads), nor 半年 and 半天 (periods and words).
	if p := runeBefore(t, i); strings.ContainsRune("上下大多前后过个近", p) || numeral.IsNumeral(p) {
		return nil, k
	}
	if !strings.HasPrefix(t[k:], "个") && !strings.HasPrefix(t[k:], "小时") {
		return nil, k
	}
	c := s.fresh(Candidate{Start: i, End: k, NumStart: i, NumEnd: k, Tenth: -1,
		Num: numeral.Number{Value: 0.5, Num: 1, Per: 2, Len: len("半"), Form: numeral.Chinese | numeral.Fraction}})
	if !s.unit(c) || c.Class != ClassTime {
		return nil, k
	}
	s.before(c)
	s.after(c)
	if rule := s.notMeasured(c); rule != "" {
		s.reject(i, k, rule) // 半小时交通圈, 半小时后
		return nil, c.End
	}
	return c, c.End
}

// label matches what makes a time a label: a 圈 within four characters
// (交通圈, 城市交通圈, 通勤圈, 生活圈).
var label = regexp.MustCompile(`^[\p{Han}”"]{0,4}圈`)

// ageRangeStart matches what follows the first number of an age range:
// 至17岁, —24周岁.
var ageRangeStart = regexp.MustCompile(`^\s*(?:至|到|—|-|－|～|~)\s*[0-9零一二三四五六七八九十两]+\s*周?岁`)

// notMeasured returns the rejection rule of a figure that states no
// measure, or "": a vague amount (十几年, 上千名), a duration that frames
// other figures or a point in time (连续8年, 用两年时间, 十年间, 二十年前), an
// age (平均年龄35岁), a label (1小时交通圈).
func (s *scanner) notMeasured(c *Candidate) string {
	t := s.text
	num := t[c.NumStart:c.NumEnd]
	// 数十, 数百万: 数 before a bare magnitude (not 人数, 总数 before a number).
	bare := num == "十" || num == "百" || num == "千" || num == "万" || num == "十万" || num == "百万" || num == "千万" || num == "亿"
	// NOTE: 几 before a magnitude is an amount of that magnitude
	// (二十几万, 一百零几亿: Recognizers-Text reads them so); 十几年, 几十个
	// are vague.
	big := strings.HasSuffix(num, "万") || strings.HasSuffix(num, "萬") || strings.HasSuffix(num, "亿") || strings.HasSuffix(num, "億")
	// NOTE: two Contains, not ContainsAny, which decodes num rune by rune
	// for each of its characters (0.14 s in a profile of 12 iterations of
	// the package benchmark).
	if (strings.Contains(num, "几") || strings.Contains(num, "幾")) && !big || runeBefore(t, c.NumStart) == '几' ||
		bare && runeBefore(t, c.NumStart) == '数' ||
		(c.Pre == "上" || c.Pre == "成") && c.Num.Form.Has(numeral.Implied) {
		return RejectVague
	}
	if c.Class == ClassAge {
		if h := t[s.clauseStartAt(c.Start):c.Start]; !strings.Contains(h, "寿命") {
			return RejectAge
		}
	}
	if c.Class != ClassTime {
		return ""
	}
	after := t[c.End:]
	// NOTE: the regexp is matched on the 24 bytes that can hold its match
	// (five runes), not on the rest of the text: its backtracker clears a
	// bitmap as long as its input, once per figure of a time. And only
	// where 圈 is: there is no match without it.
	if w := after[:min(len(after), 24)]; strings.Contains(w, "圈") && label.MatchString(w) {
		return RejectIdentifier // 1小时交通圈, 半小时城市通勤圈
	}
	for _, w := range [...]string{"间", "来", "以来", "前", "后", "之前", "之后", "以前", "以后"} {
		if strings.HasPrefix(after, w) {
			return RejectFrame
		}
	}
	before := strings.TrimRight(t[:c.Start], " ")
	for _, w := range [...]string{"连续", "经过", "经过了", "历经", "历时"} {
		if strings.HasSuffix(before, w) {
			return RejectFrame
		}
	}
	for _, w := range [...]string{"用", "用了", "花", "花了"} {
		if strings.HasSuffix(before, w) && strings.HasPrefix(after, "时间") {
			return RejectFrame // 用两年时间建成; 只用了20天就完成 is measured
		}
	}
	return ""
}

// boundBefore reports whether a bounding word that makes a count of what
// follows (近, 超, 逾, 约, 上) stands right before the numeral at ns.
func (s *scanner) boundBefore(ns int) bool {
	head := s.text[:ns]
	for _, w := range [...]string{"近", "将近", "超", "逾", "约", "上"} {
		if strings.HasSuffix(head, w) {
			return true
		}
	}
	return false
}
