// main — start-up and the frame story. main() makes the one App of this
// page, installs it as the page ABI's handler and runs the browser's main
// loop. Each frame (App::frame) reads input, updates the viewer, and draws
// only when something changed: an idle page draws nothing, and the loop
// pauses until an event, a fetch, a timer or the page wakes it.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/tessellate.hpp"
#include "main/app.hpp"
#include "render/globe_renderer.hpp"
#include "render/imgui_renderer.hpp"
#include "ui/layout.hpp"
#include "ui/style.hpp"
#include "ui/ui.hpp"
#include "web/browser.hpp"
#include "web/text.hpp"

namespace ng {
namespace {

// SDL 2.26 queues a sentinel on every poll: waking on it would never idle.
int SDLCALL on_sdl_event(void*, SDL_Event* e) {
    if (e->type != SDL_POLLSENTINEL) web::wake();
    return 0;
}

}  // namespace

// [SECTION] start-up ----------------------------------------------------------------------

bool App::start() {
    // Keyboard events go to the canvas only, so typing in the host page's
    // inputs is never swallowed (the canvas has tabindex=0 to take focus).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);  // painter's order (globe_renderer.cpp)
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    double css_w = 0, css_h = 0;
    web::canvas_css_size(&css_w, &css_h);
    window_ = SDL_CreateWindow("newsglobe", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                               std::max(1, int(css_w)), std::max(1, int(css_h)),
                               SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    gl_ = window_ ? SDL_GL_CreateContext(window_) : nullptr;
    if (!gl_) {
        std::fprintf(stderr, "WebGL2 is not available: %s\n", SDL_GetError());
        web::report_start_failure("webgl2");
        return false;
    }
    SDL_GL_MakeCurrent(window_, gl_);
    // Touch and the wheel come from the page (ng_touch, ng_wheel) so that an
    // embedded viewer can leave them to the host page: SDL must neither
    // consume nor block them.
    SDL_EventState(SDL_MOUSEWHEEL, SDL_IGNORE);
    web::remove_canvas_touch_listeners();

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no saved window layout: panels are docked by code
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    imgui_renderer::init();
    globe_renderer::init();

    web::set_wake_handler(on_wake, this);
    SDL_AddEventWatch(on_sdl_event, nullptr);
    ViewerStart start;
    start.query = web::page_query();
    start.asset_base = web::asset_base();
    start.page_url = web::page_address();
    start.embedded = web::is_embedded();
    start.reduced_motion = web::prefers_reduced_motion();
    viewer_ = std::make_unique<Viewer>(host_, start);
    web::warm_up_time_zones();
    return true;
}

// [SECTION] the frame ------------------------------------------------------------------------

void App::frame() {
    double now = web::now_ms();
    double dt = last_ms_ > 0 ? (now - last_ms_) / 1000.0 : 1 / 60.0;
    last_ms_ = now;

    // 1. Input: the mouse and keyboard go to ImGui first, what it does not
    //    take to the globe (touch and the wheel arrive through the page ABI).
    bool changed = take_input();

    // 2. Update: the view's size, the viewer; then the GPU gets a new map or
    //    new country colours, and the fonts are built at the pixel density.
    follow_canvas_size();
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(window_, &w, &h);
    SDL_GL_GetDrawableSize(window_, &fb_w, &fb_h);
    Viewport view{double(std::max(1, w)), double(std::max(1, h))};
    changed |= viewer_->update({dt, view, ui::globe_insets(view, viewer_->compact())});
    // the light map's mesh at once, the part of the world in view first (the
    // first frame waits for it), the rest the frame after; the full map's the
    // first time the camera comes close enough for its detail to show, once
    // that map has arrived
    const GlobeCamera& cam = viewer_->globe().camera();
    bool first_map_frame = false;
    if (viewer_->world_revision() != uploaded_world_) {
        if (!viewer_->world_full()) {
            first_map_frame = !drew_countries_;
            light_part_cap_ = cam.visible_cap(view);
            light_part_ = tessellate_world(viewer_->world(), kLightMeshOptions, &light_part_cap_, CapSide::Within);
            globe_renderer::upload_mesh(light_part_, globe_renderer::Detail::Light);
            light_mesh_whole_ = false;
        }
        uploaded_world_ = viewer_->world_revision();
    } else if (!light_mesh_whole_ && drew_countries_) {
        append_mesh(light_part_, tessellate_world(viewer_->world(), kLightMeshOptions, &light_part_cap_, CapSide::Beyond));
        globe_renderer::upload_mesh(light_part_, globe_renderer::Detail::Light);
        light_part_ = {};
        light_mesh_whole_ = true;
        changed = true;
        // the map's full detail, asked for only now, so the rest above came
        // from the same map as the part in view
        viewer_->want_full_world();
    }
    bool close = std::max(cam.zoom(), cam.target_zoom()) >= kFullDetailZoom;
    if (close) upload_full_mesh();
    detail_ = close && full_mesh_uploaded_ ? globe_renderer::Detail::Full : globe_renderer::Detail::Light;
    if (viewer_->palette_revision() != uploaded_palette_) {
        globe_renderer::upload_palette(viewer_->palette().data());
        uploaded_palette_ = viewer_->palette_revision();
    }
    // not in the frame that first draws the map, which waits for nothing else
    float dpr = w > 0 ? float(fb_w) / float(w) : 1.0f;
    if (const FontFiles* files = viewer_->font_files(); files && dpr != font_density_ && !first_map_frame) {
        font_density_ = dpr;
        fonts_ok_ = ui::build_fonts(*files, dpr);
        if (!fonts_ok_) viewer_->report_broken_fonts();
        imgui_renderer::rebuild_font_texture();
        changed = true;
    }

    // 3. Draw, or sleep until something wakes the loop.
    if (changed || viewer_->busy() || ui_animating_ || ui_input_pending()) frames_to_draw_ = std::max(frames_to_draw_, 2);
    if (frames_to_draw_ <= 0) {
        upload_full_mesh();  // idle: zooming in later need not wait for it
        return sleep();
    }
    --frames_to_draw_;
    draw(view, fb_w, fb_h);
    ++frames_drawn_, ++frame_cpu_frames_;
    double cpu_ms = web::now_ms() - now;
    frame_cpu_ms_total_ += cpu_ms;
    frame_cpu_ms_max_ = std::max(frame_cpu_ms_max_, cpu_ms);
}

// The full map's mesh, once (~100 ms here): when the camera first comes
// close, or earlier when the app has nothing else to do.
void App::upload_full_mesh() {
    if (!viewer_->world_full() || full_mesh_uploaded_) return;
    globe_renderer::upload_mesh(tessellate_world(viewer_->world()), globe_renderer::Detail::Full);
    full_mesh_uploaded_ = true;
}

// The canvas follows its container (CSS 100% × 100%); keep SDL's idea of the
// window size and the backing store (× devicePixelRatio) in step with it.
void App::follow_canvas_size() {
    double css_w = 0, css_h = 0;
    web::canvas_css_size(&css_w, &css_h);
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(window_, &w, &h);
    SDL_GL_GetDrawableSize(window_, &fb_w, &fb_h);
    double dpr = web::device_pixel_ratio();
    int want_w = int(std::lround(css_w)), want_h = int(std::lround(css_h));
    if (want_w <= 0 || want_h <= 0) return;
    if (want_w != w || want_h != h || std::lround(want_w * dpr) != fb_w) {
        SDL_SetWindowSize(window_, want_w, want_h);
        frames_to_draw_ = std::max(frames_to_draw_, 2);
    }
}

void App::draw(const Viewport& view, int fb_width, int fb_height) {
    globe_renderer::draw(viewer_->globe().camera(), view, fb_width, fb_height, globe_theme(viewer_->dark()),
                         viewer_->graticule(), detail_);
    if (viewer_->world_ready() && !drew_countries_) {
        drew_countries_ = true;
        web::mark("first-globe-frame");
        host_.emit_event(ViewerEvent::Ready, nlohmann::json::object());
    }
    if (!ui_ready()) return;
    ui::use_theme(viewer_->dark());
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ui_animating_ = ui::draw(*viewer_, view);
    ImGui::Render();
    imgui_renderer::render(ImGui::GetDrawData(), web::text_rasters());
}

// Nothing moves: no more frames until something wakes the loop (or the
// viewer's next timer, such as auto-rotation resuming, is due).
void App::sleep() {
    paused_ = true;
    web::pause_loop();
    double wake_ms = viewer_->next_wake_ms();
    if (wake_ms >= 0) web::wake_after_ms(wake_ms);
}

void App::on_wake(void* app) { static_cast<App*>(app)->wake(); }

void App::wake() {
    frames_to_draw_ = std::max(frames_to_draw_, 2);
    if (paused_) {
        paused_ = false;
        last_ms_ = web::now_ms() - 16;
        web::resume_loop();
    }
}

// Stops the viewer for good: the loop, every request in flight, SDL (which
// removes its listeners from the canvas) and the GL context. The app's state
// is deliberately not freed: a late browser callback (an image, a timer) can
// then never touch freed memory, and the whole instance is garbage once the
// page drops it.
void App::destroy() {
    if (!window_) return;
    web::stop_loop();
    web::set_wake_handler(nullptr, nullptr);
    web::abort_all_fetches();
    SDL_DelEventWatch(on_sdl_event, nullptr);
    SDL_GL_DeleteContext(gl_);
    SDL_DestroyWindow(window_);
    SDL_Quit();
    window_ = nullptr;
}

}  // namespace ng

int main() {
    static ng::App app;  // lives as long as the page's instance (never destroyed, see App::destroy)
    if (!app.start()) return 1;
    ng::web::set_page_handler(&app);
    ng::web::run_loop([](void* a) { static_cast<ng::App*>(a)->frame(); }, &app);
    return 0;
}
