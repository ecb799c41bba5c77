// webapi — the small, stable C ABI the embedding page calls (through
// web/newsglobe-embed.js): project and pick for tests and embedders, select a
// country, open an article, read the view, change options, wake the loop.
// Results that are more than a number come back as JSON text in a buffer
// that stays valid until the next call.
#include <emscripten.h>

#include <cstdio>
#include <string>

#include "app/context.hpp"
#include "core/url_util.hpp"
#include "platform/web.hpp"

namespace {

std::string g_out;

const char* out(std::string s) {
    g_out = std::move(s);
    return g_out.c_str();
}

std::string json_string(const std::string& s) {
    std::string r = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') r += '\\', r += char(c);
        else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); r += b; }
        else r += char(c);
    }
    return r + "\"";
}

std::string iso_json(int country) {
    auto& ctx = ng::app::context();
    if (country < 0 || !ctx.world_ready) return "null";
    return json_string(ctx.world.countries[size_t(country)].iso);
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void ng_wake() { ng::web::wake(); }

// {"x":..,"y":..,"visible":bool} in CSS pixels of the canvas
EMSCRIPTEN_KEEPALIVE const char* ng_project(double lat, double lon) {
    auto& g = ng::app::context().globe;
    double x = -1, y = -1;
    bool visible = g.camera().project({lat, lon}, g.viewport(), &x, &y);
    char b[128];
    std::snprintf(b, sizeof b, "{\"x\":%.2f,\"y\":%.2f,\"visible\":%s}", x, y, visible ? "true" : "false");
    return out(b);
}

// {"iso":"FR"|null,"exact":"FR"|null}: what a click there would select, and
// what lies exactly under the point (no snapping, no markers)
EMSCRIPTEN_KEEPALIVE const char* ng_pick(double x, double y) {
    auto& ctx = ng::app::context();
    int snapped = ctx.globe.pick(x, y, false);
    return out("{\"iso\":" + iso_json(snapped) + "}");
}

EMSCRIPTEN_KEEPALIVE int ng_select_country(const char* iso) {
    auto& ctx = ng::app::context();
    std::string code = iso ? iso : "";
    for (char& c : code) c = char(std::toupper((unsigned char)c));
    if (code.size() != 2) return 0;
    ctx.navigate({ng::Route::Country, code});
    ng::web::wake();
    return ctx.world.find(code) >= 0 ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int ng_open_article(const char* id) {
    ng::Route r = ng::parse_route(std::string("#/article/") + (id ? id : ""));
    if (r.kind != ng::Route::Article) return 0;
    ng::app::context().navigate(r);
    ng::web::wake();
    return 1;
}

// Changes options at run time ("?theme=light&autorotate=0&locked=1&compact=1").
EMSCRIPTEN_KEEPALIVE void ng_set_options(const char* query) {
    ng::app::context().apply_options(query ? query : "");
}

// Moves the view at once (no animation); zoom is clamped to the camera's bounds.
EMSCRIPTEN_KEEPALIVE void ng_set_view(double lat, double lon, double zoom) {
    auto& cam = ng::app::context().globe.camera();
    cam.note_interaction();
    cam.set_view({lat, lon}, zoom);
    ng::web::wake();
}

// {"iso","name","storyCount"}: storyCount -1 when unknown. null if no such country.
EMSCRIPTEN_KEEPALIVE const char* ng_country(const char* iso) {
    auto& ctx = ng::app::context();
    const ng::Country* c = ctx.country_by_iso(iso ? iso : "");
    if (!c) return out("null");
    int count = ctx.news ? ctx.news->story_count(c->iso) : -1;
    return out("{\"iso\":" + json_string(c->iso) + ",\"name\":" + json_string(c->name) +
               ",\"storyCount\":" + std::to_string(count) + "}");
}

// Where the news stands: the source, and the countries index's load state.
EMSCRIPTEN_KEEPALIVE const char* ng_news() {
    auto& ctx = ng::app::context();
    if (!ctx.news) return out("null");
    const auto& n = *ctx.news;
    return out(std::string("{\"source\":") + json_string(n.source_info().name) +
               ",\"sample\":" + (n.countries().sample ? "true" : "false") +
               ",\"countriesLoaded\":" + (n.countries_loaded() ? "true" : "false") +
               ",\"countriesLoading\":" + (n.countries_load().loading ? "true" : "false") +
               ",\"countriesError\":" + json_string(n.countries_load().error.message) +
               ",\"countries\":" + std::to_string(n.countries().countries.size()) + "}");
}

// The view and selection, for tests and embedders.
EMSCRIPTEN_KEEPALIVE const char* ng_view() {
    auto& ctx = ng::app::context();
    const auto& cam = ctx.globe.camera();
    char b[256];
    std::snprintf(b, sizeof b,
                  "{\"lat\":%.4f,\"lon\":%.4f,\"zoom\":%.4f,\"minZoom\":%.3f,\"maxZoom\":%.3f,\"autoRotating\":%s,"
                  "\"animating\":%s,\"worldReady\":%s,",
                  cam.centre().lat, cam.centre().lon, cam.zoom(), cam.limits().min_zoom, cam.limits().max_zoom,
                  cam.auto_rotating() ? "true" : "false", ctx.globe.animating() ? "true" : "false",
                  ctx.world_ready ? "true" : "false");
    return out(std::string(b) + "\"selected\":" + iso_json(ctx.globe.selected()) +
               ",\"hovered\":" + iso_json(ctx.globe.hovered()) + ",\"country\":" + json_string(ctx.country) +
               ",\"article\":" + json_string(ctx.article) + ",\"route\":" + json_string(ng::format_route(ctx.route)) +
               "}");
}

}  // extern "C"
