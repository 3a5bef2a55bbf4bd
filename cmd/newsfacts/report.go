package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsfacts/newsfacts/pipeline/report"
)

// report writes the HTML dashboard of an extract run's folder.
func (m *Main) report(ctx context.Context, args []string) int {
	fs := m.newFlagSet("report", "report [flags] DIR", "")
	out := fs.StringP("out", "o", "", "write the page to `FILE` (default DIR/report.html)")
	format := fs.String("format", "", "read the tables in this format: parquet, arrow or jsonl (default: the one DIR holds)")
	var o report.Options
	fs.IntVar(&o.TopIndicators, "top-indicators", report.DefaultTopIndicators, "offer the `N` indicators with the most figures in the explorer")
	fs.IntVar(&o.MaxFacts, "max-facts", report.DefaultMaxFacts, "embed up to `N` figures with their sentences per indicator")
	fs.IntVar(&o.TopPlaces, "top-places", report.DefaultTopPlaces, "list the `N` places and the N organisations with the most figures")
	if err := parseFlags(fs, args); err != nil {
		return m.fail(err)
	}
	if fs.NArg() != 1 {
		return m.fail(usageErr("report", "report needs one DIR, the folder extract wrote"))
	}
	if o.TopIndicators < 1 || o.MaxFacts < 1 || o.TopPlaces < 1 {
		return m.fail(usageErr("report", "--top-indicators, --max-facts and --top-places must be at least 1"))
	}
	dir := fs.Arg(0)
	if *out == "" {
		*out = filepath.Join(dir, "report.html")
	}
	if err := ctx.Err(); err != nil {
		return m.fail(err)
	}
	d, err := report.Load(dir, *format)
	if err != nil {
		return m.fail(err)
	}
	model := report.Build(d, o)
	var buf bytes.Buffer
	if err := report.Write(&buf, model); err != nil {
		return m.fail(err)
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return m.fail(err)
	}
	ov := model.Overview
	if ov.Docs == 0 {
		fmt.Fprintf(m.Stderr, "newsfacts: %s holds an empty run (no documents); the page says so\n", dir)
	}
	fmt.Fprintf(m.Stderr, "newsfacts: report of %d documents (%d errors), %d figures, %d of %d indicators -> %s (%.1f MB)\n",
		ov.Docs, ov.Errors, ov.Rows.Metrics, len(model.Indicators), model.Limits.IndicatorsTotal, *out, float64(buf.Len())/1e6)
	return exitOK
}

// writeFileAtomic writes b to a temporary file beside path and renames it
// into place, so that path is never a partial page.
func writeFileAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
