// layout — screen geometry and the phone bottom sheet (see layout.hpp).
#include "ui/layout.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "ui/frame.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

// The phone's bottom sheet.
struct Sheet {
    float height = 0;       // visible height now
    float target = 0;       // where it is easing to
    bool open = false;      // a panel showed last frame
    bool full = false;      // snapped to the tall position
    bool dragging = false;
    float velocity = 0;     // px/s, positive = downwards
    float peek = 0, tall = 0;
};

static struct {
    Sheet sheet;
} state;

float peek_height(float h) { return std::clamp(h * 0.44f, std::min(240.0f, h * 0.6f), h * 0.6f); }

}  // namespace

Layout compute_layout(const Viewport& view, bool panel_open, bool bar) {
    Layout l;
    l.width = float(view.width);
    l.height = float(view.height);
    l.phone = l.width < kPhoneWidth;
    float margin = l.phone ? 8 : 12;
    l.bar_pos = ImVec2(margin, margin);
    l.bar = bar;
    l.bar_size = ImVec2(l.width - 2 * margin, bar ? (l.phone ? 50 : 56) : 0);
    float below_bar = bar ? l.bar_pos.y + l.bar_size.y + (l.phone ? 8 : 10) : margin;
    l.globe_bottom = l.height;
    l.globe_right = l.width;

    if (!l.phone) {
        float w = std::clamp(l.width * 0.34f, 380.0f, 440.0f);
        l.panel_pos = ImVec2(l.width - margin - w, below_bar);
        l.panel_size = ImVec2(w, std::max(120.0f, l.height - below_bar - margin));
        if (panel_open) l.globe_right = l.panel_pos.x;
        state.sheet = Sheet();
        return l;
    }

    Sheet& s = state.sheet;
    s.peek = peek_height(l.height);
    l.sheet_peek = s.peek;
    s.tall = std::max(s.peek, std::min(l.height * 0.9f, l.height - below_bar));
    if (!panel_open) {
        s = Sheet();
    } else {
        if (!s.open) {  // just opened: rise to the peek height
            s.open = true;
            s.full = false;
            s.height = 0;
        }
        if (!s.dragging) s.target = s.full ? s.tall : s.peek;
        float dt = std::min(0.05f, ImGui::GetIO().DeltaTime);
        float diff = s.target - s.height;
        if (!s.dragging && std::fabs(diff) > 0.5f) {
            s.height += diff * (1 - std::exp(-dt * 16));
            request_animation();
        } else if (!s.dragging) {
            s.height = s.target;
        }
        s.height = std::clamp(s.height, 0.0f, s.tall);
    }
    l.sheet_visible = s.height;
    float overhang = 24;  // the sheet reaches below the screen so its bottom corners never show
    l.panel_pos = ImVec2(0, l.height - s.height);
    l.panel_size = ImVec2(l.width, s.height + overhang);
    l.globe_bottom = l.height - s.height;
    return l;
}

GlobeView::Insets globe_insets(const Viewport& view, bool compact) {
    float w = float(view.width), h = float(view.height);
    GlobeView::Insets in;
    bool phone = w < kPhoneWidth;
    float margin = phone ? 8 : 12;
    in.top = compact ? 0 : margin + (phone ? 50 : 56);
    if (phone) in.bottom = peek_height(h);
    else in.right = margin + std::clamp(w * 0.34f, 380.0f, 440.0f);
    return in;
}

bool sheet_handle() {
    Sheet& s = state.sheet;
    const Colours& c = colours();
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 p = ImGui::GetWindowPos();
    float w = ImGui::GetWindowWidth();
    ImGui::SetCursorScreenPos(p);
    ImGui::InvisibleButton("##sheet-handle", ImVec2(w, 26));
    record_control("sheet-handle");
    bool active = ImGui::IsItemActive();
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float pill_w = 40;
    dl->AddRectFilled(ImVec2(p.x + (w - pill_w) / 2, p.y + 9), ImVec2(p.x + (w + pill_w) / 2, p.y + 14),
                      (active || hovered) ? c.text_dim : c.text_faint, 3);
    if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    bool dismiss = false;
    if (active && ImGui::IsMouseDragging(0, 3)) {
        s.dragging = true;
        s.height = std::clamp(s.height - io.MouseDelta.y, 0.0f, s.tall);
        if (io.DeltaTime > 0) s.velocity = s.velocity * 0.6f + 0.4f * (io.MouseDelta.y / io.DeltaTime);
    }
    if (ImGui::IsItemDeactivated()) {
        if (s.dragging) {
            // report to where it is heading: a fling decides, else the nearest stop
            float projected = s.height - s.velocity * 0.15f;
            if (projected < s.peek * 0.55f) dismiss = true;
            s.full = projected > (s.peek + s.tall) / 2;
        } else {
            s.full = !s.full;  // a tap toggles
        }
        s.dragging = false;
        s.velocity = 0;
        request_animation();
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 22));
    return dismiss;
}

void sheet_collapse() { state.sheet.full = false; }

void sheet_expand() {
    if (state.sheet.open) state.sheet.full = true;
}

float sheet_height() { return state.sheet.height; }

bool sheet_resting() { return !state.sheet.dragging && std::fabs(state.sheet.target - state.sheet.height) <= 0.5f; }

}  // namespace ng::ui
