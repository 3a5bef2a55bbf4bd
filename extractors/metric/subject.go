package metric

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/runes"
)

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
			if prev == "" || verbOnly || at+len(prev) != b || runes.Count(prev) < 2 {
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

// subject finds what a figure measures: after a measure word, the noun that
// follows (17个重点新建项目); otherwise the words before the figure in its
// clause, without the glue and verbs that touch it (满意度达98.7% → 满意度,
// 问题受理91个 → 问题) and without a comparison (结算款比预算高出 → 结算款).
// A figure whose clause names nothing but a verb (已办结82个) takes the
// subject of the figure before it in the sentence when both have the same
// unit; so does one whose clause names nothing at all or only a per-unit
// word (年均增长18.3%), when that figure is in the clause before. Failing
// that, a figure with a measure word or none takes the noun after it
// (可惠及26万困难群众 → 老年人).
func (s *scanner) subject(c *Candidate, prev []Candidate) (string, string) {
	if (c.Coord || c.Range) && len(prev) > 0 && (prev[len(prev)-1].Range || c.Coord) {
		return prev[len(prev)-1].Subject, SubjShared // 分别A和B, A至B: one subject
	}
	count := c.Class == ClassCount && c.Unit != "" && !c.Rank
	if count && (c.Post == "" || c.Post == "左右") {
		if strings.HasPrefix(s.text[c.End:], "为") && strings.HasPrefix(strings.TrimSpace(s.text[s.clauseStartAt(c.Start):c.Start]), "其中") {
			// 其中643项为即办件: the part is named after 为.
			if subj := s.forwardSubject(c.End+len("为"), true); subj != "" {
				return subj, SubjCounted
			}
		}
		if subj := s.forwardSubject(c.End, false); subj != "" {
			if n := s.nounAfterDe(c.End, subj); n != "" {
				return n, SubjNounAfterDe // 300多位独居在家的老人 → 老人
			}
			if y := s.achievedItems(c, subj); y != "" {
				return y, SubjAchieved // 1689项政务服务事项实现“一网通办” → 一网通办事项
			}
			return subj, SubjCounted
		}
	}
	start := c.Start
	if c.From != nil && c.From.fromAt >= 0 {
		start = c.From.fromAt // 面积由2015年的3万亩扩大到… → 面积
	} else if c.fromAt >= 0 && c.fromAt < start {
		start = c.fromAt
	}
	// prevOK returns the figure before in the same sentence, when it has a
	// subject to hand on. NOTE: called only when needed: the gap may be long.
	prevOK := func() *Candidate {
		if len(prev) == 0 {
			return nil
		}
		p := &prev[len(prev)-1]
		if p.Subject == "" || p.End > start || s.isVerb(p.Subject) {
			return nil
		}
		if gap := s.text[p.End:start]; containsSentenceEnd(gap) {
			// Only a sentence that goes on with the one before: 一般公共预算
			// 收入完成21.6亿元。按同口径计算，比上年同期增长4.3%.
			i := lastSentenceMark(gap)
			_, mark := decodeRune(gap[max(i, 0):])
			if i < 0 || containsSentenceEnd(gap[:i]) || !continues(gap[i+mark:]) || p.Rank || p.Unit == "百分点" && c.Unit != "百分点" {
				return nil // NOTE: across sentences, not a rank or a gap in points
			}
		}
		return p
	}
	if len(prev) > 0 && c.Verb == "" {
		// 粮食总产量858.1亿斤（4290.5万吨）: the same figure in another
		// unit.
		if p := &prev[len(prev)-1]; p.Subject != "" && (s.text[p.End:start] == "（" || s.text[p.End:start] == "(") {
			return p.Subject, SubjCarried
		}
	}
	if c.Verb != "" {
		// 新增市场主体1.2万户，同比增长15.6%; 780余家，比上届增加120家: a
		// change that follows a figure with nothing but a comparison
		// between them is a change of that figure.
		if p := prevOK(); p != nil && comparisonOnly(s.dropAsides(strings.TrimPrefix(s.text[p.End:start], p.Subject))) {
			return p.Subject, SubjCarried
		}
	}
	subj, at, verbOnly, verbed := s.backwardSubject(start)
	// 粮食总产量连续五年位居全省第二: the walk back stopped in a duration
	// that frames the figure; the subject is before it.
	floor := 0
	if len(prev) > 0 {
		floor = prev[len(prev)-1].End
	}
	if from := max(floor, start-60); from < start && (strings.Contains(s.text[from:start], "连续") || strings.Contains(s.text[from:start], "年间") || strings.Contains(s.text[from:start], "年来")) {
		if loc := framing.FindStringIndex(s.text[from:start]); loc != nil && at >= from+loc[0] {
			subj, at, verbOnly, verbed = s.backwardSubject(from + loc[0])
		}
	}
	if !verbOnly && runes.Count(subj) >= subjectCap {
		// NOTE: a walk back that the cap stops inside a name (中国人民银行
		// cut after 中) begins after the name instead. Only at the cap: a
		// name found by mistake (这里海拔 read as 里海) must not cut a word.
		if e := s.nameEnd(at); e > at && e < at+len(subj) {
			subj, at = subj[e-at:], e
		}
	}
	// A place or an actor right before the figure is not what it measures
	// (湖南超3200万亩早稻): the noun after the figure is, when there is one.
	names := !verbOnly && subj != "" && s.namesOnly(at, at+len(subj))
	if !verbOnly {
		capped := runes.Count(subj) >= subjectCap
		if cut := s.cutComparison(subj); cut != subj && capped && cut != "" {
			// NOTE: the cap counted the comparison (行政许可事项承诺办理时限
			// 较法定时限平均 cut after 行): walk back again from it.
			if again, _, vo, _ := s.backwardSubject(at + len(cut)); !vo && again != "" {
				subj = s.cutComparison(again)
			} else {
				subj = cut
			}
		} else {
			subj = cut
		}
	}
	per := subj != "" && s.lx.perWords[subj]
	weak := s.isWeak(subj)
	if !weak && !verbOnly {
		subj = s.trimWeak(subj) // 比赛为期三天 → 比赛
	}
	if subj == "" || per || weak || verbOnly {
		p := prevOK()
		switch {
		case p == nil:
		case verbOnly && p.Unit == c.Unit:
			return p.Subject, SubjCarried
		case subj == "" && p.Verb != "" && c.Verb == "" && !c.Rank && (c.Class == ClassMoney || c.Class == ClassMeasure) &&
			nextClause(s.dropAsides(s.text[p.End:start])) && s.dateOrGlueOnly(p.End, start):
			// 年均增长6.3%，2024年达到3865亿元: the level the change led to.
			return strings.TrimSuffix(strings.TrimSuffix(p.Subject, "年均"), "平均"), SubjCarried
		case (subj == "" || per || weak || verbOnly && c.Rank) && nextClause(s.dropAsides(s.text[p.End:start])) &&
			(p.Unit == c.Unit || c.Verb != "" || c.Class == ClassPoints || c.Rank || p.Unit == "百分点" && c.Unit == "%"):
			// 规模突破980亿元，位列全省第一; 收入增加到640亿元，年均增长
			// 22.7% → 收入年均; 增长15.5%，比上月加快0.3个百分点.
			if per {
				return p.Subject + subj, SubjCarriedPer
			}
			return p.Subject, SubjCarried
		}
	}
	if weak {
		subj = ""
	}
	if count && strings.HasSuffix(s.text[:start], "等") && !genericMeasure(c.Unit) {
		// 民政部等五部门, 美国等20国: the words before 等 are examples of
		// what is counted, not the thing measured. After a generic measure
		// word they end with it (停车难问题等50余个).
		return "", ""
	}
	// A verb between the subject and a measure makes the noun after the
	// measure its object: 该村种上了1500亩经济林 → 经济林.
	object := verbed && !verbOnly && c.Class == ClassMeasure
	if (subj == "" || verbOnly || names || object) && !c.Rank && c.Verb == "" && (count || c.Unit == "" || c.Class == ClassMeasure && c.Post == "") &&
		c.Num.Form&(numeral.Fraction|numeral.Half|numeral.Rate) == 0 {
		// 可惠及26万困难群众, 新增300万千瓦风电装机: nothing but a verb
		// before the figure, the noun after it. After a name, only a short
		// noun: 广东1300万亩早稻插秧已近半 keeps 广东.
		if fw := s.forwardSubject(c.End, !count); fw != "" && runeAt(fw, 0) != '级' && (!names && !object || s.shortNoun(c.End, fw)) {
			if n := s.nounAfterDe(c.End, fw); n != "" {
				return n, SubjNounAfterDe
			}
			return fw, SubjNounAfter
		}
	}
	if verbOnly && c.Class == ClassMoney && !c.Rank && c.Verb == "" && c.Post == "" {
		// 将安排1.2亿元帮扶资金用于…: the money is the noun after it.
		// NOTE: only a noun of money: 投入50亿元实施改造 keeps 投入.
		if fw := s.forwardSubject(c.End, true); fw != "" && strings.ContainsRune("金款费资本", lastRune(fw)) {
			return fw, SubjMoneyAfter
		}
	}
	if (subj == "" || verbOnly || verbed) && !c.Rank && c.Verb == "" && shareUnit(c.Unit) && !strings.HasSuffix(s.text[:start], "以") {
		// 覆盖75%以上的中小城市, 聚集了70%的创新中心: a share of the noun
		// after 的.
		if rest, ok := strings.CutPrefix(s.text[c.End:], "的"); ok {
			if fw := s.cutComparison(s.forwardSubject(len(s.text)-len(rest), true)); fw != "" {
				return fw, SubjShareOf
			}
		}
	}
	if verbOnly && (c.Rank || c.Class == ClassPercent || c.Class == ClassRatio || c.Class == ClassPoints) {
		return "", ""
	}
	if subj == "" {
		return "", ""
	}
	if verbOnly {
		return subj, SubjVerb
	}
	return subj, SubjBefore
}

// isVerb reports whether w is a verb of the word lists and nothing more
// (安排 is no subject to hand on).
func (s *scanner) isVerb(w string) bool {
	role, n, ok := s.lx.subject.match(w)
	return ok && n == len(w) && role == subjVerb
}

// genericMeasure reports whether unit is a measure word that names no kind
// of thing (个, 项, 种).
func genericMeasure(unit string) bool {
	switch unit {
	case "个", "項", "项", "种", "類", "类", "件", "批", "次", "处":
		return true
	}
	return false
}

// isWeak reports whether subj is a word that is no subject on its own.
func (s *scanner) isWeak(subj string) bool {
	_, n, ok := s.lx.weakWords.match(subj)
	return ok && n == len(subj)
}

// trimWeak drops a weak word of two characters or more that ends subj
// (比赛为期 → 比赛); one character (费用) may end a noun.
func (s *scanner) trimWeak(subj string) string {
	if _, n, ok := s.lx.weakWords.match(subj); ok && n >= 6 && n < len(subj) {
		return subj[:len(subj)-n]
	}
	return subj
}

// nextClause reports whether gap, the text between two figures, holds at
// most one clause break: the second figure is in the same or the next
// clause.
func nextClause(gap string) bool {
	n := 0
	for _, r := range gap {
		switch r {
		case '，', ',', '；', ';', '：', ':':
			n++
		}
	}
	return n <= 1
}

// cutComparison ends a subject where a comparison begins: 道路维修费用却比预算
// → 道路维修费用, 增速比上月加快 → 增速, 比上届 → "". Words that hold a
// comparison character but compare nothing (比重, 可比) are kept.
func (s *scanner) cutComparison(subj string) string {
	for i := 0; i < len(subj); {
		cmpWord, n, ok := s.lx.compare.match(subj[i:], false)
		if !ok {
			_, size := decodeRune(subj[i:])
			i += size
			continue
		}
		if !cmpWord {
			i += n
			continue
		}
		head := subj[:i]
		// Glue left before the comparison: 结算款却比 → 结算款.
		for head != "" {
			role, m, ok := s.lx.subject.match(head)
			if !ok || role != subjGlue || m == len(head) {
				break
			}
			head = head[:len(head)-m]
		}
		return head
	}
	return subj
}

const subjectCap = 16

// backwardSubject reads the subject that ends before off. verbOnly is set
// when it found only a verb (已办结82个 → 办结).
func (s *scanner) backwardSubject(off int) (subj string, at int, verbOnly, verbed bool) {
	t := s.text
	k := off
	for k > 0 && t[k-1] == ' ' {
		k--
	}
	verbS, verbE := -1, -1
	for step := 0; step < 4 && k > 0; step++ {
		role, n, ok := s.lx.subject.match(t[:k])
		if !ok || role == subjNoun {
			break
		}
		if role == subjGlue {
			k -= n
			continue
		}
		if role == subjVerb && verbS < 0 {
			verbE = k
			k -= n
			verbS = k
			continue
		}
		break
	}
	end := k
	count := 0
	for k > 0 && count < subjectCap {
		// NOTE: the last rune by runes.At3 (inlined) when it is a CJK
		// one, as in rtrie.match; decodeLastRune is a call.
		r, n := rune(-1), 3
		if k >= 3 {
			r = runes.At3(t, k-3)
		}
		if r < 0 {
			r, n = decodeLastRune(t[:k])
		}
		if isAlnum(r) {
			a, letter := k, false
			for a > 0 {
				r2, n2 := decodeLastRune(t[:a])
				if !isAlnum(r2) {
					break
				}
				letter = letter || isLatin(r2)
				a -= n2
			}
			if !letter {
				k = s.dropUnitHead(k, end)
				break
			}
			count += runes.Count(t[a:k])
			k = a
			continue
		}
		if r == '”' || r == '」' {
			// “跨省通办”事项, “全程网办”率: a short quoted term is part of the
			// subject (the quotes are dropped from it afterwards).
			open := "“"
			if r == '」' {
				open = "「"
			}
			if q := strings.LastIndex(t[max(0, k-n-10*3):k-n], open); q >= 0 {
				q += max(0, k-n-10*3)
				if inner := t[q+len(open) : k-n]; inner != "" && !strings.ContainsAny(inner, "，。；：、”“") {
					count += runes.Count(inner)
					k = q
					continue
				}
			}
			break
		}
		if numeral.IsNumeral(r) {
			// 一次性扩岗补助: a numeral character of a word is part of the
			// subject.
			if _, ok := s.inName(k-n, k); ok {
				k -= n
				count++
				continue
			}
		}
		if !isHan(r) || numeral.IsNumeral(r) && s.numeralAt(k-n) {
			if numeral.IsNumeral(r) {
				k = s.dropUnitHead(k, end)
			}
			break
		}
		role, m, ok := s.lx.subject.match(t[:k])
		if ok && role == subjNoun {
			k -= m
			count += runes.Count(t[k : k+m])
			continue
		}
		// NOTE: a boundary word right after one character is more often
		// part of a noun (办结率, 普及率) than a boundary.
		if singleStop(r) && count != 1 && !startsStopNoun(t[k-n:end]) {
			break
		}
		if ok && role != subjGlue && (m > 3 || count == 0) && (count != 1 || role == subjStop) {
			break
		}
		k -= n
		count++
	}
	if k == end && verbS >= 0 {
		return t[verbS:verbE], verbS, true, true
	}
	// Leading glue and verbs of two characters or more (共计修复文物 → 文物),
	// and the one-character words that cannot begin a noun here (了占总面积
	// → 总面积).
	for step := 0; step < 4 && k < end; step++ {
		role, n, ok := s.lx.subjectFwd.match(t[k:end], false)
		if ok && n >= 6 && k+n < end && leadingGlueWord(t[k:k+n]) {
			k += n // 已经救出 → 救出, not 经救出
			continue
		}
		if r, n := decodeRune(t[k:end]); leadingGlue(r) && runes.Count(t[k+n:end]) >= 2 {
			k += n
			continue
		}
		if !ok || role == subjStop || role == subjNoun || n < 6 || k+n >= end {
			break
		}
		if role == subjGlue && !leadingGlueWord(t[k:k+n]) {
			break // 平均用时 keeps 平均
		}
		k += n
	}
	return t[k:end], k, false, verbS >= 0
}

// shortNoun reports whether fw, read at off after a figure, is a noun short
// and whole enough to replace the words before the figure: no modifier of a
// noun after 的 (120吨宝贵的资源), not one character (5分甜).
func (s *scanner) shortNoun(off int, fw string) bool {
	n := runes.Count(fw)
	return n >= 2 && n <= 6 && !strings.HasPrefix(s.text[off+len(fw):], "的")
}

// shareUnit reports whether unit states a share (%, 成).
func shareUnit(unit string) bool {
	switch unit {
	case "%", "％", "成":
		return true
	}
	return false
}

// nounAfterDe returns the noun of people after a short modifier and 的 that
// follow a count (300多位独居在家的老人 → 老人), or "" when fw, the noun read
// after the count, ends in a noun ending itself (5个乡镇的农民 → 乡镇) or no
// noun of people fits: in 4000多个大小湖泊的玛多县 and 四条跑道的机场 the
// count is of the words before 的.
func (s *scanner) nounAfterDe(off int, fw string) string {
	if _, _, ok := s.lx.heads.match(fw); ok {
		return ""
	}
	t := s.text[off:]
	i := strings.Index(t[:min(len(t), 8*3)], "的")
	if i < len(fw) {
		return ""
	}
	for _, r := range t[:i] {
		if !isHan(r) || numeral.IsNumeral(r) {
			return ""
		}
	}
	a := off + i + len("的")
	n := s.forwardSubject(a, true)
	if n == "" || !strings.ContainsRune("人者员民众工生师士户家队组客兵警官", lastRune(n)) || s.namesOnly(a, a+len(n)) {
		return ""
	}
	return n
}

// namesOnly reports whether text[a:b] is one organisation or place name that
// an earlier stage found, or several written together (石家庄平山县).
func (s *scanner) namesOnly(a, b int) bool {
	if len(s.ents) == 0 || a >= b {
		return false
	}
	k, _ := slices.BinarySearchFunc(s.ents, a, func(e newsfacts.Entity, off int) int { return cmp.Compare(e.Start, off) })
	for pos := a; pos < b; {
		next := -1
		for ; k < len(s.ents) && s.ents[k].Start <= pos; k++ {
			if e := s.ents[k]; e.Start == pos && e.End <= b && e.End > next && isName(e.Type) {
				next = e.End
			}
		}
		if next < 0 {
			return false
		}
		pos = next
	}
	return true
}

// nameEnd returns the end of the organisation or place name that off lies
// strictly inside, or -1.
func (s *scanner) nameEnd(off int) int {
	if len(s.ents) == 0 {
		return -1
	}
	k, _ := slices.BinarySearchFunc(s.ents, off, func(e newsfacts.Entity, off int) int { return cmp.Compare(e.Start, off) })
	end := -1
	// NOTE: names seldom nest: a few before off are enough to look at.
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if e := s.ents[j]; e.Start < off && off < e.End && isName(e.Type) {
			end = max(end, e.End)
		}
	}
	return end
}

// isName reports whether t is a type of name a subject may begin with.
func isName(t newsfacts.EntityType) bool {
	return t == newsfacts.ORG || t == newsfacts.PLACE
}

// dropUnitHead drops the unit or date word that begins a subject found
// after a numeral: the tail of another figure or of a date (连续3年超过400万吨
// → "", 8月中国快递发展指数 → 中国快递发展指数).
func (s *scanner) dropUnitHead(k, end int) int {
	t := s.text[:end]
	m := 0
	if q, n, ok := s.lx.midQual.match(t[k:], false); ok && q.pos == "mid" && s.startsUnit(k+n) {
		k += n // 1500多只羊 → 羊
	}
	if _, n, ok := s.lx.units.match(t[k:], false); ok {
		m = n
		if t[k:k+n] == "个" {
			if _, n2, ok := s.lx.units.match(t[k+n:], false); ok {
				m += n2 // 一个月内
			}
		}
	}
	if _, n, ok := s.lx.idAfter.match(t[k:], false); ok && n > m {
		m = n
	}
	if m > 0 && k+m < end {
		// 十年间, 3年来, 5年前的: the words that close a duration.
		for _, w := range [...]string{"以来", "间", "来", "内", "后", "前", "里", "中"} {
			if strings.HasPrefix(t[k+m:], w) {
				if w == "中" && strings.ContainsRune("国华央共心部小", runeAt(t, k+m+len(w))) {
					break // 11月份中国物流业景气指数: 中 begins 中国
				}
				m += len(w)
				break
			}
		}
	}
	if k+m < end && strings.HasPrefix(t[k+m:], "的") {
		m += len("的")
	}
	return k + m
}

// forwardSubject reads the noun after a measure word at off, or "" when
// there is none or it runs on too long to be one. With strict, a long run
// is never cut after an unverified noun ending. A quoted term is read
// whole (30条“监管令” → 监管令). A run that no clear boundary ends is cut
// after a noun ending (heads.txt) that a known word follows: 救援队员全部经受
// 住考验 → 救援队员, but 主营金银珠宝 is not cut after 金.
func (s *scanner) forwardSubject(off int, strict bool) string {
	t := s.text
	if q := s.quoted(off); q != "" {
		return q
	}
	if q, n, ok := s.lx.midQual.match(t[off:], false); ok && q.pos == "mid" && isHan(runeAt(t, off+n)) {
		off += n // 6万多高校毕业生 → 高校毕业生
	}
	k := off
	count := 0
	clean := false // the run ended at a clear boundary
	for k < len(t) {
		r, n := decodeRune(t[k:])
		if !isHan(r) || numeral.IsNumeral(r) && s.numeralAt(k) {
			clean = true
			break
		}
		role, m, ok := s.lx.subjectFwd.match(t[k:], false)
		if ok && role == subjNoun {
			k += m
			count += runes.Count(t[k-m : k])
			continue
		}
		if ok && role == subjPred || singleStop(r) && count != 1 {
			clean = true
			break
		}
		if ok && (m > 3 || count == 0) && (role != subjVerb || count > 0) {
			clean = true
			break
		}
		if _, m, ok := s.lx.changeFwd.match(t[k:], false); ok && m > 3 {
			clean = true
			break
		}
		if _, m, ok := s.lx.postQual.match(t[k:], false); ok && m > 3 {
			clean = true
			break
		}
		k += n
		count++
		if count > 10 {
			break
		}
	}
	if clean && count <= 4 {
		return trimLocative(t[off:k])
	}
	// Cut after a noun ending that a known word follows; else take a run
	// that a clear boundary ends whole (紧密型县域医共体 is not cut after 县);
	// else cut after the last noun ending.
	last := -1
	for e := k; e > off; {
		if _, _, ok := s.lx.heads.match(t[off:e]); ok {
			if e == k && clean || s.wordAt(e) {
				return t[off:e]
			}
			if last < 0 {
				last = e
			}
		}
		_, size := decodeLastRune(t[off:e])
		e -= size
	}
	if clean && count <= 8 {
		return trimLocative(t[off:k])
	}
	if last >= 0 && !strict {
		return t[off:last]
	}
	return ""
}

// trimLocative drops a locative that ends a noun read after a measure word:
// 70个大中城市中 → 大中城市.
func trimLocative(subj string) string {
	if h, ok := strings.CutSuffix(subj, "中"); ok && runes.Count(h) >= 2 {
		return h
	}
	return subj
}

// wordAt reports whether a word that ends a noun begins at off: a verb,
// glue or boundary word, a change or qualifier word.
func (s *scanner) wordAt(off int) bool {
	t := s.text[off:]
	if role, _, ok := s.lx.subjectFwd.match(t, false); ok && role != subjNoun {
		return true
	}
	if _, m, ok := s.lx.changeFwd.match(t, false); ok && m > 3 {
		return true
	}
	r, n := decodeRune(t)
	// NOTE: 中 after a noun ending is a locative (获得者中, 城市中), though
	// it begins words elsewhere (中国: 发展中国家 is not cut after 发展).
	if r == '中' {
		return !strings.ContainsRune("国华央共心部小", runeAt(t, n))
	}
	return singleStop(r) || !isHan(r)
}

// achievedItems reads a count of service items followed by the standard
// they reached, quoted: 1689项政务服务事项实现“一网通办” and 其中1582项实现
// “全程网办” count 一网通办事项 and 全程网办事项, not all the items (rule
// SubjAchieved). subj is the counted noun after the figure c; it must be a
// kind of 事项, or the verb itself after 项.
func (s *scanner) achievedItems(c *Candidate, subj string) string {
	off := c.End
	for off < len(s.text) && s.text[off] == ' ' {
		off++
	}
	switch {
	case subj == "实现" && c.Unit == "项":
	case strings.HasSuffix(subj, "事项") && strings.HasPrefix(s.text[off:], subj):
		off += len(subj)
	default:
		return ""
	}
	for _, w := range [...]string{"均已", "全部", "已经", "已", "均", "全面"} {
		if strings.HasPrefix(s.text[off:], w) {
			off += len(w)
			break
		}
	}
	if !strings.HasPrefix(s.text[off:], "实现") {
		return ""
	}
	q := s.quoted(off + len("实现"))
	if runes.Count(q) < 2 || !allHan(q) {
		return ""
	}
	if after := s.text[off+len("实现“")+len(q)+len("”"):]; strings.HasPrefix(after, "或") || strings.HasPrefix(after, "、") || strings.HasPrefix(after, "和") || strings.HasPrefix(after, "“") {
		return "" // 实现“一次不跑”或“只跑一次”: one of two standards
	}
	return q + "事项"
}

// quoted returns the term in Chinese quotes at off (“监管令”), or "" when
// there is none or it is too long to be a noun.
func (s *scanner) quoted(off int) string {
	t := s.text[off:]
	if !strings.HasPrefix(t, "“") {
		return ""
	}
	t = t[len("“"):]
	e := strings.Index(t, "”")
	if e <= 0 || e > 8*3 || strings.ContainsAny(t[:e], "，。；！？“") {
		return ""
	}
	return t[:e]
}

// numeralAt reports whether a numeral (not just a character of a word) starts
// at off.
func (s *scanner) numeralAt(off int) bool {
	num, ok := numeral.Scan(s.text[off:])
	if !ok {
		return false
	}
	return num.Form&numeral.Arabic != 0 || s.startsUnit(off+num.Len)
}

// leadingGlue reports whether a one-character word at the start of a
// subject is glue to drop.
func leadingGlue(r rune) bool {
	switch r {
	case '占', '为', '是', '达', '约', '已', '仅', '只', '了', '也', '共':
		return true
	}
	return false
}

// leadingGlueWord reports whether a glue word at the start of a subject is
// to drop (共计修复文物 → 修复文物 → 文物).
func leadingGlueWord(w string) bool {
	switch w {
	case "共计", "累计", "合计", "总计", "已经", "分别", "共有", "达到", "目前已", "已累计":
		return true
	}
	return false
}

// comparisonOnly reports whether gap, the text between two figures, holds
// only a clause break and the words of a comparison (，同比 / ，比上届 /
// ，较去年同期), so that the second figure changes the first.
func comparisonOnly(gap string) bool {
	g := strings.TrimLeft(gap, " ，,")
	if len(g) == len(gap) {
		return false // the figures are not in consecutive clauses
	}
	if g == "" {
		return true
	}
	if strings.ContainsAny(g, "，,；;。！？!?\n、") || runes.Count(g) > 8 {
		return false
	}
	for _, w := range [...]string{"同比", "环比", "比", "较", "与", "相比", "相较"} {
		if strings.HasPrefix(g, w) {
			return true
		}
	}
	return false
}

// stopNouns are nouns that begin with a character singleStop treats as a
// boundary (从业人员, 在建项目).
var stopNouns = [...]string{"从业", "在建", "在校", "在岗", "在职", "在线", "在读", "在册", "在途", "在库", "对外", "对口", "向阳", "将近", "由于"}

// startsStopNoun reports whether t begins with one of stopNouns.
func startsStopNoun(t string) bool {
	for _, w := range stopNouns {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// singleStop reports whether a one-character word ends a subject.
func singleStop(r rune) bool { return singleStops.has(r) }

// singleStops are the one-character words that end a subject.
//
// NOTE: a bit set, not a switch (a binary search whose branches
// mispredict): the walks for a subject ask about every character.
var singleStops = bmpSetOf("的和及与或在对向于、将把被到至从由")

// The subject rules. Every figure's subject is chosen by one of them, and
// its name goes to the subject_rule column. The first group is tried in
// scanner.subject, in the order listed; the second completes or replaces
// the subject once every figure of the text has one (facts).
const (
	SubjShared      = "subject: shared"          // the second end of 3至5年, the second figure of 分别增长32%和28.5%
	SubjCounted     = "subject: counted noun"    // the noun after a measure word: 17个重点新建项目
	SubjAchieved    = "subject: items achieving" // 1689项政务服务事项实现“一网通办” → 一网通办事项
	SubjNounAfterDe = "subject: noun after 的"    // a noun of people after a short modifier and 的: 300多位独居在家的老人
	SubjCarried     = "subject: carried"         // the subject of the figure before, for a change or a figure whose clause names nothing
	SubjCarriedPer  = "subject: carried, per unit"
	SubjNounAfter   = "subject: noun after"   // a figure after a verb alone takes the noun after it: 可惠及26万困难群众
	SubjMoneyAfter  = "subject: money after"  // 安排1.2亿元帮扶资金
	SubjShareOf     = "subject: share of"     // 覆盖75%以上的中小城市
	SubjVerb        = "subject: verb"         // only a verb before the figure: 已办结82个 → 办结
	SubjBefore      = "subject: noun before"  // the words before the figure in its clause: 满意度达98.7%
	SubjListItem    = "subject: 分别 list item" // 进出口总额和出口额分别增长12.3%和15.8%
	SubjHead        = "subject: completed head"
	SubjActor       = "subject: actor and measure"
	SubjAligned     = "subject: aligned with figures"
	SubjUrbanRural  = "subject: 城乡 split"
	SubjSubItem     = "subject: sub-item of 其中"
	SubjShare       = "subject: share of a whole"
	SubjBudget      = "subject: budget completion"
)

// SubjectRule describes one subject rule.
type SubjectRule struct {
	// Name is the rule's name, as written to the subject_rule column.
	Name string
	// Doc says what the rule does, with an example.
	Doc string
}

// SubjectRules returns the subject rules in the order they are tried.
func SubjectRules() []SubjectRule {
	return []SubjectRule{
		{SubjShared, "the second end of a range (3至5年) or the second figure of 分别A和B takes the subject of the first"},
		{SubjCounted, "a count with a measure word takes the noun after it: 17个重点新建项目 → 重点新建项目"},
		{SubjAchieved, "a count of service items followed by 实现 and a quoted standard counts the items that reached it: 1689项政务服务事项实现“一网通办” → 一网通办事项; 其中1582项实现“全程网办” → 全程网办事项"},
		{SubjNounAfterDe, "a count takes the noun of people after a short modifier and 的: 300多位独居在家的老人 → 老人"},
		{SubjCarried, "a figure takes the subject of the figure before it in the sentence when its clause names nothing else: 新增市场主体1.2万户，同比增长15.6%; 全年地区生产总值2856.3亿元，按不变价格计算，比上年增长6.1%"},
		{SubjCarriedPer, "a per-unit word alone (年均, 人均) is joined to the subject of the figure before: 收入增加到640亿元，年均增长22.7% → 收入年均"},
		{SubjNounAfter, "a figure after a verb alone, or after a name, takes the noun after it: 可惠及26万困难群众 → 困难群众"},
		{SubjMoneyAfter, "money after a verb alone takes the money noun after it: 将安排1.2亿元帮扶资金 → 帮扶资金"},
		{SubjShareOf, "a share takes the noun after 的: 覆盖75%以上的中小城市 → 中小城市"},
		{SubjVerb, "only a verb stands before the figure: 已办结82个 → 办结"},
		{SubjBefore, "the words before the figure in its clause, without glue, verbs, comparisons, scope words and markers: 满意度达98.7% → 满意度"},
		{SubjListItem, "分别 over a coordinated subject gives each figure its item: 进出口总额和出口额分别增长12.3%和15.8%"},
		{SubjHead, "a generic head is completed by the subject of the figure before: 工业用电量同比增长7.4%，增幅回落1.1个百分点 → 工业用电量增幅; 棉花种植面积3.1万公顷，总产9.6万吨 → 棉花总产量; a group after 其中 or a sector beside a sector takes the measure of the figure before: 居民人均可支配收入5万元，其中城镇居民6万元 → 城镇居民人均可支配收入"},
		{SubjActor, "an actor, a verb of achievement and the measure: 规模以上服务业企业实现营业收入88.4亿元 → 规模以上服务业企业营业收入"},
		{SubjAligned, "分别 after a list of figures gives each figure of the group the subject of the figure it answers: 一般贸易进口120亿元、加工贸易进口45亿元，分别增长6.2%、下降3.4%"},
		{SubjUrbanRural, "城乡居民 over two figures under 分别 is 城镇居民 and 农村居民: 城乡居民人均消费支出分别为21400元、12900元"},
		{SubjSubItem, "a verb after 其中 takes the subject of the earlier money it is part of: 安排专项资金5亿元，其中首批拨付2.5亿元"},
		{SubjShare, "a share after 占 names its part and its whole: 民营企业5680万户，占企业总量的92.6% → 民营企业占企业总量比重; 税收收入27.6亿元，占比71.9% → 税收收入占比"},
		{SubjBudget, "a share of the budget achieved names the measure of the money before it: 一般公共预算收入完成786.5亿元，完成预算的103.2% → 一般公共预算收入预算完成率; a change after it is of that measure"},
	}
}

// framing matches a duration that frames the figure after it and ends the
// words before it: 连续五年位居, 连续3年保持.
var framing = regexp.MustCompile(`(?:连续[0-9一二三四五六七八九十两]+个?(?:年|月|天|季度|届|次)|[0-9一二三四五六七八九十两]+个?(?:年|月|天)(?:间|来))(?:位居|稳居|位列|排名|排在|保持在|保持|稳定在|居|列|达到|实现)?$`)

// dateOrGlueOnly reports whether text[from:to] holds nothing but
// punctuation, a year and glue (，2024年达到).
func (s *scanner) dateOrGlueOnly(from, to int) bool {
	t := strings.TrimLeft(s.text[from:to], "，,； ")
	if n := yearBefore(t); n > 0 && n <= len(t) {
		t = t[n:]
	} else if len(t) >= len("2024年") && leadingYear.MatchString(t) {
		t = t[len(leadingYear.FindString(t)):]
	}
	for _, w := range [...]string{"达到", "达", "为", "突破", "超过", "增至", "增加到"} {
		t = strings.TrimPrefix(t, w)
	}
	return strings.TrimSpace(t) == ""
}
