package date_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/date"
	_ "github.com/newsfacts/newsfacts/internal/golden"
)

// defaultRef is the reference day of the examples: a Tuesday.
var defaultRef = newsfacts.Some(mustDay("2022-03-29"))

func mustDay(s string) newsfacts.Day {
	d, err := newsfacts.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

// example is one line of testdata/examples.txt.
type example struct {
	rule     string
	line     int
	positive bool
	sentence string
	text     string
	from, to string
	gran     string
	ref      newsfacts.Opt[newsfacts.Day]
}

// loadExamples parses testdata/examples.txt.
func loadExamples(t *testing.T) []example {
	t.Helper()
	f, err := os.Open("testdata/examples.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []example
	rule := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			rule = line[1 : len(line)-1]
			continue
		}
		if rule == "" || len(line) < 2 || (line[0] != '+' && line[0] != '-') {
			t.Fatalf("examples.txt:%d: malformed line %q", n, line)
		}
		f := strings.Split(line[2:], " | ")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		ex := example{rule: rule, line: n, positive: line[0] == '+', sentence: f[0], ref: defaultRef}
		refField := ""
		switch {
		case ex.positive && (len(f) == 5 || len(f) == 6):
			ex.text, ex.from, ex.to, ex.gran = f[1], f[2], f[3], f[4]
			if len(f) == 6 {
				refField = f[5]
			}
		case !ex.positive && (len(f) == 1 || len(f) == 2):
			if len(f) == 2 {
				refField = f[1]
			}
		default:
			t.Fatalf("examples.txt:%d: want 5 or 6 fields for +, 1 or 2 for -: %q", n, line)
		}
		switch refField {
		case "":
		case "none":
			ex.ref = newsfacts.Opt[newsfacts.Day]{}
		default:
			ex.ref = newsfacts.Some(mustDay(refField))
		}
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func optDay(o newsfacts.Opt[newsfacts.Day]) string {
	if !o.OK {
		return "-"
	}
	return o.V.String()
}

// TestRuleExamples runs every example: each positive one must be found by
// its rule, over exactly its text, and resolve as stated; each negative one
// must give no date of its rule (or, in [none], of any rule).
func TestRuleExamples(t *testing.T) {
	x := newExtractor(t)
	for _, ex := range loadExamples(t) {
		name := fmt.Sprintf("%s/%d", ex.rule, ex.line)
		t.Run(name, func(t *testing.T) {
			// NOTE: resolved together, as Extract does, so that 当天 and
			// 次年 find their anchor in the sentence.
			ds := x.ResolveAll(nil, ex.sentence, x.Find(ex.sentence), ex.ref)
			if !ex.positive {
				for _, d := range ds {
					if ex.rule == "none" || d.Rule == ex.rule {
						t.Errorf("%q: got %s %q, want no date", ex.sentence, d.Rule, ex.sentence[d.Start:d.End])
					}
				}
				return
			}
			var got []string
			for _, d := range ds {
				text := ex.sentence[d.Start:d.End]
				got = append(got, d.Rule+":"+text)
				if d.Rule != ex.rule || text != ex.text {
					continue
				}
				if g, w := optDay(d.From), ex.from; g != w {
					t.Errorf("%q: from got %s, want %s", ex.text, g, w)
				}
				if g, w := optDay(d.To), ex.to; g != w {
					t.Errorf("%q: to got %s, want %s", ex.text, g, w)
				}
				if g, w := string(d.Granularity), ex.gran; g != w {
					t.Errorf("%q: granularity got %s, want %s", ex.text, g, w)
				}
				return
			}
			t.Errorf("%q: got %q, want %s:%s", ex.sentence, got, ex.rule, ex.text)
		})
	}
}

// TestRuleExamplesFullSpan checks that the text of every positive example,
// alone, is matched over its full extent by its rule (Duckling's
// full-range check): no rule stops short or runs over.
func TestRuleExamplesFullSpan(t *testing.T) {
	x := newExtractor(t)
	for _, ex := range loadExamples(t) {
		if !ex.positive {
			continue
		}
		ms := x.Find(ex.text)
		if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(ex.text) || ms[0].Rule != ex.rule {
			var got []string
			for _, m := range ms {
				got = append(got, fmt.Sprintf("%s:%q", m.Rule, ex.text[m.Start:m.End]))
			}
			t.Errorf("examples.txt:%d: %q alone: got %v, want one %s match over all of it", ex.line, ex.text, got, ex.rule)
		}
	}
}

// TestEveryRuleHasExamples is the meta-test: every rule of the grammar has
// at least one positive and one negative example, and every section of the
// examples names a rule.
func TestEveryRuleHasExamples(t *testing.T) {
	pos, neg := map[string]int{}, map[string]int{}
	for _, ex := range loadExamples(t) {
		if ex.positive {
			pos[ex.rule]++
		} else {
			neg[ex.rule]++
		}
	}
	names := map[string]bool{"none": true}
	for _, r := range date.Rules() {
		names[r.Name] = true
		if pos[r.Name] == 0 {
			t.Errorf("rule %s: no positive example", r.Name)
		}
		if neg[r.Name] == 0 {
			t.Errorf("rule %s: no negative example", r.Name)
		}
		if r.Example == "" {
			t.Errorf("rule %s: empty Example", r.Name)
		}
	}
	for name := range pos {
		if !names[name] {
			t.Errorf("examples for unknown rule %s", name)
		}
	}
	for name := range neg {
		if !names[name] {
			t.Errorf("examples for unknown rule %s", name)
		}
	}
}

// TestRuleTableExamples checks that the Example of every rule is matched
// by that rule over its full extent.
func TestRuleTableExamples(t *testing.T) {
	x := newExtractor(t)
	seen := map[string]bool{}
	for _, r := range date.Rules() {
		if seen[r.Name] {
			t.Errorf("duplicate rule name %s", r.Name)
		}
		seen[r.Name] = true
		ms := x.Find(r.Example)
		if len(ms) != 1 || ms[0].Rule != r.Name || ms[0].Start != 0 || ms[0].End != len(r.Example) {
			t.Errorf("rule %s: Example %q: got %v, want one match of the rule over all of it", r.Name, r.Example, ms)
		}
	}
}

func newExtractor(t testing.TB) *date.Extractor {
	t.Helper()
	x, err := date.New()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestRulesDocumented checks that the rule table of docs/dates.md lists
// every rule of the grammar, so that the rule column of the dates table is
// always explained.
func TestRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/dates.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range date.Rules() {
		if !strings.Contains(string(doc), "| `"+r.Name+"` |") {
			t.Errorf("rule %s: no row in the rule table of docs/dates.md", r.Name)
		}
	}
}
