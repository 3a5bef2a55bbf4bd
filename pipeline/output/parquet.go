package output

import (
	"context"
	"fmt"
	"io"
	"slices"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/metadata"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// newParquetWriter returns the writer of a Parquet file of schema with
// properties props, to w: a flatParquetWriter when every column is flat
// or a simpleList, else a parquetWriter.
func newParquetWriter(schema *arrow.Schema, w io.Writer, props *parquet.WriterProperties) (batchWriter, error) {
	arrowProps := pqarrow.DefaultWriterProps()
	nullable := make([]bool, schema.NumFields())
	for i, f := range schema.Fields() {
		if arrow.IsNested(f.Type.ID()) && !simpleList(f) {
			fw, err := pqarrow.NewFileWriter(schema, w, props, arrowProps)
			if err != nil {
				return nil, err
			}
			return parquetWriter{fw}, nil
		}
		nullable[i] = f.Nullable
	}
	// As pqarrow.NewFileWriter does, but for the Arrow schema in the
	// metadata, which pqarrow.DefaultWriterProps does not store either.
	pqSchema, err := pqarrow.ToParquet(schema, props, arrowProps)
	if err != nil {
		return nil, err
	}
	meta := make(metadata.KeyValueMetadata, 0)
	md := schema.Metadata()
	for i, k := range md.Keys() {
		if err := meta.Append(k, md.Values()[i]); err != nil {
			return nil, err
		}
	}
	fw, err := file.NewParquetWriterWithError(w, pqSchema.Root(), file.WithWriterProps(props), file.WithWriteMetadata(meta))
	if err != nil {
		return nil, err
	}
	return &flatParquetWriter{fw: fw, ctx: pqarrow.NewArrowWriteContext(context.Background(), &arrowProps), nullable: nullable}, nil
}

// parquetWriter writes each batch as a row group of a Parquet file, a
// column at a time, as pqarrow's Write does with a record batch.
//
// NOTE: a column may come as a dictionary array (dictColumn) in one batch
// and as strings in another, which a record batch of a single schema
// could not hold. Either way it is the same Parquet column of strings.
type parquetWriter struct{ *pqarrow.FileWriter }

func (w parquetWriter) write(b batch) error {
	if err := w.NewRowGroupChecked(); err != nil {
		return err
	}
	for _, c := range b.cols {
		if err := w.WriteColumnData(c); err != nil {
			return err
		}
	}
	return nil
}

// flatParquetWriter writes each batch as a row group of a Parquet file of
// flat columns and simpleLists, a column at a time, with the Parquet
// library's column writers, as pqarrow's FileWriter does. It takes the
// values of textColumns as they are (textsWriter).
//
// NOTE: unlike pqarrow's FileWriter, it reaches the column writer, and so
// the statistics, of each column: the writer's statistics of a dictionary
// array leave "" out (arrow-go v18.8.0, ByteArrayStatistics.UpdateFromArrow
// skips empty values), and a batch of a column holding "" went to the
// writer as plain strings instead, which it hashed one by one into its
// dictionary: 2.0 million values of the xwlb corpus's run (entities' code
// and parent, metrics' unit, direction, baseline …). Here such a column
// goes as a dictionary array too, and its minimum is set to "" first. The
// file is the same.
type flatParquetWriter struct {
	fw       *file.Writer
	ctx      context.Context
	rgw      file.SerialRowGroupWriter
	nullable []bool              // by column
	def      []int16             // definition levels of a nullable column or list, reused
	rep      []int16             // repetition levels of a list, reused
	vals     []parquet.ByteArray // values of writeTexts, reused
	ints     int32Dict           // scratch of writeInt32s, reused
}

func (w *flatParquetWriter) write(b batch) error {
	if w.rgw != nil {
		if err := w.rgw.Close(); err != nil {
			return err
		}
	}
	rgw, err := w.fw.AppendRowGroupChecked()
	if err != nil {
		return err
	}
	w.rgw = rgw
	for i, c := range b.cols {
		cw, err := rgw.NextColumn()
		if err != nil {
			return err
		}
		if b.texts != nil && b.texts[i] != nil {
			if err := w.writeTexts(cw, b.texts[i]); err != nil {
				return err
			}
			continue
		}
		if l, ok := c.(*array.List); ok {
			if err := w.writeList(cw, l); err != nil {
				return err
			}
			continue
		}
		// NOTE: the levels pqarrow gives a flat column: none for a
		// required one, 1 for a value and 0 for a null of a nullable one.
		var def []int16
		if w.nullable[i] {
			def = w.def[:0]
			for k := range c.Len() {
				if c.IsValid(k) {
					def = append(def, 1)
				} else {
					def = append(def, 0)
				}
			}
			w.def = def
		}
		if d, ok := c.(*array.Dictionary); ok && hasEmpty(d.Dictionary()) {
			// Set before the values, in the page's statistics, which
			// the values' own minimum cannot go below. A dictColumn's
			// indices fill less than a page, so the page is the one
			// the indices go to.
			if st, ok := cw.PageStatistics().(*metadata.ByteArrayStatistics); ok {
				st.SetMinMax(parquet.ByteArray{}, parquet.ByteArray{})
			}
		}
		if a, ok := c.(*array.Int32); ok && !w.nullable[i] {
			done, err := w.writeInt32s(cw, a)
			if err != nil {
				return err
			}
			if done {
				continue
			}
		}
		if d, ok := c.(*array.Dictionary); ok && !w.nullable[i] {
			done, err := w.writeDict(cw, d)
			if err != nil {
				return err
			}
			if done {
				continue
			}
		}
		if err := pqarrow.WriteArrowToColumn(w.ctx, cw, c, def, nil, w.nullable[i]); err != nil {
			return err
		}
	}
	return nil
}

func (w *flatParquetWriter) takesTexts() {}

// writeTexts writes the values of a textColumn to the column chunk cw, of
// strings without nulls, as pqarrow writes a string array of them (plain
// encoding: the library copies each value into the page).
//
// NOTE: the texts go to the writer as they are, not copied into the data
// of a string array first (textColumn.NewArray): BenchmarkWriteParquet/xwlb
// 278.2 → 247.1 MiB allocated an op, peak RSS 490 → 460 MiB (taskset -c 0,
// 6 interleaved runs, p = 0.002 and 0.004). The writer only reads the
// values (it copies them into its page), so a parquet.ByteArray over a
// string's bytes is safe.
func (w *flatParquetWriter) writeTexts(cw file.ColumnChunkWriter, texts []string) error {
	bw, ok := cw.(*file.ByteArrayColumnChunkWriter)
	if !ok {
		return fmt.Errorf("output: texts for a column of %s", cw.Type())
	}
	vals := w.vals[:0]
	for _, s := range texts {
		v := parquet.ByteArray{}
		if len(s) > 0 {
			v = unsafe.Slice(unsafe.StringData(s), len(s))
		}
		vals = append(vals, v)
	}
	_, err := bw.WriteBatch(vals, nil, nil)
	clear(vals) // let the documents' texts go
	w.vals = vals[:0]
	return err
}

// simpleList reports whether f is a list that is never null, of values
// that are never null and not nested (articles.categories and tags),
// which a flatParquetWriter writes.
func simpleList(f arrow.Field) bool {
	l, ok := f.Type.(*arrow.ListType)
	return ok && !f.Nullable && !l.ElemField().Nullable && !arrow.IsNested(l.Elem().ID())
}

// writeList writes l, of a simpleList column, to the column chunk cw with
// the levels pqarrow gives it: for an empty list one level, definition and
// repetition 0; for each value definition 1, repetition 0 for a list's
// first and 1 for the others.
//
// NOTE: with the lists, the articles table is written by a
// flatParquetWriter too, and so its short strings by writeDict.
func (w *flatParquetWriter) writeList(cw file.ColumnChunkWriter, l *array.List) error {
	def, rep := w.def[:0], w.rep[:0]
	offsets := l.Offsets()
	for k := range l.Len() {
		n := int(offsets[k+1] - offsets[k])
		if n == 0 {
			def, rep = append(def, 0), append(rep, 0)
			continue
		}
		for j := range n {
			def = append(def, 1)
			rep = append(rep, min(int16(j), 1))
		}
	}
	w.def, w.rep = def, rep
	values := array.NewSlice(l.ListValues(), int64(offsets[0]), int64(offsets[l.Len()]))
	defer values.Release()
	return pqarrow.WriteArrowToColumn(w.ctx, cw, values, def, rep, false)
}

// dictEncoder is the part of the Parquet library's dictionary encoder
// (the column writer's CurrentEncoder when it encodes with a dictionary)
// that writeDict uses.
type dictEncoder interface {
	Encoding() parquet.Encoding
	NormalizeDict(values arrow.Array) (arrow.Array, error)
	PutDictionary(values arrow.Array) error
	NumEntries() int
	PreservedDictionary() arrow.Array
}

// writeDict writes the dictionary array d, of a column without nulls, to
// the new column chunk cw as pqarrow's WriteArrowToColumn does (arrow-go
// v18.8.0, writeDictionaryArrow), when every entry of d's dictionary is
// referenced by its indices, for the first time in the entries' order, as
// in a dictColumn's arrays (inOrder). It reports false, having written
// nothing, when it does not apply.
//
// NOTE: the library finds the entries referenced, for the page's
// statistics, with compute.UniqueArray over the indices: a hash table of
// them and a goroutine per column per batch, 8 % of the encoding CPU time
// of BenchmarkWriteParquet/xwlb, and 110 MB of its 2.1 GB allocated. When
// they are all referenced, the library takes the statistics of the whole
// dictionary, as here; a pass over the indices tells it. The file is the
// same.
func (w *flatParquetWriter) writeDict(cw file.ColumnChunkWriter, d *array.Dictionary) (bool, error) {
	enc, ok := cw.CurrentEncoder().(dictEncoder)
	if !ok || enc.Encoding() != parquet.Encodings.PlainDict || enc.PreservedDictionary() != nil {
		return false, nil
	}
	idx, ok := d.Indices().(*array.Int32)
	dict := d.Dictionary()
	if !ok || idx.NullN() != 0 || dict.NullN() != 0 || !arrow.IsBaseBinary(dict.DataType().ID()) || !inOrder(idx.Int32Values(), dict.Len()) {
		return false, nil
	}
	return writeDictOf(cw, enc, idx, dict)
}

// writeDictOf writes the values dict[idx[k]] to the new column chunk cw,
// whose encoder is enc, with dictionary encoding, when every entry of
// dict is distinct and referenced by idx, as writeDict does.
func writeDictOf(cw file.ColumnChunkWriter, enc dictEncoder, idx *array.Int32, dict arrow.Array) (bool, error) {
	normalized, err := enc.NormalizeDict(dict)
	if err != nil {
		return false, err
	}
	defer normalized.Release()
	if err := enc.PutDictionary(normalized); err != nil {
		return false, err
	}
	if enc.NumEntries() != normalized.Len() {
		// Duplicate values: the library falls back to plain encoding, and
		// so does WriteArrowToColumn given the array now.
		cw.FallbackToPlain()
		return false, nil
	}
	if st := cw.PageStatistics(); st != nil {
		st.IncNulls(0)
		st.IncNumValues(int64(idx.Len()))
		if err := st.UpdateFromArrow(normalized, false); err != nil {
			return false, err
		}
	}
	return true, cw.WriteDictIndices(idx, nil, nil)
}

// writeInt32s writes a, of a column of int32 values without nulls, to
// the new column chunk cw as a dictionary array of its distinct values in
// the order they first come and an index per value (writeDictOf), which
// is how the column writer encodes them. It reports false, having written
// nothing, when that could differ from what the writer does with the
// values themselves.
//
// NOTE: the writer hashes every value into its dictionary (arrow-go
// v18.8.0, typedDictEncoder.Put): 1.6 % of a run's CPU time on the xwlb
// corpus, where most values (ids, offsets, sentences) are small; here they
// are looked up in an array (int32Dict), and the writer hashes only the
// distinct ones: writing the corpus's rows, 27.1 → 26.7 G instructions
// (cachegrind, -1.2 %). The writer would size its pages by the values'
// raw size and check its dictionary's size every 1,024 values: with at
// most maxDictRows values (512 KiB) and a dictionary as large at most,
// neither reaches its limit of 1 MiB, and so neither would cut a page or
// fall back to plain encoding. Its check whether the dictionary saves
// space is only made without compression (DictionaryCostFallbackEnabledFor),
// where this does not apply.
func (w *flatParquetWriter) writeInt32s(cw file.ColumnChunkWriter, a *array.Int32) (bool, error) {
	enc, ok := cw.CurrentEncoder().(dictEncoder)
	props := cw.Properties()
	if !ok || enc.Encoding() != parquet.Encodings.PlainDict || enc.PreservedDictionary() != nil || a.NullN() != 0 ||
		a.Len() > maxDictRows || 4*maxDictRows >= min(props.DataPageSize(), props.DictionaryPageSizeLimit()) ||
		props.DictionaryCostFallbackEnabledFor(cw.Descr().Path()) {
		return false, nil
	}
	dictVals, idxVals := w.ints.build(a.Int32Values())
	// NOTE: the encoder keeps the dictionary (PreservedDictionary), and
	// copies the indices.
	dictVals = slices.Clone(dictVals)
	dict := goArray(arrow.PrimitiveTypes.Int32, len(dictVals), arrow.GetBytes(dictVals))
	defer dict.Release()
	idx := goArray(arrow.PrimitiveTypes.Int32, len(idxVals), arrow.GetBytes(idxVals))
	defer idx.Release()
	return writeDictOf(cw, enc, idx.(*array.Int32), dict)
}

// int32Dict finds the distinct values of int32 values and their indices.
type int32Dict struct {
	small         []int32         // index + 1 of a value below smallInt32, or 0
	large         map[int32]int32 // index of another value
	dict, indices []int32
}

// smallInt32 bounds the values that an int32Dict looks up in an array.
const smallInt32 = 1 << 15

// build returns the distinct values among values, in the order they first
// come, and the index of each value among them. Both are the int32Dict's,
// valid until the next call.
func (d *int32Dict) build(values []int32) (dict, indices []int32) {
	if d.small == nil {
		d.small = make([]int32, smallInt32)
	}
	dict, indices = d.dict[:0], d.indices[:0]
	for _, v := range values {
		var i int32
		if uint32(v) < smallInt32 {
			i = d.small[v] - 1
			if i < 0 {
				i = int32(len(dict))
				dict = append(dict, v)
				d.small[v] = i + 1
			}
		} else {
			var ok bool
			if i, ok = d.large[v]; !ok {
				i = int32(len(dict))
				dict = append(dict, v)
				if d.large == nil {
					d.large = make(map[int32]int32)
				}
				d.large[v] = i
			}
		}
		indices = append(indices, i)
	}
	for _, v := range dict {
		if uint32(v) < smallInt32 {
			d.small[v] = 0
		}
	}
	clear(d.large)
	d.dict, d.indices = dict, indices
	return dict, indices
}

// inOrder reports whether indices hold every index below n and none
// outside it, each index but 0 first coming after the one before it, as in
// a dictionary of values in the order they first come (dictColumn).
//
// NOTE: it replaced a check that every index below n is held, in any
// order, with a table of the indices seen: writing the corpus's rows
// through a Sink (cachegrind, GOGC=off), writeDict 65 → 35 M
// instructions an op.
func inOrder(indices []int32, n int) bool {
	next := int32(0) // the first index not yet come
	for _, i := range indices {
		if uint32(i) >= uint32(next) {
			if i != next {
				return false
			}
			next++
		}
	}
	return int(next) == n
}

// Close writes the last row group's end and the file's footer.
func (w *flatParquetWriter) Close() error {
	if w.rgw != nil {
		if err := w.rgw.Close(); err != nil {
			return err
		}
		w.rgw = nil
	}
	return w.fw.Close()
}

// hasEmpty reports whether a string array holds "".
func hasEmpty(a arrow.Array) bool {
	s, ok := a.(*array.String)
	if !ok {
		return false
	}
	for i := range s.Len() {
		if s.ValueLen(i) == 0 {
			return true
		}
	}
	return false
}
