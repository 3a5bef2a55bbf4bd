//go:build linux

package output

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// threadTime is a reading of the CPU clock of the calling goroutine's OS
// thread.
type threadTime struct {
	tid int   // the thread
	ns  int64 // its CPU time so far
}

// readThreadTime reads the calling thread's id and CPU clock; ok is false
// when the system does not tell them.
//
// NOTE: the goroutine may be moved to another thread between two calls (it
// was, once in a test, and a batch then took -72 ms), so the id is read
// before and after the clock, and the reading kept when both agree.
func readThreadTime() (tt threadTime, ok bool) {
	for range 3 {
		tid := unix.Gettid()
		var ts unix.Timespec
		if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
			return tt, false
		}
		if unix.Gettid() == tid {
			return threadTime{tid: tid, ns: ts.Nano()}, true
		}
	}
	return tt, false
}

// lockForClock locks the calling goroutine to its thread when the process
// has a single P (GOMAXPROCS 1), and returns the function that unlocks it.
//
// NOTE: with one P, every goroutine runs on the same thread in turn, and
// that thread's clock would count the workers' time as the encoder's (a
// pinned run reported 4.3–5.5 s of encoding instead of 0.57 s). Locked, the
// encoder has a thread of its own. With more Ps it is not locked; see
// spent.
func lockForClock() (unlock func()) {
	if runtime.GOMAXPROCS(0) != 1 {
		return func() {}
	}
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}
