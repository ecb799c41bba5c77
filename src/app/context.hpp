// context — the app state the UI reads and the actions it may take. One
// instance lives in app.cpp; UI modules receive it by reference.
#pragma once
#include <memory>
#include <string>

#include "core/globe_view.hpp"
#include "core/news_state.hpp"
#include "core/route.hpp"

namespace ng::app {

struct Context {
    // ---- data ----
    World world;
    bool world_ready = false;
    std::string load_error;               // the map or fonts failed: shown with a retry
    GlobeView globe;
    std::unique_ptr<NewsState> news;      // null until the source is configured
    std::string config_note;              // about ignored URL parameters

    // ---- what the reader looks at ----
    Route route;                          // mirrors the URL hash
    std::string country;                  // ISO of the open country panel, "" if none
    std::string article;                  // id of the open article, "" if none
    bool list_view = false;               // the A–Z country list instead of the panel
    bool dark = true;
    bool graticule = true;
    int64_t now_unix = 0;                 // wall clock, seconds, for "2 h ago"

    // ---- actions (implemented in app.cpp) ----
    // Goes to a route: selects/flies the globe, loads data, and records it in
    // the URL (push: a new history entry, else replace).
    void navigate(const Route& r, bool push = true);
    void retry_map();
    const Country* country_by_iso(const std::string& iso) const;
    std::string country_name(const std::string& iso) const;  // falls back to the code
};

Context& context();

}  // namespace ng::app
