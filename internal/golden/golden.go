// Package golden compares test output with golden files, in the manner of
// gofmt's tests: a plain `go test ./...` compares and prints a readable
// diff; `go test ./... -update` rewrites the golden files, to be reviewed
// with `git diff` before committing.
//
// Every test package in this module imports golden (at least as a blank
// import) so that the -update flag is defined in every test binary that
// `go test ./... -update` starts.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// NOTE: a package-level flag, as gofmt_test.go has it. Test binaries parse
// flags after package initialisation, so every binary that links this
// package accepts -update.
var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Check compares got with the golden file at path. With -update it writes
// got to path instead (creating folders as needed) and logs that it did.
func Check(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		old, _ := os.ReadFile(path)
		if !bytes.Equal(old, got) {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				tb.Fatal(err)
			}
			tb.Logf("updated %s", path)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading golden file: %v (run `go test -update` to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("output differs from %s (- want, + got; `go test ./... -update` rewrites it):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff returns a line diff of want and got: unchanged lines are prefixed
// with two spaces, removed ones with "- " and added ones with "+ ". Runs of
// unchanged lines far from a change are elided.
func Diff(want, got string) string {
	a := strings.SplitAfter(want, "\n")
	b := strings.SplitAfter(got, "\n")
	// Trim the common prefix and suffix so the quadratic table stays small.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	const limit = 4000
	var ops []string
	if len(ma) > limit || len(mb) > limit {
		for _, l := range ma {
			ops = append(ops, "- "+l)
		}
		for _, l := range mb {
			ops = append(ops, "+ "+l)
		}
	} else {
		// Longest common subsequence table.
		n, m := len(ma), len(mb)
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && ma[i] == mb[j]:
				ops = append(ops, "  "+ma[i])
				i++
				j++
			case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
				ops = append(ops, "+ "+mb[j])
				j++
			default:
				ops = append(ops, "- "+ma[i])
				i++
			}
		}
	}
	var sb strings.Builder
	const ctx = 2
	if pre > 0 {
		fmt.Fprintf(&sb, "@@ %d unchanged lines @@\n", max(pre-ctx, 0))
		for _, l := range a[max(pre-ctx, 0):pre] {
			sb.WriteString("  " + l)
		}
	}
	for _, l := range ops {
		sb.WriteString(l)
	}
	for _, l := range a[len(a)-suf : min(len(a)-suf+ctx, len(a))] {
		sb.WriteString("  " + l)
	}
	out := sb.String()
	if !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return out
}
