package segment

import (
	"maps"
	"strconv"
	"strings"
	"testing"

	"github.com/newsfacts/newsfacts/internal/datafile"
)

// placeLinesRef is placeLines as it was: a read of every data line.
func placeLinesRef(data string) map[string]float64 {
	out := map[string]float64{}
	_ = datafile.Lines("", data, func(_ int, l string) error {
		w, rest, _ := strings.Cut(l, " ")
		fs, pos, _ := strings.Cut(rest, " ")
		if pos != "ns" {
			return nil
		}
		if f, err := strconv.ParseFloat(fs, 64); err == nil {
			out[w] = f
		}
		return nil
	})
	return out
}

// TestDictPlaces checks that placeLines reads the ns words as a read of
// every line does, on the embedded dictionary and on lines that test its
// edges.
func TestDictPlaces(t *testing.T) {
	for _, data := range []string{
		dictData,
		"# 株洲 1 ns\n株洲 10 ns\r\n长沙 2.5 ns\n湘江 3 nsx\n岳麓 4 n ns\n \n湘潭 1e3 ns\n衡阳 x ns\n 邵阳 7 ns\n益阳 12345678901234567 ns",
		"a 1 ns\n\nb 2 ns",
		" ns",
	} {
		if got, want := placeLines(data), placeLinesRef(data); !maps.Equal(got, want) {
			t.Errorf("placeLines(%.40q…) = %d words, a read of every line %d", data, len(got), len(want))
		}
	}
	if len(dictPlaces()) < 8000 {
		t.Errorf("%d place words in the dictionary, want about 8,600", len(dictPlaces()))
	}
}

// TestParseFreq checks parseFreq against strconv.ParseFloat.
func TestParseFreq(t *testing.T) {
	for _, s := range []string{"0", "1", "97", "007", "123456789012345", "1234567890123456", "9007199254740993", "1.5", "1e3", "", "-1", "x", "+3"} {
		got, gerr := parseFreq(s)
		want, werr := strconv.ParseFloat(s, 64)
		if got != want || (gerr == nil) != (werr == nil) {
			t.Errorf("parseFreq(%q) = %v, %v; ParseFloat: %v, %v", s, got, gerr, want, werr)
		}
	}
}
