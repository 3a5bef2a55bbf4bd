//go:build unix

package output

import (
	"errors"
	"os"
	"syscall"
)

// lockDir takes an exclusive lock on the folder dir, so that one run at a
// time writes into it, and returns the function that releases it. The
// kernel releases the lock when the process ends, even by kill -9; so a
// run holding the lock knows that any temporary file in the folder is left
// over from a run that is gone. locked is false where locks are not
// available.
func lockDir(dir string) (release func(), locked bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, ErrBusy
		}
		// A file system without locks (some network ones): go on unlocked.
		return func() {}, false, nil
	}
	return func() { f.Close() }, true, nil
}
