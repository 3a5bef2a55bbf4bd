package pipeline

import (
	"errors"
	"sync"
	"testing"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/standard"
	"github.com/newsfacts/newsfacts/pipeline/input"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

func TestSharedChain(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]any, 4)
	for i := range got {
		wg.Go(func() {
			c, err := SharedChain(standard.Options{})
			if err != nil {
				t.Error(err)
			}
			got[i] = c
		})
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] || got[i] == nil {
			t.Fatalf("call %d got another chain", i)
		}
	}
	if _, err := SharedChain(standard.Options{Gazetteer: "no/such/file"}); err == nil {
		t.Error("a missing gazetteer built a chain")
	}
}

func TestExtract(t *testing.T) {
	chain, err := SharedChain(standard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Chain: chain}
	rows := Extract(input.Record{Source: "a.jsonl", Line: 3, Kind: input.KindJSONL, Name: "a", Index: 2,
		Data: []byte(`{"id":"x","date":"2023-05-09","text":"株洲市今年一季度地区生产总值增长4.5%。"}`)}, opts)
	if rows.Article.DocID != "x" || rows.Article.Status == output.StatusError || len(rows.Metrics) == 0 {
		t.Errorf("rows %+v", rows)
	}
	bad := Extract(input.Record{Source: "b.txt", Kind: input.KindText, Name: "b",
		Err: &newsfacts.DocError{Source: "b.txt", Op: "read", Err: errors.New("gone")}}, opts)
	if bad.Article.Status != output.StatusError || bad.Article.Error != "b.txt: read: gone" || bad.Article.DocID != "b" {
		t.Errorf("error rows %+v", bad.Article)
	}
}
