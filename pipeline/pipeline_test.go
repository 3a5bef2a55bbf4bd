package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/pipeline"
	"github.com/newsfacts/newsfacts/pipeline/input"
	"github.com/newsfacts/newsfacts/pipeline/output"
	"github.com/newsfacts/newsfacts/pipeline/validate"
)

// lines is a Source of JSONL records built from strings.
type lines struct {
	recs     []string
	i        int
	inFlight *atomic.Int64
	failAt   int // return a read error at this index (0: never)
}

func (l *lines) Next(ctx context.Context) (input.Record, error) {
	if l.failAt > 0 && l.i == l.failAt {
		return input.Record{}, errors.New("disk on fire")
	}
	if l.i == len(l.recs) {
		return input.Record{}, io.EOF
	}
	l.i++
	if l.inFlight != nil {
		l.inFlight.Add(1)
	}
	return input.Record{Source: "mem.jsonl", Line: l.i, Kind: input.KindJSONL, Name: "mem", Index: l.i, Data: []byte(l.recs[l.i-1])}, nil
}

func docs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(`{"id":"d%04d","date":"2022-03-29","text":"第%d篇：新增市场主体%d户。"}`, i, i, i)
	}
	return out
}

// slowExtractor marks each doc with a metric and sleeps a varying time so
// that workers finish out of order.
type slowExtractor struct{ panicOn string }

func (slowExtractor) Name() string                 { return "slow" }
func (slowExtractor) Requires() []extractors.Layer { return nil }
func (slowExtractor) Provides() []extractors.Layer { return []extractors.Layer{extractors.Metrics} }
func (s slowExtractor) Extract(d *newsfacts.Doc) error {
	if d.DocID == s.panicOn {
		panic("boom")
	}
	if strings.Contains(d.Text, "失败") {
		return errors.New("refused")
	}
	n := len(d.DocID)
	time.Sleep(time.Duration((int(d.DocID[n-1])*7)%5) * time.Millisecond)
	d.Metrics = append(d.Metrics, newsfacts.Metric{Span: newsfacts.Span{Start: 0, End: 3, Rule: "test"}, Kind: newsfacts.KindNumber})
	return nil
}

// countingSink records the maximum number of documents in flight seen at
// each write.
type countingSink struct {
	validate.Collector
	inFlight *atomic.Int64
	maxSeen  int64
	mu       sync.Mutex
	failAt   int
	writes   int
}

func (c *countingSink) Write(ctx context.Context, r *output.DocRows) error {
	c.mu.Lock()
	c.writes++
	if c.failAt > 0 && c.writes == c.failAt {
		c.mu.Unlock()
		return errors.New("disk full")
	}
	if c.inFlight != nil {
		if v := c.inFlight.Add(-1) + 1; v > c.maxSeen {
			c.maxSeen = v
		}
	}
	c.mu.Unlock()
	return c.Collector.Write(ctx, r)
}

func chain(t *testing.T, e extractors.Extractor) *extractors.Chain {
	t.Helper()
	c, err := extractors.NewChain(e)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRunKeepsOrderAndBoundsMemory(t *testing.T) {
	const n = 500
	var inFlight atomic.Int64
	src := &lines{recs: docs(n), inFlight: &inFlight}
	sink := &countingSink{inFlight: &inFlight}
	st, err := pipeline.Run(context.Background(), src, sink, pipeline.Options{Workers: 4, Window: 8, Chain: chain(t, slowExtractor{})})
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != n || st.Errors != 0 {
		t.Fatalf("stats: got %d docs, %d errors; want %d, 0", st.Docs, st.Errors, n)
	}
	tb := sink.Tables()
	for i, a := range tb.Articles {
		if want := fmt.Sprintf("d%04d", i); a.DocID != want {
			t.Fatalf("row %d: got doc %s, want %s", i, a.DocID, want)
		}
	}
	if len(tb.Metrics) != n {
		t.Errorf("got %d metrics, want %d", len(tb.Metrics), n)
	}
	if sink.maxSeen > 8 {
		t.Errorf("documents in flight: got up to %d, want at most the window of 8", sink.maxSeen)
	}
	var names []string
	for _, s := range st.Stages {
		names = append(names, s.Name)
		if s.Time <= 0 {
			t.Errorf("no time recorded for stage %q", s.Name)
		}
	}
	if got, want := strings.Join(names, " "), "parse extract:slow rows write"; got != want {
		t.Errorf("stages: got %s, want %s", got, want)
	}
}

// TestRunBatches runs windows and worker counts that give batches of one
// to eight documents (a quarter of the window per worker), with a number
// of documents that no batch size divides: every document is written
// once, in order, and the window holds.
func TestRunBatches(t *testing.T) {
	for _, c := range []struct{ workers, window int }{{1, 1}, {1, 4}, {2, 32}, {3, 96}, {2, 64}, {4, 9}} {
		t.Run(fmt.Sprintf("workers=%d,window=%d", c.workers, c.window), func(t *testing.T) {
			const n = 203
			var inFlight atomic.Int64
			src := &lines{recs: docs(n), inFlight: &inFlight}
			sink := &countingSink{inFlight: &inFlight}
			st, err := pipeline.Run(context.Background(), src, sink, pipeline.Options{Workers: c.workers, Window: c.window, Chain: chain(t, slowExtractor{})})
			if err != nil {
				t.Fatal(err)
			}
			if st.Docs != n {
				t.Fatalf("got %d docs, want %d", st.Docs, n)
			}
			for i, a := range sink.Tables().Articles {
				if want := fmt.Sprintf("d%04d", i); a.DocID != want {
					t.Fatalf("row %d: got doc %s, want %s", i, a.DocID, want)
				}
			}
			if sink.maxSeen > int64(c.window) {
				t.Errorf("documents in flight: got up to %d, want at most the window of %d", sink.maxSeen, c.window)
			}
		})
	}
}

func TestRunDocumentErrorsDoNotStopTheRun(t *testing.T) {
	recs := []string{
		`{"id":"ok1","text":"正常"}`,
		`{"id":"bad","text":"这篇会失败"}`,
		`{"id":"trunc","text":"截断`,
		`{"id":"panics","text":"会崩溃"}`,
		`{"id":"ok2","text":"正常"}`,
	}
	var sink validate.Collector
	st, err := pipeline.Run(context.Background(), &lines{recs: recs}, &sink, pipeline.Options{Workers: 2, Chain: chain(t, slowExtractor{panicOn: "panics"})})
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != 5 || st.Errors != 3 {
		t.Fatalf("got %d docs, %d errors; want 5, 3", st.Docs, st.Errors)
	}
	tb := sink.Tables()
	want := []struct{ status, errPart string }{
		{"ok", ""}, {"error", "refused"}, {"error", "mem.jsonl:3"}, {"error", "panicked"}, {"ok", ""},
	}
	for i, w := range want {
		a := tb.Articles[i]
		if a.Status != w.status || !strings.Contains(a.Error, w.errPart) {
			t.Errorf("row %d (%s): got status %q error %q; want %q containing %q", i, a.DocID, a.Status, a.Error, w.status, w.errPart)
		}
	}
	if len(tb.Metrics) != 2 {
		t.Errorf("got %d metrics, want 2 (failed documents keep no rows)", len(tb.Metrics))
	}
}

func TestRunStopsOnSinkError(t *testing.T) {
	sink := &countingSink{failAt: 10}
	_, err := pipeline.Run(context.Background(), &lines{recs: docs(100)}, sink, pipeline.Options{Workers: 2, Chain: chain(t, slowExtractor{})})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v, want the sink's error", err)
	}
}

func TestRunStopsOnReadError(t *testing.T) {
	var sink validate.Collector
	_, err := pipeline.Run(context.Background(), &lines{recs: docs(100), failAt: 20}, &sink, pipeline.Options{Workers: 2})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("got %v, want the read error", err)
	}
}

// blockingSource blocks until its context ends, like a terminal on stdin.
type blockingSource struct{}

func (blockingSource) Next(ctx context.Context) (input.Record, error) {
	<-ctx.Done()
	return input.Record{}, ctx.Err()
}

func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		var sink validate.Collector
		_, err := pipeline.Run(ctx, blockingSource{}, &sink, pipeline.Options{Workers: 2})
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancellation")
	}
}

// nanExtractor writes a metric whose value no table can hold.
type nanExtractor struct{}

func (nanExtractor) Name() string                 { return "nan" }
func (nanExtractor) Requires() []extractors.Layer { return nil }
func (nanExtractor) Provides() []extractors.Layer { return []extractors.Layer{extractors.Metrics} }
func (nanExtractor) Extract(d *newsfacts.Doc) error {
	v := 1.0
	if strings.Contains(d.Text, "NaN") {
		v = math.NaN()
	}
	d.Metrics = append(d.Metrics, newsfacts.Metric{Span: newsfacts.Span{Start: 0, End: 1}, Value: v})
	return nil
}

func TestRunInvalidRowBecomesErrorRow(t *testing.T) {
	dir := t.TempDir()
	sink, err := output.Open(output.Options{Dir: dir, Format: output.FormatJSONL})
	if err != nil {
		t.Fatal(err)
	}
	recs := []string{`{"id":"a","text":"一"}`, `{"id":"b","text":"NaN"}`, `{"id":"c","text":"三"}`}
	st, err := pipeline.Run(context.Background(), &lines{recs: recs}, sink, pipeline.Options{Workers: 2, Chain: chain(t, nanExtractor{})})
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	if st.Docs != 3 || st.Errors != 1 {
		t.Fatalf("got %d docs, %d errors; want 3, 1", st.Docs, st.Errors)
	}
	tb, err := output.ReadJSONL(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := tb.Articles[1]; got.Status != "error" || !strings.Contains(got.Error, "write") {
		t.Errorf("row b: got status %q error %q, want an error row naming the write step", got.Status, got.Error)
	}
	if len(tb.Metrics) != 2 {
		t.Errorf("got %d metrics, want 2", len(tb.Metrics))
	}
}

// TestUniqueDocIDs checks the rule for repeated ids: the first keeps its
// id, later ones get the first free suffix "~2", "~3" …, on every row of
// the document, whatever the number of workers.
func TestUniqueDocIDs(t *testing.T) {
	recs := []string{
		`{"id":"a","text":"新增1户。"}`,
		`{"id":"a","text":"新增2户。"}`,
		`{"id":"a~2","text":"新增3户。"}`,
		`{"id":"a","text":"新增4户。"}`,
		`{"id":"b","text":"新增5户。"}`,
	}
	for _, workers := range []int{1, 3} {
		chain, err := extractors.NewChain(slowExtractor{})
		if err != nil {
			t.Fatal(err)
		}
		var c validate.Collector
		st, err := pipeline.Run(context.Background(), &lines{recs: recs}, &c, pipeline.Options{Workers: workers, Chain: chain})
		if err != nil {
			t.Fatal(err)
		}
		tb := c.Tables()
		var ids, metricIDs []string
		for _, a := range tb.Articles {
			ids = append(ids, a.DocID)
		}
		for _, m := range tb.Metrics {
			metricIDs = append(metricIDs, m.DocID)
		}
		want := "a a~2 a~2~2 a~3 b"
		if got := strings.Join(ids, " "); got != want {
			t.Errorf("workers %d: ids %q, want %q", workers, got, want)
		}
		if got := strings.Join(metricIDs, " "); got != want {
			t.Errorf("workers %d: metric doc ids %q, want %q", workers, got, want)
		}
		if st.Renamed != 3 {
			t.Errorf("workers %d: Renamed = %d, want 3", workers, st.Renamed)
		}
	}
}
