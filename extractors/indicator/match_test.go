package indicator_test

import (
	"testing"

	"github.com/newsfacts/newsfacts/extractors/indicator"
)

func defaultCatalogue(t testing.TB) *indicator.Catalogue {
	t.Helper()
	c, err := indicator.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMatch lists subjects that name an indicator, with the rule that
// matches them.
func TestMatch(t *testing.T) {
	c := defaultCatalogue(t)
	tests := []struct{ subject, want string }{
		// exact name or alias
		{"国内生产总值", "国内生产总值"},
		// Shares written out.
		{"第一产业增加值占全省生产总值的比重", "第一产业增加值比重"},
		{"税收收入占一般公共预算收入的比重", "税收占比"},
		{"地区生产总值", "地区生产总值"},
		{"GDP", "地区生产总值"},
		{"经济总量", "地区生产总值"},
		{"全国GDP", "国内生产总值"},
		{"中国人均GDP", "人均国内生产总值"},
		{"人均GDP", "人均地区生产总值"},
		{"社零", "社会消费品零售总额"},
		{"社会消费品零售额", "社会消费品零售总额"},
		{"固投", "固定资产投资"},
		{"外贸进出口", "货物进出口总额"},
		{"出口", "出口总额"},
		{"用电量", "全社会用电量"},
		{"城镇居民人均可支配收入", "城镇居民人均可支配收入"},
		{"居民人均可支配收入", "全体居民人均可支配收入"},
		{"城镇常住人口", "城镇人口"},
		{"居民消费价格总水平", "居民消费价格"},
		{"PPI", "工业生产者出厂价格"},
		{"核心CPI", "核心CPI"},
		{"核心居民消费价格指数", "核心CPI"},
		{"人口自然增长率", "自然增长率"},
		{"城镇化率", "常住人口城镇化率"},
		{"粮食总产量", "粮食产量"},
		{"M2", "广义货币"},
		{"单位GDP能耗", "单位地区生产总值能耗"},
		{"全程网办率", "网办率"},
		{"审批时间", "审批时限"},
		{"政务服务平台累计办件量", "办件量"},
		{"地区生产总值年均", "地区生产总值"},
		{"实有经营主体", "市场主体"},
		{"接待国内外游客", "接待游客"},
		{"高速公路通车里程", "高速公路里程"},
		{"普通高等学校毕业生", "普通高校毕业生"},
		{"新开通5G基站", "新建5G基站"},
		{"全社会用电量", "全社会用电量"},
		{"全社会固定资产投资", "固定资产投资"},
		// normalisation: case, full width, spaces, quotation marks
		{"gdp", "地区生产总值"},
		{"ＧＤＰ", "地区生产总值"},
		{"５Ｇ基站", "5G基站"},
		{"Ｍ２余额", "广义货币"},
		{"r&d经费投入强度", "研发经费投入强度"},
		{"地区 生产总值", "地区生产总值"},
		{"地区\u3000生产总值", "地区生产总值"},
		{"“最多跑一次”事项", "最多跑一次"},
		{"“一网通办”", "一网通办"},
		{"细颗粒物（PM2.5）平均浓度", "PM2.5平均浓度"},
		// a trailing note
		{"地区生产总值（GDP）", "地区生产总值"},
		{"出口总额(美元)", "出口总额"},
		// scope words
		{"全市地区生产总值", "地区生产总值"},
		{"全年新增市场主体", "新增市场主体"},
		{"年末常住人口", "常住人口"},
		{"全省全社会用电量", "全社会用电量"},
		{"全县人口自然增长率", "自然增长率"},
		{"我国国内生产总值", "国内生产总值"},
		{"其中规模以上工业增加值", "规模以上工业增加值"},
		{"全市全社会固定资产投资", "固定资产投资"},
		{"全年初中在校生", "初中在校生"},
		// a place or time before the name
		{"株洲市地区生产总值", "地区生产总值"},
		{"湖南省常住人口", "常住人口"},
		{"天元区规模以上工业增加值", "规模以上工业增加值"},
		{"攸县城镇居民人均可支配收入", "城镇居民人均可支配收入"},
		{"株洲市出口", "出口总额"},
		{"株洲市政务服务事项", "政务服务事项"},
		{"中国外贸进出口", "货物进出口总额"},
		{"美国CPI", "居民消费价格"},
		{"美国核心CPI", "核心CPI"},
		{"广州社会消费品零售总额", "社会消费品零售总额"},
		{"沛县粮食产量", "粮食产量"},
		{"锡林郭勒盟粮食产量", "粮食产量"},
		{"浦东新区地区生产总值", "地区生产总值"},
		{"长沙地区生产总值", "地区生产总值"},
		{"2023年GDP", "地区生产总值"},
		{"2023年货物进出口总额", "货物进出口总额"},
		{"二〇二三年常住人口", "常住人口"},
		{"前三季度GDP", "地区生产总值"},
		{"一季度城镇调查失业率", "城镇调查失业率"},
		{"1-5月进出口总额", "货物进出口总额"},
		{"前5个月实际使用外资", "实际使用外资"},
		{"上半年社会消费品零售总额", "社会消费品零售总额"},
		{"2023年末金融机构本外币存款余额", "金融机构本外币存款余额"},
		{"上年末常住人口", "常住人口"},
		{"株洲市2023年GDP", "地区生产总值"},
		// a change of the indicator
		{"GDP增速", "地区生产总值"},
		{"GDP同比增长", "地区生产总值"},
		{"农村居民人均可支配收入增幅", "农村居民人均可支配收入"},
		{"居民人均可支配收入增长", "全体居民人均可支配收入"},
		{"规上工业增加值增速", "规模以上工业增加值"},
		{"CPI涨幅", "居民消费价格"},
		{"居民消费价格上涨", "居民消费价格"},
		{"单位GDP能耗下降", "单位地区生产总值能耗"},
		{"单位国内生产总值能耗降低", "单位地区生产总值能耗"},
		{"全市GDP增速", "地区生产总值"},
		{"株洲市GDP实际增长", "地区生产总值"},
		{"固定资产投资年均增长", "固定资产投资"},
		{"地区生产总值（现价）增速", "地区生产总值"},
		// a rank of the indicator or of its growth
		{"地区生产总值位次", "地区生产总值"},
		{"GDP增速位次", "地区生产总值"},
		{"规上工业增加值增速排名", "规模以上工业增加值"},
	}
	for _, tt := range tests {
		got, ok := c.Match(tt.subject)
		if !ok || got != tt.want {
			t.Errorf("Match(%q) = %q, %v; want %q", tt.subject, got, ok, tt.want)
		}
	}
}

// TestMatchNone lists subjects that must name no indicator (or not the one
// they contain).
func TestMatchNone(t *testing.T) {
	c := defaultCatalogue(t)
	tests := []struct{ subject, why string }{
		{"", "empty"},
		{"全年", "a scope word alone"},
		{"增长", "a change word alone"},
		{"进出口银行", "a bank, not 进出口: the name must end the subject"},
		{"GDPR", "a law, not GDP"},
		{"出口总额占比", "a share of 出口总额, another series"},
		{"人均", "a word inside 人均GDP"},
		{"城镇化", "no figure of 城镇化率"},
		{"经济增长", "经济 is no indicator"},
		{"外资企业进出口总额", "a qualifier, not a place"},
		{"民营企业进出口", "a qualifier, not a place"},
		{"农产品出口", "a qualifier, not a place"},
		{"电子商务进出口", "a qualifier, not a place"},
		{"绿色GDP", "a different measure"},
		{"华为研发投入", "a company"},
		{"交通事故死亡率", "not the population death rate"},
		{"农业用电量", "a part of 用电量"},
		{"城区常住人口", "a kind of area, not a place"},
		{"景区接待游客", "a kind of area, not a place"},
		{"贫困地区农村居民人均可支配收入", "a kind of area, not a place"},
		{"山区农村居民人均可支配收入", "a kind of area, not a place"},
		{"各县地区生产总值", "a group of places"},
		{"全省各市州地区生产总值", "a group of places"},
		{"开发区GDP", "a zone without its name"},
		{"国家级高新区地区生产总值", "a group of zones"},
		{"超市营业额", "超 + 市 is no place"},
		{"上市公司市值", "no such indicator"},
		{"股市成交额", "股 + 市 is no place"},
		{"世界GDP", "world is no level word"},
		{"年GDP", "a year without its number"},
		{"2023GDP", "the year word is missing"},
		{"年均气温", "no such indicator"},
		{"在校生", "school-level figure, left out on purpose"},
		{"全市场融资规模", "全市场 is no 全市"},
		{"市级一般公共预算收入", "a city-level share"},
		{"株洲市级一般公共预算收入", "a city-level share"},
		{"去年同期GDP", "同期 is not a time before a name"},
		{"民营企业占企业总量比重", "a share of no catalogued indicator"},
		{"审批时限占法定时限比例", "a share, not the time limit"},
		{"人口", "the people a project covers are no 常住人口 (the metric extractor reads 年末全国人口 from its context)"},
		{"累计新增个体工商户", "a flow of a stock"},
		{"位次", "a rank word alone"},
		{"综合实力排名", "a rank of no catalogued indicator"},
	}
	for _, tt := range tests {
		if got, ok := c.Match(tt.subject); ok {
			t.Errorf("Match(%q) = %q; want no match (%s)", tt.subject, got, tt.why)
		}
	}
}

// TestMatchAfterPlace checks that every name and alias of the catalogue
// still matches after a place or a time, so that no join rule cuts a
// name off.
func TestMatchAfterPlace(t *testing.T) {
	c := defaultCatalogue(t)
	prefixes := []string{
		"株洲市", "湖南省", "攸县", "天元区", "广州", "锡林郭勒盟", "准格尔旗", "田心镇",
		"2023年", "1-5月", "前三季度", "上半年", "2023年末",
	}
	for _, ind := range c.All() {
		for _, k := range append([]string{ind.Name}, ind.Aliases...) {
			for _, p := range prefixes {
				if got, _ := c.Match(p + k); got != ind.Name {
					t.Errorf("Match(%q) = %q; want %q", p+k, got, ind.Name)
				}
			}
		}
	}
}

func TestMatchNil(t *testing.T) {
	var c *indicator.Catalogue
	if got, ok := c.Match("GDP"); ok {
		t.Errorf("nil catalogue matched %q", got)
	}
}

// TestFind checks that Find names the same indicator as Match, with its
// group, and nothing where Match finds nothing.
func TestFind(t *testing.T) {
	c := defaultCatalogue(t)
	for _, tc := range []struct{ subject, name, group string }{
		{"不动产登记时间", "不动产登记时间", "政务服务"},
		{"全省GDP", "地区生产总值", "综合"},
		{"游客满意率", "", ""},
	} {
		ind, ok := c.Find(tc.subject)
		if ok != (tc.name != "") || ind.Name != tc.name || ind.Group != tc.group {
			t.Errorf("Find(%q) = %q %q %v, want %q %q", tc.subject, ind.Name, ind.Group, ok, tc.name, tc.group)
		}
		if name, _ := c.Match(tc.subject); name != ind.Name {
			t.Errorf("Match(%q) = %q, Find %q", tc.subject, name, ind.Name)
		}
	}
	var none *indicator.Catalogue
	if _, ok := none.Find("GDP"); ok {
		t.Error("nil catalogue found GDP")
	}
}
