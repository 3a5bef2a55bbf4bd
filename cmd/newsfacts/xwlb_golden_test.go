package main_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
	"github.com/newsfacts/newsfacts/pipeline/validate"
)

// xwlbGolden is the hand-annotated sample of xwlb stories; its
// CONVENTIONS.md says how the stories were drawn and annotated.
const xwlbGolden = "../../testdata/xwlb-golden"

// xwlbDraw is the documented draw of the sample (CONVENTIONS.md, "The
// sample"): every story of 200 to 450 characters with a digit or a Chinese
// numeral, ordered by the SHA-256 of "newsfacts-issue10:" + its id, the
// first n taken.
func xwlbDraw(t *testing.T, corpus string, n int) (ids []string, lines [][]byte) {
	t.Helper()
	f, err := os.Open(corpus)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type story struct {
		key  string
		id   string
		line []byte
	}
	var all []story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var s struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		if c := utf8.RuneCountInString(s.Text); c < 200 || c > 450 {
			continue
		}
		if !strings.ContainsAny(s.Text, "0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两〇") {
			continue
		}
		sum := sha256.Sum256([]byte("newsfacts-issue10:" + s.ID))
		all = append(all, story{hex.EncodeToString(sum[:]), s.ID, bytes.Clone(sc.Bytes())})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].key < all[j].key })
	for _, s := range all[:min(n, len(all))] {
		ids = append(ids, s.id)
		lines = append(lines, s.line)
	}
	return ids, lines
}

// xwlbFloors are the scores measured when the golden set was written (or
// last raised): the test fails when a change lowers one. Raise them with
// the figures in README.md when the extractors get better; never lower
// them to let a change through.
var xwlbFloors = struct {
	metricsF1, datesExact, entitiesRecall float64
}{0.930, 0.919, 0.949}

// TestXWLBGolden runs the extractors on the hand-annotated xwlb sample and
// scores them with validate: metrics F1 and dates exact (the share of
// golden dates found with the same span, from, to and granularity) at the
// exact level, entities recall at the span level (entities are annotated
// by span and type only). It skips without the shared corpus.
func TestXWLBGolden(t *testing.T) {
	corpus := sharedtest.Require(t, "corpus/xwlb/articles.jsonl")
	golden, err := validate.ReadGolden(xwlbGolden)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range golden.Tables.Articles {
		want = append(want, a.DocID)
	}
	if len(want) < 40 {
		t.Fatalf("the golden set has %d stories, want at least 40", len(want))
	}
	ids, lines := xwlbDraw(t, corpus, len(want))
	if !slices.Equal(ids, want) {
		t.Fatalf("the golden stories are not the documented draw:\n got %v\nwant %v", want, ids)
	}
	in := filepath.Join(t.TempDir(), "sample.jsonl")
	if err := os.WriteFile(in, append(bytes.Join(lines, []byte("\n")), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	score := func(level string) validate.Report {
		code, stdout, stderr := run(t, context.Background(), "", "validate", "--golden", xwlbGolden,
			"--match", level, "--format", "json", in)
		if code != 0 {
			t.Fatalf("validate --match %s: exit %d\n%s", level, code, stderr)
		}
		var rep validate.Report
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatal(err)
		}
		return rep
	}
	exact, span := score("exact"), score("span")
	for _, rep := range []validate.Report{exact, span} {
		for _, s := range rep.Scores {
			if s.Table == "articles" {
				continue
			}
			t.Logf("%-5s %-8s %-8s tp %3d fp %3d fn %3d  P %.3f R %.3f F1 %.3f",
				rep.Level, s.Table, s.Type, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
		}
	}
	if testing.Verbose() {
		for _, m := range exact.Misses {
			t.Log(m)
		}
	}
	metricsF1 := exact.Table("metrics").F1()
	datesExact := exact.Table("dates").Recall()
	entitiesRecall := span.Table("entities").Recall()
	t.Logf("metrics F1 %.3f, dates exact %.3f, entities recall %.3f", metricsF1, datesExact, entitiesRecall)
	check := func(name string, got, floor float64) {
		if got < floor {
			t.Errorf("%s %.3f is below its floor %.3f", name, got, floor)
		}
	}
	check("metrics F1 (exact)", metricsF1, xwlbFloors.metricsF1)
	check("dates exact", datesExact, xwlbFloors.datesExact)
	check("entities recall (span)", entitiesRecall, xwlbFloors.entitiesRecall)
}
