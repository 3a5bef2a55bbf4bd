package datafile_test

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts/internal/datafile"
)

const sample = "# a comment\n甲\t1\r\n\n  \n乙\t2\t二\n#乙\t3\n丙"

func TestLines(t *testing.T) {
	var got []string
	err := datafile.Lines("x.tsv", sample, func(n int, l string) error {
		got = append(got, fmt.Sprintf("%s@%d", l, n))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"甲\t1@2", "乙\t2\t二@5", "丙@7"}; !slices.Equal(got, want) {
		t.Errorf("Lines gave %q, want %q", got, want)
	}
	bad := errors.New("bad")
	err = datafile.Lines("data/x.tsv", sample, func(n int, l string) error {
		if strings.HasPrefix(l, "乙") {
			return bad
		}
		return nil
	})
	if !errors.Is(err, bad) || err.Error() != "data/x.tsv:5: bad" {
		t.Errorf("Lines error %v, want data/x.tsv:5: bad wrapping the callback's", err)
	}
}

func TestFields(t *testing.T) {
	var got [][]string
	if err := datafile.Fields("x.tsv", sample, 1, func(f []string) error { got = append(got, f); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !slices.Equal(got[1], []string{"乙", "2", "二"}) || !slices.Equal(got[2], []string{"丙"}) {
		t.Errorf("Fields gave %q", got)
	}
	err := datafile.Fields("x.tsv", sample, 2, func([]string) error { return nil })
	if err == nil || !strings.HasPrefix(err.Error(), "x.tsv:7: want 2 tab-separated fields") {
		t.Errorf("Fields with too few fields: %v", err)
	}
	err = datafile.Fields("x.tsv", "\tempty first\n", 1, func([]string) error { return nil })
	if err == nil {
		t.Errorf("Fields accepted an empty first field")
	}
}

func TestSet(t *testing.T) {
	got := slices.Sorted(maps.Keys(datafile.Set("# words\n 城市 \n\n山区\r\n#城镇\n")))
	if want := []string{"城市", "山区"}; !slices.Equal(got, want) {
		t.Errorf("Set = %q, want %q", got, want)
	}
}
