package metric

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/datafile"
	"github.com/newsfacts/newsfacts/internal/runes"
)

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// UnitClass classifies a unit or measure word.
type UnitClass uint8

// Unit classes.
const (
	ClassNone    UnitClass = iota
	ClassCount             // measure words: 个, 家, 项, 人
	ClassMeasure           // units of measurement: 吨, 公里, 平方米
	ClassTime              // durations: 天, 工作日, 小时
	ClassMoney             // currencies: 元, 美元
	ClassPercent           // %, ‰, 成, 折
	ClassPoints            // 百分点
	ClassRatio             // 倍
	ClassAge               // 岁
)

var classNames = map[string]UnitClass{
	"count": ClassCount, "measure": ClassMeasure, "time": ClassTime, "money": ClassMoney,
	"percent": ClassPercent, "points": ClassPoints, "ratio": ClassRatio, "age": ClassAge,
}

// unitInfo describes one entry of units.tsv.
type unitInfo struct {
	class   UnitClass
	afterGe bool // written only after 个
	geOK    bool // may follow 个
	latin   bool
}

type qualInfo struct {
	pos  string // pre, mid, post
	qual newsfacts.Qualifier
	none bool
}

// changeRole is the role of a change word.
type changeRole uint8

const (
	roleUp changeRole = iota + 1
	roleDown
	roleSame
	roleFrom
	roleTo
	roleUpRate
	roleDownRate
	roleNone
)

// subjectRole is the role of a word for subject finding.
type subjectRole uint8

const (
	subjGlue subjectRole = iota + 1
	subjVerb
	subjStop
	subjNoun
	// subjPred is a verb that only predicates (印发, 携手): it ends the noun
	// after a measure word even as its first word (五部门联合印发 → no noun).
	// It is read only forwards: backwards 联合 begins 联合国.
	subjPred
)

// lexicon holds the word lists of data/, compiled into tries.
type lexicon struct {
	units      trie[unitInfo]
	latinUnits map[string]bool
	preQual    rtrie[qualInfo] // matched backwards from the numeral
	midQual    trie[qualInfo]
	postQual   trie[qualInfo]
	changes    rtrie[changeRole] // matched backwards from the numeral
	changeFwd  trie[changeRole]
	baselines  rtrie[string]
	names      trie[struct{}]
	namesBack  int // the most characters a name has before its first numeral character
	idAfter    trie[string]
	idBefore   rtrie[string]
	determiner trie[struct{}]
	subject    rtrie[subjectRole]
	subjectFwd trie[subjectRole]
	// perWords are the per-unit words (人均, 年均, 日均): a subject of one
	// of them alone qualifies the subject of the figure before it.
	perWords map[string]bool
	// weakWords are no subject on their own (用, 转为, 为期).
	weakWords rtrie[struct{}]
	// compare holds the comparison words that end a subject (比, 较, 快于)
	// and the words that hold their characters but compare nothing (比重).
	compare  trie[bool]
	ranks    rtrie[struct{}]
	heads    rtrie[struct{}]
	notUnits trie[struct{}]
	cheng    trie[struct{}]
	// facts maps the words of facts.tsv to their role; factWords lists
	// them by role, longest first.
	facts     map[string]factRole
	factWords [nFactRoles][]string
	// goalsByRune maps the first rune of each target and untarget word to
	// the words.
	goalsByRune map[rune][]string
	// goalRunes is a bitmap of those first runes (all below U+10000).
	goalRunes [1 << 10]uint64
	// wholeNames are the nouns of subject.tsv that hold a conjunction or
	// 、 (电力、热力、燃气及水生产和供应业): one item of a list, never split.
	wholeNames []string
	// scopeFirst holds the first runes of the scope and target words,
	// which stripScope removes from the start of a subject.
	scopeFirst firstRunes
	// boundRunes is goalRunes with the sentence and clause marks of
	// findBounds, the runes of flagsOf and 到 and 至 (see goalYearIn)
	// added: the runes that pass stops at.
	boundRunes [1 << 10]uint64
	// viewRunes is boundRunes with the runes below U+10000 that the view
	// may skip from (viewSkipRune) and that a figure may begin at
	// (isTrigger) added: the runes that the pass of bounds.find with the
	// view stops at.
	viewRunes [1 << 10]uint64
}

// loadLexicon reads and checks every data file.
func loadLexicon() (*lexicon, error) {
	lx := &lexicon{latinUnits: map[string]bool{}, perWords: map[string]bool{}, facts: map[string]factRole{}}
	err := readTSV("facts.tsv", 2, func(f []string) error {
		r, ok := factRoles[f[1]]
		if !ok {
			return fmt.Errorf("unknown role %q", f[1])
		}
		if slices.Contains(lx.factWords[r], f[0]) {
			return fmt.Errorf("%s twice as %s", f[0], f[1])
		}
		// NOTE: a word may have several roles (产量 is a measure and a
		// tail); the map keeps the first.
		if _, ok := lx.facts[f[0]]; !ok {
			lx.facts[f[0]] = r
		}
		lx.factWords[r] = append(lx.factWords[r], f[0])
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, w := range lx.factWords[factAside] {
		lx.weakWords.add(w, struct{}{}) // 扣除价格因素 is no subject
	}
	for _, ws := range lx.factWords {
		slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
	}
	lx.goalsByRune = map[rune][]string{}
	for _, role := range [...]factRole{factTarget, factUntarget} {
		for _, w := range lx.factWords[role] {
			r, _ := utf8.DecodeRuneInString(w)
			lx.goalsByRune[r] = append(lx.goalsByRune[r], w)
			lx.goalRunes[r>>6] |= 1 << (r & 63)
		}
	}
	for _, role := range [...]factRole{factScope, factTarget} {
		for _, w := range lx.factWords[role] {
			lx.scopeFirst.add(w)
		}
	}
	lx.boundRunes = lx.goalRunes
	for _, r := range "。！？!?\n，,；;：:分占于比对看按其到至" {
		lx.boundRunes[r>>6] |= 1 << (r & 63)
	}
	lx.viewRunes = lx.boundRunes
	for r := rune(0); r < 1<<16; r++ {
		if viewSkipRune(r) || isTrigger(r) {
			lx.viewRunes[r>>6] |= 1 << (r & 63)
		}
	}
	err = readTSV("units.tsv", 2, func(f []string) error {
		c, ok := classNames[f[1]]
		if !ok {
			return fmt.Errorf("unknown unit class %q", f[1])
		}
		u := unitInfo{class: c}
		if len(f) > 2 {
			for _, fl := range strings.Split(f[2], ",") {
				switch fl {
				case "after-ge":
					u.afterGe = true
				case "ge-ok":
					u.geOK = true
				case "latin":
					u.latin = true
				default:
					return fmt.Errorf("unknown unit flag %q", fl)
				}
			}
		}
		if u.latin {
			lx.latinUnits[strings.ToLower(f[0])] = true
			return nil
		}
		lx.units.add(f[0], u)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("qualifiers.tsv", 3, func(f []string) error {
		q := qualInfo{pos: f[1]}
		switch f[2] {
		case "over":
			q.qual = newsfacts.QualOver
		case "under":
			q.qual = newsfacts.QualUnder
		case "approx":
			q.qual = newsfacts.QualApprox
		case "none":
			q.none = true
		default:
			return fmt.Errorf("unknown qualifier %q", f[2])
		}
		switch f[1] {
		case "pre":
			lx.preQual.add(f[0], q)
		case "mid":
			lx.midQual.add(f[0], q)
		case "post":
			lx.postQual.add(f[0], q)
		default:
			return fmt.Errorf("unknown qualifier position %q", f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("changes.tsv", 2, func(f []string) error {
		roles := map[string]changeRole{"up": roleUp, "down": roleDown, "same": roleSame, "from": roleFrom,
			"to": roleTo, "up-rate": roleUpRate, "down-rate": roleDownRate, "none": roleNone}
		r, ok := roles[f[1]]
		if !ok {
			return fmt.Errorf("unknown change role %q", f[1])
		}
		lx.changes.add(f[0], r)
		lx.changeFwd.add(f[0], r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("baselines.tsv", 2, func(f []string) error {
		lx.baselines.add(f[0], f[1])
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("identifiers.tsv", 3, func(f []string) error {
		switch f[1] {
		case "after":
			lx.idAfter.add(f[0], f[2])
		case "before":
			lx.idBefore.add(f[0], f[2])
		default:
			return fmt.Errorf("unknown side %q", f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("subject.tsv", 2, func(f []string) error {
		switch f[1] {
		case "weak":
			lx.weakWords.add(f[0], struct{}{})
			return nil
		case "pred":
			lx.subjectFwd.add(f[0], subjPred)
			return nil
		case "per":
			lx.perWords[f[0]] = true
			lx.subject.add(f[0], subjNoun)
			lx.subjectFwd.add(f[0], subjNoun)
			return nil
		}
		roles := map[string]subjectRole{"glue": subjGlue, "verb": subjVerb, "stop": subjStop, "noun": subjNoun}
		r, ok := roles[f[1]]
		if !ok {
			return fmt.Errorf("unknown subject role %q", f[1])
		}
		lx.subject.add(f[0], r)
		lx.subjectFwd.add(f[0], r)
		if r == subjNoun && strings.ContainsAny(f[0], "、和及与") {
			lx.wholeNames = append(lx.wholeNames, f[0])
			if bare := strings.ReplaceAll(f[0], "、", ""); bare != f[0] {
				// NOTE: reports also write the names without 、
				// (电力热力燃气及水生产和供应业).
				lx.subject.add(bare, r)
				lx.subjectFwd.add(bare, r)
				lx.wholeNames = append(lx.wholeNames, bare)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("comparisons.tsv", 2, func(f []string) error {
		switch f[1] {
		case "compare":
			lx.compare.add(f[0], true)
		case "word":
			lx.compare.add(f[0], false)
		default:
			return fmt.Errorf("unknown comparison role %q", f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, l := range []struct {
		file string
		add  func(string)
	}{
		{"names.txt", func(w string) {
			lx.names.add(w, struct{}{})
			for k, r := range []rune(w) {
				if numeral.IsNumeral(r) {
					lx.namesBack = max(lx.namesBack, k)
					break
				}
			}
		}},
		{"determiners.txt", func(w string) { lx.determiner.add(w, struct{}{}) }},
		{"ranks.txt", func(w string) { lx.ranks.add(w, struct{}{}) }},
		{"heads.txt", func(w string) { lx.heads.add(w, struct{}{}) }},
		{"notunits.txt", func(w string) { lx.notUnits.add(w, struct{}{}) }},
		{"cheng.txt", func(w string) { lx.cheng.add(w, struct{}{}) }},
	} {
		if err := readTSV(l.file, 1, func(f []string) error { l.add(f[0]); return nil }); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// readTSV calls fn for every data line of a data file, split at tabs,
// after checking that it has at least min fields (see datafile.Fields).
func readTSV(name string, min int, fn func([]string) error) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	return datafile.Fields("data/"+name, string(b), min, fn)
}

// bmpSet is a set of runes below U+10000.
type bmpSet [1 << 10]uint64

// bmpSetOf returns the set of the runes of rs, which are all below
// U+10000.
func bmpSetOf(rs string) *bmpSet {
	b := new(bmpSet)
	for _, r := range rs {
		if r >= 1<<16 {
			panic(fmt.Sprintf("bmpSetOf: %U", r))
		}
		b[r>>6] |= 1 << (r & 63)
	}
	return b
}

// has reports whether r is in b.
func (b *bmpSet) has(r rune) bool { return uint32(r) < 1<<16 && b[r>>6]&(1<<(r&63)) != 0 }

// firstRunes is a set of the first runes of some words.
type firstRunes struct {
	// bits marks the runes below U+10000; above marks that a word begins
	// with a rune above.
	bits  [1 << 10]uint64
	above bool
}

func (f *firstRunes) add(w string) {
	if r, _ := utf8.DecodeRuneInString(w); r < 1<<16 {
		f.bits[r>>6] |= 1 << (r & 63)
	} else {
		f.above = true
	}
}

// has reports whether s may begin with one of the words: whether its
// first rune begins one. An invalid first byte begins none.
func (f *firstRunes) has(s string) bool {
	r := runes.At3(s, 0)
	if r < 0 {
		if s == "" {
			return false
		}
		r, _ = decodeRune(s)
	}
	if r >= 1<<16 {
		return f.above
	}
	return f.bits[r>>6]&(1<<(r&63)) != 0
}

// lastRunes is a set of the last runes of some words.
type lastRunes struct{ f firstRunes }

// lastRunesOf returns the set of the last runes of words.
func lastRunesOf(words []string) lastRunes {
	var l lastRunes
	for _, w := range words {
		r, _ := utf8.DecodeLastRuneInString(w)
		l.f.add(string(r))
	}
	return l
}

// endsOne reports whether s may end with one of the words: whether its
// last rune ends one. An invalid last byte ends none.
func (l *lastRunes) endsOne(s string) bool {
	r := rune(-1)
	if len(s) >= 3 {
		r = runes.At3(s, len(s)-3)
	}
	if r < 0 {
		if s == "" {
			return false
		}
		r, _ = decodeLastRune(s)
	}
	if r >= 1<<16 {
		return l.f.above
	}
	return l.f.bits[r>>6]&(1<<(r&63)) != 0
}

// trie matches words at the start of a string, longest first.
type trie[V any] struct {
	nodes []tnode[V]
	// first marks the runes below U+10000 that begin a word: most lookups
	// fail on the first rune, and a bit test is cheaper than a map.
	first *[1 << 10]uint64
	// edges is a hash table of the edges of every node, keyed by the
	// node and the rune: open addressing with linear probing, at most
	// half full, its length a power of two.
	//
	// NOTE: one flat table, not a map per node: the look-ups of the word
	// lists were a tenth of the metric stage, most of it in the maps.
	edges []tedge
	nedge int
}

type tnode[V any] struct {
	val V
	ok  bool
}

// tedge is a slot of trie.edges: the key (node<<32 | rune) and the child
// node plus one; 0 marks an empty slot.
type tedge struct {
	key   uint64
	child int32
}

func edgeKey(n int32, r rune) uint64 { return uint64(uint32(n))<<32 | uint64(uint32(r)) }

// slot returns the first slot to probe for key.
func (t *trie[V]) slot(key uint64) int {
	return int((key*0x9E3779B97F4A7C15)>>32) & (len(t.edges) - 1)
}

// next returns the child of node n on rune r.
func (t *trie[V]) next(n int32, r rune) (int32, bool) {
	if len(t.edges) == 0 {
		return 0, false
	}
	key := edgeKey(n, r)
	for i := t.slot(key); ; i = (i + 1) & (len(t.edges) - 1) {
		e := &t.edges[i]
		if e.child == 0 {
			return 0, false
		}
		if e.key == key {
			return e.child - 1, true
		}
	}
}

// setNext adds the edge from node n on rune r to child, which is new.
func (t *trie[V]) setNext(n int32, r rune, child int32) {
	if 2*(t.nedge+1) > len(t.edges) {
		old := t.edges
		t.edges = make([]tedge, max(64, 2*len(old)))
		t.nedge = 0
		for _, e := range old {
			if e.child != 0 {
				t.insert(e)
			}
		}
	}
	t.insert(tedge{key: edgeKey(n, r), child: child + 1})
}

func (t *trie[V]) insert(e tedge) {
	i := t.slot(e.key)
	for t.edges[i].child != 0 {
		i = (i + 1) & (len(t.edges) - 1)
	}
	t.edges[i] = e
	t.nedge++
}

func (t *trie[V]) add(word string, v V) {
	if len(t.nodes) == 0 {
		t.nodes = append(t.nodes, tnode[V]{})
		t.first = new([1 << 10]uint64)
	}
	if r, _ := utf8.DecodeRuneInString(word); r < 1<<16 {
		t.first[r>>6] |= 1 << (r & 63)
	} else {
		t.first[0] |= 1 // NOTE: bit 0 (U+0000) stands for "some rune above the BMP"
	}
	n := int32(0)
	for _, r := range word {
		nx, ok := t.next(n, r)
		if !ok {
			nx = int32(len(t.nodes))
			t.setNext(n, r, nx)
			t.nodes = append(t.nodes, tnode[V]{})
		}
		n = nx
	}
	t.nodes[n].val, t.nodes[n].ok = v, true
}

// match returns the value and byte length of the longest word at the start
// of s. With spaces, ASCII spaces between the characters of a word are
// skipped (个 百 分点).
func (t *trie[V]) match(s string, spaces bool) (v V, n int, ok bool) {
	if len(t.nodes) == 0 {
		return v, 0, false
	}
	if len(s) == 0 {
		return v, 0, false
	}
	// NOTE: runes.At3 inlines, decodeRune does not: most words and most
	// text are CJK (runes.First and runes.Last, nearly all called from
	// here, 0.44 → 0.28 s in a profile of 12 iterations of the package
	// benchmark).
	r := runes.At3(s, 0)
	if r < 0 {
		r, _ = decodeRune(s)
	}
	if r < 1<<16 && r != 0 && t.first[r>>6]&(1<<(r&63)) == 0 {
		return v, 0, false
	}
	cur := int32(0)
	i := 0
	for i < len(s) {
		j := i
		if spaces && i > 0 {
			for j < len(s) && s[j] == ' ' {
				j++
			}
		}
		r, size := runes.At3(s, j), 3
		if r < 0 {
			r, size = decodeRune(s[j:])
		}
		nx, found := t.next(cur, r)
		if !found {
			break
		}
		cur = nx
		i = j + size
		if t.nodes[cur].ok {
			v, n, ok = t.nodes[cur].val, i, true
		}
	}
	return v, n, ok
}

// rtrie matches words at the end of a string, longest first.
type rtrie[V any] struct {
	t trie[V]
}

func (t *rtrie[V]) add(word string, v V) {
	rs := []rune(word)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	t.t.add(string(rs), v)
}

// match returns the value and byte length of the longest word at the end of
// s.
func (t *rtrie[V]) match(s string) (v V, n int, ok bool) {
	if len(t.t.nodes) == 0 || len(s) == 0 {
		return v, 0, false
	}
	// NOTE: the last rune decoded with runes.At3 (inlined) as in
	// trie.match.
	r := rune(-1)
	if len(s) >= 3 {
		r = runes.At3(s, len(s)-3)
	}
	if r < 0 {
		r, _ = decodeLastRune(s)
	}
	if r < 1<<16 && r != 0 && t.t.first[r>>6]&(1<<(r&63)) == 0 {
		return v, 0, false
	}
	cur := int32(0)
	i := len(s)
	for i > 0 {
		r, size := rune(-1), 3
		if i >= 3 {
			r = runes.At3(s, i-3)
		}
		if r < 0 {
			r, size = decodeLastRune(s[:i])
		}
		nx, found := t.t.next(cur, r)
		if !found {
			break
		}
		cur = nx
		i -= size
		if t.t.nodes[cur].ok {
			v, n, ok = t.t.nodes[cur].val, len(s)-i, true
		}
	}
	return v, n, ok
}

// decodeRune is runes.First: the first rune of s and its size.
//
// NOTE: the hot paths of the package decode with decodeRune and
// decodeLastRune, not with utf8.DecodeRuneInString and
// utf8.DecodeLastRuneInString, which take their slow path for every rune
// outside ASCII (with numeral and indicator: package benchmark 9.788 →
// 9.709 G instructions, cachegrind).
func decodeRune(s string) (rune, int) { return runes.First(s) }

// decodeLastRune is runes.Last: the last rune of s and its size.
func decodeLastRune(s string) (rune, int) { return runes.Last(s) }
