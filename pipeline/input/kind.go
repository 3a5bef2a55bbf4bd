package input

import (
	"path/filepath"
	"strings"
)

// Kind is an input format, chosen by file extension (each also as .gz).
type Kind string

// Input kinds.
const (
	KindMarkdown Kind = "md"    // .md, .markdown: Jekyll posts
	KindHTML     Kind = "html"  // .html, .htm
	KindText     Kind = "txt"   // .txt
	KindJSONL    Kind = "jsonl" // .jsonl, .ndjson, and standard input "-"
)

// kindByExt maps a lower-case file extension to its kind.
var kindByExt = map[string]Kind{
	".md":       KindMarkdown,
	".markdown": KindMarkdown,
	".html":     KindHTML,
	".htm":      KindHTML,
	".txt":      KindText,
	".jsonl":    KindJSONL,
	".ndjson":   KindJSONL,
}

// KindOf returns the kind of a file from its name, looking through a
// trailing ".gz", and whether the name is gzipped. The kind is "" when the
// extension is not one of the known ones. Extensions are matched without
// regard to case.
func KindOf(name string) (kind Kind, gz bool) {
	base := strings.ToLower(filepath.Base(name))
	if strings.HasSuffix(base, ".gz") {
		base = strings.TrimSuffix(base, ".gz")
		gz = true
	}
	return kindByExt[filepath.Ext(base)], gz
}

// stemOf returns a file's name without directories, without a trailing
// ".gz" and without its kind's extension: "dir/a.b.md.gz" → "a.b". For a file
// of unknown kind only the last extension goes. Standard input is "stdin".
func stemOf(name string) string {
	if name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	if strings.HasSuffix(strings.ToLower(base), ".gz") {
		base = base[:len(base)-len(".gz")]
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}
