// A fresh temporary directory for one test, removed with its contents when
// the object goes out of scope.
//
//   TempDir dir;                                   // $TMPDIR/zfxxgk-test-XXXXXX
//   const std::string in = dir.Write("in/a.txt", "organ=甲\n");
//   RunSomething(in, dir.path() + "/out");
//
// The name is made unique by mkdtemp(3), so tests may run in parallel
// (ctest -j, one process per test). A directory that cannot be created
// fails the test at once (ADD_FAILURE) and path() is then empty.
// Not copyable.
#ifndef ZFXXGK_TESTS_TEMP_DIR_H_
#define ZFXXGK_TESTS_TEMP_DIR_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace zfxxgk::testing_util {

class TempDir {
 public:
  // `prefix` starts the directory's name, under the system temp folder.
  explicit TempDir(const std::string& prefix = "zfxxgk-test") {
    std::string name = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (mkdtemp(name.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp " << name << ": " << std::strerror(errno);
      return;
    }
    path_ = name;
  }
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  // Writes `text` (bytes as given) to path()/`rel`, creating its parent
  // directories; returns the file's path.
  std::string Write(const std::string& rel, const std::string& text) const {
    const std::string file = path_ + "/" + rel;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::string path_;
};

}  // namespace zfxxgk::testing_util

#endif  // ZFXXGK_TESTS_TEMP_DIR_H_
