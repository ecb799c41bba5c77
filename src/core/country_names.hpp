// country_names — every country's name in the ~80 languages of the npm
// package i18n-iso-countries, so search finds 日本, Allemagne, مصر or
// ایالات متحده. A build-time tool (tools/prepare_country_names) writes them
// as text, one country a line: "JP\tJapan\t日本\tЯпония…", names that fold
// alike (fold_for_search) kept once; the viewer fetches the file the first
// time the search is used (about 100 KB gzipped: not on the first view).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ng {

// ISO alpha-2 -> names. Lines without a valid code, empty names and invalid
// UTF-8 are skipped; a damaged file gives what it can, never an error.
std::map<std::string, std::vector<std::string>> parse_country_names(std::string_view text);

// `names` with every name whose folded form equals another's, or one of
// `known`'s, left out (first spelling wins).
std::vector<std::string> distinct_names(const std::vector<std::string>& names,
                                        const std::vector<std::string>& known = {});

}  // namespace ng
