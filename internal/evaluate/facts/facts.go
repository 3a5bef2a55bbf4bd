// Package facts measures whether the figures of official-statistics and
// government-performance prose come out of newsfacts as facts a dashboard
// can store: value, unit, subject, indicator, direction, baseline and
// target right, linked to the right period and place. The annotated sets
// and their format are described in FORMAT.md beside this file; the sets
// live in testdata/ (dev.facts and dev2.facts to tune on, test.facts held
// out).
package facts

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/indicator"
	"github.com/newsfacts/newsfacts/extractors/standard"
)

// Doc is one annotated document.
type Doc struct {
	// ID, Title, Level and Format are the header lines (@doc, @title …).
	ID, Title, Level, Format string
	// Date is the article's date.
	Date newsfacts.Day
	// Text is the body: the paragraphs joined by "\n".
	Text string
	// Facts are the annotated figures, in file order.
	Facts []Fact
	// Line is the line of @doc in the file.
	Line int
}

// Fact is one annotated figure.
type Fact struct {
	// Figure is the figure's text as it stands in the body, Occ which
	// occurrence of it (1-based).
	Figure string
	Occ    int
	// Subjects are the accepted subjects.
	Subjects []string
	// Indicator is the expected indicator, "" for none.
	Indicator string
	// Value, Unit, Dir, Base and Target are the expected attributes ("" for
	// "-").
	Value           float64
	Unit, Dir, Base string
	Target          bool
	// From and To are the expected ends of a transition, when given.
	From, To newsfacts.Opt[float64]
	// Period is the expected period; HasPeriod is false for "-".
	PeriodFrom, PeriodTo newsfacts.Day
	HasPeriod            bool
	// Place is the expected place's canonical name, "" for none.
	Place string
	// Line is the fact's line in the file.
	Line int
}

// ReadFile reads an annotated set.
func ReadFile(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read parses an annotated set; name is used in error messages
// (name:line: message).
func Read(r io.Reader, name string) ([]Doc, error) {
	var docs []Doc
	var paras []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	errf := func(format string, a ...any) error {
		return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, a...))
	}
	finish := func() {
		if len(docs) > 0 && docs[len(docs)-1].Text == "" {
			docs[len(docs)-1].Text = strings.Join(paras, "\n")
		}
		paras = paras[:0]
	}
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
			continue
		case strings.HasPrefix(l, "@doc "):
			finish()
			docs = append(docs, Doc{ID: strings.TrimSpace(l[len("@doc "):]), Line: line})
			continue
		}
		if len(docs) == 0 {
			return nil, errf("text before the first @doc line")
		}
		d := &docs[len(docs)-1]
		switch {
		case strings.HasPrefix(l, "@"):
			key, val, _ := strings.Cut(l[1:], " ")
			val = strings.TrimSpace(val)
			switch key {
			case "date":
				day, err := newsfacts.ParseDay(val)
				if err != nil {
					return nil, errf("bad @date %q", val)
				}
				d.Date = day
			case "title":
				d.Title = val
			case "level":
				d.Level = val
			case "format":
				d.Format = val
			default:
				return nil, errf("unknown header @%s", key)
			}
		case strings.HasPrefix(l, "- "):
			if d.Text == "" {
				d.Text = strings.Join(paras, "\n")
				paras = paras[:0]
			}
			f, err := parseFact(l[2:])
			if err != nil {
				return nil, errf("%v", err)
			}
			f.Line = line
			d.Facts = append(d.Facts, f)
		default:
			if d.Text != "" {
				return nil, errf("a paragraph after the facts of %s", d.ID)
			}
			paras = append(paras, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	finish()
	seen := map[string]bool{}
	for _, d := range docs {
		line = d.Line
		switch {
		case seen[d.ID]:
			return nil, errf("duplicate @doc %s", d.ID)
		case d.Date == 0:
			return nil, errf("@doc %s has no @date", d.ID)
		}
		seen[d.ID] = true
		for _, f := range d.Facts {
			line = f.Line
			if occurrence(d.Text, f.Figure, f.Occ) < 0 {
				return nil, errf("figure %q (occurrence %d) is not in the body of %s", f.Figure, f.Occ, d.ID)
			}
		}
	}
	return docs, nil
}

// parseFact parses a fact line without its "- ".
func parseFact(l string) (Fact, error) {
	parts := strings.Split(l, "|")
	f := Fact{Figure: strings.TrimSpace(parts[0]), Occ: 1}
	if fig, n, ok := strings.Cut(f.Figure, "#"); ok {
		k, err := strconv.Atoi(n)
		if err != nil || k < 1 {
			return f, fmt.Errorf("bad occurrence in %q", f.Figure)
		}
		f.Figure, f.Occ = fig, k
	}
	if f.Figure == "" {
		return f, fmt.Errorf("empty figure")
	}
	have := map[string]bool{}
	for _, p := range parts[1:] {
		key, val, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok {
			return f, fmt.Errorf("field %q is not key=value", strings.TrimSpace(p))
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if have[key] {
			return f, fmt.Errorf("key %s twice", key)
		}
		have[key] = true
		dash := func() string {
			if val == "-" {
				return ""
			}
			return val
		}
		var err error
		switch key {
		case "subject":
			for _, s := range strings.Split(val, "/") {
				if s = strings.TrimSpace(s); s != "" && s != "-" {
					f.Subjects = append(f.Subjects, s)
				}
			}
		case "indicator":
			f.Indicator = dash()
		case "value":
			f.Value, err = strconv.ParseFloat(val, 64)
		case "unit":
			f.Unit = dash()
		case "dir":
			f.Dir = dash()
			if f.Dir != "" && f.Dir != "up" && f.Dir != "down" {
				err = fmt.Errorf("dir must be up, down or -")
			}
		case "base":
			f.Base = dash()
		case "target":
			switch val {
			case "yes":
				f.Target = true
			case "no":
			default:
				err = fmt.Errorf("target must be yes or no")
			}
		case "period":
			if val != "-" {
				f.PeriodFrom, f.PeriodTo, err = ParsePeriod(val)
				f.HasPeriod = err == nil
			}
		case "place":
			f.Place = dash()
		case "from", "to":
			var v float64
			v, err = strconv.ParseFloat(val, 64)
			if key == "from" {
				f.From = newsfacts.Some(v)
			} else {
				f.To = newsfacts.Some(v)
			}
		default:
			err = fmt.Errorf("unknown key %s", key)
		}
		if err != nil {
			return f, fmt.Errorf("%s=%s: %v", key, val, err)
		}
	}
	for _, k := range [...]string{"subject", "indicator", "value", "unit", "dir", "base", "target", "period", "place"} {
		if !have[k] {
			return f, fmt.Errorf("no %s", k)
		}
	}
	return f, nil
}

// ParsePeriod parses a period of FORMAT.md (2023, 2023-H1, 2023-Q1, 2023-03,
// 2023-01..2023-09, 2023-12-31, 2021-01-01..2024-03-20) into its first and
// last day.
func ParsePeriod(s string) (from, to newsfacts.Day, err error) {
	if a, b, ok := strings.Cut(s, ".."); ok {
		f1, _, err1 := ParsePeriod(a)
		_, t2, err2 := ParsePeriod(b)
		if err1 != nil || err2 != nil || t2 < f1 {
			return 0, 0, fmt.Errorf("bad period %q", s)
		}
		return f1, t2, nil
	}
	bad := fmt.Errorf("bad period %q", s)
	y, rest, _ := strings.Cut(s, "-")
	year, err := strconv.Atoi(y)
	if err != nil || len(y) != 4 {
		return 0, 0, bad
	}
	span := func(m1, m2 int) (newsfacts.Day, newsfacts.Day, error) {
		return newsfacts.DayOf(year, monthOf(m1), 1), newsfacts.DayOf(year, monthOf(m2+1), 1).AddDays(-1), nil
	}
	switch {
	case rest == "":
		return span(1, 12)
	case rest == "H1" || rest == "H2":
		h := int(rest[1] - '0')
		return span(6*h-5, 6*h)
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		q := int(rest[1] - '0')
		return span(3*q-2, 3*q)
	}
	if m, dd, ok := strings.Cut(rest, "-"); ok {
		day, err := newsfacts.ParseDay(s)
		if err != nil || len(m) != 2 || len(dd) != 2 {
			return 0, 0, bad
		}
		return day, day, nil
	}
	m, err := strconv.Atoi(rest)
	if err != nil || m < 1 || m > 12 {
		return 0, 0, bad
	}
	return span(m, m)
}

// occurrence returns the byte offset of the k-th occurrence of sub in s, or
// -1.
func occurrence(s, sub string, k int) int {
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		if k--; k == 0 {
			return off + i
		}
		off += i + len(sub)
	}
}

// Catalogue maps an indicator name or alias to its canonical name.
type Catalogue interface {
	Match(subject string) (string, bool)
}

// Result is the outcome of one fact.
type Result struct {
	Doc  *Doc
	Fact *Fact
	// Found is false when no metric row covers the figure; Row is the row.
	Found bool
	Row   newsfacts.Metric
	// Period and Place are the linked date and place, when linked.
	Period newsfacts.Opt[newsfacts.Date]
	Place  newsfacts.Opt[newsfacts.Entity]
	// Wrong lists the attributes that differ ("subject 增长 ≠ 地区生产总值").
	Wrong []string
	// PeriodOK and PlaceOK tell whether the links are right.
	PeriodOK, PlaceOK bool
}

// Full reports whether every attribute of the fact is right.
func (r Result) Full() bool { return r.Found && len(r.Wrong) == 0 }

// Report sums the results of a set.
type Report struct {
	Results []Result
	// Facts counts the facts; Full those fully right; Found those with a
	// row; Periods and Places those with an expected period or place, and
	// PeriodOK, PlaceOK those linked right; DateLinked, PlaceLinked those
	// with any link.
	Facts, Found, Full            int
	Periods, PeriodOK, DateLinked int
	Places, PlaceOK, PlaceLinked  int
	ByAttr                        map[string]int
}

// Rate returns n/d, or 0 when d is 0.
func Rate(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// Run extracts every document with chain and scores its facts. cat maps the
// expected indicators to canonical names.
func Run(chain *extractors.Chain, cat Catalogue, docs []Doc) (*Report, error) {
	rep := &Report{ByAttr: map[string]int{}}
	for i := range docs {
		d := &docs[i]
		doc := newsfacts.NewDoc(newsfacts.Article{DocID: d.ID, Title: d.Title, Date: newsfacts.Some(d.Date), Text: d.Text})
		for _, x := range chain.Extractors() {
			if err := extractors.RunOne(x, doc); err != nil {
				return nil, fmt.Errorf("%s: %w", d.ID, err)
			}
		}
		for j := range d.Facts {
			r := score(doc, d, &d.Facts[j], cat)
			rep.add(r)
		}
	}
	return rep, nil
}

func (rep *Report) add(r Result) {
	rep.Results = append(rep.Results, r)
	rep.Facts++
	f := r.Fact
	if r.Found {
		rep.Found++
	}
	if r.Full() {
		rep.Full++
	}
	for _, w := range r.Wrong {
		k, _, _ := strings.Cut(w, " ")
		rep.ByAttr[k]++
	}
	if !r.Found {
		rep.ByAttr["missed"]++
	}
	if f.HasPeriod {
		rep.Periods++
		if r.Period.OK {
			rep.DateLinked++
		}
		if r.PeriodOK {
			rep.PeriodOK++
		}
	}
	if f.Place != "" {
		rep.Places++
		if r.Place.OK {
			rep.PlaceLinked++
		}
		if r.PlaceOK {
			rep.PlaceOK++
		}
	}
}

// score compares one fact with the row that covers its figure.
func score(doc *newsfacts.Doc, d *Doc, f *Fact, cat Catalogue) Result {
	r := Result{Doc: d, Fact: f}
	off := occurrence(d.Text, f.Figure, f.Occ)
	best := -1
	for k, m := range doc.Metrics {
		if m.Start <= off && off < m.End && (best < 0 || m.Len() < doc.Metrics[best].Len()) {
			best = k
		}
	}
	if best < 0 {
		return r
	}
	m := doc.Metrics[best]
	r.Found, r.Row = true, m
	wrong := func(attr, got, want string) {
		r.Wrong = append(r.Wrong, fmt.Sprintf("%s %q ≠ %q", attr, got, want))
	}
	if !sameValue(m.Value, f.Value) {
		wrong("value", fmtFloat(m.Value), fmtFloat(f.Value))
	}
	if m.Unit != f.Unit {
		wrong("unit", m.Unit, f.Unit)
	}
	if !anyOf(m.Subject, f.Subjects) {
		wrong("subject", m.Subject, strings.Join(f.Subjects, "/"))
	}
	// NOTE: the expected indicator goes through the catalogue; "-" means
	// "no indicator I know of", so the catalogue's reading of the expected
	// subject stands for it: an annotator need not know the catalogue.
	want := f.Indicator
	if cat != nil {
		switch {
		case want != "":
			if c, ok := cat.Match(want); ok {
				want = c
			}
		case len(f.Subjects) > 0:
			want, _ = cat.Match(f.Subjects[0])
		}
	}
	if m.Indicator != want {
		wrong("indicator", m.Indicator, want)
	}
	if string(m.Direction) != f.Dir {
		wrong("dir", string(m.Direction), f.Dir)
	}
	if m.Baseline != f.Base {
		wrong("base", m.Baseline, f.Base)
	}
	if m.Target != f.Target {
		wrong("target", strconv.FormatBool(m.Target), strconv.FormatBool(f.Target))
	}
	if f.From.OK && (!m.From.OK || !sameValue(m.From.V, f.From.V)) {
		wrong("from", optString(m.From), fmtFloat(f.From.V))
	}
	if f.To.OK && (!m.To.OK || !sameValue(m.To.V, f.To.V)) {
		wrong("to", optString(m.To), fmtFloat(f.To.V))
	}
	if m.DateID.OK && int(m.DateID.V) < len(doc.Dates) {
		dt := doc.Dates[m.DateID.V]
		r.Period = newsfacts.Some(dt)
		r.PeriodOK = f.HasPeriod && dt.From.OK && dt.To.OK && dt.From.V == f.PeriodFrom && dt.To.V == f.PeriodTo
	}
	if m.PlaceID.OK && int(m.PlaceID.V) < len(doc.Entities) {
		e := doc.Entities[m.PlaceID.V]
		r.Place = newsfacts.Some(e)
		r.PlaceOK = f.Place != "" && e.Name == f.Place
	}
	return r
}

func anyOf(s string, list []string) bool {
	if len(list) == 0 {
		return s == ""
	}
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

func sameValue(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func optString(o newsfacts.Opt[float64]) string {
	if !o.OK {
		return "null"
	}
	return fmtFloat(o.V)
}

func monthOf(m int) time.Month { return time.Month(m) }

// Targets are the rates the held-out set must reach.
var Targets = struct{ Full, Period, Place float64 }{Full: 0.90, Period: 0.90, Place: 0.80}

//go:embed testdata/dev.facts testdata/dev2.facts testdata/dev3.facts testdata/dev4.facts testdata/dev5.facts testdata/dev6.facts testdata/test.facts
var sets embed.FS

// EvaluateSet scores one of the sets of this package, "dev", "dev2", "dev3",
// "dev4", "dev5", "dev6" or "test", embedded in the binary.
func EvaluateSet(name string) (*Report, error) {
	f, err := sets.Open("testdata/" + name + ".facts")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := Read(f, name+".facts")
	if err != nil {
		return nil, err
	}
	return runStandard(docs)
}

// Evaluate reads an annotated set and scores it with the standard chain
// and the embedded indicator catalogue.
func Evaluate(path string) (*Report, error) {
	docs, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return runStandard(docs)
}

// runStandard scores docs with the standard chain and catalogue.
func runStandard(docs []Doc) (*Report, error) {
	chain, err := standard.New(standard.Options{})
	if err != nil {
		return nil, err
	}
	cat, err := indicator.Default()
	if err != nil {
		return nil, err
	}
	return Run(chain, cat, docs)
}

// Summary returns the report's figures on one line each.
func (rep *Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "facts %d, with a row %d (%.1f%%), fully right %d (%.1f%%)\n",
		rep.Facts, rep.Found, 100*Rate(rep.Found, rep.Facts), rep.Full, 100*Rate(rep.Full, rep.Facts))
	fmt.Fprintf(&b, "period: %d facts, date_id %d (%.1f%%), right period %d (%.1f%%)\n",
		rep.Periods, rep.DateLinked, 100*Rate(rep.DateLinked, rep.Periods), rep.PeriodOK, 100*Rate(rep.PeriodOK, rep.Periods))
	fmt.Fprintf(&b, "place: %d facts, place_id %d (%.1f%%), right place %d (%.1f%%)\n",
		rep.Places, rep.PlaceLinked, 100*Rate(rep.PlaceLinked, rep.Places), rep.PlaceOK, 100*Rate(rep.PlaceOK, rep.Places))
	keys := make([]string, 0, len(rep.ByAttr))
	for k := range rep.ByAttr {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.WriteString("wrong by attribute:")
	for _, k := range keys {
		fmt.Fprintf(&b, " %s %d", k, rep.ByAttr[k])
	}
	b.WriteString("\n")
	return b.String()
}

// Failures lists the facts that are not fully right, or whose period or
// place link is wrong, one line each.
func (rep *Report) Failures() []string {
	var out []string
	for _, r := range rep.Results {
		f := r.Fact
		var why []string
		switch {
		case !r.Found:
			why = append(why, "no row")
		default:
			why = append(why, r.Wrong...)
		}
		if f.HasPeriod && !r.PeriodOK {
			got := "none"
			if r.Period.OK {
				got = fmt.Sprintf("%s %v…%v", r.Doc.Text[r.Period.V.Start:r.Period.V.End], r.Period.V.From.V, r.Period.V.To.V)
			}
			why = append(why, fmt.Sprintf("period %s ≠ %v…%v", got, f.PeriodFrom, f.PeriodTo))
		}
		if f.Place != "" && !r.PlaceOK {
			got := "none"
			if r.Place.OK {
				got = r.Place.V.Name
			}
			why = append(why, fmt.Sprintf("place %s ≠ %s", got, f.Place))
		}
		if len(why) == 1 && why[0] == "no row" || len(why) > 0 && (!r.Full() || len(why) > len(r.Wrong)) {
			if len(why) > 0 {
				rule := ""
				if r.Found {
					rule = " [" + r.Row.SubjectRule + "; " + r.Row.Rule + "]"
				}
				out = append(out, fmt.Sprintf("line %d %s %q: %s%s", f.Line, r.Doc.ID, f.Figure, strings.Join(why, "; "), rule))
			}
		}
	}
	return out
}
