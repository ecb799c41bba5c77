#include "platform/web.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <set>

namespace ng::web {
namespace {

// Module.newsglobeHost is set by web/newsglobe.js: per-viewer options, the
// canvas, and the event sink. Each helper tolerates its absence.
EM_JS(int, js_embedded, (), {
    var host = Module.newsglobeHost;
    return host && !host.options.fullPage ? 1 : 0;
});
EM_JS(void, js_mark, (const char* name), {
    try { performance.mark(UTF8ToString(name)); } catch (e) {}
});
EM_JS(int, js_media, (const char* query), {
    try { return matchMedia(UTF8ToString(query)).matches ? 1 : 0; } catch (e) { return 0; }
});
EM_JS(char*, js_hash, (), {
    var h = (Module.newsglobeHost && Module.newsglobeHost.getHash) ? Module.newsglobeHost.getHash() : location.hash;
    return allocateUTF8(h || "");
});
EM_JS(char*, js_query, (), {
    var host = Module.newsglobeHost;
    return allocateUTF8((host && host.query !== undefined) ? host.query : location.search);
});
EM_JS(char*, js_asset_base, (), {
    var host = Module.newsglobeHost;
    return allocateUTF8((host && host.assetBase) || "");
});
EM_JS(void, js_set_hash, (const char* hash, int push), {
    var h = UTF8ToString(hash);
    var host = Module.newsglobeHost;
    if (host && host.setHash) { host.setHash(h, !!push); return; }
    if (location.hash === h || (h === "" && location.hash === "")) return;
    var url = location.pathname + location.search + h;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
});
EM_JS(void, js_open, (const char* url), {
    var w = window.open(UTF8ToString(url), "_blank", "noopener,noreferrer");
    if (w) w.opener = null;
});
EM_JS(void, js_copy, (const char* text), {
    var t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function() {});
    Module.newsglobeLastCopied = t;
});
EM_JS(char*, js_page_url, (const char* hash), {
    var host = Module.newsglobeHost;
    var base = (host && host.fullViewerUrl) ? host.fullViewerUrl() : (location.origin + location.pathname + location.search);
    return allocateUTF8(base + UTF8ToString(hash));
});
EM_JS(void, js_mirror, (const char* json), {
    var host = Module.newsglobeHost;
    if (host && host.mirror) host.mirror(JSON.parse(UTF8ToString(json)));
});
EM_JS(void, js_emit, (const char* type, const char* detail), {
    var host = Module.newsglobeHost;
    if (host && host.emit) host.emit(UTF8ToString(type), JSON.parse(UTF8ToString(detail)));
});

std::string take_string(char* s) {
    std::string out = s ? s : "";
    free(s);
    return out;
}

std::function<void()> g_wake;

void on_timer(void*) { wake(); }

}  // namespace

double now_ms() { return emscripten_performance_now(); }
bool is_embedded() { return js_embedded() != 0; }

void mark(const char* name) {
    static std::set<std::string> done;
    if (done.insert(name).second) js_mark(name);
}

double device_pixel_ratio() { return emscripten_get_device_pixel_ratio(); }
bool prefers_reduced_motion() { return js_media("(prefers-reduced-motion: reduce)"); }
bool prefers_dark() { return js_media("(prefers-color-scheme: dark)"); }

std::string url_hash() { return take_string(js_hash()); }
std::string page_query() { return take_string(js_query()); }
std::string asset_url(const std::string& path) {
    static const std::string base = take_string(js_asset_base());
    return base + path;
}
void push_hash(const std::string& hash) { js_set_hash(hash.c_str(), 1); }
void replace_hash(const std::string& hash) { js_set_hash(hash.c_str(), 0); }
void open_in_new_tab(const std::string& url) { js_open(url.c_str()); }
void copy_to_clipboard(const std::string& text) { js_copy(text.c_str()); }
std::string page_url_with_hash(const std::string& hash) { return take_string(js_page_url(hash.c_str())); }

void set_wake_handler(std::function<void()> wake) { g_wake = std::move(wake); }
void wake() {
    if (g_wake) g_wake();
}
void wake_after_ms(double ms) { emscripten_async_call(on_timer, nullptr, int(ms)); }

void publish_mirror(const std::string& json) { js_mirror(json.c_str()); }

void emit_event(const char* type, const std::string& json_detail) { js_emit(type, json_detail.c_str()); }

}  // namespace ng::web
