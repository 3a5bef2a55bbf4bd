package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// EChartsVersion is the version of the embedded Apache ECharts
// (assets/SOURCE.md).
const EChartsVersion = "6.1.0"

//go:embed assets/echarts.min.js assets/page.html assets/page.css assets/page.js
var assets embed.FS

func asset(name string) string {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	return string(b)
}

// NOTE: html/template, not a front-end toolchain or a templating library:
// no dependency, and every byte of the page is ours to count. It escapes
// every value by context; the scripts are trusted assets marked
// template.JS, and the data is JSON inside a <script type="application/json">
// whose "<" are escaped by encoding/json, so no text of an article can
// close the script element.
var page = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"pct":   pct,
	"num":   num,
	"inc":   func(i int) int { return i + 1 },
	"empty": func(s string) string { return orDash(s) },
}).Parse(asset("page.html")))

// pageData is what the template sees.
type pageData struct {
	*Model
	Title          string
	CSS            template.CSS
	Data           template.JS
	ECharts        template.JS
	App            template.JS
	EChartsVersion string
	TopPlaces      []Linked
	TopOrgs        []Linked
}

// Write renders the page of m to w.
func Write(w io.Writer, m *Model) error {
	data, err := m.JSON()
	if err != nil {
		return err
	}
	ech := asset("echarts.min.js")
	if strings.Contains(strings.ToLower(ech), "</script") {
		return fmt.Errorf("report: the embedded echarts.min.js holds </script and cannot be inlined")
	}
	pd := pageData{
		Model:          m,
		Title:          m.Source,
		CSS:            template.CSS(asset("page.css")),
		Data:           template.JS(data),
		ECharts:        template.JS(ech),
		App:            template.JS(asset("page.js")),
		EChartsVersion: EChartsVersion,
		TopPlaces:      head(m.Places, m.Limits.TopPlaces),
		TopOrgs:        head(m.Orgs, m.Limits.TopPlaces),
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, pd); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func head[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// pct formats n of total as a percentage with one decimal.
func pct(n, total int) string {
	if total == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", 100*float64(n)/float64(total))
}

// num formats n with thin spaces between thousands.
func num(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
