# nue — make run regenerates outputs/ from macros/; make test runs the test suite.
# Each target installs what it needs on a fresh Debian machine (GSL via apt, plotting via pip).

SWIFT      ?= swift
NUE_DEBUG   = .build/debug/nue
NUE         = .build/release/nue
PYTHON     ?= python3

.PHONY: all run test bench deps gsl python-deps build build-release clean test-slurm

all: build

gsl:
	@pkg-config --exists gsl 2>/dev/null || { \
	  echo "Installing GSL (libgsl-dev) ..."; \
	  apt-get update && apt-get install -y libgsl-dev pkg-config; }

python-deps:
	@$(PYTHON) -c "import matplotlib, mplhep" 2>/dev/null || { \
	  echo "Installing matplotlib and mplhep ..."; \
	  $(PYTHON) -m pip install --quiet matplotlib mplhep; }

deps: gsl

build: gsl
	$(SWIFT) build

build-release: gsl
	$(SWIFT) build -c release

run: build-release
	$(NUE) source

test: gsl
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build-release
	@mkdir -p outputs/bench
	$(NUE) bench --json | tee outputs/bench/bench.json

clean:
	rm -rf .build
