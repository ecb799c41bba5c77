// options — the option table (see options.hpp), how the viewer applies its
// options, and the locked viewer's rule of where it may go.
#include "viewer/options.hpp"

#include <string>

#include "core/url_util.hpp"
#include "viewer/viewer.hpp"

namespace ng {

// [SECTION] the table ----------------------------------------------------------------

const std::vector<ViewerOption>& viewer_options() {
    static const std::vector<ViewerOption> table = {
        {"source", OptionKind::Source},   // newsglobe (default), gdelt, newsapi: the adapter
        {"api", OptionKind::Source},      // base URL of the news API
        {"proxy", OptionKind::Source},    // URL prefix of a CORS proxy
        {"key", OptionKind::Source},      // NewsAPI key
        {"theme", OptionKind::View},      // dark (default) or light
        {"autorotate", OptionKind::View}, // idle spin (default on; always off for reduced motion)
        {"locked", OptionKind::View},     // stay on the country shown: no navigation away
        {"compact", OptionKind::View},    // smaller chrome for small boxes
        {"country", OptionKind::Route},   // ISO code to open
        {"article", OptionKind::Route},   // article id to open
    };
    return table;
}

namespace {

const ViewerOption* find_option(const std::string& name) {
    for (const ViewerOption& o : viewer_options())
        if (name == o.name) return &o;
    return nullptr;
}

}  // namespace

OptionValues known_options(std::string_view query) {
    OptionValues out;
    for (auto& [key, value] : parse_query(query))
        if (find_option(key)) out.emplace_back(std::move(key), std::move(value));
    return out;
}

bool option_on(const std::string& value) { return value == "1" || value == "true" || value == "yes"; }

std::string options_query(const OptionValues& values) {
    std::string q;
    for (const auto& [key, value] : values) q += (q.empty() ? "?" : "&") + key + "=" + percent_encode(value);
    return q;
}

// [SECTION] applying them ---------------------------------------------------------------

void Viewer::set_options(const std::string& query) {
    for (const auto& [key, value] : known_options(query)) {
        if (find_option(key)->kind != OptionKind::View) continue;  // the source and the start are fixed
        if (key == "theme" && (value == "light" || value == "dark")) {
            dark_ = value == "dark";
        } else if (key == "autorotate") {
            globe_.camera().set_auto_rotate(option_on(value) && !reduced_motion_);
        } else if (key == "compact") {
            compact_ = option_on(value);
        } else if (key == "locked") {
            // locked to the country the viewer shows (or was told to open)
            locked_country_ = option_on(value) ? (route_.kind == Route::Country ? route_.value : country_) : "";
        } else {
            continue;  // a value the option does not take
        }
        remember_option(key, value);
    }
    host_.wake();
}

// What a link to the full viewer carries: the source and view options in
// force, in the table's order.
void Viewer::remember_option(const std::string& key, const std::string& value) {
    for (auto& [k, v] : options_)
        if (k == key) {
            v = value;
            return;
        }
    options_.emplace_back(key, value);
}

std::string Viewer::link() const {
    std::string hash = format_route(route_);
    if (!embedded_) return page_url_ + hash;
    OptionValues ordered;
    for (const ViewerOption& o : viewer_options())
        for (const auto& [k, v] : options_)
            if (k == o.name) ordered.emplace_back(k, v);
    return asset_base_ + "index.html" + options_query(ordered) + hash;
}

// [SECTION] a locked viewer -----------------------------------------------------------------

bool Viewer::route_allowed(const Route& r) const {
    if (locked_country_.empty()) return true;
    switch (r.kind) {
        case Route::Globe: return false;
        case Route::Country: return r.value == locked_country_;
        case Route::Article: {
            // an article of the locked country's list, or one already known to be from there
            if (const ArticleEntry* a = news_->article(r.value); a && a->loaded) return a->article.country == locked_country_;
            if (const CountryStories* s = news_->stories(locked_country_))
                for (const StorySummary& story : s->stories)
                    if (story.id == r.value) return true;
            return false;
        }
        case Route::Story: return false;  // a story spans other countries
    }
    return true;
}

}  // namespace ng
