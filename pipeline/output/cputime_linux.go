//go:build linux

package output

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// threadClock measures the CPU time of the calling goroutine, which it
// locks to its OS thread: the thread's CPU clock then counts that
// goroutine's work alone, not the time it waits for a core.
type threadClock struct{}

// startThreadClock locks the calling goroutine to its thread; stop unlocks
// it.
func startThreadClock() threadClock {
	runtime.LockOSThread()
	return threadClock{}
}

// now returns the thread's CPU time so far, in nanoseconds, or -1 when the
// system does not tell it.
func (threadClock) now() int64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return -1
	}
	return ts.Nano()
}

func (threadClock) stop() { runtime.UnlockOSThread() }
