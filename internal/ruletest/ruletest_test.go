package ruletest_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsfacts/newsfacts/internal/ruletest"
)

func TestConsts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.go", "package p\n\nconst (\n\tMethodA = \"a\" // one\n\tOther = \"x\"\n\tMethodB, MethodC = \"b+c\", `c`\n)\n\nconst MethodD = \"d\"\n")
	write("a_test.go", "package p\n\nconst MethodT = \"t\"\n")
	if got, want := ruletest.Consts(t, dir, "Method"), []string{"a", "b+c", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("Consts = %q, want %q", got, want)
	}
}

// recorder is a testing.TB that counts Errorf calls.
type recorder struct {
	testing.TB
	errors int
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.errors++ }

func TestCheckExamples(t *testing.T) {
	type ex struct {
		rule     string
		pos, neg bool
	}
	counts := ruletest.Count([]ex{{"both", true, false}, {"both", true, true}, {"pos", true, false}, {"neg", false, true}, {"neg", false, true}},
		func(e ex) (string, bool, bool) { return e.rule, e.pos, e.neg })
	if want := (ruletest.Examples{Pos: 2, Neg: 1}); counts["both"] != want {
		t.Errorf("Count: both has %+v, want %+v", counts["both"], want)
	}
	for _, tt := range []struct {
		rules []string
		want  int
	}{
		{[]string{"both"}, 0},
		{[]string{"pos"}, 1},
		{[]string{"both", "neg", "none"}, 2},
	} {
		r := &recorder{TB: t}
		ruletest.CheckExamples(r, tt.rules, counts)
		if r.errors != tt.want {
			t.Errorf("CheckExamples(%q) reported %d rules, want %d", tt.rules, r.errors, tt.want)
		}
	}
}

func TestCheckMethods(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nconst (\n\tMethodA = \"a\"\n\tMethodB = \"b\"\n)\n"
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	both := ruletest.Examples{Pos: 1, Neg: 1}
	for _, tt := range []struct {
		rules  []string
		counts map[string]ruletest.Examples
		want   int
	}{
		{[]string{"a", "b"}, map[string]ruletest.Examples{"a": both, "b": both}, 0},
		{[]string{"a", "c"}, map[string]ruletest.Examples{"a": both, "b": both}, 1}, // c is no method
		{[]string{"a"}, map[string]ruletest.Examples{"a": both}, 1},                 // b has no example
	} {
		r := &recorder{TB: t}
		ruletest.CheckMethods(r, dir, tt.rules, tt.counts)
		if r.errors != tt.want {
			t.Errorf("CheckMethods(%q) reported %d errors, want %d", tt.rules, r.errors, tt.want)
		}
	}
}
