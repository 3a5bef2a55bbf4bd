package output

import (
	"encoding/json"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// createdBy is the Parquet created_by field. It is pinned so that files do
// not change with the version of the Parquet library.
const createdBy = "newsfacts"

// tableWriter writes the rows of one table to its file.
type tableWriter[R any] interface {
	// add appends one row.
	add(r *R) error
	// finish writes what is buffered and the file's trailer (footer) to the
	// file's buffer; it does not close the file.
	finish() error
	// release frees buffered rows without writing them.
	release()
}

// newTableWriter returns the writer of a table with columns cols, in the
// format of o, writing to w.
func newTableWriter[R any](cols []column[R], o Options, md *arrow.Metadata, w io.Writer) (tableWriter[R], error) {
	if o.Format == FormatJSONL {
		return newJSONLTable[R](w), nil
	}
	schema := schemaOf(cols, md)
	var out batchWriter
	switch o.Format {
	case FormatArrow:
		fw, err := ipc.NewFileWriter(w, ipc.WithSchema(schema))
		if err != nil {
			return nil, err
		}
		out = fw
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
		fw, err := pqarrow.NewFileWriter(schema, w, parquet.NewWriterProperties(props...), pqarrow.DefaultWriterProps())
		if err != nil {
			return nil, err
		}
		out = fw
	}
	return newArrowTable(cols, schema, o, out), nil
}

// batchWriter writes record batches to a file: *ipc.FileWriter and
// *pqarrow.FileWriter.
type batchWriter interface {
	Write(rec arrow.RecordBatch) error
	Close() error
}

// arrowTable buffers rows in Arrow builders and writes them out as a record
// batch whenever BatchRows rows are buffered, or before the buffered string
// data would exceed BatchBytes.
type arrowTable[R any] struct {
	b       *array.RecordBuilder
	appends []func(*R)
	sizes   []func(*R) int
	out     batchWriter

	rows, bytes       int
	maxRows, maxBytes int
}

func newArrowTable[R any](cols []column[R], schema *arrow.Schema, o Options, out batchWriter) *arrowTable[R] {
	t := &arrowTable[R]{
		b:       array.NewRecordBuilder(memory.DefaultAllocator, schema),
		out:     out,
		maxRows: o.BatchRows, maxBytes: o.BatchBytes,
	}
	for i, c := range cols {
		t.appends = append(t.appends, c.bind(t.b.Field(i)))
		if c.size != nil {
			t.sizes = append(t.sizes, c.size)
		}
	}
	return t
}

func (t *arrowTable[R]) add(r *R) error {
	n := 0
	for _, size := range t.sizes {
		n += size(r)
	}
	// NOTE: flush before the row that would go over BatchBytes, not after
	// it: string builders grow by doubling, so going just over a power of
	// two (32 MiB) would double the largest buffer (to 64 MiB) for a
	// single row, while the old one is still live.
	if t.rows > 0 && t.bytes+n > t.maxBytes {
		if err := t.flush(); err != nil {
			return err
		}
	}
	for _, a := range t.appends {
		a(r)
	}
	t.rows++
	t.bytes += n
	if t.rows >= t.maxRows {
		return t.flush()
	}
	return nil
}

// flush writes the buffered rows as one record batch.
//
// NOTE: for Parquet, pqarrow's Write, not WriteBuffered. Rows are already
// buffered, compactly, in the Arrow builders up to BatchRows/BatchBytes, so
// each flushed batch is exactly one row group, which Write encodes and
// writes out column by column. WriteBuffered would keep the encoded pages
// of every column of the open row group in memory as well, a second copy
// of the same data, to merge small records into larger row groups, which
// the builders already do.
func (t *arrowTable[R]) flush() error {
	if t.rows == 0 {
		return nil
	}
	rec := t.b.NewRecordBatch()
	defer rec.Release()
	t.rows, t.bytes = 0, 0
	return t.out.Write(rec)
}

func (t *arrowTable[R]) finish() error {
	if err := t.flush(); err != nil {
		return err
	}
	return t.out.Close()
}

func (t *arrowTable[R]) release() { t.b.Release() }

// jsonlTable writes each row as one line of JSON, in column order.
type jsonlTable[R any] struct{ enc *json.Encoder }

func newJSONLTable[R any](w io.Writer) *jsonlTable[R] {
	enc := json.NewEncoder(w)
	// NOTE: URLs and titles keep their & < > as written: the JSON stays
	// valid without the HTML-safe escapes, and is easier to read and grep.
	enc.SetEscapeHTML(false)
	return &jsonlTable[R]{enc: enc}
}

func (t *jsonlTable[R]) add(r *R) error { return t.enc.Encode(r) }
func (t *jsonlTable[R]) finish() error  { return nil }
func (t *jsonlTable[R]) release()       {}
