// zfxxgk_bench_parse: in-process timings for tools/bench (built with
// -DZF_BENCH=ON; not a test). Reads every FILE into memory first, then times
// one of:
//   gumbo    a bare gumbo_parse of each file's bytes (the reference)
//   fast     the HTML fast path's parse of the same bytes (parsers/html/
//            fast_tree.h; "declined" counts the pages it leaves to gumbo)
//   diff     once per file: the fast path's tree against gumbo's (tree_diff.h);
//            one line per file (accepted, declined: reason, MISMATCH: where)
//            and a summary; exit 1 on any mismatch
//   extract  ExtractBytes, the whole pipeline without I/O or JSON
//   stages   the pipeline's stages one by one: decode, parse, map (BuildReport),
//            emit (ToJson)
// over every file, repeated until at least --seconds have passed. Prints one
// JSON object per line: {"mode", "files", "bytes", "passes", "seconds",
// "reports_per_s", "cpu_seconds", "reports_per_cpu_s", ...}. Or
//   scale    ExtractBytes over every file once on one thread, then on two,
//            five times alternating: {"one_thread_s", "two_threads_s",
//            "speed_up"} (best of each), the in-process scaling without the
//            batch's queue, journal or sinks.
// The other modes are single-threaded;
// stage times are thread CPU time, so a shared, busy machine disturbs them
// less than wall-clock rates.
//
//   zfxxgk_bench_parse gumbo --seconds 2 archive/html40/*.html
#include <gumbo.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "parsers/html/fast_tree.h"
#include "parsers/html/html_parser.h"
#include "parsers/html/tree_diff.h"
#include "parsers/text/text_parser.h"
#include "pipeline/encoding.h"
#include "pipeline/extract.h"
#include "pipeline/sniff.h"
#include "schemas/report_v1.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Input {
  std::string path;
  std::string bytes;
};

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU time of this thread, in seconds.
double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Runs `pass` (one pass over every input) until `min_seconds` have passed.
double g_cpu_seconds = 0;  // CPU time of the last Repeat

template <typename F>
void Repeat(double min_seconds, int& passes, double& seconds, F pass) {
  passes = 0;
  const Clock::time_point start = Clock::now();
  const double cpu_start = CpuNow();
  do {
    pass();
    ++passes;
  } while (Since(start) < min_seconds);
  seconds = Since(start);
  g_cpu_seconds = CpuNow() - cpu_start;
}

void Print(const char* mode, const std::vector<Input>& inputs, int passes, double seconds,
           const std::string& extra = "") {
  size_t bytes = 0;
  for (const Input& in : inputs) bytes += in.bytes.size();
  const double reports = static_cast<double>(inputs.size()) * passes;
  std::printf(
      "{\"mode\": \"%s\", \"files\": %zu, \"bytes\": %zu, \"passes\": %d, \"seconds\": %.4f, "
      "\"reports_per_s\": %.2f, \"mb_per_s\": %.3f, \"cpu_seconds\": %.4f, "
      "\"reports_per_cpu_s\": %.2f%s}\n",
      mode, inputs.size(), bytes, passes, seconds, reports / seconds,
      static_cast<double>(bytes) * passes / seconds / 1e6, g_cpu_seconds,
      reports / g_cpu_seconds, extra.c_str());
}

int Gumbo(const std::vector<Input>& inputs, double min_seconds) {
  int passes = 0;
  double seconds = 0;
  size_t nodes = 0;
  Repeat(min_seconds, passes, seconds, [&] {
    for (const Input& in : inputs) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, in.bytes.data(),
                                                  in.bytes.size());
      nodes += out->root->type;  // keep the parse observable
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  });
  Print("gumbo", inputs, passes, seconds);
  return nodes == static_cast<size_t>(-1);
}

int Fast(const std::vector<Input>& inputs, double min_seconds) {
  int passes = 0, declined = 0;
  double seconds = 0;
  Repeat(min_seconds, passes, seconds, [&] {
    for (const Input& in : inputs) declined += !zfxxgk::html::FastTree::Parse(in.bytes).ok();
  });
  Print("fast", inputs, passes, seconds, ", \"declined\": " + std::to_string(declined));
  return 0;
}

int Diff(const std::vector<Input>& inputs) {
  int accepted = 0, declined = 0, mismatched = 0;
  for (const Input& in : inputs) {
    zfxxgk::StatusOr<zfxxgk::DecodedText> text = zfxxgk::DecodeToUtf8(in.bytes);
    if (!text.ok()) continue;
    const zfxxgk::StatusOr<std::string> d = zfxxgk::html::DiffFastTreeFromGumbo(text->utf8);
    if (!d.ok()) {
      ++declined;
      std::printf("declined %s: %s\n", in.path.c_str(), d.status().message().c_str());
      continue;
    }
    if (d->empty()) {
      ++accepted;
      std::printf("accepted %s\n", in.path.c_str());
    } else {
      ++mismatched;
      std::printf("MISMATCH %s: %s\n", in.path.c_str(), d->c_str());
    }
  }
  std::printf("{\"mode\": \"diff\", \"files\": %zu, \"accepted\": %d, \"declined\": %d, "
              "\"mismatched\": %d}\n", inputs.size(), accepted, declined, mismatched);
  return mismatched > 0;
}

int Extract(const std::vector<Input>& inputs, double min_seconds) {
  int passes = 0, failed = 0;
  double seconds = 0;
  Repeat(min_seconds, passes, seconds, [&] {
    for (const Input& in : inputs) failed += !zfxxgk::ExtractBytes(in.bytes, in.path).ok();
  });
  Print("extract", inputs, passes, seconds, ", \"failed\": " + std::to_string(failed));
  return 0;
}

// Wall seconds of one pass over the inputs on `threads` threads (input i on
// thread i % threads): ExtractBytes alone, no batch machinery.
double ExtractWall(const std::vector<Input>& inputs, int threads) {
  const Clock::time_point start = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&inputs, threads, t] {
      for (size_t i = static_cast<size_t>(t); i < inputs.size(); i += static_cast<size_t>(threads)) {
        (void)zfxxgk::ExtractBytes(inputs[i].bytes, inputs[i].path);
      }
    });
  }
  for (std::thread& w : workers) w.join();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// In-process scaling: one thread and two, alternating five times; the best
// wall time of each and their ratio.
int Scale(const std::vector<Input>& inputs) {
  double one = 1e9, two = 1e9;
  for (int round = 0; round < 5; ++round) {
    one = std::min(one, ExtractWall(inputs, 1));
    two = std::min(two, ExtractWall(inputs, 2));
  }
  std::printf("{\"mode\": \"scale\", \"files\": %zu, \"one_thread_s\": %.4f, "
              "\"two_threads_s\": %.4f, \"speed_up\": %.3f}\n",
              inputs.size(), one, two, one / two);
  return 0;
}

// Seconds per stage, summed over passes.
int Stages(const std::vector<Input>& inputs, double min_seconds) {
  double t[4] = {0, 0, 0, 0};
  int passes = 0;
  double seconds = 0;
  Repeat(min_seconds, passes, seconds, [&] {
    for (const Input& in : inputs) {
      double s = CpuNow();
      const zfxxgk::InputFormat format = zfxxgk::SniffFormat(in.bytes);
      zfxxgk::StatusOr<zfxxgk::DecodedText> text = zfxxgk::DecodeToUtf8(in.bytes);
      t[0] += CpuNow() - s;
      if (!text.ok()) continue;
      s = CpuNow();
      zfxxgk::StatusOr<zfxxgk::Document> doc =
          format == zfxxgk::InputFormat::kHtml ? zfxxgk::html::ParseHtml(text->utf8, in.path)
                                               : zfxxgk::text::ParseText(text->utf8, in.path);
      t[1] += CpuNow() - s;
      if (!doc.ok()) continue;
      doc->source.format = format;
      s = CpuNow();
      zfxxgk::StatusOr<zfxxgk::ReportV1> report = zfxxgk::BuildReport(*doc, text->utf8);
      t[2] += CpuNow() - s;
      if (!report.ok()) continue;
      s = CpuNow();
      const std::string json = zfxxgk::ToJson(*report, false);
      t[3] += CpuNow() - s;
    }
  });
  const double n = static_cast<double>(inputs.size()) * passes;
  char extra[256];
  std::snprintf(extra, sizeof extra,
                ", \"ms_decode\": %.4f, \"ms_parse\": %.4f, \"ms_map\": %.4f, \"ms_emit\": %.4f",
                t[0] / n * 1e3, t[1] / n * 1e3, t[2] / n * 1e3, t[3] / n * 1e3);
  Print("stages", inputs, passes, seconds, extra);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s gumbo|fast|diff|extract|stages|scale [--seconds S] FILE...\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  double min_seconds = 2.0;
  std::vector<Input> inputs;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      min_seconds = std::atof(argv[++i]);
      continue;
    }
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    inputs.push_back({argv[i], s.str()});
  }
  if (inputs.empty()) return 2;
  if (mode == "gumbo") return Gumbo(inputs, min_seconds);
  if (mode == "extract") return Extract(inputs, min_seconds);
  if (mode == "fast") return Fast(inputs, min_seconds);
  if (mode == "diff") return Diff(inputs);
  if (mode == "stages") return Stages(inputs, min_seconds);
  if (mode == "scale") return Scale(inputs);
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}
