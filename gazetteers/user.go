package gazetteers

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// UserType is the type of a user gazetteer entry.
type UserType string

// User entry types, as written in the file.
const (
	UserTypeOrg   UserType = "ORG"
	UserTypePlace UserType = "PLACE"
)

// UserEntry is one line of a user gazetteer file.
type UserEntry struct {
	// Name is the surface form to find in texts.
	Name string
	// Type is ORG or PLACE; ORG when the line leaves it out.
	Type UserType
	// Canonical is the canonical name written to the name column; Name
	// when the line leaves it out. For a PLACE, a canonical name that is a
	// known place (长沙市) makes Name an alias of it, with its code and
	// parent.
	Canonical string
	// Line is the 1-based line number in the file.
	Line int
}

// ErrUserSyntax marks a malformed line of a user gazetteer file.
var ErrUserSyntax = errors.New("malformed gazetteer line")

// maxUserName bounds a name, in characters; longer lines are rejected as
// likely not meant as names.
const maxUserName = 64

// ParseUser reads a user gazetteer: one entry per line, as
//
//	name
//	name<TAB>TYPE
//	name<TAB>TYPE<TAB>canonical name
//
// where TYPE is ORG or PLACE (case-insensitive; empty means ORG). Blank
// lines and lines starting with # are skipped; leading and trailing spaces
// of each field are trimmed. file names the input in error messages, which
// have the form "file:line: …" and wrap ErrUserSyntax.
func ParseUser(r io.Reader, file string) ([]UserEntry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var out []UserEntry
	var errs []error
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if line == 1 {
			l = strings.TrimPrefix(l, "\ufeff")
		}
		l = strings.TrimRight(l, "\r")
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' {
			continue
		}
		e, err := parseUserLine(l)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w: %v", file, line, ErrUserSyntax, err))
			if len(errs) >= 10 {
				break
			}
			continue
		}
		e.Line = line
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func parseUserLine(l string) (UserEntry, error) {
	if !utf8.ValidString(l) {
		return UserEntry{}, errors.New("not valid UTF-8")
	}
	f := strings.Split(l, "\t")
	if len(f) > 3 {
		return UserEntry{}, fmt.Errorf("%d tab-separated fields, want at most 3 (name, type, canonical name)", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	e := UserEntry{Name: f[0], Type: UserTypeOrg}
	if e.Name == "" {
		return e, errors.New("empty name")
	}
	if strings.ContainsAny(e.Name, " \u3000") {
		return e, fmt.Errorf("name %q contains a space; separate fields with a tab", e.Name)
	}
	if utf8.RuneCountInString(e.Name) > maxUserName {
		return e, fmt.Errorf("name longer than %d characters", maxUserName)
	}
	if len(f) > 1 && f[1] != "" {
		switch t := UserType(strings.ToUpper(f[1])); t {
		case UserTypeOrg, UserTypePlace:
			e.Type = t
		default:
			return e, fmt.Errorf("unknown type %q, want ORG or PLACE", f[1])
		}
	}
	if len(f) > 2 {
		e.Canonical = f[2]
	}
	return e, nil
}

// LoadUserFile reads a user gazetteer file with ParseUser.
func LoadUserFile(path string) ([]UserEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseUser(f, path)
}
