// Package org finds organisations in Chinese text and gives them canonical
// names.
//
// Finding and resolving are separate steps. Find reads the gazetteer hits
// of a text and the places already resolved in it, and returns Mentions:
// spans made of parts (a place, a level word such as 市, a listed
// organisation, a standard department, a name, a suffix). Resolve turns
// each mention into an entity, building its canonical name from the parts
// and the article's own place (市住建局 → 株洲市住房和城乡建设局 in an
// article about 株洲).
//
// Three rules find mentions, in a table: listed organisations (central
// bodies, international bodies, enterprises, universities, user entries),
// standard departments after a place or level word (石峰区行政审批局,
// 市资规局), and a name followed by an organisation suffix (湖南晋通公司,
// 株洲日报). The segmenter is consulted only for the suffix rule, on the
// few characters before the suffix, to find where the name begins.
//
// See docs/entities.md for the method values and the canonical names.
package org

import (
	_ "embed"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/place"
	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/datafile"
)

// Method values (the Span.Rule of an organisation entity, written to the
// method column).
const (
	MethodList        = "list"               // a listed organisation: list:central, list:enterprise …
	MethodUser        = "user"               // an entry of the user gazetteer
	MethodDept        = "dept"               // a department on its own: 住建局
	MethodDeptPlace   = "dept+place"         // place + department: 石峰区行政审批局
	MethodDeptLevel   = "dept+level"         // level word + department, article place unknown: 市住建局
	MethodDeptHome    = "dept+article-place" // level word + department, level word read as the article's place
	MethodSuffix      = "suffix"             // name + suffix: 湖南晋通公司
	MethodSuffixPlace = "suffix+place"       // place or organisation + name + suffix: 株洲日报
	MethodListCountry = "list+country"       // foreign country + ministry named like a Chinese one: 印度外交部
	MethodSuffixFull  = "suffix+context"     // name + suffix, named in full elsewhere in the article: 晋通公司 after 湖南晋通公司
)

// PartKind is the kind of a part of a mention.
type PartKind uint8

// Part kinds.
const (
	PartPlace  PartKind = iota + 1 // a resolved place: 石峰区
	PartLevel                      // a level word standing for a place: 市, 区, 县, 省
	PartCPC                        // 中共
	PartList                       // a listed organisation
	PartDept                       // a standard department
	PartName                       // the name before a suffix: 晋通
	PartSuffix                     // an organisation suffix: 公司
	PartTerm                       // a numbered term before a body: 第六届
)

// Part is one piece of a mention.
type Part struct {
	// Start and End are byte offsets into the text.
	Start, End int
	Kind       PartKind
	// Index is the gazetteer index of the place, organisation or
	// department, or of the suffix; -1 for a place with no index.
	Index int32
	// Name is the canonical name of a place part (株洲市).
	Name string
}

// Mention is an organisation found in a text, before resolution.
type Mention struct {
	// Start and End are byte offsets into the text, half-open.
	Start, End int
	// Parts are the pieces of the mention, left to right, covering it.
	Parts []Part
	// Rule, when set, is the method of a mention named as written
	// (MethodTitle, MethodQuoted); otherwise its parts decide it.
	Rule string
}

// Finder finds and resolves organisations. It is read-only after New and
// safe for concurrent use.
type Finder struct {
	g       *gazetteers.Gazetteer
	seg     segment.Segmenter
	lex     segment.Lexicon
	generic map[string]bool
	stop    map[string]bool
	titles  map[string]bool
	// read marks the gazetteer surfaces (by id) that some rule reads: an
	// organisation, a department or a suffix.
	//
	// NOTE: most hits are places; a byte per surface tells so without
	// loading the hit's readings, a cache miss each.
	read []bool
	// after lists the indexes in Suffixes of the suffixes that Match does
	// not report (gazetteers.Suffix.After: 司, 处, 科, 系).
	after []int32
	// afterLast marks the last bytes of those suffixes, a filter before
	// comparing a character with them.
	afterLast [256]bool
}

//go:embed data/generic.txt
var genericData string

//go:embed data/stop.txt
var stopData string

//go:embed data/titles.txt
var titlesData string

// New returns a Finder over gazetteer g. seg segments the few characters
// before an organisation suffix; lex tells which one-character suffixes
// are part of other words (局长, 全部). Either may be nil, which turns those
// steps off (no suffix rule without seg).
func New(g *gazetteers.Gazetteer, seg segment.Segmenter, lex segment.Lexicon) *Finder {
	f := &Finder{g: g, seg: seg, lex: lex, generic: datafile.Set(genericData), stop: datafile.Set(stopData), titles: datafile.Set(titlesData)}
	for i, x := range g.Suffixes {
		if x.After {
			f.after = append(f.after, int32(i))
			f.afterLast[x.Text[len(x.Text)-1]] = true
		}
	}
	_, refs := g.Surfaces()
	f.read = make([]bool, len(refs))
	for id, rs := range refs {
		for _, r := range rs {
			for _, ru := range rules {
				if ru.kind == r.Kind {
					f.read[id] = true
				}
			}
		}
	}
	return f
}

// Gazetteer returns the gazetteer the Finder reads.
func (f *Finder) Gazetteer() *gazetteers.Gazetteer { return f.g }

// Context is what resolution knows of the article.
type Context struct {
	// Places are the article's resolved places.
	Places []place.Place
	// Home is the article's own place, for level words (市 in 市住建局).
	Home place.Home
}

// Resolve turns mentions into organisation entities with canonical names.
// A bare name + suffix mention that ends another mention of the article
// (晋通公司 after 湖南晋通公司) takes that one's canonical name (method
// suffix+context).
func (f *Finder) Resolve(text string, ms []Mention, ctx Context) []newsfacts.Entity {
	return f.ResolveAppend(make([]newsfacts.Entity, 0, len(ms)), text, ms, ctx)
}

// ResolveAppend is Resolve that appends the entities to dst and returns
// the extended slice.
func (f *Finder) ResolveAppend(dst []newsfacts.Entity, text string, ms []Mention, ctx Context) []newsfacts.Entity {
	out := dst
	for _, m := range ms {
		name, rule := f.canonical(text, m, ctx.Home)
		out = append(out, newsfacts.Entity{
			Span: newsfacts.Span{Start: m.Start, End: m.End, Rule: rule},
			Type: newsfacts.ORG,
			Name: name,
		})
	}
	added := out[len(dst):]
	for i := range added {
		e := &added[i]
		if e.Rule != MethodSuffix {
			continue
		}
		short := text[e.Start:e.End]
		for _, o := range added {
			if o.Rule == MethodSuffixPlace && o.Len() > e.Len() && strings.HasSuffix(text[o.Start:o.End], short) {
				e.Name, e.Rule = o.Name, MethodSuffixFull
				break
			}
		}
	}
	return out
}

// canonical builds the canonical name of a mention and its method.
//
//   - A listed organisation gives its registered name.
//   - A department is named after the place before it, qualified with its
//     prefecture (株洲市石峰区行政审批服务局), or after the article's own
//     place for a level word (市 → 株洲市), by the department's template.
//   - A suffix mention keeps its surface, with listed organisations and
//     departments before it replaced by their canonical names.
func (f *Finder) canonical(text string, m Mention, home place.Home) (string, string) {
	if m.Rule == MethodTeam {
		return text[m.Start:m.End] + "队", m.Rule
	}
	if m.Rule != "" {
		return text[m.Start:m.End], m.Rule
	}
	// NOTE: the most common mention, a listed name alone, is the loop
	// below's first case, without building a copy of the name.
	if len(m.Parts) == 1 && m.Parts[0].Kind == PartList {
		o := &f.g.Orgs[m.Parts[0].Index]
		if o.Kind == gazetteers.UserOrg {
			return o.Name, MethodUser
		}
		return o.Name, listRule(o.Kind)
	}
	var b strings.Builder
	rule := ""
	hasPlace, hasLevel, homeUsed, foreign, term := false, false, false, false, false
	for i, p := range m.Parts {
		surface := text[p.Start:p.End]
		switch p.Kind {
		case PartTerm:
			// 第六届全国人民代表大会, 湖南省第十三届人民代表大会常务委员会: the
			// term as written, before the body's name.
			b.WriteString(surface)
			term = true
		case PartPlace:
			hasPlace = true
			foreign = p.Index < 0 || !f.g.Places[p.Index].Level.Chinese()
			// A place followed by a department is written in full; one
			// followed by its own sub-place (湖南省株洲市) is dropped.
			if i+1 < len(m.Parts) && m.Parts[i+1].Kind == PartPlace && p.Index >= 0 && m.Parts[i+1].Index >= 0 && f.g.IsAncestor(p.Index, m.Parts[i+1].Index) {
				continue
			}
			// A country before a listed organisation is in its registered
			// name already (中国 + 国家教委, 日本 + 雅马哈).
			if i+1 < len(m.Parts) && m.Parts[i+1].Kind == PartList {
				continue
			}
			// Chinese places are written in full before a department;
			// foreign ones as written (美国政府).
			if nextIsDept(m.Parts, i) && p.Index >= 0 && f.g.Places[p.Index].Level.Chinese() {
				b.WriteString(f.g.Qualified(p.Index))
			} else {
				b.WriteString(surface)
			}
		case PartLevel:
			hasLevel = true
			if q := f.homeFor(surface, home); q >= 0 && nextIsDept(m.Parts, i) {
				b.WriteString(f.g.Qualified(q))
				homeUsed = true
			} else {
				b.WriteString(surface)
			}
		case PartCPC:
			if !nextIsDept(m.Parts, i) {
				b.WriteString(surface)
			}
		case PartList:
			o := &f.g.Orgs[p.Index]
			// A unit of a listed organisation is named after it as written
			// when the registered name only adds to the end of that
			// (人民日报出版社, not 人民日报社出版社; 同济医院, not 同济大学医院;
			// but 中华人民共和国国务院办公室).
			if i+1 < len(m.Parts) && m.Parts[i+1].Kind == PartSuffix && strings.HasPrefix(o.Name, surface) &&
				!(o.Kind == gazetteers.Enterprise && f.g.Suffixes[m.Parts[i+1].Index].Class == "company") {
				b.WriteString(surface)
			} else {
				b.WriteString(o.Name)
			}
			if rule == "" {
				if o.Kind == gazetteers.UserOrg {
					rule = MethodUser
				} else {
					rule = listRule(o.Kind)
				}
			}
		case PartDept:
			d := &f.g.Depts[p.Index]
			prefix := b.String()
			b.Reset()
			written := ""
			if j := i - 1; j >= 0 {
				if m.Parts[j].Kind == PartTerm && j > 0 {
					j--
				}
				written = text[m.Parts[j].Start:m.Parts[j].End]
			}
			name := d.Canonical(prefix, written)
			// 香港特区政府: the government of a special administrative
			// region is 香港特别行政区政府, not a 人民政府.
			if strings.HasSuffix(prefix, "特别行政区") && strings.HasPrefix(d.Name, "人民政府") {
				name = prefix + strings.TrimPrefix(d.Name, "人民")
			}
			if foreign {
				// 美国政府: the standard Chinese departments are no model
				// for a foreign government's bodies.
				name = prefix + surface
			}
			// After a party committee written as 委 (市委宣传部), the
			// committee is written 委 as well: 中共株洲市委宣传部.
			if i > 0 && m.Parts[i-1].Kind == PartDept && text[m.Parts[i-1].Start:m.Parts[i-1].End] == "委" {
				prefix = strings.TrimSuffix(prefix, "员会")
				name = prefix + d.Name
			}
			b.WriteString(name)
			switch {
			case hasPlace:
				rule = MethodDeptPlace
			case homeUsed:
				rule = MethodDeptHome
			case hasLevel:
				rule = MethodDeptLevel
			case rule == "":
				rule = MethodDept
			}
		case PartName, PartSuffix:
			if p.Kind == PartSuffix && i > 0 && m.Parts[i-1].Kind == PartList &&
				f.g.Orgs[m.Parts[i-1].Index].Kind == gazetteers.Enterprise && f.g.Suffixes[p.Index].Class == "company" {
				// 华为公司: the enterprise's registered name says it all.
				continue
			}
			b.WriteString(surface)
			if p.Kind == PartName && i == len(m.Parts)-1 {
				rule = MethodListCountry
			}
			if p.Kind == PartSuffix {
				if hasPlace || rule != "" {
					rule = MethodSuffixPlace
				} else {
					rule = MethodSuffix
				}
			}
		}
	}
	if term {
		rule = MethodTerm
	}
	return b.String(), rule
}

func nextIsDept(parts []Part, i int) bool {
	for j := i + 1; j < len(parts); j++ {
		switch parts[j].Kind {
		case PartDept:
			return true
		case PartPlace, PartLevel, PartCPC:
			continue
		}
		return false
	}
	return false
}

// homeFor returns the article's place that a level word stands for, or -1.
func (f *Finder) homeFor(level string, h place.Home) int32 {
	ends := func(i int32, suffixes ...string) bool {
		if i < 0 {
			return false
		}
		for _, s := range suffixes {
			if strings.HasSuffix(f.g.Places[i].Name, s) {
				return true
			}
		}
		return false
	}
	switch level {
	case "市":
		if h.Prefecture >= 0 && ends(h.Prefecture, "市") {
			return h.Prefecture
		}
		if h.Prefecture < 0 && ends(h.Province, "市") { // 北京市 and the other municipalities
			return h.Province
		}
	case "州":
		if ends(h.Prefecture, "州") {
			return h.Prefecture
		}
	case "区":
		if ends(h.County, "区") {
			return h.County
		}
	case "县":
		if ends(h.County, "县") {
			return h.County
		}
	case "省":
		if ends(h.Province, "省") {
			return h.Province
		}
	}
	return -1
}

// listRules are the methods of listed organisations by kind
// (MethodList + ":" + kind), made once: a string concatenation per
// mention was a sixth of Find's allocations.
var listRules = func() []string {
	var out []string
	for k := gazetteers.OrgKind(0); k <= gazetteers.UserOrg; k++ {
		out = append(out, MethodList+":"+k.String())
	}
	return out
}()

// listRule returns MethodList + ":" + k.
func listRule(k gazetteers.OrgKind) string {
	if int(k) < len(listRules) {
		return listRules[k]
	}
	return MethodList + ":" + k.String()
}
