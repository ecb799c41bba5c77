// options — every option of the viewer, in one table. The page hands its
// options over unfiltered: the loader passes a host page's mount() and
// setOptions() objects, the iframe page (web/embed.html) its URL parameters,
// and the full-page app its own query string. This table decides which keys
// mean something and when they apply; everything else is ignored.
// docs/embedding.md lists the same options for people.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ng {

enum class OptionKind {
    Source,  // where the news comes from: read once, at start
    View,    // how the viewer looks and behaves: at start and any time after
    Route,   // where an embedded viewer opens: at start (the full page uses its URL hash)
};

struct ViewerOption {
    const char* name;
    OptionKind kind;
};

// source, api, proxy, key; theme, autorotate, locked, compact; country, article.
const std::vector<ViewerOption>& viewer_options();

// The options of `query` ("?theme=light&x=1" or "theme=light") that the
// table knows, in the order given (a later repeat wins where it matters).
using OptionValues = std::vector<std::pair<std::string, std::string>>;
OptionValues known_options(std::string_view query);

// "1", "true" and "yes" are on; anything else is off.
bool option_on(const std::string& value);

// A query string of the values ("?api=…&theme=light"), percent-encoded; ""
// for none.
std::string options_query(const OptionValues& values);

}  // namespace ng
