// viewer — state and behaviour (see viewer.hpp). The options and the locked
// viewer's rules live in options.cpp, the accessible mirror in mirror.cpp.
#include "viewer/viewer.hpp"

#include "core/country_names.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/coverage.hpp"
#include "core/url_util.hpp"

namespace ng {

const char* event_name(ViewerEvent event) {
    switch (event) {
        case ViewerEvent::Ready: return "ready";
        case ViewerEvent::Select: return "select";
        case ViewerEvent::Open: return "open";
    }
    return "";
}

// [SECTION] lifecycle ------------------------------------------------------------------

namespace {

bool has_option(const OptionValues& options, const char* name) {
    for (const auto& [k, v] : options)
        if (k == name) return true;
    return false;
}

// Where an embedded viewer was told to open: an article, else a country.
Route route_from_options(const OptionValues& options) {
    for (const char* kind : {"article", "country"})
        for (const auto& [k, v] : options)
            if (k == kind)
                if (Route r = parse_route("#/" + k + "/" + percent_encode(v)); r.kind != Route::Globe) return r;
    return {};
}

}  // namespace

Viewer::Viewer(ViewerHost& host, const ViewerStart& start)
    : host_(host),
      asset_base_(start.asset_base),
      page_url_(start.page_url),
      reduced_motion_(start.reduced_motion),
      embedded_(start.embedded) {
    OptionValues options = known_options(start.query);
    // an embedded viewer told no source reads the sample API served beside the app
    if (embedded_ && !has_option(options, "source") && !has_option(options, "api"))
        options.insert(options.begin(), {"api", asset_base_ + "api"});
    for (const auto& [key, value] : options)
        for (const ViewerOption& o : viewer_options())
            if (key == o.name && o.kind == OptionKind::Source) remember_option(key, value);

    http_ = std::make_unique<HttpClient>(host_.transport(), [this] { return host_.monotonic_ms(); },
                                         [this] { return host_.wall_clock_ms(); });
    service_ = std::make_unique<NewsService>(*http_, make_source(parse_source_config(options_query(options))));
    news_ = std::make_unique<NewsState>(*service_);

    route_ = parse_route(host_.url_hash());  // read before anything can write the URL
    if (embedded_ && route_.kind == Route::Globe) {
        route_ = route_from_options(options);
        if (route_.kind != Route::Globe) host_.set_url_hash(format_route(route_), HistoryEntry::Replace);
    }
    // auto-rotation is on unless the reader prefers reduced motion; ?autorotate= overrides
    globe_.camera().set_auto_rotate(!reduced_motion_);
    set_options(start.query);

    load_world();
    load_fonts();
    news_->load_countries();
    go(route_, false);
}

Viewer::~Viewer() = default;

// [SECTION] assets -----------------------------------------------------------------------

namespace {

// The map is decoded inside the HTTP client, so a damaged file is an error
// there and is never cached: "Try again" fetches it anew.
Decoded decode_world(const HttpResponse& r) {
    auto world = std::make_shared<World>();
    std::string error;
    if (!decode_world_asset(r.body, world.get(), &error))
        return {make_error(FetchError::BadDocument, "The map file is damaged (" + error + ")."), nullptr};
    return {{}, std::move(world)};
}

// A font file starts with an sfnt version: TrueType, OpenType or a collection.
Decoded check_font(const HttpResponse& r) {
    std::string_view magic = std::string_view(r.body).substr(0, 4);
    if (magic == std::string_view("\0\1\0\0", 4) || magic == "OTTO" || magic == "true" || magic == "ttcf")
        return {{}, nullptr};
    return {make_error(FetchError::BadDocument, "A font file is damaged."), nullptr};
}

}  // namespace

void Viewer::load_world() {
    load_error_.clear();
    FetchOptions opt;
    opt.max_bytes = 8u << 20;
    opt.decode = decode_world;
    world_request_ = http_->get(asset_base_ + "data/world-light.bin", [this](const FetchResult& r) {
        if (!r.ok()) {
            load_error_ = r.error.kind == FetchError::BadDocument ? r.error.message
                                                                  : "The map could not be loaded. " + r.error.message;
            return;
        }
        world_ = std::static_pointer_cast<const World>(r.decoded);
        globe_.set_world(world_.get());
        world_ready_ = true;
        ++world_revision_;
        palette_stale_ = true;
        go(route_, false);  // a deep link may name a country
        if (full_world_wanted_) load_full_world();
    }, opt);
}

void Viewer::want_full_world() {
    full_world_wanted_ = true;
    if (world_ready_ && !world_full_ && !full_world_request_.pending()) load_full_world();
}

void Viewer::load_full_world() {
    FetchOptions opt;
    opt.max_bytes = 8u << 20;
    opt.decode = decode_world;
    full_world_request_ = http_->get(asset_base_ + "data/world.bin", [this](const FetchResult& r) {
        if (!r.ok()) return;  // the light map stays: picking is exact to a few km instead of metres
        auto full = std::static_pointer_cast<const World>(r.decoded);
        bool same = full->countries.size() == world_->countries.size();
        for (size_t i = 0; same && i < full->countries.size(); ++i) same = full->countries[i].iso == world_->countries[i].iso;
        if (!same) return;  // a map from another build: its countries are not the ones on screen
        world_ = std::move(full);
        globe_.refine_world(world_.get());
        world_full_ = true;
        ++world_revision_;
    }, opt);
}

void Viewer::load_fonts() {
    const char* files[3] = {"fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf", "fonts/fa-subset.ttf"};
    std::string* slots[3] = {&font_files_.regular, &font_files_.bold, &font_files_.icons};
    fonts_arrived_ = 0;
    FetchOptions opt;
    opt.decode = check_font;
    for (int i = 0; i < 3; ++i) {
        std::string* slot = slots[i];
        font_requests_[i] = http_->get(asset_base_ + files[i], [this, slot](const FetchResult& r) {
            if (!r.ok()) {
                load_error_ = "The fonts could not be loaded. " + r.error.message;
                return;
            }
            *slot = r.response.body;
            ++fonts_arrived_;
        }, opt);
    }
}

const FontFiles* Viewer::font_files() const { return fonts_arrived_ == 3 ? &font_files_ : nullptr; }

void Viewer::retry_assets() {
    if (!world_ready_) load_world();
    else if (full_world_wanted_ && !world_full_ && !full_world_request_.pending()) load_full_world();
    if (fonts_arrived_ < 3) load_fonts();
}

void Viewer::report_broken_fonts() { load_error_ = "The fonts are damaged."; }

void Viewer::want_country_names() {
    if (names_requested_) return;
    names_requested_ = true;
    names_request_ = http_->get(asset_base_ + "data/country_names.txt", [this](const FetchResult& r) {
        if (!r.ok()) return;  // search keeps its English names and aliases
        country_names_ = parse_country_names(r.response.body);
        ++names_revision_;
    });
}

// [SECTION] the frame ----------------------------------------------------------------------

bool Viewer::update(const ViewerFrame& frame) {
    now_unix_ = host_.wall_clock_ms() / 1000;
    // the view's size and what the panels cover, before anything (a deep link
    // arriving with the data, a click) can fly somewhere
    globe_.set_viewport(frame.viewport);
    globe_.set_insets(frame.insets);
    http_->tick();
    bool changed = news_->take_changed();
    sync_route_from_url();
    if (auto click = globe_.take_click()) {
        on_globe_click(*click);
        changed = true;
    }
    follow_open_article();
    refresh_story();
    check_browser_translator();
    // the page's mirror follows a frame late, so what changed is on screen
    // first (the map's arrival: 10-18 ms of building the A-Z list's HTML)
    if (mirror_due_) update_mirror(), mirror_due_ = false;
    if (changed || route_ != mirrored_route_ || world_ready_ != mirrored_world_) {
        mirror_due_ = true;
        mirrored_route_ = route_, mirrored_world_ = world_ready_;
    }
    changed |= globe_.update(frame.dt);
    update_palette();
    return changed;
}

bool Viewer::busy() const { return globe_.animating() || !http_->idle() || mirror_due_; }

double Viewer::next_wake_ms() const {
    const GlobeCamera& cam = globe_.camera();
    if (cam.auto_rotate_enabled() && !cam.auto_rotating()) return cam.seconds_until_auto_rotate() * 1000 + 50;
    return -1;
}

void Viewer::update_palette() {
    if (!world_ready_) return;
    PaletteInput in;
    in.dark_theme = dark_;
    size_t n = world_->countries.size();
    in.story_counts.assign(n, -1);
    in.highlight.assign(n, Highlight::None);
    for (size_t i = 0; i < n; ++i) in.story_counts[i] = news_->story_count(world_->countries[i].iso);
    // the story's coverage map: countries whose press carries it
    if (!shown_story_.countries.empty()) {
        in.coverage_mode = true;
        for (const CoveringCountry& c : shown_story_.countries) {
            int i = world_->find(c.iso);
            if (i >= 0) in.highlight[size_t(i)] = Highlight::Covering;
        }
    }
    if (globe_.selected() >= 0) in.highlight[size_t(globe_.selected())] = Highlight::Selected;
    if (globe_.hovered() >= 0 && globe_.hovered() != globe_.selected())
        in.highlight[size_t(globe_.hovered())] = Highlight::Hovered;
    Palette palette = build_palette(in);
    if (palette_stale_ || palette != palette_) {
        palette_ = palette;
        palette_stale_ = false;
        ++palette_revision_;
    }
}

// [SECTION] input ----------------------------------------------------------------------------

void Viewer::key(Key k) {
    if (k == Key::Left || k == Key::Right) {
        int delta = k == Key::Left ? -1 : 1;
        if (walking_story()) {
            step_story(delta);
            return;
        }
        if (!article_.empty()) {
            step_article(delta);
            return;
        }
    }
    globe_.key(k);
}

// A click on the globe. While a story is shown the globe is its coverage
// map: a country whose press covers it opens its take (in the story view,
// as a step of the walk). Any other country, and the open article's own,
// opens its stories; the ocean closes a country panel.
void Viewer::on_globe_click(int index) {
    std::string iso = index >= 0 ? world_->countries[size_t(index)].iso : "";
    if (!iso.empty()) {
        if (!story_.empty() && open_story_take(iso)) return;
        const CoveringCountry* c = coverage_of(iso);
        const StoryMember* take = c ? c->take() : nullptr;
        if (take && take->id != article_) navigate({Route::Article, take->id});
        else navigate({Route::Country, iso});
    } else if (route_.kind == Route::Country) {
        navigate({});
    }
}

// [SECTION] navigation -------------------------------------------------------------------------

void Viewer::navigate(const Route& route) { go(route, true); }

void Viewer::go(const Route& r, bool record) {
    if (!route_allowed(r)) return;
    bool changed = r != route_;
    route_ = r;
    if (changed && record) host_.set_url_hash(format_route(r), HistoryEntry::Push);
    if (r.kind != Route::Story) story_.clear();
    if (r.kind != Route::Article || !taking_from_story_) story_return_.clear();
    taking_from_story_ = false;
    switch (r.kind) {
        case Route::Globe:
            country_.clear();
            article_.clear();
            globe_.select(-1, false);
            break;
        case Route::Country: {
            article_.clear();
            list_view_ = false;
            if (country_ != r.value) outlet_filter_.clear();
            country_ = r.value;
            // the index may already say there is nothing to fetch
            if (news_->story_count(country_) != 0) news_->open_country(country_);
            int i = world_->find(country_);
            if (world_ready_ && globe_.selected() != i) globe_.select(i, true);
            if (changed) host_.emit_event(ViewerEvent::Select, {{"country", country_}});
            break;
        }
        case Route::Article:
            article_ = r.value;
            list_view_ = false;
            flown_to_article_.clear();
            news_->open_article(article_);
            break;
        case Route::Story:
            flown_to_focus_.clear();  // turn the globe to the walk's country again
            story_ = r.value;
            country_.clear();
            article_.clear();
            list_view_ = false;
            news_->open_story(story_);
            break;
    }
    refresh_story();
    palette_stale_ = true;
}

void Viewer::sync_route_from_url() {
    Route from_url = parse_route(host_.url_hash());
    if (from_url != route_) go(from_url, false);  // back/forward or an edited URL
}

// Once an opened article arrives, fly to its country and select it.
void Viewer::follow_open_article() {
    if (article_.empty() || flown_to_article_ == article_ || !world_ready_) return;
    const Article* a = loaded_article();
    if (!a) return;
    flown_to_article_ = article_;
    if (!a->story_id.empty()) news_->open_story(a->story_id);  // its coverage map, its story view
    if (country_ != a->country) outlet_filter_.clear();
    country_ = a->country;
    news_->open_country(country_);
    globe_.select(world_->find(country_), true);
    host_.emit_event(ViewerEvent::Open, {{"id", article_}, {"country", country_}});
}

void Viewer::close_top() {
    if (list_view_) {
        list_view_ = false;
    } else if (!story_.empty()) {
        const Article* origin = story_base_article();
        navigate(origin ? Route{Route::Article, origin->id} : Route{});
    } else if (!story_return_.empty()) {
        navigate({Route::Story, story_return_});
    } else if (!article_.empty()) {
        std::string iso = country_;
        if (const Article* a = loaded_article()) iso = a->country;
        navigate(iso.empty() ? Route{} : Route{Route::Country, iso});
    } else if (!country_.empty()) {
        navigate({});
    }
}

bool Viewer::step_article(int delta) {
    if (article_.empty()) return false;
    const std::vector<const StorySummary*>& list = visible_stories();
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i]->id != article_) continue;
        long j = long(i) + delta;
        if (j < 0 || j >= long(list.size())) return false;
        // reading towards the end of what is loaded: fetch the next page
        const CountryStories* s = news_->stories(country_);
        if (s && j + 2 >= long(list.size()) && !s->complete() && s->load.error.ok()) news_->load_more(country_);
        navigate({Route::Article, list[size_t(j)]->id});
        return true;
    }
    return false;
}

void Viewer::show_country_list(bool shown) { list_view_ = shown; }
void Viewer::set_outlet_filter(const std::string& outlet) { outlet_filter_ = outlet; }
void Viewer::set_sort_by_coverage(bool by_coverage) { sort_by_coverage_ = by_coverage; }
void Viewer::retry_countries() { news_->load_countries(); }
void Viewer::load_stories() { news_->retry_country(country_); }
void Viewer::load_more_stories() { news_->load_more(country_); }
void Viewer::retry_article() { news_->retry_article(article_); }

// [SECTION] what is shown ------------------------------------------------------------------------

const std::vector<const StorySummary*>& Viewer::visible_stories() const {
    const CountryStories* s = country_.empty() ? nullptr : news_->stories(country_);
    auto& cache = visible_;
    if (s == cache.stories && (!s || s->revision == cache.revision) && outlet_filter_ == cache.filter &&
        sort_by_coverage_ == cache.by_coverage)
        return cache.list;
    cache.stories = s, cache.revision = s ? s->revision : 0;
    cache.filter = outlet_filter_, cache.by_coverage = sort_by_coverage_;
    cache.list.clear();
    if (!s) return cache.list;
    for (const StorySummary& story : s->stories)
        if (outlet_filter_.empty() || story.outlet.name == outlet_filter_) cache.list.push_back(&story);
    if (sort_by_coverage_)
        std::stable_sort(cache.list.begin(), cache.list.end(), [](const StorySummary* a, const StorySummary* b) {
            return a->coverage.value_or(0) > b->coverage.value_or(0);
        });
    return cache.list;
}

const Article* Viewer::loaded_article() const {
    const ArticleEntry* a = article_.empty() ? nullptr : news_->article(article_);
    return a && a->loaded ? &a->article : nullptr;
}

const Country* Viewer::country_by_iso(const std::string& iso) const {
    int i = world_->find(iso);
    return i < 0 ? nullptr : &world_->countries[size_t(i)];
}

std::string Viewer::country_name(const std::string& iso) const {
    if (const Country* c = country_by_iso(iso)) return c->name;
    for (const CountryEntry& e : news_->countries().countries)
        if (e.iso == iso && !e.name.empty()) return e.name;
    return iso;
}

const std::vector<CountryItem>& Viewer::country_items() const {
    auto& cache = country_items_;
    bool loaded = news_->countries_loaded();
    size_t index_size = loaded ? news_->countries().countries.size() : 0;
    int64_t generated = loaded ? news_->countries().generated.seconds : 0;
    size_t world_size = world_ready_ ? world_->countries.size() : 0;
    if (cache.world_size == world_size && cache.index_size == index_size && cache.index_loaded == loaded &&
        cache.generated == generated && cache.names_revision == names_revision_)
        return cache.items;
    cache.world_size = world_size, cache.index_size = index_size, cache.index_loaded = loaded, cache.generated = generated;
    cache.names_revision = names_revision_;
    std::vector<CountryItem> items =
        merge_country_list(world_ready_ ? &world_->countries : nullptr, loaded ? &news_->countries() : nullptr,
                           [this](const std::string& iso) { return news_->story_count(iso); });
    for (CountryItem& item : items) {
        auto names = country_names_.find(item.iso);
        if (names == country_names_.end()) continue;
        std::vector<std::string> known = item.aliases;
        known.push_back(item.name);
        for (std::string& n : distinct_names(names->second, known)) item.aliases.push_back(std::move(n));
    }
    // A-Z as the reader's language sorts (Intl.Collator), when the host knows it
    std::vector<std::string> names;
    for (const CountryItem& item : items) names.push_back(item.name);
    std::vector<int> order = host_.collation_order(names);
    std::vector<bool> taken(items.size(), false);
    bool permutation = order.size() == items.size();
    for (size_t k = 0; permutation && k < order.size(); ++k) {
        permutation = order[k] >= 0 && size_t(order[k]) < items.size() && !taken[size_t(order[k])];
        if (permutation) taken[size_t(order[k])] = true;
    }
    cache.items.clear();
    if (!permutation) cache.items = std::move(items);
    else
        for (int i : order) cache.items.push_back(std::move(items[size_t(i)]));
    return cache.items;
}

}  // namespace ng
