package place

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/datafile"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// rule is one place rule: a method name, the pattern it looks for (for
// documentation and tests), and its production, which appends the
// mentions it finds to s.out.
type rule struct {
	name    string
	pattern string
	find    func(f *Finder, s *scan)
}

// rules are applied in order; overlaps between their mentions are settled
// after resolution (extractors/entity), longest first.
var rules = []rule{
	{MethodGazetteer, "a place name of the gazetteer, full (株洲市) or short (株洲)", findGazetteer},
	{MethodParentShort, "province or prefecture + county short name (湖南浏阳, 北京西城)", findParentShort},
	{MethodGazetteerLevel, "foreign city or region + level word (维也纳市, 俄亥俄州); county short name + 县 (栾城县)", findSuffixed},
	{MethodZone, "place or township name + zone suffix (株洲高新区, 田心高科园)", findZones},
	{MethodZoneName, "division + name + zone suffix (重庆两江新区); free-trade zone + area (湖南自贸区长沙片区)", findZoneNames},
	{MethodVillage, "a name + 村, 镇, 乡, 街道 or 社区 not in the gazetteer (凤阳小岗村, 在下叔村)", findVillages},
	{MethodFacility, "place + facility word (德黑兰机场, 杭州植物园, 天安门广场)", findFacilities},
	{MethodAbbrevPair, "two or more country abbreviations + relation word (中美关系)", findAbbrevs},
	// NOTE: found in the same scan as MethodAbbrevPair (findAbbrevs), which
	// decodes each character once for both rules.
	{MethodAbbrevVerb, "travel verb + abbreviation (访华, 在京)", nil},
	// NOTE: found in the scan of findAbbrevs, which already stops at
	// every country abbreviation; a scan of its own cost 5 % of the stage.
	{MethodAbbrevRole, "country abbreviation + side, army or office (美方, 俄军, 叙总统)", nil},
	{MethodAbbrevNamed, "first character of a country named in full earlier, standing as a word (俄罗斯 … 俄金融市场)", findNamedAbbrevs},
}

// RuleNames returns the names of the rules, in order.
func RuleNames() []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.name
	}
	return out
}

// scan is the state of one Find call.
type scan struct {
	text string
	hits []gazetteers.Hit
	out  []Mention
	run  []abbrevPos // findAbbrevs' buffer, reused for each run
	// marks are the characters of text that findVillages and findAbbrevs
	// look at, in text order (see markChars).
	marks []charMark
	// byEnd is findZones' buffer: indexes of out by end offset.
	byEnd []int32
	// ends is findVillages' buffer: the bit set of the offsets at which
	// the mentions before its rule end.
	ends []uint64
	// toks is segmentedAt's buffer.
	toks []newsfacts.Token
}

// abbrevPos is a country abbreviation in a run of them (中美, 中、日、韩).
type abbrevPos struct {
	start, end int
	place      int32
}

// Find returns the place mentions of text, given its gazetteer hits (from
// g.Match). Mentions may overlap.
func (f *Finder) Find(text string, hits []gazetteers.Hit) []Mention {
	return f.FindBuf(nil, text, hits)
}

// FindBuf is Find that builds the mentions in buf's storage, which it
// overwrites; it returns them. A caller that is done with the mentions of
// one text (after Resolve) can pass them as buf for the next.
func (f *Finder) FindBuf(buf []Mention, text string, hits []gazetteers.Hit) []Mention {
	return f.find(buf, text, hits, nil, false)
}

// FindMarked is FindBuf for hits found by g.MatchMarking with a set that
// holds f.Marks(), which gave marks (the set may hold other characters, a
// caller's own: the finder skips them).
func (f *Finder) FindMarked(buf []Mention, text string, hits []gazetteers.Hit, marks []int) []Mention {
	return f.find(buf, text, hits, marks, true)
}

// Marks returns the set of the characters that FindMarked needs the
// offsets of: those the single-character rules (findVillages, findAbbrevs)
// look at. The caller must not change it.
func (f *Finder) Marks() *gazetteers.RuneSet { return &f.marks }

// find is FindBuf, with the marked characters read from marks if marked,
// else found in a pass over text.
func (f *Finder) find(buf []Mention, text string, hits []gazetteers.Hit, marks []int, marked bool) []Mention {
	// NOTE: sized for the gazetteer rule's mentions, which are most of
	// them, so that the slice does not grow (and copy) a dozen times.
	n := 0
	for _, h := range hits {
		if f.info[h.ID].nCands > 0 {
			n++
		}
	}
	if cap(buf) < n+n/8+4 {
		buf = make([]Mention, 0, n+n/8+4)
	}
	// NOTE: the state is pooled, with its buffer for runs of
	// abbreviations; each was an allocation per text.
	s := f.scans.Get().(*scan)
	*s = scan{text: text, hits: hits, out: buf[:0], run: s.run[:0], byEnd: s.byEnd[:0], ends: s.ends[:0], marks: s.marks[:0], toks: s.toks[:0]}
	if marked {
		f.readMarks(s, marks)
	} else {
		f.markChars(s)
	}
	for _, r := range rules {
		if r.find != nil {
			r.find(f, s)
		}
	}
	out := s.out
	*s = scan{run: s.run[:0], byEnd: s.byEnd[:0], ends: s.ends[:0], marks: s.marks[:0], toks: s.toks[:0]}
	f.scans.Put(s)
	return out
}

// FindText is Find with the gazetteer matching done here.
func (f *Finder) FindText(text string) []Mention {
	return f.Find(text, f.g.Match(text, nil))
}

func findGazetteer(f *Finder, s *scan) {
	for _, h := range s.hits {
		in := &f.info[h.ID]
		if in.nCands == 0 {
			continue
		}
		cands := f.candsOf(in)
		if in.boundary && !f.aligned(s.text, h.Start, h.End, !in.full) || in.full && f.splitName(s.text, h.Start, h.End) {
			continue
		}
		if f.otherName(s.text, h.End, cands) || f.countryBeforeInner(s.text, h, in) || f.inTransliteration(s.text, h, in) && !f.placeEndsAt(s, h.Start) {
			continue
		}
		need := in.needSupport
		if in.segmented && (inTitle(s.text, h.Start, h.End) || featureAfter(s.text[h.End:]) || !f.segmentedAt(s, h.Start, h.End)) {
			need = true // 半壁江山, 《连城记》: as for any short county name, the article must support it
		}
		s.out = append(s.out, Mention{
			Start: h.Start, End: h.End, Rule: ruleNames[in.rule], Cands: cands,
			NeedSupport: need, MinSupport: in.minSupport, Full: in.full, KeepName: in.keepName,
		})
	}
}

//go:embed data/currencies.txt
var currenciesData string

// currencyWords are the words of currencies.txt.
var currencyWords = slices.Sorted(maps.Keys(datafile.Set(currenciesData)))

// timeZone is the word after 北京 that names China's standard time.
const timeZone = "时间"

// otherFirsts are the first characters of timeZone and the currency words:
// otherName looks at a place's readings only after one of them, since it
// runs for every gazetteer hit.
var otherFirsts = func() []rune {
	var rs []rune
	for _, w := range append([]string{timeZone}, currencyWords...) {
		if r, _ := runes.First(w); !slices.Contains(rs, r) {
			rs = append(rs, r)
		}
	}
	return rs
}()

// otherName reports whether a place name ending at end, with candidate
// readings cands, is part of the name of something else that follows: a
// currency after a country (挪威克朗, 瑞士法郎; not 德国马克思主义), and
// China's standard time (北京时间).
func (f *Finder) otherName(text string, end int, cands []int32) bool {
	if end+6 > len(text) || len(cands) != 1 || !slices.Contains(otherFirsts, runes.At3(text, end)) {
		return false
	}
	rest := text[end:]
	p := &f.g.Places[cands[0]]
	if p.Code == "110000" {
		return strings.HasPrefix(rest, timeZone)
	}
	if p.Level != gazetteers.Country {
		return false
	}
	for _, w := range currencyWords {
		if strings.HasPrefix(rest, w) {
			return f.lex == nil || !f.lexWordBeyond(text, end, end+len(w))
		}
	}
	return false
}

// aligned reports whether [start, end) is a word of its own in text: no
// two-character dictionary word (other than a place word) runs across
// either end (沈阳市场: 市场; 大理石: 大理石 starts at 大). With person set, it
// also rejects a short name that follows a one-character surname standing
// alone (李长春, but not 提高北京).
//
// NOTE: this is a dictionary check, not a segmentation: segmenting a
// window around every short place name would cost more than all the rest
// of the extraction.
func (f *Finder) aligned(text string, start, end int, person bool) bool {
	if f.lex == nil {
		return true
	}
	if start > 0 && f.crossWord(text, prevRuneStart(text, start), start+firstRuneLen(text[start:])) {
		return false
	}
	if end < len(text) && f.crossWord(text, end-lastRuneLen(text[:end]), end+firstRuneLen(text[end:])) && !organAfter(text, end) {
		return false
	}
	// A longer dictionary word starting here (大理石, 长治久安).
	if f.lexWordBeyond(text, start, end) {
		return false
	}
	if person && start > 0 {
		r, size := runes.Last(text[:start])
		if surnameSet.Has(r) {
			// The surname stands alone unless it ends a word (提高北京: 提高).
			ps := start - size
			if ps == 0 || !f.lexHas(text[prevRuneStart(text, ps):start]) {
				return false
			}
		}
	}
	return true
}

// countryBeforeInner reports whether hit h is a country's other name
// ending in 国 (日本国, 俄国) right before 内 or 外, where 国内 or 国外 is
// the word: 日本国内外 is 日本 and 国内外, 俄国内政局 is 俄, 国内 and 政局.
// The country's own name (美国, whose 美国内政部 is 美国 and 内政部) is left
// alone.
func (f *Finder) countryBeforeInner(text string, h gazetteers.Hit, in *surfInfo) bool {
	if !in.otherName {
		return false
	}
	rest := text[h.End:]
	return strings.HasPrefix(rest, "内") || strings.HasPrefix(rest, "外")
}

// inTransliteration reports whether hit h is a world region named by a
// direction and a continent (西亚, 东欧, 北非) that is a run of syllables
// inside a transliterated name (鲁西亚努, 奥登西亚, 加西亚, 雷西斯滕西亚): the
// character before it is a syllable of transliterations (see
// translitSyllables) that ends no dictionary word (not 参加东亚峰会); the
// caller also keeps a region right after another place (塞舌尔东非).
func (f *Finder) inTransliteration(text string, h gazetteers.Hit, in *surfInfo) bool {
	if !in.dirRegion || h.Start == 0 || f.lex == nil {
		return false
	}
	r, _ := runes.Last(text[:h.Start])
	return translitSyllablesSet.Has(r) && !f.lexWordEnding(text, h.Start)
}

// placeEndsAt reports whether a gazetteer place name ends at i (塞舌尔
// before 东非).
func (f *Finder) placeEndsAt(s *scan, i int) bool {
	for _, h := range s.hits {
		if h.Start >= i {
			break
		}
		if h.End == i && f.info[h.ID].nCands > 0 {
			return true
		}
	}
	return false
}

// translitSyllables are characters that transliterate foreign syllables
// (加西亚, 鲁西亚努, 斯滕西亚) far more often than they end Chinese words.
const translitSyllables = "加鲁登滕斯尔努维利里拉卡塔纳洛科迪诺姆森布杰曼恩乌伊吉兹茨夫弗芬蒂琳黛丝妮莎娃娜埃艾赫霍普"

// translitSyllablesSet is the set of the characters of translitSyllables.
var translitSyllablesSet = gazetteers.RuneSetOf(translitSyllables)

// segmentedAt reports whether the segmenter, on a few characters either
// side, reads text[start:end] as one word. Without a segmenter (the
// Lexicon given to New is not one) it reports false.
//
// NOTE: the segmenter, not the dictionary, decides for the short names
// it concerns (恭城): an idiom holding the name (半壁江山) or a place that
// runs on from its last character (同德国) is seen in context.
func (f *Finder) segmentedAt(s *scan, start, end int) bool {
	seg, ok := f.lex.(segment.Segmenter)
	if !ok {
		return false
	}
	// NOTE: between two edges (punctuation, a function word: 在恭城，,
	// 江阴的) the name is a word whatever the segmenter says; most
	// mentions stand so, and need no segmentation.
	if edgeBefore(s.text, start) && edgeAfter(s.text, end) {
		return true
	}
	ok, toks, _ := segment.AlignedIn(seg, s.toks, s.text, start, end, 2)
	s.toks = toks
	return ok
}

// edgeBefore reports whether text[:i] ends with the start of the text, a
// character that is not Han, or a one-character function word.
func edgeBefore(text string, i int) bool {
	r, size := runes.Last(text[:i])
	return size == 0 || !runes.IsHan(r) || placeLeadsSet.Has(r)
}

// placeLeads are the one-character function words and verbs that may
// stand right before a place name (在恭城, 和江阴, 赴焉耆).
const placeLeads = "在和与及的到向从对于至赴访往经同跟或为是了将把被让给去来抵离返由自以而并即、"

// placeLeadsSet is the set of the characters of placeLeads.
var placeLeadsSet = gazetteers.RuneSetOf(placeLeads)

// edgeAfter reports whether text[i:] starts with the end of the text, a
// character that is not Han, or a particle or conjunction (的, 和, 等).
func edgeAfter(text string, i int) bool {
	r, size := runes.First(text[i:])
	return size == 0 || !runes.IsHan(r) || strings.ContainsRune("的和与及等、", r)
}

// featureAfter reports whether rest, the text after a short name, starts
// with the head of a natural feature or a line that the name may begin
// without being the county's: 南岗河, 广阳岛, 钱塘大潮, 宁安高铁 (南京–安庆),
// 榕江特大桥.
func featureAfter(rest string) bool {
	r, _ := runes.First(rest)
	if strings.ContainsRune("河江湖岛礁湾", r) {
		return true
	}
	for _, w := range [...]string{"海域", "群岛", "大潮", "高铁", "铁路", "城际", "特大桥", "自然保护区", "保护区"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// inTitle reports whether text[start:end] lies inside a title in 《》 of
// at most maxTitleRunes characters (《连城记》).
func inTitle(text string, start, end int) bool {
	open := strings.LastIndex(text[max(0, start-maxTitleRunes*3):start], "《")
	if open < 0 || strings.Contains(text[max(0, start-maxTitleRunes*3)+open:start], "》") {
		return false
	}
	close := strings.Index(text[end:min(len(text), end+maxTitleRunes*3)], "》")
	return close >= 0 && !strings.Contains(text[end:end+close], "《")
}

// maxTitleRunes bounds the part of a title that inTitle looks at on each
// side of a name.
const maxTitleRunes = 12

// organAfter reports whether text[end:] starts with a character that makes
// the level character before it a government organ (株洲市委, 石峰区政府,
// 县长): the place name still ends there.
func organAfter(text string, end int) bool {
	r, _ := runes.First(text[end:])
	return organStarts.Has(r)
}

// organStarts are the first characters of 委员会, 政府, 长 and 直属 after a
// place name.
var organStarts = gazetteers.RuneSetOf("委政长直")

// crossWord reports whether text[i:j] is a dictionary word that is not a
// place word.
func (f *Finder) crossWord(text string, i, j int) bool {
	e, ok := f.lex.Lookup(text[i:j])
	return ok && notPlace(e)
}

func (f *Finder) lexHas(w string) bool {
	_, ok := f.lex.Lookup(w)
	return ok
}

// lexWordBeyond reports whether a dictionary word starts at i and ends one
// or two characters after end.
func (f *Finder) lexWordBeyond(text string, i, end int) bool {
	return segment.WordBeyond(f.lex, text, i, end, notPlace)
}

// notPlace accepts the dictionary words that are not place words (ns…).
func notPlace(e segment.Entry) bool { return !strings.HasPrefix(e.Pos, "ns") }

// prevRuneStart returns the byte offset where the rune before i starts.
func prevRuneStart(text string, i int) int {
	_, size := runes.Last(text[:i])
	return i - size
}

// firstRuneLen returns the size in bytes of the first rune of s.
func firstRuneLen(s string) int {
	_, size := runes.First(s)
	return size
}

// lastRuneLen returns the size in bytes of the last rune of s.
func lastRuneLen(s string) int {
	_, size := runes.Last(s)
	return size
}

//go:embed data/surnames.txt
var surnameData string

// surnames are common one-character family names that are not also
// everyday function words, for the person-name check of short names.
var surnames = func() string {
	var b strings.Builder
	// NOTE: Lines fails only when its fn does.
	_ = datafile.Lines("data/surnames.txt", surnameData, func(_ int, l string) error {
		b.WriteString(strings.TrimSpace(l))
		return nil
	})
	return b.String()
}()

// surnameSet is the set of the characters of surnames.
var surnameSet = gazetteers.RuneSetOf(surnames)

// findZones finds place or township names followed by a zone suffix. It
// runs after findGazetteer and uses its mentions as prefixes.
func findZones(f *Finder, s *scan) {
	// NOTE: most texts have no zone suffix; the index below costs an
	// allocation per place mention.
	if !slices.ContainsFunc(s.hits, func(h gazetteers.Hit) bool { return f.zoneRef(h) >= 0 }) {
		return
	}
	// The place mentions found so far, by end offset (then in order).
	//
	// NOTE: indexes sorted in the scan's reused buffer, not a map of
	// slices, which cost an allocation per place mention.
	byEnd := s.byEnd[:0]
	for i := range s.out {
		byEnd = append(byEnd, int32(i))
	}
	slices.SortStableFunc(byEnd, func(a, b int32) int { return s.out[a].End - s.out[b].End })
	s.byEnd = byEnd
	var zones []Mention
	for i, h := range s.hits {
		z := f.zoneRef(h)
		if z < 0 {
			continue
		}
		// Only the longest zone suffix ending here (开发区 in 经济开发区 is not
		// another zone).
		if f.longerZoneEnds(s.hits, i) {
			continue
		}
		full := f.g.Zones[z].Full
		k, _ := slices.BinarySearchFunc(byEnd, h.Start, func(i int32, end int) int { return s.out[i].End - end })
		if k < len(byEnd) && s.out[byEnd[k]].End == h.Start {
			// The longest place mention ending right before the suffix
			// (the first of the longest).
			best := int(byEnd[k])
			for _, pi := range byEnd[k+1:] {
				if s.out[pi].End != h.Start {
					break
				}
				if s.out[pi].Start < s.out[best].Start {
					best = int(pi)
				}
			}
			pm := s.out[best]
			zones = append(zones, Mention{
				Start: pm.Start, End: h.End, Rule: MethodZone, Cands: pm.Cands,
				NeedSupport: pm.NeedSupport, MinSupport: pm.MinSupport, Full: pm.Full,
				Zone: full, Prefix: s.text[pm.Start:h.Start],
			})
			continue
		}
		// A township short name (田心), two or three characters.
		for k := 3; k >= 2; k-- {
			st := backExact(s.text, h.Start, k)
			if st < 0 {
				continue
			}
			if towns := f.g.TownshipsNamed(s.text[st:h.Start]); len(towns) > 0 {
				zones = append(zones, Mention{
					Start: st, End: h.End, Rule: MethodZoneContext, Cands: towns,
					NeedSupport: true, MinSupport: 3, Zone: full, Prefix: s.text[st:h.Start],
				})
				break
			}
		}
	}
	s.out = append(s.out, zones...)
}

// zoneOf returns the index of the zone suffix among a surface's readings,
// or -1.
func zoneOf(refs []gazetteers.Ref) int32 {
	for _, r := range refs {
		if r.Kind == gazetteers.RefZone {
			return r.Index
		}
	}
	return -1
}

// zoneRef returns the index of the zone suffix a hit refers to, or -1.
func (f *Finder) zoneRef(h gazetteers.Hit) int32 { return f.info[h.ID].zone }

// longerZoneEnds reports whether another zone-suffix hit ends where hits[i]
// ends but starts earlier.
func (f *Finder) longerZoneEnds(hits []gazetteers.Hit, i int) bool {
	h := hits[i]
	for j := i - 1; j >= 0 && hits[j].Start >= h.Start-30; j-- {
		o := hits[j]
		if o.End == h.End && o.Start < h.Start && f.zoneRef(o) >= 0 {
			return true
		}
	}
	return false
}

// backExact returns the offset exactly n Han characters before i, or -1.
func backExact(text string, i, n int) int {
	for ; n > 0; n-- {
		if i == 0 {
			return -1
		}
		r, size := runes.Last(text[:i])
		if !runes.IsHan(r) {
			return -1
		}
		i -= size
	}
	return i
}

//go:embed data/abbrev.tsv
var abbrevData string

// abbrevWords are the relation words, travel verbs and verb targets of the
// abbreviation rules.
type abbrevWords struct {
	// relations are the relation words by their first character.
	relations map[rune][]string
	verbs     map[rune]bool
	targets   map[rune]bool
}

var abbrevVocab = parseAbbrev(abbrevData)

func parseAbbrev(data string) abbrevWords {
	w := abbrevWords{relations: map[rune][]string{}, verbs: map[rune]bool{}, targets: map[rune]bool{}}
	err := datafile.Lines("data/abbrev.tsv", data, func(_ int, l string) error {
		word, role, _ := strings.Cut(l, "\t")
		r, _ := runes.First(word)
		switch role {
		case "relation":
			w.relations[r] = append(w.relations[r], word)
		case "verb":
			w.verbs[r] = true
		case "target":
			w.targets[r] = true
		default:
			return fmt.Errorf("unknown role %q", role)
		}
		return nil
	})
	if err != nil {
		panic("place: " + err.Error())
	}
	return w
}

// lexWordAt reports whether the dictionary has a word text[i:j] for some j
// at least two and at most three characters after i.
func (f *Finder) lexWordAt(text string, i int) bool {
	return segment.WordStarting(f.lex, text, i, 2, 3, segment.AnyWord)
}

// lexWordEnding reports whether the dictionary has a two-character word
// ending at j.
func (f *Finder) lexWordEnding(text string, j int) bool {
	return segment.WordEnding(f.lex, text, j, 2, 2, segment.AnyWord)
}

// Rune classes of the abbreviation rules.
const (
	classCountry   = 1 << iota // an abbreviation with a country reading (美)
	classVerb                  // a travel verb (访)
	classTarget                // an abbreviation that may follow a travel verb (华)
	classRoleStart             // the first character of a role word (方, 政)
	classVillage               // the suffix of a village or its first character (村, 街 of 街道)
)

// markClasses are the classes that markChars lists.
const markClasses = classCountry | classVerb | classTarget | classVillage

// charMark is a character of a text with a class of markClasses: it starts
// at text[at], is size bytes long and has the classes cl (of markClasses).
type charMark struct {
	at   int
	r    rune
	size uint8
	cl   uint8
}

// markChars lists in s.marks the characters of the text with a class of
// markClasses, in text order.
//
// NOTE: one pass decoding each character for the rules that look at single
// characters: findVillages and findAbbrevs, which each went from character
// to character (findVillages from one three-byte sequence to the next
// without decoding), read only the list. In profiles of the entity stage's
// BenchmarkExtract, the pass and the two rules take 58 ms a pass over the
// xwlb corpus, where the two rules took 87 ms (benchstat of the stage:
// −8 % time a pass, 8 runs each).
func (f *Finder) markChars(s *scan) {
	text := s.text
	classes := f.classes[:0x10000]
	marks := s.marks[:0]
	for i := 0; i < len(text); {
		// NOTE: runes.At3 inlines, runes.At does not.
		r, size := runes.At3(text, i), 3
		if r < 0 {
			r, size = runes.At(text, i)
		}
		if r < 0x10000 {
			if cl := classes[r] & markClasses; cl != 0 {
				marks = append(marks, charMark{at: i, r: r, size: uint8(size), cl: cl})
			}
		}
		i += size
	}
	s.marks = marks
}

// readMarks is markChars for the offsets of the characters of the text in
// f.marks, which the gazetteer match found.
func (f *Finder) readMarks(s *scan, offsets []int) {
	text := s.text
	marks := s.marks[:0]
	for _, i := range offsets {
		// NOTE: runes.At3 inlines, runes.At does not.
		r, size := runes.At3(text, i), 3
		if r < 0 {
			r, size = runes.At(text, i)
		}
		if cl := f.classOf(r) & markClasses; cl != 0 {
			marks = append(marks, charMark{at: i, r: r, size: uint8(size), cl: cl})
		}
	}
	s.marks = marks
}

// markSet returns the set of the runes with a class of markClasses.
func markSet(classes []uint8) gazetteers.RuneSet {
	var set gazetteers.RuneSet
	for r, cl := range classes {
		if cl&markClasses != 0 {
			set.Add(rune(r))
		}
	}
	return set
}

// abbrevClasses returns the rune class table of the abbreviation rules, for
// the Basic Multilingual Plane (every abbreviation lies in it).
func abbrevClasses(g *gazetteers.Gazetteer) []uint8 {
	t := make([]uint8, 0x10000)
	for r, a := range g.Abbrevs {
		if r < 0x10000 && a.Country >= 0 {
			t[r] |= classCountry
		}
	}
	for r := range abbrevVocab.verbs {
		if r < 0x10000 {
			t[r] |= classVerb
		}
	}
	for r := range abbrevVocab.targets {
		if r < 0x10000 {
			t[r] |= classTarget
		}
	}
	for _, w := range abbrevRoles {
		if r, _ := runes.First(w); r < 0x10000 {
			t[r] |= classRoleStart
		} else {
			panic("place: role word " + w + " starts outside the Basic Multilingual Plane")
		}
	}
	for _, r := range villageChars {
		t[r] |= classVillage
	}
	return t
}

// abbrevCountries returns the country reading of each abbreviation of the
// Basic Multilingual Plane (-1 for none), as g.Abbrevs has it.
//
// NOTE: a table, not the map: the abbreviation scan looks up every country
// abbreviation it meets (中 among them), and the map's look-ups were a
// tenth of the scan.
func abbrevCountries(g *gazetteers.Gazetteer) []int32 {
	t := make([]int32, 0x10000)
	for i := range t {
		t[i] = -1
	}
	for r, a := range g.Abbrevs {
		if r < 0x10000 {
			t[r] = a.Country
		}
	}
	return t
}

// countryOf returns the country reading of the abbreviation r, or -1.
func (f *Finder) countryOf(r rune) int32 {
	if r < 0x10000 {
		return f.countries[r]
	}
	return f.g.Abbrevs[r].Country
}

func (f *Finder) classOf(r rune) uint8 {
	if r < 0x10000 {
		return f.classes[r]
	}
	return 0
}

// findAbbrevs finds the mentions of the abbreviation rules in one scan of
// the text: those of MethodAbbrevPair and MethodAbbrevRole in text order,
// then those of MethodAbbrevVerb in text order.
func findAbbrevs(f *Finder, s *scan) {
	text := s.text
	var verbs []Mention
	next := 0                    // where the next run of country abbreviations may start
	verbStart, verbEnd := -1, -1 // where the last travel verb starts and ends
	for _, m := range s.marks {
		i, r, size, cl := m.at, m.r, int(m.size), m.cl
		if cl&classCountry != 0 && i >= next {
			next = f.abbrevRun(s, i, r, size)
		}
		if text[i] < utf8.RuneSelf {
			continue
		}
		if cl&classTarget != 0 && verbEnd == i {
			a := f.g.Abbrevs[r]
			p := a.Province
			if p < 0 {
				p = a.Country
			}
			// 存在华人: the verb ends a word, unless that word is a
			// travel verb too (前来京); 在华为: the abbreviation starts
			// one, unless the segmenter reads it in context as a word of
			// its own or the end of one with the verb (访华表示: 访华/表示;
			// not 对美好: 对/美好).
			if p >= 0 && (!f.lexWordEnding(text, i) || travelWords[text[prevRuneStart(text, verbStart):i]]) &&
				(!f.lexWordAt(text, i) || f.travelAt(s, verbStart, i, i+size)) {
				verbs = append(verbs, Mention{Start: i, End: i + size, Rule: MethodAbbrevVerb, Cands: []int32{p}})
			}
		}
		if cl&classVerb != 0 {
			verbStart, verbEnd = i, i+size
		}
	}
	s.out = append(s.out, verbs...)
}

// travelWords are the two-character words that end in a travel verb and
// are travel verbs themselves (前来京, 出访美).
var travelWords = map[string]bool{"前来": true, "出访": true, "来访": true, "回访": true, "进驻": true, "常驻": true, "派驻": true, "重返": true}

// travelAt reports whether the segmenter reads the abbreviation at
// text[i:end] after the travel verb at text[v:i] as a word of its own or
// as the end of one word with the verb (访华), on a few characters either
// side; false without a segmenter.
func (f *Finder) travelAt(s *scan, v, i, end int) bool {
	seg, ok := f.lex.(segment.Segmenter)
	if !ok {
		return false
	}
	// NOTE: most words that start at the abbreviation are places (在美国,
	// 在华北), which the dictionary tells without segmenting.
	if e, ok := f.lex.Lookup(s.text[i : end+firstRuneLen(s.text[end:])]); ok && strings.HasPrefix(e.Pos, "ns") {
		return false
	}
	if ok, toks, _ := segment.AlignedIn(seg, s.toks, s.text, i, end, 2); ok {
		s.toks = toks
		return true
	}
	ok, toks, _ := segment.AlignedIn(seg, s.toks, s.text, v, end, 2)
	s.toks = toks
	return ok
}

// abbrevRun reads the run of country abbreviations that starts with r at
// text[i:i+size] (中美, 中、日、韩): before a relation word, a run of two or
// more is a MethodAbbrevPair mention each; a lone one may be a
// MethodAbbrevRole mention. It returns the end of the run.
func (f *Finder) abbrevRun(s *scan, i int, r rune, size int) int {
	text := s.text
	// Collect a run of country abbreviations, 、 allowed between them.
	run := append(s.run[:0], abbrevPos{i, i + size, f.countryOf(r)})
	j := i + size
	for j < len(text) {
		k := j
		if strings.HasPrefix(text[k:], "、") {
			k += len("、")
		}
		if k >= len(text) {
			break
		}
		// NOTE: runes.At3 inlines, runes.At does not.
		r2, s2 := runes.At3(text, k), 3
		if r2 < 0 {
			r2, s2 = runes.At(text, k)
		}
		if f.classOf(r2)&classCountry == 0 {
			break
		}
		run = append(run, abbrevPos{k, k + s2, f.countryOf(r2)})
		j = k + s2
	}
	s.run = run
	if len(run) < 2 {
		f.abbrevRole(s, i, j, r)
		return j
	}
	// The first one may end a word (其中美日关系: 其中), but not after a
	// word that a pair often follows (在中美, 此次日俄, 与中美).
	if f.lexWordEnding(text, run[0].end) && !pairLead(text, run[0].start) {
		run = run[1:]
	}
	if len(run) >= 2 && hasRelationAt(text, j) {
		for _, p := range run {
			s.out = append(s.out, Mention{Start: p.start, End: p.end, Rule: MethodAbbrevPair, Cands: []int32{p.place}})
		}
	}
	return j
}

// hasRelationAt reports whether one of the relation words starts at
// text[j:].
//
// NOTE: only the words of the character at j are compared, not all 60 of
// them: abbrevRun's instructions, this loop inlined, 172 → 99 M in
// cachegrind of two passes of the entity stage's BenchmarkExtract.
func hasRelationAt(text string, j int) bool {
	r, _ := runes.First(text[j:])
	for _, w := range abbrevVocab.relations[r] {
		if strings.HasPrefix(text[j:], w) {
			return true
		}
	}
	return false
}

// foreignLevels are the level words that may follow a foreign city or
// region as part of its name (维也纳市, 布宜诺斯艾利斯省, 俄亥俄州),
// longest first.
var foreignLevels = []string{"大区", "市", "省", "州", "县", "郡", "邦"}

// findSuffixed extends a foreign city or region by a level word written
// after it (维也纳市, 贾拉拉巴德州), and a county short name by 县 where the
// county has since become a district or city (栾城县 → 栾城区). It runs
// after findGazetteer and before findZones.
func findSuffixed(f *Finder, s *scan) {
	n := len(s.out)
	for i := 0; i < n; i++ {
		m := s.out[i]
		if m.Rule != MethodGazetteer && m.Rule != MethodShort && m.Rule != MethodParentShort || len(m.Cands) == 0 || m.End >= len(s.text) {
			continue
		}
		p := &f.g.Places[m.Cands[0]]
		rest := s.text[m.End:]
		// 湘西州, 大理州, 香港特区: the level word of an autonomous
		// prefecture or a special administrative region picks that reading
		// of a short name, which needs no support then (大理 is also a
		// city).
		if !m.Full {
			if c, suf := f.shortLevel(m.Cands, rest); c >= 0 && !f.hitStartsAt(s, m.End, len(suf)) {
				e := m.End + len(suf)
				if e < len(s.text) && f.lex != nil && !strings.HasPrefix(s.text[e:], "长") && !organAfter(s.text, e) && f.crossWord(s.text, e-lastRuneLen(s.text[:e]), e+firstRuneLen(s.text[e:])) {
					continue
				}
				s.out = append(s.out, Mention{Start: m.Start, End: e, Rule: MethodGazetteerLevel, Cands: []int32{c}, Full: true})
				continue
			}
		}
		var suf string
		switch {
		case (p.Level == gazetteers.City || p.Level == gazetteers.Region) && m.Full:
			for _, w := range foreignLevels {
				if strings.HasPrefix(rest, w) {
					suf = w
					break
				}
			}
		case p.Level == gazetteers.County && !m.Full && strings.HasPrefix(rest, "县"):
			// NOTE: only when the article's context picks the county: the
			// short name alone is no proof (the rule keeps the short
			// name's support needs).
			suf = "县"
		case p.Level == gazetteers.County && !m.Full && strings.HasPrefix(rest, "市") && len(m.Cands) == 1 && organAfter(s.text, m.End+len("市")):
			// A county-level city since made a district (阿城市委 →
			// 阿城区), before an organ.
			suf = "市"
		}
		if suf == "" || f.hitStartsAt(s, m.End, len(suf)) {
			continue
		}
		e := m.End + len(suf)
		// 区区长, 市市长: the level word of an office after the name is
		// fine; any other word running across the end is not (州长 is).
		if e < len(s.text) && f.lex != nil && !strings.HasPrefix(s.text[e:], "长") && !organAfter(s.text, e) && f.crossWord(s.text, e-lastRuneLen(s.text[:e]), e+firstRuneLen(s.text[e:])) {
			continue
		}
		// 监利县委, 栾城县政府: the county's own organ says which county a
		// name with one county reading is.
		need := m.NeedSupport && !(len(m.Cands) == 1 && organAfter(s.text, e))
		s.out = append(s.out, Mention{
			Start: m.Start, End: e, Rule: MethodGazetteerLevel, Cands: m.Cands,
			NeedSupport: need, MinSupport: m.MinSupport, Full: true,
		})
	}
}

// shortLevel returns the autonomous prefecture or special administrative
// region among the candidates of a short name that rest starts with its
// level word (州, 特区), and that word; or -1.
func (f *Finder) shortLevel(cands []int32, rest string) (int32, string) {
	var suf, full string
	switch {
	case strings.HasPrefix(rest, "州"):
		suf, full = "州", "自治州"
	case strings.HasPrefix(rest, "特区"):
		suf, full = "特区", "特别行政区"
	default:
		return -1, ""
	}
	for _, c := range cands {
		if p := &f.g.Places[c]; (p.Level == gazetteers.Prefecture || p.Level == gazetteers.Province) && strings.HasSuffix(p.Name, full) {
			return c, suf
		}
	}
	return -1, ""
}

// hitStartsAt reports whether a gazetteer place hit starts at i and runs
// past i+n (the level word begins another place name: 维也纳市 is not
// 维也纳 + 市中心, nor 罗马 + 尼亚).
func (f *Finder) hitStartsAt(s *scan, i, n int) bool {
	for _, h := range s.hits {
		if h.Start == i && h.End > i+n && f.info[h.ID].nCands > 0 {
			return true
		}
	}
	return false
}

// abbrevRoles are the words that make a lone country abbreviation a
// place: its side in talks, its army, its government and its offices.
var abbrevRoles = []string{"方", "军", "政府", "总统", "总理", "首相", "外长", "防长"}

// roleStop are abbreviation + role words that are everyday words (南方,
// 比方, 土方). NOTE: a hand list, since the dictionary has 美方 and 中方 as
// words too, with no tag that tells them apart.
var roleStop = map[string]bool{"南方": true, "北方": true, "东方": true, "西方": true, "比方": true,
	"秘方": true, "古方": true, "土方": true, "老方": true, "新方": true, "新军": true, "中军": true, "西军": true}

// abbrevRole appends a mention when the country abbreviation r at
// text[i:j] comes before a role word (美方, 俄军, 叙总统). The
// abbreviation must not end a word (其中方), nor make an everyday word with
// the role word (南方, 比方; see roleStop).
func (f *Finder) abbrevRole(s *scan, i, j int, r rune) {
	text := s.text
	// NOTE: most abbreviations (中 above all) precede no role word.
	if j >= len(text) {
		return
	}
	r2 := runes.At3(text, j)
	if r2 < 0 {
		r2, _ = runes.At(text, j)
	}
	if f.classOf(r2)&classRoleStart == 0 {
		return
	}
	// 亚军, 非军事: continents have no side or army; 新政府 is a new one.
	c := f.countryOf(r)
	if r == '新' || f.g.Places[c].Level != gazetteers.Country {
		return
	}
	for _, w := range abbrevRoles {
		if !strings.HasPrefix(text[j:], w) {
			continue
		}
		if f.lexWordEnding(text, j) || roleStop[text[i:j+len(w)]] || !roleStart(text, i) {
			return
		}
		// 新方案, 美方面: a one-character role word that starts a word.
		if utf8.RuneCountInString(w) == 1 && f.lexWordAt(text, j) {
			return
		}
		s.out = append(s.out, Mention{Start: i, End: j, Rule: MethodAbbrevRole, Cands: []int32{c}})
		return
	}
}

// roleLead are the words after which a country abbreviation may start a
// role phrase (与叙总统, 因为俄政府).
var roleLead = []string{"与", "和", "同", "跟", "对", "向", "在", "为", "因为", "是", "据", "由", "使", "让", "将", "把", "被", "及", "而", "但", "的", "了", "说", "指出", "表示", "认为", "称", "当", "时", "后"}

// roleStart reports whether a role phrase may start at i: at the start of
// the text or a clause, or after one of roleLead. NOTE: the abbreviation
// must not end a transliterated or personal name (库马拉通加总统,
// 维埃拉总统, 罗军), which no dictionary check can see.
func roleStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := runes.Last(text[:i])
	if !runes.IsHan(r) {
		return true
	}
	for _, w := range roleLead {
		if strings.HasSuffix(text[:i], w) {
			return true
		}
	}
	return false
}

// namedLead are the one-character words after which a country's first
// character may stand for it (对俄, 使哈有): prepositions, conjunctions
// and particles.
const namedLead = "与和同跟对向在为是据由使让将把被及而但的了说称当从给令帮助"

// namedLeadSet is the set of the characters of namedLead.
var namedLeadSet = gazetteers.RuneSetOf(namedLead)

// namedTrail are the one-character words that may follow it (俄将, 俄的,
// 哈有).
const namedTrail = "的将在与和从也已对是有还都就会要向把被曾又"

// namedTrailSet is the set of the characters of namedTrail.
var namedTrailSet = gazetteers.RuneSetOf(namedTrail)

// findNamedAbbrevs finds the first character of a country named in full
// earlier in the text standing for it (俄罗斯总统表示，俄金融市场不会崩溃;
// 巴基斯坦指责…在巴南部): Chinese news writes a country in full once and
// then by its first character. The character must be one the dictionary
// knows as a place or an abbreviation (ns, j: 俄, 巴, 菲, not 日 or 中,
// which are date and function words far more often), stand outside every
// gazetteer name (巴西 after 巴基斯坦), make no dictionary word with its
// neighbours (俄国, 美好, 其中), and have a word boundary on both sides: a
// clause edge, a dictionary word or a one-character function word
// (namedLead, namedTrail), so that it is not a syllable of a
// transliterated name (普里马科夫).
func findNamedAbbrevs(f *Finder, s *scan) {
	if f.lex == nil {
		return
	}
	text := s.text
	// NOTE: most texts name no country in full; the gazetteer rule's
	// mentions are scanned once for them.
	n := len(s.out)
	for k := 0; k < n; k++ {
		m := s.out[k]
		if m.Rule != MethodGazetteer || !m.Full || len(m.Cands) != 1 || f.g.Places[m.Cands[0]].Level != gazetteers.Country {
			continue
		}
		r, size := runes.First(text[m.Start:])
		if !namedFirst(f, r) || firstNamed(s, k, r) || f.otherCountry(s, n, r, m.Cands[0]) {
			continue
		}
		first := text[m.Start : m.Start+size]
		for from := m.End; from < len(text); {
			j := strings.Index(text[from:], first)
			if j < 0 {
				break
			}
			i := from + j
			from = i + size
			if f.namedAbbrevAt(s, i, i+size) {
				s.out = append(s.out, Mention{Start: i, End: i + size, Rule: MethodAbbrevNamed, Cands: []int32{m.Cands[0]}})
			}
		}
	}
}

// otherCountry reports whether the first n mentions of s name another
// country whose name starts with r too (伊朗 and 伊拉克): 伊 alone is
// either.
func (f *Finder) otherCountry(s *scan, n int, r rune, c int32) bool {
	for k := range s.out[:n] {
		if m := &s.out[k]; m.Rule == MethodGazetteer && m.Full && len(m.Cands) == 1 && m.Cands[0] != c &&
			f.g.Places[m.Cands[0]].Level == gazetteers.Country && strings.HasPrefix(s.text[m.Start:], string(r)) {
			return true
		}
	}
	return false
}

// namedFirst reports whether r may stand alone for a country it starts
// (see namedFirsts).
func namedFirst(f *Finder, r rune) bool { return f.firsts[r] }

// namedFirsts returns the first characters of the countries' names that
// the dictionary knows alone as a place name or an abbreviation (俄, 菲,
// 巴; not 日 or 中).
//
// NOTE: computed once by New: a dictionary look-up per country mention was
// an allocation each.
func namedFirsts(g *gazetteers.Gazetteer, lex segment.Lexicon) map[rune]bool {
	out := map[rune]bool{}
	if lex == nil {
		return out
	}
	for i := range g.Places {
		p := &g.Places[i]
		if p.Level != gazetteers.Country {
			continue
		}
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			r, _ := runes.First(name)
			if e, ok := lex.Lookup(string(r)); ok && (e.Pos == "ns" || e.Pos == "j") {
				out[r] = true
			}
		}
	}
	return out
}

// firstNamed reports whether a country mention before s.out[k] starts with
// r (the text was scanned from there already).
func firstNamed(s *scan, k int, r rune) bool {
	for x := range s.out[:k] {
		if m := &s.out[x]; m.Rule == MethodGazetteer && m.Full && m.Start < s.out[k].Start && strings.HasPrefix(s.text[m.Start:], string(r)) {
			return true
		}
	}
	return false
}

// maxHitBytes bounds how far before an offset a gazetteer hit that covers
// it may start, for findNamedAbbrevs (the longest names are some twenty
// characters).
const maxHitBytes = 120

// namedAbbrevAt reports whether text[i:j], one character, stands alone for
// a country (see findNamedAbbrevs).
func (f *Finder) namedAbbrevAt(s *scan, i, j int) bool {
	text := s.text
	// NOTE: hits are sorted by start; those that cover i start at most a
	// few dozen bytes before it.
	for k := sort.Search(len(s.hits), func(k int) bool { return s.hits[k].Start > i }) - 1; k >= 0 && s.hits[k].Start > i-maxHitBytes; k-- {
		if h := s.hits[k]; h.End > i && h.End-h.Start > j-i {
			return false
		}
	}
	for k := range s.out {
		if m := &s.out[k]; m.Start <= i && i < m.End {
			return false
		}
	}
	if f.lexWordAt(text, i) || f.lexWordEnding(text, j) {
		return false
	}
	left := i == 0
	if !left {
		r, _ := runes.Last(text[:i])
		left = !runes.IsHan(r) && !unicode.IsDigit(r) && !unicode.IsLetter(r) ||
			namedLeadSet.Has(r) || segment.WordEnding(f.lex, text, i, 2, 3, segment.AnyWord)
	}
	if !left {
		return false
	}
	if j == len(text) {
		return true
	}
	r, _ := runes.First(text[j:])
	// NOTE: 不 after it starts idioms more often than a country's
	// predicate (美不胜收, which the dictionary lacks).
	if r == '不' {
		return false
	}
	return !runes.IsHan(r) && !unicode.IsDigit(r) && !unicode.IsLetter(r) ||
		namedTrailSet.Has(r) || f.lexWordAt(text, j)
}
