package main_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndicatorsFlag checks that --indicators adds to the catalogue, and
// that a malformed file stops the run with its file and line.
func TestIndicatorsFlag(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	doc := `{"id":"a","date":"2024-03-01","text":"全市营商环境评价得分达92.5分。"}` + "\n"
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	cat := filepath.Join(dir, "ind.tsv")
	if err := os.WriteFile(cat, []byte("# a user catalogue\n营商环境评价得分\t政务服务\t营商环境得分\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, context.Background(), "", "extract", "--format", "jsonl", "--progress", "never", "--indicators", cat, "-o", out, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "metrics.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"indicator":"营商环境评价得分"`) {
		t.Errorf("the user indicator was not matched:\n%s", b)
	}

	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("营商环境评价得分\t政务服务\n只有一列\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, context.Background(), "", "extract", "--format", "jsonl", "--progress", "never", "--indicators", bad, "-o", filepath.Join(dir, "out2"), in)
	if code != 2 || !strings.Contains(stderr, bad+":2:") {
		t.Errorf("malformed catalogue: exit %d, stderr %q; want 2 and %s:2:", code, stderr, bad)
	}
}

// TestExplain checks that explain names the subject rule, the indicator and
// the links of a figure, and why a numeral is no figure.
func TestExplain(t *testing.T) {
	code, stdout, stderr := run(t, context.Background(), "", "explain", "--date", "2024-03-01", "--title", "2023年攸县国民经济和社会发展统计公报",
		"全年全县地区生产总值 285.3 亿元，按不变价格计算，比上年增长 6.1%。请拨打12345热线。")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`figure 1  "增长 6.1%"`, "subject    地区生产总值  (subject: carried)", "indicator  地区生产总值",
		"change     direction up, baseline prev_year", `date       0 "全年" 2023-01-01…2023-12-31`,
		`place      0 "全县" → 攸县 430223`, `not a figure  "12345"`, "reject: identifier",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain lacks %q:\n%s", want, stdout)
		}
	}
}
