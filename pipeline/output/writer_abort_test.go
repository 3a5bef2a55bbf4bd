package output_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// TestWriterErrorsAndAbort: Errors counts the articles rows with status
// "error"; after Abort the Writer writes nothing more and refuses rows.
func TestWriterErrorsAndAbort(t *testing.T) {
	docs := sampleDocs(t)
	want := int64(0)
	for _, d := range docs {
		if d.Article.Status == output.StatusError {
			want++
		}
	}
	if want == 0 {
		t.Fatal("the sample documents have no error row")
	}
	var bufs [4]bytes.Buffer
	w, err := output.NewWriter(output.Options{Format: output.FormatJSONL}, [4]io.Writer{&bufs[0], &bufs[1], &bufs[2], &bufs[3]})
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if err := w.Write(&docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if got := w.Errors(); got != want {
		t.Errorf("Errors() = %d, want %d", got, want)
	}
	written := [4]int{}
	for i := range bufs {
		written[i] = bufs[i].Len()
	}
	w.Abort()
	if err := w.Write(&docs[0]); !errors.Is(err, output.ErrClosed) {
		t.Errorf("Write after Abort: %v, want ErrClosed", err)
	}
	if err := w.Finish(); !errors.Is(err, output.ErrClosed) {
		t.Errorf("Finish after Abort: %v, want ErrClosed", err)
	}
	for i := range bufs {
		if bufs[i].Len() != written[i] {
			t.Errorf("%s: Abort wrote %d more bytes", output.TableNames()[i], bufs[i].Len()-written[i])
		}
	}
}
