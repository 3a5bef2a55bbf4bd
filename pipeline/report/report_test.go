package report_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/newsfacts/newsfacts/pipeline/output"
	"github.com/newsfacts/newsfacts/pipeline/report"
)

// golden is the extract output of testdata/articles, kept as the golden
// JSONL tables of the command's tests.
const golden = "../../cmd/newsfacts/testdata/golden/articles"

// writeRun writes the golden tables to a new folder in format f, the way
// extract writes them, and returns the folder.
func writeRun(t *testing.T, f output.Format) string {
	t.Helper()
	tb, err := output.ReadJSONL(golden)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s, err := output.Open(output.Options{Dir: dir, Format: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range tb.Articles {
		rows := output.DocRows{Article: a}
		for _, e := range tb.Entities {
			if e.DocID == a.DocID {
				rows.Entities = append(rows.Entities, e)
			}
		}
		for _, m := range tb.Metrics {
			if m.DocID == a.DocID {
				rows.Metrics = append(rows.Metrics, m)
			}
		}
		for _, d := range tb.Dates {
			if d.DocID == a.DocID {
				rows.Dates = append(rows.Dates, d)
			}
		}
		if err := s.Write(context.Background(), &rows); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLoadSameInEveryFormat(t *testing.T) {
	var first *report.Data
	for _, f := range output.Formats() {
		d, err := report.Load(writeRun(t, f), "")
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if d.Format != f {
			t.Errorf("format: got %s, want %s", d.Format, f)
		}
		if len(d.Articles) != 9 || len(d.Metrics) == 0 || len(d.Entities) == 0 || len(d.Dates) == 0 {
			t.Fatalf("%s: rows %d %d %d %d", f, len(d.Articles), len(d.Entities), len(d.Metrics), len(d.Dates))
		}
		if !d.HasIndicator || !d.HasTarget || !d.HasSubjectRule {
			t.Errorf("%s: the metrics table has indicator, target and subject_rule", f)
		}
		d.Dir, d.Format, d.Files = "", "", nil
		if first == nil {
			first = d
		} else if !reflect.DeepEqual(first, d) {
			t.Errorf("%s: loaded data differs from %s", f, output.Formats()[0])
		}
	}
}

func TestBuild(t *testing.T) {
	d, err := report.Load(writeRun(t, output.FormatParquet), "")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]rune{}
	for _, a := range d.Articles {
		texts[a.DocID] = []rune(a.Text)
	}
	m := report.Build(d, report.Options{MaxFacts: 3, TopIndicators: 10, Context: 8})
	if m.Overview.Docs != 9 || m.Overview.OK != 9 || m.Quality.Figures != len(d.Metrics) {
		t.Fatalf("overview %+v, figures %d", m.Overview, m.Quality.Figures)
	}
	if len(m.Indicators) != 10 || m.Limits.IndicatorsTotal < 10 {
		t.Fatalf("indicators: %d of %d", len(m.Indicators), m.Limits.IndicatorsTotal)
	}
	for i := 1; i < len(m.Indicators); i++ {
		if m.Indicators[i].Figures > m.Indicators[i-1].Figures {
			t.Errorf("indicators not ordered by figures at %d", i)
		}
	}
	if m.Places[0].Name != "天元区" || m.Places[0].Code != "430211" || m.Places[0].Parent != "湖南省株洲市" {
		t.Errorf("top place: %+v", m.Places[0])
	}
	facts := 0
	for _, ind := range m.Indicators {
		if len(ind.Facts) > 3 {
			t.Errorf("%s: %d facts, want at most 3", ind.Name, len(ind.Facts))
		}
		for _, f := range ind.Facts {
			facts++
			var mt *report.Metric
			for i := range d.Metrics {
				if d.Metrics[i].DocID == f.Doc && d.Metrics[i].MetricID == f.Metric {
					mt = &d.Metrics[i]
				}
			}
			if mt == nil {
				t.Fatalf("fact %s #%d is no metric", f.Doc, f.Metric)
			}
			text := texts[f.Doc]
			// The highlighted part is exactly the figure's span, and the
			// parts around it are the text around that span.
			if f.Sentence[1] != mt.Text || string(text[mt.Start:mt.End]) != mt.Text {
				t.Errorf("%s #%d: highlighted %q, metric %q", f.Doc, f.Metric, f.Sentence[1], mt.Text)
			}
			if !strings.HasSuffix(string(text[:mt.Start]), f.Sentence[0]) || !strings.HasPrefix(string(text[mt.End:]), f.Sentence[2]) {
				t.Errorf("%s #%d: context %q | %q does not surround the span", f.Doc, f.Metric, f.Sentence[0], f.Sentence[2])
			}
			if len([]rune(f.Sentence[0])) > 8 || len([]rune(f.Sentence[2])) > 8 {
				t.Errorf("%s #%d: context %q | %q is over 8 code points", f.Doc, f.Metric, f.Sentence[0], f.Sentence[2])
			}
			// The period is the linked date's start, else the article's.
			want := ""
			for _, a := range d.Articles {
				if a.DocID == f.Doc && a.Date.OK {
					want = a.Date.V.String()
				}
			}
			if mt.DateID.OK {
				for _, x := range d.Dates {
					if x.DocID == f.Doc && x.DateID == mt.DateID.V && x.FromDate.OK {
						want = x.FromDate.V.String()
					}
				}
			}
			if f.Period != want {
				t.Errorf("%s #%d: period %q, want %q", f.Doc, f.Metric, f.Period, want)
			}
		}
	}
	if facts == 0 {
		t.Fatal("no facts")
	}
}

func TestIndicatorColumns(t *testing.T) {
	dir := writeRun(t, output.FormatJSONL)
	// A metrics table of the newer schema: indicator, target, subject_rule.
	p := filepath.Join(dir, "metrics.jsonl")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i, l := range lines {
		extra := `,"indicator":"","target":false,"subject_rule":"near"}`
		if i%2 == 0 {
			extra = `,"indicator":"测试指标","target":` + map[bool]string{true: "true", false: "false"}[i%4 == 0] + `,"subject_rule":"left"}`
		}
		lines[i] = strings.TrimSuffix(l, "}") + extra
	}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	seal(t, dir, output.FormatJSONL)
	d, err := report.Load(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if !d.HasIndicator || !d.HasTarget || !d.HasSubjectRule {
		t.Fatalf("new columns not seen: %v %v %v", d.HasIndicator, d.HasTarget, d.HasSubjectRule)
	}
	m := report.Build(d, report.Options{})
	top := m.Indicators[0]
	if top.Name != "测试指标" || !top.Named || top.Figures != (len(lines)+1)/2 || top.Targets != (len(lines)+3)/4 {
		t.Errorf("top indicator %q named %v figures %d targets %d", top.Name, top.Named, top.Figures, top.Targets)
	}
	if len(m.Quality.SubjectRules) != 2 {
		t.Errorf("subject rules: %+v", m.Quality.SubjectRules)
	}
	targets := false
	for _, u := range top.Units {
		for _, s := range u.Series {
			targets = targets || s.Target
		}
	}
	if !targets {
		t.Error("no target series")
	}
}

func TestLoadErrors(t *testing.T) {
	touch := func(dir string, names ...string) {
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := map[string]struct {
		setup func(dir string)
		want  string
	}{
		"no tables": {func(string) {}, "holds none of the tables"},
		"partial": {func(dir string) { touch(dir, "articles.jsonl", "metrics.jsonl") },
			"has articles.jsonl, metrics.jsonl but not entities.jsonl, dates.jsonl"},
		"two formats": {func(dir string) {
			touch(dir, "articles.jsonl", "entities.jsonl", "metrics.jsonl", "dates.jsonl",
				"articles.arrow", "entities.arrow", "metrics.arrow", "dates.arrow")
		}, "several formats (arrow, jsonl)"},
		"jsonl of another schema": {func(dir string) {
			touch(dir, "articles.jsonl", "entities.jsonl", "dates.jsonl")
			os.WriteFile(filepath.Join(dir, "metrics.jsonl"), []byte(`{"doc_id":"a","metric_id":0,"text":"5个","value":5}`+"\n"), 0o644)
			seal(t, dir, output.FormatJSONL)
		}, `metrics.jsonl has no column "start"`},
		"no manifest": {func(dir string) {
			touch(dir, "articles.jsonl", "entities.jsonl", "metrics.jsonl", "dates.jsonl")
		}, "no _manifest.json"},
		"a table changed after the run": {func(dir string) {
			touch(dir, "articles.jsonl", "entities.jsonl", "metrics.jsonl", "dates.jsonl")
			seal(t, dir, output.FormatJSONL)
			os.WriteFile(filepath.Join(dir, "dates.jsonl"), []byte("{}\n"), 0o644)
		}, "it is not the file of that run"},
		"parquet of another schema": {func(dir string) {
			for _, tb := range output.TableNames() {
				schema := output.ArrowSchema(tb)
				if tb == output.TableMetrics {
					// subject as an int32: another schema.
					fields := schema.Fields()
					for i := range fields {
						if fields[i].Name == "subject" {
							fields[i].Type = arrow.PrimitiveTypes.Int32
						}
					}
					schema = arrow.NewSchema(fields, nil)
				}
				writeEmptyParquet(t, filepath.Join(dir, tb+".parquet"), schema)
			}
			seal(t, dir, output.FormatParquet)
		}, `column "subject" is int32, want utf8`},
		"not parquet": {func(dir string) {
			touch(dir, "articles.parquet", "entities.parquet", "metrics.parquet", "dates.parquet")
			seal(t, dir, output.FormatParquet)
		}, "not a readable parquet file"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			c.setup(dir)
			_, err := report.Load(dir, "")
			if err == nil || !errors.Is(err, report.ErrInput) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an ErrInput with %q", err, c.want)
			}
		})
	}
	if _, err := report.Load(filepath.Join(t.TempDir(), "missing"), ""); !errors.Is(err, report.ErrInput) {
		t.Errorf("missing folder: %v", err)
	}
}

func writeEmptyParquet(t *testing.T, path string, schema *arrow.Schema) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := pqarrow.NewFileWriter(schema, f, nil, pqarrow.DefaultWriterProps())
	if err != nil {
		t.Fatal(err)
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	rec := b.NewRecordBatch()
	defer rec.Release()
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestPage checks what the page is made of: one file, no reference to
// anything outside it, the data as JSON that no article text can break out
// of, and an honest message for an empty run.
func TestPage(t *testing.T) {
	d, err := report.Load(writeRun(t, output.FormatArrow), "")
	if err != nil {
		t.Fatal(err)
	}
	// An article text that tries to close the data's script element.
	d.Articles[0].Text = strings.Replace(d.Articles[0].Text, "。", "</script><script>alert(1)</script>。", 1)
	var buf bytes.Buffer
	if err := report.Write(&buf, report.Build(d, report.Options{})); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if n := strings.Count(page, "<script"); n != 3 {
		t.Errorf("%d script elements, want 3 (data, ECharts, the page's own)", n)
	}
	if strings.Contains(page, "alert(1)</script>") {
		t.Error("article text closed a script element")
	}
	// The markup outside the scripts (ECharts' code holds markup in its
	// strings; the browser tests watch the requests the scripts make).
	markup := regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`).ReplaceAllString(page, "")
	if m := regexp.MustCompile(`(?i)<(?:script|link|img|iframe)[^>]*(?:src|href)=`).FindString(markup); m != "" {
		t.Errorf("the page loads something: %s", m)
	}
	if !strings.Contains(page, "default-src 'none'") {
		t.Error("no Content-Security-Policy")
	}
	for _, want := range []string{`id="chart-months"`, `id="chart-explorer"`, `id="chart-rules"`, `id="places-table"`, "醴陵市"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}

	// An empty run: four empty tables.
	dir := t.TempDir()
	for _, tb := range output.TableNames() {
		os.WriteFile(filepath.Join(dir, tb+".jsonl"), nil, 0o644)
	}
	seal(t, dir, output.FormatJSONL)
	d, err = report.Load(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := report.Write(&buf, report.Build(d, report.Options{})); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"This run has no documents", `id="no-indicators"`, "No figure is linked to a place"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("empty page lacks %q", want)
		}
	}
}

// seal writes a manifest for the hand-made tables of dir, in format f, as
// extract would after writing them: report trusts a folder only through it.
func seal(t *testing.T, dir string, f output.Format) {
	t.Helper()
	m := output.Manifest{SchemaVersion: output.SchemaVersion, Format: f}
	for _, tb := range output.TableNames() {
		name := output.FileName(tb, f)
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		m.Tables = append(m.Tables, output.ManifestTable{Name: tb, File: name, Bytes: int64(len(b)), SHA256: hex.EncodeToString(sum[:])})
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, output.ManifestName), b, 0o644); err != nil {
		t.Fatal(err)
	}
}
