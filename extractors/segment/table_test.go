package segment

import (
	"math"
	"testing"

	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// trieLookup is Lookup as it was with gse's trie: the reference of
// TestWordTableSameAsTrie.
func (g *GSE) trieLookup(word string) (Entry, bool) {
	if word == "" {
		return Entry{}, false
	}
	freq, pos, ok := g.gse().Dict.Find([]byte(word))
	if !ok || freq == 0 {
		return Entry{}, false
	}
	return Entry{Pos: pos, Freq: freq}, true
}

// TestWordTableSameAsTrie checks that the word table finds every token of
// the dictionary at its own index, and that Lookup answers as gse's trie
// on every run of one to eight characters of some texts and, when the
// shared folder is present, of the first 300 articles of the xwlb corpus.
func TestWordTableSameAsTrie(t *testing.T) {
	g, err := New(Options{Words: []Word{{Text: "中车株机", Pos: "nt", Freq: 50}, {Text: "IBM公司", Pos: "nt", Freq: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	tokens := g.gse().Dict.Tokens
	// NOTE: the Builder loads the dictionary without gse (keepGSE builds
	// gse's too): the same words at the same indexes, with the same
	// entries, the same longest word and total frequency.
	if len(g.table.entries) != len(tokens) {
		t.Fatalf("%d words, gse has %d", len(g.table.entries), len(tokens))
	}
	if g.short.maxLen != g.gse().Dict.MaxTokenLen() {
		t.Errorf("longest word %d units, gse's %d", g.short.maxLen, g.gse().Dict.MaxTokenLen())
	}
	// NOTE: the distances as gse's CalcToken computes them.
	logTotal := float32(math.Log2(g.gse().Dict.TotalFreq()))
	for i := range tokens {
		w := tokens[i].Text()
		if e := g.table.entries[i]; e.Pos != tokens[i].Pos() || e.Freq != tokens[i].Freq() {
			t.Fatalf("token %d %q: entry %+v, gse's %q %v", i, w, e, tokens[i].Pos(), tokens[i].Freq())
		}
		if sl := g.table.find(w, fnv32(w)); sl == nil || sl.tok != int32(i)+1 {
			t.Fatalf("token %d %q: table slot %+v", i, w, sl)
		} else if want := logTotal - float32(math.Log2(tokens[i].Freq())); sl.dist != want {
			t.Fatalf("token %d %q: distance %v, want %v", i, w, sl.dist, want)
		}
		if sl := g.table.findBytes([]byte(w), fnv32(w)); sl == nil || sl.tok != int32(i)+1 {
			t.Fatalf("token %d %q: table slot (bytes) %+v", i, w, sl)
		}
	}
	texts := []string{"中车株机在株洲召开大会，IBM公司和ibm公司、Apple签约5G项目", "资规局局长调研乡村振兴工作", "\xff中国\xfe", ""}
	texts = append(texts, sharedtest.XWLBFirstTexts(t, 300)...)
	runs, words := 0, 0
	for _, text := range texts {
		var starts []int
		for i := range text {
			starts = append(starts, i)
		}
		starts = append(starts, len(text))
		for a := range starts {
			for b := a + 1; b < len(starts) && b <= a+8; b++ {
				w := text[starts[a]:starts[b]]
				got, gotOK := g.Lookup(w)
				want, wantOK := g.trieLookup(w)
				if got != want || gotOK != wantOK {
					t.Fatalf("Lookup(%q) = %+v, %v; the trie says %+v, %v", w, got, gotOK, want, wantOK)
				}
				runs++
				if gotOK {
					words++
				}
			}
		}
	}
	t.Logf("%d runs, %d words", runs, words)
}
