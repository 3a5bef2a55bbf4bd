package newsfacts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// MarshalJSON writes d as "YYYY-MM-DD".
func (d Day) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }

// UnmarshalJSON reads "YYYY-MM-DD".
func (d *Day) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseDay(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON writes null when o is absent, else its value; a time.Time is
// written in RFC 3339 and a Day as "YYYY-MM-DD".
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if !o.OK {
		return []byte("null"), nil
	}
	if t, ok := any(o.V).(time.Time); ok {
		return []byte(`"` + t.Format(time.RFC3339) + `"`), nil
	}
	return json.Marshal(o.V)
}

// UnmarshalJSON reads null as absent, else the value.
func (o *Opt[T]) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*o = Opt[T]{}
		return nil
	}
	if err := json.Unmarshal(b, &o.V); err != nil {
		return fmt.Errorf("optional value: %w", err)
	}
	o.OK = true
	return nil
}
