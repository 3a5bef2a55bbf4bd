package output

import (
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
)

// dictType is the Arrow type of the batches' dictionary columns (dictColumn).
var dictType = &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}

// maxDictRows is the most rows a dictColumn gives as a dictionary array:
// their indices, of at most 32 bits each, fill less than a data page of
// the Parquet writer's default size (1 MiB).
const maxDictRows = 1 << 17

// dictColumn buffers the values of a column of short strings for Parquet
// as a dictionary (its distinct values, valid UTF-8, in the order they
// first come) and an index into it per row.
//
// NOTE: Parquet writes these columns with dictionary encoding anyway. Given
// plain strings, the Parquet writer hashes every value into its dictionary
// (boxing each in an interface, an allocation); given a dictionary array,
// it takes the dictionary as it is and copies the indices. Its dictionary,
// and so the file, is the same: the distinct values in the order they
// first come. Here a value equal to the row's before (a document's id, a
// rule's name) is not even hashed, and each distinct value is checked for
// valid UTF-8 and copied once per batch, not once per row.
type dictColumn struct {
	index   map[string]int32 // value (as given, and made valid) → index
	values  []string         // distinct, valid UTF-8, copies
	bytes   int              // total length of values
	indices []int32

	last    string // the value of the row before, and its index
	lastIdx int32
	hasLast bool

	// recent holds values met lately, each a copy in the dictionary, by
	// recentSlot; a value found there needs no lookup in index.
	recent [recentSlots]recentValue

	// emptyOK: the column's writer takes a dictionary holding ""
	// (flatParquetWriter); else such a batch goes as strings.
	emptyOK bool
}

// newDictColumn returns an empty column; emptyOK tells whether its writer
// takes a dictionary holding "".
func newDictColumn(emptyOK bool) *dictColumn {
	return &dictColumn{index: make(map[string]int32), emptyOK: emptyOK}
}

// recentSlots is the number of a dictColumn's recent values.
const recentSlots = 64

// recentValue is a value of a dictColumn's dictionary and its index.
type recentValue struct {
	value string
	idx   int32
	ok    bool
}

// recentSlot returns the slot of s among a dictColumn's recent values: a
// hash of its length and two of its bytes.
func recentSlot(s string) uint {
	n := uint(len(s))
	if n == 0 {
		return 0
	}
	return (n*5 + uint(s[n>>1])*3 + uint(s[n-1])) % recentSlots
}

// add appends a row's value s.
//
// NOTE: most rows of a column of short strings hold one of a few values
// (an entity's type, method or code, a metric's rule or unit), but not
// the row's before: of the xwlb corpus's rows, 72 % of the values
// looked up in index are found among the recent ones, which are compared,
// not hashed. Instructions of the dictColumns' adds (cachegrind, rows of
// the corpus's first 70,000 entities, metrics and dates): -15 %.
func (d *dictColumn) add(s string) {
	if !d.hasLast || s != d.last {
		r := &d.recent[recentSlot(s)]
		i := r.idx
		if !r.ok || r.value != s {
			var ok bool
			i, ok = d.index[s]
			if !ok {
				i = d.insert(s)
			}
			// Only the dictionary's copies are kept: s may be part of a
			// document's text (see insert). A value with stray bytes is
			// not kept, as its copy is of its valid form.
			if v := d.values[i]; v == s {
				*r = recentValue{v, i, true}
			}
		}
		d.last, d.lastIdx, d.hasLast = s, i, true
	}
	d.indices = append(d.indices, d.lastIdx)
}

// insert adds s, which is not in the index, to the dictionary, unless its
// valid UTF-8 form is already there, and returns its index.
func (d *dictColumn) insert(s string) int32 {
	// NOTE: copies, so that the index does not keep documents' texts, of
	// which s may be a part, alive until the batch is written.
	v := validUTF8(s)
	if v != s {
		// Two strings with different stray bytes can have the same valid
		// form, which must come once in the dictionary.
		i, ok := d.index[v]
		if !ok {
			i = d.push(v)
		}
		d.index[strings.Clone(s)] = i
		return i
	}
	return d.push(strings.Clone(s))
}

// push appends v, a copy in valid UTF-8 not yet in the dictionary.
func (d *dictColumn) push(v string) int32 {
	i := int32(len(d.values))
	d.values = append(d.values, v)
	d.bytes += len(v)
	d.index[v] = i
	return i
}

// NewArray returns the array of the rows buffered and empties the column
// for the next batch: a dictionary array, or the strings themselves when
// one is empty and the column's writer does not take "" (!emptyOK).
//
// NOTE: the Parquet writer's statistics of a dictionary array skip empty
// strings (arrow-go v18.8.0, ByteArrayStatistics.UpdateFromArrow), so that
// a column holding "" would get a wrong minimum, and a reader that trusts
// it would skip row groups where it looks for "". pqarrow's FileWriter
// (parquetWriter) is given such a batch as strings; a flatParquetWriter
// sets the minimum itself.
//
// NOTE: and when the dictionary reaches the Parquet writer's limit of a
// dictionary page, or the indices could fill more than one data page. The
// writer would then fall back to plain encoding, or cut pages, in the
// middle of the indices, after the statistics of all of them were taken
// (arrow-go v18.8.0, writeDictionaryArrow and WriteDictIndices), a path
// whose output was not checked: given strings, it does what it always has.
func (d *dictColumn) NewArray() arrow.Array {
	var arr arrow.Array
	_, empty := d.index[""]
	if empty && !d.emptyOK || int64(d.bytes+4*len(d.values)) >= parquet.DefaultDictionaryPageSizeLimit || len(d.indices) > maxDictRows {
		arr = d.dense()
	} else {
		offsets, data := d.concat()
		dict := goArray(arrow.BinaryTypes.String, len(d.values), arrow.GetBytes(offsets), data)
		defer dict.Release()
		idx := goArray(arrow.PrimitiveTypes.Int32, len(d.indices), arrow.GetBytes(d.indices))
		defer idx.Release()
		arr = array.NewDictionaryArray(dictType, idx, dict)
	}
	n := len(d.indices)

	clear(d.index)
	clear(d.recent[:])
	clear(d.values)
	d.values, d.bytes = d.values[:0], 0
	// NOTE: a dictionary array owns the indices' storage now.
	d.indices = make([]int32, 0, n)
	d.last, d.hasLast = "", false
	return arr
}

// Release frees the column's storage.
func (d *dictColumn) Release() { *d = dictColumn{} }

// concat returns the offsets and data of the string array of the values.
func (d *dictColumn) concat() ([]int32, []byte) {
	offsets := make([]int32, len(d.values)+1)
	data := make([]byte, 0, d.bytes)
	for i, v := range d.values {
		data = append(data, v...)
		offsets[i+1] = int32(len(data))
	}
	return offsets, data
}

// dense returns the string array of the rows' values.
func (d *dictColumn) dense() arrow.Array {
	n := 0
	for _, i := range d.indices {
		n += len(d.values[i])
	}
	offsets := make([]int32, len(d.indices)+1)
	data := make([]byte, 0, n)
	for k, i := range d.indices {
		data = append(data, d.values[i]...)
		offsets[k+1] = int32(len(data))
	}
	return goArray(arrow.BinaryTypes.String, len(d.indices), arrow.GetBytes(offsets), data)
}

// goArray returns an array without nulls of n values of type t over the
// buffers bufs (after the validity bitmap), in Go memory.
func goArray(t arrow.DataType, n int, bufs ...[]byte) arrow.Array {
	buffers := make([]*memory.Buffer, 1+len(bufs))
	for i, b := range bufs {
		buffers[i+1] = memory.NewBufferBytes(b)
	}
	data := array.NewData(t, n, buffers, nil, 0, 0)
	defer data.Release()
	return array.MakeFromData(data)
}

// valueColumn buffers the values of a column of fixed-width values V
// without nulls, of Arrow type typ.
type valueColumn[V int32 | float64] struct {
	typ    arrow.DataType
	values []V
}

// NewArray returns the array of the values and empties the column.
func (c *valueColumn[V]) NewArray() arrow.Array {
	n := len(c.values)
	arr := goArray(c.typ, n, arrow.GetBytes(c.values))
	// NOTE: the array owns the storage now; the next batch's starts with
	// room for as many values.
	c.values = make([]V, 0, n)
	return arr
}

// Release frees the column's storage.
func (c *valueColumn[V]) Release() { c.values = nil }

// stringColumn buffers the values of a column of strings, made valid UTF-8,
// as the offsets and data of a string array.
type stringColumn struct {
	offsets []int32
	data    []byte
	// last is the value of the row before, as given, and valid its valid
	// UTF-8 form.
	last, valid string
}

func (c *stringColumn) add(s string) {
	if len(c.offsets) == 0 {
		c.offsets = append(c.offsets, 0)
	}
	if s != c.last {
		c.last, c.valid = s, validUTF8(s)
	}
	c.data = append(c.data, c.valid...)
	c.offsets = append(c.offsets, int32(len(c.data)))
}

// NewArray returns the string array of the values and empties the column.
func (c *stringColumn) NewArray() arrow.Array {
	if len(c.offsets) == 0 {
		c.offsets = append(c.offsets, 0)
	}
	if c.data == nil {
		// NOTE: the Parquet writer's statistics skip values sliced from nil
		// (nil parquet.ByteArray), as if they were null.
		c.data = []byte{}
	}
	n := len(c.offsets) - 1
	arr := goArray(arrow.BinaryTypes.String, n, arrow.GetBytes(c.offsets), c.data)
	// NOTE: the array owns the storage now; the next batch's starts with
	// room for as much.
	c.offsets = make([]int32, 0, n+1)
	c.data = make([]byte, 0, len(c.data))
	c.last, c.valid = "", ""
	return arr
}

// Release frees the column's storage.
func (c *stringColumn) Release() { *c = stringColumn{} }

// textColumn buffers the values of a column of long text, valid UTF-8
// (longStr), as the strings themselves, and copies them into a string
// array of exactly their size at the batch's end, or hands them to a
// textsWriter as they are (take).
//
// NOTE: an Arrow string builder, or a byte slice, starts each batch empty
// and doubles, copying what it holds, until it holds the batch's text (up
// to BatchBytes): BenchmarkWriteCorpusRows allocated 499 MiB an op with a
// builder, 462 MiB with this (CPU time the same within the machine's
// noise). The strings are the documents' own, which stay as they are (a
// sink's caller may reuse the rows, not change the strings), and hold no
// more memory than a copy of them would.
type textColumn struct {
	values []string
	bytes  int // total length of values
}

func (c *textColumn) add(s string) {
	c.values = append(c.values, s)
	c.bytes += len(s)
}

// NewArray returns the string array of the values and empties the column.
func (c *textColumn) NewArray() arrow.Array {
	n := len(c.values)
	offsets := make([]int32, n+1)
	data := make([]byte, 0, c.bytes)
	for i, v := range c.values {
		data = append(data, v...)
		offsets[i+1] = int32(len(data))
	}
	clear(c.values) // let the documents' texts go
	c.values, c.bytes = c.values[:0], 0
	return goArray(arrow.BinaryTypes.String, n, arrow.GetBytes(offsets), data)
}

// take returns the values and empties the column; the next batch's
// values start with room for as many.
func (c *textColumn) take() []string {
	v := c.values
	c.values, c.bytes = make([]string, 0, len(v)), 0
	return v
}

// Release frees the column's storage.
func (c *textColumn) Release() { *c = textColumn{} }
