// Package place finds places in Chinese text and resolves them to
// canonical names, division codes and parents.
//
// Finding and resolving are separate steps. Find turns the gazetteer hits
// of a text into Mentions, each with its candidate places and the rule that
// found it; it consults the dictionary only around hits whose word
// boundaries are in doubt. Resolve then picks one candidate per mention
// using the article's other places (朝阳区 in an article about 北京 is
// 北京市朝阳区), drops the mentions that need such support and lack it
// (新城 in 生态新城, 石峰 as a person's name), and fills the entity fields.
//
// See docs/entities.md for the rules, the method values and what is not a
// place.
package place

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/datafile"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// Method values (the Span.Rule of a place entity, written to the method
// column).
const (
	MethodGazetteer       = "gazetteer"           // a full name: 株洲市, 美国
	MethodShort           = "gazetteer-short"     // a short name: 株洲, 湖南
	MethodContext         = "gazetteer+context"   // one of several readings, picked by the article's other places
	MethodAmbiguous       = "gazetteer-ambiguous" // a full name with several readings and no context: name only
	MethodTownshipContext = "township+context"    // a township, kept because its county or city is in the article
	MethodTownship        = "township"            // a township whose name is unique in the country
	MethodZone            = "zone"                // place + zone suffix: 株洲高新区
	MethodZoneContext     = "zone+context"        // township + zone suffix, township picked by context: 田心高科园
	MethodAbbrevPair      = "abbrev-pair"         // abbreviations in a relation: 中美关系
	MethodAbbrevVerb      = "abbrev-verb"         // abbreviation after a travel verb: 访华, 在京
	MethodAbbrevRole      = "abbrev-role"         // abbreviation before a side, army or office: 美方, 俄军
	MethodAbbrevNamed     = "abbrev-named"        // first character of a country named in full before: 俄罗斯 … 俄金融市场
	MethodGazetteerLevel  = "gazetteer+level"     // a foreign place or a former county with its level word: 维也纳市, 栾城县
	MethodUser            = "user"                // an entry of the user gazetteer
)

// Mention is a place found in a text, before resolution.
type Mention struct {
	// Start and End are byte offsets into the text, half-open.
	Start, End int
	// Rule is the method that found it (one of the Method constants).
	Rule string
	// Cands are the candidate places, indexes into the gazetteer's Places,
	// in order of preference (higher level first).
	Cands []int32
	// NeedSupport is set when the mention stands only if the article's
	// other places support one of Cands.
	NeedSupport bool
	// MinSupport is the least support score a candidate needs (see
	// Finder.Resolve): 2 for a township or county short name (its
	// prefecture or county is in the article), 100 for a short name that is
	// also an everyday word (资源, 合作: the place itself is named in full
	// elsewhere in the article).
	MinSupport int
	// Full is set when the surface is a full official name.
	Full bool
	// KeepName is set for a township full name of three characters or more
	// ending in 镇 or 乡 (红庄乡): when no candidate is supported, it stands
	// with its name only (method gazetteer-ambiguous) instead of being
	// dropped.
	KeepName bool
	// Zone is the full form of the zone suffix for rule zone, else "".
	Zone string
	// Prefix is the surface before the zone suffix for rule zone.
	Prefix string
}

// Place is a resolved place mention.
type Place struct {
	newsfacts.Entity
	// Index is the gazetteer place it refers to, or -1 when the name could
	// not be resolved to one (an ambiguous full name, a zone not in the
	// gazetteer).
	Index int32
	// Within is the gazetteer place that encloses an unresolved zone (the
	// place named in its prefix), or -1.
	Within int32
}

// Finder finds and resolves places. It is read-only after New and safe for
// concurrent use.
type Finder struct {
	g    *gazetteers.Gazetteer
	lex  segment.Lexicon
	info []surfInfo // by gazetteer surface id
	// cands holds the candidate places of every surface (see candsOf).
	cands []int32
	// classes is the rune class table of the abbreviation rules.
	classes []uint8
	// marks is the set of the runes that markChars lists (see Marks).
	marks gazetteers.RuneSet
	// countries is the country reading of each abbreviation of the Basic
	// Multilingual Plane, or -1 (see abbrevCountries).
	countries []int32
	// firsts are the first characters that may stand alone for a country
	// (MethodAbbrevNamed; see namedFirsts).
	firsts map[rune]bool
	// scans holds the states of Find (*scan) for reuse, with their
	// buffers.
	scans sync.Pool
	// resolves holds the working memory of ResolveBuf and HomeOf
	// (*resolveState) for reuse.
	resolves sync.Pool
}

// surfInfo is the precomputed reading of one gazetteer surface.
//
// NOTE: it holds no pointer (its candidates are a range of Finder.cands,
// its rule an index of ruleNames), so that the garbage collector does not
// scan the 43,000 of them, nor mark a candidate slice of each, at every
// cycle; nor does New allocate a slice per surface.
type surfInfo struct {
	// candOff and nCands are the candidate places' range in Finder.cands
	// (see candsOf).
	candOff, nCands int32
	rule            uint8 // an index of ruleNames
	needSupport     bool
	minSupport      int
	boundary        bool // check that no dictionary word crosses either end
	segmented       bool // check that the segmenter reads the surface as a word
	// dirRegion marks a world region named by a direction and a continent
	// (西亚), which may be syllables of a transliterated name; otherName
	// a country's other name ending in 国 (日本国), which gives way to 国内.
	dirRegion, otherName bool
	full                 bool
	keepName             bool
	// zone is the index of the zone suffix the surface is, or -1.
	zone int32
}

// New returns a Finder over gazetteer g. lex is the dictionary that says
// where words run across a place name (沈阳市场) and which abbreviations
// start words (华为); nil turns those checks off.
func New(g *gazetteers.Gazetteer, lex segment.Lexicon) *Finder {
	f := &Finder{g: g, lex: lex, classes: abbrevClasses(g), countries: abbrevCountries(g), firsts: namedFirsts(g, lex)}
	f.marks = markSet(f.classes)
	f.scans.New = func() any { return new(scan) }
	f.resolves.New = func() any { return new(resolveState) }
	surfaces, _ := g.Surfaces()
	f.info = make([]surfInfo, len(surfaces))
	// NOTE: the two halves of the surfaces are read at the same time (each
	// surface's reading depends on that surface alone): the classification
	// was about 8 ms of the start-up's part that ran on one core, with the
	// other idle.
	half := len(surfaces) / 2
	done := make(chan struct{})
	var upper []int32
	go func() {
		upper = f.classifyRange(half, len(surfaces))
		close(done)
	}()
	lower := f.classifyRange(0, half)
	<-done
	// The candidates of the upper half follow those of the lower.
	for id := half; id < len(surfaces); id++ {
		f.info[id].candOff += int32(len(lower))
	}
	f.cands = append(lower, upper...)
	return f
}

// ruleNames are the rules of the surfaces' readings, by surfInfo.rule.
var ruleNames = [...]string{"", MethodUser, MethodGazetteer, MethodTownshipContext, MethodTownship, MethodShort}

// The indexes of ruleNames.
const (
	ruleUser uint8 = iota + 1
	ruleGazetteer
	ruleTownshipContext
	ruleTownship
	ruleShort
)

// candsOf returns the candidate places of a surface's reading.
func (f *Finder) candsOf(in *surfInfo) []int32 {
	return f.cands[in.candOff : in.candOff+in.nCands : in.candOff+in.nCands]
}

// classifyRange fills f.info for the surfaces [lo, hi) and returns their
// candidates, to which the infos' candOff point.
func (f *Finder) classifyRange(lo, hi int) []int32 {
	g := f.g
	surfaces, refs := g.Surfaces()
	var sc classifyScratch
	var cands []int32
	for id := lo; id < hi; id++ {
		rs := refs[id]
		in, c := classify(g, f.lex, surfaces[id], rs, &sc)
		in.candOff, in.nCands = int32(len(cands)), int32(len(c))
		cands = append(cands, c...)
		in.zone = zoneOf(rs)
		if su := surfaces[id]; in.full && len(c) == 1 {
			p := &g.Places[c[0]]
			in.dirRegion = len(su) == 6 && strings.ContainsRune("东西南北中", firstRune(su)) && strings.ContainsRune("亚非欧美", firstRune(su[3:]))
			in.otherName = p.Level == gazetteers.Country && strings.HasSuffix(su, "国") && !strings.HasSuffix(p.Name, "国")
		}
		f.info[id] = in
	}
	return cands
}

// classifyScratch holds the candidate lists of classify, for reuse.
type classifyScratch struct{ user, full, short []int32 }

// isWord reports whether s is a common dictionary word that is not a
// place word (合作, 资源, 公安).
func isWord(lex segment.Lexicon, s string) bool {
	if lex == nil {
		return false
	}
	e, ok := lex.Lookup(s)
	return ok && e.Freq >= 50 && !strings.HasPrefix(e.Pos, "ns")
}

//go:embed data/everyday.txt
var everydayData string

// everydayShort are the county short names that the dictionary tags as
// place names but that are everyday words as often (大关, 长寿).
var everydayShort = datafile.Set(everydayData)

// placeWord reports whether the segmentation dictionary's own word list,
// drawn from a news corpus, knows s as a place name (ns), and not as a
// frequent word (平原, 海港 and 西城 are ns too) nor as one of the everyday
// words of data/everyday.txt (大关, 长寿). Names only the gazetteer added
// (惠民, 华龙 in 华龙一号) do not count.
func placeWord(s string) bool {
	f, ok := segment.DictPlaceFreq(s)
	return ok && f < frequentPlaceWord && !everydayShort[s]
}

// frequentPlaceWord is the dictionary frequency from which a word tagged
// as a place name is an everyday word as often (平原 7,457, 西城 671, 海港
// 420; 江阴 210, 焉耆 260).
const frequentPlaceWord = 400

//go:embed data/ambiguous.txt
var ambiguousData string

// ambiguousShort are the prefecture short names that need support.
var ambiguousShort = datafile.Set(ambiguousData)

// classify decides how a surface is read, and returns its reading and
// candidate places (in sc's storage). See docs/entities.md.
func classify(g *gazetteers.Gazetteer, lex segment.Lexicon, s string, refs []gazetteers.Ref, sc *classifyScratch) (surfInfo, []int32) {
	user, full, short := sc.user[:0], sc.full[:0], sc.short[:0]
	defer func() { sc.user, sc.full, sc.short = user, full, short }()
	generic := false
	for _, r := range refs {
		if r.Kind == gazetteers.RefZone || r.Kind == gazetteers.RefSuffix || r.Kind == gazetteers.RefDept {
			generic = true
		}
	}
	for _, r := range refs {
		if r.Kind != gazetteers.RefPlace {
			continue
		}
		p := &g.Places[r.Index]
		// 高新区, 开发区: townships named by a generic word are left to the
		// zone and organisation rules.
		if generic && p.Level == gazetteers.Township {
			continue
		}
		switch {
		case p.Level == gazetteers.UserPlace || r.Full && isUserAlias(g, s, r.Index):
			user = append(user, r.Index)
		case r.Full:
			full = append(full, r.Index)
		default:
			short = append(short, r.Index)
		}
	}
	byLevel := func(c []int32) []int32 {
		slices.SortStableFunc(c, func(a, b int32) int { return int(g.Places[a].Level) - int(g.Places[b].Level) })
		return c
	}
	runes := utf8.RuneCountInString(s)
	switch {
	case len(user) > 0:
		return surfInfo{rule: ruleUser, full: true}, user
	case len(full) > 0:
		c := byLevel(full)
		in := surfInfo{rule: ruleGazetteer, full: true}
		allTown := true
		for _, i := range c {
			p := &g.Places[i]
			if p.Level != gazetteers.Township {
				allTown = false
			}
			// 沈阳市场, 大连市民: a word runs across the end of a full
			// name ending in 市, 区, 县 …; 东北, 大陆 are words too.
			if p.Word || p.Level.Chinese() && p.Level != gazetteers.Province {
				in.boundary = true
			}
		}
		if allTown {
			// 小城镇 is a township somewhere and an everyday word; so is
			// 于城镇 inside 位于城镇: a name ending in the word 城镇 needs
			// support too.
			everyday := isWord(lex, s) || strings.HasSuffix(s, "城镇")
			in.needSupport = !(len(c) == 1 && runes >= 3 && hasTownSuffix(s)) || everyday
			in.minSupport = 2
			in.rule = ruleTownshipContext
			in.keepName = runes >= 3 && hasTownSuffix(s) && !strings.HasSuffix(s, "街道") && !everyday
			if !in.needSupport {
				in.rule = ruleTownship
			}
		}
		// 城区, 矿区, 林场: two-character official names that are generic
		// words are no mention on their own; nor are townships named like
		// parks (现代农业产业园).
		if g.Places[c[0]].Level.Chinese() && runes <= 2 && !strings.HasSuffix(s, "县") && !strings.HasSuffix(s, "旗") && !strings.HasSuffix(s, "市") {
			return surfInfo{}, nil
		}
		if allTown && (strings.HasSuffix(s, "园") || strings.HasSuffix(s, "区")) {
			return surfInfo{}, nil
		}
		return in, c
	case len(short) > 0:
		c := byLevel(short)
		in := surfInfo{rule: ruleShort, boundary: true}
		switch top := g.Places[c[0]].Level; {
		case top == gazetteers.Province:
			// 湖南部分地区: a province's short name is read as written.
			in.boundary = false
		case top == gazetteers.Prefecture:
			// NOTE: the dictionary's tags are no guide here (石家庄 is nr,
			// 大连 d); a hand list names the doubtful ones.
			in.needSupport = ambiguousShort[s] || len(c) > 1 && g.Places[c[1]].Level == gazetteers.Prefecture
		default:
			// County and zone short names (石峰, 新建) are everyday words
			// too often: only three characters or more stand alone, and
			// support must come from the prefecture or nearer.
			in.needSupport = len(c) > 1 || isWord(lex, s) || runes < 3 && !placeWord(s) || ambiguousShort[s]
			// 恭城, 江阴: a two-character county short name with one reading,
			// which the dictionary knows as a place name and not as a
			// frequent word, stands alone where the segmenter reads it as a
			// word (not 半壁江山, 同德国); elsewhere it needs support.
			in.segmented = !in.needSupport && runes < 3
			in.minSupport = 2
			if ambiguousShort[s] || isWord(lex, s) {
				in.minSupport = 100
			}
		}
		return in, c
	}
	return surfInfo{}, nil
}

// isUserAlias reports whether a full-name reference of s to place i comes
// from a user entry (the built-in lists never give a short name Full).
func isUserAlias(g *gazetteers.Gazetteer, s string, i int32) bool {
	p := &g.Places[i]
	if p.Name == s {
		return false
	}
	for _, a := range p.Aliases {
		if a == s {
			return false
		}
	}
	return true
}

func hasTownSuffix(s string) bool {
	r, _ := runes.Last(s)
	if r == '镇' || r == '乡' {
		return true
	}
	return len(s) > len("街道") && s[len(s)-len("街道"):] == "街道"
}
