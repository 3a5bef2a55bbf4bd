package output_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// Open a sink, write the rows of a document and close it: the four files
// appear in the folder only then.
func ExampleOpen() {
	dir, err := os.MkdirTemp("", "newsfacts-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	text := "去年，该区新增企业微信群111个。"
	doc := newsfacts.NewDoc(newsfacts.Article{
		DocID: "example#1",
		Date:  newsfacts.Some(newsfacts.DayOf(2022, 3, 29)),
		Text:  text,
	})
	figure := "新增企业微信群111个"
	start := strings.Index(text, figure) // a byte offset, as extractors produce
	doc.Metrics = []newsfacts.Metric{{
		Span: newsfacts.Span{Start: start, End: start + len(figure), Rule: "quantity: N个"},
		Kind: newsfacts.KindQuantity, Subject: "企业微信群", Value: 111, Unit: "个",
	}}
	rows := output.RowsOf(doc)

	sink, err := output.Open(output.Options{Dir: dir, Format: output.FormatJSONL})
	if err != nil {
		log.Fatal(err)
	}
	if err := sink.Write(context.Background(), &rows); err != nil {
		sink.Abort()
		log.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", sink.Counts())
	b, err := os.ReadFile(filepath.Join(dir, "metrics.jsonl"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(b))
	// Output:
	// {Articles:1 Entities:0 Metrics:1 Dates:0}
	// {"doc_id":"example#1","metric_id":0,"text":"新增企业微信群111个","start":5,"end":16,"sentence":0,"subject":"企业微信群","kind":"quantity","value":111,"unit":"个","qualifier":"","direction":"","from_value":null,"to_value":null,"baseline":"","org_id":null,"place_id":null,"date_id":null,"rule":"quantity: N个","indicator":"","target":false,"subject_rule":"","link_rule":""}
}
