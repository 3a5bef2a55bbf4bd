package standard_test

import (
	"testing"

	"github.com/newsfacts/newsfacts/extractors/standard"
)

// BenchmarkNew measures the start-up of a run: building the whole chain
// (the entity, date and metric extractors). Pin it to one core (taskset)
// to see the CPU it costs.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := standard.New(standard.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
