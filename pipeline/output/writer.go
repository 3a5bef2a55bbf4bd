package output

import (
	"fmt"
	"io"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// tables holds the writers of the four tables, in TableNames order.
type tables struct {
	articles tableWriter[ArticleRow]
	entities tableWriter[EntityRow]
	metrics  tableWriter[MetricRow]
	dates    tableWriter[DateRow]
	// spent is the encoding time of the writers release freed.
	spent time.Duration
	// article holds the articles row add writes, in its own storage, not
	// a new slice's for every document.
	article [1]ArticleRow
}

// openTables makes the writers of the four tables in the format of o (which
// has its defaults), writing to ws in TableNames order.
func openTables(o Options, ws [4]io.Writer) (tables, error) {
	var md *arrow.Metadata
	if len(o.Metadata) > 0 {
		m := arrow.MetadataFrom(o.Metadata) // sorted keys
		md = &m
	}
	var t tables
	var err error
	if t.articles, err = newTableWriter(articleColumns, o, md, ws[0]); err == nil {
		if t.entities, err = newTableWriter(entityColumns, o, md, ws[1]); err == nil {
			if t.metrics, err = newTableWriter(metricColumns, o, md, ws[2]); err == nil {
				t.dates, err = newTableWriter(dateColumns, o, md, ws[3])
			}
		}
	}
	if err != nil {
		t.release()
		return tables{}, err
	}
	return t, nil
}

// add appends one document's rows; on failure it returns the index of the
// table that failed.
func (t *tables) add(rows *DocRows) (int, error) {
	a := &t.article[0]
	*a = rows.Article
	if !rows.validText {
		a.Text = validUTF8(a.Text)
	}
	if a.Categories == nil {
		a.Categories = emptyList
	}
	if a.Tags == nil {
		a.Tags = emptyList
	}
	err := t.articles.add(t.article[:])
	*a = ArticleRow{} // let the document go
	if err != nil {
		return 0, err
	}
	if err := t.entities.add(rows.Entities); err != nil {
		return 1, err
	}
	if err := t.metrics.add(rows.Metrics); err != nil {
		return 2, err
	}
	if err := t.dates.add(rows.Dates); err != nil {
		return 3, err
	}
	return 0, nil
}

// finishers returns the finish functions of the four writers. It seals
// every table first, so that they encode their last rows in parallel; a
// sealing error is returned by that table's finish function.
func (t *tables) finishers() [4]func() error {
	fs := [4]func() error{t.articles.finish, t.entities.finish, t.metrics.finish, t.dates.finish}
	for i, seal := range [4]func() error{t.articles.seal, t.entities.seal, t.metrics.seal, t.dates.seal} {
		if err := seal(); err != nil {
			fs[i] = func() error { return err }
		}
	}
	return fs
}

// encodeTime returns the time the four tables' encoders have spent so far.
func (t *tables) encodeTime() time.Duration {
	d := t.spent
	for _, w := range []interface{ encodeTime() time.Duration }{t.articles, t.entities, t.metrics, t.dates} {
		if w != nil {
			d += w.encodeTime()
		}
	}
	return d
}

// release frees the rows buffered by the table writers.
func (t *tables) release() {
	for _, w := range []interface{ release() }{t.articles, t.entities, t.metrics, t.dates} {
		if w != nil {
			w.release()
		}
	}
	*t = tables{spent: t.encodeTime()}
}

// Writer writes the four tables to writers the caller provides, with the
// same schemas, metadata and file settings as a Sink, but none of its file
// handling: no folder, lock, temporary names or manifest. It is for
// programs that place the files themselves, such as a distributed run that
// writes one part of each table per batch of documents. A Writer is not
// safe for concurrent use. It must end with Finish or Abort, which stop the
// goroutines that encode its Parquet or Arrow tables.
type Writer struct {
	t      tables
	counts Counts
	errs   int64
	done   bool
}

// NewWriter returns a Writer of the four tables in the format of o, to ws
// in TableNames order (articles, entities, metrics, dates). o.Dir, Run and
// Notify are not used. The writers are not closed.
func NewWriter(o Options, ws [4]io.Writer) (*Writer, error) {
	o, err := o.withFileDefaults()
	if err != nil {
		return nil, err
	}
	t, err := openTables(o, ws)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	return &Writer{t: t}, nil
}

// Write appends one document's rows, as Sink.Write does: a row that no
// format can hold fails with an error wrapping ErrInvalidRow and nothing
// written; any other error is final.
func (w *Writer) Write(rows *DocRows) error {
	if w.done {
		return ErrClosed
	}
	if err := Validate(rows); err != nil {
		return err
	}
	if i, err := w.t.add(rows); err != nil {
		return fmt.Errorf("output: writing %s: %w", TableNames()[i], err)
	}
	w.counts.Articles++
	if rows.Article.Status == StatusError {
		w.errs++
	}
	w.counts.Entities += int64(len(rows.Entities))
	w.counts.Metrics += int64(len(rows.Metrics))
	w.counts.Dates += int64(len(rows.Dates))
	return nil
}

// Finish writes what is buffered and each file's trailer to the writers.
// The caller then flushes or closes them.
func (w *Writer) Finish() error {
	if w.done {
		return ErrClosed
	}
	w.done = true
	defer w.t.release()
	for i, f := range w.t.finishers() {
		if err := f(); err != nil {
			return fmt.Errorf("output: finishing %s: %w", TableNames()[i], err)
		}
	}
	return nil
}

// Abort frees the buffered rows without writing them.
func (w *Writer) Abort() {
	w.done = true
	w.t.release()
}

// Counts returns the rows written per table.
func (w *Writer) Counts() Counts { return w.counts }

// EncodeTime returns the time spent so far encoding and writing the
// tables' batches, summed over the tables, which do it in goroutines of
// their own (see Encoder).
func (w *Writer) EncodeTime() time.Duration { return w.t.encodeTime() }

// Errors returns the number of articles rows with status "error" written.
func (w *Writer) Errors() int64 { return w.errs }
