#include <gtest/gtest.h>

#include "core/geo.hpp"

using namespace ng;

TEST(Geo, UnitVectorRoundTrips) {
    for (LatLon p : {LatLon{0, 0}, LatLon{48.85, 2.35}, LatLon{-33.9, 151.2}, LatLon{64.7, -179.9}, LatLon{-89.5, 10}}) {
        LatLon q = to_lat_lon(to_unit_vector(p));
        EXPECT_NEAR(q.lat, p.lat, 1e-9);
        EXPECT_NEAR(q.lon, p.lon, 1e-9);
    }
}

TEST(Geo, AxesFollowTheConvention) {
    Vec3 v = to_unit_vector({0, 0});
    EXPECT_NEAR(v.z, 1, 1e-12);
    EXPECT_NEAR(to_unit_vector({90, 0}).y, 1, 1e-12);
    EXPECT_NEAR(to_unit_vector({0, 90}).x, 1, 1e-12);
}

TEST(Geo, WrapLongitude) {
    EXPECT_DOUBLE_EQ(wrap_longitude(190), -170);
    EXPECT_DOUBLE_EQ(wrap_longitude(-190), 170);
    EXPECT_DOUBLE_EQ(wrap_longitude(180), -180);
    EXPECT_DOUBLE_EQ(wrap_longitude(725), 5);
}

TEST(Geo, AngularDistance) {
    EXPECT_NEAR(angular_distance_deg({0, 0}, {0, 90}), 90, 1e-9);
    EXPECT_NEAR(angular_distance_deg({0, 179.5}, {0, -179.5}), 1, 1e-9);  // across the antimeridian
    EXPECT_NEAR(angular_distance_deg({90, 0}, {-90, 0}), 180, 1e-9);
}

TEST(Geo, RayHitsNearSideOnly) {
    Vec3 hit;
    ASSERT_TRUE(ray_hits_unit_sphere({0, 0, 3}, {0, 0, -1}, &hit));
    EXPECT_NEAR(hit.z, 1, 1e-12);  // the near side, never z = -1
    EXPECT_FALSE(ray_hits_unit_sphere({0, 2, 3}, {0, 0, -1}, &hit));  // misses
    EXPECT_FALSE(ray_hits_unit_sphere({0, 0, 3}, {0, 0, 1}, &hit));   // sphere behind
}

TEST(Geo, PerspectiveTimesLookAtMapsTargetToCentre) {
    Mat4 vp = perspective(0.6, 1.5, 0.1, 10) * look_at({0, 0, 3}, {0, 0, 0}, {0, 1, 0});
    // origin → clip space: x = y = 0
    float x = vp.m[12], y = vp.m[13], w = vp.m[15];
    EXPECT_NEAR(x / w, 0, 1e-6);
    EXPECT_NEAR(y / w, 0, 1e-6);
}
