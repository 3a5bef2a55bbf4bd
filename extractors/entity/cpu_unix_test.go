//go:build unix

package entity_test

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used (user and system,
// every thread: the collector's too), or 0 where the system does not tell.
//
// NOTE: MB/s of CPU time, beside the usual MB/s of wall-clock time, so that
// a busy machine, where the benchmark waits for a core, still measures the
// work done.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
