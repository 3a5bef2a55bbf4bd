// Package input reads article dumps: it expands input paths (files,
// directories, globs, "-" for standard input) into a stream of raw records,
// and parses each record (Jekyll Markdown, HTML, plain text, JSON Lines) into
// a newsfacts.Article with plain text, metadata and a reference date.
//
// Reading and parsing are two steps: a Reader yields Records (raw bytes, in
// input order, on one goroutine), and Parse, which is safe to call from many
// goroutines, turns each into an Article. Neither fails a run because of one
// document: a document that cannot be read or parsed becomes an Article
// whose Err is a *newsfacts.DocError naming the file (and line), with DocID
// and Source filled in so that the error row can be found.
//
// # Kinds
//
// The kind of a file comes from its extension, each also gzipped (.gz):
//
//   - .md, .markdown: Jekyll posts. YAML front matter (title; date with zone,
//     "2022-03-29 08:27:42 +0800"; categories and tags, as a list or a
//     space-separated string; optional url and publisher), then a body of
//     HTML (<p>…) or Markdown. Markdown links keep their text; images,
//     emphasis markers and code ticks go; headings, list items and quoted
//     lines become paragraphs. A trailing source line "<http…>" becomes URL
//     ("<>" means none), and trailing footer lines of links such as
//     "[返回首页](../)" are removed.
//   - .html, .htm: a page. Title from <title>, else the first <h1> (which is
//     not repeated in the text); date from <meta> article:published_time,
//     pubdate, publishdate, date (and Dublin Core dates); URL from <link
//     rel=canonical> or og:url; publisher from <meta name=ContentSource>.
//     The text comes from block elements; script, style, nav and similar
//     elements are skipped, and when the page has an <article> element only
//     its text counts.
//   - .txt: plain text, one paragraph per line. A short first line (at most
//     64 characters, not ending in sentence punctuation) followed by a blank
//     line is the title; a last line that is only an address is the URL.
//   - .jsonl, .ndjson, and standard input: one article per line, an object
//     with "id" (a string or a number), "title", "date", "text" (else "body",
//     else "content"), "url", "source" and "publisher". Unknown members are
//     ignored, and so is metadata that is not a string; blank lines are
//     skipped. The text is used exactly as given (no trimming, no newline
//     changes), so that offsets into it stay predictable, unless it holds
//     HTML markup (tags such as <p>, <br>, <div>, or references such as
//     &nbsp;), which is then removed as for HTML pages. Publisher is the
//     "publisher" member, else the "source" member, else a 文章来源 note in
//     an HTML text.
//
// In a directory (walked recursively, in lexical order) or a glob, files of
// unknown kind and names starting with "." are skipped; a file of unknown
// kind named explicitly yields an error record (ErrUnknownKind).
//
// # Text
//
// Article.Text is the plain body: paragraphs joined by "\n", each trimmed,
// empty ones dropped, HTML character references decoded. White space inside
// a paragraph collapses to one space, except that a line break between two
// Chinese characters is dropped. A paragraph that only names the source
// ("（文章来源：株洲日报）", "来源：新华社"), or such a note at the end of the
// last paragraph, is removed and its outlet becomes Publisher (unless the
// input names the publisher otherwise).
//
// # Identity
//
// DocID is the JSONL "id", else the record's Name: the file's path relative
// to the input root given (the folder walked, the fixed part of a glob, the
// folder of a file named explicitly), with "/" between folders and without
// ".gz" and the kind's extension: "x/report" for x/report.txt when the
// folder is given. A JSONL line without id is "NAME#LINE". Standard input
// has the name "stdin". Source is the path as given or walked, plus ":LINE"
// for JSONL. A file named twice (by a glob and by name, say) is read once;
// the second time yields an error record (ErrDuplicateInput) that names the
// first. Ids are made unique by the run, not here: see pipeline.Run.
//
// Only regular files, and symbolic links to them, are read from folders and
// globs; named pipes, sockets and devices there are skipped and listed by
// Reader.Skipped. One named explicitly is read, and a read blocked on it
// never keeps Next or Close from returning.
//
// # Dates
//
// A date with a time and a zone (front matter "2022-03-29 08:27:42 +0800",
// RFC 3339) gives Date, the calendar day in the article's own zone, and
// PublishedAt, the instant in UTC. A date alone ("2022-03-29", "2022/3/29",
// "2022年3月29日"), or a date and time without zone, gives Date only. A
// missing or unreadable date is not an error: Date is then the date that
// starts the file name ("2023-05-09-market.txt", "20230509_report.md"; see
// DateFromFileName), else ParseOptions.DefaultDate (the run's --date).
//
// # Encodings and bad input
//
// Input may be UTF-8, with or without byte order mark, or GB18030/GBK, which
// is recognised (invalid as UTF-8, but decoding cleanly as GB18030 into
// mostly Chinese text) and converted. NUL bytes or many control characters
// give ErrBinary; anything else that is not text in those encodings (UTF-16,
// Latin-1, most Big5) gives ErrEncoding; an empty or blank document ErrEmpty;
// malformed front matter or JSON ErrSyntax with the parser's message; a
// document or JSONL line over Options.MaxRecordBytes ErrTooLarge. Files are
// checked for size before they are read, and an over-long JSONL line is
// skipped in chunks, never held whole. A corrupt gzip stream or a file that
// cannot be opened becomes an error record, and reading goes on with the
// next file.
package input
