package validate_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/output"
	"github.com/newsfacts/newsfacts/pipeline/validate"
)

func tables() *output.Tables {
	return &output.Tables{
		Articles: []output.ArticleRow{{DocID: "a", Status: "ok", Text: "x"}},
		Entities: []output.EntityRow{
			{DocID: "a", Start: 0, End: 3, Type: "PLACE", Text: "石峰区", Name: "石峰区", Code: "430204"},
			{DocID: "a", Start: 5, End: 9, Type: "ORG", Text: "联诚集团", Name: "联诚集团"},
		},
		Metrics: []output.MetricRow{
			{DocID: "a", Start: 10, End: 14, Kind: "quantity", Value: 111, Unit: "个"},
			{DocID: "a", Start: 20, End: 25, Kind: "percent", Value: 80, Unit: "%", Qualifier: "over"},
		},
		Dates: []output.DateRow{{DocID: "a", Start: 0, End: 2, Granularity: "year", FromDate: newsfacts.Some(newsfacts.Day(1)), ToDate: newsfacts.Some(newsfacts.Day(2))}},
	}
}

func TestCompareIdentical(t *testing.T) {
	rep := validate.Compare(tables(), tables(), validate.Exact)
	for _, s := range rep.Scores {
		if s.F1() != 1 || s.FP != 0 || s.FN != 0 {
			t.Errorf("%s/%s: got TP %d FP %d FN %d, want a perfect score", s.Table, s.Type, s.TP, s.FP, s.FN)
		}
	}
	if len(rep.Misses) != 0 {
		t.Errorf("got misses %v, want none", rep.Misses)
	}
}

func TestCompareLevels(t *testing.T) {
	got := tables()
	got.Metrics[1].Qualifier = ""                                                                     // a wrong value on a right span
	got.Entities = got.Entities[:1]                                                                   // a missing entity
	got.Dates = append(got.Dates, output.DateRow{DocID: "a", Start: 30, End: 32, Granularity: "day"}) // an extra date

	exact := validate.Compare(tables(), got, validate.Exact)
	span := validate.Compare(tables(), got, validate.Span)
	tests := []struct {
		rep        validate.Report
		table      string
		tp, fp, fn int
	}{
		{exact, "metrics", 1, 1, 1},
		{span, "metrics", 2, 0, 0},
		{exact, "entities", 1, 0, 1},
		{exact, "dates", 1, 1, 0},
	}
	for _, tt := range tests {
		s := tt.rep.Table(tt.table)
		if s.TP != tt.tp || s.FP != tt.fp || s.FN != tt.fn {
			t.Errorf("%s %s: got TP %d FP %d FN %d, want %d %d %d", tt.rep.Level, tt.table, s.TP, s.FP, s.FN, tt.tp, tt.fp, tt.fn)
		}
	}
	if got, want := exact.Table("entities").Recall(), 0.5; got != want {
		t.Errorf("entity recall: got %v, want %v", got, want)
	}
	var perType []string
	for _, s := range exact.Scores {
		if s.Table == "entities" && s.Type != "" {
			perType = append(perType, s.Type)
		}
	}
	if got, want := strings.Join(perType, ","), "ORG,PLACE"; got != want {
		t.Errorf("entity types: got %s, want %s", got, want)
	}
	var buf bytes.Buffer
	if err := exact.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "entities   ORG") {
		t.Errorf("report lacks the per-type line:\n%s", buf.String())
	}
}

func TestScoreEmpty(t *testing.T) {
	var s validate.Score
	if s.Precision() != 1 || s.Recall() != 1 || s.F1() != 1 {
		t.Errorf("empty score: got P %v R %v F1 %v, want 1", s.Precision(), s.Recall(), s.F1())
	}
	s = validate.Score{Counts: validate.Counts{FP: 3}}
	if s.F1() != 0 {
		t.Errorf("only false positives: got F1 %v, want 0", s.F1())
	}
}
