package metric

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// factRole is the role of a word of data/facts.tsv.
type factRole uint8

const (
	factAside factRole = iota + 1
	factScope
	factAppend
	factItem
	factMeasure
	factAchieve
	factTarget
	factUntarget
	factPartVerb
	factTotal
	factTail
	factCampaign
	nFactRoles
)

var factRoles = map[string]factRole{
	"aside": factAside, "scope": factScope, "append": factAppend, "item": factItem,
	"measure": factMeasure, "achieve": factAchieve, "target": factTarget, "untarget": factUntarget, "partverb": factPartVerb, "total": factTotal, "tail": factTail,
	"campaign": factCampaign,
}

// dropAsides removes from gap, the text between two figures, the clauses
// that only say how a figure is counted (，按不变价格计算，).
func (s *scanner) dropAsides(gap string) string {
	for _, w := range s.lx.factWords[factAside] {
		if i := strings.Index(gap, w); i >= 0 {
			rest := strings.TrimLeft(gap[i+len(w):], "，, ")
			gap = gap[:i] + rest
		}
	}
	return gap
}

// facts completes the subjects of the figures of one text, marks targets,
// and strips scope words and leading place names from the subjects.
func (s *scanner) facts(out []Candidate) {
	if len(out) == 0 {
		return
	}
	// NOTE: most texts hold none of the words some rules start from: look
	// once per text, not once per figure, in the pass that finds the
	// sentences (see findBounds).
	s.findBounds()
	s.flags = s.bounds.flags
	fenbie, zhan, yu, bi, dui := s.flags.fenbie, s.flags.zhan, s.flags.yu, s.flags.bi, s.flags.dui
	if fenbie {
		s.alignGroups(out)
	}
	for k := range out {
		c := &out[k]
		if k > 0 && (c.SubjectRule == SubjCarried || c.SubjectRule == SubjShared) && out[k-1].Subject != "" {
			// The subject of the figure before as it stands now, after the
			// rules of this pass completed it (规模以上工业企业实现利润总额
			// 52860亿元，同比下降3.2%).
			c.Subject, c.series = out[k-1].Subject, out[k-1].series
			if out[k-1].SubjectRule == SubjBudget && k > 1 && out[k-2].Subject != "" && c.Verb != "" {
				// 收入完成786.5亿元，完成预算的103.2%，比上年增长4.8%: the
				// growth is of the revenue, not of its completion rate.
				c.Subject, c.series = out[k-2].Subject, out[k-2].series
			}
			if c.Verb == "" && out[k-1].Verb != "" {
				// 年均增长6.3%，2024年达到3865亿元: the level has no 年均.
				c.Subject = strings.TrimSuffix(strings.TrimSuffix(c.Subject, "年均"), "平均")
			}
			if p := &out[k-1]; (p.Unit == "百分点" || p.Rank) && c.Unit != "百分点" && c.Verb != "" {
				// 降幅比上月扩大0.6个百分点；环比下降0.8%: the change is of
				// the price, not of its rate; so after a rank of the rate
				// (增速…居全省第2位；比年初增加1387.5亿元).
				c.Subject = s.trimRateHead(c.Subject)
			}
		}
		s.shareBaseline(c, out[:k])
		if yu || bi {
			s.otherEntity(c, out[:k])
		}
		s.multipleOf(c)
		s.verbInSubject(c)
		s.wholeName(c)
		s.completeHead(c, out[:k])
		s.rateChange(c, out[:k])
		s.groupMeasure(c, out[:k])
		if zhan {
			s.shareOfWhole(c, out[:k])
		}
		s.actorMeasure(c)
		s.countedActor(c, out[:k])
		s.namedInBrackets(c)
		s.budgetCompletion(c, out[:k])
		if c.Subject == "" && c.Verb != "" && k > 0 && (out[k-1].SubjectRule == SubjShare || out[k-1].SubjectRule == SubjBefore && strings.HasSuffix(out[k-1].Subject, "率")) &&
			out[k-1].End > s.sentenceStart(c.Start) && comparisonOnly(s.text[out[k-1].End:c.Start]) {
			// …为66.16%，比上年末提高0.94个百分点: the figure before got its
			// subject in this pass (a share, a name in brackets).
			c.Subject, c.SubjectRule = out[k-1].Subject, SubjCarried
		}
		s.subItem(c, out[:k])
		s.normalizeSubject(c, out[:k])
		if c.SubjectRule == SubjVerb && (c.Unit == "吨标准煤" || c.Unit == "吨标煤") {
			c.Subject += "标准煤" // 可节约192万吨标准煤: what is saved is in the unit
		}
		s.partOfPeriod(c, out[:k])
		s.dailyFlow(c, out[:k])
		s.seriesOf(c, out[:k])
		if dui {
			s.tradePartner(c)
		}
		if c.Subject == "" {
			c.SubjectRule = ""
		}
		c.Planned = s.isTarget(c)
		if c.Planned && (c.goal == "预期" || c.goal == "预计") {
			if h, ok := strings.CutSuffix(c.Subject, c.goal); ok && h != "" {
				c.Subject = h // 一般公共预算收入预期增长3%左右
			}
		}
	}
}

// seriesOf names the series of a figure whose subject says it only in its
// context: 其中企业812.3万户 after a stock of 经营主体 counts 实有企业; a 满意率
// or 好评率 in a sentence about 好差评 is the 好差评满意率.
func (s *scanner) seriesOf(c *Candidate, prev []Candidate) {
	switch {
	case c.Subject == "企业" && c.Unit != "%":
		sent := s.sentenceStart(c.Start)
		if !strings.Contains(s.text[sent:c.Start], "其中") {
			return
		}
		for k := len(prev) - 1; k >= 0 && prev[k].End > sent; k-- {
			p := prev[k].Subject
			if (strings.Contains(p, "经营主体") || strings.Contains(p, "市场主体")) && !flowWord(p) {
				c.series = "实有企业"
				return
			}
		}
	case c.Subject == "人口" && c.Unit == "人":
		// 年末全国人口140798万人: the total population of a place at a
		// date, not the people a project covers (覆盖人口近38万人).
		head := strings.TrimSuffix(strings.TrimSpace(s.text[s.clauseStartAt(c.Start):c.Start]), "人口")
		for _, w := range [...]string{"年末", "全国", "全省", "全市", "全县", "全区"} {
			if strings.HasSuffix(head, w) {
				c.series = "常住人口"
				return
			}
		}
	case strings.HasSuffix(c.Subject, "满意率") || strings.HasSuffix(c.Subject, "好评率") || strings.HasSuffix(c.Subject, "满意度"):
		if strings.Contains(c.Subject, "好差评") {
			return
		}
		from := s.sentenceStart(c.Start)
		if from > 0 {
			from = s.sentenceStart(from - 1)
		}
		// NOTE: also the satisfaction of the people a government-service
		// centre served (市政务服务中心受理办件28.6万件，…群众满意率99.95%),
		// not a tourist's (游客满意率).
		if near := s.text[from:c.Start]; strings.Contains(near, "好差评") ||
			strings.HasPrefix(c.Subject, "群众") && (strings.Contains(near, "政务服务") || strings.Contains(near, "办结")) {
			c.series = "好差评满意率"
		}
	case c.Class == ClassMoney && (strings.HasSuffix(c.Subject, "投资") || c.Subject == "投资"):
		// 计划实施省市重点项目620个，完成年度投资1500亿元以上: the
		// investment of the projects counted before it in its sentence.
		if len(prev) == 0 || strings.Contains(c.Subject, "项目") || strings.Contains(c.Subject, "总投资") {
			return
		}
		p := &prev[len(prev)-1]
		if p.End > s.sentenceStart(c.Start) && p.Class == ClassCount && strings.HasSuffix(p.Subject, "重点项目") {
			c.series = "重点项目完成投资"
		}
	case c.Subject == "重点事项" || c.Subject == "重点事项落地":
		// 推进“高效办成一件事”，首批15个重点事项已…落地.
		from := s.sentenceStart(c.Start)
		if from > 0 {
			from = s.sentenceStart(from - 1)
		}
		if strings.Contains(s.text[from:c.Start], "一件事") {
			c.series = "高效办成一件事"
		}
	}
}

// flowWord reports whether subj counts additions (新增, 新设, 新登记 …)
// rather than a stock.
func flowWord(subj string) bool {
	for _, w := range flowWords {
		if strings.Contains(subj, w) {
			return true
		}
	}
	return false
}

// dropHolder drops the government-service platform or centre that holds
// what a subject measures (一体化政务服务平台实名注册用户 → 实名注册用户, 市政务
// 服务中心进驻部门 → 进驻部门), with 累计 after it, and the name of an
// airport before its throughput (高崎国际机场旅客吞吐量 → 机场旅客吞吐量): a
// dashboard keys the series by the measure; the holder is the place's.
//
// NOTE: government services only: other platforms (网联平台共处理…, 互联网
// 平台、…复销率) hold no measure a dashboard keys by.
func dropHolder(subj string) string {
	for _, h := range [...]string{"平台", "服务中心"} {
		i := strings.Index(subj, h)
		if i <= 0 || !strings.Contains(subj[:i], "政务") && !strings.Contains(subj[:i], "行政") && !strings.Contains(subj[:i], "便民") {
			continue
		}
		rest := strings.TrimPrefix(subj[i+len(h):], "累计")
		if runes.Count(rest) >= 3 && allHan(rest) { // not 中小企业公共服务平台问题 → 问题
			return rest
		}
	}
	if i := strings.Index(subj, "机场"); i > 0 && strings.HasSuffix(subj, "吞吐量") {
		return subj[i:]
	}
	// 银行业金融机构不良贷款率: a ratio of the banks by its name.
	for _, h := range [...]string{"银行业金融机构", "商业银行", "金融机构"} {
		if rest, ok := strings.CutPrefix(subj, h); ok && strings.HasSuffix(rest, "率") && runes.Count(rest) >= 4 {
			return rest
		}
	}
	return subj
}

// mattersScope matches the set of government-service matters that opens
// the subject of a measure of them (省级行政许可事项平均承诺办理时限,
// 依申请政务服务事项网上可办率, 政务服务好差评满意率).
var mattersScope = regexp.MustCompile(`^(?:省级|市级|县级|区级|市本级|县域内|[省市县区]?各部门)?(?:依申请)?(?:政务服务|行政许可|行政审批)?(?:事项)?`)

// dropMatters drops the set of matters a government-service measure is of
// (省级行政许可事项平均承诺办理时限 → 平均承诺办理时限): every annotator keys
// the series by the measure, the scope going with the place.
func dropMatters(subj string) string {
	// NOTE: the cheap test first: the regular expression ran for every
	// subject and cost 4 % of the extractor.
	if !strings.Contains(subj, "事项") && !strings.Contains(subj, "政务服务") && !strings.Contains(subj, "行政") && !strings.Contains(subj, "各部门") {
		return subj
	}
	m := mattersScope.FindString(subj)
	n := len(m)
	if n == 0 || n == len(subj) || !strings.Contains(m, "事项") && !strings.Contains(m, "政务服务") && !strings.Contains(m, "行政") && !strings.Contains(m, "各部门") {
		return subj // 县域内就诊率: a level alone is part of the measure
	}
	rest := subj[n:]
	if runes.Count(rest) < 3 {
		return subj
	}
	for _, w := range [...]string{"时限", "时间", "时长", "比例", "占比", "率"} {
		if strings.HasSuffix(rest, w) {
			return rest
		}
	}
	return subj
}

// cutPer cuts a denominator that ends a subject (粮食单产每亩 → 粮食单产),
// reporting whether it did.
func cutPer(subj string) (string, bool) {
	i := lastIndex(subj, "每")
	if i <= 0 {
		return subj, false
	}
	if n := runes.Count(subj[i:]); n < 2 || n > 3 || runes.Count(subj[:i]) < 2 {
		return subj, false
	}
	return subj[:i], true
}

// multipleOf names the subject of a multiple of another figure (日均接待量为
// 2019年同期的1.3倍 → 日均接待量; 总申购金额是发行金额的6.9倍 → 总申购金额):
// the words before 为, 是 or 相当于, not the base after it.
func (s *scanner) multipleOf(c *Candidate) {
	if c.Unit != "倍" || c.Verb != "" {
		return
	}
	head := s.text[s.clauseStartAt(c.Start):c.Start]
	if !strings.HasSuffix(head, "的") {
		return
	}
	for _, w := range [...]string{"相当于", "为", "是"} {
		i := strings.LastIndex(head, w)
		if i <= 0 {
			continue
		}
		if subj := s.stripScope(strings.TrimSpace(head[:i])); runes.Count(subj) >= 2 && allHan(subj) {
			c.Subject, c.SubjectRule = subj, SubjBefore
		}
		return
	}
}

// namedInBrackets names a figure by the rate that brackets name before it
// (城镇常住人口占总人口比重（常住人口城镇化率）为66.16% → 常住人口城镇化率):
// the name in brackets is the indicator's own.
func (s *scanner) namedInBrackets(c *Candidate) {
	// NOTE: the cheap test first: a closing bracket within a few
	// characters before the figure.
	if !strings.Contains(s.text[max(0, c.Start-12):c.Start], "）") {
		return
	}
	head := s.text[s.clauseStartAt(c.Start):c.Start]
	cut := false
	for _, w := range [...]string{"为", "是", "达到", "达"} {
		if h, ok := strings.CutSuffix(head, w); ok {
			head, cut = h, true
			break
		}
	}
	if !cut {
		return // 影响CPI（居民消费价格指数）下降0.23个百分点: the bracket names what is affected
	}
	close := "）"
	if !strings.HasSuffix(head, close) {
		return
	}
	open := strings.LastIndex(head, "（")
	if open < 0 {
		return
	}
	name := head[open+len("（") : len(head)-len(close)]
	if n := runes.Count(name); n < 4 || n > 12 || !allHan(name) {
		return
	}
	if strings.HasSuffix(name, "率") || strings.HasSuffix(name, "比重") || strings.HasSuffix(name, "指数") {
		c.Subject, c.SubjectRule = name, SubjBefore
	}
}

// handledCases keeps the verb of the cases a government-service centre
// handled (共受理办件36.2万件 → 受理办件; 共办理业务386.5万件 → 办理业务):
// 办件 or 业务 alone names no series.
func (s *scanner) handledCases(c *Candidate) {
	cases := strings.TrimPrefix(c.Subject, "各类") // 累计受理各类办件586.4万件
	if cases != "办件" && cases != "业务" {
		return
	}
	at := strings.LastIndex(s.text[:c.Start], c.Subject)
	if at < 0 || at < s.clauseStartAt(c.Start) {
		return
	}
	head := s.text[:at]
	for _, v := range [...]string{"受理", "办理", "办结"} {
		if strings.HasSuffix(head, v) {
			c.Subject = v + cases
			return
		}
	}
}

// tradedGoods names the trade of goods as reports name it (出口机电产品 →
// 机电产品出口, 进口原油 → 原油进口): the goods first, then the flow.
func tradedGoods(subj string) string {
	for _, flow := range [...]string{"出口", "进口"} {
		goods, ok := strings.CutPrefix(subj, flow)
		if !ok || runes.Count(goods) < 2 {
			continue
		}
		if strings.HasSuffix(goods, "产品") || strings.HasSuffix(goods, "制品") || slices.Contains(tradedGoodsNames[:], goods) {
			return goods + flow
		}
	}
	return subj
}

// tradedGoodsNames are goods that customs reports name without 产品.
var tradedGoodsNames = [...]string{"汽车", "电动汽车", "原油", "铁矿砂", "天然气", "煤炭", "大豆", "集成电路", "钢材", "船舶", "粮食", "锂电池", "太阳能电池", "服装", "纺织品", "服装及衣着附件", "箱包及类似容器"}

// normalizeSubject puts the subject of figure c in the form a dashboard keys a
// series by, in order: a quoted campaign, scope words, quotation marks and a
// leading place dropped; 总数 and 数量 off a count; the holder, the set of
// matters, traded goods, handled cases, 年均, 平均值, a denominator, the
// verb that issues bonds and the 余额 of money supply (see docs/metrics.md).
// prev are the figures before it in the text.
func (s *scanner) normalizeSubject(c *Candidate, prev []Candidate) {
	if strings.Contains(c.Subject, "“") {
		// NOTE: the campaign test needs the scope stripped first; most
		// subjects hold no quotation mark and skip the second strip.
		c.Subject = s.dropCampaign(s.stripScope(c.Subject))
	}
	c.Subject = s.stripScope(unquote(c.Subject))
	if c.Class == ClassCount && !c.Rank {
		// 高新技术企业总数达3210家: the count is of the thing counted.
		for _, w := range [...]string{"总数", "数量"} {
			if h, ok := strings.CutSuffix(c.Subject, w); ok && runes.Count(h) >= 2 {
				c.Subject = h
			}
		}
	}
	c.Subject = dropMatters(dropHolder(c.Subject))
	c.Subject = tradedGoods(c.Subject)
	s.handledCases(c)
	if c.SubjectRule == SubjCarried && len(prev) > 0 {
		// 累计受理各类事项486.2万件，办结483.9万件: the cases the verb
		// alone before the figure handled.
		cl := s.clauseStartAt(c.Start)
		if v := strings.TrimSpace(s.text[cl:c.Start]); v == "办结" || v == "受理" || v == "办理" {
			if cases := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(prev[len(prev)-1].Subject, "受理"), "办理"), "各类"); cases == "事项" || cases == "办件" || cases == "业务" {
				c.Subject = v + cases
			}
		}
	}
	if h, ok := strings.CutSuffix(c.Subject, "年均"); ok && c.Verb != "" && runes.Count(h) >= 2 {
		c.Subject = h // 地区生产总值年均增长5.1%: the change of 地区生产总值, averaged
	}
	if h, ok := strings.CutSuffix(c.Subject, "平均值"); ok && strings.HasSuffix(h, "率") {
		c.Subject = h // 城镇调查失业率平均值: the rate, averaged over the period
	}
	if h, ok := cutPer(c.Subject); ok {
		c.Subject = h // 粮食单产每亩490.3公斤: the unit's denominator
	} else if strings.HasPrefix(c.Subject, "每") && runes.Count(c.Subject) <= 3 && len(prev) > 0 && prev[len(prev)-1].Subject != "" &&
		prev[len(prev)-1].End > s.sentenceStart(c.Start) {
		// 粮食单产362.5公斤/亩，每亩比上年提高8.4公斤: the change of the
		// figure before, per its unit.
		c.Subject, c.SubjectRule = prev[len(prev)-1].Subject, SubjCarried
	}
	if b, ok := strings.CutPrefix(c.Subject, "发行"); ok && (strings.HasSuffix(b, "债") || strings.HasSuffix(b, "债券")) {
		// 拟发行超长期特别国债1.3万亿元: the bonds issued.
		c.Subject = b
	}
	if h, ok := strings.CutSuffix(c.Subject, "余额"); ok && (strings.HasSuffix(h, "货币") || strings.HasSuffix(h, "货币供应量")) {
		// 广义货币（M2）余额: money supply is a stock by its name.
		c.Subject = h
	}
}

// dailyFlow names a daily average of the flow before it in its sentence
// (新设立经营主体178.9万户，日均新设7362户 → 日均新设经营主体; 新增经营主体
// 236.8万户，…日均新增近7800户 → 日均新增经营主体) (rule SubjHead).
func (s *scanner) dailyFlow(c *Candidate, prev []Candidate) {
	rest, ok := strings.CutPrefix(c.Subject, "日均")
	if !ok || len(prev) == 0 {
		return
	}
	verb := rest
	if verb == "" {
		// 日均新增近7800户: the flow word stands between 日均 and the figure.
		at := strings.LastIndex(s.text[:c.NumStart], "日均")
		if at < 0 || at < s.clauseStartAt(c.Start) {
			return
		}
		verb = s.text[at+len("日均") : c.NumStart]
		if _, n, ok := s.lx.preQual.match(verb); ok {
			verb = verb[:len(verb)-n] // 近, 超
		}
	}
	p := &prev[len(prev)-1]
	if !slices.Contains(flowWords[:], verb) || p.End <= s.sentenceStart(c.Start) || p.Subject == "" {
		return
	}
	noun := p.Subject
	for _, w := range [...]string{"新设立", "新登记", "新注册", "新增", "新设"} {
		noun = strings.TrimPrefix(noun, w)
	}
	if noun == p.Subject || noun == "" {
		return // the figure before is no flow
	}
	c.Subject, c.SubjectRule = "日均"+verb+noun, SubjHead
}

// flowWords begin the name of a flow of a stock: 新增经营主体 counts
// additions to 经营主体.
var flowWords = [...]string{"新增", "新设", "新登记", "净增", "新注册", "新培育", "新认定"}

// partOfPeriod gives a change that names nothing but a part of the period
// after 其中 (其中4月当月增长5.6%; 其中，7月份同比增长8.1%) the subject of
// the last change in % before it in the paragraph: the same indicator over
// a shorter period (rule SubjCarried).
func (s *scanner) partOfPeriod(c *Candidate, prev []Candidate) {
	if c.Subject != "" && !s.isScope(c.Subject) || c.Verb == "" || c.Unit != "%" && c.Unit != "％" || len(prev) == 0 {
		return
	}
	if cl := s.clauseStartAt(c.Start); !strings.HasPrefix(s.text[cl:], "其中") && !continues(s.text[s.sentenceStart(c.Start):]) {
		return
	}
	para := strings.LastIndexByte(s.text[:c.Start], '\n') + 1
	for k := len(prev) - 1; k >= 0 && prev[k].End > para; k-- {
		if p := &prev[k]; p.Subject != "" && p.Verb != "" && p.Unit == c.Unit {
			c.Subject, c.SubjectRule = p.Subject, SubjCarried
			return
		}
	}
}

// textFlags records, once per text, the words that some fact rules start
// from: most texts hold none of them.
type textFlags struct {
	fenbie, zhan, yu, bi, dui bool // 分别, 占, 于, 比, 对
	// parts: 其中, or 按, or 分 and 看 (a breakdown such as 分产业看 may be
	// there; the rules look for it near the figure).
	parts bool
	pm    bool // PM (PM2.5)
}

// flagsOf finds the textFlags of t in one pass over its characters.
//
// NOTE: one pass, not a strings.Contains per word: the lead bytes of these
// characters are common in Chinese text, which makes each search slow.
func flagsOf(t string) textFlags {
	var fs flagScan
	for i := 0; i < len(t); {
		b := t[i]
		if b < utf8.RuneSelf {
			if b == 'P' {
				fs.see(t, i, 1, 'P')
			}
			i++
			continue
		}
		// NOTE: the characters looked for are all three bytes long: decode
		// those inline (continuation bytes unchecked: a wrong rune only
		// sets a flag that the rules check again).
		r, n := rune(utf8.RuneError), 1
		switch {
		case b >= 0xE0 && b < 0xF0 && i+2 < len(t):
			r, n = rune(b&0x0F)<<12|rune(t[i+1]&0x3F)<<6|rune(t[i+2]&0x3F), 3
			if flagRunes[r>>6]&(1<<(r&63)) == 0 {
				i += 3 // NOTE: one bit test for most runes, not the switch below
				continue
			}
		case b >= 0xF0:
			n = 4
		case b >= 0xC0:
			n = 2
		}
		fs.see(t, i, n, r)
		i += n
	}
	return fs.flags()
}

// flagScan gathers the textFlags of a text from the runes a pass over it
// reports (flagsOf, and findBounds, which finds them in its own pass).
type flagScan struct {
	f                textFlags
	fen, kan, an, qi bool
}

// see records the rune r, n bytes long at t[i:].
func (fs *flagScan) see(t string, i, n int, r rune) {
	switch r {
	case 'P':
		if strings.HasPrefix(t[i:], "PM") {
			fs.f.pm = true
		}
	case '分':
		fs.fen = true
		if strings.HasPrefix(t[i+n:], "别") {
			fs.f.fenbie = true
		}
	case '占':
		fs.f.zhan = true
	case '于':
		fs.f.yu = true
	case '比':
		fs.f.bi = true
	case '对':
		fs.f.dui = true
	case '看':
		fs.kan = true
	case '按':
		fs.an = true
	case '其':
		if strings.HasPrefix(t[i+n:], "中") {
			fs.qi = true
		}
	}
}

// flags returns the textFlags of the runes seen.
func (fs *flagScan) flags() textFlags {
	fs.f.parts = fs.qi || fs.an || fs.fen && fs.kan
	return fs.f
}

// flagRunes is a bitmap of the runes that flagsOf looks at.
var flagRunes = func() (bm [1 << 10]uint64) {
	for _, r := range "分占于比对看按其" {
		bm[r>>6] |= 1 << (r & 63)
	}
	return bm
}()

// hasParts reports whether the text may hold 其中 or a breakdown.
func (s *scanner) hasParts() bool { return s.flags.parts }

// sentenceStart returns the start of the sentence that holds off.
func (s *scanner) sentenceStart(off int) int {
	if off >= s.lastSentence.lo && off < s.lastSentence.hi {
		return s.lastSentence.lo
	}
	s.findBounds()
	return s.lastSentence.find(s.bounds.sentences, off)
}

// clauseStartAt returns the start of the clause that holds off.
func (s *scanner) clauseStartAt(off int) int {
	if off >= s.lastClause.lo && off < s.lastClause.hi {
		return s.lastClause.lo
	}
	s.findBounds()
	return s.lastClause.find(s.bounds.clauses, off)
}

// markSpan is the stretch from a mark to the next one (or to the end of
// the text) that sentenceStart or clauseStartAt found last; hi is 0
// before the first.
//
// NOTE: the rules ask again and again about the sentence and the clause
// of the figure at hand, and of its neighbours: most questions are
// answered here without a search (the two 0.29 → 0.22 s in a 16-iteration
// profile of the package benchmark).
type markSpan struct{ lo, hi int }

// find returns the last mark at or before off (marks starts with 0) and
// remembers its span.
//
// NOTE: the binary search written out: sort.Search's closure is not
// inlined.
func (m *markSpan) find(marks []int, off int) int {
	lo, hi := 0, len(marks)
	for lo < hi {
		k := int(uint(lo+hi) >> 1)
		if marks[k] > off {
			hi = k
		} else {
			lo = k + 1
		}
	}
	m.lo, m.hi = marks[lo-1], math.MaxInt
	if lo < len(marks) {
		m.hi = marks[lo]
	}
	return m.lo
}

// bounds holds where the sentences and clauses of the text start, and its
// target and untarget words, found in one pass the first time a rule asks.
//
// NOTE: found once per text, then searched: a rule that walked back to the
// last sentence end for each figure spent a quarter of the extractor's
// time there.
type bounds struct {
	found              bool
	sentences, clauses []int
	goals              []goalMark
	// years are the places where 到 or 至 is followed by 20, perhaps
	// after spaces (到 2027 年): at is the offset of 到, end that of the
	// end of 20 (see goalYearIn).
	years []yearMark
	// flags are the textFlags of the text: flagsOf's, found in the same
	// pass.
	flags textFlags
	// triggers are the offsets of the runes that a figure may begin at
	// (see scanner.scan), found in the same pass with the view; trig
	// reports that they were, and are those of the view.
	triggers []int
	trig     bool
}

// yearMark is one 到20 or 至20 of the text.
type yearMark struct{ at, end int }

// goalMark is one target or untarget word of the text.
type goalMark struct {
	at, end int
	word    string
	role    factRole
}

// findBounds fills s.bounds.
//
// NOTE: it also finds the textFlags of the text, which was a pass of its
// own (flagsOf, 3 % of the package benchmark's profile). flagsOf decodes
// without checking continuation bytes; on valid UTF-8 it reads the same
// runes as this pass, on a text with invalid bytes it is run as before.
func (s *scanner) findBounds() {
	if !s.bounds.found {
		s.bounds.find(s.lx, s.text, false)
	}
}

// find fills b with the bounds of t. With view set it also records where
// a figure may begin (b.triggers, for scan), and stops at what the view of
// t skips (see newView), t being the document's own text: at
// the first offset where the view skips something it gives up, leaves b
// empty and not found, and returns that offset, which newViewFrom goes on
// from; invalid says whether it met invalid UTF-8 before (newView then
// starts again from 0, as it steps over the bytes of an invalid rune
// otherwise than this pass). It returns -1 when it filled b; t is then its
// own view, unless invalid is set.
//
// NOTE: the offsets where a figure may begin cost this pass 63 M
// instructions on the corpus (540 → 603 M) and save scan 178 M of its walk
// (292 → 114 M, scanTriggers included); cachegrind of a whole run
// 37.10 → 36.92 G.
// NOTE: the pass of newView, in this one for the texts that have nothing
// to skip (four in five of the corpus's): newView and plainAt were 217 M
// instructions on the corpus, this pass gained 56 M (484 → 540 M, the
// texts with skips passed over twice up to the first); cachegrind of a
// whole run 37.26 → 37.10 G, of the package benchmark 10.36 → 10.16 G.
func (b *bounds) find(lx *lexicon, t string, view bool) (skip int, invalid bool) {
	b.found = true
	b.sentences = append(b.sentences[:0], 0)
	b.clauses = append(b.clauses[:0], 0)
	b.triggers = b.triggers[:0]
	stops := &lx.boundRunes
	if view {
		stops = &lx.viewRunes
	}
	var fs flagScan

	for i := 0; i < len(t); {
		// NOTE: a three-byte rune that is no mark and begins no target
		// word is stepped over after one bit test, its continuation bytes
		// checked but not decoded: an overlong or surrogate sequence would
		// give three runes.RuneError, no mark either. With flagsOf folded
		// in: 0.81 → 0.58 s for the two in a profile of 12 iterations of
		// the package benchmark.
		// NOTE: the runs of three-byte runes that are no mark and begin no
		// target word, in a loop of their own that reads the three bytes
		// as one word: the same test as below, in fewer instructions
		// (findBounds 663 → 583 M instructions a pass of the package
		// benchmark, cachegrind).
		// NOTE: the three reads go through a slice of length 3, so that
		// they are not checked one by one (577 → 534 M instructions a
		// pass); the loop steps an index, not a slice of the rest, whose
		// advance costs a mask, and the bitmap's word is found from the
		// bytes without the whole rune (r>>6 is the lead's four bits and
		// the second byte's six, the bit the third byte's six): findBounds
		// 534 → 485 M instructions a pass of the package benchmark
		// (cachegrind).
		// NOTE: two runes a step where eight bytes remain, read as one
		// little-endian word: the same test on each (the lead's low four
		// bits and the second byte's six index the bitmap, the third
		// byte's six the bit), in fewer instructions than two steps of
		// the loop below, which takes the last bytes of t: find 603 →
		// 538 M instructions a pass of the package benchmark (cachegrind).
		for i <= len(t)-8 {
			b8 := t[i : i+8]
			x := uint64(b8[0]) | uint64(b8[1])<<8 | uint64(b8[2])<<16 | uint64(b8[3])<<24 |
				uint64(b8[4])<<32 | uint64(b8[5])<<40 | uint64(b8[6])<<48 | uint64(b8[7])<<56
			if x&0xC0C0F0C0C0F0 == 0x8080E08080E0 {
				if stops[x<<6&0x3C0|x>>8&0x3F]&(1<<(x>>16&63)) != 0 {
					break
				}
				if stops[x>>18&0x3C0|x>>32&0x3F]&(1<<(x>>40&63)) != 0 {
					i += 3
					break
				}
				i += 6
				continue
			}
			if x&0xC0C0F0 == 0x8080E0 && stops[x<<6&0x3C0|x>>8&0x3F]&(1<<(x>>16&63)) == 0 {
				i += 3
				continue
			}
			break
		}
		for i+8 > len(t) && i+3 <= len(t) {
			r3 := t[i : i+3]
			w := uint32(r3[0])<<16 | uint32(r3[1])<<8 | uint32(r3[2])
			if w&0xF0C0C0 != 0xE08080 {
				break
			}
			if stops[w>>10&0x3C0|w>>8&0x3F]&(1<<(w&63)) != 0 {
				break
			}
			i += 3
		}
		if i >= len(t) {
			break
		}
		b0 := t[i]
		if b0 < utf8.RuneSelf && lx.goalRunes[b0>>6]&(1<<(b0&63)) == 0 {
			// NOTE: ASCII (digits, mostly) without a decode: the marks
			// and PM only (findBounds 0.72 → 0.61 s in a profile of 12
			// iterations of the package benchmark).
			switch b0 {
			case '!', '?', '\n':
				b.sentences = append(b.sentences, i+1)
				b.clauses = append(b.clauses, i+1)
			case ',', ';', ':':
				b.clauses = append(b.clauses, i+1)
			case 'P':
				fs.see(t, i, 1, 'P')
			case ' ', '\t', '[', '(':
				if view && skipAt(t, i) > 0 {
					b.reset()
					return i, invalid
				}
			}
			if view && asciiTrigger[b0] {
				b.triggers = append(b.triggers, i)
			}
			i++
			continue
		}
		var r rune
		n := 3
		if b0 >= 0xE0 && b0 < 0xF0 && i+2 < len(t) && t[i+1]&0xC0 == 0x80 && t[i+2]&0xC0 == 0x80 {
			r = rune(b0&0x0F)<<12 | rune(t[i+1]&0x3F)<<6 | rune(t[i+2]&0x3F)
			if stops[r>>6]&(1<<(r&63)) == 0 {
				i += 3
				continue
			}
			if r < 0x800 || r&0xF800 == 0xD800 {
				r, n = runes.At(t, i) // overlong or a surrogate: invalid
			}
		} else {
			r, n = runes.At(t, i)
		}
		invalid = invalid || n == 1 && r == utf8.RuneError
		if view {
			if viewSkipRune(r) && skipAt(t, i) > 0 {
				b.reset()
				return i, invalid
			}
			if r < utf8.RuneSelf && asciiTrigger[r] || r >= utf8.RuneSelf && isTrigger(r) {
				b.triggers = append(b.triggers, i)
			}
		}
		switch r {
		case '。', '！', '？', '!', '?', '\n':
			b.sentences = append(b.sentences, i+n)
			b.clauses = append(b.clauses, i+n)
		case '，', ',', '；', ';', '：', ':':
			b.clauses = append(b.clauses, i+n)
		default:
			if r < 1<<16 && lx.goalRunes[r>>6]&(1<<(r&63)) != 0 {
				for _, w := range lx.goalsByRune[r] {
					if strings.HasPrefix(t[i:], w) {
						b.goals = append(b.goals, goalMark{at: i, end: i + len(w), word: w, role: lx.facts[w]})
					}
				}
			}
			if r == '到' || r == '至' {
				k := i + n
				for k < len(t) && t[k] == ' ' {
					k++
				}
				if strings.HasPrefix(t[k:], "20") {
					b.years = append(b.years, yearMark{at: i, end: k + len("20")})
				}
			}
			// The textFlags, as flagsOf finds them ('P' here only if it
			// began a target word).
			fs.see(t, i, n, r)
		}
		i += n
	}
	f := fs.flags()
	if invalid {
		f = flagsOf(t)
	}
	b.flags = f
	b.trig = view && !invalid
	return -1, invalid
}

// reset empties b, keeping its buffers.
func (b *bounds) reset() {
	*b = bounds{sentences: b.sentences[:0], clauses: b.clauses[:0], goals: b.goals[:0], years: b.years[:0], triggers: b.triggers[:0]}
}

// viewSkipRune reports whether newView may skip something that begins
// with r (see skipAt).
func viewSkipRune(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '\u00a0', '[', '［', '〔', '（', '(':
		return true
	}
	return r >= '①' && r <= '⑳'
}

// otherEntity reads the subject of a figure compared with another entity
// (增速高于长沙市平均水平0.6个百分点, 比全省高0.9个百分点): the words before
// the comparison, not the entity compared with.
func (s *scanner) otherEntity(c *Candidate, prev []Candidate) {
	if c.SubjectRule != SubjBefore && c.SubjectRule != SubjVerb && c.SubjectRule != SubjCarried {
		return
	}
	cl := s.clauseStartAt(c.Start)
	head := s.text[cl:c.Start]
	// 增速比全国低1.3个百分点: 比, a place or scope word, and a comparison.
	if i := lastIndex(head, "比"); i >= 0 {
		rest := head[i+len("比"):]
		for _, w := range [...]string{"高出", "低出", "高", "低", "快", "慢", "多", "少"} {
			p, ok := strings.CutSuffix(rest, w)
			for _, a := range [...]string{"平均水平", "平均", "水平"} {
				p = strings.TrimSuffix(p, a) // 比全国平均水平高
			}
			if ok && p != "" && (s.isScope(p) || s.placePrefix(p) == len(p)) {
				if c.Verb == "" && c.Unit == "百分点" && !negated(head[:i]) {
					c.gap = comparedVerbs[w]
				}
				subj := s.stripScope(strings.TrimSpace(head[:i]))
				if subj == "" {
					subj = s.comparedFigure(c, prev)
				}
				if subj != "" && allHan(subj) {
					c.Subject, c.SubjectRule = subj, SubjBefore
				}
				return
			}
		}
	}
	// NOTE: each word below ends in 于: a clause without it needs no
	// search per word (otherEntity 0.47 → 0.10 s in a profile of 12
	// iterations of the package benchmark).
	if !strings.Contains(head, "于") {
		return
	}
	for _, w := range [...]string{"高于", "低于", "快于", "慢于", "好于", "优于"} {
		i := strings.LastIndex(head, w)
		if i < 0 {
			continue
		}
		if other := strings.TrimSpace(head[i+len(w):]); c.Verb == "" && c.Unit == "百分点" &&
			other != "" && runes.Count(other) <= 8 && allHan(other) && !negated(head[:i]) {
			// 高于全国0.5个百分点, 高于城镇居民1.9个百分点: the gap says
			// which way; a comparison with a place is no baseline.
			c.gap = newsfacts.DirUp
			if w == "低于" || w == "慢于" {
				c.gap = newsfacts.DirDown
			}
		}
		subj := s.stripScope(strings.TrimSpace(head[:i]))
		if subj == "" {
			subj = s.comparedFigure(c, prev)
		}
		if subj == "" || !allHan(subj) {
			return
		}
		c.Subject, c.SubjectRule = subj, SubjBefore
		return
	}
}

// negated reports whether head, the words before a comparison, ends with a
// negation that makes the comparison a bound (不低于, 不得高于): a qualifier,
// not a gap.
func negated(head string) bool {
	for _, w := range [...]string{"不", "不得", "不能", "不会", "不应", "未"} {
		if strings.HasSuffix(head, w) {
			return true
		}
	}
	return false
}

// inEvaluation matches the evaluation or ranking that opens a sentence
// (在2024年度全省营商环境评价中，), its name in group 1.
var inEvaluation = regexp.MustCompile(`^\s*在([\p{Han}0-9]{2,24}(?:评价|评估|考核|排名|排行|测评|榜单))中，`)

// leadingYear matches a year that begins a subject (2019年, 2023年末).
var leadingYear = regexp.MustCompile(`^[0-9]{4}年(?:底|末|初)?`)

// comparedFigure returns the subject of a gap in points to another entity
// that names none (同比增长5.3%，高于全国0.2个百分点 → …增速; 综合机械化率
// 达到98.8%，比全国平均水平高23.9个百分点 → …综合机械化率): the growth rate
// or the rate just given in the sentence, or "".
func (s *scanner) comparedFigure(c *Candidate, prev []Candidate) string {
	if c.Unit != "百分点" || len(prev) == 0 {
		return ""
	}
	p := &prev[len(prev)-1]
	if p.Unit != "%" && p.Unit != "％" || p.Subject == "" || p.End <= s.sentenceStart(c.Start) {
		return ""
	}
	if p.Verb == "" || p.Target {
		return p.Subject // a rate reached: the gap is of the rate
	}
	if strings.HasSuffix(p.Subject, "增速") {
		return p.Subject
	}
	return p.Subject + "增速"
}

// shareOfWhole names a share by its part and its whole (rule SubjShare):
// 民营企业5680万户，占企业总量的92.6% → 民营企业占企业总量比重; 税收收入27.6亿元，
// 占比71.9% → 税收收入占比; 机电产品出口…，分别占全市出口总额的18.2%和9.6%.
func (s *scanner) shareOfWhole(c *Candidate, prev []Candidate) {
	// NOTE: a share reached (比重提高到35.2%) is a share too.
	if c.Unit != "%" && c.Unit != "％" || c.Verb != "" && !c.Target || c.SubjectRule == SubjListItem {
		return
	}
	cl := s.clauseStartAt(c.Start)
	head := s.text[cl:c.Start]
	i := strings.Index(head, "占")
	// NOTE: 占地 is land taken (占地50亩), but 占地区生产总值 and 占地方财政
	// 收入 are shares.
	if i < 0 || strings.HasPrefix(head[i:], "占地") && !strings.HasPrefix(head[i:], "占地区") && !strings.HasPrefix(head[i:], "占地方") {
		return
	}
	part := s.stripScope(strings.TrimSpace(head[:i]))
	for _, w := range [...]string{"分别", "均", "大约", "约", "仅", "只", "将", "已经", "已", "则", "也", "为"} {
		part = strings.TrimSuffix(part, w) // 国际参展商约占40%
	}
	part = strings.ReplaceAll(part, "的", "") // 高新技术产业的增加值占…
	whole := head[i+len("占"):]
	for _, w := range [...]string{"的", "达到", "达", "为", "约", "是", "分别"} {
		whole = strings.TrimSuffix(whole, w)
	}
	ratio := "比重"
	for _, r := range [...]string{"比重", "比例"} {
		if k := strings.Index(whole, r); k >= 0 {
			whole = whole[:k+len(r)] // 比重力争达到, 比重稳定在
			break
		}
	}
	if strings.HasPrefix(whole, "比") && whole != "比" && !strings.HasPrefix(whole, "比重") && !strings.HasPrefix(whole, "比例") {
		// 即办件占比由去年的41.3%提高到52%: the word 占比, which the walk
		// back may have read already.
		if strings.HasSuffix(c.Subject, "占比") {
			return
		}
		whole = "比"
	}
	bare := whole == "" || whole == "了" || whole == "到" // 65岁及以上人口858万人，占17.1%
	switch {
	case whole == "比", bare:
		whole, ratio = "", "占比"
	case strings.HasSuffix(whole, "比重"), strings.HasSuffix(whole, "比例"):
		ratio = whole[len(whole)-len("比重"):]
		whole = strings.TrimSuffix(whole[:len(whole)-len(ratio)], "的")
	}
	whole = s.stripScope(whole)
	if rest, ok := strings.CutPrefix(whole, "我"); ok && !strings.HasPrefix(rest, "国") && runes.Count(rest) >= 3 {
		whole = rest // 占我外贸总值的 → 外贸总值
	}
	if part == "" {
		switch {
		case c.SubjectRule == SubjAligned:
			part = c.Subject // 分别占…: the figure it answers
		case len(prev) > 0 && prev[len(prev)-1].End > s.sentenceStart(c.Start) && prev[len(prev)-1].Subject != "":
			p := &prev[len(prev)-1]
			if bare && (p.Unit == "%" || p.Unit == "％" || p.Unit == "百分点" || p.Verb != "") {
				// 贡献率突破60%，其中良种…最大，占45%: a share of a count
				// or amount before it only.
				return
			}
			part = p.Subject
		}
	}
	if strings.Contains(part, "占") && (strings.HasSuffix(part, "比重") || strings.HasSuffix(part, "比例") || strings.HasSuffix(part, "占比")) {
		return // already a share (分别占…: the figure before gave it)
	}
	if y := leadingYear.FindString(part); y != "" && len(y) < len(part) {
		part = part[len(y):] // 2019年规模以上高技术产业增加值占比: the year is the period's
	}
	if part == "" || !allHan(strings.TrimLeft(part, "0123456789—–-")) || whole != "" && !allHan(whole) {
		return
	}
	if ratio == "占比" {
		if bare && (s.placePrefix(part) == len(part) || strings.ContainsAny(lastWord(part), "了成到除")) {
			// 美国占54%: a place's share of what the sentence counts;
			// 降到了占20%, 折算成…占49%: no part.
			return
		}
		c.Subject, c.SubjectRule = part+"占比", SubjShare
		return
	}
	if whole == "" {
		return
	}
	c.Subject, c.SubjectRule = part+"占"+whole+ratio, SubjShare
}

// unquote drops the quotation marks of a subject (“跨省通办”事项 →
// 跨省通办事项): a dashboard keys a series by its name.
func unquote(subj string) string {
	// NOTE: “” start with byte 0xE2 and 「」 with 0xE3; most subjects hold
	// neither, and this test is cheaper than ContainsAny.
	if strings.IndexByte(subj, 0xE2) < 0 && strings.IndexByte(subj, 0xE3) < 0 {
		return subj
	}
	if !strings.ContainsAny(subj, "“”「」") {
		return subj
	}
	return quotes.Replace(subj)
}

// dropCampaign drops the quoted name of a government-service campaign
// (data/facts.tsv, role campaign) that opens a subject (“高效办成一件事”重点
// 事项平均办理时限 → 重点事项平均办理时限, “一网通办”网上办理率 → 网上办理率)
// when at least five characters follow it: the series is the measure. A
// short rest keeps it (“跑零次”事项), and other quoted names are no
// campaign (“三新”经济增加值).
func (s *scanner) dropCampaign(subj string) string {
	if !strings.HasPrefix(subj, "“") {
		return subj
	}
	end := strings.Index(subj, "”")
	if end < 0 || !slices.Contains(s.lx.factWords[factCampaign], subj[len("“"):end]) {
		return subj
	}
	rest := subj[end+len("”"):]
	if runes.Count(rest) < 5 || strings.ContainsAny(rest, "“”") {
		return subj
	}
	return rest
}

var quotes = strings.NewReplacer("“", "", "”", "", "「", "", "」", "")

// tradePartner keeps 对 before a trade figure's subject: 对东盟进出口 is the
// trade with a partner, not the partner.
func (s *scanner) tradePartner(c *Candidate) {
	if c.SubjectRule != SubjBefore && c.SubjectRule != SubjCarried || c.Subject == "" {
		return
	}
	if !strings.HasSuffix(c.Subject, "进出口") && !strings.HasSuffix(c.Subject, "出口") && !strings.HasSuffix(c.Subject, "进口") {
		return
	}
	cl := s.clauseStartAt(c.Start)
	head := unquote(s.text[cl:c.Start])
	for _, p := range [...]string{"对共建", "对"} { // 对共建“一带一路”国家进出口
		if strings.Contains(head, p+c.Subject) {
			c.Subject = p + c.Subject
			return
		}
	}
	// 其中对越南进出口1590.7亿元, 对“一带一路”共建国家进出口: the partner,
	// which the subject lost, stays in it.
	at := strings.LastIndex(head, c.Subject)
	if at < 0 {
		return
	}
	i := strings.LastIndex(head[:at], "对")
	if i < 0 {
		return
	}
	partner := head[i+len("对") : at]
	if n := runes.Count(partner); n >= 1 && n <= 10 && !strings.ContainsAny(partner, "，,、；;：:的") &&
		(allHan(partner) || s.placePrefix(partner) == len(partner)) {
		c.Subject = "对" + partner + c.Subject
	}
}

// shareBaseline gives a change with no baseline of its own the baseline of
// the change before it in the sentence: 第一产业增加值比上年增长4.0%；第二产业
// 增加值增长4.6% compares both with the year before.
func (s *scanner) shareBaseline(c *Candidate, prev []Candidate) {
	if c.Verb == "" || c.Baseline != "" || c.From != nil && c.From.Verb == "" {
		return // 由42个精简为18个 compares two levels, not with a period
	}
	defer s.fromPeriod(c)
	sent := s.sentenceStart(c.Start)
	if (continues(s.text[sent:]) || partOfWhole(s.text[sent:]) || opensBreakdown(s.text[sent:])) && sent > 0 {
		// 比上年增长5.1%。其中，第一产业增加值增长4.0%: a sentence that
		// begins with 其中 continues the one before it; one that opens a
		// breakdown (分产业看，…) breaks the headline before it down, over
		// the same comparison.
		breakdown := opensBreakdown(s.text[sent:])
		sent = s.sentenceStart(sent - 1)
		if breakdown || opensBreakdown(s.text[sent:]) {
			// NOTE: the headline may stand sentences before, in its
			// paragraph or, for a breakdown that opens one, the paragraph
			// before (…比上年增长5.5%。全市人均生产总值…。\n分区域看，…).
			sent = strings.LastIndexByte(s.text[:sent], '\n') + 1
			if sent > 0 && breakdown && strings.LastIndexByte(s.text[:s.sentenceStart(c.Start)], '\n')+1 == s.sentenceStart(c.Start) {
				sent = strings.LastIndexByte(s.text[:sent-1], '\n') + 1
			}
		}
	}
	// NOTE: a change in % takes the baseline of a change in % before it,
	// not of a change of its rate in points (同比增长6.8%，增速比1—7月加快
	// 0.2个百分点。其中，8月份增长7.5% compares with a year before).
	for _, sameUnit := range [...]bool{true, false} {
		for k := len(prev) - 1; k >= 0 && prev[k].End > sent; k-- {
			if p := &prev[k]; p.Verb != "" && p.Baseline != "" && !p.impliedBase && (!sameUnit || p.Unit == c.Unit) {
				c.Baseline = p.Baseline
				return
			}
		}
	}
	// A baseline word that stands before the changes, with no figure of
	// its own (4月份，八大类价格同比“四升四降”：…分别上涨1.6%、1.2%),
	// compares every change after it.
	head := s.text[sent:c.Start]
	i := max(lastIndex(head, "同比"), lastIndex(head, "环比"))
	if i < 0 {
		return
	}
	after := head[i+len("同比"):]
	// NOTE: 同比增长率全面回落，分别下降1.31、0.98个百分点: the points are a
	// change of the year-on-year rate, against another period.
	if figureFollows(after) || c.Unit == "百分点" && containsAny(after, "增长率", "增速", "增幅", "涨幅", "降幅") {
		return
	}
	c.Baseline = head[i : i+len("同比")]
}

// containsAny reports whether s contains any of words.
func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// fromPeriod gives a rate that turned (由上年下降7.4%转为增长3.1%) and has
// no baseline yet the baseline of such rates: from the year before, an
// annual rate (prev_year); from a month or quarter before (由上月下降0.2%
// 转为上涨0.4%, 由一季度下降3.2%转为增长0.8%), a rate against the same
// period a year before (yoy).
//
// NOTE: not the period turned from: the figure is the new rate, not its
// change since then (a reading of 由一季度… as prev_period would say the
// 0.8% is growth over the first quarter).
func (s *scanner) fromPeriod(c *Candidate) {
	if c.Baseline != "" || c.From == nil || c.fromAt < 0 || c.From.Start <= c.fromAt {
		return
	}
	_, n := decodeRune(s.text[c.fromAt:])
	mid := strings.TrimSuffix(strings.TrimSpace(s.text[c.fromAt+n:c.From.Start]), "的")
	if mid == "" {
		return
	}
	switch raw := "比" + mid; {
	case raw == "比上年" || raw == "比去年":
		c.Baseline, c.impliedBase = "比上年", true
	case raw == "比上年全年" || raw == "比去年全年" || raw == "比上月" || raw == "比上季度" || periodBaseline(raw) == len(raw):
		// 1—2月份…利润由上年全年下降2.3%转为增长: a part of the year.
		c.Baseline, c.impliedBase = "同比", true
	}
}

// figureFollows reports whether a digit stands in text before its first
// clause mark: a baseline word before it is that figure's (同比增长5%，…).
func figureFollows(text string) bool {
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			return true
		case strings.ContainsRune("，,；;：:", r):
			return false
		}
	}
	return false
}

// partOfWhole reports whether a sentence that begins text opens with the
// part of a whole (食品中，猪肉价格下降16.3%; 限额以上单位中，…零售额分别增长):
// its changes share the baseline of the sentence before, though not its
// subject (农民工中，四分之三为…).
func partOfWhole(text string) bool {
	text = strings.TrimLeft(text, " \u3000")
	// NOTE: six runes are at most 24 bytes: the first 中， further on,
	// which a search of the whole rest of the text found, fails the count
	// (see actorMeasure for the figure).
	c := strings.Index(text[:min(len(text), 6*utf8.UTFMax+len("中，"))], "中，")
	return c > 0 && runes.Count(text[:c]) <= 6 && allHan(text[:c])
}

// opensBreakdown reports whether a sentence that begins text opens with the
// words of a breakdown (分产业看，按常住地分，).
func opensBreakdown(text string) bool {
	return breakdownAt(strings.TrimLeft(text[:min(len(text), 40)], " \u3000")) == 0
}

// continues reports whether a sentence that begins text continues the
// sentence before it: 其中…. (分产业看… does not carry the subject: its
// changes are of other series.)
func continues(text string) bool {
	text = strings.TrimLeft(text, " \u3000")
	if strings.HasPrefix(text, "其中") || strings.HasPrefix(text, "扣除价格因素") {
		return true
	}
	// 按同口径计算，按可比价格计算，: a note on how the figure before is
	// counted.
	// NOTE: 按 first: the search for the comma may go to the end of the
	// text (see actorMeasure for the figure).
	if !strings.HasPrefix(text, "按") {
		return false
	}
	if c := strings.IndexAny(text, "，,"); c > 0 && strings.HasSuffix(text[:c], "计算") {
		return true
	}
	return false
}

// completeHead completes a generic head (增幅, 总产) with the subject of a
// figure before it in the sentence (rule SubjHead).
func (s *scanner) completeHead(c *Candidate, prev []Candidate) {
	if c.Rank {
		// 增幅居全省第5位: the rank of the growth rate.
		// NOTE: in turns: 总量继续居 → 总量继续 → 总量.
		carried := false
	cutting:
		for cut := true; cut; {
			cut = false
			for _, v := range [...]string{"位居", "位列", "排名", "排在", "稳居", "继续保持", "保持", "继续", "进入", "跻身", "居", "列", "排", "连续多年", "多年"} {
				if h, ok := strings.CutSuffix(c.Subject, v); ok {
					if h == "" && len(prev) > 0 && prev[len(prev)-1].Subject != "" && prev[len(prev)-1].End > s.sentenceStart(c.Start) {
						// 市场主体总数达136.8万户，居全省第1位.
						c.Subject, c.SubjectRule = prev[len(prev)-1].Subject, SubjCarried
						carried = true
						break cutting
					}
					c.Subject, cut = h, h != ""
					break
				}
			}
		}
		if carried && !strings.HasSuffix(c.Subject, "得分") {
			return // a score's rank is the evaluation's (below)
		}
	}
	score := strings.HasSuffix(c.Subject, "得分")
	if score || c.Rank && (c.Subject == "" || s.isScope(c.Subject) || s.placePrefix(c.Subject) == len(c.Subject)) {
		// 在2024年度全省营商环境评价中，无锡市位列全省前三: a place's rank
		// in an evaluation; the place goes to place_id.
		sent := s.sentenceStart(c.Start)
		if m := inEvaluation.FindStringSubmatch(s.text[sent:c.Start]); m != nil {
			name := s.stripScope(m[1])
			if p := s.placePrefix(name); p > 0 && p < len(name) {
				name = name[p:] // 佛山市2024年度…评价
			}
			if y := leadingYear.FindString(name); y != "" {
				name = strings.TrimPrefix(name[len(y):], "度")
			}
			if name = s.stripScope(name); runes.Count(name) >= 2 && allHan(name) {
				if score && !c.Rank {
					name += s.stripScope(c.Subject) // 本县综合得分86.7分 → 营商环境评价综合得分
				}
				c.Subject, c.SubjectRule = name, SubjHead
				return
			}
		}
	}
	role, ok := s.lx.facts[c.Subject]
	if !ok && len(prev) > 0 {
		// 年末余额8.6万亿元: a head after a scope word.
		if h := s.stripScope(c.Subject); h != c.Subject {
			if r, isHead := s.lx.facts[h]; isHead && (r == factAppend || r == factItem || r == factTotal) {
				c.Subject, role, ok = h, r, true
			}
		}
	}
	if !ok || (role != factAppend && role != factItem && role != factTotal) || len(prev) == 0 {
		s.sibling(c, prev)
		return
	}
	sent := s.sentenceStart(c.Start)
	for k := len(prev) - 1; k >= 0; k-- {
		p := &prev[k]
		if p.End <= sent {
			return
		}
		if p.Subject == "" || p.Subject == c.Subject {
			continue
		}
		base := p.Subject
		if r, isHead := s.lx.facts[base]; isHead && (r == factAppend || r == factItem || r == factTotal) {
			return // a head itself (增速…，增速比上月加快): nothing to complete
		}
		if strings.HasSuffix(base, c.Subject) {
			// 增速…，增速比上月加快: the head the figure before has already.
			c.Subject, c.SubjectRule = base, SubjHead
			return
		}
		for _, w := range s.lx.factWords[factAppend] {
			if h, ok := strings.CutSuffix(base, w); ok && h != "" {
				base = h // 社零增速 …；规上工业增速: the indicator, not its head
				break
			}
		}
		if role == factItem {
			base = s.itemOf(base)
			if base == "" {
				return
			}
		}
		if role == factTotal {
			// 新增经营主体35.6万户，总量达到238万户: the total of the stock
			// whose additions came before.
			flow := false
			for _, w := range flowWords {
				if h, ok := strings.CutPrefix(base, w); ok {
					base, flow = h, true
				}
			}
			if c.Subject == "余额" {
				// 债券市场共发行债券12万亿元…；余额为103万亿元: the balance
				// of what was issued, not of the market's issuing.
				for _, w := range [...]string{"发行", "发放", "投放", "增加", "新增"} {
					if i := strings.LastIndex(base, w); i >= 0 && runes.Count(base[i+len(w):]) >= 2 {
						base = base[i+len(w):]
						break
					}
				}
			}
			if !flow && c.Subject == "总量" {
				// 地区生产总值…，总量居全省第2位: the total is the
				// indicator itself.
				c.Subject, c.SubjectRule = base, SubjHead
				return
			}
		}
		if h, ok := strings.CutSuffix(base, "余额"); ok && role == factAppend && slices.Contains(rateHeads[:], c.Subject) &&
			(strings.HasSuffix(h, "货币") || strings.HasSuffix(h, "货币供应量")) {
			// 广义货币（M2）余额…，增速 → 广义货币增速, the name of the
			// money supply's growth; a loan's stays 贷款余额增速.
			base = h
		}
		head := c.Subject
		if head == "总产" {
			head = "总产量" // 棉花…，总产9.6万吨: the output, as statistics name it
		}
		c.Subject, c.SubjectRule = base+head, SubjHead
		return
	}
}

// budgetCompletion names the share of a budget that was achieved: 一般公共
// 预算收入完成786.5亿元，完成预算的103.2% → 一般公共预算收入预算完成率 (rule
// SubjBudget), the measure of the figure before in the sentence.
func (s *scanner) budgetCompletion(c *Candidate, prev []Candidate) {
	if c.Unit != "%" || c.Verb != "" || len(prev) == 0 {
		return
	}
	head := strings.TrimRight(s.text[s.clauseStartAt(c.Start):c.Start], " ")
	ok := false
	for _, w := range [...]string{"完成预算的", "完成年度预算的", "为预算的", "为年度预算的", "完成调整预算的", "占预算的"} {
		if strings.HasSuffix(head, w) {
			ok = true
			break
		}
	}
	p := &prev[len(prev)-1]
	if !ok || p.Subject == "" || p.End <= s.sentenceStart(c.Start) || p.Class != ClassMoney {
		return
	}
	c.Subject, c.SubjectRule = p.Subject+"预算完成率", SubjBudget
}

// verbInSubject reads a change verb that stands before the thing changed
// rather than before the figure (平均减少申请材料65%, 压缩办理时间58%): the
// figure is a change of that thing.
func (s *scanner) verbInSubject(c *Candidate) {
	if c.Verb != "" || c.Subject == "" || c.Unit != "%" && c.Unit != "％" || c.SubjectRule != SubjBefore {
		return
	}
	subj := strings.TrimPrefix(c.Subject, "平均")
	r, n, ok := s.lx.changeFwd.match(subj, false)
	if ok && (r == roleUp || r == roleDown) && runes.Count(subj[n:]) >= 2 && n >= 6 {
		c.Verb, c.Subject = subj[:n], subj[n:]
		return
	}
	// The verb left out of the subject, right before it in the clause.
	head := strings.TrimRight(s.text[s.clauseStartAt(c.Start):c.Start], " ")
	if !strings.HasSuffix(head, c.Subject) {
		return
	}
	head = head[:len(head)-len(c.Subject)]
	if r, n, ok := s.lx.changes.match(head); ok && (r == roleUp || r == roleDown) && n >= 6 {
		c.Verb = head[len(head)-n:]
	}
}

// rateChange names a change in percentage points of a growth rate just
// given (规模以上工业增加值同比增长4.8%，比1—9月回落0.2个百分点): the change is
// of the rate, 规模以上工业增加值增速 (rule SubjHead).
func (s *scanner) rateChange(c *Candidate, prev []Candidate) {
	if c.Unit != "百分点" || c.Verb == "" || c.SubjectRule != SubjCarried || len(prev) == 0 {
		return
	}
	p := &prev[len(prev)-1]
	if p.Verb == "" || p.Unit != "%" && p.Unit != "％" || p.Subject != c.Subject || p.End <= s.sentenceStart(c.Start) {
		return
	}
	if p.Target || isRate(c.Subject) {
		return // 网办率提升至86.4%，较上年末提高4.2个百分点: the rate itself
	}
	if role, ok := s.lx.facts[lastWord(c.Subject)]; ok && role == factAppend {
		return
	}
	c.Subject, c.SubjectRule = c.Subject+"增速", SubjHead
}

// groupMeasure completes a subject that names only a part of what the
// figure before measures, a group after 其中 or a sector beside a sector, with
// the measure that ends that figure's subject (居民人均可支配收入58740元，其中
// 城镇居民66320元 → 城镇居民人均可支配收入; 采矿业增加值增长3.1%，制造业增长
// 5.8% → 制造业增加值) (rule SubjHead).
func (s *scanner) groupMeasure(c *Candidate, prev []Candidate) {
	if c.SubjectRule != SubjBefore && c.SubjectRule != SubjAligned || c.Subject == "" || s.isScope(c.Subject) ||
		runes.Count(c.Subject) > 6 && !strings.HasSuffix(c.Subject, "业") {
		return // NOTE: a sector may be long: 电力、热力、燃气及水生产和供应业
	}
	sent := s.sentenceStart(c.Start)
	if c.Verb != "" && s.placePrefix(c.Subject) == len(c.Subject) {
		// …分别增长6.3%、6.1%，诸暨市增长6.6%: a place alone names no
		// measure; the change is of the one before.
		for k := len(prev) - 1; k >= 0 && prev[k].End > sent; k-- {
			if q := &prev[k]; q.Subject != "" && q.Unit == c.Unit && q.Verb != "" && s.placePrefix(q.Subject) < len(q.Subject) {
				c.Subject, c.SubjectRule = q.Subject, SubjCarried
				return
			}
		}
		return
	}
	if measureRune(lastRune(c.Subject)) || s.endsWithTail(c.Subject) {
		return // 其中工资性收入, 其中日用瓷出口额, 第一产业投资: a measure of its own
	}
	if !strings.HasSuffix(c.Subject, "业") && !s.hasParts() {
		return // no 其中 or breakdown in the text: only a sector beside a sector
	}
	if head := s.text[sent:c.Start]; sent > 0 && s.hasParts() && (strings.Contains(head, "其中") || hasBreakdown(head)) {
		// 全国居民消费价格上涨0.3%。其中，城市上涨0.3%; …增长8.6%。分经济
		// 类型看，国有控股企业增长6.2%: the headline is in the sentence before.
		sent = s.sentenceStart(sent - 1)
	}
	for k := len(prev) - 1; k >= 0 && prev[k].End > sent; k-- {
		p := &prev[k]
		if p.Subject == "" || p.Subject == c.Subject || p.Unit != c.Unit || (p.Verb == "") != (c.Verb == "") {
			continue
		}
		measure := ""
		for _, w := range s.lx.factWords[factTail] {
			if strings.HasSuffix(p.Subject, w) && len(w) > len(measure) && len(w) < len(p.Subject) {
				measure = w
			}
		}
		if measure == "" || strings.Contains(c.Subject, measure) || strings.HasSuffix(c.Subject, lastWord(measure)) {
			return
		}
		gap := s.text[p.End:c.Start]
		// NOTE: not across a semicolon, unless 其中 opens what follows it
		// (…增长5.0%；其中城镇居民88315元).
		own := gap
		if i := strings.LastIndexAny(gap, "；;"); i >= 0 {
			_, n := decodeRune(gap[i:])
			own = strings.TrimSpace(gap[i+n:])
			if !strings.HasPrefix(own, "其中") {
				own = ""
			}
		}
		item := s.hasParts() && (strings.Contains(own, "其中") || hasBreakdown(own))
		sector := k == len(prev)-1 && strings.HasSuffix(c.Subject, "业") && strings.HasSuffix(strings.TrimSuffix(p.Subject, measure), "业")
		if !item && !sector {
			continue
		}
		switch {
		case item && overlap(c.Subject, p.Subject) > 0:
			// 城镇居民 + 居民人均可支配收入 → 城镇居民人均可支配收入
			c.Subject += p.Subject[overlap(c.Subject, p.Subject):]
		case item && areaWords[c.Subject]:
			// 城市 + 居民消费价格; 城市 + 居民消费价格(指数): the index is
			// the price level's.
			c.Subject += strings.TrimSuffix(p.Subject, "指数")
		default:
			c.Subject += measure // 早稻 + 产量, 制造业 + 增加值
		}
		c.SubjectRule = SubjHead
		return
	}
}

// measureRune reports whether r is one of 额量值率数价费入出, which end the
// name of a measure.
//
// NOTE: a switch, not strings.ContainsRune, which converts r to a string
// and searches for it (the test was a quarter of groupMeasure).
func measureRune(r rune) bool {
	switch r {
	case '额', '量', '值', '率', '数', '价', '费', '入', '出':
		return true
	}
	return false
}

// hasBreakdown reports whether text holds the words that open a breakdown:
// 分 and 看 one to six characters apart (分经济类型看), 按 and 分 one to
// eight apart (按常住地分), with no punctuation between, or a clause of 按
// and 统计 (按经营地统计，), of 在 and 中 (在规模以上工业中，) or of 从 and 看
// (从贸易方式看，; not 从环比看，).
func hasBreakdown(text string) bool {
	return breakdownAt(text) >= 0
}

// breakdownAt returns the offset of the first breakdown words in text (see
// hasBreakdown), or -1.
//
// NOTE: a hand-written scan, not a regular expression: it runs once per
// text of the whole corpus.
func breakdownAt(text string) int {
	for _, p := range [...]struct {
		open, close string
		min, max    int
		comma       bool // the close must end a clause
	}{{"分", "看", 1, 6, false}, {"按", "分", 1, 8, false}, {"按", "统计", 2, 8, true}, {"在", "中", 3, 10, true}, {"从", "看", 2, 8, true}} {
		for i := 0; ; {
			j := strings.Index(text[i:], p.open)
			if j < 0 {
				break
			}
			at := i + j
			k, n := at+len(p.open), 0
			for k < len(text) && n <= p.max {
				if strings.HasPrefix(text[k:], p.close) && n >= p.min && (!p.comma || strings.HasPrefix(text[k+len(p.close):], "，")) &&
					!strings.Contains(text[at:k], "比") { // 从环比看: a baseline, not parts
					return at
				}
				r, size := decodeRune(text[k:])
				if strings.ContainsRune("，。；,;", r) {
					break
				}
				k += size
				n++
			}
			i = at + len(p.open)
		}
	}
	return -1
}

// endsWithTail reports whether subj ends in a measure of the tail list
// (投资, 产量, 增加值 …).
func (s *scanner) endsWithTail(subj string) bool {
	for _, w := range s.lx.factWords[factTail] {
		if strings.HasSuffix(subj, w) {
			return true
		}
	}
	return false
}

// areaWords are the parts of a whole by area that qualify all of its
// measure (其中城市上涨0.5% → 城市居民消费价格).
var areaWords = map[string]bool{"城市": true, "农村": true, "城镇": true, "乡村": true, "城区": true}

// overlap returns the length of the longest suffix of a, of two runes or
// more, that begins b.
func overlap(a, b string) int {
	for i := 0; i < len(a); {
		if runes.Count(a[i:]) >= 2 && strings.HasPrefix(b, a[i:]) {
			return len(a) - i
		}
		_, n := decodeRune(a[i:])
		i += n
	}
	return 0
}

// rateHeads are the words that name the rate of change of what they end
// (工业生产者出厂价格降幅, CPI涨幅).
var rateHeads = [...]string{"增幅", "涨幅", "降幅", "跌幅", "增速"}

// trimRateHead drops a rate head that ends subj, when a name is left.
func (s *scanner) trimRateHead(subj string) string {
	for _, w := range rateHeads {
		if h, ok := strings.CutSuffix(subj, w); ok && runes.Count(h) >= 2 {
			return h
		}
	}
	return subj
}

// wholeName restores the words of a name that the subject's walk back
// stopped at (rule of the subject kept): an age group (60周岁及以上人口), a
// sector joined by 及 or 和 (汽车及零部件产业产值, 煤炭开采和洗选业增加值), and
// drops 共 before the verb of a total (共接待海内外游客 → 接待海内外游客).
func (s *scanner) wholeName(c *Candidate) {
	if c.Subject == "" || c.SubjectRule != SubjBefore && c.SubjectRule != SubjCounted {
		return
	}
	if i := strings.Index(c.Subject, "共"); i >= 0 {
		rest := c.Subject[i+len("共"):]
		for _, v := range [...]string{"接待", "进驻", "受理", "办理", "完成", "实现", "发放", "收到", "办结"} {
			if strings.HasPrefix(rest, v) && runes.Count(rest) > 2 {
				if c.SubjectRule == SubjCounted {
					c.Subject = c.Subject[:i] // 62个重点景区共接待游客 → 重点景区
				} else {
					c.Subject = rest
				}
				return
			}
		}
	}
	if c.SubjectRule != SubjBefore {
		return
	}
	// NOTE: the cheap tests first: most subjects are none of these.
	//
	// NOTE: the rune count and the bytes of the first five runes, not a
	// []rune of the subject and a string of five of them: two conversions
	// a subject that decode and copy it (into stack buffers: no heap
	// allocation), 77 M instructions a pass of the package benchmark
	// (cachegrind).
	nr := runes.Count(c.Subject)
	age := strings.HasSuffix(c.Subject, "人口") && nr <= 4
	// NOTE: 城市更新投资 names a field of investment as 制造业投资 names a
	// sector: 生态环保和城市更新投资 is one series.
	sector := nr >= 4 && (strings.Contains(runePrefix(c.Subject, 5), "业") || strings.HasSuffix(c.Subject, "投资") && nr <= 8)
	per := strings.Contains(s.text[max(0, c.Start-len(c.Subject)-30):c.Start], "每")
	except := strings.Contains(s.text[max(0, c.Start-len(c.Subject)-30):c.Start], "以外的")
	if !age && !sector && !per && !except && !s.flags.pm && !strings.HasPrefix(c.Subject, "国内生产总值") &&
		!strings.HasPrefix(c.Subject, "地区生产总值") && !strings.HasPrefix(c.Subject, "工业增加值") {
		return
	}
	cl := s.clauseStartAt(c.Start)
	head := strings.TrimRight(s.text[cl:c.Start], " ")
	k := strings.LastIndex(head, c.Subject)
	if k < 0 {
		return
	}
	before := head[:k]
	// A pollutant's code (PM2.5年平均浓度) and the 万元 of an intensity
	// (万元国内生产总值能源消耗) begin the name.
	for _, w := range [...]string{"PM2.5", "PM10", "PM2．5", "PM2.5年", "PM10年"} {
		if strings.HasSuffix(before, w) {
			c.Subject = w + c.Subject
			return
		}
	}
	if strings.HasSuffix(before, "万元") && (strings.HasPrefix(c.Subject, "国内生产总值") || strings.HasPrefix(c.Subject, "地区生产总值") || strings.HasPrefix(c.Subject, "工业增加值")) {
		c.Subject = "万元" + c.Subject
		return
	}
	if except {
		// 除汽车以外的消费品零售额: the exception is part of the measure.
		if m := exceptFor.FindString(before); m != "" {
			c.Subject = m + c.Subject
			return
		}
	}
	if per {
		// 每万人口发明专利拥有量, 每千人拥有企业数: the rate's base is in
		// the name.
		if m := perPeople.FindString(before); m != "" {
			c.Subject = m + c.Subject
			return
		}
	}
	if age {
		if m := ageGroup.FindString(before); m != "" {
			c.Subject = strings.TrimSuffix(m, "的") + c.Subject
		}
		return
	}
	// X及Y产业产值: Y a short sector, X a name that a boundary begins.
	if !sector {
		return
	}
	for _, conj := range [...]string{"及", "和"} {
		x, ok := strings.CutSuffix(before, conj)
		if !ok {
			continue
		}
		n, i := 0, len(x)
		for i > 0 && n < 7 {
			r, size := decodeLastRune(x[:i])
			if !isHan(r) || strings.HasSuffix(x[:i], "其中") || strings.HasSuffix(x[:i], "看") {
				break
			}
			i -= size
			n++
		}
		clean := i == 0 || strings.HasSuffix(x[:i], "其中") || strings.HasSuffix(x[:i], "看") || !isHan(lastRune(x[:i]))
		// NOTE: not a place or a phrase with 的 (四川省和国网公司要投资,
		// 前15位的国家和地区投资): those name who, not what.
		if n >= 2 && n <= 6 && clean && !strings.Contains(x[i:], "的") && s.placePrefix(x[i:]) != len(x[i:]) {
			c.Subject = x[i:] + conj + c.Subject
		}
		return
	}
}

// runePrefix returns the bytes of the first n runes of s (all of s when it
// has fewer), counting an invalid byte as one rune as a []rune conversion
// does.
func runePrefix(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := decodeRune(s[i:])
		i += size
	}
	return s[:i]
}

// exceptFor matches an exception that ends the words before a subject:
// 除汽车以外的, 除房地产以外的.
var exceptFor = regexp.MustCompile(`除[\p{Han}]{1,8}以外的$`)

// perPeople matches a per-population base that ends the words before a
// subject: 每万人口, 每千人拥有.
var perPeople = regexp.MustCompile(`每[十百千万]+(?:人口|人|户)(?:拥有)?$`)

// ageGroup matches an age group that ends the words before 人口.
var ageGroup = regexp.MustCompile(`[0-9]+(?:[—–-][0-9]+)?周?岁(?:及以上|以上|及以下|以下)?的?$`)

// isRate reports whether subj names a rate or share, which a change in
// percentage points is a change of: 网办率, 城镇化率, …比重, …占比, …比例.
func isRate(subj string) bool {
	for _, w := range [...]string{"率", "比重", "占比", "比例"} {
		if strings.HasSuffix(subj, w) {
			return true
		}
	}
	return false
}

// lastWord returns the last two characters of s.
func lastWord(s string) string {
	r := []rune(s)
	if len(r) < 2 {
		return s
	}
	return string(r[len(r)-2:])
}

// sibling completes a subject that names the sibling of the measure the
// figure before names (金融机构本外币存款余额2.51万亿元…；贷款余额1.94万亿元 →
// 金融机构本外币贷款余额): two words of one length that differ in their first
// character only, the second taking the first one's qualifier (rule
// SubjHead).
func (s *scanner) sibling(c *Candidate, prev []Candidate) {
	if c.SubjectRule != SubjBefore || len(prev) == 0 {
		return
	}
	p := &prev[len(prev)-1]
	// NOTE: the lengths counted before the runes are copied: most
	// subjects fail these tests.
	n := runes.Count(c.Subject)
	if n < 4 || runes.Count(p.Subject) <= n || p.End <= s.sentenceStart(c.Start) || p.Subject == c.Subject {
		return
	}
	subj, ps := []rune(c.Subject), []rune(p.Subject)
	word := ps[len(ps)-n:]
	// One character apart, the first one or the one after 各项: 存款余额
	// and 贷款余额, 各项存款余额 and 各项贷款余额. NOTE: not elsewhere: 本外币
	// 贷款余额 names its own qualifier.
	at := 0
	if strings.HasPrefix(c.Subject, "各项") {
		at = 2
	}
	if n <= at || word[at] == subj[at] || string(word[:at]) != string(subj[:at]) || string(word[at+1:]) != string(subj[at+1:]) {
		return
	}
	if strings.Contains(s.text[p.End:c.Start], "其中") {
		return // 第二产业投资…，其中工业投资: a part, not a sibling
	}
	c.Subject, c.SubjectRule = string(ps[:len(ps)-n])+c.Subject, SubjHead
}

// itemOf returns the item that a subject measures (棉花种植面积 → 棉花), or
// "" when it ends in no measure word.
func (s *scanner) itemOf(subj string) string {
	for _, role := range [...]factRole{factMeasure, factItem} {
		for _, w := range s.lx.factWords[role] {
			if h, ok := strings.CutSuffix(subj, w); ok && h != "" {
				return h
			}
		}
	}
	return ""
}

// actorMeasure joins an actor and the measure it achieved: 规模以上服务业企业
// 实现营业收入88.4亿元 → 规模以上服务业企业营业收入 (rule SubjActor).
func (s *scanner) actorMeasure(c *Candidate) {
	if s.lastActor != "" && c.Start > 0 && s.sentenceStart(c.Start) > s.lastActorAt {
		s.lastActor = "" // an actor is carried within its sentence only
	}
	if c.SubjectRule != SubjBefore || c.Subject == "" {
		return
	}
	if s.lastActor == "" {
		s.lastActorAt = c.Start
	}
	// NOTE: the subject is looked for only where it may end three runes
	// (at most 12 bytes) or fewer before the figure, and not before the
	// clause: a search of the whole text before the figure found the same
	// last place or one these tests reject. With the bounded searches of
	// partOfWhole and continues: 125 M fewer instructions a pass of the
	// package benchmark (cachegrind, 10.84 → 10.72 G with the corpus load).
	cl := s.clauseStartAt(c.Start)
	lo := max(cl, c.Start-len(c.Subject)-3*utf8.UTFMax)
	at := strings.LastIndex(s.text[lo:c.Start], c.Subject)
	if at < 0 || runes.Count(s.text[lo+at+len(c.Subject):c.Start]) > 3 {
		return // the subject must be the words right before the figure
	}
	at += lo
	head := s.text[s.clauseStartAt(at):at]
	for _, w := range s.lx.factWords[factAchieve] {
		actor, ok := strings.CutSuffix(head, w)
		if !ok {
			continue
		}
		if strings.TrimSpace(actor) == "" {
			// …实现营业收入5632.1亿元，增长5.1%；实现利润总额312.6亿元: a
			// clause that begins with the verb goes on with the actor
			// before (not one with a scope word of its own: 全年实现…).
			actor = s.lastActor
		}
		actor = s.stripScope(actor)
		if !s.wholeNoun(actor) && (runes.Count(actor) < 2 || !allHan(actor) || strings.ContainsAny(strings.ReplaceAll(actor, "第", ""), "的年月日这该此其") || countsSomething(actor) || s.namesOnly(at-len(w)-len(actor), at-len(w)) && actor != s.lastActor) {
			return
		}
		c.Subject, c.SubjectRule = actor+c.Subject, SubjActor
		s.lastActor = actor
		return
	}
}

// countedActor names the measure an actor counted just before it achieved
// (规模以上白酒企业142户，实现产值1702.4亿元 → 规模以上白酒企业产值) (rule
// SubjActor).
func (s *scanner) countedActor(c *Candidate, prev []Candidate) {
	if c.SubjectRule != SubjBefore || c.Subject == "" || len(prev) == 0 {
		return
	}
	p := &prev[len(prev)-1]
	if p.Class != ClassCount || !strings.HasSuffix(p.Subject, "企业") || p.End <= s.sentenceStart(c.Start) {
		return
	}
	cl := s.clauseStartAt(c.Start)
	if cl <= p.End || !strings.HasPrefix(strings.TrimSpace(s.text[cl:c.Start]), "实现"+c.Subject) {
		return
	}
	c.Subject, c.SubjectRule = p.Subject+c.Subject, SubjActor
}

// wholeNoun reports whether w is a noun of the subject list that holds
// punctuation and reads whole (电力、热力、燃气及水生产和供应业).
func (s *scanner) wholeNoun(w string) bool {
	r, n, ok := s.lx.subjectFwd.match(w, false)
	return ok && r == subjNoun && n == len(w)
}

// countsSomething reports whether an actor holds a numeral that is not an
// ordinal (七成以上的行政村, 三家企业; not 第一产业).
func countsSomething(actor string) bool {
	prev := rune(0)
	for _, r := range actor {
		if numeral.IsNumeral(r) && prev != '第' && !numeral.IsNumeral(prev) {
			return true
		}
		prev = r
	}
	return false
}

// subItem gives money after 其中 and a verb the subject of the earlier money
// of its sentence (rule SubjSubItem).
func (s *scanner) subItem(c *Candidate, prev []Candidate) {
	if c.Class != ClassMoney {
		return
	}
	cl := s.clauseStartAt(c.Start)
	if !strings.HasPrefix(s.text[cl:c.Start], "其中") {
		return
	}
	if c.SubjectRule != SubjVerb && c.Subject != "" && !s.endsWithVerb(c.Subject) && !s.partVerbAfter(cl+len("其中"), c.Start) {
		return // 其中中央资金2亿元 names its own part
	}
	para := strings.LastIndexByte(s.text[:c.Start], '\n') + 1
	for k := len(prev) - 1; k >= 0; k-- {
		p := &prev[k]
		if p.End <= para {
			break
		}
		if p.Class == ClassMoney && p.Subject != "" && p.SubjectRule != SubjVerb {
			c.Subject, c.SubjectRule = p.Subject, SubjSubItem
			return
		}
	}
	// The money named before the figure without a figure of its own:
	// 安排乡村振兴专项资金……其中首批拨付2.5亿元.
	if fw := s.moneyNounBefore(para, cl); fw != "" {
		c.Subject, c.SubjectRule = fw, SubjSubItem
	}
}

// partVerbAfter reports whether text[from:to] is a verb of paying out
// after at most two characters (首批下达, 拨付): 达 of 下达 is no glue.
func (s *scanner) partVerbAfter(from, to int) bool {
	t := s.text[from:to]
	for n := 0; n <= 2 && t != ""; n++ {
		for _, w := range s.lx.factWords[factPartVerb] {
			if strings.HasPrefix(t, w) {
				return true
			}
		}
		_, size := decodeRune(t)
		t = t[size:]
	}
	return false
}

// endsWithVerb reports whether subj ends in a verb of the word lists
// (首批拨付).
func (s *scanner) endsWithVerb(subj string) bool {
	for n, i := 0, len(subj); i > 0 && n < 3; n++ {
		_, size := decodeLastRune(subj[:i])
		i -= size
		if r, ok := s.lx.facts[subj[i:]]; s.isVerb(subj[i:]) || ok && r == factPartVerb {
			return true
		}
	}
	return false
}

// moneyNounBefore returns the last noun of money (…资金, …经费) in
// text[from:to], or "".
func (s *scanner) moneyNounBefore(from, to int) string {
	t := s.text[from:to]
	for _, w := range [...]string{"资金", "经费", "款"} {
		if i := strings.LastIndex(t, w); i > 0 {
			subj, _, verbOnly, _ := s.backwardSubject(from + i + len(w))
			if !verbOnly && runes.Count(subj) >= 3 {
				return subj
			}
		}
	}
	return ""
}

// alignGroups gives the figures of a group after 分别 the subjects of the
// figures they answer (rule SubjAligned), and splits 城乡居民 over two
// figures (rule SubjUrbanRural).
func (s *scanner) alignGroups(out []Candidate) {
	for h := 0; h < len(out); h++ {
		cl := s.clauseStartAt(out[h].Start)
		i := strings.Index(s.text[cl:out[h].NumStart], "分别")
		if i < 0 {
			continue
		}
		// The group: the figures of this clause and those joined to it
		// by 、 和 及 (分别增长6.2%、下降3.4%).
		n := 1
		for h+n < len(out) && joined(s.text[out[h+n-1].End:out[h+n].Start]) {
			n++
		}
		g := out[h : h+n]
		if n >= 2 && s.splitUrbanRural(g) {
			h += n - 1
			continue
		}
		raw := strings.TrimSpace(s.text[cl : cl+i])
		own := s.stripScope(raw)
		if _, n, ok := s.lx.baselines.match(own); ok && n == len(own) {
			own = "" // 比上年分别增长4.8%和6.9%
		}
		if _, m, ok := s.lx.baselines.match(own); ok && m < len(own) {
			own = own[:len(own)-m] // 经编产业、皮革产业增加值同比分别增长…
		}
		if n >= 2 {
			items := s.listItems(own, n)
			if items == nil && own != raw && strings.Contains(raw, "、") {
				// 越城区、柯桥区、上虞区地区生产总值分别增长…: the first
				// place is an item, not a scope to strip.
				items = s.listItems(raw, n)
			}
			if items != nil && s.placesOnly(raw, n) {
				// 嵊州市、新昌县分别增长5.2%和7.0%: places with no measure;
				// the changes are of the measure before (their places go to
				// place_id).
				for k := len(out[:h]) - 1; k >= 0 && out[k].End > s.sentenceStart(g[0].Start); k-- {
					if q := &out[k]; q.Subject != "" && q.Verb != "" && s.placePrefix(q.Subject) < len(q.Subject) {
						for j := range g {
							g[j].Subject, g[j].SubjectRule = q.Subject, SubjCarried
						}
						break
					}
				}
				h += n - 1
				continue
			}
			if items != nil {
				// 机电产品、劳动密集型产品分别出口…: what the items did is the
				// measure.
				switch verb := strings.TrimSpace(s.text[cl+i+len("分别") : g[0].NumStart]); verb {
				case "出口", "进口", "进出口":
					// NOTE: not trade with partners (对东盟、欧盟、美国分别进出口…),
					// whose names are places.
					goods := true
					for _, it := range items {
						goods = goods && it != "" && !strings.HasPrefix(it, "对") && s.placePrefix(it) == 0
					}
					for k := range items {
						if goods && !strings.HasSuffix(items[k], verb) {
							items[k] += verb
						}
					}
				}
				// 城镇和农村居民人均可支配收入分别为…, 稻谷、小麦、玉米产量分别为…:
				// the items of the subject before 分别, one a figure.
				for k := range g {
					g[k].Subject, g[k].SubjectRule = items[k], SubjListItem
				}
				h += n - 1
				continue
			}
		}
		role, isHead := s.lx.facts[own]
		isHead = isHead && role == factAppend
		if strings.HasPrefix(own, "占") {
			own = "" // 分别增长…，占…的比重分别为: the shares of the figures before
		}
		if n >= 2 && (own == "" || isHead) {
			// The last n figures before, in the same sentence, with
			// subjects of their own; under a head (增速分别比上半年提高…)
			// the changes among them, whose rates the head names.
			sent := s.sentenceStart(g[0].Start)
			var before []*Candidate
			for k := h - 1; k >= 0 && out[k].End > sent && len(before) < n; k-- {
				p := &out[k]
				if p.Subject == "" || isHead && p.Verb == "" || len(before) > 0 && before[len(before)-1].Subject == p.Subject {
					continue
				}
				before = append(before, p)
			}
			if len(before) == n {
				for k := range g {
					subj := before[n-1-k].Subject
					if isHead && !strings.HasSuffix(subj, own) {
						subj += own
					}
					g[k].Subject, g[k].SubjectRule = subj, SubjAligned
				}
			}
		}
		h += n - 1
	}
}

// listItems splits own, the words before 分别, into n coordinated items
// (稻谷、小麦、玉米产量 → 稻谷产量, 小麦产量, 玉米产量), or returns nil. When
// the last item is longer than the others, which are of one length, the
// others share its tail: 城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入,
// 农村居民人均可支配收入.
func (s *scanner) listItems(own string, n int) []string {
	if rest, ok := strings.CutPrefix(own, "三次产业"); ok && n == 3 && rest != "" {
		// 三次产业对经济增长的贡献率分别为…: the first, second and third
		// industries.
		return []string{"第一产业" + rest, "第二产业" + rest, "第三产业" + rest}
	}
	items := s.splitList(unquote(own), n)
	if items == nil {
		return nil
	}
	if n >= 3 && ordinalOnly(items[0]) {
		// 第一、二、三产业增加值: 第一产业增加值, 第二产业增加值, 第三产业增加值.
		last := items[n-1]
		r, size := decodeRune(last)
		ok := strings.ContainsRune("一二三", r) && strings.HasPrefix(last[size:], "产业")
		for _, it := range items[1 : n-1] {
			ok = ok && runes.Count(it) == 1 && strings.ContainsAny(it, "一二三")
		}
		if ok {
			for k := range items[:n-1] {
				items[k] = "第" + strings.TrimPrefix(items[k], "第") + last[size:]
			}
			items[n-1] = "第" + last
			for k := range items {
				items[k] = s.stripScope(items[k])
			}
			return items
		}
	}
	for _, it := range items {
		if runes.Count(it) < 2 || !allHan(s.dropWholeNames(it)) {
			return nil
		}
	}
	// The tail the items share: what is left of the last item after the
	// length of the others, when they are of one length (城镇和农村居民…),
	// else a measure that ends the last item (新能源汽车、集成电路产量).
	last := []rune(items[n-1])
	l := runes.Count(items[0])
	share := len(last) > l
	for _, it := range items[:n-1] {
		share = share && runes.Count(it) == l
	}
	for _, w := range s.lx.wholeNames {
		if strings.HasPrefix(items[n-1], w) {
			share = false // 采矿业、制造业、电力、热力…: the length cuts a name
		}
	}
	measure := ""
	for _, w := range s.lx.factWords[factTail] {
		if h, ok := strings.CutSuffix(items[n-1], w); ok && h != "" && !strings.HasSuffix(items[0], w) && len(w) > len(measure) {
			measure = w
		}
	}
	for _, w := range rateHeads {
		// 规模以上工业增加值、社会消费品零售总额、一般公共预算收入增速分别…:
		// the rate of each.
		if h, ok := strings.CutSuffix(items[n-1], w); ok && runes.Count(h) >= 2 && !strings.HasSuffix(items[0], w) {
			measure = w
		}
	}
	if n == 2 && ordinalOnly(items[0]) {
		// 第一、二产业增加值: 第一产业增加值 and 第二产业增加值.
		if r, size := decodeRune(items[1]); strings.ContainsRune("一二三", r) && strings.HasPrefix(items[1][size:], "产业") {
			items[0] += items[1][size:]
			items[1] = "第" + items[1]
			share, measure = false, ""
		}
	}
	if r := []rune(items[0]); len(r) >= 2 && strings.HasSuffix(items[n-1], string(r[len(r)-2:])) {
		share = false // 机电产品、劳动密集型产品: whole names with one head
	}
	// NOTE: with two items one length says little: the rest by length is
	// taken when there is no measure to take, or when it ends in the measure
	// (教育文化娱乐、医疗保健类价格 is not 教育文化娱乐 + 格) and the cut leaves
	// no conjunction in the last item's head (通讯器材类、家用电器和音像器材类
	// 零售额 is not cut after 家用电器和; 城镇、农村常住居民人均可支配收入 is).
	tail := measure
	if share {
		rest := string(last[l:])
		// NOTE: 规模以上工业增加值、社会消费品零售总额、一般公共预算收入增速:
		// items of one length by chance; the rest (速) is less than the
		// measure that ends the last item (增速).
		if (n > 2 || measure == "" || strings.HasSuffix(rest, measure) && !strings.ContainsAny(string(last[:l]), "和及与、")) &&
			!(len(rest) < len(measure) && strings.HasSuffix(measure, rest)) {
			tail = rest
		}
	}
	if tail != "" {
		for k := range items[:n-1] {
			if !strings.HasSuffix(items[k], tail) {
				items[k] += tail
			}
		}
	}
	// 规模以上工业企业营业收入和利润总额: a measure alone after the first
	// item takes the first one's actor.
	if tail == "" {
		for _, w := range s.lx.factWords[factTail] {
			actor, ok := strings.CutSuffix(items[0], w)
			if !ok || actor == "" {
				continue
			}
			for k := 1; k < n; k++ {
				if r, ok := s.lx.facts[items[k]]; ok && r == factTail {
					items[k] = actor + items[k]
				}
			}
			break
		}
	}
	for k := range items {
		items[k] = s.stripScope(items[k])
	}
	return items
}

// splitList splits a coordinated subject into n items at 、, else at 和, 及,
// 与 and 以及, keeping the whole names of the lexicon whole (电力、热力、燃气
// 及水生产和供应业 is one item of 采矿业、制造业、电力、热力、燃气及水生产和供应
// 业增加值), or returns nil.
func (s *scanner) splitList(own string, n int) []string {
	var keep []string // the whole names in own, in order
	for _, w := range s.lx.wholeNames {
		if strings.Contains(own, w) {
			keep = append(keep, w)
		}
	}
	masked := own
	for k, w := range keep {
		// NOTE: a private-use character stands for each name while splitting.
		masked = strings.ReplaceAll(masked, w, string(rune(0xE000+k)))
	}
	unmask := func(items []string) []string {
		for i := range items {
			for k, w := range keep {
				items[i] = strings.ReplaceAll(items[i], string(rune(0xE000+k)), w)
			}
		}
		return items
	}
	// NOTE: 、 first: 生活用品及服务 is one item of 教育文化娱乐、医疗保健、生活
	// 用品及服务价格.
	if items := strings.Split(masked, "、"); len(items) == n {
		return unmask(items)
	}
	if items := listSplit.Split(masked, -1); len(items) == n {
		return unmask(items)
	}
	return nil
}

// dropWholeNames returns item without the whole names of the lexicon in it
// (电力、热力、燃气及水生产和供应业增加值 → 增加值).
func (s *scanner) dropWholeNames(item string) string {
	if !strings.ContainsAny(item, "、和及与") {
		return item
	}
	for _, w := range s.lx.wholeNames {
		item = strings.ReplaceAll(item, w, "")
	}
	return item
}

// ordinalOnly reports whether item is an ordinal and nothing else (第一),
// the first of 第一、二产业.
func ordinalOnly(item string) bool {
	r := []rune(item)
	return len(r) == 2 && r[0] == '第' && strings.ContainsRune("一二三", r[1])
}

// placesOnly reports whether own, the words before 分别, are n place names
// and nothing else (嵊州市、新昌县).
func (s *scanner) placesOnly(own string, n int) bool {
	items := strings.Split(own, "、")
	if len(items) != n {
		items = listSplit.Split(own, -1)
	}
	if len(items) != n {
		return false
	}
	for _, it := range items {
		it = s.stripScope(it)
		if it != "" && s.placePrefix(it) != len(it) {
			return false
		}
	}
	return true
}

// listSplit splits a coordinated subject.
var listSplit = regexp.MustCompile("、|和|及|与|以及")

// joined reports whether gap, the text between two figures, joins them in
// one group: 、, 和, 及, 与, 以及.
func joined(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "、", "和", "及", "与", "以及":
		return true
	}
	return false
}

// splitUrbanRural splits a subject of 城乡居民 over the two figures of g.
func (s *scanner) splitUrbanRural(g []Candidate) bool {
	if len(g) != 2 {
		return false
	}
	subj := s.stripScope(g[0].Subject)
	rest, ok := strings.CutPrefix(subj, "城乡居民")
	if !ok || g[1].Subject != g[0].Subject && g[1].Subject != "" {
		return false
	}
	g[0].Subject, g[0].SubjectRule = "城镇居民"+rest, SubjUrbanRural
	g[1].Subject, g[1].SubjectRule = "农村居民"+rest, SubjUrbanRural
	return true
}

// isScope reports whether w is a scope word (全国, 全省, 全市 …).
func (s *scanner) isScope(w string) bool {
	r, ok := s.lx.facts[w]
	return ok && r == factScope
}

// stripScope removes the scope words (全年, 年末, 全市 …) and the place
// names an earlier stage found that begin a subject: a dashboard keeps the
// indicator, and the figure's date and place links carry the scope.
func (s *scanner) stripScope(subj string) string {
	for changed := true; changed && subj != ""; {
		changed = false
		// NOTE: most subjects begin with no scope or target word: one bit
		// test for the first rune, not a HasPrefix per word (stripScope
		// 0.27 → 0.06 s in a profile of 12 iterations of the package
		// benchmark).
		for _, role := range [...]factRole{factScope, factTarget} {
			if !s.lx.scopeFirst.has(subj) {
				break
			}
			for _, w := range s.lx.factWords[role] {
				if w == "预期" {
					continue // 预期性指标, 预期寿命: part of a name
				}
				if strings.HasPrefix(subj, w) && len(subj) > len(w) {
					subj, changed = subj[len(w):], true
				}
			}
		}
		for _, w := range [...]string{"分别", "拟按", "拟"} {
			if h, ok := strings.CutSuffix(subj, w); ok && h != "" {
				subj, changed = h, true
			}
		}
		if p := s.placePrefix(subj); p > 0 && runes.Count(subj[p:]) >= 2 && !bindsToName(subj[p:]) {
			subj, changed = subj[p:], true
		}
	}
	return subj
}

// bindsToName reports whether rest, what follows a place name at the start
// of a subject, begins with a character that makes one word with the name
// (甘肃籍, 青岛港, 安徽等地, 长江东至段, 福州市区): the name is then part
// of the subject.
func bindsToName(rest string) bool {
	r, _ := decodeRune(rest)
	// NOTE: a digit binds (北京2022年冬奥会), a Chinese numeral does not
	// (佛山市一网通办网上办理率).
	return strings.ContainsRune("籍港等东西南北中段区市县省州人方军队湾站路桥以部裔", r) || r >= '0' && r <= '9'
}

// placePrefix returns the length of a place name of the text that begins
// subj, or 0. Only coded places of two characters or more that stand
// outside any organisation name count: one character (中, 美) is too short
// to tell; a region with no code (非洲, 长江, 中东欧) may be part of what a
// subject names (非洲国家, 长江干流); a place inside a name is part of the
// name (西安交通大学, 三峡集团).
func (s *scanner) placePrefix(subj string) int {
	if s.places == nil {
		s.places = placesPool.Get().(map[string]bool)
		for k, e := range s.ents {
			if e.Type != newsfacts.PLACE || e.End > len(s.text) || e.End-e.Start < 6 || e.Code == "" || inOrg(s.ents, k) {
				continue
			}
			name := s.text[e.Start:e.End]
			s.places[name] = true
			r, _ := decodeRune(name)
			s.placeFirst[r>>6&3] |= 1 << (r & 63)
			s.placeMax = max(s.placeMax, len(name))
		}
	}
	if len(s.places) == 0 {
		return 0
	}
	// NOTE: a place name is two runes or more (6 bytes at least) and
	// begins with the first rune of subj: the prefixes that cannot be one
	// are not looked up, nor any when no place begins with a rune of the
	// same low eight bits (placePrefix 101 → 39 M instructions, map
	// look-ups and their hashing more than halved, on the corpus: cachegrind
	// of a whole run).
	r, _ := decodeRune(subj)
	if s.placeFirst[r>>6&3]&(1<<(r&63)) == 0 {
		return 0
	}
	best := 0
	for n, size := 0, 0; n < len(subj) && n <= 10*3 && n < s.placeMax; n += size {
		_, size = decodeRune(subj[n:])
		if n+size >= 6 && s.places[subj[:n+size]] {
			best = n + size
		}
	}
	return best
}

// inOrg reports whether entity k lies inside an organisation name.
// Entities are sorted by Start: the few before k are enough to look at.
func inOrg(ents []newsfacts.Entity, k int) bool {
	e := ents[k]
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if o := ents[j]; o.Type == newsfacts.ORG && o.Start <= e.Start && e.End <= o.End {
			return true
		}
	}
	for j := k + 1; j < len(ents) && ents[j].Start == e.Start; j++ {
		if o := ents[j]; o.Type == newsfacts.ORG && e.End <= o.End {
			return true
		}
	}
	return false
}

// isTarget reports whether a target word (预期目标, 力争, 确保 …) stands
// before the figure in its sentence, with no word after it that makes the
// figure a result again (超额完成).
func (s *scanner) isTarget(c *Candidate) bool {
	sent := s.sentenceStart(c.Start)
	// The marks of this sentence before the figure.
	marks := s.bounds.goals
	lo := sort.Search(len(marks), func(k int) bool { return marks[k].at >= sent })
	hi := lo
	for hi < len(marks) && marks[hi].end <= c.Start {
		hi++
	}
	marks = marks[lo:hi]
	year := s.goalYearIn(sent, c.Start)
	if len(marks) == 0 && !year {
		return false
	}
	head := s.text[sent:c.Start]
	for _, m := range marks {
		if m.role == factUntarget {
			return false
		}
	}
	cl := s.clauseStartAt(c.Start)
	for _, w := range s.lx.factWords[factTarget] {
		i := -1
		for _, m := range marks {
			if m.word == w {
				i = m.at - sent // the last one before the figure
			}
		}
		if i < 0 {
			continue
		}
		c.goal = w
		if strings.ContainsRune("比较超于原按", lastRune(" "+head[:i])) {
			continue // 比计划高出三成, 原计划: the plan is a baseline
		}
		if w == "预期" && !expectVerb(head[i+len(w):], c.Verb) {
			continue // 人均预期寿命, 稳定市场预期: an expectation named, not a goal
		}
		if w == "计划" && !planVerb(head[i+len(w):]) {
			continue // 计划生育, 民生计划, “万人计划”: a plan named, not planned
		}
		// A goal introduced by 目标是/为 or a colon governs the rest of
		// the sentence; any other target word its own clause and the
		// clauses after it that state no result of their own.
		rest := head[i+len(w):]
		if strings.ContainsAny(rest, "：:") || strings.HasSuffix(w, "是") || strings.HasSuffix(w, "为") || strings.HasSuffix(w, "目标") {
			return true
		}
		if !strings.ContainsAny(rest, "，,；;") || s.text[cl:c.Start] == "" {
			return true
		}
		// Later clauses: a goal goes on over changes (力争地区生产总值增长6%，
		// 一般公共预算收入增长5%) in the same sentence part, not over a
		// clause that states a time or a result of its own (…预计超过2000
		// 万亩，今年，当地发布10个主推品种).
		clause := s.text[cl:c.Start]
		for _, w := range [...]string{"今年", "去年", "目前", "截至", "已", "为期"} {
			if strings.Contains(clause, w) {
				return false
			}
		}
		if !strings.ContainsAny(rest, "；;") {
			return true
		}
		break // 计划…；到2027年…达到: the year may still make a goal
	}
	return year && s.futureYearBefore(s.text[sent:c.NumStart])
}

// goalYearIn reports whether s.text[sent:end] holds 到20 or 至20, perhaps
// spaced (到 2027 年): a year mark of findBounds that begins at or after
// sent and ends by end.
//
// NOTE: the marks are found in the pass over the text that findBounds
// makes anyway; searched per figure, the words took 0.17 s in a
// 16-iteration profile of the package benchmark (with a search that went
// on from the figure before in the sentence).
func (s *scanner) goalYearIn(sent, end int) bool {
	s.findBounds()
	ys := s.bounds.years
	// The first mark at or after sent: the marks are in text order, and
	// the first ends first.
	lo, hi := 0, len(ys)
	for lo < hi {
		k := int(uint(lo+hi) >> 1)
		if ys[k].at < sent {
			lo = k + 1
		} else {
			hi = k
		}
	}
	return lo < len(ys) && ys[lo].end <= end
}

// expectVerb reports whether rest, the words after 预期 before the figure,
// are none (预期增长3%左右: the change verb opens the figure) or begin with
// a verb of what is expected (预期达到, 预期为, 预期在; 预期增长3%左右，一般
// 公共预算支出安排905亿元 for a later figure).
func expectVerb(rest, verb string) bool {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		// 预期增长3%左右, not 增速预期下调至2.4% (a forecast revised).
		switch verb {
		case "增长", "下降", "提高", "增加", "减少", "达到", "为", "在":
			return true
		}
		return false
	}
	for _, w := range [...]string{"达到", "达", "为", "在", "增长", "下降", "提高", "突破", "超过"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// planVerb reports whether rest, the words after 计划, begin with a verb of
// what is planned (计划投资, 计划新增, 计划用两年时间), or a figure: 计划 is
// then a verb.
func planVerb(rest string) bool {
	for _, w := range [...]string{"全年", "今年", "明年", "年内", "到年底"} {
		rest = strings.TrimPrefix(rest, w)
	}
	for _, v := range [...]string{"投资", "新增", "实施", "完成", "建设", "建成", "开工", "引进", "实现", "达到", "安排",
		"招聘", "培训", "用", "在", "于", "到", "将", "新建", "改造", "推出", "发放", "举办", "开展", "种植", "出栏", "生产", "销售", "接待", "派出"} {
		if strings.HasPrefix(rest, v) {
			return true
		}
	}
	r, _ := decodeRune(rest)
	return isDigit(r) || numeral.IsNumeral(r)
}

// futureYearBefore reports whether head holds 到20XX年 or 至20XX年 followed
// by a verb of reaching (到2027年达到): a goal for a year to come.
func (s *scanner) futureYearBefore(head string) bool {
	head = strings.ReplaceAll(head, " ", "")
	for _, p := range [...]string{"到20", "至20"} {
		i := strings.LastIndex(head, p)
		if i < 0 || strings.HasSuffix(head[:i], "截") {
			continue // 截至2015年底: up to a past day
		}
		rest := head[i+len(p):]
		if len(rest) >= 2+len("年") && isDigit(rune(rest[0])) && isDigit(rune(rest[1])) && strings.HasPrefix(rest[2:], "年") {
			after := rest[2+len("年"):]
			after = strings.TrimPrefix(after, "底")
			after = strings.TrimPrefix(after, "末")
			after = strings.TrimPrefix(after, "，")
			return after == "" || strings.Contains(after, "达到") || strings.Contains(after, "突破") || strings.Contains(after, "超过") || strings.Contains(after, "实现") || strings.Contains(after, "提高到") || strings.Contains(after, "控制在")
		}
	}
	return false
}

// allHan reports whether s holds only Han characters.
func allHan(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return true
}
