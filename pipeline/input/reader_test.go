package input_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsfacts/newsfacts"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/input"
)

func TestKindOf(t *testing.T) {
	tests := []struct {
		name string
		kind input.Kind
		gz   bool
	}{
		{"a.md", input.KindMarkdown, false},
		{"dir/a.markdown", input.KindMarkdown, false},
		{"A.MD.GZ", input.KindMarkdown, true},
		{"a.html", input.KindHTML, false},
		{"a.htm.gz", input.KindHTML, true},
		{"a.txt", input.KindText, false},
		{"a.jsonl", input.KindJSONL, false},
		{"a.ndjson.gz", input.KindJSONL, true},
		{"a.json", "", false},
		{"a.csv", "", false},
		{"a.gz", "", true},
		{"md", "", false},
		{"a.md.bak", "", false},
	}
	for _, tt := range tests {
		kind, gz := input.KindOf(tt.name)
		if kind != tt.kind || gz != tt.gz {
			t.Errorf("KindOf(%q) = %q, %v; want %q, %v", tt.name, kind, gz, tt.kind, tt.gz)
		}
	}
}

// writeFiles creates files under dir; a name ending in ".gz" is gzipped.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		data := []byte(content)
		if strings.HasSuffix(name, ".gz") {
			data = gzipBytes(t, data)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// drain reads all records of r and returns them.
func drain(t *testing.T, r *input.Reader) []input.Record {
	t.Helper()
	recs, _ := readAll(t, r, parseOpts)
	return recs
}

// where names a record for comparisons: "source[:line]", with "!" when it
// is an error record.
func where(recs []input.Record, root string) []string {
	var out []string
	for _, r := range recs {
		s := filepath.ToSlash(strings.TrimPrefix(r.Source, root+string(filepath.Separator)))
		if r.Line > 0 {
			s += fmt.Sprintf(":%d", r.Line)
		}
		if r.Err != nil {
			s += "!"
		}
		out = append(out, s)
	}
	return out
}

func TestReaderWalkOrder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.md":             "正文b。",
		"a.txt":            "正文a。",
		"sub/c.html":       "<p>正文c。</p>",
		"sub/deeper/d.txt": "正文d。",
		"sub/notes.csv":    "skipped,unknown,kind",
		"z.jsonl":          "{\"text\": \"一\"}\n\n{\"text\": \"二\"}\n",
		"y.md.gz":          "正文y。",
		".hidden.md":       "隐藏文件。",
		".git/x.md":        "隐藏目录。",
		"README":           "no extension",
	})
	r, err := input.NewReader([]string{dir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := where(drain(t, r), dir)
	want := []string{"a.txt", "b.md", "sub/c.html", "sub/deeper/d.txt", "y.md.gz", "z.jsonl:1", "z.jsonl:3"}
	if !slices.Equal(got, want) {
		t.Errorf("records:\n got %q\nwant %q", got, want)
	}
}

func TestReaderInputOrderAndGlobs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"x/2.md": "二。", "x/1.md": "一。", "x/3.txt": "三。", "x/list.csv": "a,b",
		"y/a.jsonl": "{\"text\": \"甲\"}\n", "y/sub/b.html": "<p>乙。</p>",
		"top.txt": "顶。",
	})
	p := func(s string) string { return filepath.Join(dir, filepath.FromSlash(s)) }
	tests := []struct {
		name   string
		inputs []string
		want   []string
	}{
		{"inputs keep their order", []string{p("top.txt"), p("y"), p("x/1.md")}, []string{"top.txt", "y/a.jsonl:1", "y/sub/b.html", "x/1.md"}},
		{"glob in lexical order", []string{p("x/*.md")}, []string{"x/1.md", "x/2.md"}},
		{"glob skips unknown kinds", []string{p("x/*")}, []string{"x/1.md", "x/2.md", "x/3.txt"}},
		{"glob matching a folder walks it", []string{p("y*")}, []string{"y/a.jsonl:1", "y/sub/b.html"}},
		{"explicit unknown kind is an error record", []string{p("x/list.csv"), p("top.txt")}, []string{"x/list.csv!", "top.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := input.NewReader(tt.inputs, input.Options{})
			if err != nil {
				t.Fatal(err)
			}
			recs := drain(t, r)
			if got := where(recs, dir); !slices.Equal(got, tt.want) {
				t.Errorf("records:\n got %q\nwant %q", got, tt.want)
			}
			for _, rec := range recs {
				if rec.Err != nil && !errors.Is(rec.Err, input.ErrUnknownKind) {
					t.Errorf("%s: Err = %v, want ErrUnknownKind", rec.Source, rec.Err)
				}
			}
		})
	}
}

func TestNewReaderErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": "正文。"})
	tests := []struct {
		name   string
		inputs []string
		want   string
	}{
		{"missing file", []string{filepath.Join(dir, "a.md"), filepath.Join(dir, "missing.md")}, "missing.md: no such file"},
		{"glob without match", []string{filepath.Join(dir, "*.jsonl")}, "*.jsonl: no file matches"},
		{"bad glob", []string{filepath.Join(dir, "[.md")}, "[.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := input.NewReader(tt.inputs, input.Options{})
			if err == nil {
				r.Close()
				t.Fatalf("NewReader(%q): no error, want one naming the path", tt.inputs)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestReaderRecordFields(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"2023-05-09-report.v2.md.gz": "---\ntitle: 压缩\n---\n正文。",
		"feed.ndjson":                "\ufeff{\"id\": \"a\", \"text\": \"一\"}\r\n   \r\n{\"text\": \"二\"}\r\n{\"text\": \"三\"}",
	})
	r, err := input.NewReader([]string{dir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	type row struct {
		stem        string
		kind        input.Kind
		line, index int
		data        string
		docID       string
	}
	var got []row
	for i, rec := range recs {
		got = append(got, row{rec.Name, rec.Kind, rec.Line, rec.Index, string(rec.Data), arts[i].DocID})
	}
	want := []row{
		{"2023-05-09-report.v2", input.KindMarkdown, 0, 0, "---\ntitle: 压缩\n---\n正文。", "2023-05-09-report.v2"},
		{"feed", input.KindJSONL, 1, 1, "\ufeff{\"id\": \"a\", \"text\": \"一\"}", "a"},
		{"feed", input.KindJSONL, 3, 2, "{\"text\": \"二\"}", "feed#3"},
		{"feed", input.KindJSONL, 4, 3, "{\"text\": \"三\"}", "feed#4"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("records:\n got %+v\nwant %+v", got, want)
	}
	for _, a := range arts {
		if a.Err != nil {
			t.Errorf("%s: %v", a.Source, a.Err)
		}
	}
}

func TestReaderGzip(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.jsonl.gz": "{\"id\": \"g1\", \"text\": \"一\"}\n{\"id\": \"g2\", \"text\": \"二\"}\n",
		"b.txt.gz":   "压缩的正文。",
		"c.txt":      "未压缩。",
	})
	// Not gzip data although named .gz; then a file that follows.
	if err := os.WriteFile(filepath.Join(dir, "b2.md.gz"), []byte("plain, not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := input.NewReader([]string{dir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	if got, want := where(recs, dir), []string{"a.jsonl.gz:1", "a.jsonl.gz:2", "b.txt.gz", "b2.md.gz!", "c.txt"}; !slices.Equal(got, want) {
		t.Fatalf("records:\n got %q\nwant %q", got, want)
	}
	if got, want := arts[2].Text, "压缩的正文。"; got != want {
		t.Errorf("gzipped text: got %q, want %q", got, want)
	}
	if !errors.Is(recs[3].Err, newsfacts.ErrSyntax) {
		t.Errorf("b2.md.gz: Err = %v, want ErrSyntax", recs[3].Err)
	}
	if got, want := arts[1].DocID, "g2"; got != want {
		t.Errorf("DocID: got %q, want %q", got, want)
	}
}

func TestReaderTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("株", 50) // 150 bytes
	writeFiles(t, dir, map[string]string{
		"1.txt":      big,
		"2.txt.gz":   big,
		"3.jsonl":    "{\"text\": \"短。\"}\n{\"text\": \"" + big + "\"}\n{\"text\": \"也短。\"}\n{\"text\": \"" + big + "\"}",
		"4.jsonl.gz": "{\"text\": \"" + big + "\"}\n{\"text\": \"短。\"}\n",
		"5.txt":      strings.Repeat("株", 33), // 99 bytes: within the limit
	})
	r, err := input.NewReader([]string{dir}, input.Options{MaxRecordBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	want := []string{"1.txt!", "2.txt.gz!", "3.jsonl:1", "3.jsonl:2!", "3.jsonl:3", "3.jsonl:4!", "4.jsonl.gz:1!", "4.jsonl.gz:2", "5.txt"}
	if got := where(recs, dir); !slices.Equal(got, want) {
		t.Fatalf("records:\n got %q\nwant %q", got, want)
	}
	for i, rec := range recs {
		if rec.Err == nil {
			if arts[i].Err != nil {
				t.Errorf("%s:%d: %v", rec.Source, rec.Line, arts[i].Err)
			}
			continue
		}
		if !errors.Is(rec.Err, newsfacts.ErrTooLarge) || rec.Data != nil {
			t.Errorf("%s:%d: Err = %v, Data %d bytes; want ErrTooLarge and no data", rec.Source, rec.Line, rec.Err, len(rec.Data))
		}
		if want := filepath.Base(rec.Source); !strings.Contains(arts[i].Err.Error(), want) {
			t.Errorf("error %q does not name %s", arts[i].Err, want)
		}
	}
	if got, want := arts[3].Err.Error(), "3.jsonl:2: read: document too large"; !strings.Contains(got, want) {
		t.Errorf("error %q does not contain %q", got, want)
	}
}

// TestReaderHugeLine reads a 50 MB line: it must become an error record
// without being held in memory, and the next line must still be read.
func TestReaderHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	path := filepath.Join(t.TempDir(), "huge.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(`{"id": "huge", "text": "`)
	chunk := strings.Repeat("株洲市一季度同比增长5.1%。", 1000)
	for n := 0; n < 50<<20; n += len(chunk) {
		w.WriteString(chunk)
	}
	w.WriteString("\"}\n{\"id\": \"after\", \"text\": \"后面一行。\"}\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	tests := []struct {
		name     string
		limit    int
		maxAlloc uint64
	}{
		// NOTE: the line is skipped in 64 KiB chunks once it is over the
		// limit. Under the limit it must be held, since it may end in time:
		// with the default 16 MiB limit, the buffer grows to 16 MiB (about
		// 32 MiB allocated in all), still far below the 50 MB of the line.
		{"1 MiB limit", 1 << 20, 4 << 20},
		{"default limit", 0, 40 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := input.NewReader([]string{path}, input.Options{MaxRecordBytes: tt.limit})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			first, err := r.Next(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			second, err := r.Next(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			if !errors.Is(first.Err, newsfacts.ErrTooLarge) || first.Line != 1 {
				t.Errorf("first record: Line %d, Err %v; want line 1, ErrTooLarge", first.Line, first.Err)
			}
			if a := input.Parse(second, parseOpts); a.Err != nil || a.DocID != "after" || second.Line != 2 {
				t.Errorf("second record: DocID %q, line %d, Err %v; want after, 2, nil", a.DocID, second.Line, a.Err)
			}
			t.Logf("allocated %d KiB while reading", (after.TotalAlloc-before.TotalAlloc)>>10)
			if got := after.TotalAlloc - before.TotalAlloc; got > tt.maxAlloc {
				t.Errorf("reading allocated %d bytes, want at most %d", got, tt.maxAlloc)
			}
		})
	}
}

func TestReaderVanishedFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "甲。", "b.txt": "乙。"})
	r, err := input.NewReader([]string{dir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "a.txt")); err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	if got, want := where(recs, dir), []string{"a.txt!", "b.txt"}; !slices.Equal(got, want) {
		t.Fatalf("records:\n got %q\nwant %q", got, want)
	}
	var de *newsfacts.DocError
	if !errors.As(arts[0].Err, &de) || de.Op != "read" || !errors.Is(de, fs.ErrNotExist) {
		t.Errorf("Err = %v, want a read DocError wrapping ErrNotExist", arts[0].Err)
	}
	if arts[0].DocID != "a" {
		t.Errorf("DocID = %q, want a", arts[0].DocID)
	}
	if arts[1].Err != nil || arts[1].Text != "乙。" {
		t.Errorf("b.txt: Text %q, Err %v", arts[1].Text, arts[1].Err)
	}
}

func TestReaderUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their permissions")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": "甲。", "b.md": "乙。"})
	if err := os.Chmod(filepath.Join(dir, "a.md"), 0); err != nil {
		t.Fatal(err)
	}
	r, err := input.NewReader([]string{dir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	if got, want := where(recs, dir), []string{"a.md!", "b.md"}; !slices.Equal(got, want) {
		t.Fatalf("records:\n got %q\nwant %q", got, want)
	}
	if !errors.Is(arts[0].Err, fs.ErrPermission) {
		t.Errorf("Err = %v, want ErrPermission", arts[0].Err)
	}
}

func TestReaderFromStdin(t *testing.T) {
	lines := "{\"id\": \"s1\", \"text\": \"一\"}\n{\"text\": \"二\"}\n"
	tests := []struct {
		name string
		data []byte
	}{
		{"plain", []byte(lines)},
		{"gzip", gzipBytes(t, []byte(lines))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := input.NewReaderFrom("-", bytes.NewReader(tt.data), input.KindJSONL, input.Options{})
			if got, want := r.TotalBytes(), int64(-1); got != want {
				t.Errorf("TotalBytes: got %d, want %d", got, want)
			}
			recs, arts := readAll(t, r, parseOpts)
			if len(recs) != 2 {
				t.Fatalf("got %d records, want 2", len(recs))
			}
			for i, want := range []struct{ docID, source, stem string }{{"s1", "-:1", "stdin"}, {"stdin#2", "-:2", "stdin"}} {
				if arts[i].DocID != want.docID || arts[i].Source != want.source || recs[i].Name != want.stem || arts[i].Err != nil {
					t.Errorf("record %d: DocID %q Source %q Stem %q Err %v; want %+v", i, arts[i].DocID, arts[i].Source, recs[i].Name, arts[i].Err, want)
				}
			}
			if got, want := r.BytesRead(), int64(len(tt.data)); got != want {
				t.Errorf("BytesRead: got %d, want %d", got, want)
			}
		})
	}
	// One whole document from a stream.
	r := input.NewReaderFrom("note.md", strings.NewReader("---\ntitle: 流\n---\n正文。"), input.KindMarkdown, input.Options{})
	_, arts := readAll(t, r, parseOpts)
	if len(arts) != 1 || arts[0].Title != "流" || arts[0].Text != "正文。" || arts[0].DocID != "note" {
		t.Errorf("markdown stream: got %+v", arts)
	}
}

// blockingReader returns data only when it is sent on ch; closing ch ends
// the stream.
type blockingReader struct{ ch chan []byte }

func (b blockingReader) Read(p []byte) (int, error) {
	data, ok := <-b.ch
	if !ok {
		return 0, io.EOF
	}
	return copy(p, data), nil
}

func TestReaderContextCancel(t *testing.T) {
	src := blockingReader{make(chan []byte)}
	r := input.NewReaderFrom("-", src, input.KindJSONL, input.Options{})
	defer r.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := r.Next(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Next on a blocked stream: err = %v, want DeadlineExceeded", err)
	}
	cancelled, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if _, err := r.Next(cancelled); !errors.Is(err, context.Canceled) {
		t.Fatalf("Next with a cancelled context: err = %v, want Canceled", err)
	}
	// The stream goes on: nothing was lost by the cancelled calls.
	src.ch <- []byte("{\"id\": \"late\", \"text\": \"迟到的一行。\"}\n")
	rec, err := r.Next(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if a := input.Parse(rec, parseOpts); a.DocID != "late" {
		t.Errorf("DocID = %q, want late", a.DocID)
	}
	close(src.ch)
	if _, err := r.Next(context.Background()); err != io.EOF {
		t.Errorf("Next at the end: err = %v, want io.EOF", err)
	}
}

func TestReaderClose(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "甲。", "b.txt": "乙。", "c.txt": "丙。"})

	// Closed before the first Next.
	r, err := input.NewReader([]string{dir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(context.Background()); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Next after Close: err = %v, want ErrClosed", err)
	}

	// Closed in the middle; Close is idempotent.
	r, err = input.NewReader([]string{dir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(context.Background()); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Next after Close: err = %v, want ErrClosed", err)
	}
}

func TestReaderBytes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.jsonl":    strings.Repeat("{\"text\": \"株洲市一季度同比增长5.1%。\"}\n", 200),
		"b.md.gz":    strings.Repeat("正文。", 500),
		"c.txt":      "丙。",
		"skip.csv":   "not counted: skipped in a walk",
		"sub/d.html": "<p>丁。</p>",
	})
	var want int64
	for _, name := range []string{"a.jsonl", "b.md.gz", "c.txt", "sub/d.html"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want += fi.Size()
	}
	r, err := input.NewReader([]string{dir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := r.TotalBytes(); got != want {
		t.Errorf("TotalBytes: got %d, want %d", got, want)
	}
	// BytesRead is polled from another goroutine, as a progress bar does;
	// run with -race to check it.
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var last int64
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				if n := r.BytesRead(); n < last {
					t.Errorf("BytesRead went back from %d to %d", last, n)
				} else {
					last = n
				}
				runtime.Gosched()
			}
		}
	})
	n := 0
	for {
		_, err := r.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	close(stop)
	wg.Wait()
	if got := r.BytesRead(); got != want {
		t.Errorf("BytesRead at the end: got %d, want %d", got, want)
	}
	if got, want := n, 203; got != want {
		t.Errorf("got %d records, want %d", got, want)
	}
}

// TestReaderNames checks that documents are named by their path relative
// to the input root given, so that files of the same stem in different
// folders get different names, and that a file named twice is read once.
func TestReaderNames(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"x/report.txt":   "甲。",
		"y/report.txt":   "乙。",
		"y/z/deep.md.gz": "---\ntitle: 深\n---\n丙。",
	})
	r, err := input.NewReader([]string{
		dir,
		filepath.Join(dir, "*", "report.txt"),
		filepath.Join(dir, "y", "report.txt"),
	}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	var got []string
	for i, rec := range recs {
		s := rec.Name
		if arts[i].Err != nil {
			s += "!"
			if !errors.Is(arts[i].Err, input.ErrDuplicateInput) {
				t.Errorf("%s: %v, want ErrDuplicateInput", rec.Source, arts[i].Err)
			}
		}
		got = append(got, s)
	}
	want := []string{"x/report", "y/report", "y/z/deep", "x/report!", "y/report!", "report!"}
	if !slices.Equal(got, want) {
		t.Errorf("names:\n got %q\nwant %q", got, want)
	}
	if r.Duplicates() != 3 || r.Files() != 3 {
		t.Errorf("Duplicates %d, Files %d; want 3, 3", r.Duplicates(), r.Files())
	}
}
