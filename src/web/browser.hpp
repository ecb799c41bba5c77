// browser — the browser's services, for the layers above: clocks and timing
// marks, device pixel ratio and user preferences, the page's options and URL
// hash and its history, clipboard and new tabs, events and the accessible
// mirror for the embedding page, the canvas size, and the main loop (which
// pauses when nothing moves and wakes on events, fetches and timers).
//
// The web layer holds all of the app's own JavaScript (every EM_JS) and the
// page ABI: this file, the fetch transport (fetch.hpp), story pictures
// (images.hpp) and the page's calls into the app (page_api.h). Beyond it,
// only Emscripten's own SDL2 (in main) and WebGL (in render) reach the
// browser. The JavaScript here reads the per-viewer Module.newsglobeHost
// that web/newsglobe-embed.js sets, and tolerates its absence.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace ng::web {

// [SECTION] time and the device -------------------------------------------------------
double now_ms();            // monotonic, for frame times and animation
int64_t wall_clock_ms();    // milliseconds since 1970
void mark(const char* name);  // performance.mark, once per name
double device_pixel_ratio();
bool prefers_reduced_motion();
// The UTC offset (minutes east) of an IANA time zone at a time, from the
// browser's own time-zone database (Intl.DateTimeFormat); nullopt when the
// browser does not know the zone.
std::optional<int> utc_offset_minutes(const char* zone, int64_t unix_seconds);
// Intl loads its time-zone data on first use, which takes tens of
// milliseconds: this has it done while the page is idle (at start it waits
// on the network), not in the frame that first shows a country's clock.
void warm_up_time_zones();
// The canvas' size in CSS pixels (it follows its container).
void canvas_css_size(double* width, double* height);
// Removes the canvas' touch listeners (SDL's): the page handles touch.
void remove_canvas_touch_listeners();

// [SECTION] the page -----------------------------------------------------------------
bool is_embedded();  // mounted on a host page, not the full-page app
// The viewer's options as a query string ("?source=gdelt&theme=light"): the
// page's own, or the embedding host's options.
std::string page_query();
// Where the app's own files (map, fonts) are: where its scripts are served
// from, which for an embedded viewer is not the host page.
std::string asset_base();
std::string url_hash();  // "#/country/FR" or ""
// Sets the hash as a new history entry (push) or in place; no-op if equal.
// An embedded viewer keeps its hash to itself, never in the host's URL.
void set_url_hash(const std::string& hash, bool push);
// The page's address without its hash.
std::string page_address();
void open_in_new_tab(const std::string& url);  // the caller checked it is http(s)
void copy_to_clipboard(const std::string& text);
// The app could not start (`what`: "webgl2"): the loader says so in place.
void report_start_failure(const char* what);

// [SECTION] the embedding page ----------------------------------------------------------
// A JSON event for the embedding page (the loader turns it into an event on
// the viewer handle and, in an iframe, a postMessage to the parent).
void emit_event(const char* type, const nlohmann::json& detail);
// Hands the accessible mirror's document (JSON text) to the page to render.
void publish_mirror(const std::string& json);

// [SECTION] the browser's own translator ------------------------------------------------
// Chrome's on-device Translator API (self.Translator), when the browser has
// one: a progressive enhancement, never required. Answers arrive later
// through the page ABI: ng_translator_answered(from, available) and
// ng_translated(request, ok, text).
bool has_translator();
void check_translator(const std::string& from);  // can it translate `from` into English?
void translate(int request, const std::string& from, const std::string& text);

// [SECTION] the main loop ----------------------------------------------------------------
// Calls `frame(arg)` once per display frame until the viewer is destroyed.
void run_loop(void (*frame)(void* arg), void* arg);
void stop_loop();
// Nothing moves: no frames until wake() (an event, a fetch, a timer, the page).
void pause_loop();
// The loop wakes through this handler (the app also asks for a few frames).
void set_wake_handler(void (*wake)(void* arg), void* arg);
void wake();
void resume_loop();  // for the wake handler: frames again if paused
void wake_after_ms(double ms);  // a timer (auto-rotation resumes)

}  // namespace ng::web
