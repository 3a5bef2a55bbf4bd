package main

import (
	"context"
	"fmt"

	"github.com/newsfacts/newsfacts/pipeline"
	"github.com/newsfacts/newsfacts/pipeline/output"
	"github.com/newsfacts/newsfacts/pipeline/validate"
)

func (m *Main) validate(ctx context.Context, args []string) int {
	fs := m.newFlagSet("validate", "validate --golden DIR [flags] INPUT...", validateHelp)
	var rf runFlags
	goldenDir := fs.String("golden", "", "`DIR` holding golden tables: any of articles/entities/metrics/dates .jsonl")
	predDir := fs.String("pred", "", "score the JSONL output of an earlier run in `DIR` (read through its manifest) instead of running on INPUT")
	minF1 := fs.Float64("min-f1", 0, "exit 1 when the F1 of any golden table is below this")
	level := fs.String("match", "exact", "how rows match: exact (span and every compared column) or span")
	docs := fs.String("docs", "golden", "documents scored: golden (only those of the golden set) or all (rows of other documents are false positives)")
	ignore := fs.StringSlice("ignore", validate.DefaultIgnore, "`COLUMNS` not compared (comma-separated)")
	format := fs.String("format", "text", "report format: text, or json for CI")
	show := fs.Int("show", 20, "list up to `N` unmatched rows (text format)")
	rf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return m.fail(err)
	}
	if *goldenDir == "" {
		return m.fail(usageErr("validate", "validate needs --golden DIR"))
	}
	lv := validate.Level(*level)
	if lv != validate.Exact && lv != validate.Span {
		return m.fail(usageErr("validate", "--match must be exact or span"))
	}
	scope := validate.Docs(*docs)
	if scope != validate.DocsGolden && scope != validate.DocsAll {
		return m.fail(usageErr("validate", "--docs must be golden or all"))
	}
	if *format != "text" && *format != "json" {
		return m.fail(usageErr("validate", "--format must be text or json"))
	}
	if (*predDir == "") == (fs.NArg() == 0) {
		return m.fail(usageErr("validate", "give either INPUT... to run, or --pred DIR"))
	}
	golden, err := validate.ReadGolden(*goldenDir)
	if err != nil {
		return m.fail(fmt.Errorf("reading golden tables: %w", err))
	}
	var got *output.Tables
	if *predDir != "" {
		if got, _, err = output.ReadTables(*predDir); err != nil {
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

	rep := validate.CompareGolden(golden, got, validate.Options{Level: lv, Docs: scope, Ignore: *ignore})
	if *format == "json" {
		if err := rep.WriteJSON(m.Stdout); err != nil {
			return m.fail(err)
		}
	} else {
		if err := rep.Write(m.Stdout); err != nil {
			return m.fail(err)
		}
		for i, miss := range rep.Misses {
			if i == *show {
				fmt.Fprintf(m.Stdout, "… %d more unmatched rows\n", len(rep.Misses)-i)
				break
			}
			fmt.Fprintln(m.Stdout, miss)
		}
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

const validateHelp = `Runs the extractors on INPUT (as extract does) or reads --pred DIR, and
compares the tables with the golden ones: rows paired by span, every
column compared but the keys and --ignore, links by the span they point
to. See the README, "Validating against your own golden files".

Exit status:
  0    compared, and every golden table's F1 is at least --min-f1
  1    some golden table's F1 is below --min-f1
  2    usage error, or a malformed golden set (the error names file:line)
  130  interrupted (Ctrl-C, SIGTERM)

Example:
  newsfacts validate --golden mygolden --min-f1 0.9 --format json articles/
`
