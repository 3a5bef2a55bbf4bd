package metric_test

import (
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
)

// TestSubjects checks the subject rules with hand-written sentences: each
// fix has positive cases (the subject it now finds) and negative ones (what
// it must leave alone).
func TestSubjects(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		name                  string
		text, figure, subject string
	}{
		// A comparison ends the subject; one that opens it hands on the
		// subject of the figure before.
		{"comparison", "项目实际支出却比计划高出三成。", "高出三成", "项目实际支出"},
		{"comparison", "全市工业利润增长12.5%，较上月加快0.4个百分点。", "较上月加快0.4个百分点", "工业利润增速"},
		{"comparison negative: 比重 compares nothing", "税收收入占一般公共预算收入的比重为18.5%。", "18.5%", "税收收入占一般公共预算收入比重"},
		// A noun that holds a change verb is read whole.
		{"noun 增长面", "40个行业大类中有29个行业实现增长，增长面为72.5%。", "72.5%", "增长面"},
		{"noun negative: the verb before a noun", "全市工业企业利润增长面积扩大。全市工业利润增长12.5%。", "增长12.5%", "工业利润"},
		// Per-unit words are read whole; alone they qualify the subject
		// before.
		// 年均 before a change is the change's: 财政收入 grew on average.
		{"per-unit before a change", "全县财政收入年均增长约8.2%。", "增长约8.2%", "财政收入"},
		{"per-unit", "居民医保财政补助提高40元，达到人均640元。", "640元", "居民医保财政补助人均"},
		{"per-unit negative: part of a noun", "全县年均气温12.5摄氏度。", "12.5摄氏度", "年均气温"},
		// Weak words and verbs alone: the noun after the figure.
		{"verb only", "这项政策实施后，可惠及32万退休职工。", "32万", "退休职工"},
		{"weak 新增", "全市计划新增8万千瓦风电装机。", "8万千瓦", "风电装机"},
		{"weak 用", "该县计划用两个月建成示范园。", "两个月", ""},
		{"weak 为期", "为期四天的农博会昨天闭幕。", "四天", ""},
		{"weak negative: 新增 in a noun", "全区新增市场主体1.2万户。", "1.2万户", "新增市场主体"},
		{"weak negative: 为期 after a noun", "本届比赛为期三天。", "三天", "本届比赛"},
		{"verb only negative: fractions take no noun after", "其中三分之一来自民营企业。", "三分之一", ""},
		// The noun after a measure word.
		{"forward quoted", "市场监管局发布了12条“禁令”。", "12条", "禁令"},
		{"forward noun with a stop character", "1.5万名困难对象全部纳入救助。", "1.5万名", "困难对象"},
		{"forward clean run whole", "全省将建成60个紧密型县域医联体。", "60个", "紧密型县域医联体"},
		{"forward no cut inside a word", "街上有两家主营金银首饰的店铺。", "两家", "主营金银首饰"},
		{"forward cut before 都", "这三项措施都降低了企业成本。", "三项", "措施"},
		{"forward cut before a predicate", "五国海关携手简化通关手续。", "五国", "海关"},
		{"forward locative", "在40个重点城市中排名靠前。", "40个", "重点城市"},
		{"forward locative", "120个行政村中有95个通了公交。", "120个", "行政村"},
		{"forward negative: 救援队员 cut before 全部", "8名救援队员全部经受住考验。", "8名", "救援队员"},
		// 等 before a count: examples, not the thing counted.
		{"等", "财政部等六部门联合发文。", "六部门", ""},
		{"等 negative: generic measure word", "解决停车难问题等50余个。", "50余个", "停车难问题"},
		// Words split by glue or a unit.
		{"已经", "截至目前已经救出6人。", "6人", "救出"},
		{"unit tail", "全村存栏300多头牛减少到120头。", "减少到120头", "牛"},
		{"verb noun", "全县共设置临时安置点36个。", "36个", "临时安置点"},
		{"unit 家次", "累计检查商户2.3万家次。", "2.3万家次", "检查商户"},
		// A rank takes the subject of the figure before it.
		{"rank", "该市跨境电商交易额突破300亿元，位列全省第一。", "全省第一", "跨境电商交易额"},
		{"rank negative: across a sentence", "交易额突破300亿元。位列全省第一。", "全省第一", ""},
		// A count and the noun of people after a modifier and 的.
		{"的 after a count", "街道为200多位独自居住的老人提供上门服务。", "200多位", "老人"},
		{"的 after a count", "今年共有3000多名来自各地的志愿者参与。", "3000多名", "志愿者"},
		{"的 negative: the noun before 的 ends a noun", "5个乡镇的农民参加了培训。", "5个", "乡镇"},
		{"的 negative: no noun of people after 的", "这座城市拥有三条跑道的机场。", "三条", "跑道"},
		// A share of the noun after 的.
		{"share 的", "高速公路将覆盖90%以上的县城。", "90%以上", "县城"},
		{"share 的", "园区聚集了60%的省级研发中心。", "60%", "省级研发中心"},
		{"share 的 negative: 以", "消费支出正以8%左右的速度增长。", "8%左右", ""},
		{"share 的 negative: a subject before", "全省森林覆盖率达到65%的水平。", "65%", "森林覆盖率"},
		// Money after a verb alone: the noun of money after it; a figure
		// after 其中 takes that noun, not the verb.
		{"money object", "今年将安排2.4亿元帮扶资金用于慰问，其中9600万元用于节日慰问。", "2.4亿元", "帮扶资金"},
		{"money object", "今年将安排2.4亿元帮扶资金用于慰问，其中9600万元用于节日慰问。", "9600万元", "帮扶资金"},
		{"money object negative: no noun of money", "全县投入8亿元实施农田改造。", "8亿元", "投入"},
		{"money object negative: 其中 after a verb", "今年将安排2.4亿元，其中9600万元用于节日慰问。", "9600万元", ""},
		// A verb between a noun and a measure: the noun after the measure.
		{"measure object", "今年这个村种上了1200亩经济林。", "1200亩", "经济林"},
		{"measure object negative: modifier before 的", "工厂节约了90吨宝贵的稀土资源。", "90吨", "工厂"},
		{"measure object negative: a class", "完成了我国4500米级海试。", "4500米", ""},
		// Verbs and nouns of the word lists.
		{"verb 拥有", "该国以拥有180台超级计算机位居首位。", "180台", "超级计算机"},
		{"noun 发展中国家", "我国已与40个发展中国家签署协议。", "40个", "发展中国家"},
		{"noun 规模以上", "全市共有规模以上工业企业920家。", "920家", "规模以上工业企业"},
		{"verb 奋战", "抢修队员连续奋战30个小时。", "30个小时", "抢修队员"},
	}
	for _, tt := range tests {
		doc := extract(t, x, tt.text)
		m, ok := findMetric(doc, tt.figure)
		if !ok {
			t.Errorf("%s: %s: no metric %q; got %q", tt.name, tt.text, tt.figure, metricTexts(doc))
			continue
		}
		if got, want := m.Subject, tt.subject; got != want {
			t.Errorf("%s: %s: %s subject: got %q, want %q", tt.name, tt.text, tt.figure, got, want)
		}
	}
}

// TestIdiomsNoFigure checks that set phrases with numerals give no row, and
// that the real counts next to them still do.
func TestIdiomsNoFigure(t *testing.T) {
	x := newExtractor(t)
	for _, s := range []string{
		"这座桥一头连着老街，一头连着新区。",
		"一款款文创产品摆满货架，一张张笑脸洋溢幸福。",
		"实施国企改革三年行动。",
		"沪苏浙皖三省一市共同推进，江浙沪两省一市携手。",
		"坚持和平共处五项原则。",
		"灾情发生后，八方支援纷纷到来。",
		"实施两部制电价政策。",
		"这两天，各地气温回升。",
		"编制第十四个五年规划。",
		"长江十年禁渔取得成效。",
	} {
		if doc := extract(t, x, s); len(doc.Metrics) > 0 {
			t.Errorf("%s: got metrics %q, want none", s, metricTexts(doc))
		}
	}
	for _, tt := range []struct{ text, figure string }{
		{"养殖户新买了一头牛。", "一头"},
		{"项目建设周期为三年。", "三年"},
		{"全省共有三个地市参与试点。", "三个"},
		{"行动持续两天。", "两天"},
	} {
		doc := extract(t, x, tt.text)
		if _, ok := findMetric(doc, tt.figure); !ok {
			t.Errorf("%s: no metric %q; got %q", tt.text, tt.figure, metricTexts(doc))
		}
	}
}

// TestSubjectsAfterNames checks that a place or an actor right before a
// figure gives way to the noun after it when an earlier stage marked the
// name, and that the extractor alone keeps today's subject.
func TestSubjectsAfterNames(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		name                  string
		text                  string
		names                 []string // marked as PLACE, first occurrence each
		figure                string
		subject, aloneSubject string
	}{
		{"place", "江西超2800万亩晚稻进入收获期。", []string{"江西"}, "超2800万亩", "晚稻", "江西"},
		{"two places", "保定阜平县4200亩苹果进入采摘季。", []string{"保定", "阜平县"}, "4200亩", "苹果", "保定阜平县"},
		{"bare number", "贵州180多万群众告别贫困。", []string{"贵州"}, "180多万", "群众", "贵州"},
		{"glue between", "宁夏的60万贫困群众全部摆脱贫困。", []string{"宁夏"}, "60万", "贫困群众", "宁夏"},
		{"negative: nothing after", "其中云南6个。", []string{"云南"}, "6个", "云南", "云南"},
		{"negative: a clause break after", "广西1100万亩，比上年略增。", []string{"广西"}, "1100万亩", "广西", "广西"},
		{"negative: more than a name", "湖南省耕地面积5600万亩。", []string{"湖南省"}, "5600万亩", "耕地面积", "湖南省耕地面积"},
		{"negative: a class after", "完成了中国6000米级海试。", []string{"中国"}, "6000米", "中国", "中国"},
	}
	for _, tt := range tests {
		doc := newsfacts.NewDoc(newsfacts.Article{Text: tt.text})
		for _, n := range tt.names {
			i := strings.Index(tt.text, n)
			if i < 0 {
				t.Fatalf("%s: no %q in %s", tt.name, n, tt.text)
			}
			// A coded place, as the gazetteer gives one.
			doc.Entities = append(doc.Entities, newsfacts.Entity{Span: newsfacts.Span{Start: i, End: i + len(n)}, Type: newsfacts.PLACE, Code: "000000"})
		}
		if err := x.Extract(doc); err != nil {
			t.Fatal(err)
		}
		alone := extract(t, x, tt.text)
		for _, c := range []struct {
			doc  *newsfacts.Doc
			want string
			how  string
		}{{doc, tt.subject, "with names"}, {alone, tt.aloneSubject, "alone"}} {
			m, ok := findMetric(c.doc, tt.figure)
			if !ok {
				t.Errorf("%s: %s: %s: no metric %q; got %q", tt.name, tt.text, c.how, tt.figure, metricTexts(c.doc))
				continue
			}
			if got := m.Subject; got != c.want {
				t.Errorf("%s: %s: %s: %s subject: got %q, want %q", tt.name, tt.text, c.how, tt.figure, got, c.want)
			}
		}
	}
}

// TestSubjectCapInsideName checks that a subject the length cap cuts inside
// a name begins after the name.
func TestSubjectCapInsideName(t *testing.T) {
	x := newExtractor(t)
	text := "国家开发银行新增乡村振兴专项贷款额度800亿元。"
	doc := newsfacts.NewDoc(newsfacts.Article{Text: text})
	doc.Entities = []newsfacts.Entity{{Span: newsfacts.Span{Start: 0, End: len("国家开发银行")}, Type: newsfacts.ORG}}
	if err := x.Extract(doc); err != nil {
		t.Fatal(err)
	}
	m, ok := findMetric(doc, "800亿元")
	if !ok {
		t.Fatalf("no metric 800亿元; got %q", metricTexts(doc))
	}
	if got, want := m.Subject, "新增乡村振兴专项贷款额度"; got != want {
		t.Errorf("subject: got %q, want %q", got, want)
	}
	// Negative: a name that does not reach into a subject under the cap
	// leaves it whole.
	doc = newsfacts.NewDoc(newsfacts.Article{Text: "这里海拔3200米。"})
	doc.Entities = []newsfacts.Entity{{Span: newsfacts.Span{Start: len("这"), End: len("这里海")}, Type: newsfacts.PLACE}}
	if err := x.Extract(doc); err != nil {
		t.Fatal(err)
	}
	if m, ok := findMetric(doc, "3200米"); !ok || m.Subject != "海拔" {
		t.Errorf("这里海拔3200米: got %q (found %v), want 海拔", m.Subject, ok)
	}
}
