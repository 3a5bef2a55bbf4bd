//go:build !linux

package output

// threadTime would be a reading of a thread's CPU clock, which is not read
// here.
type threadTime struct {
	tid int
	ns  int64
}

// readThreadTime reports false: the caller measures wall-clock time
// instead.
func readThreadTime() (threadTime, bool) { return threadTime{}, false }

// lockForClock does nothing here: no thread's clock is read.
func lockForClock() (unlock func()) { return func() {} }
