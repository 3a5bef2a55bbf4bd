package date

// fold joins each number with the unit after it (2022 + 年 → one token),
// 第 with the ordinal it marks, and an era name with its year, and sets the
// pattern classes of the joined tokens. It writes into out (reset first).
func fold(toks, out []token) []token {
	out = out[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tkWord && t.w.kind == wOrd:
			// 第 + number + unit: an ordinal (第三季度).
			if i+2 < len(toks) && toks[i+1].isNum() && adjacent(&t, &toks[i+1]) && isUnitTok(&toks[i+2]) {
				nu := joinUnit(toks[i+1], toks[i+2])
				nu.start, nu.ord = t.start, true
				nu.classify()
				out = append(out, nu)
				i += 2
				continue
			}
			t.cls = 0
		case t.kind == tkWord && t.w.kind == wEra:
			// 康熙 + 三 + 年, 神龙 + 元年.
			if i+1 < len(toks) && adjacent(&t, &toks[i+1]) {
				n := toks[i+1]
				if n.kind == tkWord && n.w.kind == wYuan {
					out = append(out, eraYear(t, n.end, 1))
					i++
					continue
				}
				if n.isNum() && i+2 < len(toks) && isUnitTok(&toks[i+2]) && toks[i+2].w.kind == wUnitYear && adjacent(&n, &toks[i+2]) {
					if v := n.val; v > 0 && v < 100 {
						out = append(out, eraYear(t, toks[i+2].end, v))
						i += 2
						continue
					}
				}
			}
			t.cls = 0
		case t.isNum():
			if i+1 < len(toks) && isUnitTok(&toks[i+1]) {
				nu := joinUnit(t, toks[i+1])
				nu.classify()
				out = append(out, nu)
				i++
				continue
			}
			if d := t.small(); d >= 1 && d <= 31 && !t.lead0 {
				t.cls |= cDN // a day without 日: 八月十五, 腊月28
			}
		}
		out = append(out, t)
	}
	return out
}

func adjacent(a, b *token) bool { return a.end == b.start }

func isUnitTok(t *token) bool { return t.kind == tkWord && isUnit(t.w.kind) }

// joinUnit makes the tkNU token of number n and unit u.
func joinUnit(n, u token) token {
	n.kind = tkNU
	n.end = u.end
	n.w = u.w
	n.cls = 0
	return n
}

func eraYear(era token, end, n int) token {
	return token{start: era.start, end: end, kind: tkNU, w: era.w, val: n, dig: -1,
		year: era.w.val + n - 1, cls: cY}
}

// count returns the number as a count (三 → 3, 12 → 12), or -1.
func (t *token) count() int {
	if t.cjk {
		return t.val // -1 when the numeral is not arithmetic
	}
	if t.lead0 {
		return -1
	}
	return t.val
}

// small returns the number as a month or day number, or -1: at most two
// digits, or an arithmetic numeral other than 两.
func (t *token) small() int {
	if t.cjk {
		if t.dig >= 0 && t.nd > 1 {
			return -1 // 一二 is not twelve
		}
		return t.val
	}
	if t.nd > 2 {
		return -1
	}
	return t.val
}

// yearOf returns the year a number before 年 names and whether it may stand
// alone (safe) or only before a month.
func (t *token) yearOf() (y int, safe, ok bool) {
	if t.ord {
		return 0, false, false
	}
	inRange := func(y int) (int, bool, bool) {
		switch {
		case y >= 1800 && y <= 2100:
			return y, true, true
		case y >= 1000 && y <= 2199:
			return y, false, true
		}
		return 0, false, false
	}
	twoDigit := func(v int) int {
		// NOTE: a fixed pivot rather than the reference date, so that 98年
		// means 1998 whatever the article's date: 00–49 → 2000s,
		// 50–99 → 1900s.
		if v < 50 {
			return 2000 + v
		}
		return 1900 + v
	}
	if !t.cjk {
		switch t.nd {
		case 4:
			return inRange(t.val)
		case 2:
			if t.lead0 {
				return 2000 + t.val, true, true
			}
			return twoDigit(t.val), false, true
		case 3:
			return t.val, false, true
		}
		return 0, false, false
	}
	if t.dig >= 0 {
		switch {
		case t.nd >= 4:
			return inRange(t.dig)
		case t.nd == 3:
			return t.dig, false, true
		case t.nd == 2:
			return twoDigit(t.dig), false, true
		}
		return 0, false, false
	}
	if t.val >= 1000 && t.val <= 2199 {
		return t.val, false, true
	}
	return 0, false, false
}

// classify sets the classes of a tkNU token from its number and unit.
func (t *token) classify() {
	c := t.count()
	switch t.w.kind {
	case wUnitYear:
		if y, safe, ok := t.yearOf(); ok {
			t.year = y
			if safe {
				t.cls |= cY
			} else {
				t.cls |= cYC
			}
		}
		if !t.ord && c >= 1 && c <= 999 {
			t.cls |= cDURY
		}
	case wUnitMonth:
		if m := t.small(); !t.ord && m >= 1 && m <= 12 && !(t.cjk && t.nd == 1 && t.val == 2 && t.dig < 0) {
			t.cls |= cM
		}
	case wUnitMonths:
		if !t.ord && c >= 1 && c <= 120 {
			t.cls |= cDURM
		}
	case wUnitDay, wUnitHao:
		if d := t.small(); !t.ord && d >= 1 && d <= 31 {
			t.cls |= cD
		}
		if t.w.kind == wUnitDay && !t.ord && c >= 1 && c <= 999 {
			t.cls |= cDURD
		}
	case wUnitQuarter:
		if q := t.small(); q >= 1 && q <= 4 {
			t.cls |= cQ
			if !t.ord {
				t.cls |= cDURQ
			}
		}
	case wUnitQuarters:
		if !t.ord && c >= 1 && c <= 4 {
			t.cls |= cDURQ
		}
	case wUnitWeek:
		if !t.ord && c >= 1 && c <= 52 {
			t.cls |= cDURW
		}
	case wUnitDays:
		if !t.ord && c >= 1 && c <= 999 {
			t.cls |= cDURD
		}
		if t.ord && c >= 1 && c <= 366 {
			t.cls |= cNTH // 第3天 (of 春运)
		}
	case wUnitDecade:
		if v := t.count(); !t.ord && v >= 0 && v <= 90 && v%10 == 0 && (t.cjk || t.nd == 2) {
			t.cls |= cDEC
		}
	case wUnitCentury:
		if v := t.count(); !t.ord && v >= 1 && v <= 21 {
			t.cls |= cCENT
		}
	}
}
