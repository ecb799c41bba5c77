// page_api — the page ABI (see page_api.h): each export checks its arguments
// and hands the call to the PageHandler main installed; JSON results are
// written by nlohmann/json into one buffer that stays valid until the next
// call.
#include "web/page_api.h"

#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "web/browser.hpp"
#include "web/images.hpp"

namespace ng::web {
namespace {

static struct {
    PageHandler* handler = nullptr;
    std::string out;  // the last JSON result
} state;

// Text that is not valid UTF-8 (it can come from news data) is replaced, never thrown on.
const char* out(const nlohmann::json& result) {
    state.out = result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return state.out.c_str();
}

std::string text(const char* s) { return s ? s : ""; }

// A string the page allocated for the app: read, then freed.
std::string adopt(char* s) {
    std::string out = text(s);
    free(s);
    return out;
}

// canvas.newsglobeUiState(): the last frame's UI as an object, for tests.
EM_JS(void, js_install_ui_hook, (), {
    var canvas = Module.canvas;
    if (!canvas) return;
    canvas.newsglobeUiState = function() {
        var p = Module._ng_ui_state ? Module._ng_ui_state() : 0;
        return p ? JSON.parse(UTF8ToString(p)) : null;
    };
});

}  // namespace

void set_page_handler(PageHandler* handler) {
    state.handler = handler;
    js_install_ui_hook();
}

}  // namespace ng::web

using ng::web::state;
using ng::web::out;
using ng::web::text;
using ng::web::adopt;

extern "C" {

// [SECTION] reading the view ----------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE const char* ng_project(double lat, double lon) { return out(state.handler ? state.handler->project(lat, lon) : nullptr); }
EMSCRIPTEN_KEEPALIVE const char* ng_pick(double x, double y) { return out(state.handler ? state.handler->pick(x, y) : nullptr); }
EMSCRIPTEN_KEEPALIVE const char* ng_view() { return out(state.handler ? state.handler->view() : nullptr); }
EMSCRIPTEN_KEEPALIVE const char* ng_country(const char* iso) {
    return out(state.handler ? state.handler->country(text(iso)) : nullptr);
}
EMSCRIPTEN_KEEPALIVE const char* ng_news() { return out(state.handler ? state.handler->news() : nullptr); }
EMSCRIPTEN_KEEPALIVE const char* ng_ui_state() { return out(state.handler ? state.handler->ui_state() : nullptr); }
EMSCRIPTEN_KEEPALIVE int ng_ui_hit(double x, double y) { return state.handler && state.handler->ui_at(x, y) ? 1 : 0; }

// [SECTION] driving the viewer ---------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE int ng_select_country(const char* iso) {
    return state.handler && state.handler->select_country(text(iso)) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE int ng_open_article(const char* id) {
    return state.handler && state.handler->open_article(text(id)) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void ng_set_options(const char* query) {
    if (state.handler) state.handler->set_options(text(query));
}
EMSCRIPTEN_KEEPALIVE void ng_set_view(double lat, double lon, double zoom) {
    if (state.handler) state.handler->set_view(lat, lon, zoom);
}

// [SECTION] input the page handles ------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE void ng_touch(int phase, int id, double x, double y) {
    if (phase < NG_POINTER_DOWN || phase > NG_POINTER_CANCEL || !state.handler) return;
    state.handler->touch(ng_pointer_phase(phase), id, x, y);
}
EMSCRIPTEN_KEEPALIVE void ng_mouse(int phase, double x, double y) {
    if (phase < NG_POINTER_DOWN || phase > NG_POINTER_CANCEL || !state.handler) return;
    state.handler->mouse(ng_pointer_phase(phase), x, y);
}
EMSCRIPTEN_KEEPALIVE void ng_wheel(double delta_y, double x, double y, int over_ui) {
    if (state.handler) state.handler->wheel(delta_y, x, y, over_ui != 0);
}
EMSCRIPTEN_KEEPALIVE void ng_wake() { ng::web::wake(); }
EMSCRIPTEN_KEEPALIVE void ng_image_done(int handle, int texture, int width, int height) {
    ng::web::image_loaded(handle, unsigned(texture), width, height);
}
EMSCRIPTEN_KEEPALIVE void ng_translator_answered(char* from, int available) {
    std::string language = adopt(from);
    if (state.handler) state.handler->translator_answered(language, available != 0);
}
EMSCRIPTEN_KEEPALIVE void ng_translated(int request, int ok, char* text_in) {
    std::string translation = adopt(text_in);
    if (state.handler) state.handler->translated(request, ok != 0, translation);
}

// [SECTION] lifecycle and measurement ------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE void ng_destroy() {
    if (state.handler) state.handler->destroy();
}
EMSCRIPTEN_KEEPALIVE unsigned ng_frames_drawn() { return state.handler ? state.handler->frames_drawn() : 0; }
EMSCRIPTEN_KEEPALIVE double ng_frame_cpu_ms(int stat) {
    if (stat < NG_FRAME_CPU_AVERAGE || stat > NG_FRAME_CPU_RESET || !state.handler) return 0;
    return state.handler->frame_cpu_ms(ng_frame_cpu_stat(stat));
}
EMSCRIPTEN_KEEPALIVE double ng_memory_bytes(int stat) {
    if (stat == NG_MEMORY_HEAP_USED) return double(unsigned(mallinfo().uordblks));
    if (stat == NG_MEMORY_HEAP_SIZE) return double(emscripten_get_heap_size());
    return 0;
}

}  // extern "C"
