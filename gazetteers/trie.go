package gazetteers

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/runes"
)

// Hit is one occurrence of a gazetteer name in a text.
type Hit struct {
	// Start and End are byte offsets into the text, half-open.
	Start, End int
	// ID identifies the surface string; Refs(ID) lists what it refers to.
	ID int32
}

// Refs returns the references of the surface with the given ID.
func (g *Gazetteer) Refs(id int32) []Ref { return g.refs[id] }

// Surface returns the surface string with the given ID.
func (g *Gazetteer) Surface(id int32) string { return g.surface[id] }

// Match appends to dst every occurrence of every gazetteer name in text,
// overlapping ones included, ordered by Start and then by End. A name that
// begins or ends with an ASCII letter or digit matches only where it is not
// glued to another one (IBM in IBMX does not match).
func (g *Gazetteer) Match(text string, dst []Hit) []Hit {
	hits, _ := g.trie.scan(text, false, dst, &noRunes, nil)
	return hits
}

// RuneSet is a set of runes of the Basic Multilingual Plane, as a bit set.
type RuneSet [0x10000 / 64]uint64

// Add adds r to the set; a rune outside the Basic Multilingual Plane is
// not added.
func (s *RuneSet) Add(r rune) {
	if r >= 0 && r < 0x10000 {
		s[r>>6] |= 1 << (r & 63)
	}
}

// RuneSetOf returns the set of the characters of s (those of the Basic
// Multilingual Plane).
//
// NOTE: for the finders' tests of one character against a constant list
// (strings.ContainsRune encodes the rune and searches the list's bytes on
// every call, about 90 instructions for a Chinese character).
func RuneSetOf(s string) *RuneSet {
	var set RuneSet
	for _, r := range s {
		set.Add(r)
	}
	return &set
}

// Has reports whether r is in the set.
func (s *RuneSet) Has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0
}

// MatchMarking is Match that also appends to marks the byte offset of every
// character of text that is in set, in text order, and returns both.
//
// NOTE: for a caller that needs both (the place finder lists the
// characters its single-character rules look at): the match decodes every
// character anyway, and a pass of the caller's own over the text was 9 %
// of the entity stage in profiles of its BenchmarkExtract (see
// extractors/place.Finder.Marks); the set test here costs about 1 %.
func (g *Gazetteer) MatchMarking(text string, dst []Hit, set *RuneSet, marks []int) ([]Hit, []int) {
	return g.trie.scan(text, false, dst, orNoRunes(set), marks)
}

// MatchMarkingValid is MatchMarking for text that is valid UTF-8, as
// newsfacts.Doc.ValidText reports it; on other text it may miss hits or
// panic.
//
// NOTE: in valid UTF-8 a lead byte 1110xxxx starts a three-byte rune,
// so the scan decodes the characters of CJK text without At3's checks of
// the continuation bytes, the overlong forms and the surrogates; the
// pipeline validates every text anyway (newsfacts.Doc.RuneOffset). The
// scan's instructions 1,073 → 925 M a pass of the entity stage's
// BenchmarkExtract (cachegrind, GOGC=off).
func (g *Gazetteer) MatchMarkingValid(text string, dst []Hit, set *RuneSet, marks []int) ([]Hit, []int) {
	return g.trie.scan(text, true, dst, orNoRunes(set), marks)
}

// noRunes is the empty RuneSet, which the scan tests where its caller has
// no set.
//
// NOTE: the scan's loop tests a set at every character; an empty one in
// place of nil spares it the test for nil. With valid3 in scanFrom2 and
// scanFrom too, the entity stage's BenchmarkExtract fell 3.682 → 3.651 G
// instructions a pass (cachegrind, GOGC=off).
var noRunes RuneSet

// orNoRunes returns set, or &noRunes for nil.
func orNoRunes(set *RuneSet) *RuneSet {
	if set == nil {
		return &noRunes
	}
	return set
}

// trie is a rune trie over the surfaces. The root's children are found in a
// direct table; every other node keeps its edges sorted by rune in shared
// flat arrays, searched by bisection.
//
// NOTE: the matcher visits every rune of every article, so it is laid out
// for speed rather than for size: with about 90,000 names the first rune of
// almost every Chinese character starts some name (a township, a county),
// and the direct root table saves a search per character.
//
// NOTE: the nodes at depth two, where most walks end, are also found in a
// hash table keyed by their two runes (pairs): one probe, where a
// bisection of the root child's edges (hundreds for 中, 国, 湖) touches a
// cache line per step.
//
// NOTE: whether a root child is itself a surface is also kept in a bit set
// by rune (rootValue): the value read from the node, which lies anywhere
// in the node array, was a cache miss per character, and only 9 of the
// 2,579 first characters of the default gazetteer are surfaces alone. In
// profiles of the entity stage's BenchmarkExtract, the read cost 21 ms a
// pass over the corpus; the bit test costs 6 ms.
type trie struct {
	root     []int32 // BMP rune → node+1; 0 means none
	filters  *trieFilters
	rootX    map[rune]int32
	nodes    []tnode
	edgeRune []rune
	edgeNode []int32
	pairs    []pairSlot // open addressing, linear probing; len is a power of two
}

// trieFilters are the bit sets the scan tests at every character.
//
// NOTE: arrays of a fixed size behind one pointer, not slices: the scan's
// loop holds one register for the three of them and tests bits without
// bounds checks. Its loop spilled most of its variables to the stack.
type trieFilters struct {
	// rootValue is the bit set of the BMP runes whose root child has a
	// value.
	rootValue [0x10000 / 64]uint64
	// bigrams and trigrams are the bit sets of the hashed first two and
	// three runes of the surfaces.
	bigrams, trigrams [bigramBits / 64]uint64
}

// pairSlot is a slot of the depth-two table: the two runes and the
// number of the node's edges in key (pairKey | n; 0 marks an empty slot),
// and the rest of the node they lead to.
//
// NOTE: with the node in the slot, the walk reads the depth-two node's
// value and edges from the slot it has just probed instead of from the node
// array, where the read was a cache miss for most walks. With the root
// read below, the match fell from 28 % to 22 % of the entity stage in
// profiles of BenchmarkExtract, whose time per pass fell 4.7 % (benchstat,
// 8 runs each).
//
// NOTE: 16 bytes, not 24 (a uint64 key, the node, and its index, which
// nothing read but the test for an empty slot): the table of the default
// gazetteer, 65,536 slots for 25,539 pairs, falls from 1.5 to 1 MB, and a
// slot no longer straddles two cache lines. In the pipeline, where the
// other stages evict the table, the probe was a quarter of the scan's
// samples in perf profiles. In a cachegrind run of the pipeline on the
// first 3,000 articles (last-level cache of 1 MB), the scan's last-level
// misses fell 711,000 → 578,000 and its instructions 111 → 105 M; the
// package benchmark, whose tables stay in cache, did not gain.
type pairSlot struct {
	key          uint64
	edges, value int32
}

// pairNBits is the number of the low bits of a pairSlot's key that hold the
// node's number of edges: a node has at most one edge per rune, fewer
// than 1<<21.
const pairNBits = 22

// pairKey is the key of the two runes r1 r2, without the number of edges:
// r1+1 (so that no key is 0) and r2, 21 bits each, above pairNBits.
func pairKey(r1, r2 rune) uint64 {
	return uint64(uint32(r1)+1)<<(pairNBits+21) | uint64(uint32(r2))<<pairNBits
}

// node returns the slot's node.
func (sl *pairSlot) node() tnode {
	return tnode{edges: sl.edges, n: int32(sl.key & (1<<pairNBits - 1)), value: sl.value}
}

func (t *trie) pairSlotOf(key uint64) int {
	return int(((key>>pairNBits)*0x9E3779B97F4A7C15)>>40) & (len(t.pairs) - 1)
}

// pair returns the slot of the surface prefix r1 r2, or nil.
func (t *trie) pair(r1, r2 rune) *pairSlot {
	key := pairKey(r1, r2)
	for i := t.pairSlotOf(key); ; i = (i + 1) & (len(t.pairs) - 1) {
		sl := &t.pairs[i]
		if sl.key == 0 {
			return nil
		}
		if sl.key&^(1<<pairNBits-1) == key {
			return sl
		}
	}
}

type tnode struct {
	edges, n int32 // edge range in edgeRune/edgeNode
	value    int32 // surface id + 1; 0 means the path is no surface
}

// sortedIDs returns ids sorted by their surfaces (which are distinct, so
// the order is the one order there is).
//
// NOTE: a counting sort by the first character puts the ids in buckets,
// each of which is then sorted (most hold a few dozen surfaces), by the
// first eight bytes of the surfaces as a number and, where those are the
// same, by the surfaces: the comparison sort of all of them, by the
// strings, was a quarter of the gazetteer's build (CPU profile of
// BenchmarkNew), on the critical path of the start-up: about 6.3 → 2.2 ms
// of CPU (merged CPU profiles of 60 one-document runs). For valid UTF-8
// the order of the first characters is the byte order of their
// encodings, which no encoding prefixes; a surface whose first character
// is not valid UTF-8 makes the whole list sorted by comparison. The two
// halves of the buckets are sorted at the same time.
func sortedIDs(surfaces []string, ids []int32) []int32 {
	// bucket is the first character's bucket: the rune for the Basic
	// Multilingual Plane, one bucket after them for the others.
	const nb = 0x10000 + 1
	bucket := make([]uint32, len(ids))
	count := make([]int32, nb+1)
	for k, id := range ids {
		r, n := utf8.DecodeRuneInString(surfaces[id])
		if r == utf8.RuneError && n <= 1 {
			out := slices.Clone(ids)
			slices.SortFunc(out, func(a, b int32) int { return strings.Compare(surfaces[a], surfaces[b]) })
			return out
		}
		b := uint32(min(r, 0x10000))
		bucket[k] = b
		count[b+1]++
	}
	for b := 1; b <= nb; b++ {
		count[b] += count[b-1]
	}
	type item struct {
		key uint64 // the first eight bytes, big-endian, zero-padded
		id  int32
	}
	items := make([]item, len(ids))
	fill := slices.Clone(count[:nb])
	for k, id := range ids {
		b := bucket[k]
		items[fill[b]] = item{prefixKey(surfaces[id]), id}
		fill[b]++
	}
	cmp := func(a, b item) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		return strings.Compare(surfaces[a.id], surfaces[b.id])
	}
	// sortBuckets sorts the buckets that start in items[lo:hi].
	sortBuckets := func(lo, hi int32) {
		for b := 0; b < nb; b++ {
			if s, e := count[b], count[b+1]; s >= lo && s < hi && e-s > 1 {
				slices.SortFunc(items[s:e], cmp)
			}
		}
	}
	half := int32(len(items) / 2)
	done := make(chan struct{})
	go func() {
		sortBuckets(half, int32(len(items)))
		close(done)
	}()
	sortBuckets(0, half)
	<-done
	out := make([]int32, len(items))
	for k := range items {
		out[k] = items[k].id
	}
	return out
}

// prefixKey returns the first eight bytes of s as a big-endian number,
// zero-padded: s < t implies prefixKey(s) <= prefixKey(t).
func prefixKey(s string) uint64 {
	var k uint64
	for i := 0; i < 8; i++ {
		k <<= 8
		if i < len(s) {
			k |= uint64(s[i])
		}
	}
	return k
}

// buildTrie builds the trie over surfaces; surface i gets value i.
func buildTrie(surfaces []string) trie {
	order := make([]int32, len(surfaces))
	total := 0
	for i, s := range surfaces {
		order[i] = int32(i)
		total += len(s)
	}
	// Byte order of UTF-8 is code point order, so children come out sorted.
	order = sortedIDs(surfaces, order)

	// Insert in sorted order, keeping the current path: a new surface
	// shares a prefix with the previous one only. Nodes are created in
	// depth-first order, each with its parent and incoming rune.
	nodes := make([]tnode, 1, total/2+1) // node 0 is the root
	parent := make([]int32, 1, cap(nodes))
	label := make([]rune, 1, cap(nodes))
	var path []int32 // path[d] is the node at depth d+1 of the previous surface
	var prev []rune
	var cur []rune
	for _, id := range order {
		cur = cur[:0]
		for _, r := range surfaces[id] {
			cur = append(cur, r)
		}
		common := 0
		for common < len(cur) && common < len(prev) && cur[common] == prev[common] {
			common++
		}
		path = path[:common]
		at := int32(0)
		if common > 0 {
			at = path[common-1]
		}
		for _, r := range cur[common:] {
			next := int32(len(nodes))
			nodes = append(nodes, tnode{})
			parent = append(parent, at)
			label = append(label, r)
			path = append(path, next)
			at = next
		}
		nodes[at].value = id + 1
		prev = append(prev[:0], cur...)
	}
	// Group edges by parent with a counting sort; creation order keeps each
	// node's children sorted by rune.
	count := make([]int32, len(nodes)+1)
	for i := 1; i < len(nodes); i++ {
		count[parent[i]+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	t := trie{root: make([]int32, 0x10000), rootX: map[rune]int32{}}
	t.edgeRune = make([]rune, len(nodes)-1)
	t.edgeNode = make([]int32, len(nodes)-1)
	for i := range nodes {
		nodes[i].edges = count[i]
		nodes[i].n = count[i+1] - count[i]
	}
	fill := count[:len(nodes)]
	for i := 1; i < len(nodes); i++ {
		p := parent[i]
		k := fill[p]
		fill[p]++
		t.edgeRune[k] = label[i]
		t.edgeNode[k] = int32(i)
		if p == 0 {
			if label[i] < 0x10000 {
				t.root[label[i]] = int32(i) + 1
			} else {
				t.rootX[label[i]] = int32(i) + 1
			}
		}
	}
	t.nodes = nodes
	t.filters = new(trieFilters)
	f := t.filters
	for r, n := range t.root {
		if n != 0 && nodes[n-1].value != 0 {
			f.rootValue[r>>6] |= 1 << (r & 63)
		}
	}
	// The depth-two nodes, at most half full.
	n2 := 0
	for i := 1; i < len(nodes); i++ {
		if p := parent[i]; p != 0 && parent[p] == 0 {
			n2++
		}
	}
	size := 1
	for size < 2*n2+2 {
		size <<= 1
	}
	t.pairs = make([]pairSlot, size)
	for i := 1; i < len(nodes); i++ {
		p := parent[i]
		if p == 0 || parent[p] != 0 {
			continue
		}
		key := pairKey(label[p], label[i])
		k := t.pairSlotOf(key)
		for t.pairs[k].key != 0 {
			k = (k + 1) & (size - 1)
		}
		nd := nodes[i]
		t.pairs[k] = pairSlot{key: key | uint64(nd.n), edges: nd.edges, value: nd.value}
	}
	for _, s := range surfaces {
		r1, n1 := utf8.DecodeRuneInString(s)
		if n1 < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[n1:])
			b := bigramHash(r1, r2)
			f.bigrams[b>>6] |= 1 << (b & 63)
			if n1+n2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[n1+n2:])
				b := trigramHash(r1, r2, r3)
				f.trigrams[b>>6] |= 1 << (b & 63)
			}
		}
	}
	return t
}

// bigramBits is the size of the bigram filter. NOTE: the filter lets the
// scan reject most positions after one bit test, without touching the node
// arrays; at about 100,000 bigrams, 2^20 bits keep false passes under 10%.
const bigramBits = 1 << 20

func bigramHash(r1, r2 rune) uint32 {
	return (uint32(r1)*0x9E3779B1 ^ uint32(r2)*0x85EBCA77) >> (32 - 20)
}

func (f *trieFilters) hasBigram(r1, r2 rune) bool {
	b := bigramHash(r1, r2)
	return f.bigrams[b>>6]&(1<<(b&63)) != 0
}

// trigramHash hashes the first three runes of a surface for the trigram
// filter, which has bigramBits bits too.
//
// NOTE: of the walks that reach a node at depth two with children (1.2
// million a pass over the xwlb corpus), five in six find no child on the
// next rune; the filter rejects most of them with one bit test, where the
// bisection of the node's edges touched two or three cache lines: 221,000
// get through. BenchmarkMatchCorpus: 13.7 → 12.5 ms (−9 %, benchstat, 6
// runs each); in the entity stage, below its noise (about 2 %).
func trigramHash(r1, r2, r3 rune) uint32 {
	return (uint32(r1)*0x9E3779B1 ^ uint32(r2)*0x85EBCA77 ^ uint32(r3)*0xC2B2AE3D) >> (32 - 20)
}

func (f *trieFilters) hasTrigram(r1, r2, r3 rune) bool {
	b := trigramHash(r1, r2, r3)
	return f.trigrams[b>>6]&(1<<(b&63)) != 0
}

// child returns the child of node n on rune r, or -1.
func (t *trie) child(n int32, r rune) int32 {
	return t.childOf(&t.nodes[n], r)
}

// childOf returns the child of node nd on rune r, or -1.
func (t *trie) childOf(nd *tnode, r rune) int32 {
	lo, hi := nd.edges, nd.edges+nd.n
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		if t.edgeRune[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < nd.edges+nd.n && t.edgeRune[lo] == r {
		return t.edgeNode[lo]
	}
	return -1
}

func (t *trie) rootChild(r rune) int32 {
	if r < 0x10000 {
		return t.root[r] - 1
	}
	if n, ok := t.rootX[r]; ok {
		return n - 1
	}
	return -1
}

// find returns the surface id of exactly s.
func (t *trie) find(s string) (int32, bool) {
	n := int32(0)
	first := true
	for _, r := range s {
		if first {
			n, first = t.rootChild(r), false
		} else {
			n = t.child(n, r)
		}
		if n < 0 {
			return 0, false
		}
	}
	if first || t.nodes[n].value == 0 {
		return 0, false
	}
	return t.nodes[n].value - 1, true
}

func isASCIIAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// at decodes the rune at text[i] and returns it with its size, like
// runes.At.
func at(text string, i int) (rune, int) {
	if r := runes.At3(text, i); r >= 0 {
		return r, 3
	}
	return runes.At(text, i)
}

// scan appends the hits of text to dst and the offsets of the characters
// in set to marks.
//
// When valid is set, text must be valid UTF-8.
func (t *trie) scan(text string, valid bool, dst []Hit, set *RuneSet, marks []int) ([]Hit, []int) {
	f := t.filters
	// NOTE: the outputs in a struct in memory, which the loop reads only
	// to append, rather than two slices held in registers.
	out := scanOut{hits: dst, marks: marks}
	// r is the rune at i and j its end; the round decodes the next one,
	// r2 up to j2, which the next round takes over.
	var r rune
	j := 0
	if len(text) > 0 {
		r, j = at(text, 0)
	}
	for i := 0; i < len(text); {
		var r2 rune
		j2 := j
		if j < len(text) {
			// NOTE: runes.At3 inlines here; at does not.
			// NOTE: an ASCII byte is its own rune, without At3's test
			// and At's call: the scan's instructions 913 → 863 M a pass
			// of the entity stage's BenchmarkExtract (cachegrind).
			if b := text[j]; valid && b&0xF0 == 0xE0 {
				r2, j2 = valid3(text, j), j+3
			} else if b < utf8.RuneSelf {
				r2, j2 = rune(b), j+1
			} else if r2 = runes.At3(text, j); r2 >= 0 {
				j2 = j + 3
			} else {
				var s2 int
				r2, s2 = runes.At(text, j)
				j2 = j + s2
			}
		}
		// NOTE: the word and bit of a BMP rune in the bit sets are
		// computed once for the two sets, not in two tests each with its
		// own range test and shifts: the scan's instructions 4.52 -> 4.29 G
		// (cachegrind, entity BenchmarkExtract -benchtime 4x).
		u := uint32(r)
		rootValue := u >= 0x10000
		if !rootValue {
			w, bit := u>>6, uint64(1)<<(u&63)
			if set[w]&bit != 0 {
				out.marks = append(out.marks, i)
			}
			// NOTE: r is text[i] when that is ASCII, and at least
			// utf8.RuneSelf otherwise.
			if u < utf8.RuneSelf && isASCIIAlnum(byte(u)) && i > 0 && isASCIIAlnum(text[i-1]) {
				i, r, j = j, r2, j2
				continue
			}
			rootValue = f.rootValue[w]&bit != 0
		}
		// NOTE: the root child itself is read only when it is a surface;
		// a name of two runes or more is found through the pairs, which
		// hold only prefixes whose first rune has a root child. Reading
		// root[r] for every character cost 70 ms of 1,010 in a profile of
		// the entity stage's BenchmarkExtract (about 3 % of a pass).
		if rootValue {
			if n := t.rootChild(r); n >= 0 {
				if v := t.nodes[n].value; v != 0 && !gluedEnd(text, j) {
					out.hits = append(out.hits, Hit{Start: i, End: j, ID: v - 1})
				}
			}
		}
		if j2 > j && f.hasBigram(r, r2) {
			if sl := t.pair(r, r2); sl != nil {
				nd := sl.node()
				out.hits = t.scanFrom2(text, valid, out.hits, i, j2, &nd, r, r2)
			}
		}
		i, r, j = j, r2, j2
	}
	return out.hits, out.marks
}

// scanOut holds the outputs of scan.
type scanOut struct {
	hits  []Hit
	marks []int
}

// gluedEnd reports whether a name ending at text[:j] with an ASCII letter
// or digit runs into another one.
func gluedEnd(text string, j int) bool {
	last := text[j-1]
	return last < utf8.RuneSelf && isASCIIAlnum(last) && j < len(text) && isASCIIAlnum(text[j])
}

// scanFrom2 is scanFrom for the node nd at depth two, of the runes r1 r2:
// it looks for a child only where the trigram filter lets the next rune
// through. When valid is set, text must be valid UTF-8.
func (t *trie) scanFrom2(text string, valid bool, dst []Hit, i, j int, nd *tnode, r1, r2 rune) []Hit {
	if v := nd.value; v != 0 && !gluedEnd(text, j) {
		dst = append(dst, Hit{Start: i, End: j, ID: v - 1})
	}
	if j >= len(text) || nd.n == 0 {
		return dst
	}
	// NOTE: runes.At3 inlines here; at does not.
	var r rune
	size := 3
	if valid && text[j]&0xF0 == 0xE0 {
		r = valid3(text, j)
	} else if r = runes.At3(text, j); r < 0 {
		r, size = runes.At(text, j)
	}
	if !t.filters.hasTrigram(r1, r2, r) {
		return dst
	}
	n := t.childOf(nd, r)
	if n < 0 {
		return dst
	}
	return t.scanFrom(text, valid, dst, i, j+size, &t.nodes[n])
}

// valid3 returns the rune of the three-byte sequence at text[j], whose
// lead byte is 1110xxxx, in text that is valid UTF-8.
func valid3(text string, j int) rune {
	c := text[j : j+3]
	return rune(c[0]&0x0F)<<12 | rune(c[1]&0x3F)<<6 | rune(c[2]&0x3F)
}

// scanFrom appends the hits that start at i and end at or after j, where
// nd is the trie node of text[i:j].
//
// When valid is set, text must be valid UTF-8.
func (t *trie) scanFrom(text string, valid bool, dst []Hit, i, j int, nd *tnode) []Hit {
	for {
		if v := nd.value; v != 0 && !gluedEnd(text, j) {
			dst = append(dst, Hit{Start: i, End: j, ID: v - 1})
		}
		if j >= len(text) || nd.n == 0 {
			return dst
		}
		var r rune
		size := 3
		if valid && text[j]&0xF0 == 0xE0 {
			r = valid3(text, j)
		} else if r = runes.At3(text, j); r < 0 {
			r, size = runes.At(text, j)
		}
		n := t.childOf(nd, r)
		if n < 0 {
			return dst
		}
		nd = &t.nodes[n]
		j += size
	}
}
