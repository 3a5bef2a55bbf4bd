package duckdb_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsfacts/newsfacts/pipeline/output"
)

// writeParts writes the sample documents as the Beam pipeline lays out its
// output, with output.Writer: one part per document of each table, in
// DIR/<table>/part-<n>.parquet.
func writeParts(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	docs := sampleDocs(t)
	for i := range docs {
		var files [4]*os.File
		var ws [4]io.Writer
		for j, table := range output.TableNames() {
			os.MkdirAll(filepath.Join(dir, table), 0o755)
			f, err := os.Create(filepath.Join(dir, table, fmt.Sprintf("part-%d.parquet", i)))
			if err != nil {
				t.Fatal(err)
			}
			files[j], ws[j] = f, struct{ io.Writer }{f}
		}
		w, err := output.NewWriter(output.Options{Format: output.FormatParquet}, ws)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(&docs[i]); err != nil {
			t.Fatal(err)
		}
		if err := w.Finish(); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// TestParts: DuckDB reads the parts of a table (DIR/<table>/*.parquet) as
// one table, with the same rows as the table a sink writes.
func TestParts(t *testing.T) {
	comparePartsToTables(t, writeParts(t), writeSample(t))
}

// TestBeamOutput compares the output of newsfacts-beam with the CLI's
// output of the same inputs, when .ci/run made them (NEWSFACTS_BEAM_OUT,
// NEWSFACTS_CLI_OUT).
func TestBeamOutput(t *testing.T) {
	beamDir, cliDir := os.Getenv("NEWSFACTS_BEAM_OUT"), os.Getenv("NEWSFACTS_CLI_OUT")
	if beamDir == "" || cliDir == "" {
		t.Skip("NEWSFACTS_BEAM_OUT and NEWSFACTS_CLI_OUT not set")
	}
	comparePartsToTables(t, beamDir, cliDir)
}

// comparePartsToTables checks with DuckDB that the parts in partsDir hold
// the rows of the tables in tablesDir, as multisets.
func comparePartsToTables(t *testing.T, partsDir, tablesDir string) {
	t.Helper()
	db := openDB(t)
	for _, table := range output.TableNames() {
		parts := filepath.Join(partsDir, table, "*.parquet")
		whole := filepath.Join(tablesDir, output.FileName(table, output.FormatParquet))
		var n, m, diff int
		if err := db.QueryRow(fmt.Sprintf("SELECT count(*) FROM read_parquet('%s')", parts)).Scan(&n); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if err := db.QueryRow(fmt.Sprintf("SELECT count(*) FROM read_parquet('%s')", whole)).Scan(&m); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		q := fmt.Sprintf(`SELECT count(*) FROM (
			(SELECT * FROM read_parquet('%[1]s') EXCEPT ALL SELECT * FROM read_parquet('%[2]s'))
			UNION ALL
			(SELECT * FROM read_parquet('%[2]s') EXCEPT ALL SELECT * FROM read_parquet('%[1]s')))`, parts, whole)
		if err := db.QueryRow(q).Scan(&diff); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if n != m || diff != 0 {
			t.Errorf("%s: %d rows in the parts, %d in the table, %d rows differ", table, n, m, diff)
		}
	}
}
