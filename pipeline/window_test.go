package pipeline_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/pipeline"
	"github.com/newsfacts/newsfacts/pipeline/output"
	"github.com/newsfacts/newsfacts/pipeline/validate"
)

// placesAndFigures finds every 株洲 as a place and every 1户 as a figure
// about the place before it in its paragraph.
type placesAndFigures struct{}

func (placesAndFigures) Name() string                 { return "test" }
func (placesAndFigures) Requires() []extractors.Layer { return nil }
func (placesAndFigures) Provides() []extractors.Layer {
	return []extractors.Layer{extractors.Entities, extractors.Metrics}
}
func (placesAndFigures) Extract(d *newsfacts.Doc) error {
	last := newsfacts.Opt[int32]{}
	for i := 0; i < len(d.Text); {
		switch {
		case strings.HasPrefix(d.Text[i:], "株洲"):
			d.Entities = append(d.Entities, newsfacts.Entity{Span: newsfacts.Span{Start: i, End: i + len("株洲"), Rule: "test"}, Type: newsfacts.PLACE, Name: "株洲市"})
			last = newsfacts.Some(int32(len(d.Entities) - 1))
			i += len("株洲")
		case strings.HasPrefix(d.Text[i:], "1户"):
			d.Metrics = append(d.Metrics, newsfacts.Metric{Span: newsfacts.Span{Start: i, End: i + len("1户"), Rule: "test"}, Kind: newsfacts.KindQuantity, Value: 1, Unit: "户", PlaceID: last})
			i += len("1户")
		case d.Text[i] == '\n':
			last = newsfacts.Opt[int32]{}
			i++
		default:
			i++
		}
	}
	return nil
}

func runOne(t *testing.T, text string, opts pipeline.Options) (*output.Tables, pipeline.Stats) {
	t.Helper()
	chain, err := extractors.NewChain(placesAndFigures{})
	if err != nil {
		t.Fatal(err)
	}
	opts.Chain = chain
	var c validate.Collector
	line := `{"id":"d","text":"` + strings.ReplaceAll(text, "\n", `\n`) + `"}`
	st, err := pipeline.Run(context.Background(), &lines{recs: []string{line}}, &c, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c.Tables(), st
}

// TestWindowsGiveTheSameRows checks that a document extracted in windows
// gives the rows it gives whole, offsets and links included, when no
// context crosses a line break.
func TestWindowsGiveTheSameRows(t *testing.T) {
	text := strings.Repeat("株洲市新增1户，株洲县1户。\n湖南1户！", 40)
	whole, _ := runOne(t, text, pipeline.Options{})
	windowed, st := runOne(t, text, pipeline.Options{WindowBytes: 100})
	if len(whole.Entities) != 80 || len(whole.Metrics) != 120 {
		t.Fatalf("whole: %d entities, %d metrics", len(whole.Entities), len(whole.Metrics))
	}
	rep := validate.Compare(whole, windowed, validate.Exact)
	for _, s := range rep.Scores {
		if s.FP != 0 || s.FN != 0 {
			t.Errorf("%s/%s: TP %d FP %d FN %d, want the same rows", s.Table, s.Type, s.TP, s.FP, s.FN)
		}
	}
	for i := range whole.Metrics {
		if whole.Metrics[i] != windowed.Metrics[i] {
			t.Errorf("metric %d: whole %+v, windowed %+v", i, whole.Metrics[i], windowed.Metrics[i])
			break
		}
	}
	if st.Capped != 0 {
		t.Errorf("Capped = %d, want 0", st.Capped)
	}
}

// TestMaxRowsPerDoc checks the cap: the first rows in text order are kept,
// links to the others become null, and the document is counted.
func TestMaxRowsPerDoc(t *testing.T) {
	text := strings.Repeat("株洲新增1户。", 10)
	for _, window := range []int{0, 20} {
		tb, st := runOne(t, text, pipeline.Options{MaxRowsPerDoc: 3, WindowBytes: window})
		if len(tb.Entities) != 3 || len(tb.Metrics) != 3 || st.Capped != 1 {
			t.Fatalf("window %d: %d entities, %d metrics, Capped %d; want 3, 3, 1", window, len(tb.Entities), len(tb.Metrics), st.Capped)
		}
		for i, m := range tb.Metrics {
			if !m.PlaceID.OK || m.PlaceID.V != int32(i) {
				t.Errorf("window %d: metric %d place_id %v, want %d", window, i, m.PlaceID, i)
			}
		}
		// The third place is cut, so the link to it becomes null.
		tb, _ = runOne(t, "株洲、株洲、株洲1户。", pipeline.Options{MaxRowsPerDoc: 2, WindowBytes: window})
		if len(tb.Entities) != 2 || len(tb.Metrics) != 1 || tb.Metrics[0].PlaceID.OK {
			t.Errorf("window %d: %d entities, metrics %+v; want 2 entities and a metric with a null place_id", window, len(tb.Entities), tb.Metrics)
		}
	}
	tb, st := runOne(t, "株洲1户1户1户1户", pipeline.Options{MaxRowsPerDoc: 3})
	if len(tb.Entities) != 1 || len(tb.Metrics) != 3 || st.Capped != 1 {
		t.Errorf("%d entities, %d metrics, Capped %d; want 1, 3, 1", len(tb.Entities), len(tb.Metrics), st.Capped)
	}
}
