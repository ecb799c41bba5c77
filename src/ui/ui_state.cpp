// ui_state — the per-frame record of what the UI drew (see ui_state.hpp).
#include "ui/ui_state.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace ng::ui {
namespace {
UiSnapshot g_current, g_last;
}

UiSnapshot& snapshot() { return g_current; }
const UiSnapshot& last_snapshot() { return g_last; }

void begin_snapshot() {
    unsigned frame = g_last.frame + 1;
    g_current = UiSnapshot();
    g_current.frame = frame;
}

void end_snapshot() { g_last = g_current; }

UiRect last_item_rect() {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return {a.x, a.y, b.x - a.x, b.y - a.y};
}

void record_control(const char* name) {
    g_current.controls[name] = last_item_rect();
    ImGuiContext& g = *GImGui;
    if (g.NavId != 0 && g.NavId == ImGui::GetItemID() && !g.NavDisableHighlight) g_current.focus = name;
}

}  // namespace ng::ui
