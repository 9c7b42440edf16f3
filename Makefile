# nue — make run regenerates outputs/ from macros/; make test runs the test suite.
# Each target installs what it needs on a fresh Debian machine (GSL via apt, plotting via pip).

SWIFT      ?= swift
NUE_DEBUG   = .build/debug/nue
NUE         = .build/release/nue
PYTHON     ?= python3

# The study cards `make run` regenerates into outputs/<card>/ (macros/<card>.yaml). smoke.yaml is
# test-only; the DUNE-like argon card is added here by the lead when it lands.
CARDS      ?= isodar-sensitivity toys-validation full-chain-toys gm-exclusion threshold-and-norm-scans sin2w-precision \
              exposure

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
	@$(MAKE) --no-print-directory python-deps || echo "warning: matplotlib/mplhep unavailable; tables and plot data only"
	@set -e; for card in $(CARDS); do \
	  start=$$(date +%s); \
	  $(NUE) run macros/$$card.yaml --quiet; \
	  if $(PYTHON) macros/plot.py outputs/$$card > /dev/null; then plots=plots; else plots="no plots"; fi; \
	  echo "outputs/$$card: $$(( $$(date +%s) - start )) s ($$plots)"; \
	done

test: gsl
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build-release
	@mkdir -p outputs/bench
	$(NUE) bench --json | tee outputs/bench/bench.json

# Sharded toys on a private single-node Slurm, merged and compared byte for byte with the
# unsharded run (root; installs slurm-wlm and munge when missing; see scripts/test-slurm.sh).
test-slurm: gsl
	bash scripts/test-slurm.sh

clean:
	rm -rf .build
