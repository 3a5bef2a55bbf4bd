package ner_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/validate"

	"github.com/newsfacts/newsfacts/extractors/entity"
	"github.com/newsfacts/newsfacts/internal/evaluate/ner"
	"github.com/newsfacts/newsfacts/internal/shared"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

var missesFile = flag.String("ner.misses", "", "write every false positive and false negative of the dev set to this file")

func TestNER(t *testing.T) {
	dir := shared.Dir()
	sharedtest.Require(t, "eval/ner/peoples-daily-ner/example.test")
	ex := defaultExtractor(t)
	var err error
	var misses *os.File
	if *missesFile != "" {
		if misses, err = os.Create(*missesFile); err != nil {
			t.Fatal(err)
		}
		defer misses.Close()
	}
	scores, err := ner.RunWith(ex, dir, func(m ner.Miss) {
		if misses != nil && m.Set != ner.PeoplesDailyTest {
			r := []rune(m.Text)
			fmt.Fprintf(misses, "%s\t%s\t%s\t%s\t%s\t%s\n", m.Set, m.Kind, m.Span.Type, string(r[m.Span.Start:m.Span.End]), m.Span.Label, m.Text)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %-24s %6s %6s %6s %6s %6s %6s\n", "set", "type", "TP", "FP", "FN", "P", "R", "F1")
	for _, s := range scores {
		if strings.Contains(s.Type, "/") {
			// Per-label rows count recall only.
			fmt.Fprintf(&b, "%-20s %-24s %6d %6s %6d %6s %6.3f %6s\n", s.Set, s.Type, s.TP, "-", s.FN, "-", s.Recall(), "-")
			continue
		}
		fmt.Fprintf(&b, "%-20s %-24s %6d %6d %6d %6.3f %6.3f %6.3f\n", s.Set, s.Type, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	t.Log("\n" + b.String())
	for _, s := range scores {
		if s.Set != ner.PeoplesDailyTest {
			continue
		}
		if want := ner.Target(s.Set, s.Type); want > 0 && s.F1() < want {
			t.Errorf("%s %s F1 = %.3f, want >= %.2f", s.Set, s.Type, s.F1(), want)
		}
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		s       ner.Score
		p, r, f float64
	}{
		{ner.Score{Counts: validate.Counts{TP: 6, FP: 2, FN: 4}}, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35},
		// Nothing found and nothing expected is a perfect score, as in
		// newsfacts validate.
		{ner.Score{}, 1, 1, 1},
		{ner.Score{Counts: validate.Counts{FP: 3}}, 0, 1, 0},
		{ner.Score{Counts: validate.Counts{FN: 3}}, 1, 0, 0},
	}
	for _, tt := range tests {
		if got := tt.s.Precision(); fmt.Sprintf("%.6f", got) != fmt.Sprintf("%.6f", tt.p) {
			t.Errorf("%+v Precision() = %v, want %v", tt.s, got, tt.p)
		}
		if got := tt.s.Recall(); fmt.Sprintf("%.6f", got) != fmt.Sprintf("%.6f", tt.r) {
			t.Errorf("%+v Recall() = %v, want %v", tt.s, got, tt.r)
		}
		if got := tt.s.F1(); fmt.Sprintf("%.6f", got) != fmt.Sprintf("%.6f", tt.f) {
			t.Errorf("%+v F1() = %v, want %v", tt.s, got, tt.f)
		}
	}
}

// Hand-written miniature sets in the two formats.
const bio = "湖 B-LOC\n南 I-LOC\n的 O\n株 B-ORG\n洲 I-ORG\n日 I-ORG\n报 I-ORG\n\n王 B-PER\n五 I-PER\n到 O\n京 B-LOC\n"

const cluener = `{"text": "株洲日报记者在湖南株洲采访", "label": {"company": {"株洲日报": [[0, 3]]}, "address": {"湖南株洲": [[7, 10]]}, "name": {"记者": [[4, 5]]}}}
`

func TestLoaders(t *testing.T) {
	dir := t.TempDir()
	bp := dir + "/example.test"
	cp := dir + "/dev.json"
	if err := os.WriteFile(bp, []byte(bio), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cp, []byte(cluener), 0o644); err != nil {
		t.Fatal(err)
	}
	sents, err := ner.LoadBIO(bp)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(sents), "[{湖南的株洲日报 [{0 2 PLACE LOC} {3 7 ORG ORG}]} {王五到京 [{3 4 PLACE LOC}]}]"; got != want {
		t.Errorf("LoadBIO = %s, want %s", got, want)
	}
	sents, err = ner.LoadCLUENER(cp)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(sents), "[{株洲日报记者在湖南株洲采访 [{0 4 ORG company} {7 11 PLACE address}]}]"; got != want {
		t.Errorf("LoadCLUENER = %s, want %s", got, want)
	}
}

func TestConventions(t *testing.T) {
	ex := defaultExtractor(t)
	text := "湖南株洲市政府和石峰区行政审批局"
	var pd, cl []string
	for _, s := range ner.Predict(ex, text, ner.PeoplesDaily) {
		pd = append(pd, fmt.Sprintf("%s:%s", s.Type, string([]rune(text)[s.Start:s.End])))
	}
	for _, s := range ner.Predict(ex, text, ner.CLUENER) {
		cl = append(cl, fmt.Sprintf("%s:%s", s.Type, string([]rune(text)[s.Start:s.End])))
	}
	// People's Daily: no 政府 ORG, no place inside an ORG, places apart.
	if got, want := strings.Join(pd, " "), "ORG:石峰区行政审批局 PLACE:湖南 PLACE:株洲市"; got != want {
		t.Errorf("PeoplesDaily = %s, want %s", got, want)
	}
	// CLUENER: the government ORG stays, touching places merge, but a
	// place inside an ORG is still dropped.
	if !strings.Contains(strings.Join(cl, " "), "ORG:石峰区行政审批局") {
		t.Errorf("CLUENER = %v, want the department", cl)
	}
	// People's Daily starts an organisation at the last division of the
	// chain that opens it; a country before a place stays in the name.
	for _, tt := range []struct{ text, want string }{
		{"湖南省株洲市住建局发布通知", "ORG:株洲市住建局 PLACE:湖南省"},
		{"湖南株洲石峰区行政审批局", "ORG:石峰区行政审批局 PLACE:湖南 PLACE:株洲"},
		{"株洲市住建局发布通知", "ORG:株洲市住建局"},
		{"他在美国纽约大学读书", "ORG:美国纽约大学"},
	} {
		var got []string
		for _, s := range ner.Predict(ex, tt.text, ner.PeoplesDaily) {
			got = append(got, fmt.Sprintf("%s:%s", s.Type, string([]rune(tt.text)[s.Start:s.End])))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("PeoplesDaily(%s) = %s, want %s", tt.text, g, tt.want)
		}
	}
}

var defaultEx = sync.OnceValues(func() (*entity.Extractor, error) { return entity.New(entity.Options{}) })

func defaultExtractor(tb testing.TB) *entity.Extractor {
	tb.Helper()
	ex, err := defaultEx()
	if err != nil {
		tb.Fatal(err)
	}
	return ex
}
