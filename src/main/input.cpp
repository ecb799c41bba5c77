// input — the UI's mouse and the keyboard from SDL; the globe's mouse, touch
// and the wheel from the page (ng_mouse, ng_touch, ng_wheel). The UI gets
// first say; what it leaves goes to the globe, or as keys to the viewer. A
// press keeps going where it began: one that starts on the globe stays with
// the globe until it ends, even over a panel; one that starts on the UI
// stays with the UI. The globe takes the mouse from the page because SDL
// rounds positions to whole CSS pixels, and picking needs the fractions.
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

// This frame's SDL events: to ImGui (once it can draw), keys then to the
// viewer. True when there were any.
bool App::take_input() {
    // a lifted finger leaves no hover, once ImGui has taken the release (moving
    // the mouse away first would make the tap land nowhere)
    if (clear_touch_hover_ && ui_ready() && !ui_input_pending()) {
        ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        clear_touch_hover_ = false;
    }
    bool any = false;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        any = true;
        if (ui_ready()) ImGui_ImplSDL2_ProcessEvent(&e);
        // the globe's mouse, touch and wheel come from the page (App::mouse, touch, wheel)
        if (e.type == SDL_KEYDOWN) key_to_viewer(e.key);
    }
    return any;
}

// ImGui takes at most one button change per frame (a press and its release
// in one frame would be lost): a quick click needs frames after the events
// that woke the loop, until ImGui has taken them all.
bool App::ui_input_pending() const {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    return ctx && ctx->InputEventsQueue.Size > 0;
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

// The mouse over the globe, at sub-pixel precision (the UI has it from SDL).
void App::mouse(ng_pointer_phase phase, double x, double y) {
    if (phase == NG_POINTER_CANCEL) {  // left the canvas
        if (globe_pointers_ == 0) viewer_->globe().pointer_leave();
    } else {
        static constexpr Pointer kPointer[] = {Pointer::Down, Pointer::Move, Pointer::Up};
        pointer_to_globe(kPointer[phase], 0, x, y, false);
    }
    wake();
}

// A finger: ImGui sees it as a touch-screen mouse, the globe as a pointer.
void App::touch(ng_pointer_phase phase, int id, double x, double y) {
    if (ui_ready()) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(float(x), float(y));
        if (phase == NG_POINTER_DOWN) io.AddMouseButtonEvent(0, true);
        if (phase == NG_POINTER_UP || phase == NG_POINTER_CANCEL) io.AddMouseButtonEvent(0, false), clear_touch_hover_ = true;
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
