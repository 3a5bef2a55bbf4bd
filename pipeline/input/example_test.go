package input_test

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsfacts/newsfacts"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/input"
)

// A JSONL stream, as on standard input: one article per line.
func ExampleNewReaderFrom() {
	dump := `{"id": "zz-01", "title": "天元区新增市场主体", "date": "2023-05-09", "text": "今年1至4月，天元区新增市场主体1.2万户，同比增长15.6%。"}

{"title": "没有编号", "date": "2023-05-10T09:00:00+08:00", "source": "株洲日报", "text": "<p>荷塘区引进项目38个。</p><p>总投资126.5亿元。</p>"}
{"id": "zz-03", "text": "今年一季`
	r := input.NewReaderFrom("-", strings.NewReader(dump), input.KindJSONL, input.Options{})
	defer r.Close()
	opts := input.ParseOptions{DefaultDate: newsfacts.Some(newsfacts.DayOf(2023, 6, 1))}
	for {
		rec, err := r.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		a := input.Parse(rec, opts)
		if a.Err != nil {
			fmt.Printf("%s %s: error: %v\n", a.DocID, a.Source, a.Err)
			continue
		}
		fmt.Printf("%s %s %v %q %q\n", a.DocID, a.Source, a.Date.V, a.Publisher, a.Text)
	}
	// Output:
	// zz-01 -:1 2023-05-09 "" "今年1至4月，天元区新增市场主体1.2万户，同比增长15.6%。"
	// stdin#3 -:3 2023-05-10 "株洲日报" "荷塘区引进项目38个。\n总投资126.5亿元。"
	// stdin#4 -:4: error: -:4: parse: malformed input: JSON: unexpected end of JSON input
}

// A Jekyll post: front matter, an HTML or Markdown body, the source line and
// footer links.
func ExampleParse() {
	post := `---
layout: post
title: "石峰区新增规模以上企业23家"
date: 2023-03-15 08:30:00 +0800
categories: zhuzhouribao
tags: 株洲日报新闻
---
<p>今年以来，石峰区新增规模以上工业企业23家，同比增长15%。</p>
<p class="em_media">（文章来源：株洲日报）</p>

<http://www.example.cn/news/2023/0315/shifeng.html>

[返回株洲日报新闻](../zhuzhouribao/)｜[返回首页](../)`
	rec := input.Record{Source: "posts/2023-03-15-shifeng.md", Kind: input.KindMarkdown, Name: "2023-03-15-shifeng", Data: []byte(post)}
	a := input.Parse(rec, input.ParseOptions{})
	fmt.Println(a.DocID, a.Title)
	fmt.Println(a.Date.V, a.PublishedAt.V)
	fmt.Println(a.Categories, a.Tags, a.Publisher)
	fmt.Println(a.URL)
	fmt.Println(a.Text)
	// Output:
	// 2023-03-15-shifeng 石峰区新增规模以上企业23家
	// 2023-03-15 2023-03-15 00:30:00 +0000 UTC
	// [zhuzhouribao] [株洲日报新闻] 株洲日报
	// http://www.example.cn/news/2023/0315/shifeng.html
	// 今年以来，石峰区新增规模以上工业企业23家，同比增长15%。
}
