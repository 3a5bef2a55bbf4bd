// Package standard builds the extractor chain that newsfacts runs: dates and
// entities first, then metrics (which read both), then the links from each
// metric to its date, place and organisation. The command line, the
// evaluation harnesses and any other embedding call New, so that they can
// never run a different chain.
package standard

import (
	"fmt"

	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/date"
	"github.com/newsfacts/newsfacts/extractors/entity"
	"github.com/newsfacts/newsfacts/extractors/link"
	"github.com/newsfacts/newsfacts/extractors/metric"
)

// Options configures the chain.
type Options struct {
	// Gazetteer is the path of a user gazetteer file (see docs/entities.md),
	// or "".
	Gazetteer string
	// Indicators is the path of a user indicator catalogue that adds to or
	// overrides the embedded one (see docs/metrics.md), or "".
	Indicators string
}

// New builds the chain explicitly, in dependency order. NewChain checks that
// every stage finds the layers it requires.
func New(o Options) (*extractors.Chain, error) {
	dates, err := date.New()
	if err != nil {
		return nil, fmt.Errorf("date extractor: %w", err)
	}
	ents, err := entity.New(entity.Options{UserGazetteer: o.Gazetteer})
	if err != nil {
		return nil, fmt.Errorf("entity extractor: %w", err)
	}
	metrics, err := metric.NewWith(metric.Options{Indicators: o.Indicators})
	if err != nil {
		return nil, fmt.Errorf("metric extractor: %w", err)
	}
	return extractors.NewChain(dates, ents, metrics, link.New())
}
