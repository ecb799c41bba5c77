#include "core/pixel_rects.hpp"

#include <algorithm>

namespace ng {
namespace {

// A handful of values (a rectangle a window): insertion sort is all it
// takes, and far less code in the page's wasm than std::sort.
template <typename T, typename Less>
void sort_few(std::vector<T>& v, Less less) {
    for (size_t i = 1; i < v.size(); ++i)
        for (size_t k = i; k > 0 && less(v[k], v[k - 1]); --k) std::swap(v[k], v[k - 1]);
}

}  // namespace

std::vector<PixelRect> disjoint_union(const std::vector<PixelRect>& rects) {
    std::vector<int> ys;
    for (const PixelRect& r : rects)
        if (r.x1 > r.x0 && r.y1 > r.y0) ys.push_back(r.y0), ys.push_back(r.y1);
    sort_few(ys, [](int a, int b) { return a < b; });
    std::vector<PixelRect> out, spans;
    size_t above = 0;  // where the band above's rectangles start in out
    for (size_t i = 0; i + 1 < ys.size(); ++i) {
        const int top = ys[i], bottom = ys[i + 1];
        if (top == bottom) continue;
        spans.clear();
        for (const PixelRect& r : rects)
            if (r.x1 > r.x0 && r.y0 <= top && r.y1 >= bottom) spans.push_back({r.x0, top, r.x1, bottom});
        sort_few(spans, [](const PixelRect& a, const PixelRect& b) { return a.x0 < b.x0; });
        // overlapping or touching spans merged, in place
        size_t n = 0;
        for (const PixelRect& s : spans) {
            if (n > 0 && s.x0 <= spans[n - 1].x1) spans[n - 1].x1 = std::max(spans[n - 1].x1, s.x1);
            else spans[n++] = s;
        }
        spans.resize(n);
        // the same spans as the band just above: its rectangles grow down
        bool same = n > 0 && out.size() - above == n && out.back().y1 == top;
        for (size_t k = 0; same && k < n; ++k) same = out[above + k].x0 == spans[k].x0 && out[above + k].x1 == spans[k].x1;
        if (same) {
            for (size_t k = above; k < out.size(); ++k) out[k].y1 = bottom;
            continue;
        }
        above = out.size();
        out.insert(out.end(), spans.begin(), spans.end());
    }
    return out;
}

}  // namespace ng
