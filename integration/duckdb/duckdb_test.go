package duckdb_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver

	"github.com/newsfacts/newsfacts"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// at returns the byte span of the first sub in text, for rule.
func at(t *testing.T, text, sub, rule string) newsfacts.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return newsfacts.Span{Start: i, End: i + len(sub), Rule: rule}
}

func day(y int, m time.Month, d int) newsfacts.Opt[newsfacts.Day] {
	return newsfacts.Some(newsfacts.DayOf(y, m, d))
}

// sampleDocs returns three hand-made documents, turned into rows by
// output.RowsOf: an article in the style of the reference article, one
// with no dates and astral and combining characters, and one that failed.
func sampleDocs(t *testing.T) []output.DocRows {
	text := "2021年，石峰区新增市场主体1.2万户，同比增长12.5%。\n" +
		"去年以来，该区组建企业微信群111个，审批提速80%以上！\n" +
		"所需时间由26个工作日缩减至5个工作日。"
	a := newsfacts.NewDoc(newsfacts.Article{
		DocID:       "2022-03-29-shifeng",
		Source:      "testdata/articles/2022-03-29-shifeng.md",
		Title:       "石峰区打造企业服务新标杆",
		Date:        day(2022, 3, 29),
		PublishedAt: newsfacts.Some(time.Date(2022, 3, 29, 8, 27, 42, 0, time.FixedZone("CST", 8*3600))),
		URL:         "http://example.com/news?id=1&lang=zh",
		Publisher:   "株洲日报",
		Categories:  []string{"zhuzhouribao"},
		Tags:        []string{"株洲日报新闻"},
		Text:        text,
	})
	a.Entities = []newsfacts.Entity{
		{Span: at(t, text, "石峰区", "gazetteer"), Type: newsfacts.PLACE, Name: "石峰区", Code: "430204", Parent: "湖南省株洲市"},
	}
	a.Dates = []newsfacts.Date{
		{Span: at(t, text, "2021年", "year: Y年"), From: day(2021, 1, 1), To: day(2021, 12, 31), Granularity: newsfacts.GrainYear},
		{Span: at(t, text, "去年以来", "since: 去年以来"), From: day(2021, 1, 1), To: day(2022, 3, 29), Granularity: newsfacts.GrainSpan, Relative: true},
	}
	one, zero := newsfacts.Some[int32](1), newsfacts.Some[int32](0)
	a.Metrics = []newsfacts.Metric{
		{Span: at(t, text, "新增市场主体1.2万户", "quantity: 新增N户"), Subject: "新增市场主体", Kind: newsfacts.KindQuantity, Value: 12000, Unit: "户", PlaceID: zero, DateID: zero,
			Indicator: "新增市场主体", SubjectRule: "subject: noun before"},
		{Span: at(t, text, "同比增长12.5%", "percent: 同比增长N%"), Subject: "新增市场主体", Kind: newsfacts.KindPercent, Value: 12.5, Unit: "%", Direction: newsfacts.DirUp, Baseline: "yoy", PlaceID: zero, DateID: zero,
			Indicator: "新增市场主体", SubjectRule: "subject: carried", Target: true},
		{Span: at(t, text, "企业微信群111个", "quantity: N个"), Subject: "企业微信群", Kind: newsfacts.KindQuantity, Value: 111, Unit: "个", DateID: one},
		{Span: at(t, text, "提速80%以上", "percent: 提速N%以上"), Subject: "审批", Kind: newsfacts.KindPercent, Value: 80, Unit: "%", Qualifier: newsfacts.QualOver, Direction: newsfacts.DirUp},
		{Span: at(t, text, "由26个工作日缩减至5个工作日", "change: 由A缩减至B"), Subject: "所需时间", Kind: newsfacts.KindChange, Value: 5, Unit: "工作日", Direction: newsfacts.DirDown, From: newsfacts.Some(26.0), To: newsfacts.Some(5.0)},
	}

	text2 := "“𠮷野家”在上海开业，首日客流约1.5万人次。\né\u0301家店"
	b := newsfacts.NewDoc(newsfacts.Article{DocID: "dump.jsonl#2", Source: "dump.jsonl:2", Text: text2})
	b.Metrics = []newsfacts.Metric{
		{Span: at(t, text2, "约1.5万人次", "quantity: 约N万"), Subject: "首日客流", Kind: newsfacts.KindQuantity, Value: 15000, Unit: "人次", Qualifier: newsfacts.QualApprox},
		{Span: at(t, text2, "家店", "quantity: N家"), Kind: newsfacts.KindNumber, Value: 1},
	}

	c := newsfacts.NewDoc(newsfacts.Article{DocID: "dump.jsonl#3", Source: "dump.jsonl:3",
		Err: &newsfacts.DocError{Source: "dump.jsonl", Line: 3, Op: "parse", Err: newsfacts.ErrSyntax}})

	return []output.DocRows{output.RowsOf(a), output.RowsOf(b), output.RowsOf(c)}
}

// writeSample writes the sample documents as Parquet and returns the
// output folder.
func writeSample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := output.Open(output.Options{Dir: dir, Format: output.FormatParquet, BatchRows: 2,
		Metadata: map[string]string{"newsfacts.version": "test"}})
	if err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs(t)
	for i := range docs {
		if err := s.Write(t.Context(), &docs[i]); err != nil {
			s.Abort()
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// openDB opens an in-memory DuckDB database, in UTC.
func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// NOTE: one connection, so that the SET applies to every query.
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("SET TimeZone = 'UTC'"); err != nil {
		t.Fatal(err)
	}
	return db
}

// duckType is the DuckDB type that each Arrow type of the schema must be
// read as.
var duckType = map[string]string{
	"utf8":                  "VARCHAR",
	"int32":                 "INTEGER",
	"float64":               "DOUBLE",
	"bool":                  "BOOLEAN",
	"date32":                "DATE",
	"timestamp[us, tz=UTC]": "TIMESTAMP WITH TIME ZONE",
	"list<element: utf8>":   "VARCHAR[]",
}

func TestDescribeTypes(t *testing.T) {
	dir := writeSample(t)
	db := openDB(t)
	for _, table := range output.TableNames() {
		t.Run(table, func(t *testing.T) {
			path := filepath.Join(dir, output.FileName(table, output.FormatParquet))
			rows, err := db.Query("DESCRIBE SELECT * FROM read_parquet(?)", path)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var got []string
			for rows.Next() {
				var name, typ string
				var null, key, def, extra sql.NullString
				if err := rows.Scan(&name, &typ, &null, &key, &def, &extra); err != nil {
					t.Fatal(err)
				}
				got = append(got, name+" "+typ)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, f := range output.ArrowSchema(table).Fields() {
				dt, ok := duckType[f.Type.String()]
				if !ok {
					t.Fatalf("no DuckDB type known for %s %s", f.Name, f.Type)
				}
				want = append(want, f.Name+" "+dt)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("DESCRIBE %s\n got: %q\nwant: %q", table, got, want)
			}
		})
	}
}

// TestJoin joins metrics to their dates and articles.
func TestJoin(t *testing.T) {
	dir := writeSample(t)
	db := openDB(t)
	q := strings.ReplaceAll(`
SELECT a.title, m.metric_id, m.text, m.value, d.text, d.from_date, d.to_date, d.relative
FROM read_parquet('DIR/metrics.parquet') AS m
JOIN read_parquet('DIR/dates.parquet') AS d ON d.doc_id = m.doc_id AND d.date_id = m.date_id
JOIN read_parquet('DIR/articles.parquet') AS a ON a.doc_id = m.doc_id
ORDER BY m.doc_id, m.metric_id`, "DIR", filepath.ToSlash(dir))
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type row struct {
		Title    string
		MetricID int32
		Text     string
		Value    float64
		DateText string
		From, To time.Time
		Relative bool
	}
	var got []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.Title, &r.MetricID, &r.Text, &r.Value, &r.DateText, &r.From, &r.To, &r.Relative); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	d := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
	const title = "石峰区打造企业服务新标杆"
	want := []row{
		{title, 0, "新增市场主体1.2万户", 12000, "2021年", d(2021, 1, 1), d(2021, 12, 31), false},
		{title, 1, "同比增长12.5%", 12.5, "2021年", d(2021, 1, 1), d(2021, 12, 31), false},
		{title, 2, "企业微信群111个", 111, "去年以来", d(2021, 1, 1), d(2022, 3, 29), true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows %+v; want %d", len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Title != w.Title || g.MetricID != w.MetricID || g.Text != w.Text || g.Value != w.Value ||
			g.DateText != w.DateText || !g.From.Equal(w.From) || !g.To.Equal(w.To) || g.Relative != w.Relative {
			t.Errorf("row %d = %+v; want %+v", i, g, w)
		}
	}
}

// TestValues checks nulls, empty lists, timestamps and code point offsets
// as DuckDB sees them.
func TestValues(t *testing.T) {
	dir := writeSample(t)
	db := openDB(t)
	p := func(table string) string {
		return "read_parquet('" + filepath.ToSlash(filepath.Join(dir, table+".parquet")) + "')"
	}
	tests := []struct {
		name, query string
		want        any
	}{
		{"row counts", "SELECT (SELECT count(*) FROM " + p("articles") + ") || ',' || (SELECT count(*) FROM " + p("entities") + ") || ',' || (SELECT count(*) FROM " + p("metrics") + ") || ',' || (SELECT count(*) FROM " + p("dates") + ")", "3,1,7,2"},
		{"published_at in UTC", "SELECT strftime(published_at, '%Y-%m-%d %H:%M:%S %z') FROM " + p("articles") + " WHERE doc_id = '2022-03-29-shifeng'", "2022-03-29 00:27:42 +00"},
		{"absent timestamp is null", "SELECT count(*) FROM " + p("articles") + " WHERE published_at IS NULL AND date IS NULL", int64(2)},
		{"empty lists are not null", "SELECT count(*) FROM " + p("articles") + " WHERE categories = [] AND tags = [] AND categories IS NOT NULL", int64(2)},
		{"list values", "SELECT categories[1] || '/' || tags[1] FROM " + p("articles") + " WHERE doc_id = '2022-03-29-shifeng'", "zhuzhouribao/株洲日报新闻"},
		{"error row", "SELECT status || ' ' || error || ' ' || chars FROM " + p("articles") + " WHERE doc_id = 'dump.jsonl#3'", "error dump.jsonl:3: parse: malformed input 0"},
		{"chars is length", "SELECT count(*) FROM " + p("articles") + " WHERE chars <> length(text)", int64(0)},
		{"offsets are code points", "SELECT count(*) FROM " + p("metrics") + " m JOIN " + p("articles") + ` a USING (doc_id) WHERE substr(a.text, m.start + 1, m."end" - m.start) <> m.text`, int64(0)},
		{"offsets past astral and combining", "SELECT m.start || '-' || m.\"end\" || ' s' || m.sentence FROM " + p("metrics") + " m WHERE doc_id = 'dump.jsonl#2' AND metric_id = 1", "26-28 s1"},
		{"nullable links", "SELECT count(*) FILTER (date_id IS NULL) || ',' || count(*) FILTER (place_id IS NULL) || ',' || count(*) FILTER (from_value IS NULL) FROM " + p("metrics"), "4,5,6"},
		{"indicator, target, subject_rule", "SELECT string_agg(indicator || '/' || target || '/' || subject_rule, ';' ORDER BY metric_id) FROM " + p("metrics") + " WHERE indicator <> ''",
			"新增市场主体/false/subject: noun before;新增市场主体/true/subject: carried"},
		{"an indicator's series by place and period (README)", "SELECT string_agg(e.name || ' ' || d.from_date || ' ' || m.value || m.unit, ';' ORDER BY m.metric_id) FROM " + p("metrics") + " m LEFT JOIN " + p("dates") + " d ON d.doc_id = m.doc_id AND d.date_id = m.date_id LEFT JOIN " + p("entities") + " e ON e.doc_id = m.doc_id AND e.entity_id = m.place_id WHERE m.indicator = '新增市场主体' AND NOT m.target",
			"石峰区 2021-01-01 12000.0户"},
		{"from and to", "SELECT from_value || '→' || to_value FROM " + p("metrics") + " WHERE kind = 'change'", "26.0→5.0"},
		{"place link", "SELECT e.name || ' ' || e.code || ' ' || e.parent FROM " + p("metrics") + " m JOIN " + p("entities") + " e ON e.doc_id = m.doc_id AND e.entity_id = m.place_id WHERE m.metric_id = 0", "石峰区 430204 湖南省株洲市"},
		{"several row groups", "SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + filepath.ToSlash(filepath.Join(dir, "metrics.parquet")) + "')", int64(4)},
		{"file metadata", "SELECT decode(value) FROM parquet_kv_metadata('" + filepath.ToSlash(filepath.Join(dir, "dates.parquet")) + "') WHERE decode(key) = 'newsfacts.version'", "test"},
		{"required and optional", "SELECT string_agg(name || ':' || repetition_type, ' ' ORDER BY name) FROM parquet_schema('" + filepath.ToSlash(filepath.Join(dir, "articles.parquet")) + "') WHERE name IN ('doc_id', 'date', 'published_at', 'categories', 'element', 'chars')", "categories:REQUIRED chars:REQUIRED date:OPTIONAL doc_id:REQUIRED element:REQUIRED element:REQUIRED published_at:OPTIONAL"},
		{"created_by", "SELECT created_by FROM parquet_file_metadata('" + filepath.ToSlash(filepath.Join(dir, "dates.parquet")) + "')", "newsfacts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got any
			if err := db.QueryRow(tt.query).Scan(&got); err != nil {
				t.Fatalf("%s: %v", tt.query, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v; want %#v\nquery: %s", got, tt.want, tt.query)
			}
		})
	}
}

// sqlBlock matches a fenced SQL block of a Markdown file.
var sqlBlock = regexp.MustCompile("(?s)```sql\n(.*?)```")

// TestSchemaDocExamples runs every SQL example of docs/schema.md on the
// sample output: each must run and return rows.
func TestSchemaDocExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "schema.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := sqlBlock.FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 3 {
		t.Fatalf("docs/schema.md has %d SQL examples; want at least 3", len(blocks))
	}
	dir := writeSample(t)
	db := openDB(t)
	for i, b := range blocks {
		q := strings.ReplaceAll(b[1], "'out/", "'"+filepath.ToSlash(dir)+"/")
		rows, err := db.Query(q)
		if err != nil {
			t.Errorf("example %d: %v\n%s", i+1, err, b[1])
			continue
		}
		cols, _ := rows.Columns()
		n := 0
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for j := range vals {
				ptrs[j] = &vals[j]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Errorf("example %d: %v", i+1, err)
			}
			// The offsets check of the context example must hold.
			for j, c := range cols {
				if c == "offsets_ok" && vals[j] != true {
					t.Errorf("example %d: row %v has offsets_ok = %v", i+1, vals, vals[j])
				}
			}
			n++
		}
		if err := rows.Err(); err != nil {
			t.Errorf("example %d: %v", i+1, err)
		}
		rows.Close()
		if n == 0 {
			t.Errorf("example %d returned no rows:\n%s", i+1, b[1])
		}
	}
}

// TestJSONL checks that DuckDB reads the JSONL output with the same types
// and rows as the Parquet output.
func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	s, err := output.Open(output.Options{Dir: dir, Format: output.FormatJSONL})
	if err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs(t)
	for i := range docs {
		if err := s.Write(t.Context(), &docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	pq := writeSample(t)
	db := openDB(t)
	for _, table := range output.TableNames() {
		j := filepath.ToSlash(filepath.Join(dir, table+".jsonl"))
		p := filepath.ToSlash(filepath.Join(pq, table+".parquet"))
		// The JSONL file read with the column types of the schema, and the
		// Parquet file, must hold the same rows.
		var cols []string
		for _, f := range output.ArrowSchema(table).Fields() {
			cols = append(cols, "'"+f.Name+"': '"+duckType[f.Type.String()]+"'")
		}
		js := "read_json('" + j + "', format = 'newline_delimited', columns = {" + strings.Join(cols, ", ") + "})"
		ps := "read_parquet('" + p + "')"
		q := "SELECT (SELECT count(*) FROM (SELECT * FROM " + js + " EXCEPT ALL SELECT * FROM " + ps + "))" +
			" + (SELECT count(*) FROM (SELECT * FROM " + ps + " EXCEPT ALL SELECT * FROM " + js + "))" +
			" + abs((SELECT count(*) FROM " + js + ") - (SELECT count(*) FROM " + ps + "))"
		var diff int64
		if err := db.QueryRow(q).Scan(&diff); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if diff != 0 {
			t.Errorf("%s: %d rows differ between JSONL and Parquet", table, diff)
		}
	}
}

// TestManifest reads the manifest with DuckDB, as docs/schema.md shows,
// and checks it against the files: each table's row count is that of its
// Parquet file, and output.ReadManifest accepts the folder.
func TestManifest(t *testing.T) {
	dir := writeSample(t)
	m, err := output.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Verify(dir); err != nil {
		t.Fatal(err)
	}
	db := openDB(t)
	manifest := filepath.Join(dir, output.ManifestName)
	var version int
	var format string
	var docs, errs int64
	if err := db.QueryRow(`SELECT schema_version, format, documents, errors FROM read_json(?)`, manifest).Scan(&version, &format, &docs, &errs); err != nil {
		t.Fatal(err)
	}
	if version != output.SchemaVersion || format != "parquet" || docs != 3 || errs != 1 {
		t.Errorf("manifest: version %d format %s documents %d errors %d; want %d parquet 3 1", version, format, docs, errs, output.SchemaVersion)
	}
	rows, err := db.Query(`SELECT name, file, rows FROM (SELECT unnest(tables, recursive := true) FROM read_json(?))`, manifest)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		name, file string
		rows       int64
	}
	var tables []entry
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.name, &e.file, &e.rows); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, e)
	}
	// NOTE: closed before the next query: the database has one connection.
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if len(tables) != 4 {
		t.Errorf("%d tables in the manifest, want 4", len(tables))
	}
	for _, e := range tables {
		var got int64
		if err := db.QueryRow(`SELECT count(*) FROM read_parquet(?)`, filepath.Join(dir, e.file)).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != e.rows {
			t.Errorf("%s: the manifest says %d rows, %s has %d", e.name, e.rows, e.file, got)
		}
	}
}
