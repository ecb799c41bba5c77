#include "core/route.hpp"

#include <cctype>

#include "core/url_util.hpp"

namespace ng {
namespace {

// Article and story ids share one pattern (they are file names in the API).
bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!std::isalnum((unsigned char)c) && c != '-' && c != '_') return false;
    return true;
}

}  // namespace

Route parse_route(std::string_view hash) {
    if (!hash.empty() && hash[0] == '#') hash.remove_prefix(1);
    std::string path = percent_decode(hash, false);
    auto starts = [&](const char* p) { return path.rfind(p, 0) == 0; };
    if (starts("/country/")) {
        std::string iso = path.substr(9);
        if (iso.size() == 2 && std::isalpha((unsigned char)iso[0]) && std::isalpha((unsigned char)iso[1])) {
            for (char& c : iso) c = char(std::toupper((unsigned char)c));
            return {Route::Country, iso};
        }
    } else if (starts("/article/")) {
        std::string id = path.substr(9);
        if (valid_id(id)) return {Route::Article, id};
    } else if (starts("/story/")) {
        std::string id = path.substr(7);
        if (valid_id(id)) return {Route::Story, id};
    }
    return {};
}

std::string format_route(const Route& r) {
    switch (r.kind) {
        case Route::Country: return "#/country/" + r.value;
        case Route::Article: return "#/article/" + r.value;
        case Route::Story: return "#/story/" + r.value;
        case Route::Globe: break;
    }
    return "";
}

}  // namespace ng
