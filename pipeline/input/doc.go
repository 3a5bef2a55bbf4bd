// Package input reads article dumps: it expands input paths (files,
// directories, globs, "-" for standard input) into a stream of raw records,
// and parses each record (Jekyll Markdown, HTML, plain text, JSON Lines) into
// a newsfacts.Article with plain text, metadata and a reference date.
package input
