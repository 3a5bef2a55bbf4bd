package input

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"golang.org/x/net/html"

	"github.com/newsfacts/newsfacts"
)

// frontMatter is the part of Jekyll front matter that newsfacts reads.
type frontMatter struct {
	title      string
	date       string
	dateTime   time.Time // when the YAML decoder already made a time of it
	categories []string
	tags       []string
	url        string
	publisher  string
}

// splitFrontMatter splits a Jekyll post into its front matter and body. The
// front matter is the text between a first line "---" (blank lines before
// it are allowed) and the next line "---" or "..."; a post without it is all
// body. line is the 1-based line of the file where the front matter starts.
func splitFrontMatter(text []byte) (fm, body []byte, line int, err error) {
	rest := text
	line = 1
	for {
		l, after, found := bytes.Cut(rest, []byte("\n"))
		if len(bytes.TrimSpace(l)) == 0 && found {
			rest = after
			line++
			continue
		}
		if string(bytes.TrimRight(l, " \t\r")) != "---" {
			return nil, text, 0, nil
		}
		rest = after
		line++
		break
	}
	start := rest
	for len(rest) > 0 {
		l, after, _ := bytes.Cut(rest, []byte("\n"))
		if t := string(bytes.TrimRight(l, " \t\r")); t == "---" || t == "..." {
			return start[:len(start)-len(rest)], after, line, nil
		}
		rest = after
	}
	return nil, nil, 0, fmt.Errorf("%w: front matter: no closing \"---\" line", newsfacts.ErrSyntax)
}

// parseFrontMatter reads front matter YAML, which starts on line
// firstLine of the file. Categories and tags may be a list or a string of
// space-separated words, as Jekyll has them.
func parseFrontMatter(fm []byte, firstLine int) (frontMatter, error) {
	var out frontMatter
	if len(bytes.TrimSpace(fm)) == 0 {
		return out, nil
	}
	// NOTE: blank lines in front make the YAML parser's error positions
	// ("[3:8] could not find end character…") lines of the file.
	src := append(bytes.Repeat([]byte("\n"), max(firstLine-1, 0)), fm...)
	var m map[string]any
	if err := yaml.Unmarshal(src, &m); err != nil {
		return out, fmt.Errorf("%w: front matter: %s", newsfacts.ErrSyntax, strings.TrimSpace(yaml.FormatError(err, false, false)))
	}
	out.title = scalar(m["title"])
	switch d := m["date"].(type) {
	case time.Time:
		out.dateTime = d
	default:
		out.date = scalar(d)
	}
	out.categories = words(m["categories"], m["category"])
	out.tags = words(m["tags"], m["tag"])
	out.url = scalar(m["url"])
	out.publisher = scalar(m["publisher"])
	return out, nil
}

// scalar returns a YAML scalar as trimmed text; "" for null, lists and maps.
func scalar(v any) string {
	switch v := v.(type) {
	case nil, []any, map[string]any:
		return ""
	case string:
		return strings.TrimSpace(v)
	default:
		return strings.TrimSpace(fmt.Sprint(v))
	}
}

// words returns the words of the first non-empty value: a list of scalars,
// or a string split at white space.
func words(vals ...any) []string {
	for _, v := range vals {
		var out []string
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				if s := scalar(x); s != "" {
					out = append(out, s)
				}
			}
		default:
			out = strings.Fields(scalar(v))
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

var (
	// footerLine is a line of nothing but Markdown links, such as a post's
	// "[返回株洲日报新闻](…)｜[返回首页](…)".
	footerLine = regexp.MustCompile(`^\s*(?:!?\[[^\]\n]*\]\([^)\n]*\)\s*[｜|/·•]?\s*)+$`)
	// sourceLine is a post's trailing source address: "<http://…>", or "<>"
	// when the generator had none.
	sourceLine = regexp.MustCompile(`^\s*<((?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^\s<>]*)?>\s*$`)
)

// trimFooter removes a post's trailing footer links and source line, and
// returns the remaining lines and the source URL.
func trimFooter(lines []string) (rest []string, url string) {
	end := len(lines)
	gotURL := false
	for end > 0 {
		last := lines[end-1]
		switch {
		case strings.TrimSpace(last) == "":
		case footerLine.MatchString(last):
		case !gotURL && sourceLine.MatchString(last):
			url, gotURL = sourceLine.FindStringSubmatch(last)[1], true
		default:
			return lines[:end], url
		}
		end--
	}
	return lines[:end], url
}

// markdownHTML turns a Markdown body into HTML-like text for htmlText: each
// block (paragraph, heading, list item, quoted line) becomes a <p>, and
// inline Markdown is reduced to its text (links keep their text; images,
// emphasis markers and code ticks go). Raw HTML in the body is kept as is.
func markdownHTML(lines []string) []byte {
	var out bytes.Buffer
	var para []string
	flush := func() {
		if len(para) > 0 {
			out.WriteString("<p>")
			mdInline(&out, strings.Join(para, "\n"))
			out.WriteString("</p>\n")
			para = para[:0]
		}
	}
	fence := ""
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
				continue
			}
			out.WriteString("<p>")
			out.WriteString(html.EscapeString(t))
			out.WriteString("</p>\n")
			continue
		}
		// Quote markers go; the quoted line is read like any other.
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(t[1:])
		}
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			flush()
			fence = t[:3]
		case isRule(t):
			flush() // a thematic break, or the underline of a heading
		case headingLevel(t) > 0:
			flush()
			para = append(para, strings.TrimRight(strings.TrimSpace(t[headingLevel(t):]), "# "))
			flush()
		case listItem(t) > 0:
			flush()
			para = append(para, strings.TrimSpace(t[listItem(t):]))
		default:
			para = append(para, t)
		}
	}
	flush()
	return out.Bytes()
}

// headingLevel returns the number of leading '#' of an ATX heading ("## 标题"),
// or 0 when t is not one. "#话题#" is not a heading: the marks must be
// followed by a space.
func headingLevel(t string) int {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(t) && t[n] != ' ' && t[n] != '\t' {
		return 0
	}
	return n
}

// isRule reports whether t is a thematic break (---, ***, ___) or a setext
// heading underline (===, ---).
func isRule(t string) bool {
	c := t[0]
	if c != '-' && c != '*' && c != '_' && c != '=' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3 || c == '='
}

// listItem returns the length of a list marker with its space ("- ", "1. ",
// "2) "), or 0.
func listItem(t string) int {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return 2
	}
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(t) && (t[n] == '.' || t[n] == ')') && t[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// mdInline writes s with its inline Markdown reduced to text. HTML tags and
// comments are copied as they are, for htmlText to drop.
func mdInline(out *bytes.Buffer, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				// An escaped character is literal text, also for htmlText.
				out.WriteString(html.EscapeString(s[i+1 : i+2]))
				i += 2
				continue
			}
		case '<':
			if url, end := autolink(s, i); end > 0 {
				out.WriteString(html.EscapeString(url))
				i = end
				continue
			}
			if end := tagEnd(s, i); end > 0 {
				out.WriteString(s[i:end])
				i = end
				continue
			}
			// NOTE: a "<" that starts no tag is text (A<B, <1%); escaped, so
			// that the HTML tokenizer does not take "<B" for a broken tag.
			out.WriteString("&lt;")
			i++
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				if _, end := mdLink(s, i+1); end > 0 {
					i = end // an image: its alt text is not article text
					continue
				}
			}
		case '[':
			if text, end := mdLink(s, i); end > 0 {
				mdInline(out, text)
				i = end
				continue
			}
		case '`':
			i++ // code ticks go, the code stays
			continue
		case '*', '_', '~':
			n := 1
			for i+n < len(s) && s[i+n] == c {
				n++
			}
			if n >= 2 {
				i += n // **strong**, __strong__, ~~struck~~
				continue
			}
			if c == '~' || keepMark(s, i) {
				break
			}
			i++ // *emphasis*, _emphasis_
			continue
		}
		out.WriteByte(c)
		i++
	}
}

// keepMark reports whether a single '*' or '_' at s[i] is literal text: inside
// a word or number (snake_case, 3*4) or standing alone between spaces.
func keepMark(s string, i int) bool {
	var prev, next byte = ' ', ' '
	if i > 0 {
		prev = s[i-1]
	}
	if i+1 < len(s) {
		next = s[i+1]
	}
	if isASCIIAlnum(prev) && isASCIIAlnum(next) {
		return true
	}
	return isSpace(prev) && isSpace(next)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// autolink reads a Markdown autolink "<scheme:…>" at s[i] and returns its
// address and end, or end 0.
func autolink(s string, i int) (string, int) {
	j := i + 1
	for j < len(s) && j-i <= 32 && (isASCIIAlnum(s[j]) || s[j] == '+' || s[j] == '.' || s[j] == '-') {
		j++
	}
	if j-i-1 < 2 || j >= len(s) || s[j] != ':' || !isASCIILetter(s[i+1]) {
		return "", 0
	}
	for k := j + 1; k < len(s); k++ {
		switch s[k] {
		case '>':
			return s[i+1 : k], k + 1
		case ' ', '\t', '\n', '<':
			return "", 0
		}
	}
	return "", 0
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tagEnd returns the end of an HTML tag or comment at s[i], or 0 when s[i]
// does not start one (精度<1%).
func tagEnd(s string, i int) int {
	rest := s[i+1:]
	switch {
	case strings.HasPrefix(rest, "!--"):
		if k := strings.Index(rest[3:], "-->"); k >= 0 {
			return i + 1 + 3 + k + 3
		}
		return 0
	case len(rest) > 0 && (isASCIILetter(rest[0]) || rest[0] == '!'),
		len(rest) > 1 && rest[0] == '/' && isASCIILetter(rest[1]):
	default:
		return 0
	}
	var quote byte
	for k := i + 1; k < len(s); k++ {
		switch c := s[k]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		case c == '<':
			return 0
		}
	}
	return 0
}

// mdLink reads a link "[text](url)", "[text][ref]" or "[text][]" at s[i]
// and returns its text and end, or end 0.
func mdLink(s string, i int) (string, int) {
	depth := 0
	for k := i; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			text := s[i+1 : k]
			if k+1 >= len(s) {
				return "", 0
			}
			open, close := s[k+1], byte(')')
			switch open {
			case '(':
			case '[':
				close = ']'
			default:
				return "", 0
			}
			nest := 0
			for m := k + 2; m < len(s); m++ {
				switch s[m] {
				case '\n':
					return "", 0
				case open:
					nest++
				case close:
					if nest == 0 {
						return text, m + 1
					}
					nest--
				}
			}
			return "", 0
		}
	}
	return "", 0
}
