// app — one newsglobe instance in the page: the SDL window and its WebGL2
// context, Dear ImGui, the two renderers, the Viewer and its host, and the
// frame story (App::frame in main.cpp). main() makes one App, installs it as
// the page ABI's handler and hands it the browser's main loop.
//
//   main.cpp   start-up and the frame: input -> update -> draw or sleep
//   input.cpp  mouse, keyboard, touch and wheel: the UI first, the rest to the globe
//   page.cpp   the page ABI's calls (web/page_api.h) and the viewer's host
#pragma once
#include <SDL.h>

#include <memory>

#include "render/globe_renderer.hpp"
#include "viewer/viewer.hpp"
#include "web/fetch.hpp"
#include "web/page_api.h"

namespace ng {

// The viewer's host over the browser's services (web/).
class BrowserHost final : public ViewerHost {
public:
    Transport& transport() override { return transport_; }
    int64_t monotonic_ms() override;
    int64_t wall_clock_ms() override;
    std::string url_hash() override;
    void set_url_hash(const std::string& hash, HistoryEntry entry) override;
    void emit_event(ViewerEvent event, const nlohmann::json& detail) override;
    void publish_mirror(const std::string& json) override;
    void wake() override;
    bool has_browser_translator() override;
    void check_browser_translator(const std::string& from) override;
    void browser_translate(int request, const std::string& from, const std::string& text) override;
    std::vector<int> collation_order(const std::vector<std::string>& names) override;

private:
    web::FetchTransport transport_;
};

class App final : public web::PageHandler {
public:
    // The window, GL, ImGui, the renderers and the viewer; false (and the
    // page told why) when the browser has no WebGL2.
    bool start();
    void frame();

    // [SECTION] web::PageHandler (page.cpp) -------------------------------------------
    nlohmann::json project(double lat, double lon) override;
    nlohmann::json pick(double x, double y) override;
    nlohmann::json view() override;
    nlohmann::json country(const std::string& iso) override;
    nlohmann::json news() override;
    nlohmann::json ui_state() override;
    bool ui_at(double x, double y) override;
    bool select_country(const std::string& iso) override;
    bool open_article(const std::string& id) override;
    void set_options(const std::string& query) override;
    void set_view(double lat, double lon, double zoom) override;
    void touch(ng_pointer_phase phase, int id, double x, double y) override;
    void mouse(ng_pointer_phase phase, double x, double y) override;
    void wheel(double delta_y, double x, double y, bool over_ui) override;
    void translator_answered(const std::string& from, bool available) override;
    void translated(int request, bool ok, const std::string& text) override;
    void destroy() override;
    unsigned frames_drawn() override { return frames_drawn_; }
    double frame_cpu_ms(ng_frame_cpu_stat stat) override;

private:
    enum class Pointer { Down, Move, Up, Cancel };

    // main.cpp
    static void on_wake(void* app);
    void wake();
    void follow_canvas_size();
    void draw(const Viewport& view, int fb_width, int fb_height);
    void sleep();
    // input.cpp
    bool take_input();
    bool ui_input_pending() const;
    void pointer_to_globe(Pointer kind, int id, double x, double y, bool touch);
    void key_to_viewer(const SDL_KeyboardEvent& e);
    bool ui_ready() const { return fonts_ok_; }

    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_ = nullptr;
    BrowserHost host_;
    std::unique_ptr<Viewer> viewer_;

    // the loop
    double last_ms_ = 0;
    int frames_to_draw_ = 3;  // ImGui needs a couple of frames to settle hover state
    bool paused_ = false;
    bool ui_animating_ = false;  // the UI asked for frames in its last draw

    // what the GPU and ImGui have of the viewer's data
    float font_density_ = 0;  // the device pixel ratio the fonts were built for
    bool fonts_ok_ = false;
    unsigned uploaded_world_ = 0, uploaded_palette_ = 0;  // revisions
    // The globe seen whole is drawn from the light map (core/simplify.hpp): its
    // outlines stay within half a pixel there, 0.8 of one at 1.5×; closer,
    // the full map.
    static constexpr double kFullDetailZoom = 1.5;
    bool light_mesh_whole_ = true;  // false while it holds only the part of the world the first frame showed
    GlobeMesh light_part_;          // that part, kept to append the rest to
    SphereCap light_part_cap_;
    bool full_mesh_uploaded_ = false;
    void upload_full_mesh();
    globe_renderer::Detail detail_ = globe_renderer::Detail::Light;
    bool drew_countries_ = false;

    // input
    int globe_pointers_ = 0;          // presses that began on the globe and have not ended
    bool clear_touch_hover_ = false;  // a finger lifted: forget its position next frame

    // measurement (ng_frames_drawn, ng_frame_cpu_ms)
    unsigned frames_drawn_ = 0;      // since the start (waiters count on it never going back)
    unsigned frame_cpu_frames_ = 0;  // since the last NG_FRAME_CPU_RESET
    double frame_cpu_ms_total_ = 0, frame_cpu_ms_max_ = 0;
};

}  // namespace ng
