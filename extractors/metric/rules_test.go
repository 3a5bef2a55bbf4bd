package metric_test

import (
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/metric"
)

// example is a sentence in which a rule finds the figure text, resolved to
// value and unit.
type example struct {
	sentence, text string
	value          float64
	unit           string
}

// ruleExamples holds, for every rule, sentences where it fires (pos), a bare
// example that the rule must match over its whole extent (bare), and
// sentences that look alike but where it must not fire (neg).
var ruleExamples = map[string]struct {
	pos  []example
	bare string
	neg  []string
}{
	"transition: 由A…为B": {
		pos: []example{
			{"市直机构由42个精简为18个。", "由42个精简为18个", 18, "个"},
			{"审批时限从20个工作日缩短至7个工作日。", "从20个工作日缩短至7个工作日", 7, "工作日"},
			{"服务企业从1000家增加到2000家。", "从1000家增加到2000家", 2000, "家"},
			{"覆盖率由85%提高到93.5%。", "由85%提高到93.5%", 93.5, "%"},
			{"鲜菜价格环比由持平转为下降0.4%。", "由持平转为下降0.4%", -0.4, "%"},
		},
		bare: "由42个精简为18个",
		neg: []string{
			"从3个方面推进改革，完成5个项目。",
			"由省财政安排资金2000万元。",
			"由于需求回升，价格由降转升，上涨0.4%。",
			"价格总体保持持平，转而上涨0.2%。",
		},
	},
	"target: 压缩至B": {
		pos: []example{
			{"审批时间压缩至3个工作日以内。", "压缩至3个工作日以内", 3, "工作日"},
			{"空气优良天数比例提高到87.5%。", "提高到87.5%", 87.5, "%"},
			{"贫困人口减少到1660万人。", "减少到1660万人", 16600000, "人"},
			{"审批时间压减至最长不超过45个工作日。", "压减至最长不超过45个工作日", 45, "工作日"},
		},
		bare: "压缩至3个工作日以内",
		neg: []string{
			"全省生产总值增速为6.5%。",
			"总量达到3000亿元。",
		},
	},
	"range: A至B": {
		pos: []example{
			{"建设周期为3至5年。", "3", 3, "年"},
			{"每亩补贴200-300元。", "300元", 300, "元"},
			{"单个项目投资1至2亿元。", "1", 100000000, "元"},
		},
		bare: "3至5年",
		neg: []string{
			"1至11月，全市完成投资。",
			"2021至2022年，项目陆续开工。",
		},
	},
	"coordination: 分别A和B": {
		pos: []example{
			{"进出口额分别增长32%和28.5%。", "28.5%", 28.5, "%"},
			{"两项指标同比分别下降3.1个百分点、2.4个百分点。", "2.4个百分点", 2.4, "百分点"},
		},
		bare: "增长32%和28.5%",
		neg: []string{
			"销售额增长5%，利润总额达100亿元。",
		},
	},
	"change: 增长N": {
		pos: []example{
			{"全市地区生产总值同比增长6.5%。", "同比增长6.5%", 6.5, "%"},
			{"居民收入增长近两成。", "增长近两成", 20, "%"},
			{"城镇化率提高1.5个百分点。", "提高1.5个百分点", 1.5, "百分点"},
			{"粮食产量增长两倍。", "增长两倍", 200, "%"},
			{"能耗下降3.2%。", "下降3.2%", 3.2, "%"},
		},
		bare: "同比增长6.5%",
		neg: []string{
			"全年新增市场主体1.2万户。",
			"工业增加值达到5000亿元。",
		},
	},
	"rank: 全市第N": {
		pos: []example{
			{"该区营商环境考核取得全市第一。", "全市第一", 1, ""},
			{"综合实力排名第3。", "排名第3", 3, ""},
			{"粮食产量位居全国第二。", "全国第二", 2, ""},
			{"全县经济总量居全国第40位，中部地区第6位。", "中部地区第6位", 6, ""},
		},
		bare: "全省第一",
		neg: []string{
			"列入第3批试点名单。",
			"建成全国第一大港。",
			"第一时间赶到现场。",
		},
	},
	"rank: 前N": {
		pos: []example{
			{"多项指标排名全省前三。", "全省前三", 3, ""},
			{"出口额跻身全国前10。", "全国前10", 10, ""},
		},
		bare: "排名前三",
		neg: []string{
			"前三季度，全市经济稳中向好。",
		},
	},
	"doubling: 翻N番": {
		pos: []example{
			{"农民收入翻一番。", "翻一番", 100, "%"},
			{"经济总量翻了两番。", "翻了两番", 300, "%"},
			{"到2035年实现翻番。", "翻番", 100, "%"},
		},
		bare: "翻一番",
		neg: []string{
			"翻开新的一页。",
			"大家翻阅了3本档案。",
		},
	},
	"multiple: N倍": {
		pos: []example{
			{"产值是十年前的3倍。", "3倍", 300, "%"},
			{"产量相当于过去的一倍半以上。", "一倍半以上", 150, "%"},
		},
		bare: "3倍",
		neg: []string{
			"加倍努力，倍加珍惜。",
		},
	},
	"points: N个百分点": {
		pos: []example{
			{"两者相差3个百分点。", "3个百分点", 3, "百分点"},
			{"比重为0.5个百分点。", "0.5个百分点", 0.5, "百分点"},
		},
		bare: "3个百分点",
		neg: []string{
			"占比达到3%。",
		},
	},
	"percent: N%": {
		pos: []example{
			{"群众满意度达98.7%。", "98.7%", 98.7, "%"},
			{"森林覆盖率达到４５．２％。", "４５．２％", 45.2, "%"},
		},
		bare: "98.7%",
		neg: []string{
			"贫困发生率为百分之三。",
		},
	},
	"permille: N‰": {
		pos: []example{
			{"人口自然增长率为3‰。", "3‰", 0.3, "%"},
			{"不良率控制在万分之三。", "万分之三", 0.03, "%"},
			{"误差不超过千分之五。", "不超过千分之五", 0.5, "%"},
		},
		bare: "3‰",
		neg: []string{
			"出生率为3%。",
		},
	},
	"rate: 百分之N": {
		pos: []example{
			{"贫困发生率为百分之十一点三。", "百分之十一点三", 11.3, "%"},
			{"做到百分之百全覆盖。", "百分之百", 100, "%"},
		},
		bare: "百分之十一点三",
		neg: []string{
			"按百分比计算。",
		},
	},
	"tenths: N成": {
		pos: []example{
			{"八成企业已复工。", "八成", 80, "%"},
			{"其中超过7成来自外地。", "超过7成", 70, "%"},
			{"返乡人员三成半从事种植业。", "三成半", 35, "%"},
		},
		bare: "八成",
		neg: []string{
			"这项制度一成不变。",
			"新公司三成立以来发展迅速。",
		},
	},
	"discount: N折": {
		pos: []example{
			{"景区门票打八折。", "八折", 80, "%"},
			{"部分商品75折销售。", "75折", 75, "%"},
		},
		bare: "八折",
		neg: []string{
			"折合人民币5万元。",
			"十折九扣不成立。",
		},
	},
	"half: 一半": {
		pos: []example{
			{"一半以上的村达到标准。", "一半以上", 50, "%"},
		},
		bare: "一半",
		neg: []string{
			"上半年经济运行平稳。",
			"二分之一的企业参与。",
		},
	},
	"fraction: N分之M": {
		pos: []example{
			{"其中三分之一来自民营企业。", "三分之一", 1.0 / 3, ""},
			{"约五分之一的耕地实现轮作。", "约五分之一", 0.2, ""},
		},
		bare: "三分之一",
		neg: []string{
			"百分之五的企业。",
		},
	},
	"money: ¥N": {
		pos: []example{
			{"每张票价$20。", "$20", 20, "$"},
			{"售价￥300。", "￥300", 300, "￥"},
		},
		bare: "$20",
		neg: []string{
			"人民币对美元汇率保持稳定。",
		},
	},
	"money: N元": {
		pos: []example{
			{"企业营业收入56.3亿元。", "56.3亿元", 5630000000, "元"},
			{"实际使用外资8.9亿美元。", "8.9亿美元", 890000000, "美元"},
			{"每公斤售价12元5角。", "12元5角", 12.5, "元"},
			{"均价每平方米8000元/平方米。", "8000元/平方米", 8000, "元/平方米"},
		},
		bare: "56.3亿元",
		neg: []string{
			"打破城乡二元结构。",
		},
	},
	"duration: N天": {
		pos: []example{
			{"平均用时7.2天。", "7.2天", 7.2, "天"},
			{"办结时限26个工作日。", "26个工作日", 26, "工作日"},
			{"项目建设周期18个月。", "18个月", 18, "月"},
			{"他已经在岗位上坚守17年。", "17年", 17, "年"},
		},
		bare: "26个工作日",
		neg: []string{
			"2022年全区经济平稳运行。",
			"商业广场计划5月1日开业。",
			"一季度全市实现开门红。",
			"连续3年保持增长。",
		},
	},
	"measure: N吨": {
		pos: []example{
			{"新建保障性住房150万平方米。", "150万平方米", 1500000, "平方米"},
			{"粮食总产量达到1.2万吨。", "1.2万吨", 12000, "吨"},
			{"震源深度10千米。", "10千米", 10, "千米"},
			{"如今身高168cm。", "168cm", 168, "cm"},
			{"在全省评价中，本县综合得分86.7分。", "86.7分", 86.7, "分"},
		},
		bare: "150万平方米",
		neg: []string{
			"全市新建5G基站。",
			"打造珠三角城市群。",
			"比赛用时5分30秒。",
		},
	},
	"count: N个": {
		pos: []example{
			{"该区已组建企业微信群111个。", "111个", 111, "个"},
			{"全年新增市场主体1.2万户。", "1.2万户", 12000, "户"},
			{"接待游客超过3000人次。", "超过3000人次", 3000, "人次"},
			{"建成两座大桥。", "两座", 2, "座"},
		},
		bare: "111个",
		neg: []string{
			"搭建一个平台。",
			"拨打12345热线。",
			"一是加强领导。",
		},
	},
	"number: N": {
		pos: []example{
			{"快递发展指数为407。", "407", 407, ""},
			{"常住人口达1400万。", "1400万", 14000000, ""},
		},
		bare: "407",
		neg: []string{
			"歼20战机亮相。",
			"2022北京冬奥会。",
		},
	},
}

// TestRulesHaveExamples is the meta-test: every rule has positive and
// negative examples and a bare one, and every example names a real rule.
func TestRulesHaveExamples(t *testing.T) {
	names := map[string]bool{}
	for _, r := range metric.Rules() {
		names[r.Name] = true
		ex, ok := ruleExamples[r.Name]
		switch {
		case !ok:
			t.Errorf("rule %q has no examples", r.Name)
		case len(ex.pos) == 0:
			t.Errorf("rule %q has no positive example", r.Name)
		case len(ex.neg) == 0:
			t.Errorf("rule %q has no negative example", r.Name)
		case ex.bare == "":
			t.Errorf("rule %q has no bare example", r.Name)
		}
		if r.Pattern == "" {
			t.Errorf("rule %q has no pattern description", r.Name)
		}
	}
	for name := range ruleExamples {
		if !names[name] {
			t.Errorf("examples for %q, which is no rule", name)
		}
	}
}

// TestRulePositive runs the positive examples: the rule finds the figure
// with its value and unit.
func TestRulePositive(t *testing.T) {
	x := newExtractor(t)
	for name, ex := range ruleExamples {
		for _, e := range ex.pos {
			doc := extract(t, x, e.sentence)
			if e.text == "" {
				// The rule must fire somewhere in the sentence.
				if !hasRule(doc, name) {
					t.Errorf("%s: %s: rule did not fire; got %q", name, e.sentence, metricTexts(doc))
				}
				continue
			}
			m, ok := findMetric(doc, e.text)
			if !ok {
				t.Errorf("%s: %s: no metric %q; got %q", name, e.sentence, e.text, metricTexts(doc))
				continue
			}
			if m.Rule != name {
				t.Errorf("%s: %s: %q got rule %q, want %q", name, e.sentence, e.text, m.Rule, name)
			}
			if !approxEqual(m.Value, e.value) || m.Unit != e.unit {
				t.Errorf("%s: %s: %q got %v %q, want %v %q", name, e.sentence, e.text, m.Value, m.Unit, e.value, e.unit)
			}
		}
	}
}

// TestRuleNegative runs the negative examples: the rule does not fire.
func TestRuleNegative(t *testing.T) {
	x := newExtractor(t)
	for name, ex := range ruleExamples {
		for _, s := range ex.neg {
			doc := extract(t, x, s)
			for _, m := range doc.Metrics {
				if m.Rule == name {
					t.Errorf("%s: %s: got metric %q, want none by this rule", name, s, doc.SpanText(m.Span))
				}
			}
		}
	}
}

// TestRuleFullSpan checks that each rule matches its bare example over the
// whole extent, as Duckling's corpus tests do: one figure from the first
// byte to the last (a range and a coordination give two figures, which
// together span the example).
func TestRuleFullSpan(t *testing.T) {
	x := newExtractor(t)
	for name, ex := range ruleExamples {
		doc := extract(t, x, ex.bare)
		ms := doc.Metrics
		if len(ms) == 0 {
			t.Errorf("%s: bare %q: no metric", name, ex.bare)
			continue
		}
		if n := len(ms); n > 1 && name != "range: A至B" && name != "coordination: 分别A和B" {
			t.Errorf("%s: bare %q: got %d metrics %q, want 1", name, ex.bare, n, metricTexts(doc))
		}
		if got, want := ms[0].Start, 0; got != want {
			t.Errorf("%s: bare %q: first metric starts at %d, want %d", name, ex.bare, got, want)
		}
		if got, want := ms[len(ms)-1].End, len(ex.bare); got != want {
			t.Errorf("%s: bare %q: last metric ends at %d, want %d", name, ex.bare, got, want)
		}
		if !hasRule(doc, name) {
			t.Errorf("%s: bare %q: got rules %q, want this rule", name, ex.bare, rulesOf(doc))
		}
	}
}

func hasRule(doc *newsfacts.Doc, name string) bool {
	for _, m := range doc.Metrics {
		if m.Rule == name {
			return true
		}
	}
	return false
}

func rulesOf(doc *newsfacts.Doc) []string {
	var s []string
	for _, m := range doc.Metrics {
		s = append(s, m.Rule)
	}
	return s
}

func approxEqual(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	return d <= 1e-9*max(abs(a), abs(b)) || d < 1e-12
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
