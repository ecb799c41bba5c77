#include "core/pixel_rects.hpp"

#include <algorithm>
#include <utility>

namespace ng {

std::vector<PixelRect> disjoint_union(const std::vector<PixelRect>& rects) {
    std::vector<int> ys;
    for (const PixelRect& r : rects)
        if (r.x1 > r.x0 && r.y1 > r.y0) ys.push_back(r.y0), ys.push_back(r.y1);
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    std::vector<PixelRect> out;
    std::vector<std::pair<int, int>> spans, merged, last;  // last: the band above's, its rectangles at the end of out
    for (size_t i = 0; i + 1 < ys.size(); ++i) {
        spans.clear(), merged.clear();
        for (const PixelRect& r : rects)
            if (r.x1 > r.x0 && r.y0 <= ys[i] && r.y1 >= ys[i + 1]) spans.push_back({r.x0, r.x1});
        std::sort(spans.begin(), spans.end());
        for (size_t k = 0; k < spans.size();) {
            int x0 = spans[k].first, x1 = spans[k].second;
            for (++k; k < spans.size() && spans[k].first <= x1; ++k) x1 = std::max(x1, spans[k].second);
            merged.push_back({x0, x1});
        }
        // the same spans as the band just above: its rectangles grow down
        if (!merged.empty() && merged == last && out.back().y1 == ys[i]) {
            for (size_t k = out.size() - merged.size(); k < out.size(); ++k) out[k].y1 = ys[i + 1];
            continue;
        }
        for (auto [x0, x1] : merged) out.push_back({x0, ys[i], x1, ys[i + 1]});
        last = merged;
    }
    return out;
}

}  // namespace ng
