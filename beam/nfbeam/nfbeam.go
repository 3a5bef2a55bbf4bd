// Package nfbeam runs the newsfacts extraction as an Apache Beam pipeline,
// so that a runner (Prism in process, or Flink, Spark or Dataflow) spreads
// it over many workers. It calls the same entry points as the CLI
// (pipeline.Extract, pipeline.SharedChain, output.Writer), so the rows are
// the CLI's rows; see docs/scale-out.md.
//
// The pipeline:
//
//	inputs ─ list/match ─ Reshuffle ─ read ─ GroupByKey(doc_id)
//	       ─ extract, unique ids, write parts (per bundle) ─ GroupByKey(all) ─ commit parts
//
// Each bundle writes one part of each table under a temporary name; the
// parts of the bundles that committed are renamed into place at the end,
// so a retried bundle leaves neither a duplicate nor a partial part.
package nfbeam

import (
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/standard"
	"github.com/newsfacts/newsfacts/pipeline/input"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Options configures the pipeline; the fields mean what the flags of
// "newsfacts extract" of the same names mean.
type Options struct {
	// Inputs are glob patterns, files or (local) folders, read as
	// "newsfacts extract" reads them. Patterns may name any file system
	// Beam knows (gs://… on Dataflow).
	Inputs []string
	// Output is the folder of the tables: Output/<table>/part-<id>.<ext>.
	Output string
	// Format is parquet (the default), arrow or jsonl.
	Format output.Format
	// Compression is the Parquet codec: zstd (the default), snappy, none.
	Compression string
	// Date is the reference date YYYY-MM-DD, or "".
	Date string
	// Gazetteer and Indicators are extra extractor files, or "". On a
	// cluster they must be readable by every worker.
	Gazetteer, Indicators string
	// MaxDocBytes and MaxRowsPerDoc: 0 means the CLI's defaults.
	MaxDocBytes, MaxRowsPerDoc int
	// PartDocs is the most documents in one part of a table; 0 means one
	// part per bundle, however large the runner makes it.
	PartDocs int
}

// check fills in defaults and checks the options.
func (o Options) check() (Options, error) {
	if len(o.Inputs) == 0 {
		return o, fmt.Errorf("no input")
	}
	if o.Output == "" {
		return o, fmt.Errorf("no output folder")
	}
	if o.Format == "" {
		o.Format = output.FormatParquet
	}
	if _, err := output.ParseFormat(string(o.Format)); err != nil {
		return o, err
	}
	if o.Compression == "" {
		o.Compression = output.DefaultCompression
	}
	if o.Date != "" {
		if _, err := newsfacts.ParseDay(o.Date); err != nil {
			return o, fmt.Errorf("date: %w", err)
		}
	}
	if o.MaxDocBytes < 0 || o.MaxRowsPerDoc < 0 || o.PartDocs < 0 {
		return o, fmt.Errorf("negative limit")
	}
	return o, nil
}

// Build adds the pipeline to s. It builds the extractor chain once here,
// to fail early on a bad gazetteer and to record the extractors in the
// files' metadata; the workers build it again in Setup.
func Build(s beam.Scope, o Options) error {
	o, err := o.check()
	if err != nil {
		return err
	}
	ex := &extractFn{Date: o.Date, Gazetteer: o.Gazetteer, Indicators: o.Indicators, MaxRowsPerDoc: o.MaxRowsPerDoc}
	popts, err := ex.options()
	if err != nil {
		return err
	}
	files, err := listFiles(s, o)
	if err != nil {
		return err
	}
	// NOTE: a Reshuffle, so that the files (a list made by the launcher)
	// are read by many workers rather than by the one that holds the list.
	files = beam.Reshuffle(s, files)
	docs := beam.ParDo(s.Scope("read"), &readFn{MaxDocBytes: o.MaxDocBytes}, files)
	ex.Parts = partWriter{
		Dir: o.Output, Format: string(o.Format), Compression: o.Compression,
		Metadata: pipelineMetadata(popts), PartDocs: int64(o.PartDocs),
	}
	parts := beam.ParDo(s.Scope("extract"), ex, beam.GroupByKey(s, docs))
	// The marker makes the commit run even when no bundle wrote a part.
	parts = beam.Flatten(s, parts, beam.Create(s, PartFile{}))
	beam.ParDo0(s.Scope("commit"), &commitFn{Parts: ex.Parts},
		beam.GroupByKey(s, beam.AddFixedKey(s, parts)))
	return nil
}

// listFiles returns the files to read. Local inputs are listed here, by
// input.NewReader, as the CLI lists them (folders walked, globs matched,
// a file named twice read once); patterns of other file systems (gs://…)
// are matched by the workers.
func listFiles(s beam.Scope, o Options) (beam.PCollection, error) {
	var local []string
	var remote []InputSpec
	for i, in := range o.Inputs {
		if !strings.Contains(in, "://") {
			local = append(local, in)
			continue
		}
		sp := InputSpec{Group: 1 + i, Pattern: in, Root: input.GlobRoot(in), Explicit: !input.HasMeta(in)}
		remote = append(remote, sp)
	}
	var cols []beam.PCollection
	if len(local) > 0 {
		r, err := input.NewReader(local, input.Options{MaxRecordBytes: o.MaxDocBytes})
		if err != nil {
			return beam.PCollection{}, err
		}
		r.Close()
		var refs []FileRef
		for i, f := range r.List() {
			ref := FileRef{Seq: i, Path: f.Path, Name: f.Name, Size: f.Size}
			if f.Err != nil {
				ref.Err = f.Err.Error()
			}
			refs = append(refs, ref)
		}
		if len(refs) > 0 {
			cols = append(cols, beam.CreateList(s, refs))
		}
	}
	if len(remote) > 0 {
		cols = append(cols, beam.ParDo(s.Scope("match"), &matchFn{}, beam.CreateList(s, remote)))
	}
	if len(cols) == 0 {
		return beam.PCollection{}, fmt.Errorf("no input file")
	}
	return beam.Flatten(s, cols...), nil
}

// chainOptions are the extractor options of a run.
func chainOptions(gazetteer, indicators string) standard.Options {
	return standard.Options{Gazetteer: gazetteer, Indicators: indicators}
}
