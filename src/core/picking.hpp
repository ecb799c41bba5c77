// picking — which country is at a point of the globe. Exact point-in-polygon
// on the lon/lat outlines, accelerated by a 1° grid of candidate polygons,
// plus "snapping": the nearest country within a radius, so a click or tap a
// few pixels off a microstate still selects it.
#pragma once
#include <cstdint>
#include <vector>

#include "core/world.hpp"

namespace ng {

class CountryPicker {
public:
    explicit CountryPicker(const World& world);

    // Country whose land contains p, or -1 for ocean.
    int country_at(LatLon p) const;
    // country_at(p) if it is land; otherwise the country with the nearest
    // outline within radius_deg (great-circle degrees), or -1.
    int country_near(LatLon p, double radius_deg) const;
    // Distance in degrees from p to the country's nearest outline (0 inside).
    double distance_to_country_deg(int country, LatLon p) const;

private:
    struct Candidate {
        uint16_t country, polygon;
    };
    static constexpr int kCols = 360, kRows = 180;
    static int col_of(double lon);
    static int row_of(double lat);
    const std::vector<Candidate>& cell(int col, int row) const { return cells_[size_t(row) * kCols + size_t(col)]; }

    const World& world_;
    std::vector<std::vector<Candidate>> cells_;
};

}  // namespace ng
