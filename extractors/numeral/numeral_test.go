package numeral_test

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/extractors/numeral"
	_ "github.com/newsfacts/newsfacts/internal/golden"
)

func approxEqual(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// TestScan checks values, lengths and forms of the numeral forms news
// writes. text is the part of in that the numeral covers.
func TestScan(t *testing.T) {
	tests := []struct {
		in   string
		text string
		want float64
		form numeral.Form // flags that must be set
	}{
		// Arabic
		{"123个", "123", 123, numeral.Arabic},
		{"１２３", "１２３", 123, numeral.Arabic},
		{"1,050,000,000元", "1,050,000,000", 1050000000, numeral.Separators},
		{"４，５６５人", "４，５６５", 4565, numeral.Separators},
		{"１,２３４万元", "１,２３４万", 12340000, numeral.Separators | numeral.Magnitude},
		{"10,000.233", "10,000.233", 10000.233, numeral.Decimal},
		{"56.3亿元", "56.3亿", 5630000000, numeral.Magnitude | numeral.Decimal},
		{"1.2万户", "1.2万", 12000, numeral.Magnitude},
		{"4.18万亿", "4.18万亿", 4180000000000, numeral.Magnitude},
		{"2300余万元", "2300余万", 23000000, numeral.Over | numeral.Magnitude},
		{"3万余人", "3万", 30000, numeral.Magnitude},
		{"3万4000", "3万4000", 34000, numeral.Magnitude},
		{"25万6千", "25万6千", 256000, numeral.Magnitude},
		{"2千零30万", "2千零30万", 20300000, numeral.Magnitude},
		{"1,100.9亿", "1,100.9亿", 110090000000, numeral.Magnitude},
		{".5", ".5", 0.5, numeral.Decimal},
		{"-22.2%", "-22.2", -22.2, numeral.Decimal},
		{"－1２２％", "－1２２", -122, numeral.Arabic},
		{"40k", "40k", 40000, numeral.Magnitude},
		{"2e5", "2e5", 200000, numeral.Exponent},
		{"2^5", "2^5", 32, numeral.Exponent},
		{"-12e-1", "-12e-1", -1.2, numeral.Exponent},
		// Chinese
		{"十五", "十五", 15, numeral.Chinese},
		{"三千二百余处", "三千二百", 3200, numeral.Chinese},
		{"两万", "两万", 20000, numeral.Liang},
		{"一百零一万一千", "一百零一万一千", 1011000, numeral.Chinese},
		{"四亿五千六百四十二万零一十五", "四亿五千六百四十二万零一十五", 456420015, numeral.Magnitude},
		{"一万五千亿", "一万五千亿", 1500000000000, numeral.Magnitude},
		{"四万万", "四万万", 400000000, numeral.Magnitude},
		{"五兆六十二亿四万五千二", "五兆六十二亿四万五千二", 5006200045200, numeral.Magnitude},
		{"一万三", "一万三", 13000, numeral.Chinese},
		{"四百五", "四百五", 450, numeral.Chinese},
		{"一千零五", "一千零五", 1005, numeral.Chinese},
		{"零十", "零十", 10, numeral.Chinese},
		{"十一点三", "十一点三", 11.3, numeral.Decimal},
		{"两千万点五五四四", "两千万点五五四四", 20000000.5544, numeral.Decimal},
		{"三点五亿", "三点五亿", 350000000, numeral.Decimal | numeral.Magnitude},
		{"十余万", "十余万", 100000, numeral.Over},
		{"二十几万", "二十几万", 200000, numeral.Over},
		{"几十家", "几十", 10, numeral.Over},
		{"百三", "百三", 130, numeral.Implied},
		{"半百", "半百", 50, numeral.Chinese},
		{"一百 五 十 二", "一百 五 十 二", 152, numeral.Spaced},
		{"负三十二", "负三十二", -32, numeral.Chinese},
		// financial and traditional
		{"壹佰伍拾", "壹佰伍拾", 150, numeral.Financial},
		{"肆佰陸拾", "肆佰陸拾", 460, numeral.Financial},
		{"倆千两百贰拾二", "倆千两百贰拾二", 2222, numeral.Financial},
		{"四十九兆九千五百九十二億元", "四十九兆九千五百九十二億", 49959200000000, numeral.Magnitude},
		// digit strings
		{"二〇二二年", "二〇二二", 2022, numeral.DigitString},
		{"一九九一", "一九九一", 1991, numeral.DigitString},
		{"三八折", "三八", 38, numeral.DigitString},
		// fractions and rates
		{"三分之一", "三分之一", 1.0 / 3, numeral.Fraction},
		{"五 分之 一", "五 分之 一", 0.2, numeral.Fraction},
		{"百分之十一点三", "百分之十一点三", 0.113, numeral.Rate},
		{"百分之百", "百分之百", 1, numeral.Rate},
		{"万分之三", "万分之三", 0.0003, numeral.Rate},
		{"千分之２．４", "千分之２．４", 0.0024, numeral.Rate},
		{"三百五又三分之一", "三百五又三分之一", 350 + 1.0/3, numeral.Fraction},
		{"负一又二分之一", "负一又二分之一", -1.5, numeral.Fraction},
		{"3/5", "3/5", 0.6, numeral.Fraction},
		{"1 ３/5", "1 ３/5", 1.6, numeral.Fraction},
		{"一半", "一半", 0.5, numeral.Half},
		// where a numeral stops
		{"12千米", "12", 12, numeral.Arabic},
		{"五十兆字节", "五十", 50, numeral.Chinese},
		{"5万千瓦", "5万", 50000, numeral.Magnitude},
		{"326千升", "326", 326, numeral.Arabic},
		{"1.5个百分点", "1.5", 1.5, numeral.Decimal},
		{"三千两百两", "三千两百", 3200, numeral.Chinese},
		{"三十两", "三十", 30, numeral.Chinese},
		{"12点32分", "12", 12, numeral.Arabic},
		{"三点钟", "三", 3, numeral.Chinese},
		{"一点两小时", "一", 1, numeral.Chinese},
		{"1, 234", "1", 1, numeral.Arabic},
		{"20，300美元", "20", 20, numeral.Arabic},
		{"四百多", "四百", 400, numeral.Chinese},
	}
	for _, tt := range tests {
		num, ok := numeral.Scan(tt.in)
		if !ok {
			t.Errorf("Scan(%q): got no numeral, want %v", tt.in, tt.want)
			continue
		}
		if got := tt.in[:num.Len]; got != tt.text {
			t.Errorf("Scan(%q): got text %q, want %q", tt.in, got, tt.text)
		}
		if !approxEqual(num.Value, tt.want) {
			t.Errorf("Scan(%q): got value %v, want %v", tt.in, num.Value, tt.want)
		}
		if !num.Form.Has(tt.form) {
			t.Errorf("Scan(%q): got form %b, want flags %b set", tt.in, num.Form, tt.form)
		}
	}
}

// TestScanExact checks that decimal and magnitude arithmetic leaves no
// binary noise: these values must come out exactly.
func TestScanExact(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"10.233", 10.233},
		{"1.2万", 12000},
		{"4.18万亿", 4.18e12},
		{"8.9亿", 890000000},
		{"0.1", 0.1},
		{"十一点三", 11.3},
		{"四百亿点零五零", 40000000000.05},
	}
	for _, tt := range tests {
		got, _, ok := numeral.Parse(tt.in)
		if !ok || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want exactly %v", tt.in, got, ok, tt.want)
		}
	}
}

// TestScanNone checks strings that do not start with a numeral.
func TestScanNone(t *testing.T) {
	for _, in := range []string{"", "abc", "点五", "几个", "分之一", "余万", "负增长", "多", "万", "万万", "1.2.3", "半年", "-", "."} {
		if in == "万" || in == "万万" {
			// A bare magnitude is a numeral with an implied one; the caller
			// decides (the metric extractor refuses it).
			num, ok := numeral.Scan(in)
			if !ok || !num.Form.Has(numeral.Implied) {
				t.Errorf("Scan(%q) = %+v, %v; want an Implied numeral", in, num, ok)
			}
			continue
		}
		if num, ok := numeral.Scan(in); ok {
			t.Errorf("Scan(%q) = %+v; want no numeral", in, num)
		}
	}
}

// TestScanFraction checks numerator and denominator of fractions.
func TestScanFraction(t *testing.T) {
	tests := []struct {
		in       string
		num, per float64
	}{
		{"百分之五", 5, 100},
		{"千分之一", 1, 1000},
		{"万分之三", 3, 10000},
		{"三分之一", 1, 3},
		{"二十五分之一百四十四", 144, 25},
		{"3/5", 3, 5},
		{"百分之15Ｋ", 15000, 100},
	}
	for _, tt := range tests {
		n, ok := numeral.Scan(tt.in)
		if !ok || !approxEqual(n.Num, tt.num) || n.Per != tt.per {
			t.Errorf("Scan(%q) = Num %v Per %v (%v); want Num %v Per %v", tt.in, n.Num, n.Per, ok, tt.num, tt.per)
		}
	}
	if n, _ := numeral.Scan("123"); n.Per != 0 || n.Num != n.Value {
		t.Errorf("Scan(123): got Num %v Per %v, want Num = Value and Per 0", n.Num, n.Per)
	}
}

// TestValue checks the whole-string helper the date extractor uses.
func TestValue(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"二〇二二", 2022, true},
		{"十一", 11, true},
		{"二十九", 29, true},
		{"三", 3, true},
		{"2022", 2022, true},
		{"十一月", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := numeral.Value(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Value(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestCharacters checks the character predicates.
func TestCharacters(t *testing.T) {
	tests := []struct {
		r                     rune
		digit, numer, finance bool
		val                   int
	}{
		{'7', true, true, false, 7},
		{'７', true, true, false, 7},
		{'两', true, true, false, 2},
		{'〇', true, true, false, 0},
		{'陆', true, true, true, 6},
		{'十', false, true, false, 0},
		{'万', false, true, false, 0},
		{'点', false, true, false, 0},
		{'个', false, false, false, 0},
	}
	for _, tt := range tests {
		if got := numeral.IsDigit(tt.r); got != tt.digit {
			t.Errorf("IsDigit(%q) = %v, want %v", tt.r, got, tt.digit)
		}
		if got := numeral.IsNumeral(tt.r); got != tt.numer {
			t.Errorf("IsNumeral(%q) = %v, want %v", tt.r, got, tt.numer)
		}
		if got := numeral.IsFinancial(tt.r); got != tt.finance {
			t.Errorf("IsFinancial(%q) = %v, want %v", tt.r, got, tt.finance)
		}
		if got, ok := numeral.Digit(tt.r); ok != tt.digit || got != tt.val {
			t.Errorf("Digit(%q) = %v, %v; want %v, %v", tt.r, got, ok, tt.val, tt.digit)
		}
	}
}

// TestNoAllocs checks that parsing allocates nothing.
func TestNoAllocs(t *testing.T) {
	inputs := []string{"56.3亿元", "三千二百余处", "百分之十一点三", "1,050,000", "二〇二二年", "三分之一"}
	allocs := testing.AllocsPerRun(100, func() {
		for _, in := range inputs {
			numeral.Scan(in)
		}
	})
	if allocs != 0 {
		t.Errorf("Scan allocates %v times per run, want 0", allocs)
	}
}

// FuzzScan checks that Scan never panics and always reports a length on a
// rune boundary inside its input.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"56.3亿元", "三千二百余处", "百分之十一点三", "1,050,000", "二〇二二年", "三 百 五 又 三 分之 一", "-1.1^--23", "２.７８９０e－１", "１６分之2225", "半百"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		num, ok := numeral.Scan(s)
		if !ok {
			if num.Len != 0 {
				t.Fatalf("Scan(%q): no numeral but Len %d", s, num.Len)
			}
			return
		}
		if num.Len <= 0 || num.Len > len(s) {
			t.Fatalf("Scan(%q): Len %d outside (0, %d]", s, num.Len, len(s))
		}
		if !runeBoundary(s, num.Len) {
			t.Fatalf("Scan(%q): Len %d is not a rune boundary", s, num.Len)
		}
	})
}

// runeBoundary reports whether off is where a rune starts when s is decoded
// from its start (invalid bytes count as one rune each).
func runeBoundary(s string, off int) bool {
	for i := 0; i < len(s); {
		if i == off {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return off == len(s)
}

func BenchmarkScan(b *testing.B) {
	inputs := []string{"56.3亿元", "三千二百余处", "百分之十一点三", "1,050,000", "26个工作日", "15.6%"}
	for b.Loop() {
		for _, in := range inputs {
			numeral.Scan(in)
		}
	}
}
