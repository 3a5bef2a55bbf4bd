package input

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs collects the paragraphs of a text being extracted from markup.
// White space is collapsed the way a browser renders it, with one change for
// Chinese: a line break between two Chinese characters is dropped rather
// than turned into a space, since Chinese puts no space between words.
type paragraphs struct {
	list []string
	cur  []byte
	// ws is set after white space; nl when that white space held a line
	// break.
	ws, nl bool
	last   rune
}

// write adds text to the current paragraph.
func (p *paragraphs) write(text []byte) {
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		switch r {
		case ' ', '\t', '\r', '\f', '\u00a0':
			// NOTE: a no-break space (&nbsp;) is collapsed like a space: it is
			// used to indent paragraphs and pad figures, not as content.
			p.ws = true
			continue
		case '\n':
			p.ws, p.nl = true, true
			continue
		}
		if p.ws && len(p.cur) > 0 && !(p.nl && isCJK(p.last) && isCJK(r)) {
			p.cur = append(p.cur, ' ')
		}
		p.ws, p.nl = false, false
		p.cur = utf8.AppendRune(p.cur, r)
		p.last = r
	}
}

// space adds a word break, as between two table cells.
func (p *paragraphs) space() { p.ws = true }

// end ends the current paragraph; an empty one is dropped.
func (p *paragraphs) end() {
	if s := strings.TrimSpace(string(p.cur)); s != "" {
		p.list = append(p.list, s)
	}
	p.cur = p.cur[:0]
	p.ws, p.nl, p.last = false, false, 0
}

// blockAtoms are the elements that start and end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
	atom.Body: true, atom.Html: true,
}

// skipAtoms are the elements whose content is not article text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
	atom.Select: true, atom.Button: true, atom.Textarea: true, atom.Object: true,
	atom.Noframes: true, atom.Noembed: true,
}

// pageMeta is what an HTML page says about itself outside its text.
type pageMeta struct {
	title, h1            string
	date, url, publisher string
}

// metaDateNames are the <meta name=… / property=…> values that carry the
// publication date, in order of preference.
var metaDateNames = []string{
	"article:published_time", "pubdate", "publishdate", "date", "dc.date.issued", "dc.date",
	"dcterms.date", "og:published_time",
}

// htmlText extracts the paragraphs of an HTML document or fragment:
// character references are decoded, tags dropped, block elements end a
// paragraph, and the content of script, style, head, nav and similar
// elements is skipped. For a whole page (page true), when the page has an
// <article> element only the text inside it counts, and the page's title,
// date, URL and publisher are read from <title>, the first <h1> and <meta>
// and <link> elements.
func htmlText(src []byte, page bool) ([]string, pageMeta) {
	var (
		p        paragraphs
		meta     pageMeta
		title    []byte
		h1       paragraphs
		skip     int // depth inside skipped elements
		inTitle  bool
		h1Depth  int  // depth inside the first <h1>, while reading it
		h1Done   bool // the first <h1> was read
		dates    = map[string]string{}
		article  = page && hasArticle(src)
		artDepth int
	)
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			p.end()
			if page {
				meta.title = strings.TrimSpace(collapse(title))
				h1.end()
				if len(h1.list) > 0 {
					meta.h1 = h1.list[0]
				}
				for _, name := range metaDateNames {
					if d := dates[name]; d != "" {
						meta.date = d
						break
					}
				}
			}
			return p.list, meta
		case html.TextToken:
			if inTitle {
				title = append(title, z.Text()...)
				continue
			}
			if skip > 0 {
				continue
			}
			text := z.Text()
			if h1Depth > 0 {
				h1.write(text) // the title may sit outside <article>
			}
			if !article || artDepth > 0 {
				p.write(text)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			selfClosing := tt == html.SelfClosingTagToken || isVoid(a)
			switch {
			case a == atom.Title && !selfClosing:
				if page {
					inTitle = true
				} else {
					skip++ // a title has no place in a fragment's text
				}
			case a == atom.Meta || a == atom.Link:
				if page && hasAttr {
					readMeta(z, a, &meta, dates)
				}
			case skipAtoms[a] && !selfClosing:
				skip++
			case a == atom.Article && !selfClosing:
				artDepth++
				p.end()
			case a == atom.H1 && page && !h1Done && !selfClosing:
				h1Depth = 1
				p.end()
			case blockAtoms[a]:
				p.end()
			case a == atom.Td || a == atom.Th:
				p.space()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Title:
				if inTitle {
					inTitle = false
				} else if skip > 0 {
					skip--
				}
			case skipAtoms[a]:
				if skip > 0 {
					skip--
				}
			case a == atom.Article:
				if artDepth > 0 {
					artDepth--
				}
				p.end()
			case a == atom.H1 && h1Depth > 0:
				h1Depth, h1Done = 0, true
				p.end()
			case blockAtoms[a]:
				p.end()
			case a == atom.Td || a == atom.Th:
				p.space()
			}
		}
	}
}

// hasArticle reports whether src has an <article> element.
func hasArticle(src []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		if len(src)-i >= 7 && strings.EqualFold(string(src[i:i+7]), "article") {
			return true
		}
	}
}

// readMeta reads the attributes of a <meta> or <link> element.
func readMeta(z *html.Tokenizer, a atom.Atom, meta *pageMeta, dates map[string]string) {
	var name, content, rel, href string
	for {
		key, val, more := z.TagAttr()
		switch string(key) {
		case "name", "property", "itemprop":
			name = strings.ToLower(strings.TrimSpace(string(val)))
		case "content":
			content = strings.TrimSpace(string(val))
		case "rel":
			rel = strings.ToLower(string(val))
		case "href":
			href = strings.TrimSpace(string(val))
		}
		if !more {
			break
		}
	}
	if a == atom.Link {
		if rel == "canonical" && href != "" && meta.url == "" {
			meta.url = href
		}
		return
	}
	switch name {
	case "og:url":
		if meta.url == "" {
			meta.url = content
		}
	case "contentsource", "source":
		// NOTE: Chinese government sites publish the outlet as
		// <meta name="ContentSource" content="株洲日报">.
		if meta.publisher == "" {
			meta.publisher = content
		}
	default:
		if _, seen := dates[name]; !seen {
			dates[name] = content
		}
	}
}

// isVoid reports whether a is an element without content or end tag.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// collapse collapses the white space of a title.
func collapse(b []byte) string {
	var p paragraphs
	p.write(b)
	p.end()
	return strings.Join(p.list, " ")
}

// knownTags are the HTML elements whose tags mark a JSON text field as
// markup rather than plain text.
var knownTags = map[string]bool{
	"a": true, "article": true, "b": true, "blockquote": true, "br": true, "center": true,
	"code": true, "div": true, "em": true, "figcaption": true, "figure": true, "font": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
	"i": true, "iframe": true, "img": true, "li": true, "ol": true, "p": true, "pre": true,
	"script": true, "section": true, "span": true, "strong": true, "style": true, "sub": true,
	"sup": true, "table": true, "tbody": true, "td": true, "th": true, "tr": true, "u": true,
	"ul": true,
}

// hasMarkup reports whether text holds HTML: a tag of a common element
// (<p>, </div>, <br/>, <a href="…">) or a character reference (&nbsp;, &#12290;). Plain
// text with a stray "<" or "&" (精度<1%, A&B) is not markup.
func hasMarkup(text string) bool {
	// NOTE: two IndexByte scans instead of one loop over every byte: the
	// scans are vectorised, and most texts hold neither character.
	for i := 0; ; i++ {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			break
		}
		i += j
		k := i + 1
		if k < len(text) && text[k] == '/' {
			k++
		}
		e := k
		for e < len(text) && e-k < 10 && isASCIIAlnum(text[e]) {
			e++
		}
		if e > k && e < len(text) && knownTags[strings.ToLower(text[k:e])] && tagCloses(text[e:]) {
			return true
		}
	}
	for i := 0; ; i++ {
		j := strings.IndexByte(text[i:], '&')
		if j < 0 {
			return false
		}
		i += j
		e := i + 1
		for e < len(text) && e-i < 34 && (isASCIIAlnum(text[e]) || text[e] == '#') {
			e++
		}
		if e < len(text) && text[e] == ';' && e > i+1 {
			if ref := text[i : e+1]; html.UnescapeString(ref) != ref {
				return true
			}
		}
	}
}

// tagCloses reports whether s, what follows a tag name, ends the tag: at
// once, or after attributes, with a ">" before any "<" or line break.
func tagCloses(s string) bool {
	switch s[0] {
	case '>':
		return true
	case ' ', '/', '\t':
	default:
		return false
	}
	for i := 1; i < len(s) && i < 1024; i++ {
		switch s[i] {
		case '>':
			return true
		case '<', '\n':
			return false
		}
	}
	return false
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
