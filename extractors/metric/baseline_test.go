package metric_test

import (
	"strconv"
	"sync"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/standard"
)

// TestDatedBaseline checks the baselines that need the dates of the text: a
// comparison with a named year is a comparison with the previous year only
// when the figure is about the year after it, and a transition from a
// period before (由上年的) takes that period as its baseline.
func TestDatedBaseline(t *testing.T) {
	checkChain(t, "baseline", func(m newsfacts.Metric) string { return m.Baseline }, []chainCase{
		{0, "2025年全市蔬菜产量98万吨，比2024年增加3万吨。", "增加3万吨", "prev_year"},
		{0, "2024年末全县户籍人口61万人，比2023年末减少0.4万人。", "减少0.4万人", "prev_year_end"},
		{0, "2024年一季度全省旅游收入同比增长9%，比2023年同期增加40亿元。", "同期增加40亿元", "yoy"},
		// Negative: a year further back is no standard baseline.
		{0, "今年国庆假期全市接待游客80万人次，较2019年同期增长21%。", "同期增长21%", ""},
		// Negative: no year to compare with in the paragraph.
		{0, "全市蔬菜产量98万吨，比2024年增加3万吨。", "增加3万吨", ""},
		{0, "城乡居民收入比由上年的2.31缩小为2.27。", "2.31缩小为2.27", "prev_year"},
		{0, "网办率由上年末的81%提高到88%。", "81%提高到88%", "prev_year_end"},
		{0, "2024年三季度，全省地区生产总值环比增长1.2%。", "环比增长1.2%", "qoq"},
		// Negative: 环比 of a month, or with a month after the quarter.
		{0, "2024年9月份，全省规模以上工业增加值环比增长0.6%。", "环比增长0.6%", "mom"},
		{0, "2024年一季度全省工业稳中有升，3月份环比增长0.4%。", "环比增长0.4%", "mom"},
		// Negative: a transition from a named start is no baseline.
		{0, "即办件占比由2023年初的31%提高至46%。", "31%提高至46%", ""},
	})
}

// TestSharedBaseline checks the baseline that a change with none of its own
// takes from the text before it: the change before it in its sentence, in
// the sentence before when its own opens with 其中 or with the part of a
// whole (食品中，), or a baseline word that stands alone before it.
func TestSharedBaseline(t *testing.T) {
	checkChain(t, "baseline", func(m newsfacts.Metric) string { return m.Baseline }, []chainCase{
		{0, "全县粮食产量21万吨，比上年增长3.1%，油料产量2万吨，增长1.2%。", "增长1.2%", "prev_year"},
		{0, "全市进出口总值880亿元，同比增长6.5%。其中，出口520亿元，增长9.1%。", "增长9.1%", "yoy"},
		{0, "5月份全市居民消费价格同比上涨0.6%。食品中，猪肉价格上涨4.2%，蔬菜价格下降3.5%。", "下降3.5%", "yoy"},
		{0, "3月份，全省八大类价格同比“五涨三降”：衣着、居住类价格分别上涨1.1%、0.4%。", "0.4%", "yoy"},
		{0, "上月全市新房价格环比继续上涨，其中滨江片区上涨0.8%。", "上涨0.8%", "mom"},
		// A breakdown (分产业看) compares as its headline does.
		{0, "全年地区生产总值比上年增长5.6%。分产业看，第一产业增加值增长3.0%。", "增长3.0%", "prev_year"},
		{0, "全年地区生产总值比上年增长5.6%。全市人均生产总值9.8万元。\n分区域看，甲区、乙区地区生产总值分别增长6.3%、6.1%。", "6.1%", "prev_year"},
		{0, "全年规模以上工业增加值比上年增长4.7%。在规模以上工业中，装备制造业增加值增长9.8%。", "增长9.8%", "prev_year"},
		{0, "全年社会消费品零售总额比上年增长6.4%。按经营地统计，城镇消费品零售额增长6.2%。", "增长6.2%", "prev_year"},
		{0, "前三季度，全市外贸进出口总值比去年同期增长5.4%。\n从贸易方式看，一般贸易进出口8127.4亿元，增长6.3%。", "增长6.3%", "yoy"},
		// Negative: a new sentence that opens no breakdown.
		{0, "全年地区生产总值比上年增长5.6%。第一产业增加值增长3.0%。", "增长3.0%", ""},
		{0, "全年旅客吞吐量同比增长12%。在这场持续了三个多月的攻坚战中，境外航线增至85条。", "增至85条", ""},
		// Negative: the baseline word is another figure's.
		{0, "全市社会消费品零售总额同比增长4.8%，网上零售额增长12.0%。", "增长12.0%", "yoy"},
		{0, "全县工业用电量同比增长4.1%；居民用电量增长2.2%。", "增长2.2%", "yoy"},
		{0, "全市工业生产者出厂价格指数同比为98.7，用电量增长2.2%。", "增长2.2%", ""},
		// Negative: points that change a year-on-year rate compare with
		// another period.
		{0, "二季度各片区同比增长率全面回落，分别下降0.9、0.6个百分点。", "0.6个百分点", ""},
		// A rate that turned takes the sentence's baseline, else the period
		// it turned from.
		{0, "1—3月，全市投资同比增长4.1%，其中民间投资由上年全年的下降0.5%转为增长0.9%。", "由上年全年的下降0.5%转为增长0.9%", "yoy"},
		{0, "全县固定资产投资由上年下降6.1%转为增长2.4%。", "由上年下降6.1%转为增长2.4%", "prev_year"},
		{0, "上半年，全县建筑业增加值由一季度下降2.2%转为增长1.5%。", "由一季度下降2.2%转为增长1.5%", "yoy"},
		{0, "3月份，全国居民消费价格由上月下降0.2%转为上涨0.4%。", "由上月下降0.2%转为上涨0.4%", "yoy"},
		{0, "从环比看，全国居民消费价格由上月上涨0.4%转为下降0.2%。", "由上月上涨0.4%转为下降0.2%", "mom"},
		// Negative: a baseline implied by the period turned from is not
		// shared.
		{0, "全县投资由上年下降6.1%转为增长2.4%，接待游客320万人次、增长12.3%。", "增长12.3%", ""},
		// Negative: two levels compare with no period.
		{0, "全县粮食产量比上年增长2%，乡镇由12个合并为9个。", "由12个合并为9个", ""},
		// Negative: the sentence before is no whole when its own opens
		// otherwise.
		{0, "1月份全市居民消费价格同比上涨0.3%。全市蔬菜价格上涨2.5%。", "上涨2.5%", ""},
	})
}

// TestEstimateOfPastPeriod checks that 预计 makes a target of a period to
// come only: the estimate of a year already over is a result.
func TestEstimateOfPastPeriod(t *testing.T) {
	checkChain(t, "target", func(m newsfacts.Metric) string { return strconv.FormatBool(m.Target) }, []chainCase{
		{newsfacts.DayOf(2025, 1, 20), "2024年，全市地区生产总值预计增长5.1%左右。", "增长5.1%左右", "false"},
		{newsfacts.DayOf(2025, 1, 20), "去年全市能耗下降4.1%，预计今年将继续下降3.9%左右。", "下降3.9%左右", "true"},
		{newsfacts.DayOf(2025, 11, 20), "今年以来全市经济稳中向好，预计全年地区生产总值增长5%左右。", "增长5%左右", "true"},
		{newsfacts.DayOf(2025, 1, 20), "预计明年粮食产量稳定在60万吨以上。", "60万吨以上", "true"},
	})
}

// TestExpectedAsTarget checks that 预期 makes a target only when a verb of
// what is expected follows it, not in a name (人均预期寿命) or a noun
// (稳定市场预期).
func TestExpectedAsTarget(t *testing.T) {
	checkChain(t, "target", func(m newsfacts.Metric) string { return strconv.FormatBool(m.Target) }, []chainCase{
		{newsfacts.DayOf(2025, 1, 20), "2025年全市一般公共预算收入预期增长3%左右，一般公共预算支出安排905亿元。", "增长3%左右", "true"},
		{newsfacts.DayOf(2025, 1, 20), "2025年全市一般公共预算收入预期增长3%左右，一般公共预算支出安排905亿元。", "905亿元", "true"},
		{newsfacts.DayOf(2025, 1, 20), "全年居民消费价格涨幅预期为2%左右。", "2%左右", "true"},
		{newsfacts.DayOf(2025, 1, 20), "全市人均预期寿命达到79.2岁。", "79.2岁", "false"},
		{newsfacts.DayOf(2025, 1, 20), "稳定市场预期，全年地区生产总值增长5.2%。", "增长5.2%", "false"},
		{newsfacts.DayOf(2025, 1, 20), "一季度经济增长好于预期，达到5.3%。", "5.3%", "false"},
		{newsfacts.DayOf(2024, 1, 20), "省级一般公共预算支出安排1873.6亿元，比上年预算执行数增加41.2亿元。", "1873.6亿元", "true"},
		{newsfacts.DayOf(2024, 1, 20), "全年一般公共预算支出892.6亿元，增长6.8%。", "892.6亿元", "false"},
	})
	checkChain(t, "subject", func(m newsfacts.Metric) string { return m.Subject }, []chainCase{
		{newsfacts.DayOf(2025, 1, 20), "2025年全市一般公共预算收入预期增长3%左右。", "增长3%左右", "一般公共预算收入"},
		{newsfacts.DayOf(2025, 1, 20), "全市地区生产总值预计增长5.5%。", "增长5.5%", "地区生产总值"},
	})
}

// TestSeriesFromContext checks the indicators that a figure's context names
// when its subject alone does not.
func TestSeriesFromContext(t *testing.T) {
	checkChain(t, "indicator", func(m newsfacts.Metric) string { return m.Indicator }, []chainCase{
		{0, "全省实有经营主体1884.6万户，其中企业812.3万户。", "812.3万户", "实有企业"},
		{0, "全市政务服务“好差评”系统共收到评价2416万条，好评率为99.93%。", "99.93%", "好差评满意率"},
		{0, "10月份，人民币贷款增加856亿元，同比多增123亿元。", "同比多增123亿元", "新增人民币贷款"},
		{0, "10月份，人民币贷款增加856亿元，同比多增123亿元。", "增加856亿元", "新增人民币贷款"},
		{0, "年末全国人口140798万人，比上年末减少138万人。", "140798万人", "常住人口"},
		{0, "途经10个区县，覆盖人口近38万人。", "近38万人", ""},
		{0, "1—8月，市政务服务中心受理办件28万件，按时办结率100%，群众满意率99.9%。", "99.9%", "好差评满意率"},
		{0, "今年以来，全县推进“高效办成一件事”，首批12个重点事项全部落地。", "12个", "高效办成一件事"},
		{0, "今年计划实施市级重点项目360个，完成投资1200亿元以上。", "1200亿元以上", "重点项目完成投资"},
		{0, "全年规上工业产值增长12.4%。", "增长12.4%", "规模以上工业总产值"},
		{0, "不动产登记最快1小时办结。", "1小时", "不动产登记时间"},
		// Negative: a count of a service is no time of it.
		{0, "全年办理不动产登记12万件。", "12万件", ""},
		// Negative: the planned total of the projects is no investment made.
		{0, "全市20个重点项目集中开工，总投资567亿元。", "567亿元", ""},
		// Negative: additions are no stock, and 满意率 elsewhere is no 好差评.
		{0, "国庆期间全市接待游客80万人次，游客满意率98%。", "98%", ""},
		{0, "全县梳理12个重点事项，逐项推进。", "12个", ""},
		{0, "全省新增经营主体120万户，其中企业40万户。", "40万户", ""},
		{0, "景区游客满意率达到98.5%。", "98.5%", ""},
	})
}

// TestSubjectsWithNames checks the subject rules that need the names the
// entity stage finds.
func TestSubjectsWithNames(t *testing.T) {
	checkChain(t, "subject", func(m newsfacts.Metric) string { return m.Subject }, []chainCase{
		{0, "分区域看，越城区、柯桥区地区生产总值分别增长6.3%、6.1%，诸暨市增长6.6%。", "6.1%", "地区生产总值"},
		{0, "分区域看，越城区、柯桥区地区生产总值分别增长6.3%、6.1%，诸暨市增长6.6%。", "增长6.6%", "地区生产总值"},
		{0, "全市地区生产总值增长6%，嵊州市、新昌县分别增长5.2%和7.0%。", "7.0%", "地区生产总值"},
		// Negative: a place with a measure of its own keeps it.
		{0, "越城区地区生产总值增长6.3%，诸暨市工业投资增长9.1%。", "增长9.1%", "工业投资"},
	})
}

// chainCase is a figure of text (dated date, or 2025-03-01 when zero) and
// the value one of its columns must have on the whole chain.
type chainCase struct {
	date                newsfacts.Day
	text, figure, value string
}

// checkChain runs the cases and compares the column that col reads.
func checkChain(t *testing.T, name string, col func(newsfacts.Metric) string, cases []chainCase) {
	t.Helper()
	for _, tt := range cases {
		date := tt.date
		if date == 0 {
			date = newsfacts.DayOf(2025, 3, 1)
		}
		_, m, ok := chainDoc(t, tt.text, tt.figure, date)
		if ok && col(m) != tt.value {
			t.Errorf("%s: %s %s %q (subject rule %q), want %q", tt.text, tt.figure, name, col(m), m.SubjectRule, tt.value)
		}
	}
}

// chainDoc runs the standard chain on text dated date, and returns the
// document and the metric whose text is figure; it fails the test when
// there is none.
func chainDoc(t *testing.T, text, figure string, date newsfacts.Day) (*newsfacts.Doc, newsfacts.Metric, bool) {
	t.Helper()
	chainOnce.Do(func() { stdChain, stdChainErr = standard.New(standard.Options{}) })
	if stdChainErr != nil {
		t.Fatal(stdChainErr)
	}
	doc := newsfacts.NewDoc(newsfacts.Article{Text: text, Date: newsfacts.Some(date)})
	for _, x := range stdChain.Extractors() {
		if err := extractors.RunOne(x, doc); err != nil {
			t.Fatal(err)
		}
	}
	m, ok := findMetric(doc, figure)
	if !ok {
		t.Errorf("%s: no figure %q in %q", text, figure, metricTexts(doc))
	}
	return doc, m, ok
}

var (
	chainOnce   sync.Once
	stdChain    *extractors.Chain
	stdChainErr error
)
