package metric_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/metric"
	"github.com/newsfacts/newsfacts/extractors/standard"
)

// TestRejectionExamples runs the examples of testdata/rejections.txt
// through the whole chain and checks that every rejection rule has a
// positive and a negative example and is listed in docs/metrics.md.
func TestRejectionExamples(t *testing.T) {
	chain, err := standard.New(standard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var x *metric.Extractor
	for _, e := range chain.Extractors() {
		if m, ok := e.(*metric.Extractor); ok {
			x = m
		}
	}
	known := map[string]bool{}
	for _, r := range metric.RejectionRules() {
		known[r] = true
	}
	pos, neg := map[string]int{}, map[string]int{}
	f, err := os.Open("testdata/rejections.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 3 || (cols[1] != "+" && cols[1] != "-") || !known[cols[0]] {
			t.Fatalf("rejections.txt:%d: want a known rule, +|-, a sentence", line)
		}
		rule, sign, sentence := cols[0], cols[1], cols[2]
		a := strings.Index(sentence, "«")
		b := strings.Index(sentence, "»")
		if a < 0 || b < a {
			t.Fatalf("rejections.txt:%d: no «numeral»", line)
		}
		text := strings.ReplaceAll(strings.ReplaceAll(sentence, "«", ""), "»", "")
		doc := newsfacts.NewDoc(newsfacts.Article{Text: text, Date: newsfacts.Some(newsfacts.DayOf(2024, 3, 1))})
		stages := []extractors.Extractor{x}
		if rule == metric.RejectDate || rule == metric.RejectName {
			stages = chain.Extractors()
		}
		for _, e := range stages {
			if err := extractors.RunOne(e, doc); err != nil {
				t.Fatal(err)
			}
		}
		figure := false
		for _, m := range doc.Metrics {
			if m.Start <= a && a < m.End {
				figure = true
			}
		}
		got := ""
		for _, r := range x.Explain(doc) {
			if r.Start <= a && a < r.End {
				got = r.Rule
			}
		}
		switch {
		case sign == "+" && (figure || got != rule):
			t.Errorf("rejections.txt:%d: %s: figure %v, rejected by %q, want %q", line, text, figure, got, rule)
		case sign == "-" && !figure:
			t.Errorf("rejections.txt:%d: %s: no figure at «%s» (rejected by %q)", line, text, sentence[a+len("«"):b], got)
		}
		if sign == "+" {
			pos[rule]++
		} else {
			neg[rule]++
		}
	}
	doc, err := os.ReadFile("../../docs/metrics.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range metric.RejectionRules() {
		if pos[r] == 0 || neg[r] == 0 {
			t.Errorf("rule %q: %d positive and %d negative examples, want at least one of each", r, pos[r], neg[r])
		}
		if !strings.Contains(string(doc), "`"+r+"`") {
			t.Errorf("docs/metrics.md does not list the rejection rule %q", r)
		}
	}
}
