package link_test

import (
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/link"
	_ "github.com/newsfacts/newsfacts/internal/golden"
)

// mark is a hand-made span: the nth (0-based) occurrence of text.
type mark struct {
	text string
	nth  int
}

func find(t *testing.T, text string, m mark) newsfacts.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], m.text)
		if j < 0 {
			t.Fatalf("%q not found %d times in %q", m.text, m.nth+1, text)
		}
		if i == m.nth {
			return newsfacts.Span{Start: off + j, End: off + j + len(m.text)}
		}
		off += j + len(m.text)
	}
}

func TestLink(t *testing.T) {
	tests := []struct {
		name          string
		text          string
		dates, places []mark
		days          []mark // dates that do not govern (rule "day")
		orgs          []mark
		metric        mark
		// want* is the text of the linked span, "" for no link.
		wantDate, wantPlace, wantOrg string
	}{
		{
			name:     "date in an earlier clause of the sentence",
			text:     "今年一季度，醴陵市新增市场主体1.2万户。",
			dates:    []mark{{"今年一季度", 0}},
			places:   []mark{{"醴陵市", 0}},
			metric:   mark{"1.2万户", 0},
			wantDate: "今年一季度", wantPlace: "醴陵市",
		},
		{
			name:     "nearest date in the clause wins over the sentence's first",
			text:     "2021年以来，石峰区持续推进，2022年新增企业300家。",
			dates:    []mark{{"2021年以来", 0}, {"2022年", 0}},
			places:   []mark{{"石峰区", 0}},
			metric:   mark{"300家", 0},
			wantDate: "2022年", wantPlace: "石峰区",
		},
		{
			name:     "baseline date is skipped",
			text:     "今年前三季度，全省粮食产量比去年增长3.2%。",
			dates:    []mark{{"今年前三季度", 0}, {"去年", 0}},
			metric:   mark{"增长3.2%", 0},
			wantDate: "今年前三季度",
		},
		{
			name:     "date inside the metric span is skipped",
			text:     "种植面积由2015年的3万亩扩大到8.6万亩。",
			dates:    []mark{{"2015年", 0}},
			metric:   mark{"由2015年的3万亩扩大到8.6万亩", 0},
			wantDate: "",
		},
		{
			name:     "a sentence-opening date governs the paragraph",
			text:     "今年以来，全市经济稳中有进。其中，新增市场主体1.2万户。\n另起一段，新增项目17个。",
			dates:    []mark{{"今年以来", 0}},
			metric:   mark{"1.2万户", 0},
			wantDate: "今年以来",
		},
		{
			name:     "a sentence-opening date does not cross a paragraph",
			text:     "今年以来，全市经济稳中有进。\n另起一段，新增项目17个。",
			dates:    []mark{{"今年以来", 0}},
			metric:   mark{"17个", 0},
			wantDate: "",
		},
		{
			name:     "a date after the metric does not govern it",
			text:     "新增项目17个，预计明年投产。",
			dates:    []mark{{"明年", 0}},
			metric:   mark{"17个", 0},
			wantDate: "",
		},
		{
			name:     "a day in the clause links",
			text:     "3月29日，全市新增确诊病例12例。",
			days:     []mark{{"3月29日", 0}},
			metric:   mark{"12例", 0},
			wantDate: "3月29日",
		},
		{
			name:     "a report day in an earlier clause does not govern",
			text:     "记者3月29日从市统计局获悉，全市生产总值增长5.2%。",
			days:     []mark{{"3月29日", 0}},
			metric:   mark{"增长5.2%", 0},
			wantDate: "",
		},
		{
			name:     "a day that opens a sentence does not govern the paragraph",
			text:     "3月29日，市统计局发布数据。全市新增企业300家。",
			days:     []mark{{"3月29日", 0}},
			metric:   mark{"300家", 0},
			wantDate: "",
		},
		{
			name:      "anaphor resolves to the last place of its level",
			text:      "石峰区位于株洲市北部。该区已组建企业微信群111个。",
			places:    []mark{{"石峰区", 0}, {"株洲市", 0}},
			metric:    mark{"111个", 0},
			wantPlace: "石峰区",
		},
		{
			name:      "no place without a mention or anaphor",
			text:      "石峰区位于株洲市北部。企业已组建微信群111个。",
			places:    []mark{{"石峰区", 0}, {"株洲市", 0}},
			metric:    mark{"111个", 0},
			wantPlace: "",
		},
		{
			name:      "organisation in the same clause",
			text:      "去年，中车株机实现营业收入56.3亿元，联诚集团增长15.6%。",
			dates:     []mark{{"去年", 0}},
			orgs:      []mark{{"中车株机", 0}, {"联诚集团", 0}},
			metric:    mark{"增长15.6%", 0},
			wantDate:  "去年",
			wantOrg:   "联诚集团",
			wantPlace: "",
		},
		{
			name:    "organisation after the metric is not linked",
			text:    "营业收入56.3亿元的是中车株机。",
			orgs:    []mark{{"中车株机", 0}},
			metric:  mark{"56.3亿元", 0},
			wantOrg: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := newsfacts.NewDoc(newsfacts.Article{Text: tt.text})
			for _, m := range tt.dates {
				s := find(t, tt.text, m)
				s.Rule = "period"
				doc.Dates = append(doc.Dates, newsfacts.Date{Span: s, Frame: true})
			}
			for _, m := range tt.days {
				s := find(t, tt.text, m)
				s.Rule = "day"
				doc.Dates = append(doc.Dates, newsfacts.Date{Span: s})
			}
			sortDates(doc.Dates)
			var ents []newsfacts.Entity
			for _, m := range tt.places {
				s := find(t, tt.text, m)
				ents = append(ents, newsfacts.Entity{Span: s, Type: newsfacts.PLACE, Name: m.text})
			}
			for _, m := range tt.orgs {
				ents = append(ents, newsfacts.Entity{Span: find(t, tt.text, m), Type: newsfacts.ORG, Name: m.text})
			}
			sortEntities(ents)
			doc.Entities = ents
			doc.Metrics = []newsfacts.Metric{{Span: find(t, tt.text, tt.metric)}}
			l := link.New()
			if err := l.Extract(doc); err != nil {
				t.Fatal(err)
			}
			m := doc.Metrics[0]
			if got := dateText(doc, m.DateID); got != tt.wantDate {
				t.Errorf("date: got %q, want %q", got, tt.wantDate)
			}
			if got := entityText(doc, m.PlaceID); got != tt.wantPlace {
				t.Errorf("place: got %q, want %q", got, tt.wantPlace)
			}
			if got := entityText(doc, m.OrgID); got != tt.wantOrg {
				t.Errorf("org: got %q, want %q", got, tt.wantOrg)
			}
		})
	}
}

func sortDates(ds []newsfacts.Date) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Start < ds[j-1].Start; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

func sortEntities(es []newsfacts.Entity) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Start < es[j-1].Start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

func dateText(doc *newsfacts.Doc, id newsfacts.Opt[int32]) string {
	if !id.OK {
		return ""
	}
	return doc.SpanText(doc.Dates[id.V].Span)
}

func entityText(doc *newsfacts.Doc, id newsfacts.Opt[int32]) string {
	if !id.OK {
		return ""
	}
	return doc.SpanText(doc.Entities[id.V].Span)
}
