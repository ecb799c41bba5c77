// page — what the page ABI's calls do (web/page_api.h): read the view and
// the news for tests and embedders, drive the viewer, and report the frame
// work; and the viewer's host over the browser's services.
#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "core/url_util.hpp"
#include "main/app.hpp"
#include "ui/screen_report.hpp"
#include "web/browser.hpp"
#include "web/text.hpp"

namespace ng {

using nlohmann::json;

// [SECTION] the viewer's host ---------------------------------------------------------------

int64_t BrowserHost::monotonic_ms() { return int64_t(web::now_ms()); }
int64_t BrowserHost::wall_clock_ms() { return web::wall_clock_ms(); }
std::string BrowserHost::url_hash() { return web::url_hash(); }
void BrowserHost::set_url_hash(const std::string& hash, HistoryEntry entry) {
    web::set_url_hash(hash, entry == HistoryEntry::Push);
}
void BrowserHost::emit_event(ViewerEvent event, const json& detail) { web::emit_event(event_name(event), detail); }
void BrowserHost::publish_mirror(const std::string& text) { web::publish_mirror(text); }
void BrowserHost::wake() { web::wake(); }
bool BrowserHost::has_browser_translator() { return web::has_translator(); }
void BrowserHost::check_browser_translator(const std::string& from) { web::check_translator(from); }
void BrowserHost::browser_translate(int request, const std::string& from, const std::string& text) {
    web::translate(request, from, text);
}
// The UI speaks English: its A-Z is English's (Åland under A, Côte d'Ivoire before Croatia).
std::vector<int> BrowserHost::collation_order(const std::vector<std::string>& names) {
    return web::collation_order(names, "en");
}

// [SECTION] reading the view ------------------------------------------------------------------

namespace {

json iso_or_null(const Viewer& v, int country) {
    if (country < 0 || !v.world_ready()) return nullptr;
    return v.world().countries[size_t(country)].iso;
}

}  // namespace

json App::project(double lat, double lon) {
    const GlobeView& g = viewer_->globe();
    double x = -1, y = -1;
    bool visible = g.camera().project({lat, lon}, g.viewport(), &x, &y);
    return {{"x", x}, {"y", y}, {"visible", visible}};
}

json App::pick(double x, double y) { return {{"iso", iso_or_null(*viewer_, viewer_->globe().pick(x, y, false))}}; }

json App::view() {
    const GlobeView& g = viewer_->globe();
    json coverage = json::array();  // the countries the globe lights as covering the story shown
    for (const CoveringCountry& c : viewer_->shown_story().countries) coverage.push_back(c.iso);
    const GlobeCamera& cam = g.camera();
    return {{"lat", cam.centre().lat},
            {"lon", cam.centre().lon},
            {"zoom", cam.zoom()},
            {"minZoom", cam.limits().min_zoom},
            {"maxZoom", cam.limits().max_zoom},
            {"autoRotating", cam.auto_rotating()},
            {"animating", g.animating()},
            {"worldReady", viewer_->world_ready()},
            {"worldFull", viewer_->world_full()},
            {"selected", iso_or_null(*viewer_, g.selected())},
            {"hovered", iso_or_null(*viewer_, g.hovered())},
            {"country", viewer_->country()},
            {"article", viewer_->article()},
            {"route", format_route(viewer_->route())},
            {"story", viewer_->story()},
            {"storyFocus", viewer_->story_focus()},
            {"coverage", coverage}};
}

json App::country(const std::string& iso) {
    const Country* c = viewer_->country_by_iso(iso);
    if (!c) return nullptr;
    return {{"iso", c->iso},
            {"name", c->name},
            {"storyCount", viewer_->news().story_count(c->iso)},
            {"lat", c->label.lat},
            {"lon", c->label.lon}};
}

json App::news() {
    const NewsState& n = viewer_->news();
    return {{"source", n.source_info().name},
            {"sample", n.countries().sample},
            {"countriesLoaded", n.countries_loaded()},
            {"countriesLoading", n.countries_load().loading},
            {"countriesError", n.countries_load().error.message},
            {"countries", n.countries().countries.size()}};
}

json App::ui_state() { return ui::to_json(ui::last_screen_report()); }

// [SECTION] driving the viewer -------------------------------------------------------------------

bool App::select_country(const std::string& iso) {
    std::string code = iso;
    for (char& c : code) c = char(std::toupper((unsigned char)c));
    if (code.size() != 2) return false;
    viewer_->navigate({Route::Country, code});
    wake();
    return viewer_->world().find(code) >= 0;
}

bool App::open_article(const std::string& id) {
    Route r = parse_route("#/article/" + id);
    if (r.kind != Route::Article) return false;
    viewer_->navigate(r);
    wake();
    return true;
}

void App::set_options(const std::string& query) { viewer_->set_options(query); }

void App::translator_answered(const std::string& from, bool available) {
    viewer_->browser_translator_answered(from, available);
    wake();
}

void App::translated(int request, bool ok, const std::string& text) {
    viewer_->browser_translated(request, ok, text);
    wake();
}

void App::set_view(double lat, double lon, double zoom) {
    GlobeCamera& cam = viewer_->globe().camera();
    cam.note_interaction();
    cam.set_view({lat, lon}, zoom);
    wake();
}

// [SECTION] measurement ----------------------------------------------------------------------------

double App::frame_cpu_ms(ng_frame_cpu_stat stat) {
    double r = stat == NG_FRAME_CPU_AVERAGE ? frame_cpu_ms_total_ / std::max(1u, frame_cpu_frames_) : frame_cpu_ms_max_;
    if (stat == NG_FRAME_CPU_RESET) frame_cpu_ms_total_ = frame_cpu_ms_max_ = 0, frame_cpu_frames_ = 0;
    return r;
}

}  // namespace ng
