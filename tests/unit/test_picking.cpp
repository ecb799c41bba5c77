// Picking on the real map: the country whose land is under the pointer wins,
// unless the pointer is on a drawn microstate dot; snapping to a nearby
// state happens only over the sea. Checked over every country's interior at
// zoom 1, 2 and 6, with the point centred and near the limb (or the edge of
// the view when zoomed in), and at the capitals where clicks used to go to a
// neighbouring microstate's dot.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/globe_view.hpp"
#include "world_fixture.hpp"

using namespace ng;

namespace {

constexpr Viewport kView{1280, 800};

struct Probe {
    std::string iso;  // the country whose land this is
    LatLon p;
    std::string what;
};

// Points well inside each country: the pole of inaccessibility of each of
// its larger polygons (the point farthest from any edge, found by the asset
// builder's search), so a pick there is about the land, never a border.
std::vector<Probe> interior_probes(const World& w) {
    std::vector<Probe> out;
    for (const Country& c : w.countries) {
        if (c.iso.empty() || c.polygons.empty()) continue;
        double largest = 0;
        for (const Polygon& poly : c.polygons) largest = std::max(largest, polygon_area_km2(poly));
        int taken = 0;
        for (size_t i = 0; i < c.polygons.size() && taken < 3; ++i) {
            if (polygon_area_km2(c.polygons[i]) < largest * 0.05) continue;
            out.push_back({c.iso, polygon_label_point(c.polygons[i]), c.iso + " polygon " + std::to_string(i)});
            ++taken;
        }
    }
    return out;
}

// Capitals and inland points next to microstates or a border, where outside
// checks found clicks going to the wrong country.
const std::vector<Probe>& named_probes() {
    static const std::vector<Probe> probes = {
        {"IE", {53.35, -6.26}, "Dublin"},      {"CH", {46.95, 7.45}, "Bern"},
        {"QA", {25.29, 51.53}, "Doha"},        {"IL", {30.6, 34.8}, "the Negev"},
        {"FR", {48.86, 2.35}, "Paris"},        {"BE", {50.85, 4.35}, "Brussels"},
        {"AT", {48.21, 16.37}, "Vienna"},      {"CZ", {50.08, 14.44}, "Prague"},
        {"CD", {-4.33, 15.31}, "Kinshasa"},    {"VE", {10.49, -66.88}, "Caracas"},
        {"IT", {41.89, 12.51}, "Rome"},        {"SA", {24.71, 46.68}, "Riyadh"},
        {"DE", {52.52, 13.40}, "Berlin"},      {"GB", {51.51, -0.13}, "London"},
        {"ES", {40.42, -3.70}, "Madrid"},      {"SG", {1.35, 103.82}, "Singapore"},
    };
    return probes;
}

struct Tally {
    int right = 0, wrong = 0, covered = 0, hidden = 0;
    std::vector<std::string> failures;
};

// Views that show p: centred, and with the centre moved away along the
// parallel so that p sits near the limb (or near the view's edge once the
// globe is larger than the view).
std::vector<LatLon> views_of(const GlobeCamera& base, LatLon p, double zoom) {
    std::vector<LatLon> centres = {p};
    for (double off : {75.0, 60.0, 45.0, 25.0, 12.0, 6.0, 3.0}) {
        GlobeCamera cam = base;
        LatLon centre{std::clamp(p.lat, -80.0, 80.0), wrap_longitude(p.lon + off)};
        cam.set_view(centre, zoom);
        double x, y;
        if (cam.project(p, kView, &x, &y) && x > 20 && x < kView.width - 20 && y > 20 && y < kView.height - 20) {
            centres.push_back(centre);
            break;
        }
    }
    return centres;
}

void check(GlobeView& view, const Probe& probe, double zoom, Tally& t) {
    const World& w = *view.world();
    int want = w.find(probe.iso);
    ASSERT_GE(want, 0) << probe.iso;
    for (LatLon centre : views_of(view.camera(), probe.p, zoom)) {
        view.camera().set_view(centre, zoom);
        view.set_viewport(kView);  // markers follow the view
        double x, y;
        if (!view.camera().project(probe.p, kView, &x, &y)) {
            ++t.hidden;
            continue;
        }
        // A drawn dot of another state over the point legitimately takes the click.
        bool under_dot = false;
        for (const Marker& m : view.markers())
            if (m.country != want && std::hypot(m.x - x, m.y - y) <= view.marker_radius_px(m.country, false))
                under_dot = true;
        if (under_dot) {
            ++t.covered;
            continue;
        }
        int got = view.pick(x, y, false);
        if (got == want) {
            ++t.right;
        } else {
            ++t.wrong;
            char line[200];
            std::snprintf(line, sizeof line, "%s at zoom %.0f, centre %.1f,%.1f -> %s", probe.what.c_str(), zoom,
                          centre.lat, centre.lon, got < 0 ? "ocean" : w.countries[size_t(got)].iso.c_str());
            t.failures.push_back(line);
        }
    }
}

void report(const char* name, const Tally& t) {
    std::printf("%s: %d right, %d wrong, %d under another state's dot, %d not visible\n", name, t.right, t.wrong,
                t.covered, t.hidden);
    for (size_t i = 0; i < t.failures.size() && i < 40; ++i) std::printf("  wrong: %s\n", t.failures[i].c_str());
}

GlobeView make_view() {
    GlobeView view;
    view.set_world(&test_world());
    view.camera().set_auto_rotate(false);
    view.set_viewport(kView);
    return view;
}

}  // namespace

TEST(Picking, EveryCountrysInteriorPicksThatCountry) {
    const World& w = test_world();
    ASSERT_FALSE(w.countries.empty());
    GlobeView view = make_view();
    Tally t;
    std::vector<Probe> probes = interior_probes(w);
    ASSERT_GT(probes.size(), 230u);
    for (const Probe& probe : probes) {
        // the probe itself must be that country's land (the data's own check)
        ASSERT_TRUE(country_contains(w.countries[size_t(w.find(probe.iso))], probe.p)) << probe.what;
        for (double zoom : {1.0, 2.0, 6.0}) check(view, probe, zoom, t);
    }
    report("interiors", t);
    EXPECT_EQ(t.wrong, 0);
    EXPECT_GT(t.right, 1300);
}

TEST(Picking, CapitalsNextToMicrostatesPickTheirOwnCountry) {
    GlobeView view = make_view();
    Tally t;
    for (const Probe& probe : named_probes())
        for (double zoom : {1.0, 2.0, 6.0}) check(view, probe, zoom, t);
    report("capitals", t);
    EXPECT_EQ(t.wrong, 0);
    for (const std::string& f : t.failures) ADD_FAILURE() << f;
}

TEST(Picking, ADrawnDotIsPickedWhereItIsDrawnAndNotBeyond) {
    GlobeView view = make_view();
    const World& w = test_world();
    int va = w.find("VA"), it = w.find("IT");
    LatLon rome{41.9, 12.45};
    view.camera().set_view(rome, 1.0);
    view.set_viewport(kView);
    const Marker* dot = nullptr;
    for (const Marker& m : view.markers())
        if (m.country == va) dot = &m;
    ASSERT_NE(dot, nullptr) << "the Vatican is a dot at zoom 1";
    double r = view.marker_radius_px(va, false);
    EXPECT_EQ(view.pick(dot->x, dot->y, false), va);
    EXPECT_EQ(view.pick(dot->x + r * 0.9, dot->y, false), va);
    // just outside the drawn dot is Italy's land: Italy
    EXPECT_EQ(view.pick(dot->x, dot->y + r + 1.5, false), it);
    // a finger gets a little more room
    EXPECT_EQ(view.pick(dot->x, dot->y + r + 1.5, true), va);
}

// The page may turn the globe between frames (setView) and a click is picked
// on its event: the dots must be where the globe is now, not where the last
// frame drew them.
TEST(Picking, ADotIsPickedWhereItIsAfterTheGlobeTurnsBetweenFrames) {
    GlobeView view = make_view();
    const World& w = test_world();
    int va = w.find("VA");
    view.camera().set_view({20, -40}, 1.0);
    ASSERT_FALSE(view.markers().empty());  // the last frame's dots, over the Atlantic
    view.camera().set_view({41.9, 12.45}, 1.0);
    double x = 0, y = 0;
    ASSERT_TRUE(view.camera().project(w.countries[size_t(va)].label, kView, &x, &y));
    // near the dot's rim, where the land is Italy's
    double r = view.marker_radius_px(va, false);
    EXPECT_EQ(view.pick(x + 0.8 * r, y, false), va) << "before: Italy (the dot was still where it had been)";
}

TEST(Picking, SnappingToASmallStateHappensOnlyOverTheSea) {
    GlobeView view = make_view();
    const World& w = test_world();
    // Malta at zoom 2: a click in the sea a few px off the island selects it
    LatLon malta = w.countries[size_t(w.find("MT"))].label;
    view.camera().set_view(malta, 2.0);
    view.set_viewport(kView);
    double x, y;
    ASSERT_TRUE(view.camera().project(malta, kView, &x, &y));
    double r = view.marker_radius_px(w.find("MT"), false);
    EXPECT_EQ(view.pick(x, y + r + 3, false), w.find("MT")) << "the sea just south of Malta snaps to it";
    // Qatar's land next to Bahrain's dot: Qatar, from the dot's edge outwards
    LatLon doha{25.29, 51.53};
    view.camera().set_view(doha, 1.0);
    view.set_viewport(kView);
    ASSERT_TRUE(view.camera().project(doha, kView, &x, &y));
    EXPECT_EQ(view.pick(x, y, false), w.find("QA"));
}
