package org

import (
	"strings"

	"github.com/newsfacts/newsfacts/extractors/place"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// MethodJoint is a body that two or more countries form together, named by
// the countries and 联合, or by their one-character abbreviations, then a
// name of a few characters and the suffix of a team, group or body (issue
// 10): 中、韩联合考察队, 中国、蒙古联合考古队, 中美联合工作组, 中哈合作委员会;
// not 日本和美国政府, two governments. It is named as written; the
// countries keep their place rows.
const MethodJoint = "joint"

// jointClasses are the suffix classes of the bodies countries form
// together: expeditions, teams, delegations, working groups, committees.
var jointClasses = []string{"team", "group", "body", "research"}

// maxJointName bounds the name between the countries (and 联合) and the
// suffix, in characters.
const maxJointName = 4

// findJoint appends the MethodJoint mentions: runs of two countries or more
// (places resolved to a country, or country abbreviations of a pair),
// joined by 、, 和, 与 or nothing, before a joint body's name.
//
// NOTE: it looks only at the resolved places, and most texts hold no two
// countries joined so.
func (f *Finder) findJoint(s *scan, places []place.Place) {
	// NOTE: runs are ranges of places, read without copying; the levels of
	// the places are read in jointRun, for the few runs of two places or
	// more.
	start := 0
	for i := 0; i <= len(places); i++ {
		if i < len(places) {
			p := &places[i]
			ok := p.Index >= 0 && (p.Rule == place.MethodGazetteer || p.Rule == place.MethodAbbrevPair)
			if ok && i > start {
				last := &places[i-1]
				j := ""
				if p.Start >= last.End {
					j = s.text[last.End:p.Start]
				}
				ok = p.Start >= last.End && (j == "" || j == "、" || j == "和" || j == "与")
			}
			if ok {
				continue
			}
			if p.Index < 0 || p.Rule != place.MethodGazetteer && p.Rule != place.MethodAbbrevPair {
				if i-start >= 2 {
					f.jointRun(s, places[start:i])
				}
				start = i + 1
				continue
			}
		}
		if i-start >= 2 {
			f.jointRun(s, places[start:i])
		}
		start = i
	}
}

// jointRun appends a MethodJoint mention when a joint body's name follows
// the run of countries: 联合, or nothing after abbreviations, then at most
// maxJointName characters of Han text with no stop word, and a suffix of
// jointClasses (队 only after a name).
func (f *Finder) jointRun(s *scan, run []place.Place) {
	text := s.text
	for _, p := range run {
		if f.g.Places[p.Index].Level != gazetteers.Country {
			return
		}
	}
	i := run[len(run)-1].End
	after := strings.TrimPrefix(text[i:], "联合")
	joined := len(after) < len(text)-i
	i = len(text) - len(after)
	// 日本和美国政府, 马里和法国军队: without 联合, countries named in full
	// are two bodies, not one; their abbreviations (中哈合作委员会) are one.
	if !joined {
		for _, p := range run {
			if p.Rule != place.MethodAbbrevPair {
				return
			}
		}
	}
	for n, j := 0, i; n <= maxJointName && j < len(text); n++ {
		if e := f.jointSuffixAt(s, j, n > 0); e > 0 {
			s.out = append(s.out, Mention{Start: run[0].Start, End: e, Rule: MethodJoint})
			return
		}
		r, size := runes.First(text[j:])
		if !runes.IsHan(r) || f.stop[string(r)] {
			return
		}
		j += size
	}
}

// jointSuffixAt returns the end of the longest suffix of jointClasses that
// starts at i, or 0; a one-character one (队) only after a name (named).
func (f *Finder) jointSuffixAt(s *scan, i int, named bool) int {
	end := 0
	for k := s.upTo(i) - 1; k >= 0 && s.hits[k].Start >= i; k-- {
		h := s.hits[k]
		if h.Start != i || h.End <= end {
			continue
		}
		for _, r := range f.g.Refs(h.ID) {
			if r.Kind != gazetteers.RefSuffix {
				continue
			}
			if x := &f.g.Suffixes[r.Index]; !x.Single || named && x.Class == "team" {
				for _, c := range jointClasses {
					if x.Class == c {
						end = h.End
					}
				}
			}
		}
	}
	return end
}
