package output

import (
	"encoding/json"
	"io"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
)

// createdBy is the Parquet created_by field. It is pinned so that files do
// not change with the version of the Parquet library.
const createdBy = "newsfacts"

// tableWriter writes the rows of one table to its file.
type tableWriter[R any] interface {
	// add appends rows, in order.
	add(rs []R) error
	// finish writes what is buffered and the file's trailer (footer) to the
	// file's buffer; it does not close the file.
	finish() error
	// seal hands what is buffered to the table's encoder, if it has one,
	// and ends its input; finish then waits for it. Sealing every table
	// before finishing any lets them encode their last rows in parallel.
	seal() error
	// release frees buffered rows without writing them, and waits for the
	// table's encoder to stop.
	release()
	// encodeTime returns the time spent encoding and writing batches so
	// far, outside add.
	encodeTime() time.Duration
}

// newTableWriter returns the writer of a table with columns cols, in the
// format of o, writing to w.
func newTableWriter[R any](cols []column[R], o Options, md *arrow.Metadata, w io.Writer) (tableWriter[R], error) {
	if o.Format == FormatJSONL {
		return newJSONLTable[R](w), nil
	}
	schema := schemaOf(cols, md)
	var out batchWriter
	dict := false // dictColumns for the short strings
	switch o.Format {
	case FormatArrow:
		fw, err := ipc.NewFileWriter(w, ipc.WithSchema(schema))
		if err != nil {
			return nil, err
		}
		out = ipcWriter{fw, schema}
	case FormatParquet:
		codec, err := parquetCodec(o.Compression)
		if err != nil {
			return nil, err
		}
		props := []parquet.WriterProperty{
			parquet.WithCreatedBy(createdBy),
			parquet.WithCompression(codec),
		}
		for _, c := range cols {
			if c.plain {
				props = append(props, parquet.WithDictionaryFor(c.field.Name, false))
			}
			if c.long {
				// NOTE: a dictionary of whole article texts never pays off
				// (the writer would hash a megabyte of them before falling
				// back to plain encoding), and min/max statistics of free
				// text help no query.
				props = append(props,
					parquet.WithDictionaryFor(c.field.Name, false),
					parquet.WithStatsFor(c.field.Name, false))
			}
		}
		pw, err := newParquetWriter(schema, w, parquet.NewWriterProperties(props...))
		if err != nil {
			return nil, err
		}
		out = pw
		// NOTE: without compression, the Parquet writer also falls back
		// from a dictionary that saves no space, at its first check, which
		// a dictionary array meets at once (see dictColumn.newArray).
		dict = codec != compress.Codecs.Uncompressed
	}
	return newArrowTable(cols, dict, o, out), nil
}

// batchWriter writes batches of rows to a file.
type batchWriter interface {
	write(b batch) error
	Close() error
}

// textsWriter is a batchWriter that takes the values of a textColumn as
// they are, in batch.texts, not as an array.
type textsWriter interface {
	takesTexts()
}

// ipcWriter writes each batch as a record batch of an Arrow IPC file.
type ipcWriter struct {
	*ipc.FileWriter
	schema *arrow.Schema
}

func (w ipcWriter) write(b batch) error {
	rec := array.NewRecordBatch(w.schema, b.cols, b.rows)
	defer rec.Release()
	return w.Write(rec)
}

// arrowTable buffers rows in columnBuffers and hands them out as a batch
// whenever BatchRows rows are buffered, or before the buffered string data
// would exceed BatchBytes, to a goroutine of its own that encodes and
// writes the batches in order.
//
// NOTE: encoding (Parquet's dictionaries, zstd) costs as much as a third of
// the extraction, and one goroutine doing it for all four tables limited a
// run to about three cores. With a goroutine per table, the tables encode
// in parallel with each other and with the extraction. Memory stays
// bounded: the hand-off is unbuffered, so a table holds at most the batch
// being encoded and the one being filled.
type arrowTable[R any] struct {
	bufs    []columnBuffer  // by column
	texts   bool            // out is a textsWriter
	appends []func([]R)     // by column: appends the rows' values
	sizes   []func([]R) int // the columns' of strings
	out     batchWriter

	rows, bytes       int
	maxRows, maxBytes int

	work    chan batch    // to the encoding goroutine; closed by seal
	done    chan struct{} // closed when the encoding goroutine ends
	sealed  bool
	aborted atomic.Bool  // release: the goroutine drops what is left
	failed  atomic.Bool  // err is set
	err     error        // the goroutine's first error; read after failed or done
	busy    atomic.Int64 // nanoseconds spent encoding and writing (CPU time where known)
}

// columnBuffer holds a column's values of the rows of a batch: an Arrow
// builder, or one of Go slices (dictColumn, valueColumn, stringColumn).
type columnBuffer interface {
	// NewArray returns the array of the values and empties the buffer.
	NewArray() arrow.Array
	// Release frees the buffer.
	Release()
}

// batch is a batch of rows: its columns' arrays, or for the textColumns
// of a textsWriter their values (texts; the array is then nil).
type batch struct {
	cols  []arrow.Array
	texts [][]string // by column; nil but for textColumns of a textsWriter
	rows  int64
}

// newArrowTable returns the table of columns cols writing to out; with
// dict, the columns of short strings are dictColumns.
func newArrowTable[R any](cols []column[R], dict bool, o Options, out batchWriter) *arrowTable[R] {
	t := &arrowTable[R]{
		out:     out,
		maxRows: o.BatchRows, maxBytes: o.BatchBytes,
		work: make(chan batch),
		done: make(chan struct{}),
	}
	// NOTE: a flatParquetWriter takes dictionary arrays holding "" too.
	_, emptyOK := out.(*flatParquetWriter)
	_, t.texts = out.(textsWriter)
	for _, c := range cols {
		if dict && c.text != nil {
			d, text := newDictColumn(emptyOK), c.text
			t.bufs = append(t.bufs, d)
			t.appends = append(t.appends, func(rs []R) {
				idx := d.extend(len(rs))
				for i := range idx {
					idx[i] = d.index(text(&rs[i]))
				}
			})
		} else {
			b, add := c.buffer()
			t.bufs = append(t.bufs, b)
			t.appends = append(t.appends, add)
		}
		if c.size != nil {
			t.sizes = append(t.sizes, c.size)
		}
	}
	go t.encode()
	return t
}

// encode writes the batches handed to it, in order, until seal. After an
// error or release it drops the rest.
func (t *arrowTable[R]) encode() {
	defer close(t.done)
	defer lockForClock()()
	for b := range t.work {
		if !t.failed.Load() && !t.aborted.Load() {
			c0, ok0 := readThreadTime()
			t0 := time.Now()
			if err := t.out.write(b); err != nil {
				t.err = err
				t.failed.Store(true)
			}
			t.busy.Add(int64(spent(c0, ok0, t0)))
		}
		for _, a := range b.cols {
			if a != nil {
				a.Release()
			}
		}
	}
}

// spent returns the time spent encoding a batch that started at wall-clock
// time t0 and thread CPU time c0 (when ok): the thread's CPU time since, if
// the goroutine is still on the same thread, else the wall-clock time.
//
// NOTE: the clocks only measure the stage for --stats. CPU time, where the
// system tells it, since on a busy machine (or one core) the four encoders
// and the workers wait for each other, and their wall-clock time would
// count the waits. With more than one P the encoding goroutine is not
// locked to its thread for this, as it was (see lockForClock): each time
// a locked goroutine blocks or wakes, its P is handed between threads, and
// the system often left the other core idle meanwhile, for 3–10 ms at a
// time (perf sched): 230–280 ms of idle core time in a two-worker run of
// the xwlb corpus, 90 ms unlocked. Unlocked, a batch's reading may include
// the time of another goroutine that ran on the thread while the encoder
// was preempted; two workers reported 0.58–0.59 s of encoding, locked
// 0.56–0.60 s.
func spent(c0 threadTime, ok bool, t0 time.Time) time.Duration {
	if c1, ok1 := readThreadTime(); ok && ok1 && c1.tid == c0.tid && c1.ns >= c0.ns {
		return time.Duration(c1.ns - c0.ns)
	}
	return time.Since(t0)
}

// add appends the rows a column at a time, as many as go into the batch
// being filled at once, flushing it wherever adding them a row at a time
// would.
//
// NOTE: a row at a time, every row called a closure per column to append
// its value, and one per column of strings to size it. A column at a
// time, a document's rows call one of each per column, and a
// dictColumn's index inlines. Writing the corpus's rows through a Sink
// (cachegrind, GOGC=off): 8.67 → 8.44 G instructions an op (-2.6 %); with
// recentValue's strings and the indices set in place, 8.40 G.
func (t *arrowTable[R]) add(rs []R) error {
	if len(rs) == 0 {
		return nil
	}
	// Most often all the rows go into the batch: they are counted a column
	// at a time too.
	if t.rows+len(rs) <= t.maxRows {
		n := 0
		for _, size := range t.sizes {
			n += size(rs)
		}
		if t.bytes+n <= t.maxBytes {
			for _, a := range t.appends {
				a(rs)
			}
			t.rows += len(rs)
			t.bytes += n
			if t.rows >= t.maxRows {
				return t.flush()
			}
			return nil
		}
	}
	for len(rs) > 0 {
		// The first k rows go into the batch, with n bytes of strings.
		k, n := 0, 0
		for k < len(rs) && t.rows+k < t.maxRows {
			m := 0
			for _, size := range t.sizes {
				m += size(rs[k : k+1])
			}
			// NOTE: flush before the row that would go over BatchBytes,
			// not after it: string builders grow by doubling, so going
			// just over a power of two (8 MiB) would double the largest
			// buffer (to 16 MiB) for a single row, while the old one is
			// still live.
			if t.rows+k > 0 && t.bytes+n+m > t.maxBytes {
				break
			}
			n += m
			k++
		}
		if k > 0 {
			for _, a := range t.appends {
				a(rs[:k])
			}
			t.rows += k
			t.bytes += n
			rs = rs[k:]
		}
		// The batch is full, or the next row does not fit.
		if k == 0 || t.rows >= t.maxRows {
			if err := t.flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush hands the buffered rows to the encoding goroutine as one record
// batch, waiting while it encodes the one before. It returns the error of
// an earlier batch, if any: an error of the file is final, whichever
// document's rows meet it.
//
// NOTE: for Parquet, a row group written a column at a time (as pqarrow's
// Write does), not WriteBuffered. Rows are already buffered, compactly, in
// the Arrow builders up to BatchRows/BatchBytes, so each flushed batch is
// exactly one row group, encoded and written out column by column. WriteBuffered would keep the encoded pages
// of every column of the open row group in memory as well, a second copy
// of the same data, to merge small records into larger row groups, which
// the builders already do.
func (t *arrowTable[R]) flush() error {
	if t.failed.Load() {
		return t.err
	}
	if t.rows == 0 {
		return nil
	}
	b := batch{cols: make([]arrow.Array, len(t.bufs)), rows: int64(t.rows)}
	for i, c := range t.bufs {
		if tc, ok := c.(*textColumn); ok && t.texts {
			if b.texts == nil {
				b.texts = make([][]string, len(t.bufs))
			}
			b.texts[i] = tc.take()
			continue
		}
		b.cols[i] = c.NewArray()
	}
	t.rows, t.bytes = 0, 0
	t.work <- b
	return nil
}

// seal hands over the last rows and tells the encoding goroutine that no
// more come; it does not wait for it. Only the first call does anything.
func (t *arrowTable[R]) seal() error {
	if t.sealed {
		return nil
	}
	err := t.flush()
	t.sealed = true
	close(t.work)
	return err
}

func (t *arrowTable[R]) finish() error {
	if err := t.seal(); err != nil {
		return err
	}
	<-t.done
	if t.failed.Load() {
		return t.err
	}
	return t.out.Close()
}

func (t *arrowTable[R]) release() {
	t.aborted.Store(true)
	if !t.sealed {
		t.sealed = true
		close(t.work)
	}
	<-t.done
	for _, b := range t.bufs {
		b.Release()
	}
}

func (t *arrowTable[R]) encodeTime() time.Duration { return time.Duration(t.busy.Load()) }

// jsonlTable writes each row as one line of JSON, in column order.
type jsonlTable[R any] struct{ enc *json.Encoder }

func newJSONLTable[R any](w io.Writer) *jsonlTable[R] {
	enc := json.NewEncoder(w)
	// NOTE: URLs and titles keep their & < > as written: the JSON stays
	// valid without the HTML-safe escapes, and is easier to read and grep.
	enc.SetEscapeHTML(false)
	return &jsonlTable[R]{enc: enc}
}

func (t *jsonlTable[R]) add(rs []R) error {
	for i := range rs {
		if err := t.enc.Encode(&rs[i]); err != nil {
			return err
		}
	}
	return nil
}

func (t *jsonlTable[R]) seal() error               { return nil }
func (t *jsonlTable[R]) finish() error             { return nil }
func (t *jsonlTable[R]) release()                  {}
func (t *jsonlTable[R]) encodeTime() time.Duration { return 0 }
