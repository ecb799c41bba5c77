// web — the one place that talks to the browser (everything behind
// #if defined(__EMSCRIPTEN__) lives in web.cpp): timing marks, device pixel
// ratio, user preferences, the URL hash and history, clipboard, opening
// links, and waking the idle main loop.
#pragma once
#include <functional>
#include <string>

namespace ng::web {

double now_ms();
bool is_embedded();                       // mounted on a host page, not the full-page app
void mark(const char* name);              // performance.mark, once per name
double device_pixel_ratio();
bool prefers_reduced_motion();
bool prefers_dark();

std::string url_hash();                   // "#/country/FR" or ""
// The viewer's options as a query string ("?source=gdelt&theme=light"): the
// page's own, or the embedding host's options.
std::string page_query();
// URL of one of the app's own files (map, fonts): relative to where the app's
// scripts are served, which for an embedded viewer is not the host page.
std::string asset_url(const std::string& path);
void push_hash(const std::string& hash);  // new history entry (no-op if equal)
void replace_hash(const std::string& hash);
void open_in_new_tab(const std::string& url);  // caller checked http/https
void copy_to_clipboard(const std::string& text);
std::string page_url_with_hash(const std::string& hash);

// The main loop pauses when nothing moves; anything that changes state wakes it.
void set_wake_handler(std::function<void()> wake);
void wake();
void wake_after_ms(double ms);  // a timer (auto-rotate resumes, retries)

// Hands the accessible mirror (app/mirror.hpp) to the page as JSON text.
void publish_mirror(const std::string& json);

// Publishes a JSON event to the embedding page (the loader turns it into an
// event on the viewer handle and, in an iframe, a postMessage to the parent).
void emit_event(const char* type, const std::string& json_detail);

}  // namespace ng::web
