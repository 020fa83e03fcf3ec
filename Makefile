# recsite: `make` installs what is missing, builds in release mode and builds
# the site from data/; `make test` runs every test.
SWIFT ?= swift
RELEASE_BIN := .build/release/recsite
DATA ?= data
SITE ?= site
# The committed site includes the offline evaluation page.
BUILD_FLAGS ?= --evaluate

.PHONY: all deps release serve-build install uninstall site check test test-bench test-browser browser-venv spec-check serve bench-serve bench-serve-deps bench bench-large bench-engine bench-report bench-deps bench-venv spark-venv spark-build test-spark bench-spark fuzz clean

all: site

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release --product recsite

# The HTTP server (`recsite serve`, docs/serving.md) is the separate binary
# recsite-serve, so the plain CLI links no Hummingbird or SwiftNIO.
SERVE_BIN := .build/release/recsite-serve

serve-build: deps
	$(SWIFT) build -c release --product recsite-serve

site: release
	$(RELEASE_BIN) build --data $(DATA) --out $(SITE) $(BUILD_FLAGS)

# make install: the binaries (recsite, recsite-serve) to $(PREFIX)/bin and the default templates (with
# their assets) to $(PREFIX)/share/recsite/templates, where an installed
# recsite finds them from any folder (docs: README, "Installing").
# PREFIX=$$HOME/.local needs no root; DESTDIR stages a package. INSTALL_BIN
# picks another build (make test installs its debug build); recsite-serve
# is taken from the same folder.
PREFIX ?= /usr/local
INSTALL ?= install
INSTALL_BIN ?= $(RELEASE_BIN)
BIN_DIR = $(abspath $(DESTDIR)$(PREFIX))/bin
SHARE_DIR = $(abspath $(DESTDIR)$(PREFIX))/share/recsite

install: $(if $(filter $(RELEASE_BIN),$(INSTALL_BIN)),release serve-build)
	$(INSTALL) -d $(BIN_DIR)
	$(INSTALL) -m 755 $(INSTALL_BIN) $(BIN_DIR)/recsite
	$(INSTALL) -m 755 $(dir $(INSTALL_BIN))recsite-serve $(BIN_DIR)/recsite-serve
	rm -rf $(SHARE_DIR)/templates
	cd templates && find . -type d -exec $(INSTALL) -d $(SHARE_DIR)/templates/{} \;
	cd templates && find . -type f -exec $(INSTALL) -m 644 {} $(SHARE_DIR)/templates/{} \;

uninstall:
	rm -f $(BIN_DIR)/recsite $(BIN_DIR)/recsite-serve
	rm -rf $(SHARE_DIR)

check: release
	$(RELEASE_BIN) check --data $(DATA)

# The tests, the independent SPEC cross-check, and a check that the committed
# site/ is exactly what the code builds from data/.
# The unit and process tests run beside a private PostgreSQL server
# (scripts/postgres-test-server.sh: Debian's postgresql, on loopback) for the
# `--data postgresql://` tests. The server's tests run on their own: in one run with the process tests,
# tests that block could starve the server of the shared threads on a busy machine.
test: deps test-bench
	$(SWIFT) build
	scripts/postgres-test-server.sh run $(SWIFT) test --skip RecServerTests
	$(SWIFT) test --skip-build --filter RecServerTests
	scripts/spec-check-all.sh .build/debug/recsite
	.build/debug/recsite build --data $(DATA) --out $(SITE) $(BUILD_FLAGS) --check

# The benchmark harness's unit tests (bench/tests): standard library only, no
# recsite binary, venv, Hugo or network; well under a second. The baseline's
# own tests (test_baseline.py) need pandas: with .bench/venv the whole folder
# runs once under its Python, so they run too; without it they skip.
test-bench:
	if [ -x $(BENCH_VENV)/bin/python ]; then $(BENCH_VENV)/bin/python -m unittest discover -s bench/tests; \
	else python3 -m unittest discover -s bench/tests; fi

# Headless Chromium over the built site (scripts/browser-test.py): every page
# kind at 390x844 and 1366x900 in both themes, no sideways scrolling, no console
# errors, no serious or critical axe-core violation, sorting, filter, search,
# breakdown links. Playwright and axe-core come from PyPI into $(BROWSER_VENV);
# when they cannot be installed, the standard-library DevTools check
# (scripts/browser-check.py) runs instead.
# make test-browser BROWSER_FLAGS="--screenshots docs/screenshots" regenerates the screenshots.
BROWSER_VENV := .bench/browser-venv
BROWSER_FLAGS ?=

test-browser: site
	@if $(MAKE) --no-print-directory browser-venv; then \
	  $(BROWSER_VENV)/bin/python scripts/browser-test.py --site $(SITE) $(BROWSER_FLAGS); \
	else \
	  echo "test-browser: Playwright could not be installed; running scripts/browser-check.py instead"; \
	  scripts/browser-check.py --site $(SITE) --screenshots .bench/screenshots; \
	fi

browser-venv: $(BROWSER_VENV)/.installed

$(BROWSER_VENV)/.installed: scripts/browser-requirements.txt
	rm -rf $(BROWSER_VENV)
	python3 -m venv $(BROWSER_VENV)
	$(BROWSER_VENV)/bin/pip install --quiet --disable-pip-version-check -r scripts/browser-requirements.txt
	cp scripts/browser-requirements.txt $@

spec-check:
	$(SWIFT) build --product recsite
	scripts/spec-check-all.sh .build/debug/recsite

# The API and the site on http://127.0.0.1:$(SERVE_PORT)/ (docs/serving.md);
# SERVE_FLAGS=--reload re-reads the data when it changes.
SERVE_PORT ?= 8001
SERVE_FLAGS ?=

serve: release serve-build
	@test -f $(SITE)/index.html || $(MAKE) site
	$(RELEASE_BIN) serve --data $(DATA) --site $(SITE) --port $(SERVE_PORT) $(SERVE_FLAGS)

# The benchmark of issue 5: recsite side by side with the pandas/scikit-learn
# baseline, the cmark-gfm command and Hugo on synthetic data sets S and M
# (bench-large adds L), plus builds of S2 and L2 (M's 2,000 items) for the
# growth with events at fixed items (bench-large adds L2); results in
# bench/RESULTS.md, bench/results.json and bench/scaling.svg (bench/run.py runs
# and stores results.json; bench/report.py renders the other two from it).
# BENCH_BASELINE_LARGE=1 also runs the baseline on L (minutes; one user at a
# time, much longer). Data and outputs go to .bench/.
PYTHON ?= python3
BENCH_VENV := .bench/venv
BENCH_FLAGS ?=

bench: release bench-venv
	bench/run.py --recsite $(RELEASE_BIN) --python $(BENCH_VENV)/bin/python --sizes S,S2,M $(BENCH_FLAGS)

bench-large: release bench-venv
	bench/run.py --recsite $(RELEASE_BIN) --python $(BENCH_VENV)/bin/python --sizes S,S2,M,L2,L $(BENCH_FLAGS)

# The engines alone (issue 21): recommend --all and both baseline runs,
# alternating, on M and L, kept in results.json beside the stored builds.
bench-engine: release bench-venv
	bench/run.py --recsite $(RELEASE_BIN) --python $(BENCH_VENV)/bin/python --sizes M,L --engine-only $(BENCH_FLAGS)

# RESULTS.md and scaling.svg again from bench/results.json, running nothing.
bench-report:
	$(PYTHON) bench/report.py

bench-deps:
	@scripts/install-deps.sh --bench

# The baseline's venv (pinned in bench/requirements.txt), made only when missing.
# The stamp is written only after pip succeeded, so a broken install is redone.
bench-venv: bench-deps $(BENCH_VENV)/.installed

$(BENCH_VENV)/.installed: bench/requirements.txt
	rm -rf $(BENCH_VENV)
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	cp bench/requirements.txt $@

# The live API against the original server (issue 18): wrk (from Debian,
# installed when missing) loads /recommendations over random users of the
# M set, for recsite serve and for bench/serve_baseline.py (FastAPI +
# uvicorn + pandas + scikit-learn, pinned in bench/serve-requirements.txt,
# venv in $(SERVE_VENV)), on 127.0.0.1 for BENCH_SERVE_FLAGS' --duration
# seconds each (default 10); the table goes to bench/SERVE-RESULTS.md.
SERVE_VENV := .bench/serve-venv
BENCH_SERVE_FLAGS ?=

bench-serve: release serve-build bench-serve-deps $(SERVE_VENV)/.installed
	bench/serve_bench.py --recsite $(RELEASE_BIN) --server $(SERVE_BIN) --python $(SERVE_VENV)/bin/python $(BENCH_SERVE_FLAGS)

bench-serve-deps:
	@scripts/install-deps.sh --bench-serve

$(SERVE_VENV)/.installed: bench/serve-requirements.txt bench/requirements.txt
	rm -rf $(SERVE_VENV)
	$(PYTHON) -m venv $(SERVE_VENV)
	$(SERVE_VENV)/bin/pip install --quiet --disable-pip-version-check -r bench/serve-requirements.txt
	cp bench/serve-requirements.txt $@

# The engine as a Spark job (spark/, docs/scale.md): PySpark pinned in
# spark/requirements.txt into $(SPARK_VENV); Java 17 from Debian's
# openjdk-17-jre-headless. make spark-build DATA=dir OUT=dir runs the job in
# local mode on SPARK_MASTER's cores; make test-spark compares it with
# recsite's engine on data/, two dirty synthetic sets, a clean set read
# as Parquet, and data/ loaded into PostgreSQL (read through JDBC).
SPARK_VENV := .bench/spark-venv
SPARK_MASTER ?= local[2]
OUT ?= .bench/spark-out

spark-venv: $(SPARK_VENV)/.installed

$(SPARK_VENV)/.installed: spark/requirements.txt
	rm -rf $(SPARK_VENV)
	$(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/pip install --quiet --disable-pip-version-check -r spark/requirements.txt
	cp spark/requirements.txt $@

spark-build: spark-venv
	PATH="$(CURDIR)/$(SPARK_VENV)/bin:$$PATH" spark-submit --master '$(SPARK_MASTER)' --conf spark.ui.enabled=false \
	  spark/recsite_job.py --data $(DATA) --out $(OUT)

test-spark: spark-venv
	$(SWIFT) build --product recsite
	scripts/postgres-test-server.sh run spark/test-spark.sh .build/debug/recsite $(SPARK_VENV)

# Issue 20's benchmark in one run: the Spark job (local[2]) against recsite's
# engine, then the whole build against sharded builds (N = 2, 4) and their
# merge, on M and L; writes bench/SPARK-RESULTS.md (about an hour here).
bench-spark: release spark-venv
	$(PYTHON) bench/spark_bench.py --recsite $(RELEASE_BIN) --spark-venv $(SPARK_VENV) --sizes M,L $(BENCH_FLAGS)

# libFuzzer over the CSV reader and cleansing (Fuzz/FuzzCleansing.swift), the
# file names for IDs (Fuzz/FuzzFileNames.swift) and page rendering with cmark
# (Fuzz/FuzzRendering.swift); FUZZ_SECONDS time-boxes each target's run.
FUZZ_SECONDS ?= 300
fuzz:
	for target in cleansing filenames rendering; do scripts/fuzz.sh $$target $(FUZZ_SECONDS) || exit 1; done

clean:
	rm -rf .build
