package input

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts"
)

// ParseOptions configures Parse.
type ParseOptions struct {
	// DefaultDate is the run's --date: the reference date of articles that
	// give none (or one that cannot be read) and whose file name gives
	// none either (see DateFromFileName).
	DefaultDate newsfacts.Opt[newsfacts.Day]
}

// Parse turns a record into an Article. It never panics and never fails the
// run: any problem is returned in Article.Err as a *newsfacts.DocError
// (Source, Line, Op, Err wrapping ErrEncoding, ErrBinary, ErrEmpty,
// ErrTooLarge or ErrSyntax of the root package), with DocID, Source and
// whatever metadata could be read still filled in, so that the error row can
// be found.
//
// DocID is the JSONL "id" (a string or a number), else the record's Name;
// a JSONL line without id gets "NAME#LINE". DocID is not yet unique: a run
// makes it so (pipeline.Run adds "~2", "~3" … to a repeated one). Source is the path, plus ":LINE"
// for JSONL. See the package documentation for how each kind is read.
func Parse(rec Record, opts ParseOptions) (a newsfacts.Article) {
	a.Source = rec.Source
	a.DocID = rec.Name
	if rec.Line > 0 {
		a.Source += ":" + strconv.Itoa(rec.Line)
	}
	switch {
	case rec.Line > 0:
		a.DocID += "#" + strconv.Itoa(rec.Line)
	case rec.Index > 0:
		a.DocID += "#" + strconv.Itoa(rec.Index)
	}
	fallback := opts.DefaultDate
	if d, ok := DateFromFileName(rec.Source); ok {
		fallback = newsfacts.Some(d)
	}
	a.Date = fallback
	if rec.Err != nil {
		a.Err = rec.Err
		return a
	}
	fail := func(op string, err error) {
		a.Err = &newsfacts.DocError{Source: rec.Source, Line: rec.Line, Op: op, Err: err}
	}
	defer func() {
		// NOTE: one malformed document must not stop a run of millions; a
		// bug in a parser becomes that document's error.
		if r := recover(); r != nil {
			a.Text = ""
			fail("parse", fmt.Errorf("%w: internal error: %v", newsfacts.ErrSyntax, r))
		}
	}()
	text, err := decode(rec.Data)
	if err != nil {
		fail("decode", err)
		return a
	}
	if isBlank(text) {
		fail("read", newsfacts.ErrEmpty)
		return a
	}
	switch rec.Kind {
	case KindMarkdown:
		err = parseMarkdown(&a, text)
	case KindHTML:
		err = parseHTML(&a, text)
	case KindText:
		err = parseText(&a, text)
	case KindJSONL:
		err = parseJSON(&a, text)
	default:
		err = fmt.Errorf("%w %q", ErrUnknownKind, rec.Kind)
	}
	if err == nil && strings.TrimSpace(a.Text) == "" {
		err = newsfacts.ErrEmpty
	}
	if err != nil {
		a.Text = ""
		fail("parse", err)
	}
	if !a.Date.OK {
		a.Date = fallback
	}
	return a
}

// setDate sets the article's date from s when s is a date; an unreadable
// date is not an error.
func setDate(a *newsfacts.Article, s string) {
	if day, at, ok := parseDate(s); ok {
		a.Date, a.PublishedAt = day, at
	}
}

// parseMarkdown reads a Jekyll post: front matter, then a Markdown or HTML
// body ending in a source line "<http…>" and footer links.
func parseMarkdown(a *newsfacts.Article, text []byte) error {
	fm, body, line, err := splitFrontMatter(text)
	if err != nil {
		return err
	}
	meta, err := parseFrontMatter(fm, line)
	if err != nil {
		return err
	}
	a.Title = meta.title
	a.Categories, a.Tags = meta.categories, meta.tags
	a.Publisher = meta.publisher
	if !meta.dateTime.IsZero() {
		a.Date, a.PublishedAt = newsfacts.Some(newsfacts.DayFromTime(meta.dateTime)), newsfacts.Some(meta.dateTime.UTC())
	} else {
		setDate(a, meta.date)
	}
	lines, url := trimFooter(strings.Split(string(body), "\n"))
	a.URL = url
	if a.URL == "" {
		a.URL = meta.url
	}
	paras, _ := htmlText(markdownHTML(lines), false)
	a.Text = finish(a, paras)
	return nil
}

// parseHTML reads an HTML page.
func parseHTML(a *newsfacts.Article, text []byte) error {
	paras, meta := htmlText(text, true)
	a.Title = meta.title
	if a.Title == "" {
		a.Title = meta.h1
	}
	// The headline repeated at the top of the body is not body text.
	if len(paras) > 0 && (paras[0] == a.Title || paras[0] == meta.h1) {
		paras = paras[1:]
	}
	setDate(a, meta.date)
	a.URL = meta.url
	a.Publisher = meta.publisher
	a.Text = finish(a, paras)
	return nil
}

// bareURL is a line that holds only an address.
var bareURL = regexp.MustCompile(`^<?(https?://[^\s<>]+)>?$`)

// parseText reads plain text: one paragraph per line. A short first line
// followed by a blank line, without sentence-final punctuation, is the
// title; a last line that is only an address is the URL.
func parseText(a *newsfacts.Article, text []byte) error {
	var paras []string
	lines := strings.Split(string(text), "\n")
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first+1 < len(lines) && strings.TrimSpace(lines[first+1]) == "" && isTitleLine(strings.TrimSpace(lines[first])) {
		a.Title = strings.TrimSpace(lines[first])
		first++
	}
	for _, l := range lines[first:] {
		if l = strings.TrimSpace(l); l != "" {
			paras = append(paras, l)
		}
	}
	if n := len(paras); n > 0 {
		if m := bareURL.FindStringSubmatch(paras[n-1]); m != nil {
			a.URL = m[1]
			paras = paras[:n-1]
		}
	}
	a.Text = finish(a, paras)
	return nil
}

// isTitleLine reports whether a first line looks like a headline: at most 64
// characters, not ending like a sentence.
func isTitleLine(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 64 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("。！？；：，…!?;:,", r)
}

var (
	// publisherPara is a paragraph that only names the source:
	// "（文章来源：株洲日报）", "来源：新华社".
	publisherPara = regexp.MustCompile(`^[（(【\[]?\s*(?:文章)?来源\s*[：:]\s*([^\s\x{3000}\x{a0}：:（）()【】\[\]]{1,30})\s*[）)】\]]?$`)
	// publisherTail is the source named at the end of a paragraph:
	// "…取得全市第一。（文章来源：株洲日报）".
	publisherTail = regexp.MustCompile(`[（(]\s*文章来源\s*[：:]\s*([^\s\x{3000}\x{a0}：:（）()]{1,30})\s*[）)]$`)
)

// finish takes the publisher out of the paragraphs (unless a.Publisher is
// already set, when the note is still removed) and joins them into the
// article text.
func finish(a *newsfacts.Article, paras []string) string {
	for i, p := range paras {
		if m := publisherPara.FindStringSubmatch(p); m != nil {
			if a.Publisher == "" {
				a.Publisher = m[1]
			}
			paras = append(paras[:i:i], paras[i+1:]...)
			break
		}
	}
	if n := len(paras); n > 0 {
		if m := publisherTail.FindStringSubmatchIndex(paras[n-1]); m != nil {
			if a.Publisher == "" {
				a.Publisher = paras[n-1][m[2]:m[3]]
			}
			paras[n-1] = strings.TrimSpace(paras[n-1][:m[0]])
			if paras[n-1] == "" {
				paras = paras[:n-1]
			}
		}
	}
	return strings.Join(paras, "\n")
}

// parseJSON reads one JSONL line. The text field ("text", else "body", else
// "content") is used exactly as given, unless it holds HTML markup, which is
// then removed as for HTML pages. Publisher is the "publisher" field, else
// the "source" field, else a 文章来源 note in an HTML text. Metadata that is
// not a string is ignored.
func parseJSON(a *newsfacts.Article, line []byte) error {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || line[0] != '{' {
		return fmt.Errorf("%w: line is not a JSON object", newsfacts.ErrSyntax)
	}
	j, err := decodeJSONLine(line)
	if err != nil {
		var te *jsonTypeError
		if errors.As(err, &te) {
			return fmt.Errorf("%w: %v", newsfacts.ErrSyntax, err)
		}
		return fmt.Errorf("%w: JSON: %v", newsfacts.ErrSyntax, err)
	}
	switch j.idKind {
	case "", "string", "number":
		if id := strings.TrimSpace(j.id); id != "" {
			a.DocID = id
		}
	default:
		return fmt.Errorf("%w: JSON id is %s, want a string or a number", newsfacts.ErrSyntax, j.id)
	}
	a.Title = strings.TrimSpace(j.title)
	setDate(a, j.date)
	a.URL = strings.TrimSpace(j.url)
	a.Publisher = strings.TrimSpace(j.publisher)
	if a.Publisher == "" {
		a.Publisher = strings.TrimSpace(j.source)
	}
	var text string
	for _, t := range []*string{j.text, j.body, j.content} {
		if t != nil && *t != "" {
			text = *t
			break
		}
	}
	if hasMarkup(text) {
		paras, _ := htmlText([]byte(text), false)
		text = finish(a, paras)
	}
	a.Text = text
	return nil
}
