package main

import (
	"context"
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/pipeline"
	"github.com/newsfacts/newsfacts/pipeline/input"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// runFlags are the flags shared by every command that runs the pipeline.
type runFlags struct {
	cmd           string // the sub-command, for usage errors
	date          string
	workers       int
	gazetteer     string
	indicators    string
	maxDocBytes   int
	maxRowsPerDoc int
}

func (f *runFlags) register(fs *pflag.FlagSet) {
	f.cmd = fs.Name()
	fs.StringVar(&f.date, "date", "", "reference `YYYY-MM-DD` for articles whose document and file name give no date (relative dates resolve against it)")
	fs.IntVar(&f.workers, "workers", 0, "parallel workers: `N`, or 0 to use all CPUs (the output is the same for any N)")
	fs.StringVar(&f.gazetteer, "gazetteer", "", "extra gazetteer `FILE`: one name per line, optional TAB type (ORG|PLACE) and TAB canonical name")
	fs.StringVar(&f.indicators, "indicators", "", "extra indicator catalogue `FILE` (canonical TAB group TAB aliases|…) that adds to or overrides the embedded one")
	fs.IntVar(&f.maxDocBytes, "max-doc-bytes", 16<<20, "largest document or JSONL line accepted; larger ones become error rows")
	fs.IntVar(&f.maxRowsPerDoc, "max-rows-per-doc", pipeline.DefaultMaxRowsPerDoc, "most entities, metrics and dates rows one document gives (each table); the first are kept")
}

// options turns the flags into pipeline options, building the extractor
// chain.
func (f *runFlags) options() (pipeline.Options, error) {
	var opts pipeline.Options
	if f.date != "" {
		d, err := newsfacts.ParseDay(f.date)
		if err != nil {
			return opts, usageErr(f.cmd, "--date: %v", err)
		}
		opts.Parse.DefaultDate = newsfacts.Some(d)
	}
	if f.workers < 0 {
		return opts, usageErr(f.cmd, "--workers must be 0 (all CPUs) or more")
	}
	if f.maxDocBytes <= 0 {
		return opts, usageErr(f.cmd, "--max-doc-bytes must be positive")
	}
	if f.maxRowsPerDoc <= 0 {
		return opts, usageErr(f.cmd, "--max-rows-per-doc must be positive")
	}
	opts.Workers = f.workers
	opts.MaxRowsPerDoc = f.maxRowsPerDoc
	chain, err := buildChain(chainOptions{Gazetteer: f.gazetteer, Indicators: f.indicators})
	if err != nil {
		return opts, err
	}
	opts.Chain = chain
	return opts, nil
}

// prepare builds the pipeline options from the flags and opens the inputs;
// "-" alone reads m.Stdin. The caller closes the reader.
func (m *Main) prepare(args []string, f *runFlags) (pipeline.Options, *input.Reader, error) {
	popts, err := f.options()
	if err != nil {
		return popts, nil, err
	}
	opts := input.Options{MaxRecordBytes: f.maxDocBytes}
	if len(args) == 1 && args[0] == "-" {
		return popts, input.NewReaderFrom("-", m.Stdin, input.KindJSONL, opts), nil
	}
	r, err := input.NewReader(args, opts)
	if err != nil {
		return popts, nil, usageErr(f.cmd, "%v", err)
	}
	return popts, r, nil
}

func (m *Main) extract(ctx context.Context, args []string) int {
	start := time.Now()
	fs := m.newFlagSet("extract", "extract [flags] INPUT...", extractHelp)
	var rf runFlags
	out := fs.StringP("out", "o", "out", "output `DIR`")
	format := fs.String("format", "parquet", "output format: parquet, arrow or jsonl")
	compression := fs.String("compression", "zstd", "Parquet compression: zstd, snappy or none")
	progress := fs.String("progress", "auto", "progress bar: auto (when stderr is a terminal), always or never")
	stats := fs.Bool("stats", false, "print the time spent per stage at the end")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `FILE` (for go tool pprof)")
	rf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return m.fail(err)
	}
	if fs.NArg() == 0 {
		return m.fail(usageErr("extract", "extract needs at least one INPUT"))
	}
	ofmt, err := output.ParseFormat(*format)
	if err != nil {
		return m.fail(usageErr("extract", "--format: %v", err))
	}
	if !slices.Contains([]string{"zstd", "snappy", "none"}, *compression) {
		return m.fail(usageErr("extract", "--compression must be zstd, snappy or none"))
	}
	if !slices.Contains([]string{"auto", "always", "never"}, *progress) {
		return m.fail(usageErr("extract", "--progress must be auto, always or never"))
	}
	gc0 := readGC()
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return m.fail(err)
		}
		defer stop()
	}
	popts, reader, err := m.prepare(fs.Args(), &rf)
	if err != nil {
		return m.fail(err)
	}
	defer reader.Close()
	for _, sk := range reader.Skipped() {
		fmt.Fprintf(m.Stderr, "newsfacts: skipping %s: %s\n", sk.Path, sk.Reason)
	}

	run := &output.RunInfo{
		Command: "newsfacts extract",
		Version: newsfacts.Version,
		Options: map[string]string{
			"format":           string(ofmt),
			"compression":      *compression,
			"date":             rf.date,
			"gazetteer":        rf.gazetteer,
			"max-doc-bytes":    fmt.Sprint(rf.maxDocBytes),
			"max-rows-per-doc": fmt.Sprint(rf.maxRowsPerDoc),
		},
		Inputs:          fs.Args(),
		SkippedInputs:   len(reader.Skipped()),
		DuplicateInputs: reader.Duplicates(),
	}
	sink, err := output.Open(output.Options{
		Dir:         *out,
		Format:      ofmt,
		Compression: *compression,
		Metadata:    pipeline.Metadata(popts),
		Run:         run,
		Notify:      func(msg string) { fmt.Fprintf(m.Stderr, "newsfacts: %s\n", msg) },
	})
	if err != nil {
		return m.fail(err)
	}

	bar := m.progressBar(*progress, reader.TotalBytes())
	var shown int
	var capped int64
	popts.Progress = func(rows *output.DocRows, st pipeline.Stats) {
		if rows.Article.Status == output.StatusError {
			shown = m.reportDocError(bar, rows, shown)
		}
		if st.Capped > capped {
			capped = st.Capped
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintf(m.Stderr, "newsfacts: %s: more than %d rows in a table; only the first %d are kept (--max-rows-per-doc)\n", rows.Article.DocID, rf.maxRowsPerDoc, rf.maxRowsPerDoc)
		}
		if bar != nil {
			bar.Set64(reader.BytesRead())
		}
	}
	st, err := pipeline.Run(ctx, reader, sink, popts)
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(m.Stderr)
	}
	if err != nil {
		if aerr := sink.Abort(); aerr != nil {
			fmt.Fprintf(m.Stderr, "newsfacts: removing partial output: %v\n", aerr)
		}
		if ctx.Err() != nil {
			return m.fail(context.Canceled)
		}
		return m.fail(err)
	}
	run.InputFiles = reader.Files()
	run.RenamedIDs = st.Renamed
	run.CappedDocs = st.Capped
	closing := time.Now()
	if err := sink.Close(); err != nil {
		return m.fail(err) // it names the file, after "output:"
	}
	finish := time.Since(closing)
	elapsed := time.Since(start)
	m.summary(st, reader, elapsed, *out, ofmt)
	if *stats {
		// The tables encode in goroutines of their own, the last rows during
		// Close: a stage of its own, after write.
		if enc, ok := sink.(output.Encoder); ok && ofmt != output.FormatJSONL {
			st.Stages = append(st.Stages, pipeline.Stage{Name: "encode", Time: enc.EncodeTime()})
		}
		m.printStats(st, start, elapsed, finish, readGC().since(gc0))
	}
	if st.Errors > 0 {
		return exitDocErrors
	}
	return exitOK
}

// maxShownErrors is how many failed documents are named on stderr; the rest
// are only counted (they are all in the articles table).
const maxShownErrors = 10

func (m *Main) reportDocError(bar *progressbar.ProgressBar, rows *output.DocRows, shown int) int {
	if shown >= maxShownErrors {
		return shown
	}
	if bar != nil {
		bar.Clear()
	}
	fmt.Fprintf(m.Stderr, "newsfacts: %s: %s\n", rows.Article.DocID, rows.Article.Error)
	if shown+1 == maxShownErrors {
		fmt.Fprintf(m.Stderr, "newsfacts: further failed documents are not shown; see status and error in the articles table\n")
	}
	return shown + 1
}

// progressBar returns a progress bar over total input bytes, or nil when
// the mode and terminal say there should be none.
func (m *Main) progressBar(mode string, total int64) *progressbar.ProgressBar {
	switch mode {
	case "never":
		return nil
	case "auto":
		f, ok := m.Stderr.(*os.File)
		if !ok || !term.IsTerminal(int(f.Fd())) {
			return nil
		}
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(m.Stderr),
		progressbar.OptionSetDescription("extract"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
	)
}

// summary prints the one-line summary of a run.
func (m *Main) summary(st pipeline.Stats, r *input.Reader, elapsed time.Duration, dir string, f output.Format) {
	mb := float64(r.BytesRead()) / 1e6
	var notes []string
	if n := st.Renamed; n > 0 {
		notes = append(notes, plural(int(n), "id")+" given a suffix")
	}
	if n := r.Duplicates(); n > 0 {
		notes = append(notes, plural(n, "input")+" named twice")
	}
	if n := st.Capped; n > 0 {
		notes = append(notes, plural(int(n), "document")+" cut at --max-rows-per-doc")
	}
	if n := len(r.Skipped()); n > 0 {
		notes = append(notes, plural(n, "non-regular file")+" skipped")
	}
	extra := ""
	if len(notes) > 0 {
		extra = " (" + strings.Join(notes, ", ") + ")"
	}
	fmt.Fprintf(m.Stderr,
		"newsfacts: %s, %s%s; rows: articles %d, entities %d, metrics %d, dates %d; %s in %.2f s (%.1f MB/s, %.0f docs/s) -> %s/*.%s\n",
		plural(int(st.Docs), "document"), plural(int(st.Errors), "error"), extra,
		st.Rows.Articles, st.Rows.Entities, st.Rows.Metrics, st.Rows.Dates,
		size(r.BytesRead()), elapsed.Seconds(), mb/elapsed.Seconds(), float64(st.Docs)/elapsed.Seconds(), dir, f)
}

// plural returns "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// size formats a byte count: "850 B", "12.3 KB", "36.3 MB", "1.2 GB"
// (decimal units).
func size(n int64) string {
	switch {
	case n < 1e3:
		return fmt.Sprintf("%d B", n)
	case n < 1e6:
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	case n < 1e9:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1e9)
}

// gcStats are the Go runtime's running totals of garbage collection.
type gcStats struct {
	cpu    float64 // CPU seconds spent collecting (marking, assists, pauses)
	total  float64 // CPU seconds available to the process so far (GOMAXPROCS × wall)
	allocs uint64  // bytes allocated on the heap
	cycles uint64  // collections completed
}

// gcMetrics are the runtime/metrics names read by readGC, in gcStats
// order.
var gcMetrics = []string{
	"/cpu/classes/gc/total:cpu-seconds",
	"/cpu/classes/total:cpu-seconds",
	"/gc/heap/allocs:bytes",
	"/gc/cycles/total:gc-cycles",
}

// readGC reads the garbage collector's totals from runtime/metrics.
func readGC() gcStats {
	samples := make([]metrics.Sample, len(gcMetrics))
	for i, name := range gcMetrics {
		samples[i].Name = name
	}
	metrics.Read(samples)
	f := func(i int) float64 {
		if samples[i].Value.Kind() == metrics.KindFloat64 {
			return samples[i].Value.Float64()
		}
		return 0
	}
	u := func(i int) uint64 {
		if samples[i].Value.Kind() == metrics.KindUint64 {
			return samples[i].Value.Uint64()
		}
		return 0
	}
	return gcStats{cpu: f(0), total: f(1), allocs: u(2), cycles: u(3)}
}

// since returns the totals accrued from g0 to g.
func (g gcStats) since(g0 gcStats) gcStats {
	return gcStats{cpu: g.cpu - g0.cpu, total: g.total - g0.total, allocs: g.allocs - g0.allocs, cycles: g.cycles - g0.cycles}
}

// printStats prints the time per stage, as CPU seconds summed over
// workers and as the throughput one core would reach on that stage alone,
// then the garbage collector's share, and the times that no worker adds
// to: until the first document was written (start-up) and of finishing
// the output after the last (its last batches, trailers and syncs).
func (m *Main) printStats(st pipeline.Stats, start time.Time, elapsed, finish time.Duration, gc gcStats) {
	fmt.Fprintf(m.Stderr, "stage                 seconds   MB/s (text, one core)\n")
	mb := float64(st.TextBytes) / 1e6
	for _, s := range st.Stages {
		d := s.Time.Seconds()
		rate := "-"
		if d > 0 {
			rate = fmt.Sprintf("%.1f", mb/d)
		}
		fmt.Fprintf(m.Stderr, "%-20s %8.2f %8s\n", s.Name, d, rate)
	}
	// NOTE: the runtime's figures of GC CPU time are estimates, refreshed
	// at each collection; the share is of all the CPU time the process
	// could have used (GOMAXPROCS × wall clock).
	share := 0.0
	if gc.total > 0 {
		share = 100 * gc.cpu / gc.total
	}
	fmt.Fprintf(m.Stderr, "%-20s %8.2f %8s  (%.0f%% of the CPU time available; %d collections, %.0f MB allocated)\n",
		"gc", gc.cpu, "-", share, gc.cycles, float64(gc.allocs)/1e6)
	first := st.Started.Sub(start) + st.FirstOutput
	fmt.Fprintf(m.Stderr, "first output after %d ms; finishing %d ms; text %.1f MB; wall %.2f s\n", first.Milliseconds(), finish.Milliseconds(), mb, elapsed.Seconds())
	if kb, ok := peakRSS(); ok {
		fmt.Fprintf(m.Stderr, "peak memory %.0f MB (resident, VmHWM)\n", float64(kb)/1024)
	}
}

// peakRSS returns the largest resident set of this process, in kilobytes,
// from /proc/self/status (Linux); ok is false where that is not readable.
//
// NOTE: not getrusage's ru_maxrss: on Linux that also counts the resident
// set of the process that started this one, at the time it did (a Go
// parent starts a child sharing its memory until exec), so a child of a
// large test process reported the parent's 500 MB as its own.
func peakRSS() (kb int64, ok bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(b)) {
		if v, found := strings.CutPrefix(line, "VmHWM:"); found {
			n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// startCPUProfile starts writing a CPU profile to path and returns the
// function that stops it.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// extractHelp follows the flags in "extract --help".
var extractHelp = `Writes articles, entities, metrics and dates (one file each, in --format)
and _manifest.json, last, into --out; prints a one-line summary on stderr.

INPUT is a file, a directory (walked recursively, in lexical order; only
regular files, and links to them, are read), a glob, or - for JSON Lines
on standard input. The kind comes from the extension, each also .gz:
  .md .markdown   Jekyll post: front matter (title, date, categories, tags), body
  .html .htm      HTML page: title, date meta tags, body text
  .txt            plain text, one paragraph per line
  .jsonl .ndjson  one article per line: id, title, date, text (or body, content),
                  url, source/publisher
The reference date of a document is its own date, else a date that starts
the file name (2023-05-09-x.txt, 20230509_x.md), else --date.
doc_id is the JSONL id, else the path under the INPUT given, without
extension; a repeated one gets ~2, ~3 ... (see docs/schema.md).

` + exitCodes + `
Example:
  newsfacts extract --format jsonl -o out articles/ 'dumps/*.jsonl.gz'
`
