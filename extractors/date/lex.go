package date

import (
	"strings"

	"github.com/newsfacts/newsfacts/internal/runes"
)

// tkind is the kind of a token.
type tkind uint8

const (
	tkNum  tkind = iota // a run of digits (ASCII or full-width)
	tkCNum              // a run of Chinese numerals
	tkWord              // a lexicon word
	tkSep               // - / . between digits
	tkNU                // a number and its unit: 2022年, 5个月, 第一季度
	tkExpr              // a first-layer expression (second layer only)
	tkTime              // a time of day after a day (上午10点, 14时30分, 8:00)
)

// token is one lexical unit of a candidate run. Offsets are byte offsets
// into the text.
type token struct {
	start, end int
	cls        uint64 // pattern classes
	kind       tkind
	w          *word // the word (tkWord) or the unit (tkNU)
	val        int   // the number's value (arithmetic for numerals), or the word's value
	dig        int   // digit-by-digit value of a numeral run, -1 when none
	nd         int   // digits or numeral characters
	cjk        bool  // written in Chinese numerals
	lead0      bool  // digits with a leading zero (07)
	ord        bool  // after 第
	sp         bool  // preceded by spaces
	sep        rune  // the separator of a tkSep, normalised to ASCII
	year       int   // for Y and YC: the year
	expr       int   // for tkExpr: index of the first-layer match
}

// isNum reports whether t is a bare number.
func (t *token) isNum() bool { return t.kind == tkNum || t.kind == tkCNum }

// lexer splits candidate runs of a text into tokens.
type lexer struct {
	lx   *lexicon
	text string
	tok  token // lexOne's result
}

// decode returns the rune at i and its size (runes.At: a fast path for
// the three-byte sequences of CJK text).
func decode(s string, i int) (rune, int) { return runes.At(s, i) }

// prevRune returns the rune that ends just before i, or -1 at the start.
func prevRune(s string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := runes.Last(s[:i])
	return r
}

// nextRune returns the rune at i, or -1 at the end.
func nextRune(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	r, _ := decode(s, i)
	return r
}

func isHan(r rune) bool { return runes.IsHan(r) }

func digitValue(s string, i int) (v, size int) {
	if i >= len(s) {
		return -1, 0
	}
	b := s[i]
	if b >= '0' && b <= '9' {
		return int(b - '0'), 1
	}
	// Full-width digits ０-９ are EF BC 90 … EF BC 99.
	if b == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
		return int(s[i+2] - 0x90), 3
	}
	return -1, 0
}

// lexOne reads the token at i into *out, given the token before it (nil
// at the start of a run). It reports false when no token starts at i
// (*out is then unchanged).
//
// NOTE: the token is written into *out (run passes the lexer's tok), not
// returned: the large token, returned by value (zeroed when there is
// none) and copied again by run, cost 68 M of the package benchmark's
// 2.43 G instructions a pass (cachegrind).
func (l *lexer) lexOne(i int, prev *token, out *token) bool {
	s := l.text
	if i >= len(s) {
		return false
	}
	// A run of digits.
	if v, n := digitValue(s, i); n > 0 {
		t := token{start: i, kind: tkNum, cls: cN | cNUM, dig: -1, lead0: v == 0}
		j := i
		for j < len(s) {
			v, n := digitValue(s, j)
			if n == 0 {
				break
			}
			if t.nd < 9 {
				t.val = t.val*10 + v
			}
			t.nd++
			j += n
		}
		if t.nd > 9 {
			t.val = -1
		}
		t.end = j
		if t.nd == 1 {
			t.lead0 = false
		}
		*out = t
		return true
	}
	// NOTE: runes.At3 inlines, decode does not; the call for every rune
	// lexOne reads (and for every rune of a run of numerals) was 75 M of
	// the package benchmark's 3.03 G instructions a pass (cachegrind).
	r, size := runes.At3(s, i), 3
	if r < 0 {
		r, size = decode(s, i)
	}
	// Separators between digits: 2022-03-29, 2022/3/29, 2022.3.29.
	switch r {
	case '-', '/', '.', '－', '／', '．':
		if prev == nil || prev.kind != tkNum || prev.end != i {
			return false
		}
		if _, n := digitValue(s, i+size); n == 0 {
			return false
		}
		t := token{start: i, end: i + size, kind: tkSep, cls: cSEP}
		switch r {
		case '-', '－':
			t.sep = '-'
			t.cls |= cCONN
		case '/', '／':
			t.sep = '/'
		default:
			t.sep = '.'
		}
		*out = t
		return true
	}
	// The longest word that fits, against a run of numerals.
	best := -1
	bestEnd := i
	if cs := l.lx.wordsAt(r); cs != nil {
		var v uint64
		whole := i+8 <= len(s)
		if whole {
			v = load8(s, i)
		}
		for k := range cs {
			c := &cs[k]
			if whole && v&c.mask != c.key {
				continue
			}
			w := &l.lx.words[c.id]
			if l.fits(w, i, prev) {
				best, bestEnd = int(c.id), i+len(w.text)
				break
			}
		}
	}
	if prev != nil && prev.end == i && prev.kind == tkWord && prev.w != nil && boundHost(prev) {
		for _, id := range l.lx.bound[r] {
			w := &l.lx.words[id]
			// NOTE: >=, so that a bound word beats a free word of the same
			// length: 日 after 上周 is Sunday, not the unit 日.
			if i+len(w.text) >= bestEnd && l.fits(w, i, prev) {
				best, bestEnd = int(id), i+len(w.text)
				break
			}
		}
	}
	if numeralValue(r) >= 0 {
		j := i
		for j < len(s) {
			r2, n := runes.At3(s, j), 3
			if r2 < 0 {
				r2, n = decode(s, j)
			}
			if numeralValue(r2) < 0 {
				break
			}
			j += n
		}
		if j > bestEnd {
			c := parseCNum(s[i:j])
			t := token{start: i, end: j, kind: tkCNum, cls: cN, cjk: true, nd: c.n, dig: -1, val: -1}
			if c.arithOK {
				t.val = c.arith
			}
			if c.digOK {
				t.dig = c.digits
			}
			*out = t
			return true
		}
	}
	if best < 0 {
		return false
	}
	w := &l.lx.words[best]
	*out = token{start: i, end: bestEnd, kind: tkWord, cls: w.cls, w: w, val: w.val, dig: -1}
	return true
}

// endsDay reports whether the last token of toks may end a day, so that a
// time of day may follow it: 日 or 号 after a number, 今天, 当天, a
// weekday, a lunar day or festival, a holiday, or the last number of a
// numeric date (2022-03-29).
func endsDay(toks []token) bool {
	t := &toks[len(toks)-1]
	switch t.kind {
	case tkWord:
		if k := t.w.kind; k == wUnitDay || k == wUnitHao {
			return len(toks) > 1 && toks[len(toks)-2].isNum()
		}
		return t.cls&(cRD|cAD|cWD|cLD|cLH|cHOL) != 0
	case tkNum:
		return len(toks) > 1 && toks[len(toks)-2].kind == tkSep
	case tkCNum:
		return len(toks) > 1 && toks[len(toks)-2].kind == tkWord && toks[len(toks)-2].w.kind == wUnitMonth
	}
	return false
}

// timeTok returns the time of day that starts at i (after one ASCII space
// at most, before a clock: 2022-03-29 10:00), if any.
func (l *lexer) timeTok(i int) (token, bool) {
	if e := timeAfter(l.text, i); e > i {
		return token{start: i, end: e, kind: tkTime, cls: cTIME, dig: -1}, true
	}
	if i < len(l.text) && l.text[i] == ' ' {
		if e := clockAfter(l.text, i+1); e > i+1 {
			return token{start: i + 1, end: e, kind: tkTime, cls: cTIME, dig: -1, sp: true}, true
		}
	}
	return token{}, false
}

func isUnit(k wkind) bool { return k >= wUnitYear && k <= wUnitCentury }

// boundHost reports whether a bound word (底, 来, 间 …) may follow t.
func boundHost(t *token) bool {
	if isUnit(t.w.kind) {
		return true
	}
	return t.cls&(cRY|cRM|cRW|cFYP|cH|cQ|cHOL|cST|cLH|cHP|cCY) != 0
}

// fits checks a word's context flags at i.
func (l *lexer) fits(w *word, i int, prev *token) bool {
	s := l.text
	n := len(w.text)
	// The last byte first: it tells most candidates apart at once.
	if len(s)-i < n || s[i+n-1] != w.text[n-1] || s[i:i+n] != w.text {
		return false
	}
	adjacent := prev != nil && prev.end == i
	// NOTE: spaced text (3 月末, as HTML-to-text conversion leaves it) keeps
	// a number and its unit together: a space is no boundary for nonum.
	if w.nonum && prev != nil && prev.isNum() && strings.TrimLeft(s[prev.end:i], " \u3000") == "" {
		return false
	}
	if w.bound && !adjacent {
		return false
	}
	if w.afterMonth && !(adjacent && prev.kind == tkWord && prev.w.kind == wUnitMonth) {
		return false
	}
	if w.afterWeek && !(adjacent && prev.cls&cRW != 0) {
		return false
	}
	if w.na != "" || w.nh || w.start {
		p := prevRune(s, i)
		if w.na != "" && p >= 0 && containsRune(w.na, p) {
			return false
		}
		// NOTE: 后 right after a holiday (国庆节后, 春节假期后) is "after it",
		// although a Han rune precedes it.
		if w.nh && isHan(p) && !(adjacent && prev.cls&(cHOL|cST|cLH|cHP) != 0) {
			return false
		}
		if w.start && !adjacent && isHan(p) && !containsRune("年省市区县国全共计累比较于的", p) {
			return false
		}
	}
	if w.nf != "" {
		if n := nextRune(s, i+len(w.text)); n >= 0 && containsRune(w.nf, n) {
			return false
		}
	}
	if w.nx != "" {
		if n := nextRune(s, i+len(w.text)); n < 0 || !containsRune(w.nx, n) {
			return false
		}
	}
	return true
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// run lexes the candidate run that starts at i into toks (reset first). It
// returns the tokens, the end of the last token and whether the run holds
// an anchor worth matching.
func (l *lexer) run(i int, toks []token) ([]token, int, bool) {
	toks = toks[:0]
	end := i
	var anchor uint64
	nums := 0
	from := false
	for {
		var prev *token
		if len(toks) > 0 {
			prev = &toks[len(toks)-1]
		}
		j := end
		sp := false
		if prev != nil {
			// Up to two ASCII spaces may sit between tokens (2009 年).
			k := j
			for k < len(l.text) && k-j < 2 && l.text[k] == ' ' {
				k++
			}
			if k > j {
				j, sp = k, true
			}
		}
		t := &l.tok
		if !l.lexOne(j, prev, t) {
			break
		}
		if t.kind == tkWord && t.w.kind == wYuan {
			anchor |= cY // 神龙元年
		}
		if t.kind == tkWord && isUnit(t.w.kind) {
			if prev == nil {
				break // a run never starts with a unit
			}
			if prev.isNum() {
				anchor |= cY // a number and its unit may make a date
			}
		}
		t.sp = sp
		anchor |= t.cls & anchors
		if t.isNum() {
			nums++
		}
		from = from || t.cls&cFROM != 0
		toks = append(toks, *t)
		end = t.end
		if endsDay(toks) {
			if tm, ok := l.timeTok(end); ok {
				toks = append(toks, tm)
				end = tm.end
			}
		}
	}
	return toks, end, anchor != 0 || nums >= 3 || from && nums >= 2
}
