#include "core/gestures.hpp"

#include <algorithm>
#include <cmath>

namespace ng {

GestureTracker::Point* GestureTracker::find(int id) {
    for (Point& p : points_)
        if (p.id == id) return &p;
    return nullptr;
}

double GestureTracker::finger_distance() const {
    if (points_.size() < 2) return 0;
    return std::hypot(points_[0].x - points_[1].x, points_[0].y - points_[1].y);
}

void GestureTracker::press(int id, double x, double y, double t_ms, bool touch) {
    if (find(id)) return;
    touch_ = touch;
    points_.push_back({id, x, y, x, y});
    if (points_.size() == 2) {
        // a second finger turns whatever the first was doing into a pinch
        if (dragging_) out_.push_back({Gesture::DragEnd, x, y, 0, 0, 0, 0, 1, touch_});
        dragging_ = false;
        pinching_ = true;
        pinch_distance_ = finger_distance();
    }
    recent_.assign(1, {x, y, t_ms});
}

void GestureTracker::move(int id, double x, double y, double t_ms) {
    Point* p = find(id);
    if (!p) return;
    double dx = x - p->x, dy = y - p->y;
    p->x = x, p->y = y;
    if (pinching_) {
        double d = finger_distance();
        if (pinch_distance_ > 0 && d > 0) {
            double mx = (points_[0].x + points_[1].x) / 2, my = (points_[0].y + points_[1].y) / 2;
            out_.push_back({Gesture::Pinch, mx, my, 0, 0, 0, 0, d / pinch_distance_, touch_});
        }
        pinch_distance_ = d;
        return;
    }
    if (!dragging_ && std::hypot(x - p->start_x, y - p->start_y) > kDragThreshold) {
        dragging_ = true;
        out_.push_back({Gesture::DragStart, p->start_x, p->start_y, 0, 0, 0, 0, 1, touch_});
        dx = x - p->start_x, dy = y - p->start_y;  // include the movement below the threshold
    }
    if (dragging_) {
        out_.push_back({Gesture::DragMove, x, y, dx, dy, 0, 0, 1, touch_});
        recent_.push_back({x, y, t_ms});
        // keep ~100 ms of history for the release velocity
        while (recent_.size() > 2 && t_ms - recent_.front().t > 100) recent_.erase(recent_.begin());
    }
}

void GestureTracker::release(int id, double x, double y, double t_ms) {
    Point* p = find(id);
    if (!p) return;
    if (pinching_) {
        points_.erase(points_.begin() + (p - points_.data()));
        if (points_.empty()) pinching_ = false;
        // the remaining finger must travel again before it drags
        for (Point& q : points_) q.start_x = q.x, q.start_y = q.y;
        return;
    }
    move(id, x, y, t_ms);
    if (dragging_) {
        Gesture g{Gesture::DragEnd, x, y, 0, 0, 0, 0, 1, touch_};
        const Sample& first = recent_.front();
        double span = (t_ms - first.t) / 1000.0;
        // a drag that stopped before release must not fling
        bool still = t_ms - recent_.back().t > 60;
        if (span > 0.008 && !still) g.vx = (x - first.x) / span, g.vy = (y - first.y) / span;
        out_.push_back(g);
    } else {
        bool is_double = t_ms - last_click_t_ < kDoubleClickMs &&
                         std::hypot(x - last_click_x_, y - last_click_y_) < kDoubleClickSlop;
        out_.push_back({is_double ? Gesture::DoubleClick : Gesture::Click, x, y, 0, 0, 0, 0, 1, touch_});
        last_click_t_ = is_double ? -1e9 : t_ms;
        last_click_x_ = x, last_click_y_ = y;
    }
    points_.clear();
    dragging_ = false;
}

void GestureTracker::cancel() {
    if (dragging_) out_.push_back({Gesture::DragEnd, 0, 0, 0, 0, 0, 0, 1, touch_});
    points_.clear();
    dragging_ = pinching_ = false;
}

std::vector<Gesture> GestureTracker::take() {
    std::vector<Gesture> g;
    g.swap(out_);
    return g;
}

}  // namespace ng
