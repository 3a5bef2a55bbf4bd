package org

import (
	"strings"

	"github.com/newsfacts/newsfacts/gazetteers"
	"github.com/newsfacts/newsfacts/internal/runes"
)

// MethodTerm is a body that sits for numbered terms, named with its term
// right before it (issue 10): 第六届全国人大, 九届全国人大常委会, 五届人大常委会.
// The term is part of the name, as written, before the body's canonical
// name (第六届全国人民代表大会).
const MethodTerm = "term"

// termedBodies end the canonical names of the bodies that sit for
// numbered terms: congresses, committees, councils, legislatures.
var termedBodies = []string{"代表大会", "委员会", "人大", "政协", "立法会", "议会", "国会", "理事会", "董事会"}

// termed reports whether the canonical name of a listed organisation or a
// department is that of a body that sits for numbered terms.
func termed(name string) bool {
	for _, s := range termedBodies {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// termNumerals are the characters of a term's number (九届, 第十五届, 第3届).
const termNumerals = "0123456789０１２３４５６７８９〇零一二三四五六七八九十百"

// termNumeralsSet is the set of the characters of termNumerals.
var termNumeralsSet = gazetteers.RuneSetOf(termNumerals)

// termBefore returns the start of a numbered term that ends at i (第六届,
// 九届, 首届), or -1.
//
// NOTE: 两届 and 几届 count terms (连任两届) rather than name one; 本届,
// 上届 and 历届 point at a term without naming it.
func termBefore(text string, i int) int {
	if !strings.HasSuffix(text[:i], "届") {
		return -1
	}
	j := i - len("届")
	if strings.HasSuffix(text[:j], "首") {
		return j - len("首")
	}
	n := 0
	for j > 0 {
		r, size := runes.Last(text[:j])
		if !termNumeralsSet.Has(r) {
			break
		}
		j -= size
		n++
	}
	if n == 0 {
		return -1
	}
	if strings.HasSuffix(text[:j], "第") {
		j -= len("第")
	}
	return j
}
