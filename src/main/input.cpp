// input — mouse and keyboard from SDL, touch and the wheel from the page
// (ng_touch, ng_wheel). The UI gets first say; what it leaves goes to the
// globe, or as keys to the viewer. A press keeps going where it began: one
// that starts on the globe stays with the globe until it ends, even over a
// panel; one that starts on the UI stays with the UI.
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>

#include <cfloat>

#include "main/app.hpp"
#include "web/browser.hpp"

namespace ng {

// True when an ImGui window (panel, bar, popup) lies under the point: input
// there belongs to the UI. Uses last frame's windows, which is what is on
// screen; windows that take no mouse input (the legend) do not count.
bool App::ui_at(double x, double y) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx) return false;
    for (ImGuiWindow* w : ctx->Windows)
        if (w->WasActive && !w->Hidden && !(w->Flags & ImGuiWindowFlags_NoMouseInputs) &&
            w->Rect().Contains(ImVec2(float(x), float(y))))
            return true;
    return false;
}

// This frame's SDL events: to ImGui (once it can draw) and then the globe.
// True when there were any.
bool App::take_input() {
    if (clear_touch_hover_ && ui_ready()) {
        ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        clear_touch_hover_ = false;
    }
    bool any = false;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        any = true;
        if (ui_ready()) ImGui_ImplSDL2_ProcessEvent(&e);
        sdl_to_globe(e);
    }
    return any;
}

void App::pointer_to_globe(Pointer kind, int id, double x, double y, bool touch) {
    GlobeView& globe = viewer_->globe();
    double t = web::now_ms();
    switch (kind) {
        case Pointer::Down:
            if (ui_at(x, y) || ImGui::GetIO().WantCaptureMouse) return;
            globe_pointers_++;
            globe.pointer_down(id, x, y, t, touch);
            break;
        case Pointer::Move:
            if (globe_pointers_ > 0 || !ui_at(x, y)) globe.pointer_move(id, x, y, t, touch);
            else globe.pointer_leave();
            break;
        case Pointer::Up:
            if (globe_pointers_ == 0) return;
            globe_pointers_--;
            globe.pointer_up(id, x, y, t);
            break;
        case Pointer::Cancel:
            globe_pointers_ = 0;
            globe.pointer_leave();
            break;
    }
}

void App::key_to_viewer(const SDL_KeyboardEvent& e) {
    if (ImGui::GetIO().WantTextInput) return;
    switch (e.keysym.sym) {
        case SDLK_LEFT: viewer_->key(Key::Left); break;
        case SDLK_RIGHT: viewer_->key(Key::Right); break;
        case SDLK_UP: viewer_->key(Key::Up); break;
        case SDLK_DOWN: viewer_->key(Key::Down); break;
        case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: viewer_->key(Key::ZoomIn); break;
        case SDLK_MINUS: case SDLK_KP_MINUS: viewer_->key(Key::ZoomOut); break;
        default: break;
    }
}

// SDL delivers the mouse and the keyboard; touch and the wheel come from the
// page so that an embedded viewer can leave one-finger swipes and plain
// wheel turns to the host page.
void App::sdl_to_globe(const SDL_Event& e) {
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
            if (e.window.event == SDL_WINDOWEVENT_LEAVE && globe_pointers_ == 0) viewer_->globe().pointer_leave();
            break;
        case SDL_KEYDOWN: key_to_viewer(e.key); break;
        default: break;
    }
}

// A finger: ImGui sees it as a touch-screen mouse, the globe as a pointer.
void App::touch(ng_touch_phase phase, int id, double x, double y) {
    if (ui_ready()) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(float(x), float(y));
        if (phase == NG_TOUCH_DOWN) io.AddMouseButtonEvent(0, true);
        if (phase == NG_TOUCH_UP || phase == NG_TOUCH_CANCEL) io.AddMouseButtonEvent(0, false), clear_touch_hover_ = true;
    }
    static constexpr Pointer kPointer[] = {Pointer::Down, Pointer::Move, Pointer::Up, Pointer::Cancel};
    pointer_to_globe(kPointer[phase], id + 1, x, y, true);
    wake();
}

void App::wheel(double delta_y, double x, double y, bool over_ui) {
    if (over_ui && ui_ready()) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(float(x), float(y));
        io.AddMouseWheelEvent(0, float(-delta_y / 100.0));
    } else {
        viewer_->globe().wheel(delta_y, x, y);
    }
    wake();
}

}  // namespace ng
