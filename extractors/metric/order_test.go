package metric

import (
	"os"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts/extractors/numeral"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// TestUnitBeforeCommute guards the order of figure: unit runs before
// before, which is right only while the two read and write disjoint fields
// of the candidate. At every numeral of the test texts (and of the corpus,
// when it is there and the test is not -short), it runs them in both
// orders from the same start and wants the same candidate and the same
// answer from unit.
func TestUnitBeforeCommute(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, f := range []string{"testdata/sentences.txt", "testdata/examples.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	n := checkCommute(t, x, texts)
	if n < 500 {
		t.Fatalf("only %d numerals checked", n)
	}
	t.Run("corpus", func(t *testing.T) {
		if testing.Short() {
			t.Skip("short")
		}
		texts := sharedtest.XWLBTexts(t)
		t.Logf("%d numerals checked", checkCommute(t, x, texts))
	})
}

// checkCommute runs unit and before in both orders at every numeral of the
// views of texts, with the floor at each figure's start and at 0, and
// returns how many numerals it checked.
func checkCommute(t *testing.T, x *Extractor, texts []string) int {
	t.Helper()
	count, fails := 0, 0
	for _, text := range texts {
		v := newView(text)
		s := scanner{lx: x.lx, text: v.text}
		for i := 0; i < len(s.text); {
			num, ok := numeral.Scan(s.text[i:])
			if !ok {
				_, n := decodeRune(s.text[i:])
				i += n
				continue
			}
			start := Candidate{Start: i, End: i + num.Len, NumStart: i, NumEnd: i + num.Len, Num: num, Tenth: -1, fromAt: -1}
			for _, floor := range []int{0, i} {
				s.floor = floor
				a := start
				s.before(&a)
				okA := s.unit(&a)
				b := start
				okB := s.unit(&b)
				s.before(&b)
				if a != b || okA != okB {
					if fails++; fails <= 10 {
						t.Errorf("%q at %d (floor %d): before, unit: %+v %v; unit, before: %+v %v", s.text, i, floor, a, okA, b, okB)
					}
				}
			}
			count++
			i += num.Len
		}
	}
	return count
}
