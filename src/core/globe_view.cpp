#include "core/globe_view.hpp"

#include <algorithm>
#include <cmath>

namespace ng {

void GlobeView::set_world(const World* world) {
    place_clicked_.reset();  // other countries: nothing to correct
    refine_world(world);
    hovered_ = selected_ = -1;
}

void GlobeView::refine_world(const World* world) {
    world_ = world;
    picker_.reset();
    markers_dirty_ = true;
    if (place_clicked_ && world_) {
        int now = picker().country_near(place_clicked_->at, place_clicked_->snap_deg);
        if (now != place_clicked_->picked && selected_ == place_clicked_->picked) click_ = now;
    }
    place_clicked_.reset();
}

// [SECTION] input -----------------------------------------------------------------

void GlobeView::pointer_down(int id, double x, double y, double t_ms, bool touch) {
    camera_.stop();  // a press grabs the globe
    camera_.note_interaction();
    gestures_.press(id, x, y, t_ms, touch);
    handle_gestures();
}

void GlobeView::pointer_move(int id, double x, double y, double t_ms, bool touch) {
    if (gestures_.pressed()) {
        camera_.note_interaction();
        gestures_.move(id, x, y, t_ms);
        handle_gestures();
    }
    hover_x_ = x, hover_y_ = y, hover_touch_ = touch;
    hover_dirty_ = !touch;  // fingers don't hover
}

void GlobeView::pointer_up(int id, double x, double y, double t_ms) {
    camera_.note_interaction();
    gestures_.release(id, x, y, t_ms);
    handle_gestures();
}

void GlobeView::pointer_leave() {
    gestures_.cancel();
    handle_gestures();
    hover_x_ = hover_y_ = -1;
    hover_dirty_ = true;
}

void GlobeView::wheel(double delta_y, double x, double y) {
    camera_.note_interaction();
    // ~100 units per notch; trackpads send many small deltas
    double factor = std::exp(-std::clamp(delta_y, -300.0, 300.0) * 0.0025);
    camera_.zoom_at(factor, x, y, viewport_);
}

void GlobeView::key(Key k) {
    camera_.note_interaction();
    const double step_px = 60;
    switch (k) {
        case Key::Left: camera_.fling(-step_px * 6, 0, viewport_); break;
        case Key::Right: camera_.fling(step_px * 6, 0, viewport_); break;
        case Key::Up: camera_.fling(0, -step_px * 6, viewport_); break;
        case Key::Down: camera_.fling(0, step_px * 6, viewport_); break;
        case Key::ZoomIn: camera_.zoom_by(1.5); break;
        case Key::ZoomOut: camera_.zoom_by(1 / 1.5); break;
    }
}

void GlobeView::handle_gestures() {
    for (const Gesture& g : gestures_.take()) {
        switch (g.kind) {
            case Gesture::DragStart: break;
            case Gesture::DragMove: camera_.drag_by(g.dx, g.dy, viewport_); break;
            case Gesture::DragEnd: camera_.fling(g.vx, g.vy, viewport_); break;
            case Gesture::Pinch: camera_.zoom_at(g.scale, g.x, g.y, viewport_); break;
            case Gesture::Click: {
                click_ = pick(g.x, g.y, g.touch);
                auto at = unproject(g.x, g.y);
                place_clicked_.reset();
                if (at && marker_at(g.x, g.y, g.touch) < 0) place_clicked_ = PlaceClicked{*at, snap_deg(g.touch), *click_};
                break;
            }
            case Gesture::DoubleClick: camera_.zoom_at(2.0, g.x, g.y, viewport_); break;
        }
    }
}

std::optional<int> GlobeView::take_click() {
    std::optional<int> c;
    c.swap(click_);
    return c;
}

// [SECTION] frame -----------------------------------------------------------------

bool GlobeView::update(double dt) {
    bool moved = camera_.update(dt);
    if ((moved || hover_dirty_) && !gestures_.dragging()) {
        int h = hover_x_ < 0 || hover_touch_ ? -1 : pick(hover_x_, hover_y_, false);
        hover_dirty_ = false;
        if (h != hovered_) {
            hovered_ = h;
            return true;
        }
    }
    return moved;
}

// [SECTION] picking -----------------------------------------------------------------

std::optional<LatLon> GlobeView::unproject(double x, double y) const {
    LatLon p;
    if (!camera_.unproject(x, y, viewport_, &p)) return std::nullopt;
    return p;
}

double GlobeView::marker_radius_px(int country, bool touch) const {
    bool hot = country >= 0 && (country == hovered_ || country == selected_);
    double drawn = (hot ? kMarkerHotDotPx : kMarkerDotPx) + kMarkerHaloPx;
    return touch ? drawn * kTouchSlop : drawn;
}

int GlobeView::pick(double x, double y, bool touch) const {
    if (!world_) return -1;
    // 1. a dot, where it is drawn: it lies on top of the land
    if (int dot = marker_at(x, y, touch); dot >= 0) return dot;
    // 2. the land under the point; 3. over the sea, the nearest outline within a few px
    auto p = unproject(x, y);
    if (!p) return -1;
    return picker().country_near(*p, snap_deg(touch));
}

const CountryPicker& GlobeView::picker() const {
    if (!picker_) picker_.emplace(*world_);
    return *picker_;
}

int GlobeView::marker_at(double x, double y, bool touch) const {
    int best = -1;
    double best_d = 0;
    for (const Marker& m : markers()) {
        double d = std::hypot(m.x - x, m.y - y);
        if (d <= marker_radius_px(m.country, touch) && (best < 0 || d < best_d)) best_d = d, best = m.country;
    }
    return best;
}

double GlobeView::snap_deg(bool touch) const {
    return kSnapPx * (touch ? kTouchSlop : 1.0) * camera_.degrees_per_pixel(viewport_);
}

const std::vector<Marker>& GlobeView::markers() const {
    std::array<double, 5> view{camera_.centre().lat, camera_.centre().lon, camera_.zoom(), viewport_.width,
                               viewport_.height};
    if ((!markers_dirty_ && view == markers_view_) || !world_) return markers_;
    markers_dirty_ = false;
    markers_view_ = view;
    markers_.clear();
    double km_per_px = camera_.degrees_per_pixel(viewport_) * 111.32;
    for (size_t i = 0; i < world_->countries.size(); ++i) {
        const Country& c = world_->countries[i];
        if (c.iso.empty() || c.area_km2 > kMarkerMaxKm2) continue;
        double size_px = std::sqrt(c.area_km2) / km_per_px;
        if (size_px >= kMarkerBelowPx) continue;
        double x, y;
        if (camera_.project(c.label, viewport_, &x, &y)) markers_.push_back({int(i), x, y});
    }
    return markers_;
}

// [SECTION] selection ----------------------------------------------------------------

double GlobeView::fit_zoom_for(int country) const {
    // zoom so the country spans about a third of the smaller screen side
    const Country& c = world_->countries[size_t(country)];
    double extent_deg = std::clamp(std::sqrt(c.area_km2) / 111.32, 0.5, 60.0);
    double visible_w = viewport_.width - insets_.left - insets_.right;
    double visible_h = viewport_.height - insets_.top - insets_.bottom;
    double want_dpp = extent_deg / (std::max(120.0, std::min(visible_w, visible_h)) / 3);
    double dpp_at_1 = camera_.degrees_per_pixel(viewport_) * camera_.zoom();  // ~1/zoom
    return std::clamp(dpp_at_1 / want_dpp, 1.0, 12.0);
}

void GlobeView::select(int country, bool fly, double max_zoom) {
    if (!world_ || country >= int(world_->countries.size())) country = -1;
    selected_ = country;
    if (country >= 0 && fly) {
        camera_.note_interaction();
        double zoom = std::max(1.0, std::min(fit_zoom_for(country), max_zoom));
        // aim so the country lands in the middle of the uncovered part of the view
        double dpp = camera_.degrees_per_pixel(viewport_) * camera_.zoom() / zoom;
        LatLon target = world_->countries[size_t(country)].label;
        double k = std::max(0.2, std::cos(target.lat * kDegToRad));
        target.lon = wrap_longitude(target.lon + (insets_.right - insets_.left) / 2 * dpp / k);
        target.lat = std::clamp(target.lat - (insets_.bottom - insets_.top) / 2 * dpp, -85.0, 85.0);
        camera_.fly_to(target, zoom);
    }
}

}  // namespace ng
