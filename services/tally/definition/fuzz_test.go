package definition_test

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
)

// FuzzValidateProtocol feeds arbitrary counts (and arbitrary line and choice
// keys) to the shipped Russian form: validation never panics, never
// overflows into a wrong verdict, and always answers with warnings or a
// typed error that names fields.
func FuzzValidateProtocol(f *testing.F) {
	c := contestWith(f, "ru-duma-2016-party-list", ruParties...)
	base := ruProtocol()
	keys := make([]string, 0, len(base.Lines)+len(base.Votes))
	for k := range base.Lines {
		keys = append(keys, "l:"+k)
	}
	for k := range base.Votes {
		keys = append(keys, "v:"+k)
	}
	f.Add([]byte{}, "")
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, "unknown_line")
	f.Add([]byte{3, 0, 0, 0, 0, 0, 0, 0, 0x80}, "ER")
	f.Fuzz(func(t *testing.T, data []byte, extra string) {
		s := ruProtocol()
		// Each 9 bytes: which count (mod the keys) and its new value.
		for len(data) >= 9 {
			k := keys[int(data[0])%len(keys)]
			v := int64(binary.LittleEndian.Uint64(data[1:9]))
			if k[0] == 'l' {
				s.Lines[k[2:]] = v
			} else {
				s.Votes[k[2:]] = v
			}
			data = data[9:]
		}
		if extra != "" {
			s.Lines[extra] = 1
		}
		warnings, err := form.ValidateProtocol(c, s)
		if err == nil {
			for _, w := range warnings {
				if w.Severity != form.SeverityWarning {
					t.Fatalf("accepted with a non-warning violation %+v", w)
				}
			}
			// Accepted: the form's equalities hold exactly.
			sum := int64(0)
			for _, v := range s.Votes {
				sum += v
			}
			if sum != s.Lines["valid"] {
				t.Fatalf("accepted although valid %d != sum of votes %d", s.Lines["valid"], sum)
			}
			return
		}
		var ve *form.ValidationError
		var fe *form.FieldError
		if !errors.As(err, &ve) && !errors.As(err, &fe) {
			t.Fatalf("untyped error %T: %v", err, err)
		}
	})
}

// FuzzParseDefinition: any document either loads or is refused with an
// error; never a panic.
func FuzzParseDefinition(f *testing.F) {
	f.Add([]byte("id: x\ndisplay_name: X\ncontests: []\n"))
	f.Add([]byte(`{"id":"town","contests":[{"id":"mayor","kind":"single-winner","form":{"lines":[{"id":"v","roles":["valid"]}],"relations":[{"code":"S","severity":"error","expression":"v = sum(choices)"}]},"choices":[{"id":"a"}]}]}`))
	f.Add([]byte("contests:\n  - form: {relations: [{expression: \"a >= 2*b + -3*(c\"}]}\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		_, _ = definition.Parse(doc)
	})
}
