package nfbeam

import (
	"flag"
	"os"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

var (
	cliOnce sync.Once
	cliPath string
	cliErr  error
)

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return "building the CLI: " + e.err.Error() + "\n" + e.out }

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}
