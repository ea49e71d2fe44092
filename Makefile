# zfxxgk: the two commands a newcomer needs are `make run` and `make test`.
# Works on a fresh Debian 12 (as root, or as a user with sudo for `make deps`).

BUILD_DIR ?= build
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps build run test clean

all: build

# Debian packages (compiler, cmake, libraries, googletest, python3-jsonschema).
deps:
	tools/install-deps

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j$(JOBS)

# Extract every corpus/<case>/input.* into out/<case>.json (and ../shared/corpus, if
# present, into out/shared/ with its score), one summary line per report.
run: build
	tools/run-corpus --cli $(BUILD_DIR)/zfxxgk

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j2

clean:
	rm -rf $(BUILD_DIR) out
