// prepare_country_names — writes data/country_names.txt (format in
// src/core/country_names.hpp) from npm i18n-iso-countries' names in every
// language it has: one country a line, its names that fold apart from its
// English ones. Runs at build time.
//
//   prepare_country_names --langs node_modules/i18n-iso-countries/langs --out site/data/country_names.txt
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/country_names.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& why) {
    std::fprintf(stderr, "prepare_country_names: %s\n", why.c_str());
    std::exit(1);
}

json read_json(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    json j = json::parse(ss.str(), nullptr, false);
    if (!in || j.is_discarded()) fail("cannot read " + path.string());
    return j;
}

void add_names(const json& value, std::vector<std::string>& names) {  // "a" or ["a", "b"]
    if (value.is_string()) names.push_back(value.get<std::string>());
    if (value.is_array())
        for (const json& v : value)
            if (v.is_string()) names.push_back(v.get<std::string>());
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
    if (!args.count("--langs") || !args.count("--out")) fail("usage: --langs DIR --out FILE");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(args["--langs"]))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());  // the same file from the same input
    std::map<std::string, std::vector<std::string>> english, others;
    for (const fs::path& f : files) {
        json doc = read_json(f);
        const json& countries = doc.contains("countries") ? doc["countries"] : json();
        if (!countries.is_object()) fail(f.string() + " has no countries");
        auto& into = f.stem() == "en" ? english : others;
        for (const auto& [iso, value] : countries.items()) add_names(value, into[iso]);
    }
    std::string out;
    size_t count = 0;
    for (const auto& [iso, names] : others) {
        std::vector<std::string> kept = ng::distinct_names(names, english[iso]);
        if (kept.empty()) continue;
        out += iso;
        for (const std::string& n : kept) out += "\t" + n;
        out += "\n";
        count += kept.size();
    }
    std::ofstream o(args["--out"], std::ios::binary);
    if (!(o << out)) fail("cannot write " + args["--out"]);
    std::printf("prepare_country_names: %zu countries, %zu names, %zu bytes\n", others.size(), count, out.size());
    return 0;
}
