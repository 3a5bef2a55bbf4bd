package pipeline

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/standard"
	"github.com/newsfacts/newsfacts/pipeline/input"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Extract turns one input record into its document's rows, exactly as Run
// does for each record: parse (opts.Parse), extract (opts.Chain, in windows
// of opts.WindowBytes, at most opts.MaxRowsPerDoc rows per table), convert
// to rows. A document that fails, at any of these steps or because a row
// cannot be written (a NaN metric value), becomes its articles row alone
// with status "error". The doc_id is not yet unique: Run adds "~2", "~3" …
// to a repeated one. Options other than Parse, Chain, MaxRowsPerDoc and
// WindowBytes are not used.
//
// Extract is the entry point of every program that runs the extraction (the
// CLI through Run, the Beam pipeline per element), so that they cannot
// drift. It is safe for concurrent use with the same opts.
func Extract(rec input.Record, opts Options) output.DocRows {
	var exts []extractors.Extractor
	if opts.Chain != nil {
		exts = opts.Chain.Extractors()
	}
	j := job{rec: rec}
	process(&j, opts, exts)
	return j.rows
}

// checkRows turns the rows of j into an error row when no format can hold
// them (output.ErrInvalidRow), as the sink would refuse them.
func checkRows(j *job) {
	if err := output.Validate(&j.rows); errors.Is(err, output.ErrInvalidRow) {
		j.err = &newsfacts.DocError{Source: j.rows.Article.Source, Op: "write", Err: err}
		j.rows = errorRows(j.rows.Article, j.err)
		j.capped = false
	}
}

// process parses and extracts one record, filling j.rows.
func process(j *job, opts Options, exts []extractors.Extractor) {
	if n := len(exts) + 2; cap(j.spent) >= n {
		j.spent = j.spent[:n]
		clear(j.spent)
	} else {
		j.spent = make([]time.Duration, n)
	}
	t := time.Now()
	a := input.Parse(j.rec, opts.Parse)
	j.rec.Data = nil // the raw bytes are no longer needed
	j.spent[0] = time.Since(t)
	doc := newsfacts.NewDoc(a)
	if a.Err == nil {
		capped, err := extract(doc, exts, opts.windowBytes(), opts.maxRowsPerDoc(), j.spent[1:1+len(exts)])
		j.capped = capped
		if err != nil {
			j.capped = false
			doc = newsfacts.NewDoc(newsfacts.Article{
				DocID: a.DocID, Source: a.Source, Title: a.Title, Date: a.Date,
				PublishedAt: a.PublishedAt, URL: a.URL, Publisher: a.Publisher,
				Categories: a.Categories, Tags: a.Tags,
				Err: &newsfacts.DocError{Source: a.Source, Op: "extract", Err: err},
			})
		}
	}
	t = time.Now()
	j.err = doc.Err
	j.text = len(a.Text)
	output.RowsInto(&j.rows, doc) // in the storage of a recycled job's rows
	checkRows(j)
	j.spent[len(j.spent)-1] = time.Since(t)
}

// chains holds the standard chains built in this process, by options.
var chains struct {
	sync.Mutex
	m map[string]*chainOnce // by the options, printed with %#v
}

type chainOnce struct {
	once  sync.Once
	chain *extractors.Chain
	err   error
}

// SharedChain returns the standard extractor chain (extractors/standard.New)
// for o, built once per process and shared: its gazetteers and
// dictionaries are loaded the first time and every later call, from any
// goroutine, gets the same chain. A chain is safe for concurrent use.
func SharedChain(o standard.Options) (*extractors.Chain, error) {
	chains.Lock()
	if chains.m == nil {
		chains.m = map[string]*chainOnce{}
	}
	key := fmt.Sprintf("%#v", o)
	c := chains.m[key]
	if c == nil {
		c = &chainOnce{}
		chains.m[key] = c
	}
	chains.Unlock()
	c.once.Do(func() { c.chain, c.err = standard.New(o) })
	return c.chain, c.err
}

// Metadata is what the run records in the key-value metadata of Parquet
// and Arrow files: the newsfacts version and the extractors of the chain.
func Metadata(opts Options) map[string]string {
	md := map[string]string{"newsfacts.version": newsfacts.Version}
	if opts.Chain != nil {
		var names []string
		for _, e := range opts.Chain.Extractors() {
			names = append(names, e.Name())
		}
		md["newsfacts.extractors"] = strings.Join(names, ",")
	}
	return md
}
