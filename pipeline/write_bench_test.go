package pipeline_test

import (
	"context"
	"io"
	"testing"

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
// reports MB/s of article text.
//
//	go test ./pipeline -run '^$' -bench WriteCorpusRows -count 8
func BenchmarkWriteCorpusRows(b *testing.B) {
	path := sharedtest.Require(b, "corpus/xwlb/articles.jsonl")
	chain, err := pipeline.SharedChain(standard.Options{})
	if err != nil {
		b.Fatal(err)
	}
	r, err := input.NewReader([]string{path}, input.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []output.DocRows
	var text int64
	for {
		rec, err := r.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		d := pipeline.Extract(rec, pipeline.Options{Chain: chain})
		text += int64(len(d.Article.Text))
		docs = append(docs, d)
	}
	r.Close()
	b.SetBytes(text)
	b.ReportAllocs()
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
	}
}

// BenchmarkRowsInto measures the conversion of documents into rows
// (output.RowsInto), alone, on the documents of the xwlb corpus as the
// standard chain leaves them (extracted before the timer starts). It
// reports MB/s of article text.
//
//	go test ./pipeline -run '^$' -bench RowsInto -count 8
func BenchmarkRowsInto(b *testing.B) {
	path := sharedtest.Require(b, "corpus/xwlb/articles.jsonl")
	chain, err := pipeline.SharedChain(standard.Options{})
	if err != nil {
		b.Fatal(err)
	}
	r, err := input.NewReader([]string{path}, input.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*newsfacts.Doc
	var text int64
	for {
		rec, err := r.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		doc := newsfacts.NewDoc(input.Parse(rec, input.ParseOptions{}))
		for _, e := range chain.Extractors() {
			if err := extractors.RunOne(e, doc); err != nil {
				b.Fatal(err)
			}
		}
		text += int64(len(doc.Text))
		docs = append(docs, doc)
	}
	r.Close()
	b.SetBytes(text)
	b.ReportAllocs()
	var rows output.DocRows
	for b.Loop() {
		for _, doc := range docs {
			output.RowsInto(&rows, doc)
		}
	}
}
