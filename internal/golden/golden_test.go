package golden_test

import (
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts/internal/golden"
)

func TestDiff(t *testing.T) {
	want := "a\nb\nc\nd\n"
	got := "a\nb\nC\nd\ne\n"
	d := golden.Diff(want, got)
	for _, line := range []string{"- c\n", "+ C\n", "+ e\n"} {
		if !strings.Contains(d, line) {
			t.Errorf("diff lacks %q:\n%s", line, d)
		}
	}
	if strings.Contains(d, "- d") || strings.Contains(d, "+ d") {
		t.Errorf("diff marks the unchanged line d:\n%s", d)
	}
}
