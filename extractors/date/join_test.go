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

// TestImpliedMonthEnd checks that a bare 月末 or 月底 after a reporting
// month in its paragraph (9月末，…。月末…) is that month's end, and the
// article's month otherwise.
func TestImpliedMonthEnd(t *testing.T) {
	x, err := date.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"9月末，全省贷款余额2.1万亿元。月末存款余额3万亿元。", "2025-09-30"},
		{"9月份，全市用电量稳定恢复，月末日用电量较月初增长19.8%。", "2025-09-30"},
		// Negative: any month that is no reporting month, or another
		// paragraph.
		{"自去年10月接到订单以来，加工进入收尾阶段，月底前可以交付。", "2025-10-31"},
		{"9月末，全省贷款余额2.1万亿元。\n月末存款余额3万亿元。", "2025-10-31"},
	}
	for _, tt := range tests {
		doc := newsfacts.NewDoc(newsfacts.Article{Text: tt.text, Date: newsfacts.Some(newsfacts.DayOf(2025, 10, 15))})
		if err := x.Extract(doc); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, d := range doc.Dates {
			if w := doc.SpanText(d.Span); (w == "月末" || w == "月底") && d.From.OK {
				got = d.From.V.String()
			}
		}
		if got != tt.want {
			t.Errorf("%s: 月末 is %q, want %q", tt.text, got, tt.want)
		}
	}
}
