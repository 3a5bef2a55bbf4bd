package facts

import (
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
)

func TestRead(t *testing.T) {
	const set = `# a comment
@doc one
@date 2024-03-20
@title 2023年株洲市国民经济和社会发展统计公报
@level city
@format spaced
全年地区生产总值 2856.3 亿元，比上年增长 6.1%。
年末常住人口384.2万人，增长0.1%，增长0.1%。
- 2856.3 亿元 | subject=地区生产总值/生产总值 | indicator=地区生产总值 | value=285630000000 | unit=元 | dir=- | base=- | target=no | period=2023 | place=株洲市
- 0.1%#2 | subject=常住人口 | indicator=常住人口 | value=0.1 | unit=% | dir=up | base=- | target=no | period=2023-12-31 | place=-
`
	docs, err := Read(strings.NewReader(set), "x.facts")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Facts) != 2 {
		t.Fatalf("got %d docs", len(docs))
	}
	d := docs[0]
	if d.Title == "" || d.Level != "city" || d.Format != "spaced" || !strings.Contains(d.Text, "\n年末") {
		t.Errorf("header or body wrong: %+v", d)
	}
	f := d.Facts[0]
	if f.Value != 285630000000 || f.Unit != "元" || len(f.Subjects) != 2 || f.Dir != "" || f.Place != "株洲市" || !f.HasPeriod {
		t.Errorf("fact 0: %+v", f)
	}
	if g := d.Facts[1]; g.Occ != 2 || g.Figure != "0.1%" || g.Place != "" || g.PeriodFrom != g.PeriodTo {
		t.Errorf("fact 1: %+v", g)
	}

	for _, bad := range []struct{ set, want string }{
		{"@doc a\n正文1个。\n- 1个 | subject=x\n", "x.facts:3: no indicator"},
		{"@doc a\n@date 2024-01-01\n正文1个。\n- 2个 | subject=x | indicator=- | value=2 | unit=个 | dir=- | base=- | target=no | period=- | place=-\n", "x.facts:4: figure \"2个\""},
		{"@doc a\n@date 2024-01-01\n正文1个。\n- 1个 | subject=x | indicator=- | value=1 | unit=个 | dir=left | base=- | target=no | period=- | place=-\n", "x.facts:4: dir=left"},
		{"@doc a\n正文1个。\n", "x.facts:1: @doc a has no @date"},
		{"正文\n", "x.facts:1: text before"},
		{"@doc a\n@date 2024-01-01\n@doc a\n@date 2024-01-01\n", "x.facts:3: duplicate"},
	} {
		_, err := Read(strings.NewReader(bad.set), "x.facts")
		if err == nil || !strings.HasPrefix(err.Error(), bad.want) {
			t.Errorf("%q: got %v, want %s…", bad.set, err, bad.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	day := func(s string) newsfacts.Day {
		d, err := newsfacts.ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tt := range []struct{ in, from, to string }{
		{"2023", "2023-01-01", "2023-12-31"},
		{"2023-H1", "2023-01-01", "2023-06-30"},
		{"2023-H2", "2023-07-01", "2023-12-31"},
		{"2023-Q3", "2023-07-01", "2023-09-30"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2023-01..2023-09", "2023-01-01", "2023-09-30"},
		{"2023-12-31", "2023-12-31", "2023-12-31"},
		{"2021-01-01..2024-03-20", "2021-01-01", "2024-03-20"},
	} {
		f, to, err := ParsePeriod(tt.in)
		if err != nil || f != day(tt.from) || to != day(tt.to) {
			t.Errorf("%s: got %v…%v %v, want %s…%s", tt.in, f, to, err, tt.from, tt.to)
		}
	}
	for _, bad := range []string{"23", "2023-13", "2023-Q5", "2023-02-30", "2024..2023", "x"} {
		if _, _, err := ParsePeriod(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// TestSets scores the development sets and the held-out set and logs their
// figures and failures (go test -v). The held-out figures are judged
// against Targets by `newsfacts eval --only facts`; here each set must not
// fall below the floor measured when it was last tuned, so that a change
// that loses facts fails.
func TestSets(t *testing.T) {
	for _, set := range []struct {
		path                               string
		floorFull, floorPeriod, floorPlace float64
	}{
		// Floors: the figures measured when the rules were last tuned
		// (on dev only), rounded down.
		// NOTE: dev3 fell from 0.94 on purpose: a breakdown (分产业看) now
		// takes its headline's baseline, which dev3's annotator (and
		// dev2's) writes as none and dev4's and dev5's as the headline's
		// (docs/metrics.md).
		// NOTE: dev3 fell again, 93.9 → 92.9 %, on purpose: a gap in points
		// to another place (高于全国0.5个百分点) now has the gap's direction,
		// which dev3 alone of the six sets writes as none; dev2 and dev3
		// fell again (94.4 → 93.9, 92.9 → 92.1 %) when 从贸易方式看，… became
		// a breakdown like 分产业看 (dev5 +9, dev6 +6).
		{"testdata/dev.facts", 0.97, 0.93, 0.97},
		{"testdata/dev2.facts", 0.93, 0.91, 0.97},
		{"testdata/dev3.facts", 0.92, 0.92, 0.91},
		{"testdata/dev4.facts", 0.90, 0.83, 0.95},
		{"testdata/dev5.facts", 0.75, 0.92, 0.87},
		// dev6: written on 5 December 2026 from FORMAT.md and issue 9 alone;
		// scored once before any tuning on it: 76.4 / 86.9 / 84.9 %.
		{"testdata/dev6.facts", 0.82, 0.86, 0.84},
		{"testdata/test.facts", 0.91, 0.94, 0.94},
	} {
		rep, err := Evaluate(set.path)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s:\n%s", set.path, rep.Summary())
		// NOTE: failures are listed for the dev set only: the held-out
		// set is not looked at while tuning.
		if testing.Verbose() && !strings.HasSuffix(set.path, "test.facts") {
			for _, f := range rep.Failures() {
				t.Log(f)
			}
		}
		if Rate(rep.Full, rep.Facts) < set.floorFull || Rate(rep.PeriodOK, rep.Periods) < set.floorPeriod || Rate(rep.PlaceOK, rep.Places) < set.floorPlace {
			t.Errorf("%s fell below its floor", set.path)
		}
	}
}
