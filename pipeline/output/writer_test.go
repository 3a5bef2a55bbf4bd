package output_test

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// TestWriterSameAsSink: for the same rows, a Writer writes the bytes the
// sink writes into its table files, in every format.
func TestWriterSameAsSink(t *testing.T) {
	docs := sampleDocs(t)
	md := map[string]string{"newsfacts.version": "test"}
	for _, f := range output.Formats() {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			writeDocs(t, output.Options{Dir: dir, Format: f, Metadata: md}, docs)

			var bufs [4]bytes.Buffer
			w, err := output.NewWriter(output.Options{Format: f, Metadata: md},
				[4]io.Writer{&bufs[0], &bufs[1], &bufs[2], &bufs[3]})
			if err != nil {
				t.Fatal(err)
			}
			for i := range docs {
				if err := w.Write(&docs[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Finish(); err != nil {
				t.Fatal(err)
			}
			if err := w.Write(&docs[0]); !errors.Is(err, output.ErrClosed) {
				t.Errorf("Write after Finish: %v, want ErrClosed", err)
			}
			for i, table := range output.TableNames() {
				want, err := os.ReadFile(filepath.Join(dir, output.FileName(table, f)))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(bufs[i].Bytes(), want) {
					t.Errorf("%s: the Writer's %d bytes differ from the sink's %d", table, bufs[i].Len(), len(want))
				}
			}
			if c := w.Counts(); c.Articles != int64(len(docs)) {
				t.Errorf("counts %+v", c)
			}
		})
	}
}

// TestWriterInvalidRow: a row no format can hold is refused, and nothing
// of its document is written.
func TestWriterInvalidRow(t *testing.T) {
	docs := sampleDocs(t)
	var bufs [4]bytes.Buffer
	w, err := output.NewWriter(output.Options{Format: output.FormatJSONL},
		[4]io.Writer{&bufs[0], &bufs[1], &bufs[2], &bufs[3]})
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if len(docs[i].Metrics) == 0 {
			continue
		}
		bad := docs[i]
		bad.Metrics = append([]output.MetricRow(nil), bad.Metrics...)
		bad.Metrics[0].Value = math.NaN()
		if err := w.Write(&bad); !errors.Is(err, output.ErrInvalidRow) {
			t.Fatalf("Write: %v, want ErrInvalidRow", err)
		}
		if c := w.Counts(); c != (output.Counts{}) || bufs[0].Len() != 0 {
			t.Errorf("counts %+v after a refused document", c)
		}
		return
	}
	t.Fatal("no sample document with metrics")
}
