package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

// field appends a length-delimited field to b.
func field(b []byte, num uint64, s string) []byte {
	b = binary.AppendUvarint(b, num<<3|2)
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// TestClean checks that the absolute paths of the string table lose their
// folders and that every other field is copied as it was.
func TestClean(t *testing.T) {
	var in, want []byte
	in = binary.AppendUvarint(in, 1<<3) // a varint field (wire type 0)
	in = binary.AppendUvarint(in, 300)
	in = field(in, 3, "\x0a\x02/x") // a message: not a string table entry
	want = append(want, in...)
	for _, s := range []string{"", "/home/dev/build/newsfacts", "main.main", "/src/newsfacts/cmd/newsfacts/main.go", "C:rel"} {
		in = field(in, stringTable, s)
	}
	in = binary.AppendUvarint(in, 9<<3|1) // a 64-bit field
	in = append(in, 1, 2, 3, 4, 5, 6, 7, 8)
	for _, s := range []string{"", "newsfacts", "main.main", "main.go", "C:rel"} {
		want = field(want, stringTable, s)
	}
	want = binary.AppendUvarint(want, 9<<3|1)
	want = append(want, 1, 2, 3, 4, 5, 6, 7, 8)
	got, err := clean(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("clean:\n got %q\nwant %q", got, want)
	}
	if _, err := clean(in[:len(in)-3]); err == nil {
		t.Error("clean of a truncated profile: no error")
	}
}

// TestRunProfile cleans a real CPU profile of this process: no absolute
// path of a source file is left in it.
func TestRunProfile(t *testing.T) {
	var prof bytes.Buffer
	if err := pprof.StartCPUProfile(&prof); err != nil {
		t.Skip("CPU profiling unavailable:", err)
	}
	// NOTE: spin long enough for the profiler's samples (100 a second).
	x := 0
	for start := time.Now(); time.Since(start) < 300*time.Millisecond; {
		for i := range 100_000 {
			x += i % 7
		}
	}
	pprof.StopCPUProfile()
	_ = x
	var out bytes.Buffer
	if err := run(&prof, &out); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	if _, err := raw.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(raw.String(), "/pgoclean/main_test.go") {
		t.Error("a source path is left in the profile")
	}
	if !strings.Contains(raw.String(), "main_test.go") {
		t.Error("the file names are gone from the profile")
	}
}
