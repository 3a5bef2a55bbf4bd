// Package validate scores newsfacts tables against golden tables with
// precision, recall and F1, per table and per type. It is how users check
// the extractors, or their own gazetteers, against their own golden files
// (`newsfacts validate`).
//
// Rows are matched as multisets within each document, at two levels:
//
//   - span: the same doc_id, start and end (entities also the same type);
//   - exact: the span and every resolved value (entities: name, code,
//     parent; metrics: subject, kind, value, unit, qualifier, direction,
//     from_value, to_value, baseline; dates: from_date, to_date,
//     granularity, relative).
//
// Articles match on doc_id (span) and on status, title, date and text
// (exact). Per-type scores (entities by type, metrics by kind, dates by
// granularity) match on the span plus the type at both levels.
package validate

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Level is how strictly rows are matched.
type Level string

// Levels.
const (
	Span  Level = "span"
	Exact Level = "exact"
)

// Score is the outcome of matching one table, or one type within a table.
type Score struct {
	// Table is articles, entities, metrics or dates.
	Table string
	// Type is "" for the whole table, else an entity type, a metric kind or
	// a date granularity.
	Type string
	// TP counts rows found in both, FP rows only in the run, FN rows only
	// in the golden table.
	TP, FP, FN int
}

// Precision is TP / (TP + FP); 1 when the run has no rows.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN); 1 when the golden table has no rows.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is a row found on one side only, for diagnosis.
type Miss struct {
	Table string
	// Kind is "missing" (in the golden table only) or "extra" (in the run
	// only).
	Kind string
	// DocID and Row identify the row; Row is the row's key as text.
	DocID, Row string
}

// Report holds the scores of a comparison at one level.
type Report struct {
	Level Level
	// Scores has one entry per table (Type "") followed by that table's
	// per-type entries, tables in the order articles, entities, metrics,
	// dates.
	Scores []Score
	// Misses lists the unmatched rows, golden-only first, in table order.
	Misses []Miss
}

// Table returns the whole-table score of name.
func (r Report) Table(name string) Score {
	for _, s := range r.Scores {
		if s.Table == name && s.Type == "" {
			return s
		}
	}
	return Score{Table: name}
}

// row is a table row reduced to what matching needs.
type row struct {
	doc, span, exact, typ string
}

// Compare matches got against golden at the given level.
func Compare(golden, got *output.Tables, level Level) Report {
	rep := Report{Level: level}
	for _, t := range []struct {
		name     string
		gold, rs []row
	}{
		{"articles", articleRows(golden.Articles), articleRows(got.Articles)},
		{"entities", entityRows(golden.Entities), entityRows(got.Entities)},
		{"metrics", metricRows(golden.Metrics), metricRows(got.Metrics)},
		{"dates", dateRows(golden.Dates), dateRows(got.Dates)},
	} {
		key := func(r row) string {
			if level == Exact {
				return r.doc + "\x00" + r.span + "\x00" + r.exact
			}
			return r.doc + "\x00" + r.span
		}
		whole, misses := match(t.name, t.gold, t.rs, key)
		rep.Scores = append(rep.Scores, whole)
		rep.Misses = append(rep.Misses, misses...)
		typed := func(r row) string { return key(r) + "\x00" + r.typ }
		types := map[string]bool{}
		for _, r := range t.gold {
			types[r.typ] = true
		}
		for _, r := range t.rs {
			types[r.typ] = true
		}
		names := make([]string, 0, len(types))
		for k := range types {
			if k != "" {
				names = append(names, k)
			}
		}
		sort.Strings(names)
		for _, typ := range names {
			s, _ := match(t.name, filter(t.gold, typ), filter(t.rs, typ), typed)
			s.Type = typ
			rep.Scores = append(rep.Scores, s)
		}
	}
	return rep
}

func filter(rs []row, typ string) []row {
	var out []row
	for _, r := range rs {
		if r.typ == typ {
			out = append(out, r)
		}
	}
	return out
}

// match counts a multiset intersection of gold and got under key.
func match(table string, gold, got []row, key func(row) string) (Score, []Miss) {
	s := Score{Table: table}
	count := make(map[string]int, len(gold))
	for _, r := range gold {
		count[key(r)]++
	}
	var extra []Miss
	for _, r := range got {
		k := key(r)
		if count[k] > 0 {
			count[k]--
			s.TP++
			continue
		}
		s.FP++
		extra = append(extra, Miss{Table: table, Kind: "extra", DocID: r.doc, Row: r.describe()})
	}
	var missing []Miss
	for _, r := range gold {
		k := key(r)
		if count[k] > 0 {
			count[k]--
			s.FN++
			missing = append(missing, Miss{Table: table, Kind: "missing", DocID: r.doc, Row: r.describe()})
		}
	}
	return s, append(missing, extra...)
}

func (r row) describe() string {
	if r.exact == "" {
		return r.span
	}
	return r.span + " " + r.exact
}

func articleRows(rs []output.ArticleRow) []row {
	out := make([]row, len(rs))
	for i, a := range rs {
		date := ""
		if a.Date.OK {
			date = a.Date.V.String()
		}
		out[i] = row{doc: a.DocID, span: "doc", typ: "",
			exact: fields("status", a.Status, "title", a.Title, "date", date, "text", strconv.Itoa(len(a.Text))+":"+hash(a.Text))}
	}
	return out
}

func entityRows(rs []output.EntityRow) []row {
	out := make([]row, len(rs))
	for i, e := range rs {
		out[i] = row{doc: e.DocID, typ: e.Type,
			span:  fmt.Sprintf("[%d,%d) %s %s", e.Start, e.End, e.Type, e.Text),
			exact: fields("name", e.Name, "code", e.Code, "parent", e.Parent)}
	}
	return out
}

func metricRows(rs []output.MetricRow) []row {
	out := make([]row, len(rs))
	for i, m := range rs {
		out[i] = row{doc: m.DocID, typ: m.Kind,
			span: fmt.Sprintf("[%d,%d) %s", m.Start, m.End, m.Text),
			exact: fields("subject", m.Subject, "kind", m.Kind, "value", num(m.Value), "unit", m.Unit,
				"qualifier", m.Qualifier, "direction", m.Direction, "from", optNum(m.FromValue.V, m.FromValue.OK),
				"to", optNum(m.ToValue.V, m.ToValue.OK), "baseline", m.Baseline)}
	}
	return out
}

func dateRows(rs []output.DateRow) []row {
	out := make([]row, len(rs))
	for i, d := range rs {
		from, to := "", ""
		if d.FromDate.OK {
			from = d.FromDate.V.String()
		}
		if d.ToDate.OK {
			to = d.ToDate.V.String()
		}
		out[i] = row{doc: d.DocID, typ: d.Granularity,
			span:  fmt.Sprintf("[%d,%d) %s", d.Start, d.End, d.Text),
			exact: fields("from", from, "to", to, "granularity", d.Granularity, "relative", strconv.FormatBool(d.Relative))}
	}
	return out
}

func fields(kv ...string) string {
	var sb strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(kv[i])
		sb.WriteByte('=')
		sb.WriteString(kv[i+1])
	}
	return sb.String()
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func optNum(v float64, ok bool) string {
	if !ok {
		return "null"
	}
	return num(v)
}

// hash is FNV-1a, enough to tell texts apart in a key.
func hash(s string) string {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return strconv.FormatUint(h, 16)
}

// Write prints the report as an aligned table.
func (r Report) Write(w io.Writer) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-10s %-12s %6s %6s %6s %9s %7s %7s  (%s match)\n", "table", "type", "TP", "FP", "FN", "precision", "recall", "F1", r.Level)
	for _, s := range r.Scores {
		typ := s.Type
		if typ == "" {
			typ = "(all)"
		}
		fmt.Fprintf(&sb, "%-10s %-12s %6d %6d %6d %9.3f %7.3f %7.3f\n", s.Table, typ, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// Collector is an output.Sink that keeps every row in memory, for
// comparing a run with golden tables. It suits golden sets, not dumps.
type Collector struct {
	mu     sync.Mutex
	tables output.Tables
}

var _ output.Sink = (*Collector)(nil)

// Write appends the rows of one document.
func (c *Collector) Write(_ context.Context, rows *output.DocRows) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tables.Articles = append(c.tables.Articles, rows.Article)
	c.tables.Entities = append(c.tables.Entities, rows.Entities...)
	c.tables.Metrics = append(c.tables.Metrics, rows.Metrics...)
	c.tables.Dates = append(c.tables.Dates, rows.Dates...)
	return nil
}

// Close does nothing; the rows stay available from Tables.
func (c *Collector) Close() error { return nil }

// Abort drops the rows collected so far.
func (c *Collector) Abort() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tables = output.Tables{}
	return nil
}

// Counts returns the rows collected per table.
func (c *Collector) Counts() output.Counts {
	c.mu.Lock()
	defer c.mu.Unlock()
	return output.Counts{
		Articles: int64(len(c.tables.Articles)),
		Entities: int64(len(c.tables.Entities)),
		Metrics:  int64(len(c.tables.Metrics)),
		Dates:    int64(len(c.tables.Dates)),
	}
}

// Tables returns the collected rows.
func (c *Collector) Tables() *output.Tables {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.tables
	return &t
}
