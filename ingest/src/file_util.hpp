// file_util — whole-file reads and atomic writes for the build step: a
// reader (a web server, the next build) sees either the old file or the new
// one, never half of one.
#pragma once
#include <filesystem>
#include <string>

namespace ingest {

// False (with `problem`) when the file cannot be read.
bool read_whole_file(const std::filesystem::path& path, std::string& bytes, std::string& problem);

// Writes `bytes` to `path` (no temporary, no flush): for files in a folder
// that becomes visible as a whole later (see flush_folder).
bool write_whole_file(const std::filesystem::path& path, const std::string& bytes, std::string& problem);

// Flushes everything written to the file system that holds `folder`, before
// a rename makes the folder visible.
void flush_folder(const std::filesystem::path& folder);

// Writes `bytes` to a temporary file beside `path`, flushes it, and renames
// it over `path`. False (with `problem`) when the disk refused; the old file
// is then untouched.
bool write_file_atomically(const std::filesystem::path& path, const std::string& bytes, std::string& problem);

}  // namespace ingest
