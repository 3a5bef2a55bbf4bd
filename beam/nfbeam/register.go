package nfbeam

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn3x1[context.Context, InputSpec, func(FileRef), error](&matchFn{})
	register.DoFn3x1[context.Context, FileRef, func(RawDoc), error](&readFn{})
	register.DoFn1x3[RawDoc, string, []byte, error](&extractFn{})
	register.Function3x1(uniqueFn)
	register.DoFn3x1[context.Context, []byte, func(PartFile), error](&writeFn{})
	register.DoFn3x1[context.Context, int, func(*PartFile) bool, error](&commitFn{})
	register.Emitter1[FileRef]()
	register.Emitter1[RawDoc]()
	register.Emitter1[[]byte]()
	register.Emitter1[PartFile]()
	register.Iter1[[]byte]()
	register.Iter1[PartFile]()
}
