// globe_view — the interactive globe as plain state: the camera, pointer and
// keyboard input turned into rotation, zoom and picks, hover and selection,
// and markers for states too small to see. Knows nothing of SDL or GL: main
// feeds it events in CSS pixels, the renderer and UI read it.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/gestures.hpp"
#include "core/picking.hpp"

namespace ng {

struct Marker {
    int country;
    double x, y;  // CSS px
};

enum class Key { Left, Right, Up, Down, ZoomIn, ZoomOut };

class GlobeView {
public:
    static constexpr double kMarkerBelowPx = 6;     // countries smaller than this get a dot…
    static constexpr double kMarkerMaxKm2 = 30000;  // …if they are small states, not big ones seen from afar
    static constexpr double kMarkerDotPx = 4;       // the dot's radius as drawn…
    static constexpr double kMarkerHotDotPx = 5.5;  // …when hovered or selected
    static constexpr double kMarkerHaloPx = 1.5;    // the ring around it that sets it off the land
    static constexpr double kSnapPx = 8;            // over the sea, snap to a country this close (mouse)
    static constexpr double kTouchSlop = 1.8;       // fingers are less precise

    void set_world(const World* world);  // world must outlive the view
    // The same countries in more detail (the full map after the light one):
    // the selection, hover and camera stay. A click on land that the lighter
    // map gave to another country than this one does becomes a click on this
    // one (take_click), if that selection still stands.
    void refine_world(const World* world);
    const World* world() const { return world_; }
    GlobeCamera& camera() { return camera_; }
    const GlobeCamera& camera() const { return camera_; }
    void set_viewport(Viewport vp) { viewport_ = vp; }
    // CSS px of the viewport covered by panels (top bar, side panel, bottom
    // sheet): fly-to centres countries in what is left visible.
    struct Insets {
        double left = 0, top = 0, right = 0, bottom = 0;
    };
    void set_insets(Insets insets) { insets_ = insets; }
    const Viewport& viewport() const { return viewport_; }

    // ---- input (CSS px, ms) ----
    void pointer_down(int id, double x, double y, double t_ms, bool touch);
    void pointer_move(int id, double x, double y, double t_ms, bool touch);
    void pointer_up(int id, double x, double y, double t_ms);
    void pointer_leave();
    void wheel(double delta_y, double x, double y);  // delta_y > 0 zooms out
    void key(Key k);

    // Steps animations; true when something on screen changed.
    bool update(double dt_seconds);
    bool animating() const { return camera_.animating() || gestures_.dragging(); }

    // ---- picking ----
    // What a click at x, y selects: a microstate's dot if the point is on it
    // as drawn (a finger gets a little more room), else the country whose
    // land is under it, else, over the sea, the nearest country within a
    // few pixels (snapping); -1 for open sea.
    int pick(double x, double y, bool touch) const;
    // The dot's radius as drawn, halo included (hovered and selected dots
    // are drawn larger); a finger's hit radius when touch is set.
    double marker_radius_px(int country, bool touch) const;
    std::optional<LatLon> unproject(double x, double y) const;

    // ---- hover and selection ----
    int hovered() const { return hovered_; }
    int selected() const { return selected_; }
    // Selects a country; `fly` turns the globe to it, zoomed to fit it but no
    // closer than `max_zoom` (a story's walk keeps its region in view).
    void select(int country, bool fly, double max_zoom = 12.0);
    // Set by input since the last call: the user clicked a country (or -1 for
    // the ocean). Cleared by take_click().
    std::optional<int> take_click();
    // The small states' dots where they are now (the picker asks too: a
    // click may come before the frame that draws the moved globe).
    const std::vector<Marker>& markers() const;
    bool dragging() const { return gestures_.dragging(); }

private:
    void handle_gestures();
    double fit_zoom_for(int country) const;

    const World* world_ = nullptr;
    // Built at the first pick, not with the map: the first frame need not wait for it.
    mutable std::optional<CountryPicker> picker_;
    const CountryPicker& picker() const;
    GlobeCamera camera_;
    GestureTracker gestures_;
    Viewport viewport_;
    Insets insets_;
    int hovered_ = -1, selected_ = -1;
    std::optional<int> click_;
    // The last click not on a dot: where it was and what it picked, for
    // refine_world to check against the more detailed map.
    struct PlaceClicked {
        LatLon at;
        double snap_deg;
        int picked;
    };
    std::optional<PlaceClicked> place_clicked_;
    int marker_at(double x, double y, bool touch) const;
    double snap_deg(bool touch) const;
    // A cache of markers() and the view it was made for: the camera also
    // moves outside a frame (set_view from the page), and a click may be
    // picked on its event, before the next frame.
    mutable std::vector<Marker> markers_;
    mutable std::array<double, 5> markers_view_{};  // lat, lon, zoom, width, height
    mutable bool markers_dirty_ = true;  // another world
    bool hover_dirty_ = false;
    double hover_x_ = -1, hover_y_ = -1;
    bool hover_touch_ = false;
};

}  // namespace ng
