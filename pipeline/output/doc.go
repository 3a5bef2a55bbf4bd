// Package output turns extracted documents into rows of the four newsfacts
// tables (articles, entities, metrics, dates) and writes them as Parquet,
// Arrow IPC files or JSON Lines. docs/schema.md is the contract for every
// column.
//
// RowsOf converts a document into rows; Open returns a Sink that writes
// them, one document at a time, into temporary files that Close renames
// into place (Abort removes them), writing the folder's manifest
// (_manifest.json) last. ReadManifest reads and checks a manifest, and
// ReadTables reads a JSONL run through it: readers should trust an output
// folder only through its manifest. Rows are buffered in Arrow builders and
// flushed as record batches or Parquet row groups as the run goes, each
// table's encoded by a goroutine of its own while the next one fills, so
// memory stays bounded whatever the input size and the encoding runs in
// parallel with the rest of the run. ReadJSONL reads JSONL
// tables back, for golden files and validation; ArrowSchema gives the
// schema of each table.
package output
