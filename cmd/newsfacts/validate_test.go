package main_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goldenArticles = "testdata/golden/articles"

// goldenCopy copies the golden tables named in edits into a new folder,
// passing each file's lines (without line breaks) through its edit
// function; a nil function copies the file as it is.
func goldenCopy(t *testing.T, edits map[string]func([]string) []string) string {
	t.Helper()
	dir := t.TempDir()
	for tb, edit := range edits {
		b, err := os.ReadFile(filepath.Join(goldenArticles, tb+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if edit != nil {
			lines = edit(lines)
		}
		if err := os.WriteFile(filepath.Join(dir, tb+".jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// editRows applies f to the decoded rows for which match is true.
func editRows(t *testing.T, match func(map[string]any) bool, f func(map[string]any)) func([]string) []string {
	return func(lines []string) []string {
		for i, l := range lines {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatal(err)
			}
			if !match(m) {
				continue
			}
			f(m)
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			lines[i] = string(b)
		}
		return lines
	}
}

const refDoc = "2022-03-29-shifeng-enterprise-service"

// idOf returns the id of the first row of table in the reference article
// whose text is text.
func idOf(t *testing.T, table, idCol, text string) float64 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(goldenArticles, table+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if m["doc_id"] == refDoc && m["text"] == text {
			return m[idCol].(float64)
		}
	}
	t.Fatalf("%s: no row %q", table, text)
	return 0
}

func isRef(text string) func(map[string]any) bool {
	return func(m map[string]any) bool { return m["doc_id"] == refDoc && (text == "" || m["text"] == text) }
}

// TestValidateNamesChangedColumns (issue 13, hole 7): a changed value and
// a changed link are one "changed" row that names each column, links shown
// by the text of the row they point to (该区: the scope word the place
// link of 111个 goes to).
func TestValidateNamesChangedColumns(t *testing.T) {
	zhuzhou := idOf(t, "entities", "entity_id", "株洲市")
	dir := goldenCopy(t, map[string]func([]string) []string{
		"articles": nil, "entities": nil, "dates": nil,
		"metrics": editRows(t, isRef("111个"), func(m map[string]any) {
			m["value"] = 112
			m["place_id"] = zhuzhou
		}),
	})
	code, stdout, stderr := run(t, context.Background(), "", "validate", "--golden", dir, "--min-f1", "1", "../../testdata/articles")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	want := "changed metrics  " + refDoc + " [1270,1274) 111个: value 112 ≠ 111; place_id 株洲市 ≠ 该区"
	if !strings.Contains(stdout, want) {
		t.Errorf("report lacks\n%s\n%s", want, stdout)
	}
	if strings.Contains(stdout, "missing") || strings.Contains(stdout, "extra") {
		t.Errorf("a changed row is reported as missing and extra:\n%s", stdout)
	}
}

// TestValidateGoldenDocsOnly (issue 13, hole 7): documents the golden set
// does not have are not false positives, unless --docs all.
func TestValidateGoldenDocsOnly(t *testing.T) {
	only := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			if strings.Contains(l, `"doc_id":"`+refDoc+`"`) {
				out = append(out, l)
			}
		}
		return out
	}
	dir := goldenCopy(t, map[string]func([]string) []string{"articles": only, "entities": only, "metrics": only, "dates": only})
	code, stdout, stderr := run(t, context.Background(), "", "validate", "--golden", dir, "--min-f1", "1", "../../testdata/articles")
	if code != 0 {
		t.Errorf("--docs golden: exit %d, want 0:\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, _ = run(t, context.Background(), "", "validate", "--golden", dir, "--docs", "all", "--min-f1", "1", "../../testdata/articles")
	if code != 1 || !strings.Contains(stdout, "extra") {
		t.Errorf("--docs all: exit %d, want 1 with extra rows:\n%s", code, stdout)
	}
}

// TestValidateSubsetOfTables (issue 13, hole 7): a golden set of some
// tables is scored on those, and says what it does not compare, including
// a column the golden file lacks.
func TestValidateSubsetOfTables(t *testing.T) {
	dir := goldenCopy(t, map[string]func([]string) []string{
		"metrics": editRows(t, func(map[string]any) bool { return true }, func(m map[string]any) { delete(m, "baseline") }),
	})
	code, stdout, stderr := run(t, context.Background(), "", "validate", "--golden", dir, "--min-f1", "1", "../../testdata/articles")
	if code != 0 {
		t.Fatalf("exit %d, want 0:\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"note: articles: not in the golden set, not scored",
		"note: metrics.place_id: not compared, entities is not in the golden set",
		"note: metrics: the golden file lacks the column(s) baseline: not compared",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "\nentities ") {
		t.Errorf("entities scored without golden entities:\n%s", stdout)
	}
}

// TestValidateRefusesMalformedGolden (issue 13, hole 7): gaps and disorder
// in ids, dangling links and repeated documents are errors with file:line.
func TestValidateRefusesMalformedGolden(t *testing.T) {
	swapFirstTwo := func(lines []string) []string { lines[0], lines[1] = lines[1], lines[0]; return lines }
	dropFirst := func(lines []string) []string { return lines[1:] }
	tests := []struct {
		name  string
		edits map[string]func([]string) []string
		want  string
	}{
		{"gap", map[string]func([]string) []string{"metrics": dropFirst}, "metrics.jsonl:1: metric_id 1 in doc_id \"" + refDoc + "\", want 0"},
		{"disorder", map[string]func([]string) []string{"metrics": swapFirstTwo}, "metrics.jsonl:1: metric_id 1"},
		{"dangling link", map[string]func([]string) []string{"entities": nil, "metrics": editRows(t, isRef("111个"), func(m map[string]any) { m["place_id"] = 999 })},
			"metrics.jsonl:8: place_id 999: no such row in entities.jsonl"},
		{"link to an ORG as place", map[string]func([]string) []string{"entities": nil, "metrics": editRows(t, isRef("111个"), func(m map[string]any) {
			m["place_id"] = idOf(t, "entities", "entity_id", "市资规局")
		})}, "is a ORG, want a PLACE"},
		{"repeated document", map[string]func([]string) []string{"articles": func(l []string) []string { return append(l, l[0]) }}, "articles.jsonl:10: doc_id \"" + refDoc + "\" repeated (first at line 1)"},
		{"document not in articles", map[string]func([]string) []string{"articles": dropFirst, "dates": nil}, "dates.jsonl:1: doc_id \"" + refDoc + "\" is not in articles.jsonl"},
		{"unknown column", map[string]func([]string) []string{"dates": editRows(t, isRef(""), func(m map[string]any) { m["colour"] = "red" })}, `dates.jsonl:1: unknown column "colour"`},
		{"empty folder", map[string]func([]string) []string{}, "holds none of articles.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := goldenCopy(t, tt.edits)
			code, _, stderr := run(t, context.Background(), "", "validate", "--golden", dir, "../../testdata/articles")
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want 2 with %q:\n%s", code, tt.want, stderr)
			}
		})
	}
}

// TestValidateJSON checks the report for CI.
func TestValidateJSON(t *testing.T) {
	code, stdout, stderr := run(t, context.Background(), "", "validate", "--golden", goldenArticles, "--format", "json", "../../testdata/articles")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Level  string
		Docs   string
		Scores []struct {
			Table string
			Type  string
			TP    int
			F1    float64
		}
		Misses []any
		Notes  []string
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if rep.Level != "exact" || rep.Docs != "golden" || len(rep.Scores) < 4 || rep.Scores[0].Table != "articles" || rep.Scores[0].F1 != 1 || len(rep.Misses) != 0 {
		t.Errorf("report: %+v", rep)
	}
}

// TestValidatePredNeedsManifest checks that --pred reads a folder only
// through its manifest.
func TestValidatePredNeedsManifest(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := run(t, context.Background(), "", "extract", "--format", "jsonl", "--progress", "never", "-o", out, "../../testdata/articles"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, context.Background(), "", "validate", "--golden", goldenArticles, "--pred", out, "--min-f1", "1")
	if code != 0 {
		t.Fatalf("exit %d:\n%s\n%s", code, stdout, stderr)
	}
	if err := os.Remove(filepath.Join(out, "_manifest.json")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, context.Background(), "", "validate", "--golden", goldenArticles, "--pred", out)
	if code != 2 || !strings.Contains(stderr, "no _manifest.json") {
		t.Errorf("exit %d, want 2 naming the missing manifest:\n%s", code, stderr)
	}
}
