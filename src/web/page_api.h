// page_api — the page ABI: every function the page's JavaScript calls in the
// app (web/newsglobe-embed.js, the browser tests, embedders through the
// viewer handle). This header is the whole list; nothing else is exported.
//
// The exports are small and stable. Numbers that mean something are the
// enums below (the loader spells the same values out by name). Results that
// are more than a number come back as JSON text, valid until the next call.
// page_api.cpp implements each export by handing it to the PageHandler that
// main installs, so this layer knows nothing of the viewer or the UI.
#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

extern "C" {

// The `phase` of ng_touch and ng_mouse (POINTER in the loader). For the
// mouse, CANCEL means it left the canvas.
enum ng_pointer_phase { NG_POINTER_DOWN = 0, NG_POINTER_MOVE = 1, NG_POINTER_UP = 2, NG_POINTER_CANCEL = 3 };

// ng_frame_cpu_ms's `stat` (FRAME_CPU in the loader).
enum ng_frame_cpu_stat {
    NG_FRAME_CPU_AVERAGE = 0,  // mean ms per drawn frame since the last reset
    NG_FRAME_CPU_MAX = 1,      // the longest frame since the last reset
    NG_FRAME_CPU_RESET = 2,    // the longest frame, then start counting anew
};

// ng_memory_bytes's `stat` (MEMORY in the loader).
enum ng_memory_stat {
    NG_MEMORY_HEAP_USED = 0,  // bytes malloc has handed out and not had back
    NG_MEMORY_HEAP_SIZE = 1,  // the wasm memory's size (it grows, never shrinks)
};

// [SECTION] reading the view (results are JSON text) ------------------------------------
// {"x","y","visible"}: where a point of the globe is, in CSS px of the canvas.
const char* ng_project(double lat, double lon);
// {"iso": "FR" | null}: what a click at canvas point x, y would select.
const char* ng_pick(double x, double y);
// The camera, the selection, the route: {"lat","lon","zoom","minZoom",
// "maxZoom","autoRotating","animating","worldReady","worldFull","selected",
// "hovered","country","article","route","story","storyFocus","coverage"}
// (worldFull: the full map has replaced the light one; coverage: the ISO
// codes the globe lights as covering the story shown).
const char* ng_view(void);
// {"iso","name","storyCount","lat","lon"} (storyCount -1 when unknown; lat,
// lon: where its label sits), or null.
const char* ng_country(const char* iso);
// The news source and its countries index: {"source","sample",
// "countriesLoaded","countriesLoading","countriesError","countries"}, or null.
const char* ng_news(void);
// What the UI drew in its last frame (see ui/screen_report.hpp).
const char* ng_ui_state(void);
// 1 when the viewer's own UI (a panel, the top bar) is at canvas point x, y.
int ng_ui_hit(double x, double y);

// [SECTION] driving the viewer ------------------------------------------------------------
// Opens a country's stories (ISO code, any case); 1 if the map has it.
int ng_select_country(const char* iso);
// Opens an article by id; 0 for an id that cannot be one.
int ng_open_article(const char* id);
// Viewer options at run time: "?theme=light&autorotate=0&locked=1&compact=1".
void ng_set_options(const char* query);
// Moves the view at once (no animation); zoom is clamped to the camera's bounds.
void ng_set_view(double lat, double lon, double zoom);

// [SECTION] input the page handles ----------------------------------------------------------
// A finger (phase: ng_pointer_phase) at canvas point x, y.
void ng_touch(int phase, int id, double x, double y);
// The mouse's primary button or its moves (phase: ng_pointer_phase) at
// canvas point x, y in CSS pixels with their fractions: SDL's mouse events
// carry whole pixels, and a click beside a border or a dot needs better.
void ng_mouse(int phase, double x, double y);
// A wheel turn: delta_y in pixels as the DOM reports it (> 0 scrolls down,
// zooming out); over_ui: the page found the viewer's UI under the pointer.
void ng_wheel(double delta_y, double x, double y, int over_ui);
// Something changed outside the app (the hash, the container's size): draw.
void ng_wake(void);
// A picture requested by web/images.cpp arrived (texture 0: it failed).
void ng_image_done(int handle, int texture, int width, int height);
// The browser's translator answered (web/browser.hpp): whether it can
// translate `from` into English, and a translation (ok 0: it failed). Both
// take ownership of the string, which the page allocated with malloc.
void ng_translator_answered(char* from, int available);
void ng_translated(int request, int ok, char* text);

// [SECTION] lifecycle and measurement ---------------------------------------------------------
// Stops the viewer for good: the loop, every request in flight, SDL and GL.
void ng_destroy(void);
// Frames drawn since the start (never reset: waiters count on it).
unsigned ng_frames_drawn(void);
// Main-thread milliseconds of the app's own frame work (stat: ng_frame_cpu_stat).
double ng_frame_cpu_ms(int stat);
// The app's wasm memory (stat: ng_memory_stat), for soak runs (tools/soak.mjs).
double ng_memory_bytes(int stat);

}  // extern "C"

namespace ng::web {

// What the exports do, supplied by main (one per app instance).
class PageHandler {
public:
    virtual ~PageHandler() = default;
    virtual nlohmann::json project(double lat, double lon) = 0;
    virtual nlohmann::json pick(double x, double y) = 0;
    virtual nlohmann::json view() = 0;
    virtual nlohmann::json country(const std::string& iso) = 0;
    virtual nlohmann::json news() = 0;
    virtual nlohmann::json ui_state() = 0;
    virtual bool ui_at(double x, double y) = 0;
    virtual bool select_country(const std::string& iso) = 0;
    virtual bool open_article(const std::string& id) = 0;
    virtual void set_options(const std::string& query) = 0;
    virtual void set_view(double lat, double lon, double zoom) = 0;
    virtual void touch(ng_pointer_phase phase, int id, double x, double y) = 0;
    virtual void mouse(ng_pointer_phase phase, double x, double y) = 0;
    virtual void wheel(double delta_y, double x, double y, bool over_ui) = 0;
    virtual void translator_answered(const std::string& from, bool available) = 0;
    virtual void translated(int request, bool ok, const std::string& text) = 0;
    virtual void destroy() = 0;
    virtual unsigned frames_drawn() = 0;
    virtual double frame_cpu_ms(ng_frame_cpu_stat stat) = 0;
};

// Installs the handler (and the canvas' newsglobeUiState() test hook). Until
// then the exports answer null, 0 or nothing.
void set_page_handler(PageHandler* handler);

}  // namespace ng::web
