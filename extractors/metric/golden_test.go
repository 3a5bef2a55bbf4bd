package metric_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/golden"
)

// goldenRow is a metrics row as the output tables write it (code point
// offsets, the same column names), without the document and link columns.
type goldenRow struct {
	Text      string                 `json:"text"`
	Start     int                    `json:"start"`
	End       int                    `json:"end"`
	Subject   string                 `json:"subject"`
	Kind      string                 `json:"kind"`
	Value     float64                `json:"value"`
	Unit      string                 `json:"unit"`
	Qualifier string                 `json:"qualifier"`
	Direction string                 `json:"direction"`
	FromValue newsfacts.Opt[float64] `json:"from_value"`
	ToValue   newsfacts.Opt[float64] `json:"to_value"`
	Baseline  string                 `json:"baseline"`
	Rule      string                 `json:"rule"`
	// SubjectRule and Target: see newsfacts.Metric.
	SubjectRule string `json:"subject_rule"`
	Target      bool   `json:"target"`
}

// TestGoldenSentences runs the hand-written sentences of
// testdata/sentences.txt and compares their rows with
// testdata/sentences.golden.jsonl. It also checks what the sections of the
// file promise: a sentence under a rule's comment yields a figure by that
// rule, a sentence under "exclusions" yields none, and the file covers
// every rule.
func TestGoldenSentences(t *testing.T) {
	f, err := os.Open("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := newExtractor(t)
	covered := map[string]bool{}
	section := ""
	sentences := 0
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "# ") {
			section = strings.TrimPrefix(line, "# ")
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		doc := extract(t, x, line)
		checkInvariants(t, doc)
		rows := []goldenRow{}
		for _, m := range doc.Metrics {
			covered[m.Rule] = true
			rows = append(rows, goldenRow{
				Text:      doc.SpanText(m.Span),
				Start:     doc.RuneOffset(m.Start),
				End:       doc.RuneOffset(m.End),
				Subject:   m.Subject,
				Kind:      string(m.Kind),
				Value:     m.Value,
				Unit:      m.Unit,
				Qualifier: string(m.Qualifier),
				Direction: string(m.Direction),
				FromValue: m.From,
				ToValue:   m.To,
				Baseline:  m.Baseline,
				Rule:      m.Rule,

				SubjectRule: m.SubjectRule,
				Target:      m.Target,
			})
		}
		switch {
		case strings.HasPrefix(section, "exclusions"):
			if len(rows) > 0 {
				t.Errorf("%s: got %q, want no figure", line, metricTexts(doc))
			}
		default:
			sentences++
			if len(rows) == 0 {
				t.Errorf("%s: got no figure", line)
			} else if ruleOf(section) != "" && !hasRule(doc, ruleOf(section)) {
				t.Errorf("%s: got rules %q, want one by %q", line, rulesOf(doc), ruleOf(section))
			}
		}
		if err := enc.Encode(struct {
			Sentence string      `json:"sentence"`
			Metrics  []goldenRow `json:"metrics"`
		}{line, rows}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if sentences < 80 {
		t.Errorf("got %d sentences with figures, want at least 80", sentences)
	}
	for name := range ruleExamples {
		if !covered[name] {
			t.Errorf("no sentence exercises rule %q", name)
		}
	}
	golden.Check(t, "testdata/sentences.golden.jsonl", out.Bytes())
}

// ruleOf returns the rule a section comment names, or "".
func ruleOf(section string) string {
	if _, ok := ruleExamples[section]; ok {
		return section
	}
	return ""
}
