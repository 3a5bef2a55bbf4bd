package date_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/golden"
)

// goldenRow is one date of a golden case, in the columns of the dates table
// (offsets in code points, as written to the output).
type goldenRow struct {
	Text        string                       `json:"text"`
	Start       int                          `json:"start"`
	End         int                          `json:"end"`
	From        newsfacts.Opt[newsfacts.Day] `json:"from_date"`
	To          newsfacts.Opt[newsfacts.Day] `json:"to_date"`
	Granularity string                       `json:"granularity"`
	Relative    bool                         `json:"relative"`
	Rule        string                       `json:"rule"`
}

// goldenCase is one line of testdata/golden/expected.jsonl.
type goldenCase struct {
	Case  string      `json:"case"`
	Ref   string      `json:"ref"`
	Text  string      `json:"text"`
	Dates []goldenRow `json:"dates"`
}

// TestGolden runs the golden cases of testdata/golden/cases.txt and
// compares the dates with testdata/golden/expected.jsonl.
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	f, err := os.Open("testdata/golden/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	names := map[string]bool{}
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		parts := strings.SplitN(s, " | ", 3)
		if len(parts) != 3 {
			t.Fatalf("cases.txt:%d: want name | ref | sentence", line)
		}
		c := goldenCase{Case: parts[0], Ref: parts[1], Text: parts[2], Dates: []goldenRow{}}
		if names[c.Case] {
			t.Fatalf("cases.txt:%d: duplicate case %s", line, c.Case)
		}
		names[c.Case] = true
		a := newsfacts.Article{Text: c.Text}
		if c.Ref != "none" {
			a.Date = newsfacts.Some(mustDay(c.Ref))
		}
		doc := newsfacts.NewDoc(a)
		if err := x.Extract(doc); err != nil {
			t.Fatalf("%s: %v", c.Case, err)
		}
		for i, d := range doc.Dates {
			if i > 0 && d.Start < doc.Dates[i-1].End {
				t.Errorf("%s: dates overlap or are unsorted: %v after %v", c.Case, d.Span, doc.Dates[i-1].Span)
			}
			if !utf8.RuneStart(c.Text[d.Start]) || d.End < len(c.Text) && !utf8.RuneStart(c.Text[d.End]) {
				t.Errorf("%s: span %v not on rune boundaries", c.Case, d.Span)
			}
			c.Dates = append(c.Dates, goldenRow{
				Text: doc.SpanText(d.Span), Start: doc.RuneOffset(d.Start), End: doc.RuneOffset(d.End),
				From: d.From, To: d.To, Granularity: string(d.Granularity), Relative: d.Relative, Rule: d.Rule,
			})
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 60 {
		t.Errorf("got %d golden cases, want at least 60", n)
	}
	golden.Check(t, "testdata/golden/expected.jsonl", buf.Bytes())
}
