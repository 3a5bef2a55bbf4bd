package date

import (
	"fmt"
	"math/bits"
	"strings"
)

// elem is one element of a compiled pattern: the classes a token may have
// to match it, and whether it may be left out.
type elem struct {
	mask uint64
	opt  bool
}

// compilePattern compiles a pattern: elements separated by spaces, each a
// class name (Y), or alternatives in parentheses ((Y|RY)), with a trailing
// "?" when optional.
func compilePattern(p string) ([]elem, error) {
	var out []elem
	for _, f := range strings.Fields(p) {
		e := elem{}
		if strings.HasSuffix(f, "?") {
			e.opt = true
			f = f[:len(f)-1]
		}
		if strings.HasPrefix(f, "(") {
			if !strings.HasSuffix(f, ")") {
				return nil, fmt.Errorf("pattern %q: unbalanced %q", p, f)
			}
			f = f[1 : len(f)-1]
		}
		m, ok := classByName(f)
		if !ok {
			return nil, fmt.Errorf("pattern %q: unknown class in %q", p, f)
		}
		e.mask = m
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	allOpt := true
	for _, e := range out {
		allOpt = allOpt && e.opt
	}
	if allOpt {
		return nil, fmt.Errorf("pattern %q: every element is optional", p)
	}
	return out, nil
}

// firstMask returns the classes a token must have to start a match of
// elems: those of the leading optional elements and of the first required
// one.
func firstMask(elems []elem) uint64 {
	var m uint64
	for _, e := range elems {
		m |= e.mask
		if !e.opt {
			break
		}
	}
	return m
}

// matcher matches one compiled pattern against tokens, with backtracking
// over optional elements (the patterns are a few elements long).
//
// NOTE: the pattern is an argument of at, not a field: best makes one
// matcher for all the rules it tries at a token, where a matcher a rule
// was a third of best's instructions (cachegrind).
type matcher struct {
	toks []token
	caps []int
}

// at matches elems from element e and token t and returns the index after
// the last token matched, or -1. It prefers taking an optional element to
// skipping it. caps must be at least len(elems) long.
func (m *matcher) at(elems []elem, e, t int) int {
	if e == len(elems) {
		return t
	}
	el := elems[e]
	if t < len(m.toks) && m.toks[t].cls&el.mask != 0 {
		m.caps[e] = t
		if r := m.at(elems, e+1, t+1); r >= 0 {
			return r
		}
	}
	if el.opt {
		m.caps[e] = -1
		return m.at(elems, e+1, t)
	}
	return -1
}

// mctx is what a production sees: the text, the tokens the pattern ran
// over, the matched tokens and, on the second layer, the first-layer
// matches.
type mctx struct {
	text  string
	toks  []token
	caps  []int
	elems []elem
	ones  []Match
}

// tok returns the token matched by element k, or nil when k was skipped.
func (c *mctx) tok(k int) *token {
	if k >= len(c.caps) || c.caps[k] < 0 {
		return nil
	}
	return &c.toks[c.caps[k]]
}

// as returns the classes token k matched its element with.
func (c *mctx) as(k int) uint64 {
	t := c.tok(k)
	if t == nil {
		return 0
	}
	return t.cls & c.elems[k].mask
}

// one returns the first-layer match of element k (an X element).
func (c *mctx) one(k int) *Match {
	t := c.tok(k)
	if t == nil || t.kind != tkExpr {
		return nil
	}
	return &c.ones[t.expr]
}

// span returns the byte span of the matched tokens.
func (c *mctx) span() (int, int) {
	start, end := -1, -1
	for k := range c.caps {
		if t := c.tok(k); t != nil {
			if start < 0 {
				start = t.start
			}
			end = t.end
		}
	}
	return start, end
}

// after returns the text just after the match.
func (c *mctx) after() string {
	_, end := c.span()
	return c.text[end:]
}

// before returns the rune just before the match, or -1.
func (c *mctx) before() rune {
	start, _ := c.span()
	return prevRune(c.text, start)
}

// secondMask returns the classes the token after the first one must have
// for elems to match, or 0 when a match may end after one token or its
// first element is optional (no test then).
func secondMask(elems []elem) uint64 {
	if len(elems) < 2 || elems[0].opt {
		return 0
	}
	allOpt := true
	for _, e := range elems[1:] {
		allOpt = allOpt && e.opt
	}
	if allOpt {
		return 0
	}
	return firstMask(elems[1:])
}

// compiled is a rule ready to run.
type compiled struct {
	*Rule
	elems  []elem
	first  uint64
	second uint64 // see secondMask
}

// ruleIndex lists, for each token class, the rules of one layer that a
// token of that class can start: bit r of byClass[c][w] is rule 64w+r.
//
// NOTE: best tested every rule's first-token classes at every token (18 %
// of the package benchmark's profile); a token's candidates are now the
// union of its classes' sets, walked in rule order, so the rules tried and
// the order they are tried in are the same as the scan's.
type ruleIndex struct {
	words   int // words of a rule set
	byClass [64][]uint64
}

// newRuleIndex indexes rules by the classes of their first tokens.
func newRuleIndex(rules []compiled) ruleIndex {
	x := ruleIndex{words: (len(rules) + 63) / 64}
	for c := range x.byClass {
		x.byClass[c] = make([]uint64, x.words)
	}
	for r := range rules {
		for c := range x.byClass {
			if rules[r].first&(1<<c) != 0 {
				x.byClass[c][r/64] |= 1 << (r % 64)
			}
		}
	}
	return x
}

// layer is the compiled rules of one layer with their index.
type layer struct {
	rules []compiled
	index ruleIndex
}

// newLayer indexes rules.
func newLayer(rules []compiled) layer { return layer{rules: rules, index: newRuleIndex(rules)} }

// best finds the longest match at token i of the rules of one layer, puts
// its production in *out and returns its end; it returns -1 when none
// matched (*out is then undefined).
//
// NOTE: caps is the caller's buffer (at least 8 long), kept in the pooled
// scan: a local array would escape to the heap through the production
// call, once per token. The match is written into the caller's *out, not
// returned: returning the large Match (zeroed first, then copied twice)
// at every token cost 86 M of the package benchmark's 2.51 G instructions
// a pass (cachegrind).
func best(l *layer, c *mctx, i int, caps []int, out *Match) int {
	bestEnd := -1
	cls := c.toks[i].cls
	if cls == 0 {
		return bestEnd
	}
	m := matcher{toks: c.toks, caps: caps}
	for w := 0; w < l.index.words; w++ {
		var set uint64
		for b := cls; b != 0; b &= b - 1 {
			set |= l.index.byClass[bits.TrailingZeros64(b)][w]
		}
		for ; set != 0; set &= set - 1 {
			ru := &l.rules[w*64+bits.TrailingZeros64(set)]
			// NOTE: a rule whose second token cannot match is dropped
			// before the matcher is called: 31 M fewer of the package
			// benchmark's instructions a pass (cachegrind).
			if ru.second != 0 && (i+1 >= len(c.toks) || c.toks[i+1].cls&ru.second == 0) {
				continue
			}
			end := m.at(ru.elems, 0, i)
			if end <= bestEnd {
				continue
			}
			c.caps, c.elems = caps[:len(ru.elems)], ru.elems
			got, ok := ru.produce(c)
			if !ok {
				continue
			}
			got.Start, got.End = c.span()
			got.Rule = ru.Name
			*out, bestEnd = got, end
		}
	}
	return bestEnd
}
