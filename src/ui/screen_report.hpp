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
    std::string panel;          // "none", "country", "reader", "story", "list"
    UiRect panel_rect;
    std::string country;        // ISO of the panel's country
    std::string country_name;
    std::string local_time;     // the country panel's clock line: "14:32 local time · UTC+1"
    std::string country_line;   // the country panel's counts: "6 stories today · 1 covered abroad · updated …"
    std::string status;         // of the panel's content: "loading", "ready", "empty", "error"
    std::string error;          // the error message shown in the panel, if any
    std::string notice;         // a page-level notice (countries index failed)
    std::string toast;
    int header_count = -1;      // the story count the country panel's header shows (-1: none)
    std::vector<UiItem> rows;   // story rows of the country panel drawn (long lists: those near the view)
    int row_count = 0;          // rows in the list, drawn or not
    // the rows' language markers by story id: "translated:ES", "original:ES" (none for English)
    std::map<std::string, std::string> markers;
    std::vector<UiItem> takes;  // alternative takes in the reader drawn (as rows)
    int take_count = 0;         // takes of the article, drawn or not
    std::vector<UiItem> results;  // search results (search open) or A–Z entries (list)
    std::map<std::string, UiRect> controls;  // named buttons: "retry", "back", "close", ...
    struct Reader {
        std::string id, headline, outlet, country, time, provenance, original_headline, world_take;
        std::string summary, summary_provenance, original_summary;  // the summary and its own label
        std::string language_note;    // "Declared Spanish, reads as Catalan."
        std::string picture;          // "image" or "monogram"
        bool excerpt = false;         // only an excerpt may be shown
        std::string read_at;          // the "Read at <outlet>" button's label, "" when none
        std::string licence;          // "Text: CC BY 4.0", "" when none
        std::string body_note;        // the body's language when it is not translated
        std::string browser_translation;  // "", "offered", "translating", "done", "failed"
        std::string browser_text;         // the browser's translation (done) or why not (failed)
        std::string walk;             // "Kenya · 2 of 4" in a take opened from the story view
        int story_countries = 0;      // countries in the story card (0: no card)
        int paragraphs = 0;     // body + section paragraphs shown
        bool loaded = false;
    } reader;
    struct Story {
        std::string id, headline, world_take, focus, summary;
        bool from_document = false;
        std::vector<UiItem> countries;  // id ISO, text name, detail "2 outlets · 3 articles"
        std::vector<UiItem> articles;   // id article, text headline, detail outlet · country
    } story;
    struct About {
        bool open = false;
        std::string updated;            // "Updated 12 min ago · 30 Nov 2026, 09:16 UTC"
        std::vector<std::string> lines;  // everything the "About this data" card says
    } about;
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
