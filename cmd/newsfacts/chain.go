package main

import (
	"runtime/debug"

	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/standard"
)

// chainOptions configures the extractors.
type chainOptions = standard.Options

// buildChain builds the extractor chain of every command (see
// extractors/standard).
//
// NOTE: with the garbage collector off. Building the gazetteers and the
// dictionaries grows the heap from nothing to about 60 MB, of which 36 MB
// are kept, and the collector, whose first goal is 4 MB, ran four times
// on the way, scanning what was kept each time. Now it runs once, after.
func buildChain(o chainOptions) (*extractors.Chain, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	return standard.New(o)
}
