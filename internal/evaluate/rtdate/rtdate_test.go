package rtdate_test

import (
	"testing"

	"github.com/newsfacts/newsfacts/internal/evaluate/rtdate"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/shared"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
)

// TestRecognizersText prints the pass rates (go test -v) and fails when a
// target is missed.
func TestRecognizersText(t *testing.T) {
	for _, s := range rtdate.Specs {
		sharedtest.Require(t, s)
	}
	scores, err := rtdate.Run(shared.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(scores), len(rtdate.Specs); got != want {
		t.Fatalf("got %d scores, want %d", got, want)
	}
	for _, s := range scores {
		t.Logf("%s: %d/%d passed (%.1f%%; strict %.1f%%, %d by the range-end convention)",
			s.Spec, s.Passed, s.Cases, 100*s.Rate(), 100*s.StrictRate(), s.Aligned)
		for _, f := range s.Failures {
			t.Logf("  FAIL %s", f)
		}
		want := rtdate.Target(s.Spec)
		if want == 0 {
			t.Errorf("no target for %s", s.Spec)
			continue
		}
		if s.Cases == 0 {
			t.Errorf("%s: no case ran", s.Spec)
		}
		// NOTE: the strict rate (the spec's end date exclusive) must meet
		// the target, unless every case it fails is a two-ended range that
		// the spec ends at the start of the closing unit (see the package
		// comment and docs/dates.md): then nothing but that convention
		// stands between the rate and the target, and the shortfall is
		// logged, as `newsfacts eval` reports it.
		switch got := s.StrictRate(); {
		case got >= want:
		case len(s.Failures) == 0:
			t.Logf("%s: strict rate %.1f%% is below the %.0f%% target only through %d range-end alignments", s.Spec, 100*got, 100*want, s.Aligned)
		default:
			t.Errorf("%s: strict pass rate %.1f%%, want at least %.0f%% (or no failure besides the range-end alignment; %d other failures)", s.Spec, 100*got, 100*want, len(s.Failures))
		}
		if floor, ok := passedFloors[s.Spec]; ok && s.Passed < floor {
			t.Errorf("%s: %d cases passed (with the range-end convention), fewer than the %d before: a change made it regress", s.Spec, s.Passed, floor)
		}
	}
}

// passedFloors are the cases of each spec that passed (counting the
// range-end convention) when the floors were last raised. Raise them when
// the extractor gets better; never lower them to let a change through.
var passedFloors = map[string]int{"DateParser.json": 53, "DatePeriodParser.json": 55}
