//go:build !unix

package pipeline_test

import "time"

// processCPU returns false: the CPU time of the process is not known here.
func processCPU() (time.Duration, bool) { return 0, false }
