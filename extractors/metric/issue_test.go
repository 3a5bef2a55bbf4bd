package metric_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/metric"
)

// want is the expected resolution of one figure; from and to are nil when
// unset.
type want struct {
	text      string // the figure's text, as the metric's span covers it
	value     float64
	unit      string
	qualifier newsfacts.Qualifier
	direction newsfacts.Direction
	from, to  *float64
	baseline  string
	subject   string
	kind      newsfacts.MetricKind
}

func f(v float64) *float64 { return &v }

func newExtractor(t testing.TB) *metric.Extractor {
	t.Helper()
	x, err := metric.New()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// extract runs the extractor alone on text.
func extract(t testing.TB, x *metric.Extractor, text string) *newsfacts.Doc {
	t.Helper()
	doc := newsfacts.NewDoc(newsfacts.Article{Text: text})
	if err := x.Extract(doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// findMetric returns the metric whose text is text.
func findMetric(doc *newsfacts.Doc, text string) (newsfacts.Metric, bool) {
	for _, m := range doc.Metrics {
		if doc.SpanText(m.Span) == text {
			return m, true
		}
	}
	return newsfacts.Metric{}, false
}

func metricTexts(doc *newsfacts.Doc) []string {
	var s []string
	for _, m := range doc.Metrics {
		s = append(s, doc.SpanText(m.Span))
	}
	return s
}

// check compares a metric with its expectation field by field.
func check(t *testing.T, ctx string, m newsfacts.Metric, w want) {
	t.Helper()
	if m.Value != w.value {
		t.Errorf("%s: %s: got value %v, want %v", ctx, w.text, m.Value, w.value)
	}
	if m.Unit != w.unit {
		t.Errorf("%s: %s: got unit %q, want %q", ctx, w.text, m.Unit, w.unit)
	}
	if m.Qualifier != w.qualifier {
		t.Errorf("%s: %s: got qualifier %q, want %q", ctx, w.text, m.Qualifier, w.qualifier)
	}
	if m.Direction != w.direction {
		t.Errorf("%s: %s: got direction %q, want %q", ctx, w.text, m.Direction, w.direction)
	}
	if got, want := optString(m.From), ptrString(w.from); got != want {
		t.Errorf("%s: %s: got from %s, want %s", ctx, w.text, got, want)
	}
	if got, want := optString(m.To), ptrString(w.to); got != want {
		t.Errorf("%s: %s: got to %s, want %s", ctx, w.text, got, want)
	}
	if m.Baseline != w.baseline {
		t.Errorf("%s: %s: got baseline %q, want %q", ctx, w.text, m.Baseline, w.baseline)
	}
	if m.Subject != w.subject {
		t.Errorf("%s: %s: got subject %q, want %q", ctx, w.text, m.Subject, w.subject)
	}
	if m.Kind != w.kind {
		t.Errorf("%s: %s: got kind %q, want %q", ctx, w.text, m.Kind, w.kind)
	}
	if !ruleNames[m.Rule] {
		t.Errorf("%s: %s: got rule %q, which is not one of metric.Rules()", ctx, w.text, m.Rule)
	}
}

// ruleNames holds the names of metric.Rules().
var ruleNames = func() map[string]bool {
	out := map[string]bool{}
	for _, r := range metric.Rules() {
		out[r.Name] = true
	}
	return out
}()

func optString(o newsfacts.Opt[float64]) string {
	if !o.OK {
		return "null"
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimRight(formatFloat(o.V), "0"), "."))
}

func ptrString(p *float64) string {
	if p == nil {
		return "null"
	}
	return optString(newsfacts.Some(*p))
}

// TestIssueExamples checks every example of the issue "Numbers and metrics"
// with its exact resolution.
func TestIssueExamples(t *testing.T) {
	tests := []struct {
		sentence string
		want     []want
	}{
		{"将原本验收阶段所需的26个工作日缩减至5个工作日以内。", []want{
			{text: "26个工作日缩减至5个工作日以内", value: 5, unit: "工作日", qualifier: "under", direction: "down", from: f(26), to: f(5), subject: "验收阶段", kind: "change"}}},
		{"审批提速80%以上。", []want{
			{text: "提速80%以上", value: 80, unit: "%", qualifier: "over", direction: "up", subject: "审批", kind: "change"}}},
		{"该区已组建企业微信群111个。", []want{
			{text: "111个", value: 111, unit: "个", subject: "企业微信群", kind: "quantity"}}},
		{"问题受理91个，已办结82个。", []want{
			{text: "91个", value: 91, unit: "个", subject: "问题", kind: "quantity"},
			{text: "82个", value: 82, unit: "个", subject: "问题", kind: "quantity"}}},
		{"累计解决群众反映的问题50余个。", []want{
			{text: "50余个", value: 50, unit: "个", qualifier: "over", subject: "问题", kind: "quantity"}}},
		{"全市地区生产总值同比增长15.6%。", []want{
			{text: "同比增长15.6%", value: 15.6, unit: "%", direction: "up", baseline: "yoy", subject: "地区生产总值", kind: "change"}}},
		{"企业营业收入56.3亿元。", []want{
			{text: "56.3亿元", value: 5630000000, unit: "元", subject: "企业营业收入", kind: "money"}}},
		{"群众满意度达98.7%。", []want{
			{text: "98.7%", value: 98.7, unit: "%", subject: "群众满意度", kind: "percent"}}},
		{"全县现有不可移动文物三千二百余处。", []want{
			{text: "三千二百余处", value: 3200, unit: "处", qualifier: "over", subject: "不可移动文物", kind: "quantity"}}},
		{"农村居民收入增长近两成。", []want{
			{text: "增长近两成", value: 20, unit: "%", qualifier: "under", direction: "up", subject: "农村居民收入", kind: "change"}}},
		{"城镇化率提高1.5个百分点。", []want{
			{text: "提高1.5个百分点", value: 1.5, unit: "百分点", direction: "up", subject: "城镇化率", kind: "change"}}},
		{"全年新增市场主体1.2万户。", []want{
			{text: "1.2万户", value: 12000, unit: "户", subject: "新增市场主体", kind: "quantity"}}},
		{"实际使用外资8.9亿美元。", []want{
			{text: "8.9亿美元", value: 890000000, unit: "美元", subject: "实际使用外资", kind: "money"}}},
		{"新建保障性住房150万平方米。", []want{
			{text: "150万平方米", value: 1500000, unit: "平方米", subject: "新建保障性住房", kind: "quantity"}}},
		{"活动期间接待游客超过10万人。", []want{
			{text: "超过10万人", value: 100000, unit: "人", qualifier: "over", subject: "接待游客", kind: "quantity"}}},
		{"市直机构由42个精简为18个。", []want{
			{text: "由42个精简为18个", value: 18, unit: "个", direction: "down", from: f(42), to: f(18), subject: "市直机构", kind: "change"}}},
		{"办理时限从26个工作日缩减至5个工作日以内。", []want{
			{text: "从26个工作日缩减至5个工作日以内", value: 5, unit: "工作日", qualifier: "under", direction: "down", from: f(26), to: f(5), subject: "办理时限", kind: "change"}}},
		{"种植面积由2015年的3万亩扩大到8.6万亩。", []want{
			{text: "3万亩扩大到8.6万亩", value: 86000, unit: "亩", direction: "up", from: f(30000), to: f(86000), subject: "种植面积", kind: "change"}}},
		{"审批时间压缩至3个工作日以内。", []want{
			{text: "压缩至3个工作日以内", value: 3, unit: "工作日", qualifier: "under", direction: "down", to: f(3), subject: "审批时间", kind: "change"}}},
		{"进出口额分别增长32%和28.5%。", []want{
			{text: "增长32%", value: 32, unit: "%", direction: "up", subject: "进出口额", kind: "change"},
			{text: "28.5%", value: 28.5, unit: "%", direction: "up", subject: "进出口额", kind: "change"}}},
		{"该区营商环境考核取得全市第一。", []want{
			{text: "全市第一", value: 1, subject: "营商环境考核", kind: "rank"}}},
		{"综合实力排名第3。", []want{
			{text: "排名第3", value: 3, subject: "综合实力", kind: "rank"}}},
		{"粮食产量增长两倍。", []want{
			{text: "增长两倍", value: 200, unit: "%", direction: "up", subject: "粮食产量", kind: "change"}}},
		{"农民收入翻一番。", []want{
			{text: "翻一番", value: 100, unit: "%", direction: "up", subject: "农民收入", kind: "change"}}},
		{"平均用时7.2天。", []want{
			{text: "7.2天", value: 7.2, unit: "天", subject: "平均用时", kind: "quantity"}}},
		{"贫困发生率为百分之十一点三。", []want{
			{text: "百分之十一点三", value: 11.3, unit: "%", subject: "贫困发生率", kind: "percent"}}},
		{"不良率控制在万分之三。", []want{
			{text: "万分之三", value: 0.03, unit: "%", subject: "不良率", kind: "percent"}}},
		{"人口自然增长率为3‰。", []want{
			{text: "3‰", value: 0.3, unit: "%", subject: "人口自然增长率", kind: "percent"}}},
		{"八成企业已复工。", []want{
			{text: "八成", value: 80, unit: "%", kind: "percent"}}},
		{"一半以上的村集体经济收入超过10万元。", []want{
			{text: "一半以上", value: 50, unit: "%", qualifier: "over", kind: "percent"},
			{text: "超过10万元", value: 100000, unit: "元", qualifier: "over", subject: "村集体经济收入", kind: "money"}}},
		{"全省财政总收入4.18万亿元。", []want{
			{text: "4.18万亿元", value: 4180000000000, unit: "元", subject: "财政总收入", kind: "money"}}},
		{"吸纳就业3万余人。", []want{
			{text: "3万余人", value: 30000, unit: "人", qualifier: "over", subject: "就业", kind: "quantity"}}},
		{"发放补贴2300余万元。", []want{
			{text: "2300余万元", value: 23000000, unit: "元", qualifier: "over", subject: "补贴", kind: "money"}}},
		{"其中三分之一来自民营企业。", []want{
			{text: "三分之一", value: 1.0 / 3, kind: "number"}}},
	}
	x := newExtractor(t)
	for _, tt := range tests {
		doc := extract(t, x, tt.sentence)
		if got, want := len(doc.Metrics), len(tt.want); got != want {
			t.Errorf("%s: got %d metrics %q, want %d", tt.sentence, got, metricTexts(doc), want)
		}
		for _, w := range tt.want {
			m, ok := findMetric(doc, w.text)
			if !ok {
				t.Errorf("%s: no metric %q; got %q", tt.sentence, w.text, metricTexts(doc))
				continue
			}
			check(t, tt.sentence, m, w)
		}
	}
}

// TestIssueExclusions checks that what belongs elsewhere or is a name gives
// no metric: dates and times, identifiers, ordinals, list markers and the
// numeral characters of ordinary words.
func TestIssueExclusions(t *testing.T) {
	x := newExtractor(t)
	for _, s := range []string{
		"2022年，全区经济平稳运行。",
		"商业广场计划5月1日开业。",
		"二〇二二年三月二十九日",
		"市民可拨打12345热线反映问题。",
		"全市新建5G基站。",
		"景区获评国家5A级旅游景区。",
		"CR450动车组完成试验。",
		"咨询电话：0731-28888888。",
		"联系电话13812345678。",
		"列入第3批试点名单。",
		"一是加强组织领导。",
		"（一）总体要求",
		"1.基本原则",
		"一些企业、统一部署、进一步加强、唯一的办法、十分重要、万一发生",
		"推进一带一路建设，编制十四五规划，做好三农工作，全国两会召开。",
		"14时30分，会议开始。",
		"2021年12月31日24时",
	} {
		if doc := extract(t, x, s); len(doc.Metrics) > 0 {
			t.Errorf("%s: got metrics %q, want none", s, metricTexts(doc))
		}
	}
}

var (
	frontMatter = regexp.MustCompile(`(?s)\A---\n.*?\n---\n`)
	htmlTag     = regexp.MustCompile(`<[^>]*>`)
)

// articleText reads the body of a Jekyll article as plain text: front
// matter and markup dropped, one paragraph a line. The input stage does this
// for real; the test needs only the text.
func articleText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := frontMatter.ReplaceAllString(string(b), "")
	s = strings.ReplaceAll(s, "</p>", "\n")
	s = htmlTag.ReplaceAllString(s, "")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "[") && !strings.HasPrefix(l, "<http") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// TestReferenceArticle checks the figures of the reference article.
func TestReferenceArticle(t *testing.T) {
	text := articleText(t, "../../testdata/articles/2022-03-29-shifeng-enterprise-service.md")
	x := newExtractor(t)
	doc := extract(t, x, text)
	wants := []want{
		{text: "26个工作日缩减至5个工作日以内", value: 5, unit: "工作日", qualifier: "under", direction: "down", from: f(26), to: f(5), subject: "房屋不动产首次登记", kind: "change"},
		{text: "提速80%以上", value: 80, unit: "%", qualifier: "over", direction: "up", subject: "审批", kind: "change"},
		{text: "111个", value: 111, unit: "个", subject: "企业微信群", kind: "quantity"},
		{text: "91个", value: 91, unit: "个", subject: "中小企业公共服务平台问题", kind: "quantity"},
		{text: "82个", value: 82, unit: "个", subject: "中小企业公共服务平台问题", kind: "quantity"},
		{text: "50余个", value: 50, unit: "个", qualifier: "over", subject: "智融公司停车难问题", kind: "quantity"},
		{text: "17个", value: 17, unit: "个", subject: "重点新建项目", kind: "quantity"},
		{text: "5个", value: 5, unit: "个", subject: "竣工验收项目", kind: "quantity"},
		{text: "提速50%以上", value: 50, unit: "%", qualifier: "over", direction: "up", subject: "石峰区工程项目审批手续", kind: "change"},
		{text: "全市第一", value: 1, kind: "rank"},
	}
	for _, w := range wants {
		m, ok := findMetric(doc, w.text)
		if !ok {
			t.Errorf("no metric %q; got %q", w.text, metricTexts(doc))
			continue
		}
		check(t, "reference article", m, w)
	}
	// Dates and names of the article give no metric.
	for _, m := range doc.Metrics {
		switch s := doc.SpanText(m.Span); {
		case strings.Contains(s, "2021"), strings.Contains(s, "2022"), strings.Contains(s, "5月1日"), strings.Contains(s, "三个高地"), strings.Contains(s, "多规合一"):
			t.Errorf("got metric %q from a date or a name", s)
		}
	}
}

// TestSubjectCarriesOver checks that a change right after a figure, with
// only a comparison between them, measures the same thing; and that nouns
// which begin with a boundary character (从业, 在建) stay whole.
func TestSubjectCarriesOver(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text, figure, subject string
	}{
		{"新增市场主体1.2万户，同比增长15.6%。", "同比增长15.6%", "新增市场主体"},
		{"吸引780余家机构参展，比上届增加120家。", "增加120家", "机构参展"},
		{"外贸进出口总值142.3亿元，较去年同期增长9.8%。", "较去年同期增长9.8%", "外贸进出口总值"},
		{"全市现有从业人员超过20万人。", "超过20万人", "从业人员"},
		{"在建项目126个。", "126个", "在建项目"},
		// Negative: another clause with a subject of its own keeps it.
		{"新增市场主体1.2万户，企业注销数量下降8%。", "下降8%", "企业注销数量"},
		// Negative: across a sentence end nothing carries over.
		{"新增市场主体1.2万户。同比增长15.6%。", "同比增长15.6%", ""},
	}
	for _, tt := range tests {
		doc := extract(t, x, tt.text)
		m, ok := findMetric(doc, tt.figure)
		if !ok {
			t.Errorf("%s: no metric %q; got %v", tt.text, tt.figure, metricTexts(doc))
			continue
		}
		if m.Subject != tt.subject {
			t.Errorf("%s: %s subject: got %q, want %q", tt.text, tt.figure, m.Subject, tt.subject)
		}
	}
}
