// Command gensegdict writes extractors/segment/data/dict.txt, the trimmed
// gse dictionary. It is run by `go generate ./extractors/segment/...`:
//
//	gensegdict -out data/dict.txt [-src s_1.txt]
//
// Without -src it finds gse's dictionary in the module cache.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsfacts/newsfacts/extractors/segment/internal/gen"
)

func main() {
	out := flag.String("out", "data/dict.txt", "file to write")
	src := flag.String("src", "", "gse's data/dict/zh/s_1.txt (default: from the module cache)")
	flag.Parse()
	if *src == "" {
		p, err := gen.SourcePath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "gensegdict:", err)
			os.Exit(1)
		}
		*src = p
	}
	b, err := gen.Dict(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensegdict:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gensegdict:", err)
		os.Exit(1)
	}
}
