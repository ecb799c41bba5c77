#include "core/geo.hpp"

#include <algorithm>
#include <cmath>

namespace ng {

namespace {

// Sine and cosine of an angle in degrees, reduced to within 45° of a right
// angle in degrees first: exact (whole right angles give exact 0 and 1), and
// the C library's sin and cos then skip their own reduction, which took a
// fifth of tessellating the first frame's map in the page.
void sin_cos_deg(double deg, double* s, double* c) {
    double quadrant = std::nearbyint(deg / 90);
    double r = (deg - 90 * quadrant) * kDegToRad;
    double rs = std::sin(r), rc = std::cos(r);
    switch (int(quadrant) & 3) {
        case 0: *s = rs, *c = rc; break;
        case 1: *s = rc, *c = -rs; break;
        case 2: *s = -rs, *c = -rc; break;
        default: *s = -rc, *c = rs; break;
    }
}

}  // namespace

Vec3 to_unit_vector(LatLon p) {
    double lat_s, lat_c, lon_s, lon_c;
    sin_cos_deg(p.lat, &lat_s, &lat_c);
    sin_cos_deg(p.lon, &lon_s, &lon_c);
    return {lat_c * lon_s, lat_s, lat_c * lon_c};
}

LatLon to_lat_lon(Vec3 v) {
    Vec3 n = normalize(v);
    double lat = std::asin(std::clamp(n.y, -1.0, 1.0)) * kRadToDeg;
    double lon = std::atan2(n.x, n.z) * kRadToDeg;
    return {lat, lon};
}

double wrap_longitude(double lon) {
    double w = std::fmod(lon + 180.0, 360.0);
    if (w < 0) w += 360.0;
    return w - 180.0;
}

double angular_distance_deg(LatLon a, LatLon b) {
    // haversine: accurate for the small distances picking cares about
    double dlat = (b.lat - a.lat) * kDegToRad, dlon = (b.lon - a.lon) * kDegToRad;
    double s = std::sin(dlat / 2), t = std::sin(dlon / 2);
    double h = s * s + std::cos(a.lat * kDegToRad) * std::cos(b.lat * kDegToRad) * t * t;
    return 2 * std::asin(std::min(1.0, std::sqrt(h))) * kRadToDeg;
}

bool ray_hits_unit_sphere(Vec3 origin, Vec3 dir, Vec3* hit) {
    Vec3 d = normalize(dir);
    double b = dot(origin, d);
    double c = dot(origin, origin) - 1.0;
    double disc = b * b - c;
    if (disc < 0) return false;
    double t = -b - std::sqrt(disc);
    if (t < 0) return false;  // origin inside the sphere or sphere behind the ray
    *hit = origin + d * t;
    return true;
}

Mat4 operator*(const Mat4& a, const Mat4& b) {
    Mat4 r;
    for (int col = 0; col < 4; ++col)
        for (int row = 0; row < 4; ++row) {
            float s = 0;
            for (int k = 0; k < 4; ++k) s += a.m[k * 4 + row] * b.m[col * 4 + k];
            r.m[col * 4 + row] = s;
        }
    return r;
}

Mat4 perspective(double fov_y_rad, double aspect, double z_near, double z_far) {
    Mat4 r;
    double f = 1.0 / std::tan(fov_y_rad / 2);
    for (float& v : r.m) v = 0;
    r.m[0] = float(f / aspect);
    r.m[5] = float(f);
    r.m[10] = float((z_far + z_near) / (z_near - z_far));
    r.m[11] = -1;
    r.m[14] = float(2 * z_far * z_near / (z_near - z_far));
    return r;
}

Mat4 look_at(Vec3 eye, Vec3 target, Vec3 up) {
    Vec3 f = normalize(target - eye);
    Vec3 s = normalize(cross(f, up));
    Vec3 u = cross(s, f);
    Mat4 r;
    r.m[0] = float(s.x); r.m[4] = float(s.y); r.m[8] = float(s.z);
    r.m[1] = float(u.x); r.m[5] = float(u.y); r.m[9] = float(u.z);
    r.m[2] = float(-f.x); r.m[6] = float(-f.y); r.m[10] = float(-f.z);
    r.m[12] = float(-dot(s, eye)); r.m[13] = float(-dot(u, eye)); r.m[14] = float(dot(f, eye));
    return r;
}

}  // namespace ng
