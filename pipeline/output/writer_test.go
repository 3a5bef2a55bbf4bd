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

			w, bufs := writeAll(t, output.Options{Format: f, Metadata: md}, docs)
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

// failAfter is an io.Writer that fails once n bytes have been written.
type failAfter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriterEncodeError: the tables encode in goroutines of their own, so
// an error of a table's file reaches the caller from a later Write or from
// Finish, never lost and never hanging; nothing is written after it.
func TestWriterEncodeError(t *testing.T) {
	docs := manyDocs(50)
	for _, f := range []output.Format{output.FormatParquet, output.FormatArrow} {
		t.Run(string(f), func(t *testing.T) {
			bad := &failAfter{n: 100}
			var ok [3]bytes.Buffer
			w, err := output.NewWriter(output.Options{Format: f, BatchRows: 2},
				[4]io.Writer{bad, &ok[0], &ok[1], &ok[2]})
			if err != nil {
				t.Fatal(err)
			}
			var got error
			for i := range docs {
				if got = w.Write(&docs[i]); got != nil {
					break
				}
			}
			if got == nil {
				got = w.Finish()
			} else {
				w.Abort()
			}
			if !errors.Is(got, errDiskFull) {
				t.Errorf("error %v, want one wrapping %v", got, errDiskFull)
			}
		})
	}
}

// TestWriterAbortWhileEncoding: Abort stops the encoders of a Writer with
// batches in flight and returns.
func TestWriterAbortWhileEncoding(t *testing.T) {
	w, _ := writeAll(t, output.Options{Format: output.FormatParquet, BatchRows: 3}, manyDocs(200))
	w.Abort()
	if err := w.Finish(); !errors.Is(err, output.ErrClosed) {
		t.Errorf("Finish after Abort: %v, want ErrClosed", err)
	}
	if w.EncodeTime() <= 0 {
		t.Errorf("EncodeTime %v after encoding batches; want > 0", w.EncodeTime())
	}
}

// writeAll writes docs with a new Writer of options o into buffers, and
// returns the Writer, not finished, and the buffers.
func writeAll(t *testing.T, o output.Options, docs []output.DocRows) (*output.Writer, *[4]bytes.Buffer) {
	t.Helper()
	var bufs [4]bytes.Buffer
	w, err := output.NewWriter(o, [4]io.Writer{&bufs[0], &bufs[1], &bufs[2], &bufs[3]})
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if err := w.Write(&docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	return w, &bufs
}
