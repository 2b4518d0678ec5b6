# bloc — build, test and benchmark. `make test` is the test command CI runs.
BLOC_DATA ?= $(abspath ../shared/data)
export BLOC_DATA
FUZZTIME ?= 10000x
GO ?= go

.PHONY: build test vet unit fuzz bench explain
build:
	$(GO) build -o bin/bloc ./cmd/bloc

# The whole suite: vet, unit and integration tests (on the real data in
# $(BLOC_DATA)), then every fuzz target for $(FUZZTIME) inputs (a count, not a
# duration: a deadline that falls during minimisation fails the run).
test: vet unit fuzz

vet:
	$(GO) vet ./...

# Integration tests share one store imported here (internal/teststore).
unit: build
	@store="$${BLOC_STORE:-$$(mktemp -d)/store.duckdb}"; \
	bin/bloc --quiet --store "$$store" data import "$(BLOC_DATA)" && \
	BLOC_STORE="$$store" $(GO) test -count=1 -timeout 30m ./...

# Each parser's fuzz target runs for a short, fixed time.
FUZZ_TARGETS = \
	./datasets:FuzzReader \
	./datasets:FuzzManifest \
	./registry:FuzzResolve \
	./similarity:FuzzS \
	./similarity:FuzzKappa \
	./casefile:FuzzParse \
	./evidence:FuzzParseLedger \
	./whatif:FuzzParseSet \
	./events:FuzzParseICEWS \
	./events:FuzzParseGDELT \
	./events:FuzzParseCSV \
	./events:FuzzOpenFile \
	./events:FuzzParseArgs \
	./events:FuzzSynth \
	./clickhouse:FuzzParseDSN \
	./httpapi:FuzzQuery \
	.:FuzzRender \
	./internal/parquetw:FuzzRoundTrip
fuzz:
	@for t in $(FUZZ_TARGETS) $(EXTRA_FUZZ); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
		$(GO) test -run='^$$' -fuzz="^$$name$$" -fuzztime=$(FUZZTIME) $$pkg || \
		{ echo "retrying $$name once (a crasher found above is now in testdata/fuzz and fails again)"; \
		  $(GO) test -run='^$$' -fuzz="^$$name$$" -fuzztime=$(FUZZTIME) $$pkg; } || exit 1; \
	done

bench: build
	bash bench/import.sh

explain: build
	bin/bloc --data $(BLOC_DATA) explain IRN RUS
