package input

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonLine is what newsfacts reads from one JSONL object.
type jsonLine struct {
	// id is a string id, or the literal of a number id; idKind is the JSON
	// type of the id ("string", "number", "" when absent or null, else the
	// type that is not allowed).
	id, idKind                          string
	title, date, url, source, publisher string
	// text, body and content are set when present and a string.
	text, body, content *string
}

// maxJSONDepth is the nesting limit of a JSON value, as in encoding/json.
const maxJSONDepth = 10000

// jsonError is a syntax error in a JSON line.
type jsonError struct {
	msg string
	off int
}

func (e *jsonError) Error() string {
	if e.off < 0 {
		return e.msg
	}
	return fmt.Sprintf("%s at byte %d", e.msg, e.off+1)
}

// jsonTypeError reports a member whose value has the wrong type.
type jsonTypeError struct{ field, got string }

func (e *jsonTypeError) Error() string {
	return fmt.Sprintf("JSON field %q is %s, want a string", e.field, e.got)
}

// decodeJSONLine reads one JSON object in a single pass, validating all of
// it and decoding only the members newsfacts reads. It follows encoding/json
// (which the tests use as its reference): member names match without regard
// to case, the last of duplicate members wins, and an invalid \u surrogate
// becomes U+FFFD. A metadata member (title, date, url, source, publisher)
// that is null or not a string counts as absent, so that a dump with, say,
// "source": {"name": …} still reads; a text member (text, body, content) of
// another type than string or null is a *jsonTypeError, reported only when
// the whole line is valid JSON.
//
// NOTE: written for speed: encoding/json scans a line twice (validation,
// then decoding) and unquotes strings rune by rune, which made it two thirds
// of the cost of reading a JSONL dump.
func decodeJSONLine(b []byte) (jsonLine, error) {
	var out jsonLine
	s := jsonScanner{b: b}
	s.ws()
	if !s.expect('{') {
		return out, s.fail()
	}
	var typeErr error
	s.ws()
	if s.peek() == '}' {
		s.i++
	} else {
		for {
			s.ws()
			key, ok := s.key()
			if !ok {
				return out, s.fail()
			}
			s.ws()
			if !s.expect(':') {
				return out, s.fail()
			}
			s.ws()
			field := jsonField(key)
			switch {
			case field == nil && !bytes.EqualFold(key, []byte("id")):
				if err := s.skip(); err != nil {
					return out, err
				}
			case s.peek() == '"':
				v, ok := s.str()
				if !ok {
					return out, s.fail()
				}
				if field == nil {
					out.id, out.idKind = v, "string"
				} else {
					field.set(&out, v)
				}
			default:
				start := s.i
				if err := s.skip(); err != nil {
					return out, err
				}
				kind := jsonKind(b[start])
				switch {
				case field == nil && kind == "null":
					out.id, out.idKind = "", ""
				case field == nil:
					out.id, out.idKind = string(b[start:s.i]), kind
				default:
					field.clear(&out)
					if kind != "null" && field.isText && typeErr == nil {
						typeErr = &jsonTypeError{field: field.name, got: kind}
					}
				}
			}
			s.ws()
			if s.peek() == ',' {
				s.i++
				continue
			}
			if !s.expect('}') {
				return out, s.fail()
			}
			break
		}
	}
	s.ws()
	if s.i < len(b) {
		return out, &jsonError{fmt.Sprintf("invalid character %q after the object", b[s.i]), s.i}
	}
	return out, typeErr
}

// jsonMember is a member of a JSONL object that newsfacts reads.
type jsonMember struct {
	name   string
	bname  []byte
	isText bool // a text member, which must be a string or null
	set    func(*jsonLine, string)
	clear  func(*jsonLine)
}

func strField(name string, p func(*jsonLine) *string) *jsonMember {
	return &jsonMember{
		name:  name,
		bname: []byte(name),
		set:   func(l *jsonLine, v string) { *p(l) = v },
		clear: func(l *jsonLine) { *p(l) = "" },
	}
}

func ptrField(name string, p func(*jsonLine) **string) *jsonMember {
	return &jsonMember{
		name:   name,
		bname:  []byte(name),
		isText: true,
		set:    func(l *jsonLine, v string) { *p(l) = &v },
		clear:  func(l *jsonLine) { *p(l) = nil },
	}
}

var jsonMembers = []*jsonMember{
	strField("title", func(l *jsonLine) *string { return &l.title }),
	strField("date", func(l *jsonLine) *string { return &l.date }),
	strField("url", func(l *jsonLine) *string { return &l.url }),
	strField("source", func(l *jsonLine) *string { return &l.source }),
	strField("publisher", func(l *jsonLine) *string { return &l.publisher }),
	ptrField("text", func(l *jsonLine) **string { return &l.text }),
	ptrField("body", func(l *jsonLine) **string { return &l.body }),
	ptrField("content", func(l *jsonLine) **string { return &l.content }),
}

// jsonField returns the member named key, or nil (also for "id", which is
// handled apart).
func jsonField(key []byte) *jsonMember {
	for _, m := range jsonMembers {
		// NOTE: bytes.EqualFold folds the way encoding/json matches
		// names ("TITLE", and even "ſource" with a long s, match). A folded
		// name is never shorter than the ASCII name.
		if len(key) >= len(m.name) && bytes.EqualFold(key, m.bname) {
			return m
		}
	}
	return nil
}

// jsonKind names the JSON type of a value from its first byte.
func jsonKind(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	case '"':
		return "string"
	}
	return "number"
}

// jsonScanner reads JSON from b.
type jsonScanner struct {
	b []byte
	i int
}

func (s *jsonScanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *jsonScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jsonScanner) expect(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// fail returns the syntax error at the current position.
func (s *jsonScanner) fail() error {
	if s.i >= len(s.b) {
		return &jsonError{"unexpected end of JSON input", -1}
	}
	return &jsonError{fmt.Sprintf("invalid character %q", s.b[s.i]), s.i}
}

// rawStr reads over a string, validating it, and returns its content
// between the quotes and whether that has escapes.
func (s *jsonScanner) rawStr() (raw []byte, escaped, ok bool) {
	if !s.expect('"') {
		return nil, false, false
	}
	b := s.b
	start := s.i
	for i := start; i < len(b); {
		// NOTE: eight bytes at a time over a run without a quote, a
		// backslash or a control character, which is most of a text:
		// rawStr's instructions on the xwlb corpus −58 % (cachegrind,
		// BenchmarkReadParseJSONL).
		for i+8 <= len(b) {
			m := specialMask(binary.LittleEndian.Uint64(b[i:]))
			if m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		if i >= len(b) {
			break
		}
		switch c := b[i]; {
		case c == '"':
			s.i = i + 1
			return b[start:i], escaped, true
		case c < 0x20:
			s.i = i
			return nil, false, false
		case c != '\\':
			i++
			continue
		}
		escaped = true
		if i+1 >= len(b) {
			break
		}
		switch b[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			if _, ok := hex4(b[i+2:]); !ok {
				s.i = min(i+2, len(b))
				return nil, false, false
			}
			i += 6
		default:
			s.i = i + 1
			return nil, false, false
		}
	}
	s.i = len(b)
	return nil, false, false
}

// ones and highs are masks of eight-byte words (specialMask, looksBinary):
// the byte 01 and the byte 80 in each of its bytes.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// specialMask returns the high bit of each of the eight bytes of w (read
// little endian from a string's content) that is a quote, a backslash or
// a control character (below 0x20), the bytes rawStr stops at, or 0 when
// there is none. Bits above the lowest may be set in error, but the lowest
// is exact: (x - ones) &^ x & highs sets the high bit of a byte that is
// zero, and of a byte above it only through the borrow of a zero byte
// below; likewise (w - 0x20*ones) &^ w for a byte below 0x20.
func specialMask(w uint64) uint64 {
	q := w ^ ('"' * ones)
	bs := w ^ ('\\' * ones)
	return ((q-ones)&^q | (bs-ones)&^bs | (w-0x20*ones)&^w) & highs
}

// str reads a string and returns it unquoted.
func (s *jsonScanner) str() (string, bool) {
	raw, escaped, ok := s.rawStr()
	switch {
	case !ok:
		return "", false
	case !escaped:
		return string(raw), true
	}
	return unescape(raw), true
}

// key reads a member name: a slice of the input unless it has escapes.
func (s *jsonScanner) key() ([]byte, bool) {
	raw, escaped, ok := s.rawStr()
	if ok && escaped {
		raw = []byte(unescape(raw))
	}
	return raw, ok
}

// unescape decodes the escapes of a string that rawStr validated.
func unescape(raw []byte) string {
	var out strings.Builder
	// NOTE: decoding never makes a string longer, so one allocation of
	// len(raw) suffices, and Builder.String does not copy it again.
	out.Grow(len(raw))
	for i := 0; i < len(raw); {
		k := bytes.IndexByte(raw[i:], '\\')
		if k < 0 {
			out.Write(raw[i:])
			break
		}
		j := i + k
		out.Write(raw[i:j])
		i = j + 2
		switch raw[j+1] {
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			r, _ := hex4(raw[j+2:])
			i = j + 6
			if utf16.IsSurrogate(r) {
				// A pair is two escapes; a lone half becomes U+FFFD, and
				// the escape after it is read on its own (as encoding/json
				// does).
				if i+1 < len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
					if r2, ok := hex4(raw[i+2:]); ok {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							out.WriteRune(d)
							i += 6
							continue
						}
					}
				}
				r = utf8.RuneError
			}
			out.WriteRune(r)
		default: // " \ /
			out.WriteByte(raw[j+1])
		}
	}
	return out.String()
}

// hex4 reads four hex digits.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// skip reads over one value, validating it.
func (s *jsonScanner) skip() error {
	var stack []byte // open containers: '{' or '['
	for {
		// A value.
		s.ws()
		switch c := s.peek(); {
		case c == '{' || c == '[':
			if len(stack) >= maxJSONDepth {
				return &jsonError{"exceeded max depth", s.i}
			}
			stack = append(stack, c)
			s.i++
			s.ws()
			if c == '{' && s.peek() == '}' || c == '[' && s.peek() == ']' {
				s.i++
				stack = stack[:len(stack)-1]
				break
			}
			if c == '{' && !s.member() {
				return s.fail()
			}
			continue
		case c == '"':
			if _, _, ok := s.rawStr(); !ok {
				return s.fail()
			}
		case c == 't':
			if !s.word("true") {
				return s.fail()
			}
		case c == 'f':
			if !s.word("false") {
				return s.fail()
			}
		case c == 'n':
			if !s.word("null") {
				return s.fail()
			}
		case c == '-' || c >= '0' && c <= '9':
			if !s.number() {
				return s.fail()
			}
		default:
			return s.fail()
		}
		// After a value: close containers, or go on after a comma.
		for {
			if len(stack) == 0 {
				return nil
			}
			s.ws()
			top, c := stack[len(stack)-1], s.peek()
			if c == ',' {
				s.i++
				if top == '{' && !s.member() {
					return s.fail()
				}
				break
			}
			if top == '{' && c == '}' || top == '[' && c == ']' {
				s.i++
				stack = stack[:len(stack)-1]
				continue
			}
			return s.fail()
		}
	}
}

// member reads an object member's name and colon, inside a skipped value.
func (s *jsonScanner) member() bool {
	s.ws()
	if _, _, ok := s.rawStr(); !ok {
		return false
	}
	s.ws()
	return s.expect(':')
}

func (s *jsonScanner) word(w string) bool {
	for k := 0; k < len(w); k++ {
		if !s.expect(w[k]) {
			return false
		}
	}
	return true
}

// number reads a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *jsonScanner) number() bool {
	s.expect('-')
	digits := func() int {
		n := 0
		for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if !s.expect('0') && digits() == 0 {
		return false
	}
	if s.expect('.') && digits() == 0 {
		return false
	}
	if s.expect('e') || s.expect('E') {
		if !s.expect('+') {
			s.expect('-')
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}
