package output_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/metadata"

	"github.com/newsfacts/newsfacts"
	"github.com/newsfacts/newsfacts/pipeline/output"
)

// TestParquetDictionaryColumns checks the short string columns, which the
// Parquet tables hand to the writer as dictionary arrays where they can:
// in batches with and without an empty value, with stray bytes in two
// values of the same valid form, and with a dictionary larger than a
// dictionary page, compressed and not. The values must read back made
// valid, and every column chunk's minimum and maximum must be those of its
// values ("" included).
func TestParquetDictionaryColumns(t *testing.T) {
	entity := func(doc string, i int, code, name string) output.EntityRow {
		return output.EntityRow{DocID: doc, EntityID: int32(i), Type: "PLACE", Text: name, Start: int32(i), End: int32(i + 1),
			Name: name, Code: code, Method: "gazetteer"}
	}
	article := func(id string) output.ArticleRow {
		return output.ArticleRow{DocID: id, Text: "x", Chars: 1, Status: output.StatusOK, Categories: []string{}, Tags: []string{}}
	}
	// Batch 1: 2,000 distinct names of 600 bytes (1.2 MB), codes without
	// "". Batch 2: codes with "", names with stray bytes.
	var docs []output.DocRows
	d := output.DocRows{Article: article("c")}
	for i := range 2000 {
		d.Entities = append(d.Entities, entity("c", i, "C", fmt.Sprintf("%04d", i)+strings.Repeat("长", 198)))
	}
	docs = append(docs, d)
	d = output.DocRows{Article: article("a")}
	for i, c := range []struct{ code, name string }{{"", "北京"}, {"110000", "北\xff"}, {"", "北\xfe"}, {"310000", "上海"}, {"", "北京"}} {
		d.Entities = append(d.Entities, entity("a", i, c.code, c.name))
	}
	docs = append(docs, d)
	d = output.DocRows{Article: article("b")}
	for i, c := range []string{"Z9", "110000", "Z9", "A1"} {
		d.Entities = append(d.Entities, entity("b", i, c, "名"+c))
	}
	docs = append(docs, d)

	for _, comp := range []string{"zstd", "none"} {
		t.Run(comp, func(t *testing.T) {
			dir := t.TempDir()
			writeDocs(t, output.Options{Dir: dir, Format: output.FormatParquet, Compression: comp, BatchRows: 2000, BatchBytes: 1 << 30}, docs)
			got := readBack(t, dir, output.FormatParquet).Entities
			var want []output.EntityRow
			for _, d := range docs {
				for _, e := range d.Entities {
					e.Text = strings.ToValidUTF8(e.Text, "\uFFFD")
					e.Name = e.Text
					want = append(want, e)
				}
			}
			compareTables(t, &output.Tables{Entities: got}, &output.Tables{Entities: want})

			pf, err := file.OpenParquetFile(filepath.Join(dir, "entities.parquet"), false)
			if err != nil {
				t.Fatal(err)
			}
			defer pf.Close()
			md := pf.MetaData()
			if n := md.NumRowGroups(); n != 2 {
				t.Fatalf("%d row groups; want 2", n)
			}
			off := 0
			for g := range md.NumRowGroups() {
				rg := md.RowGroup(g)
				rows := want[off : off+int(rg.NumRows())]
				off += len(rows)
				for c := range rg.NumColumns() {
					cc, err := rg.ColumnChunk(c)
					if err != nil {
						t.Fatal(err)
					}
					st, err := cc.Statistics()
					if err != nil {
						t.Fatal(err)
					}
					bs, ok := st.(*metadata.ByteArrayStatistics)
					if !ok {
						continue
					}
					name := cc.PathInSchema().String()
					var lo, hi string
					for i, e := range rows {
						v := map[string]string{"doc_id": e.DocID, "type": e.Type, "text": e.Text, "name": e.Name, "code": e.Code,
							"parent": e.Parent, "method": e.Method}[name]
						if i == 0 || v < lo {
							lo = v
						}
						if i == 0 || v > hi {
							hi = v
						}
					}
					if !bs.HasMinMax() || string(bs.Min()) != lo || string(bs.Max()) != hi {
						t.Errorf("row group %d, %s: min, max = %q, %q (set %v); want %q, %q", g, name, bs.Min(), bs.Max(), bs.HasMinMax(), lo, hi)
					}
				}
			}
		})
	}
}

// TestGoColumns checks the columns buffered in Go slices, not Arrow
// builders: int32 and float64 values, and strings without a dictionary
// (metrics.text and subject), with stray bytes, repeats and empty values,
// in every format, and the Parquet statistics of the strings.
func TestGoColumns(t *testing.T) {
	var docs []output.DocRows
	for d, texts := range [][]string{{"", "a\xff", "a\xff", "b"}, {""}, {"x", "\xfe", ""}} {
		doc := output.DocRows{Article: output.ArticleRow{DocID: fmt.Sprint(d), Text: "x", Chars: 1, Status: output.StatusOK,
			Categories: []string{}, Tags: []string{}}}
		for i, s := range texts {
			doc.Metrics = append(doc.Metrics, output.MetricRow{DocID: doc.Article.DocID, MetricID: int32(i), Text: s, Start: int32(-i), End: int32(1 << 20),
				Sentence: int32(i), Subject: strings.Repeat(s, 2), Kind: "quantity", Value: float64(i) - 0.5})
		}
		docs = append(docs, doc)
	}
	var want []output.MetricRow
	for _, d := range docs {
		for _, m := range d.Metrics {
			m.Text = strings.ReplaceAll(strings.ReplaceAll(m.Text, "\xff", "\uFFFD"), "\xfe", "\uFFFD")
			m.Subject = strings.Repeat(m.Text, 2)
			want = append(want, m)
		}
	}
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			// Two batches: the first two documents, then the third.
			writeDocs(t, output.Options{Dir: dir, Format: f, BatchRows: 5}, docs)
			got := readBack(t, dir, f).Metrics
			compareTables(t, &output.Tables{Metrics: got}, &output.Tables{Metrics: want})
		})
	}
	dir := t.TempDir()
	writeDocs(t, output.Options{Dir: dir, Format: output.FormatParquet, BatchRows: 5}, docs)
	pf, err := file.OpenParquetFile(filepath.Join(dir, "metrics.parquet"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	md := pf.MetaData()
	for g, w := range []struct{ lo, hi string }{{"", "b"}, {"", "\uFFFD"}} {
		for c, name := range []string{"text", "subject"} {
			idx := md.Schema.ColumnIndexByName(name)
			cc, err := md.RowGroup(g).ColumnChunk(idx)
			if err != nil {
				t.Fatal(err)
			}
			st, err := cc.Statistics()
			if err != nil {
				t.Fatal(err)
			}
			bs := st.(*metadata.ByteArrayStatistics)
			lo, hi := w.lo, w.hi
			if c == 1 {
				hi = strings.Repeat(hi, 2)
			}
			if !bs.HasMinMax() || string(bs.Min()) != lo || string(bs.Max()) != hi {
				t.Errorf("row group %d, %s: min, max = %q, %q; want %q, %q", g, name, bs.Min(), bs.Max(), lo, hi)
			}
		}
	}
}

// TestRowsIntoOffsets checks the code point offsets and sentences of
// RowsInto, found on from row to row, against Doc.RuneOffset and
// Doc.SentenceOf: spans in text order, behind
// the one before, far ahead, in valid text and in text with stray bytes.
func TestRowsIntoOffsets(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("株洲市a😀，", 200) + strings.Repeat("株洲市。a😀，", 200),
		strings.Repeat("株洲\xff市a😀。", 200),
	} {
		doc := newsfacts.NewDoc(newsfacts.Article{DocID: "d", Text: text})
		var bounds []int
		for i := range text {
			if i%7 == 0 {
				bounds = append(bounds, i)
			}
		}
		for k := 0; k+1 < len(bounds); k += 3 {
			doc.Entities = append(doc.Entities, newsfacts.Entity{Span: newsfacts.Span{Start: bounds[k], End: bounds[k+1]}, Type: newsfacts.PLACE})
		}
		// Behind the one before, and far ahead of it.
		doc.Entities = append(doc.Entities,
			newsfacts.Entity{Span: newsfacts.Span{Start: bounds[2], End: bounds[len(bounds)-1]}, Type: newsfacts.PLACE},
			newsfacts.Entity{Span: newsfacts.Span{Start: bounds[1], End: bounds[3]}, Type: newsfacts.ORG})
		rows := output.RowsOf(doc)
		for i, e := range doc.Entities {
			got := rows.Entities[i]
			if want := [2]int32{int32(doc.RuneOffset(e.Start)), int32(doc.RuneOffset(e.End))}; [2]int32{got.Start, got.End} != want {
				t.Fatalf("valid %v, entity %d [%d, %d): offsets %d, %d; want %v", doc.ValidText(), i, e.Start, e.End, got.Start, got.End, want)
			}
			if want := int32(doc.SentenceOf(e.Start)); got.Sentence != want {
				t.Fatalf("valid %v, entity %d [%d, %d): sentence %d; want %d", doc.ValidText(), i, e.Start, e.End, got.Sentence, want)
			}
		}
	}
}

// TestParquetNullableColumns checks the nullable columns of the tables
// written through the Parquet library's column writers (flatParquetWriter)
// in batches with nulls only, values only, and both, compressed and not:
// the values and nulls must read back as written, and so must the strings
// of a batch whose every value is "".
func TestParquetNullableColumns(t *testing.T) {
	var docs []output.DocRows
	for d, vals := range [][]newsfacts.Opt[float64]{
		{{}, {}},
		{newsfacts.Some(1.5), newsfacts.Some(-2.0)},
		{{}, newsfacts.Some(3.0), {}},
	} {
		doc := output.DocRows{Article: output.ArticleRow{DocID: fmt.Sprint(d), Text: "x", Chars: 1, Status: output.StatusOK,
			Categories: []string{}, Tags: []string{}}}
		for i, v := range vals {
			m := output.MetricRow{DocID: doc.Article.DocID, MetricID: int32(i), Text: "t", Kind: "quantity", Value: 1, FromValue: v, ToValue: v}
			if v.OK {
				m.OrgID = newsfacts.Some(int32(i))
				m.Unit = "个"
			}
			doc.Metrics = append(doc.Metrics, m)
			dr := output.DateRow{DocID: doc.Article.DocID, DateID: int32(i), Text: "d", Granularity: "year"}
			if v.OK {
				dr.FromDate = newsfacts.Some(newsfacts.Day(i))
			}
			doc.Dates = append(doc.Dates, dr)
		}
		docs = append(docs, doc)
	}
	var want output.Tables
	for _, d := range docs {
		want.Metrics = append(want.Metrics, d.Metrics...)
		want.Dates = append(want.Dates, d.Dates...)
	}
	for _, comp := range []string{"zstd", "none"} {
		t.Run(comp, func(t *testing.T) {
			dir := t.TempDir()
			// One document a batch: nulls only, values only, both.
			writeDocs(t, output.Options{Dir: dir, Format: output.FormatParquet, Compression: comp, BatchRows: 1}, docs)
			got := readBack(t, dir, output.FormatParquet)
			compareTables(t, &output.Tables{Metrics: got.Metrics, Dates: got.Dates}, &want)
		})
	}
}
