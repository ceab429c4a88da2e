// Package descriptor embeds the descriptors of proto/ with their comments, so
// the daemons' server reflection can document every method and field
// (`grpcurl describe`). The generated Go code's descriptors carry no source
// info; this set, built by `buf build` (make gen), does. The .binpb beside
// this file is generated; this file is not.
package descriptor

import (
	_ "embed"
	"fmt"
	"sync"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/descriptorpb"
)

// Set is the FileDescriptorSet of Mandate's protos and everything they
// import, with source code info.
//
//go:embed mandate.binpb
var Set []byte

var (
	once  sync.Once
	files *protoregistry.Files
	err   error
)

// Files returns the set as a registry, parsed once.
func Files() (*protoregistry.Files, error) {
	once.Do(func() {
		var set descriptorpb.FileDescriptorSet
		if err = proto.Unmarshal(Set, &set); err != nil {
			err = fmt.Errorf("descriptor set: %w", err)
			return
		}
		files, err = protodesc.NewFiles(&set)
		if err != nil {
			err = fmt.Errorf("descriptor set: %w", err)
		}
	})
	return files, err
}

// Resolver is Files for server reflection, or nil (the generated code's
// registry, without comments) in the impossible case that the embedded set
// does not parse, which TestCommentsKept rules out.
func Resolver() protodesc.Resolver {
	f, err := Files()
	if err != nil {
		return nil
	}
	return f
}
