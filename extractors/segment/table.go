package segment

import "math"

// wordTable finds the dictionary's words by their FNV-1a hash, in an
// open-addressing table whose slots hold what Lookup and the path search
// read: the token index, the word's distance and where its text is.
//
// NOTE: it replaces gse's double-array trie for exact look-ups: the trie
// follows one array cell per byte of a word (six dependent reads for two
// characters, most of them cache misses), where the table reads one slot
// and the word's text. In profiles of the entity stage's BenchmarkExtract
// the trie's Find and Value were 8 % of a pass. Every word the trie holds
// is one of Dict.Tokens, spelt as Token.Text (Dictionary.AddToken inserts
// both and skips a word it has), so the table answers as the trie does;
// TestWordTableSameAsTrie checks that on every word and on corpus text.
type wordTable struct {
	slots []wordSlot // len is a power of two
	shift uint32     // 32 − log2(len(slots))
	// text holds the words one after another; a slot's word is
	// text[off:off+n].
	text string
	// entries are the tokens' entries, by token index.
	entries []Entry
}

// wordSlot is a slot of wordTable.
type wordSlot struct {
	hash uint32 // fnv32 of the word
	tok  int32  // the token index plus one; 0 marks an empty slot
	off  uint32
	n    uint32
	// dist is the token's distance in the path search (gse's CalcToken
	// value): the log of the total frequency over the word's.
	dist float32
}

// newWordTable returns an empty table of size slots, a power of two.
func newWordTable(size int) *wordTable {
	t := &wordTable{slots: make([]wordSlot, size), shift: 32}
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	return t
}

// grown returns a table of twice the size with t's slots.
func (t *wordTable) grown() *wordTable {
	u := newWordTable(2 * len(t.slots))
	for _, sl := range t.slots {
		if sl.tok == 0 {
			continue
		}
		k := u.slotOf(sl.hash)
		for u.slots[k].tok != 0 {
			k = (k + 1) & (len(u.slots) - 1)
		}
		u.slots[k] = sl
	}
	return u
}

// finish completes the table whose slots hold the words' hashes, token
// indexes and places in text: it sets the words' distances, from their
// entries (by token index) and the sum of their frequencies.
func (t *wordTable) finish(text string, entries []Entry, total float64) *wordTable {
	t.text, t.entries = text, entries
	logTotal := float32(math.Log2(total))
	// NOTE: seven in eight of the embedded dictionary's words have a whole
	// frequency under 1,024, whose logarithms are computed once: the
	// 60,000 calls of math.Log2 were about 1 ms of the start-up on one
	// core. The values are math.Log2's all the same.
	var logs [1024]float64
	for i := 1; i < len(logs); i++ {
		logs[i] = math.Log2(float64(i))
	}
	for k := range t.slots {
		if sl := &t.slots[k]; sl.tok != 0 {
			f := entries[sl.tok-1].Freq
			l := 0.0
			if i := int(f); f >= 1 && f < float64(len(logs)) && float64(i) == f {
				l = logs[i]
			} else {
				l = math.Log2(f)
			}
			sl.dist = logTotal - float32(l)
		}
	}
	return t
}

// tableSize returns the size of a table of n words, at most half full:
// the least power of two from 2n.
func tableSize(n int) int {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	return size
}

// slotOf returns the first slot to probe for hash h.
func (t *wordTable) slotOf(h uint32) int { return int((h * 0x9E3779B1) >> t.shift) }

// find returns the slot of word, whose fnv32 is h, or nil.
func (t *wordTable) find(word string, h uint32) *wordSlot {
	for k := t.slotOf(h); ; k = (k + 1) & (len(t.slots) - 1) {
		sl := &t.slots[k]
		if sl.tok == 0 {
			return nil
		}
		if sl.hash == h && int(sl.n) == len(word) && t.text[sl.off:sl.off+sl.n] == word {
			return sl
		}
	}
}

// findBytes is find for a word in a byte slice.
func (t *wordTable) findBytes(word []byte, h uint32) *wordSlot {
	for k := t.slotOf(h); ; k = (k + 1) & (len(t.slots) - 1) {
		sl := &t.slots[k]
		if sl.tok == 0 {
			return nil
		}
		if sl.hash == h && int(sl.n) == len(word) && t.text[sl.off:sl.off+sl.n] == string(word) {
			return sl
		}
	}
}
