// context — the app state the UI reads and the actions it may take. One
// instance lives in app.cpp; UI modules receive it by reference.
#pragma once
#include <memory>
#include <string>
#include <vector>

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
    std::string outlet_filter;            // the country panel shows only this outlet ("" = all)
    bool sort_by_coverage = false;        // most covered first, else newest first
    bool ui_animating = false;            // the UI animates (shimmer, toast, sheet): keep frames coming
    bool dark = true;
    bool graticule = true;
    // Embed options (app/options.cpp): stay on one country; smaller chrome.
    std::string locked_country;
    bool compact = false;
    bool embedded = false;                // on a host page: offer the full viewer
    int64_t now_unix = 0;                 // wall clock, seconds, for "2 h ago"

    // ---- actions (implemented in app.cpp) ----
    // Goes to a route: selects/flies the globe, loads data, and records it in
    // the URL (push: a new history entry, else replace).
    void navigate(const Route& r, bool push = true);
    void retry_map();
    // Applies viewer options from a query string: theme, autorotate, locked,
    // compact (the page's URL, embed options, or setOptions at run time).
    void apply_options(const std::string& query);
    // False for routes that would leave a locked viewer's country.
    bool route_allowed(const Route& r) const;
    // Esc and the close buttons: the reader goes back to its country's list,
    // the A–Z list or the country panel closes.
    void close_top();
    // The reader's ←/→: the previous/next story of the current list. False
    // when there is none.
    bool step_article(int delta);
    // The open country's loaded stories after the outlet filter and the sort,
    // as the panel lists them.
    std::vector<const StorySummary*> visible_stories() const;
    // The open article's alternative take from a country's press, if any.
    const AlternativeTake* take_from(const std::string& iso) const;
    const Country* country_by_iso(const std::string& iso) const;
    std::string country_name(const std::string& iso) const;  // falls back to the code
};

Context& context();

}  // namespace ng::app
