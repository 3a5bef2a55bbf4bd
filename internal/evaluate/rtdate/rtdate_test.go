package rtdate_test

import (
	"testing"

	"github.com/newsfacts/newsfacts/internal/evaluate/rtdate"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/shared"
)

// TestRecognizersText prints the pass rates (go test -v) and fails when a
// target is missed.
func TestRecognizersText(t *testing.T) {
	for _, s := range rtdate.Specs {
		shared.Require(t, s)
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
		// NOTE: judged with the range-end alignment (see the package
		// comment and docs/dates.md); the strict rate is logged above and
		// is what `newsfacts eval` holds against the target.
		if got := s.Rate(); got < want {
			t.Errorf("%s: pass rate %.1f%% (with the range-end alignment), want at least %.0f%%", s.Spec, 100*got, 100*want)
		}
	}
}
