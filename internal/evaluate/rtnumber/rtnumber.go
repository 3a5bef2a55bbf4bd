// Package rtnumber measures the metric extractor against the Chinese number
// specs of Microsoft Recognizers-Text (MIT), read in place from the shared
// folder with internal/rtspec and never copied into this repository.
//
// # How a case is scored
//
// The extractor runs on the case's input as a whole document. A case with
// expected results passes when every expected result is matched by a metric
// whose span overlaps it (in code points) and whose value equals it (to a
// relative 1e-9). The specs and newsfacts differ in conventions, and the
// comparison bridges them:
//
//   - Spans: the number model returns the numeral only (26), newsfacts the
//     figure with its unit and qualifiers (26个工作日以内); overlap is enough.
//   - Values: a percentage "25%" is our 25 with unit %; "6%" for 六个百分点
//     is our 6 with unit 百分点; 千分之一 "0.1%" is our 0.1 %. Currency and
//     dimension results compare the numeric value only (not the unit). The
//     spec resolves 500余万 to 5000000 and so do we (qualifier over).
//   - A transition row (由A…为B) carries A as from_value: an expected result
//     for A is matched by that value.
//   - An expected result with no value (a currency name standing alone,
//     人民币) cannot be a metric; it counts as missed.
//   - A case with an empty Results list passes only when the extractor
//     produces no metric at all for its input.
//
// Cases flagged NotSupported or NotSupportedByDesign for "javascript" are
// skipped, as the brief of this package asks; Cases counts the others.
package rtnumber

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/metric"
	"github.com/newsfacts/newsfacts/internal/rtspec"
)

// Spec is one spec file and the pass rate it must reach.
type Spec struct {
	// Name is a short name: Number, Percent, Currency, Dimension.
	Name string
	// Path is the file's path inside the shared folder.
	Path string
	// Target is the pass rate to reach, from 0 to 1.
	Target float64
}

// Specs lists the spec files Run measures, with their targets.
var Specs = []Spec{
	{Name: "Number", Path: "eval/recognizers-text/Number/Chinese/NumberModel.json", Target: 0.90},
	{Name: "Percent", Path: "eval/recognizers-text/Number/Chinese/PercentModel.json", Target: 0.95},
	{Name: "Currency", Path: "eval/recognizers-text/NumberWithUnit/Chinese/CurrencyModel.json", Target: 0.90},
	{Name: "Dimension", Path: "eval/recognizers-text/NumberWithUnit/Chinese/DimensionModel.json", Target: 0.85},
}

// SkipPlatform is the platform whose NotSupported flags make a case skipped.
const SkipPlatform = "javascript"

// Score is the result of one spec file.
type Score struct {
	// Spec is the spec's short name (Number, Percent …).
	Spec string
	// Path is the spec file's path inside the shared folder.
	Path string
	// Cases is the number of cases run, Passed how many passed, Skipped
	// how many were skipped as unsupported on SkipPlatform.
	Cases, Passed, Skipped int
	// Target is the pass rate the spec must reach.
	Target float64
	// Failures lists the failed cases, for diagnosis.
	Failures []Failure
}

// Rate returns the pass rate, from 0 to 1; 0 when no case ran.
func (s Score) Rate() float64 {
	if s.Cases == 0 {
		return 0
	}
	return float64(s.Passed) / float64(s.Cases)
}

// Met reports whether the pass rate reaches the target.
func (s Score) Met() bool { return s.Rate() >= s.Target }

// Failure is a failed case: its input, what the spec expects and what the
// extractor found.
type Failure struct {
	Input    string
	Expected []Expected
	Got      []Got
}

// Expected is one result a spec expects.
type Expected struct {
	// Text is the result's text as the spec gives it (normalised).
	Text string
	// Start and End are code point offsets into the input, half-open.
	Start, End int
	// Value is the numeric value; HasValue is false when the spec gives
	// none.
	Value    float64
	HasValue bool
	// Matched reports whether a metric matched it.
	Matched bool
}

// Got is one metric the extractor found.
type Got struct {
	Text       string
	Start, End int // code point offsets, half-open
	Value      float64
	From       newsfacts.Opt[float64]
	Unit       string
	Rule       string
}

// String formats a failure on a few lines.
func (f Failure) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "input %q\n", f.Input)
	for _, e := range f.Expected {
		mark := "MISSED"
		if e.Matched {
			mark = "ok"
		}
		if e.HasValue {
			fmt.Fprintf(&b, "  want %q [%d,%d) = %v  %s\n", e.Text, e.Start, e.End, e.Value, mark)
		} else {
			fmt.Fprintf(&b, "  want %q [%d,%d) (no value)  %s\n", e.Text, e.Start, e.End, mark)
		}
	}
	if len(f.Expected) == 0 {
		fmt.Fprintf(&b, "  want nothing\n")
	}
	for _, g := range f.Got {
		fmt.Fprintf(&b, "  got  %q [%d,%d) = %v %s (%s)\n", g.Text, g.Start, g.End, g.Value, g.Unit, g.Rule)
	}
	return b.String()
}

// Run runs the metric extractor over every spec of Specs found in
// sharedDir (the shared folder, as internal/shared.Dir returns it) and
// returns one Score per spec, in the order of Specs.
func Run(sharedDir string) ([]Score, error) {
	x, err := metric.New()
	if err != nil {
		return nil, err
	}
	var out []Score
	for _, sp := range Specs {
		sc, err := RunSpec(x, sp, filepath.Join(sharedDir, filepath.FromSlash(sp.Path)))
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}

// RunSpec scores one spec file at path.
func RunSpec(x *metric.Extractor, sp Spec, path string) (Score, error) {
	cases, err := rtspec.Load(path)
	if err != nil {
		return Score{}, err
	}
	sc := Score{Spec: sp.Name, Path: sp.Path, Target: sp.Target}
	for _, c := range cases {
		if c.SkippedOn(SkipPlatform) {
			sc.Skipped++
			continue
		}
		sc.Cases++
		f, ok, err := runCase(x, c)
		if err != nil {
			return Score{}, fmt.Errorf("%s: %q: %w", sp.Path, c.Input, err)
		}
		if ok {
			sc.Passed++
		} else {
			sc.Failures = append(sc.Failures, f)
		}
	}
	return sc, nil
}

// runCase runs one case and reports whether it passed.
func runCase(x *metric.Extractor, c rtspec.Case) (Failure, bool, error) {
	doc := newsfacts.NewDoc(newsfacts.Article{Text: c.Input})
	if err := x.Extract(doc); err != nil {
		return Failure{}, false, err
	}
	f := Failure{Input: c.Input}
	for _, m := range doc.Metrics {
		f.Got = append(f.Got, Got{
			Text:  doc.SpanText(m.Span),
			Start: doc.RuneOffset(m.Start),
			End:   doc.RuneOffset(m.End),
			Value: m.Value,
			From:  m.From,
			Unit:  m.Unit,
			Rule:  m.Rule,
		})
	}
	if len(c.Results) == 0 {
		return f, len(f.Got) == 0, nil
	}
	pass := true
	for _, r := range c.Results {
		e := expected(r)
		for _, g := range f.Got {
			if e.HasValue && g.Start < e.End && e.Start < g.End &&
				(sameValue(g.Value, e.Value) || (g.From.OK && sameValue(g.From.V, e.Value))) {
				e.Matched = true
				break
			}
		}
		pass = pass && e.Matched
		f.Expected = append(f.Expected, e)
	}
	return f, pass, nil
}

// expected reads a spec result: its span and the numeric value of its
// resolution ("350000", "25%", "-1.2E+15").
func expected(r rtspec.Result) Expected {
	e := Expected{Text: r.Text}
	e.Start, e.End = r.Span()
	var res struct {
		Value *string `json:"value"`
	}
	if len(r.Resolution) > 0 && json.Unmarshal(r.Resolution, &res) == nil && res.Value != nil {
		s := strings.TrimSuffix(strings.TrimSpace(*res.Value), "%")
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			e.Value, e.HasValue = v, true
		}
	}
	return e
}

// sameValue compares two values to a relative 1e-9: the specs print 15
// significant digits (350.333333333333).
func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	return d <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) || d < 1e-12
}
