# recsite: `make` installs what is missing, builds in release mode and builds
# the site from data/; `make test` runs every test.
SWIFT ?= swift
RELEASE_BIN := .build/release/recsite
DATA ?= data
SITE ?= site

.PHONY: all deps release site check test spec-check serve bench fuzz clean

all: site

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release --product recsite

site: release
	$(RELEASE_BIN) check --data $(DATA)
	$(RELEASE_BIN) user u1 --data $(DATA)

check: release
	$(RELEASE_BIN) check --data $(DATA)

test: deps
	$(SWIFT) build
	$(SWIFT) test
	tools/spec-check-all.sh .build/debug/recsite

spec-check:
	$(SWIFT) build --product recsite
	tools/spec-check-all.sh .build/debug/recsite

serve: site
	@echo "serving $(SITE)/ at http://127.0.0.1:8000/ (Ctrl-C stops)"
	python3 -m http.server --bind 127.0.0.1 --directory $(SITE) 8000

bench: release
	scripts/bench-quick.sh

# libFuzzer over the CSV reader and cleansing (Fuzz/FuzzCleansing.swift),
# seeded from Tests/Fixtures/bad and data/; FUZZ_SECONDS time-boxes a run.
FUZZ_SECONDS ?= 300
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
