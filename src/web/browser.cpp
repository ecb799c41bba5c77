// browser — the browser's services (see browser.hpp).
#include "web/browser.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <nlohmann/json.hpp>
#include <set>

namespace ng::web {
namespace {

// [SECTION] state ---------------------------------------------------------------------

static struct {
    void (*wake)(void*) = nullptr;
    void* wake_arg = nullptr;
    std::set<std::string> marked;
    std::string asset_base;
    bool asset_base_read = false;
    // the last zone asked for, and its offset in that minute
    std::string zone;
    int64_t zone_minute = -1;
    std::optional<int> zone_offset;
} state;

constexpr int kNoOffset = -100000;  // js_utc_offset_minutes: the zone is unknown

// [SECTION] JavaScript ----------------------------------------------------------------
// Module.newsglobeHost is set by web/newsglobe-embed.js: per-viewer options,
// the URL hash of an embedded viewer, and the sinks for events and the
// mirror. Each helper tolerates its absence.
EM_JS(int, js_embedded, (), {
    var host = Module.newsglobeHost;
    return host && !host.fullPage ? 1 : 0;
});
EM_JS(void, js_mark, (const char* name), {
    try { performance.mark(UTF8ToString(name)); } catch (e) {}
});
EM_JS(int, js_media, (const char* query), {
    try { return matchMedia(UTF8ToString(query)).matches ? 1 : 0; } catch (e) { return 0; }
});
// The zone's wall clock at the instant, read back as UTC: the difference is
// the offset. kNoOffset when the browser does not know the zone.
EM_JS(int, js_utc_offset_minutes, (const char* zone, double unix_ms), {
    try {
        var formats = Module.newsglobeZoneFormats || (Module.newsglobeZoneFormats = {});
        var name = UTF8ToString(zone);
        var f = formats[name] || (formats[name] = new Intl.DateTimeFormat("en-US", {
            timeZone: name, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
            hour: "numeric", minute: "numeric", second: "numeric"}));
        var p = {};
        f.formatToParts(new Date(unix_ms)).forEach(function(x) { p[x.type] = x.value; });
        var wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
        return Math.round((wall - unix_ms) / 60000);
    } catch (e) {
        return -100000;
    }
});
EM_JS(void, js_warm_up_time_zones, (), {
    var warm = function() { try { new Intl.DateTimeFormat("en-US", {timeZone: "UTC"}); } catch (e) {} };
    if (typeof requestIdleCallback === "function") requestIdleCallback(warm, {timeout: 3000}); else setTimeout(warm, 0);
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
EM_JS(char*, js_page_address, (), {
    return allocateUTF8(location.origin + location.pathname + location.search);
});
EM_JS(void, js_fail, (const char* what), {
    var host = Module.newsglobeHost;
    if (host && host.fail) host.fail(UTF8ToString(what));
});
EM_JS(void, js_mirror, (const char* json), {
    var host = Module.newsglobeHost;
    if (host && host.mirror) host.mirror(JSON.parse(UTF8ToString(json)));
});
EM_JS(void, js_emit, (const char* type, const char* detail), {
    var host = Module.newsglobeHost;
    if (host && host.emit) host.emit(UTF8ToString(type), JSON.parse(UTF8ToString(detail)));
});

// The Translator API (https://developer.chrome.com/docs/ai/translator-api):
// Translator.availability({sourceLanguage, targetLanguage}) says
// "unavailable", "downloadable", "downloading" or "available";
// Translator.create(same) needs the click's user activation when a model
// must be downloaded, which the button's press still carries. Translators are
// kept per language. Text goes back to the app in memory it frees.
EM_JS(int, js_has_translator, (), {
    return typeof self !== "undefined" && "Translator" in self ? 1 : 0;
});
EM_JS(void, js_check_translator, (const char* from), {
    var lang = UTF8ToString(from);
    var answer = function(ok) {
        if (!Module._ng_translator_answered) return;
        var p = allocateUTF8(lang);
        Module._ng_translator_answered(p, ok ? 1 : 0);
    };
    try {
        self.Translator.availability({sourceLanguage: lang, targetLanguage: "en"})
            .then(function(a) { answer(a && a !== "unavailable"); }, function() { answer(false); });
    } catch (e) {
        answer(false);
    }
});
EM_JS(void, js_translate, (int request, const char* from, const char* text), {
    var lang = UTF8ToString(from), input = UTF8ToString(text);
    var answer = function(ok, out) {
        if (!Module._ng_translated) return;
        Module._ng_translated(request, ok ? 1 : 0, allocateUTF8(out || ""));
    };
    try {
        var made = Module.newsglobeTranslators || (Module.newsglobeTranslators = {});
        var translator = made[lang] || (made[lang] = self.Translator.create({sourceLanguage: lang, targetLanguage: "en"}));
        translator.then(function(t) { return t.translate(input); })
            .then(function(out) { answer(true, String(out)); },
                  function() { delete made[lang]; answer(false, ""); });
    } catch (e) {
        answer(false, "");
    }
});

std::string take_string(char* s) {
    std::string out = s ? s : "";
    free(s);
    return out;
}

void on_timer(void*) { wake(); }

}  // namespace

// [SECTION] time and the device --------------------------------------------------------

double now_ms() { return emscripten_performance_now(); }
int64_t wall_clock_ms() { return int64_t(emscripten_date_now()); }

void mark(const char* name) {
    if (state.marked.insert(name).second) js_mark(name);
}

double device_pixel_ratio() { return emscripten_get_device_pixel_ratio(); }
bool prefers_reduced_motion() { return js_media("(prefers-reduced-motion: reduce)"); }
std::optional<int> utc_offset_minutes(const char* zone, int64_t unix_seconds) {
    // the panel asks every frame it draws: answer from the last question within the minute
    int64_t minute = unix_seconds / 60;
    if (zone != state.zone || minute != state.zone_minute) {
        int offset = js_utc_offset_minutes(zone, double(minute * 60) * 1000);
        state.zone = zone;
        state.zone_minute = minute;
        state.zone_offset = offset == kNoOffset ? std::nullopt : std::optional<int>(offset);
    }
    return state.zone_offset;
}

void warm_up_time_zones() { js_warm_up_time_zones(); }

void canvas_css_size(double* width, double* height) { emscripten_get_element_css_size("#canvas", width, height); }

void remove_canvas_touch_listeners() {
    emscripten_set_touchstart_callback("#canvas", nullptr, 0, nullptr);
    emscripten_set_touchmove_callback("#canvas", nullptr, 0, nullptr);
    emscripten_set_touchend_callback("#canvas", nullptr, 0, nullptr);
    emscripten_set_touchcancel_callback("#canvas", nullptr, 0, nullptr);
}

// [SECTION] the page ------------------------------------------------------------------

bool is_embedded() { return js_embedded() != 0; }
std::string page_query() { return take_string(js_query()); }
std::string asset_base() {
    if (!state.asset_base_read) state.asset_base = take_string(js_asset_base()), state.asset_base_read = true;
    return state.asset_base;
}
std::string url_hash() { return take_string(js_hash()); }
void set_url_hash(const std::string& hash, bool push) { js_set_hash(hash.c_str(), push ? 1 : 0); }
std::string page_address() { return take_string(js_page_address()); }
void open_in_new_tab(const std::string& url) { js_open(url.c_str()); }
void copy_to_clipboard(const std::string& text) { js_copy(text.c_str()); }
void report_start_failure(const char* what) { js_fail(what); }

// [SECTION] the embedding page -----------------------------------------------------------

void emit_event(const char* type, const nlohmann::json& detail) {
    js_emit(type, detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void publish_mirror(const std::string& json) { js_mirror(json.c_str()); }

// [SECTION] the browser's own translator -------------------------------------------------

bool has_translator() { return js_has_translator() != 0; }
void check_translator(const std::string& from) { js_check_translator(from.c_str()); }
void translate(int request, const std::string& from, const std::string& text) {
    js_translate(request, from.c_str(), text.c_str());
}

// [SECTION] the main loop -----------------------------------------------------------------

void run_loop(void (*frame)(void*), void* arg) { emscripten_set_main_loop_arg(frame, arg, 0, false); }
void stop_loop() { emscripten_cancel_main_loop(); }
void pause_loop() { emscripten_pause_main_loop(); }
void resume_loop() { emscripten_resume_main_loop(); }

void set_wake_handler(void (*wake)(void*), void* arg) {
    state.wake = wake;
    state.wake_arg = arg;
}

void wake() {
    if (state.wake) state.wake(state.wake_arg);
}

void wake_after_ms(double ms) { emscripten_async_call(on_timer, nullptr, int(ms)); }

}  // namespace ng::web
