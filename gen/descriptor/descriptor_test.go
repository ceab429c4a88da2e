package descriptor_test

import (
	"strings"
	"testing"

	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/mandate-project/mandate/gen/descriptor"
)

// The embedded set has the protos' comments, which is its reason to exist.
func TestCommentsKept(t *testing.T) {
	files, err := descriptor.Files()
	if err != nil {
		t.Fatal(err)
	}
	d, err := files.FindDescriptorByName("mandate.tally.v1.SubmitProtocolRequest")
	if err != nil {
		t.Fatal(err)
	}
	f := d.(protoreflect.MessageDescriptor).Fields().ByName("replaces_version")
	if f == nil {
		t.Fatal("no field replaces_version")
	}
	if c := f.ParentFile().SourceLocations().ByDescriptor(f).LeadingComments; strings.TrimSpace(c) == "" {
		t.Error("field replaces_version has no comment")
	}
}
