package entity

import (
	"slices"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/place"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// MethodScope is the method of a scope word read as the place it stands
// for: 全国 → 中国, 全市 → the article's city, 该县 → the county named
// before.
const MethodScope = "scope"

// scopeWords are the words that name a place by its level rather than its
// name. The last rune gives the level (国 the country).
//
// NOTE: 全区 is also the whole of an autonomous region (广西壮族自治区):
// the level is matched on the name's last rune, so both read right.
var scopeWords = [...]string{
	"全国", "我国", "全省", "全市", "全州", "全县", "全区", "全旗", "全盟",
	"本省", "本市", "本县", "本区", "该省", "该市", "该县", "该区", "该州",
	"我省", "我市", "我县", "我区", "我州",
}

// scopes returns an entity for every scope word of text that resolves to a
// place: the country for 全国; otherwise the nearest earlier place of the
// text whose name ends in the level's character, else such a place of the
// title, else the article's own place of that level (Home). marks are the
// offsets of the characters of text in e.marks, which holds the scope
// words' first characters; ps are the resolved places of text in text
// order; anchors the title's places.
func (e *Extractor) scopes(text, title string, marks []int, ps []place.Place, anchors []int32, home place.Home, out []newsfacts.Entity) []newsfacts.Entity {
	g := e.g
	// NOTE: the scope words' first characters are among the characters
	// the gazetteer match lists (see Entities); four strings.IndexByte
	// passes over the text, one per first character, were 4 % of the stage
	// in profiles of BenchmarkExtract.
	for _, at := range marks {
		if at+scopeLen > len(text) {
			continue
		}
		if r := runes.At3(text, at); r != scopeFirstRunes[0] && r != scopeFirstRunes[1] && r != scopeFirstRunes[2] && r != scopeFirstRunes[3] {
			continue
		}
		w := text[at : at+scopeLen]
		if !slices.Contains(scopeWordKeys[:], packScope(w)) {
			continue
		}
		off := at + scopeLen
		level := w[len(w)-len("国"):]
		var c int32 = -1
		if level == "国" {
			if strings.HasPrefix(text[off:], "家") || strings.HasPrefix(text[off:], "际") {
				continue // 全国家, 全国际: not the scope word
			}
			c = g.PlaceByCode("CN")
		} else {
			// The title names the place a report is about (上半年浏阳市
			// 主要经济指标…: 全市 is 浏阳市 even after 高于长沙市平均水平).
			c = titlePlace(g, title, level)
			if c < 0 {
				c = nearestOfLevel(g, ps, at, level)
			}
			if c < 0 {
				for _, a := range anchors {
					if strings.HasSuffix(g.Places[a].Name, level) {
						c = a
						break
					}
				}
			}
			if c < 0 {
				c = homeOfLevel(g, home, level)
			}
		}
		if c < 0 {
			continue
		}
		p := &g.Places[c]
		out = append(out, newsfacts.Entity{
			Span: newsfacts.Span{Start: at, End: off, Rule: MethodScope},
			Type: newsfacts.PLACE, Name: p.Name, Code: p.Code, Parent: g.ParentName(c),
		})
	}
	return out
}

// scopeLen is the length in bytes of every scope word (two characters of
// three bytes each).
const scopeLen = 2 * len("国")

// scopeFirsts are the distinct first characters of the scope words.
var scopeFirsts = func() []string {
	var out []string
	for _, w := range scopeWords {
		if len(w) != scopeLen {
			panic("entity: scope word " + w + " is not two three-byte characters")
		}
		if f := w[:len("国")]; !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}()

// scopeFirstRunes are scopeFirsts as runes, and scopeWordKeys scopeWords
// packed by packScope.
//
// NOTE: the scope loop looks at every character the gazetteer match lists
// (about 800,000 a pass over the corpus); string comparisons there took
// 14 ms a pass of BenchmarkExtract in profiles.
var (
	scopeFirstRunes = func() (out [4]rune) {
		if len(scopeFirsts) != len(out) {
			panic("entity: the scope words do not have four first characters")
		}
		for i, f := range scopeFirsts {
			out[i] = runes.At3(f, 0)
		}
		return out
	}()
	scopeWordKeys = func() (out [len(scopeWords)]uint64) {
		for i, w := range scopeWords {
			out[i] = packScope(w)
		}
		return out
	}()
)

// packScope packs the bytes of s, at most eight, into an integer, the
// first byte highest: two strings of the same length have the same key
// only if they are equal (the scope loop compares keys of six-byte words).
func packScope(s string) uint64 {
	var k uint64
	for i := 0; i < len(s); i++ {
		k = k<<8 | uint64(s[i])
	}
	return k
}

// titlePlace returns the Chinese place whose full name, ending in level,
// stands in title (2024年长沙市政府工作报告 → 长沙市), or -1. The longest
// name wins; a name with several places is no answer.
func titlePlace(g *gazetteers.Gazetteer, title, level string) int32 {
	best, bestLen := int32(-1), 0
	for end := 0; end < len(title); {
		i := strings.Index(title[end:], level)
		if i < 0 {
			break
		}
		end += i + len(level)
		for start := end - len(level); start >= 0 && end-start <= 8*3; {
			_, size := runes.Last(title[:start])
			if size == 0 {
				break
			}
			start -= size
			name := title[start:end]
			var found int32 = -1
			n := 0
			for _, r := range g.Lookup(name) {
				if r.Kind == gazetteers.RefPlace && r.Full && g.Places[r.Index].Level.Chinese() && g.Places[r.Index].Name == name {
					found = r.Index
					n++
				}
			}
			if n == 1 && len(name) > bestLen {
				best, bestLen = found, len(name)
			}
		}
	}
	return best
}

// nearestOfLevel returns the place of ps that ends last before off and
// whose name ends in level, or -1.
func nearestOfLevel(g *gazetteers.Gazetteer, ps []place.Place, off int, level string) int32 {
	best, bestEnd := int32(-1), -1
	for k := range ps {
		p := &ps[k]
		if p.End > off || p.Index < 0 || p.End <= bestEnd {
			continue
		}
		if pl := &g.Places[p.Index]; pl.Level.Chinese() && strings.HasSuffix(pl.Name, level) {
			best, bestEnd = p.Index, p.End
		}
	}
	return best
}

// homeOfLevel returns the article's own place whose name ends in level, or
// -1.
func homeOfLevel(g *gazetteers.Gazetteer, h place.Home, level string) int32 {
	for _, c := range [...]int32{h.County, h.Prefecture, h.Province} {
		if c >= 0 && strings.HasSuffix(g.Places[c].Name, level) {
			return c
		}
	}
	return -1
}
