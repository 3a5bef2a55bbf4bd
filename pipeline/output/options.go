package output

import (
	"errors"
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/parquet/compress"
)

// Format is an output file format.
type Format string

// Output formats. A Format is also the extension of its files.
const (
	// FormatParquet writes Parquet files, one row group per flushed batch.
	FormatParquet Format = "parquet"
	// FormatArrow writes Arrow IPC files (the random-access "file" format,
	// also known as Feather v2), one record batch per flushed batch.
	FormatArrow Format = "arrow"
	// FormatJSONL writes JSON Lines: one object per row, in column order.
	// It is also the golden-file format of the tests.
	FormatJSONL Format = "jsonl"
)

// Formats lists the supported formats, in the order help texts show them.
func Formats() []Format { return []Format{FormatParquet, FormatArrow, FormatJSONL} }

// ParseFormat returns the Format named by s, ignoring case and surrounding
// space.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	switch f {
	case FormatParquet, FormatArrow, FormatJSONL:
		return f, nil
	}
	return "", fmt.Errorf("unknown output format %q: want parquet, arrow or jsonl", s)
}

// Table names, in the order the tables are written and documented.
const (
	TableArticles = "articles"
	TableEntities = "entities"
	TableMetrics  = "metrics"
	TableDates    = "dates"
)

// TableNames returns the names of the four tables, in order.
func TableNames() []string {
	return []string{TableArticles, TableEntities, TableMetrics, TableDates}
}

// FileName returns the final file name of a table in format f, such as
// "metrics.parquet".
func FileName(table string, f Format) string { return table + "." + string(f) }

// Defaults of Options.
const (
	// DefaultBatchRows and DefaultBatchBytes are 32,768 rows and 8 MiB.
	// NOTE: a table holds two batches, the one it fills and the one its
	// goroutine encodes. With 65,536 rows and 32 MiB, when the tables were
	// encoded in turn, a run of the xwlb corpus on one core peaked at 289
	// MB; encoding in goroutines with 65,536 rows and 16 MiB, at 385–424
	// MB; at these sizes, at 300–330 MB, with files 1.4 % larger.
	DefaultBatchRows   = 32768
	DefaultBatchBytes  = 8 << 20
	DefaultCompression = "zstd"
)

// Options configures Open.
type Options struct {
	// Dir is the output folder. It is created if missing.
	Dir string
	// Format is the file format of all four tables.
	Format Format
	// Compression is the Parquet compression codec: "zstd" (the default
	// when empty), "snappy" or "none". Arrow IPC files are always written
	// uncompressed, so that readers can memory-map them; JSONL ignores it.
	Compression string
	// BatchRows is the number of rows a table buffers before it flushes a
	// record batch (Arrow) or a row group (Parquet). 0 means
	// DefaultBatchRows.
	BatchRows int
	// BatchBytes also flushes a table before its buffered string data would
	// exceed this many bytes (a single larger row makes a batch of its own).
	// 0 means DefaultBatchBytes.
	BatchBytes int
	// Metadata is written into the key-value metadata of Parquet files and
	// the schema metadata of Arrow files (for example the newsfacts
	// version), with keys in sorted order. JSONL has no place for it.
	Metadata map[string]string
	// Run describes the run in the manifest; Close reads it, so the caller
	// may fill in its counts until then. nil writes an empty description.
	Run *RunInfo
	// Notify, when set, is told of the files the sink removes that it did
	// not create: temporary files left by a killed run (in Open), tables
	// of another format (in Close). One message per occasion.
	Notify func(msg string)
}

// withDefaults checks o and fills in its defaults.
func (o Options) withDefaults() (Options, error) {
	if o.Dir == "" {
		return o, errors.New("output: Options.Dir is empty")
	}
	return o.withFileDefaults()
}

// withFileDefaults checks the options of the files (all but the folder)
// and fills in their defaults.
func (o Options) withFileDefaults() (Options, error) {
	switch o.Format {
	case FormatParquet, FormatArrow, FormatJSONL:
	default:
		return o, fmt.Errorf("output: unknown format %q: want parquet, arrow or jsonl", o.Format)
	}
	if o.Compression == "" {
		o.Compression = DefaultCompression
	}
	if _, err := parquetCodec(o.Compression); err != nil {
		return o, err
	}
	switch {
	case o.BatchRows < 0:
		return o, fmt.Errorf("output: BatchRows %d is negative", o.BatchRows)
	case o.BatchRows == 0:
		o.BatchRows = DefaultBatchRows
	}
	switch {
	case o.BatchBytes < 0:
		return o, fmt.Errorf("output: BatchBytes %d is negative", o.BatchBytes)
	case o.BatchBytes == 0:
		o.BatchBytes = DefaultBatchBytes
	}
	return o, nil
}

// parquetCodec returns the Parquet codec named by s.
func parquetCodec(s string) (compress.Compression, error) {
	switch strings.ToLower(s) {
	case "zstd":
		return compress.Codecs.Zstd, nil
	case "snappy":
		return compress.Codecs.Snappy, nil
	case "none", "uncompressed":
		return compress.Codecs.Uncompressed, nil
	}
	return 0, fmt.Errorf("output: unknown compression %q: want zstd, snappy or none", s)
}
