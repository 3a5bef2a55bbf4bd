package indicator_test

import (
	"fmt"
	"strings"

	"github.com/newsfacts/newsfacts/extractors/indicator"
)

func ExampleCatalogue_Match() {
	c, err := indicator.Default()
	if err != nil {
		panic(err)
	}
	for _, subject := range []string{
		"全市GDP增速",
		"株洲市社零",
		"农村居民人均可支配收入增幅",
		"全社会用电量",
		"进出口银行",
		"城区常住人口",
	} {
		name, ok := c.Match(subject)
		fmt.Println(subject, "→", name, ok)
	}
	// Output:
	// 全市GDP增速 → 地区生产总值 true
	// 株洲市社零 → 社会消费品零售总额 true
	// 农村居民人均可支配收入增幅 → 农村居民人均可支配收入 true
	// 全社会用电量 → 全社会用电量 true
	// 进出口银行 →  false
	// 城区常住人口 →  false
}

func ExampleCatalogue_With() {
	base, _ := indicator.Default()
	user, err := indicator.Load(strings.NewReader("12345热线接通率\t政务服务\t热线接通率\n"), "user.tsv")
	if err != nil {
		panic(err)
	}
	c := base.With(user)
	fmt.Println(c.Match("全市热线接通率"))
	// Output:
	// 12345热线接通率 true
}
