package indicator_test

import "testing"

// benchSubjects mixes subjects as the metric extractor finds them: most
// name no indicator, some match exactly, some after a place, time, scope
// or change word.
var benchSubjects = []string{
	"地区生产总值", "全市GDP增速", "株洲市规模以上工业增加值", "帮扶资金", "企业微信群",
	"2023年末常住人口", "重点项目", "农村居民人均可支配收入增幅", "每亩补贴标准", "进出口银行",
	"新建5G基站", "群众满意度", "项目总投资", "城区常住人口", "平均审批时长", "柴油价格每吨",
}

func BenchmarkMatch(b *testing.B) {
	c := defaultCatalogue(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Match(benchSubjects[i%len(benchSubjects)])
		i++
	}
}

// BenchmarkMatchFold measures subjects that need normalising (full-width
// Latin, spaces), the only case that allocates.
func BenchmarkMatchFold(b *testing.B) {
	c := defaultCatalogue(b)
	subjects := []string{"全市ＧＤＰ增速", "地区 生产总值", "“一网通办”事项"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Match(subjects[i%len(subjects)])
		i++
	}
}
