//go:build !unix

package output

// lockDir does nothing where folders cannot be locked; stale temporary
// files are then left in place, since they may belong to a running run.
func lockDir(dir string) (release func(), locked bool, err error) {
	return func() {}, false, nil
}
