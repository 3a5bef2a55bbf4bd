package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Sink receives document rows in order and writes the four tables.
//
// Its methods may be called from several goroutines (Abort from a signal
// handler while Write runs, Counts from a progress display): they take
// turns, except Counts, which never waits. A sink must end with Close or
// Abort, which also stop the goroutines that encode its tables.
type Sink interface {
	// Write appends one document's rows to the tables. A row that no format
	// can hold (a NaN or infinite metric value) fails with an error that
	// wraps ErrInvalidRow and leaves the tables unchanged, so the caller
	// may skip the document and go on. Any other error is final: the sink
	// keeps returning it, and Close fails with it. Write must not keep rows
	// or its slices after it returns: the caller reuses their storage.
	Write(ctx context.Context, rows *DocRows) error
	// Close flushes and finishes every table file; removes the folder's
	// old manifest and the table files of the other formats; renames each
	// table into place; and writes the manifest (_manifest.json) last. On
	// failure it removes the files it has not renamed and returns an error
	// naming the file that failed; the folder then has no manifest.
	Close() error
	// Abort stops writing and removes the temporary files; nothing is left
	// at the final paths (files already there are left as they were).
	// After a successful Close it does nothing.
	Abort() error
	// Counts returns the rows written so far per table, buffered rows
	// included.
	Counts() Counts
}

// Encoder is implemented by the sinks and writers that encode their tables
// outside Write, in goroutines of their own (Parquet and Arrow: one per
// table). EncodeTime returns the time spent doing so until now, summed
// over the tables: CPU time on Linux (for a batch that ended on another
// thread than it began on, its wall-clock time), wall-clock time
// elsewhere. A caller reports it as a stage of its own, since Write time
// does not include it.
type Encoder interface {
	EncodeTime() time.Duration
}

// Counts holds a number of rows per table.
type Counts struct{ Articles, Entities, Metrics, Dates int64 }

// Errors of a Sink.
var (
	// ErrInvalidRow marks a row that Write refused; the sink is unchanged.
	ErrInvalidRow = errors.New("invalid row")
	// ErrClosed is returned by Write after Close or Abort.
	ErrClosed = errors.New("output: sink is closed")
	// ErrBusy is returned by Open when another run is writing to the
	// same folder.
	ErrBusy = errors.New("another newsfacts run is writing to this folder")
)

// sinkState is the life cycle of a sink.
type sinkState int

const (
	stateOpen sinkState = iota
	stateClosed
	stateAborted
	stateFailed // Close failed: temporary files are removed
)

var (
	_ Encoder = (*sink)(nil)
	_ Encoder = (*Writer)(nil)
)

// sink writes the four tables, each to its own temporary file.
type sink struct {
	mu    sync.Mutex
	state sinkState
	err   error // the first write error; final

	files [4]*tempFile // articles, entities, metrics, dates
	t     tables

	articleN, entityN, metricN, dateN atomic.Int64
	errorN                            int64 // articles rows with status error

	opts   Options
	unlock func()
}

// Open creates the four table files in opts.Dir as temporary files
// ("." + name + ".tmp-<random>") and returns a Sink. Final names:
// articles.<ext>, entities.<ext>, metrics.<ext>, dates.<ext> with ext
// parquet, arrow or jsonl. The files replace any files of the same names
// only when Close succeeds.
//
// Open locks the folder for the life of the sink (ErrBusy when another run
// holds it) and removes the temporary files that a killed run left there,
// telling opts.Notify.
func Open(opts Options) (Sink, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	unlock, locked, err := lockDir(o.Dir)
	if err != nil {
		return nil, fmt.Errorf("output: %s: %w", o.Dir, err)
	}
	if locked {
		if err := removeStale(o); err != nil {
			unlock()
			return nil, err
		}
	}
	s := &sink{opts: o, unlock: unlock}
	for i, table := range TableNames() {
		f, err := createTemp(o.Dir, FileName(table, o.Format))
		if err != nil {
			s.discard()
			return nil, err
		}
		s.files[i] = f
	}
	if s.t, err = openTables(o, [4]io.Writer{s.files[0], s.files[1], s.files[2], s.files[3]}); err != nil {
		s.discard()
		return nil, fmt.Errorf("output: %w", err)
	}
	return s, nil
}

// removeStale removes the temporary files of tables and manifests in the
// folder, which a run that holds the folder's lock knows to be left over
// from a killed run.
func removeStale(o Options) error {
	entries, err := os.ReadDir(o.Dir)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	var removed []string
	for _, e := range entries {
		if e.Type().IsRegular() && isTempName(e.Name()) {
			if err := os.Remove(filepath.Join(o.Dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("output: removing a stale temporary file: %w", err)
			}
			removed = append(removed, e.Name())
		}
	}
	if len(removed) > 0 && o.Notify != nil {
		o.Notify(fmt.Sprintf("removed %s left in %s by an interrupted run: %s", plural(len(removed), "temporary file"), o.Dir, strings.Join(removed, ", ")))
	}
	return nil
}

// plural returns "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// emptyList is written for a nil categories or tags list.
var emptyList = []string{}

func (s *sink) Write(ctx context.Context, rows *DocRows) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := Validate(rows); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateOpen {
		return ErrClosed
	}
	if s.err != nil {
		return s.err
	}
	if i, err := s.t.add(rows); err != nil {
		return s.fail(i, err)
	}
	// NOTE: the article first; Counts loads in the reverse order.
	s.articleN.Add(1)
	if rows.Article.Status == StatusError {
		s.errorN++
	}
	s.entityN.Add(int64(len(rows.Entities)))
	s.metricN.Add(int64(len(rows.Metrics)))
	s.dateN.Add(int64(len(rows.Dates)))
	return nil
}

// fail records a write error on table i as the sink's final error.
func (s *sink) fail(i int, err error) error {
	s.err = fmt.Errorf("output: writing %s: %w", s.files[i].final, err)
	return s.err
}

// Validate checks that every format can hold the rows: it returns an error
// wrapping ErrInvalidRow for a NaN or infinite metric value.
func Validate(rows *DocRows) error {
	for i := range rows.Metrics {
		m := &rows.Metrics[i]
		// NOTE: the usual case first, without the table of values below:
		// Validate of the corpus's rows (cachegrind) 15.3 → 6.2 M instructions an op.
		if finite(m.Value) && (!m.FromValue.OK || finite(m.FromValue.V)) && (!m.ToValue.OK || finite(m.ToValue.V)) {
			continue
		}
		for _, v := range []struct {
			name string
			v    float64
			ok   bool
		}{{"value", m.Value, true}, {"from_value", m.FromValue.V, m.FromValue.OK}, {"to_value", m.ToValue.V, m.ToValue.OK}} {
			if v.ok && (math.IsNaN(v.v) || math.IsInf(v.v, 0)) {
				return fmt.Errorf("output: doc %q metric %d: %s is %v: %w", m.DocID, m.MetricID, v.name, v.v, ErrInvalidRow)
			}
		}
	}
	return nil
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return math.Abs(v) <= math.MaxFloat64 }

func (s *sink) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch s.state {
	case stateClosed:
		return nil
	case stateAborted, stateFailed:
		return ErrClosed
	}
	if s.err != nil {
		s.discard()
		s.state = stateFailed
		return s.err
	}
	// NOTE: the four tables finish at the same time, each in its own
	// goroutine: its last rows, its trailer, then the flush and sync of its
	// file; one after another, the three small tables' syncs waited for the
	// articles table's last batch and each other. Every file is on disk
	// before step 2 (the old manifest's removal) as before, and the error
	// reported is that of the first table in order that failed, the one
	// the loop one table after another stopped at.
	finishers := s.t.finishers()
	var errs [4]error
	var wg sync.WaitGroup
	for i, f := range s.files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := finishers[i]()
			if err == nil {
				err = f.finish()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			name := s.files[i].final
			s.discard()
			s.state = stateFailed
			return fmt.Errorf("output: finishing %s: %w", name, err)
		}
	}
	// NOTE: the old manifest goes first, so that from here until the new
	// one is in place the folder has none, and no reader trusts a mix of
	// files of two runs.
	if err := os.Remove(filepath.Join(s.opts.Dir, ManifestName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		s.discard()
		s.state = stateFailed
		return fmt.Errorf("output: removing the old manifest: %w", err)
	}
	if err := s.removeOtherFormats(); err != nil {
		s.discard()
		s.state = stateFailed
		return err
	}
	// NOTE: on disk before the renames, so that after a power cut the old
	// manifest cannot come back beside new tables (its sizes and checksums
	// would still tell them apart).
	syncDir(s.opts.Dir)
	m := s.manifest()
	var done []string
	for i, f := range s.files {
		if err := f.publish(); err != nil {
			s.discard()
			s.state = stateFailed
			if len(done) > 0 {
				return fmt.Errorf("output: renaming %s into place: %w (already replaced: %s)", f.final, err, strings.Join(done, ", "))
			}
			return fmt.Errorf("output: renaming %s into place: %w", f.final, err)
		}
		s.files[i] = nil
		done = append(done, f.final)
	}
	s.release()
	defer s.releaseLock()
	if err := writeManifest(s.opts.Dir, m); err != nil {
		s.state = stateFailed
		return err
	}
	s.state = stateClosed
	return nil
}

// removeOtherFormats removes the table files of the formats this sink does
// not write, so that the folder holds one run's tables only.
func (s *sink) removeOtherFormats() error {
	var removed []string
	for _, f := range Formats() {
		if f == s.opts.Format {
			continue
		}
		for _, t := range TableNames() {
			name := FileName(t, f)
			err := os.Remove(filepath.Join(s.opts.Dir, name))
			switch {
			case err == nil:
				removed = append(removed, name)
			case !errors.Is(err, fs.ErrNotExist):
				return fmt.Errorf("output: removing %s of an earlier run: %w", name, err)
			}
		}
	}
	if len(removed) > 0 && s.opts.Notify != nil {
		s.opts.Notify(fmt.Sprintf("removed the tables of an earlier run in another format from %s: %s", s.opts.Dir, strings.Join(removed, ", ")))
	}
	return nil
}

// manifest describes the finished files.
func (s *sink) manifest() *Manifest {
	m := &Manifest{
		SchemaVersion: SchemaVersion,
		Format:        s.opts.Format,
		Documents:     s.articleN.Load(),
		Errors:        s.errorN,
	}
	if s.opts.Format == FormatParquet {
		m.Compression = strings.ToLower(s.opts.Compression)
	}
	if s.opts.Run != nil {
		m.Run = *s.opts.Run
	}
	if m.Run.Options == nil {
		m.Run.Options = map[string]string{}
	}
	if m.Run.Inputs == nil {
		m.Run.Inputs = []string{}
	}
	rows := [4]int64{s.articleN.Load(), s.entityN.Load(), s.metricN.Load(), s.dateN.Load()}
	for i, t := range TableNames() {
		f := s.files[i]
		m.Tables = append(m.Tables, ManifestTable{Name: t, File: filepath.Base(f.final), Rows: rows[i], Bytes: f.n, SHA256: f.checksum()})
	}
	return m
}

// writeManifest writes m into dir under a temporary name, syncs it and
// renames it into place.
func writeManifest(dir string, m *Manifest) error {
	b, err := m.encode()
	if err != nil {
		return fmt.Errorf("output: manifest: %w", err)
	}
	f, err := createTemp(dir, ManifestName)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.finish()
	}
	if err == nil {
		err = f.publish()
	}
	if err != nil {
		f.discard()
		return fmt.Errorf("output: writing %s: %w", f.final, err)
	}
	syncDir(dir)
	return nil
}

func (s *sink) Abort() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateOpen {
		return nil
	}
	s.state = stateAborted
	return s.discard()
}

// EncodeTime implements Encoder.
func (s *sink) EncodeTime() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.t.encodeTime()
}

func (s *sink) Counts() Counts {
	// NOTE: loaded in the reverse of the order Write adds to them, so that
	// a snapshot taken during a Write never counts a document's spans
	// without its article.
	var c Counts
	c.Dates = s.dateN.Load()
	c.Metrics = s.metricN.Load()
	c.Entities = s.entityN.Load()
	c.Articles = s.articleN.Load()
	return c
}

// releaseLock releases the folder's lock, once.
func (s *sink) releaseLock() {
	if s.unlock != nil {
		s.unlock()
		s.unlock = nil
	}
}

// discard frees the buffered rows, removes every temporary file that is
// left and releases the folder, returning the first error.
func (s *sink) discard() error {
	defer s.releaseLock()
	s.release()
	var first error
	for i, f := range s.files {
		if f == nil {
			continue
		}
		if err := f.discard(); err != nil && first == nil {
			first = fmt.Errorf("output: removing %s: %w", f.tmp, err)
		}
		s.files[i] = nil
	}
	return first
}

// release frees the rows buffered by the table writers.
func (s *sink) release() { s.t.release() }
