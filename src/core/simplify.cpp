#include "core/simplify.hpp"

#include <cmath>

namespace ng {
namespace {

// Distance in degrees from p to the segment a–b (planar in lat/lon: the
// tolerance is far below a degree, where that is exact enough).
double segment_distance(LatLon p, LatLon a, LatLon b) {
    double dx = b.lon - a.lon, dy = b.lat - a.lat;
    double px = p.lon - a.lon, py = p.lat - a.lat;
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

std::vector<LatLon> kept(const std::vector<LatLon>& pts, const std::vector<char>& keep) {
    std::vector<LatLon> out;
    for (size_t i = 0; i < pts.size(); ++i)
        if (keep[i]) out.push_back(pts[i]);
    return out;
}

std::vector<LatLon> simplify_line(const std::vector<LatLon>& pts, double tolerance) {
    if (pts.size() < 3) return pts;
    std::vector<char> keep(pts.size(), 0);
    keep.front() = keep.back() = 1;
    keep_seams(pts, keep);
    for (size_t a = 0, b = 1; b < pts.size(); ++b)
        if (keep[b]) mark(pts, a, b, tolerance, keep), a = b;
    return kept(pts, keep);
}

// A closed ring (last point joins the first): split at the point farthest
// from its first, simplify both halves, and keep at least a triangle.
std::vector<LatLon> simplify_ring(const std::vector<LatLon>& pts, double tolerance) {
    if (pts.size() <= 3) return pts;
    auto far_from = [&](LatLon o, size_t from, size_t to) {
        size_t at = from;
        double best = -1;
        for (size_t i = from; i < to; ++i) {
            double d = std::hypot(pts[i].lat - o.lat, pts[i].lon - o.lon);
            if (d > best) best = d, at = i;
        }
        return at;
    };
    size_t split = far_from(pts[0], 1, pts.size());
    std::vector<LatLon> closed = pts;
    closed.push_back(pts[0]);
    std::vector<char> keep(closed.size(), 0);
    keep[0] = keep[split] = keep.back() = 1;
    keep_seams(closed, keep);
    for (size_t a = 0, b = 1; b < closed.size(); ++b)  // each span between kept points
        if (keep[b]) mark(closed, a, b, tolerance, keep), a = b;
    keep.back() = 0;  // the closing point is the first again
    std::vector<LatLon> out = kept(closed, keep);
    if (out.size() < 3) {  // a speck: its widest triangle
        size_t third = 0;
        double best = -1;
        for (size_t i = 1; i < pts.size(); ++i) {
            double d = segment_distance(pts[i], pts[0], pts[split]);
            if (i != split && d > best) best = d, third = i;
        }
        out = third < split ? std::vector<LatLon>{pts[0], pts[third], pts[split]}
                            : std::vector<LatLon>{pts[0], pts[split], pts[third]};
    }
    return out;
}

}  // namespace

World simplify_world(const World& world, double tolerance_deg) {
    World out = world;
    for (Country& c : out.countries)
        for (Polygon& poly : c.polygons)
            for (Ring& ring : poly.rings) ring.points = simplify_ring(ring.points, tolerance_deg);
    for (Arc& arc : out.arcs) arc.points = simplify_line(arc.points, tolerance_deg);
    return out;
}

}  // namespace ng
