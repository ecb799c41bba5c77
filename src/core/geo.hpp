// geo — small vector/matrix math and sphere geometry shared by the camera,
// picking and tessellation. Conventions: the globe is the unit sphere, y points
// to the north pole, longitude 0 / latitude 0 lies on +z, east is +x.
#pragma once
#include <cmath>

namespace ng {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;
constexpr double kRadToDeg = 180.0 / kPi;

struct LatLon {
    double lat = 0;  // degrees, -90..90
    double lon = 0;  // degrees, -180..180
};

struct Vec3 {
    double x = 0, y = 0, z = 0;
};
inline Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }
inline double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline Vec3 cross(Vec3 a, Vec3 b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
inline double length(Vec3 a) { return std::sqrt(dot(a, a)); }
inline Vec3 normalize(Vec3 a) { double l = length(a); return l > 0 ? a * (1.0 / l) : a; }

// The points of the unit sphere within `radius` radians of `centre`.
struct SphereCap {
    Vec3 centre;
    double radius = 0;
};

Vec3 to_unit_vector(LatLon p);
LatLon to_lat_lon(Vec3 v);                 // v need not be normalised
double wrap_longitude(double lon);         // into [-180, 180)
double angular_distance_deg(LatLon a, LatLon b);  // great-circle, degrees

// Nearest intersection of the ray origin + t*dir (t >= 0) with the unit
// sphere. Only the near side is ever returned, so picks never hit the far side.
bool ray_hits_unit_sphere(Vec3 origin, Vec3 dir, Vec3* hit);

// Column-major 4x4 matrix, as OpenGL expects.
struct Mat4 {
    float m[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
};
Mat4 operator*(const Mat4& a, const Mat4& b);
Mat4 perspective(double fov_y_rad, double aspect, double z_near, double z_far);
Mat4 look_at(Vec3 eye, Vec3 target, Vec3 up);

}  // namespace ng
