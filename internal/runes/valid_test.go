package runes_test

import (
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/runes"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// checkValid compares Valid with the standard library on s, as a string
// and as bytes.
func checkValid(t *testing.T, s string) {
	t.Helper()
	if got, want := runes.Valid(s), utf8.ValidString(s); got != want {
		t.Fatalf("Valid(%q) = %v, want %v", s, got, want)
	}
	if got, want := runes.Valid([]byte(s)), utf8.Valid([]byte(s)); got != want {
		t.Fatalf("Valid([]byte(%q)) = %v, want %v", s, got, want)
	}
}

// TestValidMatchesUTF8 checks every sequence of one to three bytes, every
// four-byte sequence whose lead is F0–F4 or a sample of others, each alone,
// after ASCII (so that the eight-byte ASCII loop meets it at every offset)
// and followed by a truncation or a Han character.
func TestValidMatchesUTF8(t *testing.T) {
	ctx := func(seq string) {
		checkValid(t, seq)
		for k := range 9 {
			checkValid(t, strings.Repeat("a", k)+seq+"株")
			checkValid(t, "株"+strings.Repeat("b", k)+seq)
		}
	}
	for a := range 256 {
		ctx(string([]byte{byte(a)}))
		for b := range 256 {
			ctx(string([]byte{byte(a), byte(b)}))
		}
	}
	if testing.Short() {
		return
	}
	for a := 0x80; a < 0x100; a++ {
		for b := range 256 {
			for c := range 256 {
				checkValid(t, string([]byte{byte(a), byte(b), byte(c)}))
				checkValid(t, string([]byte{'x', byte(a), byte(b), byte(c), 'y'}))
			}
		}
	}
	for a := 0xF0; a <= 0xF4; a++ {
		for b := range 256 {
			for c := 0x70; c < 0xD0; c++ {
				for d := 0x70; d < 0xD0; d += 7 {
					checkValid(t, string([]byte{byte(a), byte(b), byte(c), byte(d)}))
				}
			}
		}
	}
}

// FuzzValid compares Valid with the standard library on any input.
func FuzzValid(f *testing.F) {
	for _, s := range []string{"", "a", "株洲市", "株洲\xe6\xa0", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "abcdefgh株ijklmnop\xc0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkValid(t, s) })
}

// BenchmarkValid validates the texts of the xwlb corpus's first 2,000
// stories, with Valid and with utf8.ValidString.
//
//	go test ./internal/runes -run '^$' -bench Valid -count 8
func BenchmarkValid(b *testing.B) {
	texts := sharedtest.XWLBFirstTexts(b, 2000)
	if len(texts) == 0 {
		b.Skip("corpus not found")
	}
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	for _, c := range []struct {
		name  string
		valid func(string) bool
	}{{"runes", runes.Valid[string]}, {"utf8", utf8.ValidString}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, s := range texts {
					if !c.valid(s) {
						b.Fatal("invalid text")
					}
				}
			}
		})
	}
}

// TestTwo3 compares Two3 with At3 at the word's first and fourth bytes,
// leads E0 and ED excluded, on every lead and second byte of both
// sequences and random words.
func TestTwo3(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		s := string(b)
		want := runes.At3(s, 0) >= 0 && runes.At3(s, 3) >= 0 &&
			b[0] != 0xE0 && b[0] != 0xED && b[3] != 0xE0 && b[3] != 0xED
		if got := runes.Two3(binary.LittleEndian.Uint64(b)); got != want {
			t.Fatalf("Two3(% x) = %v, want %v", b, got, want)
		}
	}
	for lead := range 256 {
		for second := range 256 {
			check([]byte{byte(lead), byte(second), 0x80, 0xE4, 0xB8, 0xAD, 'x', 'y'})
			check([]byte{0xE6, 0xA0, 0xAA, byte(lead), byte(second), 0xBF, 0, 0})
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 1 << 20 {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], r.Uint64()|0x808080808080&^0x400040004000)
		check(b[:])
	}
}
