package metric_test

import (
	"testing"
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
		{"comparison", "全市工业利润增长12.5%，较上月加快0.4个百分点。", "0.4个百分点", "工业利润"},
		{"comparison negative: 比重 compares nothing", "税收收入占一般公共预算收入的比重为18.5%。", "18.5%", "比重"},
		// Per-unit words are read whole; alone they qualify the subject
		// before.
		{"per-unit", "全县财政收入年均增长约8.2%。", "增长约8.2%", "财政收入年均"},
		{"per-unit", "居民医保财政补助提高40元，达到人均640元。", "640元", "居民医保财政补助人均"},
		{"per-unit negative: part of a noun", "全县年均气温12.5摄氏度。", "12.5摄氏度", "年均气温"},
		// Weak words and verbs alone: the noun after the figure.
		{"verb only", "这项政策实施后，可惠及32万退休职工。", "32万", "退休职工"},
		{"weak 新增", "全市计划新增8万千瓦风电装机。", "8万千瓦", "风电装机"},
		{"weak 用", "该县计划用两年时间建成示范园。", "两年", ""},
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
