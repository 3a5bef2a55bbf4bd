package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newsfacts/newsfacts"
)

// DefaultMaxRecordBytes is the size limit of a document or JSONL line when
// Options.MaxRecordBytes is 0.
const DefaultMaxRecordBytes = 16 << 20

// ErrDuplicateInput reports a file that the inputs name more than once (by
// a glob and by name, say); it is read only the first time, and the other
// times yield an error record that names the first.
var ErrDuplicateInput = errors.New("input given twice")

// ErrUnknownKind reports a file, named explicitly, whose extension is not one
// of the known input kinds.
var ErrUnknownKind = errors.New("unknown input kind (want .md, .markdown, .html, .htm, .txt, .jsonl or .ndjson, each optionally .gz)")

// Record is one unparsed document.
type Record struct {
	// Source is the input path as given or walked ("-" for standard input).
	Source string
	// Line is the 1-based line number for JSONL, else 0.
	Line int
	// Kind is the input format.
	Kind Kind
	// Name is the default document id: the path relative to the input
	// root given on the command line (the folder walked, the fixed part of
	// a glob, or the folder of a file named explicitly), with "/" between
	// folders, without ".gz" and the kind's extension: "x/report" for
	// x/report.txt under the folder given. Standard input is "stdin".
	Name string
	// Index is the 1-based position of the document within its file; 0 when
	// the kind holds one document per file.
	Index int
	// Data holds the raw bytes, decompressed but not yet decoded to UTF-8.
	Data []byte
	// Err is non-nil when the record could not be read (a
	// *newsfacts.DocError); Data is then nil.
	Err error
}

// Options configures a Reader.
type Options struct {
	// MaxRecordBytes is the largest document or JSONL line accepted; 0 means
	// DefaultMaxRecordBytes (16 MiB). Larger ones become error records.
	MaxRecordBytes int
}

func (o Options) limit() int {
	if o.MaxRecordBytes <= 0 {
		return DefaultMaxRecordBytes
	}
	return o.MaxRecordBytes
}

// entry is one expanded input: a file, a stream, or an input that already
// failed (err).
type entry struct {
	path   string
	name   string // the default document id (Record.Name)
	kind   Kind
	gz     bool // the name ends in .gz
	size   int64
	stream io.Reader   // standard input or NewReaderFrom; nil for files
	info   fs.FileInfo // of a file, to find the same file named twice
	// special marks a named pipe or device named explicitly: opening and
	// reading it may block until another process writes.
	special bool
	err     error // the entry yields one error record
}

// Skipped is an input that a Reader left out: a named pipe, socket or
// device found in a folder or by a glob.
type Skipped struct {
	Path   string
	Reason string
}

// Reader streams the records of a list of inputs, in order: the order of
// the inputs, then walk order within a directory or glob, then line order
// within a JSONL file. Reading happens on a goroutine of its own, one record
// ahead of Next, so that Next can give up on a blocking read when its
// context ends. Close must be called to stop that goroutine.
type Reader struct {
	opts    Options
	entries []entry
	total   int64
	skipped []Skipped
	dups    int

	read atomic.Int64 // on-disk bytes consumed so far

	startOnce sync.Once
	closeOnce sync.Once
	out       chan Record
	done      chan struct{} // closed by Close
	finished  chan struct{} // closed when the reading goroutine has exited
	closed    atomic.Bool
}

// NewReader expands inputs: a file; a directory (walked recursively, files
// in lexical order, files of unknown kind and names starting with "."
// skipped); a glob pattern (matches of unknown kind skipped, directories
// walked); "-" for JSONL on standard input (os.Stdin). Only regular files,
// and symbolic links to them, are read from directories and globs; named
// pipes, sockets and devices there are skipped (see Skipped). A named pipe
// or device named explicitly is read, and reading it can be interrupted
// (Next returns when its context ends; Close does not wait for it). An
// explicitly named file of unknown kind yields one error record, and so
// does a file named a second time (ErrDuplicateInput). NewReader returns an
// error when an input path does not exist or a glob matches nothing; the
// message names the path. Problems with single files found later
// (unreadable, corrupt, too large) become error records instead, and
// reading goes on.
func NewReader(inputs []string, opts Options) (*Reader, error) {
	r := newReader(opts)
	for _, in := range inputs {
		if in == "-" {
			r.entries = append(r.entries, entry{path: "-", name: "stdin", kind: KindJSONL, stream: os.Stdin})
			r.total = -1
			continue
		}
		fi, err := os.Stat(in)
		switch {
		case err == nil && fi.IsDir():
			r.walk(in)
		case err == nil:
			r.addFile(in, filepath.Dir(in), fi, true)
		case errors.Is(err, fs.ErrNotExist) && hasMeta(in):
			matches, gerr := filepath.Glob(in)
			if gerr != nil {
				return nil, fmt.Errorf("input %s: %v", in, gerr)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("input %s: no file matches the pattern", in)
			}
			root := globRoot(in)
			for _, m := range matches {
				mi, err := os.Stat(m)
				switch {
				case err != nil:
					r.entries = append(r.entries, errEntry(m, root, err))
				case mi.IsDir():
					r.walkFrom(m, root)
				default:
					r.addFile(m, root, mi, false)
				}
			}
		case errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("input %s: no such file or directory", in)
		default:
			return nil, fmt.Errorf("input %s: %v", in, err)
		}
	}
	r.markDuplicates()
	if r.total >= 0 {
		for _, e := range r.entries {
			r.total += e.size
		}
	}
	return r, nil
}

// globRoot returns the folder a glob's matches are named relative to: the
// part of the pattern before the first element with a metacharacter.
func globRoot(pattern string) string {
	dir := filepath.Dir(pattern)
	for hasMeta(dir) {
		dir = filepath.Dir(dir)
	}
	return dir
}

// nameOf returns the default document id of the file at path under root:
// the relative path with "/" separators, without ".gz" and the kind's
// extension.
func nameOf(root, path string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || rel == ".." {
		rel = filepath.Base(path)
	}
	rel = filepath.ToSlash(rel)
	dir, base := "", rel
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		dir, base = rel[:i+1], rel[i+1:]
	}
	return dir + stemOf(base)
}

// markDuplicates turns every later entry of a file named more than once
// into an error record that names the first.
func (r *Reader) markDuplicates() {
	type key struct {
		size int64
		mod  int64
	}
	seen := map[key][]int{}
	for i := range r.entries {
		e := &r.entries[i]
		if e.info == nil || e.err != nil {
			continue
		}
		k := key{e.info.Size(), e.info.ModTime().UnixNano()}
		for _, j := range seen[k] {
			if os.SameFile(r.entries[j].info, e.info) {
				e.err = fmt.Errorf("%w: the same file as %s, read already", ErrDuplicateInput, r.entries[j].path)
				e.size = 0
				r.dups++
				break
			}
		}
		if e.err == nil {
			seen[k] = append(seen[k], i)
		}
	}
}

// Skipped returns the inputs that were left out because they are not
// regular files, in input order.
func (r *Reader) Skipped() []Skipped { return r.skipped }

// Files returns the number of input files and streams to read, a file
// named twice counted once.
func (r *Reader) Files() int { return len(r.entries) - r.dups }

// Duplicates returns how many inputs name a file named before; each yields
// an error record (ErrDuplicateInput).
func (r *Reader) Duplicates() int { return r.dups }

// NewReaderFrom returns a Reader of one stream of the given kind, named name
// in records ("-" for standard input; its Name is then "stdin"). A gzip
// stream is decompressed. The Reader does not close rd; a read blocked in rd
// when Close is called ends only when rd returns.
func NewReaderFrom(name string, rd io.Reader, kind Kind, opts Options) *Reader {
	r := newReader(opts)
	r.total = -1
	e := entry{path: name, name: stemOf(name), kind: kind, stream: rd}
	if kind == "" {
		e.err = ErrUnknownKind
	}
	r.entries = append(r.entries, e)
	return r
}

// File is one input file as NewReader lists it (see List).
type File struct {
	// Path is the file's path, as given, walked or matched.
	Path string
	// Name is the default document id of its records (Record.Name).
	Name string
	// Size is its size in bytes, or -1 when unknown.
	Size int64
	// Err is non-nil when the file yields one error record instead of its
	// documents (a file of unknown kind named explicitly, a file named
	// twice, a folder that cannot be read).
	Err error
}

// List returns the files NewReader found, in reading order, for programs
// that read them elsewhere (a distributed run) with NewFileReader. Streams
// (standard input) are not listed.
func (r *Reader) List() []File {
	var files []File
	for _, e := range r.entries {
		if e.stream != nil {
			continue
		}
		size := e.size
		if e.special {
			size = -1
		}
		files = append(files, File{Path: e.path, Name: e.name, Size: size, Err: e.err})
	}
	return files
}

// NewFileReader returns a Reader of the records of one file, read from rd
// (which it does not close): the records the Reader that listed the file
// would give for it (see List), or one error record when f.Err is set or
// the kind of f.Path is unknown. A file larger than the record size limit
// is refused before rd is read.
func NewFileReader(f File, rd io.Reader, opts Options) *Reader {
	r := newReader(opts)
	r.total = -1
	kind, gz := KindOf(f.Path)
	e := entry{path: f.Path, name: f.Name, kind: kind, gz: gz, size: max(f.Size, 0), stream: rd, err: f.Err}
	if kind == "" && e.err == nil {
		e.err = ErrUnknownKind
	}
	r.entries = append(r.entries, e)
	return r
}

// NameOf returns the default document id of the file at path found under
// the folder root: the relative path with "/" separators, without ".gz"
// and the kind's extension.
func NameOf(root, path string) string { return nameOf(root, path) }

// GlobRoot returns the folder that NewReader names the matches of a glob
// pattern relative to: the part of the pattern before the first element
// with a metacharacter. A path without metacharacters gives its folder.
func GlobRoot(pattern string) string { return globRoot(pattern) }

// HasMeta reports whether an input is a glob pattern rather than a path.
func HasMeta(input string) bool { return hasMeta(input) }

func newReader(opts Options) *Reader {
	return &Reader{
		opts:     opts,
		out:      make(chan Record),
		done:     make(chan struct{}),
		finished: make(chan struct{}),
	}
}

// hasMeta reports whether path holds glob metacharacters.
func hasMeta(path string) bool { return strings.ContainsAny(path, `*?[\`) }

func errEntry(path, root string, err error) entry {
	return entry{path: path, name: nameOf(root, path), err: err}
}

// addFile adds a file found under root; a file of unknown kind is an error
// record when it was named explicitly, and is skipped otherwise. A file
// that is not a regular file is read only when named explicitly.
func (r *Reader) addFile(path, root string, fi fs.FileInfo, explicit bool) {
	kind, gz := KindOf(path)
	if kind == "" {
		if explicit {
			r.entries = append(r.entries, entry{path: path, name: nameOf(root, path), size: fi.Size(), err: ErrUnknownKind})
		}
		return
	}
	e := entry{path: path, name: nameOf(root, path), kind: kind, gz: gz, size: fi.Size(), info: fi}
	if !fi.Mode().IsRegular() {
		if !explicit {
			r.skipped = append(r.skipped, Skipped{Path: path, Reason: "not a regular file (" + modeName(fi.Mode()) + ")"})
			return
		}
		e.special, e.size, e.info = true, 0, nil
	}
	r.entries = append(r.entries, e)
}

// modeName names the type of a file that is not a regular file.
func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}

// walk adds the files of known kind under root, in lexical order.
func (r *Reader) walk(root string) { r.walkFrom(root, root) }

// walkFrom adds the files of known kind under dir, in lexical order, named
// relative to root. Names that start with "." (.git, editor files) are
// skipped. A folder that cannot be read becomes an error record.
func (r *Reader) walkFrom(dir, root string) {
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			r.entries = append(r.entries, errEntry(path, root, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if kind, _ := KindOf(path); kind == "" {
			return nil
		}
		// NOTE: os.Stat, not d.Info: a symbolic link must count with the
		// size and type of the file it points to.
		fi, err := os.Stat(path)
		if err != nil {
			r.entries = append(r.entries, errEntry(path, root, err))
			return nil
		}
		if fi.IsDir() {
			return nil // a link to a folder; WalkDir does not follow it either
		}
		r.addFile(path, root, fi, false)
		return nil
	})
}

// Next returns the next record, or io.EOF after the last one. A record that
// could not be read has Err set; that is not an error of Next. Next returns
// ctx.Err() when ctx ends first, without losing the record being read: a
// later call returns it.
func (r *Reader) Next(ctx context.Context) (Record, error) {
	if r.closed.Load() {
		return Record{}, fs.ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return Record{}, err
	}
	r.startOnce.Do(func() { go r.run() })
	select {
	case rec, ok := <-r.out:
		if !ok {
			if r.closed.Load() {
				return Record{}, fs.ErrClosed
			}
			return Record{}, io.EOF
		}
		return rec, nil
	case <-ctx.Done():
		return Record{}, ctx.Err()
	}
}

// TotalBytes returns the sum of the on-disk sizes of the expanded files, or
// -1 when it is unknown (standard input or NewReaderFrom).
func (r *Reader) TotalBytes() int64 { return r.total }

// BytesRead returns the on-disk bytes consumed so far: compressed bytes for
// gzipped files, and the whole size of a file once it is done with (also a
// skipped one). It is safe to call from another goroutine.
func (r *Reader) BytesRead() int64 { return r.read.Load() }

// Close stops reading and releases the open file. It waits for the reading
// goroutine to finish, unless that goroutine may be blocked on a stream
// (standard input), which cannot be interrupted. Close is idempotent.
func (r *Reader) Close() error {
	r.closeOnce.Do(func() {
		r.closed.Store(true)
		close(r.done)
		// A reader that never started has nothing to wait for.
		r.startOnce.Do(func() { close(r.finished) })
		for _, e := range r.entries {
			if e.stream != nil || e.special {
				return
			}
		}
		<-r.finished
	})
	return nil
}

// run reads every entry, sending records to r.out until done is closed.
func (r *Reader) run() {
	defer close(r.finished)
	defer close(r.out)
	var base int64
	for _, e := range r.entries {
		if !r.readEntry(e) {
			return
		}
		if e.stream == nil {
			// NOTE: progress counts the whole file once it is done with,
			// whatever was actually read of it (a file skipped for its size,
			// a corrupt gzip stream), so that BytesRead ends at TotalBytes.
			base += e.size
			r.read.Store(base)
		}
	}
}

// emit sends rec to Next; it returns false when the Reader was closed.
func (r *Reader) emit(rec Record) bool {
	select {
	case r.out <- rec:
		return true
	case <-r.done:
		return false
	}
}

// errRecord returns the error record of e, at line (0 if none).
func errRecord(e entry, line, index int, err error) Record {
	return Record{
		Source: e.path,
		Line:   line,
		Kind:   e.kind,
		Name:   e.name,
		Index:  index,
		Err:    &newsfacts.DocError{Source: e.path, Line: line, Op: "read", Err: err},
	}
}

// countingReader adds the bytes it reads to n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

var gzipMagic = []byte{0x1f, 0x8b}

// open returns the decompressed content of e and a function that releases
// it.
func (r *Reader) open(e entry) (io.Reader, func(), error) {
	var src io.Reader
	release := func() {}
	if e.stream != nil {
		src = e.stream
	} else {
		f, err := os.Open(e.path)
		if err != nil {
			return nil, nil, err
		}
		src = f
		release = func() { f.Close() }
	}
	br := bufio.NewReaderSize(&countingReader{r: src, n: &r.read}, 64<<10)
	// NOTE: gzip is recognised by its magic number as well as by the .gz
	// extension, so that a gzipped dump piped to standard input works.
	head, _ := br.Peek(2)
	if !bytes.Equal(head, gzipMagic) {
		if e.gz && len(head) > 0 {
			release()
			return nil, nil, fmt.Errorf("%w: not gzip data", newsfacts.ErrSyntax)
		}
		return br, release, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		release()
		return nil, nil, gzipError(err)
	}
	return gzipErrs{zr}, release, nil
}

// gzipErrs marks the errors of a gzip stream as malformed input, keeping
// the underlying error reachable through errors.Is.
type gzipErrs struct{ zr *gzip.Reader }

func (g gzipErrs) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError(err)
	}
	return n, err
}

// gzipError marks an error of a gzip stream as malformed input, saying
// "gzip:" once: the errors of compress/gzip already start with it, those
// of the reader below (io.ErrUnexpectedEOF) do not.
func gzipError(err error) error {
	if strings.HasPrefix(err.Error(), "gzip: ") {
		return fmt.Errorf("%w: %w", newsfacts.ErrSyntax, err)
	}
	return fmt.Errorf("%w: gzip: %w", newsfacts.ErrSyntax, err)
}

// readEntry emits the records of e; it returns false when the Reader was
// closed.
func (r *Reader) readEntry(e entry) bool {
	if e.err != nil {
		return r.emit(errRecord(e, 0, 0, e.err))
	}
	if e.kind == KindJSONL {
		return r.readLines(e)
	}
	return r.readWhole(e)
}

// readWhole emits the one document of a file.
func (r *Reader) readWhole(e entry) bool {
	limit := r.opts.limit()
	if !e.gz && e.size > int64(limit) { // a stream's size is 0: unknown
		// Checked before reading: the file is never loaded.
		return r.emit(errRecord(e, 0, 0, fmt.Errorf("%w: %d bytes, over the limit of %d", newsfacts.ErrTooLarge, e.size, limit)))
	}
	src, release, err := r.open(e)
	if err != nil {
		return r.emit(errRecord(e, 0, 0, err))
	}
	defer release()
	hint := 0
	if e.stream == nil && !e.gz {
		hint = int(e.size)
	}
	data, err := readAtMost(src, hint, limit)
	if err != nil {
		return r.emit(errRecord(e, 0, 0, err))
	}
	if len(data) > limit {
		return r.emit(errRecord(e, 0, 0, fmt.Errorf("%w: over the limit of %d bytes", newsfacts.ErrTooLarge, limit)))
	}
	return r.emit(Record{Source: e.path, Kind: e.kind, Name: e.name, Data: data})
}

// readAtMost reads src to its end, but no more than limit+1 bytes, so that a
// result longer than limit tells that src holds too much. hint is the expected
// size (0 if unknown); with the right hint the data is read without copying.
func readAtMost(src io.Reader, hint, limit int) ([]byte, error) {
	if hint <= 0 {
		hint = 4096
	}
	b := make([]byte, 0, min(hint, limit)+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow
		}
		n, err := src.Read(b[len(b):min(cap(b), limit+1)])
		b = b[:len(b)+n]
		switch {
		case len(b) > limit:
			return b, nil
		case err == io.EOF:
			return b, nil
		case err != nil:
			return nil, err
		}
	}
}

// readLines emits one record per non-blank line of a JSONL entry.
func (r *Reader) readLines(e entry) bool {
	src, release, err := r.open(e)
	if err != nil {
		return r.emit(errRecord(e, 0, 0, err))
	}
	defer release()
	br, ok := src.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(src, 64<<10)
	}
	limit := r.opts.limit()
	line, index := 0, 0
	for {
		data, n, err := readLine(br, limit)
		if n == 0 && err != nil {
			if err == io.EOF {
				return true
			}
			return r.emit(errRecord(e, line+1, index+1, err))
		}
		line++
		switch {
		case err != nil && err != io.EOF:
			// A read error in the middle of a line: the line is lost.
			return r.emit(errRecord(e, line, index+1, err))
		case data == nil:
			index++
			if !r.emit(errRecord(e, line, index, fmt.Errorf("%w: line of %d bytes, over the limit of %d", newsfacts.ErrTooLarge, n, limit))) {
				return false
			}
		case !isBlank(data):
			index++
			if !r.emit(Record{Source: e.path, Line: line, Kind: e.kind, Name: e.name, Index: index, Data: data}) {
				return false
			}
		}
		if err != nil {
			return true // io.EOF after a last line without a newline
		}
	}
}

// readLine reads one line without its line break. It returns the line in a
// fresh slice and its length n; when the line is longer than limit it returns
// nil data and skips to the next line, reading in chunks, without holding
// more than the reader's buffer. n is 0 with an error at the end of input.
func readLine(br *bufio.Reader, limit int) (data []byte, n int, err error) {
	var long []byte // the line so far, when it spans several chunks
	over := false
	for {
		chunk, err := br.ReadSlice('\n')
		n += len(chunk)
		if !over && n > limit+2 { // +2: the "\r\n" is not part of the line
			over, long = true, nil
		}
		if !over {
			if long == nil && err != bufio.ErrBufferFull {
				// NOTE: the common case, a line within one buffer: one
				// copy, since ReadSlice's buffer is reused by the next read.
				long = make([]byte, len(chunk))
				copy(long, chunk)
			} else {
				if n > cap(long) {
					// NOTE: grow by doubling, but never past the limit: a
					// line that ends up over it is dropped, and one under it
					// should not cost twice its size.
					grown := make([]byte, len(long), min(max(2*cap(long), n), limit+2))
					copy(grown, long)
					long = grown
				}
				long = append(long, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && n == 0 {
			return nil, 0, err
		}
		if err != nil && err != io.EOF {
			return nil, n, err
		}
		if over {
			return nil, n, err
		}
		long = bytes.TrimSuffix(long, []byte("\n"))
		long = bytes.TrimSuffix(long, []byte("\r"))
		if len(long) > limit {
			return nil, len(long), err
		}
		return long, len(long), err
	}
}

// isBlank reports whether b holds only ASCII white space.
func isBlank(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n', '\f', '\v':
		default:
			return false
		}
	}
	return true
}
