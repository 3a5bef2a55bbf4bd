// Command gengaz writes gazetteers/data/places.tsv from the raw division
// sources in the shared folder. It is run by `go generate ./gazetteers/...`:
//
//	gengaz -out data/places.tsv [-src DIR]
//
// Without -src it uses the gazetteers-src folder of the shared folder found
// beside the repository (or $NEWSFACTS_SHARED).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsfacts/newsfacts/gazetteers/internal/gen"
	"github.com/newsfacts/newsfacts/internal/shared"
)

func main() {
	out := flag.String("out", "data/places.tsv", "file to write")
	src := flag.String("src", "", "gazetteers-src folder (default: the shared folder's)")
	flag.Parse()
	if *src == "" {
		*src = shared.Path("gazetteers-src")
		if *src == "" {
			fmt.Fprintf(os.Stderr, "gengaz: shared gazetteers-src folder not found; pass -src or set %s\n", shared.EnvVar)
			os.Exit(1)
		}
	}
	b, err := gen.Places(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gengaz:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gengaz:", err)
		os.Exit(1)
	}
}
