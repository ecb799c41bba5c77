#include "cli_args.hpp"

#include <cmath>
#include <cstdio>
#include <cctype>
#include <cstdlib>

namespace ingest {

ArgParser::ArgParser(std::string command, std::string summary, std::vector<OptionSpec> options)
    : command_(std::move(command)), summary_(std::move(summary)), options_(std::move(options)) {}

const OptionSpec* ArgParser::find(std::string_view name) const {
    for (const OptionSpec& o : options_)
        if (o.name == name) return &o;
    return nullptr;
}

bool ArgParser::parse(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            help_ = true;
            continue;
        }
        std::string_view name = arg;
        std::optional<std::string> inline_value;
        if (size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string_view::npos) {
            name = arg.substr(0, eq);
            inline_value = std::string(arg.substr(eq + 1));
        }
        const OptionSpec* spec = find(name);
        if (!spec) {
            error_ = arg.rfind("-", 0) == 0 ? "Unknown option " + std::string(name) + "."
                                            : "Unexpected argument \"" + std::string(arg) + "\".";
            return false;
        }
        if (spec->value_name.empty()) {
            if (inline_value) {
                error_ = spec->name + " takes no value.";
                return false;
            }
            values_[spec->name] = "";
        } else if (inline_value) {
            values_[spec->name] = *inline_value;
        } else if (i + 1 < argc) {
            values_[spec->name] = argv[++i];
        } else {
            error_ = spec->name + " needs a value (" + spec->value_name + ").";
            return false;
        }
    }
    return true;
}

bool ArgParser::has(std::string_view name) const { return values_.find(name) != values_.end(); }

std::optional<std::string> ArgParser::value(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

namespace {
std::string compact(double d) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", d);
    return text;
}
}  // namespace

bool ArgParser::read_number(std::string_view name, bool whole, double min, double max, std::optional<double>& out) {
    out.reset();
    auto v = value(name);
    if (!v) return true;
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || !std::isfinite(d) || d < min || d > max || (whole && std::floor(d) != d)) {
        error_ = std::string(name) + " needs " + (whole ? "a whole number" : "a number") + " from " + compact(min) + " to " +
                 compact(max) + ", not \"" + *v + "\".";
        return false;
    }
    out = d;
    return true;
}

bool ArgParser::number(std::string_view name, double& out, double min, double max) {
    std::optional<double> d;
    if (!read_number(name, false, min, max, d)) return false;
    if (d) out = *d;
    return true;
}

bool ArgParser::integer(std::string_view name, int64_t& out, int64_t min, int64_t max) {
    std::optional<double> d;
    if (!read_number(name, true, static_cast<double>(min), static_cast<double>(max), d)) return false;
    if (d) out = static_cast<int64_t>(*d);
    return true;
}

bool ArgParser::bytes(std::string_view name, uint64_t& out, uint64_t min, uint64_t max) {
    auto v = value(name);
    if (!v) return true;
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    std::string unit(end);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!unit.empty() && unit[0] == ' ') unit.erase(0, 1);
    double scale = unit.empty() || unit == "B" ? 1 : unit == "KB" || unit == "K" ? 1024.0
                   : unit == "MB" || unit == "M"                                ? 1024.0 * 1024
                   : unit == "GB" || unit == "G"                                ? 1024.0 * 1024 * 1024
                                                                                : -1;
    double value_bytes = d * scale;
    if (v->empty() || end == v->c_str() || scale < 0 || !std::isfinite(value_bytes) || value_bytes < static_cast<double>(min) ||
        value_bytes > static_cast<double>(max)) {
        error_ = std::string(name) + " needs a size such as 5MB or 512KB, from " + compact(static_cast<double>(min)) +
                 " to " + compact(static_cast<double>(max)) + " bytes, not \"" + *v + "\".";
        return false;
    }
    out = static_cast<uint64_t>(value_bytes);
    return true;
}

std::string ArgParser::usage() const {
    std::string u = "usage: newsglobe-ingest " + command_ + " [options]\n" + summary_ + "\n\noptions:\n";
    for (const OptionSpec& o : options_) {
        std::string left = "  " + o.name + (o.value_name.empty() ? "" : " " + o.value_name);
        if (left.size() < 28) left.resize(28, ' ');
        else left += "\n" + std::string(28, ' ');
        u += left + o.help + "\n";
    }
    return u;
}

}  // namespace ingest
