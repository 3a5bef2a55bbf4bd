package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Options bound what Build puts on the page.
type Options struct {
	// TopIndicators is how many indicators the explorer offers, those with
	// the most figures (default 150).
	TopIndicators int
	// MaxFacts is how many figures of each indicator the facts table holds
	// (default 40); the chart uses all of them.
	MaxFacts int
	// TopPlaces is how many places and how many organisations the places
	// panel lists (default 40).
	TopPlaces int
	// MaxErrors is how many error documents the quality panel lists
	// (default 100).
	MaxErrors int
	// Context is how many code points of the sentence are kept on each side
	// of a figure (default 80).
	Context int
}

// Defaults of Options.
const (
	DefaultTopIndicators = 150
	DefaultMaxFacts      = 40
	DefaultTopPlaces     = 40
	DefaultMaxErrors     = 100
	DefaultContext       = 80
)

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.TopIndicators, DefaultTopIndicators)
	def(&o.MaxFacts, DefaultMaxFacts)
	def(&o.TopPlaces, DefaultTopPlaces)
	def(&o.MaxErrors, DefaultMaxErrors)
	def(&o.Context, DefaultContext)
	return o
}

// Model is everything the page shows, aggregated. It is embedded in the
// page as JSON; docs/report.md describes what each number means.
type Model struct {
	Version string `json:"version"`
	Source  string `json:"source"`
	Format  string `json:"format"`
	// Schema says which newer metrics columns the run has.
	Schema   Schema   `json:"schema"`
	Limits   Limits   `json:"limits"`
	Overview Overview `json:"overview"`
	// Places and Orgs are every place and organisation that some figure is
	// linked to, most figures first; Series, Facts and the indicators'
	// counts refer to them by index.
	Places     []Linked    `json:"places"`
	Orgs       []Linked    `json:"orgs"`
	Publishers []string    `json:"publishers"`
	Indicators []Indicator `json:"indicators"`
	Quality    Quality     `json:"quality"`
}

// Schema flags the optional columns of the metrics table.
type Schema struct {
	Indicator   bool `json:"indicator"`
	Target      bool `json:"target"`
	SubjectRule bool `json:"subjectRule"`
}

// Limits records the options and what they left out.
type Limits struct {
	TopIndicators   int `json:"topIndicators"`
	MaxFacts        int `json:"maxFacts"`
	TopPlaces       int `json:"topPlaces"`
	IndicatorsTotal int `json:"indicatorsTotal"`
	// FiguresShown is the number of figures of the indicators on the page.
	FiguresShown int `json:"figuresShown"`
}

// Overview is the run at a glance.
type Overview struct {
	Docs    int    `json:"docs"`
	OK      int    `json:"ok"`
	Errors  int    `json:"errors"`
	MinDate string `json:"minDate"`
	MaxDate string `json:"maxDate"`
	// Undated counts ok documents without a date.
	Undated    int     `json:"undated"`
	Rows       Rows    `json:"rows"`
	Publishers []Count `json:"publishers"`
	// PublishersTotal counts distinct publishers, "" included.
	PublishersTotal int     `json:"publishersTotal"`
	Months          []Month `json:"months"`
}

// Rows counts the rows of each table.
type Rows struct {
	Articles int `json:"articles"`
	Entities int `json:"entities"`
	Metrics  int `json:"metrics"`
	Dates    int `json:"dates"`
}

// Count is a name with a number.
type Count struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// Month counts the documents dated in a month and their figures.
type Month struct {
	Month   string `json:"month"`
	Docs    int    `json:"docs"`
	Figures int    `json:"figures"`
}

// Linked is a place or organisation with the figures linked to it.
type Linked struct {
	Name    string `json:"name"`
	Code    string `json:"code,omitempty"`
	Parent  string `json:"parent,omitempty"`
	Figures int    `json:"n"`
	Docs    int    `json:"docs"`
}

// Indicator is one entry of the explorer.
type Indicator struct {
	Name string `json:"name"`
	// Named is true when the name comes from the metrics' indicator column
	// (else it is their subject).
	Named   bool `json:"named"`
	Figures int  `json:"n"`
	Docs    int  `json:"docs"`
	Targets int  `json:"targets"`
	// Units, most figures first; the chart draws one unit at a time.
	Units []Unit `json:"units"`
	// PlaceN and OrgN count the figures per place and organisation index.
	PlaceN map[int]int `json:"placeN"`
	OrgN   map[int]int `json:"orgN"`
	// Facts are up to Options.MaxFacts figures, newest period first.
	Facts []Fact `json:"facts"`
}

// Unit holds the chart series of one unit of an indicator.
type Unit struct {
	Unit    string   `json:"unit"`
	Figures int      `json:"n"`
	Series  []Series `json:"series"`
}

// Series is one line of the chart: the figures of one place (Place -1:
// none), results or targets, as the median value per period.
type Series struct {
	Place   int     `json:"place"`
	Target  bool    `json:"target"`
	Figures int     `json:"n"`
	Points  []Point `json:"points"`
}

// Point is the median of the Figures values of one period.
type Point struct {
	Period  newsfacts.Day
	Value   float64
	Figures int
}

// MarshalJSON writes a point as ["YYYY-MM-DD", value, figures].
func (p Point) MarshalJSON() ([]byte, error) {
	b := []byte(`["` + p.Period.String() + `",`)
	b = strconv.AppendFloat(b, p.Value, 'g', -1, 64)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(p.Figures), 10)
	return append(b, ']'), nil
}

// Fact is one figure in the facts table. Sentence holds the sentence
// around the figure in three parts: before it, the figure's own text
// (articles.text[start:end]) and after it; Cut flags 1 and 2 say the
// sentence was shortened before and after.
type Fact struct {
	Doc       string    `json:"doc"`
	Metric    int32     `json:"metric"`
	Value     float64   `json:"value"`
	Unit      string    `json:"unit"`
	Direction string    `json:"dir,omitempty"`
	Kind      string    `json:"kind"`
	Target    bool      `json:"target,omitempty"`
	Period    string    `json:"period"`
	DateText  string    `json:"dateText,omitempty"`
	Place     int       `json:"place"`
	Org       int       `json:"org"`
	Publisher int       `json:"pub"`
	Sentence  [3]string `json:"s"`
	Cut       int       `json:"cut,omitempty"`
}

// Quality is how well the extraction went.
type Quality struct {
	Figures      int     `json:"figures"`
	EmptySubject int     `json:"emptySubject"`
	NoDate       int     `json:"noDate"`
	NoPlace      int     `json:"noPlace"`
	NoOrg        int     `json:"noOrg"`
	Targets      int     `json:"targets"`
	Rules        []Count `json:"rules"`
	Kinds        []Count `json:"kinds"`
	SubjectRules []Count `json:"subjectRules"`
	// BadLinks counts place_id, org_id and date_id values that point to no
	// row (a damaged run).
	BadLinks    int        `json:"badLinks"`
	ErrorDocs   []ErrorDoc `json:"errorDocs"`
	ErrorsTotal int        `json:"errorsTotal"`
}

// ErrorDoc is a document that failed.
type ErrorDoc struct {
	Doc    string `json:"doc"`
	Source string `json:"source"`
	Error  string `json:"error"`
}

type key struct{ doc, id int32 }

// builder holds the indexes of one Build.
type builder struct {
	d        *Data
	o        Options
	docs     map[string]int32
	entities map[key]int32 // → index in d.Entities
	dates    map[key]int32 // → index in d.Dates
	pubIdx   map[string]int
	m        *Model
}

// Build aggregates the tables of d into a Model.
func Build(d *Data, o Options) *Model {
	o = o.withDefaults()
	b := &builder{
		d: d, o: o,
		docs:     make(map[string]int32, len(d.Articles)),
		entities: make(map[key]int32, len(d.Entities)),
		dates:    make(map[key]int32, len(d.Dates)),
		pubIdx:   map[string]int{},
		m: &Model{
			Version: newsfacts.Version,
			Source:  d.Dir,
			Format:  string(d.Format),
			Schema:  Schema{d.HasIndicator, d.HasTarget, d.HasSubjectRule},
			Limits:  Limits{TopIndicators: o.TopIndicators, MaxFacts: o.MaxFacts, TopPlaces: o.TopPlaces},
		},
	}
	for i := range d.Articles {
		if _, dup := b.docs[d.Articles[i].DocID]; !dup {
			b.docs[d.Articles[i].DocID] = int32(i)
		}
	}
	for i, e := range d.Entities {
		if doc, ok := b.docs[e.DocID]; ok {
			b.entities[key{doc, e.EntityID}] = int32(i)
		}
	}
	for i, x := range d.Dates {
		if doc, ok := b.docs[x.DocID]; ok {
			b.dates[key{doc, x.DateID}] = int32(i)
		}
	}
	b.overview()
	figs := b.figures()
	b.quality(figs)
	b.indicators(figs)
	// NOTE: empty lists as [], not null, so that the page's script needs no
	// guards.
	b.m.Indicators = nonNil(b.m.Indicators)
	b.m.Places = nonNil(b.m.Places)
	b.m.Orgs = nonNil(b.m.Orgs)
	b.m.Overview.Months = nonNil(b.m.Overview.Months)
	b.m.Quality.ErrorDocs = nonNil(b.m.Quality.ErrorDocs)
	return b.m
}

// figure is a metric with its links resolved.
type figure struct {
	m      *Metric
	doc    int32 // -1: no such document
	period newsfacts.Opt[newsfacts.Day]
	date   int32 // index in d.Dates, -1 none
	place  int   // index in Model.Places, -1 none
	org    int   // index in Model.Orgs, -1 none
}

func (b *builder) overview() {
	d, ov := b.d, &b.m.Overview
	ov.Rows = Rows{len(d.Articles), len(d.Entities), len(d.Metrics), len(d.Dates)}
	pubs := map[string]int{}
	months := map[string]*Month{}
	var lo, hi newsfacts.Opt[newsfacts.Day]
	for i := range d.Articles {
		a := &d.Articles[i]
		ov.Docs++
		if a.Status == output.StatusError {
			ov.Errors++
			if len(b.m.Quality.ErrorDocs) < b.o.MaxErrors {
				b.m.Quality.ErrorDocs = append(b.m.Quality.ErrorDocs, ErrorDoc{a.DocID, a.Source, a.Error})
			}
			continue
		}
		ov.OK++
		pubs[a.Publisher]++
		if !a.Date.OK {
			ov.Undated++
			continue
		}
		if !lo.OK || a.Date.V < lo.V {
			lo = a.Date
		}
		if !hi.OK || a.Date.V > hi.V {
			hi = a.Date
		}
		mo := monthOf(a.Date.V)
		if months[mo] == nil {
			months[mo] = &Month{Month: mo}
		}
		months[mo].Docs++
	}
	b.m.Quality.ErrorsTotal = ov.Errors
	if lo.OK {
		ov.MinDate, ov.MaxDate = lo.V.String(), hi.V.String()
	}
	ov.PublishersTotal = len(pubs)
	ov.Publishers = topCounts(pubs, 15)
	for _, m := range d.Metrics {
		if doc, ok := b.docs[m.DocID]; ok && d.Articles[doc].Date.OK {
			if mo := months[monthOf(d.Articles[doc].Date.V)]; mo != nil {
				mo.Figures++
			}
		}
	}
	for _, mo := range months {
		ov.Months = append(ov.Months, *mo)
	}
	slices.SortFunc(ov.Months, func(x, y Month) int { return cmp.Compare(x.Month, y.Month) })
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func monthOf(d newsfacts.Day) string { return d.String()[:7] }

// topCounts returns the n largest counts, largest first, ties by name.
func topCounts(c map[string]int, n int) []Count {
	out := make([]Count, 0, len(c))
	for k, v := range c {
		out = append(out, Count{k, v})
	}
	slices.SortFunc(out, func(x, y Count) int {
		if x.N != y.N {
			return y.N - x.N
		}
		return cmp.Compare(x.Name, y.Name)
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// entityList collects the places or the organisations that figures link
// to, keyed by name and code.
type entityList struct {
	idx     map[string]int
	list    []Linked
	lastDoc []int32
}

func (l *entityList) add(e *Entity, doc int32) int {
	k := e.Name + "\x00" + e.Code
	i, ok := l.idx[k]
	if !ok {
		if l.idx == nil {
			l.idx = map[string]int{}
		}
		i = len(l.list)
		l.idx[k] = i
		l.list = append(l.list, Linked{Name: e.Name, Code: e.Code, Parent: e.Parent})
		l.lastDoc = append(l.lastDoc, -1)
	}
	l.list[i].Figures++
	if l.lastDoc[i] != doc {
		l.lastDoc[i] = doc
		l.list[i].Docs++
	}
	return i
}

// sorted orders the list by figures and returns the old → new index map.
func (l *entityList) sorted() ([]Linked, []int) {
	order := make([]int, len(l.list))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, b := l.list[x], l.list[y]
		if a.Figures != b.Figures {
			return b.Figures - a.Figures
		}
		return cmp.Compare(a.Name+a.Code, b.Name+b.Code)
	})
	remap := make([]int, len(order))
	out := make([]Linked, len(order))
	for n, old := range order {
		remap[old] = n
		out[n] = l.list[old]
	}
	return out, remap
}

// figures resolves the links of every metric.
func (b *builder) figures() []figure {
	d := b.d
	figs := make([]figure, len(d.Metrics))
	var places, orgs entityList
	bad := 0
	for i := range d.Metrics {
		m := &d.Metrics[i]
		f := figure{m: m, doc: -1, date: -1, place: -1, org: -1}
		doc, ok := b.docs[m.DocID]
		if ok {
			f.doc = doc
			f.period = d.Articles[doc].Date
		}
		if m.DateID.OK {
			if j, ok := b.dates[key{doc, m.DateID.V}]; ok && f.doc >= 0 {
				f.date = j
				if d.Dates[j].FromDate.OK {
					f.period = d.Dates[j].FromDate
				}
			} else {
				bad++
			}
		}
		if m.PlaceID.OK {
			if j, ok := b.entities[key{doc, m.PlaceID.V}]; ok && f.doc >= 0 {
				f.place = places.add(&d.Entities[j], doc)
			} else {
				bad++
			}
		}
		if m.OrgID.OK {
			if j, ok := b.entities[key{doc, m.OrgID.V}]; ok && f.doc >= 0 {
				f.org = orgs.add(&d.Entities[j], doc)
			} else {
				bad++
			}
		}
		figs[i] = f
	}
	b.m.Quality.BadLinks = bad
	var pr, or []int
	b.m.Places, pr = places.sorted()
	b.m.Orgs, or = orgs.sorted()
	for i := range figs {
		if figs[i].place >= 0 {
			figs[i].place = pr[figs[i].place]
		}
		if figs[i].org >= 0 {
			figs[i].org = or[figs[i].org]
		}
	}
	return figs
}

func (b *builder) quality(figs []figure) {
	q := &b.m.Quality
	rules, kinds, srules := map[string]int{}, map[string]int{}, map[string]int{}
	for _, f := range figs {
		m := f.m
		q.Figures++
		rules[m.Rule]++
		kinds[m.Kind]++
		if b.d.HasSubjectRule {
			srules[m.SubjectRule]++
		}
		if m.Subject == "" {
			q.EmptySubject++
		}
		if f.date < 0 {
			q.NoDate++
		}
		if f.place < 0 {
			q.NoPlace++
		}
		if f.org < 0 {
			q.NoOrg++
		}
		if m.Target {
			q.Targets++
		}
	}
	q.Rules = topCounts(rules, 0)
	q.Kinds = topCounts(kinds, 0)
	if b.d.HasSubjectRule {
		q.SubjectRules = topCounts(srules, 0)
	}
}

// indicatorName is the explorer's name of a figure: its indicator, else
// its subject ("" for neither).
func indicatorName(m *Metric) (string, bool) {
	if m.Indicator != "" {
		return m.Indicator, true
	}
	return m.Subject, false
}

func (b *builder) indicators(figs []figure) {
	type acc struct {
		name    string
		named   bool
		figs    []int32
		docs    int
		lastDoc int32
	}
	byName := map[string]*acc{}
	var all []*acc
	for i := range figs {
		name, named := indicatorName(figs[i].m)
		if name == "" {
			continue
		}
		a := byName[name]
		if a == nil {
			a = &acc{name: name, lastDoc: -2}
			byName[name] = a
			all = append(all, a)
		}
		a.named = a.named || named
		a.figs = append(a.figs, int32(i))
		if figs[i].doc != a.lastDoc {
			a.lastDoc = figs[i].doc
			a.docs++
		}
	}
	slices.SortFunc(all, func(x, y *acc) int {
		if len(x.figs) != len(y.figs) {
			return len(y.figs) - len(x.figs)
		}
		return cmp.Compare(x.name, y.name)
	})
	b.m.Limits.IndicatorsTotal = len(all)
	if len(all) > b.o.TopIndicators {
		all = all[:b.o.TopIndicators]
	}
	sc := sentenceCache{}
	for _, a := range all {
		ind := Indicator{Name: a.name, Named: a.named, Figures: len(a.figs), Docs: a.docs,
			PlaceN: map[int]int{}, OrgN: map[int]int{}}
		for _, i := range a.figs {
			f := &figs[i]
			if f.place >= 0 {
				ind.PlaceN[f.place]++
			}
			if f.org >= 0 {
				ind.OrgN[f.org]++
			}
			if f.m.Target {
				ind.Targets++
			}
		}
		ind.Units = b.units(figs, a.figs)
		ind.Facts = b.facts(figs, a.figs, sc)
		b.m.Limits.FiguresShown += len(a.figs)
		b.m.Indicators = append(b.m.Indicators, ind)
	}
	b.m.Publishers = make([]string, len(b.pubIdx))
	for p, i := range b.pubIdx {
		b.m.Publishers[i] = p
	}
}

// signed is the value a chart draws: negative for a change downwards.
func signed(m *Metric) float64 {
	if m.Direction == "down" {
		return -m.Value
	}
	return m.Value
}

// units groups the figures of one indicator by unit, then by place and
// target, and takes the median per period.
func (b *builder) units(figs []figure, idx []int32) []Unit {
	type skey struct {
		unit   string
		place  int
		target bool
	}
	per := map[skey]map[newsfacts.Day][]float64{}
	count := map[skey]int{}
	unitN := map[string]int{}
	for _, i := range idx {
		f := &figs[i]
		unitN[f.m.Unit]++
		if !f.period.OK || math.IsNaN(f.m.Value) || math.IsInf(f.m.Value, 0) {
			continue
		}
		k := skey{f.m.Unit, f.place, f.m.Target}
		if per[k] == nil {
			per[k] = map[newsfacts.Day][]float64{}
		}
		per[k][f.period.V] = append(per[k][f.period.V], signed(f.m))
		count[k]++
	}
	var units []Unit
	for _, c := range topCounts(unitN, 0) {
		units = append(units, Unit{Unit: c.Name, Figures: c.N, Series: []Series{}})
	}
	for k, byDay := range per {
		s := Series{Place: k.place, Target: k.target, Figures: count[k]}
		for day, vals := range byDay {
			s.Points = append(s.Points, Point{day, median(vals), len(vals)})
		}
		slices.SortFunc(s.Points, func(x, y Point) int { return cmp.Compare(x.Period, y.Period) })
		for u := range units {
			if units[u].Unit == k.unit {
				units[u].Series = append(units[u].Series, s)
			}
		}
	}
	for u := range units {
		slices.SortFunc(units[u].Series, func(x, y Series) int {
			if x.Figures != y.Figures {
				return y.Figures - x.Figures
			}
			if x.Place != y.Place {
				return x.Place - y.Place
			}
			if x.Target != y.Target {
				if x.Target {
					return 1
				}
				return -1
			}
			return 0
		})
	}
	return units
}

func median(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// facts picks up to MaxFacts figures of an indicator: round robin over its
// places (most figures first, no place last), newest period first within a
// place, so that every place has some; then sorts them newest first.
func (b *builder) facts(figs []figure, idx []int32, sc sentenceCache) []Fact {
	groups := map[int][]int32{}
	for _, i := range idx {
		groups[figs[i].place] = append(groups[figs[i].place], i)
	}
	order := make([]int, 0, len(groups))
	for p := range groups {
		order = append(order, p)
	}
	slices.SortFunc(order, func(x, y int) int {
		if (x < 0) != (y < 0) {
			if x < 0 {
				return 1
			}
			return -1
		}
		if len(groups[x]) != len(groups[y]) {
			return len(groups[y]) - len(groups[x])
		}
		return x - y
	})
	newest := func(g []int32) {
		slices.SortStableFunc(g, func(x, y int32) int {
			px, py := figs[x].period, figs[y].period
			if px.OK != py.OK {
				if px.OK {
					return -1
				}
				return 1
			}
			return cmp.Compare(py.V, px.V)
		})
	}
	for _, g := range groups {
		newest(g)
	}
	var pick []int32
	for round := 0; len(pick) < b.o.MaxFacts && len(pick) < len(idx); round++ {
		for _, p := range order {
			if g := groups[p]; round < len(g) && len(pick) < b.o.MaxFacts {
				pick = append(pick, g[round])
			}
		}
	}
	newest(pick)
	out := make([]Fact, 0, len(pick))
	for _, i := range pick {
		f := &figs[i]
		m := f.m
		fact := Fact{Doc: m.DocID, Metric: m.MetricID, Value: m.Value, Unit: m.Unit, Direction: m.Direction,
			Kind: m.Kind, Target: m.Target, Place: f.place, Org: f.org, Publisher: -1}
		if f.period.OK {
			fact.Period = f.period.V.String()
		}
		if f.date >= 0 {
			fact.DateText = b.d.Dates[f.date].Text
		}
		if f.doc >= 0 {
			a := &b.d.Articles[f.doc]
			p, ok := b.pubIdx[a.Publisher]
			if !ok {
				p = len(b.pubIdx)
				b.pubIdx[a.Publisher] = p
			}
			fact.Publisher = p
			fact.Sentence, fact.Cut = sc.around(f.doc, a.Text, m, b.o.Context)
		} else {
			fact.Sentence = [3]string{"", m.Text, ""}
		}
		out = append(out, fact)
	}
	return out
}

// sentenceCache keeps the sentence spans of the documents facts come from.
type sentenceCache map[int32][]newsfacts.Span

// around returns the sentence of m in three parts (before, the figure,
// after), each side cut to at most ctx code points, and the cut flags.
// When the offsets do not fit the text, the figure's own text stands
// alone.
func (sc sentenceCache) around(doc int32, text string, m *Metric, ctx int) ([3]string, int) {
	lone := [3]string{"", m.Text, ""}
	start, end, ok := byteRange(text, int(m.Start), int(m.End))
	if !ok {
		return lone, 0
	}
	spans, cached := sc[doc]
	if !cached {
		spans = newsfacts.SplitSentences(text)
		sc[doc] = spans
	}
	lo, hi := 0, len(text)
	if s := int(m.Sentence); s >= 0 && s < len(spans) && spans[s].Start <= start && end <= spans[s].End {
		lo, hi = spans[s].Start, spans[s].End
	}
	pre, post := text[lo:start], text[end:hi]
	cut := 0
	if n := utf8.RuneCountInString(pre); n > ctx {
		pre = string([]rune(pre)[n-ctx:])
		cut |= 1
	}
	if utf8.RuneCountInString(post) > ctx {
		post = string([]rune(post)[:ctx])
		cut |= 2
	}
	return [3]string{pre, text[start:end], trimEOL(post)}, cut
}

func trimEOL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// byteRange converts the code point range [start, end) of text to bytes.
func byteRange(text string, start, end int) (int, int, bool) {
	if start < 0 || end < start {
		return 0, 0, false
	}
	bs, be, n := -1, -1, 0
	for i := range text {
		if n == start {
			bs = i
		}
		if n == end {
			be = i
			break
		}
		n++
	}
	if bs < 0 && n == start {
		bs = len(text)
	}
	if be < 0 && n == end {
		be = len(text)
	}
	return bs, be, bs >= 0 && be >= 0
}

// JSON returns the model as the page embeds it.
func (m *Model) JSON() ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return b, nil
}
