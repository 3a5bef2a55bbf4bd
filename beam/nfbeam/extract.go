package nfbeam

import (
	"cmp"
	"encoding/json"
	"fmt"
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

// extractFn parses and extracts one document with pipeline.Extract. The
// extractor chain is built in Setup, once per worker process
// (pipeline.SharedChain), never per element.
type extractFn struct {
	Date                  string
	Gazetteer, Indicators string
	MaxRowsPerDoc         int

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

// keyedRows is a document's rows with its place in the input order, which
// decides which of the documents with the same doc_id keeps it.
type keyedRows struct {
	Group int            `json:"g"`
	Seq   int            `json:"s"`
	Path  string         `json:"p"`
	Line  int            `json:"l"`
	Index int            `json:"x"`
	Rows  output.DocRows `json:"r"`
}

// ProcessElement returns the document's doc_id and its encoded keyedRows.
func (fn *extractFn) ProcessElement(d RawDoc) (string, []byte, error) {
	rows := pipeline.Extract(d.record(), fn.opts)
	b, err := json.Marshal(keyedRows{Group: d.Group, Seq: d.Seq, Path: d.Path, Line: d.Line, Index: d.Index, Rows: rows})
	if err != nil {
		return "", nil, fmt.Errorf("%s: encoding rows: %w", rows.Article.DocID, err)
	}
	return rows.Article.DocID, b, nil
}

// before orders documents as the CLI reads them: by file (see FileRef;
// the matches of a pattern by path, folder by folder), then by line or
// index in the file.
func before(a, b *keyedRows) int {
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

// uniqueFn gives the documents that share a doc_id suffixes "~2", "~3" …
// in input order, as the CLI does, and passes on each document's rows
// (JSON of output.DocRows).
//
// NOTE: unlike the CLI, it does not check whether a suffixed id is the
// natural id of another document ("a~2" given by a JSONL id): the two
// would then share an id.
func uniqueFn(id string, vals func(*[]byte) bool, emit func([]byte)) error {
	var docs []*keyedRows
	var b []byte
	for vals(&b) {
		k := new(keyedRows)
		if err := json.Unmarshal(b, k); err != nil {
			return fmt.Errorf("%s: decoding rows: %w", id, err)
		}
		docs = append(docs, k)
	}
	slices.SortStableFunc(docs, before)
	for i, k := range docs {
		if i > 0 {
			pipeline.SetDocID(&k.Rows, id+"~"+strconv.Itoa(i+1))
		}
		out, err := json.Marshal(&k.Rows)
		if err != nil {
			return fmt.Errorf("%s: encoding rows: %w", id, err)
		}
		emit(out)
	}
	return nil
}

// pipelineMetadata is the files' metadata, as the CLI writes it.
func pipelineMetadata(opts pipeline.Options) map[string]string { return pipeline.Metadata(opts) }
