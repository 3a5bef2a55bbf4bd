//go:build !linux

package output

// threadClock has no CPU clock of a thread to read here: now returns -1,
// and the caller measures wall-clock time instead.
type threadClock struct{}

func startThreadClock() threadClock { return threadClock{} }

func (threadClock) now() int64 { return -1 }

func (threadClock) stop() {}
