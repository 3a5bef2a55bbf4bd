package output

import (
	"sort"
	"time"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// Status values of ArticleRow.Status.
const (
	StatusOK    = "ok"
	StatusError = "error"
)

// ArticleRow is one row of the articles table. The JSON field names are the
// column names of every output format; docs/schema.md documents them.
type ArticleRow struct {
	DocID       string                       `json:"doc_id"`
	Source      string                       `json:"source"`
	Title       string                       `json:"title"`
	Date        newsfacts.Opt[newsfacts.Day] `json:"date"`
	PublishedAt newsfacts.Opt[time.Time]     `json:"published_at"`
	URL         string                       `json:"url"`
	Publisher   string                       `json:"publisher"`
	Categories  []string                     `json:"categories"`
	Tags        []string                     `json:"tags"`
	Text        string                       `json:"text"`
	Chars       int32                        `json:"chars"`
	Status      string                       `json:"status"`
	Error       string                       `json:"error"`
}

// EntityRow is one row of the entities table.
type EntityRow struct {
	DocID    string `json:"doc_id"`
	EntityID int32  `json:"entity_id"`
	Type     string `json:"type"`
	Text     string `json:"text"`
	Start    int32  `json:"start"`
	End      int32  `json:"end"`
	Sentence int32  `json:"sentence"`
	Name     string `json:"name"`
	Code     string `json:"code"`
	Parent   string `json:"parent"`
	Method   string `json:"method"`
}

// MetricRow is one row of the metrics table.
type MetricRow struct {
	DocID     string                 `json:"doc_id"`
	MetricID  int32                  `json:"metric_id"`
	Text      string                 `json:"text"`
	Start     int32                  `json:"start"`
	End       int32                  `json:"end"`
	Sentence  int32                  `json:"sentence"`
	Subject   string                 `json:"subject"`
	Kind      string                 `json:"kind"`
	Value     float64                `json:"value"`
	Unit      string                 `json:"unit"`
	Qualifier string                 `json:"qualifier"`
	Direction string                 `json:"direction"`
	FromValue newsfacts.Opt[float64] `json:"from_value"`
	ToValue   newsfacts.Opt[float64] `json:"to_value"`
	Baseline  string                 `json:"baseline"`
	OrgID     newsfacts.Opt[int32]   `json:"org_id"`
	PlaceID   newsfacts.Opt[int32]   `json:"place_id"`
	DateID    newsfacts.Opt[int32]   `json:"date_id"`
	Rule      string                 `json:"rule"`
	// Indicator, Target and SubjectRule: see newsfacts.Metric.
	Indicator   string `json:"indicator"`
	Target      bool   `json:"target"`
	SubjectRule string `json:"subject_rule"`
	LinkRule    string `json:"link_rule"`
}

// DateRow is one row of the dates table.
type DateRow struct {
	DocID       string                       `json:"doc_id"`
	DateID      int32                        `json:"date_id"`
	Text        string                       `json:"text"`
	Start       int32                        `json:"start"`
	End         int32                        `json:"end"`
	Sentence    int32                        `json:"sentence"`
	FromDate    newsfacts.Opt[newsfacts.Day] `json:"from_date"`
	ToDate      newsfacts.Opt[newsfacts.Day] `json:"to_date"`
	Granularity string                       `json:"granularity"`
	Relative    bool                         `json:"relative"`
	Rule        string                       `json:"rule"`
}

// DocRows is everything one document contributes to the four tables.
type DocRows struct {
	Article  ArticleRow
	Entities []EntityRow
	Metrics  []MetricRow
	Dates    []DateRow
	// validText records that RowsInto found Article.Text valid UTF-8, so
	// that the tables need not check it again.
	validText bool
}

// RowsOf converts a document into table rows: byte offsets become code point
// offsets, and IDs are indexes into the document's layers. A document whose
// Err is set yields only its articles row, with status "error".
func RowsOf(doc *newsfacts.Doc) DocRows {
	var r DocRows
	RowsInto(&r, doc)
	return r
}

// RowsInto is RowsOf that writes the rows into r, reusing the storage of
// its Entities, Metrics and Dates slices, whose rows it overwrites. A
// caller done with the rows of one document can pass them for the next.
func RowsInto(r *DocRows, doc *newsfacts.Doc) {
	a := &doc.Article
	ents, mets, dats := r.Entities, r.Metrics, r.Dates
	*r = DocRows{Article: ArticleRow{
		DocID:       a.DocID,
		Source:      a.Source,
		Title:       a.Title,
		Date:        a.Date,
		PublishedAt: a.PublishedAt,
		URL:         a.URL,
		Publisher:   a.Publisher,
		Categories:  nonNil(a.Categories),
		Tags:        nonNil(a.Tags),
		Status:      StatusOK,
	}}
	if a.PublishedAt.OK {
		r.Article.PublishedAt.V = a.PublishedAt.V.UTC()
	}
	if a.Err != nil {
		r.Article.Status = StatusError
		r.Article.Error = a.Err.Error()
		return
	}
	r.Article.Text = a.Text
	// NOTE: from the offsets table that the spans' offsets use anyway, so
	// that the text is not decoded once more for its length.
	r.Article.Chars = int32(doc.RuneOffset(len(a.Text)))
	r.validText = doc.ValidText()
	// Code point offsets of the rows' starts and ends.
	starts, ends := runeCursor{doc: doc, valid: r.validText}, runeCursor{doc: doc, valid: r.validText}
	var sents sentenceCursor

	if n := len(doc.Entities); n > 0 {
		r.Entities = reuse(ents, n)
		for i, e := range doc.Entities {
			r.Entities[i] = EntityRow{
				DocID:    a.DocID,
				EntityID: int32(i),
				Type:     string(e.Type),
				Text:     doc.SpanText(e.Span),
				Start:    int32(starts.at(e.Start)),
				End:      int32(ends.at(e.End)),
				Sentence: int32(sents.at(doc, e.Start)),
				Name:     e.Name,
				Code:     e.Code,
				Parent:   e.Parent,
				Method:   e.Rule,
			}
		}
	}
	if n := len(doc.Metrics); n > 0 {
		r.Metrics = reuse(mets, n)
		for i, m := range doc.Metrics {
			r.Metrics[i] = MetricRow{
				DocID:     a.DocID,
				MetricID:  int32(i),
				Text:      doc.SpanText(m.Span),
				Start:     int32(starts.at(m.Start)),
				End:       int32(ends.at(m.End)),
				Sentence:  int32(sents.at(doc, m.Start)),
				Subject:   m.Subject,
				Kind:      string(m.Kind),
				Value:     m.Value,
				Unit:      m.Unit,
				Qualifier: string(m.Qualifier),
				Direction: string(m.Direction),
				FromValue: m.From,
				ToValue:   m.To,
				Baseline:  m.Baseline,
				OrgID:     m.OrgID,
				PlaceID:   m.PlaceID,
				DateID:    m.DateID,
				Rule:      m.Rule,

				Indicator:   m.Indicator,
				Target:      m.Target,
				SubjectRule: m.SubjectRule,
				LinkRule:    m.LinkRule,
			}
		}
	}
	if n := len(doc.Dates); n > 0 {
		r.Dates = reuse(dats, n)
		for i, d := range doc.Dates {
			r.Dates[i] = DateRow{
				DocID:       a.DocID,
				DateID:      int32(i),
				Text:        doc.SpanText(d.Span),
				Start:       int32(starts.at(d.Start)),
				End:         int32(ends.at(d.End)),
				Sentence:    int32(sents.at(doc, d.Start)),
				FromDate:    d.From,
				ToDate:      d.To,
				Granularity: string(d.Granularity),
				Relative:    d.Relative,
				Rule:        d.Rule,
			}
		}
	}
}

// runeCursor returns the code point offsets of byte offsets into the text
// of doc, as doc.RuneOffset does.
//
// NOTE: a table's rows come in text order, so that an offset is mostly a
// little after the one before: in valid text, the code points between the
// two are counted on from the one before (runes.CountValid, whose counts
// add up over any cut), and RuneOffset's binary search of its checkpoints
// and count from the checkpoint are left for the offsets behind or far
// ahead.
type runeCursor struct {
	doc    *newsfacts.Doc
	valid  bool // doc.ValidText()
	pos, n int  // the last byte offset and its code point offset
}

// cursorReach is the farthest a runeCursor counts on, in bytes.
const cursorReach = 512

func (c *runeCursor) at(off int) int {
	if c.valid && off >= c.pos && off-c.pos <= cursorReach {
		c.n += runes.CountValid(c.doc.Text[c.pos:off])
	} else {
		c.n = c.doc.RuneOffset(off)
	}
	c.pos = off
	return c.n
}

// sentenceCursor returns the sentences holding byte offsets of a document,
// as Doc.SentenceOf does: for an offset not behind the one before, by
// going on from the sentence found for that one.
type sentenceCursor struct {
	off, k int // the last offset, and the first sentence ending after it
}

func (c *sentenceCursor) at(doc *newsfacts.Doc, off int) int {
	// NOTE: the sentences are in text order and do not overlap, as
	// SentenceOf's binary search assumes too.
	ss := doc.Sentences
	if off < c.off {
		c.k = sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	}
	for c.k < len(ss) && ss[c.k].End <= off {
		c.k++
	}
	c.off = off
	if c.k < len(ss) && ss[c.k].Start <= off {
		return c.k
	}
	return -1
}

// reuse returns a slice of n rows in s's storage if it has room, else in
// new storage; the caller overwrites every row.
func reuse[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
