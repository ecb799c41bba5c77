#include "app/app.hpp"

#include <algorithm>
#include <ctime>

#include "app/context.hpp"
#include "app/mirror.hpp"
#include "core/coverage.hpp"
#include "core/tessellate.hpp"
#include "core/url_util.hpp"
#include "platform/fetch.hpp"
#include "platform/web.hpp"
#include "render/globe_renderer.hpp"
#include "ui/layout.hpp"
#include "ui/style.hpp"
#include "ui/ui.hpp"

namespace ng::app {

// [SECTION] state ------------------------------------------------------------------
namespace {

struct State {
    Context ctx;
    web::FetchTransport transport;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<NewsService> service;
    FetchHandle world_req, font_req[3];
    ui::FontFiles font_files;
    int fonts_arrived = 0;
    float font_density = 0;
    bool fonts_ok = false;
    std::array<uint8_t, 256 * 4> palette{};
    bool palette_valid = false;
    bool drew_countries = false;
    std::string flown_to_article;  // the article whose country we already flew to
    Route mirrored_route;          // what the accessible mirror last showed
    bool mirrored_world = false;
};
State* g = nullptr;

int64_t wall_ms() { return int64_t(std::time(nullptr)) * 1000 + int64_t(web::now_ms()) % 1000; }

// [SECTION] assets -------------------------------------------------------------------

void load_world() {
    g->ctx.load_error.clear();
    FetchOptions opt;
    opt.max_bytes = 8u << 20;
    g->world_req = g->http->get(web::asset_url("data/world.bin"), [](const FetchResult& r) {
        if (!r.ok()) {
            g->ctx.load_error = "The map could not be loaded. " + r.error.message;
            return;
        }
        std::string error;
        World world;
        if (!decode_world_asset(r.response.body, &world, &error)) {
            g->ctx.load_error = "The map file is damaged (" + error + ").";
            return;
        }
        g->ctx.world = std::move(world);
        g->ctx.globe.set_world(&g->ctx.world);
        globe_renderer::upload_mesh(tessellate_world(g->ctx.world));
        g->ctx.world_ready = true;
        g->palette_valid = false;
        g->ctx.navigate(g->ctx.route, false);  // a deep link may name a country
    }, opt);
}

void load_fonts() {
    const char* files[3] = {"fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf", "fonts/fa-subset.ttf"};
    std::string* slots[3] = {&g->font_files.regular, &g->font_files.bold, &g->font_files.icons};
    g->fonts_arrived = 0;
    for (int i = 0; i < 3; ++i) {
        std::string* slot = slots[i];
        g->font_req[i] = g->http->get(web::asset_url(files[i]), [slot](const FetchResult& r) {
            if (!r.ok()) {
                g->ctx.load_error = "The fonts could not be loaded. " + r.error.message;
                return;
            }
            *slot = r.response.body;
            ++g->fonts_arrived;
        });
    }
}

// [SECTION] palette --------------------------------------------------------------------

void update_palette() {
    Context& c = g->ctx;
    if (!c.world_ready) return;
    PaletteInput in;
    in.dark_theme = c.dark;
    size_t n = c.world.countries.size();
    in.story_counts.assign(n, -1);
    in.highlight.assign(n, Highlight::None);
    if (c.news)
        for (size_t i = 0; i < n; ++i) in.story_counts[i] = c.news->story_count(c.world.countries[i].iso);
    // the open story's coverage map: countries whose press carries it
    if (c.news && !c.article.empty()) {
        const ArticleEntry* a = c.news->article(c.article);
        if (a && a->loaded) {
            in.coverage_mode = true;
            for (const AlternativeTake& t : a->article.alternative_takes) {
                int i = c.world.find(t.country);
                if (i >= 0) in.highlight[size_t(i)] = Highlight::Covering;
            }
        }
    }
    if (c.globe.selected() >= 0) in.highlight[size_t(c.globe.selected())] = Highlight::Selected;
    if (c.globe.hovered() >= 0 && c.globe.hovered() != c.globe.selected())
        in.highlight[size_t(c.globe.hovered())] = Highlight::Hovered;
    auto palette = build_palette(in);
    if (!g->palette_valid || palette != g->palette) {
        g->palette = palette;
        g->palette_valid = true;
        globe_renderer::upload_palette(g->palette.data());
    }
}

// [SECTION] navigation -------------------------------------------------------------------

void sync_route_from_url() {
    Route from_url = parse_route(web::url_hash());
    if (from_url != g->ctx.route) g->ctx.navigate(from_url, false);  // back/forward or an edited URL
}

// Once an opened article arrives, fly to its country and select it.
void follow_open_article() {
    Context& c = g->ctx;
    if (c.article.empty() || !c.news || g->flown_to_article == c.article || !c.world_ready) return;
    const ArticleEntry* a = c.news->article(c.article);
    if (!a || !a->loaded) return;
    g->flown_to_article = c.article;
    if (c.country != a->article.country) c.outlet_filter.clear();
    c.country = a->article.country;
    c.news->open_country(c.country);
    c.globe.select(c.world.find(c.country), true);
    web::emit_event("open", "{\"id\":\"" + c.article + "\",\"country\":\"" + c.country + "\"}");
}

// A click on the globe. While a story is open the globe shows its coverage
// map: a country whose press has a take on the story opens that take. Any
// other country opens its stories; the ocean closes a country panel.
void on_globe_click(int index) {
    Context& c = g->ctx;
    std::string iso = index >= 0 ? c.world.countries[size_t(index)].iso : "";
    if (!iso.empty()) {
        const AlternativeTake* take = c.take_from(iso);
        if (take && !take->article_id.empty()) c.navigate({Route::Article, take->article_id});
        else c.navigate({Route::Country, iso});
    } else if (c.route.kind == Route::Country) {
        c.navigate({});
    }
}

}  // namespace

Context& context() { return g->ctx; }

const Country* Context::country_by_iso(const std::string& iso) const {
    int i = world.find(iso);
    return i < 0 ? nullptr : &world.countries[size_t(i)];
}

std::string Context::country_name(const std::string& iso) const {
    const Country* c = country_by_iso(iso);
    if (c) return c->name;
    if (news)
        for (const CountryEntry& e : news->countries().countries)
            if (e.iso == iso && !e.name.empty()) return e.name;
    return iso;
}

void Context::navigate(const Route& r, bool push) {
    if (!route_allowed(r)) return;
    bool changed = r != route;
    route = r;
    if (changed && push) web::push_hash(format_route(r));
    switch (r.kind) {
        case Route::Globe:
            country.clear();
            article.clear();
            globe.select(-1, false);
            break;
        case Route::Country: {
            article.clear();
            list_view = false;
            if (country != r.value) outlet_filter.clear();
            country = r.value;
            // the index may already say there is nothing to fetch
            if (news && news->story_count(country) != 0) news->open_country(country);
            int i = world.find(country);
            if (world_ready && globe.selected() != i) globe.select(i, true);
            if (changed) web::emit_event("select", "{\"country\":\"" + country + "\"}");
            break;
        }
        case Route::Article:
            article = r.value;
            list_view = false;
            g->flown_to_article.clear();
            if (news) news->open_article(article);
            break;
    }
    g->palette_valid = false;
}

void Context::retry_map() {
    if (!world_ready) load_world();
    if (g->fonts_arrived < 3) load_fonts();
}

void Context::close_top() {
    if (list_view) {
        list_view = false;
    } else if (!article.empty()) {
        std::string iso = country;
        if (const ArticleEntry* a = news ? news->article(article) : nullptr; a && a->loaded) iso = a->article.country;
        navigate(iso.empty() ? Route{} : Route{Route::Country, iso});
    } else if (!country.empty()) {
        navigate({});
    }
}

std::vector<const StorySummary*> Context::visible_stories() const {
    std::vector<const StorySummary*> out;
    const CountryStories* s = news && !country.empty() ? news->stories(country) : nullptr;
    if (!s) return out;
    for (const StorySummary& story : s->stories)
        if (outlet_filter.empty() || story.outlet.name == outlet_filter) out.push_back(&story);
    if (sort_by_coverage)
        std::stable_sort(out.begin(), out.end(), [](const StorySummary* a, const StorySummary* b) {
            return a->coverage.value_or(0) > b->coverage.value_or(0);
        });
    return out;
}

bool Context::step_article(int delta) {
    if (article.empty() || !news) return false;
    std::vector<const StorySummary*> list = visible_stories();
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i]->id != article) continue;
        long j = long(i) + delta;
        if (j < 0 || j >= long(list.size())) return false;
        // reading towards the end of what is loaded: fetch the next page
        const CountryStories* s = news->stories(country);
        if (s && j + 2 >= long(list.size()) && !s->complete() && s->load.error.ok()) news->load_more(country);
        navigate({Route::Article, list[size_t(j)]->id});
        return true;
    }
    return false;
}

const AlternativeTake* Context::take_from(const std::string& iso) const {
    const ArticleEntry* a = news && !article.empty() ? news->article(article) : nullptr;
    if (!a || !a->loaded) return nullptr;
    for (const AlternativeTake& t : a->article.alternative_takes)
        if (t.country == iso) return &t;
    return nullptr;
}

// [SECTION] lifecycle ----------------------------------------------------------------------

void init() {
    g = new State();
    Context& c = g->ctx;
    g->http = std::make_unique<HttpClient>(g->transport, wall_ms);
    SourceConfig config = parse_source_config(web::page_query());
    for (const std::string& n : config.notes) c.config_note += n + " ";
    g->service = std::make_unique<NewsService>(*g->http, make_source(config));
    c.news = std::make_unique<NewsState>(*g->service);

    c.route = parse_route(web::url_hash());  // read before anything can write the URL
    c.embedded = web::is_embedded();
    // auto-rotation is on unless the reader prefers reduced motion; ?autorotate= overrides
    c.globe.camera().set_auto_rotate(!web::prefers_reduced_motion());
    c.apply_options(web::page_query());

    globe_renderer::init();
    ui::apply_style(c.dark);
    load_world();
    load_fonts();
    c.news->load_countries();
    c.navigate(c.route, false);
}

GlobeView& globe() { return g->ctx.globe; }

void key(Key k) {
    // while reading, ←/→ page through the country's stories instead of spinning the globe
    Context& c = g->ctx;
    if (!c.article.empty() && (k == Key::Left || k == Key::Right)) {
        c.step_article(k == Key::Left ? -1 : 1);
        return;
    }
    c.globe.key(k);
}

bool ui_ready() { return g->fonts_ok; }

bool fonts_need_rebuild(float dpr) { return g->fonts_arrived == 3 && dpr != g->font_density; }

void rebuild_fonts(float dpr) {
    g->font_density = dpr;
    g->fonts_ok = ui::build_fonts(g->font_files, dpr);
    if (!g->fonts_ok) g->ctx.load_error = "The fonts are damaged.";
}

bool update(const FrameInfo& f) {
    Context& c = g->ctx;
    c.now_unix = int64_t(std::time(nullptr));
    // the view's size and what the panels cover, before anything (a deep link
    // arriving with the data, a click) can fly somewhere
    c.globe.set_viewport(f.viewport);
    c.globe.set_insets(ui::globe_insets(f, c.compact));
    g->http->tick();
    bool changed = c.news && c.news->take_changed();
    sync_route_from_url();
    if (auto click = c.globe.take_click()) {
        on_globe_click(*click);
        changed = true;
    }
    follow_open_article();
    if (changed || c.route != g->mirrored_route || c.world_ready != g->mirrored_world) {
        update_mirror(c);
        g->mirrored_route = c.route, g->mirrored_world = c.world_ready;
    }
    changed |= c.globe.update(f.dt);
    update_palette();
    return changed;
}

void render_globe(const FrameInfo& f) {
    Context& c = g->ctx;
    globe_renderer::draw(c.globe.camera(), f.viewport, f.fb_width, f.fb_height, globe_theme(c.dark), c.graticule);
    if (c.world_ready && !g->drew_countries) {
        g->drew_countries = true;
        web::mark("first-globe-frame");
        web::emit_event("ready", "{}");
    }
}

void draw_ui(const FrameInfo& f) { ui::draw(g->ctx, f); }

bool busy() { return g->ctx.globe.animating() || !g->http->idle() || g->ctx.ui_animating; }

double next_wake_ms() {
    const GlobeCamera& cam = g->ctx.globe.camera();
    if (cam.auto_rotate_enabled() && !cam.auto_rotating()) return cam.seconds_until_auto_rotate() * 1000 + 50;
    return -1;
}

}  // namespace ng::app
