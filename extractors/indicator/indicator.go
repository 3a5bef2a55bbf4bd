// Package indicator names the indicator a figure's subject measures: the
// canonical names of the main indicators of Chinese statistical
// communiqués (国民经济和社会发展统计公报, national to county), government
// work reports (政府工作报告) and government-service (政务服务) reports, with
// the other ways reports write them (社零 → 社会消费品零售总额).
//
// The catalogue is an embedded data file, data/indicators.tsv, whose header
// names its sources and licence. Default loads it; Load parses a user file
// in the same format and With lays it over the default one.
//
// # Matching
//
// Match takes the subject of a figure (as the metric extractor finds it)
// and returns the canonical name of the indicator it names, or nothing. It
// prefers precision: a wrong indicator on a dashboard is worse than none.
// The rules, in order:
//
//  1. Normalise: fold full-width Latin letters, digits and punctuation to
//     ASCII (golang.org/x/text/width), upper-case ASCII letters, and drop
//     spaces (full- and half-width) and quotation marks. Catalogue names are
//     normalised the same way, so GDP = gdp = ＧＤＰ and “一网通办” = 一网通办.
//  2. Exact: the subject is a name or alias.
//  3. A trailing bracketed note is dropped (地区生产总值(GDP), 出口总额（美元）).
//  4. Scope words at the start are dropped one at a time (全年, 年末, 年底,
//     全国, 全省, 全市, 全州, 全县, 全区, 全社会, 本市, 该县, 我省, 其中 …),
//     trying the exact rule before each: 全社会用电量 is a name and is never
//     cut to 用电量.
//  5. Suffix: the longest name or alias of at least two characters that ends
//     the subject, when the part before it is a place or a time that ends
//     at a word boundary: 株洲市地区生产总值, 湖南省常住人口, 2023年GDP,
//     1-5月进出口总额. The part before must end with a level word (省, 市,
//     县, 区, 州, 盟, 旗, 镇, 乡, 国) after a name, not a generic word
//     (城市, 城区, 城镇, 园区, 景区, 各县 …: 城镇常住人口 is not 常住人口),
//     or with a time (2023年, 上半年, 前三季度, 1-5月, 年末); and its last
//     character must not form a word with the alias's first (年 + 末, 市 +
//     场). A qualifier before an indicator is a different series and does
//     not match: 外资企业进出口总额, 核心CPI (unless catalogued), 农村地区….
//     The suffix must end the subject: 出口总额占比 is not 出口总额, GDPR is
//     not GDP. NOTE: places are recognised from their level word only,
//     without a gazetteer, so a bare city name (长沙GDP) is not matched;
//     a caller that knows the place can cut it off first.
//     Indicators of the group 政务服务 name a measure whatever qualifies
//     it, so any prefix is allowed before a key of three characters or more
//     (涉企经营许可事项审批时限 → 审批时限), except one that makes a flow of a
//     stock (新增个体工商户 is no 个体工商户).
//  6. Stock and budget: a trailing 余额, 预算, 预算数, 执行数, 总量 or 总数 is
//     dropped and rules 4–5 tried on the rest (广义货币供应量余额 → 广义货币,
//     一般公共预算收入预算 → 一般公共预算收入).
//  7. Change: a trailing 增速, 增幅, 增长率, 增长, 涨幅, 降幅, 上涨, 下降, 降低, 年均 (also
//     after 同比, 实际, 名义, 年均, 平均) is dropped and rules 3–5 are tried
//     on the rest, because a change of an indicator belongs to its series:
//     GDP增速 → 地区生产总值. A name that itself ends in such a word
//     (自然增长率) matches by rule 2 first.
//
// A Catalogue is read-only once built and safe for concurrent use.
package indicator

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/datafile"
)

//go:embed data/indicators.tsv
var defaultData string

// Indicator is one indicator of the catalogue.
type Indicator struct {
	// Name is the canonical name (地区生产总值).
	Name string
	// Group is the indicator's area (综合, 工业, 政务服务 …).
	Group string
	// Aliases are the other names that reports use (GDP, 生产总值).
	Aliases []string
}

// Catalogue is a set of indicators with an index of their names and
// aliases. It is read-only once built and safe for concurrent use.
type Catalogue struct {
	list []Indicator
	// keys maps a normalised name or alias to its indicator's index in list.
	keys map[string]int32
	// maxKey is the length in bytes of the longest key: the suffix rule
	// looks no further back.
	maxKey int
	// first and last hold the first and last runes of every key of at
	// least two runes.
	//
	// NOTE: most subjects name no indicator; a bit test of the subject's
	// last rune rejects most of them, and a bit test of each rune spares
	// the suffix rule a map lookup at most positions.
	first, last runeSet
}

// runeSet is a set of runes: a bit set for the BMP below U+A000 (Latin,
// CJK punctuation, Han) and a map for the rest.
type runeSet struct {
	bits  []uint64
	other map[rune]struct{}
}

const runeSetBits = 0xA000

func (s *runeSet) add(r rune) {
	if r >= 0 && r < runeSetBits {
		if s.bits == nil {
			s.bits = make([]uint64, runeSetBits/64)
		}
		s.bits[r/64] |= 1 << (r % 64)
		return
	}
	if s.other == nil {
		s.other = map[rune]struct{}{}
	}
	s.other[r] = struct{}{}
}

func (s *runeSet) has(r rune) bool {
	if r >= 0 && r < runeSetBits {
		return s.bits != nil && s.bits[r/64]&(1<<(r%64)) != 0
	}
	_, ok := s.other[r]
	return ok
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalogue
	defaultErr  error
)

// Default returns the catalogue of the embedded data file. It is loaded
// once, on the first call; the result is shared and safe for concurrent use.
func Default() (*Catalogue, error) {
	defaultOnce.Do(func() {
		defaultCat, defaultErr = Load(strings.NewReader(defaultData), "indicators.tsv")
	})
	return defaultCat, defaultErr
}

// Load parses a catalogue file: one indicator a line,
// canonical<TAB>group<TAB>aliases with the aliases separated by | (the
// third column may be missing or empty); blank lines and lines starting with
// # are skipped. A malformed line is an error "name:line: message": a wrong
// number of columns, an empty name, group or alias, a second line for the
// same indicator, or an alias (or name) that names two indicators.
func Load(r io.Reader, name string) (*Catalogue, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	b := newBuilder()
	owner := map[string]int{} // key → line that first used it
	err = datafile.Lines(name, strings.TrimPrefix(string(data), "\ufeff"), func(line int, text string) error {
		f := strings.Split(text, "\t")
		if len(f) != 2 && len(f) != 3 {
			return fmt.Errorf("%d columns, want canonical<TAB>group<TAB>aliases", len(f))
		}
		ind := Indicator{Name: strings.TrimSpace(f[0]), Group: strings.TrimSpace(f[1])}
		if ind.Name == "" || normalize(ind.Name) == "" {
			return fmt.Errorf("empty indicator name")
		}
		if ind.Group == "" {
			return fmt.Errorf("empty group for %s", ind.Name)
		}
		if len(f) == 3 && strings.TrimSpace(f[2]) != "" {
			for a := range strings.SplitSeq(f[2], "|") {
				a = strings.TrimSpace(a)
				if a == "" || normalize(a) == "" {
					return fmt.Errorf("empty alias for %s", ind.Name)
				}
				ind.Aliases = append(ind.Aliases, a)
			}
		}
		idx := int32(len(b.list))
		// Check every key of the line before adding any.
		seen := map[string]bool{}
		for i, s := range append([]string{ind.Name}, ind.Aliases...) {
			k := normalize(s)
			if seen[k] {
				continue // the same name twice on one line is harmless
			}
			seen[k] = true
			if j, ok := b.keys[k]; ok {
				other := b.list[j].Name
				if i == 0 && normalize(other) == k {
					return fmt.Errorf("%s: second line for the indicator of line %d", ind.Name, owner[k])
				}
				return fmt.Errorf("%q of %s also names %s (line %d)", s, ind.Name, other, owner[k])
			}
		}
		for k := range seen {
			owner[k] = line
		}
		b.add(idx, ind)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.build(), nil
}

// With returns a new catalogue made of c and the user catalogue, which wins
// where they differ: a user indicator whose name is one of c's replaces that
// indicator's group and aliases; any other user indicator is added; and a
// user name or alias that c gives to another indicator moves to the user's
// (and leaves that indicator's alias list). c and user are not changed. With
// a nil or empty user catalogue, With returns c.
func (c *Catalogue) With(user *Catalogue) *Catalogue {
	if user == nil || len(user.list) == 0 {
		return c
	}
	list := make([]Indicator, len(c.list), len(c.list)+len(user.list))
	for i, ind := range c.list {
		list[i] = cloneIndicator(ind)
	}
	byName := make(map[string]int, len(list))
	for i, ind := range list {
		byName[normalize(ind.Name)] = i
	}
	fromUser := make([]bool, len(list), cap(list))
	for _, u := range user.list {
		u = cloneIndicator(u)
		if i, ok := byName[normalize(u.Name)]; ok {
			list[i] = u
			fromUser[i] = true
			continue
		}
		list = append(list, u)
		fromUser = append(fromUser, true)
	}
	// The user's keys first, so that they win; then c's keys where free.
	taken := map[string]bool{}
	for i, ind := range list {
		if fromUser[i] {
			for _, s := range ind.keys() {
				taken[normalize(s)] = true
			}
		}
	}
	b := newBuilder()
	for i, ind := range list {
		if !fromUser[i] {
			kept := ind.Aliases[:0]
			for _, a := range ind.Aliases {
				if !taken[normalize(a)] {
					kept = append(kept, a)
				}
			}
			ind.Aliases = kept
		}
		b.list = append(b.list, ind)
	}
	for i, ind := range b.list {
		for _, s := range ind.keys() {
			k := normalize(s)
			if fromUser[i] || !taken[k] {
				b.keys[k] = int32(i)
			}
		}
	}
	return b.build()
}

// Len returns the number of indicators.
func (c *Catalogue) Len() int { return len(c.list) }

// All returns a copy of the indicators, in file order (the user's added
// indicators after the others).
func (c *Catalogue) All() []Indicator {
	out := make([]Indicator, len(c.list))
	for i, ind := range c.list {
		out[i] = cloneIndicator(ind)
	}
	return out
}

// keys returns the indicator's name and aliases.
func (ind Indicator) keys() []string {
	return append([]string{ind.Name}, ind.Aliases...)
}

func cloneIndicator(ind Indicator) Indicator {
	ind.Aliases = slices.Clone(ind.Aliases)
	return ind
}

// builder collects the indicators and keys of a catalogue.
type builder struct {
	list []Indicator
	keys map[string]int32
}

func newBuilder() *builder {
	return &builder{keys: map[string]int32{}}
}

// add appends ind as indicator idx and indexes its keys; the caller has
// checked them.
func (b *builder) add(idx int32, ind Indicator) {
	b.list = append(b.list, ind)
	for _, s := range ind.keys() {
		b.keys[normalize(s)] = idx
	}
}

// build computes the derived indexes.
func (b *builder) build() *Catalogue {
	c := &Catalogue{list: b.list, keys: b.keys}
	for k := range c.keys {
		c.maxKey = max(c.maxKey, len(k))
		if utf8.RuneCountInString(k) >= 2 {
			r, _ := utf8.DecodeRuneInString(k)
			c.first.add(r)
			r, _ = utf8.DecodeLastRuneInString(k)
			c.last.add(r)
		}
	}
	return c
}
