package input_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"testing"
	"time"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/input"
)

// articlesDir holds the sample articles shared with the end-to-end tests.
const articlesDir = "../../testdata/articles"

// articleJSON is the golden form of an Article.
type articleJSON struct {
	DocID       string                       `json:"doc_id"`
	Source      string                       `json:"source"`
	Title       string                       `json:"title"`
	Date        newsfacts.Opt[newsfacts.Day] `json:"date"`
	PublishedAt newsfacts.Opt[time.Time]     `json:"published_at"`
	URL         string                       `json:"url"`
	Publisher   string                       `json:"publisher"`
	Categories  []string                     `json:"categories"`
	Tags        []string                     `json:"tags"`
	Text        string                       `json:"text"`
	Error       string                       `json:"error,omitempty"`
}

func toJSON(a newsfacts.Article) articleJSON {
	j := articleJSON{
		DocID: a.DocID, Source: a.Source, Title: a.Title, Date: a.Date, PublishedAt: a.PublishedAt,
		URL: a.URL, Publisher: a.Publisher, Categories: a.Categories, Tags: a.Tags, Text: a.Text,
	}
	if a.Err != nil {
		j.Error = a.Err.Error()
	}
	return j
}

// readAll reads and parses every record of r.
func readAll(t *testing.T, r *input.Reader, opts input.ParseOptions) ([]input.Record, []newsfacts.Article) {
	t.Helper()
	defer r.Close()
	var recs []input.Record
	var arts []newsfacts.Article
	for {
		rec, err := r.Next(context.Background())
		if err == io.EOF {
			return recs, arts
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		recs = append(recs, rec)
		arts = append(arts, input.Parse(rec, opts))
	}
}

// TestSamplesGolden parses every sample article and compares the result with
// testdata/samples.golden.jsonl.
func TestSamplesGolden(t *testing.T) {
	r, err := input.NewReader([]string{articlesDir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := input.ParseOptions{DefaultDate: newsfacts.Some(newsfacts.DayOf(2023, 9, 1))}
	_, arts := readAll(t, r, opts)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		if a.Err != nil {
			t.Errorf("%s: %v", a.Source, a.Err)
		}
		if err := enc.Encode(toJSON(a)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := len(arts), 9; got != want {
		t.Errorf("got %d articles, want %d", got, want)
	}
	golden.Check(t, "testdata/samples.golden.jsonl", buf.Bytes())
}
