package link

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBreaks checks the byte scan of textMarks.find against decoding every rune,
// on valid and broken UTF-8.
func TestBreaks(t *testing.T) {
	decoded := func(text string, isBreak func(rune) bool) marks {
		m := marks{0}
		for i, r := range text {
			if isBreak(r) {
				m = append(m, i+utf8.RuneLen(r))
			}
		}
		return m
	}
	isPara := func(r rune) bool { return r == '\n' }
	isClause := func(r rune) bool {
		switch r {
		case '，', ',', '；', ';', '：', ':':
			return true
		}
		return false
	}
	for _, text := range []string{
		"",
		"，",
		"全年，地区生产总值增长5%；其中：\n工业,服务业;农业:x",
		"末尾，",
		"\xef\xbc",         // a cut ，
		"\xe3\xef\xbc\x8c", // a lead byte before ，
		"\xef\xbc\xef\xbc\x8c\n\xbc\x8c,",
		"（一）。！？、“”",
	} {
		var tm textMarks
		tm.find(text)
		paras, clauses := tm.paras, tm.clauses
		if want := decoded(text, isPara); !slices.Equal(paras, want) {
			t.Errorf("find(%q) paragraphs = %v, want %v", text, paras, want)
		}
		if want := decoded(text, isClause); !slices.Equal(clauses, want) {
			t.Errorf("find(%q) clauses = %v, want %v", text, clauses, want)
		}
	}
}

// TestAnaphorsIn checks anaphorsIn against a search for each anaphor.
func TestAnaphorsIn(t *testing.T) {
	for k, a := range anaphors {
		if a != anaphorHeads[k/len(anaphorLevels)]+anaphorLevels[k%len(anaphorLevels)] {
			t.Fatalf("anaphors[%d] = %s: not in head, level order", k, a)
		}
	}
	for _, s := range []string{"", "该区", "全市经济总量，本县和该省", "全国全民全面该项本地区", "该区全", "x该市x全\xe5\x85", "本镇本镇全省", "\xe5该区\xe8全\xe5\x85\xa8市分别"} {
		var tm textMarks
		tm.find(s)
		l := layout{anaphors: tm.anaphors}
		// Every window of s, as linkPlace asks for the sentence before a
		// figure.
		for from := 0; from <= len(s); from++ {
			for to := from; to <= len(s); to++ {
				var want uint32
				for k, a := range anaphors {
					if strings.Contains(s[from:to], a) {
						want |= 1 << k
					}
				}
				if got := l.anaphorsIn(from, to); got != want {
					t.Errorf("anaphorsIn(%q) = %b, want %b", s[from:to], got, want)
				}
			}
		}
		var fenbie marks
		for i := 0; i+len("分别") <= len(s); i++ {
			if strings.HasPrefix(s[i:], "分别") {
				fenbie = append(fenbie, i)
			}
		}
		if !slices.Equal(tm.fenbie, fenbie) {
			t.Errorf("find(%q): 分别 at %v, want %v", s, tm.fenbie, fenbie)
		}
	}
}
