// Files for the ingest tests: a fresh temporary folder per test, whole-file
// reads and writes.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace testing_support {

// An empty folder under the system's temporary folder, unique to this
// process and `name` (the caller removes it).
inline std::filesystem::path temp_dir(const std::string& name) {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("newsglobe-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace testing_support
