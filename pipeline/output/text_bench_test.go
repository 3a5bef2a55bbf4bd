package output_test

import (
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkTextColumn measures the cost of the articles table's text
// column alone, the largest of the output, under the Parquet settings
// considered for it: the zstd level, the page size and the encoding. It
// writes the xwlb texts as one string column in row groups of at most
// output.DefaultBatchBytes and reports text MB/s and the compressed size
// per text byte (ratio).
//
//	go test ./pipeline/output -run '^$' -bench TextColumn -count 5
func BenchmarkTextColumn(b *testing.B) {
	texts := corpusTexts(b)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	cases := []struct {
		name  string
		props []parquet.WriterProperty
	}{
		{"zstd-default", nil},
		{"zstd-1", []parquet.WriterProperty{parquet.WithCompressionLevel(1)}},
		{"zstd-1-page256k", []parquet.WriterProperty{parquet.WithCompressionLevel(1), parquet.WithDataPageSize(256 << 10)}},
		{"zstd-1-page4m", []parquet.WriterProperty{parquet.WithCompressionLevel(1), parquet.WithDataPageSize(4 << 20)}},
		{"zstd-1-delta", []parquet.WriterProperty{parquet.WithCompressionLevel(1), parquet.WithEncoding(parquet.Encodings.DeltaLengthByteArray)}},
		{"zstd-7", []parquet.WriterProperty{parquet.WithCompressionLevel(7)}},
		{"snappy", []parquet.WriterProperty{parquet.WithCompression(compress.Codecs.Snappy)}},
		{"none", []parquet.WriterProperty{parquet.WithCompression(compress.Codecs.Uncompressed)}},
	}
	schema := arrow.NewSchema([]arrow.Field{{Name: "text", Type: arrow.BinaryTypes.String}}, nil)
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			var out int64
			for b.Loop() {
				props := append([]parquet.WriterProperty{
					parquet.WithCompression(compress.Codecs.Zstd),
					parquet.WithDictionaryDefault(false),
					parquet.WithStats(false),
				}, c.props...)
				cw := &countingWriter{}
				out = writeTexts(b, schema, texts, cw, parquet.NewWriterProperties(props...))
			}
			b.ReportMetric(float64(out)/float64(size), "ratio")
		})
	}
}

// writeTexts writes texts as a one-column Parquet file to w and returns
// its size.
func writeTexts(b *testing.B, schema *arrow.Schema, texts []string, w *countingWriter, props *parquet.WriterProperties) int64 {
	fw, err := pqarrow.NewFileWriter(schema, w, props, pqarrow.DefaultWriterProps())
	if err != nil {
		b.Fatal(err)
	}
	bld := array.NewStringBuilder(memory.DefaultAllocator)
	defer bld.Release()
	flush := func() {
		arr := bld.NewArray()
		defer arr.Release()
		rec := array.NewRecordBatch(schema, []arrow.Array{arr}, int64(arr.Len()))
		defer rec.Release()
		if err := fw.Write(rec); err != nil {
			b.Fatal(err)
		}
	}
	n := 0
	for _, t := range texts {
		if n+len(t) > output.DefaultBatchBytes && n > 0 {
			flush()
			n = 0
		}
		bld.Append(t)
		n += len(t)
	}
	flush()
	if err := fw.Close(); err != nil {
		b.Fatal(err)
	}
	return w.n
}

// corpusTexts returns the article texts of the xwlb corpus.
func corpusTexts(b *testing.B) []string {
	var out []string
	err := eachCorpusDoc(sharedtest.Require(b, "corpus/xwlb/articles.jsonl"), func(d *output.DocRows) error {
		out = append(out, d.Article.Text)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}
