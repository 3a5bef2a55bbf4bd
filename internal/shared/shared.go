// Package shared locates the team's shared data folder (corpora, peer test
// suites, NER sets, gazetteer sources), which lives beside the repository as
// "../shared" and is never copied into it. Tests that need it skip when it
// is absent (see internal/shared/sharedtest).
package shared

import (
	"os"
	"path/filepath"
)

// EnvVar names an environment variable that, when set, overrides where the
// shared folder is looked for.
const EnvVar = "NEWSFACTS_SHARED"

// Dir returns the shared folder: $NEWSFACTS_SHARED if set, else "shared"
// beside the module root found by walking up from the working directory.
// It returns "" when there is none.
func Dir() string {
	if d := os.Getenv(EnvVar); d != "" {
		if isDir(d) {
			return d
		}
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			// The innermost module may be a nested test module; keep
			// walking until a "shared" sibling turns up.
			if s := filepath.Join(filepath.Dir(d), "shared"); isDir(s) {
				return s
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// Path returns the path of rel inside the shared folder, or "" when the
// folder or that file is absent.
func Path(rel string) string {
	d := Dir()
	if d == "" {
		return ""
	}
	p := filepath.Join(d, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
