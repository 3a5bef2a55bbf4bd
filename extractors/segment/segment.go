// Package segment cuts Chinese text into words with part-of-speech tags. It
// is the only package of newsfacts that imports the segmenter library,
// github.com/go-ego/gse; everything else uses the Segmenter interface.
//
// gse's full default dictionary takes seconds and hundreds of megabytes to
// load. New loads instead a compact dictionary compiled at `go generate`
// time (data/dict.txt: gse's dictionary, which derives from jieba's, trimmed
// and sorted) plus the caller's extra words, such as gazetteer names, so
// that those segment as one word.
//
// Segmentation is the most expensive step of entity extraction, so callers
// segment only small windows of text where a decision needs words, and map
// the offsets back with SegmentAt.
package segment

import (
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/go-ego/gse"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/datafile"
	"github.com/newsfacts/newsfacts/internal/runes"
)

//go:generate go run ./internal/gen/gensegdict -out data/dict.txt

//go:embed data/dict.txt
var dictData string

// Segmenter cuts text into word tokens.
type Segmenter interface {
	// Segment returns the words of text in order, covering it without gaps,
	// with byte offsets into text.
	Segment(text string) []newsfacts.Token
}

// Lexicon answers whether a string is a dictionary word.
type Lexicon interface {
	// Lookup returns the dictionary entry of word.
	Lookup(word string) (Entry, bool)
}

// Entry is a dictionary word's data.
type Entry struct {
	// Pos is the part-of-speech tag (jieba/ICTCLAS style: n, ns, nt, v …).
	Pos string
	// Freq is the word's frequency count.
	Freq float64
}

// Word is an extra dictionary word.
type Word struct {
	Text string
	Pos  string
	Freq float64
}

// Options configure New.
type Options struct {
	// Words are added to the dictionary. A word that the dictionary already
	// has keeps its own entry.
	Words []Word
}

// GSE is the dictionary-backed Segmenter and Lexicon (it segments as gse
// does). It is read-only after it is built and safe for concurrent use.
type GSE struct {
	// seg is gse's *gse.Segmenter over the same dictionary, which only the
	// tests that compare with gse build (keepGSE); nil otherwise.
	//
	// NOTE: an unsafe.Pointer, so that gse's type is not in the type
	// descriptor of GSE. GSE is converted to interfaces, and the binary
	// links reflection's MethodByName (text/template): the linker then
	// keeps every exported method of every type GSE's descriptor names,
	// and gse.Segmenter's LoadDictEmbed would keep the 32 MB of
	// dictionaries gse embeds, which newsfacts never loads.
	seg unsafe.Pointer
	// calc runs gse's CalcToken, which only gse's own segmentation needs
	// (segmentGSE).
	calc sync.Once
	// words is a bit set of the hashes of the dictionary's words: a word
	// whose bit is clear is not in the dictionary.
	//
	// NOTE: the place and organisation finders look up about a million
	// strings per 30 MB of text, six in seven of which are no word; gse's
	// double-array trie follows one array cell per byte of the string (six
	// cache misses for two characters), while the bit set rejects most of
	// them with one memory access. It only filters: a word whose bit is
	// set is still looked up in the table, so the answers do not change.
	words []uint64
	// table finds the dictionary's words (gse's trie answers the same).
	table *wordTable
	// short segments as seg does, with less allocation.
	short *shortest
}

var (
	_ Segmenter = (*GSE)(nil)
	_ Lexicon   = (*GSE)(nil)
)

// gse returns the gse segmenter (see keepGSE).
func (g *GSE) gse() *gse.Segmenter { return (*gse.Segmenter)(g.seg) }

// New loads the embedded dictionary and opts.Words.
func New(opts Options) (*GSE, error) {
	b, err := NewBuilder(len(opts.Words))
	if err != nil {
		return nil, err
	}
	b.Add(opts.Words)
	return b.Build(), nil
}

// Builder loads a dictionary in two steps, so that a caller can load the
// embedded dictionary while it computes its extra words concurrently.
//
// NOTE: the dictionary is loaded as gse's Dictionary.AddToken loads it (a
// word is its text with the letters of its Latin runs lowered, a word the
// dictionary has keeps its first entry, the total frequency sums the
// entries', the longest word is counted in units), but into the word
// table alone: gse's double-array trie, whose inserts were most of the
// segmenter's start-up, and its token structs (a slice of sub-slices per
// word) are not built. Only the tests that compare with gse (keepGSE)
// build its dictionary too, and TestWordTableSameAsTrie checks that the
// two hold the same words at the same indexes. The first output of a
// one-document run on one core fell from 80–87 to 54–61 ms (6 runs each,
// interleaved), its peak RSS from 93 to 72 MB.
//
// NOTE: the words go straight into the table that Build returns, their
// texts one after another into its text: no index of the Builder's own
// beside it, no copies of the texts (fewer pages of fresh memory, each a
// page fault at start-up; with the gazetteer builder's index, a
// one-document run's page faults fell from 11.9–12.6k to 10.2–10.8k,
// perf stat). The table starts at the size for the lines of
// the embedded dictionary and doubles as words are added past half full,
// so that it ends at the size a table of all its words has (tableSize),
// as when it was built after them.
type Builder struct {
	g *GSE
	// t is the table being built: its slots hold each word's hash, token
	// index and text (in text); the distances are left to Build.
	t    *wordTable
	text strings.Builder
	// entries are the words' entries, by token index.
	entries []Entry
	// total is the sum of the entries' frequencies, maxLen the most
	// units of a word.
	total  float64
	maxLen int
	// words and prefixes are the bit sets of the words and of their
	// prefixes (see shortest).
	words, prefixes []uint64
}

// NewBuilder loads the embedded dictionary; extra is a hint of how many
// words Add will add.
func NewBuilder(extra int) (*Builder, error) {
	nd := strings.Count(dictData, "\n")
	n := nd + extra
	b := &Builder{
		g:        &GSE{},
		t:        newWordTable(tableSize(nd)),
		entries:  make([]Entry, 0, n),
		words:    make([]uint64, wordBits/64),
		prefixes: make([]uint64, wordBits/64),
	}
	// NOTE: the words are about two thirds of the dictionary's bytes.
	b.text.Grow(len(dictData)*2/3 + 16*extra)
	var s *gse.Segmenter
	if keepGSE {
		s = newGSE(n)
		b.g.seg = unsafe.Pointer(s)
	}
	err := datafile.Lines("data/dict.txt", dictData, func(_ int, l string) error {
		w, rest, ok1 := strings.Cut(l, " ")
		fs, pos, ok2 := strings.Cut(rest, " ")
		f, err := parseFreq(fs)
		if !ok1 || !ok2 || err != nil || w == "" {
			return errors.New("malformed dictionary line")
		}
		if s != nil {
			if err := s.Dict.AddToken(s.ToToken(w, f, pos)); err != nil {
				return err
			}
		}
		b.add(w, f, pos)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	return b, nil
}

// newGSE returns an empty gse segmenter with room for n tokens.
func newGSE(n int) *gse.Segmenter {
	s := new(gse.Segmenter)
	s.SkipLog = true
	s.NotLoadHMM = true
	s.Dict = gse.NewDict()
	s.Init()
	s.Dict.Tokens = make([]gse.Token, 0, n)
	return s
}

// Add adds words; a word the dictionary already has keeps its entry.
func (b *Builder) Add(words []Word) {
	s := b.g.gse()
	for _, w := range words {
		if w.Text == "" || !utf8.ValidString(w.Text) {
			continue
		}
		f := w.Freq
		if f < 1 {
			f = 1
		}
		if s != nil {
			// NOTE: AddToken fails only on a trie insert error, which
			// the double-array trie reports for no valid key.
			_ = s.Dict.AddToken(s.ToToken(w.Text, f, w.Pos))
		}
		b.add(w.Text, f, w.Pos)
	}
}

// add adds the word w unless the dictionary has it, as gse's AddToken
// does.
func (b *Builder) add(w string, f float64, pos string) {
	w, units := wordText(w)
	h := fnv32(w)
	t := b.t
	text := b.text.String()
	k := t.slotOf(h)
	for ; t.slots[k].tok != 0; k = (k + 1) & (len(t.slots) - 1) {
		if sl := &t.slots[k]; sl.hash == h && text[sl.off:sl.off+sl.n] == w {
			return
		}
	}
	t.slots[k] = wordSlot{hash: h, tok: int32(len(b.entries)) + 1, off: uint32(b.text.Len()), n: uint32(len(w))}
	b.text.WriteString(w)
	b.entries = append(b.entries, Entry{Pos: pos, Freq: f})
	b.total += f
	b.maxLen = max(b.maxLen, units)
	setBit(b.words, h&(wordBits-1))
	addPrefixes(b.prefixes, w)
	if 2*len(b.entries) > len(t.slots) {
		b.t = t.grown()
	}
}

// wordText returns the dictionary text of the word w, as gse's ToToken
// makes it (the letters of Latin runs lowered, when gse lowers), and its
// number of units (see units).
func wordText(w string) (string, int) {
	n, upper := 0, false
	inRun := false
	for i := 0; i < len(w); {
		c := w[i]
		if c >= 0xE0 && c < 0xF0 {
			// NOTE: a three-byte character (every CJK one) is a unit of
			// its own: no letter or digit of one or two bytes.
			n++
			inRun = false
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			if !inRun {
				n++
				inRun = true
			}
			upper = upper || c >= 'A' && c <= 'Z'
		} else {
			n++
			inRun = false
		}
		i += size
	}
	if upper && gse.ToLower {
		// NOTE: an ASCII capital is a letter of one byte, always in a run.
		b := []byte(w)
		lower(b)
		w = string(b)
	}
	return w, n
}

// Build computes the word costs and returns the segmenter. The Builder
// must not be used afterwards.
//
// NOTE: not with gse's CalcToken, which also splits every dictionary word
// into sub-words for gse's search mode: a third of the start-up of the
// entity extractor (about 25 ms a run). SegmentAt's path search computes
// the costs it needs itself (newWordTable); only segmentGSE runs
// CalcToken.
func (b *Builder) Build() *GSE {
	g := b.g
	g.words = b.words
	g.table = b.t.finish(b.text.String(), b.entries, b.total)
	g.short = newShortest(b.maxLen, b.prefixes, g.words, g.table)
	*b = Builder{}
	return g
}

// keepGSE builds gse's segmenter over the same dictionary too, for the
// tests that compare SegmentAt and the word table with it (export_test.go
// sets it).
var keepGSE = false

// wordBits is the size of the word filter: at about 70,000 words, 2^22
// bits (512 KB) let fewer than 2% of non-words through.
const wordBits = 1 << 22

// fnv32 is the 32-bit FNV-1a hash of w.
func fnv32(w string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= fnvPrime
	}
	return h
}

// The constants of 32-bit FNV-1a.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// Segment returns the words of text.
func (g *GSE) Segment(text string) []newsfacts.Token {
	return g.SegmentAt(nil, text, 0)
}

// SegmentAt appends the words of text to dst with base added to their
// offsets, so that a window text = doc.Text[base:…] yields tokens with
// offsets into doc.Text.
func (g *GSE) SegmentAt(dst []newsfacts.Token, text string, base int) []newsfacts.Token {
	if text == "" {
		return dst
	}
	return g.short.segmentAt(dst, text, base)
}

// segmentGSE is SegmentAt done by gse itself, which the tests compare with
// SegmentAt; it needs keepGSE.
func (g *GSE) segmentGSE(dst []newsfacts.Token, text string, base int) []newsfacts.Token {
	g.calc.Do(g.gse().CalcToken)
	// NOTE: gse works on []byte; the conversion copies the window, which
	// is short by design.
	for _, s := range g.gse().Segment([]byte(text)) {
		dst = append(dst, newsfacts.Token{Start: base + s.Start(), End: base + s.End(), Pos: s.Token().Pos()})
	}
	return dst
}

// Append appends the words of text to dst, as seg.Segment(text) would
// return them, and returns the extended slice: a *GSE writes them into
// dst's storage, with no allocation once dst has room.
func Append(seg Segmenter, dst []newsfacts.Token, text string) []newsfacts.Token {
	if g, ok := seg.(*GSE); ok {
		return g.SegmentAt(dst, text, 0)
	}
	return append(dst, seg.Segment(text)...)
}

// DictPlaceFreq returns the frequency of w in the embedded dictionary
// (data/dict.txt) where that tags it as a place name (ns), and whether it
// does: unlike a Lexicon built with extra words, it tells a name the
// dictionary's corpus knows as a place from one a caller added.
func DictPlaceFreq(w string) (float64, bool) {
	f, ok := dictPlaces()[w]
	return f, ok
}

// dictPlaces holds the ns words of the embedded dictionary and their
// frequencies, read on first use.
//
// NOTE: it reads only the lines that end in " ns" (strings.Index finds
// them), not all 54,000 of the dictionary: about 3 → 1 ms of the start-up
// on one core (CPU profiles of one-document runs). TestDictPlaces
// compares it with a read of every line.
var dictPlaces = sync.OnceValue(func() map[string]float64 {
	return placeLines(dictData)
})

// placeLines returns the words of the data lines (see datafile.Lines) of
// the dictionary data whose part of speech is ns, and their frequencies.
// A line that does not parse is skipped: the lines were checked when the
// dictionary loaded.
func placeLines(data string) map[string]float64 {
	const tag = " ns"
	out := make(map[string]float64, 9000)
	for rest := 0; ; {
		i := strings.Index(data[rest:], tag)
		if i < 0 {
			return out
		}
		end := rest + i + len(tag)
		rest = end
		// NOTE: the tag must end the line, which datafile.Lines ends at
		// "\n", without a "\r" before it.
		if j := strings.IndexByte(data[end:], '\n'); j >= 0 {
			if strings.TrimSuffix(data[end:end+j], "\r") != "" {
				continue
			}
			rest = end + j
		} else if end != len(data) {
			continue
		}
		l := data[strings.LastIndexByte(data[:end], '\n')+1 : end]
		if l[0] == '#' {
			continue
		}
		w, rest1, _ := strings.Cut(l, " ")
		fs, pos, _ := strings.Cut(rest1, " ")
		if pos != "ns" {
			continue
		}
		if f, err := parseFreq(fs); err == nil {
			out[w] = f
		}
	}
}

// parseFreq parses a frequency as strconv.ParseFloat does.
//
// NOTE: every frequency of the dictionary is a whole number; one of up to
// 15 digits is exactly its float64, which ParseFloat returns too, and
// reading the digits costs a fraction of ParseFloat.
func parseFreq(s string) (float64, error) {
	if len(s) == 0 || len(s) > 15 {
		return strconv.ParseFloat(s, 64)
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return strconv.ParseFloat(s, 64)
		}
		n = n*10 + int64(c-'0')
	}
	return float64(n), nil
}

// Lookup returns the dictionary entry of word.
func (g *GSE) Lookup(word string) (Entry, bool) {
	if word == "" {
		return Entry{}, false
	}
	h := fnv32(word)
	if !hasBit(g.words, h&(wordBits-1)) {
		return Entry{}, false
	}
	sl := g.table.find(word, h)
	if sl == nil {
		return Entry{}, false
	}
	// NOTE: gse's Dictionary.Find reports a word of frequency 0 as found
	// with no data, which Lookup took for no word.
	if e := g.table.entries[sl.tok-1]; e.Freq != 0 {
		return e, true
	}
	return Entry{}, false
}

// Aligned reports whether text[start:end] stands as a word of its own: seg,
// run on a window of up to ctx characters on each side (not crossing
// punctuation or line breaks), puts word boundaries at start and at end.
// It also returns the word tokens of the window, with offsets into text,
// and the index of the token that starts at start (-1 if none).
func Aligned(seg Segmenter, text string, start, end, ctx int) (ok bool, toks []newsfacts.Token, at int) {
	return AlignedIn(seg, nil, text, start, end, ctx)
}

// AlignedIn is Aligned with the window's tokens appended to buf[:0] (see
// Append), for a caller that reuses their storage.
func AlignedIn(seg Segmenter, buf []newsfacts.Token, text string, start, end, ctx int) (ok bool, toks []newsfacts.Token, at int) {
	ws := BackRunes(text, start, ctx)
	we := FwdRunes(text, end, ctx)
	toks = Append(seg, buf[:0], text[ws:we])
	okStart, okEnd := false, false
	at = -1
	for i := range toks {
		toks[i].Start += ws
		toks[i].End += ws
		ts, te := toks[i].Start, toks[i].End
		if ts == start {
			okStart, at = true, i
		}
		if te == end {
			okEnd = true
		}
		if ts < start && te > start || ts < end && te > end {
			return false, toks, at
		}
	}
	return okStart && okEnd, toks, at
}

// BackRunes returns the offset up to n characters before i, stopping after
// a punctuation mark, space or line break.
func BackRunes(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		r, size := runes.Last(text[:i])
		if IsBreak(r) {
			break
		}
		i -= size
	}
	return i
}

// FwdRunes returns the offset up to n characters after i, stopping before
// a punctuation mark, space or line break.
func FwdRunes(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		// NOTE: runes.At3 inlines, runes.At does not.
		r, size := runes.At3(text, i), 3
		if r < 0 {
			r, size = runes.At(text, i)
		}
		if IsBreak(r) {
			break
		}
		i += size
	}
	return i
}

// IsBreak reports whether r ends a window: punctuation, a symbol, a space
// or a line break.
func IsBreak(r rune) bool {
	// NOTE: a CJK unified ideograph, the common case, is a letter: the
	// three look-ups of unicode's range tables for each character of the
	// windows (BackRunes, FwdRunes) were 2 % of the entity stage in
	// profiles of its BenchmarkExtract.
	if r >= 0x4E00 && r <= 0x9FFF {
		return false
	}
	return r == '\n' || unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
}

// WordStarting reports whether lex has a word text[i:j] accepted by ok,
// with j from min to max characters after i (局长, 部分 at 局, 部). A nil
// lex has no words.
func WordStarting(lex Lexicon, text string, i, min, max int, ok func(Entry) bool) bool {
	if lex == nil {
		return false
	}
	j := i
	for n := 1; n <= max && j < len(text); n++ {
		_, size := runes.First(text[j:])
		j += size
		if n >= min {
			if e, found := lex.Lookup(text[i:j]); found && ok(e) {
				return true
			}
		}
	}
	return false
}

// WordEnding reports whether lex has a word text[i:j] accepted by ok, with
// i from min to max characters before j (全部, 干部 ending at 部).
func WordEnding(lex Lexicon, text string, j, min, max int, ok func(Entry) bool) bool {
	if lex == nil {
		return false
	}
	i := j
	for n := 1; n <= max && i > 0; n++ {
		_, size := runes.Last(text[:i])
		i -= size
		if n >= min {
			if e, found := lex.Lookup(text[i:j]); found && ok(e) {
				return true
			}
		}
	}
	return false
}

// WordBeyond reports whether lex has a word accepted by ok that starts at i
// and ends one or two characters after end (大学生 past 大学, 局长 past 局).
func WordBeyond(lex Lexicon, text string, i, end int, ok func(Entry) bool) bool {
	if lex == nil {
		return false
	}
	j := end
	for n := 1; n <= 2 && j < len(text); n++ {
		_, size := runes.First(text[j:])
		j += size
		if e, found := lex.Lookup(text[i:j]); found && ok(e) {
			return true
		}
	}
	return false
}

// AnyWord accepts every dictionary entry.
func AnyWord(Entry) bool { return true }
