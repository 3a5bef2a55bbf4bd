package nfbeam

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// repoRoot is the main module's folder, from this package's.
const repoRoot = "../.."

// idColumn is the column that, with doc_id, identifies a row of a table.
var idColumn = map[string]string{
	output.TableArticles: "", output.TableEntities: "entity_id",
	output.TableMetrics: "metric_id", output.TableDates: "date_id",
}

// buildCLI builds the newsfacts command once per test binary.
func buildCLI(t *testing.T) string {
	t.Helper()
	cliOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsfacts-cli")
		if err != nil {
			cliErr = err
			return
		}
		cliPath = filepath.Join(dir, "newsfacts")
		out, err := exec.Command("go", "build", "-C", repoRoot, "-o", cliPath, "./cmd/newsfacts").CombinedOutput()
		if err != nil {
			cliErr = &buildError{out: string(out), err: err}
		}
	})
	if cliErr != nil {
		t.Fatal(cliErr)
	}
	return cliPath
}

// runCLI runs "newsfacts extract" on inputs into dir.
func runCLI(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command(buildCLI(t), append([]string{"extract", "--progress", "never", "-o", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if _, merr := os.Stat(filepath.Join(dir, output.ManifestName)); err != nil && merr == nil {
		err = nil // exit status 1: some documents failed, the output is complete
	}
	if err != nil {
		t.Fatalf("newsfacts extract %v: %v\n%s", args, err, stderr.String())
	}
}

// runBeam runs the Beam pipeline on Prism.
func runBeam(t *testing.T, o Options) beam.PipelineResult {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		t.Fatalf("beam run: %v", err)
	}
	return res
}

// rowsOf reads the rows of table files as JSON objects.
func rowsOf(t *testing.T, format output.Format, paths []string) []map[string]any {
	t.Helper()
	var rows []map[string]any
	for _, p := range paths {
		var lines []byte
		switch format {
		case output.FormatJSONL:
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			lines = b
		case output.FormatParquet:
			rd, err := file.OpenParquetFile(p, false)
			if err != nil {
				t.Fatal(err)
			}
			fr, err := pqarrow.NewFileReader(rd, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
			if err != nil {
				t.Fatal(err)
			}
			tbl, err := fr.ReadTable(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			tr := array.NewTableReader(tbl, 1024)
			var buf bytes.Buffer
			for tr.Next() {
				if err := array.RecordToJSON(tr.RecordBatch(), &buf); err != nil {
					t.Fatal(err)
				}
			}
			tr.Release()
			tbl.Release()
			rd.Close()
			lines = buf.Bytes()
		}
		rows = append(rows, jsonRows(t, p, lines)...)
	}
	return rows
}

// jsonRows parses JSON lines into rows.
func jsonRows(t *testing.T, name string, lines []byte) []map[string]any {
	t.Helper()
	var rows []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(lines))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows = append(rows, m)
	}
	return rows
}

// sortRows sorts rows on (doc_id, id) and returns them as JSON lines.
func sortRows(rows []map[string]any, id string) []string {
	slices.SortFunc(rows, func(a, b map[string]any) int {
		if c := cmp.Compare(a["doc_id"].(string), b["doc_id"].(string)); c != 0 || id == "" {
			return c
		}
		return cmp.Compare(a[id].(float64), b[id].(float64))
	})
	out := make([]string, len(rows))
	for i, r := range rows {
		b, _ := json.Marshal(r)
		out[i] = string(b)
	}
	return out
}

// compareOutputs checks that the Beam parts hold the rows of the CLI's
// tables, table by table, and returns the number of rows per table.
func compareOutputs(t *testing.T, cliDir, beamDir string, format output.Format) map[string]int {
	t.Helper()
	n := map[string]int{}
	for _, table := range output.TableNames() {
		parts, _ := filepath.Glob(filepath.Join(beamDir, table, "*."+string(format)))
		if len(parts) == 0 {
			t.Errorf("%s: no part", table)
			continue
		}
		want := rowsOf(t, format, []string{filepath.Join(cliDir, output.FileName(table, format))})
		n[table] = len(want)
		compareTable(t, table, want, rowsOf(t, format, parts))
		if format == output.FormatParquet {
			checkSchema(t, filepath.Join(cliDir, output.FileName(table, format)), parts[0])
		}
	}
	return n
}

// compareTable checks that two sets of rows of a table are equal, sorted
// on (doc_id, id).
func compareTable(t *testing.T, table string, wantRows, gotRows []map[string]any) {
	t.Helper()
	want, got := sortRows(wantRows, idColumn[table]), sortRows(gotRows, idColumn[table])
	if len(got) != len(want) {
		t.Errorf("%s: %d rows from Beam, %d from the CLI", table, len(got), len(want))
	}
	diffs := 0
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] && diffs < 3 {
			t.Errorf("%s row %d:\nbeam %s\ncli  %s", table, i, got[i], want[i])
			diffs++
		}
	}
}

// checkCounters checks the run's counters against the rows per table.
func checkCounters(t *testing.T, res beam.PipelineResult, rows map[string]int) {
	t.Helper()
	got := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "newsfacts" {
			got[c.Name()] = c.Result()
		}
	}
	for table, n := range rows {
		if got["rows_"+table] != int64(n) {
			t.Errorf("counter rows_%s = %d, want %d", table, got["rows_"+table], n)
		}
	}
	if got["documents"] != int64(rows[output.TableArticles]) {
		t.Errorf("counter documents = %d, want %d", got["documents"], rows[output.TableArticles])
	}
}

// checkSchema checks that two Parquet files have the same Arrow schema,
// metadata included.
func checkSchema(t *testing.T, want, got string) {
	t.Helper()
	schema := func(p string) string {
		rd, err := file.OpenParquetFile(p, false)
		if err != nil {
			t.Fatal(err)
		}
		defer rd.Close()
		fr, err := pqarrow.NewFileReader(rd, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
		if err != nil {
			t.Fatal(err)
		}
		s, err := fr.Schema()
		if err != nil {
			t.Fatal(err)
		}
		return s.String()
	}
	if w, g := schema(want), schema(got); w != g {
		t.Errorf("schema of %s:\n%s\nwant (CLI):\n%s", got, g, w)
	}
}

func TestSameAsCLI(t *testing.T) {
	for _, tc := range []struct {
		name   string
		inputs []string
		format output.Format
	}{
		{"articles", []string{filepath.Join(repoRoot, "testdata/articles")}, output.FormatParquet},
		{"articles-jsonl", []string{filepath.Join(repoRoot, "testdata/articles")}, output.FormatJSONL},
		{"bad", []string{filepath.Join(repoRoot, "testdata/bad")}, output.FormatParquet},
		{"named-twice", []string{filepath.Join(repoRoot, "testdata/articles"), filepath.Join(repoRoot, "testdata/articles/2023-08-21-liling-ceramics-gbk.txt")}, output.FormatJSONL},
		{"glob-and-file", []string{filepath.Join(repoRoot, "testdata/articles/*.txt"), filepath.Join(repoRoot, "testdata/articles/2023-06-zhuzhou-digest.jsonl")}, output.FormatJSONL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cliDir, beamDir := t.TempDir(), t.TempDir()
			runCLI(t, cliDir, append([]string{"--format", string(tc.format)}, tc.inputs...)...)
			res := runBeam(t, Options{Inputs: tc.inputs, Output: beamDir, Format: tc.format})
			n := compareOutputs(t, cliDir, beamDir, tc.format)
			t.Logf("rows per table: %v", n)
			checkCounters(t, res, n)
		})
	}
}

// TestNoDocuments: an input without documents gives empty tables, each
// as one empty part.
func TestNoDocuments(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	if err := os.WriteFile(empty, []byte("\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cliDir, beamDir := t.TempDir(), t.TempDir()
	runCLI(t, cliDir, empty)
	runBeam(t, Options{Inputs: []string{empty}, Output: beamDir})
	compareOutputs(t, cliDir, beamDir, output.FormatParquet)
}

// TestRepeatedIDs: documents that share a doc_id get "~2", "~3" … in
// input order, across files and lines, as in the CLI.
func TestRepeatedIDs(t *testing.T) {
	in := t.TempDir()
	line := `{"id":"x","title":"株洲","date":"2023-05-09","text":"株洲市今年一季度地区生产总值增长4.5%%。%d"}` + "\n"
	for _, f := range []struct {
		name  string
		lines int
	}{{"a.jsonl", 3}, {"sub/b.jsonl", 2}, {"sub.jsonl", 2}} {
		var b bytes.Buffer
		for i := range f.lines {
			fmt.Fprintf(&b, line, i)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(in, f.name)), 0o755)
		if err := os.WriteFile(filepath.Join(in, f.name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cliDir, beamDir := t.TempDir(), t.TempDir()
	runCLI(t, cliDir, "--format", "jsonl", in)
	runBeam(t, Options{Inputs: []string{in}, Output: beamDir, Format: output.FormatJSONL})
	compareOutputs(t, cliDir, beamDir, output.FormatJSONL)
	parts, _ := filepath.Glob(filepath.Join(beamDir, output.TableArticles, "*.jsonl"))
	ids := map[string]bool{}
	for _, r := range rowsOf(t, output.FormatJSONL, parts) {
		ids[r["doc_id"].(string)] = true
	}
	if len(ids) != 7 || !ids["x"] || !ids["x~7"] {
		t.Errorf("doc ids %v, want x, x~2 … x~7", ids)
	}
}

// TestCorpusSample compares the two on 2,000 stories of the shared corpus.
func TestCorpusSample(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	corpus := sharedtest.Require(t, "corpus/xwlb/articles.jsonl")
	sample := filepath.Join(t.TempDir(), "sample.jsonl")
	writeSample(t, corpus, sample, 2000)
	cliDir, beamDir := t.TempDir(), t.TempDir()
	runCLI(t, cliDir, sample)
	runBeam(t, Options{Inputs: []string{sample}, Output: beamDir, PartDocs: 300})
	n := compareOutputs(t, cliDir, beamDir, output.FormatParquet)
	if parts, _ := filepath.Glob(filepath.Join(beamDir, output.TableArticles, "part-*.parquet")); len(parts) != 7 {
		t.Errorf("%d parts of articles, want 7 of at most 300 documents", len(parts))
	}
	if n[output.TableArticles] != 2000 {
		t.Errorf("%d articles, want 2000", n[output.TableArticles])
	}
	t.Logf("rows per table: %v", n)
}

// writeSample copies the first n lines of a JSONL file.
func writeSample(t *testing.T, from, to string, n int) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	br := bufio.NewReaderSize(in, 1<<20)
	var out bytes.Buffer
	for i := 0; i < n; i++ {
		line, err := br.ReadBytes('\n')
		out.Write(line)
		if err != nil {
			break
		}
	}
	if err := os.WriteFile(to, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCommit checks that a run leaves only its own parts: a temporary part
// of a failed attempt and the parts of an earlier run are removed, and a
// table without rows keeps one empty part.
func TestCommit(t *testing.T) {
	dir := t.TempDir()
	stale := []string{
		filepath.Join(dir, "metrics", ".part-0123456789abcdef.parquet.tmp"),
		filepath.Join(dir, "metrics", "part-0123456789abcdef.parquet"),
		filepath.Join(dir, "dates", "part-0123456789abcdef.jsonl"),
	}
	for _, p := range stale {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("old"), 0o644)
	}
	runBeam(t, Options{Inputs: []string{filepath.Join(repoRoot, "testdata/bad/empty.txt")}, Output: dir})
	for _, p := range stale {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is left", p)
		}
	}
	for _, table := range output.TableNames() {
		all, _ := filepath.Glob(filepath.Join(dir, table, "*"))
		hidden, _ := filepath.Glob(filepath.Join(dir, table, ".*"))
		if len(all) != 1 || len(hidden) != 0 {
			t.Errorf("%s: files %v %v, want one part", table, all, hidden)
		}
	}
}
