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

// GSE is the gse-backed Segmenter and Lexicon. It is read-only after it is
// built and safe for concurrent use.
type GSE struct {
	// seg is the *gse.Segmenter (see gse) while the GSE is built; Build
	// drops it, unless keepGSE.
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

// gse returns the gse segmenter.
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
type Builder struct {
	g *GSE
	// texts are the texts of the embedded dictionary's tokens, whose bits
	// words and prefixes (see shortest) hold already.
	texts           []string
	words, prefixes []uint64
}

// NewBuilder loads the embedded dictionary; extra is a hint of how many
// words Add will add.
func NewBuilder(extra int) (*Builder, error) {
	s := new(gse.Segmenter)
	g := &GSE{seg: unsafe.Pointer(s)}
	s.SkipLog = true
	s.NotLoadHMM = true
	s.Dict = gse.NewDict()
	s.Init()
	// NOTE: sizing the token table up front avoids repeated copying of a
	// large slice of structs while loading.
	s.Dict.Tokens = make([]gse.Token, 0, strings.Count(dictData, "\n")+extra)
	err := datafile.Lines("data/dict.txt", dictData, func(_ int, l string) error {
		w, rest, ok1 := strings.Cut(l, " ")
		fs, pos, ok2 := strings.Cut(rest, " ")
		f, err := strconv.ParseFloat(fs, 64)
		if !ok1 || !ok2 || err != nil {
			return errors.New("malformed dictionary line")
		}
		return s.Dict.AddToken(s.ToToken(w, f, pos))
	})
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	// NOTE: what Build computes from the embedded dictionary's words is
	// computed here, so that a caller that loads the dictionary while it
	// computes its extra words (gazseg) does this at the same time too,
	// and Build only adds the extra words' (about 4 ms of start-up on
	// one core). Add appends tokens after these and changes none of them.
	b := &Builder{g: g, words: make([]uint64, wordBits/64), prefixes: make([]uint64, wordBits/64)}
	b.texts = appendTexts(make([]string, 0, cap(s.Dict.Tokens)), s.Dict.Tokens, b.words)
	addPrefixes(b.prefixes, b.texts)
	return b, nil
}

// appendTexts appends the texts of tokens to texts, setting their bits in
// words.
func appendTexts(texts []string, tokens []gse.Token, words []uint64) []string {
	for i := range tokens {
		t := tokens[i].Text()
		setBit(words, wordHash(t))
		texts = append(texts, t)
	}
	return texts
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
		// NOTE: AddToken fails only on a trie insert error, which the
		// double-array trie reports for no valid key.
		_ = s.Dict.AddToken(s.ToToken(w.Text, f, w.Pos))
	}
}

// Build computes the word costs and returns the segmenter. The Builder
// must not be used afterwards.
//
// NOTE: not with gse's CalcToken, which also splits every dictionary word
// into sub-words for gse's search mode: a third of the start-up of the
// entity extractor (about 25 ms a run). SegmentAt's path search computes
// the costs it needs itself (newShortest); only segmentGSE runs CalcToken.
func (b *Builder) Build() *GSE {
	g := b.g
	b.g = nil
	// Every word the trie finds is one of Dict.Tokens (AddToken inserts
	// both), spelt as Token.Text. NewBuilder did the embedded dictionary's.
	g.words = b.words
	tokens := g.gse().Dict.Tokens
	n := len(b.texts)
	texts := appendTexts(b.texts, tokens[n:], g.words)
	addPrefixes(b.prefixes, texts[n:])
	g.table = newWordTable(g.gse().Dict, texts)
	g.short = newShortest(g.gse(), b.prefixes, g.words, g.table)
	b.texts, b.words, b.prefixes = nil, nil, nil
	// NOTE: the word table and the path search hold all that Lookup and
	// SegmentAt read; gse's dictionary (its trie, and a token with slices
	// of every word) stayed in the heap, which the garbage collector
	// marks at each cycle, for nothing.
	if !keepGSE {
		g.seg = nil
	}
	return g
}

// keepGSE keeps gse's segmenter after Build, for the tests that compare
// SegmentAt and the word table with it (export_test.go sets it).
var keepGSE = false

// wordBits is the size of the word filter: at about 70,000 words, 2^22
// bits (512 KB) let fewer than 2% of non-words through.
const wordBits = 1 << 22

// wordHash hashes a word to a bit of the word filter.
func wordHash(w string) uint32 { return fnv32(w) & (wordBits - 1) }

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
var dictPlaces = sync.OnceValue(func() map[string]float64 {
	out := map[string]float64{}
	// NOTE: the lines were checked when the dictionary loaded; a line that
	// does not parse is skipped here.
	_ = datafile.Lines("data/dict.txt", dictData, func(_ int, l string) error {
		w, rest, _ := strings.Cut(l, " ")
		fs, pos, _ := strings.Cut(rest, " ")
		if pos != "ns" {
			return nil
		}
		if f, err := strconv.ParseFloat(fs, 64); err == nil {
			out[w] = f
		}
		return nil
	})
	return out
})

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
		r, size := runes.At(text, i)
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
