package date_test

import (
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/date"
)

// TestJoinWholeYear checks that a year and the word after it that says the
// whole year (全年, 度), or a festival and 佳节, are one date, and that they
// stay apart when something stands between them.
func TestJoinWholeYear(t *testing.T) {
	x, err := date.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"2017年全年实现增长。", "2017年全年"},
		{"上年全年增长5%。", "上年全年"},
		{"2013年度考核优秀。", "2013年度"},
		{"端午佳节将至。", "端午佳节"},
		// Negative: apart, or no year before.
		{"2017年，全年增长5%。", "2017年"},
		{"全年增长5%。", "全年"},
	}
	for _, tt := range tests {
		doc := newsfacts.NewDoc(newsfacts.Article{Text: tt.text, Date: newsfacts.Some(newsfacts.DayOf(2019, 6, 7))})
		if err := x.Extract(doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Dates) == 0 || doc.SpanText(doc.Dates[0].Span) != tt.want {
			var got []string
			for _, d := range doc.Dates {
				got = append(got, doc.SpanText(d.Span))
			}
			t.Errorf("%s: dates %q, want the first %q", tt.text, got, tt.want)
		}
	}
}
