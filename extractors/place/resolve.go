package place

import (
	"slices"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/gazetteers"
)

// Context is what resolution knows of the article besides the mentions in
// its text.
type Context struct {
	// Anchors are places the article is known to be about, such as those
	// named in its title (gazetteer place indexes).
	Anchors []int32
}

// support is the set of places the article mentions, with their
// ancestors.
//
// NOTE: a flag per gazetteer place and the list of those set (to empty
// it), not a map: with the counts of HomeOf (likewise), the map look-ups,
// inserts, clears and iterations were about 5 % of the entity stage in
// profiles of its BenchmarkExtract, the clears and iterations costing as
// much as the largest article had grown the maps.
type support struct {
	in  []bool  // by place index
	set []int32 // the places whose flag is set
}

// reset empties s for a gazetteer of n places.
func (s *support) reset(n int) {
	if len(s.in) != n {
		s.in, s.set = make([]bool, n), s.set[:0]
		return
	}
	for _, p := range s.set {
		s.in[p] = false
	}
	s.set = s.set[:0]
}

// has reports whether place p is in s.
func (s *support) has(p int32) bool { return s.in[p] }

// resolveState is the working memory of ResolveBuf and HomeOf, emptied
// before each use.
//
// NOTE: reused through Finder.resolves: a support set and a count map
// made per article, each grown entry by entry, and two slices per article
// were a fifth of the objects the entity stage allocated (BenchmarkExtract:
// 256,900 → 203,700 and 50.8 → 45.6 MB a pass over the corpus).
type resolveState struct {
	support support
	// counts are HomeOf's counts by place index, and counted the places
	// whose count is not 0.
	counts  []int32
	counted []int32
	chosen  []int32
	done    []bool
}

// addSupport adds place i and its ancestors to s.
func (f *Finder) addSupport(s *support, i int32) {
	// NOTE: a place in s has its ancestors in s already.
	for p := i; p >= 0 && !s.in[p]; p = f.g.Places[p].Parent {
		s.in[p] = true
		s.set = append(s.set, p)
	}
}

// score says how well the article supports candidate c: 100 when the place
// itself is mentioned (or one of its descendants is), else the level depth
// of the deepest mentioned ancestor (province 1, prefecture 2, county 3),
// else 0.
func (f *Finder) score(s *support, c int32) int {
	if s.has(c) {
		return 100
	}
	for p := f.g.Places[c].Parent; p >= 0; p = f.g.Places[p].Parent {
		if s.has(p) {
			if l := f.g.Places[p].Level; l.Chinese() {
				// NOTE: a municipality (北京市) is the prefecture of its
				// districts too (西城 in an article about 北京).
				if l == gazetteers.Province && p == f.g.Places[c].Parent && f.g.Places[c].Level == gazetteers.County {
					return int(gazetteers.Prefecture)
				}
				return int(l)
			}
			return 1
		}
	}
	return 0
}

// pick returns the best supported candidate of m, or -1 when none is
// supported enough or two tie. A province read from its short name (河北)
// yields only to a candidate that is itself named in the article (河北区
// in full).
func (f *Finder) pick(s *support, m Mention) int32 {
	if len(m.Cands) == 0 {
		return -1
	}
	minScore := max(m.MinSupport, 1)
	best, bestScore, tie := int32(-1), 0, false
	for _, c := range m.Cands {
		sc := f.score(s, c)
		if sc < minScore {
			continue
		}
		switch {
		case sc > bestScore:
			best, bestScore, tie = c, sc, false
		case sc == bestScore:
			tie = true
		}
	}
	if top := m.Cands[0]; f.g.Places[top].Level == gazetteers.Province && m.Rule == MethodShort && bestScore < 100 {
		return top
	}
	if tie {
		return -1
	}
	return best
}

// Resolve picks one place for each mention and returns the places that
// stand, in mention order. Mentions that need support and lack it are
// dropped; a full name with several readings and no support is kept with
// its name only (method gazetteer-ambiguous).
func (f *Finder) Resolve(text string, ms []Mention, ctx Context) []Place {
	return f.ResolveBuf(nil, text, ms, ctx)
}

// ResolveBuf is Resolve that builds the places in buf's storage, which it
// overwrites, and returns them. A caller that is done with the places of
// one text can pass them as buf for the next.
func (f *Finder) ResolveBuf(buf []Place, text string, ms []Mention, ctx Context) []Place {
	st := f.resolves.Get().(*resolveState)
	defer f.resolves.Put(st)
	s := &st.support
	s.reset(len(f.g.Places))
	for _, a := range ctx.Anchors {
		f.addSupport(s, a)
	}
	chosen := slices.Grow(st.chosen[:0], len(ms))[:len(ms)]
	done := slices.Grow(st.done[:0], len(ms))[:len(ms)]
	clear(done)
	st.chosen, st.done = chosen, done
	for i := range ms {
		m := &ms[i]
		chosen[i] = -1
		if len(m.Cands) == 1 && !m.NeedSupport {
			chosen[i], done[i] = m.Cands[0], true
			f.addSupport(s, m.Cands[0])
		}
	}
	// Two rounds: places resolved in the first support the second.
	for round := 0; round < 2; round++ {
		for i := range ms {
			if done[i] {
				continue
			}
			if c := f.pick(s, ms[i]); c >= 0 {
				chosen[i], done[i] = c, true
				f.addSupport(s, c)
			}
		}
	}
	out := buf[:0]
	if cap(out) < len(ms) {
		out = make([]Place, 0, len(ms))
	}
	for i, m := range ms {
		c := chosen[i]
		rule := m.Rule
		if c >= 0 && !(len(m.Cands) == 1 && !m.NeedSupport) {
			rule = contextRule(m.Rule)
		}
		if c < 0 {
			if m.Rule == MethodVillage {
				// A village stands with its name when its parent does not.
				out = append(out, f.place(text, m, -1, rule))
				continue
			}
			if m.KeepName && m.Zone == "" {
				out = append(out, f.place(text, m, -1, MethodAmbiguous))
				continue
			}
			if m.NeedSupport {
				continue
			}
			// Several readings, no support.
			if len(m.Cands) > 1 && f.g.Places[m.Cands[0]].Level < f.g.Places[m.Cands[1]].Level {
				// A province or prefecture over lower levels (吉林 → 吉林省).
				c = m.Cands[0]
			} else if !m.Full || m.Rule != MethodGazetteer {
				continue
			} else {
				rule = MethodAmbiguous
			}
		}
		out = append(out, f.place(text, m, c, rule))
	}
	return out
}

// contextRule is the method of a mention resolved by context.
func contextRule(rule string) string {
	switch rule {
	case MethodGazetteer, MethodShort:
		return MethodContext
	case MethodTownship:
		return MethodTownshipContext
	}
	return rule
}

// place builds the resolved place of mention m read as place c (-1 for an
// unresolved full name).
func (f *Finder) place(text string, m Mention, c int32, rule string) Place {
	e := newsfacts.Entity{
		Span: newsfacts.Span{Start: m.Start, End: m.End, Rule: rule},
		Type: newsfacts.PLACE,
	}
	p := Place{Index: c, Within: -1}
	switch {
	case m.Zone != "":
		// A zone is named by its prefix as written and the suffix's full
		// form; its parent is the place the prefix names (a township's
		// county for a township prefix).
		e.Name = m.Prefix + m.Zone
		p.Index, p.Within = -1, c
		if c >= 0 {
			if f.g.Places[c].Level == gazetteers.Township && m.Rule != MethodVillage {
				c = f.g.Places[c].Parent
			}
			e.Parent = f.g.ParentName(c) + f.g.Places[c].Name
			// NOTE: a facility's place is a row of its own, which counts
			// for the article's own place already.
			if m.Rule != MethodFacility {
				p.Within = c
			}
		}
	case c < 0:
		e.Name = text[m.Start:m.End]
	default:
		pl := &f.g.Places[c]
		e.Name, e.Code, e.Parent = pl.Name, pl.Code, f.g.ParentName(c)
	}
	p.Entity = e
	return p
}

// Home is the article's own place at each level, as far as its mentions
// tell: the place that a bare level word refers to (市 in 市住建局).
type Home struct {
	// Province, Prefecture and County are gazetteer place indexes, or -1.
	Province, Prefecture, County int32
}

// HomeOf finds the article's own places: the prefecture mentioned most
// often (itself or through its counties and townships), if it is mentioned
// at least twice and more often than any other, and likewise the county
// within it and the province above it. Anchors (the title's places) count
// twice.
func (f *Finder) HomeOf(ps []Place, ctx Context) Home {
	st := f.resolves.Get().(*resolveState)
	defer f.resolves.Put(st)
	if len(st.counts) != len(f.g.Places) {
		st.counts, st.counted = make([]int32, len(f.g.Places)), st.counted[:0]
	}
	for _, p := range st.counted {
		st.counts[p] = 0
	}
	counts, counted := st.counts, st.counted[:0]
	add := func(i int32, n int) {
		// The first place of each of the three levels up the chain.
		var seenProvince, seenPrefecture, seenCounty bool
		for p := i; p >= 0; p = f.g.Places[p].Parent {
			var seen *bool
			switch f.g.Places[p].Level {
			case gazetteers.Province:
				seen = &seenProvince
			case gazetteers.Prefecture:
				seen = &seenPrefecture
			case gazetteers.County:
				seen = &seenCounty
			default:
				continue
			}
			if !*seen {
				*seen = true
				if counts[p] == 0 {
					counted = append(counted, p)
				}
				counts[p] += int32(n)
			}
		}
	}
	for k := range ps {
		p := &ps[k]
		i := p.Index
		if i < 0 {
			i = p.Within
		}
		if i >= 0 && f.g.Places[i].Level.Chinese() {
			add(i, 1)
		}
	}
	for _, a := range ctx.Anchors {
		if f.g.Places[a].Level.Chinese() {
			add(a, 2)
		}
	}
	st.counted = counted
	top := func(level gazetteers.Level, within int32) int32 {
		best, bestN, second := int32(-1), 0, 0
		for _, p := range counted {
			n := int(counts[p])
			if f.g.Places[p].Level != level || within >= 0 && !f.g.IsAncestor(within, p) {
				continue
			}
			if n > bestN {
				second = bestN
				best, bestN = p, n
			} else if n > second {
				second = n
			}
		}
		// A tie (second == bestN) leaves the level unknown, whatever the
		// order of counted.
		if bestN < 2 || bestN == second {
			return -1
		}
		return best
	}
	h := Home{Province: -1, Prefecture: -1, County: -1}
	h.Province = top(gazetteers.Province, -1)
	h.Prefecture = top(gazetteers.Prefecture, h.Province)
	if h.Prefecture >= 0 && h.Province < 0 {
		h.Province = f.g.Places[h.Prefecture].Parent
	}
	within := h.Prefecture
	if within < 0 {
		within = h.Province
	}
	h.County = top(gazetteers.County, within)
	return h
}
