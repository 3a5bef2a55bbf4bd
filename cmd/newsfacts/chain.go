package main

import (
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/standard"
)

// chainOptions configures the extractors.
type chainOptions = standard.Options

// buildChain builds the extractor chain of every command (see
// extractors/standard).
func buildChain(o chainOptions) (*extractors.Chain, error) { return standard.New(o) }
