// cli_args — the small option parser both subcommands of newsglobe-ingest
// share: "--name value", "--name=value" and "--flag", declared up front so
// an unknown or incomplete option is a clear error and --help lists them.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

struct OptionSpec {
    std::string name;        // "--outlets"
    std::string value_name;  // "FILE"; empty for a flag
    std::string help;        // one line
};

class ArgParser {
public:
    ArgParser(std::string command, std::string summary, std::vector<OptionSpec> options);

    // Reads argv[first..argc). False (see error()) on an unknown option, a
    // missing value or a stray argument; --help / -h sets help_requested().
    bool parse(int argc, char** argv, int first);

    bool has(std::string_view name) const;
    // The last value given for `name`, if any.
    std::optional<std::string> value(std::string_view name) const;

    // Typed readers: `out` keeps its default when the option is absent;
    // false (see error()) when the value is not in range.
    bool number(std::string_view name, double& out, double min, double max);
    bool integer(std::string_view name, int64_t& out, int64_t min, int64_t max);
    // "5MB", "512KB", "1048576", "1.5 MB" (powers of 1024).
    bool bytes(std::string_view name, uint64_t& out, uint64_t min, uint64_t max);

    bool help_requested() const { return help_; }
    const std::string& error() const { return error_; }
    std::string usage() const;

private:
    const OptionSpec* find(std::string_view name) const;
    // `out` empty: the option is absent (true) or unreadable (false, error set).
    bool read_number(std::string_view name, bool whole, double min, double max, std::optional<double>& out);

    std::string command_, summary_;
    std::vector<OptionSpec> options_;
    std::map<std::string, std::string, std::less<>> values_;  // flags map to ""
    std::string error_;
    bool help_ = false;
};

}  // namespace ingest
