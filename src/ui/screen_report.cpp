// screen_report — the per-frame record of what the UI drew (see screen_report.hpp).
#include "ui/screen_report.hpp"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

static struct {
    ScreenReport current;  // the frame being drawn
    ScreenReport last;     // the last complete frame
} state;

using nlohmann::json;

json rect_json(const UiRect& r) { return {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; }

json items_json(const std::vector<UiItem>& list) {
    json out = json::array();
    for (const UiItem& i : list)
        out.push_back({{"id", i.id}, {"text", i.text}, {"detail", i.detail}, {"rect", rect_json(i.rect)}, {"visible", i.visible}});
    return out;
}

}  // namespace

ScreenReport& screen_report() { return state.current; }
const ScreenReport& last_screen_report() { return state.last; }

void begin_screen_report() {
    unsigned frame = state.last.frame + 1;
    state.current = ScreenReport();
    state.current.frame = frame;
}

void end_screen_report() { state.last = state.current; }

UiRect last_item_rect() {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return {a.x, a.y, b.x - a.x, b.y - a.y};
}

void record_control(const char* name) {
    state.current.controls[name] = last_item_rect();
    note_focus(name);
}

namespace {
json texts_json(const std::vector<ScreenReport::EngineText>& texts) {
    json out = json::array();
    for (const auto& t : texts)
        out.push_back({{"text", t.text}, {"rect", rect_json(t.rect)}, {"lines", t.lines}, {"rtl", t.rtl}, {"ready", t.ready}});
    return out;
}
}  // namespace

json to_json(const ScreenReport& s) {
    json controls = json::object();
    for (const auto& [name, r] : s.controls) controls[name] = rect_json(r);
    return {
        {"frame", s.frame},
        {"layout", s.layout},
        {"panel", s.panel},
        {"panelRect", rect_json(s.panel_rect)},
        {"country", s.country},
        {"countryName", s.country_name},
        {"localTime", s.local_time},
        {"countryLine", s.country_line},
        {"status", s.status},
        {"error", s.error},
        {"notice", s.notice},
        {"toast", s.toast},
        {"headerCount", s.header_count},
        {"rows", items_json(s.rows)},
        {"rowCount", s.row_count},
        {"markers", s.markers},
        {"takes", items_json(s.takes)},
        {"takeCount", s.take_count},
        {"results", items_json(s.results)},
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
          {"summary", s.reader.summary},
          {"summaryProvenance", s.reader.summary_provenance},
          {"originalSummary", s.reader.original_summary},
          {"languageNote", s.reader.language_note},
          {"picture", s.reader.picture},
          {"excerpt", s.reader.excerpt},
          {"readAt", s.reader.read_at},
          {"licence", s.reader.licence},
          {"bodyNote", s.reader.body_note},
          {"browserTranslation", s.reader.browser_translation},
          {"browserText", s.reader.browser_text},
          {"walk", s.reader.walk},
          {"storyCountries", s.reader.story_countries},
          {"paragraphs", s.reader.paragraphs},
          {"loaded", s.reader.loaded}}},
        {"story",
         {{"id", s.story.id},
          {"headline", s.story.headline},
          {"summary", s.story.summary},
          {"worldTake", s.story.world_take},
          {"focus", s.story.focus},
          {"fromDocument", s.story.from_document},
          {"countries", items_json(s.story.countries)},
          {"articles", items_json(s.story.articles)}}},
        {"about", {{"open", s.about.open}, {"updated", s.about.updated}, {"lines", s.about.lines}}},
        {"focus", s.focus},
        {"search", {{"open", s.search_open}, {"query", s.search_query}, {"selected", s.search_selected}}},
        {"texts", texts_json(s.texts)},
        {"sheetHeight", s.sheet_height},
        {"sheetResting", s.sheet_resting},
    };
}

}  // namespace ng::ui
