package org

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsfacts/newsfacts/extractors/place"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// MethodTeam is a country that stands for its national team in a sports
// report (issue 10): one of a list of countries where another member is
// named with a team suffix (美国和俄罗斯队), a list before 等 and a team
// word (对中国、丹麦、韩国等强队), or the teams of a lettered group
// (E组的美国、俄罗斯、立陶宛). Its name is the country's with 队.
const MethodTeam = "team"

// teamJoiners join the members of a list of countries.
var teamJoiners = []string{"、", "和", "与", "及"}

// findTeams appends the MethodTeam mentions: runs of countries (places
// resolved to a country, in text order) joined by 、, 和, 与 or 及, read
// as teams when the run says so (see MethodTeam).
//
// NOTE: it looks only at the resolved places, and most texts hold no two
// countries joined so.
func (f *Finder) findTeams(s *scan, places []place.Place) {
	text := s.text
	// NOTE: on the stack; a run rarely holds more than a few countries.
	var buf [8]place.Place
	run := buf[:0]
	flush := func() {
		if len(run) >= 2 {
			f.teamRun(s, run)
		}
		run = run[:0]
	}
	for _, p := range places {
		if p.Index < 0 || f.g.Places[p.Index].Level != gazetteers.Country || p.Rule != place.MethodGazetteer {
			continue
		}
		if n := len(run); n > 0 {
			last := run[n-1]
			if p.Start < last.End || !slices.Contains(teamJoiners, text[last.End:p.Start]) {
				flush()
			}
		}
		run = append(run, p)
	}
	flush()
}

// teamRun appends a MethodTeam mention for each member of a run of
// countries that stands for a team; members named with a team suffix are
// left to the suffix rule (俄罗斯队).
func (f *Finder) teamRun(s *scan, run []place.Place) {
	text := s.text
	first, last := run[0], run[len(run)-1]
	suffixed := false
	for _, p := range run {
		if f.teamSuffixAt(s, p.End) {
			suffixed = true
		}
	}
	rest := text[last.End:]
	// 中国、丹麦等强队: 等, a character at most, and a team suffix.
	listed := false
	if strings.HasPrefix(rest, "等") {
		i := last.End + len("等")
		listed = f.teamSuffixAt(s, i)
		if _, size := runes.First(text[i:]); !listed && size > 0 {
			listed = f.teamSuffixAt(s, i+size)
		}
	}
	if !suffixed && !listed && !letteredGroup(text[:first.Start]) {
		return
	}
	for _, p := range run {
		if f.teamSuffixAt(s, p.End) {
			continue
		}
		s.out = append(s.out, Mention{Start: p.Start, End: p.End, Parts: s.one(Part{Start: p.Start, End: p.End, Kind: PartPlace, Index: p.Index, Name: p.Name}), Rule: MethodTeam})
	}
}

// letteredGroup reports whether before ends with a group of a tournament
// named by a letter and 的 or a colon (E组的, B组：).
func letteredGroup(before string) bool {
	for _, tail := range []string{"组的", "组：", "组:"} {
		if !strings.HasSuffix(before, tail) {
			continue
		}
		r, _ := runes.Last(before[:len(before)-len(tail)])
		return r < unicode.MaxLatin1 && unicode.IsLetter(r) || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
	}
	return false
}

// teamSuffixAt reports whether a team suffix (队, 女队, 足球队 …) starts at
// i.
func (f *Finder) teamSuffixAt(s *scan, i int) bool {
	for k := s.upTo(i) - 1; k >= 0 && s.hits[k].Start == i; k-- {
		for _, r := range f.g.Refs(s.hits[k].ID) {
			if r.Kind == gazetteers.RefSuffix && f.g.Suffixes[r.Index].Class == "team" {
				return true
			}
		}
	}
	return false
}
