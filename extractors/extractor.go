// Package extractors defines the interface every newsfacts extractor
// implements, the layers they read and write, and Chain, which runs a list of
// extractors over a document in a checked order.
//
// Each extractor lives in its own sub-package (extractors/date,
// extractors/metric, …). An extractor finds spans in Doc.Text and resolves
// them against an explicit context, the document's reference date
// (Doc.Date); finding and resolving are separate, separately tested steps
// inside each package. No extractor reads the clock.
package extractors

import (
	"errors"
	"fmt"

	"github.com/newsfacts/newsfacts"
)

// Layer names one kind of annotation a stage writes on a Doc.
type Layer string

// Layers.
const (
	// Sentences is Doc.Sentences; NewDoc fills it, so it is always present.
	Sentences Layer = "sentences"
	// Entities is Doc.Entities, final: sorted, overlaps settled, so that
	// entity IDs (indexes) are stable.
	Entities Layer = "entities"
	// Dates is Doc.Dates, sorted by Start.
	Dates Layer = "dates"
	// Metrics is Doc.Metrics, sorted by Start.
	Metrics Layer = "metrics"
	// Links is the OrgID, PlaceID and DateID fields of Doc.Metrics.
	Links Layer = "links"
)

// Extractor is one stage of extraction.
type Extractor interface {
	// Name is a short, stable identifier ("date", "metric"), used in error
	// messages.
	Name() string
	// Requires lists the layers that must be present before Extract runs.
	Requires() []Layer
	// Provides lists the layers Extract writes.
	Provides() []Layer
	// Extract annotates doc. It reads doc.Text and the layers it requires,
	// and writes only the layers it provides. An error fails the document,
	// not the run. Extract must be safe to call from several goroutines at
	// once on different documents.
	Extract(doc *newsfacts.Doc) error
}

// Chain is a checked list of extractors, in the order they run (see
// RunOne).
type Chain struct {
	extractors []Extractor
}

// NewChain returns a Chain of the given extractors, in that order. It fails
// when an extractor requires a layer that no earlier extractor provides, or
// when two extractors provide the same layer.
func NewChain(ex ...Extractor) (*Chain, error) {
	have := map[Layer]string{Sentences: "NewDoc"}
	for _, e := range ex {
		for _, l := range e.Requires() {
			if _, ok := have[l]; !ok {
				return nil, fmt.Errorf("extractor %q requires layer %q, which no earlier extractor provides", e.Name(), l)
			}
		}
		for _, l := range e.Provides() {
			if by, ok := have[l]; ok {
				return nil, fmt.Errorf("extractor %q provides layer %q, already provided by %q", e.Name(), l, by)
			}
			have[l] = e.Name()
		}
	}
	return &Chain{extractors: ex}, nil
}

// Extractors returns the chain's extractors in order.
func (c *Chain) Extractors() []Extractor { return c.extractors }

// RunOne runs a single extractor on doc: errors are wrapped with the
// extractor's name, and a panic is recovered and returned as an error
// wrapping ErrPanic, since one document that trips a bug must not stop a
// run of millions. Callers run a chain's extractors in order with it, and
// can time each.
func RunOne(e Extractor, doc *newsfacts.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %w: %v", e.Name(), ErrPanic, r)
		}
	}()
	if err := e.Extract(doc); err != nil {
		return fmt.Errorf("%s: %w", e.Name(), err)
	}
	return nil
}

// ErrPanic marks an error recovered from a panicking extractor.
var ErrPanic = errors.New("extractor panicked")
