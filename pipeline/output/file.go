package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// fileBufSize is the write buffer of each table file.
const fileBufSize = 256 << 10

// tempFile is a table file being written under a temporary name in the
// output folder, to be renamed into place when complete.
//
// NOTE: tempFile has Write but deliberately no Close method: the Parquet
// writer closes its sink if the sink is an io.Closer, and the file must
// stay open until its buffer is flushed and synced.
type tempFile struct {
	final string // the path the file is renamed to
	tmp   string // the path it is written at
	f     *os.File
	w     *bufio.Writer
	// sum hashes what is written and n counts it, for the manifest.
	sum hash.Hash
	n   int64
}

// createTemp creates ".<name>.tmp-<random>" in dir for the final file name.
func createTemp(dir, name string) (*tempFile, error) {
	final := filepath.Join(dir, name)
	for range 16 {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s.tmp-%016x", name, rand.Uint64()))
		// NOTE: O_EXCL with mode 0666 rather than os.CreateTemp, whose mode
		// 0600 would survive the rename: outputs get the usual umask-based
		// permissions.
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("output: creating %s: %w", final, err)
		}
		return &tempFile{final: final, tmp: tmp, f: f, w: bufio.NewWriterSize(f, fileBufSize), sum: sha256.New()}, nil
	}
	return nil, fmt.Errorf("output: creating %s: no free temporary name", final)
}

// Write writes to the file's buffer.
func (t *tempFile) Write(p []byte) (int, error) {
	t.sum.Write(p)
	n, err := t.w.Write(p)
	t.n += int64(n)
	return n, err
}

// checksum returns the hex SHA-256 of what was written.
func (t *tempFile) checksum() string { return hex.EncodeToString(t.sum.Sum(nil)) }

// isTempName reports whether name is a temporary file of a table or
// manifest, as createTemp names them: ".<file>.tmp-<random>".
func isTempName(name string) bool {
	file, _, ok := strings.Cut(strings.TrimPrefix(name, "."), ".tmp-")
	if !ok || !strings.HasPrefix(name, ".") {
		return false
	}
	if file == ManifestName {
		return true
	}
	for _, f := range Formats() {
		for _, t := range TableNames() {
			if file == FileName(t, f) {
				return true
			}
		}
	}
	return false
}

// syncDir flushes a folder's entries (the renames) to disk, where the
// system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// finish flushes the buffer, syncs the file to disk and closes it, so that
// the rename that follows publishes complete contents even after a crash.
func (t *tempFile) finish() error {
	err := t.w.Flush()
	if err == nil {
		err = t.f.Sync()
	}
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	t.f = nil
	return err
}

// publish renames the finished file into place, replacing any file there.
func (t *tempFile) publish() error { return os.Rename(t.tmp, t.final) }

// discard closes the file if it is open and removes it.
func (t *tempFile) discard() error {
	if t.f != nil {
		t.f.Close()
		t.f = nil
	}
	if err := os.Remove(t.tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
