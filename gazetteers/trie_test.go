package gazetteers

import (
	"slices"
	"strings"
	"testing"
)

// TestSortedIDs checks the bucketed sort against a comparison sort, on the
// default gazetteer's surfaces and on surfaces with characters outside the
// Basic Multilingual Plane, ASCII, and a first byte that is no valid UTF-8
// (which sorts by comparison).
func TestSortedIDs(t *testing.T) {
	g, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	lists := [][]string{
		g.surface,
		{"株洲", "𠀀a", "IBM", "株", "𠀀", "a", "株洲市", "\U0010FFFF", "\uFFFD", "中"},
		{"株洲", "\xffx", "\x80", "a", "株", "\xe4\xb8"},
	}
	for _, surfaces := range lists {
		ids := make([]int32, len(surfaces))
		for i := range ids {
			ids[i] = int32(i)
		}
		want := slices.Clone(ids)
		slices.SortFunc(want, func(a, b int32) int { return strings.Compare(surfaces[a], surfaces[b]) })
		if got := sortedIDs(surfaces, ids); !slices.Equal(got, want) {
			t.Errorf("sortedIDs of %d surfaces (%q …) differs from a comparison sort", len(surfaces), surfaces[0])
		}
	}
}
