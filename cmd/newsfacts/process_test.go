//go:build unix

package main_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds the command into a temporary folder and returns its
// path, for tests that need a real process (signals, kill -9, FIFOs).
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "newsfacts")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// mkfifo makes a named pipe at path.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// waitFor polls until cond holds, failing the test after d.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// tempFiles returns the hidden temporary files in dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestFIFOInFolderIsSkipped (issue 13, hole 2): a named pipe in an input
// folder no longer hangs the run: it is skipped with a warning and counted.
func TestFIFOInFolderIsSkipped(t *testing.T) {
	bin := buildBinary(t)
	in, out := t.TempDir(), t.TempDir()
	writeTree(t, in, map[string]string{"a.txt": "株洲市新增市场主体1.2万户。"})
	mkfifo(t, filepath.Join(in, "pipe.txt"))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "extract", "--progress", "never", "-o", out, in)
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("the run hung on the named pipe; stderr:\n%s", stderr.String())
	}
	if err != nil {
		t.Fatalf("%v; stderr:\n%s", err, stderr.String())
	}
	for _, want := range []string{"skipping " + filepath.Join(in, "pipe.txt") + ": not a regular file (named pipe)", "1 document, 0 errors (1 non-regular file skipped)"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestFIFONamedIsInterruptible (issue 13, hole 2): a run blocked opening a
// named pipe given by name stops on SIGTERM, with exit status 130 and no
// file left behind.
func TestFIFONamedIsInterruptible(t *testing.T) {
	bin := buildBinary(t)
	in, out := t.TempDir(), t.TempDir()
	fifo := filepath.Join(in, "pipe.jsonl")
	mkfifo(t, fifo)
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "extract", "--progress", "never", "-o", out, fifo)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// The temporary files exist once the run is under way.
	waitFor(t, 30*time.Second, "the run to start", func() bool { return len(tempFiles(t, out)) == 4 })
	time.Sleep(200 * time.Millisecond) // into the blocking open
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Errorf("exit: %v, want status 130; stderr:\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("SIGTERM did not stop a run blocked on a named pipe; stderr:\n%s", stderr.String())
	}
	if left, _ := os.ReadDir(out); len(left) != 0 {
		t.Errorf("files left after SIGTERM: %v", left)
	}
}

// TestKilledRunLeftoversRemoved (issue 13, hole 3): the temporary files a
// run killed with SIGKILL leaves are removed by the next run into the
// folder, which says so.
func TestKilledRunLeftoversRemoved(t *testing.T) {
	bin := buildBinary(t)
	in, out := t.TempDir(), t.TempDir()
	fifo := filepath.Join(in, "pipe.jsonl")
	mkfifo(t, fifo)
	cmd := exec.Command(bin, "extract", "--progress", "never", "-o", out, fifo)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "the run to start", func() bool { return len(tempFiles(t, out)) == 4 })
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if n := len(tempFiles(t, out)); n != 4 {
		t.Fatalf("%d temporary files after kill -9, want 4 (the case to clean up)", n)
	}

	var stderr bytes.Buffer
	next := exec.Command(bin, "extract", "--progress", "never", "-o", out, "../../testdata/articles")
	next.Stderr = &stderr
	if err := next.Run(); err != nil {
		t.Fatalf("%v; stderr:\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "removed 4 temporary files left in "+out+" by an interrupted run") {
		t.Errorf("the removal is not told:\n%s", stderr.String())
	}
	if left := tempFiles(t, out); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestDenseDocumentMemory (issue 13, hole 6): one document dense with
// names (an 8 MB line that repeats a place name: 0.9 million mentions)
// took about 1.4 GB; its rows are now capped per table and it is extracted
// in windows, so the run stays well under 500 MB, and says what it cut.
func TestDenseDocumentMemory(t *testing.T) {
	bin := buildBinary(t)
	in, out := t.TempDir(), t.TempDir()
	dump := filepath.Join(in, "dense.jsonl")
	text := strings.Repeat("株洲市", 8<<20/9)
	if err := os.WriteFile(dump, []byte(`{"id":"dense","date":"2023-01-01","text":"`+text+"\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "extract", "--progress", "never", "--workers", "1", "--stats", "-o", out, dump)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v; stderr:\n%s", err, stderr.String())
	}
	// NOTE: the peak the process itself reports (VmHWM), not the rusage of
	// cmd: on Linux that counts this test process's own resident set when
	// it started the child, which other tests of the package had grown to
	// 500 MB.
	m := regexp.MustCompile(`peak memory (\d+) MB`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Skipf("no peak memory reported on this system:\n%s", stderr.String())
	}
	peakMB, _ := strconv.Atoi(m[1])
	t.Logf("peak RSS %d MB", peakMB)
	if peakMB > 500 {
		t.Errorf("peak RSS %d MB for one dense document, want under 500 MB", peakMB)
	}
	for _, want := range []string{
		"newsfacts: dense: more than 100000 rows in a table; only the first 100000 are kept (--max-rows-per-doc)",
		"1 document, 0 errors (1 document cut at --max-rows-per-doc); rows: articles 1, entities 100000,",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
