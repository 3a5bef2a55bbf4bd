// Package sharedtest skips a test when the shared data folder (see
// internal/shared) or a file in it is absent.
//
// NOTE: it is a package of its own so that the programs that look up the
// shared folder (newsfacts eval) do not link the testing package.
package sharedtest

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/newsfacts/newsfacts/internal/shared"
)

// Require returns the path of rel inside the shared folder, or skips the
// test when it is absent.
func Require(tb testing.TB, rel string) string {
	tb.Helper()
	p := shared.Path(rel)
	if p == "" {
		tb.Skipf("shared data %s not found (set %s or put the shared folder beside the repository)", rel, shared.EnvVar)
	}
	return p
}

// XWLBArticle is the part of a line of corpus/xwlb/articles.jsonl that
// tests and benchmarks read.
type XWLBArticle struct {
	ID   string `json:"id"`
	Date string `json:"date"`
	Text string `json:"text"`
}

// XWLB reads the shared xwlb corpus, or skips the test when it is absent.
func XWLB(tb testing.TB) []XWLBArticle {
	tb.Helper()
	return readXWLB(tb, Require(tb, "corpus/xwlb/articles.jsonl"), -1)
}

// XWLBFirstTexts returns the texts of the first n articles of the shared
// xwlb corpus, or none when it is absent: for tests that run on texts of
// their own too, and on the corpus's where it is at hand.
func XWLBFirstTexts(tb testing.TB, n int) []string {
	tb.Helper()
	p := shared.Path("corpus/xwlb/articles.jsonl")
	if p == "" {
		return nil
	}
	var texts []string
	for _, a := range readXWLB(tb, p, n) {
		texts = append(texts, a.Text)
	}
	return texts
}

// readXWLB reads the first n articles of the corpus file at path, or all
// of them when n < 0.
func readXWLB(tb testing.TB, path string, n int) []XWLBArticle {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []XWLBArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for (n < 0 || len(out) < n) && sc.Scan() {
		var a XWLBArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// XWLBTexts returns the texts of the shared xwlb corpus, or skips the test
// when it is absent.
func XWLBTexts(tb testing.TB) []string {
	tb.Helper()
	as := XWLB(tb)
	texts := make([]string, len(as))
	for i, a := range as {
		texts[i] = a.Text
	}
	return texts
}
