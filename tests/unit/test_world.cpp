#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/camera.hpp"
#include "core/picking.hpp"
#include "core/tessellate.hpp"
#include "world_fixture.hpp"

using namespace ng;

namespace {
const CountryPicker& picker() {
    static CountryPicker p(test_world());
    return p;
}
std::string iso_at(double lat, double lon) {
    int c = picker().country_at({lat, lon});
    return c < 0 ? "" : test_world().countries[size_t(c)].iso;
}
std::string light_iso_at(double lat, double lon) {
    static CountryPicker light(test_light_world());
    int c = light.country_at({lat, lon});
    return c < 0 ? "" : test_light_world().countries[size_t(c)].iso;
}
}  // namespace

TEST(WorldAsset, HasEveryCountryOnce) {
    const World& w = test_world();
    ASSERT_GE(w.countries.size(), 230u);
    std::set<std::string> seen;
    for (const Country& c : w.countries) {
        if (c.iso.empty()) continue;
        EXPECT_TRUE(seen.insert(c.iso).second) << c.iso << " twice";
        EXPECT_FALSE(c.name.empty());
    }
    for (const char* iso : {"FR", "MT", "SG", "BH", "VA", "SM", "AD", "LI", "MC", "XK", "FJ", "RU", "AQ", "LS", "NR"})
        EXPECT_GE(w.find(iso), 0) << iso;
    EXPECT_EQ(w.countries[size_t(w.find("us"))].name, "United States");
}

TEST(WorldAsset, RejectsDamagedFiles) {
    World w;
    std::string error;
    std::string bytes = read_file_bytes(std::string(NEWSGLOBE_SITE_DIR) + "/data/world.bin");
    EXPECT_FALSE(decode_world_asset(bytes.substr(0, bytes.size() / 2), &w, &error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(decode_world_asset("<html>404</html>", &w, &error));
    EXPECT_FALSE(decode_world_asset("", &w, &error));
}

TEST(Picking, EveryCountrysLabelPointPicksThatCountry) {
    const World& w = test_world();
    for (size_t i = 0; i < w.countries.size(); ++i) {
        const Country& c = w.countries[i];
        EXPECT_EQ(picker().country_at(c.label), int(i)) << c.name << " at " << c.label.lat << "," << c.label.lon;
    }
}

TEST(Picking, KnownPlaces) {
    EXPECT_EQ(iso_at(48.85, 2.35), "FR");     // Paris
    EXPECT_EQ(iso_at(35.88, 14.45), "MT");    // Malta
    EXPECT_EQ(iso_at(1.35, 103.82), "SG");    // Singapore
    EXPECT_EQ(iso_at(26.05, 50.55), "BH");    // Bahrain
    EXPECT_EQ(iso_at(-29.5, 28.2), "LS");     // Lesotho, a hole in South Africa
    EXPECT_EQ(iso_at(-30.5, 24.0), "ZA");
    EXPECT_EQ(iso_at(43.94, 12.46), "SM");    // San Marino inside Italy
}

TEST(Picking, OceanIsNoCountry) {
    EXPECT_EQ(iso_at(0, -30), "");     // mid-Atlantic
    EXPECT_EQ(iso_at(-40, -120), "");  // South Pacific
    EXPECT_EQ(iso_at(15, 65), "");     // Arabian Sea
    EXPECT_EQ(iso_at(88, 0), "");      // Arctic Ocean
    EXPECT_EQ(iso_at(35.5, 14.0), "");  // just off Malta
}

TEST(Picking, AntimeridianAndPoles) {
    EXPECT_EQ(iso_at(66.0, -175.0), "RU");   // Chukotka, west of the cut
    EXPECT_EQ(iso_at(66.0, 175.0), "RU");    // and east of it
    EXPECT_EQ(iso_at(-17.8, 178.0), "FJ");   // Viti Levu
    EXPECT_EQ(iso_at(-16.9, 179.97), "FJ");  // Taveuni, east of the cut
    EXPECT_EQ(iso_at(-16.8, -179.9), "FJ");  // and its part west of it
    EXPECT_EQ(iso_at(-85, 0), "AQ");
    EXPECT_EQ(iso_at(-89.9, 123), "AQ");
    EXPECT_EQ(iso_at(-86, 179.99), "AQ");
    EXPECT_EQ(iso_at(-80, 179.99), "");  // Ross Ice Shelf: not land in Natural Earth
}

// The light map (simplified, on a coarser grid) keeps the seams' repairs.
TEST(Picking, AntimeridianAndPolesOnTheLightMap) {
    EXPECT_EQ(light_iso_at(66.0, -175.0), "RU");
    EXPECT_EQ(light_iso_at(66.0, 175.0), "RU");
    EXPECT_EQ(light_iso_at(-17.8, 178.0), "FJ");
    EXPECT_EQ(light_iso_at(-16.8, -179.9), "FJ");
    EXPECT_EQ(light_iso_at(-85, 0), "AQ");
    EXPECT_EQ(light_iso_at(-89.9, 123), "AQ");
    EXPECT_EQ(light_iso_at(-86, 179.99), "AQ");
    EXPECT_EQ(light_iso_at(-80, 179.99), "");
    EXPECT_EQ(light_iso_at(0, -30), "");
}

TEST(Picking, SnapsToSmallStatesNearby) {
    int mt = test_world().find("MT");
    EXPECT_EQ(picker().country_near({35.78, 14.2}, 0.3), mt);   // in the sea beside Malta
    EXPECT_EQ(picker().country_near({35.78, 14.2}, 0.01), -1);  // radius too small
    int sg = test_world().find("SG");
    EXPECT_EQ(picker().country_near({1.2, 103.85}, 0.2), sg);
    EXPECT_EQ(picker().country_near({0, -30}, 2.0), -1);
    EXPECT_GT(picker().distance_to_country_deg(mt, {35.78, 14.2}), 0.05);
}

TEST(Tessellation, CoversTheLandAndStaysOnTheSurface) {
    GlobeMesh mesh = tessellate_world(test_world());
    ASSERT_GT(mesh.land_indices.size(), 30000u);
    ASSERT_EQ(mesh.land_xyz.size(), mesh.land_country.size() * 3);
    double area = 0, worst_sag = 0;
    for (size_t t = 0; t < mesh.land_indices.size(); t += 3) {
        Vec3 v[3];
        for (int k = 0; k < 3; ++k) {
            const float* p = &mesh.land_xyz[mesh.land_indices[t + size_t(k)] * 3];
            v[k] = {p[0], p[1], p[2]};
        }
        area += length(cross(v[1] - v[0], v[2] - v[0])) / 2;
        worst_sag = std::max(worst_sag, 1 - length((v[0] + v[1] + v[2]) * (1.0 / 3)));
    }
    double expected = 0;
    for (const Country& c : test_world().countries) expected += c.area_km2 / (6371.0 * 6371.0);
    EXPECT_NEAR(area / expected, 1.0, 0.01);  // no polygon lost by the triangulator
    EXPECT_LT(worst_sag, 1.5e-3);             // under half a pixel at the limb, seen whole
}

// Land triangles all face outward, so the renderer can cull the far side
// (a software rasteriser otherwise sets up every hidden triangle too).
TEST(Tessellation, EveryLandTriangleFacesOutward) {
  for (const World* world : {&test_world(), &test_light_world()}) {
    GlobeMesh mesh = tessellate_world(*world, world == &test_world() ? TessellateOptions{} : kLightMeshOptions);
    size_t inward = 0, slivers = 0;
    double inward_area = 0;
    for (size_t t = 0; t < mesh.land_indices.size(); t += 3) {
        Vec3 v[3];
        for (int k = 0; k < 3; ++k) {
            const float* p = &mesh.land_xyz[mesh.land_indices[t + size_t(k)] * 3];
            v[k] = {p[0], p[1], p[2]};
        }
        Vec3 n = cross(v[1] - v[0], v[2] - v[0]);
        double edge = std::max({length(v[1] - v[0]), length(v[2] - v[1]), length(v[0] - v[2])});
        // a sliver thinner than a thousandth of its length covers no pixel,
        // and float rounding may turn it either way
        if (length(n) < 1e-3 * edge * edge) ++slivers;
        else if (dot(n, v[0] + v[1] + v[2]) < 0) ++inward, inward_area += length(n) / 2;
    }
    if (world == &test_world()) {
        EXPECT_EQ(inward, 0u) << "of " << mesh.land_indices.size() / 3 << " triangles";
        EXPECT_LT(slivers * 100, mesh.land_indices.size() / 3);
    } else {  // the light map's long edges leave a few specks, all under a tenth of a pixel seen whole
        EXPECT_LT(inward_area, 1e-6) << inward << " inward";
        EXPECT_LT(slivers * 50, mesh.land_indices.size() / 3);
    }
  }
}

TEST(Tessellation, NoBorderAlongTheCutOrThePole) {
    GlobeMesh mesh = tessellate_world(test_world());
    ASSERT_GT(mesh.border_xyz.size(), 100000u);
    for (size_t i = 0; i < mesh.border_xyz.size(); i += 6) {
        LatLon a = to_lat_lon({mesh.border_xyz[i], mesh.border_xyz[i + 1], mesh.border_xyz[i + 2]});
        LatLon b = to_lat_lon({mesh.border_xyz[i + 3], mesh.border_xyz[i + 4], mesh.border_xyz[i + 5]});
        ASSERT_FALSE(std::fabs(std::fabs(a.lon) - 180) < 1e-3 && std::fabs(std::fabs(b.lon) - 180) < 1e-3 &&
                     std::fabs(a.lat - b.lat) > 1e-6)
            << a.lat << "," << a.lon;
        ASSERT_GT(std::min(a.lat, b.lat), -89.99);
    }
}

// An edge that crosses the antimeridian (Fiji's coast from 179.99° to -180°,
// Chukotka's, Antarctica's) is drawn the short way: densified the long way in
// longitude it ran a border line round the whole world along its latitude.
TEST(Tessellation, BordersAcrossTheAntimeridianTakeTheShortWay) {
    World fiji;
    fiji.arcs.push_back({{{-16.52, 179.986}, {-16.49, -180.0}, {-16.45, -179.9}}});
    GlobeMesh mesh = tessellate_world(fiji);
    ASSERT_FALSE(mesh.border_xyz.empty());
    for (size_t i = 0; i < mesh.border_xyz.size(); i += 3) {
        LatLon p = to_lat_lon({mesh.border_xyz[i], mesh.border_xyz[i + 1], mesh.border_xyz[i + 2]});
        EXPECT_GT(std::fabs(p.lon), 179.8) << p.lat << "," << p.lon;
    }

    // the whole map: the lines are as long as the edges they draw
    auto angle = [](Vec3 a, Vec3 b) { return std::acos(std::clamp(dot(a, b), -1.0, 1.0)); };
    for (const World* world : {&test_world(), &test_light_world()}) {
        GlobeMesh m = tessellate_world(*world, world == &test_world() ? TessellateOptions{} : kLightMeshOptions);
        double drawn = 0, edges = 0;
        for (size_t i = 0; i < m.border_xyz.size(); i += 6)
            drawn += angle({m.border_xyz[i], m.border_xyz[i + 1], m.border_xyz[i + 2]},
                           {m.border_xyz[i + 3], m.border_xyz[i + 4], m.border_xyz[i + 5]});
        for (const Arc& arc : world->arcs)
            for (size_t i = 0; i + 1 < arc.points.size(); ++i)
                if (!is_artificial_edge(arc.points[i], arc.points[i + 1]))
                    edges += angle(to_unit_vector(arc.points[i]), to_unit_vector(arc.points[i + 1]));
        EXPECT_NEAR(drawn / edges, 1.0, 0.01) << (world == &test_world() ? "full map" : "light map");
    }
}

// The first frame's mesh is the view's half of the world: every triangle and
// border segment of the whole mesh that the cap holds, little else; the rest
// is the other part, and the two appended are the whole mesh.
TEST(Tessellation, TheMeshWithinACapHasAllItHoldsAndTheRestCompletesIt) {
    const World& world = test_light_world();
    GlobeMesh whole = tessellate_world(world, kLightMeshOptions);
    for (LatLon at : {LatLon{20, 10}, LatLon{-30, 150}, LatLon{65, -170}, LatLon{-80, 0}}) {
        SphereCap cap{to_unit_vector(at), 72 * kDegToRad};  // the globe seen whole
        GlobeMesh part = tessellate_world(world, kLightMeshOptions, &cap, CapSide::Within);
        GlobeMesh rest = tessellate_world(world, kLightMeshOptions, &cap, CapSide::Beyond);
        auto inside = [&](const float* p) { return dot(Vec3{p[0], p[1], p[2]}, cap.centre) >= std::cos(cap.radius); };
        auto land_in_cap = [&](const GlobeMesh& m) {
            size_t n = 0;
            for (size_t t = 0; t < m.land_indices.size(); t += 3)
                for (int k = 0; k < 3; ++k)
                    if (inside(&m.land_xyz[size_t(m.land_indices[t + size_t(k)]) * 3])) { ++n; break; }
            return n;
        };
        auto borders_in_cap = [&](const GlobeMesh& m) {
            size_t n = 0;
            for (size_t i = 0; i < m.border_xyz.size(); i += 6) n += inside(&m.border_xyz[i]) || inside(&m.border_xyz[i + 3]);
            return n;
        };
        EXPECT_EQ(land_in_cap(part), land_in_cap(whole)) << at.lat << "," << at.lon;
        EXPECT_EQ(borders_in_cap(part), borders_in_cap(whole)) << at.lat << "," << at.lon;
        EXPECT_LT(part.land_indices.size(), whole.land_indices.size() * 8 / 10) << at.lat << "," << at.lon;

        append_mesh(part, rest);
        EXPECT_EQ(part.land_indices.size(), whole.land_indices.size()) << at.lat << "," << at.lon;
        EXPECT_EQ(part.border_xyz.size(), whole.border_xyz.size()) << at.lat << "," << at.lon;
        EXPECT_EQ(land_in_cap(part), land_in_cap(whole)) << at.lat << "," << at.lon;
        size_t tiled = 0;
        for (const MeshTile& t : part.land_tiles) {
            tiled += t.count;
            for (uint32_t i = t.first; i < t.first + t.count; ++i) {
                const float* p = &part.land_xyz[size_t(part.land_indices[i]) * 3];
                ASSERT_LE(std::acos(std::min(1.0, dot(t.centre, Vec3{p[0], p[1], p[2]}))), t.radius + 1e-9);
            }
        }
        EXPECT_EQ(tiled, part.land_indices.size());
    }
}

// The tiles hold every triangle and border segment once, each inside its
// tile's cap; a view draws every tile with anything it can show, and little else.
TEST(Tessellation, TilesCoverTheMeshAndAViewDrawsWhatItCanSee) {
    GlobeMesh mesh = tessellate_world(test_light_world(), kLightMeshOptions);
    auto check_cover = [](const std::vector<MeshTile>& tiles, size_t total) {
        uint32_t next = 0;
        for (const MeshTile& t : tiles) {
            EXPECT_EQ(t.first, next);
            next += t.count;
        }
        EXPECT_EQ(next, total);
    };
    check_cover(mesh.land_tiles, mesh.land_indices.size());
    check_cover(mesh.border_tiles, mesh.border_xyz.size() / 3);
    check_cover(mesh.graticule_tiles, mesh.graticule_xyz.size() / 3);
    auto land_point = [&](size_t index) {
        const float* p = &mesh.land_xyz[size_t(mesh.land_indices[index]) * 3];
        return Vec3{p[0], p[1], p[2]};
    };
    for (const MeshTile& t : mesh.land_tiles)
        for (uint32_t i = t.first; i < t.first + t.count; ++i)
            ASSERT_LE(std::acos(std::min(1.0, dot(t.centre, land_point(i)))), t.radius + 1e-9);

    double shares = 0;
    int views = 0;
    for (Viewport vp : {Viewport{1280, 720}, Viewport{390, 844}})
        for (double zoom : {1.0, 3.0, 8.0})
            for (LatLon centre : {LatLon{20, 10}, LatLon{-33, 151}, LatLon{65, -170}, LatLon{-80, 0}, LatLon{0, 179}}) {
                GlobeCamera cam;
                cam.set_auto_rotate(false);
                cam.set_view(centre, zoom);
                std::vector<char> drawn(mesh.land_indices.size(), 0);
                size_t drawn_count = 0;
                for (auto [first, count] : visible_runs(mesh.land_tiles, cam.visible_cap(vp)))
                    for (uint32_t i = first; i < first + count; ++i) drawn[i] = 1, ++drawn_count;
                size_t missing = 0;
                for (size_t t = 0; t < mesh.land_indices.size(); t += 3)
                    for (size_t k = 0; k < 3; ++k) {
                        double x, y;
                        if (!drawn[t] && cam.project(to_lat_lon(land_point(t + k)), vp, &x, &y)) ++missing;
                    }
                EXPECT_EQ(missing, 0u) << "zoom " << zoom << " at " << centre.lat << "," << centre.lon;
                // the graticule likewise: every segment with an end in view is drawn, the far side is not
                std::vector<char> line_drawn(mesh.graticule_xyz.size() / 3, 0);
                size_t lines_drawn = 0;
                for (auto [first, count] : visible_runs(mesh.graticule_tiles, cam.visible_cap(vp)))
                    for (uint32_t v = first; v < first + count; ++v) line_drawn[v] = 1, ++lines_drawn;
                size_t lines_missing = 0;
                for (size_t v = 0; v < line_drawn.size(); ++v) {
                    const float* p = &mesh.graticule_xyz[v * 3];
                    double x, y;
                    if (!line_drawn[v] && cam.project(to_lat_lon(Vec3{p[0], p[1], p[2]}), vp, &x, &y)) ++lines_missing;
                }
                EXPECT_EQ(lines_missing, 0u) << "graticule, zoom " << zoom << " at " << centre.lat << "," << centre.lon;
                EXPECT_LT(double(lines_drawn) / double(line_drawn.size()), 0.75) << "zoom " << zoom;
                double share = double(drawn_count) / double(mesh.land_indices.size());
                if (zoom > 5) {
                    EXPECT_LT(share, 0.2) << "zoom " << zoom << " at " << centre.lat << "," << centre.lon;
                }
                shares += share, ++views;
            }
    EXPECT_LT(shares / views, 0.4) << "the far side and what is off screen are not drawn";
}
