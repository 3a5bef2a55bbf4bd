package org

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/place"
	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// rule is one organisation rule: a name, the pattern it looks for, and its
// production, which turns one gazetteer hit into a mention (or none).
type rule struct {
	name    string
	pattern string
	kind    gazetteers.RefKind
	produce func(f *Finder, s *scan, h gazetteers.Hit, ref gazetteers.Ref) (Mention, bool)
}

// rules maps each kind of gazetteer hit to the rule that reads it.
var rules = []rule{
	{MethodList, "a listed organisation name or short form (国务院, 中车株机)", gazetteers.RefOrg, produceList},
	{MethodDept, "place or level word + standard department (石峰区行政审批局, 市住建局); some departments alone (住建局)", gazetteers.RefDept, produceDept},
	{MethodSuffix, "place or organisation, and/or a name, + organisation suffix (株洲日报, 湖南晋通公司)", gazetteers.RefSuffix, produceSuffix},
}

// rulesByKind lists the rules of each kind of reference, in the order of
// rules.
//
// NOTE: find runs the rules of each reference of each hit; a pass over all
// of them, comparing kinds, cost find 171 → 149 M of its own instructions
// in cachegrind of two passes of the entity stage's BenchmarkExtract.
var rulesByKind = func() (by [256][]rule) {
	for _, r := range rules {
		by[r.kind] = append(by[r.kind], r)
	}
	return by
}()

// RuleNames returns the names of the rules, in order.
func RuleNames() []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.name
	}
	return out
}

// unit is something a mention can start with: a resolved place or an
// organisation mention found earlier.
type unit struct {
	start int
	parts []Part
}

// scan is the state of one Find call.
type scan struct {
	text  string
	hits  []gazetteers.Hit
	units *unitIndex
	out   []Mention
	ones  *[]Part // see Scratch.ones
	// toks, name and groups are produceSuffix's buffers, reused from hit
	// to hit (and, in a Scratch, from text to text).
	toks, name []newsfacts.Token
	groups     []group
	// titles and quotes are the offsets of the opening marks 《 and “ of
	// the text, in text order (see findQuoted).
	titles, quotes []int
}

// unitIndex holds the units of a text by end offset, each end's in the
// order they were added.
//
// NOTE: chains in one flat slice, headed from a table indexed by end
// offset: a slice per end offset was half of the entity stage's
// allocations, and a map from end offsets cost a hash per character that
// unitEndsIn looks at.
type unitIndex struct {
	first []int32 // by end offset: 1 + the index in nodes of its first unit, or 0
	nodes []unitNode
}

// unitNode is a unit and the index in nodes of the next unit with the same
// end, or -1.
type unitNode struct {
	u    unit
	next int32
}

// add adds a unit that ends at end.
func (x *unitIndex) add(end int, u unit) {
	k := int32(len(x.nodes))
	x.nodes = append(x.nodes, unitNode{u, -1})
	i := x.first[end] - 1
	if i < 0 {
		x.first[end] = k + 1
		return
	}
	for x.nodes[i].next >= 0 {
		i = x.nodes[i].next
	}
	x.nodes[i].next = k
}

// at returns the index in nodes of the first unit that ends at end, or -1;
// nodes[i].next leads to the next.
func (x *unitIndex) at(end int) int32 { return x.first[end] - 1 }

// reset empties the index for a text of n bytes.
func (x *unitIndex) reset(n int) {
	if cap(x.first) < n+1 {
		x.first = make([]int32, n+1)
	} else {
		x.first = x.first[:n+1]
		clear(x.first)
	}
	clear(x.nodes) // drop the parts they point to
	x.nodes = x.nodes[:0]
}

// Scratch is the working memory of Find, for a caller to reuse from text
// to text: the mentions FindIn returns live in it until its next use. The
// zero value is ready. A Scratch is used by one goroutine at a time.
//
// NOTE: with the scratch kept by the caller (the entity extractor keeps one
// per goroutine), the mentions, their one-part parts and the unit index
// cost no allocation per text: they were a third of the entity stage's
// allocations.
type Scratch struct {
	s          scan
	units      unitIndex
	out        []Mention
	placeParts []Part
	// ones holds the parts of one-part mentions, each slice of it capped
	// at its one part so that an append copies.
	ones []Part
}

// maxScratchUnits bounds the unit index a Scratch keeps: one that grew on a
// long document is dropped rather than cleared for every short one.
const maxScratchUnits = 4096

// Find returns the organisation mentions of text, given its gazetteer hits
// (from g.Match) and its resolved places. Mentions may overlap; an
// organisation that follows another (市委 + 宣传部) includes it.
func (f *Finder) Find(text string, hits []gazetteers.Hit, places []place.Place) []Mention {
	return f.FindIn(&Scratch{}, text, hits, places)
}

// FindIn is Find with its working memory, and the mentions it returns, in
// sc.
func (f *Finder) FindIn(sc *Scratch, text string, hits []gazetteers.Hit, places []place.Place) []Mention {
	return f.find(sc, text, hits, places, nil, false)
}

// FindInMarked is FindIn for hits found by g.MatchMarking with a set that
// holds Marks(), which gave marks (the set may hold other characters: they
// are skipped).
func (f *Finder) FindInMarked(sc *Scratch, text string, hits []gazetteers.Hit, places []place.Place, marks []int) []Mention {
	return f.find(sc, text, hits, places, marks, true)
}

// Marks returns the set of the characters whose offsets FindInMarked needs:
// the opening marks 《 and “. The caller must not change it.
func Marks() *gazetteers.RuneSet { return &quoteMarks }

// quoteMarks is the set of Marks.
var quoteMarks = func() (set gazetteers.RuneSet) {
	set.Add('《')
	set.Add('“')
	return set
}()

// find is FindIn, with the opening marks read from marks if marked, else
// found by byte searches of the text.
func (f *Finder) find(sc *Scratch, text string, hits []gazetteers.Hit, places []place.Place, marks []int, marked bool) []Mention {
	if len(sc.units.nodes) > maxScratchUnits {
		sc.units = unitIndex{}
	}
	sc.units.reset(len(text))
	clear(sc.ones) // drop what the last text's parts pointed to
	sc.ones = sc.ones[:0]
	sc.s = scan{text: text, hits: hits, units: &sc.units, out: sc.out[:0], ones: &sc.ones,
		toks: sc.s.toks[:0], name: sc.s.name[:0], groups: sc.s.groups[:0],
		titles: sc.s.titles[:0], quotes: sc.s.quotes[:0]}
	s := &sc.s
	if marked {
		s.readMarks(marks)
	} else {
		s.titles = indexAll(s.titles, text, "《")
		s.quotes = indexAll(s.quotes, text, "“")
	}
	// NOTE: the one-part units of the places share one backing array,
	// instead of one allocation each; the three-index slices keep an
	// append to one of them from writing into the next.
	if cap(sc.placeParts) < len(places) {
		sc.placeParts = make([]Part, len(places))
	}
	placeParts := sc.placeParts[:len(places)]
	clear(placeParts)
	for i := range places {
		p := &places[i]
		// 驻京办事处: a one-character abbreviation names no organisation.
		if p.Rule == place.MethodAbbrevPair || p.Rule == place.MethodAbbrevVerb {
			continue
		}
		placeParts[i] = Part{Start: p.Start, End: p.End, Kind: PartPlace, Index: p.Index, Name: p.Name}
		s.units.add(p.End, unit{p.Start, placeParts[i : i+1 : i+1]})
	}
	// Hits come ordered by start; a mention's prefix units end at or before
	// its start, so they are known when it is read.
	for _, h := range hits {
		if !f.read[h.ID] {
			continue
		}
		named := false // the first organisation reading of a name wins (user entries come first)
		for _, ref := range f.g.Refs(h.ID) {
			isName := ref.Kind == gazetteers.RefOrg || ref.Kind == gazetteers.RefDept
			if isName && named {
				continue
			}
			rs := rulesByKind[ref.Kind]
			for k := range rs {
				if m, ok := rs[k].produce(f, s, h, ref); ok {
					s.out = append(s.out, m)
					s.units.add(m.End, unit{m.Start, m.Parts})
					named = named || isName
				}
			}
		}
	}
	f.findAfter(s)
	f.findQuoted(s)
	f.findTeams(s, places)
	f.findJoint(s, places)
	slices.SortStableFunc(s.out, func(a, b Mention) int { return a.Start - b.Start })
	sc.out = s.out
	return s.out
}

// findAfter runs the suffix rule on the suffixes that Match does not
// report (gazetteers.Suffix.After: a unit's 司, 处, 科, 系) at each of their
// characters within a name's reach after an organisation mention.
//
// NOTE: the look-ahead compares bytes and stops at the first character
// that is not a three-byte one (punctuation, digits, Latin letters); it
// runs after organisations only, which are few.
func (f *Finder) findAfter(s *scan) {
	if len(f.after) == 0 {
		return
	}
	text := s.text
	n := len(s.out)
	last := -1 // the offset of the last suffix character tried
	for k := 0; k < n; k++ {
		for j, c := s.out[k].End, 0; c <= maxName && j+3 <= len(text); c, j = c+1, j+3 {
			if b := text[j]; b < 0xE4 || b > 0xE9 {
				break
			}
			if !f.afterLast[text[j+2]] {
				continue
			}
			a := f.afterAt(text[j : j+3])
			if a < 0 || j == last {
				continue
			}
			last = j
			h := gazetteers.Hit{Start: j, End: j + 3, ID: -1}
			if m, ok := produceSuffix(f, s, h, gazetteers.Ref{Kind: gazetteers.RefSuffix, Index: a}); ok {
				s.out = append(s.out, m)
				s.units.add(m.End, unit{m.Start, m.Parts})
			}
		}
	}
}

// afterAt returns the index in Suffixes of the suffix of f.after that w, a
// three-byte character, is, or -1.
func (f *Finder) afterAt(w string) int32 {
	for _, a := range f.after {
		if f.g.Suffixes[a].Text == w {
			return a
		}
	}
	return -1
}

// one returns a slice holding p alone, from s's storage.
func (s *scan) one(p Part) []Part {
	*s.ones = append(*s.ones, p)
	n := len(*s.ones)
	return (*s.ones)[n-1 : n : n]
}

func produceList(f *Finder, s *scan, h gazetteers.Hit, ref gazetteers.Ref) (Mention, bool) {
	// 北京大学生: a word runs across the end (but 财政部长 names the head of
	// 财政部, which is mentioned).
	//
	// NOTE: a two-character word across the end is often a chance pairing
	// (世界卫生组织成立: 织成; 财政部副部长: 部副), so the segmenter, which
	// knows the listed names, decides; it is consulted only then, to keep
	// the common case cheap.
	o := &f.g.Orgs[ref.Index]
	// 九届全国人大: a numbered term before a body that sits for terms is
	// part of its name; the segmenter may join the two (九届全国人大 is one
	// word of its dictionary).
	ts := termBefore(s.text, h.Start)
	if ts >= 0 && !termed(o.Name) {
		ts = -1
	}
	from := h.Start
	if ts >= 0 {
		from = ts
	}
	aligned := false // segment.Aligned(f.seg, s.text, from, h.End, 4) was true
	if !strings.HasPrefix(s.text[h.End:], "长") && f.crossesEnd(s.text, h.End) {
		if f.seg == nil {
			return Mention{}, false
		}
		ok, toks, _ := segment.AlignedIn(f.seg, s.toks, s.text, from, h.End, 4)
		s.toks = toks
		if !ok {
			return Mention{}, false
		}
		aligned = true
	}
	// 最高法 in 最高法院: another name runs on past the end. Hits are sorted
	// by Start: look only at those that start inside h.
	first := sort.Search(len(s.hits), func(i int) bool { return s.hits[i].Start > h.Start })
	for _, o := range s.hits[first:] {
		if o.Start > h.Start && o.Start < h.End && o.End > h.End {
			return Mention{}, false
		}
		if o.Start >= h.End {
			break
		}
	}
	// A short form of two characters must stand as a word (建行 in 报建行政
	// does not).
	if f.seg != nil && !aligned && utf8.RuneCountInString(s.text[h.Start:h.End]) <= 2 && !s.placeEndsAt(h.Start) {
		ok, toks, _ := segment.AlignedIn(f.seg, s.toks, s.text, from, h.End, 4)
		s.toks = toks
		if !ok {
			return Mention{}, false
		}
	}
	list := Part{Start: h.Start, End: h.End, Kind: PartList, Index: ref.Index}
	if ts >= 0 {
		return mention([]Part{{Start: ts, End: h.Start, Kind: PartTerm, Index: -1}, list}), true
	}
	for k := s.units.at(h.Start); k >= 0; k = s.units.nodes[k].next {
		u := s.units.nodes[k].u
		p := u.parts[len(u.parts)-1]
		if len(u.parts) != 1 || p.Kind != PartPlace || p.Index < 0 {
			continue
		}
		// 深圳华为公司, 大连万达: a place before a listed enterprise is
		// part of the name as written.
		if o.Kind == gazetteers.Enterprise {
			return mention([]Part{p, list}), true
		}
		if !f.country(p.Index) {
			continue
		}
		// 印度外交部: a foreign country before a ministry named like a
		// Chinese one is that country's ministry; 英国内政部: so is one
		// before a body named by its kind.
		if f.foreign(p.Index) && (o.Kind == gazetteers.Central && o.Name == s.text[h.Start:h.End] || o.Class == "generic" || o.Class == "party" && o.Name == s.text[h.Start:h.End]) {
			return mention([]Part{p, {Start: h.Start, End: h.End, Kind: PartName, Index: -1}}), true
		}
		// 中国国家教委, 美国联邦调查局, 日本雅马哈: a country before a listed
		// organisation is part of its name, unless the organisation is a
		// foreign country's own and the country another (美国 + 欧盟).
		if f.ownCountry(o, p.Index) {
			return mention([]Part{p, list}), true
		}
	}
	return Mention{Start: h.Start, End: h.End, Parts: s.one(list)}, true
}

// country reports whether place i is a country (China included).
func (f *Finder) country(i int32) bool {
	return f.g.Places[i].Level == gazetteers.Country
}

// ownCountry reports whether country c can stand before organisation o as
// part of its name: China before a Chinese body or enterprise, any country
// before one of its own bodies (美国 + 联邦调查局) or before an enterprise.
func (f *Finder) ownCountry(o *gazetteers.Org, c int32) bool {
	cn := f.g.Places[c].Code == "CN"
	switch o.Kind {
	case gazetteers.Central:
		return cn
	case gazetteers.Enterprise:
		return true
	case gazetteers.International:
		return o.Class == "foreign" && strings.HasPrefix(o.Name, f.g.Places[c].Name)
	}
	return false
}

// foreign reports whether place i is a foreign country or region.
func (f *Finder) foreign(i int32) bool {
	p := &f.g.Places[i]
	return (p.Level == gazetteers.Country || p.Level == gazetteers.Region) && p.Code != "CN"
}

// determinerChars start words that point at something rather than name
// it (我军, 本市, 该校, 这所).
const determinerChars = "我本该此这那其各每某"

// determinerCharsSet is the set of the characters of determinerChars.
var determinerCharsSet = gazetteers.RuneSetOf(determinerChars)

// levelWords stand for the article's place before a department.
const levelWords = "省市县区州镇乡"

// levelWordsSet is the set of the characters of levelWords.
var levelWordsSet = gazetteers.RuneSetOf(levelWords)

// determiners before a level word make it the article's place too (本市,
// 我县); other words ending in a level character (城市, 地区) do not.
var determiners = map[string]bool{"本": true, "我": true, "该": true, "全": true, "各": true, "此": true}

func produceDept(f *Finder, s *scan, h gazetteers.Hit, ref gazetteers.Ref) (Mention, bool) {
	d := &f.g.Depts[ref.Index]
	text := s.text
	dept := Part{Start: h.Start, End: h.End, Kind: PartDept, Index: ref.Index}
	oneChar := utf8.RuneCountInString(text[h.Start:h.End]) == 1
	// 委 in 委员, 委托 is no department.
	if oneChar && f.wordAt(text, h.Start) {
		return Mention{}, false
	}
	if prefix := s.prefix(h.Start); prefix != nil {
		return mention(append(prefix, dept)), true
	}
	// 五届人大常委会, 湖南省第十三届人大常委会: a numbered term before a
	// body that sits for terms, after its place if one comes first.
	if ts := termBefore(text, h.Start); ts >= 0 && termed(d.Name) {
		parts := append(s.prefix(ts), Part{Start: ts, End: h.Start, Kind: PartTerm, Index: -1}, dept)
		return mention(parts), true
	}
	// 国家税务局: a national department.
	if strings.HasSuffix(text[:h.Start], "国家") {
		ls := h.Start - len("国家")
		return mention([]Part{{Start: ls, End: h.Start, Kind: PartLevel, Index: -1}, dept}), true
	}
	if r, size := runes.Last(text[:h.Start]); size > 0 && levelWordsSet.Has(r) {
		ls := h.Start - size
		prev, psize := runes.Last(text[:ls])
		// 城市住建局: 市 ends the word 城市 and stands for no place.
		if psize == 0 || determiners[string(prev)] || !f.wordEnding(text, h.Start) {
			parts := []Part{{Start: ls, End: h.Start, Kind: PartLevel, Index: -1}}
			if strings.HasSuffix(text[:ls], "中共") {
				parts = append([]Part{{Start: ls - len("中共"), End: ls, Kind: PartCPC, Index: -1}}, parts...)
			}
			return mention(append(parts, dept)), true
		}
	}
	if d.Bare && !oneChar && !f.glued(text, h.Start) {
		return mention([]Part{dept}), true
	}
	return Mention{}, false
}

// unitEndsIn reports whether a unit ends at a character boundary in
// [from, to).
func (s *scan) unitEndsIn(from, to int) bool {
	for i := from; i < to; {
		if s.units.at(i) >= 0 {
			return true
		}
		_, size := runes.First(s.text[i:])
		i += size
	}
	return false
}

// afterWordStarts are second characters of the everyday words that the
// one-character suffixes 报, 处, 科, 系 and 司 start (报道, 报告, 处理, 处于,
// 科技, 科学, 系统, 系列, 司法, 司机): such a suffix is no suffix there.
// The head's title (处长, 司长) stays possible.
const afterWordStarts = "道告名送表纸刊警价到销复答案批考检理于在罚置分技学研普统列数法机令"

// afterWordStartsSet is the set of the characters of afterWordStarts.
var afterWordStartsSet = gazetteers.RuneSetOf(afterWordStarts)

// anyUnitEndsIn reports whether a unit ends at an offset in [from, to).
func (s *scan) anyUnitEndsIn(from, to int) bool {
	for i := from; i < to; i++ {
		if s.units.first[i] != 0 {
			return true
		}
	}
	return false
}

// orgEndsIn reports whether an organisation mention ends at a character
// boundary in [from, to).
func (s *scan) orgEndsIn(from, to int) bool {
	for i := from; i < to; i++ {
		for k := s.units.at(i); k >= 0; k = s.units.nodes[k].next {
			if u := s.units.nodes[k].u; u.parts[len(u.parts)-1].Kind != PartPlace {
				return true
			}
		}
	}
	return false
}

// placeEndsAt reports whether a resolved place ends at offset i.
func (s *scan) placeEndsAt(i int) bool {
	for k := s.units.at(i); k >= 0; k = s.units.nodes[k].next {
		if u := s.units.nodes[k].u; len(u.parts) == 1 && u.parts[0].Kind == PartPlace {
			return true
		}
	}
	return false
}

// orgWord reports whether the dictionary tags w as an organisation (nt).
func (f *Finder) orgWord(w string) bool {
	if f.lex == nil {
		return false
	}
	e, ok := f.lex.Lookup(w)
	return ok && e.Pos == "nt"
}

// upTo returns the number of hits that start at or before off; hits are
// sorted by Start.
//
// NOTE: the look-backs below start there rather than at the last hit of the
// document, which made them quadratic in the length of a long document.
func (s *scan) upTo(off int) int {
	return sort.Search(len(s.hits), func(i int) bool { return s.hits[i].Start > off })
}

// coveredEnd reports whether a listed organisation or department name ends
// where h ends and starts before it.
func (s *scan) coveredEnd(g *gazetteers.Gazetteer, h gazetteers.Hit) bool {
	for i := s.upTo(h.Start) - 1; i >= 0; i-- {
		o := s.hits[i]
		if o.Start >= h.Start || o.End != h.End {
			if o.Start < h.Start-60 {
				break
			}
			continue
		}
		for _, r := range g.Refs(o.ID) {
			if r.Kind == gazetteers.RefOrg || r.Kind == gazetteers.RefDept {
				return true
			}
		}
	}
	return false
}

// inLonger reports whether a listed organisation or department hit starts
// at or before h and ends after it.
func (s *scan) inLonger(g *gazetteers.Gazetteer, h gazetteers.Hit) bool {
	for i := s.upTo(h.Start) - 1; i >= 0; i-- {
		o := s.hits[i]
		if o.Start > h.Start {
			continue
		}
		if o.Start < h.Start-60 {
			break
		}
		if o.End <= h.End {
			continue
		}
		for _, r := range g.Refs(o.ID) {
			if r.Kind == gazetteers.RefOrg || r.Kind == gazetteers.RefDept {
				return true
			}
		}
	}
	return false
}

// prefix returns the parts of the longest chain of units ending at i
// (湖南省 + 株洲市 before 住建局), with a 中共 before them, or nil.
func (s *scan) prefix(i int) []Part {
	k := s.units.at(i)
	if k < 0 {
		return nil
	}
	best := s.units.nodes[k].u
	for k = s.units.nodes[k].next; k >= 0; k = s.units.nodes[k].next {
		if u := s.units.nodes[k].u; u.start < best.start {
			best = u
		}
	}
	parts := append([]Part(nil), best.parts...)
	if more := s.prefix(best.start); more != nil {
		parts = append(more, parts...)
	} else if strings.HasSuffix(s.text[:best.start], "中共") {
		parts = append([]Part{{Start: best.start - len("中共"), End: best.start, Kind: PartCPC, Index: -1}}, parts...)
	}
	return parts
}

func mention(parts []Part) Mention {
	return Mention{Start: parts[0].Start, End: parts[len(parts)-1].End, Parts: parts}
}

// glued reports whether the character before i is a Han character that
// could belong to a name: a bare department must not follow one (铁路公安局
// is a suffix mention, not 公安局).
func (f *Finder) glued(text string, i int) bool {
	r, size := runes.Last(text[:i])
	if size == 0 || !runes.IsHan(r) {
		return false
	}
	return !f.stop[string(r)]
}

// wordAt reports whether the dictionary has a word of two or three
// characters starting at i (局长, 部分, 委员).
func (f *Finder) wordAt(text string, i int) bool {
	return segment.WordStarting(f.lex, text, i, 2, 3, notOrg)
}

// wordEnding reports whether the dictionary has a word of two or three
// characters ending at j (全部, 干部, 格局). Words tagged as organisations
// (中国队) do not count, here and in wordAt.
func (f *Finder) wordEnding(text string, j int) bool {
	return segment.WordEnding(f.lex, text, j, 2, 3, notOrg)
}

// wordBeyond reports whether the dictionary has a word that starts at i and
// ends one or two characters after end (大学生 after 大学, 局长 after 局).
func (f *Finder) wordBeyond(text string, i, end int) bool {
	return segment.WordBeyond(f.lex, text, i, end, notOrg)
}

// word2Ending reports whether the dictionary has a two-character word
// ending at j, other than an organisation word.
func (f *Finder) word2Ending(text string, j int) bool {
	return segment.WordEnding(f.lex, text, j, 2, 2, notOrg)
}

// notOrg accepts the dictionary words not tagged as organisations (nt).
func notOrg(e segment.Entry) bool { return e.Pos != "nt" }

// crossesEnd reports whether a two-character dictionary word runs across
// offset j (集中学习: 学习 across the end of 中学).
func (f *Finder) crossesEnd(text string, j int) bool {
	if f.lex == nil || j == 0 || j >= len(text) {
		return false
	}
	_, s1 := runes.Last(text[:j])
	_, s2 := runes.First(text[j:])
	e, ok := f.lex.Lookup(text[j-s1 : j+s2])
	return ok && e.Pos != "nt"
}

// titleAt reports whether the title of an organisation's head or officer
// starts at i (团长, 厂长, 主任).
func (f *Finder) titleAt(text string, i int) bool {
	for n, j := 0, i; n < maxTitle && j < len(text); n++ {
		_, size := runes.First(text[j:])
		j += size
		if f.titles[text[i:j]] {
			return true
		}
	}
	return false
}

// maxTitle bounds the titles of titles.txt, in characters.
const maxTitle = 4

// maxName bounds the name before a suffix, in characters.
const maxName = 10

func produceSuffix(f *Finder, s *scan, h gazetteers.Hit, ref gazetteers.Ref) (Mention, bool) {
	x := &f.g.Suffixes[ref.Index]
	text := s.text
	// NOTE: the one-character suffixes that need a place or organisation
	// and a name before them (报, and the unit suffixes 司, 处, 科, 系) are
	// frequent characters (报道, 公司, 处理); most have no unit before them
	// within a name's reach, which costs no dictionary look-up to see.
	//
	// NOTE: the window is bytes, not characters, and runs over punctuation:
	// a wider look than the name's own, for a filter that costs no
	// decoding (these characters are a hit every few hundred bytes).
	if x.Prefix && x.Single && x.Named {
		// 报道, 处理, 科技, 系统, 司法: the commonest words these start,
		// told by the next character alone.
		if r, _ := runes.First(text[h.End:]); afterWordStartsSet.Has(r) {
			return Mention{}, false
		}
		ws := max(0, h.Start-maxName*3)
		if x.Unit && !s.orgEndsIn(ws, h.Start) || !s.anyUnitEndsIn(ws, h.Start+1) {
			return Mention{}, false
		}
	}
	suffix := Part{Start: h.Start, End: h.End, Kind: PartSuffix, Index: ref.Index}
	// 大学生, 公司法: the suffix starts a longer word (but 局长, 部长 name
	// the head of the organisation, which is mentioned). 全部, 格局: a
	// one-character suffix ends one.
	//
	// NOTE: a two-character word that starts inside a place right before a
	// one-character suffix is the segmenter's, not the text's (本队 in
	// 日本队): a place ends there, and the suffix follows it.
	//
	// NOTE: a head's title right after the suffix (代表团团长, 分厂厂长) makes
	// a chance word across the end (团团): the title says that the
	// organisation is named.
	if !strings.HasPrefix(text[h.End:], "长") && (f.wordBeyond(text, h.Start, h.End) || f.crossesEnd(text, h.End) && !f.titleAt(text, h.End)) ||
		x.Single && f.word2Ending(text, h.End) && !s.placeEndsAt(h.Start) {
		return Mention{}, false
	}
	// 新华社, 外交部: a listed name or department already ends here; 国际奥委
	// in 国际奥委会: one runs on past the suffix.
	if s.coveredEnd(f.g, h) || s.inLonger(f.g, h) {
		return Mention{}, false
	}
	// A place right before the suffix (株洲日报, 中国队); with a suffix
	// that needs a name of its own, nothing (美国公司).
	if prefix := s.prefix(h.Start); prefix != nil {
		// 华为公司, 迪斯尼公司: a listed enterprise's short form and a
		// company suffix name the enterprise.
		if last := prefix[len(prefix)-1]; last.Kind == PartList && x.Class == "company" && !x.Single && f.g.Orgs[last.Index].Kind == gazetteers.Enterprise {
			return mention(append(prefix, suffix)), true
		}
		last := prefix[len(prefix)-1]
		// 瑞士银行: a place and a bank suffix that the dictionary knows as
		// one organisation word need no name of their own (but 美国公司,
		// also tagged so, is no organisation).
		if last.Kind == PartPlace && x.Class == "finance" && f.orgWord(text[last.Start:h.End]) {
			return mention(append(prefix, suffix)), true
		}
		// 国税局党组, 人大常委会: a suffix that needs a place or
		// organisation before it names a body of the organisation.
		//
		// NOTE: not a suffix that needs a name of its own (组织): right
		// after an organisation it is the verb (发改委组织开展, 基金会组织实施).
		if x.Prefix && !x.Single && !x.Named && (last.Kind == PartList || last.Kind == PartDept || last.Kind == PartSuffix) {
			return mention(append(prefix, suffix)), true
		}
		// 人民日报出版社, 中国科学院医院: a listed organisation and a suffix of
		// another kind of body name a unit of it.
		if last.Kind == PartList && !x.Single && !x.Named && x.Class != "company" && x.Class != "team" {
			return mention(append(prefix, suffix)), true
		}
		if x.Named || last.Kind != PartPlace {
			return Mention{}, false
		}
		return mention(append(prefix, suffix)), true
	}
	if f.seg == nil {
		return Mention{}, false
	}
	ws := segment.BackRunes(text, h.Start, maxName)
	if ws == h.Start {
		return Mention{}, false
	}
	// 乔治·梅森大学: the window runs on over a middle dot inside a name.
	if r, size := runes.Last(text[:ws]); size > 0 && isNameDot(string(r)) {
		if w2 := segment.BackRunes(text, ws-size, maxName-utf8.RuneCountInString(text[ws:h.Start])); w2 < ws-size {
			ws = w2
		}
	}
	// NOTE: a suffix that needs a place or organisation before it (党组)
	// finds one below only where a unit ends inside the window; without
	// one, the answer is no mention, and the segmenter need not run (a
	// quarter of the windows).
	if x.Prefix && !s.unitEndsIn(ws, h.Start) {
		return Mention{}, false
	}
	toks := segment.Append(f.seg, s.toks[:0], text[ws:h.Start])
	s.toks = toks
	// A window cut short may start inside a word: drop that word.
	if r, size := runes.Last(text[:ws]); size > 0 && !segment.IsBreak(r) && len(toks) > 0 {
		toks = toks[1:]
	}
	// Walk the words right to left until a stop word or a unit (a place or
	// organisation) ends where the name so far begins.
	start := h.Start
	var prefix []Part
	name := s.name[:0]
	defer func() { s.name = name[:0] }()
	numbered := false // the name ends in a number (北京九十中学)
	relaxed := -1     // the index in name of a word tagged as a numeral that holds none (松日)
	for i := len(toks) - 1; i >= 0; i-- {
		if start < h.Start {
			if prefix = s.prefix(start); prefix != nil {
				break
			}
		}
		t := toks[i]
		t.Start += ws
		t.End += ws
		// 北京九十中学, 交警三中队, 东丰县第五中学: a number right before
		// the suffix of a unit numbered within its place.
		if len(name) == 0 && x.Numbered && numeral(text[t.Start:t.End]) {
			numbered = true
			name = append(name, t)
			start = t.Start
			continue
		}
		// 乔治·梅森大学: a middle dot inside a transliterated name, after a
		// word that may be part of one.
		if len(name) > 0 && i > 0 && isNameDot(text[t.Start:t.End]) && !numbered && !functionPos(toks[i-1].Pos) && !f.isStop(text, shifted(toks[i-1], ws)) {
			name = append(name, t)
			start = t.Start
			continue
		}
		if f.isStop(text, t) {
			break
		}
		if relaxed < 0 && f.numeralTagged(text, t) {
			relaxed = len(name)
		}
		name = append(name, t)
		start = t.Start
	}
	if prefix == nil && start < h.Start {
		prefix = s.prefix(start)
	}
	// 英国海军舰艇编队: the segmenter joined the place to the next word
	// (英国海军); the place still starts the name.
	//
	// NOTE: not before a suffix that is a verb after a place (东北地区组织,
	// 中国共产党组织).
	if prefix == nil && len(name) > 0 && !(x.Prefix && x.Named) {
		if e, p := s.placeInside(name[len(name)-1]); p != nil {
			name[len(name)-1].Start = e
			start, prefix = e, p
		}
	}
	// 点票中心: a word tagged as a numeral joins a name only between a
	// place or organisation and the suffix (广州松日队); elsewhere the name
	// ends after it, as before.
	if prefix == nil && relaxed >= 0 {
		name = name[:relaxed]
		if relaxed > 0 {
			start = name[relaxed-1].Start
		}
	}
	if len(name) == 0 || numbered && prefix == nil {
		return Mention{}, false
	}
	// ·梅森大学 after a stop word: a dot starts no name.
	if prefix == nil && isNameDot(text[start:name[len(name)-1].End]) {
		return Mention{}, false
	}
	// Reverse to text order, then group single characters into unknown
	// words (联 诚 → 联诚).
	for i, j := 0, len(name)-1; i < j; i, j = i+1, j-1 {
		name[i], name[j] = name[j], name[i]
	}
	groups := groupTokens(s.groups[:0], text, name)
	s.groups = groups
	// Without a place before it, the name starts after the last verb
	// (得到宾士域保安有限公司 → 宾士域保安有限公司) and at a noun (围绕联诚集团
	// → 联诚集团). A place followed by a verb is the verb's subject, not
	// part of a name (阿里巴巴成为国际奥委).
	//
	// NOTE: only a verb proper ends the name there; a set phrase (自然科学 in
	// 中国科学院自然科学史研究所, tagged l) is a noun of the unit's name.
	// 柬宪法委员会, 罗社会民主主义党: a country's one-character abbreviation
	// at the start of a clause, before the name, stands for the country.
	if prefix == nil && len(groups) > 1 {
		if p, ok := f.abbrevLead(text, groups[0], groups[1]); ok {
			prefix = []Part{p}
			groups = groups[1:]
		}
	}
	if prefix != nil && len(groups) > 0 && f.isVerb(text, groups[0]) && groups[0].pos != "l" && groups[0].pos != "i" {
		prefix = nil
	}
	if prefix == nil {
		for i := len(groups) - 1; i >= 0; i-- {
			if f.isVerb(text, groups[i]) {
				groups = groups[i+1:]
				break
			}
		}
		// A lone character at the left edge is the tail of a word the
		// window cut or the segmenter split (普惠 → 惠): drop it too.
		for len(groups) > 0 && (!groups[0].nominal || groups[0].pos != "oov" && utf8.RuneCountInString(text[groups[0].start:groups[0].end]) == 1) {
			groups = groups[1:]
		}
	}
	if len(groups) == 0 {
		return Mention{}, false
	}
	start = groups[0].start
	if prefix == nil {
		if x.Prefix {
			return Mention{}, false
		}
		if !x.Generic && !f.specific(text, groups, x.Strict) && !f.longName(text, groups, h) {
			return Mention{}, false
		}
		if utf8.RuneCountInString(text[start:h.Start]) < 2 {
			return Mention{}, false
		}
	}
	// 市委市政府, 省委省政府: a level word after an organisation begins a
	// second body of the place, not a unit of the first.
	if prefix != nil && prefix[len(prefix)-1].Kind != PartPlace {
		if r, size := runes.First(text[start:]); start+size == h.Start && levelWordsSet.Has(r) {
			return Mention{}, false
		}
	}
	// 农业部种植业司, 人民医院宣教科: a unit's suffix needs an organisation
	// before its name (湖南农村科技司 is none).
	//
	// NOTE: a name that ends in a head's title is a person's (联合国秘书长科菲:
	// 科 starts the name); 系 as a unit is a school's department, elsewhere
	// the verb "is" (火灾系人为所致).
	if x.Unit && (prefix == nil || !f.unitOf(x, prefix[len(prefix)-1]) || f.endsInTitle(text, start, h.Start)) {
		return Mention{}, false
	}
	// 中国贸易报, 埃及金字塔报: 报 names a newspaper after nouns only, not a
	// report (纽约州瞒报, 恒生指数报27000点) nor a kind of paper (机关报).
	if x.Single && x.Class == "media" && !f.paperName(text, groups, h) {
		return Mention{}, false
	}
	parts := append(prefix, Part{Start: start, End: h.Start, Kind: PartName, Index: -1}, suffix)
	return mention(parts), true
}

// paperName reports whether groups before the one-character suffix 报 at h
// name a newspaper: nouns only, the last of two characters or more, no
// word of three characters ending in 报 (机关报), and no number after it.
func (f *Finder) paperName(text string, groups []group, h gazetteers.Hit) bool {
	for _, g := range groups {
		if !g.nominal || strings.HasPrefix(g.pos, "v") && g.pos != "vn" {
			return false
		}
	}
	if last := groups[len(groups)-1]; utf8.RuneCountInString(text[last.start:last.end]) < 2 {
		return false
	}
	if segment.WordEnding(f.lex, text, h.End, 3, 3, segment.AnyWord) {
		return false
	}
	r, _ := runes.First(text[h.End:])
	return !unicode.IsDigit(r) && !numeralCharsSet.Has(r)
}

// unitOf reports whether the unit suffix x can name a unit of the
// organisation that ends in part p: any organisation, a school for a
// school's unit (化学系 after 大学 or 学院).
func (f *Finder) unitOf(x *gazetteers.Suffix, p Part) bool {
	switch p.Kind {
	case PartList:
		return x.Class != "school" || f.g.Orgs[p.Index].Kind == gazetteers.University
	case PartSuffix:
		return x.Class != "school" || f.g.Suffixes[p.Index].Class == "school"
	case PartDept:
		return x.Class != "school"
	}
	return false
}

// endsInTitle reports whether text[start:end] ends in a head's or
// officer's title (秘书长, 主任).
func (f *Finder) endsInTitle(text string, start, end int) bool {
	for i, n := end, 0; i > start && n < maxTitle; n++ {
		_, size := runes.Last(text[:i])
		i -= size
		if f.titles[text[i:end]] {
			return true
		}
	}
	return false
}

// abbrevLead returns the place part of a country's one-character
// abbreviation that is the group g (柬 in 柬宪法委员会, 奥 in 奥报纸协会),
// before the word next, where it starts a clause: at the start of the
// text, after a punctuation mark or after a one-character stop word (与,
// 和, 在). Not 中 or 华, which open countless words; not where the
// abbreviation is a syllable of a name: glued to single characters
// (瑞海公司, 奥体中心) or before one (罗昊送往医院), or where it makes a
// dictionary word with what follows (美术, 法院).
func (f *Finder) abbrevLead(text string, g, next group) (Part, bool) {
	r, size := runes.First(text[g.start:])
	if r == '中' || r == '华' || g.end != g.start+size || !next.nominal || next.pos == "oov" || utf8.RuneCountInString(text[next.start:next.end]) < 2 {
		return Part{}, false
	}
	a, ok := f.g.Abbrevs[r]
	if !ok || a.Country < 0 || !f.country(a.Country) {
		return Part{}, false
	}
	if f.lex != nil && segment.WordStarting(f.lex, text, g.start, 2, 3, segment.AnyWord) {
		return Part{}, false
	}
	if pr, psize := runes.Last(text[:g.start]); psize > 0 && runes.IsHan(pr) && !f.stop[string(pr)] {
		return Part{}, false
	}
	return Part{Start: g.start, End: g.end, Kind: PartPlace, Index: a.Country, Name: f.g.Places[a.Country].Name}, true
}

// isVerb reports whether a group is a verb of two characters or more, or
// an idiom: the predicate before a name.
//
// NOTE: a rare verb is not taken for a predicate: the dictionary tags as
// verbs words that are names' nouns more often than predicates in news
// (雇主 in 法国雇主协会, 编译 in 中央编译出版社), while the predicates that
// stand before names (成为, 加入, 参加) are frequent.
func (f *Finder) isVerb(text string, g group) bool {
	switch g.pos {
	case "v", "vd", "vi", "vg":
		if f.lex != nil {
			if e, ok := f.lex.Lookup(text[g.start:g.end]); ok && e.Freq < rareVerb {
				return false
			}
		}
		return utf8.RuneCountInString(text[g.start:g.end]) >= 2
	case "i", "l":
		return utf8.RuneCountInString(text[g.start:g.end]) >= 2
	}
	return false
}

// rareVerb is the dictionary frequency below which a verb is not taken for
// the predicate before a name.
const rareVerb = 1000

// group is a word of the name, or a run of unknown single characters.
type group struct {
	start, end int
	nominal    bool
	pos        string
}

func groupTokens(out []group, text string, toks []newsfacts.Token) []group {
	for i := 0; i < len(toks); {
		t := toks[i]
		if single(text, t) {
			j := i + 1
			content := !functionPos(t.Pos)
			for j < len(toks) && single(text, toks[j]) {
				content = content || !functionPos(toks[j].Pos)
				j++
			}
			// 晋通, 联诚: unknown words cut into characters. 要考, 刚出:
			// verbs and particles, no name.
			if j-i >= 2 && content {
				out = append(out, group{t.Start, toks[j-1].End, true, "oov"})
				i = j
				continue
			}
		}
		out = append(out, group{t.Start, t.End, nominalPos(t.Pos), t.Pos})
		i++
	}
	return out
}

// functionPos reports whether a one-character word's tag is that of a verb
// or function word rather than of a name character.
func functionPos(pos string) bool {
	if pos == "" {
		return false
	}
	switch pos[0] {
	case 'v', 'p', 'd', 'c', 'r', 'u', 'm', 'q', 'f', 't':
		return pos != "vn"
	}
	return false
}

func single(text string, t newsfacts.Token) bool {
	return utf8.RuneCountInString(text[t.Start:t.End]) == 1
}

// nominalPos reports whether a part-of-speech tag can be part of a name:
// nouns, names, abbreviations, foreign words, unknown characters.
func nominalPos(pos string) bool {
	if pos == "" {
		return false
	}
	switch pos[0] {
	case 'n', 'j', 'x':
		return true
	}
	switch pos {
	case "eng", "vn", "an", "b", "nz", "s":
		return true
	}
	return false
}

// specific reports whether a name has a proper-noun word, not a generic
// one (服务, 科技): a named organisation rather than a kind of one. Proper
// nouns are unknown words, names, places, organisation words and
// abbreviations; unless strict is set, a rare common noun (红豆) counts
// too.
func (f *Finder) specific(text string, groups []group, strict bool) bool {
	for _, g := range groups {
		w := text[g.start:g.end]
		if !g.nominal || f.generic[w] {
			continue
		}
		switch g.pos {
		case "oov", "nr", "nrt", "nrfg", "nz", "ns", "nt", "j", "eng", "x":
			return true
		}
		// A rare common noun (红豆) names more than a frequent one (医疗).
		if !strict && f.lex != nil {
			if e, ok := f.lex.Lookup(w); ok && e.Freq < rareNoun && strings.HasPrefix(e.Pos, "n") {
				return true
			}
		}
	}
	return false
}

// longName reports whether a name of common words is long enough before a
// long suffix to name one organisation (联邦贸易委员会, 法律委员会 is not).
func (f *Finder) longName(text string, groups []group, h gazetteers.Hit) bool {
	if utf8.RuneCountInString(text[h.Start:h.End]) < 3 || len(groups) < 2 {
		return false
	}
	if utf8.RuneCountInString(text[groups[0].start:h.Start]) < 4 {
		return false
	}
	for _, g := range groups {
		if !g.nominal {
			return false
		}
	}
	return true
}

// rareNoun is the dictionary frequency below which a common noun counts as
// specific enough to name an organisation.
const rareNoun = 300

// isStop reports whether a token ends a name to the left.
func (f *Finder) isStop(text string, t newsfacts.Token) bool {
	w := text[t.Start:t.End]
	if f.stop[w] {
		return true
	}
	// NOTE: the dictionary tags some nouns of names as time or numeral
	// words (青年, 少年: 中国青年志愿者协会); listed as generic words, they
	// do not end a name.
	if (strings.HasPrefix(t.Pos, "t") || strings.HasPrefix(t.Pos, "m")) && f.generic[w] {
		return false
	}
	if f.numeralTagged(text, t) {
		return false
	}
	// 我军, 本市, 该校: a determiner and its noun.
	if r, size := runes.First(w); size < len(w) && len(w) <= 2*size+size && determinerCharsSet.Has(r) {
		return true
	}
	for _, r := range w {
		if !runes.IsHan(r) && !unicode.IsLetter(r) {
			return true
		}
	}
	if t.Pos == "" {
		return false
	}
	switch t.Pos[0] {
	case 'p', 'c', 'u', 'r', 'd', 'm', 'q', 't', 'f', 'y', 'e', 'o':
		return true
	}
	return t.Pos == "ad"
}

// numeralChars are the characters of numbers (and ordinals: 第五).
const numeralChars = "0123456789０１２３４５６７８９〇零一二三四五六七八九十百千两第"

// numeralCharsSet is the set of the characters of numeralChars.
var numeralCharsSet = gazetteers.RuneSetOf(numeralChars)

// hasNumeral reports whether w holds a numeral character, or one of an
// ordinal or a vague number (首个, 几家, 数个, 半数).
func hasNumeral(w string) bool {
	for _, r := range w {
		if numeralWordSet.Has(r) {
			return true
		}
	}
	return false
}

// numeralWordSet is the set of the characters that make a word a numeral
// for hasNumeral (strings.ContainsAny's answer with the list numeralChars
// and 首几数多半俩仨, without searching the list for each character).
var numeralWordSet = gazetteers.RuneSetOf(numeralChars + "首几数多半俩仨")

// numeral reports whether w is a number or an ordinal, every character a
// numeral character (九十, 3, 第五).
func numeral(w string) bool {
	if w == "" || w == "第" {
		return false
	}
	for _, r := range w {
		if !numeralCharsSet.Has(r) {
			return false
		}
	}
	return true
}

// isNameDot reports whether w is the middle dot that joins the parts of a
// transliterated name (乔治·梅森).
func isNameDot(w string) bool { return w == "·" || w == "•" || w == "・" }

// rare reports whether the dictionary's frequency of w is below rareNoun.
func (f *Finder) rare(w string) bool {
	if f.lex == nil {
		return false
	}
	e, ok := f.lex.Lookup(w)
	return ok && e.Freq < rareNoun
}

// numeralTagged reports whether t is a word that the dictionary tags as a
// numeral though it holds no numeral character (松日 in 广州松日队, 少儿 in
// 湖南少儿社): a single character or a rare word, not right after a
// number (1998年).
func (f *Finder) numeralTagged(text string, t newsfacts.Token) bool {
	w := text[t.Start:t.End]
	if !strings.HasPrefix(t.Pos, "m") || hasNumeral(w) || utf8.RuneCountInString(w) > 1 && !f.rare(w) {
		return false
	}
	r, size := runes.Last(text[:t.Start])
	return size == 0 || !unicode.IsDigit(r) && !numeralCharsSet.Has(r)
}

// shifted returns t moved by off bytes.
func shifted(t newsfacts.Token, off int) newsfacts.Token {
	t.Start += off
	t.End += off
	return t
}

// placeInside returns where a place that starts word t ends inside it, and
// the prefix that place begins, or nil.
func (s *scan) placeInside(t newsfacts.Token) (int, []Part) {
	for e := t.End - 1; e > t.Start; e-- {
		if !utf8.RuneStart(s.text[e]) {
			continue
		}
		for k := s.units.at(e); k >= 0; k = s.units.nodes[k].next {
			if u := s.units.nodes[k].u; u.start == t.Start && len(u.parts) == 1 && u.parts[0].Kind == PartPlace {
				return e, s.prefix(e)
			}
		}
	}
	return 0, nil
}
