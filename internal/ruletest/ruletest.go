// Package ruletest holds what the meta-tests of the rule-based finders
// share: the constants of a package read from its source, so that a test
// can check that every Method… constant is listed, and the count of the
// positive and negative examples of each rule.
package ruletest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Consts returns the values of the string constants whose names start
// with prefix, declared in the non-test Go files of the folder dir, in
// the order they are declared. It fails tb when dir cannot be parsed.
func Consts(tb testing.TB, dir, prefix string) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(files)
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			tb.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if !strings.HasPrefix(n.Name, prefix) || i >= len(vs.Values) {
						continue
					}
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						tb.Fatalf("%s: constant %s is not a string literal", fset.Position(n.Pos()), n.Name)
					}
					v, err := strconv.Unquote(lit.Value)
					if err != nil {
						tb.Fatal(err)
					}
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// Examples counts the positive and negative examples of one rule.
type Examples struct{ Pos, Neg int }

// Count counts the examples of each rule; of returns an example's rule and
// whether it is positive (the rule finds something) and negative (the rule
// must not find something), or both.
func Count[E any](examples []E, of func(E) (rule string, pos, neg bool)) map[string]Examples {
	out := map[string]Examples{}
	for _, ex := range examples {
		r, pos, neg := of(ex)
		c := out[r]
		if pos {
			c.Pos++
		}
		if neg {
			c.Neg++
		}
		out[r] = c
	}
	return out
}

// CheckMethods checks the rules of a finder whose rules are named by the
// Method… constants of the package in dir: every rule is one of them, and
// every method has a positive and a negative example in counts.
func CheckMethods(tb testing.TB, dir string, rules []string, counts map[string]Examples) {
	tb.Helper()
	methods := Consts(tb, dir, "Method")
	for _, r := range rules {
		if !slices.Contains(methods, r) {
			tb.Errorf("rule %q is not one of the Method… constants", r)
		}
	}
	CheckExamples(tb, methods, counts)
}

// CheckExamples fails tb for every name in rules that has no positive or
// no negative example in counts.
func CheckExamples(tb testing.TB, rules []string, counts map[string]Examples) {
	tb.Helper()
	for _, r := range rules {
		if c := counts[r]; c.Pos == 0 || c.Neg == 0 {
			tb.Errorf("rule %q has %d positive and %d negative examples, want at least one of each", r, c.Pos, c.Neg)
		}
	}
}
