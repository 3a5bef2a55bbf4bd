package entity

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/newsfacts/newsfacts"
)

// TestSettlePackedOrder checks the packed-key sorts of settle against the
// sorts with comparison functions, on random candidates with many ties.
func TestSettlePackedOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sc := &scratch{}
	for round := 0; round < 200; round++ {
		cands := make([]newsfacts.Entity, rng.IntN(60))
		for i := range cands {
			start := rng.IntN(40)
			typ := newsfacts.PLACE
			if rng.IntN(2) == 0 {
				typ = newsfacts.ORG
			}
			cands[i] = newsfacts.Entity{Span: newsfacts.Span{Start: start, End: start + rng.IntN(6)}, Type: typ}
		}
		want := takeOrder(nil, cands)
		got := takeOrderPacked(nil, cands, sc)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: takeOrderPacked = %v, want %v", round, got, want)
		}
		// Any subset in any order stands for the kept candidates.
		keep := rng.Perm(len(cands))[:rng.IntN(len(cands)+1)]
		wantKept := slices.Clone(keep)
		slices.SortStableFunc(wantKept, func(a, b int) int { return compareEntities(&cands[a], &cands[b]) })
		if got := sortKeptPacked(keep, cands, sc); !slices.Equal(got, wantKept) {
			t.Fatalf("round %d: sortKeptPacked = %v, want %v", round, got, wantKept)
		}
	}
}
