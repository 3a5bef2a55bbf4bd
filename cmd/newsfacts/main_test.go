package main_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	main "github.com/newsfacts/newsfacts/cmd/newsfacts"
	"github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/shared"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

var tables = []string{"articles", "entities", "metrics", "dates"}

// run runs the command in-process and returns its exit code and streams.
func run(t *testing.T, ctx context.Context, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = main.NewMain(strings.NewReader(stdin), &out, &errb).Run(ctx, args)
	return code, out.String(), errb.String()
}

// TestGolden runs the extractors over the sample articles and compares the
// four JSONL tables with testdata/golden/<case>/. `go test ./... -update`
// rewrites them; read the diff before committing.
func TestGolden(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"reference-article", []string{"../../testdata/articles/2022-03-29-shifeng-enterprise-service.md"}, 0},
		{"articles", []string{"../../testdata/articles"}, 0},
		{"bad-inputs", []string{"--date", "2023-01-01", "../../testdata/bad"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string{"extract", "--format", "jsonl", "--progress", "never", "--workers", "2", "-o", dir}, c.args...)
			code, _, stderr := run(t, context.Background(), "", args...)
			if code != c.wantCode {
				t.Fatalf("exit code: got %d, want %d; stderr:\n%s", code, c.wantCode, stderr)
			}
			for _, tb := range tables {
				got, err := os.ReadFile(filepath.Join(dir, tb+".jsonl"))
				if err != nil {
					t.Fatal(err)
				}
				// Sources are paths as given; make them independent of
				// where the test runs from.
				got = bytes.ReplaceAll(got, []byte(`"../../testdata/`), []byte(`"testdata/`))
				golden.Check(t, filepath.Join("testdata", "golden", c.name, tb+".jsonl"), got)
			}
		})
	}
}

// TestSpansMatchText checks the offset invariant on every golden row: the
// text column is exactly articles.text[start:end] in code points.
func TestSpansMatchText(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := run(t, context.Background(), "", "extract", "--format", "jsonl", "--progress", "never", "-o", dir, "../../testdata/articles")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	tb, err := output.ReadJSONL(dir)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]rune{}
	for _, a := range tb.Articles {
		texts[a.DocID] = []rune(a.Text)
	}
	check := func(table, doc string, start, end int32, text string) {
		t.Helper()
		r := texts[doc]
		if start < 0 || end > int32(len(r)) || start >= end {
			t.Errorf("%s %s: bad span [%d,%d) for text of %d runes", table, doc, start, end, len(r))
			return
		}
		if got := string(r[start:end]); got != text {
			t.Errorf("%s %s [%d,%d): text[start:end] = %q, text column = %q", table, doc, start, end, got, text)
		}
	}
	for _, e := range tb.Entities {
		check("entities", e.DocID, e.Start, e.End, e.Text)
	}
	for _, m := range tb.Metrics {
		check("metrics", m.DocID, m.Start, m.End, m.Text)
	}
	for _, d := range tb.Dates {
		check("dates", d.DocID, d.Start, d.End, d.Text)
	}
	if len(tb.Metrics) == 0 || len(tb.Dates) == 0 || len(tb.Entities) == 0 {
		t.Errorf("expected rows in every table, got %d entities, %d metrics, %d dates", len(tb.Entities), len(tb.Metrics), len(tb.Dates))
	}
}

// TestFormats writes every format and checks that the four files and the
// manifest exist and that nothing temporary is left behind.
func TestFormats(t *testing.T) {
	for _, f := range []string{"parquet", "arrow", "jsonl"} {
		t.Run(f, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := run(t, context.Background(), "", "extract", "--format", f, "--progress", "never", "-o", dir, "../../testdata/articles")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			want := []string{"_manifest.json", "articles." + f, "dates." + f, "entities." + f, "metrics." + f}
			if strings.Join(names, " ") != strings.Join(want, " ") {
				t.Errorf("files: got %v, want %v", names, want)
			}
			if !strings.Contains(stderr, "newsfacts: 9 documents, 0 errors") {
				t.Errorf("summary line missing or wrong:\n%s", stderr)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name     string
		ctx      context.Context
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", context.Background(), nil, 2, "Usage"},
		{"unknown command", context.Background(), []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"no input", context.Background(), []string{"extract"}, 2, "at least one INPUT"},
		{"missing input", context.Background(), []string{"extract", "-o", "OUT", "no/such/file.jsonl"}, 2, "no/such/file.jsonl"},
		{"bad format", context.Background(), []string{"extract", "--format", "csv", "x"}, 2, "--format"},
		{"bad date", context.Background(), []string{"extract", "--date", "2022/03/29", "x"}, 2, "--date"},
		{"bad flag", context.Background(), []string{"extract", "--frob"}, 2, "frob"},
		{"interrupted", cancelled, []string{"extract", "-o", "OUT", "../../testdata/articles"}, 130, "interrupted"},
		{"help", context.Background(), []string{"help"}, 0, ""},
		{"version", context.Background(), []string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "OUT", dir)
			}
			code, _, stderr := run(t, tt.ctx, "", args...)
			if code != tt.wantCode {
				t.Errorf("exit code: got %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantErr, stderr)
			}
			if tt.wantCode == 130 {
				entries, _ := os.ReadDir(dir)
				if len(entries) != 0 {
					t.Errorf("interrupted run left files: %v", entries)
				}
			}
		})
	}
}

// TestStdin reads JSON Lines from standard input.
func TestStdin(t *testing.T) {
	dir := t.TempDir()
	in := `{"id":"a1","date":"2022-03-29","text":"今年一季度，醴陵市新增市场主体1.2万户，同比增长15.6%。"}
{"id":"a2","text":"broken"
{"id":"a3","date":"2022-03-29","text":"去年，该区组建企业微信群111个。"}
`
	code, _, stderr := run(t, context.Background(), in, "extract", "--format", "jsonl", "--progress", "never", "-o", dir, "-")
	if code != 1 {
		t.Fatalf("exit code: got %d, want 1 (one broken line); stderr:\n%s", code, stderr)
	}
	tb, err := output.ReadJSONL(dir)
	if err != nil {
		t.Fatal(err)
	}
	var status []string
	for _, a := range tb.Articles {
		status = append(status, a.Status)
	}
	if got, want := strings.Join(status, ","), "ok,error,ok"; got != want {
		t.Errorf("statuses: got %s, want %s", got, want)
	}
	if !strings.Contains(tb.Articles[1].Error, "-:2") {
		t.Errorf("error row does not name the line: %q", tb.Articles[1].Error)
	}
	if len(tb.Metrics) < 3 {
		t.Errorf("got %d metrics, want at least 3", len(tb.Metrics))
	}
}

// TestWorkersKeepOrder checks that the tables are the same whatever the
// number of workers, on the finews corpus when present, else on the samples.
func TestWorkersKeepOrder(t *testing.T) {
	in := "../../testdata/articles"
	if p := shared.Path("corpus/finews"); p != "" {
		in = p
	}
	var first map[string][]byte
	for _, w := range []string{"1", "2", "7"} {
		dir := t.TempDir()
		code, _, stderr := run(t, context.Background(), "", "extract", "--format", "jsonl", "--progress", "never", "--workers", w, "-o", dir, in)
		if code != 0 {
			t.Fatalf("workers %s: exit %d: %s", w, code, stderr)
		}
		got := map[string][]byte{}
		for _, tb := range tables {
			b, err := os.ReadFile(filepath.Join(dir, tb+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			got[tb] = b
		}
		if first == nil {
			first = got
			continue
		}
		for _, tb := range tables {
			if !bytes.Equal(got[tb], first[tb]) {
				t.Errorf("workers %s: %s differs from the 1-worker run", w, tb)
			}
		}
	}
}

// TestValidate scores a run against the golden tables of the samples: the
// same extractors must score F1 1.0, and a damaged golden set less.
func TestValidate(t *testing.T) {
	goldenDir := filepath.Join("testdata", "golden", "articles")
	code, stdout, stderr := run(t, context.Background(), "", "validate", "--golden", goldenDir, "--min-f1", "1", "../../testdata/articles")
	if code != 0 {
		t.Fatalf("exit %d; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "metrics") || !strings.Contains(stdout, "1.000") {
		t.Errorf("report lacks scores:\n%s", stdout)
	}

	// Drop the last metric from a copy of the golden set: recall falls.
	damaged := t.TempDir()
	for _, tb := range tables {
		b, err := os.ReadFile(filepath.Join(goldenDir, tb+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		if tb == "metrics" {
			b = b[:bytes.LastIndexByte(b[:len(b)-1], '\n')+1]
		}
		if err := os.WriteFile(filepath.Join(damaged, tb+".jsonl"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, _ = run(t, context.Background(), "", "validate", "--golden", damaged, "--min-f1", "1", "../../testdata/articles")
	if code != 1 {
		t.Errorf("damaged golden: exit %d, want 1:\n%s", code, stdout)
	}
	if !strings.Contains(stdout, "extra") {
		t.Errorf("damaged golden: the extra metric is not listed:\n%s", stdout)
	}
}
