package segment

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/newsfacts/newsfacts"
)

// shortest is gse's shortest-path segmentation (gse.Segmenter.Segment, not
// in search mode) over the same dictionary, with the same results, but
// with its working memory reused from call to call.
//
// NOTE: gse allocates per call a slice of units, one of path cells, one of
// results, and a token for every character that is no word of its own;
// with the many small windows the organisation finder segments, that was
// a fifth of the entity stage's allocations and a sixth of its time. The
// algorithm below is gse v0.80.3's segmentWords and SplitTextToWords step
// for step (a test compares the two on the corpus): the text is cut into
// units (a character, or a run of Latin letters and digits, lowered), and
// a unit path of least total distance (log of the total frequency over a
// word's) is chosen, a unit that starts no word costing 32.
type shortest struct {
	maxLen int
	// table holds the words, with the distance of each as gse's CalcToken
	// computes it.
	table *wordTable
	// words and prefixes are bit sets of the hashes (fnv32, wordBits) of the
	// dictionary's words and of their prefixes ending at a character.
	//
	// NOTE: a dictionary look-up walks the trie from its root, one array
	// cell per byte, and the path search looks up every run of up to
	// maxLen units from every unit: two thirds of the segmentation's time.
	// The hashes, computed a byte at a time as a run grows, tell with one
	// memory access that a run is no word (skip it) or starts none (stop);
	// only the rest is looked up, so the answers do not change.
	words, prefixes []uint64
	pool            sync.Pool // of *shortScratch
}

// shortScratch is the working memory of one segmentation.
type shortScratch struct {
	buf    []byte  // the text, its Latin runs lowered
	starts []int   // byte offset of each unit, and len(buf) last
	path   []pcell // per unit, the best path ending there
}

// pcell is the best path found to the end of a unit: its distance, its last
// word (a token index, or -1 for a unit that is no word) and that word's
// length in units.
type pcell struct {
	dist float32
	tok  int32
	n    int32
}

// pseudoDistance is the cost of a unit that starts no word (gse's).
const pseudoDistance = 32

// newShortest prepares the segmentation over a dictionary whose longest
// word has maxLen units, whose words' filter is words and whose table is
// table (which holds the token costs, computed as gse's CalcToken does:
// Build does not run it).
//
// prefixes is the bit set of the hashes of the words' prefixes that
// addPrefixes sets.
func newShortest(maxLen int, prefixes, words []uint64, table *wordTable) *shortest {
	s := &shortest{maxLen: maxLen, table: table,
		words: words, prefixes: prefixes}
	s.pool.New = func() any { return new(shortScratch) }
	return s
}

// addPrefixes sets in prefixes the bits of the hashes of the word w and
// of its prefixes that end at a character.
func addPrefixes(prefixes []uint64, w string) {
	// NOTE: the hash of each prefix continues that of the one before.
	h := uint32(fnvOffset)
	p := 0
	for j := range w {
		if j > 0 {
			for ; p < j; p++ {
				h = (h ^ uint32(w[p])) * fnvPrime
			}
			setBit(prefixes, h&(wordBits-1))
		}
	}
	for ; p < len(w); p++ {
		h = (h ^ uint32(w[p])) * fnvPrime
	}
	setBit(prefixes, h&(wordBits-1))
}

func setBit(set []uint64, h uint32)      { set[h>>6] |= 1 << (h & 63) }
func hasBit(set []uint64, h uint32) bool { return set[h>>6]&(1<<(h&63)) != 0 }

// segmentAt appends the words of text to dst, offsets shifted by base.
func (s *shortest) segmentAt(dst []newsfacts.Token, text string, base int) []newsfacts.Token {
	sc := s.pool.Get().(*shortScratch)
	defer s.pool.Put(sc)
	buf := append(sc.buf[:0], text...)
	sc.buf = buf
	starts := units(sc.starts[:0], buf)
	sc.starts = starts
	n := len(starts) - 1

	if cap(sc.path) < n {
		sc.path = make([]pcell, n)
	}
	path := sc.path[:n]
	clear(path)
	for cur := 0; cur < n; cur++ {
		var baseDist float32
		if cur > 0 {
			baseDist = path[cur-1].dist
		}
		found, firstLen := 0, 0
		h := uint32(fnvOffset)
		for k := 1; k <= s.maxLen && cur+k <= n; k++ {
			// NOTE: a unit of three bytes (a CJK character, most units)
			// without the loop: segmentAt's instructions 157 → 139 M a
			// pass of the entity stage's BenchmarkExtract (cachegrind).
			if u := buf[starts[cur+k-1]:starts[cur+k]]; len(u) == 3 {
				h = (h ^ uint32(u[0])) * fnvPrime
				h = (h ^ uint32(u[1])) * fnvPrime
				h = (h ^ uint32(u[2])) * fnvPrime
			} else {
				for _, c := range u {
					h = (h ^ uint32(c)) * fnvPrime
				}
			}
			if hb := h & (wordBits - 1); !hasBit(s.prefixes, hb) {
				break // starts no word
			} else if !hasBit(s.words, hb) {
				continue // no word
			}
			// NOTE: the trie told a run that starts no word (and stopped)
			// from a prefix of a word (and went on); the table tells
			// neither, so the loop goes on until the prefix filter stops
			// it: a longer run than one that starts no word is no word
			// either, so the cuts are the same.
			sl := s.table.findBytes(buf[starts[cur]:starts[cur+k]], h)
			if sl == nil {
				continue
			}
			if found == 0 {
				firstLen = k
			}
			found++
			relax(&path[cur+k-1], baseDist+sl.dist, sl.tok-1, int32(k))
		}
		if found == 0 || firstLen > 1 {
			relax(&path[cur], baseDist+pseudoDistance, -1, 1)
		}
	}

	m := 0
	for i := n - 1; i >= 0; i -= int(path[i].n) {
		m++
	}
	at := len(dst)
	dst = append(dst, make([]newsfacts.Token, m)...)
	for i, j := n-1, at+m-1; i >= 0; i, j = i-int(path[i].n), j-1 {
		c := path[i]
		pos := "x"
		if c.tok >= 0 {
			pos = s.table.entries[c.tok].Pos
		}
		dst[j] = newsfacts.Token{Start: base + starts[i+1-int(c.n)], End: base + starts[i+1], Pos: pos}
	}
	return dst
}

// relax makes c the path through a word of n units with total distance d,
// if that is shorter than c's (gse's updateJumper: an unset cell has
// distance 0).
func relax(c *pcell, d float32, tok, n int32) {
	if c.dist == 0 || c.dist > d {
		c.dist, c.tok, c.n = d, tok, n
	}
}

// units appends to starts the byte offset of each unit of buf, then
// len(buf): every character is a unit, except that a run of letters and
// digits of one or two bytes (Latin, Greek, Cyrillic …) is one unit,
// lowered in buf when gse lowers (gse.ToLower). This is gse's
// SplitTextToWords with AlphaNum, Alpha and Num unset.
func units(starts []int, buf []byte) []int {
	cur, runStart := 0, 0
	inRun := true
	for cur < len(buf) {
		// NOTE: a valid three-byte sequence (a CJK character, most units)
		// is a unit of its own, whatever its rune: utf8.DecodeRune decoded
		// each on its slow path (23 M instructions a pass of the entity
		// stage's BenchmarkExtract, cachegrind).
		size, alnum := 3, false
		if b := buf[cur]; b < 0xE1 || b > 0xEF || b == 0xED || cur+2 >= len(buf) || buf[cur+1]&0xC0 != 0x80 || buf[cur+2]&0xC0 != 0x80 {
			var r rune
			r, size = utf8.DecodeRune(buf[cur:])
			alnum = size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r))
		}
		if alnum {
			if !inRun {
				runStart, inRun = cur, true
			}
		} else {
			if inRun {
				inRun = false
				// NOTE: gse drops nothing here: at cur == 0 the run is
				// empty.
				if cur != 0 {
					starts = append(starts, runStart)
					lower(buf[runStart:cur])
				}
			}
			starts = append(starts, cur)
		}
		cur += size
	}
	if inRun && cur != 0 {
		starts = append(starts, runStart)
		lower(buf[runStart:cur])
	}
	return append(starts, len(buf))
}

// lower lowers the ASCII capitals of b in place, as gse does to runs of
// letters when gse.ToLower is set.
func lower(b []byte) {
	if !gse.ToLower {
		return
	}
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
	}
}
