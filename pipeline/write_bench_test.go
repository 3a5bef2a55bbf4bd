package pipeline_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	"github.com/newsfacts/newsfacts/extractors/standard"
	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
	"github.com/newsfacts/newsfacts/pipeline"
	"github.com/newsfacts/newsfacts/pipeline/input"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// BenchmarkWriteCorpusRows measures the writing of the rows the standard
// chain makes of the xwlb corpus, alone: the rows are made before the timer
// starts, and each op writes all of them into a new Parquet sink and closes
// it. Unlike output's BenchmarkWriteParquet, whose rows are made up, the
// rows have the real values (empty strings, repeated names, rules). It
// reports MB/s of article text, the CPU time of an op (cpu-s: the
// process's, where the system tells it, so that other jobs on a busy
// machine count less than in the wall-clock time) and of its four encoding
// goroutines (encode-s).
//
//	go test ./pipeline -run '^$' -bench WriteCorpusRows -count 8
func BenchmarkWriteCorpusRows(b *testing.B) {
	chain := corpusChain(b)
	var docs []output.DocRows
	var text int64
	eachCorpusRecord(b, func(rec input.Record) {
		d := pipeline.Extract(rec, pipeline.Options{Chain: chain})
		text += int64(len(d.Article.Text))
		docs = append(docs, d)
	})
	b.SetBytes(text)
	b.ReportAllocs()
	var encode time.Duration
	cpu0, cpuOK := processCPU()
	for b.Loop() {
		s, err := output.Open(output.Options{Dir: b.TempDir(), Format: output.FormatParquet})
		if err != nil {
			b.Fatal(err)
		}
		for i := range docs {
			if err := s.Write(context.Background(), &docs[i]); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		encode += s.(output.Encoder).EncodeTime()
	}
	if cpu1, ok := processCPU(); cpuOK && ok {
		b.ReportMetric((cpu1-cpu0).Seconds()/float64(b.N), "cpu-s")
	}
	b.ReportMetric(encode.Seconds()/float64(b.N), "encode-s")
}

// BenchmarkRowsInto measures the conversion of documents into rows
// (output.RowsInto), alone, on the documents of the xwlb corpus as the
// standard chain leaves them (extracted before the timer starts). It
// reports MB/s of article text.
//
//	go test ./pipeline -run '^$' -bench RowsInto -count 8
func BenchmarkRowsInto(b *testing.B) {
	chain := corpusChain(b)
	var docs []*newsfacts.Doc
	var text int64
	eachCorpusRecord(b, func(rec input.Record) {
		doc := newsfacts.NewDoc(input.Parse(rec, input.ParseOptions{}))
		for _, e := range chain.Extractors() {
			if err := extractors.RunOne(e, doc); err != nil {
				b.Fatal(err)
			}
		}
		text += int64(len(doc.Text))
		docs = append(docs, doc)
	})
	b.SetBytes(text)
	b.ReportAllocs()
	var rows output.DocRows
	for b.Loop() {
		for _, doc := range docs {
			output.RowsInto(&rows, doc)
		}
	}
}

// corpusChain returns the standard chain, skipping b when the shared xwlb
// corpus is absent.
func corpusChain(b *testing.B) *extractors.Chain {
	sharedtest.Require(b, "corpus/xwlb/articles.jsonl")
	chain, err := pipeline.SharedChain(standard.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return chain
}

// eachCorpusRecord calls f with every record of the shared xwlb corpus.
func eachCorpusRecord(b *testing.B, f func(input.Record)) {
	path := sharedtest.Require(b, "corpus/xwlb/articles.jsonl")
	r, err := input.NewReader([]string{path}, input.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	for {
		rec, err := r.Next(context.Background())
		if err == io.EOF {
			return
		}
		if err != nil {
			b.Fatal(err)
		}
		f(rec)
	}
}
