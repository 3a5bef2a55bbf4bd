package entity_test

import (
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/entity"
)

// TestScopeRule checks the scope rule (MethodScope) on positive and
// negative examples: the words it reads, where they stand in the text, and
// the words it must leave alone.
func TestScopeRule(t *testing.T) {
	ex := defaultExtractor(t)
	cases := []struct {
		title, text string
		want        []string // "surface=name" of the scope entities, in text order
	}{
		// Positive: every kind of scope word, at the start, in the middle
		// and at the very end of the text, after ASCII and other scripts.
		{"", "全国人民欢度节日。", []string{"全国=中国"}},
		{"", "abc我国经济稳中有进，9月份全国物价平稳", []string{"我国=中国", "全国=中国"}},
		{"长沙市召开工作会议", "会议要求全市上下狠抓落实。", []string{"全市=长沙市"}},
		{"", "湖南省召开会议。会议指出，全省经济运行良好，该省将继续努力，本省", []string{"全省=湖南省", "该省=湖南省", "本省=湖南省"}},
		// Negative: 全国家 and 全国际 are not the scope word; a scope word
		// with no place of its level in reach resolves to nothing; a lone
		// first or level character is no scope word.
		{"", "推进全国家庭教育，建设全国际化的团队。", nil},
		{"", "全县群众积极参与。", nil},
		{"", "全体人员、国家、我们的市场、本来、应该", nil},
		{"", "全", nil},
	}
	for _, c := range cases {
		doc := newsfacts.NewDoc(newsfacts.Article{Title: c.title, Text: c.text})
		if err := ex.Extract(doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range doc.Entities {
			if e.Rule == entity.MethodScope {
				got = append(got, doc.SpanText(e.Span)+"="+e.Name)
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q (title %q): scope entities %q, want %q", c.text, c.title, got, c.want)
		}
	}
}
