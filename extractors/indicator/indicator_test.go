package indicator_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsfacts/newsfacts/extractors/indicator"
)

// TestDefault checks the embedded catalogue: its size, that every name and
// alias is non-empty and names one indicator, and that every indicator
// matches itself.
func TestDefault(t *testing.T) {
	c := defaultCatalogue(t)
	if c.Len() < 180 {
		t.Errorf("Len() = %d, want at least 180", c.Len())
	}
	all := c.All()
	if len(all) != c.Len() {
		t.Fatalf("len(All()) = %d, Len() = %d", len(all), c.Len())
	}
	owner := map[string]string{}
	aliases := 0
	for _, ind := range all {
		if ind.Name == "" || ind.Group == "" {
			t.Errorf("empty name or group: %+v", ind)
		}
		aliases += len(ind.Aliases)
		for _, k := range append([]string{ind.Name}, ind.Aliases...) {
			if strings.TrimSpace(k) == "" {
				t.Errorf("%s: empty alias", ind.Name)
			}
			// Compare as Match does: case-folded.
			key := strings.ToLower(k)
			if o, ok := owner[key]; ok && o != ind.Name {
				t.Errorf("%q names both %s and %s", k, o, ind.Name)
			}
			owner[key] = ind.Name
			if got, ok := c.Match(k); !ok || got != ind.Name {
				t.Errorf("Match(%q) = %q, %v; want %q", k, got, ok, ind.Name)
			}
		}
	}
	t.Logf("%d indicators, %d aliases", c.Len(), aliases)

	// The indicators the catalogue must have.
	for _, name := range []string{
		"国内生产总值", "地区生产总值", "第一产业增加值", "第二产业增加值", "第三产业增加值",
		"人均地区生产总值", "规模以上工业增加值", "工业增加值", "建筑业增加值", "固定资产投资",
		"房地产开发投资", "工业投资", "民间投资", "社会消费品零售总额", "网上零售额",
		"货物进出口总额", "出口总额", "进口总额", "实际使用外资", "一般公共预算收入",
		"一般公共预算支出", "税收收入", "全体居民人均可支配收入", "城镇居民人均可支配收入",
		"农村居民人均可支配收入", "居民人均消费支出", "城镇居民人均消费支出",
		"农村居民人均消费支出", "居民消费价格", "工业生产者出厂价格", "城镇调查失业率",
		"城镇新增就业", "常住人口", "户籍人口", "出生率", "死亡率", "自然增长率",
		"常住人口城镇化率", "粮食产量", "粮食播种面积", "猪牛羊禽肉产量",
		"规模以上工业企业利润总额", "规模以上工业企业营业收入", "金融机构本外币存款余额",
		"金融机构本外币贷款余额", "广义货币", "狭义货币", "社会融资规模", "全社会用电量",
		"工业用电量", "货运量", "客运量", "旅游总收入", "接待游客", "规模以上服务业企业营业收入",
		"高新技术产业增加值", "研发经费投入", "单位地区生产总值能耗", "空气质量优良天数比例",
		"PM2.5平均浓度", "森林覆盖率", "新增市场主体", "市场主体", "新登记企业", "审批时限",
		"承诺时限", "即办件", "网办率", "一网通办", "最多跑一次", "一件事一次办", "政务服务事项",
		"好差评满意率", "营商环境", "农林牧渔业总产值", "油料产量", "蔬菜产量", "水果产量",
		"发电量", "原煤产量", "粗钢产量", "汽车产量", "商品房销售面积", "邮政业务总量",
		"快递业务量", "电信业务总量", "互联网宽带接入用户", "普通高校毕业生", "卫生机构",
		"卫生机构床位", "执业医师", "基本养老保险参保人数", "基本医疗保险参保人数",
		"最低生活保障人数", "保障性住房", "棚户区改造", "农村公路里程", "高速公路里程", "5G基站",
	} {
		if got, ok := c.Match(name); !ok || got != name {
			t.Errorf("missing indicator %s (Match = %q, %v)", name, got, ok)
		}
	}
	// The aliases the catalogue must have.
	for alias, name := range map[string]string{
		"GDP": "地区生产总值", "生产总值": "地区生产总值", "固投": "固定资产投资",
		"社零": "社会消费品零售总额", "进出口总额": "货物进出口总额", "外贸进出口": "货物进出口总额",
		"出口": "出口总额", "进口": "进口总额", "地方一般公共预算收入": "一般公共预算收入",
		"居民人均可支配收入": "全体居民人均可支配收入", "CPI": "居民消费价格",
		"居民消费价格指数": "居民消费价格", "PPI": "工业生产者出厂价格",
		"生产者价格指数": "工业生产者出厂价格", "城镇化率": "常住人口城镇化率",
		"粮食总产量": "粮食产量", "M2": "广义货币", "M1": "狭义货币", "R&D经费": "研发经费投入",
		"单位GDP能耗": "单位地区生产总值能耗", "市场主体总数": "市场主体", "办理时限": "审批时限",
		"即办件比例": "即办件", "网上办理率": "网办率",
	} {
		if got, ok := c.Match(alias); !ok || got != name {
			t.Errorf("Match(%q) = %q, %v; want %q", alias, got, ok, name)
		}
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			c, err := indicator.Default()
			if err != nil {
				t.Error(err)
				return
			}
			if got, _ := c.Match("全市GDP增速"); got != "地区生产总值" {
				t.Errorf("Match = %q", got)
			}
		})
	}
	wg.Wait()
	a, _ := indicator.Default()
	b, _ := indicator.Default()
	if a != b {
		t.Error("Default loaded twice")
	}
}

func TestLoad(t *testing.T) {
	const file = "# comment\n" +
		"\n" +
		"甲指标\t综合\t甲|甲名\n" +
		"乙指标\t工业\n" +
		"丙指标\t工业\t\n" +
		"ABC指数\t价格\tabc值|ＸＹＺ\r\n"
	c, err := indicator.Load(strings.NewReader(file), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 4 {
		t.Errorf("Len() = %d, want 4", c.Len())
	}
	want := []indicator.Indicator{
		{Name: "甲指标", Group: "综合", Aliases: []string{"甲", "甲名"}},
		{Name: "乙指标", Group: "工业"},
		{Name: "丙指标", Group: "工业"},
		{Name: "ABC指数", Group: "价格", Aliases: []string{"abc值", "ＸＹＺ"}},
	}
	if got := c.All(); !slices.EqualFunc(got, want, equalIndicator) {
		t.Errorf("All() = %+v\nwant %+v", got, want)
	}
	for subject, name := range map[string]string{
		"甲名": "甲指标", "abc指数": "ABC指数", "ABC值": "ABC指数", "xyz": "ABC指数", "乙指标": "乙指标",
	} {
		if got, _ := c.Match(subject); got != name {
			t.Errorf("Match(%q) = %q, want %q", subject, got, name)
		}
	}
	// All returns a copy.
	c.All()[0].Aliases[0] = "changed"
	if got, _ := c.Match("甲"); got != "甲指标" {
		t.Error("All() shares its aliases with the catalogue")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"# c\n甲\n", "u.tsv:2: 1 columns"},
		{"甲\t综合\ta\tb\n", "u.tsv:1: 4 columns"},
		{"甲\t综合\ta\n\t综合\tb\n", "u.tsv:2: empty indicator name"},
		{" \t综合\n", "u.tsv:1: empty indicator name"},
		{"甲\t\ta\n", "u.tsv:1: empty group"},
		{"甲\t综合\ta||b\n", "u.tsv:1: empty alias"},
		{"甲\t综合\ta|\n", "u.tsv:1: empty alias"},
		{"甲\t综合\ta\n乙\t综合\tb\n丙\t综合\tA\n", `u.tsv:3: "A" of 丙 also names 甲 (line 1)`},
		{"甲\t综合\ta\n乙\t综合\t甲\n", `u.tsv:2: "甲" of 乙 also names 甲 (line 1)`},
		{"甲\t综合\ta\n\n甲\t工业\tb\n", "u.tsv:3: 甲: second line for the indicator of line 1"},
	}
	for _, tt := range tests {
		_, err := indicator.Load(strings.NewReader(tt.file), "u.tsv")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Load(%q) error = %v, want prefix %q", tt.file, err, tt.want)
		}
	}
}

func TestWith(t *testing.T) {
	base, err := indicator.Load(strings.NewReader(
		"甲指标\t综合\t甲|共名\n"+
			"乙指标\t工业\t乙|乙名\n"+
			"丙指标\t工业\t丙\n"), "base.tsv")
	if err != nil {
		t.Fatal(err)
	}
	user, err := indicator.Load(strings.NewReader(
		"乙指标\t政务服务\t乙新名\n"+ // replaces 乙指标's group and aliases
			"丁指标\t社会\t丁|共名\n"), "user.tsv") // adds 丁指标 and takes 共名
	if err != nil {
		t.Fatal(err)
	}
	c := base.With(user)
	if c.Len() != 4 {
		t.Errorf("Len() = %d, want 4", c.Len())
	}
	want := []indicator.Indicator{
		{Name: "甲指标", Group: "综合", Aliases: []string{"甲"}},
		{Name: "乙指标", Group: "政务服务", Aliases: []string{"乙新名"}},
		{Name: "丙指标", Group: "工业", Aliases: []string{"丙"}},
		{Name: "丁指标", Group: "社会", Aliases: []string{"丁", "共名"}},
	}
	if got := c.All(); !slices.EqualFunc(got, want, equalIndicator) {
		t.Errorf("All() = %+v\nwant %+v", got, want)
	}
	for subject, name := range map[string]string{
		"共名": "丁指标", "甲": "甲指标", "乙新名": "乙指标", "乙指标": "乙指标", "丁": "丁指标",
		"乙名": "", "乙": "",
	} {
		if got, _ := c.Match(subject); got != name {
			t.Errorf("Match(%q) = %q, want %q", subject, got, name)
		}
	}
	// The base catalogue is unchanged.
	if got, _ := base.Match("共名"); got != "甲指标" {
		t.Errorf("base changed: Match(共名) = %q", got)
	}
	if got, _ := base.Match("乙名"); got != "乙指标" {
		t.Errorf("base changed: Match(乙名) = %q", got)
	}
	if base.With(nil) != base {
		t.Error("With(nil) is not the catalogue itself")
	}

	// Over the default catalogue: a user alias wins over a default one.
	d := defaultCatalogue(t)
	u, err := indicator.Load(strings.NewReader("外贸进出口额\t贸易\t外贸进出口\n"), "user.tsv")
	if err != nil {
		t.Fatal(err)
	}
	dc := d.With(u)
	if got, _ := dc.Match("全市外贸进出口"); got != "外贸进出口额" {
		t.Errorf("Match(全市外贸进出口) = %q, want the user's indicator", got)
	}
	if got, _ := dc.Match("进出口总额"); got != "货物进出口总额" {
		t.Errorf("Match(进出口总额) = %q", got)
	}
	if dc.Len() != d.Len()+1 {
		t.Errorf("Len() = %d, want %d", dc.Len(), d.Len()+1)
	}
	if got, _ := d.Match("外贸进出口"); got != "货物进出口总额" {
		t.Errorf("default changed: Match(外贸进出口) = %q", got)
	}
}

func equalIndicator(a, b indicator.Indicator) bool {
	return a.Name == b.Name && a.Group == b.Group && slices.Equal(a.Aliases, b.Aliases)
}
