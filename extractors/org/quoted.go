package org

import (
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// Method values of the organisations named in quotation marks (issue 10).
const (
	// MethodTitle is a newspaper or magazine named by its title in 《》:
	// a title ending in 报 or 周刊 (《新闻报》, 《晨星周刊》: the title
	// without the brackets), or a title followed by 杂志, 周刊 or 报, after
	// a place or not (《时代潮》杂志, 美国《科学》杂志: the whole).
	MethodTitle = "title"
	// MethodQuoted is an organisation whose name, in quotation marks, ends
	// in an organisation suffix of a body, school or group (“防汛救灾领导小组”:
	// the name without the marks), or a place, a quoted name and such a
	// suffix (韩国“小天使”艺术团: the whole).
	MethodQuoted = "quoted"
)

// maxQuoted bounds a quoted name or title, in bytes (twelve characters).
const maxQuoted = 36

// mediaKinds are the words after a title that make it a publication.
var mediaKinds = []string{"杂志", "周刊", "报"}

// notPress are the titles' last two characters, ending in 报, that make a
// report or a document rather than a newspaper (《政府工作报告》 ends in 告).
var notPress = map[string]bool{"公报": true, "通报": true, "汇报": true, "情报": true, "预报": true, "简报": true,
	"年报": true, "月报": true, "季报": true, "战报": true, "捷报": true, "喜报": true, "电报": true, "海报": true,
	"警报": true, "申报": true, "举报": true, "快报": false, "画报": false, "学报": false}

// indexAll appends to dst the offsets of every s in text, in order.
func indexAll(dst []int, text, s string) []int {
	for i := 0; ; {
		j := strings.Index(text[i:], s)
		if j < 0 {
			return dst
		}
		dst = append(dst, i+j)
		i += j + len(s)
	}
}

// readMarks sorts the offsets of the marked characters of the text into
// s.titles (《) and s.quotes (“), skipping others.
func (s *scan) readMarks(marks []int) {
	for _, at := range marks {
		switch {
		case strings.HasPrefix(s.text[at:], "《"):
			s.titles = append(s.titles, at)
		case strings.HasPrefix(s.text[at:], "“"):
			s.quotes = append(s.quotes, at)
		}
	}
}

// findQuoted appends the mentions of MethodTitle and MethodQuoted.
//
// NOTE: from the offsets of the opening marks, which the gazetteer match
// lists (FindInMarked) or byte searches find; most texts have none. The
// search for the next mark goes on from where the last one's title or
// name ended (or, if it made none, from just after that mark).
func (f *Finder) findQuoted(s *scan) {
	text := s.text
	i := 0
	for _, at := range s.titles {
		if at < i {
			continue
		}
		i = at + len("《")
		k := strings.Index(text[i:min(len(text), i+maxQuoted+len("》"))], "》")
		if k <= 0 || strings.ContainsAny(text[i:i+k], "《“”，。、") {
			continue
		}
		title, end := text[i:i+k], i+k+len("》")
		switch {
		case strings.HasSuffix(title, "周刊") || strings.HasSuffix(title, "报") && utf8.RuneCountInString(title) >= 3 && !notPress[lastTwo(title)]:
			s.out = append(s.out, Mention{Start: i, End: i + k, Rule: MethodTitle, Parts: s.one(Part{Start: i, End: i + k, Kind: PartName, Index: -1})})
		default:
			for _, w := range mediaKinds {
				if strings.HasPrefix(text[end:], w) && !f.wordBeyond(text, end, end+len(w)) {
					start := i - len("《")
					if p := s.prefix(start); p != nil && p[len(p)-1].Kind == PartPlace {
						start = p[0].Start
					}
					s.out = append(s.out, Mention{Start: start, End: end + len(w), Rule: MethodTitle, Parts: s.one(Part{Start: start, End: end + len(w), Kind: PartName, Index: -1})})
					break
				}
			}
		}
		i = end
	}
	i = 0
	for _, at := range s.quotes {
		if at < i {
			continue
		}
		i = at + len("“")
		k := strings.Index(text[i:min(len(text), i+maxQuoted+len("”"))], "”")
		if k <= 0 {
			continue
		}
		name, end := text[i:i+k], i+k+len("”")
		// NOTE: the suffix first, from the hits, and the characters of the
		// name only then: most quoted phrases end in no suffix.
		if x := f.suffixEnding(s, i, i+k); x >= 0 {
			// “防汛救灾委员会”: the name ends in a suffix.
			if quotedName(name) && utf8.RuneCountInString(name)-utf8.RuneCountInString(f.g.Suffixes[x].Text) >= 2 {
				s.out = append(s.out, Mention{Start: i, End: i + k, Rule: MethodQuoted, Parts: s.one(Part{Start: i, End: i + k, Kind: PartName, Index: -1})})
			}
		} else if x := f.suffixStarting(s, end); x >= 0 && s.placeEndsAt(i-len("“")) && quotedName(name) {
			// 韩国“小天使”艺术团: a place, the name, a suffix.
			e := end + len(f.g.Suffixes[x].Text)
			if p := s.prefix(i - len("“")); p != nil && p[len(p)-1].Kind == PartPlace && !f.wordBeyond(text, end, e) {
				s.out = append(s.out, Mention{Start: p[0].Start, End: e, Rule: MethodQuoted, Parts: s.one(Part{Start: p[0].Start, End: e, Kind: PartName, Index: -1})})
			}
		}
		i = end
	}
}

// quotedSuffix reports whether suffix x names a body of its own in
// quotation marks: not a company, bank or venue, whose quoted names are
// often nicknames (“道德银行”), nor a one-character suffix (局, 部), nor one
// that needs a place before it (“有为政府”) or a proper noun in its name
// (“以人民为中心”, “帐篷医院”).
func quotedSuffix(x *gazetteers.Suffix) bool {
	if x.Single || x.Prefix || x.Strict || x.Named {
		return false
	}
	switch x.Class {
	case "body", "school", "research", "group", "party", "media", "health":
		return true
	}
	return false
}

// quotedStops are characters that make a quoted phrase a slogan, a
// count or an honour rather than a name (“五个中心”, “市中心的市中心”,
// “基层建设模范中队”).
const quotedStops = "的以为个之+＋一二三四五六七八九十几模范先进示范优秀标兵"

// suffixEnding returns the longest organisation suffix of a quoted kind
// (quotedSuffix) that starts after i and ends at j, from the text's hits,
// or -1.
func (f *Finder) suffixEnding(s *scan, i, j int) int32 {
	best := int32(-1)
	for k := s.upTo(j) - 1; k >= 0 && s.hits[k].Start > i; k-- {
		h := s.hits[k]
		if h.End != j {
			continue
		}
		for _, r := range f.g.Refs(h.ID) {
			if r.Kind == gazetteers.RefSuffix && quotedSuffix(&f.g.Suffixes[r.Index]) &&
				(best < 0 || len(f.g.Suffixes[r.Index].Text) > len(f.g.Suffixes[best].Text)) {
				best = r.Index
			}
		}
	}
	return best
}

// quotedName reports whether a quoted phrase can be a name: no mark or
// punctuation inside, no character of quotedStops.
func quotedName(name string) bool {
	return !strings.ContainsAny(name, "“《》，。、") && !strings.ContainsAny(name, quotedStops)
}

// suffixStarting returns the longest organisation suffix of a quoted class
// that starts at i, from the text's hits, or -1.
func (f *Finder) suffixStarting(s *scan, i int) int32 {
	best := int32(-1)
	for k := s.upTo(i) - 1; k >= 0 && s.hits[k].Start == i; k-- {
		for _, r := range f.g.Refs(s.hits[k].ID) {
			if r.Kind == gazetteers.RefSuffix && quotedSuffix(&f.g.Suffixes[r.Index]) &&
				(best < 0 || len(f.g.Suffixes[r.Index].Text) > len(f.g.Suffixes[best].Text)) {
				best = r.Index
			}
		}
	}
	return best
}

// lastTwo returns the last two characters of s.
func lastTwo(s string) string {
	_, a := runes.Last(s)
	_, b := runes.Last(s[:len(s)-a])
	return s[len(s)-a-b:]
}
