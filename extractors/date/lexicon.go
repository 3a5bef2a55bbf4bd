package date

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/datafile"
)

// The vocabularies are data, embedded from data/; each file names its
// source and licence in its header.
var (
	//go:embed data/words.tsv
	wordsTSV string
	//go:embed data/plans.tsv
	plansTSV string
	//go:embed data/eras.tsv
	erasTSV string
	//go:embed data/lunar.tsv
	lunarTSV string
	//go:embed data/events.tsv
	eventsTSV string
)

// wkind is what a lexicon word means beyond its pattern classes.
type wkind uint8

const (
	wNone wkind = iota
	wUnitYear
	wUnitMonth
	wUnitMonths
	wUnitDay
	wUnitHao
	wUnitQuarter
	wUnitQuarters
	wUnitWeek
	wUnitDays
	wUnitDecade
	wUnitCentury
	wYuan  // 元年, after an era name
	wOrd   // 第
	wEra   // an era name (康熙)
	wPlan  // a five-year plan name (十四五)
	wEvent // an event (十八大); val is its first day
)

// word is one lexicon entry.
type word struct {
	text       string
	cls        uint64 // pattern classes
	kind       wkind
	val        int
	val2       int // plans: last year
	bound      bool
	nonum      bool
	start      bool
	nh         bool
	na         string // runes that may not precede
	nf         string // runes that may not follow
	nx         string // runes one of which must follow, when set
	afterMonth bool
	afterWeek  bool
}

// lexicon is the immutable vocabulary an Extractor matches.
type lexicon struct {
	words []word
	// first maps a rune to the words (indexes into words) that start with
	// it, longest first, for the free words; bound holds the words allowed
	// only directly after a date token.
	first map[rune][]int32
	bound map[rune][]int32
	// trig is a bitmap over the Basic Multilingual Plane of the runes that
	// can start a token: digits, numerals and first runes of free words.
	trig [0x10000 / 64]uint64
	// stop is trig plus the runes that a valid-looking three-byte
	// sequence may decode to but that are no valid rune (overlong forms
	// below 0x800, surrogates): the scan's fast loop steps over a
	// three-byte sequence whose rune is not in stop.
	stop [0x10000 / 64]uint64
	// solo marks the trigger runes that may make a token alone (digits,
	// numerals, one-character words); pairs is a bitmap, by pairHash, of
	// the first two runes of the other words, so that the scanner skips a
	// trigger rune whose next rune begins no word (国 before 家, 中 before 心).
	solo  [0x10000 / 64]uint64
	pairs [1 << 16 / 64]uint64
	// firstIdx maps a BMP rune to 1 + its index in lists, the lists of
	// first, or 0 when no free word starts with it.
	// NOTE: an array rather than the map on the hot path: the lookup runs
	// for every candidate rune of every text.
	firstIdx [0x10000]uint16
	lists    [][]wordCand
	// big holds the candidates of the runes outside the BMP.
	big      map[rune][]wordCand
	lunar    lunarTable
	holidays holidayTable
}

// unitKinds maps the unit class names of words.tsv to word kinds.
var unitKinds = map[string]wkind{
	"U-YEAR":     wUnitYear,
	"U-MONTH":    wUnitMonth,
	"U-MONTHS":   wUnitMonths,
	"U-DAY":      wUnitDay,
	"U-HAO":      wUnitHao,
	"U-QUARTER":  wUnitQuarter,
	"U-QUARTERS": wUnitQuarters,
	"U-WEEK":     wUnitWeek,
	"U-DAYS":     wUnitDays,
	"U-DECADE":   wUnitDecade,
	"U-CENTURY":  wUnitCentury,
	"YUAN":       wYuan,
	"ORD":        wOrd,
}

// loadLexicon parses the embedded data files.
func loadLexicon() (*lexicon, error) {
	lx := &lexicon{first: map[rune][]int32{}, bound: map[rune][]int32{}}
	err := eachLine("words.tsv", wordsTSV, func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want word, class, value")
		}
		w := word{text: f[0]}
		if k, ok := unitKinds[f[1]]; ok {
			w.kind = k
		} else if c, ok := classByName(f[1]); ok {
			w.cls = c
		} else {
			return fmt.Errorf("unknown class %q", f[1])
		}
		v, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("value %q: %w", f[2], err)
		}
		w.val = v
		if len(f) > 3 {
			for _, fl := range strings.Split(f[3], ",") {
				switch {
				case fl == "bound":
					w.bound = true
				case fl == "nonum":
					w.nonum = true
				case fl == "start":
					w.start = true
				case fl == "nh":
					w.nh = true
				case fl == "afterm":
					w.afterMonth = true
				case fl == "afterw":
					w.afterWeek = true
				case strings.HasPrefix(fl, "na="):
					w.na = fl[3:]
				case strings.HasPrefix(fl, "nf="):
					w.nf = fl[3:]
				case strings.HasPrefix(fl, "nx="):
					w.nx = fl[3:]
				default:
					return fmt.Errorf("unknown flag %q", fl)
				}
			}
		}
		lx.words = append(lx.words, w)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A weekday in brackets after a date: 3月29日（星期二）.
	for _, w := range lx.words {
		if w.cls == cWD && !w.bound {
			for _, q := range [][2]string{{"（", "）"}, {"(", ")"}} {
				v := w
				v.text, v.na, v.nf = q[0]+w.text+q[1], "", ""
				lx.words = append(lx.words, v)
			}
		}
	}
	err = eachLine("plans.tsv", plansTSV, func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want name, first year, last year")
		}
		y0, err0 := strconv.Atoi(f[1])
		y1, err1 := strconv.Atoi(f[2])
		if err0 != nil || err1 != nil || y1 < y0 {
			return fmt.Errorf("bad years %q %q", f[1], f[2])
		}
		quoted := len(f) > 3 && f[3] == "quoted"
		add := func(s string) {
			lx.words = append(lx.words, word{text: s, cls: cFYP, kind: wPlan, val: y0, val2: y1})
		}
		for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"「", "」"}, {"‘", "’"}} {
			add(q[0] + f[0] + q[1])
		}
		if quoted {
			for _, suf := range []string{"计划", "时期", "期间"} {
				add(f[0] + suf)
			}
		} else {
			add(f[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("eras.tsv", erasTSV, func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want name, first year")
		}
		y, err := strconv.Atoi(f[1])
		if err != nil {
			return fmt.Errorf("bad year %q", f[1])
		}
		lx.words = append(lx.words, word{text: f[0], kind: wEra, val: y})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("events.tsv", eventsTSV, func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want day, name …")
		}
		d, err := newsfacts.ParseDay(f[0])
		if err != nil {
			return err
		}
		for _, name := range f[1:] {
			lx.words = append(lx.words, word{text: name, cls: cEV, kind: wEvent, val: int(d)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if lx.holidays, err = parseHolidays(holidaysTSV); err != nil {
		return nil, err
	}
	if lx.lunar, err = parseLunar(lunarTSV); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for i, w := range lx.words {
		key := w.text
		if w.bound {
			key += "\x00bound"
		}
		if seen[key] {
			return nil, fmt.Errorf("date lexicon: duplicate word %q", w.text)
		}
		seen[key] = true
		r, _ := utf8.DecodeRuneInString(w.text)
		if w.bound {
			lx.bound[r] = append(lx.bound[r], int32(i))
			continue
		}
		lx.first[r] = append(lx.first[r], int32(i))
		lx.setTrig(r)
		if n := utf8.RuneLen(r); n >= len(w.text) {
			lx.setSolo(r)
		} else {
			r2, _ := utf8.DecodeRuneInString(w.text[n:])
			h := pairHash(r, r2)
			lx.pairs[h>>6] |= 1 << (h & 63)
		}
	}
	for _, m := range []map[rune][]int32{lx.first, lx.bound} {
		for r, ids := range m {
			// Longest first, so that the first word that fits wins.
			sortByLen(ids, lx.words)
			m[r] = ids
		}
	}
	lx.big = map[rune][]wordCand{}
	for r, ids := range lx.first {
		cs := make([]wordCand, len(ids))
		for k, id := range ids {
			cs[k] = newWordCand(lx.words[id].text, id)
		}
		if r < 0x10000 {
			lx.lists = append(lx.lists, cs)
			lx.firstIdx[r] = uint16(len(lx.lists))
		} else {
			lx.big[r] = cs
		}
	}
	for r := '0'; r <= '9'; r++ {
		lx.setTrig(r)
		lx.setSolo(r)
	}
	for r := '０'; r <= '９'; r++ {
		lx.setTrig(r)
		lx.setSolo(r)
	}
	for _, r := range "〇零一二三四五六七八九十廿卅百千两兩" {
		lx.setTrig(r)
		lx.setSolo(r)
	}
	lx.stop = lx.trig
	for r := 0; r < 0x800; r++ {
		lx.stop[r>>6] |= 1 << (r & 63)
	}
	for r := 0xD800; r <= 0xDFFF; r++ {
		lx.stop[r>>6] |= 1 << (r & 63)
	}
	return lx, nil
}

func (lx *lexicon) setSolo(r rune) {
	if r < 0x10000 {
		lx.solo[r>>6] |= 1 << (r & 63)
	}
}

// pairHash hashes the first two runes of a word into 16 bits.
func pairHash(r1, r2 rune) uint32 {
	return (uint32(r1)*31 + uint32(r2)) & 0xFFFF
}

// mayStart reports whether a word, number or numeral may start at trigger
// rune r followed by r2 (-1 at the end of the text). Runes outside the
// BMP are always tried.
func (lx *lexicon) mayStart(r, r2 rune) bool {
	if r >= 0x10000 || lx.solo[r>>6]&(1<<(r&63)) != 0 {
		return true
	}
	if r2 < 0 {
		return false
	}
	h := pairHash(r, r2)
	return lx.pairs[h>>6]&(1<<(h&63)) != 0
}

func (lx *lexicon) setTrig(r rune) {
	if r < 0x10000 {
		lx.trig[r>>6] |= 1 << (r & 63)
	}
}

// wordCand is a free word as lexOne tries it: its index in words, and its
// first eight bytes (all of it when shorter) as a little-endian word with
// the mask of the bytes it has.
//
// NOTE: lexOne compares the eight bytes of the text at once against each
// candidate before it calls fits, which most candidates of a common first
// rune (上, 今, 年 …) fail: 173 M fewer instructions a pass of the
// package benchmark (3.03 G at the start of this round; cachegrind).
type wordCand struct {
	key, mask uint64
	id        int32
}

func newWordCand(text string, id int32) wordCand {
	c := wordCand{id: id}
	for k := 0; k < len(text) && k < 8; k++ {
		c.key |= uint64(text[k]) << (8 * k)
		c.mask |= 0xFF << (8 * k)
	}
	return c
}

// load8 returns the eight bytes of s from i as a little-endian word; i+8
// must not exceed len(s).
func load8(s string, i int) uint64 {
	q := s[i : i+8]
	return uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 |
		uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
}

// wordsAt returns the free words that start with r, longest first.
func (lx *lexicon) wordsAt(r rune) []wordCand {
	if r < 0x10000 {
		if i := lx.firstIdx[r]; i > 0 {
			return lx.lists[i-1]
		}
		return nil
	}
	return lx.big[r]
}

func (lx *lexicon) isTrig(r rune) bool {
	return r < 0x10000 && lx.trig[r>>6]&(1<<(r&63)) != 0
}

func sortByLen(ids []int32, words []word) {
	// Insertion sort: the lists are short.
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && len(words[ids[j]].text) > len(words[ids[j-1]].text); j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// eachLine calls fn with the tab-separated fields of every data line of
// the data file name (see datafile.Lines).
func eachLine(name, data string, fn func(f []string) error) error {
	err := datafile.Lines("data/"+name, data, func(_ int, l string) error { return fn(strings.Split(l, "\t")) })
	if err != nil {
		return fmt.Errorf("date: %w", err)
	}
	return nil
}

// lunarYear is one year of the lunisolar calendar.
type lunarYear struct {
	newYear newsfacts.Day // Gregorian day of 正月初一
	leap    int           // leap month, 0 when none
	lens    string        // month lengths in order, L = 30, S = 29
}

// lunarTable holds the lunisolar calendar for the years it covers.
type lunarTable struct {
	first int // first lunar year
	years []lunarYear
}

func parseLunar(data string) (lunarTable, error) {
	var t lunarTable
	err := eachLine("lunar.tsv", data, func(f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("want year, new year, leap month, lengths")
		}
		y, err := strconv.Atoi(f[0])
		if err != nil {
			return err
		}
		d, err := newsfacts.ParseDay(f[1])
		if err != nil {
			return err
		}
		leap, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		want := 12
		if leap > 0 {
			want = 13
		}
		if len(f[3]) != want || strings.Trim(f[3], "LS") != "" {
			return fmt.Errorf("month lengths %q: want %d of L or S", f[3], want)
		}
		if len(t.years) == 0 {
			t.first = y
		} else if y != t.first+len(t.years) {
			return fmt.Errorf("year %d out of order", y)
		}
		t.years = append(t.years, lunarYear{newYear: d, leap: leap, lens: f[3]})
		return nil
	})
	return t, err
}

// solar returns the Gregorian day of lunar year y, month m (not a leap
// month), day d; ok is false when the table does not cover y or the day
// does not exist (正月三十 in a year whose first month has 29 days).
func (t *lunarTable) solar(y, m, d int) (newsfacts.Day, bool) {
	i := y - t.first
	if i < 0 || i >= len(t.years) || m < 1 || m > 12 || d < 1 || d > 30 {
		return 0, false
	}
	ly := t.years[i]
	day := ly.newYear
	idx := m - 1 // index of month m in lens
	if ly.leap > 0 && m > ly.leap {
		idx++
	}
	for k := 0; k < idx; k++ {
		day += monthLen(ly.lens[k])
	}
	if n := monthLen(ly.lens[idx]); newsfacts.Day(d) > n {
		return 0, false
	}
	return day + newsfacts.Day(d-1), true
}

// eve returns New Year's Eve (除夕) before lunar year y: the last day of
// the previous lunar year.
func (t *lunarTable) eve(y int) (newsfacts.Day, bool) {
	i := y - t.first
	if i < 1 || i >= len(t.years) {
		return 0, false
	}
	return t.years[i].newYear - 1, true
}

func monthLen(c byte) newsfacts.Day {
	if c == 'L' {
		return 30
	}
	return 29
}
