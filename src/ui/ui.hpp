// ui — everything drawn with ImGui over the globe: the top bar, the docked
// country panel / bottom sheet, the reader, the legend, hover tooltip and
// microstate markers, and the loading, empty and error states.
#pragma once
#include "app/app.hpp"
#include "app/context.hpp"

namespace ng::ui {

void draw(app::Context& ctx, const app::FrameInfo& frame);

}  // namespace ng::ui
