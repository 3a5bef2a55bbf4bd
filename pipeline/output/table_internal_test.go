package output

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// batchRecorder is a batchWriter that records the rows of each batch.
type batchRecorder struct{ rows []int64 }

func (w *batchRecorder) write(b batch) error {
	w.rows = append(w.rows, b.rows)
	return nil
}

func (w *batchRecorder) Close() error { return nil }

// TestAddBatchBoundaries checks that an arrowTable given a document's rows
// at once cuts its batches where one given them a row at a time does:
// before the row that would go over BatchBytes, after the row that fills
// BatchRows.
func TestAddBatchBoundaries(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var docs [][]EntityRow
	for d := range 300 {
		rows := make([]EntityRow, rng.IntN(40))
		for i := range rows {
			rows[i] = EntityRow{DocID: fmt.Sprint(d), Type: "org", Text: strings.Repeat("x", rng.IntN(30))}
		}
		docs = append(docs, rows)
	}
	// want returns the rows of each batch when they come a row at a time.
	want := func(o Options) []int64 {
		var out []int64
		rows, bytes := 0, 0
		for _, doc := range docs {
			for _, r := range doc {
				n := len(r.DocID) + len(r.Type) + len(r.Text)
				if rows > 0 && bytes+n > o.BatchBytes {
					out = append(out, int64(rows))
					rows, bytes = 0, 0
				}
				rows++
				bytes += n
				if rows >= o.BatchRows {
					out = append(out, int64(rows))
					rows, bytes = 0, 0
				}
			}
		}
		if rows > 0 {
			out = append(out, int64(rows))
		}
		return out
	}
	for _, o := range []Options{
		{BatchRows: 1, BatchBytes: 1 << 20},
		{BatchRows: 7, BatchBytes: 1 << 20},
		{BatchRows: 1000, BatchBytes: 10},
		{BatchRows: 1000, BatchBytes: 50},
		{BatchRows: 13, BatchBytes: 200},
		{BatchRows: 1 << 20, BatchBytes: 1 << 20},
	} {
		var got batchRecorder
		tw := newArrowTable(entityColumns, true, o, &got)
		for _, doc := range docs {
			if err := tw.add(doc); err != nil {
				t.Fatal(err)
			}
		}
		if err := tw.finish(); err != nil {
			t.Fatal(err)
		}
		if w := want(o); !slices.Equal(got.rows, w) {
			t.Errorf("%+v: batches of %v rows; want %v", o, got.rows, w)
		}
	}
}
