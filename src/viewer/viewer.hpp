// viewer — newsglobe's state and behaviour in plain C++ (no SDL, GL or
// Emscripten): the map and fonts it loads, the globe, the news it has
// loaded, what the reader looks at (the route, the open country and
// article, the list view, the filter and sort), the viewer's options, and
// every action the UI, the keyboard and the page may take. Each frame,
// update() turns network answers, URL changes and globe clicks into state,
// keeps the accessible mirror current and rebuilds the globe's palette.
//
// What it needs from the browser comes in through ViewerHost, so the unit
// tests drive it with a fake host and a fake transport. main owns the one
// Viewer of an app instance; nothing reaches it through a global.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/country_list.hpp"
#include "core/globe_view.hpp"
#include "core/news_state.hpp"
#include "core/route.hpp"
#include "viewer/options.hpp"
#include "viewer/viewer_host.hpp"

namespace ng {

// The font files the UI builds its typefaces from (TTF bytes).
struct FontFiles {
    std::string regular, bold, icons;
};

// What the page says when the viewer starts.
struct ViewerStart {
    std::string query;            // the viewer's options: "?api=…&theme=light" (options.hpp)
    std::string asset_base;       // prefix of the app's own files (map, fonts), "" for the page's folder
    std::string page_url;         // the full page's address without its hash
    bool embedded = false;        // on a host page: the UI offers the full viewer
    bool reduced_motion = false;  // the reader prefers reduced motion: no auto-rotation
};

// One frame's input to update(): time, the view's size, and what the UI's
// panels cover (fly-to centres countries in the part left uncovered).
struct ViewerFrame {
    double dt = 0;  // seconds since the last frame
    Viewport viewport;
    GlobeView::Insets insets;
};

using Palette = std::array<uint8_t, 256 * 4>;

// One country's part in the story on the globe: its articles in the story,
// earliest first. The first one with an id is the country's take.
struct CoveringCountry {
    std::string iso;
    int outlets = 0;
    std::vector<StoryMember> articles;
    const StoryMember* take() const;  // null when no article of it opens in the reader
};

// The story the globe's coverage map shows: the story view's, or the open
// article's. From the story document when it has arrived; until then, or
// when it failed or the article has none, from the open article and its
// alternative takes (from_document false).
struct ShownStory {
    std::string id;                        // the story id; "" when built from takes without one
    std::string headline, world_take;
    Timestamp first_reported;
    bool from_document = false;
    std::vector<CoveringCountry> countries;  // the walk's order: most attention first
    int article_count() const;
    int outlet_count() const;
};

// A headline the browser's own translator put into English, on request.
struct BrowserTranslation {
    enum State { Translating, Done, Failed } state = Translating;
    std::string text;  // Done: the English; Failed: why
};

class Viewer {
public:
    // Starts loading the map, the fonts and the countries index, and opens
    // the route the URL names.
    Viewer(ViewerHost& host, const ViewerStart& start);
    ~Viewer();
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;

    // [SECTION] the frame ------------------------------------------------------------
    // Network answers, back/forward, globe clicks, animations, the mirror and
    // the palette. True when the screen changed.
    bool update(const ViewerFrame& frame);
    // Something animates or waits on the network: keep frames coming.
    bool busy() const;
    // Milliseconds until a frame is wanted although nothing happens (auto-
    // rotation resuming); < 0 for never.
    double next_wake_ms() const;

    // [SECTION] input ----------------------------------------------------------------
    GlobeView& globe() { return globe_; }
    const GlobeView& globe() const { return globe_; }
    // While reading, ←/→ page through the stories instead of spinning the
    // globe; in the story view (and a take opened from it) they walk the
    // story's countries.
    void key(Key k);

    // [SECTION] actions --------------------------------------------------------------
    // Goes to a route: selects and flies the globe, loads what it needs, and
    // records it in the URL as a new history entry. Ignored when a locked
    // viewer may not go there.
    void navigate(const Route& route);
    // Esc and the close buttons: the A–Z list closes, the reader goes back to
    // its country's list (or to the story view it came from), the story view
    // to the article it was opened from, the country panel closes.
    void close_top();
    // The reader's ←/→: the previous/next story of the listed ones (loading
    // the next page near the end). False when there is none.
    bool step_article(int delta);
    void show_country_list(bool shown);
    void set_outlet_filter(const std::string& outlet);  // "" shows every outlet
    void set_sort_by_coverage(bool by_coverage);
    // Options at run time, from a query string: those of the View kind
    // (theme, autorotate, locked, compact) apply, the others are ignored.
    void set_options(const std::string& query);
    void retry_assets();      // the map or the fonts failed
    void retry_countries();   // the countries index failed
    void load_stories();      // the open country's first page (or its retry)
    void load_more_stories(); // the open country's next page (or its retry)
    void retry_article();

    // [SECTION] stories across borders (story.cpp) ------------------------------------
    // The open article's whole story: #/story/{story_id}, walking from the
    // article's country. False when the article has no story.
    bool open_story_view();
    // ←/→ of the walk: in the story view the previous/next covering country
    // (the globe turns to it); in a take opened from the story view, that
    // country's take. False at either end.
    bool step_story(int delta);
    // Enter, or a country picked in the story view: its take in the reader
    // ("" : the country the walk is at). False when it has none to open.
    bool open_story_take(const std::string& iso = "");
    // One article of the story in the reader, as a step of the walk.
    bool open_story_article(const std::string& id);
    void retry_story();
    // The walk is on: the story view, or a take opened from it.
    bool walking_story() const;

    // [SECTION] the browser's translator ------------------------------------------------
    // The open article's headline is in another language and the browser
    // can translate it (a button offers it).
    bool browser_translation_offered() const;
    void translate_with_browser();
    // The open article's browser translation, null before it was asked for.
    const BrowserTranslation* browser_translation() const;
    // The host's answers (ViewerHost::check_browser_translator, browser_translate).
    void browser_translator_answered(const std::string& from, bool available);
    void browser_translated(int request, bool ok, const std::string& text);
    // The UI could not build its typefaces from the font files.
    void report_broken_fonts();

    // [SECTION] what is shown --------------------------------------------------------
    const Route& route() const { return route_; }
    const std::string& country() const { return country_; }  // ISO of the open country, "" if none
    const std::string& article() const { return article_; }  // id of the open article, "" if none
    bool list_view() const { return list_view_; }             // the A–Z list instead of the panel
    const std::string& outlet_filter() const { return outlet_filter_; }
    bool sort_by_coverage() const { return sort_by_coverage_; }
    // The open country's loaded stories after the outlet filter and the sort
    // (kept until any of them changes: the UI asks every frame).
    const std::vector<const StorySummary*>& visible_stories() const;
    // The story on the globe's coverage map (no countries when none).
    const ShownStory& shown_story() const { return shown_story_; }
    // A country's part in it; null when its press does not cover it.
    const CoveringCountry* coverage_of(const std::string& iso) const;
    const std::string& story() const { return story_; }              // the story view's story id, "" if none
    const std::string& story_focus() const { return story_focus_; }  // ISO the walk is at
    // The article the story view was opened from (Esc goes back to it), "" for none.
    const std::string& story_origin() const;
    // The open story document's load (for the story view's loading and error states).
    const StoryEntry* story_entry() const;
    // The open article once it has loaded; null before (or when none is open).
    const Article* loaded_article() const;
    // The address of the full viewer at what this viewer shows, to share or
    // open: the page itself, or for an embedded viewer the app's own page
    // with the same source and view options.
    std::string link() const;

    // [SECTION] data -------------------------------------------------------------------
    // The map arrives twice: the light one first (data/world-light.bin, what
    // the first frame needs: core/simplify.hpp), then, once asked for, the full
    // one (the same countries in full detail, for picking, labels and close
    // views). A full map that fails leaves the light one; Try again asks again.
    const World& world() const { return *world_; }
    bool world_ready() const { return world_ready_; }
    bool world_full() const { return world_full_; }
    unsigned world_revision() const { return world_revision_; }  // changes when a map arrives
    void want_full_world();  // the app asks once the light map's mesh is whole, after the first globe frame
    const std::string& load_error() const { return load_error_; }  // the map or fonts failed
    const NewsState& news() const { return *news_; }
    const Country* country_by_iso(const std::string& iso) const;
    std::string country_name(const std::string& iso) const;  // falls back to the index's name, then the code
    // Every country the reader can pick (the map's and the index's), A–Z
    // by the host's collation; with its names in other languages as aliases
    // once they are loaded.
    const std::vector<CountryItem>& country_items() const;
    // The search is in use: fetch the countries' names in every language
    // (core/country_names.hpp), once. Search works without them meanwhile.
    void want_country_names();
    unsigned country_names_revision() const { return names_revision_; }  // changes when they arrive
    const FontFiles* font_files() const;  // null until all three arrived
    // The globe's 256 country colours; the revision changes when they do.
    const Palette& palette() const { return palette_; }
    unsigned palette_revision() const { return palette_revision_; }
    int64_t now_unix() const { return now_unix_; }  // wall clock, seconds, for "2 h ago"

    // [SECTION] options ----------------------------------------------------------------
    bool dark() const { return dark_; }
    bool graticule() const { return graticule_; }
    const std::string& locked_country() const { return locked_country_; }  // "" unless locked
    bool compact() const { return compact_; }                              // smaller chrome
    bool embedded() const { return embedded_; }
    // False for routes that would leave a locked viewer's country.
    bool route_allowed(const Route& r) const;

private:
    void go(const Route& r, bool record);
    void remember_option(const std::string& key, const std::string& value);
    void load_world();
    void load_full_world();
    void load_fonts();
    void sync_route_from_url();
    void follow_open_article();
    void on_globe_click(int index);
    void refresh_story();       // story.cpp: shown_story_, the walk's focus
    const Article* story_base_article() const;
    void check_browser_translator();
    void update_mirror();
    void update_palette();

    ViewerHost& host_;
    std::string asset_base_, page_url_;
    bool reduced_motion_ = false;
    OptionValues options_;  // the source and view options in force (for link())

    // news: HttpClient over the host's transport, the source, what is loaded
    std::unique_ptr<HttpClient> http_;
    std::unique_ptr<NewsService> service_;
    std::unique_ptr<NewsState> news_;

    // assets
    // shared with the HTTP client's cache, which decoded it: never copied
    std::shared_ptr<const World> world_ = std::make_shared<World>();
    bool world_ready_ = false, world_full_ = false, full_world_wanted_ = false;
    unsigned world_revision_ = 0;
    std::string load_error_;
    FetchHandle world_request_, full_world_request_, font_requests_[3], names_request_;
    bool names_requested_ = false;
    std::map<std::string, std::vector<std::string>> country_names_;  // ISO -> names in other languages
    unsigned names_revision_ = 0;
    FontFiles font_files_;
    int fonts_arrived_ = 0;

    GlobeView globe_;

    // what the reader looks at
    Route route_;  // mirrors the URL hash
    std::string country_, article_;
    bool list_view_ = false;
    std::string outlet_filter_;
    bool sort_by_coverage_ = false;
    std::string flown_to_article_;  // the article whose country the globe already flew to

    // the story view and its walk (story.cpp)
    std::string story_;          // the story view's story id
    std::string story_focus_;    // ISO of the country the walk is at
    std::string focus_story_;    // the story story_focus_ belongs to
    std::string flown_to_focus_;  // the focus the globe already turned to
    std::string story_origin_;   // the article the story view was opened from, "" for a link
    std::string story_return_;   // the story whose take the reader shows, when opened from the story view
    bool taking_from_story_ = false;  // the next article route comes from the walk
    ShownStory shown_story_;
    struct ShownStorySource {
        bool showing = false;
        const StoryEntry* story = nullptr;
        unsigned story_revision = 0;
        const Article* article = nullptr;
        unsigned article_revision = 0;
        bool operator!=(const ShownStorySource& o) const {
            return showing != o.showing || story != o.story || story_revision != o.story_revision ||
                   article != o.article || article_revision != o.article_revision;
        }
    } shown_story_source_;  // what shown_story_ was built from

    // the browser's translator: per language -1 asked, 0 no, 1 yes; per article
    std::map<std::string, int> browser_languages_;
    std::map<std::string, BrowserTranslation> browser_translations_;
    std::map<int, std::string> translation_requests_;  // request -> article id
    int next_translation_request_ = 1;

    // options
    bool dark_ = true, graticule_ = true, compact_ = false, embedded_ = false;
    std::string locked_country_;

    int64_t now_unix_ = 0;

    // derived, cached
    Palette palette_{};
    unsigned palette_revision_ = 0;
    bool palette_stale_ = true;
    std::string mirror_text_;  // last published
    Route mirrored_route_;
    bool mirrored_world_ = false;
    bool mirror_due_ = false;  // published at the next frame's update
    mutable struct {
        std::vector<CountryItem> items;
        size_t world_size = size_t(-1), index_size = size_t(-1);
        int64_t generated = -1;
        bool index_loaded = false;
        unsigned names_revision = unsigned(-1);
    } country_items_;  // rebuilt when the map or the index changes
    mutable struct {
        const CountryStories* stories = nullptr;
        unsigned revision = 0;
        std::string filter;
        bool by_coverage = false;
        std::vector<const StorySummary*> list;
    } visible_;  // visible_stories(), rebuilt when what it depends on changes
};

}  // namespace ng
