package main_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// writeTree creates files under dir, with folders as needed.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDocIDsUnique (issue 13, hole 1): files of the same stem in different
// folders or of different kinds, repeated JSONL ids and a file named twice
// must give one key per document, by the documented rule, counted in the
// summary.
func TestDocIDsUnique(t *testing.T) {
	in := t.TempDir()
	writeTree(t, in, map[string]string{
		"x/report.txt": "株洲市新增市场主体1.2万户。",
		"y/report.txt": "醴陵市新增市场主体3000户。",
		"x/report.md":  "---\ntitle: 报告\n---\n石峰区新增企业50余个。",
		"dump.jsonl": `{"id":"a","text":"甲。"}` + "\n" + `{"id":"a","text":"乙。"}` + "\n" +
			`{"id":"a~2","text":"丙。"}` + "\n" + `{"text":"丁。"}` + "\n",
	})
	out := t.TempDir()
	code, _, stderr := run(t, context.Background(), "", "extract", "--format", "jsonl", "--progress", "never", "-o", out,
		in, filepath.Join(in, "x", "*.txt"))
	if code != 1 {
		t.Fatalf("exit %d, want 1 (a file named twice is an error row); stderr:\n%s", code, stderr)
	}
	tb, _, err := output.ReadTables(out)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range tb.Articles {
		ids = append(ids, a.DocID)
	}
	want := []string{"a", "a~2", "a~2~2", "dump#4", "x/report", "x/report~2", "y/report", "report"}
	if !slices.Equal(ids, want) {
		t.Errorf("doc ids:\n got %q\nwant %q", ids, want)
	}
	last := tb.Articles[len(tb.Articles)-1]
	if last.Status != output.StatusError || !strings.Contains(last.Error, "input given twice") ||
		!strings.Contains(last.Error, filepath.Join(in, "x", "report.txt")) {
		t.Errorf("file named twice: status %q error %q; want an error row naming the first", last.Status, last.Error)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("doc_id %q repeated", id)
		}
		seen[id] = true
	}
	for _, m := range tb.Metrics {
		if !seen[m.DocID] {
			t.Errorf("metric of unknown doc_id %q", m.DocID)
		}
	}
	if !strings.Contains(stderr, "8 documents, 1 error (3 ids given a suffix, 1 input named twice)") {
		t.Errorf("summary does not count the renamed ids and the duplicate input:\n%s", stderr)
	}
}

// TestFormatSwitchLeavesOneRun (issue 13, hole 4): a JSONL run into a
// folder that holds an earlier Parquet run leaves one coherent set of
// tables, with a manifest that describes them, and says what it removed.
func TestFormatSwitchLeavesOneRun(t *testing.T) {
	out := t.TempDir()
	for _, f := range []string{"parquet", "jsonl"} {
		code, _, stderr := run(t, context.Background(), "", "extract", "--format", f, "--progress", "never", "-o", out, "../../testdata/articles")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
		if f == "jsonl" && !strings.Contains(stderr, "removed the tables of an earlier run in another format") {
			t.Errorf("the removal of the Parquet tables is not told:\n%s", stderr)
		}
	}
	names, err := filepath.Glob(filepath.Join(out, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	want := []string{"_manifest.json", "articles.jsonl", "dates.jsonl", "entities.jsonl", "metrics.jsonl"}
	if !slices.Equal(names, want) {
		t.Errorf("files: got %v, want %v", names, want)
	}
	m, err := output.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != output.FormatJSONL || m.Documents != 9 || m.Run.InputFiles != 6 || m.Run.Command != "newsfacts extract" ||
		m.Run.Options["format"] != "jsonl" || !slices.Equal(m.Run.Inputs, []string{"../../testdata/articles"}) {
		t.Errorf("manifest: %+v", m)
	}
	if err := m.Verify(out); err != nil {
		t.Error(err)
	}
}

// TestHelpAndMessages (issue 13, help and messages): extract --help lists
// the input kinds, exit status and an example; usage errors name the
// sub-command's help; --workers has one rule; gzip errors say "gzip:"
// once; counts and sizes read well.
func TestHelpAndMessages(t *testing.T) {
	code, stdout, _ := run(t, context.Background(), "", "extract", "--help")
	if code != 0 {
		t.Errorf("extract --help: exit %d", code)
	}
	for _, want := range []string{".jsonl .ndjson", ".md .markdown", ".html .htm", ".txt", "Exit status:", "130", "Example:", "or 0 to use all CPUs"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("extract --help lacks %q:\n%s", want, stdout)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "--workers", "-1", "x"}, "newsfacts: --workers must be 0 (all CPUs) or more\nRun \"newsfacts extract --help\" for usage.\n"},
		{[]string{"extract", "--frob"}, "Run \"newsfacts extract --help\""},
		{[]string{"validate", "--golden", "g", "--match", "x", "in"}, "Run \"newsfacts validate --help\""},
		{[]string{"frobnicate"}, "Run \"newsfacts help\""},
	} {
		code, _, stderr := run(t, context.Background(), "", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}

	in, out := t.TempDir(), t.TempDir()
	writeTree(t, in, map[string]string{"bad.md.gz": "\x1f\x8bnot gzip at all"})
	code, _, stderr := run(t, context.Background(), "", "extract", "--progress", "never", "-o", out, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "malformed input: gzip: invalid header") || strings.Contains(stderr, "gzip: gzip:") {
		t.Errorf("gzip error not said once:\n%s", stderr)
	}
	if !strings.Contains(stderr, "newsfacts: 1 document, 1 error; ") || !strings.Contains(stderr, "; 17 B in ") {
		t.Errorf("summary: want \"1 document, 1 error\" and the size in bytes:\n%s", stderr)
	}
}
