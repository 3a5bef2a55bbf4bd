package metric_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/metric"
)

// TestSubjectRuleExamples runs the examples of testdata/subjects.txt and
// checks that every subject rule has at least one positive and one negative
// example, and that docs/metrics.md names every rule.
func TestSubjectRuleExamples(t *testing.T) {
	x := newExtractor(t)
	f, err := os.Open("testdata/subjects.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	known := map[string]bool{}
	for _, r := range metric.SubjectRules() {
		known[r.Name] = true
	}
	pos, neg := map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 4 || (cols[1] != "+" && cols[1] != "-") {
			t.Fatalf("subjects.txt:%d: want rule, +|-, sentence, subject", line)
		}
		rule, sign, sentence, want := cols[0], cols[1], cols[2], cols[3]
		if !known[rule] {
			t.Errorf("subjects.txt:%d: unknown rule %q", line, rule)
			continue
		}
		a := strings.Index(sentence, "«")
		b := strings.Index(sentence, "»")
		if a < 0 || b < a {
			t.Fatalf("subjects.txt:%d: no «figure»", line)
		}
		text := sentence[:a] + sentence[a+len("«"):b] + sentence[b+len("»"):]
		doc := newsfacts.NewDoc(newsfacts.Article{Text: text})
		if err := x.Extract(doc); err != nil {
			t.Fatal(err)
		}
		var m *newsfacts.Metric
		for i := range doc.Metrics {
			if doc.Metrics[i].Start <= a && a < doc.Metrics[i].End {
				m = &doc.Metrics[i]
			}
		}
		switch {
		case m == nil:
			t.Errorf("subjects.txt:%d: no figure at «%s» in %s", line, sentence[a+len("«"):b], text)
		case m.Subject != want:
			t.Errorf("subjects.txt:%d: %s: subject %q (%s), want %q", line, text, m.Subject, m.SubjectRule, want)
		case sign == "+" && m.SubjectRule != rule:
			t.Errorf("subjects.txt:%d: %s: rule %q, want %q", line, text, m.SubjectRule, rule)
		case sign == "-" && m.SubjectRule == rule:
			t.Errorf("subjects.txt:%d: %s: rule %q chose it, want another", line, text, rule)
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
	for _, r := range metric.SubjectRules() {
		if pos[r.Name] == 0 || neg[r.Name] == 0 {
			t.Errorf("rule %q: %d positive and %d negative examples, want at least one of each", r.Name, pos[r.Name], neg[r.Name])
		}
		if !strings.Contains(string(doc), "`"+r.Name+"`") {
			t.Errorf("docs/metrics.md does not list the subject rule %q", r.Name)
		}
	}
}
