package pipeline

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
)

// Limits on one document, so that memory stays bounded whatever a single
// document holds (a 30 MB line that repeats a place name gave 3.5 million
// entities and took 5.4 GB).
const (
	// DefaultMaxRowsPerDoc is the most rows one document gives each of the
	// entities, metrics and dates tables.
	DefaultMaxRowsPerDoc = 100_000
	// DefaultWindowBytes is the largest text the extractors see at once.
	DefaultWindowBytes = 256 << 10
)

// extract runs the extractors on doc, in windows of at most window bytes
// of text when the text is longer, and keeps at most maxRows rows per
// table. It returns whether rows were dropped, and the first extractor
// error. spent receives the time per extractor.
//
// A window ends at the last line break within it, else after the last
// sentence end (。！？!?), else at the last character boundary; the
// extractors see each window as a document of its own (with the article's
// title and date), so nothing found spans two windows and no context
// (该区, 次日, an ambiguous place name) reaches across one.
func extract(doc *newsfacts.Doc, exts []extractors.Extractor, window, maxRows int, spent []time.Duration) (capped bool, err error) {
	text := doc.Text
	if len(text) <= window {
		if err := runExtractors(doc, exts, spent); err != nil {
			return false, err
		}
		return capRows(doc, maxRows), nil
	}
	for off := 0; off < len(text); {
		end := windowEnd(text, off, window)
		a := doc.Article
		a.Text = text[off:end]
		sub := newsfacts.NewDoc(a)
		if err := runExtractors(sub, exts, spent); err != nil {
			return capped, err
		}
		if appendWindow(doc, sub, off, maxRows) {
			capped = true
		}
		off = end
	}
	return capped, nil
}

// runExtractors runs each extractor in turn, adding its time to spent.
func runExtractors(doc *newsfacts.Doc, exts []extractors.Extractor, spent []time.Duration) error {
	t := time.Now()
	for i, e := range exts {
		err := extractors.RunOne(e, doc)
		now := time.Now()
		spent[i] += now.Sub(t)
		t = now
		if err != nil {
			return err
		}
	}
	return nil
}

// windowEnd returns the end of the window of text that starts at off.
func windowEnd(text string, off, window int) int {
	if len(text)-off <= window {
		return len(text)
	}
	w := text[off : off+window]
	if i := strings.LastIndexByte(w, '\n'); i > 0 {
		return off + i + 1
	}
	if i := strings.LastIndexAny(w, "。！？!?"); i > 0 {
		_, n := utf8.DecodeRuneInString(w[i:])
		return off + i + n
	}
	end := off + window
	for end > off+1 && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// appendWindow adds the rows of a window that starts at byte off to doc,
// shifting offsets and links, up to maxRows per table. A link to a row
// that was dropped becomes null. It reports whether rows were dropped.
func appendWindow(doc, sub *newsfacts.Doc, off, maxRows int) bool {
	entBase, dateBase := int32(len(doc.Entities)), int32(len(doc.Dates))
	var c1, c2, c3 bool
	doc.Entities, c1 = appendShifted(doc.Entities, sub.Entities, off, maxRows, func(e *newsfacts.Entity) *newsfacts.Span { return &e.Span }, nil)
	doc.Dates, c2 = appendShifted(doc.Dates, sub.Dates, off, maxRows, func(d *newsfacts.Date) *newsfacts.Span { return &d.Span }, nil)
	shift := func(id newsfacts.Opt[int32], base int32, n int) newsfacts.Opt[int32] {
		if !id.OK {
			return id
		}
		if v := id.V + base; int(v) < n {
			return newsfacts.Some(v)
		}
		return newsfacts.Opt[int32]{}
	}
	doc.Metrics, c3 = appendShifted(doc.Metrics, sub.Metrics, off, maxRows, func(m *newsfacts.Metric) *newsfacts.Span { return &m.Span }, func(m *newsfacts.Metric) {
		m.OrgID = shift(m.OrgID, entBase, len(doc.Entities))
		m.PlaceID = shift(m.PlaceID, entBase, len(doc.Entities))
		m.DateID = shift(m.DateID, dateBase, len(doc.Dates))
	})
	return c1 || c2 || c3
}

// appendShifted appends the rows of src to dst, their spans shifted by off
// and fix applied (if not nil), while dst has fewer than maxRows rows. It
// reports whether rows were left out.
func appendShifted[T any](dst, src []T, off, maxRows int, span func(*T) *newsfacts.Span, fix func(*T)) ([]T, bool) {
	for _, r := range src {
		if len(dst) >= maxRows {
			return dst, true
		}
		s := span(&r)
		s.Start += off
		s.End += off
		if fix != nil {
			fix(&r)
		}
		dst = append(dst, r)
	}
	return dst, false
}

// capRows keeps at most maxRows rows per table, the first in text order,
// and nulls the links to rows it dropped. It reports whether it dropped
// any.
func capRows(doc *newsfacts.Doc, maxRows int) bool {
	if len(doc.Entities) <= maxRows && len(doc.Dates) <= maxRows && len(doc.Metrics) <= maxRows {
		return false
	}
	doc.Entities = doc.Entities[:min(len(doc.Entities), maxRows):min(len(doc.Entities), maxRows)]
	doc.Dates = doc.Dates[:min(len(doc.Dates), maxRows):min(len(doc.Dates), maxRows)]
	doc.Metrics = doc.Metrics[:min(len(doc.Metrics), maxRows)]
	for i := range doc.Metrics {
		m := &doc.Metrics[i]
		if m.OrgID.OK && int(m.OrgID.V) >= len(doc.Entities) {
			m.OrgID = newsfacts.Opt[int32]{}
		}
		if m.PlaceID.OK && int(m.PlaceID.V) >= len(doc.Entities) {
			m.PlaceID = newsfacts.Opt[int32]{}
		}
		if m.DateID.OK && int(m.DateID.V) >= len(doc.Dates) {
			m.DateID = newsfacts.Opt[int32]{}
		}
	}
	return true
}
