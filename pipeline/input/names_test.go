package input_test

import (
	"path/filepath"
	"testing"

	"github.com/newsfacts/newsfacts/pipeline/input"
)

// TestGlobHelpers checks the helpers that other front ends (newsfacts-beam)
// use to name files as NewReader does.
func TestGlobHelpers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		meta bool
		root string
	}{
		{"news/2022/a.md", false, "news/2022"},
		{"news/*/a.md", true, "news"},
		{"news/2022/*.jsonl", true, "news/2022"},
		{"news/20[0-9][0-9]/x/*.md", true, "news"},
		{"a?.md", true, "."},
	} {
		in := filepath.FromSlash(tt.in)
		if got := input.HasMeta(in); got != tt.meta {
			t.Errorf("HasMeta(%q) = %v, want %v", tt.in, got, tt.meta)
		}
		if got := input.GlobRoot(in); got != filepath.FromSlash(tt.root) {
			t.Errorf("GlobRoot(%q) = %q, want %q", tt.in, got, tt.root)
		}
	}
	for _, tt := range []struct{ root, path, want string }{
		{"news", "news/2022/03/report.md", "2022/03/report"},
		{"news", "news/feed.jsonl.gz", "feed"},
		{"news", "other/page.html", "page"},
		{"news/report.md", "news/report.md", "report"},
	} {
		if got := input.NameOf(filepath.FromSlash(tt.root), filepath.FromSlash(tt.path)); got != tt.want {
			t.Errorf("NameOf(%q, %q) = %q, want %q", tt.root, tt.path, got, tt.want)
		}
	}
}
