package newsfacts_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDataHeaders checks that every embedded data file (the word lists,
// gazetteers and dictionaries in the data/ folders of the packages) opens
// with a comment block that names its source and its licence.
func TestDataHeaders(t *testing.T) {
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && filepath.Base(filepath.Dir(path)) == "data" {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("found %d data files, want the word lists of every extractor", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var header strings.Builder
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "#") {
				break
			}
			header.WriteString(strings.ToLower(l))
		}
		if h := header.String(); !strings.Contains(h, "source") || !strings.Contains(h, "licen") {
			t.Errorf("%s: the leading comment must name the source and the licence", f)
		}
	}
}
