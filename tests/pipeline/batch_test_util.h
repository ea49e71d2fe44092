// Shared by the batch tests: temporary directories (tests/temp_dir.h), a fake extractor that
// reads a tiny line format, and a sink that records what it is given.
#ifndef ZFXXGK_TESTS_PIPELINE_BATCH_TEST_UTIL_H_
#define ZFXXGK_TESTS_PIPELINE_BATCH_TEST_UTIL_H_

#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/batch.h"
#include "tests/temp_dir.h"

namespace zfxxgk::batch_test {

namespace fs = std::filesystem;

using testing_util::TempDir;

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The fake input format, one "key=value" per line:
//   organ=平潭综合实验区  year=2021  cell=applications.new_received.total=5
//   x1=7 (carried_over and carried_forward of every applicant column = 7)
// The first line "BAD" fails with kNotAReport, "THROW" throws, "SLOW" sleeps.
inline StatusOr<ReportV1> FakeExtract(std::string_view bytes, const std::string& path) {
  std::istringstream in{std::string(bytes)};
  ReportV1 r;
  r.source.path = path;
  r.source.format = InputFormat::kText;
  r.report.template_name = "gov_2021";
  for (std::string line; std::getline(in, line);) {
    if (line == "BAD") return Status(StatusCode::kNotAReport, path + ": fake: not a report");
    if (line == "THROW") throw std::runtime_error("fake extractor threw");
    if (line.rfind("SLOW", 0) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "organ") r.report.organ = value;
    if (key == "year") r.report.year = std::stoi(value);
    if (key == "issue") r.issues.push_back({Severity::kWarning, value, value});
    if (key == "fail") r.checks.push_back({value, "x", "fail", 1, 2, ""});
    if (key == "cell") {
      const size_t eq2 = value.rfind('=');
      CellOut c;
      c.status = CellStatus::kNumber;
      c.raw = value.substr(eq2 + 1);
      c.value = std::stod(c.raw);
      r.cells.emplace_back(value.substr(0, eq2), c);
    }
    if (key == "x1") {
      for (const char* row : {"carried_over", "carried_forward"}) {
        for (const char* col : {"natural_person", "commercial_enterprise", "research_institution",
                                "social_welfare_org", "legal_service_org", "other_org", "total"}) {
          CellOut c;
          c.status = CellStatus::kNumber;
          c.raw = value;
          c.value = std::stod(value);
          r.cells.emplace_back(std::string("applications.") + row + "." + col, c);
        }
      }
    }
  }
  return r;
}

// Counts its calls and, when `hashes` is given (one worker only: not
// synchronized), records the hash each call was handed.
class FakeExtractor : public BatchExtractor {
 public:
  explicit FakeExtractor(std::atomic<int>* calls, std::vector<std::string>* hashes = nullptr)
      : calls_(calls), hashes_(hashes) {}
  StatusOr<ReportV1> Extract(std::string_view bytes, const std::string& path,
                             std::string_view sha256) override {
    if (calls_) ++*calls_;
    if (hashes_) hashes_->emplace_back(sha256);
    return FakeExtract(bytes, path);
  }

 private:
  std::atomic<int>* calls_;
  std::vector<std::string>* hashes_;
};

inline BatchExtractorFactory FakeFactory(std::atomic<int>* calls = nullptr,
                                         std::atomic<int>* created = nullptr,
                                         std::vector<std::string>* hashes = nullptr) {
  return [calls, created, hashes]() -> StatusOr<std::unique_ptr<BatchExtractor>> {
    if (created) ++*created;
    return std::unique_ptr<BatchExtractor>(std::make_unique<FakeExtractor>(calls, hashes));
  };
}

// Records every Add, every body (with the paths its indices name) and the
// totals.
class RecordingSink : public BatchSink {
 public:
  bool wants_report() const override { return true; }
  bool wants_json() const override { return true; }
  Status Add(const BatchRecord& record) override {
    records.push_back(record);
    return OkStatus();
  }
  Status AddBody(const BodyFindings& body, const BatchPathOf& path_of) override {
    bodies.push_back(body);
    std::vector<std::string> paths;
    for (size_t i : body.reports) paths.push_back(path_of(i));
    body_paths.push_back(paths);
    return OkStatus();
  }
  Status Finish(const BatchSetFindings& f) override {
    totals = f.counts;
    finished = true;
    return OkStatus();
  }
  std::vector<BatchRecord> records;
  std::vector<BodyFindings> bodies;
  std::vector<std::vector<std::string>> body_paths;
  YearLinkCounts totals;
  bool finished = false;
};

}  // namespace zfxxgk::batch_test

#endif  // ZFXXGK_TESTS_PIPELINE_BATCH_TEST_UTIL_H_
