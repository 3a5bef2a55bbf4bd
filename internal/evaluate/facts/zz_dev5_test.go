package facts

import "testing"

func TestZZDev5(t *testing.T) {
	rep, err := Evaluate("testdata/dev5.facts")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", rep.Summary())
	if testing.Verbose() {
		for _, f := range rep.Failures() {
			t.Log(f)
		}
	}
}
