// Command pgoclean removes the paths of the machine that made a CPU
// profile from it, so that the profile can be committed as
// cmd/newsfacts/default.pgo (see scripts/pgo.sh): every entry of the
// profile's string table that is an absolute path becomes its last
// element. Profile-guided optimisation matches functions by name and line
// offset, not by file, so the profile works as before.
//
//	go run ./internal/tools/pgoclean < in.pprof > out.pprof
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pgoclean:", err)
		os.Exit(1)
	}
}

// run copies the gzipped profile in r to w with its paths removed.
func run(r io.Reader, w io.Writer) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	in, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	out, err := clean(in)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(out); err != nil {
		return err
	}
	return zw.Close()
}

// stringTable is the field number of the string table in profile.proto's
// Profile message (repeated string).
const stringTable = 6

// clean rewrites the top-level fields of a Profile message, replacing
// each absolute path in its string table by the path's last element.
func clean(in []byte) ([]byte, error) {
	var out bytes.Buffer
	for len(in) > 0 {
		key, n := binary.Uvarint(in)
		if n <= 0 {
			return nil, errors.New("bad field key")
		}
		start := in
		in = in[n:]
		var size int
		switch key & 7 {
		case 0: // varint
			_, m := binary.Uvarint(in)
			if m <= 0 {
				return nil, errors.New("bad varint")
			}
			size = m
		case 1: // 64-bit
			size = 8
		case 5: // 32-bit
			size = 4
		case 2: // length-delimited
			l, m := binary.Uvarint(in)
			if m <= 0 || uint64(len(in)-m) < l {
				return nil, errors.New("bad length")
			}
			if key>>3 == stringTable {
				s := string(in[m : m+int(l)])
				if path.IsAbs(s) {
					s = path.Base(s)
				}
				out.Write(binary.AppendUvarint(nil, key))
				out.Write(binary.AppendUvarint(nil, uint64(len(s))))
				out.WriteString(s)
				in = in[m+int(l):]
				continue
			}
			size = m + int(l)
		default:
			return nil, fmt.Errorf("unsupported wire type %d", key&7)
		}
		if len(in) < size {
			return nil, errors.New("truncated field")
		}
		out.Write(start[:n+size])
		in = in[size:]
	}
	return out.Bytes(), nil
}
