package output

import (
	"sync"

	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// zstdWindow is the window of the zstd encoders of Parquet pages.
//
// NOTE: a page holds about 1 MiB (the writer's data page size), so a
// larger window finds few more matches in it, while an encoder's history
// buffer is twice its window: 16 MiB at zstd's default of 8 MiB. A smaller
// window does not change what a reader gets. (The writer checks a page's
// size after every 1,024 values, so a page of articles.text holds 1,024
// texts: about 2 MB of the xwlb corpus's; at zstd's default window,
// articles.parquet was 0.1 % smaller.)
const zstdWindow = 1 << 20

// zstdCodec compresses Parquet pages with zstd encoders that it keeps for
// the life of the process, one per level per encoding goroutine at most;
// it decodes with the library's own codec.
//
// NOTE: the Parquet library keeps its encoders in a sync.Pool, which every
// garbage collection empties, and a new encoder allocates (and zeroes) a
// 16 MiB history buffer the first time a page exceeds zstd's block size:
// in a run of the xwlb corpus, 160 MB of the 1.5 GB allocated, and about
// 5 % of the CPU time on one core in clearing it.
type zstdCodec struct {
	compress.Codec // the library's codec: decoding, CompressBound

	mu   sync.Mutex
	free map[int][]*zstd.Encoder // idle encoders by level
}

func init() {
	// NOTE: the registry is a plain map that the Parquet library reads
	// without a lock, so the codec is replaced here, at initialisation,
	// before any file is written or read.
	compress.RegisterCodec(compress.Codecs.Zstd, &zstdCodec{
		Codec: mustCodec(compress.Codecs.Zstd),
		free:  make(map[int][]*zstd.Encoder),
	})
}

// mustCodec returns the library's codec c.
func mustCodec(c compress.Compression) compress.Codec {
	codec, err := compress.GetCodec(c)
	if err != nil {
		panic(err)
	}
	return codec
}

// Encode compresses src at zstd's default level.
func (z *zstdCodec) Encode(dst, src []byte) []byte {
	return z.EncodeLevel(dst, src, compress.DefaultCompressionLevel)
}

// EncodeLevel compresses src at level (a zstd level, or
// compress.DefaultCompressionLevel), into dst's storage if it has room.
func (z *zstdCodec) EncodeLevel(dst, src []byte, level int) []byte {
	enc := z.get(level)
	dst = enc.EncodeAll(src, dst[:0])
	z.mu.Lock()
	z.free[level] = append(z.free[level], enc)
	z.mu.Unlock()
	return dst
}

// DecodeWithError decompresses src with the library's codec.
func (z *zstdCodec) DecodeWithError(dst, src []byte) ([]byte, error) {
	return compress.Decode(z.Codec, dst, src)
}

// get returns an idle encoder of level, or a new one. The options but the
// window are those of the Parquet library's codec.
func (z *zstdCodec) get(level int) *zstd.Encoder {
	z.mu.Lock()
	if encs := z.free[level]; len(encs) > 0 {
		enc := encs[len(encs)-1]
		z.free[level] = encs[:len(encs)-1]
		z.mu.Unlock()
		return enc
	}
	z.mu.Unlock()
	l := zstd.SpeedDefault
	if level != compress.DefaultCompressionLevel {
		l = zstd.EncoderLevelFromZstd(level)
	}
	enc, err := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(l),
		zstd.WithEncoderConcurrency(1), zstd.WithAllLitEntropyCompression(true), zstd.WithWindowSize(zstdWindow))
	if err != nil {
		panic(err) // the options are constant and valid
	}
	return enc
}
