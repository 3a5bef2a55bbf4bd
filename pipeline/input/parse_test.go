package input_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/input"
)

// refDate is the --date of the tests.
var refDate = newsfacts.Some(newsfacts.DayOf(2023, 9, 1))

var parseOpts = input.ParseOptions{DefaultDate: refDate}

func day(s string) newsfacts.Opt[newsfacts.Day] {
	d, err := newsfacts.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return newsfacts.Some(d)
}

func instant(s string) newsfacts.Opt[time.Time] {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return newsfacts.Some(t.UTC())
}

// parseKind parses data as a record of the given kind named "dir/"+name.
func parseKind(kind input.Kind, name, data string) newsfacts.Article {
	rec := input.Record{Source: "dir/" + name, Kind: kind, Name: strings.TrimSuffix(name, filepath.Ext(name)), Data: []byte(data)}
	if kind == input.KindJSONL {
		rec.Line, rec.Index = 1, 1
	}
	return input.Parse(rec, parseOpts)
}

// markupLeft reports the first markup remnant in text, or "".
func markupLeft(text string) string {
	for _, bad := range []string{"](", "返回首页", "<p", "</", "<br", "<span", "<a ", "<img", "&nbsp;", "&amp;", "<!--", "**"} {
		if strings.Contains(text, bad) {
			return bad
		}
	}
	// A "<" followed by an ASCII letter is a tag; 精度<1% is text.
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '<' && (text[i+1] >= 'a' && text[i+1] <= 'z' || text[i+1] >= 'A' && text[i+1] <= 'Z') {
			return text[i:min(len(text), i+10)]
		}
	}
	return ""
}

func TestParseReferenceArticle(t *testing.T) {
	path := filepath.Join(articlesDir, "2022-03-29-shifeng-enterprise-service.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := input.Parse(input.Record{Source: path, Kind: input.KindMarkdown, Name: "2022-03-29-shifeng-enterprise-service", Data: data}, parseOpts)
	if a.Err != nil {
		t.Fatalf("Err = %v", a.Err)
	}
	checks := []struct {
		field     string
		got, want any
	}{
		{"DocID", a.DocID, "2022-03-29-shifeng-enterprise-service"},
		{"Source", a.Source, path},
		{"Title", a.Title, "石峰区打造企业服务新标杆"},
		{"Date", a.Date, day("2022-03-29")},
		{"PublishedAt", a.PublishedAt, instant("2022-03-29T00:27:42Z")},
		{"URL", a.URL, "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202203292325782232"},
		{"Publisher", a.Publisher, "株洲日报"},
		{"Categories", strings.Join(a.Categories, "|"), "zhuzhouribao"},
		{"Tags", strings.Join(a.Tags, "|"), "株洲日报新闻"},
		{"paragraphs", strings.Count(a.Text, "\n") + 1, 20},
		{"first paragraph", strings.Split(a.Text, "\n")[0], "株洲日报·掌上株洲记者/周蒿"},
		{"markup left", markupLeft(a.Text), ""},
		{"source note left", strings.Contains(a.Text, "文章来源"), false},
		{"URL left", strings.Contains(a.Text, "http"), false},
		{"footer left", strings.Contains(a.Text, "返回"), false},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.field, c.got, c.want)
		}
	}
	if !strings.HasSuffix(a.Text, "该区取得全市第一的佳绩。") {
		t.Errorf("text ends %q, want the last paragraph without the source note", a.Text[max(0, len(a.Text)-60):])
	}
	for i, p := range strings.Split(a.Text, "\n") {
		if p != strings.TrimSpace(p) || p == "" {
			t.Errorf("paragraph %d = %q, want trimmed and non-empty", i, p)
		}
	}
	if !strings.Contains(a.Text, "将原本竣工验收阶段到房屋不动产首次登记所需的26个工作日缩减至5个工作日以内") {
		t.Errorf("text lost the sentence with the figures")
	}
}

// post wraps a Markdown body in the reference article's front matter.
func post(body string) string {
	return "---\nlayout: post\ntitle: \"测试\"\ndate: 2023-03-15 10:00:00 +0800\ncategories: zhuzhouribao\ntags: 株洲日报新闻\n---\n" + body
}

func TestParseMarkdownBody(t *testing.T) {
	tests := []struct {
		name, body string
		wantText   string
		wantURL    string
	}{
		// Positive: Markdown syntax is reduced to its text.
		{"link keeps text", "据[株洲市统计局](http://tjj.example.cn/)发布，一季度增长5.1%。\n", "据株洲市统计局发布，一季度增长5.1%。", ""},
		{"image dropped", "![现场图片](/img/a.jpg)石峰区新增企业23家。\n", "石峰区新增企业23家。", ""},
		{"emphasis dropped", "全市**新增就业1.1万人**，*同比增长*8%，~~删除~~。\n", "全市新增就业1.1万人，同比增长8%，删除。", ""},
		{"underscore emphasis dropped", "__重点项目__38个。\n", "重点项目38个。", ""},
		{"headings are paragraphs", "# 一级标题\n正文一。\n## 二级标题 ##\n正文二。\n", "一级标题\n正文一。\n二级标题\n正文二。", ""},
		{"setext heading", "小标题\n======\n正文。\n", "小标题\n正文。", ""},
		{"list items are paragraphs", "- 新增企业23家；\n* 新增就业1.1万人；\n1. 完成投资45亿元。\n", "新增企业23家；\n新增就业1.1万人；\n完成投资45亿元。", ""},
		{"blockquote", "> 据霍尼韦尔消息，\n> 该项目已投产。\n", "据霍尼韦尔消息，该项目已投产。", ""},
		{"soft break between Chinese joins without space", "今年一季度，全区\n新增市场主体1.2万户。\n", "今年一季度，全区新增市场主体1.2万户。", ""},
		{"soft break between Latin words is a space", "Faraday Future\nannounced it.\n", "Faraday Future announced it.", ""},
		{"blank line separates paragraphs", "第一段。\n\n第二段。\n", "第一段。\n第二段。", ""},
		{"code ticks dropped", "代码`x`保留。\n", "代码x保留。", ""},
		{"escapes", "\\*不是强调\\*，\\<也不是标签\\>。\n", "*不是强调*，<也不是标签>。", ""},
		{"autolink in text keeps address", "详见<https://www.example.cn/a>。\n", "详见https://www.example.cn/a。", ""},
		{"html body", "<p>第一段。</p>\n <p>第二段&nbsp;内容&ldquo;引号&rdquo;。</p><p class=\"em_media\">（文章来源：株洲日报）</p>\n", "第一段。\n第二段 内容“引号”。", ""},
		{"html comment and spans", "<!-- EM_StockImg_Start --><p>国内首款<span id=\"bk_1\"><a href=\"http://q.example.cn/\" class=\"keytip\">新能源</a></span>汽车。<br /></p>\n", "国内首款新能源汽车。", ""},
		{"relative footer", "正文。\n\n<http://finews.example.cn/a.html>\n\n[返回东财滚动新闻](../emnews/)\n[返回首页](../)\n", "正文。", "http://finews.example.cn/a.html"},
		{"absolute footer", "正文。\n\n<http://finews.example.cn/b.html>\n\n[返回株洲日报新闻](//finews.example.com/category/zhuzhouribao.html)｜[返回首页](//finews.example.com/)", "正文。", "http://finews.example.cn/b.html"},
		{"empty source line", "正文。\n\n<>\n\n[返回首页](//finews.example.com/)\n", "正文。", ""},
		{"no footer", "正文。\n\n<https://finews.example.cn/c.html>\n", "正文。", "https://finews.example.cn/c.html"},
		{"CRLF line ends", "第一段，\r\n接着写。\r\n\r\n<http://finews.example.cn/d.html>\r\n\r\n[返回首页](../)\r\n", "第一段，接着写。", "http://finews.example.cn/d.html"},
		// Negative: text that only looks like Markdown stays as it is.
		{"hashtag is not a heading", "#株洲两会#代表委员热议发展。\n", "#株洲两会#代表委员热议发展。", ""},
		{"brackets without link", "[记者 张三]本报讯，全市新增就业1.1万人。\n", "[记者 张三]本报讯，全市新增就业1.1万人。", ""},
		{"decimal at line start is not a list", "1.2万户市场主体享受政策红利。\n", "1.2万户市场主体享受政策红利。", ""},
		{"less-than sign is text", "测距精度满足<1%，A<B。\n", "测距精度满足<1%，A<B。", ""},
		{"multiplication and snake_case stay", "面积3*4米，字段unit_name，3 * 4。\n", "面积3*4米，字段unit_name，3 * 4。", ""},
		{"single tilde stays", "气温15~22℃。\n", "气温15~22℃。", ""},
		{"entities decoded", "《&lt;蒙特利尔议定书&gt;基加利修正案》&amp;说明。\n", "《<蒙特利尔议定书>基加利修正案》&说明。", ""},
		{"link in the middle is not a footer", "[返回首页](../)\n\n正文在后。\n", "返回首页\n正文在后。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseKind(input.KindMarkdown, "p.md", post(tt.body))
			if a.Err != nil {
				t.Fatalf("Err = %v", a.Err)
			}
			if got, want := a.Text, tt.wantText; got != want {
				t.Errorf("Text:\n got %q\nwant %q", got, want)
			}
			if got, want := a.URL, tt.wantURL; got != want {
				t.Errorf("URL: got %q, want %q", got, want)
			}
		})
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name, src            string
		title                string
		date                 newsfacts.Opt[newsfacts.Day]
		at                   newsfacts.Opt[time.Time]
		categories, tags     []string
		publisher, wantError string
	}{
		{
			name:  "jekyll date with zone",
			src:   "---\ntitle: \"标题\"\ndate: 2022-03-29 08:27:42 +0800\ncategories: a b\ntags: 株洲日报新闻\n---\n正文。",
			title: "标题", date: day("2022-03-29"), at: instant("2022-03-29T00:27:42Z"),
			categories: []string{"a", "b"}, tags: []string{"株洲日报新闻"},
		},
		{
			name:  "zone shifts the day",
			src:   "---\ntitle: 深夜\ndate: 2022-03-29 23:30:00 -0500\n---\n正文。",
			title: "深夜", date: day("2022-03-29"), at: instant("2022-03-30T04:30:00Z"),
		},
		{
			name:  "date without zone gives the day only",
			src:   "---\ntitle: 无时区\ndate: 2021-12-08 10:46:18\n---\n正文。",
			title: "无时区", date: day("2021-12-08"),
		},
		{
			name:  "lists",
			src:   "---\ntitle: 列表\ncategories: [zhuzhouribao, caijing]\ntags:\n  - 株洲\n  - 经济\n---\n正文。",
			title: "列表", date: refDate, categories: []string{"zhuzhouribao", "caijing"}, tags: []string{"株洲", "经济"},
		},
		{
			name:       "empty title and date",
			src:        "---\nlayout: post\ntitle: \"\"\ndate:  +0800\ncategories: emnews\n---\n正文。",
			date:       refDate,
			categories: []string{"emnews"},
		},
		{
			name:  "blank line before front matter",
			src:   "\n---\ntitle: \"空行\"\ndate: 2021-12-08 10:18:31\n---\n\n正文。",
			title: "空行", date: day("2021-12-08"),
		},
		{
			name:  "unparsable date is not an error",
			src:   "---\ntitle: 日期错\ndate: 上周三\n---\n正文。",
			title: "日期错", date: refDate,
		},
		{
			name:  "publisher field",
			src:   "---\ntitle: 来源\npublisher: 株洲日报\n---\n正文。\n\n（文章来源：湖南日报）",
			title: "来源", date: refDate, publisher: "株洲日报",
		},
		{
			name: "no front matter",
			src:  "只有正文，没有前置元数据。",
			date: refDate,
		},
		{
			name: "malformed YAML", src: "---\ntitle: \"没有结束引号\ndate: 2023-03-15\n---\n正文。",
			date: refDate, wantError: "could not find end character of double-quoted text",
		},
		{
			name: "YAML list instead of mapping", src: "---\n- a\n- b\n---\n正文。",
			date: refDate, wantError: "front matter",
		},
		{
			name: "unclosed front matter", src: "---\ntitle: 未闭合\n\n正文。",
			date: refDate, wantError: "no closing",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseKind(input.KindMarkdown, "p.md", tt.src)
			if tt.wantError != "" {
				if !errors.Is(a.Err, newsfacts.ErrSyntax) || !strings.Contains(a.Err.Error(), tt.wantError) {
					t.Fatalf("Err = %v, want ErrSyntax with %q", a.Err, tt.wantError)
				}
				if a.DocID != "p" || a.Source != "dir/p.md" {
					t.Errorf("DocID, Source = %q, %q; want them filled on error", a.DocID, a.Source)
				}
				return
			}
			if a.Err != nil {
				t.Fatalf("Err = %v", a.Err)
			}
			if got, want := a.Title, tt.title; got != want {
				t.Errorf("Title: got %q, want %q", got, want)
			}
			if got, want := a.Date, tt.date; got != want {
				t.Errorf("Date: got %v, want %v", got, want)
			}
			if got, want := a.PublishedAt, tt.at; got != want {
				t.Errorf("PublishedAt: got %v, want %v", got, want)
			}
			if got, want := a.Categories, tt.categories; !slices.Equal(got, want) {
				t.Errorf("Categories: got %q, want %q", got, want)
			}
			if got, want := a.Tags, tt.tags; !slices.Equal(got, want) {
				t.Errorf("Tags: got %q, want %q", got, want)
			}
			if got, want := a.Publisher, tt.publisher; got != want {
				t.Errorf("Publisher: got %q, want %q", got, want)
			}
			if strings.Contains(a.Text, "文章来源") {
				t.Errorf("Text %q still holds the source note", a.Text)
			}
		})
	}
}

func TestParseHTML(t *testing.T) {
	tests := []struct {
		name, src                   string
		title, text, url, publisher string
		date                        newsfacts.Opt[newsfacts.Day]
		at                          newsfacts.Opt[time.Time]
	}{
		{
			name: "page",
			src: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>天元区新增市场主体1.2万户</title>
<meta name="pubdate" content="2023-05-09 08:00">
<meta property="og:url" content="https://www.example.cn/a.html">
<script>document.write("<p>脚本</p>")</script><style>p { color: red }</style></head>
<body><nav><a href="/">首页</a></nav>
<h1>天元区新增市场主体1.2万户</h1>
<div class="content"><p>今年1至4月，全区新增市场主体1.2万户，<br>同比增长15.6%。</p>
<p>&nbsp;</p>
<table><tr><td>企业</td><td>3860户</td></tr></table>
<noscript>请启用脚本</noscript>
<p>（文章来源：株洲日报）</p></div></body></html>`,
			title: "天元区新增市场主体1.2万户", text: "今年1至4月，全区新增市场主体1.2万户，\n同比增长15.6%。\n企业 3860户",
			url: "https://www.example.cn/a.html", publisher: "株洲日报", date: day("2023-05-09"),
		},
		{
			name: "article element and RFC 3339 meta",
			src: `<html><head><title>醴陵陶瓷 - 株洲新闻网</title>
<meta property="article:published_time" content="2023-06-28T20:10:00+08:00">
<meta name="ContentSource" content="醴陵市融媒体中心">
<link rel="canonical" href="https://www.example.cn/b.html"></head>
<body><div class="top">网站导航 登录</div><h1>醴陵陶瓷产值增长</h1>
<article><p>醴陵市陶瓷产业集群产值816亿元。</p></article>
<div class="related">相关新闻</div></body></html>`,
			title: "醴陵陶瓷 - 株洲新闻网", text: "醴陵市陶瓷产业集群产值816亿元。", url: "https://www.example.cn/b.html",
			publisher: "醴陵市融媒体中心", date: day("2023-06-28"), at: instant("2023-06-28T12:10:00Z"),
		},
		{
			name:  "title from first h1 when there is no <title>",
			src:   `<body><h1>攸县工业增加值增长7.9%</h1><p>攸县一季度规模工业增加值同比增长7.9%。</p><h1>第二个标题</h1></body>`,
			title: "攸县工业增加值增长7.9%", text: "攸县一季度规模工业增加值同比增长7.9%。\n第二个标题", date: refDate,
		},
		{
			name: "fragment without head",
			src:  "<p>茶陵县新建高标准农田3.5万亩。</p>\n<p>炎陵县黄桃种植面积8.2万亩。</p>",
			text: "茶陵县新建高标准农田3.5万亩。\n炎陵县黄桃种植面积8.2万亩。", date: refDate,
		},
		{
			name: "meta that is not a date",
			src:  `<head><meta name="keywords" content="株洲,经济"><meta name="date" content="不详"></head><p>正文。</p>`,
			text: "正文。", date: refDate,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseKind(input.KindHTML, "a.html", tt.src)
			if a.Err != nil {
				t.Fatalf("Err = %v", a.Err)
			}
			for _, c := range []struct{ field, got, want string }{
				{"Title", a.Title, tt.title}, {"Text", a.Text, tt.text}, {"URL", a.URL, tt.url}, {"Publisher", a.Publisher, tt.publisher},
			} {
				if c.got != c.want {
					t.Errorf("%s:\n got %q\nwant %q", c.field, c.got, c.want)
				}
			}
			if got, want := a.Date, tt.date; got != want {
				t.Errorf("Date: got %v, want %v", got, want)
			}
			if got, want := a.PublishedAt, tt.at; got != want {
				t.Errorf("PublishedAt: got %v, want %v", got, want)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, src                   string
		title, text, url, publisher string
	}{
		{
			name:  "title line, paragraphs, source note and URL",
			src:   "\ufeff天元区市场主体突破12万户\n\n  今年1至4月，全区新增市场主体1.2万户。  \r\n\r\n同比增长15.6%。\n（文章来源：株洲日报）\nhttps://www.example.cn/c.html\n",
			title: "天元区市场主体突破12万户", text: "今年1至4月，全区新增市场主体1.2万户。\n同比增长15.6%。",
			url: "https://www.example.cn/c.html", publisher: "株洲日报",
		},
		{
			name: "source note at the end of a paragraph",
			src:  "全市新增就业1.1万人。(文章来源: 湖南日报)",
			text: "全市新增就业1.1万人。", publisher: "湖南日报",
		},
		{
			name: "source line",
			src:  "来源：新华社\n全市新增就业1.1万人。",
			text: "全市新增就业1.1万人。", publisher: "新华社",
		},
		// Negative: no title when the first line is a sentence or is not
		// followed by a blank line; no publisher from other notes.
		{
			name: "first line is a sentence",
			src:  "今年一季度，全市地区生产总值同比增长5.1%。\n\n工业增加值增长6.2%。",
			text: "今年一季度，全市地区生产总值同比增长5.1%。\n工业增加值增长6.2%。",
		},
		{
			name: "no blank line after first line",
			src:  "株洲经济稳中向好\n工业增加值增长6.2%。",
			text: "株洲经济稳中向好\n工业增加值增长6.2%。",
		},
		{
			name: "other notes are text",
			src:  "数据来源：株洲市统计局\n来源：株洲日报 作者：张三\n（上海证券报）",
			text: "数据来源：株洲市统计局\n来源：株洲日报 作者：张三\n（上海证券报）",
		},
		{
			name: "markup in plain text is kept",
			src:  "价格<5元&nbsp;。",
			text: "价格<5元&nbsp;。",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseKind(input.KindText, "c.txt", tt.src)
			if a.Err != nil {
				t.Fatalf("Err = %v", a.Err)
			}
			for _, c := range []struct{ field, got, want string }{
				{"Title", a.Title, tt.title}, {"Text", a.Text, tt.text}, {"URL", a.URL, tt.url}, {"Publisher", a.Publisher, tt.publisher},
			} {
				if c.got != c.want {
					t.Errorf("%s:\n got %q\nwant %q", c.field, c.got, c.want)
				}
			}
			if got, want := a.Date, refDate; got != want {
				t.Errorf("Date: got %v, want the default %v", got, want)
			}
		})
	}
}

func TestParseJSONL(t *testing.T) {
	tests := []struct {
		name, line                         string
		docID, title, text, url, publisher string
		date                               newsfacts.Opt[newsfacts.Day]
		at                                 newsfacts.Opt[time.Time]
		wantErr                            error
		wantMsg                            string
	}{
		{
			name:  "all fields",
			line:  `{"id": "zz-01", "title": "标题", "date": "2023-06-12", "text": "正文。", "url": "https://www.example.cn/1.html", "source": "株洲新闻网", "extra": {"ignored": [1, 2]}}`,
			docID: "zz-01", title: "标题", text: "正文。", url: "https://www.example.cn/1.html", publisher: "株洲新闻网", date: day("2023-06-12"),
		},
		{
			name:  "numeric id, RFC 3339 date, publisher beats source",
			line:  `{"id": 20230615, "date": "2023-04-20T10:15:00+08:00", "text": "正文。", "source": "dump-7", "publisher": "株洲日报"}`,
			docID: "20230615", text: "正文。", publisher: "株洲日报", date: day("2023-04-20"), at: instant("2023-04-20T02:15:00Z"),
		},
		{
			name:  "no id: stem and line",
			line:  `{"title": "无编号", "text": "正文。"}`,
			docID: "d#1", title: "无编号", text: "正文。", date: refDate,
		},
		{
			name:  "null and empty id",
			line:  `{"id": null, "text": "正文。"}`,
			docID: "d#1", text: "正文。", date: refDate,
		},
		{
			name:  "text kept exactly",
			line:  `{"id": "x", "text": "  第一段。\r\n\n第二段 A<B 3&4 。  "}`,
			docID: "x", text: "  第一段。\r\n\n第二段 A<B 3&4 。  ", date: refDate,
		},
		{
			name:  "body when there is no text",
			line:  `{"id": "b", "body": "正文在body。", "content": "不用这个。"}`,
			docID: "b", text: "正文在body。", date: refDate,
		},
		{
			name:  "content when text is empty",
			line:  `{"id": "c", "text": "", "content": "正文在content。"}`,
			docID: "c", text: "正文在content。", date: refDate,
		},
		{
			name:  "HTML text is cleaned",
			line:  `{"id": "h", "text": "<p>荷塘区引进项目38个，</p><p>总投资126.5亿元&nbsp;。</p><p>（文章来源：株洲日报）</p>"}`,
			docID: "h", text: "荷塘区引进项目38个，\n总投资126.5亿元 。", publisher: "株洲日报", date: refDate,
		},
		{
			name:  "entity alone marks markup",
			line:  `{"id": "e", "text": "今年&ldquo;一季度&rdquo;增长5%。"}`,
			docID: "e", text: "今年“一季度”增长5%。", date: refDate,
		},
		{
			name:  "source field beats the note in HTML text",
			line:  `{"id": "s", "source": "株洲新闻网", "text": "<p>正文。</p><p>（文章来源：株洲日报）</p>"}`,
			docID: "s", text: "正文。", publisher: "株洲新闻网", date: refDate,
		},
		{
			name:  "unparsable date falls back",
			line:  `{"id": "u", "date": "2023-02-30", "text": "正文。"}`,
			docID: "u", text: "正文。", date: refDate,
		},
		{name: "truncated line", line: `{"id": "t", "text": "今年一季`, docID: "d#1", date: refDate, wantErr: newsfacts.ErrSyntax, wantMsg: "dir/d.jsonl:1: parse:"},
		{name: "array", line: `["a", "b"]`, docID: "d#1", date: refDate, wantErr: newsfacts.ErrSyntax, wantMsg: "not a JSON object"},
		{name: "object id", line: `{"id": {"a": 1}, "text": "x"}`, docID: "d#1", date: refDate, wantErr: newsfacts.ErrSyntax, wantMsg: "id"},
		{name: "array text", line: `{"id": "n", "text": ["一", "二"]}`, docID: "d#1", date: refDate, wantErr: newsfacts.ErrSyntax, wantMsg: `"text" is array`},
		{
			name:  "metadata of other types is ignored",
			line:  `{"id": "m", "title": 2023, "date": 20230612, "source": {"name": "株洲日报"}, "url": null, "text": "正文。"}`,
			docID: "m", text: "正文。", date: refDate,
		},
		{
			name:  "the last duplicate decides",
			line:  `{"id": "x", "id": "y", "title": "旧", "title": null, "text": "旧正文", "text": "新正文", "TITLE": "大写"}`,
			docID: "y", title: "大写", text: "新正文", date: refDate,
		},
		{name: "blank text", line: `{"id": "w", "title": "只有标题", "text": " \n "}`, docID: "w", title: "只有标题", date: refDate, wantErr: newsfacts.ErrEmpty},
		{name: "no text field", line: `{"id": "w2", "title": "只有标题"}`, docID: "w2", title: "只有标题", date: refDate, wantErr: newsfacts.ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseKind(input.KindJSONL, "d.jsonl", tt.line)
			if tt.wantErr != nil {
				if !errors.Is(a.Err, tt.wantErr) || !strings.Contains(a.Err.Error(), tt.wantMsg) {
					t.Errorf("Err = %v, want %v with %q", a.Err, tt.wantErr, tt.wantMsg)
				}
				var de *newsfacts.DocError
				if !errors.As(a.Err, &de) || de.Source != "dir/d.jsonl" || de.Line != 1 {
					t.Errorf("Err = %#v, want a *DocError for dir/d.jsonl line 1", a.Err)
				}
			} else if a.Err != nil {
				t.Fatalf("Err = %v", a.Err)
			}
			for _, c := range []struct{ field, got, want string }{
				{"DocID", a.DocID, tt.docID}, {"Source", a.Source, "dir/d.jsonl:1"}, {"Title", a.Title, tt.title},
				{"Text", a.Text, tt.text}, {"URL", a.URL, tt.url}, {"Publisher", a.Publisher, tt.publisher},
			} {
				if c.got != c.want {
					t.Errorf("%s:\n got %q\nwant %q", c.field, c.got, c.want)
				}
			}
			if got, want := a.Date, tt.date; got != want {
				t.Errorf("Date: got %v, want %v", got, want)
			}
			if got, want := a.PublishedAt, tt.at; got != want {
				t.Errorf("PublishedAt: got %v, want %v", got, want)
			}
		})
	}
}

func TestParseDates(t *testing.T) {
	tests := []struct {
		in   string
		date newsfacts.Opt[newsfacts.Day]
		at   newsfacts.Opt[time.Time]
	}{
		{"2022-03-29 08:27:42 +0800", day("2022-03-29"), instant("2022-03-29T00:27:42Z")},
		{"2022-03-29 08:27:42 +08:00", day("2022-03-29"), instant("2022-03-29T00:27:42Z")},
		{"2022-03-29 07:27 +0800", day("2022-03-29"), instant("2022-03-28T23:27:00Z")},
		{"2022-03-29T08:27:42+08:00", day("2022-03-29"), instant("2022-03-29T00:27:42Z")},
		{"2022-03-29T08:27:42.250Z", day("2022-03-29"), newsfacts.Some(time.Date(2022, 3, 29, 8, 27, 42, 250e6, time.UTC))},
		{"2022-03-29 01:00:00Z", day("2022-03-29"), instant("2022-03-29T01:00:00Z")},
		{"2022-03-29", day("2022-03-29"), newsfacts.Opt[time.Time]{}},
		{" 2022-03-29 ", day("2022-03-29"), newsfacts.Opt[time.Time]{}},
		{"2022-03-29 08:27:42", day("2022-03-29"), newsfacts.Opt[time.Time]{}},
		{"2022-03-29T08:27", day("2022-03-29"), newsfacts.Opt[time.Time]{}},
		{"2022/3/9", day("2022-03-09"), newsfacts.Opt[time.Time]{}},
		{"2022.03.09", day("2022-03-09"), newsfacts.Opt[time.Time]{}},
		{"2022年3月29日", day("2022-03-29"), newsfacts.Opt[time.Time]{}},
		{"2022年3月29日 08:00", day("2022-03-29"), newsfacts.Opt[time.Time]{}},
		// Not dates: the default applies.
		{"", refDate, newsfacts.Opt[time.Time]{}},
		{"+0800", refDate, newsfacts.Opt[time.Time]{}},
		{"2022-02-30", refDate, newsfacts.Opt[time.Time]{}},
		{"2022-13-01", refDate, newsfacts.Opt[time.Time]{}},
		{"2022-03/29", refDate, newsfacts.Opt[time.Time]{}},
		{"2022-03-29 garbage", refDate, newsfacts.Opt[time.Time]{}},
		{"2022-03-29 25:00", refDate, newsfacts.Opt[time.Time]{}},
		{"29/03/2022", refDate, newsfacts.Opt[time.Time]{}},
		{"去年", refDate, newsfacts.Opt[time.Time]{}},
	}
	for _, tt := range tests {
		a := parseKind(input.KindJSONL, "d.jsonl", `{"date": "`+tt.in+`", "text": "正文。"}`)
		if a.Err != nil {
			t.Fatalf("%q: Err = %v", tt.in, a.Err)
		}
		if got, want := a.Date, tt.date; got != want {
			t.Errorf("%q: Date got %v, want %v", tt.in, got, want)
		}
		if got, want := a.PublishedAt, tt.at; !got.V.Equal(want.V) || got.OK != want.OK {
			t.Errorf("%q: PublishedAt got %v, want %v", tt.in, got, want)
		}
	}
	// Without a default, an article without date has none.
	a := input.Parse(input.Record{Source: "x.txt", Kind: input.KindText, Name: "x", Data: []byte("正文。")}, input.ParseOptions{})
	if a.Date.OK {
		t.Errorf("Date = %v, want absent without a default", a.Date)
	}
}

func TestParseDocIDAndSource(t *testing.T) {
	tests := []struct {
		name          string
		rec           input.Record
		docID, source string
	}{
		{"file", input.Record{Source: "in/a.md", Kind: input.KindMarkdown, Name: "a", Data: []byte("正文。")}, "a", "in/a.md"},
		{"jsonl with id", input.Record{Source: "in/d.jsonl", Line: 7, Index: 3, Kind: input.KindJSONL, Name: "d", Data: []byte(`{"id": "k1", "text": "x"}`)}, "k1", "in/d.jsonl:7"},
		{"jsonl without id", input.Record{Source: "in/d.jsonl", Line: 7, Index: 3, Kind: input.KindJSONL, Name: "d", Data: []byte(`{"text": "x"}`)}, "d#7", "in/d.jsonl:7"},
		{"stdin", input.Record{Source: "-", Line: 2, Index: 2, Kind: input.KindJSONL, Name: "stdin", Data: []byte(`{"text": "x"}`)}, "stdin#2", "-:2"},
		{"error record", input.Record{Source: "in/d.jsonl", Line: 9, Index: 4, Kind: input.KindJSONL, Name: "d",
			Err: &newsfacts.DocError{Source: "in/d.jsonl", Line: 9, Op: "read", Err: newsfacts.ErrTooLarge}}, "d#9", "in/d.jsonl:9"},
		{"several documents without lines", input.Record{Source: "in/m.txt", Index: 2, Kind: input.KindText, Name: "m", Data: []byte("x")}, "m#2", "in/m.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := input.Parse(tt.rec, parseOpts)
			if got, want := a.DocID, tt.docID; got != want {
				t.Errorf("DocID: got %q, want %q", got, want)
			}
			if got, want := a.Source, tt.source; got != want {
				t.Errorf("Source: got %q, want %q", got, want)
			}
			if tt.rec.Err != nil && a.Err != tt.rec.Err {
				t.Errorf("Err: got %v, want the record's %v", a.Err, tt.rec.Err)
			}
			if got, want := a.Date, refDate; got != want {
				t.Errorf("Date: got %v, want %v", got, want)
			}
		})
	}
}

// FuzzParse checks that Parse survives any input of any kind without an
// internal error (a recovered panic).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		post("正文[链接](x)![图](y)**强调**\n\n<http://a>\n[返回首页](../)"),
		"---\n---\n", "---\n", "\n\n---", "<p>a<b>c</p>", "<article><h1>x</h1>", "[[[]]](((", "<!--", "<a href='>",
		`{"id": 1, "text": "<p>x</p>"}`, `{"text": "&#x;&#99999999;"}`, "\xff\xfe\x00", "株洲\x81",
	} {
		for _, k := range []input.Kind{input.KindMarkdown, input.KindHTML, input.KindText, input.KindJSONL} {
			f.Add(string(k), s)
		}
	}
	f.Fuzz(func(t *testing.T, kind, data string) {
		a := parseKind(input.Kind(kind), "f.x", data)
		if a.Err != nil && strings.Contains(a.Err.Error(), "internal error") {
			t.Fatalf("Parse(%q, %q): %v", kind, data, a.Err)
		}
		if a.Err == nil && strings.TrimSpace(a.Text) == "" {
			t.Errorf("Parse(%q, %q): empty text without error", kind, data)
		}
	})
}

// refJSON is the reference reading of a JSONL line, with encoding/json.
// Raw values, since a member that is not a string counts as absent.
type refJSON struct {
	ID        json.RawMessage `json:"id"`
	Title     json.RawMessage `json:"title"`
	Date      json.RawMessage `json:"date"`
	Text      json.RawMessage `json:"text"`
	Body      json.RawMessage `json:"body"`
	Content   json.RawMessage `json:"content"`
	URL       json.RawMessage `json:"url"`
	Source    json.RawMessage `json:"source"`
	Publisher json.RawMessage `json:"publisher"`
}

// refString returns a raw value as a string, and whether it is one.
func refString(raw json.RawMessage) (string, bool) {
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// FuzzJSONLine checks the JSONL reader against encoding/json: the same
// lines must be rejected, and accepted lines must give the same fields.
func FuzzJSONLine(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "title": "标题", "date": "2023-06-12", "text": "正文\n第二段", "url": "u", "source": "s"}`,
		`{"id": 12, "TEXT": "大写", "Title": null, "publisher": "p", "extra": [1, {"a": [true, false, null]}, -0.5e+3]}`,
		`{"text": "\u682a\u6d32 \ud83d\ude00 \ud800 \udc00x \"q\" \\ \/ \b\f\r\t", "body": "b"}`,
		`{"text": "a", "text": null, "content": "c"}`, `{"title": 1}`, `{"id": [1]}`, `{"id": true, "text": "x"}`,
		`{"text": "x"} `, `{"text": "x"}}`, `{"text": "x",}`, `{"text": "x" "title": "y"}`, `{"a": 01}`, `{"a": 1.}`,
		`{"a": -}`, `{"a": 1e}`, `{"a": tru}`, `{"a": "\x"}`, `{"a": "\u12"}`, `{"text": "` + "\t" + `"}`, `{`, `{"`,
		`{"text": "ok", "ſource": "long s", "K": 1}`, `{"id": null, "id": "b", "text": "t"}`, `{"id": "b", "id": null, "text": "t"}`,
		`{"a": [[[[[]]]]], "b": {}, "c": [], "text": "t"}`, `{"text": "t", "title": "x", "title": 5}`, `{"text": "t", "title": "x", "title": null}`,
		`{"text": 5}`, `{"text": "t", "body": [1]}`, `{"text": null, "body": "b"}`, `{"source": {"name": "株洲日报"}, "text": "t"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) || strings.ContainsAny(line, "\x00\x1a") || strings.HasPrefix(line, "\ufeff") {
			return // decoding, not JSON, is tested here
		}
		a := parseKind(input.KindJSONL, "d.jsonl", line)
		if errors.Is(a.Err, newsfacts.ErrBinary) {
			return // control characters: rejected before JSON is read
		}
		trimmed := bytes.TrimSpace([]byte(line))
		if len(trimmed) == 0 || trimmed[0] != '{' {
			return
		}
		var ref refJSON
		if refErr := json.Unmarshal(trimmed, &ref); refErr != nil {
			// Only syntax errors: every field takes any JSON value.
			if !errors.Is(a.Err, newsfacts.ErrSyntax) {
				t.Fatalf("%q: encoding/json: %v; got Err %v", line, refErr, a.Err)
			}
			return
		}
		for _, raw := range []json.RawMessage{ref.Text, ref.Body, ref.Content} {
			if len(raw) > 0 && raw[0] != '"' && string(raw) != "null" {
				if !errors.Is(a.Err, newsfacts.ErrSyntax) {
					t.Fatalf("%q: a text member is %s; got Err %v, want ErrSyntax", line, raw, a.Err)
				}
				return
			}
		}
		id := strings.TrimSpace(string(ref.ID))
		switch {
		case id == "" || id == "null":
			id = ""
		case id[0] == '"':
			s, _ := refString(ref.ID)
			id = strings.TrimSpace(s)
		case id[0] == '-' || id[0] >= '0' && id[0] <= '9':
		default:
			if !errors.Is(a.Err, newsfacts.ErrSyntax) {
				t.Fatalf("%q: id %s; got Err %v, want ErrSyntax", line, id, a.Err)
			}
			return
		}
		text := ""
		for _, raw := range []json.RawMessage{ref.Text, ref.Body, ref.Content} {
			if s, ok := refString(raw); ok && s != "" {
				text = s
				break
			}
		}
		if strings.TrimSpace(text) == "" {
			if !errors.Is(a.Err, newsfacts.ErrEmpty) {
				t.Fatalf("%q: empty text; got Err %v, want ErrEmpty", line, a.Err)
			}
			return
		}
		if a.Err != nil {
			t.Fatalf("%q: encoding/json accepts it; got Err %v", line, a.Err)
		}
		if id == "" {
			id = "d#1"
		}
		str := func(raw json.RawMessage) string { s, _ := refString(raw); return strings.TrimSpace(s) }
		publisher := str(ref.Publisher)
		if publisher == "" {
			publisher = str(ref.Source)
		}
		for _, c := range []struct{ field, got, want string }{
			{"DocID", a.DocID, id}, {"Title", a.Title, str(ref.Title)}, {"URL", a.URL, str(ref.URL)},
		} {
			if c.got != c.want {
				t.Errorf("%q: %s got %q, want %q", line, c.field, c.got, c.want)
			}
		}
		// Markup (< or &) sends the text through the HTML path; plain text
		// must come out exactly, and so must the publisher.
		if !strings.ContainsAny(text, "<&") {
			if a.Text != text {
				t.Errorf("%q: Text got %q, want %q", line, a.Text, text)
			}
			if a.Publisher != publisher {
				t.Errorf("%q: Publisher got %q, want %q", line, a.Publisher, publisher)
			}
		}
	})
}

func TestParseBinaryAndEncoding(t *testing.T) {
	text := strings.Repeat("株洲市一季度同比增长5.1%。", 20) // 720 bytes
	// sprinkle inserts c after every n-th character of text, so that the
	// controls fall at all offsets of 8-byte words.
	sprinkle := func(c byte, n int) string {
		var b []byte
		for i, r := range []rune(text) {
			b = utf8.AppendRune(b, r)
			if i%n == n-1 {
				b = append(b, c)
			}
		}
		return string(b)
	}
	tests := []struct {
		name string
		data string
		want error
	}{
		// Binary.
		{"NUL byte", "株洲\x00市", newsfacts.ErrBinary},
		{"many SOH", sprinkle(0x01, 5), newsfacts.ErrBinary},
		{"many DEL", sprinkle(0x7F, 3), newsfacts.ErrBinary},
		{"many ESC in one word", "\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b" + "正文。", newsfacts.ErrBinary},
		// Text.
		{"one stray end-of-file mark", text + "\x1a", nil},
		{"four controls", "\x01\x02正文\x03\x04" + text, nil},
		{"white-space controls", strings.Repeat("正文。\t\r\n\f\v", 50), nil},
		{"few controls in a long text", sprinkle(0x01, 60), nil},
		// Encodings.
		{"UTF-8 BOM", "\ufeff正文。", nil},
		{"UTF-16 BOM", "\xff\xfe\x63\x6b", newsfacts.ErrEncoding},
		{"Latin-1", "caf\xe9 cr\xe8me", newsfacts.ErrEncoding},
		{"GBK", "\xd6\xea\xd6\xde\xca\xd0\xd4\xf6\xb3\xa415.6%\xa1\xa3", nil}, // 株洲市增长15.6%。
		{"Big5-looking bytes that are not Chinese in GB18030", "\xa4\xa4\xa4\xe5 \xa5\xbf\xa4\xe5 \x81\x30", newsfacts.ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseKind(input.KindText, "b.txt", tt.data)
			if tt.want == nil {
				if a.Err != nil {
					t.Errorf("Err = %v, want none", a.Err)
				}
				return
			}
			if !errors.Is(a.Err, tt.want) {
				t.Errorf("Err = %v, want %v", a.Err, tt.want)
			}
		})
	}
	if a := parseKind(input.KindText, "g.txt", "\xd6\xea\xd6\xdecity"); a.Err != nil || a.Text != "株洲city" {
		t.Errorf("GBK: Text %q, Err %v; want 株洲city", a.Text, a.Err)
	}
}

// TestParseConcurrent parses the samples from several goroutines at once, as
// the pipeline's workers do; run with -race.
func TestParseConcurrent(t *testing.T) {
	r, err := input.NewReader([]string{articlesDir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, want := readAll(t, r, parseOpts)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, rec := range recs {
				if got := input.Parse(rec, parseOpts); got.Text != want[i].Text || got.DocID != want[i].DocID {
					t.Errorf("%s: concurrent Parse differs", rec.Source)
				}
			}
		})
	}
	wg.Wait()
}

// TestDateFromFileName (issue 13, hole 5): a date at the start of the file
// name is the reference date of a document that gives none, ahead of the
// run's --date; the document's own date comes first.
func TestDateFromFileName(t *testing.T) {
	names := []struct {
		path string
		want string // "" for none
	}{
		{"in/2023-05-09-market.txt", "2023-05-09"},
		{"2023-05-09.jsonl", "2023-05-09"},
		{"x/20230509_report.md", "2023-05-09"},
		{"20230509", "2023-05-09"},
		{"2023-02-30-bad.txt", ""},
		{"202305091-id.txt", ""},
		{"-202205262391921712.md", ""},
		{"2023-06-zhuzhou-digest.jsonl", ""},
		{"1850-01-01-old.txt", ""},
		{"2023-05-09/market.txt", ""},
		{"-", ""},
	}
	for _, tt := range names {
		d, ok := input.DateFromFileName(tt.path)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("DateFromFileName(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}

	def := input.ParseOptions{DefaultDate: newsfacts.Some(newsfacts.DayOf(2020, 1, 1))}
	tests := []struct {
		name string
		rec  input.Record
		want string
	}{
		{"name ahead of --date", input.Record{Source: "in/2023-05-09-market.txt", Kind: input.KindText, Name: "2023-05-09-market", Data: []byte("去年新增1户。")}, "2023-05-09"},
		{"own date ahead of name", input.Record{Source: "2023-05-09.jsonl", Line: 1, Kind: input.KindJSONL, Name: "2023-05-09", Data: []byte(`{"date":"2022-03-29","text":"x"}`)}, "2022-03-29"},
		{"no name date: --date", input.Record{Source: "in/market.txt", Kind: input.KindText, Name: "market", Data: []byte("x")}, "2020-01-01"},
		{"error row too", input.Record{Source: "in/2023-05-09-a.txt", Kind: input.KindText, Name: "a", Err: newsfacts.ErrEmpty}, "2023-05-09"},
	}
	for _, tt := range tests {
		a := input.Parse(tt.rec, def)
		if got := a.Date.V.String(); !a.Date.OK || got != tt.want {
			t.Errorf("%s: date %v, want %s", tt.name, a.Date, tt.want)
		}
	}
}
