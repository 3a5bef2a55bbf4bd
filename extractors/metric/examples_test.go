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

// ruleExample is one line of testdata/examples.txt.
type ruleExample struct {
	line            int
	rule            string
	positive        bool
	text            string // the sentence without « and »
	at              int    // the byte offset of the marked figure in text
	marked, subject string
}

// readExamples reads testdata/examples.txt.
func readExamples(t *testing.T) []ruleExample {
	t.Helper()
	f, err := os.Open("testdata/examples.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []ruleExample
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) < 3 || len(cols) > 4 || (cols[1] != "+" && cols[1] != "-") {
			t.Fatalf("examples.txt:%d: want rule, +|-, sentence[, subject]", line)
		}
		a := strings.Index(cols[2], "«")
		b := strings.Index(cols[2], "»")
		if a < 0 || b < a {
			t.Fatalf("examples.txt:%d: no «figure»", line)
		}
		e := ruleExample{line: line, rule: cols[0], positive: cols[1] == "+", at: a,
			text:   strings.ReplaceAll(strings.ReplaceAll(cols[2], "«", ""), "»", ""),
			marked: cols[2][a+len("«") : b]}
		if len(cols) == 4 {
			e.subject = cols[3]
		}
		out = append(out, e)
	}
	return out
}

// TestRuleExamples runs the examples of every subject rule and rejection
// rule, and checks that each rule of SubjectRules and RejectionRules has a
// positive and a negative ruleExample and is listed in docs/metrics.md.
func TestRuleExamples(t *testing.T) {
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
	subjectRules, rejectRules := map[string]bool{}, map[string]bool{}
	for _, r := range metric.SubjectRules() {
		subjectRules[r.Name] = true
	}
	for _, r := range metric.RejectionRules() {
		rejectRules[r] = true
	}
	pos, neg := map[string]int{}, map[string]int{}
	for _, e := range readExamples(t) {
		doc := newsfacts.NewDoc(newsfacts.Article{Text: e.text, Date: newsfacts.Some(newsfacts.DayOf(2024, 3, 1))})
		stages := []extractors.Extractor{x}
		if e.rule == metric.RejectDate || e.rule == metric.RejectName {
			stages = chain.Extractors()
		}
		for _, s := range stages {
			if err := extractors.RunOne(s, doc); err != nil {
				t.Fatal(err)
			}
		}
		var m *newsfacts.Metric
		for i := range doc.Metrics {
			if doc.Metrics[i].Start <= e.at && e.at < doc.Metrics[i].End {
				m = &doc.Metrics[i]
			}
		}
		switch {
		case subjectRules[e.rule]:
			switch {
			case m == nil:
				t.Errorf("examples.txt:%d: no figure at «%s» in %s", e.line, e.marked, e.text)
			case m.Subject != e.subject:
				t.Errorf("examples.txt:%d: %s: subject %q (%s), want %q", e.line, e.text, m.Subject, m.SubjectRule, e.subject)
			case e.positive && m.SubjectRule != e.rule:
				t.Errorf("examples.txt:%d: %s: rule %q, want %q", e.line, e.text, m.SubjectRule, e.rule)
			case !e.positive && m.SubjectRule == e.rule:
				t.Errorf("examples.txt:%d: %s: rule %q chose it, want another", e.line, e.text, e.rule)
			}
		case rejectRules[e.rule]:
			got := ""
			for _, r := range x.Explain(doc) {
				if r.Start <= e.at && e.at < r.End {
					got = r.Rule
				}
			}
			switch {
			case e.positive && (m != nil || got != e.rule):
				t.Errorf("examples.txt:%d: %s: figure %v, rejected by %q, want %q", e.line, e.text, m != nil, got, e.rule)
			case !e.positive && m == nil:
				t.Errorf("examples.txt:%d: %s: no figure at «%s» (rejected by %q)", e.line, e.text, e.marked, got)
			}
		default:
			t.Errorf("examples.txt:%d: unknown rule %q", e.line, e.rule)
		}
		if e.positive {
			pos[e.rule]++
		} else {
			neg[e.rule]++
		}
	}
	doc, err := os.ReadFile("../../docs/metrics.md")
	if err != nil {
		t.Fatal(err)
	}
	for r := range subjectRules {
		rejectRules[r] = true
	}
	for r := range rejectRules {
		if pos[r] == 0 || neg[r] == 0 {
			t.Errorf("rule %q: %d positive and %d negative examples, want at least one of each", r, pos[r], neg[r])
		}
		if !strings.Contains(string(doc), "`"+r+"`") {
			t.Errorf("docs/metrics.md does not list the rule %q", r)
		}
	}
}
