// pixel_rects — rectangles of whole pixels, and the union of several as
// rectangles that do not overlap: for copying a layer onto the screen where
// its windows are, each pixel once (render/imgui_renderer.cpp).
#pragma once
#include <vector>

namespace ng {

struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // [x0, x1) × [y0, y1)
    bool operator==(const PixelRect& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

// The pixels of `rects` (empty ones ignored), cut into horizontal bands at
// every top and bottom edge, in each band the spans merged, and bands with
// the same spans one below the other joined: no two results share a pixel,
// and together they hold exactly the pixels of the input.
std::vector<PixelRect> disjoint_union(const std::vector<PixelRect>& rects);

}  // namespace ng
