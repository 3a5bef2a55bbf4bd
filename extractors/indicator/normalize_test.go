package indicator

import "testing"

// TestNeedsNormalizeBytes checks needsNormalize, which skips strings
// without a byte of normalizeBytes, against the rune test it shortens, for
// every rune below U+10000 alone and between Han characters, and for
// invalid bytes.
func TestNeedsNormalizeBytes(t *testing.T) {
	want := func(s string) bool {
		for _, r := range s {
			if r >= 'a' && r <= 'z' || r >= 0xFF00 && r <= 0xFFEF || dropped(r) {
				return true
			}
		}
		return false
	}
	for r := rune(0); r < 1<<16; r++ {
		for _, s := range []string{string(r), "生产" + string(r) + "总值"} {
			if got := needsNormalize(s); got != want(s) {
				t.Fatalf("needsNormalize(%q) = %v, want %v", s, got, want(s))
			}
		}
	}
	for _, s := range []string{"\xff", "增\xe2\x80", "\xef\xbc", "\xc2"} {
		if got := needsNormalize(s); got != want(s) {
			t.Errorf("needsNormalize(%q) = %v, want %v", s, got, want(s))
		}
	}
}
