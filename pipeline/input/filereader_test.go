package input_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/pipeline/input"
)

// TestFileReaderSameAsReader: reading each file that a Reader lists with
// NewFileReader gives the Reader's own records, error records included (a
// file named twice, a file of unknown kind named explicitly, a file over
// the size limit, corrupt gzip).
func TestFileReaderSameAsReader(t *testing.T) {
	inputs := []string{"../../testdata/articles", "../../testdata/bad", "../../testdata/bad/unknown.csv",
		"../../testdata/articles/*.txt", "../../testdata/bad/truncated.jsonl"}
	opts := input.Options{MaxRecordBytes: 600}
	r, err := input.NewReader(inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := drain(t, r)
	r.Close()

	lister, err := input.NewReader(inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	files := lister.List()
	lister.Close()
	var got []input.Record
	for _, f := range files {
		fh, err := os.Open(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		fr := input.NewFileReader(f, fh, opts)
		got = append(got, drain(t, fr)...)
		fr.Close()
		fh.Close()
	}
	for _, e := range []error{input.ErrDuplicateInput, input.ErrUnknownKind, newsfacts.ErrTooLarge} {
		found := false
		for _, rec := range want {
			found = found || errors.Is(rec.Err, e)
		}
		if !found {
			t.Errorf("no record fails with %v: the test covers less than it says", e)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d records from the listed files, %d from the Reader", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		ge, we := "", ""
		if g.Err != nil {
			ge = g.Err.Error()
		}
		if w.Err != nil {
			we = w.Err.Error()
		}
		g.Err, w.Err = nil, nil
		if !reflect.DeepEqual(g, w) || ge != we {
			t.Errorf("record %d (%s):\ngot  %+v %q\nwant %+v %q", i, filepath.Base(w.Source), g, ge, w, we)
		}
	}
}
