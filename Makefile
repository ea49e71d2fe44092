# zfxxgk: the two commands a newcomer needs are `make run` and `make test`.
# Works on a fresh Debian 12 (as root, or as a user with sudo for `make deps`).

BUILD_DIR ?= build
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps build run test test-sanitize test-tsan clean

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

# The whole ctest suite built with ASan + UBSan (-DZF_SANITIZE=ON) in build-asan/. Any
# sanitizer report fails the test that triggered it. SANITIZE_CTEST_ARGS narrows the run
# (e.g. SANITIZE_CTEST_ARGS='-R Golden').
ASAN_DIR ?= build-asan
SANITIZE_CTEST_ARGS ?=
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
test-sanitize: deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZF_SANITIZE=ON $(CMAKE_FLAGS)
	$(SANITIZER_ENV) cmake --build $(ASAN_DIR) -j$(JOBS)
	$(SANITIZER_ENV) ctest --test-dir $(ASAN_DIR) --output-on-failure -j2 $(SANITIZE_CTEST_ARGS)

# The tests of the concurrent parts (batch workers and their sinks, the CLI's batch, OCR
# engines, poppler on several threads) built with ThreadSanitizer (-DZF_TSAN=ON) in build-tsan/; a data race fails
# the test that ran into it. TSAN_CTEST_ARGS chooses the tests.
TSAN_DIR ?= build-tsan
TSAN_CTEST_ARGS ?= -R 'Batch|Tesseract|Ocr|Concurrent'
test-tsan: deps
	cmake -S . -B $(TSAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZF_TSAN=ON $(CMAKE_FLAGS)
	cmake --build $(TSAN_DIR) -j$(JOBS) --target zfxxgk_tests zfxxgk zfxxgk_pdf_ocr
	TSAN_OPTIONS=halt_on_error=1 ctest --test-dir $(TSAN_DIR) --output-on-failure -j2 $(TSAN_CTEST_ARGS)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(TSAN_DIR) build-fuzz out
