#include <gtest/gtest.h>

#include "core/camera.hpp"
#include "core/gestures.hpp"

using namespace ng;

namespace {
const Viewport kVp{1280, 800};

std::vector<Gesture::Kind> kinds(GestureTracker& g) {
    std::vector<Gesture::Kind> k;
    for (const Gesture& e : g.take()) k.push_back(e.kind);
    return k;
}
}  // namespace

TEST(Camera, ProjectAndUnprojectRoundTrip) {
    GlobeCamera cam;
    cam.set_view({30, 10}, 2);
    for (LatLon p : {LatLon{30, 10}, LatLon{40, 20}, LatLon{20, -5}}) {
        double x, y;
        ASSERT_TRUE(cam.project(p, kVp, &x, &y));
        LatLon q;
        ASSERT_TRUE(cam.unproject(x, y, kVp, &q));
        EXPECT_NEAR(q.lat, p.lat, 1e-3);
        EXPECT_NEAR(q.lon, p.lon, 1e-3);
    }
    double x, y;
    EXPECT_TRUE(cam.project({30, 10}, kVp, &x, &y));
    EXPECT_NEAR(x, 640, 0.5);  // the centre of the view is the centre of the screen
    EXPECT_NEAR(y, 400, 0.5);
    EXPECT_FALSE(cam.project({-30, -170}, kVp, &x, &y));  // far side
    LatLon q;
    EXPECT_FALSE(cam.unproject(2, 2, kVp, &q));  // the corner is space
}

TEST(Camera, ZoomIsBounded) {
    GlobeCamera cam;
    for (int i = 0; i < 50; ++i) cam.zoom_by(2);
    for (int i = 0; i < 200; ++i) cam.update(0.05);
    EXPECT_DOUBLE_EQ(cam.zoom(), cam.limits().max_zoom);
    for (int i = 0; i < 80; ++i) cam.zoom_by(0.5);
    for (int i = 0; i < 200; ++i) cam.update(0.05);
    EXPECT_DOUBLE_EQ(cam.zoom(), cam.limits().min_zoom);
}

TEST(Camera, DragMovesThePointUnderTheCursorWithIt) {
    GlobeCamera cam;
    cam.set_view({0, 0}, 1);
    double dpp = cam.degrees_per_pixel(kVp);
    cam.drag_by(100, 0, kVp);  // drag right: the globe turns east, the centre moves west
    EXPECT_NEAR(cam.centre().lon, -100 * dpp, 1e-9);
    cam.drag_by(0, 50, kVp);
    EXPECT_NEAR(cam.centre().lat, 50 * dpp, 1e-9);
}

TEST(Camera, InertiaDecaysAndStops) {
    GlobeCamera cam;
    cam.set_auto_rotate(false);
    cam.fling(1000, 0, kVp);
    double lon0 = cam.centre().lon;
    ASSERT_TRUE(cam.update(0.016));
    EXPECT_NE(cam.centre().lon, lon0);
    for (int i = 0; i < 400 && cam.animating(); ++i) cam.update(0.016);
    EXPECT_FALSE(cam.animating());
}

TEST(Camera, AutoRotationWaitsForIdleAndNeverJumps) {
    GlobeCamera cam;
    cam.note_interaction();
    cam.update(5);
    EXPECT_FALSE(cam.auto_rotating());
    EXPECT_NEAR(cam.seconds_until_auto_rotate(), 5, 1e-9);
    double lon0 = cam.centre().lon;
    cam.update(300);  // a tab hidden for five minutes comes back
    EXPECT_TRUE(cam.auto_rotating());
    // motion uses at most 0.1 s: 0.3° at 3°/s, not 900°
    EXPECT_LE(std::fabs(cam.centre().lon - lon0), GlobeCamera::kAutoRotateDegPerSec * 0.1 + 1e-9);
    cam.set_auto_rotate(false);
    EXPECT_FALSE(cam.auto_rotating());
}

TEST(Camera, FlyToArrives) {
    GlobeCamera cam;
    cam.set_auto_rotate(false);
    cam.fly_to({46.6, 2.4}, 4, 0.5);
    for (int i = 0; i < 100; ++i) cam.update(0.016);
    EXPECT_NEAR(cam.centre().lat, 46.6, 1e-6);
    EXPECT_NEAR(cam.centre().lon, 2.4, 1e-6);
    EXPECT_NEAR(cam.zoom(), 4, 1e-6);
    EXPECT_FALSE(cam.animating());
}

TEST(Gestures, ShortPressIsAClick) {
    GestureTracker g;
    g.press(0, 100, 100, 0, false);
    g.move(0, 103, 102, 30);  // under the 5 px threshold
    g.release(0, 103, 102, 60);
    auto k = kinds(g);
    ASSERT_EQ(k.size(), 1u);
    EXPECT_EQ(k[0], Gesture::Click);
}

TEST(Gestures, DragNeverEndsInAClick) {
    GestureTracker g;
    g.press(0, 100, 100, 0, false);
    g.move(0, 106, 100, 16);
    g.move(0, 90, 100, 32);
    g.release(0, 100, 100, 48);  // back where it started
    auto k = kinds(g);
    EXPECT_EQ(k.front(), Gesture::DragStart);
    EXPECT_EQ(k.back(), Gesture::DragEnd);
    for (auto kind : k) EXPECT_NE(kind, Gesture::Click);
}

TEST(Gestures, ReleaseVelocityOnlyForAMovingRelease) {
    GestureTracker g;
    g.press(0, 0, 0, 0, false);
    for (int i = 1; i <= 5; ++i) g.move(0, i * 20, 0, i * 16);
    g.release(0, 100, 0, 80);
    Gesture end = g.take().back();
    EXPECT_GT(end.vx, 500);  // ~1250 px/s

    g.press(0, 0, 0, 1000, false);
    for (int i = 1; i <= 5; ++i) g.move(0, i * 20, 0, 1000 + i * 16);
    g.release(0, 100, 0, 1400);  // held still for 300 ms before letting go
    EXPECT_EQ(g.take().back().vx, 0);
}

TEST(Gestures, DoubleClickAndPinch) {
    GestureTracker g;
    g.press(0, 50, 50, 0, false);
    g.release(0, 50, 50, 50);
    g.press(0, 52, 51, 200, false);
    g.release(0, 52, 51, 250);
    auto k = kinds(g);
    ASSERT_EQ(k.size(), 2u);
    EXPECT_EQ(k[1], Gesture::DoubleClick);

    g.press(1, 100, 100, 1000, true);
    g.press(2, 200, 100, 1000, true);
    g.move(2, 300, 100, 1016);  // fingers twice as far apart
    auto events = g.take();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().kind, Gesture::Pinch);
    EXPECT_NEAR(events.back().scale, 2.0, 1e-9);
    g.release(2, 300, 100, 1100);
    g.release(1, 100, 100, 1100);
    for (auto kind : kinds(g)) EXPECT_NE(kind, Gesture::Click);  // a pinch never selects
}

#include "core/globe_view.hpp"
#include "world_fixture.hpp"

TEST(GlobeView, FlyToCentresTheCountryInTheUncoveredPart) {
    GlobeView view;
    view.set_world(&test_world());
    view.set_viewport({1280, 800});
    view.set_insets({0, 60, 440, 0});  // top bar and a right-hand panel
    view.camera().set_auto_rotate(false);
    view.select(test_world().find("FR"), true);
    for (int i = 0; i < 120; ++i) view.update(0.016);
    double x, y;
    ASSERT_TRUE(view.camera().project(test_world().countries[size_t(test_world().find("FR"))].label, {1280, 800}, &x, &y));
    EXPECT_NEAR(x, (1280 - 440) / 2.0, 25);  // middle of what the panel leaves
    EXPECT_NEAR(y, 60 + (800 - 60) / 2.0, 25);
}
