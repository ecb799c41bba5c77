// frame — what any part of the UI may ask of the frame being drawn (ui.cpp
// owns it): more frames while something animates (shimmer, the sheet, a
// field taking focus), and a short confirmation toast ("Link copied").
#pragma once
#include <string>

namespace ng::ui {

// Something animates on screen this frame: the app keeps drawing frames.
void request_animation();
// Shows `text` in the toast for a couple of seconds.
void show_toast(const std::string& text);

}  // namespace ng::ui
