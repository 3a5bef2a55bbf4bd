package newsfacts_test

import (
	"math/rand"
	"testing"
	"time"

	"github.com/newsfacts/newsfacts"
)

// dayOfTime is DayOf as it was written before: with time.Date.
func dayOfTime(y int, m time.Month, d int) newsfacts.Day {
	return newsfacts.DayFromTime(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// TestDayOfSameAsTime checks DayOf's arithmetic against time.Date on every
// day of years −5000 to 12000, on months and days out of range, and on
// random values.
func TestDayOfSameAsTime(t *testing.T) {
	n := 0
	for y := -5000; y <= 12000; y++ {
		for m := time.January; m <= time.December; m++ {
			for d := -1; d <= 32; d++ {
				if got, want := newsfacts.DayOf(y, m, d), dayOfTime(y, m, d); got != want {
					t.Fatalf("DayOf(%d, %d, %d) = %d, time.Date gives %d", y, m, d, got, want)
				}
				n++
			}
		}
	}
	for y := 1890; y <= 2110; y++ {
		for m := time.Month(-40); m <= 40; m++ {
			for d := -800; d <= 800; d += 7 {
				if got, want := newsfacts.DayOf(y, m, d), dayOfTime(y, m, d); got != want {
					t.Fatalf("DayOf(%d, %d, %d) = %d, time.Date gives %d", y, m, d, got, want)
				}
				n++
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 1_000_000; i++ {
		y := rng.Intn(4_000_000) - 2_000_000
		m := time.Month(rng.Intn(200) - 100)
		d := rng.Intn(4_000_000) - 2_000_000
		if i%10 == 0 {
			d = rng.Intn(4_000_000_000) - 2_000_000_000
		}
		if got, want := newsfacts.DayOf(y, m, d), dayOfTime(y, m, d); got != want {
			t.Fatalf("DayOf(%d, %d, %d) = %d, time.Date gives %d", y, m, d, got, want)
		}
		n++
	}
	t.Logf("%d dates compared", n)
}

func BenchmarkDayOf(b *testing.B) {
	var s newsfacts.Day
	for i := 0; b.Loop(); i++ {
		s += newsfacts.DayOf(2000+i%50, time.Month(1+i%12), 1+i%28)
	}
	_ = s
}
