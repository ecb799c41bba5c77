// subprocess — runs a program with files for stdin/stdout/stderr and a time
// limit, without a shell (arguments are passed as they are). The build step
// uses it for Apertium.
#pragma once
#include <string>
#include <vector>

namespace ingest {

struct ProcessResult {
    int exit_code = -1;    // the program's exit status; -1 when it did not exit normally
    bool timed_out = false;
    std::string error;     // non-empty: could not start, was killed, or timed out (a sentence)
    bool ok() const { return error.empty() && exit_code == 0; }
};

// Runs argv[0] (looked up on PATH) with the given files (empty: /dev/null)
// and kills it after `timeout_seconds`.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& stdin_path,
                          const std::string& stdout_path, const std::string& stderr_path, int timeout_seconds);

// Whether `program` can be found on PATH (or is an executable path).
bool program_exists(const std::string& program);

}  // namespace ingest
