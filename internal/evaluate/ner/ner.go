// Package ner measures the organisation and place extractor
// (extractors/entity) against public labelled NER sets kept in the shared
// folder, never copied into the repository: the People's Daily set
// (peoples-daily-ner/example.dev and example.test, character BIO, LOC/ORG/
// PER) and the CLUENER2020 dev set (cluener2020/dev.json).
//
// Scores are exact-span: a prediction counts only if its character offsets
// and type both match a gold span. The sets follow conventions that differ
// from the extractor's, so predictions are mapped at evaluation time only:
//
//   - LOC (People's Daily) and address (CLUENER) are PLACE; company,
//     government and organization (CLUENER) are ORG; other labels are
//     ignored.
//   - Neither set nests entities (钟祥市工业局 is one ORG, 钟祥市 is not
//     labelled), so a predicted PLACE lying inside a predicted ORG, or
//     inside a longer predicted PLACE (杭州 in the facility 杭州植物园), is
//     dropped.
//   - People's Daily starts an organisation that opens with a chain of
//     Chinese divisions at the last of them, the divisions before it
//     labelled as places (长沙市 + 芙蓉区人民法院, 黑龙江省 + 阿城市委), so a
//     predicted ORG is cut there for it; a country before a place is part
//     of the name (美国哥伦比亚大学 is one ORG).
//   - People's Daily labels no government named with 政府 (中国政府,
//     市政府: none of the 97 occurrences of 政府 in example.dev is inside
//     an ORG), so predicted ORGs ending in 政府 are dropped for it.
//   - Scope words that the entity stage reads as places (全国 → 中国, 全市
//     → the article's city; method "scope") are references, not names, and
//     neither set labels them: they are dropped.
//   - CLUENER leaves a body's numbered term out of its name (全国人大常委会
//     in 第十一届全国人大常委会), so predicted ORGs of method term start
//     after the term for it.
//   - CLUENER labels the titles in 《》 of newspapers and magazines as
//     books (书名, label book, not read here), so predicted ORGs named by
//     such a title (method title: 《读书》杂志) are dropped for it.
//   - CLUENER labels an address "as fully as possible" (北京市海淀区 is one
//     span), so predicted places that touch each other are merged into one
//     PLACE for CLUENER.
//
// Tune only on example.dev; report example.test and CLUENER.
package ner

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/entity"
	"github.com/newsfacts/newsfacts/extractors/org"
	"github.com/newsfacts/newsfacts/pipeline/validate"
)

// Set names.
const (
	PeoplesDailyDev  = "peoples-daily/dev"
	PeoplesDailyTest = "peoples-daily/test"
	CLUENERDev       = "cluener2020/dev"
)

// Types scored. Per-label CLUENER rows are named "ORG/company" and so on;
// they count recall only (TP and FN), since a predicted ORG has no
// CLUENER label.
const (
	ORG   = "ORG"
	PLACE = "PLACE"
)

// Target returns the F1 an entity type must reach on a set: ORG 0.60 and
// PLACE 0.75 on People's Daily example.test; 0 (no target) elsewhere. The
// other sets are reported for information.
func Target(set, typ string) float64 {
	if set != PeoplesDailyTest {
		return 0
	}
	switch typ {
	case ORG:
		return 0.60
	case PLACE:
		return 0.75
	}
	return 0
}

// Score is the outcome of one set and type.
type Score struct {
	Set, Type string
	// Counts count the spans found and labelled (TP), found only (FP) and
	// labelled only (FN); they give precision, recall and F1.
	validate.Counts
}

// Span is a labelled or predicted entity in code point offsets, half-open.
type Span struct {
	Start, End int
	Type       string
	Label      string // the set's own label (company, LOC …)
}

// Sentence is one evaluation item.
type Sentence struct {
	Text string
	Gold []Span
}

// Run evaluates the default extractor (entity.New with no user gazetteer)
// on every set found under sharedDir (the shared folder) and returns the
// scores: example.test and example.dev of People's Daily, then CLUENER dev
// with per-label recall rows. It fails when no set is present.
func Run(sharedDir string) ([]Score, error) {
	ex, err := entity.New(entity.Options{})
	if err != nil {
		return nil, err
	}
	return RunWith(ex, sharedDir, nil)
}

// Miss is a prediction or gold span that did not match, for error analysis.
type Miss struct {
	Set, Kind string // Kind is "FP" or "FN"
	Text      string
	Span      Span
}

// RunWith evaluates ex. When misses is non-nil, every FP and FN is passed
// to it.
func RunWith(ex *entity.Extractor, sharedDir string, misses func(Miss)) ([]Score, error) {
	var out []Score
	found := false
	for _, set := range []struct {
		name, path string
		load       func(string) ([]Sentence, error)
		conv       Convention
	}{
		{PeoplesDailyTest, "eval/ner/peoples-daily-ner/example.test", LoadBIO, PeoplesDaily},
		{PeoplesDailyDev, "eval/ner/peoples-daily-ner/example.dev", LoadBIO, PeoplesDaily},
		{CLUENERDev, "eval/ner/cluener2020/dev.json", LoadCLUENER, CLUENER},
	} {
		p := filepath.Join(sharedDir, filepath.FromSlash(set.path))
		if _, err := os.Stat(p); err != nil {
			continue
		}
		found = true
		sents, err := set.load(p)
		if err != nil {
			return nil, err
		}
		out = append(out, Evaluate(ex, set.name, sents, set.conv, misses)...)
	}
	if !found {
		return nil, errors.New("ner: no evaluation set found under " + sharedDir)
	}
	return out, nil
}

// Convention is how a set's labels differ from the extractor's output.
type Convention struct {
	// MergePlaces merges touching places into one (CLUENER).
	MergePlaces bool
	// NoGovernment drops ORGs ending in 政府 (People's Daily).
	NoGovernment bool
	// NoTitles drops ORGs named by a title in 《》 (method title), which
	// the set labels as book titles apart (CLUENER).
	NoTitles bool
	// NoTerms starts an ORG named with its numbered term (method term:
	// 第十一届全国人大常委会) after the term, which the set leaves out of
	// the body's name (CLUENER).
	NoTerms bool
	// OuterPlaces starts an ORG that opens with a chain of places at the
	// last of them, the places before it counting as places of their own
	// (People's Daily: 长沙市芙蓉区人民法院 is 长沙市 and 芙蓉区人民法院).
	OuterPlaces bool
}

// The conventions of the sets (see the package comment).
var (
	PeoplesDaily = Convention{NoGovernment: true, OuterPlaces: true}
	CLUENER      = Convention{MergePlaces: true, NoTitles: true, NoTerms: true}
)

// Predict runs ex on one sentence and returns its predictions mapped to a
// set's convention. Both sets drop places inside organisations and inside
// longer places (facilities).
func Predict(ex *entity.Extractor, text string, conv Convention) []Span {
	doc := newsfacts.NewDoc(newsfacts.Article{Text: text})
	es := ex.Entities(text, "")
	var orgs, places []Span
	var placeEnts []newsfacts.Entity // the entities of places, in step
	for _, e := range es {
		sp := Span{Start: doc.RuneOffset(e.Start), End: doc.RuneOffset(e.End), Type: string(e.Type), Label: e.Rule}
		if e.Rule == entity.MethodScope {
			continue
		}
		if e.Type == newsfacts.ORG {
			if conv.NoGovernment && strings.HasSuffix(text[e.Start:e.End], "政府") {
				continue
			}
			if conv.NoTitles && e.Rule == org.MethodTitle {
				continue
			}
			if conv.NoTerms && e.Rule == org.MethodTerm {
				if _, after, ok := strings.Cut(text[e.Start:e.End], "届"); ok {
					sp.Start = sp.End - utf8.RuneCountInString(after)
				}
			}
			orgs = append(orgs, sp)
		} else {
			places = append(places, sp)
			placeEnts = append(placeEnts, e)
		}
	}
	if conv.OuterPlaces {
		for i := range orgs {
			orgs[i].Start = innerStart(orgs[i], places, placeEnts)
		}
	}
	var kept []Span
	for _, p := range places {
		inside := false
		for _, o := range orgs {
			if o.Start <= p.Start && p.End <= o.End {
				inside = true
				break
			}
		}
		// A place inside a longer place (杭州 in the facility 杭州植物园).
		for _, o := range places {
			if o.Start <= p.Start && p.End <= o.End && o.End-o.Start > p.End-p.Start {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, p)
		}
	}
	if conv.MergePlaces {
		sort.Slice(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
		var merged []Span
		for _, p := range kept {
			if n := len(merged); n > 0 && merged[n-1].End == p.Start {
				merged[n-1].End = p.End
				continue
			}
			merged = append(merged, p)
		}
		kept = merged
	}
	return append(orgs, kept...)
}

// innerStart returns where an organisation starts once the Chinese
// divisions that open it and enclose the place after them are left out: the start of the last division of the chain (芙蓉区 in
// 长沙市芙蓉区人民法院, 阿城 in 黑龙江省阿城市委), or o.Start when o does not
// open so. A country before a place does not count (美国哥伦比亚大学,
// 德国科隆大学医院 stay whole in the set).
func innerStart(o Span, places []Span, ents []newsfacts.Entity) int {
	start := o.Start
	for {
		first, next := -1, -1
		for i, p := range places {
			if p.Start == start && p.End < o.End && (first < 0 || p.End > places[first].End) {
				first = i
			}
		}
		if first < 0 || !division(ents[first].Code) {
			return start
		}
		for i, p := range places {
			if p.Start == places[first].End && p.End < o.End && strings.Contains(ents[i].Parent, ents[first].Name) {
				next = i
			}
		}
		if next < 0 {
			return start
		}
		start = places[next].Start
	}
}

// division reports whether code is a Chinese division code (430204), not
// a country's (US) or none.
func division(code string) bool { return code != "" && code[0] >= '0' && code[0] <= '9' }

// Evaluate scores ex on sentences under a set's convention. Sets with more
// than one ORG label (CLUENER) also get per-label recall rows.
func Evaluate(ex *entity.Extractor, set string, sents []Sentence, conv Convention, misses func(Miss)) []Score {
	score := map[string]*Score{ORG: {Set: set, Type: ORG}, PLACE: {Set: set, Type: PLACE}}
	labels := map[string]*Score{}
	for _, s := range sents {
		pred := Predict(ex, s.Text, conv)
		type key struct {
			start, end int
			typ        string
		}
		gold := map[key]Span{}
		for _, g := range s.Gold {
			gold[key{g.Start, g.End, g.Type}] = g
		}
		hit := map[key]bool{}
		for _, p := range pred {
			k := key{p.Start, p.End, p.Type}
			if _, ok := gold[k]; ok && !hit[k] {
				hit[k] = true
				score[p.Type].TP++
			} else {
				score[p.Type].FP++
				if misses != nil {
					misses(Miss{set, "FP", s.Text, p})
				}
			}
		}
		for k, g := range gold {
			if conv.MergePlaces {
				name := g.Type + "/" + g.Label
				if labels[name] == nil {
					labels[name] = &Score{Set: set, Type: name}
				}
				if hit[k] {
					labels[name].TP++
				} else {
					labels[name].FN++
				}
			}
			if !hit[k] {
				score[g.Type].FN++
				if misses != nil {
					misses(Miss{set, "FN", s.Text, g})
				}
			}
		}
	}
	out := []Score{*score[ORG], *score[PLACE]}
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out = append(out, *labels[n])
	}
	return out
}

// LoadBIO reads a People's Daily file: one "char TAG" per line, a blank
// line between sentences. LOC becomes PLACE, ORG stays ORG, PER is dropped.
func LoadBIO(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Sentence
	var chars []string
	var tags []string
	flush := func() {
		if len(chars) == 0 {
			return
		}
		s := Sentence{Text: strings.Join(chars, "")}
		for i := 0; i < len(tags); {
			t := tags[i]
			if !strings.HasPrefix(t, "B-") {
				i++
				continue
			}
			label := t[2:]
			j := i + 1
			for j < len(tags) && tags[j] == "I-"+label {
				j++
			}
			if typ := mapLabel(label); typ != "" {
				s.Gold = append(s.Gold, Span{Start: i, End: j, Type: typ, Label: label})
			}
			i = j
		}
		out = append(out, s)
		chars, tags = chars[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		c, t, ok := strings.Cut(l, " ")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"char TAG\"", path, line)
		}
		chars = append(chars, c)
		tags = append(tags, t)
	}
	flush()
	return out, sc.Err()
}

// LoadCLUENER reads a CLUENER2020 JSON-lines file. Offsets there are code
// points with an inclusive end.
func LoadCLUENER(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Sentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Text  string                         `json:"text"`
			Label map[string]map[string][][2]int `json:"label"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		s := Sentence{Text: rec.Text}
		for label, surfaces := range rec.Label {
			typ := mapLabel(label)
			if typ == "" {
				continue
			}
			for _, spans := range surfaces {
				for _, sp := range spans {
					s.Gold = append(s.Gold, Span{Start: sp[0], End: sp[1] + 1, Type: typ, Label: label})
				}
			}
		}
		sort.Slice(s.Gold, func(i, j int) bool { return s.Gold[i].Start < s.Gold[j].Start })
		out = append(out, s)
	}
	return out, sc.Err()
}

func mapLabel(l string) string {
	switch l {
	case "LOC", "address":
		return PLACE
	case "ORG", "company", "government", "organization":
		return ORG
	}
	return ""
}
