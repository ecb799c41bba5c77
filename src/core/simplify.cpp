#include "core/simplify.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ng {
namespace {

// Distance from p to the segment a–b in degrees of arc on the globe: planar
// in lat/lon, with longitude shrunk by cos(latitude) at p (the tolerance is
// far below a degree, where that is exact enough). Measured in the plane, a
// degree of longitude in the Arctic would count as much as one at the
// equator, though it is half as long on screen at 60°.
double segment_distance(LatLon p, LatLon a, LatLon b) {
    double k = std::cos(p.lat * kDegToRad);
    double dx = (b.lon - a.lon) * k, dy = b.lat - a.lat;
    double px = (p.lon - a.lon) * k, py = p.lat - a.lat;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? std::fmax(0.0, std::fmin(1.0, (px * dx + py * dy) / len2)) : 0.0;
    double ex = px - t * dx, ey = py - t * dy;
    return std::sqrt(ex * ex + ey * ey);
}

// Marks the points of pts[first..last] to keep (iterative Douglas–Peucker).
void mark(const std::vector<LatLon>& pts, size_t first, size_t last, double tolerance, std::vector<char>& keep) {
    std::vector<std::pair<size_t, size_t>> spans{{first, last}};
    while (!spans.empty()) {
        auto [a, b] = spans.back();
        spans.pop_back();
        double worst = -1;
        size_t at = a;
        for (size_t i = a + 1; i < b; ++i) {
            double d = segment_distance(pts[i], pts[a], pts[b]);
            if (d > worst) worst = d, at = i;
        }
        if (worst <= tolerance) continue;
        keep[at] = 1;
        spans.push_back({a, at});
        spans.push_back({at, b});
    }
}

// Points on the antimeridian cut and at the poles stay: the edges between
// them are the map's seams, never drawn as borders (is_artificial_edge).
void keep_seams(const std::vector<LatLon>& pts, std::vector<char>& keep) {
    for (size_t i = 0; i < pts.size(); ++i)
        if (std::fabs(pts[i].lon) >= 180 - 1e-9 || std::fabs(pts[i].lat) >= 90 - 1e-6) keep[i] = 1;
}

// The kept points of one arc. An open arc keeps its ends; a closed one (an
// island drawn as a single arc) is split at the point farthest from its start
// and both halves simplified.
std::vector<char> simplify_arc(const std::vector<LatLon>& pts, double tolerance) {
    std::vector<char> keep(pts.size(), 0);
    if (pts.empty()) return keep;
    keep.front() = keep.back() = 1;
    bool closed = pts.size() > 3 && pts.front().lat == pts.back().lat && pts.front().lon == pts.back().lon;
    if (closed) {
        size_t split = 1;
        double best = -1;
        for (size_t i = 1; i + 1 < pts.size(); ++i) {
            double d = std::hypot(pts[i].lat - pts[0].lat, pts[i].lon - pts[0].lon);
            if (d > best) best = d, split = i;
        }
        keep[split] = 1;
    }
    keep_seams(pts, keep);
    for (size_t a = 0, b = 1; b < pts.size(); ++b)  // each span between kept points
        if (keep[b]) mark(pts, a, b, tolerance, keep), a = b;
    return keep;
}

size_t arc_of(int32_t ref) { return ref >= 0 ? size_t(ref) : size_t(~ref); }

// Distinct points a ring keeps: each arc's kept points but its last (the next
// arc's first; a ring's last arc ends where the first began).
size_t ring_points(const std::vector<int32_t>& refs, const std::vector<std::vector<char>>& keep) {
    size_t n = 0;
    for (int32_t ref : refs) {
        size_t kept = 0;
        for (char k : keep[arc_of(ref)]) kept += size_t(k);
        n += kept - 1;
    }
    return n;
}

// A ring left a sliver or a speck: keep, one at a time, the dropped point
// farthest from the segment that replaced it, until it is a triangle.
void keep_a_triangle(const std::vector<int32_t>& refs, const std::vector<std::vector<LatLon>>& arcs,
                     std::vector<std::vector<char>>& keep) {
    while (ring_points(refs, keep) < 3) {
        size_t best_arc = 0, best_point = 0;
        double best = -1;
        for (int32_t ref : refs) {
            const auto& pts = arcs[arc_of(ref)];
            const auto& k = keep[arc_of(ref)];
            for (size_t a = 0, i = 1; i < pts.size(); ++i) {
                if (k[i]) { a = i; continue; }
                size_t b = i;
                while (b + 1 < pts.size() && !k[b]) ++b;
                double d = segment_distance(pts[i], pts[a], pts[b]);
                if (d > best) best = d, best_arc = arc_of(ref), best_point = i;
            }
        }
        if (best < 0) return;  // nothing left to keep: the source ring is degenerate
        keep[best_arc][best_point] = 1;
    }
}

using GridPoint = std::pair<int32_t, int32_t>;

// An island or enclave narrower than the grid (the Vatican: 0.007° across)
// can fall onto one or two grid points and vanish. Its ring, one closed arc
// of its own, keeps the points it has and gains one grid step beside them
// (on the side that keeps its winding): a triangle no wider than the grid.
// (A ring of several arcs shares its ends with neighbours, which cannot
// move; none that small exists in the map, and tools/prepare_world fails if
// one ever does.)
void keep_a_speck(const std::vector<int32_t>& ring, const std::vector<std::vector<LatLon>>& arcs,
                  std::vector<std::vector<GridPoint>>& grids) {
    if (ring.size() != 1) return;
    size_t i = size_t(ring[0] < 0 ? ~ring[0] : ring[0]);
    std::vector<GridPoint>& grid = grids[i];
    if (grid.front() != grid.back()) return;  // not closed
    std::vector<GridPoint> distinct;
    for (const GridPoint& q : grid)
        if (std::find(distinct.begin(), distinct.end(), q) == distinct.end()) distinct.push_back(q);
    if (distinct.size() >= 3) return;
    double twice_area = 0;  // the source ring's winding (shoelace, lon/lat)
    for (size_t j = 0; j + 1 < arcs[i].size(); ++j)
        twice_area += arcs[i][j].lon * arcs[i][j + 1].lat - arcs[i][j + 1].lon * arcs[i][j].lat;
    const int side = twice_area >= 0 ? 1 : -1;  // counter-clockwise: the third point on the left
    GridPoint a = distinct[0];
    GridPoint b = distinct.size() == 2 ? distinct[1] : GridPoint{a.first + 1, a.second};
    int32_t dx = b.first - a.first, dy = b.second - a.second;
    // one step along the larger part of a→b's left (or right) normal
    GridPoint c = std::abs(dy) >= std::abs(dx) ? GridPoint{a.first - side * (dy > 0 ? 1 : -1), a.second}
                                               : GridPoint{a.first, a.second + side * (dx > 0 ? 1 : -1)};
    grid = {a, b, c, a};
}

}  // namespace

WorldAssetSource simplify_asset(const WorldAssetSource& src, double tolerance_deg) {
    std::vector<std::vector<LatLon>> arcs = decode_topo_arcs(src.transform, src.arcs);
    std::vector<std::vector<char>> keep(arcs.size());
    for (size_t i = 0; i < arcs.size(); ++i) keep[i] = simplify_arc(arcs[i], tolerance_deg);
    for (const auto& country : src.countries)
        for (const auto& polygon : country.polygons)
            for (const auto& ring : polygon) keep_a_triangle(ring, arcs, keep);
    // The kept points on a coarser grid, half the tolerance: a point moves
    // at most a third of the tolerance, and shorter deltas take fewer bytes
    // (a finer grid, a fifth, made the light map 10 KB gzip heavier).
    WorldAssetSource out = src;
    const double quantum = tolerance_deg / 2;
    out.transform.scale_lon = out.transform.scale_lat = quantum;
    std::vector<std::vector<GridPoint>> grids(arcs.size());
    for (size_t i = 0; i < arcs.size(); ++i) {
        std::vector<GridPoint>& grid = grids[i];
        for (size_t j = 0; j < arcs[i].size(); ++j) {
            if (!keep[i][j]) continue;
            GridPoint q{int32_t(std::lround((arcs[i][j].lon - src.transform.translate_lon) / quantum)),
                        int32_t(std::lround((arcs[i][j].lat - src.transform.translate_lat) / quantum))};
            if (grid.empty() || grid.back() != q) grid.push_back(q);  // one point per grid point
        }
        if (grid.size() == 1) grid.push_back(grid.back());  // an arc shorter than the quantum keeps both ends
    }
    for (const auto& country : src.countries)
        for (const auto& polygon : country.polygons)
            for (const auto& ring : polygon) keep_a_speck(ring, arcs, grids);
    for (size_t i = 0; i < arcs.size(); ++i) {
        auto& arc = out.arcs[i];
        arc.clear();
        GridPoint last{0, 0};
        for (const GridPoint& q : grids[i]) arc.push_back({q.first - last.first, q.second - last.second}), last = q;
    }
    return out;
}

}  // namespace ng
