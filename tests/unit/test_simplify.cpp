#include <gtest/gtest.h>

#include <cmath>

#include "core/simplify.hpp"
#include "core/tessellate.hpp"
#include "world_fixture.hpp"

using namespace ng;

namespace {

double segment_distance(LatLon p, LatLon a, LatLon b) {
    double dx = b.lon - a.lon, dy = b.lat - a.lat, px = p.lon - a.lon, py = p.lat - a.lat;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? std::fmax(0.0, std::fmin(1.0, (px * dx + py * dy) / len2)) : 0.0;
    return std::hypot(px - t * dx, py - t * dy);
}

// The simplified points are a subsequence of the original; every dropped
// point lies within `tol` of the segment that replaced it. Returns the worst.
double worst_error(const std::vector<LatLon>& original, const std::vector<LatLon>& simple, bool closed) {
    std::vector<LatLon> o = original, s = simple;
    if (closed) o.push_back(original.front()), s.push_back(simple.front());
    double worst = 0;
    size_t j = 0;
    for (size_t i = 0; i < o.size(); ++i) {
        if (j + 1 < s.size() && o[i].lat == s[j + 1].lat && o[i].lon == s[j + 1].lon) ++j;
        if (j + 1 < s.size()) worst = std::fmax(worst, segment_distance(o[i], s[j], s[j + 1]));
    }
    EXPECT_EQ(j + 1, s.size()) << "kept points in order";
    return worst;
}

size_t points(const World& w) {
    size_t n = 0;
    for (const Country& c : w.countries)
        for (const Polygon& p : c.polygons)
            for (const Ring& r : p.rings) n += r.points.size();
    return n;
}

}  // namespace

TEST(Simplify, EveryOutlineStaysWithinTheToleranceAndKeepsItsShape) {
    const World& world = test_world();
    ASSERT_FALSE(world.countries.empty());
    const double tol = 0.05;
    World simple = simplify_world(world, tol);
    ASSERT_EQ(simple.countries.size(), world.countries.size());
    double worst = 0;
    for (size_t c = 0; c < world.countries.size(); ++c) {
        const Country& a = world.countries[c];
        const Country& b = simple.countries[c];
        ASSERT_EQ(a.polygons.size(), b.polygons.size()) << a.iso;
        for (size_t p = 0; p < a.polygons.size(); ++p) {
            ASSERT_EQ(a.polygons[p].rings.size(), b.polygons[p].rings.size()) << a.iso;
            for (size_t r = 0; r < a.polygons[p].rings.size(); ++r) {
                const auto& before = a.polygons[p].rings[r].points;
                const auto& after = b.polygons[p].rings[r].points;
                ASSERT_GE(after.size(), std::min<size_t>(3, before.size())) << a.iso << ": no island disappears";
                double e = worst_error(before, after, true);
                if (after.size() == 3 && before.size() > 3) {
                    EXPECT_LE(e, 2 * tol) << a.iso << ": a speck is kept as its widest triangle";
                } else {
                    worst = std::fmax(worst, e);
                }
            }
        }
    }
    for (size_t i = 0; i < world.arcs.size(); ++i) {
        ASSERT_GE(simple.arcs[i].points.size(), std::min<size_t>(2, world.arcs[i].points.size()));
        worst = std::fmax(worst, worst_error(world.arcs[i].points, simple.arcs[i].points, false));
    }
    EXPECT_LE(worst, tol + 1e-9);
    EXPECT_LT(points(simple) * 3, points(world)) << "most points are under a pixel of the whole globe";
}

TEST(Simplify, TheLightMeshCoversTheSameLandWithFewerVertices) {
    const World& world = test_world();
    ASSERT_FALSE(world.countries.empty());
    GlobeMesh full = tessellate_world(world), light = tessellate_world(simplify_world(world, 0.05));
    auto area = [](const GlobeMesh& m) {
        double a = 0;
        for (size_t t = 0; t < m.land_indices.size(); t += 3) {
            Vec3 v[3];
            for (int k = 0; k < 3; ++k) {
                const float* p = &m.land_xyz[m.land_indices[t + size_t(k)] * 3];
                v[k] = {p[0], p[1], p[2]};
            }
            a += length(cross(v[1] - v[0], v[2] - v[0])) / 2;
        }
        return a;
    };
    EXPECT_NEAR(area(light) / area(full), 1.0, 0.005);
    EXPECT_LT(light.land_indices.size() * 2, full.land_indices.size());
    EXPECT_LT(light.border_xyz.size() * 2, full.border_xyz.size());
    std::printf("land triangles %zu -> %zu, border segments %zu -> %zu\n", full.land_indices.size() / 3,
                light.land_indices.size() / 3, full.border_xyz.size() / 6, light.border_xyz.size() / 6);
}
