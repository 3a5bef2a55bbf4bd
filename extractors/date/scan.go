package date

import "github.com/newsfacts/newsfacts/internal/runes"

// scan finds the matches of one text. It is a value so that concurrent
// calls of Find share nothing but the immutable Extractor.
type scan struct {
	x    *Extractor
	lex  lexer
	raw  []token
	toks []token
	l2   []token
	ones []Match
	out  []Match
	c    mctx
	caps [8]int
	m    Match // best's result
}

func (s *scan) init(x *Extractor, text string) {
	s.x = x
	s.lex = lexer{lx: x.lx, text: text}
	s.out = s.out[:0]
}

// all scans the text: it jumps to the next rune that can start a token,
// lexes the run of tokens there and matches the rules over it.
func (s *scan) all() []Match {
	text := s.lex.text
	lx := s.x.lx
	for i := 0; i < len(text); {
		// NOTE: the runs of valid three-byte runes (CJK, mostly) that are
		// no trigger, in a loop of their own that stops at anything else;
		// the switch below reads the rest as before. An invalid sequence
		// stops the loop, so that it is read one byte at a time as before.
		// With best's one matcher a token (engine.go): the date package
		// benchmark 224 → 205 ms, −8.4 % (p = 0.007, n = 8, one core); the
		// date functions 2.46 → 2.26 G instructions a pass (cachegrind).
		// The loop reads four bytes as one little-endian word (one load)
		// and indexes the stop bitmap with the rune's bits straight from
		// it; stop holds the overlong forms and surrogates as well, so
		// one bit test rejects them with the triggers: 245 M fewer of the
		// package benchmark's 3.03 G instructions a pass (cachegrind).
		for i+4 <= len(text) {
			q := text[i : i+4]
			v := uint32(q[0]) | uint32(q[1])<<8 | uint32(q[2])<<16 | uint32(q[3])<<24
			if v&0xC0C0F0 != 0x8080E0 || lx.stop[(v&0x0F)<<6|v>>8&0x3F]&(1<<(v>>16&63)) != 0 {
				break
			}
			i += 3
		}
		if i >= len(text) {
			break
		}
		b := text[i]
		var size int
		switch {
		case b >= '0' && b <= '9':
			size = 1
		case b < 0x80:
			if !lx.isTrig(rune(b)) { // "十四五", (星期二)
				i++
				continue
			}
			size = 1
		default:
			// NOTE: runes.At3 inlines, decode does not: this visits every
			// non-ASCII rune of the text, and the call was a tenth of the
			// stage.
			r := runes.At3(text, i)
			size = 3
			if r < 0 {
				r, size = decode(text, i)
			}
			if !lx.isTrig(r) {
				i += size
				continue
			}
			r2 := runes.At3(text, i+size)
			if r2 < 0 {
				r2 = nextRune(text, i+size)
			}
			if !lx.mayStart(r, r2) {
				i += size
				continue
			}
		}
		var ok bool
		var end int
		s.raw, end, ok = s.lex.run(i, s.raw)
		if len(s.raw) == 0 {
			i += size
			continue
		}
		if ok {
			s.match()
		}
		i = end
	}
	return s.out
}

// dayLevel reports whether a first-layer match names one day, which a time
// of day may follow.
func dayLevel(m *Match) bool {
	switch m.Kind {
	case KindPoint:
		return m.Lo.Unit == UnitDay || m.Lo.Unit == UnitWeekday
	case KindAnchored:
		return m.Step == UnitDay
	}
	return false
}

// match runs both layers of rules over the current run and appends its
// matches to s.out.
func (s *scan) match() {
	s.toks = fold(s.raw, s.toks)
	c := &s.c
	*c = mctx{text: s.lex.text, toks: s.toks}
	s.ones = s.ones[:0]
	s.l2 = s.l2[:0]
	for i := 0; i < len(s.toks); {
		end := best(&s.x.one, c, i, s.caps[:], &s.m)
		if end < 0 {
			s.l2 = append(s.l2, s.toks[i])
			i++
			continue
		}
		m := &s.m
		if end < len(s.toks) && s.toks[end].kind == tkTime && dayLevel(m) {
			// A time of day joins the day it follows: 3月29日14时30分.
			m.End = s.toks[end].end
			end++
		}
		s.l2 = append(s.l2, token{start: m.Start, end: m.End, kind: tkExpr, cls: cX, expr: len(s.ones)})
		s.ones = append(s.ones, *m)
		i = end
	}
	*c = mctx{text: s.lex.text, toks: s.l2, ones: s.ones}
	for i := 0; i < len(s.l2); {
		if end := best(&s.x.two, c, i, s.caps[:], &s.m); end >= 0 {
			s.out = append(s.out, s.m)
			i = end
			continue
		}
		if t := &s.l2[i]; t.kind == tkExpr {
			s.out = append(s.out, s.ones[t.expr])
		}
		i++
	}
}
