package output

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/metadata"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// TestFlatWriterSameAsLibrary checks that a flatParquetWriter, which
// writes dictionary arrays itself where every entry is referenced
// (writeDict), lists with levels of its own (writeList), texts as they
// are (writeTexts) and int32 values as a dictionary of its own
// (writeInt32s), writes the same file as pqarrow's FileWriter:
// dictionaries all referenced, one with an entry no index refers to, one
// with a duplicate value; lists empty, of one value and of several; texts
// empty, and over several pages; int32 values small, large and negative,
// repeated or not; over three row groups.
func TestFlatWriterSameAsLibrary(t *testing.T) {
	schema := arrow.NewSchema([]arrow.Field{{Name: "s", Type: arrow.BinaryTypes.String}, {Name: "l", Type: stringList}, {Name: "t", Type: arrow.BinaryTypes.String}, {Name: "n", Type: arrow.PrimitiveTypes.Int32}}, nil)
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
	str := func(values []string) arrow.Array {
		b := array.NewStringBuilder(memory.DefaultAllocator)
		defer b.Release()
		b.AppendValues(values, nil)
		return b.NewArray()
	}
	ints := func(values []int32) arrow.Array {
		b := array.NewInt32Builder(memory.DefaultAllocator)
		defer b.Release()
		b.AppendValues(values, nil)
		return b.NewArray()
	}
	// Batch 2: 3,000 rows, texts of 1,000 to 4,000 bytes over several
	// pages.
	var texts [3][]string
	texts[0] = []string{"", "a", "", "bc", ""}
	idx := make([]int32, 3000)
	lists := make([][]string, 3000)
	nums := make([]int32, 3000)
	for i := range 3000 {
		nums[i] = int32(i%700*(i%3-1)) * int32(1+i%5*20000)
		texts[1] = append(texts[1], fmt.Sprintf("%d %s", i, strings.Repeat("字", 333+i%1000)))
		idx[i] = int32(1 + i%2) // "x" unreferenced
		lists[i] = []string{"a", "b", "c"}[:i%4%3]
	}
	texts[2] = []string{"文", "", "字"}
	batches := [][]arrow.Array{
		{dict([]string{"a", "c", "b"}, []int32{0, 1, 1, 2, 0}), list(nil, []string{"x"}, []string{"y", "z", "x"}, nil, []string{"w", "v"}), str(texts[0]),
			ints([]int32{5, 5, 1 << 15, -1, 0})},
		{dict([]string{"x", "m", "z"}, idx), list(lists...), str(texts[1]), ints(nums)},
		{dict([]string{"q", "p", "q"}, []int32{0, 1, 2}), list(nil, nil, nil), str(texts[2]), ints([]int32{7, 7, 7})}, // duplicate
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
		for k, b := range batches {
			bt := batch{cols: b, rows: int64(b[0].Len())}
			if flat {
				bt.cols = append([]arrow.Array(nil), b...)
				bt.cols[2] = nil
				bt.texts = [][]string{nil, nil, texts[k], nil}
			}
			if err := w.write(bt); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	got, want := write(true), write(false)
	if !bytes.Equal(pages(t, got), pages(t, want)) {
		t.Errorf("flatParquetWriter wrote %d bytes of pages, not those of pqarrow's FileWriter (%d bytes)", len(got), len(want))
	}
	if !bytes.Equal(footer(t, got), footer(t, want)) {
		t.Errorf("flatParquetWriter wrote another footer than pqarrow's FileWriter")
	}
}

// pages returns a Parquet file's bytes before its footer.
func pages(t *testing.T, b []byte) []byte {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
	return b[:len(b)-8-n]
}

// footer returns a Parquet file's footer with the page encoding counts of
// each column chunk in a fixed order.
//
// NOTE: arrow-go (v18.8.0, ColumnChunkMetaDataBuilder.Finish) lists them
// from Go maps, so a chunk whose data pages have two encodings (a
// dictionary that fell back to plain) lists them in either order, from
// one run to the next, whichever writer wrote the file.
func footer(t *testing.T, b []byte) []byte {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
	md, err := metadata.NewFileMetaData(b[len(b)-8-n:len(b)-8], nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, rg := range md.RowGroups {
		for _, c := range rg.Columns {
			st := c.MetaData.EncodingStats
			sort.Slice(st, func(i, j int) bool {
				if st[i].PageType != st[j].PageType {
					return st[i].PageType < st[j].PageType
				}
				return st[i].Encoding < st[j].Encoding
			})
		}
	}
	out, err := md.Serialize(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestInOrder checks inOrder on indices in order, out of order, with an
// entry unreferenced, and outside the dictionary.
func TestInOrder(t *testing.T) {
	for _, tt := range []struct {
		indices []int32
		n       int
		want    bool
	}{
		{nil, 0, true},
		{[]int32{0, 0, 1, 0, 2, 1}, 3, true},
		{[]int32{1, 0}, 2, false}, // all referenced, but not in order
		{[]int32{0, 1}, 3, false},
		{[]int32{0, 2}, 3, false},
		{[]int32{0, 1, 2}, 2, false},
		{[]int32{0, -1}, 1, false},
	} {
		if got := inOrder(tt.indices, tt.n); got != tt.want {
			t.Errorf("inOrder(%v, %d) = %v; want %v", tt.indices, tt.n, got, tt.want)
		}
	}
}
