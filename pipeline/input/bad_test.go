package input_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline/input"
)

// badDir holds small hand-made bad inputs.
const badDir = "../../testdata/bad"

// TestBadInputs reads all of testdata/bad in one run: every bad document
// must give an error row saying what is wrong, and the good documents among
// them must still be read.
func TestBadInputs(t *testing.T) {
	type outcome struct {
		err  error  // nil for a good document
		op   string // DocError.Op
		msg  string // part of the message
		text string // part of the text of a good document
	}
	want := map[string]outcome{
		"binary.txt":                {err: newsfacts.ErrBinary, op: "decode"},
		"blank.md":                  {err: newsfacts.ErrEmpty, op: "read"},
		"control-chars.txt":         {err: newsfacts.ErrBinary, op: "decode"},
		"corrupt.md.gz":             {err: newsfacts.ErrSyntax, op: "read", msg: "gzip"},
		"empty.txt":                 {err: newsfacts.ErrEmpty, op: "read"},
		"front-matter-only.md":      {err: newsfacts.ErrEmpty, op: "parse"},
		"gbk.txt":                   {text: "攸县今年一季度规模工业增加值同比增长7.9%。\n全县新开工项目26个"},
		"latin1.txt":                {err: newsfacts.ErrEncoding, op: "decode"},
		"malformed-front-matter.md": {err: newsfacts.ErrSyntax, op: "parse", msg: "[3:8] could not find end character of double-quoted text"},
		"not-object.jsonl:1":        {err: newsfacts.ErrSyntax, op: "parse", msg: "not a JSON object"},
		"not-object.jsonl:2":        {err: newsfacts.ErrSyntax, op: "parse", msg: "not a JSON object"},
		"not-object.jsonl:3":        {err: newsfacts.ErrSyntax, op: "parse", msg: "not a JSON object"},
		"not-object.jsonl:4":        {text: "株洲市新增城镇就业1.1万人。"},
		"not-object.jsonl:5":        {err: newsfacts.ErrSyntax, op: "parse", msg: "id"},
		"not-object.jsonl:6":        {err: newsfacts.ErrSyntax, op: "parse", msg: `JSON field "text" is array`},
		"not-object.jsonl:7":        {err: newsfacts.ErrEmpty, op: "parse"},
		"truncated.jsonl:1":         {text: "攸县今年一季度规模以上工业增加值同比增长7.9%"},
		"truncated.jsonl:2":         {err: newsfacts.ErrSyntax, op: "parse", msg: "unexpected end of JSON input"},
		"truncated.jsonl:3":         {text: "炎陵县黄桃种植面积达到8.2万亩"},
		"truncated.jsonl.gz:1":      {text: "炎陵县黄桃种植面积达到8.2万亩。"},
		"truncated.jsonl.gz:2":      {text: "茶陵县新建高标准农田3.5万亩。"},
		"truncated.jsonl.gz:3":      {err: newsfacts.ErrSyntax, op: "read", msg: "gzip: unexpected EOF"},
		"unclosed-front-matter.md":  {err: newsfacts.ErrSyntax, op: "parse", msg: "no closing"},
		"utf16.txt":                 {err: newsfacts.ErrEncoding, op: "decode", msg: "UTF-16"},
		// unknown.csv is skipped in a walk; see TestUnknownKindNamed.
	}
	r, err := input.NewReader([]string{badDir}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	var seen []string
	for i, a := range arts {
		key := filepath.Base(recs[i].Source)
		if recs[i].Line > 0 {
			key += fmt.Sprintf(":%d", recs[i].Line)
		}
		seen = append(seen, key)
		w, ok := want[key]
		if !ok {
			t.Errorf("%s: unexpected record (Err %v)", key, a.Err)
			continue
		}
		if w.err == nil {
			if a.Err != nil || !strings.Contains(a.Text, w.text) {
				t.Errorf("%s: Err %v, Text %q; want no error and a text with %q", key, a.Err, a.Text, w.text)
			}
			continue
		}
		var de *newsfacts.DocError
		switch {
		case !errors.As(a.Err, &de):
			t.Errorf("%s: Err = %#v, want a *DocError", key, a.Err)
		case !errors.Is(a.Err, w.err) || de.Op != w.op || !strings.Contains(a.Err.Error(), w.msg):
			t.Errorf("%s: Err = %q (op %s); want %v, op %s, with %q", key, a.Err, de.Op, w.err, w.op, w.msg)
		case de.Source != recs[i].Source || de.Line != recs[i].Line:
			t.Errorf("%s: DocError names %s:%d, want %s:%d", key, de.Source, de.Line, recs[i].Source, recs[i].Line)
		}
		if a.DocID == "" || a.Source == "" || a.Text != "" {
			t.Errorf("%s: DocID %q, Source %q, Text %q; want an error row with DocID and Source", key, a.DocID, a.Source, a.Text)
		}
	}
	for key := range want {
		if !slices.Contains(seen, key) {
			t.Errorf("%s: no record", key)
		}
	}
	// Metadata read before the failure is kept.
	for i, a := range arts {
		if filepath.Base(recs[i].Source) == "front-matter-only.md" && a.Title != "只有标题没有正文" {
			t.Errorf("front-matter-only.md: Title = %q, want it kept on the error row", a.Title)
		}
	}
}

func TestUnknownKindNamed(t *testing.T) {
	path := filepath.Join(badDir, "unknown.csv")
	r, err := input.NewReader([]string{path, filepath.Join(badDir, "gbk.txt")}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, arts := readAll(t, r, parseOpts)
	if len(arts) != 2 {
		t.Fatalf("got %d records, want 2", len(arts))
	}
	if !errors.Is(arts[0].Err, input.ErrUnknownKind) || recs[0].Data != nil || arts[0].DocID != "unknown" || arts[0].Source != path {
		t.Errorf("unknown.csv: DocID %q, Source %q, Err %v; want an ErrUnknownKind row", arts[0].DocID, arts[0].Source, arts[0].Err)
	}
	if arts[1].Err != nil {
		t.Errorf("gbk.txt after it: Err = %v", arts[1].Err)
	}
}
