package segment

import "github.com/newsfacts/newsfacts"

// NOTE: the tests compare with gse's own segmentation and trie, which
// Build otherwise drops.
func init() { keepGSE = true }

// SegmentGSE exposes segmentGSE to the tests.
func (g *GSE) SegmentGSE(text string) []newsfacts.Token { return g.segmentGSE(nil, text, 0) }
