package nist_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/mandate-project/mandate/services/tally/nist"
)

// WriteReport streams the long arrays; its bytes are those of the whole
// report through one indenting encoder, for every shape of report: party
// lists and candidates, summary and precinct-level, names with the
// characters JSON escapes and ones that look like the splice's markers.
func TestWriteReportIsTheWholeEncoding(t *testing.T) {
	odd := small()
	odd.Name = `Odd "names" <&> {[,:]} \ é`
	odd.Contests[0].Choices[0].Name = `[{"@type":"x:0"}]`
	odd.Contests[1].Choices[1].Name = "tab\tnew\nline\u2028"
	odd.Units[1].Name = `North\\"`
	empty := small()
	for i := range empty.Units {
		empty.Units[i].Results = nil
	}
	for name, e := range map[string]nist.Election{
		"small": small(), "kz2012": kz2012(t), "odd names": odd, "no results": empty,
		"summary": summary(),
	} {
		want, err := nist.EncodeWhole(e)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got bytes.Buffer
		if err := nist.WriteReport(&got, e); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: WriteReport differs from the whole encoding:\n%s\nwant\n%s", name, got.Bytes(), want)
		}
	}
}

// The indenter gives json.Indent's bytes however the value is cut into
// pieces.
func FuzzIndent(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `{"a":[]}`, `[{},[],{"b":{}}]`, `"x"`, `12`, `{"a\"{":"[\\\\]","b":[1,2,{"c":null}]}`,
		`{"@type":"E","Election":[{"Contest":[{"ContestSelection":[{"VoteCounts":[{"Count":1}]}]}]}],"GpUnit":[]}`,
	} {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, src []byte, cut uint8) {
		var compact bytes.Buffer
		if json.Compact(&compact, src) != nil {
			return
		}
		c := compact.Bytes()
		var want bytes.Buffer
		if err := json.Indent(&want, c, "", "  "); err != nil {
			t.Fatal(err)
		}
		var pieces [][]byte
		step := int(cut)%7 + 1
		for i := 0; i < len(c); i += step {
			pieces = append(pieces, c[i:min(i+step, len(c))])
		}
		if got := nist.Indent(pieces...); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s in pieces of %d: got\n%s\nwant\n%s", c, step, got, want.Bytes())
		}
	})
}
