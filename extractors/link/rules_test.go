package link_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/link"
	"github.com/newsfacts/newsfacts/extractors/standard"
	"github.com/newsfacts/newsfacts/internal/ruletest"
)

// TestLinkRules runs an example of every link rule through the standard
// chain, and checks that LinkRules lists every Rule… constant, that every
// rule has an example, and that docs/schema.md names every rule.
func TestLinkRules(t *testing.T) {
	chain, err := standard.New(standard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	examples := []struct{ text, figure, rule string }{
		{"2023年全市新增经营主体1.2万户。", "1.2万户", link.RuleDateClause},
		{"今年以来，全市新增经营主体1.2万户。", "1.2万户", link.RuleDateSentence},
		{"今年以来，全市新增经营主体1.2万户。新增企业5000户。", "5000户", link.RuleDateParagraph},
		{"全年全市地区生产总值增长5%。一般公共预算收入增长3%。", "3%", link.RuleDateParagraphPeriod},
		{"一季度，全市地区生产总值增长5%。\n规模以上工业增加值增长6%。", "6%", link.RuleDatePreviousParagraph},
		{"株洲市新增经营主体1.2万户。", "1.2万户", link.RulePlaceSentence},
		{"上半年，芦淞区、荷塘区地区生产总值分别增长5.1%和6.2%。", "6.2%", link.RulePlaceList},
		{"上半年，芦淞区、荷塘区地区生产总值分别增长5.1%和6.2%，株洲市增长5.5%。", "5.5%", link.RulePlaceSentence},
		{"株洲市渌口区南洲镇召开春耕大会。该镇新增早稻面积300亩。", "300亩", link.RulePlaceAnaphor},
		{"株洲市召开经济工作会议，全市部署全年工作。\n企业新增经营主体100户。", "100户", link.RulePlaceScope},
		{"前三季度，滨海新区地区生产总值增长4.9%。规模以上工业增加值增长5.7%。", "5.7%", link.RulePlaceParagraph},
		{"全年国内生产总值增长5.2%。\n年末全国人口14亿人。", "5.2%", link.RulePlaceScopeAfter},
		{"国家统计局数据显示城镇新增就业100万人。", "100万人", link.RuleOrgClause},
		{"国家统计局发布数据显示，城镇新增就业100万人。", "100万人", link.RuleOrgSentence},
	}
	if got, want := link.LinkRules(), ruletest.Consts(t, ".", "Rule"); !slices.Equal(got, want) {
		t.Errorf("LinkRules() = %q, want the Rule… constants %q", got, want)
	}
	for _, r := range link.LinkRules() {
		if !slices.ContainsFunc(examples, func(ex struct{ text, figure, rule string }) bool { return ex.rule == r }) {
			t.Errorf("link rule %q has no example", r)
		}
	}
	for _, tt := range examples {
		doc := newsfacts.NewDoc(newsfacts.Article{Text: tt.text, Date: newsfacts.Some(newsfacts.DayOf(2024, 5, 1))})
		for _, x := range chain.Extractors() {
			if err := extractors.RunOne(x, doc); err != nil {
				t.Fatal(err)
			}
		}
		found := false
		for _, m := range doc.Metrics {
			if strings.Contains(doc.SpanText(m.Span), tt.figure) {
				found = true
				if !strings.Contains(m.LinkRule, tt.rule) {
					t.Errorf("%s: %q links by %q, want %q", tt.text, tt.figure, m.LinkRule, tt.rule)
				}
			}
		}
		if !found {
			t.Errorf("%s: no figure %q", tt.text, tt.figure)
		}
	}
	doc, err := os.ReadFile("../../docs/schema.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range link.LinkRules() {
		if !strings.Contains(string(doc), "`"+r+"`") {
			t.Errorf("docs/schema.md does not name the link rule %q", r)
		}
	}
}

// TestYearEndGoverns checks that a year's or month's end that opens a
// sentence of statistics (年末全省常住人口…) governs the statistics of the
// sentences after it in its paragraph, before a period for a stock, and
// that one that dates an event does not; and that the period a rate turned
// from dates no other figure.
func TestYearEndGoverns(t *testing.T) {
	checkLinked(t, "dated", func(doc *newsfacts.Doc, m newsfacts.Metric) string {
		if !m.DateID.OK {
			return ""
		}
		return doc.SpanText(doc.Dates[m.DateID.V].Span)
	}, []linkCase{
		{"年末全省常住人口5100万人，比上年末增加3万人。常住人口城镇化率为61.2%。", "61.2%", "年末", ""},
		{"9月末，全市人民币存款余额2100亿元。人民币贷款余额同比增长7.1%。", "同比增长7.1%", "9月末", ""},
		// A stock is counted at the year's end, though a period stands
		// nearer.
		{"年末全省常住人口5100万人。全年出生人口40万人。常住人口城镇化率为61.2%。", "61.2%", "年末", ""},
		// Negative: a flow is of the period.
		{"年末全省常住人口5100万人。全年出生人口40万人，死亡人口45万人。", "45万人", "全年", ""},
		// Negative: the period a rate turned from dates no other figure.
		{"1—9月，全县财政收入同比由上半年的增长1.2%转为下降0.8%，其中税收收入同比下降3.6%。", "同比下降3.6%", "1—9月", ""},
		// Negative: the end of the year is when something happens.
		{"今年底将开通十条新线路。全市公交分担率达到52%。", "52%", "", ""},
		{"去年年底启动的调水工程已完工。再生水占总供水量22%。", "22%", "", ""},
	})
}

// TestPartnerPlace checks that the partner of a trade or investment figure
// (对越南进出口) is not its place, and that a place after 对 is otherwise.
func TestPartnerPlace(t *testing.T) {
	checkLinked(t, "placed", func(doc *newsfacts.Doc, m newsfacts.Metric) string {
		if !m.PlaceID.OK {
			return ""
		}
		return doc.SpanText(doc.Entities[m.PlaceID.V].Span)
	}, []linkCase{
		{"前三季度，云南对老挝进出口320亿元。", "320亿元", "云南", ""},
		{"上半年，江苏企业向德国出口机电产品86亿元。", "86亿元", "江苏", ""},
		// Negative: the place inspected is the figure's.
		{"督察组对湖南省21个市州开展督察，发现问题900个。", "21个", "湖南省", ""},
	})
}

// linkCase is a text, a figure of it and the text of what it should link;
// title, when set, is the document's title.
type linkCase struct{ text, figure, want, title string }

// checkLinked runs each case through the standard chain (article date
// 2025-02-20) and compares what linked reads of the figure's metric.
func checkLinked(t *testing.T, verb string, linked func(*newsfacts.Doc, newsfacts.Metric) string, cases []linkCase) {
	t.Helper()
	chain, err := standard.New(standard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range cases {
		doc := newsfacts.NewDoc(newsfacts.Article{Title: tt.title, Text: tt.text, Date: newsfacts.Some(newsfacts.DayOf(2025, 2, 20))})
		for _, x := range chain.Extractors() {
			if err := extractors.RunOne(x, doc); err != nil {
				t.Fatal(err)
			}
		}
		found := false
		for _, m := range doc.Metrics {
			if doc.SpanText(m.Span) != tt.figure {
				continue
			}
			found = true
			if got := linked(doc, m); got != tt.want {
				t.Errorf("%s: %q %s %q (%s), want %q", tt.text, tt.figure, verb, got, m.LinkRule, tt.want)
			}
		}
		if !found {
			t.Errorf("%s: no figure %q", tt.text, tt.figure)
		}
	}
}

// TestLaterScope checks where a scope word after a figure sets its place
// (link.RulePlaceScopeAfter) and where it does not.
func TestLaterScope(t *testing.T) {
	checkLinked(t, "placed", placed, []linkCase{
		// a report that names its scope first after its opening figures
		{"全年国内生产总值增长5.2%，第一产业增加值增长4.1%。\n年末全国人口14亿人。", "增长4.1%", "全国", ""},
		{"一季度，社会消费品零售总额1.2万亿元。全国规模以上工业增加值增长6%。", "1.2万亿元", "全国", ""},
		// Negative: the scope word is compared with, not the figure's own.
		{"全年地区生产总值增长5.2%，增速高于全国0.5个百分点。", "增长5.2%", "", ""},
		// Negative: the figure's paragraph names a place before it.
		{"株洲市举办博览会。首日交易额6.8亿元。\n全国共有展会1000场。", "6.8亿元", "株洲市", ""},
		// Negative: a place comes first after the figure.
		{"首日交易额6.8亿元，浙江展会数量居全国前列。", "6.8亿元", "", ""},
		// Negative: two paragraphs away.
		{"首日交易额6.8亿元。\n展会闭幕。\n全国展会1000场。", "6.8亿元", "", ""},
		// Negative: no statistic, a duration.
		{"在轨驻留6个月。\n全国人民关注。", "6个月", "", ""},
		// Further on when the title names the place.
		{"全年地区生产总值增长4.7%。\n全年粮食产量增长1.2%。\n年末全省常住人口6562万人。", "增长4.7%", "全省", "湖南省2023年国民经济和社会发展统计公报"},
		{"全年国内生产总值增长5.2%。\n全年粮食产量增长1.2%。\n年末全国人口14亿人。", "增长5.2%", "全国", "中华人民共和国2023年国民经济和社会发展统计公报"},
		// Negative: a title that names no place, or another place.
		{"全年国内生产总值增长5.2%。\n全年粮食产量增长1.2%。\n年末全国人口14亿人。", "增长5.2%", "", "统计公报摘要"},
		{"全年地区生产总值增长4.7%。\n全年粮食产量增长1.2%。\n全国粮食产量增长1.3%。", "增长4.7%", "", "株洲市2023年国民经济和社会发展统计公报"},
	})
}

// TestParagraphPlace checks that a place opening an earlier sentence of the
// paragraph is the place of its statistics (link.RulePlaceParagraph), and
// where it is not.
func TestParagraphPlace(t *testing.T) {
	checkLinked(t, "placed", placed, []linkCase{
		{"前三季度，滨海新区地区生产总值增长4.9%。规模以上工业增加值增长5.7%。", "增长5.7%", "滨海新区", ""},
		{"3月份，银川市居民消费价格同比上涨0.4%。一季度，居民消费价格上涨0.3%。", "上涨0.3%", "银川市", ""},
		{"株洲市地区生产总值增长6%。规模以上工业增加值增长7%。", "增长7%", "株洲市", ""},
		// Negative: the place does not open its sentence.
		{"记者来到株洲市，走访企业。规模以上工业增加值增长7%。", "增长7%", "", ""},
		// Negative: a place that opens a sentence in another paragraph.
		{"株洲市地区生产总值增长6%。\n规模以上工业增加值增长7%。", "增长7%", "", ""},
		// Negative: no statistic, a duration.
		{"株洲市举办博览会。展会为期3天。", "3天", "", ""},
	})
}

// TestPreviousParagraphPastBaseline checks that a paragraph whose only date
// is a baseline (增幅比上年全年提高) continues the period of the paragraph
// before it (link.RuleDatePreviousParagraph).
func TestPreviousParagraphPastBaseline(t *testing.T) {
	checkLinked(t, "dated", dated, []linkCase{
		{"一季度，全市地区生产总值增长6.3%。\n规模以上工业增加值增长8.9%，增幅比上年全年提高0.6个百分点。汽车制造业增长10.3%。", "增长10.3%", "一季度", ""},
		// Negative: a date of the paragraph's own governs.
		{"一季度，全市地区生产总值增长6.3%。\n3月份，规模以上工业增加值增长8.9%。汽车制造业增长10.3%。", "增长10.3%", "3月份", ""},
	})
}

// placed and dated return the text of the place and the date a metric
// links, or "".
func placed(doc *newsfacts.Doc, m newsfacts.Metric) string {
	if !m.PlaceID.OK {
		return ""
	}
	return doc.SpanText(doc.Entities[m.PlaceID.V].Span)
}

func dated(doc *newsfacts.Doc, m newsfacts.Metric) string {
	if !m.DateID.OK {
		return ""
	}
	return doc.SpanText(doc.Dates[m.DateID.V].Span)
}
