package input

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// naiveFirst returns the index of the first byte of w (little endian)
// that rawStr stops at, or 8.
func naiveFirst(w uint64) int {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], w)
	for i, c := range b {
		if c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return 8
}

// maskFirst is the index of the first byte specialMask marks, or 8.
func maskFirst(w uint64) int { return bits.TrailingZeros64(specialMask(w)) / 8 }

// TestSpecialMask checks the first byte specialMask marks against a byte
// loop: every byte value at every position of words otherwise made of one
// filler byte, each filler, words with two chosen bytes, and random words.
func TestSpecialMask(t *testing.T) {
	for fill := range 256 {
		for pos := range 8 {
			for v := range 256 {
				var b [8]byte
				for i := range b {
					b[i] = byte(fill)
				}
				b[pos] = byte(v)
				w := binary.LittleEndian.Uint64(b[:])
				if got, want := maskFirst(w), naiveFirst(w); got != want {
					t.Fatalf("first special byte of % x: got %d, want %d", b, got, want)
				}
			}
		}
	}
	for _, x := range []byte{0, 0x1f, '"', '\\', 0x20, 0x21, 0x5b, 0x5d, 0x80, 0xe4, 0xff} {
		for pos := range 8 {
			for v := range 256 {
				for pos2 := range 8 {
					b := [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
					b[pos], b[pos2] = x, byte(v)
					w := binary.LittleEndian.Uint64(b[:])
					if got, want := maskFirst(w), naiveFirst(w); got != want {
						t.Fatalf("first special byte of % x: got %d, want %d", b, got, want)
					}
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1 << 20 {
		w := r.Uint64()
		if got, want := maskFirst(w), naiveFirst(w); got != want {
			t.Fatalf("first special byte of %#x: got %d, want %d", w, got, want)
		}
	}
}
