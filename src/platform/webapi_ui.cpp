// webapi_ui — the UI's last frame as JSON, for browser tests and embedders:
// canvas text is invisible to the DOM, so this says what the panel shows
// (mode, country, story rows and their rectangles, the reader's headline,
// errors, the toast). Installed on the viewer's canvas as
// canvas.newsglobeUiState() (returns the parsed object), and exported as
// ng_ui_state() (JSON text valid until the next call).
#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <string>

#include "ui/ui_state.hpp"

namespace {

using nlohmann::json;

json rect(const ng::ui::UiRect& r) { return {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; }

json items(const std::vector<ng::ui::UiItem>& list) {
    json out = json::array();
    for (const ng::ui::UiItem& i : list)
        out.push_back({{"id", i.id}, {"text", i.text}, {"detail", i.detail}, {"rect", rect(i.rect)}, {"visible", i.visible}});
    return out;
}

std::string g_out;

EM_JS(void, js_install_ui_hook, (), {
    var canvas = Module.canvas;
    if (!canvas) return;
    canvas.newsglobeUiState = function() {
        var p = Module._ng_ui_state ? Module._ng_ui_state() : 0;
        return p ? JSON.parse(UTF8ToString(p)) : null;
    };
});

struct InstallHook {
    InstallHook() { js_install_ui_hook(); }
} g_install;

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE const char* ng_ui_state() {
    const ng::ui::UiSnapshot& s = ng::ui::last_snapshot();
    json controls = json::object();
    for (const auto& [name, r] : s.controls) controls[name] = rect(r);
    json j = {
        {"frame", s.frame},
        {"layout", s.layout},
        {"panel", s.panel},
        {"panelRect", rect(s.panel_rect)},
        {"country", s.country},
        {"countryName", s.country_name},
        {"status", s.status},
        {"error", s.error},
        {"notice", s.notice},
        {"toast", s.toast},
        {"rows", items(s.rows)},
        {"takes", items(s.takes)},
        {"results", items(s.results)},
        {"controls", controls},
        {"reader",
         {{"id", s.reader.id},
          {"headline", s.reader.headline},
          {"outlet", s.reader.outlet},
          {"country", s.reader.country},
          {"time", s.reader.time},
          {"provenance", s.reader.provenance},
          {"originalHeadline", s.reader.original_headline},
          {"worldTake", s.reader.world_take},
          {"paragraphs", s.reader.paragraphs},
          {"loaded", s.reader.loaded}}},
        {"focus", s.focus},
        {"search", {{"open", s.search_open}, {"query", s.search_query}, {"selected", s.search_selected}}},
        {"sheetHeight", s.sheet_height},
        {"sheetResting", s.sheet_resting},
    };
    g_out = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return g_out.c_str();
}
