package extractors_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
)

// stage is an extractor that only declares its layers.
type stage struct {
	name     string
	requires []extractors.Layer
	provides []extractors.Layer
	panics   bool
}

func (s stage) Name() string                 { return s.name }
func (s stage) Requires() []extractors.Layer { return s.requires }
func (s stage) Provides() []extractors.Layer { return s.provides }
func (s stage) Extract(*newsfacts.Doc) error {
	if s.panics {
		panic("boom")
	}
	return nil
}

var (
	dates   = stage{name: "date", provides: []extractors.Layer{extractors.Dates}}
	ents    = stage{name: "entity", provides: []extractors.Layer{extractors.Entities}}
	metrics = stage{name: "metric", requires: []extractors.Layer{extractors.Dates, extractors.Entities}, provides: []extractors.Layer{extractors.Metrics}}
	links   = stage{name: "link", requires: []extractors.Layer{extractors.Dates, extractors.Entities, extractors.Metrics}, provides: []extractors.Layer{extractors.Links}}
)

func TestNewChainOrder(t *testing.T) {
	tests := []struct {
		name    string
		chain   []extractors.Extractor
		wantErr string // "" when the chain is valid
	}{
		{"standard order", []extractors.Extractor{dates, ents, metrics, links}, ""},
		{"entities first", []extractors.Extractor{ents, dates, metrics, links}, ""},
		{"sentences are always there", []extractors.Extractor{stage{name: "s", requires: []extractors.Layer{extractors.Sentences}}}, ""},
		{"metric before entities", []extractors.Extractor{dates, metrics, ents, links}, `"metric" requires layer "entities"`},
		{"metric alone", []extractors.Extractor{metrics}, `"metric" requires layer "dates"`},
		{"link before metric", []extractors.Extractor{dates, ents, links, metrics}, `"link" requires layer "metrics"`},
		{"dates twice", []extractors.Extractor{dates, ents, dates}, `"date" provides layer "dates", already provided by "date"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := extractors.NewChain(tt.chain...)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("NewChain: %v", err)
			case tt.wantErr == "" && len(c.Extractors()) != len(tt.chain):
				t.Fatalf("Extractors() has %d, want %d", len(c.Extractors()), len(tt.chain))
			case tt.wantErr != "" && err == nil:
				t.Fatalf("NewChain accepted the chain, want an error with %s", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Fatalf("NewChain: %v, want an error with %s", err, tt.wantErr)
			}
		})
	}
}

func TestRunOneRecoversPanics(t *testing.T) {
	err := extractors.RunOne(stage{name: "bad", panics: true}, newsfacts.NewDoc(newsfacts.Article{Text: "文本"}))
	if !errors.Is(err, extractors.ErrPanic) || !strings.HasPrefix(err.Error(), "bad: ") {
		t.Fatalf("RunOne of a panicking extractor: %v, want a \"bad: \" error wrapping ErrPanic", err)
	}
	if err := extractors.RunOne(dates, newsfacts.NewDoc(newsfacts.Article{})); err != nil {
		t.Fatalf("RunOne: %v", err)
	}
}
