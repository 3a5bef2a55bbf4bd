// Package duckdb holds the DuckDB integration test of the newsfacts output
// tables: it writes Parquet files with pipeline/output and reads them with
// DuckDB through database/sql, checking column types, joins and the SQL
// examples of docs/schema.md.
//
// It is a module of its own, so that the core newsfacts module never
// depends on DuckDB or needs cgo. Run it with
//
//	cd integration/duckdb && go test ./...
package duckdb
