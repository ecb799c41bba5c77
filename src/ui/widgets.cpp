// widgets — shared building blocks (see widgets.hpp).
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "ui/frame.hpp"
#include "ui/icons.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/text.hpp"

namespace ng::ui {
namespace {

// A press in a scrolling list that may turn into a drag (drag_scroll).
struct Press {
    ImGuiID window = 0;
    float start_y = 0, start_scroll = 0;
    bool dragging = false;
};

static struct {
    Press press;
} state;

}  // namespace

ImU32 with_alpha(ImU32 colour, float alpha) {
    unsigned a = (colour >> IM_COL32_A_SHIFT) & 0xFF;
    a = unsigned(std::clamp(float(a) * alpha, 0.0f, 255.0f));
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImVec4 to_vec4(ImU32 colour) { return ImGui::ColorConvertU32ToFloat4(colour); }

// [SECTION] text -------------------------------------------------------------------------

std::string outlet_label(const Outlet& o) { return o.name.empty() ? o.domain : o.name; }

void text_block(const std::string& text, float width, ImFont* font, ImU32 colour, const std::string& language) {
    if (!font) font = ImGui::GetFont();
    width = std::max(1.0f, width);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = text_height(font, text, width, language);
    draw_text(ImGui::GetWindowDrawList(), font, p, colour, text, width, language);
    ImGui::Dummy(ImVec2(width, h));
}

float text_block_height(const std::string& text, float width, ImFont* font, const std::string& language) {
    return text_height(font ? font : ImGui::GetFont(), text, std::max(1.0f, width), language);
}

void text_coloured(ImU32 colour, const char* text) {
    ImFont* font = ImGui::GetFont();
    std::string s = text;
    ImVec2 p = ImGui::GetCursorScreenPos();
    draw_text(ImGui::GetWindowDrawList(), font, p, colour, s);
    ImGui::Dummy(ImVec2(text_width(font, s), font->FontSize));
}

void vspace(float h) { ImGui::Dummy(ImVec2(1, h)); }

std::string ellipsize(const std::string& text, float max_width, ImFont* font, const std::string& language) {
    return fit_text(font ? font : ImGui::GetFont(), text, max_width, language);
}

// [SECTION] buttons ------------------------------------------------------------------------

bool nav_focused() {
    ImGuiContext& g = *GImGui;
    return g.NavId != 0 && g.NavId == ImGui::GetItemID() && !g.NavDisableHighlight;
}

void note_focus(const std::string& name) {
    if (nav_focused()) screen_report().focus = name;
}

bool icon_button(const char* id, const char* icon, const char* label, float size, bool enabled) {
    const Colours& c = colours();
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = ImGui::InvisibleButton(id, ImVec2(size, size));
    if (!enabled) ImGui::EndDisabled();
    bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
    bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 centre(p.x + size / 2, p.y + size / 2);
    if (enabled && (hovered || held)) dl->AddCircleFilled(centre, size / 2, held ? with_alpha(c.row_hover, 3.5f) : with_alpha(c.row_hover, 2.2f), 24);
    if (nav_focused()) dl->AddCircle(centre, size / 2 - 1, c.accent, 24, 2);
    ImFont* font = ImGui::GetFont();
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, icon);
    dl->AddText(font, font->FontSize, ImVec2(std::round(centre.x - ts.x / 2), std::round(centre.y - ts.y / 2)),
                enabled ? c.text : with_alpha(c.text_faint, 0.6f), icon);
    if (label && *label && hovered) ImGui::SetItemTooltip("%s", label);
    return pressed && enabled;
}

namespace {
bool styled_button(const char* label, ImVec2 size, ImU32 bg, ImU32 bg_hover, ImU32 bg_active, ImU32 fg) {
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, bg_active);
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 10);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16, 9));
    ImGui::PushFont(fonts().bold);
    bool pressed = ImGui::Button(label, size);
    ImGui::PopFont();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    return pressed;
}
}  // namespace

bool primary_button(const char* label, ImVec2 size) {
    const Colours& c = colours();
    ImVec4 a = to_vec4(c.accent);
    auto shade = [&](float k) { return ImGui::ColorConvertFloat4ToU32(ImVec4(a.x * k, a.y * k, a.z * k, 1)); };
    return styled_button(label, size, c.accent, shade(1.1f), shade(0.9f), c.on_accent);
}

bool secondary_button(const char* label, ImVec2 size) {
    const Colours& c = colours();
    return styled_button(label, size, ImGui::GetColorU32(ImGuiCol_Button), ImGui::GetColorU32(ImGuiCol_ButtonHovered),
                         ImGui::GetColorU32(ImGuiCol_ButtonActive), c.text);
}

bool segmented(const char* id, const char* const* labels, int count, int* current, float width) {
    const Colours& c = colours();
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFrameHeight();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), h / 2);
    float w = width / float(count);
    bool changed = false;
    ImGui::PushFont(fonts().small_bold);
    for (int i = 0; i < count; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(p.x + w * float(i), p.y));
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("##opt", ImVec2(w, h)) && *current != i) {
            *current = i;
            changed = true;
        }
        bool hovered = ImGui::IsItemHovered();
        bool focused = nav_focused();
        if (focused) screen_report().focus = std::string(id) + ":" + labels[i];
        ImGui::PopID();
        ImVec2 a(p.x + w * float(i) + 3, p.y + 3), b(p.x + w * float(i + 1) - 3, p.y + h - 3);
        if (*current == i) dl->AddRectFilled(a, b, c.accent_soft, (h - 6) / 2);
        else if (hovered) dl->AddRectFilled(a, b, c.row_hover, (h - 6) / 2);
        if (focused) dl->AddRect(a, b, c.accent, (h - 6) / 2, 0, 2);
        ImFont* f = ImGui::GetFont();
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, labels[i]);
        dl->AddText(f, f->FontSize, ImVec2(std::round((a.x + b.x - ts.x) / 2), std::round(p.y + (h - ts.y) / 2)),
                    *current == i ? c.accent : c.text_dim, labels[i]);
    }
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(width, h));
    ImGui::PopID();
    return changed;
}

// [SECTION] decoration ----------------------------------------------------------------------

float code_badge(ImDrawList* dl, ImVec2 pos, const std::string& code, float height, ImU32 bg, ImU32 fg, ImFont* font) {
    if (!font) font = ImGui::GetFont();
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, code.c_str());
    float w = std::max(height, ts.x + height * 0.55f);
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + height), bg, std::min(7.0f, height * 0.28f));
    dl->AddText(font, font->FontSize, ImVec2(std::round(pos.x + (w - ts.x) / 2), std::round(pos.y + (height - ts.y) / 2)),
                fg, code.c_str());
    return w;
}

ImU32 outlet_colour(const Outlet& outlet) {
    const std::string& key = outlet.domain.empty() ? outlet.name : outlet.domain;
    uint32_t h = 2166136261u;
    for (unsigned char ch : key) h = (h ^ ch) * 16777619u;
    float r, g, b;
    ImGui::ColorConvertHSVtoRGB(float(h % 360) / 360.0f, 0.45f, 0.72f, r, g, b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1));
}

void outlet_avatar(ImDrawList* dl, ImVec2 centre, float radius, const Outlet& outlet) {
    dl->AddCircleFilled(centre, radius, outlet_colour(outlet), 24);
    std::string label = outlet_label(outlet);
    // the first letter, skipping "The", "La", "El", "Le" and punctuation
    std::string initial;
    size_t i = 0;
    for (const char* article : {"The ", "La ", "Le ", "El ", "L\xe2\x80\x99", "L'", "Il ", "O ", "A "})
        if (label.rfind(article, 0) == 0 && label.size() > std::char_traits<char>::length(article)) {
            i = std::char_traits<char>::length(article);
            break;
        }
    while (i < label.size() && !std::isalnum(static_cast<unsigned char>(label[i])) &&
           static_cast<unsigned char>(label[i]) < 0x80)
        ++i;
    if (i < label.size()) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, label.c_str() + i, label.c_str() + label.size());
        initial = label.substr(i, size_t(std::max(1, n)));
        if (initial.size() == 1) initial[0] = char(std::toupper(static_cast<unsigned char>(initial[0])));
    }
    ImFont* f = fonts().small_bold ? fonts().small_bold : ImGui::GetFont();
    float size = std::max(10.0f, radius * 1.05f);
    if (needs_text_engine(f, initial)) {  // a script the atlas lacks: the browser draws it, in the nearest size
        ImFont* big = f;
        for (ImFont* g : {fonts().bold, fonts().brand, fonts().title})
            if (g && std::fabs(g->FontSize - size) < std::fabs(big->FontSize - size)) big = g;
        ImVec2 ts(text_width(big, initial), big->FontSize);
        draw_text(dl, big, ImVec2(std::round(centre.x - ts.x / 2), std::round(centre.y - ts.y / 2)),
                  IM_COL32(255, 255, 255, 240), initial);
        return;
    }
    ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, initial.c_str());
    dl->AddText(f, size, ImVec2(std::round(centre.x - ts.x / 2), std::round(centre.y - ts.y / 2)), IM_COL32(255, 255, 255, 240),
                initial.c_str());
}

void image_placeholder(ImDrawList* dl, ImVec2 a, ImVec2 b, float rounding, const Outlet& outlet, bool loading) {
    const Colours& c = colours();
    ImVec4 base = to_vec4(c.panel_raised), tint = to_vec4(outlet_colour(outlet));
    auto mix = [&](float k) {
        return ImGui::ColorConvertFloat4ToU32(ImVec4(base.x + (tint.x - base.x) * k, base.y + (tint.y - base.y) * k,
                                                     base.z + (tint.z - base.z) * k, 1));
    };
    dl->AddRectFilled(a, b, mix(0.28f), rounding);
    float h = b.y - a.y;
    ImFont* f = fonts().title ? fonts().title : ImGui::GetFont();
    float size = std::clamp(h * 0.32f, 12.0f, 40.0f);
    const char* icon = ICON_NEWSPAPER;
    ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, icon);
    dl->AddText(f, size, ImVec2(std::round((a.x + b.x - ts.x) / 2), std::round((a.y + b.y - ts.y) / 2)), mix(0.75f), icon);
    if (loading) skeleton(dl, a, b, rounding);
}

void skeleton(ImDrawList* dl, ImVec2 a, ImVec2 b, float rounding) {
    const Colours& c = colours();
    dl->AddRectFilled(a, b, c.skeleton, rounding);
    request_animation();
    // one shimmer band sweeping across the whole window, so blocks shimmer in step
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    float left = w->OuterRectClipped.Min.x, right = w->OuterRectClipped.Max.x;
    float band = std::max(120.0f, (right - left) * 0.45f);
    float period = 1.4f;
    float t = float(std::fmod(ImGui::GetTime(), double(period))) / period;
    float x = left - band + t * (right - left + 2 * band);
    float x0 = std::max(a.x, x - band / 2), x1 = std::min(b.x, x + band / 2);
    if (x1 <= x0) return;
    dl->PushClipRect(ImVec2(x0, a.y), ImVec2(x1, b.y), true);
    ImU32 clear = with_alpha(c.skeleton_hi, 0), hi = c.skeleton_hi;
    dl->AddRectFilledMultiColor(ImVec2(x - band / 2, a.y), ImVec2(x, b.y), clear, hi, hi, clear);
    dl->AddRectFilledMultiColor(ImVec2(x, a.y), ImVec2(x + band / 2, b.y), hi, clear, clear, hi);
    dl->PopClipRect();
}

namespace {
// Draws `text` wrapped to `width`, each line centred in [x, x + width].
void centred_wrapped(const std::string& text, float width, ImFont* font, ImU32 colour) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    const char* s = text.c_str();
    const char* end = s + text.size();
    float y = p.y;
    while (s < end) {
        const char* eol = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (eol == s) eol = s + 1;
        ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, eol);
        dl->AddText(font, font->FontSize, ImVec2(std::round(p.x + (width - ts.x) / 2), y), colour, s, eol);
        y += font->FontSize;
        s = eol;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    ImGui::Dummy(ImVec2(width, y - p.y));
}
}  // namespace

bool state_card(const char* icon, ImU32 icon_colour, const std::string& title, const std::string& message,
                const char* button, const char* button_id) {
    const Colours& c = colours();
    float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    vspace(28);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = 30;
    ImVec2 centre(p.x + width / 2, p.y + r);
    dl->AddCircleFilled(centre, r, with_alpha(icon_colour, 0.14f), 32);
    ImFont* f = fonts().title ? fonts().title : ImGui::GetFont();
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon);
    dl->AddText(f, f->FontSize, ImVec2(std::round(centre.x - ts.x / 2), std::round(centre.y - ts.y / 2)), icon_colour, icon);
    ImGui::Dummy(ImVec2(width, 2 * r));
    vspace(10);
    float measure = std::min(width, 320.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - measure) / 2);
    centred_wrapped(title, measure, fonts().bold ? fonts().bold : ImGui::GetFont(), c.text);
    if (!message.empty()) {
        vspace(2);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - measure) / 2);
        centred_wrapped(message, measure, fonts().small ? fonts().small : ImGui::GetFont(), c.text_dim);
    }
    bool pressed = false;
    if (button) {
        vspace(12);
        ImGui::PushFont(fonts().bold);
        float bw = ImGui::CalcTextSize(button).x + 32;
        ImGui::PopFont();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - bw) / 2);
        ImGui::PushID(button_id ? button_id : "state");
        pressed = primary_button(button, ImVec2(bw, 0));
        ImGui::PopID();
        if (button_id) record_control(button_id);
    }
    vspace(20);
    return pressed;
}

bool inline_banner(const char* icon, ImU32 colour, const std::string& message, const char* button, const char* button_id) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float width = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorScreenPos();
    float pad = 12;
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImFont* small = fonts().small ? fonts().small : ImGui::GetFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + pad));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    float text_x = p.x + pad + 26;
    float button_w = 0;
    if (button) {
        ImGui::PushFont(fonts().small_bold);
        button_w = ImGui::CalcTextSize(button).x + 24;
        ImGui::PopFont();
    }
    float text_w = width - (text_x - p.x) - pad - (button ? button_w + 10 : 0);
    ImGui::SetCursorScreenPos(ImVec2(text_x, p.y + pad + 1));
    text_block(message, text_w, small, c.text);
    float bottom = ImGui::GetCursorScreenPos().y;
    bool pressed = false;
    if (button) {
        ImGui::SetCursorScreenPos(ImVec2(p.x + width - pad - button_w, p.y + pad - 5));
        ImGui::PushID(button_id ? button_id : "banner");
        ImGui::PushFont(fonts().small_bold);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 5));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 8);
        ImGui::PushStyleColor(ImGuiCol_Button, with_alpha(colour, 0.16f));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, with_alpha(colour, 0.26f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, with_alpha(colour, 0.34f));
        pressed = ImGui::Button(button, ImVec2(button_w, 0));
        ImGui::PopStyleColor(3);
        ImGui::PopStyleVar(2);
        ImGui::PopFont();
        ImGui::PopID();
        if (button_id) record_control(button_id);
        bottom = std::max(bottom, ImGui::GetItemRectMax().y);
    }
    float h = bottom - p.y + pad - 2;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), with_alpha(colour, 0.10f), 10);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), with_alpha(colour, 0.25f), 10);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(width, h));
    return pressed;
}

// [SECTION] scrolling --------------------------------------------------------------------------

void drag_scroll() {
    Press& press = state.press;
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    ImGuiIO& io = ImGui::GetIO();
    ImGuiContext& g = *GImGui;
    if (ImGui::IsMouseClicked(0) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        g.ActiveId != ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y)) {
        press = {w->ID, io.MousePos.y, w->Scroll.y, false};
    }
    if (press.window != w->ID) return;
    if (!ImGui::IsMouseDown(0)) {
        press = {};
        return;
    }
    float dy = io.MousePos.y - press.start_y;
    if (!press.dragging && std::fabs(dy) > 8 && w->ScrollMax.y > 0) {
        press.dragging = true;
        press.start_y = io.MousePos.y;  // no jump when the drag begins
        press.start_scroll = w->Scroll.y;
        dy = 0;
        if (g.ActiveId != 0) ImGui::ClearActiveID();  // the row under the finger is not clicked
    }
    if (press.dragging) ImGui::SetScrollY(w, std::clamp(press.start_scroll - dy, 0.0f, w->ScrollMax.y));
}

}  // namespace ng::ui
