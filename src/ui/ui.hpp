// ui — everything drawn with ImGui over the globe: the top bar, the docked
// country panel / bottom sheet, the reader, the legend, hover tooltip and
// microstate markers, and the loading, empty and error states.
#pragma once
#include "viewer/viewer.hpp"

namespace ng::ui {

// One frame of the UI, between ImGui::NewFrame and ImGui::Render, in a view
// of `view` CSS pixels. Returns true while something in it animates
// (shimmer, toast, the sheet) or input is still queued: keep frames coming.
bool draw(Viewer& viewer, const Viewport& view);

}  // namespace ng::ui
