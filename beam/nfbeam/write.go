package nfbeam

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// PartFile is a part of a table written by a bundle under a temporary
// name, to be renamed to Final when the run commits it.
type PartFile struct {
	Table      string
	Tmp, Final string
	Rows       int64
}

// join joins a folder of any Beam file system ("gs://b/x") and names.
func join(dir string, names ...string) string {
	return strings.TrimSuffix(dir, "/") + "/" + strings.Join(names, "/")
}

// partName is the final name of a part: part-<id>.<ext>.
func partName(id, format string) string { return "part-" + id + "." + format }

// tmpName is the temporary name of a part. It starts with "." and does not
// end in the format's extension, so that no reader of <table>/*.<ext>
// sees it.
func tmpName(id, format string) string { return ".part-" + id + "." + format + ".tmp" }

// noClose hides the Close method of a writer from the Parquet writer,
// which would otherwise close it before its buffer is flushed.
type noClose struct{ io.Writer }

// partWriter writes the rows of a bundle as one part of each of the four
// tables, through output.Writer (the CLI's schemas and settings), and
// passes on the parts it wrote. It is part of a DoFn: the exported fields
// travel with it, the others are the state of the bundle.
type partWriter struct {
	Dir, Format, Compression string
	Metadata                 map[string]string
	// PartDocs, when positive, ends a part after this many documents and
	// starts another, so that parts stay small whatever the runner's
	// bundles.
	PartDocs int64

	w     *output.Writer
	files [4]io.WriteCloser
	bufs  [4]*bufio.Writer
	parts [4]PartFile
}

// open starts a new part of each table.
func (fn *partWriter) open(ctx context.Context) error {
	var id [8]byte
	rand.Read(id[:])
	hexID := hex.EncodeToString(id[:])
	fsys, err := filesystem.New(ctx, fn.Dir)
	if err != nil {
		return err
	}
	defer fsys.Close()
	var ws [4]io.Writer
	for i, t := range output.TableNames() {
		fn.parts[i] = PartFile{Table: t, Tmp: join(fn.Dir, t, tmpName(hexID, fn.Format)), Final: join(fn.Dir, t, partName(hexID, fn.Format))}
		f, err := fsys.OpenWrite(ctx, fn.parts[i].Tmp)
		if err != nil {
			fn.discard(ctx)
			return fmt.Errorf("creating %s: %w", fn.parts[i].Tmp, err)
		}
		fn.files[i] = f
		fn.bufs[i] = bufio.NewWriterSize(f, 256<<10)
		ws[i] = noClose{fn.bufs[i]}
	}
	fn.w, err = output.NewWriter(output.Options{
		Format: output.Format(fn.Format), Compression: fn.Compression, Metadata: fn.Metadata,
	}, ws)
	if err != nil {
		fn.discard(ctx)
		return err
	}
	return nil
}

// discard closes and removes the files of the part being written.
func (fn *partWriter) discard(ctx context.Context) {
	if fn.w != nil {
		fn.w.Abort()
		fn.w = nil
	}
	fsys, err := filesystem.New(ctx, fn.Dir)
	if err != nil {
		return
	}
	defer fsys.Close()
	for i, f := range fn.files {
		if f == nil {
			continue
		}
		f.Close()
		if r, ok := fsys.(filesystem.Remover); ok {
			r.Remove(ctx, fn.parts[i].Tmp)
		}
		fn.files[i], fn.bufs[i] = nil, nil
	}
}

// write appends one document's rows to the parts of the bundle.
func (fn *partWriter) write(ctx context.Context, rows *output.DocRows, emit func(PartFile)) error {
	if fn.w == nil {
		if err := fn.open(ctx); err != nil {
			return err
		}
	}
	if err := fn.w.Write(rows); err != nil {
		// Extract already turned rows no format can hold into error rows:
		// this is a write error, and the bundle is retried.
		fn.discard(ctx)
		return fmt.Errorf("%s: %w", rows.Article.DocID, err)
	}
	if fn.PartDocs > 0 && fn.w.Counts().Articles >= fn.PartDocs {
		return fn.finish(ctx, emit)
	}
	return nil
}

// finish completes the parts being written and passes them on.
func (fn *partWriter) finish(ctx context.Context, emit func(PartFile)) error {
	if fn.w == nil {
		return nil
	}
	w := fn.w
	if err := w.Finish(); err != nil {
		fn.discard(ctx)
		return err
	}
	fn.w = nil
	for i, f := range fn.files {
		err := fn.bufs[i].Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			fn.discard(ctx)
			return fmt.Errorf("writing %s: %w", fn.parts[i].Tmp, err)
		}
		fn.files[i], fn.bufs[i] = nil, nil
	}
	c := w.Counts()
	rows := [4]int64{c.Articles, c.Entities, c.Metrics, c.Dates}
	docsCounter.Inc(ctx, c.Articles)
	errorsCounter.Inc(ctx, w.Errors())
	for i, p := range fn.parts {
		p.Rows = rows[i]
		rowCounters[p.Table].Inc(ctx, p.Rows)
		emit(p)
	}
	return nil
}

// commitFn renames the parts of the bundles that committed into place,
// once every bundle has finished. A part without rows is removed, unless
// its table has no other part (readers of <table>/*.<ext> then still find
// the table, empty). Then it removes what is not of this run from the
// table folders: temporary parts of failed bundle attempts and the parts
// of an earlier run into the same folder. Running it again after a
// failure finishes the job.
//
// It always runs, on a marker element (Table "") at least: when the run had
// no document, it writes one empty part of each table.
type commitFn struct {
	Parts partWriter
}

func (fn *commitFn) ProcessElement(ctx context.Context, _ int, parts func(*PartFile) bool) error {
	fsys, err := filesystem.New(ctx, fn.Parts.Dir)
	if err != nil {
		return err
	}
	defer fsys.Close()
	byTable := map[string][]PartFile{}
	add := func(p PartFile) { byTable[p.Table] = append(byTable[p.Table], p) }
	var p PartFile
	for parts(&p) {
		if p.Table != "" {
			add(p)
		}
	}
	if len(byTable) == 0 {
		if err := fn.Parts.open(ctx); err != nil {
			return err
		}
		if err := fn.Parts.finish(ctx, add); err != nil {
			return err
		}
	}
	for _, t := range output.TableNames() {
		ps := byTable[t]
		slices.SortFunc(ps, func(a, b PartFile) int { return strings.Compare(a.Final, b.Final) })
		keep := map[string]bool{}
		for i, p := range ps {
			if p.Rows == 0 && !(i == len(ps)-1 && len(keep) == 0) {
				continue // removed below with the other files not kept
			}
			if err := rename(ctx, fsys, p.Tmp, p.Final); err != nil {
				return err
			}
			keep[p.Final] = true
		}
		if err := clean(ctx, fsys, join(fn.Parts.Dir, t), keep); err != nil {
			return err
		}
	}
	return nil
}

// rename moves a finished part into place; a part already moved (by an
// earlier attempt of the commit) is left as it is.
func rename(ctx context.Context, fsys filesystem.Interface, from, to string) error {
	if _, err := fsys.Size(ctx, from); err != nil {
		if _, err2 := fsys.Size(ctx, to); err2 == nil {
			return nil
		}
		return fmt.Errorf("committing %s: %w", from, err)
	}
	if r, ok := fsys.(filesystem.Renamer); ok {
		if err := r.Rename(ctx, from, to); err != nil {
			return fmt.Errorf("committing %s: %w", from, err)
		}
		return nil
	}
	c, ok1 := fsys.(filesystem.Copier)
	rm, ok2 := fsys.(filesystem.Remover)
	if !ok1 || !ok2 {
		return errors.New("the output file system can neither rename nor copy files")
	}
	if err := c.Copy(ctx, from, to); err != nil {
		return fmt.Errorf("committing %s: %w", from, err)
	}
	return rm.Remove(ctx, from)
}

// clean removes the parts and temporary parts in a table folder that are
// not in keep.
func clean(ctx context.Context, fsys filesystem.Interface, dir string, keep map[string]bool) error {
	rm, ok := fsys.(filesystem.Remover)
	if !ok {
		return nil
	}
	var found []string
	for _, pat := range []string{join(dir, "part-*"), join(dir, ".part-*.tmp")} {
		m, err := fsys.List(ctx, pat)
		if err != nil {
			return err
		}
		found = append(found, m...)
	}
	for _, f := range found {
		if keep[f] {
			continue
		}
		if err := rm.Remove(ctx, f); err != nil {
			return fmt.Errorf("removing %s: %w", f, err)
		}
	}
	return nil
}
