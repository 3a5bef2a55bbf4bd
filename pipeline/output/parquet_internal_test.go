package output

import (
	"bytes"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// TestFlatWriterSameAsLibrary checks that a flatParquetWriter, which
// writes dictionary arrays itself where every entry is referenced
// (writeDict) and lists with levels of its own (writeList), writes the same
// file as pqarrow's FileWriter: dictionaries all referenced, one with an
// entry no index refers to, one with a duplicate value; lists empty, of one
// value and of several; over three row groups.
func TestFlatWriterSameAsLibrary(t *testing.T) {
	schema := arrow.NewSchema([]arrow.Field{{Name: "s", Type: arrow.BinaryTypes.String}, {Name: "l", Type: stringList}}, nil)
	dict := func(values []string, indices []int32) arrow.Array {
		b := array.NewStringBuilder(memory.DefaultAllocator)
		defer b.Release()
		b.AppendValues(values, nil)
		d := b.NewArray()
		defer d.Release()
		ib := array.NewInt32Builder(memory.DefaultAllocator)
		defer ib.Release()
		ib.AppendValues(indices, nil)
		idx := ib.NewArray()
		defer idx.Release()
		return array.NewDictionaryArray(dictType, idx, d)
	}
	list := func(lists ...[]string) arrow.Array {
		b := array.NewListBuilderWithField(memory.DefaultAllocator, stringList.ElemField())
		defer b.Release()
		for _, l := range lists {
			addStringList(b, l)
		}
		return b.NewArray()
	}
	batches := [][]arrow.Array{
		{dict([]string{"a", "c", "b"}, []int32{0, 1, 1, 2, 0}), list(nil, []string{"x"}, []string{"y", "z", "x"}, nil, []string{"w", "v"})},
		{dict([]string{"x", "m", "z"}, []int32{1, 1, 2}), list([]string{"a", "b"}, []string{"c"}, []string{"d", "e"})}, // "x" unreferenced
		{dict([]string{"q", "p", "q"}, []int32{0, 1, 2}), list(nil, nil, nil)},                                         // duplicate
	}
	write := func(flat bool) []byte {
		var buf bytes.Buffer
		props := parquet.NewWriterProperties(parquet.WithCreatedBy(createdBy), parquet.WithCompression(compress.Codecs.Zstd))
		var w batchWriter
		if flat {
			var err error
			if w, err = newParquetWriter(schema, &buf, props); err != nil {
				t.Fatal(err)
			}
			if _, ok := w.(*flatParquetWriter); !ok {
				t.Fatalf("%T; want a flatParquetWriter", w)
			}
		} else {
			fw, err := pqarrow.NewFileWriter(schema, &buf, props, pqarrow.DefaultWriterProps())
			if err != nil {
				t.Fatal(err)
			}
			w = parquetWriter{fw}
		}
		for _, b := range batches {
			if err := w.write(b, int64(b[0].Len())); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if got, want := write(true), write(false); !bytes.Equal(got, want) {
		t.Errorf("flatParquetWriter wrote %d bytes, not the %d of pqarrow's FileWriter", len(got), len(want))
	}
}
