package input_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
	"github.com/newsfacts/newsfacts/pipeline/input"
)

// TestFinewsCorpus parses every post of the shared finews corpus (real
// Jekyll posts with all the format variants): each must parse without error
// and leave no markup, footer or source note in its text.
func TestFinewsCorpus(t *testing.T) {
	dir := sharedtest.Require(t, "corpus/finews")
	// The posts are named DATE-ID.md or -ID.md; SOURCE.md describes the
	// corpus and is not a post.
	r, err := input.NewReader([]string{filepath.Join(dir, "*-*.md")}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	if got, want := len(arts), 121; got != want {
		t.Errorf("got %d posts, want %d", got, want)
	}
	withURL, withDate, withTitle := 0, 0, 0
	for i, a := range arts {
		name := filepath.Base(recs[i].Source)
		if a.Err != nil {
			t.Errorf("%s: %v", name, a.Err)
			continue
		}
		if bad := markupLeft(a.Text); bad != "" {
			t.Errorf("%s: markup %q left in the text", name, bad)
		}
		for _, bad := range []string{"返回", "文章来源", "finews.withounder.com", "EM_StockImg"} {
			if strings.Contains(a.Text, bad) {
				t.Errorf("%s: %q left in the text", name, bad)
			}
		}
		for j, p := range strings.Split(a.Text, "\n") {
			if p == "" || p != strings.TrimSpace(p) {
				t.Errorf("%s: paragraph %d = %q, want trimmed and non-empty", name, j, p)
			}
		}
		if a.URL != "" {
			withURL++
			if !strings.HasPrefix(a.URL, "http") {
				t.Errorf("%s: URL = %q", name, a.URL)
			}
		}
		if a.Date != refDate {
			withDate++
		}
		if a.Title != "" {
			withTitle++
		}
		if len(a.Categories) != 1 || a.Categories[0] != "emnews" {
			t.Errorf("%s: Categories = %q, want [emnews]", name, a.Categories)
		}
	}
	// SOURCE.md: 119 posts have a source URL (two have "<>"), 120 a date and
	// a title (one post has both empty).
	for _, c := range []struct {
		what      string
		got, want int
	}{{"with URL", withURL, 119}, {"with date", withDate, 120}, {"with title", withTitle, 120}} {
		if c.got != c.want {
			t.Errorf("posts %s: got %d, want %d", c.what, c.got, c.want)
		}
	}
}

// BenchmarkReadParseJSONL reads and parses the shared xwlb corpus (JSONL),
// reporting MB/s of input.
func BenchmarkReadParseJSONL(b *testing.B) {
	path := sharedtest.Require(b, "corpus/xwlb/articles.jsonl")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		r, err := input.NewReader([]string{path}, input.Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs, chars := 0, 0
		for {
			rec, err := r.Next(context.Background())
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			a := input.Parse(rec, parseOpts)
			if a.Err != nil {
				b.Fatalf("%s: %v", a.Source, a.Err)
			}
			docs++
			chars += len(a.Text)
		}
		r.Close()
		b.ReportMetric(float64(docs), "docs/op")
	}
}
