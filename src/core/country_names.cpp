// country_names — the names file (see country_names.hpp).
#include "core/country_names.hpp"

#include <set>

#include "core/country_search.hpp"
#include "core/news_decode.hpp"

namespace ng {

std::map<std::string, std::vector<std::string>> parse_country_names(std::string_view text) {
    std::map<std::string, std::vector<std::string>> out;
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        size_t tab = line.find('\t');
        std::string iso = normalize_iso(line.substr(0, tab));
        if (iso.empty() || tab == std::string_view::npos) continue;
        std::vector<std::string>& names = out[iso];
        for (std::string_view rest = line.substr(tab + 1); !rest.empty();) {
            size_t next = rest.find('\t');
            std::string name = clean_text(rest.substr(0, next), 200);
            if (!name.empty()) names.push_back(std::move(name));
            rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
        }
    }
    return out;
}

std::vector<std::string> distinct_names(const std::vector<std::string>& names, const std::vector<std::string>& known) {
    std::set<std::string> seen;
    for (const std::string& k : known) seen.insert(fold_for_search(k));
    std::vector<std::string> out;
    for (const std::string& n : names) {
        std::string folded = fold_for_search(n);
        if (!folded.empty() && seen.insert(folded).second) out.push_back(n);
    }
    return out;
}

}  // namespace ng
