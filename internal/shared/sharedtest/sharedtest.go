// Package sharedtest skips a test when the shared data folder (see
// internal/shared) or a file in it is absent.
//
// NOTE: it is a package of its own so that the programs that look up the
// shared folder (newsfacts eval) do not link the testing package.
package sharedtest

import (
	"testing"

	"github.com/newsfacts/newsfacts/internal/shared"
)

// Require returns the path of rel inside the shared folder, or skips the
// test when it is absent.
func Require(tb testing.TB, rel string) string {
	tb.Helper()
	p := shared.Path(rel)
	if p == "" {
		tb.Skipf("shared data %s not found (set %s or put the shared folder beside the repository)", rel, shared.EnvVar)
	}
	return p
}
