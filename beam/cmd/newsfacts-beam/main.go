// Command newsfacts-beam runs the newsfacts extraction as an Apache Beam
// pipeline: on Prism in this process (the default), or on Flink, Spark or
// Dataflow with the Beam flags of those runners. See docs/scale-out.md.
//
//	newsfacts-beam --input GLOB[,GLOB…] --output DIR [--format parquet|jsonl]
//	    [--date D] [--gazetteer FILE] [--runner prism|flink|spark|dataflow …]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/newsfacts/newsfacts/beam/nfbeam"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

var (
	inputs        = flag.String("input", "", "input files: comma-separated glob patterns, files or local folders (required)")
	outDir        = flag.String("output", "", "output folder: DIR/<table>/part-<id>.<ext> (required)")
	format        = flag.String("format", "parquet", "output format: parquet, arrow or jsonl")
	compression   = flag.String("compression", "zstd", "Parquet compression: zstd, snappy or none")
	date          = flag.String("date", "", "reference date YYYY-MM-DD for documents that give none")
	gazetteer     = flag.String("gazetteer", "", "extra gazetteer file (readable by every worker)")
	indicators    = flag.String("indicators", "", "extra indicator catalogue file (readable by every worker)")
	maxDocBytes   = flag.Int("max-doc-bytes", 16<<20, "largest document or JSONL line accepted; larger ones become error rows")
	partDocs      = flag.Int("part-docs", 100000, "most documents in one part of a table (0: one part per bundle)")
	maxRowsPerDoc = flag.Int("max-rows-per-doc", 0, "most entities, metrics and dates rows one document gives (0: the CLI's default)")
)

func main() {
	flag.Parse()
	beam.Init()
	if *inputs == "" || *outDir == "" {
		fmt.Fprintln(os.Stderr, "newsfacts-beam: --input and --output are required")
		flag.Usage()
		os.Exit(2)
	}
	f, err := output.ParseFormat(*format)
	if err != nil {
		fail(err)
	}
	p, s := beam.NewPipelineWithRoot()
	err = nfbeam.Build(s, nfbeam.Options{
		Inputs: strings.Split(*inputs, ","), Output: *outDir, Format: f, Compression: *compression,
		Date: *date, Gazetteer: *gazetteer, Indicators: *indicators,
		MaxDocBytes: *maxDocBytes, MaxRowsPerDoc: *maxRowsPerDoc, PartDocs: *partDocs,
	})
	if err != nil {
		fail(err)
	}
	start := time.Now()
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "newsfacts-beam: done in %.1f s", time.Since(start).Seconds())
	if res != nil {
		for _, c := range res.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == "newsfacts" }).Counters() {
			fmt.Fprintf(os.Stderr, "; %s %d", c.Name(), c.Result())
		}
	}
	fmt.Fprintln(os.Stderr)
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "newsfacts-beam: %v\n", err)
	os.Exit(1)
}
