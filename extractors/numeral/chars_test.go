package numeral

import "testing"

// TestRuneBitmaps checks classify, IsDigit and IsNumeral against
// classifyRune for every rune below U+10000 and a few above and below it.
func TestRuneBitmaps(t *testing.T) {
	for r := rune(-2); r < 1<<16+2; r++ {
		if got, want := classify(r), classifyRune(r); got != want {
			t.Errorf("classify(%U) = %+v, want %+v", r, got, want)
		}
		k := classifyRune(r).kind
		if got, want := IsDigit(r), k == kArabic || k == kDigit; got != want {
			t.Errorf("IsDigit(%U) = %v, want %v", r, got, want)
		}
		if got, want := IsNumeral(r), k == kArabic || k == kDigit || k == kUnit || k == kMag || k == kPoint; got != want {
			t.Errorf("IsNumeral(%U) = %v, want %v", r, got, want)
		}
	}
}
