package date

// Exported for the black-box tests of the private numeral helper.

// ParseCNum returns the arithmetic and digit-by-digit readings of a run of
// Chinese numerals.
func ParseCNum(s string) (arith int, arithOK bool, digits int, digitsOK bool) {
	c := parseCNum(s)
	return c.arith, c.arithOK, c.digits, c.digOK
}
