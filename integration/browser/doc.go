// Package browser holds the tests that open newsfacts report pages in a
// real browser (Debian's chromium, driven with chromedp). It is a separate
// module so that the main module does not depend on chromedp.
//
//	cd integration/browser && go test -mod=mod -count=1 ./...
//
// The tests skip when no chromium is installed (set NEWSFACTS_CHROMIUM to
// its path to use another), and the corpus tests skip without the shared
// folder. Screenshots of each section go to $NEWSFACTS_ARTIFACTS when set,
// else to a temporary folder.
package browser
