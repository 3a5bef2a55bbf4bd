// Package gazetteers holds the name lists that the place and organisation
// extractors look names up in, and the matcher that finds every listed name
// in a text in one pass.
//
// The lists are data files embedded with go:embed, each with its source and
// licence in a header comment:
//
//   - data/places.tsv: Chinese provinces, prefectures, counties, statistical
//     zones and townships with NBS codes, short names and parents, generated
//     from the modood (WTFPL/MIT) and xiangyuecn (MIT) division tables by
//     `go generate ./gazetteers/...`;
//   - data/world.tsv: countries, world regions, foreign cities, Chinese
//     regions and natural features;
//   - data/features.tsv: more Chinese natural features (rivers, lakes,
//     mountains, bays, islands, deserts, grasslands) and the national parks;
//   - data/abbreviations.tsv: one-character abbreviations (美, 京);
//   - data/departments.tsv: the standard local government departments with
//     their short forms (住建局 = 住房和城乡建设局);
//   - data/central.tsv, international.tsv, enterprises.tsv,
//     universities.tsv: named organisations with their short forms.
//
// A Gazetteer is built once (New, Default) and is then read-only: it is safe
// for concurrent use.
package gazetteers

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen/gengaz -out data/places.tsv

// The embedded lists, by file name (see eachRow).
//
// NOTE: strings, not an embed.FS: FS.ReadFile copies a file into the heap
// (and eachRow copied it again into a string), 1.7 MB for places.tsv,
// whose fields the places then kept alive; the names now point into the
// binary's read-only data, which the garbage collector does not scan.
var (
	//go:embed data/places.tsv
	placesData string
	//go:embed data/world.tsv
	worldData string
	//go:embed data/features.tsv
	featuresData string
	//go:embed data/abbreviations.tsv
	abbreviationsData string
	//go:embed data/central.tsv
	centralData string
	//go:embed data/international.tsv
	internationalData string
	//go:embed data/enterprises.tsv
	enterprisesData string
	//go:embed data/universities.tsv
	universitiesData string
	//go:embed data/departments.tsv
	departmentsData string
	//go:embed data/zones.tsv
	zonesData string
	//go:embed data/suffixes.tsv
	suffixesData string

	dataFiles = map[string]string{
		"places.tsv":        placesData,
		"world.tsv":         worldData,
		"features.tsv":      featuresData,
		"abbreviations.tsv": abbreviationsData,
		"central.tsv":       centralData,
		"international.tsv": internationalData,
		"enterprises.tsv":   enterprisesData,
		"universities.tsv":  universitiesData,
		"departments.tsv":   departmentsData,
		"zones.tsv":         zonesData,
		"suffixes.tsv":      suffixesData,
	}
)

// Level is the kind of a place.
type Level uint8

// Place levels. The first five are Chinese administrative levels from the
// NBS tables; the others come from world.tsv or a user gazetteer.
const (
	Province   Level = iota + 1 // 省级: 湖南省, 北京市, 香港特别行政区
	Prefecture                  // 地级: 株洲市, 湘西土家族苗族自治州
	County                      // 县级: 石峰区, 攸县, 醴陵市
	Zone                        // development zones: 长春高新技术产业开发区
	Township                    // 乡级: 田心街道, 云田镇
	Country                     // 美国 (Code is the ISO 3166-1 alpha-2 code)
	Region                      // world regions, seas and rivers: 东南亚, 太平洋
	City                        // foreign cities: 东京
	CNRegion                    // Chinese regions: 华北, 长三角
	Feature                     // Chinese rivers, lakes and mountains: 长江
	Landmark                    // 天安门
	UserPlace                   // a place from a user gazetteer
)

var levelNames = [...]string{"", "province", "prefecture", "county", "zone", "township",
	"country", "region", "city", "cnregion", "feature", "landmark", "user"}

// String returns the level's name as used in method values ("province").
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", l)
}

// Chinese reports whether the level is one of the NBS administrative levels.
func (l Level) Chinese() bool { return l >= Province && l <= Township }

// Place is one place of the gazetteer.
type Place struct {
	// Code is the NBS division code (430204), or the ISO 3166-1 alpha-2
	// code for a country, or "".
	Code string
	// Level says what kind of place it is.
	Level Level
	// Name is the canonical full name (株洲市, 美国).
	Name string
	// Aliases are the other names it goes by: short names (株洲) and other
	// full names (美利坚合众国).
	Aliases []string
	// Parent is the index in Gazetteer.Places of the enclosing place, or -1.
	Parent int32
	// Word is set when the name is also an everyday word (东北, 大陆), so
	// that a mention must be checked to stand as a word of its own.
	Word bool
}

// OrgKind says which list an organisation comes from.
type OrgKind uint8

// Organisation kinds.
const (
	Central       OrgKind = iota + 1 // central.tsv: 国务院, 国家统计局, 新华社
	International                    // international.tsv: 联合国, 欧盟, 路透社
	Enterprise                       // enterprises.tsv: 中车株机, 中国石化
	University                       // universities.tsv: 北大
	UserOrg                          // a user gazetteer
)

var orgKindNames = [...]string{"", "central", "international", "enterprise", "university", "user"}

// String returns the kind's name as used in method values ("central").
func (k OrgKind) String() string {
	if int(k) < len(orgKindNames) {
		return orgKindNames[k]
	}
	return fmt.Sprintf("OrgKind(%d)", k)
}

// Org is one named organisation.
type Org struct {
	// Name is the canonical (registered) name.
	Name string
	// Aliases are short forms and other names.
	Aliases []string
	// Kind says which list it comes from.
	Kind OrgKind
	// Class is the list's own finer class (party, ministry, soe, bank …).
	Class string
}

// Department is a standard government department that exists at many
// places: 住房和城乡建设局 (住建局).
type Department struct {
	// Name is the standard full name without place (住房和城乡建设局).
	Name string
	// Aliases are its short forms (住建局).
	Aliases []string
	// Class is gov, party, state, court or mass.
	Class string
	// Template builds the canonical name: {P} is the place in full, {S}
	// the place as written, {N} the name.
	Template string
	// Bare is set when a mention needs no place or level prefix.
	Bare bool
}

// Canonical returns the department's canonical name at place p ("株洲市",
// or the level word "市" when the place is unknown); written is the place
// as the text writes it (深圳 for 深圳海关).
func (d *Department) Canonical(p, written string) string {
	t := d.Template
	if t == "" {
		return p + d.Name
	}
	// NOTE: the placeholders replaced by hand: a strings.NewReplacer per
	// call (one per department mention) built its lookup trie every time:
	// a third of the objects the entity stage allocated (BenchmarkExtract:
	// 380,600 → 259,100 a pass over the corpus) and 1.7 % of its CPU.
	var b strings.Builder
	b.Grow(len(t) + len(p) + len(written) + len(d.Name))
	for {
		k := strings.IndexByte(t, '{')
		if k < 0 {
			break
		}
		if r, ok := d.placeholder(t[k:], p, written); ok {
			b.WriteString(t[:k])
			b.WriteString(r)
			t = t[k+len("{P}"):]
			continue
		}
		b.WriteString(t[:k+1])
		t = t[k+1:]
	}
	b.WriteString(t)
	return b.String()
}

// placeholder returns what the placeholder at the start of t ({P}, {S} or
// {N}) stands for, and whether t starts with one.
func (d *Department) placeholder(t, p, written string) (string, bool) {
	if len(t) < len("{P}") || t[2] != '}' {
		return "", false
	}
	switch t[1] {
	case 'P':
		return p, true
	case 'S':
		return written, true
	case 'N':
		return d.Name, true
	}
	return "", false
}

// Abbrev is a one-character abbreviation (美 → 美国, 京 → 北京市).
type Abbrev struct {
	// Country is the index in Places of the country or region reading, or -1.
	Country int32
	// Province is the index in Places of the Chinese province reading, or -1.
	Province int32
}

// ZoneSuffix is a development-zone suffix (高新区 = 高新技术产业开发区).
type ZoneSuffix struct {
	// Text is the suffix as written (高新区).
	Text string
	// Full is the form used in canonical names (高新技术产业开发区).
	Full string
}

// Suffix is an organisation suffix (公司, 大学, 局).
type Suffix struct {
	// Text is the suffix (有限公司).
	Text string
	// Class groups suffixes: company, finance, school, research, health,
	// media, body, party, team, venue, group.
	Class string
	// Single marks a one-character suffix that is often part of other
	// words (局 in 局长, 部 in 全部).
	Single bool
	// Prefix marks a suffix that needs a place or organisation before it.
	Prefix bool
	// Generic allows any noun as the name before it.
	Generic bool
	// Named marks a suffix that needs a name of its own, not only a place
	// before it (美国公司 is no organisation).
	Named bool
	// Strict marks a suffix whose name, without a place before it, must
	// hold a proper noun (雷神山医院, not 普通医院). One-character suffixes
	// are strict too.
	Strict bool
	// Numbered marks a suffix of a unit that may be named by a number
	// after its place or organisation (北京九十中学, 交警三中队).
	Numbered bool
	// Unit marks the suffix of a unit inside an organisation (司, 处, 科,
	// 系): it needs an organisation before it, with a name of its own
	// between (科学技术部农村科技司, 人民医院宣教科), not only a place.
	Unit bool
	// After marks a suffix that Match does not report: the organisation
	// finder looks for it right after the organisations it has found (a
	// unit's 司, 处, 科, 系).
	After bool
}

// RefKind says what a name refers to.
type RefKind uint8

// Reference kinds.
const (
	RefPlace RefKind = iota + 1
	RefOrg
	RefDept
	RefZone   // a ZoneSuffix
	RefSuffix // an organisation Suffix
)

// Ref is one thing a surface string can refer to.
type Ref struct {
	Kind RefKind
	// Index is the index in Places, Orgs, Depts, Zones or Suffixes.
	Index int32
	// Full is set when the surface is the canonical or another full name,
	// not a short form.
	Full bool
}

// Gazetteer holds every list and a matcher over all their names. It is
// immutable once built.
type Gazetteer struct {
	// Places, Orgs and Depts are the entries, in file order (user entries
	// last).
	Places []Place
	Orgs   []Org
	Depts  []Department
	// Zones and Suffixes are the vocabularies of the zone and organisation
	// suffix rules.
	Zones    []ZoneSuffix
	Suffixes []Suffix
	// Abbrevs maps a one-character abbreviation to its readings.
	Abbrevs map[rune]Abbrev

	trie      trie
	refs      [][]Ref // by surface id
	surface   []string
	byCode    map[string]int32
	nCoded    int // Places[:nCoded] come from places.tsv, sorted by code
	townOnce  sync.Once
	townShort map[string][]int32
}

// Default returns the gazetteer built from the embedded lists only. It is
// built on first use and shared.
var Default = sync.OnceValues(func() (*Gazetteer, error) { return New(nil) })

// New builds a gazetteer from the embedded lists plus the given user
// entries. User entries come first among the references of a name, so they
// win over a built-in reading of the same name.
func New(user []UserEntry) (*Gazetteer, error) {
	g := &Gazetteer{
		Abbrevs: map[rune]Abbrev{},
		byCode:  make(map[string]int32, 4000),
		// NOTE: room for every line of the place lists (comments too):
		// a fixed 46,000 fell short of the 46,120 places, and the last
		// append copied all of them (3.3 MB).
		Places: make([]Place, 0, strings.Count(placesData, "\n")+strings.Count(worldData, "\n")+strings.Count(featuresData, "\n")+len(user)),
	}
	// NOTE: the organisation, department and suffix lists, which no other
	// list refers to, load while the places do (places.tsv is most of the
	// data); an error is reported in the order of the files as before.
	other := make(chan error, 1)
	go func() { other <- g.loadOthers() }()
	err := g.loadPlaceLists()
	if oerr := <-other; err == nil {
		err = oerr
	}
	if err != nil {
		return nil, err
	}
	// NOTE: the default lists give 42,700 surfaces.
	b := newBuilder(45000 + len(user))
	// User entries first: their references are listed first.
	g.addUser(b, user)
	for i := range g.Places {
		p := &g.Places[i]
		if p.Level == UserPlace {
			continue
		}
		b.add(p.Name, Ref{RefPlace, int32(i), true})
		if p.Level == Township {
			// NOTE: township short names (田心, 朝阳) repeat across the
			// country and are everyday words; matching them everywhere
			// would flood the rules with hits. Rules look them up on
			// demand instead (TownshipsNamed).
			continue
		}
		for _, a := range p.Aliases {
			b.add(a, Ref{RefPlace, int32(i), p.Level >= Country})
		}
	}
	for i := range g.Orgs {
		o := &g.Orgs[i]
		if o.Kind == UserOrg {
			continue
		}
		b.add(o.Name, Ref{RefOrg, int32(i), true})
		for _, a := range o.Aliases {
			b.add(a, Ref{RefOrg, int32(i), false})
		}
	}
	for i := range g.Depts {
		d := &g.Depts[i]
		b.add(d.Name, Ref{RefDept, int32(i), true})
		for _, a := range d.Aliases {
			b.add(a, Ref{RefDept, int32(i), false})
		}
	}
	for i := range g.Zones {
		b.add(g.Zones[i].Text, Ref{RefZone, int32(i), true})
	}
	for i := range g.Suffixes {
		// NOTE: a unit's one-character suffix (司, 科) is a frequent
		// character; as a surface it gave a hit at every occurrence (公司,
		// 科技), and the organisation finder looks for it after the
		// organisations it has found instead.
		if g.Suffixes[i].After {
			continue
		}
		b.add(g.Suffixes[i].Text, Ref{RefSuffix, int32(i), true})
	}
	g.surface, g.refs = b.surfaces, b.refs
	g.trie = buildTrie(b.surfaces)
	return g, nil
}

// loadPlaceLists loads the places, the world list and the abbreviations,
// which refer to places.
func (g *Gazetteer) loadPlaceLists() error {
	var aliases aliasArena
	if err := g.loadPlaces(&aliases); err != nil {
		return err
	}
	for _, file := range []string{"world.tsv", "features.tsv"} {
		if err := g.loadWorld(file, &aliases); err != nil {
			return err
		}
	}
	return g.loadAbbrevs()
}

// loadOthers loads the organisations, departments, zone and organisation
// suffixes.
func (g *Gazetteer) loadOthers() error {
	var aliases aliasArena
	for _, f := range []struct {
		file string
		kind OrgKind
	}{
		{"central.tsv", Central},
		{"international.tsv", International},
		{"enterprises.tsv", Enterprise},
		{"universities.tsv", University},
	} {
		if err := g.loadOrgs(f.file, f.kind, &aliases); err != nil {
			return err
		}
	}
	if err := g.loadDepts(&aliases); err != nil {
		return err
	}
	if err := g.loadZones(); err != nil {
		return err
	}
	return g.loadSuffixes()
}

// builder collects surfaces and their references, without duplicates.
//
// NOTE: the surfaces are found by their FNV-1a hashes in an index of
// their own (open addressing), not a map[string]int32, whose allocation
// and inserts were about a sixth of the gazetteer's build (CPU profiles of
// one-document runs); and a surface's first reference is carved from a
// shared array (slab), not allocated on its own (43,000 small objects).
type builder struct {
	index    []int32 // surface id + 1; 0 marks an empty slot. len is a power of two
	hashes   []uint32
	surfaces []string
	refs     [][]Ref
	slab     []Ref
}

// newBuilder returns a builder with room for about n surfaces.
func newBuilder(n int) *builder {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	return &builder{index: make([]int32, size), hashes: make([]uint32, 0, n),
		surfaces: make([]string, 0, n), refs: make([][]Ref, 0, n), slab: make([]Ref, 0, n)}
}

func (b *builder) add(s string, r Ref) {
	if s == "" {
		return
	}
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	mask := len(b.index) - 1
	k := slotOf(h, len(b.index))
	for ; b.index[k] != 0; k = (k + 1) & mask {
		if id := b.index[k] - 1; b.hashes[id] == h && b.surfaces[id] == s {
			for _, old := range b.refs[id] {
				if old.Kind == r.Kind && old.Index == r.Index {
					return
				}
			}
			b.refs[id] = append(b.refs[id], r)
			return
		}
	}
	b.index[k] = int32(len(b.surfaces)) + 1
	b.surfaces = append(b.surfaces, s)
	b.hashes = append(b.hashes, h)
	if len(b.slab) == cap(b.slab) {
		b.slab = make([]Ref, 0, 4096)
	}
	b.slab = append(b.slab, r)
	// NOTE: a capacity of one: a second reference reallocates rather than
	// overwrite the next surface's.
	n := len(b.slab)
	b.refs = append(b.refs, b.slab[n-1:n:n])
	if 2*len(b.surfaces) > len(b.index) {
		b.grow()
	}
}

// slotOf returns the first slot to probe for hash h in an index of size
// slots, from the high bits of the hash's product with a golden-ratio
// constant.
func slotOf(h uint32, size int) int {
	return int(uint64(h*0x9E3779B1) * uint64(size) >> 32)
}

// grow doubles the index.
func (b *builder) grow() {
	b.index = make([]int32, 2*len(b.index))
	mask := len(b.index) - 1
	for id, h := range b.hashes {
		k := slotOf(h, len(b.index))
		for b.index[k] != 0 {
			k = (k + 1) & mask
		}
		b.index[k] = int32(id) + 1
	}
}

// addUser appends user entries to the lists and registers their names. A
// PLACE entry whose canonical name is a known place becomes an alias of it.
func (g *Gazetteer) addUser(b *builder, user []UserEntry) {
	for _, u := range user {
		canon := u.Canonical
		if canon == "" {
			canon = u.Name
		}
		switch u.Type {
		case UserTypePlace:
			if ids := g.placesNamed(canon); len(ids) > 0 {
				for _, id := range ids {
					b.add(u.Name, Ref{RefPlace, id, true})
				}
				continue
			}
			id := int32(len(g.Places))
			g.Places = append(g.Places, Place{Level: UserPlace, Name: canon, Parent: -1})
			b.add(u.Name, Ref{RefPlace, id, true})
		default:
			id := int32(len(g.Orgs))
			g.Orgs = append(g.Orgs, Org{Name: canon, Kind: UserOrg, Class: "user"})
			b.add(u.Name, Ref{RefOrg, id, true})
		}
	}
}

// placesNamed returns the places whose canonical name is s.
func (g *Gazetteer) placesNamed(s string) []int32 {
	var out []int32
	for i := range g.Places {
		if g.Places[i].Name == s {
			out = append(out, int32(i))
		}
	}
	return out
}

// TownshipsNamed returns the townships whose short name is s (田心 →
// 田心街道 in 石峰区, and others elsewhere). The index is built on first use.
func (g *Gazetteer) TownshipsNamed(s string) []int32 {
	g.townOnce.Do(func() {
		g.townShort = make(map[string][]int32, 40000)
		for i := range g.Places[:g.nCoded] {
			if p := &g.Places[i]; p.Level == Township {
				for _, a := range p.Aliases {
					g.townShort[a] = append(g.townShort[a], int32(i))
				}
			}
		}
	})
	return g.townShort[s]
}

// Lookup returns the references of an exact surface string, or nil.
func (g *Gazetteer) Lookup(s string) []Ref {
	if id, ok := g.trie.find(s); ok {
		return g.refs[id]
	}
	return nil
}

// Surfaces returns every name of the gazetteer with its references, for
// building a segmenter dictionary or for inspection. The slices are shared:
// do not modify them.
func (g *Gazetteer) Surfaces() ([]string, [][]Ref) { return g.surface, g.refs }

// PlaceByCode returns the index of the place with the given code, or -1.
func (g *Gazetteer) PlaceByCode(code string) int32 {
	if i, ok := g.byCode[code]; ok {
		return i
	}
	coded := g.Places[:g.nCoded]
	i, ok := slices.BinarySearchFunc(coded, code, func(p Place, c string) int { return strings.Compare(p.Code, c) })
	if ok {
		return int32(i)
	}
	return -1
}

// ParentName returns the names of a place's ancestors, outermost first,
// joined: "湖南省株洲市" for 石峰区, "" for a province or country.
func (g *Gazetteer) ParentName(i int32) string {
	// NOTE: the chain on the stack (a place has few ancestors; more would
	// only move it to the heap), not a slice of its own per resolved place:
	// 2,100 fewer objects a pass of the entity stage's BenchmarkExtract.
	var buf [6]string
	chain := buf[:0]
	for p := g.Places[i].Parent; p >= 0; p = g.Places[p].Parent {
		chain = append(chain, g.Places[p].Name)
	}
	slices.Reverse(chain)
	return strings.Join(chain, "")
}

// Qualified returns a place's name as an organisation prefix, the way
// official names write it: a district (区) with its city (株洲市石峰区,
// 北京市朝阳区), a township with its county as qualified (攸县皇图岭镇),
// any other place alone (攸县, 株洲市, 湖南省).
func (g *Gazetteer) Qualified(i int32) string {
	p := &g.Places[i]
	switch {
	case p.Level == Township && p.Parent >= 0:
		return g.Qualified(p.Parent) + p.Name
	case p.Level == County && p.Parent >= 0 && strings.HasSuffix(p.Name, "区"):
		return g.Places[p.Parent].Name + p.Name
	}
	return p.Name
}

// IsAncestor reports whether place a encloses place b (a != b).
func (g *Gazetteer) IsAncestor(a, b int32) bool {
	for p := g.Places[b].Parent; p >= 0; p = g.Places[p].Parent {
		if p == a {
			return true
		}
	}
	return false
}
