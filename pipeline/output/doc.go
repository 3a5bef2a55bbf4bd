// Package output turns extracted documents into rows of the four newsfacts
// tables (articles, entities, metrics, dates) and writes them as Parquet,
// Arrow IPC files or JSON Lines. docs/schema.md is the contract for every
// column.
package output
