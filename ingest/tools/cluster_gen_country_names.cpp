// cluster_gen_country_names — build-time generator of the gazetteer's country
// names (ingest/src/cluster_places_data.hpp). Reads the name files of the npm
// package i18n-iso-countries (MIT License, Copyright (c) 2016 widdix GmbH) and
// the app's English display names and aliases (assets/country_overrides.json),
// and writes a C++ source holding them as tables. The output is written only
// when its content changes, so a rebuild does not recompile it needlessly.
//
//   cluster_gen_country_names --langs node_modules/i18n-iso-countries/langs
//                             --overrides assets/country_overrides.json --out FILE.cpp
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/json_util.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A C++ string literal; bytes outside printable ASCII as octal escapes (never
// hex: a hex escape would swallow a following hex digit).
std::string literal(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c >= 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%03o", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

// Names of one country in one file: a string or a list of strings.
std::vector<std::string> names_of(const json& value) {
    std::vector<std::string> names;
    if (value.is_string()) names.push_back(value.get<std::string>());
    if (value.is_array())
        for (const json& v : value)
            if (v.is_string()) names.push_back(v.get<std::string>());
    return names;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "cluster_gen_country_names: %s\n", message.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string langs_dir, overrides_path, out_path;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--langs")
            langs_dir = argv[i + 1];
        else if (flag == "--overrides")
            overrides_path = argv[i + 1];
        else if (flag == "--out")
            out_path = argv[i + 1];
        else
            return fail("unknown option " + flag);
    }
    if (langs_dir.empty() || overrides_path.empty() || out_path.empty())
        return fail("usage: --langs DIR --overrides FILE --out FILE.cpp");

    std::set<std::tuple<std::string, std::string, std::string>> names;  // language, iso, name
    std::map<std::string, std::string> display;                         // iso -> English display name
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(langs_dir, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec || files.empty()) return fail("no name files in " + langs_dir);
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::optional<std::string> text = read_file(file);
        if (!text) return fail("cannot read " + file.string());
        json doc = ng::json_util::parse(*text);
        const json* countries = ng::json_util::as_object(ng::json_util::member(doc, "countries"));
        auto lang = ng::json_util::as_string(ng::json_util::member(doc, "locale"));
        if (!countries || !lang) return fail(file.string() + " is not an i18n-iso-countries name file");
        for (const auto& [iso, value] : countries->items()) {
            std::vector<std::string> list = names_of(value);
            for (const std::string& name : list) names.emplace(std::string(*lang), iso, name);
            // The package lists the official name first and the common one
            // second ("People's Republic of China", "China"); the app's own
            // display names below override both.
            if (*lang == "en" && !list.empty()) display.emplace(iso, list.size() > 1 ? list[1] : list[0]);
        }
    }

    std::optional<std::string> overrides_text = read_file(overrides_path);
    if (!overrides_text) return fail("cannot read " + overrides_path);
    json overrides = ng::json_util::parse(*overrides_text);
    if (const json* d = ng::json_util::as_object(ng::json_util::member(overrides, "display_names")))
        for (const auto& [iso, name] : d->items())
            if (name.is_string()) display[iso] = name.get<std::string>();
    if (const json* aliases = ng::json_util::as_object(ng::json_util::member(overrides, "extra_aliases")))
        for (const auto& [iso, list] : aliases->items())
            for (const std::string& name : names_of(list)) names.emplace("en", iso, name);
    for (const auto& [iso, name] : display) names.emplace("en", iso, name);

    std::ostringstream out;
    out << "// Generated by ingest/tools/cluster_gen_country_names.cpp from i18n-iso-countries\n"
           "// (MIT License, Copyright (c) 2016 widdix GmbH) and assets/country_overrides.json.\n"
           "// Do not edit.\n"
           "#include \"cluster_places_data.hpp\"\n\n"
           "namespace ingest::cluster_places_data {\n\n"
           "const CountryName kCountryNames[] = {\n";
    for (const auto& [lang, iso, name] : names)
        out << "    {" << literal(lang) << ", " << literal(iso) << ", " << literal(name) << "},\n";
    out << "};\nconst std::size_t kCountryNameCount = " << names.size() << ";\n\n"
        << "const DisplayName kDisplayNames[] = {\n";
    for (const auto& [iso, name] : display) out << "    {" << literal(iso) << ", " << literal(name) << "},\n";
    out << "};\nconst std::size_t kDisplayNameCount = " << display.size() << ";\n\n"
        << "}  // namespace ingest::cluster_places_data\n";

    std::string generated = out.str();
    if (read_file(out_path) == generated) return 0;
    std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
    file << generated;
    if (!file) return fail("cannot write " + out_path);
    return 0;
}
