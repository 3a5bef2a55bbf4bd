package browser

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/newsfacts/newsfacts/internal/shared/sharedtest"
	"github.com/newsfacts/newsfacts/pipeline/report"
)

// newsfacts is the command, built once by TestMain.
var newsfacts string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsfacts-browser-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	newsfacts = filepath.Join(dir, "newsfacts")
	// Built in the main module, whose go.sum has the command's
	// dependencies.
	build := exec.Command("go", "build", "-o", newsfacts, "./cmd/newsfacts")
	build.Dir = filepath.Join("..", "..")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building newsfacts:", err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// chromium returns the browser's path, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NEWSFACTS_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium found: install it (apt-get install -y chromium; .ci/run does) or set NEWSFACTS_CHROMIUM")
	return ""
}

// artifacts returns the folder for screenshots: $NEWSFACTS_ARTIFACTS/name,
// else a temporary folder.
func artifacts(t *testing.T, name string) string {
	t.Helper()
	d := os.Getenv("NEWSFACTS_ARTIFACTS")
	if d == "" {
		return t.TempDir()
	}
	d = filepath.Join(d, name)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// runCmd runs newsfacts with args and fails the test on a non-zero exit.
func runCmd(t *testing.T, args ...string) {
	t.Helper()
	out, err := exec.Command(newsfacts, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("newsfacts %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	t.Logf("newsfacts %s: %s", args[0], strings.TrimSpace(string(out)))
}

// makeReport extracts inputs into a new folder in format and writes its
// report with the given report flags; it returns the folder.
func makeReport(t *testing.T, format string, inputs []string, flags ...string) string {
	t.Helper()
	dir := t.TempDir()
	runCmd(t, append([]string{"extract", "--progress", "never", "--format", format, "-o", dir}, inputs...)...)
	runCmd(t, append(append([]string{"report"}, flags...), dir)...)
	return dir
}

// corpusSample writes the first n lines of the shared xwlb corpus to a
// file, or skips.
func corpusSample(t *testing.T, n int) string {
	t.Helper()
	src := sharedtest.Require(t, "corpus/xwlb/articles.jsonl")
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	p := filepath.Join(t.TempDir(), "sample.jsonl")
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	w := bufio.NewWriter(out)
	for i := 0; i < n && sc.Scan(); i++ {
		w.Write(sc.Bytes())
		w.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out.Close()
	return p
}

// browser is one headless chromium tab with what the page did.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
	problems []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // root in CI
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	b := &browser{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				b.problems = append(b.problems, fmt.Sprintf("console.%s: %s", e.Type, args(e.Args)))
			}
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if x := e.ExceptionDetails.Exception; x != nil {
				msg += " " + x.Description
			}
			b.problems = append(b.problems, "exception: "+msg)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				b.problems = append(b.problems, fmt.Sprintf("log %s: %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
			}
		}
	})
	if err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("enabling the network domain: %v", err)
	}
	return b
}

func args(a []*runtime.RemoteObject) string {
	var s []string
	for _, o := range a {
		if o.Value != nil {
			s = append(s, string(o.Value))
		} else {
			s = append(s, o.Description)
		}
	}
	return strings.Join(s, " ")
}

// open loads the page and waits until its script says it is ready; it
// returns the time to interactive, as the page measured it (from the start
// of navigation to the end of its first rendering).
func (b *browser) open(t *testing.T, page string) time.Duration {
	t.Helper()
	err := chromedp.Do(b.ctx,
		chromedp.Navigate("file://"+page),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)),
	)
	if err != nil {
		t.Fatalf("opening %s: %v", page, err)
	}
	ready, err := chromedp.Run(b.ctx, chromedp.AttributeValue(chromedp.CSS(`body`), "data-ready"))
	if err != nil {
		t.Fatal(err)
	}
	ms, err := strconv.Atoi(ready.Value)
	if err != nil {
		t.Fatalf("data-ready %q", ready.Value)
	}
	return time.Duration(ms) * time.Millisecond
}

// clean fails the test on any console error, exception, error log entry
// or request other than the page itself.
func (b *browser) clean(t *testing.T, page string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("the page logged: %s", p)
	}
	if !slices.Contains(b.requests, "file://"+page) {
		t.Errorf("the request listener did not see the page load: %v", b.requests)
	}
	for _, u := range b.requests {
		if u != "file://"+page {
			t.Errorf("the page made a request: %s", u)
		}
	}
}

func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

func (b *browser) click(t *testing.T, sel string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
}

// chartInfo is what a chart shows: its series names and whether its
// canvas has any painted pixel.
type chartInfo struct {
	Series []string `json:"series"`
	Drawn  bool     `json:"drawn"`
	Points int      `json:"points"`
}

const chartsJS = `(() => {
  const out = {};
  document.querySelectorAll('.chart').forEach(el => {
    const c = echarts.getInstanceByDom(el);
    if (!c) { out[el.id] = null; return; }
    const cv = el.querySelector('canvas');
    let drawn = false;
    if (cv && cv.width > 0 && cv.height > 0) {
      const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) { drawn = true; break; }
    }
    const series = c.getOption().series || [];
    out[el.id] = { series: series.map(s => s.name), drawn,
      points: series.reduce((n, s) => n + (s.data ? s.data.length : 0), 0) };
  });
  return out;
})()`

// factRow is one row of the facts table.
type factRow struct {
	Doc    string `json:"doc"`
	Metric int32  `json:"metric"`
	Place  int    `json:"place"`
	Mark   string `json:"mark"`
	Before string `json:"before"`
	After  string `json:"after"`
}

const factsJS = `Array.from(document.querySelectorAll('#facts tbody tr')).map(tr => {
  const m = tr.querySelector('td.s mark');
  const cell = tr.querySelector('td.s');
  let before = '', after = '', seen = false;
  cell.childNodes.forEach(n => { if (n === m) seen = true; else if (seen) after += n.textContent; else before += n.textContent; });
  return { doc: tr.dataset.doc, metric: +tr.dataset.metric, place: +tr.dataset.place, mark: m ? m.textContent : '', before, after };
})`

// screenshots writes a PNG of each section.
func (b *browser) screenshots(t *testing.T, dir, prefix string, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if err := chromedp.Do(b.ctx, chromedp.ScrollIntoView(chromedp.CSS("#"+id))); err != nil {
			t.Fatalf("scrolling to %s: %v", id, err)
		}
		png, err := chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.CSS("#"+id)))
		if err != nil {
			t.Fatalf("screenshot of %s: %v", id, err)
		}
		p := filepath.Join(dir, prefix+id+".png")
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", p)
	}
}

// checkPage runs every check on the report in dir.
func checkPage(t *testing.T, dir string, shots string) time.Duration {
	d, err := report.Load(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	// The same options as the report the test made.
	m := report.Build(d, report.Options{})
	page, err := filepath.Abs(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	tti := b.open(t, page)
	t.Logf("time to interactive %v", tti)

	// Every chart drew, with the series the model says.
	charts := eval[map[string]*chartInfo](t, b, chartsJS)
	want := map[string][]string{
		"chart-publishers": {"documents"},
		"chart-months":     {"documents", "figures"},
		"chart-rules":      {"figures"},
	}
	for id, names := range want {
		c := charts[id]
		if c == nil {
			t.Errorf("%s: no chart", id)
			continue
		}
		if !slices.Equal(c.Series, names) || !c.Drawn || c.Points == 0 {
			t.Errorf("%s: series %v drawn %v points %d; want %v drawn", id, c.Series, c.Drawn, c.Points, names)
		}
	}
	state := eval[struct {
		Ind  int `json:"ind"`
		Unit int `json:"unit"`
	}](t, b, `({ind: newsfactsReport.state.ind, unit: newsfactsReport.state.unit})`)
	ex := charts["chart-explorer"]
	if ex == nil || !ex.Drawn || ex.Points == 0 {
		t.Fatalf("explorer chart not drawn: %+v", ex)
	}
	names := seriesNames(m, state.Ind, state.Unit, -1)
	for _, s := range ex.Series {
		if !names[s] {
			t.Errorf("explorer series %q is no series of %s in unit %d", s, m.Indicators[state.Ind].Name, state.Unit)
		}
	}
	top := m.Indicators[state.Ind].Units[state.Unit].Series[0]
	if !slices.Contains(ex.Series, seriesName(m, top)) {
		t.Errorf("explorer series %v lack the largest, %q", ex.Series, seriesName(m, top))
	}
	facts := eval[[]factRow](t, b, factsJS)
	checkFacts(t, d, facts)
	b.screenshots(t, shots, "", "overview", "explorer", "places", "quality")

	// Choosing another indicator changes the chart and the table.
	other := -1
	for i, ind := range m.Indicators {
		if i != state.Ind && len(ind.Units) > 0 && len(ind.Units[0].Series) > 0 && len(ind.Facts) > 0 {
			other = i
			break
		}
	}
	if other < 0 {
		t.Fatal("no second indicator to choose")
	}
	b.click(t, fmt.Sprintf(`#ind-list li[data-ind="%d"]`, other))
	charts2 := eval[map[string]*chartInfo](t, b, chartsJS)
	facts2 := eval[[]factRow](t, b, factsJS)
	title := eval[string](t, b, `document.getElementById('ind-title').textContent`)
	if !strings.HasPrefix(title, m.Indicators[other].Name+" — ") {
		t.Errorf("title %q after choosing %q", title, m.Indicators[other].Name)
	}
	if ex2 := charts2["chart-explorer"]; ex2 == nil || !ex2.Drawn || slices.Equal(ex2.Series, ex.Series) && ex2.Points == ex.Points {
		t.Errorf("the chart did not change: %+v then %+v", ex, ex2)
	}
	if len(facts2) != len(m.Indicators[other].Facts) || len(facts2) > 0 && len(facts) > 0 && facts2[0] == facts[0] {
		t.Errorf("the facts table did not change to %d rows of %q", len(m.Indicators[other].Facts), m.Indicators[other].Name)
	}
	checkFacts(t, d, facts2)

	// Clicking a place filters the explorer to it.
	if len(m.Places) > 0 {
		b.click(t, `#places-table button[data-place="0"]`)
		st := eval[struct {
			Place int    `json:"place"`
			Ind   int    `json:"ind"`
			Unit  int    `json:"unit"`
			Chip  string `json:"chip"`
		}](t, b, `({place: newsfactsReport.state.place, ind: newsfactsReport.state.ind, unit: newsfactsReport.state.unit,
			chip: document.getElementById('filter-chip').hidden ? '' : document.getElementById('filter-name').textContent})`)
		if st.Place != 0 || st.Chip != "place: "+m.Places[0].Name {
			t.Errorf("after clicking %s: state %+v", m.Places[0].Name, st)
		}
		if m.Indicators[st.Ind].PlaceN[0] == 0 {
			t.Errorf("the explorer shows %q, which has no figure at %s", m.Indicators[st.Ind].Name, m.Places[0].Name)
		}
		listed := eval[[]int](t, b, `Array.from(document.querySelectorAll('#ind-list li[data-ind]')).map(li => +li.dataset.ind)`)
		for _, i := range listed {
			if m.Indicators[i].PlaceN[0] == 0 {
				t.Errorf("the list offers %q, which has no figure at %s", m.Indicators[i].Name, m.Places[0].Name)
			}
		}
		facts3 := eval[[]factRow](t, b, factsJS)
		if len(facts3) == 0 {
			t.Errorf("no facts at %s", m.Places[0].Name)
		}
		for _, f := range facts3 {
			if f.Place != 0 {
				t.Errorf("fact %s #%d is at place %d, not %s", f.Doc, f.Metric, f.Place, m.Places[0].Name)
			}
		}
		charts3 := eval[map[string]*chartInfo](t, b, chartsJS)
		for _, s := range charts3["chart-explorer"].Series {
			if s != m.Places[0].Name && s != m.Places[0].Name+" · target" {
				t.Errorf("filtered chart has series %q", s)
			}
		}
		b.screenshots(t, shots, "filtered-", "explorer")
	}
	b.clean(t, page)
	return tti
}

// seriesName is the legend name the page gives a series.
func seriesName(m *report.Model, s report.Series) string {
	n := "(no place)"
	if s.Place >= 0 {
		n = m.Places[s.Place].Name
	}
	if s.Target {
		n += " · target"
	}
	return n
}

func seriesNames(m *report.Model, ind, unit, place int) map[string]bool {
	out := map[string]bool{}
	for _, s := range m.Indicators[ind].Units[unit].Series {
		if place < 0 || s.Place == place {
			out[seriesName(m, s)] = true
		}
	}
	return out
}

// checkFacts checks that each row highlights its own figure: the marked
// text is the metric's text, which is articles.text[start:end], and the
// text around the mark is the text around that span.
func checkFacts(t *testing.T, d *report.Data, rows []factRow) {
	t.Helper()
	if len(rows) == 0 {
		t.Error("the facts table is empty")
	}
	type k struct {
		doc string
		id  int32
	}
	metrics := map[k]*report.Metric{}
	for i := range d.Metrics {
		metrics[k{d.Metrics[i].DocID, d.Metrics[i].MetricID}] = &d.Metrics[i]
	}
	texts := map[string]string{}
	for _, a := range d.Articles {
		texts[a.DocID] = a.Text
	}
	for _, r := range rows {
		m := metrics[k{r.Doc, r.Metric}]
		if m == nil {
			t.Errorf("row %s #%d is no metric", r.Doc, r.Metric)
			continue
		}
		text := []rune(texts[r.Doc])
		if r.Mark != m.Text || string(text[m.Start:m.End]) != r.Mark {
			t.Errorf("%s #%d: marked %q, the figure is %q", r.Doc, r.Metric, r.Mark, m.Text)
		}
		before := strings.TrimPrefix(r.Before, "…")
		after := strings.TrimSuffix(r.After, "…")
		if !strings.HasSuffix(string(text[:m.Start]), before) || !strings.HasPrefix(string(text[m.End:]), after) {
			t.Errorf("%s #%d: %q [%q] %q is not the text around the figure", r.Doc, r.Metric, before, r.Mark, after)
		}
	}
}

func TestReportOfSampleArticles(t *testing.T) {
	chromium(t)
	dir := makeReport(t, "jsonl", []string{"../../testdata/articles"})
	checkPage(t, dir, artifacts(t, "articles"))
}

func TestReportOfCorpusSample(t *testing.T) {
	chromium(t)
	in := corpusSample(t, 2000)
	dir := makeReport(t, "parquet", []string{in})
	tti := checkPage(t, dir, artifacts(t, "corpus-sample"))
	if tti > 3*time.Second {
		t.Errorf("time to interactive %v, want at most 3 s", tti)
	}
}

// TestEmptyRun: a run without documents gives a page that says so, with
// no error in the browser.
func TestEmptyRun(t *testing.T) {
	chromium(t)
	// An empty run, as extract writes it: four empty tables and the
	// manifest.
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	runCmd(t, "extract", "--format", "jsonl", "-o", dir, empty)
	runCmd(t, "report", dir)
	page, _ := filepath.Abs(filepath.Join(dir, "report.html"))
	b := newBrowser(t)
	b.open(t, page)
	msg := eval[string](t, b, `document.getElementById('empty-run').textContent`)
	if !strings.Contains(msg, "no documents") {
		t.Errorf("empty run message: %q", msg)
	}
	b.clean(t, page)
}

// TestReportOfWholeCorpus checks the limits of the issue on the whole xwlb
// corpus: a page of at most 8 MB that is interactive within 3 s (the best
// of three loads, as the machine is shared), with every check above.
func TestReportOfWholeCorpus(t *testing.T) {
	chromium(t)
	if testing.Short() {
		t.Skip("-short: the whole corpus takes a while")
	}
	in := sharedtest.Require(t, "corpus/xwlb/articles.jsonl")
	dir := makeReport(t, "parquet", []string{in})
	st, err := os.Stat(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("page size %.2f MB", float64(st.Size())/1e6)
	if st.Size() > 8e6 {
		t.Errorf("page of %d bytes, want at most 8 MB", st.Size())
	}
	best := checkPage(t, dir, artifacts(t, "corpus"))
	page, _ := filepath.Abs(filepath.Join(dir, "report.html"))
	for i := 0; i < 2; i++ {
		b := newBrowser(t)
		tti := b.open(t, page)
		t.Logf("time to interactive %v", tti)
		best = min(best, tti)
		b.clean(t, page)
	}
	t.Logf("best time to interactive %v", best)
	if best > 3*time.Second {
		t.Errorf("time to interactive %v, want at most 3 s", best)
	}
}
