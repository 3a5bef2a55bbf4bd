// Package newsfacts defines the document model shared by every stage of the
// newsfacts pipeline: the Article read from an input, the Doc that flows
// through the extractors, and the typed spans (entities, metrics, dates) the
// extractors attach to it.
//
// Spans carry byte offsets into Doc.Text, half-open, and Doc.Text is never
// rewritten: normalisation (full-width digits, 两, 〇 …) happens on the terms
// an extractor reads, not on the text. Offsets are turned into Unicode code
// point offsets only when rows are written (see Doc.RuneOffset).
package newsfacts

import (
	"time"
)

// Article is one parsed input document, before any extraction.
type Article struct {
	// DocID is stable across runs: the JSONL id, else the file's path
	// under the input root without extension ("x/report"), plus "#LINE"
	// for a JSONL line without id. A run makes it unique (a taken id gets
	// "~2", "~3" …; see pipeline.Run).
	DocID string
	// Source names where the document came from: a path, plus ":LINE" for
	// JSONL input.
	Source string
	// Title is the article title, if any.
	Title string
	// Date is the reference date that relative expressions (去年, 今年1月底)
	// resolve against: the article's own date, else a date that starts the
	// file name, else the run's --date.
	Date Opt[Day]
	// PublishedAt is the publication instant in UTC, when the input gives a
	// time of day (front matter "2022-03-29 08:27:42 +0800", RFC 3339).
	PublishedAt Opt[time.Time]
	// URL is the article's source address.
	URL string
	// Publisher is the outlet named in the article (文章来源：X) or the input.
	Publisher string
	// Categories and Tags come from Jekyll front matter.
	Categories []string
	Tags       []string
	// Text is the plain body: paragraphs joined by "\n". It is never
	// modified after parsing; every offset points into it.
	Text string
	// Err is non-nil when the document could not be read or parsed. Such a
	// document is written as an articles row with status "error" and is not
	// passed to the extractors. Err is usually a *DocError.
	Err error
}

// Doc is the unit of work that flows through the extractors: an Article and
// the layers that stages add to it.
type Doc struct {
	Article

	// Sentences holds the byte ranges of the sentences of Text, in order,
	// covering it without gaps. See SplitSentences.
	Sentences []Span

	// Entities holds organisations and places, sorted by Start (then longer
	// first). An entity's ID is its index.
	Entities []Entity
	// Metrics holds the figures found in Text, sorted by Start. A metric's ID
	// is its index.
	Metrics []Metric
	// Dates holds date expressions, sorted by Start. A date's ID is its index.
	Dates []Date

	runeIndex []runeMark
	// runeValid records that Text is valid UTF-8, so that RuneOffset may
	// count runes as the bytes that do not continue one.
	runeValid bool
}

// NewDoc returns a Doc for a, with its sentences split.
func NewDoc(a Article) *Doc {
	d := &Doc{Article: a}
	d.Sentences = SplitSentences(a.Text)
	return d
}

// SpanText returns the text a span covers.
func (d *Doc) SpanText(s Span) string { return d.Text[s.Start:s.End] }

// SentenceOf returns the index of the sentence holding byte offset off, or
// -1 when Sentences is empty or off is outside the text.
func (d *Doc) SentenceOf(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// Token is one word segment of a text, as the segmenter gives it
// (extractors/segment).
type Token struct {
	// Start and End are byte offsets into the text, half-open.
	Start, End int
	// Pos is the part-of-speech tag (jieba/ICTCLAS style: n, ns, nt, v …).
	Pos string
}
