package pipeline

import (
	"hash/maphash"
	"strconv"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// uniqueIDs gives every document of a run its own id, in input order: an
// id already taken gets the first free suffix "~2", "~3" ….
//
// NOTE: it keeps a 64-bit hash of each id rather than the id, so that a
// run of millions of documents holds tens of megabytes, not gigabytes. Two
// different ids with the same hash (odds about n²/2⁶⁵: one in a million
// for six million documents) would make the second one get a suffix it did
// not need; its id stays unique.
type uniqueIDs struct {
	seed  maphash.Seed
	taken map[uint64]struct{}
	// next is the next suffix to try for an id that was repeated, so that
	// an id repeated k times costs k probes, not k².
	next map[uint64]int
}

// makeUnique renames the document of rows when its id is taken, and
// reports whether it did.
func (u *uniqueIDs) makeUnique(rows *output.DocRows) bool {
	if u.taken == nil {
		u.seed = maphash.MakeSeed()
		u.taken = map[uint64]struct{}{}
		u.next = map[uint64]int{}
	}
	id := rows.Article.DocID
	h := maphash.String(u.seed, id)
	if _, ok := u.taken[h]; !ok {
		u.taken[h] = struct{}{}
		return false
	}
	n := max(u.next[h], 2)
	for {
		cand := id + "~" + strconv.Itoa(n)
		ch := maphash.String(u.seed, cand)
		n++
		if _, ok := u.taken[ch]; !ok {
			u.taken[ch] = struct{}{}
			u.next[h] = n
			SetDocID(rows, cand)
			return true
		}
	}
}

// SetDocID sets the doc_id of every row of a document.
func SetDocID(rows *output.DocRows, id string) {
	rows.Article.DocID = id
	for i := range rows.Entities {
		rows.Entities[i].DocID = id
	}
	for i := range rows.Metrics {
		rows.Metrics[i].DocID = id
	}
	for i := range rows.Dates {
		rows.Dates[i].DocID = id
	}
}
