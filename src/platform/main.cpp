// main — the platform seam: SDL2 window and WebGL2 context, Dear ImGui's SDL2
// backend (our own WebGL2 renderer draws it), the browser main loop, and input
// routing. Each frame:
// pump events (ImGui first; what it does not take goes to the globe), advance
// the app, and draw only when something changed — an idle page draws nothing
// and the loop pauses until an event, a fetch or a timer wakes it.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_sdl2.h>

#include <cfloat>
#include <cmath>

#include "app/app.hpp"
#include "platform/fetch.hpp"
#include "platform/web.hpp"
#include "render/imgui_renderer.hpp"

namespace {

SDL_Window* g_window = nullptr;
SDL_GLContext g_gl = nullptr;
double g_last_ms = 0;
int g_frames_to_draw = 3;      // ImGui needs a couple of frames to settle hover state
bool g_paused = false;
int g_globe_pointers = 0;      // presses that began on the globe and have not ended
bool g_clear_touch_hover = false;  // a finger lifted: forget its position next frame
unsigned g_frames_drawn = 0;
double g_frame_cpu_ms_total = 0, g_frame_cpu_ms_max = 0;  // our own work per drawn frame

int SDLCALL on_sdl_event(void*, SDL_Event* e) {
    // SDL 2.26 queues a sentinel on every poll: waking on it would never idle
    if (e->type != SDL_POLLSENTINEL) ng::web::wake();
    return 0;
}

void wake_loop() {
    g_frames_to_draw = std::max(g_frames_to_draw, 2);
    if (g_paused) {
        g_paused = false;
        g_last_ms = ng::web::now_ms() - 16;
        emscripten_resume_main_loop();
    }
}

ng::app::FrameInfo frame_info(double dt) {
    ng::app::FrameInfo f;
    f.dt = dt;
    int w = 0, h = 0;
    SDL_GetWindowSize(g_window, &w, &h);
    SDL_GL_GetDrawableSize(g_window, &f.fb_width, &f.fb_height);
    f.viewport = {double(std::max(1, w)), double(std::max(1, h))};
    f.dpr = w > 0 ? float(f.fb_width) / float(w) : 1.0f;
    return f;
}

// The canvas follows its container (CSS 100% × 100%); keep SDL's idea of the
// window size and the backing store (× devicePixelRatio) in step with it.
void follow_canvas_size() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(g_window, &w, &h);
    SDL_GL_GetDrawableSize(g_window, &fb_w, &fb_h);
    double dpr = ng::web::device_pixel_ratio();
    int want_w = int(std::lround(css_w)), want_h = int(std::lround(css_h));
    if (want_w <= 0 || want_h <= 0) return;
    if (want_w != w || want_h != h || std::lround(want_w * dpr) != fb_w) {
        SDL_SetWindowSize(g_window, want_w, want_h);
        g_frames_to_draw = std::max(g_frames_to_draw, 2);
    }
}

// True when an ImGui window (panel, bar, popup) lies under the point: input
// there belongs to the UI. Uses last frame's windows, which is what is on screen.
bool ui_hit(double x, double y) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx) return false;
    for (ImGuiWindow* w : ctx->Windows)
        if (w->WasActive && !w->Hidden && !(w->Flags & ImGuiWindowFlags_NoMouseInputs) &&
            w->Rect().Contains(ImVec2(float(x), float(y))))
            return true;
    return false;
}

enum class Pointer { Down, Move, Up, Cancel };

// One path for mouse (from SDL) and touch (from the page's touch events, see
// ng_touch): a press that starts on the globe keeps going to the globe until
// it ends, even over a panel; one that starts on the UI stays with the UI.
void pointer_to_globe(Pointer kind, int id, double x, double y, bool touch) {
    ng::GlobeView& globe = ng::app::globe();
    double t = ng::web::now_ms();
    switch (kind) {
        case Pointer::Down:
            if (ui_hit(x, y) || ImGui::GetIO().WantCaptureMouse) return;
            g_globe_pointers++;
            globe.pointer_down(id, x, y, t, touch);
            break;
        case Pointer::Move:
            if (g_globe_pointers > 0 || !ui_hit(x, y)) globe.pointer_move(id, x, y, t, touch);
            else globe.pointer_leave();
            break;
        case Pointer::Up:
            if (g_globe_pointers == 0) return;
            g_globe_pointers--;
            globe.pointer_up(id, x, y, t);
            break;
        case Pointer::Cancel:
            g_globe_pointers = 0;
            globe.pointer_leave();
            break;
    }
}

void key_to_globe(const SDL_KeyboardEvent& e) {
    if (ImGui::GetIO().WantTextInput) return;
    switch (e.keysym.sym) {
        case SDLK_LEFT: ng::app::key(ng::Key::Left); break;
        case SDLK_RIGHT: ng::app::key(ng::Key::Right); break;
        case SDLK_UP: ng::app::key(ng::Key::Up); break;
        case SDLK_DOWN: ng::app::key(ng::Key::Down); break;
        case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: ng::app::key(ng::Key::ZoomIn); break;
        case SDLK_MINUS: case SDLK_KP_MINUS: ng::app::key(ng::Key::ZoomOut); break;
        default: break;
    }
}

// SDL delivers the mouse and the keyboard; touch and the wheel come from the
// page (ng_touch, ng_wheel) so that an embedded viewer can leave one-finger
// swipes and plain wheel turns to the host page.
void sdl_to_globe(const SDL_Event& e) {
    switch (e.type) {
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            pointer_to_globe(e.type == SDL_MOUSEBUTTONDOWN ? Pointer::Down : Pointer::Up, 0, e.button.x, e.button.y, false);
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which != SDL_TOUCH_MOUSEID) pointer_to_globe(Pointer::Move, 0, e.motion.x, e.motion.y, false);
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_LEAVE && g_globe_pointers == 0) ng::app::globe().pointer_leave();
            break;
        case SDL_KEYDOWN: key_to_globe(e.key); break;
        default: break;
    }
}

void frame() {
    double now = ng::web::now_ms();
    double dt = g_last_ms > 0 ? (now - g_last_ms) / 1000.0 : 1 / 60.0;
    g_last_ms = now;

    bool input = false;
    SDL_Event e;
    if (g_clear_touch_hover && ng::app::ui_ready()) {
        ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        g_clear_touch_hover = false;
    }
    while (SDL_PollEvent(&e)) {
        input = true;
        if (ng::app::ui_ready()) ImGui_ImplSDL2_ProcessEvent(&e);
        sdl_to_globe(e);
    }
    follow_canvas_size();
    ng::app::FrameInfo f = frame_info(dt);
    if (ng::app::fonts_need_rebuild(f.dpr)) {
        ng::app::rebuild_fonts(f.dpr);
        ng::imgui_renderer::rebuild_font_texture();
        input = true;
    }
    bool changed = ng::app::update(f) || input;
    if (changed || ng::app::busy()) g_frames_to_draw = std::max(g_frames_to_draw, 2);
    if (g_frames_to_draw <= 0) {
        // Nothing moves: stop asking for frames until something wakes us.
        g_paused = true;
        emscripten_pause_main_loop();
        double wake = ng::app::next_wake_ms();
        if (wake >= 0) ng::web::wake_after_ms(wake);
        return;
    }
    --g_frames_to_draw;

    ng::app::render_globe(f);
    if (ng::app::ui_ready()) {
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        ng::app::draw_ui(f);
        ImGui::Render();
        ng::imgui_renderer::render(ImGui::GetDrawData());
    }
    ++g_frames_drawn;
    double cpu_ms = ng::web::now_ms() - now;
    g_frame_cpu_ms_total += cpu_ms;
    g_frame_cpu_ms_max = std::max(g_frame_cpu_ms_max, cpu_ms);
}

}  // namespace

// [SECTION] input and lifecycle from the page -----------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE unsigned ng_frames_drawn() { return g_frames_drawn; }

// Main-thread milliseconds of our frame function per drawn frame: events,
// app update, GL command submission, ImGui. Read and reset by benchmarks.
EMSCRIPTEN_KEEPALIVE double ng_frame_cpu_ms(int which) {
    double r = which == 0 ? g_frame_cpu_ms_total / std::max(1u, g_frames_drawn) : g_frame_cpu_ms_max;
    if (which == 2) g_frame_cpu_ms_total = g_frame_cpu_ms_max = 0, g_frames_drawn = 0;
    return r;
}

EMSCRIPTEN_KEEPALIVE int ng_ui_hit(double x, double y) { return ui_hit(x, y) ? 1 : 0; }

// kind: 0 down, 1 move, 2 up, 3 cancel; x, y in canvas CSS px
EMSCRIPTEN_KEEPALIVE void ng_touch(int kind, int id, double x, double y) {
    if (ng::app::ui_ready()) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(float(x), float(y));
        if (kind == 0) io.AddMouseButtonEvent(0, true);
        if (kind >= 2) io.AddMouseButtonEvent(0, false), g_clear_touch_hover = true;
    }
    pointer_to_globe(Pointer(kind), id + 1, x, y, true);
    wake_loop();
}

// delta in pixels as the DOM reports it (> 0 scrolls down = zooms out)
EMSCRIPTEN_KEEPALIVE void ng_wheel(double delta_y, double x, double y, int over_ui) {
    if (over_ui && ng::app::ui_ready()) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(float(x), float(y));
        io.AddMouseWheelEvent(0, float(-delta_y / 100.0));
    } else {
        ng::app::globe().wheel(delta_y, x, y);
    }
    wake_loop();
}

// Stops the viewer for good: the loop, every request in flight, SDL (which
// removes its listeners from the canvas) and the GL context. The app's state
// is deliberately not freed: a late browser callback (an image, a timer) can
// then never touch freed memory, and the whole instance is garbage once the
// page drops it.
EMSCRIPTEN_KEEPALIVE void ng_destroy() {
    if (!g_window) return;
    emscripten_cancel_main_loop();
    ng::web::set_wake_handler(nullptr);
    ng::web::abort_all_fetches();
    SDL_DelEventWatch(on_sdl_event, nullptr);
    SDL_GL_DeleteContext(g_gl);
    SDL_DestroyWindow(g_window);
    SDL_Quit();
    g_window = nullptr;
}

}  // extern "C"

int main() {
    // Keyboard events go to the canvas only, so typing in the host page's
    // inputs is never swallowed (the canvas has tabindex=0 to take focus).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    g_window = SDL_CreateWindow("newsglobe", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                std::max(1, int(css_w)), std::max(1, int(css_h)),
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = g_window ? SDL_GL_CreateContext(g_window) : nullptr;
    g_gl = gl;
    if (!gl) {
        std::fprintf(stderr, "WebGL2 is not available: %s\n", SDL_GetError());
        EM_ASM({ if (Module.newsglobeHost && Module.newsglobeHost.fail) Module.newsglobeHost.fail("webgl2"); });
        return 1;
    }
    SDL_GL_MakeCurrent(g_window, gl);
    // Touch and the wheel are handled by the page (see ng_touch, ng_wheel):
    // drop SDL's listeners so it neither consumes nor blocks them.
    SDL_EventState(SDL_MOUSEWHEEL, SDL_IGNORE);
    emscripten_set_touchstart_callback("#canvas", nullptr, 0, nullptr);
    emscripten_set_touchmove_callback("#canvas", nullptr, 0, nullptr);
    emscripten_set_touchend_callback("#canvas", nullptr, 0, nullptr);
    emscripten_set_touchcancel_callback("#canvas", nullptr, 0, nullptr);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no saved window layout: panels are docked by code
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    ng::imgui_renderer::init();

    ng::web::set_wake_handler(wake_loop);
    SDL_AddEventWatch(on_sdl_event, nullptr);
    ng::app::init();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
