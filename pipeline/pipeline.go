// Package pipeline runs newsfacts end to end: it pulls raw records from a
// source, parses and extracts them in a pool of workers, and hands the rows
// to a sink in input order, with a bounded number of documents in flight.
//
// The sub-packages hold the two ends: pipeline/input reads and parses
// dumps, pipeline/output writes the four tables.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/pipeline/input"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Source yields raw records in input order. *input.Reader implements it.
type Source interface {
	// Next returns the next record, or io.EOF after the last one.
	Next(ctx context.Context) (input.Record, error)
}

// Options configures Run.
type Options struct {
	// Workers is the number of goroutines that parse and extract; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Window bounds the documents in flight between the source and the sink
	// (read, being processed, or waiting for an earlier document to be
	// written); 0 means 16 per worker. Memory use grows with it.
	Window int
	// Parse is passed to input.Parse for every record.
	Parse input.ParseOptions
	// Chain is the extractors to run; nil runs none (articles only).
	Chain *extractors.Chain
	// MaxRowsPerDoc is the most rows one document gives each of the
	// entities, metrics and dates tables: the first in text order are
	// kept, links to the others become null, and the document counts in
	// Stats.Capped. 0 means DefaultMaxRowsPerDoc.
	MaxRowsPerDoc int
	// WindowBytes is the largest text the extractors see at once: a longer
	// document is extracted in windows of at most this size, cut at line
	// breaks or sentence ends where it can be (see extract). 0 means
	// DefaultWindowBytes.
	WindowBytes int
	// Progress, when set, is called from the writing goroutine after each
	// document is written, with the document's rows and the running totals.
	// It must not keep rows.
	Progress func(rows *output.DocRows, st Stats)
}

// Stats are the running totals of a run.
type Stats struct {
	// Docs is the number of documents written; Errors how many of them
	// have status "error".
	Docs, Errors int64
	// Capped counts the documents whose rows were cut at
	// Options.MaxRowsPerDoc.
	Capped int64
	// Renamed counts the documents whose id was taken by an earlier
	// document of the run and that got a suffix ("~2", "~3" …).
	Renamed int64
	// TextBytes is the size of the parsed article texts, in bytes.
	TextBytes int64
	// Rows counts the rows written per table.
	Rows output.Counts
	// Stages is the time spent per stage, summed over workers, in pipeline
	// order: "parse", one entry per extractor ("extract:<name>"), "rows"
	// (conversion to table rows) and "write" (the sink's Write, on the
	// goroutine that orders the documents; a Parquet or Arrow sink encodes
	// in goroutines of its own, which output.Encoder reports).
	Stages []Stage
	// Started is when Run started; FirstOutput is the time from then to the
	// first document written to the sink.
	Started     time.Time
	FirstOutput time.Duration
}

// Stage is the time spent in one stage of a run.
type Stage struct {
	Name string
	Time time.Duration
}

// job is one document in flight.
type job struct {
	seq  int64
	rec  input.Record
	rows output.DocRows
	err  error // non-nil when the document failed
	// capped is set when rows of the document were dropped at
	// Options.MaxRowsPerDoc.
	capped bool
	text   int
	// spent holds the time per stage spent on this document: parse, each
	// extractor, rows.
	spent []time.Duration
}

// maxRecycledRows bounds the rows per table of a job that is recycled.
const maxRecycledRows = 4096

// reset readies a recycled job for record rec, keeping the storage of its
// rows and stage times.
func (j *job) reset(seq int64, rec input.Record) {
	rows, spent := j.rows, j.spent
	*j = job{seq: seq, rec: rec, spent: spent[:0]}
	j.rows = output.DocRows{Entities: rows.Entities[:0], Metrics: rows.Metrics[:0], Dates: rows.Dates[:0]}
}

// small reports whether the job's rows are small enough to recycle.
func (j *job) small() bool {
	return cap(j.rows.Entities) <= maxRecycledRows && cap(j.rows.Metrics) <= maxRecycledRows && cap(j.rows.Dates) <= maxRecycledRows
}

func (o Options) maxRowsPerDoc() int {
	if o.MaxRowsPerDoc > 0 {
		return o.MaxRowsPerDoc
	}
	return DefaultMaxRowsPerDoc
}

func (o Options) windowBytes() int {
	if o.WindowBytes > 0 {
		return o.WindowBytes
	}
	return DefaultWindowBytes
}

// Run processes every record of src and writes the rows to sink, in the
// order src yields them whatever the number of workers. Document ids are
// made unique within the run: a document whose id an earlier one has
// gets the first free suffix "~2", "~3" … (counted in Stats.Renamed). A document that
// fails becomes an articles row with status "error"; it never stops the
// run. Run returns early with an error only when ctx is cancelled, the
// source fails to read, or the sink fails to write; the caller then aborts
// the sink. Run does not close the sink.
func Run(ctx context.Context, src Source, sink output.Sink, opts Options) (Stats, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := opts.Window
	if window <= 0 {
		window = 16 * workers
	}
	// NOTE: documents go from the reader to the workers, and from them to
	// the writer, in batches of a quarter of the window per worker (four
	// by default), not one by one, which made about six goroutine
	// hand-offs per document (18,166 on the xwlb corpus). One core, 12
	// runs each in turn: 2.935 → 2.835 s (−3.4 %, p = 0.050); two cores:
	// no difference (1.645 → 1.660 s, p = 0.81).
	batchDocs := max(1, window/(4*workers))
	var exts []extractors.Extractor
	if opts.Chain != nil {
		exts = opts.Chain.Extractors()
	}
	stageNames := make([]string, 0, len(exts)+2)
	stageNames = append(stageNames, "parse")
	for _, e := range exts {
		stageNames = append(stageNames, "extract:"+e.Name())
	}
	stageNames = append(stageNames, "rows", "write")

	// NOTE: time is read here only to measure how long stages take; no
	// extracted value depends on it.
	start := time.Now()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	// slots bounds the documents in flight: the reader takes a slot before
	// reading a record and the writer gives it back after writing it.
	slots := make(chan struct{}, window)
	jobs := make(chan []*job, window)
	done := make(chan []*job, window)

	// NOTE: jobs are recycled, with their rows' storage, once written:
	// a document's rows were a tenth of the run's allocations. A job whose
	// rows grew large on a long document is left to the collector, so that
	// the window's memory stays that of ordinary documents.
	var recycled sync.Pool
	recycled.New = func() any { return new(job) }
	go func() {
		defer close(jobs)
		var batch []*job
		// send hands the batch read so far to the workers.
		send := func() bool {
			if len(batch) == 0 {
				return true
			}
			select {
			case jobs <- batch:
				batch = nil
				return true
			case <-ctx.Done():
				return false
			}
		}
		for seq := int64(0); ; seq++ {
			select {
			case slots <- struct{}{}:
			default:
				// The window is full: what this goroutine holds goes out
				// before it waits, so that the documents it waits for
				// can be processed and written.
				if !send() {
					return
				}
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
			}
			rec, err := src.Next(ctx)
			if err != nil {
				if !errors.Is(err, io.EOF) {
					cancel(fmt.Errorf("reading input: %w", err))
					return
				}
				send()
				return
			}
			j := recycled.Get().(*job)
			j.reset(seq, rec)
			batch = append(batch, j)
			if len(batch) >= batchDocs && !send() {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var b []*job
				select {
				case b = <-jobs:
				case <-ctx.Done():
					return
				}
				if b == nil {
					return // jobs closed
				}
				for _, j := range b {
					process(j, opts, exts)
				}
				select {
				case done <- b:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	st := Stats{Started: start, Stages: make([]Stage, len(stageNames))}
	for i, n := range stageNames {
		st.Stages[i].Name = n
	}
	write := &st.Stages[len(st.Stages)-1]
	pending := make(map[int64]*job, window)
	next := int64(0)
	var ids uniqueIDs
	var writeErr error
	for b := range done {
		for _, j := range b {
			pending[j.seq] = j
		}
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			for i, d := range j.spent {
				st.Stages[i].Time += d
			}
			if ids.makeUnique(&j.rows) {
				st.Renamed++
			}
			t0 := time.Now()
			err := sink.Write(ctx, &j.rows)
			if errors.Is(err, output.ErrInvalidRow) {
				// The sink refused the document's rows (a NaN value, say)
				// without writing any: keep the run going with an error
				// row in their place.
				j.err = &newsfacts.DocError{Source: j.rows.Article.Source, Op: "write", Err: err}
				j.rows = errorRows(j.rows.Article, j.err)
				err = sink.Write(ctx, &j.rows)
			}
			if err != nil {
				writeErr = fmt.Errorf("writing %s: %w", j.rows.Article.DocID, err)
				cancel(writeErr)
				break
			}
			write.Time += time.Since(t0)
			if st.Docs == 0 {
				st.FirstOutput = time.Since(start)
			}
			st.Docs++
			if j.err != nil {
				st.Errors++
			}
			if j.capped {
				st.Capped++
			}
			st.TextBytes += int64(j.text)
			st.Rows = sink.Counts()
			<-slots
			if opts.Progress != nil {
				opts.Progress(&j.rows, st)
			}
			if j.small() {
				recycled.Put(j)
			}
		}
		if writeErr != nil {
			break
		}
	}
	// Drain so that no worker stays blocked on done.
	for range done {
	}
	switch {
	case writeErr != nil:
		return st, writeErr
	case ctx.Err() != nil:
		// A read error, or the caller's cancellation.
		return st, context.Cause(ctx)
	}
	return st, nil
}

// errorRows returns the rows of a document that failed after extraction:
// its articles row alone, with status "error".
func errorRows(a output.ArticleRow, err error) output.DocRows {
	a.Status = output.StatusError
	a.Error = err.Error()
	a.Text = ""
	a.Chars = 0
	return output.DocRows{Article: a}
}
