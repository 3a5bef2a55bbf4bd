package numeral

import (
	"strings"
	"testing"
)

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

// TestMagnitudeUnits checks that hasUnitAt, which compares s with the units
// of its first character only, answers as a comparison with every unit
// does, and that magnitudeUnits is in the groups hasUnitAt slices.
func TestMagnitudeUnits(t *testing.T) {
	naive := func(s string) bool {
		for _, u := range magnitudeUnits {
			if len(s) >= len(u) && s[:len(u)] == u {
				return true
			}
		}
		return false
	}
	for i, u := range magnitudeUnits {
		first := "百" // magnitudeUnits[19:]
		switch {
		case i < 12:
			first = "千"
		case i < 19:
			first = "兆"
		}
		if !strings.HasPrefix(u, first) {
			t.Errorf("magnitudeUnits[%d] = %q, want it to begin with %q", i, u, first)
		}
	}
	inputs := []string{"", "千", "兆", "百", "万", "亿", "千米", "千米以上", "百分", "百分点", "兆比", "兆比特", "万千瓦", "千\xe7", "百分\xe7\x82"}
	for _, u := range magnitudeUnits {
		inputs = append(inputs, u, u+"的", u[:len(u)-1], "万"+u)
	}
	for _, s := range inputs {
		if got, want := hasUnitAt(s), naive(s); got != want {
			t.Errorf("hasUnitAt(%q) = %v, want %v", s, got, want)
		}
	}
}
