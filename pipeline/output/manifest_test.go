package output_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// TestManifest checks that Close writes a manifest that ReadManifest
// accepts, with the row counts, sizes and checksums of the files.
func TestManifest(t *testing.T) {
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			run := &output.RunInfo{Command: "newsfacts extract", Version: "test"}
			docs := sampleDocs(t)
			counts := writeDocs(t, output.Options{Dir: dir, Format: f, Run: run}, docs)
			m, err := output.ReadManifest(dir)
			if err != nil {
				t.Fatal(err)
			}
			if m.SchemaVersion != output.SchemaVersion || m.Format != f || m.Run.Command != "newsfacts extract" {
				t.Errorf("manifest = %+v", m)
			}
			if m.Documents != counts.Articles || m.Errors != 1 {
				t.Errorf("documents %d, errors %d; want %d, 1", m.Documents, m.Errors, counts.Articles)
			}
			want := []int64{counts.Articles, counts.Entities, counts.Metrics, counts.Dates}
			for i, name := range output.TableNames() {
				tb, ok := m.Table(name)
				if !ok || tb.Rows != want[i] || tb.File != output.FileName(name, f) || len(tb.SHA256) != 64 {
					t.Errorf("table %s: %+v", name, tb)
				}
			}
			if err := m.Verify(dir); err != nil {
				t.Errorf("Verify: %v", err)
			}
		})
	}
}

// TestManifestRefusesMixedFolders checks that a folder is trusted only
// through its manifest: without one, or with a file that is not the one
// the manifest describes, it is refused.
func TestManifestRefusesMixedFolders(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatJSONL}, sampleDocs(t))
	if _, _, err := output.ReadTables(dir); err != nil {
		t.Fatalf("ReadTables of a complete run: %v", err)
	}

	// Another run's metrics file in place of this run's, same size or not.
	metrics := filepath.Join(dir, "metrics.jsonl")
	b, err := os.ReadFile(metrics)
	if err != nil {
		t.Fatal(err)
	}
	same := []byte(strings.Replace(string(b), `"value":`, `"value": `, 1))
	same = same[:len(same)-1] // same size as before
	if err := os.WriteFile(metrics, same, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := output.ReadTables(dir); err == nil || !strings.Contains(err.Error(), "metrics.jsonl") {
		t.Errorf("ReadTables with a changed file = %v; want an error naming metrics.jsonl", err)
	}
	if err := os.WriteFile(metrics, append(b, b...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := output.ReadManifest(dir); err == nil || !strings.Contains(err.Error(), "metrics.jsonl") {
		t.Errorf("ReadManifest with a file of another size = %v; want an error naming metrics.jsonl", err)
	}

	if err := os.Remove(filepath.Join(dir, output.ManifestName)); err != nil {
		t.Fatal(err)
	}
	if _, err := output.ReadManifest(dir); !errors.Is(err, output.ErrNoManifest) {
		t.Errorf("ReadManifest without a manifest = %v; want ErrNoManifest", err)
	}
}

// TestCloseRemovesOtherFormats writes JSONL into a folder that holds a
// Parquet run: only the JSONL tables and their manifest are left, and the
// removal is told.
func TestCloseRemovesOtherFormats(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatParquet}, sampleDocs(t))
	var notes []string
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatJSONL, Notify: func(s string) { notes = append(notes, s) }}, manyDocs(2))
	want := []string{output.ManifestName, "articles.jsonl", "dates.jsonl", "entities.jsonl", "metrics.jsonl"}
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("files = %v; want %v", got, want)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "metrics.parquet") {
		t.Errorf("notes = %q; want one naming the removed Parquet files", notes)
	}
	m, err := output.ReadManifest(dir)
	if err != nil || m.Format != output.FormatJSONL || m.Documents != 2 {
		t.Errorf("manifest %+v, %v", m, err)
	}
}

// TestOpenRemovesStaleTemporaryFiles checks that the temporary files of a
// killed run are removed by the next run, and that a folder in use by a
// running sink is refused.
func TestOpenRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	stale := []string{".metrics.parquet.tmp-4f1c9a2e7b3d5a60", "._manifest.json.tmp-0000000000000001"}
	keep := []string{".keep", "notes.txt", ".metrics.csv.tmp-1"}
	for _, n := range append(slices.Clone(stale), keep...) {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var notes []string
	s, err := output.Open(output.Options{Dir: dir, Format: output.FormatJSONL, Notify: func(s string) { notes = append(notes, s) }})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range stale {
		if _, err := os.Stat(filepath.Join(dir, n)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: %v; want it removed", n, err)
		}
	}
	for _, n := range keep {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s: %v; want it kept", n, err)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "2 temporary files") {
		t.Errorf("notes = %q", notes)
	}
	if _, err := output.Open(output.Options{Dir: dir, Format: output.FormatJSONL}); !errors.Is(err, output.ErrBusy) {
		t.Errorf("second Open of a folder in use = %v; want ErrBusy", err)
	}
	docs := manyDocs(1)
	if err := s.Write(context.Background(), &docs[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := output.Open(output.Options{Dir: dir, Format: output.FormatJSONL})
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Abort()
}

// TestFailedCloseLeavesNoManifest (issue 13, hole 4): when Close fails
// half way through the renames, the folder holds tables of two runs; it
// must then have no manifest, so that no reader trusts it.
func TestFailedCloseLeavesNoManifest(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatJSONL}, manyDocs(3))
	if _, err := output.ReadManifest(dir); err != nil {
		t.Fatal(err)
	}
	// A folder in the way of metrics.jsonl makes its rename fail, after
	// articles.jsonl and entities.jsonl are replaced.
	if err := os.Remove(filepath.Join(dir, "metrics.jsonl")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "metrics.jsonl", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := output.Open(output.Options{Dir: dir, Format: output.FormatJSONL})
	if err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs(t)
	for i := range docs {
		if err := s.Write(context.Background(), &docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err == nil || !strings.Contains(err.Error(), "already replaced") {
		t.Fatalf("Close = %v; want a failed rename after others", err)
	}
	if _, err := output.ReadManifest(dir); !errors.Is(err, output.ErrNoManifest) {
		t.Errorf("ReadManifest after a half-done Close = %v; want ErrNoManifest", err)
	}
}
