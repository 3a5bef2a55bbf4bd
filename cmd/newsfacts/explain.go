package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/metric"
)

// explain runs the extractors on one text and prints, for every figure, how
// it was found and read: the rule, value and unit, subject and the rule
// that chose it, indicator, target, and each link with how it was chosen;
// and for every numeral that gave no figure, why.
func (m *Main) explain(_ context.Context, args []string) int {
	fs := m.newFlagSet("explain", "explain [--date YYYY-MM-DD] [--title T] [--indicators FILE] TEXT|-", explainHelp)
	date := fs.String("date", "", "the article's `YYYY-MM-DD` (relative dates resolve against it)")
	title := fs.String("title", "", "the article's `TITLE` (a report's year and place)")
	indicators := fs.String("indicators", "", "extra indicator catalogue `FILE`")
	gazetteer := fs.String("gazetteer", "", "extra gazetteer `FILE`")
	if err := parseFlags(fs, args); err != nil {
		return m.fail(err)
	}
	if fs.NArg() != 1 {
		return m.fail(usageErr("explain", "explain takes one TEXT, or - to read standard input"))
	}
	text := fs.Arg(0)
	if text == "-" {
		b, err := io.ReadAll(m.Stdin)
		if err != nil {
			return m.fail(err)
		}
		text = strings.TrimRight(string(b), "\n")
	}
	a := newsfacts.Article{DocID: "explain", Title: *title, Text: text}
	if *date != "" {
		d, err := newsfacts.ParseDay(*date)
		if err != nil {
			return m.fail(usageErr("explain", "--date: %v", err))
		}
		a.Date = newsfacts.Some(d)
	}
	chain, err := buildChain(chainOptions{Gazetteer: *gazetteer, Indicators: *indicators})
	if err != nil {
		return m.fail(err)
	}
	doc := newsfacts.NewDoc(a)
	for _, x := range chain.Extractors() {
		if err := extractors.RunOne(x, doc); err != nil {
			return m.fail(err)
		}
	}
	writeExplanation(m.Stdout, doc, metricStage(chain))
	return exitOK
}

// explainHelp ends the help of explain.
const explainHelp = `For each figure: its span, the rule that found it, value and unit, the
change, the subject and the subject rule that chose it, the indicator, whether
it is a target, and the date, place and organisation it links to with where
they stood. For each numeral that gave no figure: why.

Example:
  newsfacts explain --date 2024-03-01 --title 2023年攸县统计公报 "全年全县地区生产总值285.3亿元，比上年增长6.1%。"
`

// writeExplanation prints the figures of doc and the numerals that gave
// none.
func writeExplanation(w io.Writer, doc *newsfacts.Doc, x *metric.Extractor) {
	ro := func(off int) int { return doc.RuneOffset(off) }
	for i, m := range doc.Metrics {
		fmt.Fprintf(w, "figure %d  %q  [%d,%d)\n", i, doc.SpanText(m.Span), ro(m.Start), ro(m.End))
		fmt.Fprintf(w, "  rule       %s\n", m.Rule)
		val := fmt.Sprintf("%g %s", m.Value, m.Unit)
		if m.Qualifier != "" {
			val += " (" + string(m.Qualifier) + ")"
		}
		fmt.Fprintf(w, "  value      %s  kind %s\n", strings.TrimSpace(val), m.Kind)
		if m.Direction != "" || m.Baseline != "" || m.From.OK {
			ch := "direction " + orDash(string(m.Direction)) + ", baseline " + orDash(m.Baseline)
			if m.From.OK {
				ch += fmt.Sprintf(", from %g to %g", m.From.V, m.To.V)
			}
			fmt.Fprintf(w, "  change     %s\n", ch)
		}
		fmt.Fprintf(w, "  subject    %s  (%s)\n", orDash(m.Subject), orDash(m.SubjectRule))
		fmt.Fprintf(w, "  indicator  %s\n", orDash(m.Indicator))
		fmt.Fprintf(w, "  target     %t\n", m.Target)
		fmt.Fprintf(w, "  links      %s\n", orDash(m.LinkRule))
		if m.DateID.OK {
			d := doc.Dates[m.DateID.V]
			fmt.Fprintf(w, "  date       %d %q %s…%s (%s, rule %s)\n", m.DateID.V, doc.SpanText(d.Span), dayOrDash(d.From), dayOrDash(d.To), where(doc, d.Span, m.Span), d.Rule)
		} else {
			fmt.Fprintf(w, "  date       -  (no date in its clause, no period governing its sentence or paragraph)\n")
		}
		for _, l := range [...]struct {
			name string
			id   newsfacts.Opt[int32]
		}{{"place", m.PlaceID}, {"org", m.OrgID}} {
			if !l.id.OK {
				fmt.Fprintf(w, "  %-10s -\n", l.name)
				continue
			}
			e := doc.Entities[l.id.V]
			fmt.Fprintf(w, "  %-10s %d %q → %s %s (%s, method %s)\n", l.name, l.id.V, doc.SpanText(e.Span), e.Name, e.Code, where(doc, e.Span, m.Span), e.Rule)
		}
	}
	// Numerals that gave no figure, with the rule that rejected each.
	if x != nil {
		for _, r := range x.Explain(doc) {
			fmt.Fprintf(w, "not a figure  %q  [%d,%d): %s%s\n", doc.SpanText(r.Span), ro(r.Start), ro(r.End), r.Rule, rejectedBy(doc, r))
		}
	}
}

// metricStage returns the metric extractor of chain, or nil.
func metricStage(chain *extractors.Chain) *metric.Extractor {
	for _, x := range chain.Extractors() {
		if m, ok := x.(*metric.Extractor); ok {
			return m
		}
	}
	return nil
}

// rejectedBy names the date or name a rejected numeral lies in.
func rejectedBy(doc *newsfacts.Doc, r metric.Rejection) string {
	switch r.Rule {
	case metric.RejectDate:
		for _, d := range doc.Dates {
			if d.Overlaps(r.Span) {
				return fmt.Sprintf(" (%q, rule %s)", doc.SpanText(d.Span), d.Rule)
			}
		}
	case metric.RejectName:
		for _, e := range doc.Entities {
			if e.Contains(r.Span) {
				return fmt.Sprintf(" (%q, %s, method %s)", doc.SpanText(e.Span), e.Type, e.Rule)
			}
		}
	}
	return ""
}

// where says where a linked span stands relative to the figure.
func where(doc *newsfacts.Doc, linked, fig newsfacts.Span) string {
	switch {
	case doc.SentenceOf(linked.Start) == doc.SentenceOf(fig.Start):
		if !strings.ContainsAny(doc.Text[min(linked.End, fig.Start):fig.Start], "，,；;：:") {
			return "same clause"
		}
		return "same sentence"
	case !strings.Contains(doc.Text[linked.End:fig.Start], "\n"):
		return "earlier sentence of the paragraph"
	}
	return "earlier paragraph"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func dayOrDash(d newsfacts.Opt[newsfacts.Day]) string {
	if !d.OK {
		return "-"
	}
	return d.V.String()
}
