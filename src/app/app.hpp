// app — the frame story of newsglobe. Loads the map and fonts, turns input
// into globe motion and selections, keeps the news state, and draws the globe
// and the UI. The platform layer (platform/main.cpp) owns the window, the GL
// context and the main loop, and calls in here.
#pragma once
#include "core/globe_view.hpp"

namespace ng::app {

struct FrameInfo {
    double dt = 0;          // seconds since the last frame
    Viewport viewport;      // CSS pixels
    int fb_width = 0, fb_height = 0;
    float dpr = 1;
};

void init();

// Input, in CSS pixels; only what the UI did not take.
GlobeView& globe();
void key(Key k);

// Advances state (network, animations). Returns true when the screen changed.
bool update(const FrameInfo& f);
bool ui_ready();                 // fonts are loaded (ImGui can run)
bool fonts_need_rebuild(float dpr);
void rebuild_fonts(float dpr);
void draw_ui(const FrameInfo& f);  // between ImGui::NewFrame and ImGui::Render
void render_globe(const FrameInfo& f);
// True while something animates or waits on the network: keep frames coming.
bool busy();
// Milliseconds until the app wants a frame although nothing happens (auto-
// rotation resuming, a retry due); < 0 for never.
double next_wake_ms();

}  // namespace ng::app
