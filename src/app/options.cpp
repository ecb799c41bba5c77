// options — the viewer's options (theme, autorotate, locked, compact), read
// from the page's query string or an embedder's mount()/setOptions() call.
#include <string>

#include "app/context.hpp"
#include "core/url_util.hpp"
#include "platform/web.hpp"
#include "ui/style.hpp"

namespace ng::app {
namespace {

bool truthy(const std::string& v) { return v == "1" || v == "true" || v == "yes"; }

}  // namespace

void Context::apply_options(const std::string& query) {
    for (const auto& [key, value] : parse_query(query)) {
        if (key == "theme" && (value == "light" || value == "dark")) {
            dark = value == "dark";
            ui::apply_style(dark);
        } else if (key == "autorotate") {
            globe.camera().set_auto_rotate(truthy(value) && !web::prefers_reduced_motion());
        } else if (key == "compact") {
            compact = truthy(value);
        } else if (key == "locked") {
            // locked to the country the viewer shows (or was told to open)
            locked_country = truthy(value) ? (route.kind == Route::Country ? route.value : country) : "";
        }
    }
    web::wake();
}

bool Context::route_allowed(const Route& r) const {
    if (locked_country.empty()) return true;
    switch (r.kind) {
        case Route::Globe: return false;
        case Route::Country: return r.value == locked_country;
        case Route::Article: {
            // an article of the locked country's list, or one already known to be from there
            if (const ArticleEntry* a = news ? news->article(r.value) : nullptr; a && a->loaded)
                return a->article.country == locked_country;
            if (const CountryStories* s = news ? news->stories(locked_country) : nullptr)
                for (const StorySummary& story : s->stories)
                    if (story.id == r.value) return true;
            return false;
        }
    }
    return true;
}

}  // namespace ng::app
