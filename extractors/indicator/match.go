package indicator

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/runes"
	"golang.org/x/text/width"
)

// Match returns the canonical name of the indicator that a figure's
// subject names, and false if it names none. See the package comment for
// the rules. Match does not allocate unless the subject needs folding
// (full-width or lower-case Latin, spaces, quotation marks).
func (c *Catalogue) Match(subject string) (name string, ok bool) {
	if c == nil {
		return "", false
	}
	i := c.match(normalize(subject))
	if i < 0 {
		return "", false
	}
	return c.list[i].Name, true
}

// Find is Match returning the whole indicator, its group with it.
func (c *Catalogue) Find(subject string) (Indicator, bool) {
	if c == nil {
		return Indicator{}, false
	}
	i := c.match(normalize(subject))
	if i < 0 {
		return Indicator{}, false
	}
	return c.list[i], true
}

// match returns the index of the indicator that the normalised subject s
// names, or -1.
func (c *Catalogue) match(s string) int32 {
	if s == "" {
		return -1
	}
	if i, ok := c.keys[s]; ok {
		return i
	}
	if i := c.share(s); i >= 0 {
		return i
	}
	for round := 0; round < 3; round++ {
		t := trimNote(s)
		// NOTE: s itself was looked up above: scoped begins after that
		// look-up when no note was trimmed (a tenth of Match).
		missed := round == 0 && t == s
		s = t
		if i := c.scopedAfter(s, missed); i >= 0 {
			return i
		}
		// 广义货币供应量余额, 一般公共预算收入预算: the stock or the budget
		// of an indicator belongs to its series.
		for _, w := range stockWords {
			if !stockLast.has(lastRune(s)) {
				break // NOTE: most subjects end in no stock word
			}
			if rest, ok := strings.CutSuffix(s, w); ok && rest != "" {
				if i := c.scoped(rest); i >= 0 {
					return i
				}
			}
		}
		stem := trimChange(s)
		if len(stem) == len(s) {
			break
		}
		s = stem
	}
	return -1
}

// scoped tries the exact rule while it drops the scope words at the start
// of s, then the suffix rule on what is left.
func (c *Catalogue) scoped(s string) int32 { return c.scopedAfter(s, false) }

// scopedAfter is scoped; missed reports that s is known to be no key.
func (c *Catalogue) scopedAfter(s string, missed bool) int32 {
	for s != "" {
		if missed {
			missed = false
		} else if i, ok := c.keys[s]; ok {
			return i
		}
		rest, ok := trimScope(s)
		if !ok {
			return c.suffix(s)
		}
		s = rest
	}
	return -1
}

// share matches a share written out (第一产业增加值占全省生产总值的比重,
// 税收收入占比): without 的 before 比重 and the scope word after 占, then as
// "part比重" or "part占比" (第一产业增加值比重). It returns -1 when s is no
// share or none of these is catalogued.
func (c *Catalogue) share(s string) int32 {
	i := strings.Index(s, "占")
	if i <= 0 {
		return -1
	}
	part, whole := s[:i], s[i+len("占"):]
	ratio := ""
	for _, r := range [...]string{"比重", "比例", "比"} {
		if strings.HasSuffix(whole, r) {
			ratio = r
			whole = strings.TrimSuffix(whole[:len(whole)-len(r)], "的")
			break
		}
	}
	if ratio == "" {
		return -1
	}
	if rest, ok := trimScope(whole); ok {
		whole = rest
	}
	for _, k := range []string{part + "占" + whole + ratio, part + "占" + whole + "比重", part + "比重", part + "占比"} {
		if j, ok := c.keys[k]; ok {
			return j
		}
	}
	return -1
}

// stockWords end a subject that is the stock or budget of an indicator;
// stockLast holds their last runes.
var (
	stockWords = []string{"余额", "预算数", "预算", "执行数", "总量", "总数"}
	stockLast  = runesOf(stockWords, utf8.DecodeLastRuneInString)
)

// openGroups are the groups whose indicators name a measure whatever
// qualifies it: 涉企经营许可事项审批时限 is an 审批时限 as much as 审批时限
// alone is.
var openGroups = map[string]bool{"政务服务": true}

// flowPrefix reports whether p makes a flow of the stock after it (新增个体
// 工商户 is no count of 个体工商户).
func flowPrefix(p string) bool {
	for _, w := range [...]string{"新增", "新设", "新登记", "净增", "减少"} {
		if strings.HasSuffix(p, w) {
			return true
		}
	}
	return false
}

// suffix returns the indicator of the longest key of at least two runes
// that ends s after a place or time (see before), or -1.
func (c *Catalogue) suffix(s string) int32 {
	last, _ := runes.Last(s)
	if !c.last.has(last) {
		return -1
	}
	from := len(s) - c.maxKey
	for i := 0; i < len(s); {
		r, n := runes.First(s[i:])
		if i > 0 && i >= from && c.first.has(r) {
			k := s[i:]
			j, ok := c.keys[k] // NOTE: one look-up for both rules
			if ok && utf8.RuneCountInString(k) >= 3 && openGroups[c.list[j].Group] && !joins(lastRune(s[:i]), k) && !flowPrefix(s[:i]) {
				return j
			}
			if ok && utf8.RuneCountInString(k) >= 2 && before(s[:i], k) {
				return j
			}
		}
		i += n
	}
	return -1
}

// lastRune returns the last rune of s.
func lastRune(s string) rune {
	r, _ := runes.Last(s)
	return r
}

// scopeWords are dropped from the start of a subject (全市地区生产总值 →
// 地区生产总值). They are two to four runes long (see trimScope).
var scopeWords = setOf(
	"全年", "年末", "年底", "年初", "全国", "全省", "全市", "全州", "全县", "全区",
	"全盟", "全旗", "全镇", "全乡", "全社会", "本市", "该市", "我市", "本省",
	"该省", "我省", "本县", "该县", "我县", "本区", "该区", "我区", "本州", "该州",
	"我州", "本镇", "该镇", "我国", "其中", "今年", "去年", "上年", "当年",
	"上半年", "下半年", "一季度", "前三季度",
)

// scopeFirst holds the first runes of scopeWords.
var scopeFirst = runesOf(slices.Collect(maps.Keys(scopeWords)), utf8.DecodeRuneInString)

// trimScope drops one scope word from the start of s, unless its last rune
// and the next one form a word (全市场, 全区域, 上年末).
func trimScope(s string) (string, bool) {
	r, _ := runes.First(s)
	if !scopeFirst.has(r) {
		return s, false
	}
	for _, n := range [...]int{12, 9, 6} { // four, three and two Han runes
		if len(s) <= n {
			continue
		}
		if _, ok := scopeWords[s[:n]]; !ok {
			continue
		}
		w, rest := s[:n], s[n:]
		last, _ := utf8.DecodeLastRuneInString(w)
		if joins(last, rest) {
			return s, false
		}
		return rest, true
	}
	return s, false
}

// changeWords end a subject that is the change of an indicator
// (GDP增速); changeLead may come before them (GDP同比增长). Longest first.
var (
	changeWords = []string{
		"增长幅度", "增长速度", "增长率", "增速", "增幅", "增长", "涨幅", "降幅",
		"上涨", "下降", "降低", "年均",
		// NOTE: the rank of an indicator belongs to its series as its
		// growth does (地区生产总值增速位次 → 地区生产总值).
		"位次", "排位", "排名",
	}
	changeLead = []string{"比上年", "比去年", "同比", "实际", "名义", "年均", "平均"}
)

// changeLast holds the last runes of changeWords.
var changeLast = runesOf(changeWords, utf8.DecodeLastRuneInString)

// trimChange drops a change word (and its lead) from the end of s; it
// returns s if there is none.
func trimChange(s string) string {
	last, _ := runes.Last(s)
	if !changeLast.has(last) {
		return s
	}
	for _, w := range changeWords {
		if len(s) > len(w) && strings.HasSuffix(s, w) {
			t := s[:len(s)-len(w)]
			for _, l := range changeLead {
				if len(t) > len(l) && strings.HasSuffix(t, l) {
					return t[:len(t)-len(l)]
				}
			}
			return t
		}
	}
	return s
}

// trimNote drops a bracketed note from the end of s (地区生产总值(GDP));
// full-width brackets were folded by normalize.
func trimNote(s string) string {
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i >= 0 {
			return s[:i]
		}
	}
	return s
}

// before reports whether p, the part of a subject before a catalogued key
// k, is a place or a time that ends at a word boundary.
func before(p, k string) bool {
	last, _ := runes.Last(p)
	if joins(last, k) {
		return false
	}
	switch last {
	case '年', '月', '度', '末', '底', '初':
		return isTime(p)
	case '省', '市', '县', '区', '州', '盟', '旗', '镇', '乡', '国':
		return isPlace(p, last)
	}
	return false
}

// joinRunes maps a rune that ends a place, time or scope word to the runes
// that form a word with it (市 + 场 = 市场, 年 + 末 = 年末): a name that
// starts with one of them does not start a word after it.
//
// NOTE: the lists are short on purpose. A catalogued name is a whole term,
// so where both readings are words the name wins (株洲市/政务服务, not 市政;
// 中国/外贸, not 国外; 2023年/货物进出口总额, not 年货); only runes that bind
// to the word before more strongly than they start a name are listed. They
// matter most for scope words: 全市场 and 全区域 are no 全市 or 全区.
var joinRunes = map[rune]string{
	'年': "末初底度均份龄薪终",
	'月': "份度末初底均薪",
	'省': "级会",
	'市': "级场区县郊辖",
	'县': "级域城区",
	'区': "级域",
	'州': "级府",
	'镇': "级区域",
	'乡': "级村镇",
	'国': "级内际",
	'旗': "级",
	'盟': "级",
}

// joinExceptions start names that keep their own first word after any
// place or time word: 攸县城镇居民人均可支配收入 is 攸县 + 城镇…, not 县城;
// 2023年初中在校生 is 2023年 + 初中…, not 年初.
var joinExceptions = []string{"城镇", "城乡", "城市", "初中"}

// joins reports whether last and the first rune of s form a word.
func joins(last rune, s string) bool {
	bad, ok := joinRunes[last]
	if !ok {
		return false
	}
	first, _ := runes.First(s)
	if !strings.ContainsRune(bad, first) {
		return false
	}
	for _, e := range joinExceptions {
		if strings.HasPrefix(s, e) {
			return false
		}
	}
	return true
}

// timeTails end a time before an indicator (上半年GDP, 年末常住人口).
var timeTails = []string{
	"今年", "去年", "上年", "本年", "当年", "全年", "前年", "明年", "同年", "上半年",
	"下半年", "年末", "年底", "年初", "月末", "月底", "月初", "季末", "期末", "当月",
	"本月", "上月", "本季度", "上季度", "当季度", "本年度", "上年度", "全年度", "当年度",
}

// isTime reports whether p ends with a time: a year, month or quarter
// with its number (2023年, 1-5月, 前5个月, 前三季度, 2023年度) or a word of
// timeTails.
func isTime(p string) bool {
	for _, t := range timeTails {
		if strings.HasSuffix(p, t) {
			return true
		}
	}
	switch {
	case strings.HasSuffix(p, "季度"):
		return numeralBefore(p, len(p)-len("季度"))
	case strings.HasSuffix(p, "年度"):
		return numeralBefore(p, len(p)-len("年度"))
	case strings.HasSuffix(p, "个月"):
		return numeralBefore(p, len(p)-len("个月"))
	case strings.HasSuffix(p, "年"), strings.HasSuffix(p, "月"):
		return numeralBefore(p, len(p)-len("年")) // 年 and 月 are both 3 bytes
	}
	return false
}

// numeralBefore reports whether the rune that ends p[:i] is a digit or a
// Chinese numeral.
func numeralBefore(p string, i int) bool {
	r, _ := runes.Last(p[:i])
	return r >= '0' && r <= '9' || strings.ContainsRune("〇零一二三四五六七八九十两", r)
}

// genericPlaces are words that end like a place but name a kind of area
// (城区, 城镇, 景区), a group of places (各县, 市州), a development zone
// without its name (开发区, 国家级高新区) or a place-word compound (超市,
// 上市): an indicator after them is a narrower series, or no place at all.
//
// NOTE: development zones are refused even with a name (株洲高新区): their
// names are too often generic (经济技术开发区, 省级以上开发区) to tell.
var genericPlaces = []string{
	// 市
	"城市", "都市", "超市", "股市", "楼市", "车市", "上市", "门市", "夜市", "集市", "菜市",
	"早市", "互市", "级市", "强市", "大市", "市市",
	// 区
	"城区", "市区", "郊区", "山区", "牧区", "灾区", "老区", "苏区", "景区", "园区",
	"社区", "小区", "街区", "校区", "厂区", "矿区", "林区", "垦区", "湖区", "库区", "港区",
	"关区", "辖区", "片区", "展区", "学区", "战区", "营区", "警区", "选区", "省区", "县区",
	"农村地区", "贫困地区", "民族地区", "边远地区", "偏远地区", "发达地区", "落后地区",
	"东部地区", "中部地区", "西部地区", "东北地区", "沿海地区", "内陆地区", "城市地区",
	"城镇地区", "农牧地区", "山地区", "核心区", "功能区", "集聚区", "保护区", "风景区",
	"旅游区", "工业区", "商业区", "居民区", "生活区", "住宅区", "开发区", "高新区", "经开区",
	"自贸区", "保税区", "试验区", "示范区", "合作区", "产业区", "级新区", "综保区", "集中区",
	// 县
	"郡县", "市县", "强县", "大县", "贫困县", "重点县", "示范县", "县县",
	// 省
	"外省", "大省", "强省", "兄弟省", "分省", "省省", "邻省",
	// 州
	"市州", "神州", "九州",
	// 镇
	"城镇", "乡镇", "村镇", "集镇", "小镇", "古镇", "重镇", "名镇", "制镇", "强镇", "大镇",
	"镇镇",
	// 乡
	"城乡", "家乡", "故乡", "老乡", "下乡", "水乡", "侨乡", "族乡", "困乡", "乡乡", "同乡",
	"异乡", "他乡",
	// 旗, 盟
	"红旗", "国旗", "党旗", "锦旗", "彩旗", "联盟", "同盟", "加盟", "结盟",
	// 国
	"大国", "强国", "外国", "邻国", "小国", "员国", "易国", "口国", "达国", "展国", "盟国",
	"诸国", "列国", "国国", "他国", "本国", "该国", "万国",
}

// countryShort are the one-character country names that make a two-rune
// place with 国 (中国, 美国); other two-rune …国 words are not places here.
const countryShort = "中美英法德韩泰我"

// isPlace reports whether p ends with a named place whose level word is
// last: 株洲市, 湖南省, 沛县, 广州, 锡林郭勒盟, 中国.
func isPlace(p string, last rune) bool {
	if strings.HasPrefix(p, "各") {
		return false
	}
	for _, g := range genericPlaces {
		if strings.HasSuffix(p, g) {
			return false
		}
	}
	if head, ok := strings.CutSuffix(p, "地区"); ok {
		// 长沙地区, but not 国家级高新区地区: what comes before 地区 is a
		// name, or a place by these rules.
		r, _ := runes.Last(head)
		if strings.ContainsRune("省市县区州盟旗镇乡国", r) {
			return isPlace(head, r)
		}
		return utf8.RuneCountInString(head) >= 2 && unicode.Is(unicode.Han, r)
	}
	n := utf8.RuneCountInString(p)
	switch last {
	case '国':
		if n == 2 {
			first, _ := runes.First(p)
			return strings.ContainsRune(countryShort, first)
		}
		return n > 2
	case '县', '省', '州':
		// NOTE: two-rune counties (沛县) and short city names (广州) are
		// common; the generic ones are listed in genericPlaces.
		return n >= 2 && hanBeforeLast(p)
	default:
		// 市, 区, 镇, 乡, 旗, 盟: two-rune words are nearly all generic
		// (城市, 山区, 城镇); named places have a name of two runes or more.
		return n >= 3 && hanBeforeLast(p)
	}
}

// hanBeforeLast reports whether the rune before the last one of p (the
// level word) is a Han character (株洲市, not 5市).
func hanBeforeLast(p string) bool {
	_, n := runes.Last(p)
	r, _ := runes.Last(p[:len(p)-n])
	return runes.IsHan(r)
}

// normalize returns the matching key of s: full-width forms folded to
// ASCII, ASCII letters upper-cased, spaces and quotation marks dropped. It
// returns s itself when nothing changes.
//
// NOTE: upper case, because reports write GDP, CPI, M2 and PM2.5 in upper
// case: those subjects need no copy.
func normalize(s string) string {
	if !needsNormalize(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case dropped(r):
			continue
		case r >= 0xFF00 && r <= 0xFFEF:
			if f := width.LookupRune(r).Folded(); f != 0 {
				r = f
			}
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	// A folded full-width space or quotation mark is dropped too.
	out := b.String()
	if needsNormalize(out) {
		return normalize(out)
	}
	return out
}

// needsNormalize reports whether normalize would change s.
func needsNormalize(s string) bool {
	// NOTE: the runes it looks for begin with a byte of normalizeBytes;
	// most subjects hold none, and are not decoded (needsNormalize 0.09 s
	// in a 16-iteration profile of the metric package benchmark, now too
	// little to sample).
	i := 0
	for i < len(s) && !normalizeBytes[s[i]] {
		i++
	}
	if i == len(s) {
		return false
	}
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 0xFF00 && r <= 0xFFEF || dropped(r) {
			return true
		}
	}
	return false
}

// normalizeBytes holds the first bytes of the runes needsNormalize looks
// for: a–z, the ASCII ones of dropped, and the lead bytes of U+00A0 (C2),
// the curly quotes (E2), U+3000 and the corner brackets (E3), and the
// full-width forms U+FF00–U+FFEF (EF).
var normalizeBytes = func() (t [256]bool) {
	for b := 'a'; b <= 'z'; b++ {
		t[b] = true
	}
	for _, b := range []byte{' ', '\t', '\n', '\r', '"', 0xC2, 0xE2, 0xE3, 0xEF} {
		t[b] = true
	}
	return t
}()

// dropped reports whether r is a space or quotation mark, which matching
// ignores.
func dropped(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '"', '“', '”', '‘', '’', '「', '」', '『', '』':
		return true
	}
	return false
}

// runesOf returns the set of the runes that pick takes from words.
//
// NOTE: a runeSet, not a string searched with ContainsRune, which converts
// the rune to a string and searches it (trimScope and trimChange were a
// third of Match's own time).
func runesOf(words []string, pick func(string) (rune, int)) runeSet {
	var s runeSet
	for _, w := range words {
		r, _ := pick(w)
		s.add(r)
	}
	return s
}

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
