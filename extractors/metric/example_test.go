package metric_test

import (
	"fmt"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/extractors/metric"
)

func Example() {
	x, err := metric.New()
	if err != nil {
		panic(err)
	}
	doc := newsfacts.NewDoc(newsfacts.Article{Text: "该区已组建企业微信群111个，审批提速80%以上。"})
	if err := x.Extract(doc); err != nil {
		panic(err)
	}
	for _, m := range doc.Metrics {
		fmt.Printf("%s: %v %s %s %s subject=%s kind=%s rule=%q\n",
			doc.SpanText(m.Span), m.Value, m.Unit, m.Qualifier, m.Direction, m.Subject, m.Kind, m.Rule)
	}
	// Output:
	// 111个: 111 个   subject=企业微信群 kind=quantity rule="count: N个"
	// 提速80%以上: 80 % over up subject=审批 kind=change rule="change: 增长N"
}

func ExampleExtractor_Find() {
	x, _ := metric.New()
	for _, c := range x.Find("办理时限从26个工作日缩减至5个工作日以内") {
		m, _ := x.Resolve(c)
		fmt.Printf("%s → %v %s, from %v to %v, %s\n", c.Text, m.Value, m.Unit, m.From.V, m.To.V, m.Direction)
	}
	// Output:
	// 从26个工作日缩减至5个工作日以内 → 5 工作日, from 26 to 5, down
}
