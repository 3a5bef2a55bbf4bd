package entity_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/entity"
	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/golden"
)

const referenceArticle = "../../testdata/articles/2022-03-29-shifeng-enterprise-service.md"

// readArticle reads a Jekyll article the simple way: the title from the
// front matter, the text of each <p> with tags removed, paragraphs joined
// by "\n", the （文章来源：…） line left out.
func readArticle(tb testing.TB, path string) newsfacts.Article {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	parts := strings.SplitN(string(b), "---", 3)
	title := regexp.MustCompile(`title: "(.*)"`).FindStringSubmatch(parts[1])[1]
	var paras []string
	tag := regexp.MustCompile(`<[^>]+>`)
	for _, m := range regexp.MustCompile(`(?s)<p[^>]*>(.*?)</p>`).FindAllStringSubmatch(parts[2], -1) {
		t := strings.TrimSpace(tag.ReplaceAllString(m[1], ""))
		if t != "" && !strings.HasPrefix(t, "（文章来源") {
			paras = append(paras, t)
		}
	}
	return newsfacts.Article{DocID: filepath.Base(path), Title: title, Text: strings.Join(paras, "\n")}
}

func extract(tb testing.TB, ex *entity.Extractor, a newsfacts.Article) *newsfacts.Doc {
	tb.Helper()
	doc := newsfacts.NewDoc(a)
	if err := ex.Extract(doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// TestReferenceArticle checks the entities the issue names for the
// reference article, with canonical names, codes and parents.
func TestReferenceArticle(t *testing.T) {
	doc := extract(t, defaultExtractor(t), readArticle(t, referenceArticle))
	got := map[string][]newsfacts.Entity{}
	for _, e := range doc.Entities {
		s := doc.SpanText(e.Span)
		got[s] = append(got[s], e)
	}
	want := []struct {
		text   string
		typ    newsfacts.EntityType
		name   string
		code   string
		parent string
	}{
		{"石峰区", newsfacts.PLACE, "石峰区", "430204", "湖南省株洲市"},
		{"株洲", newsfacts.PLACE, "株洲市", "430200", "湖南省"},
		{"湖南", newsfacts.PLACE, "湖南省", "430000", ""},
		{"田心高科园", newsfacts.PLACE, "田心高科园", "", "湖南省株洲市石峰区"},
		{"中车株机", newsfacts.ORG, "中车株洲电力机车有限公司", "", ""},
		{"中车株所", newsfacts.ORG, "中车株洲电力机车研究所有限公司", "", ""},
		{"联诚集团", newsfacts.ORG, "株洲联诚集团控股股份有限公司", "", ""},
		{"天桥起重", newsfacts.ORG, "株洲天桥起重机股份有限公司", "", ""},
		{"湖南晋通公司", newsfacts.ORG, "湖南晋通公司", "", ""},
		{"晋通公司", newsfacts.ORG, "湖南晋通公司", "", ""},
		{"智融公司", newsfacts.ORG, "智融公司", "", ""},
		{"市资规局", newsfacts.ORG, "株洲市自然资源和规划局", "", ""},
		{"市住建局", newsfacts.ORG, "株洲市住房和城乡建设局", "", ""},
		{"市民中心", newsfacts.ORG, "市民中心", "", ""},
		{"石峰区行政审批局", newsfacts.ORG, "株洲市石峰区行政审批服务局", "", ""},
		{"国务院", newsfacts.ORG, "中华人民共和国国务院", "", ""},
		{"株洲日报", newsfacts.ORG, "株洲日报", "", ""},
		{"株洲市", newsfacts.PLACE, "株洲市", "430200", "湖南省"},
		// Scope words stand for the place of their level (method scope).
		{"该区", newsfacts.PLACE, "石峰区", "430204", "湖南省株洲市"},
		{"全省", newsfacts.PLACE, "湖南省", "430000", ""},
		{"全市", newsfacts.PLACE, "株洲市", "430200", "湖南省"},
		{"全国", newsfacts.PLACE, "中国", "CN", ""},
	}
	for _, w := range want {
		es := got[w.text]
		found := false
		for _, e := range es {
			if e.Type == w.typ && e.Name == w.name && e.Code == w.code && e.Parent == w.parent {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: got %+v, want %s %q code %q parent %q", w.text, es, w.typ, w.name, w.code, w.parent)
		}
	}
	// Not places: 新城 in 生态新城, the reporters' names, 市 in 市民中心.
	for _, e := range doc.Entities {
		s := doc.SpanText(e.Span)
		switch s {
		case "新城", "周蒿", "朱利文", "谭洪汀", "市", "市民":
			t.Errorf("got %s %q, want none", e.Type, s)
		}
	}
	// Every line: type, text, name, code, parent, method, as a golden file.
	var b strings.Builder
	for _, e := range doc.Entities {
		fmt.Fprintf(&b, "%d:%d\t%s\t%s\t%s\t%s\t%s\t%s\n", doc.RuneOffset(e.Start), doc.RuneOffset(e.End), e.Type, doc.SpanText(e.Span), e.Name, e.Code, e.Parent, e.Rule)
	}
	golden.Check(t, "testdata/reference.golden", []byte(b.String()))
}

func TestInterface(t *testing.T) {
	ex := defaultExtractor(t)
	if got, want := ex.Name(), "entity"; got != want {
		t.Errorf("Name() = %q, want %q", got, want)
	}
	if got, want := ex.Provides(), []extractors.Layer{extractors.Entities}; !slices.Equal(got, want) {
		t.Errorf("Provides() = %v, want %v", got, want)
	}
	if _, err := extractors.NewChain(ex); err != nil {
		t.Errorf("NewChain: %v", err)
	}
	// Extract appends and keeps the layer sorted.
	doc := newsfacts.NewDoc(newsfacts.Article{Text: "湖南株洲"})
	doc.Entities = []newsfacts.Entity{{Span: newsfacts.Span{Start: 6, End: 12}, Type: newsfacts.ORG, Name: "x"}}
	if err := ex.Extract(doc); err != nil {
		t.Fatal(err)
	}
	if got := len(doc.Entities); got != 3 {
		t.Fatalf("got %d entities, want 3", got)
	}
	if !slices.IsSortedFunc(doc.Entities, func(a, b newsfacts.Entity) int { return a.Start - b.Start }) {
		t.Errorf("entities not sorted: %+v", doc.Entities)
	}
}

func ent(start, end int, typ newsfacts.EntityType, rule string) newsfacts.Entity {
	return newsfacts.Entity{Span: newsfacts.Span{Start: start, End: end, Rule: rule}, Type: typ}
}

func TestSettle(t *testing.T) {
	O, P := newsfacts.ORG, newsfacts.PLACE
	tests := []struct {
		name string
		in   []newsfacts.Entity
		want []newsfacts.Entity
	}{
		{"longest wins", []newsfacts.Entity{ent(0, 6, P, "a"), ent(0, 9, P, "b")}, []newsfacts.Entity{ent(0, 9, P, "b")}},
		{"leftmost wins at equal length", []newsfacts.Entity{ent(3, 9, P, "b"), ent(0, 6, P, "a")}, []newsfacts.Entity{ent(0, 6, P, "a")}},
		{"org keeps the place inside", []newsfacts.Entity{ent(0, 9, P, "p"), ent(0, 24, O, "o")}, []newsfacts.Entity{ent(0, 24, O, "o"), ent(0, 9, P, "p")}},
		{"place does not keep an org inside", []newsfacts.Entity{ent(3, 6, O, "o"), ent(0, 9, P, "p")}, []newsfacts.Entity{ent(0, 9, P, "p")}},
		{"crossing: longer wins", []newsfacts.Entity{ent(0, 6, O, "o"), ent(3, 12, P, "p")}, []newsfacts.Entity{ent(3, 12, P, "p")}},
		{"same span: org before place", []newsfacts.Entity{ent(0, 6, P, "p"), ent(0, 6, O, "o")}, []newsfacts.Entity{ent(0, 6, O, "o")}},
		{"duplicates dropped", []newsfacts.Entity{ent(0, 6, P, "a"), ent(0, 6, P, "b")}, []newsfacts.Entity{ent(0, 6, P, "a")}},
		{"disjoint kept, sorted", []newsfacts.Entity{ent(9, 12, P, "b"), ent(0, 6, O, "a")}, []newsfacts.Entity{ent(0, 6, O, "a"), ent(9, 12, P, "b")}},
		{"empty", nil, []newsfacts.Entity{}},
	}
	for _, tt := range tests {
		got := entity.Settle(tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Settle = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestUserGazetteer(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	if err := os.WriteFile(good, []byte("# 我的名单\n晋通\tORG\t湖南晋通物流有限公司\n星城\tPLACE\t长沙市\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ex, err := entity.New(entity.Options{UserGazetteer: good})
	if err != nil {
		t.Fatal(err)
	}
	doc := extract(t, ex, newsfacts.Article{Text: "晋通的货车开进星城。"})
	var got []string
	for _, e := range doc.Entities {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", doc.SpanText(e.Span), e.Name, e.Code, e.Rule))
	}
	want := []string{"晋通|湖南晋通物流有限公司||user", "星城|长沙市|430100|user"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}

	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("晋通\tORG\n星城\tTOWN\t长沙市\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = entity.New(entity.Options{UserGazetteer: bad})
	if err == nil || !strings.Contains(err.Error(), "bad.tsv:2:") || !errors.Is(err, gazetteers.ErrUserSyntax) {
		t.Errorf("New with a malformed file: error %v, want one naming bad.tsv:2 and wrapping ErrUserSyntax", err)
	}
	if _, err := entity.New(entity.Options{UserGazetteer: filepath.Join(dir, "missing.tsv")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("New with a missing file: error %v, want os.ErrNotExist", err)
	}
}

// TestConcurrentExtract runs Extract from several goroutines at once (run
// with -race) and checks the results equal a sequential run.
func TestConcurrentExtract(t *testing.T) {
	ex := defaultExtractor(t)
	arts := []newsfacts.Article{
		readArticle(t, referenceArticle),
		{Text: "中美关系出现新的变化，外国元首访华期间参观了株洲高新区。"},
		{Text: "北京市新建了一批学校，其中朝阳区有五所，市住建局负责验收。"},
		{Text: "印度外交部发表声明，湖南晋通公司新基地开工。"},
	}
	want := make([]string, len(arts))
	for i, a := range arts {
		want[i] = render(extract(t, ex, a))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 10; k++ {
				i := (g + k) % len(arts)
				doc := newsfacts.NewDoc(arts[i])
				if err := ex.Extract(doc); err != nil {
					t.Error(err)
					return
				}
				if got := render(doc); got != want[i] {
					t.Errorf("article %d: concurrent result differs:\n%s\nwant\n%s", i, got, want[i])
				}
			}
		}(g)
	}
	wg.Wait()
}

func render(doc *newsfacts.Doc) string {
	b, _ := json.Marshal(doc.Entities)
	return string(b)
}

func FuzzExtract(f *testing.F) {
	f.Add("石峰区行政审批局每天都会根据倒排任务计划表实时调度。", "")
	f.Add("中、美关系和访华，湖南晋通公司", "株洲")
	f.Add("\xe4\xb8\xad\xff美国", "")
	f.Add("ABC公司IBM公司", "")
	ex := defaultExtractor(f)
	f.Fuzz(func(t *testing.T, text, title string) {
		doc := newsfacts.NewDoc(newsfacts.Article{Text: text, Title: title})
		if err := ex.Extract(doc); err != nil {
			t.Fatal(err)
		}
		valid := utf8.ValidString(text)
		prev := newsfacts.Entity{}
		for i, e := range doc.Entities {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				t.Fatalf("entity %d span %d:%d out of text of %d bytes", i, e.Start, e.End, len(text))
			}
			if valid && (!utf8.RuneStart(text[e.Start]) || e.End < len(text) && !utf8.RuneStart(text[e.End])) {
				t.Fatalf("entity %d span %d:%d not on rune boundaries", i, e.Start, e.End)
			}
			if e.Type != newsfacts.ORG && e.Type != newsfacts.PLACE || e.Name == "" || e.Rule == "" {
				t.Fatalf("entity %d incomplete: %+v", i, e)
			}
			if i > 0 && (e.Start < prev.Start || e.Start == prev.Start && e.End > prev.End) {
				t.Fatalf("entities not sorted by start, longer first: %+v then %+v", prev, e)
			}
			prev = e
		}
	})
}
