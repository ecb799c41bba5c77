// screen_report — what the UI put on screen in its last frame, as plain
// data: the panel's mode, the rows it listed and where, the reader's
// headline, the error or toast it showed. Canvas text is invisible to the
// DOM, so browser tests and embedders read this (ng_ui_state, the viewer
// handle's uiState()) instead of scraping pixels. Rectangles are CSS pixels
// of the canvas.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ng::ui {

struct UiRect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct UiItem {
    std::string id;      // story/article id or ISO code
    std::string text;    // headline or country name
    std::string detail;  // outlet · time, country of a take, story count
    UiRect rect;
    bool visible = false;  // inside the scroll area's visible part
};

struct ScreenReport {
    unsigned frame = 0;
    std::string layout;         // "side" (desktop panel) or "sheet" (phone bottom sheet)
    std::string panel;          // "none", "country", "reader", "list"
    UiRect panel_rect;
    std::string country;        // ISO of the panel's country
    std::string country_name;
    std::string local_time;     // the country panel's clock line: "14:32 local time · UTC+1"
    std::string status;         // of the panel's content: "loading", "ready", "empty", "error"
    std::string error;          // the error message shown in the panel, if any
    std::string notice;         // a page-level notice (countries index failed)
    std::string toast;
    std::vector<UiItem> rows;   // story rows of the country panel
    std::vector<UiItem> takes;  // alternative takes in the reader
    std::vector<UiItem> results;  // search results (search open) or A–Z entries (list)
    std::map<std::string, UiRect> controls;  // named buttons: "retry", "back", "close", ...
    struct Reader {
        std::string id, headline, outlet, country, time, provenance, original_headline, world_take;
        int paragraphs = 0;     // body + section paragraphs shown
        bool loaded = false;
    } reader;
    std::string focus;          // the row or control with keyboard focus (id or control name), "" if none
    bool search_open = false;
    std::string search_query;
    int search_selected = -1;
    // Texts the browser's engine drew this frame (ui/text.hpp): what it
    // showed, where (all its lines), its direction, and whether its fonts had
    // arrived (else placeholders showed). At most kMaxTexts.
    struct EngineText {
        std::string text;
        UiRect rect;
        int lines = 0;
        bool rtl = false, ready = false;
    };
    static constexpr size_t kMaxTexts = 64;
    std::vector<EngineText> texts;
    float sheet_height = 0;     // bottom sheet: visible height in CSS px
    bool sheet_resting = true;  // not dragged, not easing
};

ScreenReport& screen_report();             // the frame being drawn
const ScreenReport& last_screen_report();  // the last complete frame
void begin_screen_report();
void end_screen_report();
// The report as the page reads it (camelCase keys, see ng_ui_state).
nlohmann::json to_json(const ScreenReport& report);

// Records the last ImGui item's rectangle under a control name.
void record_control(const char* name);
UiRect last_item_rect();

}  // namespace ng::ui
