// Package validate scores newsfacts tables against golden tables with
// precision, recall and F1, per table and per type. It is how users check
// the extractors, or their own gazetteers, against their own golden files
// (`newsfacts validate`).
//
// Rows are paired within each document by their span: the same doc_id,
// start and end (entities also the same type); articles rows by doc_id.
// Two levels score the pairs:
//
//   - span: a pair is a true positive;
//   - exact: a pair is a true positive when every compared column agrees,
//     else it counts once as missing and once as extra, and the report
//     names the columns that differ ("value 111 ≠ 112").
//
// The compared columns are every column of the row structs of
// pipeline/output (so a new column is compared without code here) except
// the keys (doc_id, the row's id, start, end), the columns of
// Options.Ignore (by default source, error, rule, method, subject_rule, link_rule: paths and rule
// names, which change with where and how a run is made) and the columns a
// golden file lacks. Links (metrics.org_id, place_id, date_id) are compared
// by the span of the row they point to, not by its id, and shown by its
// text ("place_id 石峰区 ≠ 株洲市").
//
// Per-type scores (entities by type, metrics by kind, dates by
// granularity) count a pair as a true positive only when the type agrees
// as well.
package validate

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Level is how strictly rows are matched.
type Level string

// Levels.
const (
	Span  Level = "span"
	Exact Level = "exact"
)

// Docs chooses the documents that are scored.
type Docs string

// Document scopes.
const (
	// DocsGolden scores only the documents of the golden set: those of
	// its articles table when it has one, else those that have rows in
	// its other tables.
	DocsGolden Docs = "golden"
	// DocsAll scores every document of the run: rows of documents the
	// golden set lacks are false positives.
	DocsAll Docs = "all"
)

// DefaultIgnore are the columns not compared by default.
var DefaultIgnore = []string{"source", "error", "rule", "method", "subject_rule", "link_rule"}

// Options configures CompareGolden.
type Options struct {
	Level Level
	Docs  Docs
	// Ignore lists columns not to compare; nil means DefaultIgnore.
	Ignore []string
}

// Score is the outcome of matching one table, or one type within a table.
type Score struct {
	// Table is articles, entities, metrics or dates.
	Table string `json:"table"`
	// Type is "" for the whole table, else an entity type, a metric kind or
	// a date granularity.
	Type string `json:"type,omitempty"`
	// Counts count the rows found in both (TP), only in the run (FP) and
	// only in the golden table (FN).
	Counts
}

// Counts are the outcome of matching what a run found against what was
// expected: TP counts the items in both, FP those found only, FN those
// expected only. The NER evaluation scores with them too.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Precision is TP / (TP + FP); 1 when nothing was found (nothing found is
// nothing wrong).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN); 1 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall; 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// MarshalJSON adds precision, recall and F1.
func (s Score) MarshalJSON() ([]byte, error) {
	type plain Score
	return json.Marshal(struct {
		plain
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
	}{plain(s), s.Precision(), s.Recall(), s.F1()})
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is a row that did not match, for diagnosis.
type Miss struct {
	Table string `json:"table"`
	// Kind is "missing" (in the golden table only), "extra" (in the run
	// only) or "changed" (the same span on both sides, other values:
	// Diffs names them).
	Kind string `json:"kind"`
	// DocID and Row identify the row; Row is its span and text.
	DocID string `json:"doc_id"`
	Row   string `json:"row"`
	// Line is the line of the golden row in its file, 0 for an extra row.
	Line  int    `json:"line,omitempty"`
	Diffs []Diff `json:"diffs,omitempty"`
}

// Diff is one column that differs between a golden row and its pair.
type Diff struct {
	Column string `json:"column"`
	Golden string `json:"golden"`
	Got    string `json:"got"`
}

func (d Diff) String() string {
	return d.Column + " " + short(d.Golden) + " ≠ " + short(d.Got)
}

// short cuts long values (article texts) for display.
func short(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:30]) + fmt.Sprintf("…(%d chars)", len(r))
}

// String formats the miss as one line.
func (m Miss) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-7s %-8s %s %s", m.Kind, m.Table, m.DocID, m.Row)
	for i, d := range m.Diffs {
		if i == 0 {
			sb.WriteString(": ")
		} else {
			sb.WriteString("; ")
		}
		sb.WriteString(d.String())
	}
	return sb.String()
}

// Report holds the scores of a comparison at one level.
type Report struct {
	Level Level `json:"level"`
	Docs  Docs  `json:"docs"`
	// Scores has one entry per golden table (Type "") followed by that
	// table's per-type entries, tables in the order articles, entities,
	// metrics, dates.
	Scores []Score `json:"scores"`
	// Misses lists the unmatched rows, per table: missing, changed, extra.
	Misses []Miss `json:"misses"`
	// Notes says what was not compared: tables absent from the golden set,
	// columns a golden file lacks, links to a table that is not golden.
	Notes []string `json:"notes"`
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

// Compare matches got against all four tables of golden, at the given
// level, over the golden documents, ignoring DefaultIgnore.
func Compare(golden, got *output.Tables, level Level) Report {
	return CompareGolden(AllTables(golden), got, Options{Level: level, Docs: DocsGolden})
}

// column is one column of a table's rows.
type column struct {
	name  string
	index int
	link  *link
}

// link is a column that points to a row of another table of the same
// document.
type link struct {
	col, table string
	// typ is the entity type the target must have, "" for any.
	typ string
}

// tableDesc describes the rows of one table for matching.
type tableDesc struct {
	name  string
	typ   reflect.Type
	id    string // the id column; "" for articles
	kind  string // the column that gives per-type scores; "" for none
	cols  []column
	links []link
}

var descs = map[string]*tableDesc{
	output.TableArticles: describe[output.ArticleRow](output.TableArticles, "", "", nil),
	output.TableEntities: describe[output.EntityRow](output.TableEntities, "entity_id", "type", nil),
	output.TableMetrics: describe[output.MetricRow](output.TableMetrics, "metric_id", "kind", []link{
		{"org_id", output.TableEntities, "ORG"},
		{"place_id", output.TableEntities, "PLACE"},
		{"date_id", output.TableDates, ""},
	}),
	output.TableDates: describe[output.DateRow](output.TableDates, "date_id", "granularity", nil),
}

func describe[R any](name, id, kind string, links []link) *tableDesc {
	t := reflect.TypeFor[R]()
	d := &tableDesc{name: name, typ: t, id: id, kind: kind, links: links}
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		c := column{name: tag, index: i}
		for j := range d.links {
			if d.links[j].col == tag {
				c.link = &d.links[j]
			}
		}
		d.cols = append(d.cols, c)
	}
	return d
}

func (d *tableDesc) has(name string) bool {
	return slices.ContainsFunc(d.cols, func(c column) bool { return c.name == name })
}

// required returns the key columns every row must have.
func (d *tableDesc) required() []string {
	if d.id == "" {
		return []string{"doc_id"}
	}
	return []string{"doc_id", d.id, "start", "end"}
}

// keyCol reports whether a column is part of the row's key.
func (d *tableDesc) keyCol(name string) bool { return slices.Contains(d.required(), name) }

// row is a table row reduced to what matching needs.
type row struct {
	doc        string
	id         int32
	start, end int32
	typ        string // type, kind or granularity
	text       string
	line       int // in the golden file; 0 for a run's row
	v          reflect.Value
}

// rows returns the rows of d's table in t; lines, if not nil, gives each
// row's line in its file.
func (d *tableDesc) rows(t *output.Tables, lines []int) []row {
	var rv reflect.Value
	switch d.name {
	case output.TableArticles:
		rv = reflect.ValueOf(t.Articles)
	case output.TableEntities:
		rv = reflect.ValueOf(t.Entities)
	case output.TableMetrics:
		rv = reflect.ValueOf(t.Metrics)
	case output.TableDates:
		rv = reflect.ValueOf(t.Dates)
	}
	out := make([]row, rv.Len())
	for i := range out {
		v := rv.Index(i)
		r := row{v: v, doc: v.FieldByName("DocID").String()}
		if d.id != "" {
			r.id = int32(d.field(v, d.id).Int())
			r.start = int32(v.FieldByName("Start").Int())
			r.end = int32(v.FieldByName("End").Int())
			r.text = v.FieldByName("Text").String()
		}
		if d.kind != "" {
			r.typ = d.field(v, d.kind).String()
		}
		if i < len(lines) {
			r.line = lines[i]
		}
		out[i] = r
	}
	return out
}

func (d *tableDesc) field(v reflect.Value, name string) reflect.Value {
	for _, c := range d.cols {
		if c.name == name {
			return v.Field(c.index)
		}
	}
	panic("validate: no column " + name)
}

// link returns the value of a link column, -1 for null.
func (r row) link(col string) int32 {
	return linkValue(descs[output.TableMetrics].field(r.v, col))
}

// key is what pairs rows: the span, and for entities the type.
func (r row) key(d *tableDesc) string {
	switch d.name {
	case output.TableArticles:
		return r.doc
	case output.TableEntities:
		return fmt.Sprintf("%s\x00%d:%d:%s", r.doc, r.start, r.end, r.typ)
	}
	return fmt.Sprintf("%s\x00%d:%d", r.doc, r.start, r.end)
}

// describe returns the row as shown in a miss: its span and text.
func (r row) describe(d *tableDesc) string {
	if d.id == "" {
		return "doc"
	}
	if d.name == output.TableEntities {
		return fmt.Sprintf("[%d,%d) %s %s", r.start, r.end, r.typ, r.text)
	}
	return fmt.Sprintf("[%d,%d) %s", r.start, r.end, r.text)
}

// render returns a column value as text: strings as they are, numbers in
// Go's shortest form, nulls as null, the rest as JSON.
func render(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return fmt.Sprint(v.Interface())
	}
	if s, err := strconv.Unquote(string(b)); err == nil && len(b) > 0 && b[0] == '"' {
		return s
	}
	return string(b)
}

// side is one side of a comparison, with its rows by document and id for
// following links.
type side struct {
	byID map[string]map[string]map[int32]row // table → doc → id → row
}

func newSide(t *output.Tables) side {
	s := side{byID: map[string]map[string]map[int32]row{}}
	for _, table := range []string{output.TableEntities, output.TableDates} {
		m := map[string]map[int32]row{}
		for _, r := range descs[table].rows(t, nil) {
			if m[r.doc] == nil {
				m[r.doc] = map[int32]row{}
			}
			m[r.doc][r.id] = r
		}
		s.byID[table] = m
	}
	return s
}

// follow returns the key (span) and display text of the row a link points
// to.
func (s side) follow(l *link, doc string, id int32) (key, text string) {
	if id < 0 {
		return "null", "null"
	}
	t, ok := s.byID[l.table][doc][id]
	if !ok {
		return fmt.Sprintf("#%d", id), fmt.Sprintf("#%d (no such row)", id)
	}
	return fmt.Sprintf("%d:%d", t.start, t.end), t.text
}

// CompareGolden matches got against the golden set g.
func CompareGolden(g *Golden, got *output.Tables, o Options) Report {
	if o.Level == "" {
		o.Level = Exact
	}
	if o.Docs == "" {
		o.Docs = DocsGolden
	}
	ignore := o.Ignore
	if ignore == nil {
		ignore = DefaultIgnore
	}
	rep := Report{Level: o.Level, Docs: o.Docs, Scores: []Score{}, Misses: []Miss{}, Notes: []string{}}
	var docs map[string]bool
	if o.Docs == DocsGolden {
		docs = g.docs()
	}
	goldSide, gotSide := newSide(&g.Tables), newSide(got)
	for _, table := range output.TableNames() {
		if !g.Has[table] {
			rep.Notes = append(rep.Notes, table+": not in the golden set, not scored")
			continue
		}
		d := descs[table]
		var cols []column
		var skipped []string
		for _, c := range d.cols {
			switch {
			case c.name == "doc_id" || d.keyCol(c.name) || slices.Contains(ignore, c.name):
			case slices.Contains(g.Lacks[table], c.name):
				skipped = append(skipped, c.name)
			case c.link != nil && !g.Has[c.link.table]:
				rep.Notes = append(rep.Notes, fmt.Sprintf("%s.%s: not compared, %s is not in the golden set", table, c.name, c.link.table))
			default:
				cols = append(cols, c)
			}
		}
		if len(skipped) > 0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: the golden file lacks the column(s) %s: not compared", table, strings.Join(skipped, ", ")))
		}
		gold := d.rows(&g.Tables, g.lines[table])
		var mine []row
		for _, r := range d.rows(got, nil) {
			if docs == nil || docs[r.doc] {
				mine = append(mine, r)
			}
		}
		m := matcher{d: d, cols: cols, level: o.Level, gold: goldSide, got: gotSide}
		whole, types, misses := m.match(gold, mine)
		rep.Scores = append(rep.Scores, whole)
		rep.Scores = append(rep.Scores, types...)
		rep.Misses = append(rep.Misses, misses...)
	}
	return rep
}

// docs returns the documents of the golden set.
func (g *Golden) docs() map[string]bool {
	docs := map[string]bool{}
	if g.Has[output.TableArticles] {
		for _, a := range g.Tables.Articles {
			docs[a.DocID] = true
		}
		return docs
	}
	for _, r := range g.Tables.Entities {
		docs[r.DocID] = true
	}
	for _, r := range g.Tables.Metrics {
		docs[r.DocID] = true
	}
	for _, r := range g.Tables.Dates {
		docs[r.DocID] = true
	}
	return docs
}

// matcher pairs and scores the rows of one table.
type matcher struct {
	d         *tableDesc
	cols      []column
	level     Level
	gold, got side
}

// diffs returns the compared columns where a and b differ.
func (m *matcher) diffs(a, b row) []Diff {
	var out []Diff
	for _, c := range m.cols {
		av, bv := a.v.Field(c.index), b.v.Field(c.index)
		if c.link != nil {
			ak, at := m.gold.follow(c.link, a.doc, linkValue(av))
			bk, bt := m.got.follow(c.link, b.doc, linkValue(bv))
			if ak != bk {
				if at == bt {
					at, bt = at+"@"+ak, bt+"@"+bk
				}
				out = append(out, Diff{Column: c.name, Golden: at, Got: bt})
			}
			continue
		}
		if ar, br := render(av), render(bv); ar != br {
			out = append(out, Diff{Column: c.name, Golden: ar, Got: br})
		}
	}
	return out
}

// match pairs gold and got rows by key and scores them.
func (m *matcher) match(gold, got []row) (Score, []Score, []Miss) {
	whole := Score{Table: m.d.name}
	types := map[string]*Score{}
	typed := func(t string) *Score {
		if types[t] == nil {
			types[t] = &Score{Table: m.d.name, Type: t}
		}
		return types[t]
	}
	byKey := map[string][]int{}
	for i, r := range gold {
		k := r.key(m.d)
		byKey[k] = append(byKey[k], i)
	}
	paired := make([]bool, len(gold))
	var changed, extra []Miss
	for _, r := range got {
		k := r.key(m.d)
		idx := byKey[k]
		if len(idx) == 0 {
			whole.FP++
			if r.typ != "" {
				typed(r.typ).FP++
			}
			extra = append(extra, Miss{Table: m.d.name, Kind: "extra", DocID: r.doc, Row: r.describe(m.d)})
			continue
		}
		gi := idx[0]
		byKey[k] = idx[1:]
		paired[gi] = true
		g := gold[gi]
		var diffs []Diff
		if m.level == Exact {
			diffs = m.diffs(g, r)
		}
		if len(diffs) == 0 {
			whole.TP++
		} else {
			whole.FP++
			whole.FN++
			changed = append(changed, Miss{Table: m.d.name, Kind: "changed", DocID: g.doc, Row: g.describe(m.d), Line: g.line, Diffs: diffs})
		}
		switch {
		case len(diffs) == 0 && g.typ == r.typ:
			if g.typ != "" {
				typed(g.typ).TP++
			}
		default:
			if g.typ != "" {
				typed(g.typ).FN++
			}
			if r.typ != "" {
				typed(r.typ).FP++
			}
		}
	}
	var missing []Miss
	for i, g := range gold {
		if paired[i] {
			continue
		}
		whole.FN++
		if g.typ != "" {
			typed(g.typ).FN++
		}
		missing = append(missing, Miss{Table: m.d.name, Kind: "missing", DocID: g.doc, Row: g.describe(m.d), Line: g.line})
	}
	names := make([]string, 0, len(types))
	for t := range types {
		names = append(names, t)
	}
	sort.Strings(names)
	var ts []Score
	for _, t := range names {
		ts = append(ts, *types[t])
	}
	misses := append(append(missing, changed...), extra...)
	return whole, ts, misses
}

// Write prints the report as an aligned table, then its notes.
func (r Report) Write(w io.Writer) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-10s %-12s %6s %6s %6s %9s %7s %7s  (%s match, %s documents)\n", "table", "type", "TP", "FP", "FN", "precision", "recall", "F1", r.Level, r.Docs)
	for _, s := range r.Scores {
		typ := s.Type
		if typ == "" {
			typ = "(all)"
		}
		fmt.Fprintf(&sb, "%-10s %-12s %6d %6d %6d %9.3f %7.3f %7.3f\n", s.Table, typ, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&sb, "note: %s\n", n)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// WriteJSON writes the report as one JSON object, for CI.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
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
