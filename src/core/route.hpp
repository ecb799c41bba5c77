// route — the URL hash that reflects what the reader is looking at, so links
// can be shared and back/forward move through the reading history:
//   ""  or "#/"           the globe
//   "#/country/FR"        a country's stories
//   "#/article/{id}"      an article (its country comes from the article)
//   "#/story/{id}"        a story across borders: every country covering it
#pragma once
#include <string>
#include <string_view>

namespace ng {

struct Route {
    enum Kind { Globe, Country, Article, Story } kind = Globe;
    std::string value;  // ISO code (upper case), article id or story id
    bool operator==(const Route& o) const { return kind == o.kind && value == o.value; }
    bool operator!=(const Route& o) const { return !(*this == o); }
};

// Unknown or malformed hashes are the globe: a bad link never breaks the app.
Route parse_route(std::string_view hash);
std::string format_route(const Route& r);

}  // namespace ng
