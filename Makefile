# Mandate: `make run` starts the whole system with the demo election,
# `make test` runs every check. `make help` lists the rest.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Pinned tool versions, installed into .tools/bin (git-ignored). buf comes
# prebuilt from npm (.ci/install-buf: the lockfile in .ci/buf pins the same
# version and checks its integrity), since compiling it takes most of a cold
# `make test`; without npm, or with BUF_FROM_SOURCE=1, it is built like the
# rest, from source with `go install` through the Go proxy.
BUF_VERSION                := v1.75.0
PROTOC_GEN_GO_VERSION      := v1.36.12
PROTOC_GEN_GO_GRPC_VERSION := v1.6.2
GRPC_GATEWAY_VERSION       := v2.33.0
STATICCHECK_VERSION        := v0.8.2
GRPCURL_VERSION            := v1.9.4
# ghz is only for `make bench`; .ci/bench-tally installs it on first use.
GHZ_VERSION                := v0.121.0

TOOLS   := $(CURDIR)/.tools/bin
STAMPS  := $(CURDIR)/.tools/stamps
BUF     := $(TOOLS)/buf
MODULES := gen services/platform services/seats services/tally services/gateway services/mandatectl services/e2e
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/mandate-project/mandate/services/platform/buildinfo.Version=$(VERSION)
GOTEST_FLAGS ?= -race

define tool
$(STAMPS)/$(1)@$(2):
	@mkdir -p $(TOOLS) $(STAMPS)
	@echo "installing $(3)@$(2)"
	@GOBIN=$(TOOLS) GOFLAGS=-mod=mod go install $(3)@$(2)
	@touch $$@
TOOL_STAMPS += $(STAMPS)/$(1)@$(2)
endef
$(STAMPS)/buf@$(BUF_VERSION):
	@mkdir -p $(TOOLS) $(STAMPS)
	@rc=0; if [ -z "$(BUF_FROM_SOURCE)" ]; then bash .ci/install-buf $(BUF_VERSION) $(TOOLS) || rc=$$?; else rc=3; fi; \
	if [ $$rc = 3 ]; then echo "installing github.com/bufbuild/buf/cmd/buf@$(BUF_VERSION) from source"; \
		GOBIN=$(TOOLS) GOFLAGS=-mod=mod go install github.com/bufbuild/buf/cmd/buf@$(BUF_VERSION); \
	elif [ $$rc != 0 ]; then exit $$rc; fi
	@touch $@
TOOL_STAMPS += $(STAMPS)/buf@$(BUF_VERSION)
$(eval $(call tool,protoc-gen-go,$(PROTOC_GEN_GO_VERSION),google.golang.org/protobuf/cmd/protoc-gen-go))
$(eval $(call tool,protoc-gen-go-grpc,$(PROTOC_GEN_GO_GRPC_VERSION),google.golang.org/grpc/cmd/protoc-gen-go-grpc))
$(eval $(call tool,protoc-gen-grpc-gateway,$(GRPC_GATEWAY_VERSION),github.com/grpc-ecosystem/grpc-gateway/v2/protoc-gen-grpc-gateway))
$(eval $(call tool,protoc-gen-openapiv2,$(GRPC_GATEWAY_VERSION),github.com/grpc-ecosystem/grpc-gateway/v2/protoc-gen-openapiv2))
$(eval $(call tool,staticcheck,$(STATICCHECK_VERSION),honnef.co/go/tools/cmd/staticcheck))
$(eval $(call tool,grpcurl,$(GRPCURL_VERSION),github.com/fullstorydev/grpcurl/cmd/grpcurl))

.PHONY: help
help: ## List the targets.
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: tools
tools: $(TOOL_STAMPS) ## Install the pinned tools into .tools/bin.

.PHONY: gen
gen: tools ## Regenerate gen/ from proto/ from scratch.
	@rm -rf gen/mandate gen/openapi/*.json
	@$(BUF) generate
	@echo "generated into gen/"

.PHONY: gen-check
gen-check: tools ## Fail when gen/ differs from what proto/ generates.
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	$(BUF) generate -o $$tmp; \
	if diff -r $$tmp/gen/mandate gen/mandate && diff -r -x '*.go' $$tmp/gen/openapi gen/openapi; then \
		echo "gen/ matches proto/"; \
	else echo "gen/ is stale: run 'make gen' and commit the result" >&2; exit 1; fi

.PHONY: lint
lint: tools ## buf lint, buf format, go vet and staticcheck on every module.
	@$(BUF) lint
	@$(BUF) format --diff --exit-code
	@unformatted=$$(gofmt -l services gen); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted" >&2; exit 1; fi
	@for m in $(MODULES); do (cd $$m && go vet ./... && $(TOOLS)/staticcheck ./...) || exit 1; done
	@echo "lint clean"

.PHONY: breaking
breaking: tools ## buf breaking against the merge base with main (on main: the previous commit).
	@mkdir -p $(TESTLOG)
	@BUF=$(BUF) bash .ci/breaking $(TESTLOG)/checks.tsv

.PHONY: hygiene
hygiene: ## Every module tidy and building alone (GOWORK=off); one version of each dependency; one toolchain.
	@bash .ci/hygiene $(MODULES)

.PHONY: build
build: ## Build tallyd, seatsd, gatewayd and mandatectl into bin/.
	@mkdir -p bin
	@cd services/tally && go build -ldflags '$(LDFLAGS)' -o ../../bin/tallyd ./cmd/tallyd
	@cd services/seats && go build -ldflags '$(LDFLAGS)' -o ../../bin/seatsd ./cmd/seatsd
	@cd services/gateway && go build -ldflags '$(LDFLAGS)' -o ../../bin/gatewayd ./cmd/gatewayd
	@cd services/mandatectl && go build -ldflags '$(LDFLAGS)' -o ../../bin/mandatectl .
	@echo "built bin/tallyd bin/seatsd bin/gatewayd bin/mandatectl"

# Go tests. Every module's `go test -json` goes through .ci/gotest-report,
# which prints what go test prints without -v and records each test's
# outcome under $(TESTLOG); the modules run side by side (TEST_JOBS). Tests
# too slow for the race detector (testsupport.SkipSlow) skip there and run
# again without it, listed in SLOW_TESTS as module:packages:pattern. At the
# end .ci/skips lists every test that skipped and never ran, with why.
TESTLOG    := $(CURDIR)/var/test
TEST_JOBS  ?= 2
SLOW_TESTS := services/tally:./importer:^TestImportRU2016
UNIT_TARGETS := $(addprefix unit/,$(MODULES))

.PHONY: unit slow skips $(UNIT_TARGETS)
unit: ## Run every module's Go tests (GOTEST_FLAGS, default -race), then the slow ones without -race.
	@mkdir -p $(TESTLOG) && rm -f $(foreach m,$(MODULES),$(TESTLOG)/$(subst /,-,$(m)).tsv) $(TESTLOG)/slow.tsv
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target $(UNIT_TARGETS)
	@$(MAKE) --no-print-directory slow
	@$(if $(SKIPS_AT_END),,python3 .ci/skips $(TESTLOG))

$(UNIT_TARGETS): unit/%:
	@echo "== go test $*"
	@cd $* && go test -json $(GOTEST_FLAGS) ./... | python3 $(CURDIR)/.ci/gotest-report $(TESTLOG)/$(subst /,-,$*).tsv

slow: ## The slow real-data tests (SLOW_TESTS), without the race detector.
	@mkdir -p $(TESTLOG)
	@for s in $(SLOW_TESTS); do IFS=: read -r m p r <<<"$$s"; echo "== go test $$m $$p -run '$$r' (no -race)"; \
		(cd $$m && go test -json -run "$$r" $$p | python3 $(CURDIR)/.ci/gotest-report $(TESTLOG)/slow.tsv) || exit 1; done

skips: ## List the tests the last make test/unit skipped, with why.
	@python3 .ci/skips $(TESTLOG)

FUZZTIME ?= 2m
.PHONY: fuzz fuzz-smoke
# The smoke run counts executions instead of seconds: with a duration, Go
# before 1.27 can report a spurious "context deadline exceeded" when a worker
# is busy as the time runs out (go.dev/issue/75804), which a loaded CI
# machine hits now and then.
fuzz-smoke: ## Every fuzz target for 3,000 executions (what make test runs).
	@$(MAKE) --no-print-directory fuzz FUZZTIME=3000x

fuzz: ## Run every fuzz target for FUZZTIME each (default 2m; crashers land in testdata/fuzz).
	@cd services/seats && go test -run XXX -fuzz '^FuzzApportion$$' -fuzztime $(FUZZTIME) ./apportion
	@cd services/seats && go test -run XXX -fuzz '^FuzzApportionRequest$$' -fuzztime $(FUZZTIME) ./internal/seatsapi
	@cd services/seats && go test -run XXX -fuzz '^FuzzChamber$$' -fuzztime $(FUZZTIME) ./apportion/districts
	@cd services/seats && go test -run XXX -fuzz '^FuzzApportionChamberRequest$$' -fuzztime $(FUZZTIME) ./internal/seatsapi
	@cd services/tally && go test -run XXX -fuzz '^FuzzValidateProtocol$$' -fuzztime $(FUZZTIME) ./definition
	@cd services/tally && go test -run XXX -fuzz '^FuzzParseDefinition$$' -fuzztime $(FUZZTIME) ./definition
	@cd services/tally && go test -run XXX -fuzz '^FuzzImportCSV$$' -fuzztime $(FUZZTIME) ./importer
	@cd services/gateway && go test -run XXX -fuzz '^FuzzJSONBodies$$' -fuzztime $(FUZZTIME) ./internal/gateway

.PHONY: soak
soak: ## Crash test: kill -9 tallyd under load 50 times, on SQLite and PostgreSQL.
	@cd services/tally/crashtest && MANDATE_CRASH_CYCLES=50 MANDATE_CRASH_STATIONS=60000 MANDATE_CRASH_STORE=sqlite \
		go test -count=1 -timeout 60m -run '^TestCrashRecovery$$'
	@if [ -n "$${MANDATE_TEST_POSTGRES_URL:-}" ]; then \
		cd services/tally/crashtest && MANDATE_CRASH_CYCLES=50 MANDATE_CRASH_STATIONS=60000 MANDATE_CRASH_STORE=postgres \
		go test -count=1 -timeout 60m -run '^TestCrashRecovery$$'; \
	else echo "soak: PostgreSQL skipped, MANDATE_TEST_POSTGRES_URL is not set"; fi

.PHONY: readme-test
readme-test: build tools ## Run the README's examples against a running system.
	@PATH="$(TOOLS):$$PATH" bash .ci/readme-examples

.PHONY: test test-log-reset
test-log-reset:
	@rm -rf $(TESTLOG) && mkdir -p $(TESTLOG)

test: SKIPS_AT_END := 1
test: test-log-reset lint gen-check hygiene unit breaking fuzz-smoke readme-test ## Lint, drift and hygiene checks, all tests, buf breaking, short fuzzing, README examples.
	@python3 .ci/skips $(TESTLOG)
	@echo "make test: all checks passed"

.PHONY: bench
bench: ## Tally load test: durable vs front and bare no-op submits, reads under ingest (beside their floor on a saturated machine, and from a replica), RU 2016 import.
	@GHZ_VERSION=$(GHZ_VERSION) bash .ci/bench-tally

.PHONY: bench-scale
bench-scale: tools ## 1 M stations (RU 2016 rows replicated) through tallyd: import time, RSS, restart, bytes per station, exact totals.
	@bash .ci/bench-scale

.PHONY: run
run: build ## Start tally, seats and gateway with the demo election (Ctrl-C stops).
	@bash .ci/run-local

.PHONY: screenshot
screenshot: build ## Redraw docs/img/live-page.png from a fresh demo run (needs Chromium).
	@bash .ci/screenshot docs/img/live-page.png

.PHONY: clean
clean: ## Remove bin/ and var/ (the local demo store).
	@rm -rf bin var

# The API reference page's viewer: npm's swagger-ui-dist at a pinned version,
# vendored unmodified (only the files /docs loads, with the licence).
SWAGGER_UI_VERSION := 5.35.0
SWAGGER_UI_DIR     := services/gateway/internal/gateway/docs/swagger-ui-dist
SWAGGER_UI_FILES   := LICENSE NOTICE package.json swagger-ui-bundle.js swagger-ui-bundle.js.LICENSE.txt swagger-ui.css

.PHONY: docs-viewer
docs-viewer: ## Vendor swagger-ui-dist@SWAGGER_UI_VERSION from npm for /docs.
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	(cd $$tmp && npm pack --silent swagger-ui-dist@$(SWAGGER_UI_VERSION) >/dev/null && tar xzf swagger-ui-dist-$(SWAGGER_UI_VERSION).tgz); \
	rm -rf $(SWAGGER_UI_DIR) && mkdir -p $(SWAGGER_UI_DIR); \
	for f in $(SWAGGER_UI_FILES); do cp $$tmp/package/$$f $(SWAGGER_UI_DIR)/; done; \
	(cd $(SWAGGER_UI_DIR) && sha256sum $(SWAGGER_UI_FILES)) > $(SWAGGER_UI_DIR)/../swagger-ui-dist.sha256; \
	echo "vendored swagger-ui-dist@$(SWAGGER_UI_VERSION) into $(SWAGGER_UI_DIR)"

# Generated beside buf.gen.yaml's output (.ci/gen-clients says what and how):
# the descriptor set with comments for server reflection, the Python package
# (gen/python) and the TypeScript/Node package (gen/ts). `make gen` and
# `make gen-check` include them.
GEN_CLIENT_DIRS := gen/descriptor gen/python/mandate gen/python/google gen/ts/types gen/ts/proto

gen: gen-clients
gen-check: gen-clients-check

.PHONY: gen-clients gen-clients-check
gen-clients: tools ## Regenerate gen/descriptor, gen/python and gen/ts from proto/.
	@BUF=$(BUF) bash .ci/gen-clients $(CURDIR)
	@echo "generated gen/descriptor, gen/python, gen/ts"

# Without Debian's protoc, grpc_python_plugin or npm the client packages
# cannot be regenerated: on a user's machine the check is skipped and listed
# by the skip summary; where the clients are required (CI) it fails.
gen-clients-check: tools ## Fail when gen/descriptor, gen/python or gen/ts differ from what proto/ generates.
	@missing=""; for t in protoc grpc_python_plugin node npm; do command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$${CI:-}" = true ] || [ "$${MANDATE_TEST_CLIENTS:-}" = required ]; then \
			echo "gen-clients-check:$$missing missing (apt-get install -y protobuf-compiler protobuf-compiler-grpc nodejs npm)" >&2; exit 1; fi; \
		why="client packages not checked:$$missing missing (apt-get install -y protobuf-compiler protobuf-compiler-grpc nodejs npm)"; \
		echo "gen-clients-check: skipped, $$why"; mkdir -p $(TESTLOG); \
		printf 'make\tgen-clients-check\tskip\t%s\n' "$$why" >$(TESTLOG)/make-gen-clients.tsv; exit 0; fi; \
	tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	BUF=$(BUF) bash .ci/gen-clients $$tmp; \
	for d in $(GEN_CLIENT_DIRS); do \
		diff -r -x '*.go' -x '*_test.go' $$tmp/$$d $$d || { echo "$$d is stale: run 'make gen' and commit the result" >&2; exit 1; }; \
	done; echo "gen/descriptor, gen/python, gen/ts match proto/"
	@if command -v npm >/dev/null; then cd gen/ts && npm run --silent typecheck && echo "gen/ts type-checks (typecheck.ts)"; fi
