// camera — the view of the globe: which lat/lon is centred, how far it is
// zoomed, and every motion the view makes on its own (inertia after a drag,
// eased zoom, fly-to, idle auto-rotation). Also projects lat/lon to screen
// pixels and screen pixels back to the globe, for picking and markers.
//
// Screen coordinates are CSS pixels with the origin top-left.
#pragma once
#include <algorithm>

#include "core/geo.hpp"

namespace ng {

struct Viewport {
    double width = 1, height = 1;  // CSS pixels
};

struct CameraLimits {
    double min_zoom = 0.75, max_zoom = 40;
    double max_abs_lat = 80;  // keep a well-defined "up"
};

class GlobeCamera {
public:
    static constexpr double kFovY = 30 * kDegToRad;
    static constexpr double kAutoRotateDegPerSec = 3.0;
    static constexpr double kIdleBeforeAutoRotate = 10.0;  // seconds

    LatLon centre() const { return centre_; }
    double zoom() const { return zoom_; }       // 1 = the globe fits the viewport
    double target_zoom() const { return target_zoom_; }
    const CameraLimits& limits() const { return limits_; }

    void set_view(LatLon centre, double zoom);  // immediate, no animation

    // ---- input-driven motion (dx, dy in CSS pixels) ----
    void drag_by(double dx, double dy, const Viewport& vp);
    void fling(double vx, double vy, const Viewport& vp);  // release velocity, px/s
    void zoom_by(double factor);                              // eased
    void zoom_at(double factor, double x, double y, const Viewport& vp);  // keeps the point under the cursor
    void fly_to(LatLon target, double zoom, double seconds = 0.9);
    void stop();  // cancels inertia and fly-to (a new press grabs the globe)

    // ---- idle behaviour ----
    void set_auto_rotate(bool enabled) { auto_rotate_ = enabled; }
    bool auto_rotate_enabled() const { return auto_rotate_; }
    void note_interaction() { idle_seconds_ = 0; }
    bool auto_rotating() const { return auto_rotate_ && idle_seconds_ >= kIdleBeforeAutoRotate; }
    double seconds_until_auto_rotate() const { return std::max(0.0, kIdleBeforeAutoRotate - idle_seconds_); }

    // Advances animations. Idle time counts all of dt, but motion uses dt
    // clamped to 0.1 s, so a tab that was hidden for minutes resumes smoothly
    // instead of jumping. Returns true while the view moves.
    bool update(double dt_seconds);
    bool animating() const;

    // ---- projection ----
    double distance(const Viewport& vp) const;  // eye to globe centre
    Vec3 eye(const Viewport& vp) const;
    Mat4 view_projection(const Viewport& vp) const;
    // false when p is on the far side or off screen
    bool project(LatLon p, const Viewport& vp, double* x, double* y) const;
    bool unproject(double x, double y, const Viewport& vp, LatLon* out) const;
    // All the globe this view can show: up to the horizon, or closer in, as
    // far as the screen's farthest corner reaches (the renderer draws only
    // the tiles that meet it).
    SphereCap visible_cap(const Viewport& vp) const;
    // Great-circle degrees one CSS pixel spans at the centre of the globe.
    double degrees_per_pixel(const Viewport& vp) const;

private:
    void clamp_view();

    LatLon centre_{20, 10};
    double zoom_ = 1, target_zoom_ = 1;
    double vel_lat_ = 0, vel_lon_ = 0;  // degrees per second (inertia)
    bool auto_rotate_ = true;
    double idle_seconds_ = kIdleBeforeAutoRotate;  // start rotating at once

    struct Flight {
        bool active = false;
        Vec3 from, to;
        double zoom_from = 1, zoom_to = 1, t = 0, seconds = 1;
    } flight_;
    CameraLimits limits_;
};

}  // namespace ng
