package main

import (
	"context"
	"fmt"

	"github.com/newsfacts/newsfacts/pipeline"
	"github.com/newsfacts/newsfacts/pipeline/output"
	"github.com/newsfacts/newsfacts/pipeline/validate"
)

func (m *Main) validate(ctx context.Context, args []string) int {
	fs := m.newFlagSet("validate", "validate --golden DIR [flags] INPUT...")
	var rf runFlags
	goldenDir := fs.String("golden", "", "`DIR` holding the golden articles/entities/metrics/dates .jsonl tables")
	predDir := fs.String("pred", "", "score the JSONL tables in `DIR` instead of running the extractors on INPUT")
	minF1 := fs.Float64("min-f1", 0, "exit 1 when the F1 of any table is below this")
	level := fs.String("match", "exact", "how rows match: exact (span and resolved values) or span")
	show := fs.Int("show", 20, "list up to `N` unmatched rows")
	rf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return m.fail(err)
	}
	if *goldenDir == "" {
		return m.fail(fmt.Errorf("%w: validate needs --golden DIR", errUsage))
	}
	lv := validate.Level(*level)
	if lv != validate.Exact && lv != validate.Span {
		return m.fail(fmt.Errorf("%w: --match must be exact or span", errUsage))
	}
	if (*predDir == "") == (fs.NArg() == 0) {
		return m.fail(fmt.Errorf("%w: give either INPUT... to run, or --pred DIR", errUsage))
	}
	golden, err := output.ReadJSONL(*goldenDir)
	if err != nil {
		return m.fail(fmt.Errorf("reading golden tables: %w", err))
	}
	var got *output.Tables
	if *predDir != "" {
		if got, err = output.ReadJSONL(*predDir); err != nil {
			return m.fail(fmt.Errorf("reading tables to score: %w", err))
		}
	} else {
		popts, reader, err := m.prepare(fs.Args(), &rf)
		if err != nil {
			return m.fail(err)
		}
		defer reader.Close()
		var c validate.Collector
		if _, err := pipeline.Run(ctx, reader, &c, popts); err != nil {
			return m.fail(err)
		}
		got = c.Tables()
	}

	rep := validate.Compare(golden, got, lv)
	if err := rep.Write(m.Stdout); err != nil {
		return m.fail(err)
	}
	for i, miss := range rep.Misses {
		if i == *show {
			fmt.Fprintf(m.Stdout, "… %d more unmatched rows\n", len(rep.Misses)-i)
			break
		}
		fmt.Fprintf(m.Stdout, "%-7s %-8s %s %s\n", miss.Kind, miss.Table, miss.DocID, miss.Row)
	}
	code := exitOK
	for _, s := range rep.Scores {
		if s.Type == "" && s.F1() < *minF1 {
			fmt.Fprintf(m.Stderr, "newsfacts: %s F1 %.3f is below --min-f1 %.3f\n", s.Table, s.F1(), *minF1)
			code = exitDocErrors
		}
	}
	return code
}
