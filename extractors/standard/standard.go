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
//
// NOTE: the date and metric extractors are built while the entity
// extractor is (they are independent of it, and about 1.5 ms of the
// start-up); the errors are reported in the order of the chain.
func New(o Options) (*extractors.Chain, error) {
	var (
		dates      *date.Extractor
		metrics    *metric.Extractor
		derr, merr error
	)
	done := make(chan struct{})
	go func() {
		defer close(done)
		dates, derr = date.New()
		if derr == nil {
			metrics, merr = metric.NewWith(metric.Options{Indicators: o.Indicators})
		}
	}()
	ents, err := entity.New(entity.Options{UserGazetteer: o.Gazetteer})
	<-done
	if derr != nil {
		return nil, fmt.Errorf("date extractor: %w", derr)
	}
	if err != nil {
		return nil, fmt.Errorf("entity extractor: %w", err)
	}
	if merr != nil {
		return nil, fmt.Errorf("metric extractor: %w", merr)
	}
	return extractors.NewChain(dates, ents, metrics, link.New())
}
