package nfbeam

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/pipeline"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Counters of a run.
var (
	docsCounter   = beam.NewCounter("newsfacts", "documents")
	errorsCounter = beam.NewCounter("newsfacts", "errors")
	rowCounters   = map[string]beam.Counter{}
)

func init() {
	for _, t := range output.TableNames() {
		rowCounters[t] = beam.NewCounter("newsfacts", "rows_"+t)
	}
}

// extractFn extracts the documents that share a doc_id, gives them the
// CLI's unique ids, and writes their rows to the parts of its bundle. The
// extractor chain is built in Setup, once per worker process
// (pipeline.SharedChain), never per element.
type extractFn struct {
	Date                  string
	Gazetteer, Indicators string
	MaxRowsPerDoc         int
	Parts                 partWriter

	opts pipeline.Options
}

// options returns the pipeline options of the run, with its chain.
func (fn *extractFn) options() (pipeline.Options, error) {
	var opts pipeline.Options
	if fn.Date != "" {
		d, err := newsfacts.ParseDay(fn.Date)
		if err != nil {
			return opts, err
		}
		opts.Parse.DefaultDate = newsfacts.Some(d)
	}
	opts.MaxRowsPerDoc = fn.MaxRowsPerDoc
	chain, err := pipeline.SharedChain(chainOptions(fn.Gazetteer, fn.Indicators))
	if err != nil {
		return opts, err
	}
	opts.Chain = chain
	return opts, nil
}

func (fn *extractFn) Setup() error {
	var err error
	fn.opts, err = fn.options()
	return err
}

// ProcessElement extracts the documents whose id is id. When there are
// several, they get suffixes "~2", "~3" … in input order, as in the CLI.
//
// NOTE: unlike the CLI, it does not check whether a suffixed id is the
// natural id of another document ("a~2" given by a JSONL id): the two
// would then share an id.
func (fn *extractFn) ProcessElement(ctx context.Context, id string, docs func(*RawDoc) bool, emit func(PartFile)) error {
	var all []RawDoc
	var d RawDoc
	for docs(&d) {
		all = append(all, d)
	}
	slices.SortStableFunc(all, before)
	for i := range all {
		rows := pipeline.Extract(all[i].record(), fn.opts)
		all[i].Data = nil
		if i > 0 {
			pipeline.SetDocID(&rows, id+"~"+strconv.Itoa(i+1))
		}
		if err := fn.Parts.write(ctx, &rows, emit); err != nil {
			return err
		}
	}
	return nil
}

func (fn *extractFn) FinishBundle(ctx context.Context, emit func(PartFile)) error {
	return fn.Parts.finish(ctx, emit)
}

func (fn *extractFn) Teardown(ctx context.Context) { fn.Parts.discard(ctx) }

// before orders documents as the CLI reads them: by file (see FileRef;
// the matches of a pattern by path, folder by folder), then by line or
// index in the file.
func before(a, b RawDoc) int {
	if c := cmp.Compare(a.Group, b.Group); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Seq, b.Seq); c != 0 {
		return c
	}
	if c := slices.Compare(strings.Split(a.Path, "/"), strings.Split(b.Path, "/")); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Index - b.Index
}

// pipelineMetadata is the files' metadata, as the CLI writes it.
func pipelineMetadata(opts pipeline.Options) map[string]string { return pipeline.Metadata(opts) }
