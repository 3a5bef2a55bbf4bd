package output

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"

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
	// The dictionary: value k is data[offsets[k]:offsets[k+1]], the
	// buffers of its string array.
	offsets []int32
	data    []byte
	empty   bool // "" is a value

	// slots is an open-addressing hash table of the values (see slot), of
	// a power of two length, at most half full.
	slots []uint64
	// stray maps each value given with bytes that are not valid UTF-8 (a
	// copy) to the index of its valid form; nil until one comes.
	stray map[string]int32

	indices []int32

	last    string // the value of the row before, and its index
	lastIdx int32
	hasLast bool

	// recent holds values met lately, by recentSlot; a value found there
	// needs no lookup in slots.
	recent [recentSlots]recentValue

	// emptyOK: the column's writer takes a dictionary holding ""
	// (flatParquetWriter); else such a batch goes as strings.
	emptyOK bool
}

// NOTE: the dictionary was a map[string]int32 of copies of the values
// (strings.Clone each), joined into a string array at the batch's end. In
// the columns of many distinct values (entities' text and name, dates'
// text, articles' ids and titles) its lookups waited for memory more than
// they computed. A slot here is 8 bytes, not 24 and a control byte, and
// the values are in one buffer, the array's own. Writing the corpus's
// rows once (cachegrind, GOGC=off): the dictColumns' D1 misses 4.37 →
// 3.39 million (-22 %), instructions the same; allocations 778k → 544k.

// dictSeed seeds the hash of dictColumns' values. The hash decides only
// where a value goes in the table, never the order of the dictionary.
var dictSeed = maphash.MakeSeed()

// A slot of a dictColumn's table holds 0 when empty, else the high 32 bits
// of a value's hash and its index + 1.
func slot(h uint64, i int32) uint64 { return h&^(1<<32-1) | uint64(uint32(i+1)) }

// newDictColumn returns an empty column; emptyOK tells whether its writer
// takes a dictionary holding "".
func newDictColumn(emptyOK bool) *dictColumn {
	return &dictColumn{offsets: []int32{0}, data: []byte{}, slots: make([]uint64, 16), emptyOK: emptyOK}
}

// recentSlots is the number of a dictColumn's recent values.
const recentSlots = 64

// recentValue is a value of a dictColumn's dictionary, as given to add,
// and its index.
//
// NOTE: the value as given, not read again from the dictionary's buffers:
// a string comparison, which is a pointer comparison for the same string
// (a rule's name), without the offsets' loads and bounds checks. A value
// may be part of a document's text (an entity's text), which it keeps
// alive until the batch is written, as last does: at most recentSlots
// documents a column.
type recentValue struct {
	s   string
	idx int32
	ok  bool
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

// value returns the dictionary's value i.
func (d *dictColumn) value(i int32) []byte { return d.data[d.offsets[i]:d.offsets[i+1]] }

// extend appends n rows to the column and returns their indices, for the
// caller to set (index).
func (d *dictColumn) extend(n int) []int32 {
	k := len(d.indices)
	d.indices = slices.Grow(d.indices, n)[:k+n]
	return d.indices[k:]
}

// index returns the index of a row's value s, added to the dictionary if
// new.
//
// NOTE: most rows of a column of short strings hold one of a few values
// (an entity's type, method or code, a metric's rule or unit), but not
// the row's before: of the xwlb corpus's rows, 72 % of the values
// looked up in the table are found among the recent ones, which are compared,
// not hashed. Instructions of the dictColumns' adds (cachegrind, rows of
// the corpus's first 70,000 entities, metrics and dates): -15 %.
func (d *dictColumn) index(s string) int32 {
	if !d.hasLast || s != d.last {
		d.find(s)
	}
	return d.lastIdx
}

// find makes s, not the value of the row before, the last value, with its
// index. It is index's slow path, out of line so that index inlines.
func (d *dictColumn) find(s string) {
	r := &d.recent[recentSlot(s)]
	i := r.idx
	if !r.ok || r.s != s {
		var valid bool
		i, valid = d.lookup(s)
		// A value with stray bytes is not kept: its dictionary's value is
		// its valid form.
		if valid {
			*r = recentValue{s, i, true}
		}
	}
	d.last, d.lastIdx, d.hasLast = s, i, true
}

// lookup returns the index of s, added to the dictionary if new, and
// whether s is the dictionary's value (valid UTF-8).
func (d *dictColumn) lookup(s string) (int32, bool) {
	h := maphash.String(dictSeed, s)
	mask := uint64(len(d.slots) - 1)
	p := h & mask
	for e := d.slots[p]; e != 0; e = d.slots[p] {
		if e>>32 == h>>32 {
			if i := int32(uint32(e)) - 1; string(d.value(i)) == s {
				return i, true
			}
		}
		p = (p + 1) & mask
	}
	// Not in the table, which holds valid UTF-8 only.
	if utf8.ValidString(s) {
		return d.push(s, h, p), true
	}
	return d.lookupStray(s), false
}

// lookupStray returns the index of the valid form of s, which has bytes
// that are not valid UTF-8, added to the dictionary if new.
func (d *dictColumn) lookupStray(s string) int32 {
	if i, ok := d.stray[s]; ok {
		return i
	}
	// Two strings with different stray bytes can have the same valid
	// form, which must come once in the dictionary.
	i, _ := d.lookup(validUTF8(s))
	if d.stray == nil {
		d.stray = make(map[string]int32)
	}
	// NOTE: a copy, so that the map does not keep a document's text, of
	// which s may be a part, alive until the batch is written.
	d.stray[strings.Clone(s)] = i
	return i
}

// push appends v, valid UTF-8 and not yet in the dictionary, of hash h,
// whose free slot in the table is p, and returns its index.
func (d *dictColumn) push(v string, h, p uint64) int32 {
	i := int32(len(d.offsets) - 1)
	d.data = append(d.data, v...)
	d.offsets = append(d.offsets, int32(len(d.data)))
	if v == "" {
		d.empty = true
	}
	d.slots[p] = slot(h, i)
	if 2*(int(i)+1) > len(d.slots) {
		d.grow()
	}
	return i
}

// grow doubles the table and puts every value in it again.
func (d *dictColumn) grow() {
	d.slots = make([]uint64, 2*len(d.slots))
	mask := uint64(len(d.slots) - 1)
	for i := range int32(len(d.offsets) - 1) {
		h := maphash.Bytes(dictSeed, d.value(i))
		p := h & mask
		for d.slots[p] != 0 {
			p = (p + 1) & mask
		}
		d.slots[p] = slot(h, i)
	}
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
	n, values := len(d.indices), len(d.offsets)-1
	if d.empty && !d.emptyOK || int64(len(d.data)+4*values) >= parquet.DefaultDictionaryPageSizeLimit || n > maxDictRows {
		arr = d.dense()
		d.offsets, d.data = d.offsets[:1], d.data[:0]
		d.indices = d.indices[:0]
	} else {
		dict := goArray(arrow.BinaryTypes.String, values, arrow.GetBytes(d.offsets), d.data)
		defer dict.Release()
		idx := goArray(arrow.PrimitiveTypes.Int32, n, arrow.GetBytes(d.indices))
		defer idx.Release()
		arr = array.NewDictionaryArray(dictType, idx, dict)
		// NOTE: the dictionary array owns the storage now; the next
		// batch's starts with room for as much.
		d.offsets = append(make([]int32, 0, len(d.offsets)), 0)
		d.data = make([]byte, 0, len(d.data))
		d.indices = make([]int32, 0, n)
	}
	d.empty = false
	clear(d.slots)
	d.stray = nil
	clear(d.recent[:])
	d.last, d.hasLast = "", false
	return arr
}

// Release frees the column's storage.
func (d *dictColumn) Release() { *d = dictColumn{} }

// dense returns the string array of the rows' values.
func (d *dictColumn) dense() arrow.Array {
	n := 0
	for _, i := range d.indices {
		n += len(d.value(i))
	}
	offsets := make([]int32, len(d.indices)+1)
	data := make([]byte, 0, n)
	for k, i := range d.indices {
		data = append(data, d.value(i)...)
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
