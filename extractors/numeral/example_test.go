package numeral_test

import (
	"fmt"

	"github.com/newsfacts/newsfacts/extractors/numeral"
)

func ExampleScan() {
	for _, s := range []string{"56.3亿元", "三千二百余处", "百分之十一点三", "二〇二二年"} {
		num, _ := numeral.Scan(s)
		fmt.Printf("%s → %q = %v (digit string: %v)\n", s, s[:num.Len], num.Value, num.Form.Has(numeral.DigitString))
	}
	// Output:
	// 56.3亿元 → "56.3亿" = 5.63e+09 (digit string: false)
	// 三千二百余处 → "三千二百" = 3200 (digit string: false)
	// 百分之十一点三 → "百分之十一点三" = 0.113 (digit string: false)
	// 二〇二二年 → "二〇二二" = 2022 (digit string: true)
}

func ExampleValue() {
	v, ok := numeral.Value("二十九")
	fmt.Println(v, ok)
	// Output: 29 true
}
