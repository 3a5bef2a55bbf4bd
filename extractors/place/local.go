package place

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// Method values of the local-place rules (issue 10).
const (
	// MethodParentShort is a county short name right after the name of its
	// province or a municipality (湖南浏阳, 四川北川, 北京西城): the
	// province picks the county the short name alone could not stand for.
	MethodParentShort = "gazetteer-short+parent"
	// MethodVillage is a village, town, street or community that the
	// gazetteer does not list, named by a name and 村, 镇, 乡, 街道 or 社区
	// (小岗村, 下叔村, 龙泉社区); its parent is the place named right before
	// it, if any (凤阳小岗村).
	MethodVillage = "village"
)

// findParentShort turns a county short name that needs support into a
// place of its own when the mention right before it names its province
// (or municipality) or prefecture (湖南浏阳, 安徽凤阳). It runs right
// after findGazetteer, so that the zone and village rules see the county.
func findParentShort(f *Finder, s *scan) {
	n := len(s.out)
	for i := 1; i < n; i++ {
		m := &s.out[i]
		// NOTE: a county short name that stands alone (江阴, see classify)
		// keeps MinSupport 2 for this rule.
		if m.Rule != MethodShort || m.MinSupport > 2 || !m.NeedSupport && m.MinSupport != 2 {
			continue
		}
		c := f.parentBefore(s, i)
		if c < 0 {
			continue
		}
		m.Rule, m.Cands, m.NeedSupport, m.MinSupport = MethodParentShort, []int32{c}, false, 0
	}
}

// parentBefore returns the candidate of the county short-name mention
// s.out[i] whose province or prefecture is named by a mention ending where
// it starts, or -1. That mention must be the only reading of its own
// surface (湖南, 北京, 佳木斯), and exactly one candidate must fit.
func (f *Finder) parentBefore(s *scan, i int) int32 {
	m := s.out[i]
	found := int32(-1)
	// NOTE: findGazetteer's mentions come in the order of their starts; a
	// province or prefecture name is shorter than 40 bytes.
	for j := i - 1; j >= 0 && s.out[j].Start >= m.Start-40; j-- {
		p := s.out[j]
		if p.End != m.Start || len(p.Cands) != 1 || p.NeedSupport {
			continue
		}
		a := p.Cands[0]
		if l := f.g.Places[a].Level; l != gazetteers.Province && l != gazetteers.Prefecture {
			continue
		}
		for _, c := range m.Cands {
			if f.g.Places[c].Level != gazetteers.County || !f.g.IsAncestor(a, c) {
				continue
			}
			if found >= 0 && found != c {
				return -1
			}
			found = c
		}
	}
	return found
}

// villageStops are the characters that cannot be part of a village name:
// function words, demonstratives, numerals, measure words and level
// words. The name starts after the last of them before the suffix.
const villageStops = "届年月日副叫离的着过之在是了和与及到从向对把被将为由于个这那该本全各每此其我他她它们等省市县区州旗镇乡村街道社区或并都也就还又已曾让使给以去来回往进出入至自一二三四五六七八九十百千万两几多某座名些"

// villageStopsSet is the set of the characters of villageStops.
var villageStopsSet = gazetteers.RuneSetOf(villageStops)

// villageNotNames are words that describe a village rather than name it
// (新农村, 贫困村, 示范村, 美丽乡村, 特色小镇, 老旧社区): never a name, even
// after a place.
var villageNotNames = map[string]bool{
	"新农": true, "贫困": true, "示范": true, "美丽": true, "文明": true, "重点": true, "行政": true,
	"自然": true, "中心": true, "传统": true, "特色": true, "试点": true, "先进": true, "所有": true,
	"城中": true, "边境": true, "旅游": true, "生态": true, "宜居": true, "小康": true, "和美": true,
	"民族": true, "移民": true, "搬迁": true, "帮扶": true, "结对": true, "定点": true, "周边": true,
	"附近": true, "相邻": true, "邻近": true, "全国": true, "各地": true, "当地": true, "农业": true,
	"工业": true, "旅游名": true, "历史名": true, "文化名": true, "特色小": true, "千年古": true,
	"智慧": true, "和谐": true, "老旧": true, "城市": true, "农村": true, "国际": true, "数字": true,
	"网红": true, "淘宝": true, "明星": true, "脱贫": true, "深度贫困": true, "非贫困": true,
	"低产": true, "高产": true, "空心": true, "落后": true, "富裕": true, "后进": true, "电商": true,
	"光伏": true, "扶贫": true, "模范": true, "样板": true, "幸福": true, "未来": true, "完整": true,
	"绿色": true, "低碳": true, "平安": true, "卫生": true, "健康": true, "安置": true, "新型": true,
	"城郊": true, "偏远": true, "边远": true, "山区": true, "牧区": true, "林区": true, "库区": true,
	"革命老": true, "红色": true, "历史文化": true, "集中": true, "嘎查": true,
	"移民新": true, "大学生": true, "所辖": true,
}

// villageWordEnds are the characters that make an everyday word with the
// suffix after them (重镇, 古镇, 山村, 渔村, 水乡, 家乡): a name does not
// end with them.
var villageWordEnds = map[string]string{
	"镇": "重古小名集城乡村强大",
	"村": "山渔农乡村走驻访包通整逐兴联挂开建选",
	"乡": "水家故老城下他异同返回梦归带壮整挂撤布住",
}

// villageNextWords are the characters that make a word with the suffix
// before them (村官, 村级, 镇域, 乡贤) that the dictionary may lack.
var villageNextWords = map[string]string{
	"村": "官医居组级务貌容规情史",
	"镇": "域",
	"乡": "贤情音土",
}

// villageWordEndSets and villageNextWordSets are the sets of the
// characters of villageWordEnds and villageNextWords, by suffix.
var villageWordEndSets, villageNextWordSets = runeSets(villageWordEnds), runeSets(villageNextWords)

// runeSets returns the sets of the characters of the values of m, by key.
func runeSets(m map[string]string) map[string]*gazetteers.RuneSet {
	out := make(map[string]*gazetteers.RuneSet, len(m))
	for k, v := range m {
		out[k] = gazetteers.RuneSetOf(v)
	}
	return out
}

// hasRuneOf reports whether the set of sets under key k has r; there is
// none for a key m lacks.
func hasRuneOf(sets map[string]*gazetteers.RuneSet, k string, r rune) bool {
	set := sets[k]
	return set != nil && set.Has(r)
}

// findVillages finds the villages, towns, streets and communities that
// the gazetteer does not list: a name of two or three characters before
// 村, 镇, 乡, 街道 or 社区. The name starts after a place mention that
// ends right before it (凤阳小岗村: 凤阳 is its parent), else after the
// last stop character (在下叔村), and must be a word of its own
// (aligned). A name that is an everyday word (新建, 光明) stands only
// right after a place, or after place + 的 for 村 (汤原的新建村); a
// descriptor (新农村, 贫困村, 特色小镇) never does. Where the gazetteer has
// a township ending at the same place, that township stands instead
// (findGazetteer keeps its code).
func findVillages(f *Finder, s *scan) {
	text := s.text
	n := len(s.out)
	// NOTE: the suffixes are found by markChars, in its pass over the text
	// for this rule and findAbbrevs.
	for _, m := range s.marks {
		if m.cl&classVillage == 0 {
			continue
		}
		i := m.at
		var suf string
		switch m.r {
		case '村', '镇', '乡':
			suf = text[i : i+3]
		case '街':
			if strings.HasPrefix(text[i+3:], "道") {
				suf = "街道"
			}
		case '社':
			if strings.HasPrefix(text[i+3:], "区") {
				suf = "社区"
			}
		}
		if suf != "" {
			if len(s.ends) == 0 {
				s.markEnds(n)
			}
			if v, ok := f.village(s, n, i, i+len(suf), suf); ok {
				s.out = append(s.out, v)
			}
		}
	}
}

// villageChars are the characters of classVillage: the suffixes 村, 镇 and
// 乡, and the first characters of 街道 and 社区.
var villageChars = []rune{'村', '镇', '乡', '街', '社'}

// village reads a village name before the suffix text[j:e]; n is the
// number of mentions found by the rules before this one.
func (f *Finder) village(s *scan, n, j, e int, suf string) (Mention, bool) {
	text := s.text
	// NOTE: first the cheap test that rejects most suffixes of running
	// text (农村, 城乡, 乡镇: see villageWordEnds), unless a place name
	// ends before the suffix (which the name is then).
	if r, _ := runes.Last(text[:j]); hasRuneOf(villageWordEndSets, suf, r) && s.endingAt(n, j) < 0 {
		return Mention{}, false
	}
	// A place already ends here (a township of the gazetteer), or the
	// suffix starts a place name (镇江, 乡宁).
	for k := range s.out[:n] {
		if m := &s.out[k]; m.End == e || m.Start == j {
			return Mention{}, false
		}
	}
	// 村民, 镇压, 乡亲: the suffix makes a word with the character after
	// it; an organ of the place (村委, 镇政府, 乡党委) is fine, and so is
	// the suffix again (小岗村村民, 龙泉镇镇长).
	if r, _ := runes.First(text[e:]); hasRuneOf(villageNextWordSets, suf, r) {
		return Mention{}, false
	}
	if e < len(text) && f.lex != nil && !organAfter(text, e) && !strings.HasPrefix(text[e:], "党") &&
		!strings.HasPrefix(text[e:], text[e-lastRuneLen(text[:e]):e]) &&
		f.crossWord(text, e-lastRuneLen(text[:e]), e+firstRuneLen(text[e:])) {
		return Mention{}, false
	}
	// A county or township short name right before the suffix is the name
	// itself (龙泉社区, 集美镇): the township of that name if the article
	// says which, else the name alone.
	if p := s.endingAt(n, j); p >= 0 {
		pm := s.out[p]
		name := text[pm.Start:j]
		if pm.Full || f.g.Places[pm.Cands[0]].Level < gazetteers.County || !f.g.Places[pm.Cands[0]].Level.Chinese() ||
			villageNotNames[name] || isWord(f.lex, name) {
			return Mention{}, false
		}
		m := Mention{Start: pm.Start, End: e, Rule: MethodVillage, Zone: suf, Prefix: text[pm.Start:j]}
		if suf != "村" && suf != "社区" {
			m.Cands, m.NeedSupport, m.MinSupport = f.g.TownshipsNamed(m.Prefix), true, 2
		}
		return m, true
	}
	// The run of name characters before the suffix: at most three, after
	// the last stop character or the end of a place mention.
	start, parent, viaDe, cut := j, -1, false, true
	for c := 0; c < 3 && start > 0; c++ {
		if p := s.endingAt(n, start); p >= 0 {
			parent = p
			break
		}
		r, size := runes.Last(text[:start])
		if !runes.IsHan(r) || villageStopsSet.Has(r) {
			cut = false
			break
		}
		start -= size
	}
	if start == 0 || parent >= 0 {
		cut = false
	} else if r, _ := runes.Last(text[:start]); !runes.IsHan(r) || villageStopsSet.Has(r) {
		cut = false
	}
	if parent < 0 && start < j {
		if p := s.endingAt(n, start); p >= 0 {
			parent = p
		} else if suf == "村" && strings.HasSuffix(text[:start], "的") {
			if p := s.endingAt(n, start-len("的")); p >= 0 {
				parent, viaDe = p, true
			}
		}
	}
	// The longest name of three or two characters that no dictionary word
	// runs into.
	for ; start < j && utf8.RuneCountInString(text[start:j]) >= 2; start += firstRuneLen(text[start:]) {
		if parent >= 0 && !viaDe || f.startsWord(text, start, e) {
			break
		}
		parent = -1
	}
	// 落户乌镇, 推广联村: a verb starts the run; 提供社区, 修建通村: a verb
	// ends the name. Neither is a name unless a place comes before it.
	if parent < 0 && utf8.RuneCountInString(text[start:j]) == 3 && f.isVerb(text[start:start+firstRuneLen(text[start:])+firstRuneLen(text[start+firstRuneLen(text[start:]):])]) {
		start += firstRuneLen(text[start:])
	}
	name := text[start:j]
	if utf8.RuneCountInString(name) < 2 || villageNotNames[name] || villageNotNames[name[firstRuneLen(name):]] {
		return Mention{}, false
	}
	if parent < 0 && (f.isVerb(name) || f.isVerb(name[firstRuneLen(name):])) {
		return Mention{}, false
	}
	// A name cut at three characters inside a run of them (尼·伯尔切斯库镇,
	// 蛇口渔民村) must start after a dictionary word (到祖籍红庙李村).
	if cut && parent < 0 && !f.lexWordEnding(text, start) {
		return Mention{}, false
	}
	// 城镇, 重镇, 水乡, 山村: the name's last character makes a word with the
	// suffix.
	last, _ := runes.Last(name)
	if hasRuneOf(villageWordEndSets, suf, last) || f.lex != nil && f.crossWord(text, j-lastRuneLen(name), j+firstRuneLen(suf)) {
		return Mention{}, false
	}
	if isWord(f.lex, name) && parent < 0 {
		return Mention{}, false
	}
	m := Mention{Start: start, End: e, Rule: MethodVillage, Zone: suf, Prefix: name}
	if parent >= 0 {
		p := s.out[parent]
		m.Cands, m.NeedSupport, m.MinSupport = p.Cands, p.NeedSupport, p.MinSupport
	}
	return m, true
}

// isVerb reports whether the dictionary has w as a verb (落户, 提供).
func (f *Finder) isVerb(w string) bool {
	if f.lex == nil {
		return false
	}
	e, ok := f.lex.Lookup(w)
	return ok && strings.HasPrefix(e.Pos, "v")
}

// hasVerb reports whether w is a verb or has a two-character verb or
// adverb in it (重新规划).
func (f *Finder) hasVerb(w string) bool {
	if f.isVerb(w) {
		return true
	}
	for i := 0; i < len(w); i += firstRuneLen(w[i:]) {
		j := i + firstRuneLen(w[i:])
		if j >= len(w) || f.lex == nil {
			continue
		}
		if e, ok := f.lex.Lookup(w[i : j+firstRuneLen(w[j:])]); ok && (strings.HasPrefix(e.Pos, "v") || e.Pos == "d") {
			return true
		}
	}
	return false
}

// startsWord reports whether a name may start at i and run to end: no
// two-character dictionary word runs across i, and no dictionary word
// starting at i runs past end.
func (f *Finder) startsWord(text string, i, end int) bool {
	if f.lex == nil {
		return true
	}
	if i > 0 && f.crossWord(text, prevRuneStart(text, i), i+firstRuneLen(text[i:])) {
		return false
	}
	return !f.lexWordBeyond(text, i, end)
}

// markEnds sets s.ends to the bit set of the offsets at which the
// mentions s.out[:n] end.
func (s *scan) markEnds(n int) {
	size := len(s.text)/64 + 1
	ends := slices.Grow(s.ends[:0], size)[:size]
	clear(ends)
	for k := range s.out[:n] {
		e := s.out[k].End
		ends[e>>6] |= 1 << (e & 63)
	}
	s.ends = ends
}

// endingAt is mentionEnding(s.out[:n], i), which it calls only where
// s.ends (see markEnds), when set, has i.
//
// NOTE: village looks for a mention ending at up to five offsets per
// suffix, and most have none: a pass over the mentions for each, where a
// long article has hundreds. village's instructions 96 → 41 M in
// cachegrind of two passes of the entity stage's BenchmarkExtract.
func (s *scan) endingAt(n, i int) int {
	if i >= 0 && i>>6 < len(s.ends) && s.ends[i>>6]&(1<<(i&63)) == 0 {
		return -1
	}
	return mentionEnding(s.out[:n], i)
}

// mentionEnding returns the index of the longest mention of ms that ends
// at i, or -1.
//
// NOTE: the mentions are read in place: a range by value copied every
// Mention (over 100 bytes) it passed. With the same change in village's
// and ResolveBuf's loops, the entity stage's BenchmarkExtract ran 45 M
// fewer instructions in two passes (cachegrind, 12.002 → 11.957 G).
func mentionEnding(ms []Mention, i int) int {
	best := -1
	for k := range ms {
		if m := &ms[k]; m.End == i && len(m.Cands) > 0 && (best < 0 || m.Start < ms[best].Start) {
			best = k
		}
	}
	return best
}

// pairLeads are the characters after which a run of country abbreviations
// starts a pair even when the first abbreviation ends a dictionary word
// with them (在中, 次日, 与中).
const pairLeads = "在次与和同对使让将把被为由及"

// pairLeadsSet is the set of the characters of pairLeads.
var pairLeadsSet = gazetteers.RuneSetOf(pairLeads)

// pairLead reports whether the character before i is one of pairLeads.
func pairLead(text string, i int) bool {
	r, _ := runes.Last(text[:i])
	return pairLeadsSet.Has(r)
}

// MethodZoneName is a zone named by a place and a name of its own before
// the zone suffix (重庆两江新区, 成都天府新区), or an area of a free-trade
// zone (湖南自贸区长沙片区): one place, whose parent is the place named
// first.
const MethodZoneName = "zone+name"

// findZoneNames finds the zones of MethodZoneName. It runs after
// findZones and uses its mentions and the place mentions before it.
func findZoneNames(f *Finder, s *scan) {
	n := len(s.out)
	// NOTE: most texts have no zone suffix.
	if !slices.ContainsFunc(s.hits, func(h gazetteers.Hit) bool { return f.zoneRef(h) >= 0 }) {
		return
	}
	for i, h := range s.hits {
		z := f.zoneRef(h)
		if z < 0 || f.longerZoneEnds(s.hits, i) {
			continue
		}
		if m, ok := f.namedZone(s, n, h, f.g.Zones[z].Full); ok {
			s.out = append(s.out, m)
		}
	}
	// Areas of free-trade zones: the zone, a name of two to four
	// characters, 片区.
	for i := range s.out {
		m := s.out[i]
		if m.Zone != "自由贸易试验区" || m.Rule != MethodZone && m.Rule != MethodZoneName {
			continue
		}
		rest := s.text[m.End:]
		k := 0
		for c := 0; c < 5 && k < len(rest); c++ {
			if strings.HasPrefix(rest[k:], "片区") && c >= 2 {
				s.out = append(s.out, Mention{
					Start: m.Start, End: m.End + k + len("片区"), Rule: MethodZoneName, Cands: m.Cands,
					NeedSupport: m.NeedSupport, MinSupport: m.MinSupport, Full: m.Full,
					Zone: m.Zone + rest[:k] + "片区", Prefix: m.Prefix,
				})
				break
			}
			r, size := runes.First(rest[k:])
			if !runes.IsHan(r) || villageStopsSet.Has(r) {
				break
			}
			k += size
		}
	}
}

// namedZone reads a zone suffix hit h preceded by a Chinese division and a
// name of one to three characters (重庆 + 两江 + 新区). A division that ends
// right before the suffix is findZones' (株洲高新区), and so is a name
// with a stop character or a verb (长沙市建设高新区).
func (f *Finder) namedZone(s *scan, n int, h gazetteers.Hit, full string) (Mention, bool) {
	division := func(m Mention) bool {
		l := f.g.Places[m.Cands[0]].Level
		return m.Zone == "" && (l == gazetteers.Province || l == gazetteers.Prefecture || l == gazetteers.County)
	}
	if p := mentionEnding(s.out[:n], h.Start); p >= 0 && (division(s.out[p]) || s.out[p].Zone != "") {
		return Mention{}, false
	}
	st := h.Start
	// NOTE: at most three characters: longer runs are more often a verb
	// phrase (铁岭重新规划工业园区) than a name.
	for c := 0; c < 3 && st > 0; c++ {
		r, size := runes.Last(s.text[:st])
		if !runes.IsHan(r) || zoneNameStopsSet.Has(r) {
			return Mention{}, false
		}
		st -= size
		p := mentionEnding(s.out[:n], st)
		if p < 0 || crossed(s.out[:n], st) {
			continue
		}
		pm := s.out[p]
		if !division(pm) || f.hasVerb(s.text[st:h.Start]) {
			return Mention{}, false
		}
		for k := range s.out[:n] {
			if m := &s.out[k]; m.Start == pm.Start && m.End == h.End {
				return Mention{}, false
			}
		}
		return Mention{
			Start: pm.Start, End: h.End, Rule: MethodZoneName, Cands: pm.Cands,
			NeedSupport: pm.NeedSupport, MinSupport: pm.MinSupport, Full: pm.Full,
			Zone: full, Prefix: s.text[pm.Start:h.Start],
		}, true
	}
	return Mention{}, false
}

// zoneNameStops are the characters that cannot be part of the name of a
// zone between its place and its suffix: function words and level words.
const zoneNameStops = "一二三四五六七八九十几多个给的着过之在是了和与及到从向对把被将为由于这那该本全各每此其我他她它们等省市县区州旗镇乡村"

// zoneNameStopsSet is the set of the characters of zoneNameStops.
var zoneNameStopsSet = gazetteers.RuneSetOf(zoneNameStops)

// crossed reports whether a mention of ms runs across offset i.
func crossed(ms []Mention, i int) bool {
	for k := range ms {
		if m := &ms[k]; m.Start < i && i < m.End {
			return true
		}
	}
	return false
}

// splitName reports whether the two-character name text[start:end] is split
// between dictionary words: its last character starts a word of two (国家,
// 国王) and its first one ends a word (其中|国王) or a word holds both
// (发展中国家): no 中国 there.
func (f *Finder) splitName(text string, start, end int) bool {
	if f.lex == nil || utf8.RuneCountInString(text[start:end]) != 2 || end >= len(text) {
		return false
	}
	mid := start + firstRuneLen(text[start:])
	after := end + firstRuneLen(text[end:])
	if !f.crossWord(text, mid, after) {
		return false
	}
	if segment.WordEnding(f.lex, text, mid, 2, 3, notPlace) {
		return true
	}
	// A word that holds the name and the character after it (发展中国家).
	i := start
	for k := 0; k < 3 && i > 0; k++ {
		i = prevRuneStart(text, i)
		if f.crossWord(text, i, after) {
			return true
		}
	}
	return false
}
