package main_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if code, _, stderr := run(t, ctx, "", "extract", "--progress", "never", "--format", "arrow", "-o", dir, "../../testdata/articles"); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	code, _, stderr := run(t, ctx, "", "report", "--top-indicators", "5", "--max-facts", "2", dir)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "5 of") || !strings.Contains(stderr, "report.html") {
		t.Errorf("summary: %s", stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `id="chart-explorer"`) {
		t.Error("the page has no explorer")
	}
	out := filepath.Join(t.TempDir(), "r.html")
	if code, _, stderr := run(t, ctx, "", "report", "-o", out, dir); code != 0 {
		t.Fatalf("report -o: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}

	// Bad input: exit 2 with a message naming the problem, and no page.
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "articles.parquet"), nil, 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", empty}, "not entities.parquet"},
		{[]string{"report", filepath.Join(empty, "nope")}, "no such file"},
		{[]string{"report", "--format", "jsonl", dir}, "holds none of the tables"},
		{[]string{"report"}, "needs one DIR"},
		{[]string{"report", "--max-facts", "0", dir}, "at least 1"},
	} {
		code, _, stderr := run(t, ctx, "", c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(empty, "report.html")); err == nil {
		t.Error("a failed report left a page")
	}
}
