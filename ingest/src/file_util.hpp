// file_util — whole-file reads and atomic writes for the build step: a
// reader (a web server, the next build) sees either the old file or the new
// one, never half of one.
#pragma once
#include <filesystem>
#include <string>

namespace ingest {

// False (with `problem`) when the file cannot be read.
bool read_whole_file(const std::filesystem::path& path, std::string& bytes, std::string& problem);

// Writes `bytes` to a temporary file beside `path`, flushes it, and renames
// it over `path`. False (with `problem`) when the disk refused; the old file
// is then untouched.
bool write_file_atomically(const std::filesystem::path& path, const std::string& bytes, std::string& problem);

}  // namespace ingest
