#include "core/camera.hpp"

#include <algorithm>
#include <cmath>

namespace ng {
namespace {

double fit_distance(const Viewport& vp) {
    // Distance at which the globe fills ~86% of the viewport's smaller side.
    double half_v = GlobeCamera::kFovY / 2;
    double half_h = std::atan(std::tan(half_v) * vp.width / std::max(1.0, vp.height));
    double half = std::min(half_v, half_h) * 0.86;
    return 1.0 / std::sin(half);
}

double ease_in_out(double t) { return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2; }

Vec3 slerp(Vec3 a, Vec3 b, double t) {
    double d = std::clamp(dot(a, b), -1.0, 1.0);
    double omega = std::acos(d);
    if (omega < 1e-6) return b;
    double s = std::sin(omega);
    return a * (std::sin((1 - t) * omega) / s) + b * (std::sin(t * omega) / s);
}

}  // namespace

void GlobeCamera::clamp_view() {
    centre_.lat = std::clamp(centre_.lat, -limits_.max_abs_lat, limits_.max_abs_lat);
    centre_.lon = wrap_longitude(centre_.lon);
    zoom_ = std::clamp(zoom_, limits_.min_zoom, limits_.max_zoom);
    target_zoom_ = std::clamp(target_zoom_, limits_.min_zoom, limits_.max_zoom);
}

void GlobeCamera::set_view(LatLon centre, double zoom) {
    stop();
    centre_ = centre;
    zoom_ = target_zoom_ = zoom;
    clamp_view();
}

void GlobeCamera::stop() {
    vel_lat_ = vel_lon_ = 0;
    flight_.active = false;
}

void GlobeCamera::drag_by(double dx, double dy, const Viewport& vp) {
    flight_.active = false;
    double dpp = degrees_per_pixel(vp);
    double k = std::max(0.2, std::cos(centre_.lat * kDegToRad));
    centre_.lon -= dx * dpp / k;
    centre_.lat += dy * dpp;
    clamp_view();
}

void GlobeCamera::fling(double vx, double vy, const Viewport& vp) {
    double dpp = degrees_per_pixel(vp);
    double k = std::max(0.2, std::cos(centre_.lat * kDegToRad));
    const double max_deg_per_s = 240;
    vel_lon_ = std::clamp(-vx * dpp / k, -max_deg_per_s, max_deg_per_s);
    vel_lat_ = std::clamp(vy * dpp, -max_deg_per_s, max_deg_per_s);
}

void GlobeCamera::zoom_by(double factor) {
    flight_.active = false;
    target_zoom_ = std::clamp(target_zoom_ * factor, limits_.min_zoom, limits_.max_zoom);
}

void GlobeCamera::zoom_at(double factor, double x, double y, const Viewport& vp) {
    LatLon before;
    bool anchored = unproject(x, y, vp, &before);
    zoom_by(factor);
    if (!anchored) return;
    // Move the centre part of the way toward the anchor, the way map apps
    // zoom toward the cursor, in proportion to how much closer we get.
    double pull = std::clamp(1.0 - 1.0 / factor, -1.0, 1.0) * 0.5;
    if (pull <= 0) return;
    Vec3 c = to_unit_vector(centre_), a = to_unit_vector(before);
    LatLon next = to_lat_lon(slerp(c, a, pull));
    centre_ = next;
    clamp_view();
}

void GlobeCamera::fly_to(LatLon target, double zoom, double seconds) {
    vel_lat_ = vel_lon_ = 0;
    target.lat = std::clamp(target.lat, -limits_.max_abs_lat, limits_.max_abs_lat);
    flight_ = {true, to_unit_vector(centre_), to_unit_vector(target), zoom_,
               std::clamp(zoom, limits_.min_zoom, limits_.max_zoom), 0, std::max(0.05, seconds)};
}

bool GlobeCamera::animating() const {
    return flight_.active || vel_lat_ != 0 || vel_lon_ != 0 || std::fabs(target_zoom_ - zoom_) > 1e-4 ||
           auto_rotating();
}

bool GlobeCamera::update(double dt) {
    idle_seconds_ += std::max(0.0, dt);
    dt = std::clamp(dt, 0.0, 0.1);
    bool moved = false;
    if (flight_.active) {
        flight_.t = std::min(1.0, flight_.t + dt / flight_.seconds);
        double e = ease_in_out(flight_.t);
        centre_ = to_lat_lon(slerp(flight_.from, flight_.to, e));
        zoom_ = target_zoom_ = std::exp(std::log(flight_.zoom_from) + (std::log(flight_.zoom_to) - std::log(flight_.zoom_from)) * e);
        if (flight_.t >= 1) flight_.active = false;
        moved = true;
    } else if (vel_lat_ != 0 || vel_lon_ != 0) {
        centre_.lat += vel_lat_ * dt;
        centre_.lon += vel_lon_ * dt;
        double decay = std::exp(-4.0 * dt);
        vel_lat_ *= decay, vel_lon_ *= decay;
        if (std::hypot(vel_lat_, vel_lon_) < 0.5) vel_lat_ = vel_lon_ = 0;
        moved = true;
    } else if (auto_rotating()) {
        centre_.lon += kAutoRotateDegPerSec * dt;
        moved = true;
    }
    if (std::fabs(target_zoom_ - zoom_) > 1e-4) {
        double k = 1 - std::exp(-14.0 * dt);
        zoom_ = std::exp(std::log(zoom_) + (std::log(target_zoom_) - std::log(zoom_)) * k);
        if (std::fabs(target_zoom_ - zoom_) <= 1e-4) zoom_ = target_zoom_;
        moved = true;
    }
    clamp_view();
    return moved;
}

double GlobeCamera::distance(const Viewport& vp) const { return 1 + (fit_distance(vp) - 1) / zoom_; }

Vec3 GlobeCamera::eye(const Viewport& vp) const { return to_unit_vector(centre_) * distance(vp); }

Mat4 GlobeCamera::view_projection(const Viewport& vp) const {
    double d = distance(vp);
    double z_near = std::max(0.002, (d - 1) * 0.5), z_far = d + 1.5;
    return perspective(kFovY, vp.width / std::max(1.0, vp.height), z_near, z_far) *
           look_at(eye(vp), {0, 0, 0}, {0, 1, 0});
}

bool GlobeCamera::project(LatLon p, const Viewport& vp, double* x, double* y) const {
    Vec3 v = to_unit_vector(p);
    Vec3 e = eye(vp);
    if (dot(v, e) <= 1.0) return false;  // beyond the horizon seen from the eye
    Mat4 m = view_projection(vp);
    const float* a = m.m;
    double cx = a[0] * v.x + a[4] * v.y + a[8] * v.z + a[12];
    double cy = a[1] * v.x + a[5] * v.y + a[9] * v.z + a[13];
    double cw = a[3] * v.x + a[7] * v.y + a[11] * v.z + a[15];
    if (cw <= 0) return false;
    *x = (cx / cw * 0.5 + 0.5) * vp.width;
    *y = (1 - (cy / cw * 0.5 + 0.5)) * vp.height;
    return *x >= 0 && *y >= 0 && *x <= vp.width && *y <= vp.height;
}

SphereCap GlobeCamera::visible_cap(const Viewport& vp) const {
    SphereCap cap{to_unit_vector(centre_), std::acos(std::min(1.0, 1.0 / distance(vp)))};
    // the angle from the point under the eye grows with the distance on
    // screen from the globe's centre, so a corner is the farthest point seen
    double widest = 0;
    for (auto [x, y] : {std::pair{0.0, 0.0}, {vp.width, 0.0}, {0.0, vp.height}, {vp.width, vp.height}}) {
        LatLon p;
        if (!unproject(x, y, vp, &p)) return cap;  // a corner beyond the limb: the whole near side
        widest = std::max(widest, std::acos(std::clamp(dot(to_unit_vector(p), cap.centre), -1.0, 1.0)));
    }
    cap.radius = std::min(cap.radius, widest + 1e-3);
    return cap;
}

bool GlobeCamera::unproject(double x, double y, const Viewport& vp, LatLon* out) const {
    Vec3 e = eye(vp);
    Vec3 f = normalize(e * -1.0);
    Vec3 s = normalize(cross(f, {0, 1, 0}));
    Vec3 u = cross(s, f);
    double t = std::tan(kFovY / 2);
    double nx = (x / vp.width) * 2 - 1, ny = 1 - (y / vp.height) * 2;
    Vec3 dir = f + s * (nx * t * vp.width / vp.height) + u * (ny * t);
    Vec3 hit;
    if (!ray_hits_unit_sphere(e, dir, &hit)) return false;
    *out = to_lat_lon(hit);
    return true;
}

double GlobeCamera::degrees_per_pixel(const Viewport& vp) const {
    double visible_height = 2 * (distance(vp) - 1) * std::tan(kFovY / 2);  // at the surface
    return visible_height / vp.height * kRadToDeg;
}

}  // namespace ng
