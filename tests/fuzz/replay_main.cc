// Runs a libFuzzer target's LLVMFuzzerTestOneInput once on every file named on
// the command line (directories: every file in them, sorted), without
// libFuzzer: the default build replays each target over its seeds and the
// committed findings (tests/fuzz/CMakeLists.txt), so a target that no longer
// builds, or an input that once crashed it, fails the ordinary test suite.
// Prints the number of inputs and the slowest one; exits 1 when none was found.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> Inputs(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);
    if (!fs::is_directory(arg)) {
      files.push_back(arg);
      continue;
    }
    std::vector<fs::path> in_dir;
    for (const fs::directory_entry& e : fs::directory_iterator(arg)) {
      if (e.is_regular_file()) in_dir.push_back(e.path());
    }
    std::sort(in_dir.begin(), in_dir.end());
    files.insert(files.end(), in_dir.begin(), in_dir.end());
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<fs::path> files = Inputs(argc, argv);
  double slowest = 0;
  std::string slowest_name;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto start = std::chrono::steady_clock::now();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (took.count() > slowest) {
      slowest = took.count();
      slowest_name = file.filename().string();
    }
  }
  std::printf("replayed %zu inputs; slowest %s (%.2f s)\n", files.size(), slowest_name.c_str(),
              slowest);
  return files.empty() ? 1 : 0;
}
