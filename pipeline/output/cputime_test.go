package output

import (
	"runtime"
	"testing"
	"time"
)

// TestSpent checks the encoders' clock: the thread's CPU time when the
// batch ends on the thread it began on, which does not count time spent
// asleep, and else the wall-clock time: when the thread's clock is not
// read, when the goroutine moved, or when the clock went back.
func TestSpent(t *testing.T) {
	t.Run("wall clock without a reading", func(t *testing.T) {
		t0 := time.Now().Add(-time.Second)
		if d := spent(threadTime{}, false, t0); d < time.Second {
			t.Errorf("spent = %v, want at least the second since t0", d)
		}
	})
	t.Run("thread CPU time", func(t *testing.T) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		c0, ok := mustReadThreadTime(t)
		t0 := time.Now()
		// Asleep for 200 ms, then busy for at least 20 ms.
		time.Sleep(200 * time.Millisecond)
		busy := time.Now()
		n := 0
		for time.Since(busy) < 20*time.Millisecond {
			n++
		}
		d := spent(c0, ok, t0)
		if wall := time.Since(t0); d >= wall-150*time.Millisecond {
			t.Errorf("spent = %v of %v wall-clock time, 200 ms of it asleep: the sleep was counted", d, wall)
		}
		if d < 5*time.Millisecond {
			t.Errorf("spent = %v after a busy loop of 20 ms (%d turns)", d, n)
		}
	})
	t.Run("a clock that went back", func(t *testing.T) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		c0, ok := mustReadThreadTime(t)
		c0.ns += int64(time.Hour) // as if read on another thread
		t0 := time.Now().Add(-time.Second)
		if d := spent(c0, ok, t0); d < time.Second {
			t.Errorf("spent = %v after the thread's clock went back, want the wall-clock time (at least 1 s)", d)
		}
	})
	t.Run("another thread", func(t *testing.T) {
		c0, ok := mustReadThreadTime(t)
		c0.tid = -1 // as if the goroutine had moved to another thread
		t0 := time.Now().Add(-time.Second)
		if d := spent(c0, ok, t0); d < time.Second {
			t.Errorf("spent = %v after a change of thread, want the wall-clock time (at least 1 s)", d)
		}
	})
}

// mustReadThreadTime reads the thread's clock, skipping the test where the
// system does not tell it.
func mustReadThreadTime(t *testing.T) (threadTime, bool) {
	t.Helper()
	c, ok := readThreadTime()
	if !ok {
		t.Skip("no thread CPU clock on this system")
	}
	return c, ok
}
