package main

import (
	"fmt"

	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/date"
	"github.com/newsfacts/newsfacts/extractors/entity"
	"github.com/newsfacts/newsfacts/extractors/link"
	"github.com/newsfacts/newsfacts/extractors/metric"
)

// chainOptions configures the extractors.
type chainOptions struct {
	// Gazetteer is the path of a user gazetteer file, or "".
	Gazetteer string
}

// buildChain builds the extractor chain explicitly, in dependency order:
// dates and entities first, so that the metric extractor can skip figures
// inside them; then metrics; then the links from metrics to the others.
func buildChain(o chainOptions) (*extractors.Chain, error) {
	dates, err := date.New()
	if err != nil {
		return nil, fmt.Errorf("date extractor: %w", err)
	}
	ents, err := entity.New(entity.Options{UserGazetteer: o.Gazetteer})
	if err != nil {
		return nil, fmt.Errorf("entity extractor: %w", err)
	}
	metrics, err := metric.New()
	if err != nil {
		return nil, fmt.Errorf("metric extractor: %w", err)
	}
	return extractors.NewChain(dates, ents, metrics, link.New())
}
