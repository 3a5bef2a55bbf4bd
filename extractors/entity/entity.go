// Package entity is the newsfacts extractor of organisations and places:
// it provides the entities layer (extractors.Entities).
//
// It composes the place finder (extractors/place) and the organisation
// finder (extractors/org) over one gazetteer scan of the text, resolves
// places against the article's other places, resolves level words (市 in
// 市住建局) against the article's own place, and settles overlaps with one
// policy (Settle): longest first, then leftmost; an organisation that
// contains a place keeps both rows.
//
// The gazetteers and the segmenter are loaded once by New and shared
// read-only, so Extract is safe for concurrent use on different documents.
package entity

import (
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/gazseg"
	"github.com/newsfacts/newsfacts/extractors/org"
	"github.com/newsfacts/newsfacts/extractors/place"
	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// Options configure New.
type Options struct {
	// UserGazetteer is the path of a user gazetteer file (the CLI's
	// --gazetteer FILE), or "". See gazetteers.ParseUser for the format.
	UserGazetteer string
	// UserEntries are more user gazetteer entries, for library callers.
	UserEntries []gazetteers.UserEntry
}

// Extractor finds organisations and places. It implements
// extractors.Extractor.
type Extractor struct {
	g      *gazetteers.Gazetteer
	seg    *segment.GSE
	places *place.Finder
	orgs   *org.Finder
	// marks are the characters whose offsets the gazetteer match lists:
	// the place and organisation finders' Marks and the scope words' first
	// characters.
	marks   gazetteers.RuneSet
	hits    sync.Pool // of *[]gazetteers.Hit
	scratch sync.Pool // of *scratch
}

var _ extractors.Extractor = (*Extractor)(nil)

// New loads the gazetteers (with the user's entries) and the segmenter.
// The two loads run concurrently.
func New(opts Options) (*Extractor, error) {
	user := opts.UserEntries
	if opts.UserGazetteer != "" {
		u, err := gazetteers.LoadUserFile(opts.UserGazetteer)
		if err != nil {
			return nil, fmt.Errorf("entity: user gazetteer: %w", err)
		}
		user = append(u, user...)
	}
	g, seg, err := gazseg.Load(user)
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	return newExtractor(g, seg), nil
}

func newExtractor(g *gazetteers.Gazetteer, seg *segment.GSE) *Extractor {
	e := &Extractor{g: g, seg: seg}
	// NOTE: a nil *segment.GSE must become nil interfaces, not interfaces
	// holding a nil pointer, so that the finders see "no segmenter".
	var s segment.Segmenter
	var l segment.Lexicon
	if seg != nil {
		s, l = seg, seg
	}
	e.places = place.New(g, l)
	e.orgs = org.New(g, s, l)
	e.marks = *e.places.Marks()
	for i, w := range org.Marks() {
		e.marks[i] |= w
	}
	for _, f := range scopeFirsts {
		r, _ := utf8.DecodeRuneInString(f)
		e.marks.Add(r)
	}
	e.hits.New = func() any { return new([]gazetteers.Hit) }
	e.scratch.New = func() any { return new(scratch) }
	return e
}

// Gazetteer returns the gazetteer the extractor uses.
func (e *Extractor) Gazetteer() *gazetteers.Gazetteer { return e.g }

// Name returns "entity".
func (e *Extractor) Name() string { return "entity" }

// Requires returns no layers: the extractor reads only the text and title.
func (e *Extractor) Requires() []extractors.Layer { return nil }

// Provides returns the entities layer.
func (e *Extractor) Provides() []extractors.Layer { return []extractors.Layer{extractors.Entities} }

// Extract appends the document's organisations and places to
// doc.Entities, sorted by Start then longer first.
func (e *Extractor) Extract(doc *newsfacts.Doc) error {
	// NOTE: the document knows whether its text is valid UTF-8 (the rows
	// of every document need its rune index, which finds that out), and
	// the gazetteer's match decodes valid text faster.
	es := e.entities(doc.Text, doc.Title, doc.ValidText())
	if len(doc.Entities) == 0 {
		// NOTE: the common case; Entities returns them sorted, and a copy
		// into doc.Entities would allocate as much again.
		if len(es) > 0 {
			doc.Entities = es
		}
		return nil
	}
	doc.Entities = append(doc.Entities, es...)
	SortEntities(doc.Entities)
	return nil
}

// Entities returns the organisations and places of text, settled and
// sorted; title (may be "") gives context only.
func (e *Extractor) Entities(text, title string) []newsfacts.Entity {
	return e.entities(text, title, runes.Valid(text))
}

// entities is Entities for a text that is valid UTF-8 if valid is set.
func (e *Extractor) entities(text, title string, valid bool) []newsfacts.Entity {
	buf := e.hits.Get().(*[]gazetteers.Hit)
	defer e.hits.Put(buf)
	sc := e.scratch.Get().(*scratch)
	defer e.scratch.Put(sc)
	// NOTE: the match also lists the characters the place finder's
	// single-character rules look at, which its own pass over the text
	// found (9 % of the stage in profiles): BenchmarkExtract cpu-MB/s
	// +2.3 % (benchstat n=6, p=0.041); and the scope words' first
	// characters (see scopes) and the opening marks the organisation
	// finder's quotation rules start at.
	var hits []gazetteers.Hit
	var marks []int
	if valid {
		hits, marks = e.g.MatchMarkingValid(text, (*buf)[:0], &e.marks, sc.marks[:0])
	} else {
		hits, marks = e.g.MatchMarking(text, (*buf)[:0], &e.marks, sc.marks[:0])
	}
	*buf, sc.marks = hits, marks

	ctx := place.Context{Anchors: e.anchors(title, sc)}
	sc.mentions = e.places.FindMarked(sc.mentions, text, hits, marks)
	ps := e.places.ResolveBuf(sc.places, text, sc.mentions, ctx)
	sc.places = ps
	home := e.places.HomeOf(ps, ctx)
	cands := e.orgs.ResolveAppend(sc.cands[:0], text, e.orgs.FindInMarked(&sc.orgs, text, hits, ps, marks), org.Context{Places: ps, Home: home})
	for i := range ps {
		cands = append(cands, ps[i].Entity)
	}
	cands = e.scopes(text, title, marks, ps, ctx.Anchors, home, cands)
	sc.cands = cands
	return settle(cands, sc)
}

// scratch holds buffers that Entities reuses across calls. NOTE: Entities
// runs once per document, and these buffers were a tenth of its
// allocations.
type scratch struct {
	// marks are the offsets of the characters of the text in the place
	// finder's Marks.
	marks []int
	// mentions are the place mentions; Resolve keeps nothing of them.
	mentions []place.Mention
	// places are the resolved places; the entities copy what they need.
	places []place.Place
	orgs   org.Scratch
	// titleHits, titleMentions and anchors are the title's (see anchors).
	titleHits     []gazetteers.Hit
	titleMentions []place.Mention
	anchors       []int32
	cands         []newsfacts.Entity
	keep          []int
	order         []int
	keys          []uint64
	sorted        []int
	buckets       [][]int
}

// anchors returns the places named in a title that need no context, in
// sc's storage.
func (e *Extractor) anchors(title string, sc *scratch) []int32 {
	if title == "" {
		return nil
	}
	// NOTE: the title's hits, mentions and anchors in sc: matching the
	// title allocated as much as the text, a twentieth of the stage.
	sc.titleHits = e.g.Match(title, sc.titleHits[:0])
	sc.titleMentions = e.places.FindBuf(sc.titleMentions, title, sc.titleHits)
	out := sc.anchors[:0]
	for _, m := range sc.titleMentions {
		if len(m.Cands) == 1 && !m.NeedSupport {
			out = append(out, m.Cands[0])
		}
	}
	sc.anchors = out
	return out
}

// Settle applies the overlap policy to candidate entities and returns the
// survivors sorted by Start, longer first:
//
//   - candidates are taken longest first, then leftmost; at equal spans an
//     organisation comes before a place, then the earlier candidate;
//   - a candidate is kept unless it overlaps one already kept, except that
//     a place lying inside a kept organisation or facility is kept too
//     (石峰区 in 石峰区行政审批局, 杭州 in 杭州植物园: both rows);
//   - an exact duplicate (same span and type) is dropped.
func Settle(cands []newsfacts.Entity) []newsfacts.Entity {
	return settle(cands, &scratch{})
}

// settle is Settle with its working memory taken from sc.
func settle(cands []newsfacts.Entity, sc *scratch) []newsfacts.Entity {
	maxLen, maxEnd := 0, 0
	packable := len(cands) < 1<<keyIndexBits
	for i := range cands {
		c := &cands[i]
		maxLen = max(maxLen, c.Len())
		maxEnd = max(maxEnd, c.End)
		packable = packable && c.Start >= 0 && c.Len() >= 0
	}
	packable = packable && maxLen < 1<<keyLenBits && maxEnd < 1<<keyStartBits
	order := sc.order[:0]
	if packable {
		order = takeOrderPacked(order, cands, sc)
	} else {
		order = takeOrder(order, cands)
	}
	sc.order = order
	// NOTE: kept entities are indexed by the bucket of their Start, so that
	// checking a candidate looks only at the kept entities that can reach
	// it (those starting at most maxLen bytes before it), not at all of
	// them: a long document has tens of thousands of candidates.
	const bucket = 256
	// buckets[b] lists the indexes into keep of the entities whose Start
	// is in bucket b; the lists of sc are reused, emptied.
	nb := maxEnd/bucket + 1
	if len(sc.buckets) < nb {
		sc.buckets = append(sc.buckets, make([][]int, nb-len(sc.buckets))...)
	}
	buckets := sc.buckets[:nb]
	for i := range buckets {
		buckets[i] = buckets[i][:0]
	}
	// keep lists the kept candidates, as indexes into cands, in the order
	// they were taken.
	keep := sc.keep[:0]
	for _, i := range order {
		c := &cands[i]
		ok := true
	check:
		for b := max(c.Start-maxLen, 0) / bucket; b <= c.End/bucket && b < len(buckets); b++ {
			for _, ki := range buckets[b] {
				k := &cands[keep[ki]]
				if !k.Overlaps(c.Span) {
					continue
				}
				if (k.Type == newsfacts.ORG || k.Rule == place.MethodFacility) && c.Type == newsfacts.PLACE && k.Contains(c.Span) && !(k.Start == c.Start && k.End == c.End) {
					continue
				}
				ok = false
				break check
			}
		}
		if ok {
			buckets[c.Start/bucket] = append(buckets[c.Start/bucket], len(keep))
			keep = append(keep, i)
		}
	}
	sc.keep = keep
	// NOTE: SortEntities' order, stable over the order of taking, sorting
	// indexes rather than the entities (a hundred bytes each); the
	// survivors then go straight into a slice of their own size, which the
	// document keeps.
	if packable {
		keep = sortKeptPacked(keep, cands, sc)
	} else {
		slices.SortStableFunc(keep, func(a, b int) int { return compareEntities(&cands[a], &cands[b]) })
	}
	kept := make([]newsfacts.Entity, len(keep))
	for i, k := range keep {
		kept[i] = cands[k]
	}
	return kept
}

// The widths of the fields of the packed sort keys of settle: a
// candidate's index (or position), its type rank, its Start and its
// length. Documents, candidates or spans too large for them take the sort
// with a comparison function.
//
// NOTE: sorting integers that hold every key, with the index last, gives
// the order of the comparison functions (stable, as the index breaks
// ties) in less time: in profiles of BenchmarkExtract, the two sorts
// took 20 ms a pass over the corpus, 40 % of settle; now 11 ms.
const (
	keyIndexBits = 20
	keyRankBits  = 1
	keyStartBits = 27
	keyLenBits   = 64 - keyIndexBits - keyRankBits - keyStartBits
)

// takeOrder appends to order the indexes of cands in the order settle
// takes them: longer first, then leftmost, then organisations before
// places, then the earlier candidate.
func takeOrder(order []int, cands []newsfacts.Entity) []int {
	for i := range cands {
		order = append(order, i)
	}
	// NOTE: an unstable sort with the index as the last key, the order a
	// stable sort gives, in less time.
	slices.SortFunc(order, func(a, b int) int {
		x, y := &cands[a], &cands[b]
		if d := y.Len() - x.Len(); d != 0 {
			return d
		}
		if d := x.Start - y.Start; d != 0 {
			return d
		}
		if d := typeRank(x.Type) - typeRank(y.Type); d != 0 {
			return d
		}
		return a - b
	})
	return order
}

// takeOrderPacked is takeOrder for candidates whose fields fit the packed
// keys.
func takeOrderPacked(order []int, cands []newsfacts.Entity, sc *scratch) []int {
	keys := sc.keys[:0]
	for i := range cands {
		c := &cands[i]
		inv := uint64(1<<keyLenBits - 1 - c.Len())
		keys = append(keys, inv<<(64-keyLenBits)|uint64(c.Start)<<(keyIndexBits+keyRankBits)|uint64(typeRank(c.Type))<<keyIndexBits|uint64(i))
	}
	sc.keys = keys
	slices.Sort(keys)
	for _, k := range keys {
		order = append(order, int(k&(1<<keyIndexBits-1)))
	}
	return order
}

// sortKeptPacked sorts keep, indexes into cands in the order of taking, as
// compareEntities orders their entities, stably, for candidates whose
// fields fit the packed keys.
func sortKeptPacked(keep []int, cands []newsfacts.Entity, sc *scratch) []int {
	keys := sc.keys[:0]
	for pos, i := range keep {
		c := &cands[i]
		inv := uint64(1<<keyLenBits - 1 - c.Len())
		keys = append(keys, uint64(c.Start)<<(64-keyStartBits)|inv<<(keyIndexBits+keyRankBits)|uint64(typeRank(c.Type))<<keyIndexBits|uint64(pos))
	}
	sc.keys = keys
	slices.Sort(keys)
	sorted := sc.sorted[:0]
	for _, k := range keys {
		sorted = append(sorted, keep[k&(1<<keyIndexBits-1)])
	}
	sc.sorted = sorted
	return sorted
}

func typeRank(t newsfacts.EntityType) int {
	if t == newsfacts.ORG {
		return 0
	}
	return 1
}

// SortEntities sorts entities by Start, then longer first, then
// organisations before places.
func SortEntities(es []newsfacts.Entity) {
	slices.SortStableFunc(es, func(x, y newsfacts.Entity) int { return compareEntities(&x, &y) })
}

// compareEntities orders entities as SortEntities does.
func compareEntities(x, y *newsfacts.Entity) int {
	if d := x.Start - y.Start; d != 0 {
		return d
	}
	if d := y.End - x.End; d != 0 {
		return d
	}
	return typeRank(x.Type) - typeRank(y.Type)
}
