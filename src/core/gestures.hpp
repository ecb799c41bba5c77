// gestures — turns raw pointer presses, moves and releases (mouse or touch)
// into what the user meant: a click, a double-click, a drag (with release
// velocity for inertia) or a two-finger pinch. A press that travels more than
// kDragThreshold pixels is a drag and never ends in a click.
#pragma once
#include <vector>

namespace ng {

struct Gesture {
    enum Kind { Click, DoubleClick, DragStart, DragMove, DragEnd, Pinch } kind;
    double x = 0, y = 0;    // where (CSS px); for Pinch the midpoint
    double dx = 0, dy = 0;  // DragMove: movement since the last event
    double vx = 0, vy = 0;  // DragEnd: release velocity, px/s
    double scale = 1;       // Pinch: finger distance ratio since the last event
    bool touch = false;
};

class GestureTracker {
public:
    static constexpr double kDragThreshold = 5;      // px
    static constexpr double kDoubleClickMs = 350;
    static constexpr double kDoubleClickSlop = 12;   // px

    // id distinguishes fingers; the mouse uses id 0. Times in milliseconds.
    void press(int id, double x, double y, double t_ms, bool touch);
    void move(int id, double x, double y, double t_ms);
    void release(int id, double x, double y, double t_ms);
    void cancel();  // pointer capture lost: drop everything without a click

    bool pressed() const { return !points_.empty(); }
    bool dragging() const { return dragging_; }
    std::vector<Gesture> take();  // gestures recognised since the last call

private:
    struct Point {
        int id;
        double x, y, start_x, start_y;
    };
    struct Sample {
        double x, y, t;
    };
    Point* find(int id);
    double finger_distance() const;

    std::vector<Point> points_;
    std::vector<Gesture> out_;
    std::vector<Sample> recent_;  // last moves of the dragging pointer, for velocity
    bool dragging_ = false, pinching_ = false, touch_ = false;
    double pinch_distance_ = 0;
    double last_click_t_ = -1e9, last_click_x_ = 0, last_click_y_ = 0;
};

}  // namespace ng
