package metric_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/metric"
	_ "github.com/newsfacts/newsfacts/internal/golden"
)

// TestInterface checks the extractor's name and layers, and that a chain
// must run dates and entities before it.
func TestInterface(t *testing.T) {
	x := newExtractor(t)
	if got, want := x.Name(), "metric"; got != want {
		t.Errorf("Name() = %q, want %q", got, want)
	}
	if got, want := x.Requires(), []extractors.Layer{extractors.Dates, extractors.Entities}; !slices.Equal(got, want) {
		t.Errorf("Requires() = %v, want %v", got, want)
	}
	if got, want := x.Provides(), []extractors.Layer{extractors.Metrics}; !slices.Equal(got, want) {
		t.Errorf("Provides() = %v, want %v", got, want)
	}
	if _, err := extractors.NewChain(x); err == nil {
		t.Errorf("NewChain(metric) accepted a chain without dates and entities")
	}
}

// checkInvariants checks what every Extract result must satisfy: sorted,
// no overlaps, spans on rune boundaries inside the text, a rule on every
// metric, links left unset.
func checkInvariants(t testing.TB, doc *newsfacts.Doc) {
	t.Helper()
	text := doc.Text
	// Rune boundaries as decoding from the start finds them; an invalid
	// byte counts as one rune.
	boundary := make(map[int]bool, len(text)+1)
	for i := 0; i < len(text); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	boundary[len(text)] = true
	prevEnd := 0
	for i, m := range doc.Metrics {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			t.Fatalf("metric %d: span [%d,%d) outside the text of %d bytes or empty", i, m.Start, m.End, len(text))
		}
		if !boundary[m.Start] || !boundary[m.End] {
			t.Fatalf("metric %d: span [%d,%d) not on rune boundaries", i, m.Start, m.End)
		}
		if m.Start < prevEnd {
			t.Fatalf("metric %d %q starts at %d, before the previous one ends (%d)", i, text[m.Start:m.End], m.Start, prevEnd)
		}
		prevEnd = m.End
		if !ruleNames[m.Rule] {
			t.Fatalf("metric %d %q has rule %q, which is not one of metric.Rules()", i, text[m.Start:m.End], m.Rule)
		}
		if m.OrgID.OK || m.PlaceID.OK || m.DateID.OK {
			t.Fatalf("metric %d %q has links set", i, text[m.Start:m.End])
		}
	}
}

// TestExtractInvariants runs the reference article and a dense paragraph
// through the invariants.
func TestExtractInvariants(t *testing.T) {
	x := newExtractor(t)
	texts := []string{
		articleText(t, "../../testdata/articles/2022-03-29-shifeng-enterprise-service.md"),
		"全年实现地区生产总值1234.5亿元，同比增长8.1%；其中第一产业增加值56.7亿元，增长3.2%，第二产业增加值由420亿元增加到480亿元，第三产业占比提高到55%。全市共有规上企业1200余家、高新技术企业超过300家，分别比上年增加120家和45家。",
	}
	for _, text := range texts {
		doc := extract(t, x, text)
		if len(doc.Metrics) == 0 {
			t.Errorf("no metric in %.30s…", text)
		}
		checkInvariants(t, doc)
	}
}

// TestExtractWithLayers checks how Extract uses the dates and entities of
// earlier stages: a figure inside an organisation or place name is dropped,
// one whose numeral overlaps a date is dropped, and one whose leading words
// only overlap a date starts after it.
func TestExtractWithLayers(t *testing.T) {
	x := newExtractor(t)
	span := func(text, sub string) newsfacts.Span {
		for i := range text {
			if len(text)-i >= len(sub) && text[i:i+len(sub)] == sub {
				return newsfacts.Span{Start: i, End: i + len(sub)}
			}
		}
		t.Fatalf("%q not in %q", sub, text)
		return newsfacts.Span{}
	}
	tests := []struct {
		name     string
		text     string
		dates    []string
		entities []string // PLACE names
		want     []string // metric texts
	}{
		{"alone", "长春市二道区新增企业5家。", nil, nil, []string{"二道", "5家"}},
		{"place", "长春市二道区新增企业5家。", nil, []string{"二道区"}, []string{"5家"}},
		{"date over leading words", "比上年增长5%。", []string{"上年"}, nil, []string{"增长5%"}},
		{"date over numeral", "用时3天。", []string{"3天"}, nil, nil},
	}
	for _, tt := range tests {
		doc := newsfacts.NewDoc(newsfacts.Article{Text: tt.text})
		for _, d := range tt.dates {
			doc.Dates = append(doc.Dates, newsfacts.Date{Span: span(tt.text, d)})
		}
		for _, e := range tt.entities {
			doc.Entities = append(doc.Entities, newsfacts.Entity{Span: span(tt.text, e), Type: newsfacts.PLACE})
		}
		if err := x.Extract(doc); err != nil {
			t.Fatal(err)
		}
		if got := metricTexts(doc); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %s: got %q, want %q", tt.name, tt.text, got, tt.want)
		}
		checkInvariants(t, doc)
	}
}

// TestExtractBaselineKept checks that trimming the span for a date keeps the
// baseline the words stated.
func TestExtractBaselineKept(t *testing.T) {
	x := newExtractor(t)
	text := "比上年增长5%。"
	doc := newsfacts.NewDoc(newsfacts.Article{Text: text})
	doc.Dates = []newsfacts.Date{{Span: newsfacts.Span{Start: len("比"), End: len("比上年")}}}
	if err := x.Extract(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Metrics) != 1 {
		t.Fatalf("got %q, want one metric", metricTexts(doc))
	}
	if got, want := doc.Metrics[0].Baseline, "prev_year"; got != want {
		t.Errorf("got baseline %q, want %q", got, want)
	}
}

// TestFind checks the parts Find collects, before resolution.
func TestFind(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text                            string
		span, num, unit, pre, mid, post string
		verb, baseline, subject, rule   string
	}{
		{"审批提速80%以上", "提速80%以上", "80", "%", "", "", "以上", "提速", "", "审批", "change: 增长N"},
		{"解决问题50余个", "50余个", "50", "个", "", "余", "", "", "", "问题", "count: N个"},
		{"同比增长约12%", "同比增长约12%", "12", "%", "约", "", "", "增长", "同比", "", "change: 增长N"},
		{"该区已组建企业微信群111个", "111个", "111", "个", "", "", "", "", "", "企业微信群", "count: N个"},
		{"审批时限26个工作日", "26个工作日", "26", "工作日", "", "", "", "", "", "审批时限", "duration: N天"},
	}
	for _, tt := range tests {
		cs := x.Find(tt.text)
		if len(cs) != 1 {
			t.Errorf("Find(%q): got %d candidates, want 1", tt.text, len(cs))
			continue
		}
		c := cs[0]
		for _, p := range []struct{ field, got, want string }{
			{"span", c.Text, tt.span},
			{"numeral", tt.text[c.NumStart:c.NumEnd], tt.num},
			{"unit", c.Unit, tt.unit},
			{"pre", c.Pre, tt.pre},
			{"mid", c.Mid, tt.mid},
			{"post", c.Post, tt.post},
			{"verb", c.Verb, tt.verb},
			{"baseline", c.Baseline, tt.baseline},
			{"subject", c.Subject, tt.subject},
			{"rule", c.Rule, tt.rule},
		} {
			if p.got != p.want {
				t.Errorf("Find(%q): got %s %q, want %q", tt.text, p.field, p.got, p.want)
			}
		}
		if got, want := c.Text, tt.text[c.Start:c.End]; got != want {
			t.Errorf("Find(%q): Text %q is not text[Start:End] %q", tt.text, got, want)
		}
	}
}

// TestResolve checks resolution on candidates built by hand: Resolve needs
// no text.
func TestResolve(t *testing.T) {
	x := newExtractor(t)
	scan := func(s string) metric.Candidate {
		cs := x.Find(s)
		if len(cs) != 1 {
			t.Fatalf("Find(%q): got %d candidates", s, len(cs))
		}
		c := cs[0]
		c.Rule = "" // let Resolve pick the rule
		return c
	}
	tests := []struct {
		name string
		c    metric.Candidate
		want want
	}{
		{"tenths with half", scan("三成半"), want{value: 35, unit: "%", kind: "percent"}},
		{"multiple", scan("两倍"), want{value: 200, unit: "%", kind: "percent"}},
		{"permille", scan("3‰"), want{value: 0.3, unit: "%", kind: "percent"}},
		{"discount", scan("八折"), want{value: 80, unit: "%", kind: "percent"}},
		{"money sub-units", scan("50元6角3分"), want{value: 50.63, unit: "元", kind: "money"}},
		{"qualifier words", func() metric.Candidate {
			c := scan("10万人")
			c.Pre = "超过"
			return c
		}(), want{value: 100000, unit: "人", qualifier: "over", kind: "quantity"}},
		{"change verb and baseline", func() metric.Candidate {
			c := scan("15.6%")
			c.Verb, c.Baseline = "增长", "同比"
			return c
		}(), want{value: 15.6, unit: "%", direction: "up", baseline: "yoy", kind: "change"}},
		{"target", func() metric.Candidate {
			c := scan("3个工作日")
			c.Verb, c.Target, c.Post = "压缩至", true, "以内"
			return c
		}(), want{value: 3, unit: "工作日", qualifier: "under", direction: "down", to: f(3), kind: "change"}},
		{"transition by comparison", func() metric.Candidate {
			c := scan("18个")
			from := scan("42个")
			c.From = &from
			return c
		}(), want{value: 18, unit: "个", direction: "down", from: f(42), to: f(18), kind: "change"}},
	}
	for _, tt := range tests {
		m, ok := x.Resolve(tt.c)
		if !ok {
			t.Errorf("%s: Resolve failed", tt.name)
			continue
		}
		tt.want.text = tt.name
		check(t, "Resolve", m, tt.want)
	}
}

// TestConcurrent runs Extract from several goroutines at once, as the
// pipeline does; run it with -race.
func TestConcurrent(t *testing.T) {
	x := newExtractor(t)
	text := articleText(t, "../../testdata/articles/2022-03-29-shifeng-enterprise-service.md")
	want := len(extract(t, x, text).Metrics)
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func() {
			n := 0
			for i := 0; i < 20; i++ {
				doc := newsfacts.NewDoc(newsfacts.Article{Text: text})
				if err := x.Extract(doc); err != nil {
					n = -1
					break
				}
				n = len(doc.Metrics)
			}
			done <- n
		}()
	}
	for g := 0; g < 4; g++ {
		if got := <-done; got != want {
			t.Errorf("goroutine got %d metrics, want %d", got, want)
		}
	}
}
