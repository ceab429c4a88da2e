module github.com/mandate-project/mandate/services/e2e

go 1.26.0

toolchain go1.26.8

require (
	github.com/mandate-project/mandate/gen v0.0.0
	github.com/mandate-project/mandate/services/platform v0.0.0
	github.com/mandate-project/mandate/services/seats v0.0.0
	github.com/mandate-project/mandate/services/tally v0.0.0
	golang.org/x/mod v0.42.0
	google.golang.org/grpc v1.85.0
)

require (
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
)

require (
	github.com/grpc-ecosystem/go-grpc-middleware/v2 v2.3.4 // indirect
	github.com/grpc-ecosystem/grpc-gateway/v2 v2.33.0 // indirect
	golang.org/x/net v0.61.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
	google.golang.org/genproto/googleapis/api v0.0.0-20261026165753-2ffab32bce7e // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20261019180522-ce908d29299b
	google.golang.org/protobuf v1.36.12
)

replace github.com/mandate-project/mandate/gen => ../../gen

replace github.com/mandate-project/mandate/services/platform => ../platform

replace github.com/mandate-project/mandate/services/seats => ../seats

replace github.com/mandate-project/mandate/services/tally => ../tally
