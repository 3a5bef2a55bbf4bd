package segment

import "github.com/newsfacts/newsfacts"

// SegmentGSE exposes segmentGSE to the tests.
func (g *GSE) SegmentGSE(text string) []newsfacts.Token { return g.segmentGSE(nil, text, 0) }
