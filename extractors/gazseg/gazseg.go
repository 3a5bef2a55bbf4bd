// Package gazseg builds what the place and organisation finders share: the
// gazetteer, with the user's entries, and a segmenter whose dictionary holds
// the gazetteer's names, so that they segment as one word. The entity
// extractor and the tests of the place and organisation finders load them
// here.
package gazseg

import (
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/extractors/segment"
	"github.com/newsfacts/newsfacts/gazetteers"
)

// Load builds what the place and organisation finders share: the
// gazetteer, with the user's entries, and the segmenter, whose dictionary
// holds every gazetteer name so that names segment as one word. The two
// load at the same time.
func Load(user []gazetteers.UserEntry) (*gazetteers.Gazetteer, *segment.GSE, error) {
	type built struct {
		b   *segment.Builder
		err error
	}
	ch := make(chan built, 1)
	go func() {
		b, err := segment.NewBuilder(12000)
		ch <- built{b, err}
	}()
	g, gerr := gazetteers.New(user)
	var words []segment.Word
	if gerr == nil {
		// NOTE: before the wait for the dictionary, which may load
		// longer than the gazetteer on a busy core.
		words = Words(g)
	}
	sb := <-ch
	if gerr != nil {
		return nil, nil, gerr
	}
	if sb.err != nil {
		return nil, nil, sb.err
	}
	// NOTE: the place finder's New reads the embedded dictionary's place
	// words (segment.DictPlaceFreq), which are parsed on first use (about
	// 1 ms); they are parsed here while the segmenter is built, on the
	// core that would otherwise wait.
	go segment.DictPlaceFreq("")
	sb.b.Add(words)
	return g, sb.b.Build(), nil
}

// Words returns the gazetteer names that should segment as one
// word: the names of provinces, prefectures, counties and zones, world
// places, organisations and departments, tagged ns or nt.
func Words(g *gazetteers.Gazetteer) []segment.Word {
	surfaces, refs := g.Surfaces()
	words := make([]segment.Word, 0, len(surfaces)/4)
	for id, s := range surfaces {
		if utf8.RuneCountInString(s) < 2 {
			continue
		}
		pos := ""
		for _, r := range refs[id] {
			switch r.Kind {
			case gazetteers.RefPlace:
				if g.Places[r.Index].Level != gazetteers.Township && pos == "" {
					pos = "ns"
				}
			case gazetteers.RefOrg, gazetteers.RefDept:
				pos = "nt"
			}
		}
		if pos != "" {
			words = append(words, segment.Word{Text: s, Pos: pos, Freq: 50})
		}
	}
	return words
}
