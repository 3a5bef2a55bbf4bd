package gazetteers_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/gazetteers/internal/gen"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

func defaultGazetteer(tb testing.TB) *gazetteers.Gazetteer {
	tb.Helper()
	g, err := gazetteers.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// TestPlacesFresh fails when data/places.tsv is stale relative to its
// generator and the shared sources: run `go generate ./gazetteers/...`.
func TestPlacesFresh(t *testing.T) {
	src := sharedtest.Require(t, "gazetteers-src/modood-admin-divisions/areas.csv")
	got, err := gen.Places(filepath.Dir(filepath.Dir(src)))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("data/places.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/places.tsv is stale (%d bytes, generator gives %d): run `go generate ./gazetteers/...`", len(want), len(got))
	}
}

func TestPlaces(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		code, name, parent, qualified string
		level                         gazetteers.Level
	}{
		{"430000", "湖南省", "", "湖南省", gazetteers.Province},
		{"430200", "株洲市", "湖南省", "株洲市", gazetteers.Prefecture},
		{"430204", "石峰区", "湖南省株洲市", "株洲市石峰区", gazetteers.County},
		{"430204001", "田心街道", "湖南省株洲市石峰区", "株洲市石峰区田心街道", gazetteers.Township},
		{"430223001", "联星街道", "湖南省株洲市攸县", "攸县联星街道", gazetteers.Township},
		{"110105", "朝阳区", "北京市", "北京市朝阳区", gazetteers.County},
		{"429004", "仙桃市", "湖北省", "仙桃市", gazetteers.County},
		{"430223", "攸县", "湖南省株洲市", "攸县", gazetteers.County},
		{"810000", "香港特别行政区", "", "香港特别行政区", gazetteers.Province},
		{"US", "美国", "", "美国", gazetteers.Country},
	}
	for _, tt := range tests {
		i := g.PlaceByCode(tt.code)
		if i < 0 {
			t.Errorf("PlaceByCode(%q) = -1", tt.code)
			continue
		}
		p := g.Places[i]
		if got, want := p.Name, tt.name; got != want {
			t.Errorf("%s: Name = %q, want %q", tt.code, got, want)
		}
		if got, want := p.Level, tt.level; got != want {
			t.Errorf("%s: Level = %v, want %v", tt.code, got, want)
		}
		if got, want := g.ParentName(i), tt.parent; got != want {
			t.Errorf("%s: ParentName = %q, want %q", tt.code, got, want)
		}
		if got, want := g.Qualified(i), tt.qualified; got != want {
			t.Errorf("%s: Qualified = %q, want %q", tt.code, got, want)
		}
	}
	if got := g.PlaceByCode("999999"); got != -1 {
		t.Errorf("PlaceByCode(999999) = %d, want -1", got)
	}
}

// describe renders the references of a surface for comparison.
func describe(g *gazetteers.Gazetteer, refs []gazetteers.Ref) []string {
	var out []string
	for _, r := range refs {
		switch r.Kind {
		case gazetteers.RefPlace:
			out = append(out, "place:"+g.Places[r.Index].Name)
		case gazetteers.RefOrg:
			out = append(out, "org:"+g.Orgs[r.Index].Name)
		case gazetteers.RefDept:
			out = append(out, "dept:"+g.Depts[r.Index].Name)
		case gazetteers.RefZone:
			out = append(out, "zone:"+g.Zones[r.Index].Full)
		case gazetteers.RefSuffix:
			out = append(out, "suffix:"+g.Suffixes[r.Index].Text)
		}
	}
	return out
}

func TestLookup(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		surface string
		want    string // one of the references
	}{
		{"株洲", "place:株洲市"},
		{"石峰", "place:石峰区"},
		{"湖南", "place:湖南省"},
		{"美利坚合众国", "place:美国"},
		{"住建局", "dept:住房和城乡建设局"},
		{"资规局", "dept:自然资源和规划局"},
		{"市场监管局", "dept:市场监督管理局"},
		{"发改委", "dept:发展和改革委员会"},
		{"行政审批局", "dept:行政审批服务局"},
		{"人社局", "dept:人力资源和社会保障局"},
		{"卫健委", "dept:卫生健康委员会"},
		{"医保局", "dept:医疗保障局"},
		{"国务院", "org:中华人民共和国国务院"},
		{"国家统计局", "org:国家统计局"},
		{"央行", "org:中国人民银行"},
		{"新华社", "org:新华通讯社"},
		{"中车株机", "org:中车株洲电力机车有限公司"},
		{"中车株所", "org:中车株洲电力机车研究所有限公司"},
		{"中国石化", "org:中国石油化工集团有限公司"},
		{"欧盟", "org:欧洲联盟"},
		{"高新区", "zone:高新技术产业开发区"},
		{"高科园", "zone:高科园"},
		{"有限公司", "suffix:有限公司"},
	}
	for _, tt := range tests {
		got := describe(g, g.Lookup(tt.surface))
		if !slices.Contains(got, tt.want) {
			t.Errorf("Lookup(%q) = %v, want it to hold %q", tt.surface, got, tt.want)
		}
	}
	for _, s := range []string{"", "株", "全市场", "田心"} {
		if got := g.Lookup(s); got != nil {
			t.Errorf("Lookup(%q) = %v, want nil", s, describe(g, got))
		}
	}
	if got := len(g.TownshipsNamed("田心")); got < 2 {
		t.Errorf("TownshipsNamed(田心) has %d townships, want several", got)
	}
}

func TestMatch(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		text string
		want []string // surfaces in order
	}{
		{"株洲市住建局", []string{"株洲", "株洲市", "住建局", "局"}},
		{"IBM公司", []string{"IBM", "IBM公司", "公司"}},
		{"IBMX公司", []string{"公司"}},
		{"XIBM", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range g.Match(tt.text, nil) {
			if tt.text[h.Start:h.End] != g.Surface(h.ID) {
				t.Errorf("Match(%q): hit %d:%d is %q, surface %q", tt.text, h.Start, h.End, tt.text[h.Start:h.End], g.Surface(h.ID))
			}
			got = append(got, g.Surface(h.ID))
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Match(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestParseUser(t *testing.T) {
	good := "# my list\n\n天桥起重\tORG\t株洲天桥起重机股份有限公司\n星城\tplace\t长沙市\n晋通\n  \n"
	got, err := gazetteers.ParseUser(strings.NewReader(good), "my.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []gazetteers.UserEntry{
		{Name: "天桥起重", Type: gazetteers.UserTypeOrg, Canonical: "株洲天桥起重机股份有限公司", Line: 3},
		{Name: "星城", Type: gazetteers.UserTypePlace, Canonical: "长沙市", Line: 4},
		{Name: "晋通", Type: gazetteers.UserTypeOrg, Line: 5},
	}
	if len(got) != len(want) {
		t.Fatalf("ParseUser = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}

	bad := []struct {
		text, want string
	}{
		{"a\tORG\tb\tc\n", "my.tsv:1: "},
		{"# c\nx\tCOMPANY\n", "my.tsv:2: malformed gazetteer line: unknown type \"COMPANY\""},
		{"\tORG\n", "my.tsv:1: malformed gazetteer line: empty name"},
		{"ok\n株洲 天桥\n", "my.tsv:2: malformed gazetteer line: name \"株洲 天桥\" contains a space"},
		{"\xff\xfe\n", "my.tsv:1: malformed gazetteer line: not valid UTF-8"},
	}
	for _, tt := range bad {
		_, err := gazetteers.ParseUser(strings.NewReader(tt.text), "my.tsv")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseUser(%q) error = %v, want prefix %q", tt.text, err, tt.want)
		}
		if !errors.Is(err, gazetteers.ErrUserSyntax) {
			t.Errorf("ParseUser(%q) error does not wrap ErrUserSyntax", tt.text)
		}
	}
}

func TestNewWithUser(t *testing.T) {
	g, err := gazetteers.New([]gazetteers.UserEntry{
		{Name: "星城", Type: gazetteers.UserTypePlace, Canonical: "长沙市"},
		{Name: "晋通", Type: gazetteers.UserTypeOrg, Canonical: "湖南晋通物流有限公司"},
		{Name: "国务院", Type: gazetteers.UserTypeOrg, Canonical: "国务院（用户）"},
		{Name: "小镇", Type: gazetteers.UserTypePlace},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ surface, want string }{
		{"星城", "place:长沙市"},
		{"晋通", "org:湖南晋通物流有限公司"},
		{"国务院", "org:国务院（用户）"},
		{"小镇", "place:小镇"},
	}
	for _, tt := range tests {
		got := describe(g, g.Lookup(tt.surface))
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Lookup(%q) = %v, want first %q", tt.surface, got, tt.want)
		}
	}
	if i := g.Lookup("星城")[0].Index; g.Places[i].Code != "430100" {
		t.Errorf("星城 reads as code %q, want 430100", g.Places[i].Code)
	}
}

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := gazetteers.New(nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	g := defaultGazetteer(b)
	text := strings.Repeat("到市资规局沟通对接，石峰区行政审批局每天都会根据倒排任务计划表实时调度，湖南晋通公司新基地项目正在推进。\n", 200)
	b.SetBytes(int64(len(text)))
	var hits []gazetteers.Hit
	for i := 0; i < b.N; i++ {
		hits = g.Match(text, hits[:0])
	}
}

// TestDepartmentCanonical checks the hand-made placeholder replacement
// against strings.Replacer, which it replaced.
func TestDepartmentCanonical(t *testing.T) {
	for _, tmpl := range []string{"", "{P}{N}", "{S}海关", "{P}委员会", "{N}", "{X}{P}", "{{P}}", "a{", "{P", "{S}{S}{N}{P}", "中{N}央"} {
		d := gazetteers.Department{Name: "公安局", Template: tmpl}
		want := tmpl
		if want == "" {
			want = "{P}{N}"
		}
		want = strings.NewReplacer("{P}", "株洲市", "{S}", "株洲", "{N}", d.Name).Replace(want)
		if got := d.Canonical("株洲市", "株洲"); got != want {
			t.Errorf("template %q: Canonical = %q, want %q", tmpl, got, want)
		}
	}
}
