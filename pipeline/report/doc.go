// Package report turns the four tables of an extract run into one
// self-contained HTML page: an overview of the run, an explorer of the
// indicators with a time-series chart and the figures in their sentences,
// the places and organisations with the most figures, and the quality of
// the extraction. Load reads the tables (Parquet, Arrow IPC or JSON Lines),
// Build aggregates them into a Model, and Write renders the page. All
// aggregation happens in Go; the page only filters and draws.
//
// docs/report.md describes each panel.
package report
