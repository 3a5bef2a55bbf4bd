package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ManifestName is the file name of the manifest in an output folder.
const ManifestName = "_manifest.json"

// SchemaVersion is the version of the table schema (docs/schema.md) that
// this package writes; it goes up whenever a column is added, removed or
// changes meaning. ReadManifest refuses manifests of a later version.
const SchemaVersion = 1

// ErrNoManifest reports an output folder without a manifest: an
// interrupted or crashed run, a folder still being written, or the output
// of a version before manifests. Its tables must not be trusted.
var ErrNoManifest = errors.New("no " + ManifestName + ": not the output of a completed run")

// Manifest describes one completed run in its output folder. A run writes
// it last, after every table file is in place, so a folder whose manifest
// is missing, or whose files do not match it, holds no complete run.
// docs/schema.md documents every field.
type Manifest struct {
	// SchemaVersion is the table schema version (SchemaVersion).
	SchemaVersion int `json:"schema_version"`
	// Format is the file format of the tables; Compression the Parquet
	// codec ("" for the other formats).
	Format      Format `json:"format"`
	Compression string `json:"compression"`
	// Tables lists the four tables in order, with their files.
	Tables []ManifestTable `json:"tables"`
	// Documents is the number of articles rows; Errors how many have
	// status "error".
	Documents int64 `json:"documents"`
	Errors    int64 `json:"errors"`
	// Run says what produced the tables.
	Run RunInfo `json:"run"`
}

// ManifestTable is one table file of a run.
type ManifestTable struct {
	Name string `json:"name"`
	// File is the file name, relative to the folder.
	File string `json:"file"`
	Rows int64  `json:"rows"`
	// Bytes is the file size; SHA256 the hex SHA-256 of its contents.
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// RunInfo is what the command that produced the tables tells about itself
// and its inputs. Open takes it by pointer, and Close reads it, so that the
// caller can fill in the counts when the run is over.
type RunInfo struct {
	// Command is the command line's program and sub-command ("newsfacts
	// extract"); Version the newsfacts version.
	Command string `json:"command"`
	Version string `json:"version"`
	// Options are the settings of the run that shape its output, by flag
	// name, as strings.
	Options map[string]string `json:"options"`
	// Inputs are the input arguments as given.
	Inputs []string `json:"inputs"`
	// InputFiles is the number of input files (or streams) read;
	// SkippedInputs the files left out because they are not regular files;
	// DuplicateInputs the inputs that named a file named before.
	InputFiles      int `json:"input_files"`
	SkippedInputs   int `json:"skipped_inputs"`
	DuplicateInputs int `json:"duplicate_inputs"`
	// RenamedIDs is the number of documents whose id was taken and got a
	// suffix; CappedDocs the number of documents whose rows were cut at
	// the per-document cap.
	RenamedIDs int64 `json:"renamed_ids"`
	CappedDocs int64 `json:"capped_docs"`
}

// Table returns the entry of the named table, or false.
func (m *Manifest) Table(name string) (ManifestTable, bool) {
	for _, t := range m.Tables {
		if t.Name == name {
			return t, true
		}
	}
	return ManifestTable{}, false
}

// ReadManifest reads the manifest of the output folder dir and checks it
// against the folder: the schema version is one this package knows, the
// four tables are listed, and each file is there with the size the
// manifest gives. A folder without a manifest gives an error wrapping
// ErrNoManifest. ReadManifest does not read the table files; Verify checks
// their checksums too.
func ReadManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, ManifestName)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("output: %s: %w", dir, ErrNoManifest)
	}
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("output: %s: %w", path, err)
	}
	if m.SchemaVersion < 1 || m.SchemaVersion > SchemaVersion {
		return nil, fmt.Errorf("output: %s: schema version %d, this newsfacts reads 1 to %d", path, m.SchemaVersion, SchemaVersion)
	}
	if _, err := ParseFormat(string(m.Format)); err != nil {
		return nil, fmt.Errorf("output: %s: %w", path, err)
	}
	for _, name := range TableNames() {
		t, ok := m.Table(name)
		if !ok {
			return nil, fmt.Errorf("output: %s: table %s is not listed", path, name)
		}
		if t.File != FileName(name, m.Format) {
			return nil, fmt.Errorf("output: %s: table %s has file %q, want %q", path, name, t.File, FileName(name, m.Format))
		}
		fi, err := os.Stat(filepath.Join(dir, t.File))
		if err != nil {
			return nil, fmt.Errorf("output: %s lists %s, which cannot be read: %w", path, t.File, err)
		}
		if fi.Size() != t.Bytes {
			return nil, fmt.Errorf("output: %s is %d bytes, %s says %d: it is not the file of that run", t.File, fi.Size(), path, t.Bytes)
		}
	}
	return &m, nil
}

// Verify checks the SHA-256 checksum of every table file of m in dir.
func (m *Manifest) Verify(dir string) error {
	for _, t := range m.Tables {
		f, err := os.Open(filepath.Join(dir, t.File))
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return fmt.Errorf("output: reading %s: %w", t.File, err)
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != t.SHA256 {
			return fmt.Errorf("output: %s does not match its checksum in %s: it is not the file of that run", t.File, ManifestName)
		}
	}
	return nil
}

// ReadTables reads the tables of a run's output folder through its
// manifest: the folder must hold a manifest of a JSONL run whose files
// match their checksums.
func ReadTables(dir string) (*Tables, *Manifest, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	if m.Format != FormatJSONL {
		return nil, nil, fmt.Errorf("output: %s holds %s tables; only JSONL tables can be read back", dir, m.Format)
	}
	if err := m.Verify(dir); err != nil {
		return nil, nil, err
	}
	t, err := ReadJSONL(dir)
	if err != nil {
		return nil, nil, err
	}
	return t, m, nil
}

// encode returns the manifest as indented JSON with a final newline.
func (m *Manifest) encode() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
