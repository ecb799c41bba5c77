// main — the platform seam: SDL2 window and WebGL2 context, Dear ImGui's SDL2
// and OpenGL3 backends, the browser main loop, and input routing. Each frame:
// pump events (ImGui first; what it does not take goes to the globe), advance
// the app, and draw only when something changed — an idle page draws nothing
// and the loop pauses until an event, a fetch or a timer wakes it.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cmath>

#include "app/app.hpp"
#include "platform/web.hpp"

namespace {

SDL_Window* g_window = nullptr;
double g_last_ms = 0;
int g_frames_to_draw = 3;      // ImGui needs a couple of frames to settle hover state
bool g_paused = false;
bool g_globe_has_pointer = false;  // a press that began on the globe keeps it until release
unsigned g_frames_drawn = 0;

int SDLCALL on_sdl_event(void*, SDL_Event*) {
    ng::web::wake();
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

bool globe_may_take_mouse() { return g_globe_has_pointer || !ImGui::GetIO().WantCaptureMouse; }

double touch_x(const SDL_TouchFingerEvent& e) {
    int w, h;
    SDL_GetWindowSize(g_window, &w, &h);
    return double(e.x) * w;
}
double touch_y(const SDL_TouchFingerEvent& e) {
    int w, h;
    SDL_GetWindowSize(g_window, &w, &h);
    return double(e.y) * h;
}

void route_to_globe(const SDL_Event& e) {
    ng::GlobeView& globe = ng::app::globe();
    double t = ng::web::now_ms();
    ImGuiIO& io = ImGui::GetIO();
    switch (e.type) {
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            if (!io.WantCaptureMouse) {
                g_globe_has_pointer = true;
                globe.pointer_down(0, e.button.x, e.button.y, t, false);
            }
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) break;
            if (globe_may_take_mouse()) globe.pointer_move(0, e.motion.x, e.motion.y, t, false);
            else globe.pointer_leave();
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            if (g_globe_has_pointer) globe.pointer_up(0, e.button.x, e.button.y, t);
            g_globe_has_pointer = false;
            break;
        case SDL_MOUSEWHEEL:
            if (!io.WantCaptureMouse) {
                int mx, my;
                SDL_GetMouseState(&mx, &my);
                globe.wheel(-e.wheel.preciseY * 100.0, mx, my);
            }
            break;
        case SDL_FINGERDOWN:
            if (!io.WantCaptureMouse || g_globe_has_pointer) {
                g_globe_has_pointer = true;
                globe.pointer_down(int(e.tfinger.fingerId) + 1, touch_x(e.tfinger), touch_y(e.tfinger), t, true);
            }
            break;
        case SDL_FINGERMOTION:
            if (g_globe_has_pointer) globe.pointer_move(int(e.tfinger.fingerId) + 1, touch_x(e.tfinger), touch_y(e.tfinger), t, true);
            break;
        case SDL_FINGERUP:
            if (g_globe_has_pointer) globe.pointer_up(int(e.tfinger.fingerId) + 1, touch_x(e.tfinger), touch_y(e.tfinger), t);
            if (!ng::app::globe().dragging()) g_globe_has_pointer = SDL_GetNumTouchFingers(e.tfinger.touchId) > 0;
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_LEAVE && !g_globe_has_pointer) globe.pointer_leave();
            break;
        case SDL_KEYDOWN: {
            if (io.WantTextInput) break;
            switch (e.key.keysym.sym) {
                case SDLK_LEFT: ng::app::key(ng::Key::Left); break;
                case SDLK_RIGHT: ng::app::key(ng::Key::Right); break;
                case SDLK_UP: ng::app::key(ng::Key::Up); break;
                case SDLK_DOWN: ng::app::key(ng::Key::Down); break;
                case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: ng::app::key(ng::Key::ZoomIn); break;
                case SDLK_MINUS: case SDLK_KP_MINUS: ng::app::key(ng::Key::ZoomOut); break;
                default: break;
            }
            break;
        }
        default: break;
    }
}

void frame() {
    double now = ng::web::now_ms();
    double dt = g_last_ms > 0 ? (now - g_last_ms) / 1000.0 : 1 / 60.0;
    g_last_ms = now;

    bool input = false;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        input = true;
        if (ng::app::ui_ready()) ImGui_ImplSDL2_ProcessEvent(&e);
        route_to_globe(e);
    }
    follow_canvas_size();
    ng::app::FrameInfo f = frame_info(dt);
    if (ng::app::fonts_need_rebuild(f.dpr)) {
        ng::app::rebuild_fonts(f.dpr);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
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
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        ng::app::draw_ui(f);
        ImGui::Render();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    ++g_frames_drawn;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE unsigned ng_frames_drawn() { return g_frames_drawn; }

int main() {
    // Keyboard events go to the canvas only, so typing in the host page's
    // inputs is never swallowed (the canvas has tabindex=0 to take focus).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
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
    if (!gl) {
        std::fprintf(stderr, "WebGL2 is not available: %s\n", SDL_GetError());
        EM_ASM({ if (Module.newsglobeHost && Module.newsglobeHost.fail) Module.newsglobeHost.fail("webgl2"); });
        return 1;
    }
    SDL_GL_MakeCurrent(g_window, gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no saved window layout: panels are docked by code
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    ng::web::set_wake_handler(wake_loop);
    SDL_AddEventWatch(on_sdl_event, nullptr);
    ng::app::init();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
