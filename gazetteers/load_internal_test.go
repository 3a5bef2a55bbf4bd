package gazetteers

import (
	"slices"
	"strings"
	"testing"
)

// aliasesRef is aliasArena.of as it was: the list split, then filtered.
func aliasesRef(name, list string) []string {
	var out []string
	if list == "" {
		return nil
	}
	for _, a := range strings.Split(list, "|") {
		if a != "" && a != name && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// TestAliasArena checks aliasArena.of against a split and filter, and that
// the lists it returns do not share room for appends.
func TestAliasArena(t *testing.T) {
	var a aliasArena
	var got [][]string
	cases := [][2]string{
		{"株洲市", "株洲"}, {"株洲市", ""}, {"株洲市", "株洲市"}, {"x", "a|b|a||x|c|"},
		{"x", "|"}, {"x", "||a"}, {"美国", "美利坚合众国|美|美国"},
	}
	for _, c := range cases {
		got = append(got, a.of(c[0], c[1]))
	}
	for i, c := range cases {
		if want := aliasesRef(c[0], c[1]); !slices.Equal(got[i], want) || (got[i] == nil) != (want == nil) {
			t.Errorf("of(%q, %q) = %q, want %q", c[0], c[1], got[i], want)
		}
		if len(got[i]) != cap(got[i]) {
			t.Errorf("of(%q, %q): room for appends", c[0], c[1])
		}
	}
	// A list longer than the room left starts a new array.
	long := strings.Repeat("a|b|", 3000)
	for i := 0; i < 3; i++ {
		if got := a.of("x", long+"c"); !slices.Equal(got, []string{"a", "b", "c"}) {
			t.Errorf("long list: %q", got)
		}
	}
}

// TestPlaceParents checks every place of places.tsv against its row: the
// parent it was given has the row's parent code.
func TestPlaceParents(t *testing.T) {
	g, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	err = eachRow("places.tsv", 5, func(_ int, f []string) error {
		p := &g.Places[i]
		i++
		switch {
		case p.Code != f[0] || p.Name != f[2]:
			t.Fatalf("place %d is %s %s, row %q", i-1, p.Code, p.Name, f)
		case f[4] == "" && p.Parent != -1:
			t.Errorf("%s %s: parent %d, none in its row", p.Code, p.Name, p.Parent)
		case f[4] != "" && (p.Parent < 0 || g.Places[p.Parent].Code != f[4]):
			t.Errorf("%s %s: parent %d, its row says %s", p.Code, p.Name, p.Parent, f[4])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
