// options — the viewer's options (theme, autorotate, locked, compact), read
// from the page's query string or an embedder's mount()/setOptions() call,
// and the locked viewer's rule of where it may go.
#include <string>

#include "core/url_util.hpp"
#include "viewer/viewer.hpp"

namespace ng {
namespace {

bool truthy(const std::string& v) { return v == "1" || v == "true" || v == "yes"; }

}  // namespace

void Viewer::set_options(const std::string& query) {
    for (const auto& [key, value] : parse_query(query)) {
        if (key == "theme" && (value == "light" || value == "dark")) {
            dark_ = value == "dark";
        } else if (key == "autorotate") {
            globe_.camera().set_auto_rotate(truthy(value) && !reduced_motion_);
        } else if (key == "compact") {
            compact_ = truthy(value);
        } else if (key == "locked") {
            // locked to the country the viewer shows (or was told to open)
            locked_country_ = truthy(value) ? (route_.kind == Route::Country ? route_.value : country_) : "";
        }
    }
    host_.wake();
}

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
    }
    return true;
}

}  // namespace ng
