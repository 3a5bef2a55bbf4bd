package nfbeam

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/newsfacts/newsfacts/pipeline/input"
)

// InputSpec is an input pattern of a file system other than the local
// one (gs://…), matched by a worker.
type InputSpec struct {
	Group   int    // 1 + its position among the inputs
	Pattern string // glob pattern or path
	Root    string // the folder document ids are relative to
	// Explicit marks a path named without metacharacters: a file of
	// unknown kind is then an error row rather than skipped.
	Explicit bool
}

// FileRef is one file to read, with its place in the input order: local
// files in the CLI's reading order (Group 0, Seq), then the matches of
// each other pattern (Group, by path).
type FileRef struct {
	Group, Seq int
	Path, Name string // Name: the default document id
	Size       int64  // -1 when unknown
	Err        string // the file's error, when it yields one error record
}

// RawDoc is one unparsed document (an input.Record that can cross
// workers), with its place in the input order.
type RawDoc struct {
	Group, Seq int
	Path       string
	Source     string
	Line       int
	Kind       string
	Name       string
	Index      int
	Data       []byte
	Err        string // the read error, when the record is one
}

// record returns the input.Record of d.
func (d RawDoc) record() input.Record {
	rec := input.Record{Source: d.Source, Line: d.Line, Kind: input.Kind(d.Kind), Name: d.Name, Index: d.Index, Data: d.Data}
	if d.Err != "" {
		rec.Err = errors.New(d.Err)
	}
	return rec
}

// matchFn lists the files of a pattern, in sorted order, skipping files of
// unknown kind unless the pattern names the file.
type matchFn struct{}

func (fn *matchFn) ProcessElement(ctx context.Context, sp InputSpec, emit func(FileRef)) error {
	fsys, err := filesystem.New(ctx, sp.Pattern)
	if err != nil {
		return err
	}
	defer fsys.Close()
	matches, err := fsys.List(ctx, sp.Pattern)
	if err != nil {
		return fmt.Errorf("input %s: %w", sp.Pattern, err)
	}
	if len(matches) == 0 {
		return fmt.Errorf("input %s: no file matches the pattern", sp.Pattern)
	}
	slices.Sort(matches)
	for _, m := range matches {
		if kind, _ := input.KindOf(m); kind == "" && !sp.Explicit {
			continue
		}
		size, err := fsys.Size(ctx, m)
		if err != nil {
			size = -1 // the read reports the error
		}
		emit(FileRef{Group: sp.Group, Path: m, Name: input.NameOf(sp.Root, m), Size: size})
	}
	return nil
}

// readFn reads a file into its documents with input.NewFileReader: one
// per line of JSON Lines, one per file otherwise; a file that cannot be
// read becomes one error record.
type readFn struct {
	MaxDocBytes int
}

// ProcessElement emits the documents of a file keyed by their doc_id
// before it is made unique, which input.Parse gives: the documents with
// the same id meet in one group, and the group by id spreads the documents
// over the workers.
func (fn *readFn) ProcessElement(ctx context.Context, f FileRef, emit func(string, RawDoc)) error {
	file := input.File{Path: f.Path, Name: f.Name, Size: f.Size}
	var rd io.Reader = strings.NewReader("")
	if f.Err != "" {
		file.Err = errors.New(f.Err)
	} else {
		fsys, err := filesystem.New(ctx, f.Path)
		if err != nil {
			return err
		}
		defer fsys.Close()
		rc, err := fsys.OpenRead(ctx, f.Path)
		if err != nil {
			// The file's error record, as when the CLI cannot open it.
			file.Err = err
		} else {
			defer rc.Close()
			rd = rc
		}
	}
	r := input.NewFileReader(file, rd, input.Options{MaxRecordBytes: fn.MaxDocBytes})
	defer r.Close()
	for {
		rec, err := r.Next(ctx)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		d := RawDoc{Group: f.Group, Seq: f.Seq, Path: f.Path, Source: rec.Source, Line: rec.Line, Kind: string(rec.Kind), Name: rec.Name, Index: rec.Index, Data: rec.Data}
		if rec.Err != nil {
			d.Data = nil
			d.Err = rec.Err.Error()
		}
		emit(input.Parse(rec, input.ParseOptions{}).DocID, d)
	}
}
