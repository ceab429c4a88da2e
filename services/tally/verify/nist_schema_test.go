package verify_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestDemoExportNISTValidates: the nist.json of the KZ 2012 demo's export,
// as served by the tally, validates against NIST's ERR v2 JSON schema (the
// copy vendored with its licence in services/tally/nist/testdata).
func TestDemoExportNISTValidates(t *testing.T) {
	d := startDemo(t)
	files := d.export(t)
	_, here, _, _ := runtime.Caller(0)
	f, err := os.Open(filepath.Join(filepath.Dir(here), "..", "nist", "testdata", "NIST_V2_election_results_reporting.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	if err := c.AddResource("nist.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("nist.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(files["nist.json"]))
	if err != nil {
		t.Fatalf("nist.json of the export is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("nist.json of the export does not validate against the NIST schema:\n%v", err)
	}
}
