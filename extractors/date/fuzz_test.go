package date_test

import (
	"testing"

	"github.com/newsfacts/newsfacts"
)

// FuzzExtract checks the invariants of Extract on any text, with and
// without a reference day: no panic, dates sorted and disjoint, spans on
// rune boundaries inside the text, From ≤ To when both are set.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"2022年3月29日，石峰区召开企业服务工作推进会。",
		"今年一季度，醴陵市新增市场主体1.2万户",
		"1至11月，2015年至2020年，“十四五”时期，截至6月底，2021年以来",
		"2022-03-29 2022.3.29 29/3/2022 2022 03 29 22-03-29",
		"农历正月初一，腊月28，大年三十，除夕",
		"上周一，下周末，星期三，（星期二）",
		"近三年，三年来，前5个月，前1周，未来两天，最近一个月，10月前三周",
		"二〇二二年三月二十九日，两千零四年八月十五，九十年代，上世纪90年代，康熙三年",
		"从1949到2019，2007年与2009年之间，2010年之后2018年之前",
		"12月28日至1月3日，3月29日至4月2日，9月16—19日",
		"\xff\xfe年月日", "年", "月底", "－－", "9999年99月99日", "0年0月0日", "2022-",
		"前年后天大后天大前天", "一二三四五六七八九十百千", "第第第第", "“十四五", "十五”",
	} {
		f.Add(s)
	}
	x := newExtractor(f)
	ref := newsfacts.Some(mustDay("2022-03-29"))
	f.Fuzz(func(t *testing.T, text string) {
		// Rune boundaries as ranging over the string finds them (an
		// invalid byte is a rune of its own), as Doc.RuneOffset counts.
		boundary := make(map[int]bool, len(text)+1)
		for i := range text {
			boundary[i] = true
		}
		boundary[len(text)] = true
		for _, r := range []newsfacts.Opt[newsfacts.Day]{ref, {}} {
			doc := newsfacts.NewDoc(newsfacts.Article{Text: text, Date: r})
			if err := x.Extract(doc); err != nil {
				t.Fatalf("Extract(%q): %v", text, err)
			}
			prev := 0
			for _, d := range doc.Dates {
				if d.Start < prev || d.End <= d.Start || d.End > len(text) {
					t.Fatalf("%q: bad span %v after %d", text, d.Span, prev)
				}
				if !boundary[d.Start] || !boundary[d.End] {
					t.Fatalf("%q: span %v not on rune boundaries", text, d.Span)
				}
				if d.From.OK && d.To.OK && d.From.V > d.To.V {
					t.Fatalf("%q: %q resolves to %s..%s", text, text[d.Start:d.End], d.From.V, d.To.V)
				}
				if d.Rule == "" || d.Granularity == "" {
					t.Fatalf("%q: date %v without rule or granularity", text, d)
				}
				prev = d.End
			}
		}
	})
}
