#include "core/picking.hpp"

#include <algorithm>
#include <cmath>

namespace ng {
namespace {

bool polygon_contains(const Polygon& poly, LatLon p) {
    if (!ring_contains(poly.rings[0], p)) return false;
    for (size_t r = 1; r < poly.rings.size(); ++r)
        if (ring_contains(poly.rings[r], p)) return false;
    return true;
}

// Great-circle-ish distance from p to segment ab, in degrees: exact enough at
// the few-degree radii snapping uses (local equirectangular around p).
double segment_distance_deg(LatLon p, LatLon a, LatLon b) {
    double k = std::cos(p.lat * kDegToRad);
    auto dlon = [](double x, double y) { return wrap_longitude(x - y); };
    double ax = dlon(a.lon, p.lon) * k, ay = a.lat - p.lat;
    double bx = dlon(b.lon, p.lon) * k, by = b.lat - p.lat;
    double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
    double ex = ax + t * dx, ey = ay + t * dy;
    return std::sqrt(ex * ex + ey * ey);
}

double polygon_distance_deg(const Polygon& poly, LatLon p) {
    if (polygon_contains(poly, p)) return 0;
    double best = 1e9;
    for (const Ring& ring : poly.rings) {
        const auto& pts = ring.points;
        for (size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++)
            if (!is_artificial_edge(pts[j], pts[i])) best = std::min(best, segment_distance_deg(p, pts[j], pts[i]));
    }
    return best;
}

}  // namespace

int CountryPicker::col_of(double lon) { return std::clamp(int(std::floor(lon + 180)), 0, kCols - 1); }
int CountryPicker::row_of(double lat) { return std::clamp(int(std::floor(lat + 90)), 0, kRows - 1); }

CountryPicker::CountryPicker(const World& world) : world_(world), cells_(size_t(kCols) * kRows) {
    for (size_t c = 0; c < world.countries.size(); ++c) {
        const Country& country = world.countries[c];
        for (size_t p = 0; p < country.polygons.size(); ++p) {
            LonLatBox box;
            for (const LatLon& pt : country.polygons[p].rings[0].points) box.add(pt);
            for (int row = row_of(box.min_lat); row <= row_of(box.max_lat); ++row)
                for (int col = col_of(box.min_lon); col <= col_of(box.max_lon); ++col)
                    cells_[size_t(row) * kCols + size_t(col)].push_back({uint16_t(c), uint16_t(p)});
        }
    }
}

int CountryPicker::country_at(LatLon p) const {
    for (const Candidate& cand : cell(col_of(p.lon), row_of(p.lat)))
        if (polygon_contains(world_.countries[cand.country].polygons[cand.polygon], p)) return cand.country;
    return -1;
}

double CountryPicker::distance_to_country_deg(int country, LatLon p) const {
    double best = 1e9;
    for (const Polygon& poly : world_.countries[size_t(country)].polygons) best = std::min(best, polygon_distance_deg(poly, p));
    return best;
}

int CountryPicker::country_near(LatLon p, double radius_deg) const {
    int hit = country_at(p);
    if (hit >= 0 || radius_deg <= 0) return hit;
    double k = std::max(0.01, std::cos(p.lat * kDegToRad));
    int rows = int(std::ceil(radius_deg)) + 1;
    int cols = std::min(kCols / 2, int(std::ceil(radius_deg / k)) + 1);
    int best = -1;
    double best_d = radius_deg;
    std::vector<uint32_t> seen;  // (country << 16 | polygon) already measured
    for (int dr = -rows; dr <= rows; ++dr) {
        int row = row_of(p.lat) + dr;
        if (row < 0 || row >= kRows) continue;
        for (int dc = -cols; dc <= cols; ++dc) {
            int col = ((col_of(p.lon) + dc) % kCols + kCols) % kCols;  // wraps across ±180°
            for (const Candidate& cand : cell(col, row)) {
                uint32_t key = uint32_t(cand.country) << 16 | cand.polygon;
                if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
                seen.push_back(key);
                double d = polygon_distance_deg(world_.countries[cand.country].polygons[cand.polygon], p);
                if (d < best_d) best_d = d, best = cand.country;
            }
        }
    }
    return best;
}

}  // namespace ng
