package nfbeam

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// TestRemoteFileSystem runs the pipeline on inputs and into an output
// folder of a file system other than the local one (Beam's memfs, as gs://
// would be on Dataflow): the patterns are matched by the workers, files
// read and parts committed through Beam's file system interface. The rows
// equal the CLI's on the same files, but for the columns that name the path
// (source, error).
func TestRemoteFileSystem(t *testing.T) {
	local := filepath.Join(repoRoot, "testdata/articles")
	entries, err := os.ReadDir(local)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(local, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		memfs.Write("memfs://in/articles/"+e.Name(), b)
	}
	cliDir := t.TempDir()
	runCLI(t, cliDir, "--format", "jsonl", local)
	runBeam(t, Options{Inputs: []string{"memfs://in/articles/*"}, Output: "memfs://out", Format: output.FormatJSONL})

	ctx := context.Background()
	fsys := memfs.New(ctx)
	for _, table := range output.TableNames() {
		files, err := fsys.List(ctx, "memfs://out/"+table+"/*")
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 1 || !strings.HasPrefix(files[0], "memfs://out/"+table+"/part-") {
			t.Fatalf("%s: files %v, want one part", table, files)
		}
		rc, err := fsys.OpenRead(ctx, files[0])
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		got := jsonRows(t, files[0], b)
		want := rowsOf(t, output.FormatJSONL, []string{filepath.Join(cliDir, output.FileName(table, output.FormatJSONL))})
		for _, rows := range [][]map[string]any{got, want} {
			for _, r := range rows {
				delete(r, "source")
				delete(r, "error")
			}
		}
		compareTable(t, table, want, got)
	}
}
