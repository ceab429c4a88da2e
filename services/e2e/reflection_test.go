package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	reflectionv1 "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/descriptorpb"
)

// TestReflectionComments asks both daemons' server reflection, as grpcurl
// describe does, for their service's file and checks it carries the protos'
// comments: a method's and a field's.
func TestReflectionComments(t *testing.T) {
	s := start(t)
	for _, c := range []struct{ addr, service, message, field string }{
		{s.TallyAddr, "mandate.tally.v1.TallyService", "mandate.tally.v1.SubmitProtocolRequest", "replaces_version"},
		{s.SeatsAddr, "mandate.seats.v1.SeatsService", "mandate.seats.v1.Preset", "reserved_seats_source"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		stream, err := reflectionv1.NewServerReflectionClient(dial(t, c.addr)).ServerReflectionInfo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// The service's file and, as grpcurl does, every file it imports.
		files := new(protoregistry.Files)
		pending := []*reflectionv1.ServerReflectionRequest{{MessageRequest: &reflectionv1.ServerReflectionRequest_FileContainingSymbol{FileContainingSymbol: c.service}}}
		var protos []*descriptorpb.FileDescriptorProto
		seen := map[string]bool{}
		for len(pending) > 0 {
			if err := stream.Send(pending[0]); err != nil {
				t.Fatal(err)
			}
			pending = pending[1:]
			resp, err := stream.Recv()
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range resp.GetFileDescriptorResponse().GetFileDescriptorProto() {
				fd := new(descriptorpb.FileDescriptorProto)
				if err := proto.Unmarshal(b, fd); err != nil {
					t.Fatal(err)
				}
				if seen[fd.GetName()] {
					continue
				}
				seen[fd.GetName()] = true
				protos = append(protos, fd)
				for _, dep := range fd.GetDependency() {
					if !seen[dep] {
						pending = append(pending, &reflectionv1.ServerReflectionRequest{MessageRequest: &reflectionv1.ServerReflectionRequest_FileByFilename{FileByFilename: dep}})
					}
				}
			}
		}
		_ = stream.CloseSend()
		files, err = protodesc.NewFiles(&descriptorpb.FileDescriptorSet{File: protos})
		if err != nil {
			t.Fatalf("%s: the reflected files do not link: %v", c.service, err)
		}
		comment := func(name protoreflect.FullName) string {
			d, err := files.FindDescriptorByName(name)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return strings.TrimSpace(d.ParentFile().SourceLocations().ByDescriptor(d).LeadingComments)
		}
		if comment(protoreflect.FullName(c.service)) == "" {
			t.Errorf("%s: no comment through reflection", c.service)
		}
		if got := comment(protoreflect.FullName(c.message + "." + c.field)); got == "" {
			t.Errorf("%s.%s: no comment through reflection", c.message, c.field)
		}
	}
}
