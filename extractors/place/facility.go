package place

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/datafile"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// MethodFacility is a facility named by a place and a facility word
// (德黑兰机场, 杭州植物园, 上海虹口体育馆, 天安门广场): one place, whose
// parent is the place named; the place itself stays a row of its own.
const MethodFacility = "facility"

//go:embed data/facilities.txt
var facilitiesData string

// facilityWords are the facility words of facilities.txt, longest first.
var facilityWords = func() []string {
	var ws []string
	for w := range datafile.Set(facilitiesData) {
		ws = append(ws, w)
	}
	// NOTE: longest first, so that 国际机场 wins over 机场; then in byte
	// order, so that the order does not depend on the map's.
	slices.SortFunc(ws, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return ws
}()

// facilityFirst holds the first bytes of the facility words: most places
// are followed by none of them.
var facilityFirst = func() (set [256]bool) {
	for _, w := range facilityWords {
		set[w[0]] = true
	}
	return set
}()

// facilityStarts holds the first characters of the facility words: a
// first byte of a Chinese character passes facilityFirst for nearly every
// place, the first character for few, and only those are compared with
// every word.
var facilityStarts = func() map[rune]bool {
	set := map[rune]bool{}
	for _, w := range facilityWords {
		r, _ := runes.First(w)
		set[r] = true
	}
	return set
}()

// findFacilities finds the facilities of MethodFacility after the places
// of the gazetteer rules. The word must not run into a word after it
// (港口, 广场舞), except a word of position (植物园里), nor another place
// start at it (港 in 港澳).
func findFacilities(f *Finder, s *scan) {
	n := len(s.out)
	for i := 0; i < n; i++ {
		m := s.out[i]
		if m.End >= len(s.text) || !facilityFirst[s.text[m.End]] || len(m.Cands) == 0 {
			continue
		}
		switch m.Rule {
		case MethodGazetteer, MethodShort, MethodParentShort, MethodGazetteerLevel:
		default:
			continue
		}
		rest := s.text[m.End:]
		if r, _ := runes.First(rest); !facilityStarts[r] {
			continue
		}
		w := ""
		for _, x := range facilityWords {
			if strings.HasPrefix(rest, x) {
				w = x
				break
			}
		}
		if w == "" || f.hitStartsAt(s, m.End, len(w)) {
			continue
		}
		e := m.End + len(w)
		if e < len(s.text) && f.lex != nil && !localizersSet.Has(firstRune(s.text[e:])) &&
			(f.crossWord(s.text, e-lastRuneLen(s.text[:e]), e+firstRuneLen(s.text[e:])) || f.lexWordBeyond(s.text, m.End, e)) {
			continue
		}
		// 天安门 + 广场, but not 北京 + 南站 inside 北京南站区: a longer
		// mention of the rules before runs past the word. 武汉大桥局: an
		// organisation suffix after the word makes it part of a name.
		if longerFrom(s.out[:n], m.Start, e) || f.suffixAt(s, e) {
			continue
		}
		s.out = append(s.out, Mention{
			Start: m.Start, End: e, Rule: MethodFacility, Cands: m.Cands,
			NeedSupport: m.NeedSupport, MinSupport: m.MinSupport, Full: m.Full,
			Zone: w, Prefix: s.text[m.Start:m.End],
		})
	}
}

// localizers are the words of position that may follow a facility (植物园里,
// 广场上) where its last character and theirs make a word (园里, 场上).
const localizers = "里上内中外前后旁边"

// localizersSet is the set of the characters of localizers.
var localizersSet = gazetteers.RuneSetOf(localizers)

// firstRune returns the first character of s.
func firstRune(s string) rune {
	r, _ := runes.First(s)
	return r
}

// suffixAt reports whether an organisation suffix of the gazetteer
// starts at i.
func (f *Finder) suffixAt(s *scan, i int) bool {
	for _, h := range s.hits {
		if h.Start > i {
			break
		}
		if h.Start == i {
			for _, r := range f.g.Refs(h.ID) {
				if r.Kind == gazetteers.RefSuffix {
					return true
				}
			}
		}
	}
	return false
}

// longerFrom reports whether a mention of ms starting at or after start
// and before end runs past end.
func longerFrom(ms []Mention, start, end int) bool {
	for k := range ms {
		if m := &ms[k]; m.Start >= start && m.Start < end && m.End > end {
			return true
		}
	}
	return false
}
