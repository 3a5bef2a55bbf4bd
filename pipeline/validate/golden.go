package validate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Golden is a golden set: any subset of the four tables, read from JSONL.
type Golden struct {
	// Tables holds the rows of the golden tables; the others are empty.
	Tables output.Tables
	// Has tells which tables are golden (their file was there).
	Has map[string]bool
	// Lacks lists, per table, the columns its file does not have; they
	// are not compared.
	Lacks map[string][]string
	// lines holds the file line of each row, per table, in row order.
	lines map[string][]int
	// dir is where the set was read from, for messages.
	dir string
}

// AllTables returns a golden set of all four tables of t, as read by
// output.ReadJSONL.
func AllTables(t *output.Tables) *Golden {
	g := &Golden{Tables: *t, Has: map[string]bool{}, Lacks: map[string][]string{}, lines: map[string][]int{}}
	for _, name := range output.TableNames() {
		g.Has[name] = true
	}
	return g
}

// ErrMalformed marks a golden set that cannot be scored against: the
// error names the file and line.
var ErrMalformed = errors.New("malformed golden set")

// ReadGolden reads the golden tables in dir: any of articles.jsonl,
// entities.jsonl, metrics.jsonl and dates.jsonl, at least one. It refuses,
// with an error naming file:line and wrapping ErrMalformed, a line that is
// not a row (bad JSON, an unknown column, a row lacking doc_id or its
// span, lines that lack columns other lines have), a doc_id repeated in
// articles, rows of one document that are not together, ids that do not
// count 0, 1, 2 … within a document in file order (gaps or disorder), a
// span row of a document the golden articles do not have, and a link
// (org_id, place_id, date_id) to a row that is not there or not of the
// right type. A column missing from every line of a file is not an error:
// it is listed in Lacks and not compared.
func ReadGolden(dir string) (*Golden, error) {
	g := &Golden{Has: map[string]bool{}, Lacks: map[string][]string{}, lines: map[string][]int{}, dir: dir}
	var err error
	if g.Tables.Articles, err = readGoldenTable[output.ArticleRow](g, output.TableArticles); err != nil {
		return nil, err
	}
	if g.Tables.Entities, err = readGoldenTable[output.EntityRow](g, output.TableEntities); err != nil {
		return nil, err
	}
	if g.Tables.Metrics, err = readGoldenTable[output.MetricRow](g, output.TableMetrics); err != nil {
		return nil, err
	}
	if g.Tables.Dates, err = readGoldenTable[output.DateRow](g, output.TableDates); err != nil {
		return nil, err
	}
	if len(g.Has) == 0 {
		return nil, fmt.Errorf("%w: %s holds none of articles.jsonl, entities.jsonl, metrics.jsonl, dates.jsonl", ErrMalformed, dir)
	}
	if err := g.check(); err != nil {
		return nil, err
	}
	return g, nil
}

// readGoldenTable reads one golden table file, if it is there.
func readGoldenTable[R any](g *Golden, table string) ([]R, error) {
	path := filepath.Join(g.dir, output.FileName(table, output.FormatJSONL))
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g.Has[table] = true
	d := descs[table]
	br := bufio.NewReaderSize(f, 64<<10)
	var rows []R
	var first map[string]bool // the columns of the first row
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(b) == 0 && errors.Is(err, io.EOF) {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%w: %s:%d: %s", ErrMalformed, path, line, fmt.Sprintf(format, args...))
		}
		if len(bytes.TrimSpace(b)) == 0 {
			return nil, bad("blank line")
		}
		var cols map[string]json.RawMessage
		if err := json.Unmarshal(b, &cols); err != nil {
			return nil, bad("%v", err)
		}
		for k := range cols {
			if !d.has(k) {
				return nil, bad("unknown column %q", k)
			}
		}
		for _, k := range d.required() {
			if _, ok := cols[k]; !ok {
				return nil, bad("the row lacks %s", k)
			}
		}
		if first == nil {
			first = map[string]bool{}
			for k := range cols {
				first[k] = true
			}
			for _, c := range d.cols {
				if !first[c.name] {
					g.Lacks[table] = append(g.Lacks[table], c.name)
				}
			}
		} else if !sameKeys(cols, first) {
			return nil, bad("the row has other columns than line 1 (%s)", strings.Join(keys(cols), ", "))
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		var r R
		if err := dec.Decode(&r); err != nil {
			return nil, bad("%v", err)
		}
		rows = append(rows, r)
		g.lines[table] = append(g.lines[table], line)
	}
	return rows, nil
}

func sameKeys(m map[string]json.RawMessage, set map[string]bool) bool {
	if len(m) != len(set) {
		return false
	}
	for k := range m {
		if !set[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]json.RawMessage) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// check checks the golden set's keys and links.
func (g *Golden) check() error {
	docs := map[string]int{} // doc_id → line in articles.jsonl
	if g.Has[output.TableArticles] {
		for i, a := range g.Tables.Articles {
			line := g.lines[output.TableArticles][i]
			if first, ok := docs[a.DocID]; ok {
				return g.bad(output.TableArticles, line, "doc_id %q repeated (first at line %d)", a.DocID, first)
			}
			docs[a.DocID] = line
		}
	}
	// ids[table][doc] holds the rows of each document, by id.
	ids := map[string]map[string][]row{}
	for _, table := range output.TableNames()[1:] {
		if !g.Has[table] {
			continue
		}
		rows := descs[table].rows(&g.Tables, g.lines[table])
		byDoc := map[string][]row{}
		last := ""
		for _, r := range rows {
			if g.Has[output.TableArticles] {
				if _, ok := docs[r.doc]; !ok {
					return g.bad(table, r.line, "doc_id %q is not in articles.jsonl", r.doc)
				}
			}
			prev := byDoc[r.doc]
			if len(prev) > 0 && r.doc != last {
				return g.bad(table, r.line, "rows of doc_id %q are not together (line %d is of this document)", r.doc, prev[len(prev)-1].line)
			}
			last = r.doc
			if want := int32(len(prev)); r.id != want {
				if r.id > want {
					return g.bad(table, r.line, "%s %d in doc_id %q, want %d: ids must count 0, 1, 2 … (a gap; after removing a row, renumber the rows after it and the links to them)", descs[table].id, r.id, r.doc, want)
				}
				return g.bad(table, r.line, "%s %d in doc_id %q, want %d: ids must count 0, 1, 2 … in file order (out of order or repeated)", descs[table].id, r.id, r.doc, want)
			}
			if r.start < 0 || r.end < r.start {
				return g.bad(table, r.line, "bad span [%d,%d)", r.start, r.end)
			}
			byDoc[r.doc] = append(prev, r)
		}
		ids[table] = byDoc
	}
	if g.Has[output.TableMetrics] {
		rows := descs[output.TableMetrics].rows(&g.Tables, g.lines[output.TableMetrics])
		for _, r := range rows {
			for _, l := range descs[output.TableMetrics].links {
				v := r.link(l.col)
				if v < 0 || !g.Has[l.table] {
					continue
				}
				targets := ids[l.table][r.doc]
				if int(v) >= len(targets) {
					return g.bad(output.TableMetrics, r.line, "%s %d: no such row in %s.jsonl for doc_id %q (a dangling link)", l.col, v, l.table, r.doc)
				}
				if l.typ != "" && targets[v].typ != l.typ {
					return g.bad(output.TableMetrics, r.line, "%s %d: row %d of %s.jsonl is a %s, want a %s", l.col, v, v, l.table, targets[v].typ, l.typ)
				}
			}
		}
	}
	return nil
}

func (g *Golden) bad(table string, line int, format string, args ...any) error {
	path := filepath.Join(g.dir, output.FileName(table, output.FormatJSONL))
	return fmt.Errorf("%w: %s:%d: %s", ErrMalformed, path, line, fmt.Sprintf(format, args...))
}

// linkValue returns the int32 behind an Opt[int32] field, or -1 for null.
func linkValue(v reflect.Value) int32 {
	if !v.FieldByName("OK").Bool() {
		return -1
	}
	return int32(v.FieldByName("V").Int())
}
