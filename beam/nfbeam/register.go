package nfbeam

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn3x1[context.Context, InputSpec, func(FileRef), error](&matchFn{})
	register.DoFn3x1[context.Context, FileRef, func(string, RawDoc), error](&readFn{})
	register.DoFn4x1[context.Context, string, func(*RawDoc) bool, func(PartFile), error](&extractFn{})
	register.DoFn3x1[context.Context, int, func(*PartFile) bool, error](&commitFn{})
	register.Emitter1[FileRef]()
	register.Emitter2[string, RawDoc]()
	register.Emitter1[PartFile]()
	register.Iter1[RawDoc]()
	register.Iter1[PartFile]()
}
