// ui — the frame's UI, in drawing order: the globe's overlays (microstate
// markers, hover tooltip, legend, first-visit hint), the top bar, the docked
// panel (a country's stories, the reader, a story across borders, or the A–Z
// list; a bottom sheet on phones), page-level notices, the search results and
// the toast. Keys the whole UI answers (Esc, "/", Enter in the story view) are
// handled here; the panels live in panels.hpp.
#include "ui/ui.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/coverage.hpp"
#include "web/browser.hpp"
#include "ui/icons.hpp"
#include "ui/layout.hpp"
#include "ui/frame.hpp"
#include "ui/panels.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

// The UI's frame: what parts ask of it, and what it remembers between frames.
static struct {
    bool animate = false;       // a part asked for another frame (request_animation)
    std::string toast;          // show_toast's text, "" when none
    double toast_at = -1;       // ImGui time it was shown
    bool popup_open = false;    // at the end of the last frame: Esc closes it (ImGui does) before anything else
    std::string last_article;   // the article the reader showed last frame
    std::string last_story;     // the story the story view showed last frame
} state;

enum class Mode { None, Country, Reader, Story, List };

constexpr ImGuiWindowFlags kOverlayFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                           ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

ImU32 to_u32(Rgb c, float a = 1) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, a)); }

Mode mode_of(const Viewer& viewer) {
    if (viewer.list_view()) return Mode::List;
    if (!viewer.story().empty()) return Mode::Story;
    if (!viewer.article().empty()) return Mode::Reader;
    if (!viewer.country().empty()) return Mode::Country;
    return Mode::None;
}

// A story is shown: the globe is its coverage map.
bool coverage_shown(const Viewer& viewer) { return !viewer.shown_story().countries.empty(); }

// [SECTION] globe overlays -------------------------------------------------------------

void draw_markers(Viewer& viewer) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    bool coverage = coverage_shown(viewer);
    for (const Marker& m : viewer.globe().markers()) {
        const Country& c = viewer.world().countries[size_t(m.country)];
        int count = viewer.news().story_count(c.iso);
        Rgb fill = count < 0 ? no_data_colour(viewer.dark()) : coverage_colour(count, viewer.dark());
        if (coverage) fill = viewer.coverage_of(c.iso) ? viridis(0.85) : no_data_colour(viewer.dark());
        // the picker's hit area is this drawn disc (GlobeView::marker_radius_px)
        float outer = float(viewer.globe().marker_radius_px(m.country, false));
        float r = outer - float(GlobeView::kMarkerHaloPx);
        draw_disc(dl, ImVec2(float(m.x), float(m.y)), outer, viewer.dark() ? IM_COL32(10, 15, 25, 220) : IM_COL32(255, 255, 255, 230));
        draw_disc(dl, ImVec2(float(m.x), float(m.y)), r, m.country == viewer.globe().selected() ? colours().selected : to_u32(fill));
    }
}

void draw_tooltip(Viewer& viewer) {
    int h = viewer.globe().hovered();
    if (h < 0 || viewer.globe().dragging() || ImGui::GetIO().WantCaptureMouse) return;
    const Colours& col = colours();
    const Country& c = viewer.world().countries[size_t(h)];
    int count = viewer.news().story_count(c.iso);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 9));
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts().small);
    if (coverage_shown(viewer)) {
        const CoveringCountry* cc = viewer.coverage_of(c.iso);
        const StoryMember* take = cc ? cc->take() : nullptr;
        if (cc) {
            std::string outlet = outlet_label(cc->articles.front().outlet);
            // the tooltip is atlas text: an outlet named in another script is counted, not named
            std::string line = cc->outlets > 1 ? std::to_string(cc->outlets) + " outlets cover this story"
                               : needs_text_engine(fonts().small, outlet) ? std::string("One outlet covers this story")
                                                                          : outlet + " covers this story";
            text_coloured(col.covering, line.c_str());
            if (take && take->id != viewer.article()) text_coloured(col.text_dim, "Click to read its take");
        } else if (count > 0) {
            text_coloured(col.text_dim, (story_count_text(count) + " \xc2\xb7 click to see them").c_str());
        }
    } else if (count > 0) {
        std::string line = story_count_text(count);
        for (const CountryEntry& e : viewer.news().countries().countries)
            if (e.iso == c.iso && e.covered_abroad && *e.covered_abroad > 0)
                line += " \xc2\xb7 " + std::to_string(*e.covered_abroad) + " covered abroad";
        text_coloured(col.text_dim, line.c_str());
    } else if (count == 0) {
        text_coloured(col.text_faint, "No stories today");
    }
    ImGui::PopFont();
    ImGui::EndTooltip();
    ImGui::PopStyleVar();
}

void swatch(ImDrawList* dl, ImU32 colour, const char* label) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float s = ImGui::GetTextLineHeight() - 2;
    dl->AddRectFilled(ImVec2(p.x, p.y + 1), ImVec2(p.x + s, p.y + 1 + s), colour, 3);
    ImGui::Dummy(ImVec2(s, s));
    ImGui::SameLine(0, 5);
    ImGui::TextUnformatted(label);
}

void draw_legend(Viewer& viewer, const Layout& l, Mode mode) {
    if (!viewer.world_ready() || (l.phone && mode != Mode::None)) return;
    const Colours& c = colours();
    ImGui::SetNextWindowPos(ImVec2(l.phone ? 8 : 12, l.height - (l.phone ? 8 : 12)), 0, ImVec2(0, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 9));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, c.panel);
    ImGui::Begin("##legend", nullptr, kOverlayFlags | ImGuiWindowFlags_NoInputs);
    ImGui::PushFont(fonts().small);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (coverage_shown(viewer)) {
        ImGui::PushFont(fonts().small_bold);
        text_coloured(c.text_dim, "This story's coverage");
        ImGui::PopFont();
        swatch(dl, c.selected, viewer.story().empty() ? "this article" : "selected");
        ImGui::SameLine(0, 12);
        swatch(dl, to_u32(viridis(0.85)), "covers it");
        ImGui::SameLine(0, 12);
        swatch(dl, to_u32(no_data_colour(viewer.dark())), "none");
    } else {
        ImGui::PushFont(fonts().small_bold);
        text_coloured(c.text_dim, "Stories today");
        ImGui::PopFont();
        swatch(dl, to_u32(no_data_colour(viewer.dark())), "0");
        for (const CoverageBin& b : coverage_bins()) {
            ImGui::SameLine(0, 10);
            swatch(dl, to_u32(coverage_colour(b.min_count, viewer.dark())), b.label.c_str());
        }
    }
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// A first-visit hint while no panel is open.
void draw_hint(Viewer& viewer, const Layout& l, Mode mode) {
    if (!viewer.world_ready() || mode != Mode::None) return;
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    ImFont* f = fonts().small_bold;
    const char* text = l.phone ? ICON_MAP_MARKER "  Tap a country to read its press" : ICON_MAP_MARKER
                                                   "  Click a country to read its press  \xc2\xb7  drag to spin";
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text);
    float bottom = l.phone ? l.height - 8 - 64 : l.height - 12;
    ImVec2 a(std::round((l.width - ts.x) / 2 - 16), bottom - ts.y - 16), b(a.x + ts.x + 32, bottom);
    if (!l.phone && a.x < 360) return;  // would sit on the legend
    dl->AddRectFilled(a, b, with_alpha(c.panel, 0.92f), (b.y - a.y) / 2);
    dl->AddText(f, f->FontSize, ImVec2(a.x + 16, a.y + 8), c.text_dim, text);
}

// An embedded viewer links to the full app, at what the reader is looking at.
void draw_full_viewer_link(Viewer& viewer, const Layout& l) {
    if (!viewer.embedded() || !viewer.world_ready()) return;
    const Colours& c = colours();
    float right = l.phone ? l.width - 8 : l.globe_right - 12;
    float bottom = l.phone ? std::min(l.height, l.globe_bottom) - 8 : l.height - 12;
    ImGui::SetNextWindowPos(ImVec2(right, bottom), 0, ImVec2(1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, c.panel);
    ImGui::Begin("##full-viewer", nullptr, kOverlayFlags);
    ImGui::PushFont(fonts().small_bold);
    if (ImGui::Button(ICON_EXTERNAL "  Open full viewer"))
        web::open_in_new_tab(viewer.link());
    record_control("open-full-viewer");
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// [SECTION] notices --------------------------------------------------------------------------

void draw_index_notice(Viewer& viewer, const Layout& l) {
    if (viewer.news().countries_loaded() || viewer.news().countries_load().loading ||
        viewer.news().countries_load().error.ok())
        return;
    const Colours& c = colours();
    std::string msg = "Couldn't load today's list of countries. " + viewer.news().countries_load().error.message;
    screen_report().notice = msg;
    float w = std::min(l.phone ? l.width - 16 : 460.0f, l.width - 16);
    float x = l.phone ? 8 : std::max(12.0f, (std::min(l.width, l.phone ? l.width : l.width - 460) - w) / 2);
    ImGui::SetNextWindowPos(ImVec2(x, l.bar_pos.y + l.bar_size.y + 10));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 10));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, c.panel);
    ImGui::Begin("##index-notice", nullptr, kOverlayFlags & ~ImGuiWindowFlags_NoNav);
    if (inline_banner(ICON_WARNING, c.error, msg, "Try again", "retry-index")) viewer.retry_countries();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void draw_load_error(Viewer& viewer, const Layout& l) {
    if (viewer.load_error().empty()) return;
    const Colours& c = colours();
    screen_report().notice = viewer.load_error();
    ImGui::SetNextWindowPos(ImVec2(l.width / 2, l.height / 2), 0, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(l.width - 32, 420.0f), 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, c.panel);
    ImGui::Begin("##loaderror", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    if (state_card(ICON_GLOBE, c.error, "The globe couldn't start", viewer.load_error(), "Try again", "retry-map"))
        viewer.retry_assets();
    ImGui::End();
    ImGui::PopStyleColor();
}

// [SECTION] the panel -------------------------------------------------------------------------

void draw_panel(Viewer& viewer, const Layout& l, Mode mode) {
    const Colours& c = colours();
    ImGui::SetNextWindowPos(l.panel_pos);
    ImGui::SetNextWindowSize(l.panel_size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, l.phone ? 22.0f : 18.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 8);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, c.panel);
    ImGui::PushStyleColor(ImGuiCol_Border, c.panel_border);
    ImGui::Begin("##panel", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ScreenReport& report = screen_report();
    if (l.phone) {
        report.panel_rect = {0, l.height - l.sheet_visible, l.width, l.sheet_visible};
        if (sheet_handle()) {
            if (viewer.list_view()) viewer.show_country_list(false);
            else viewer.navigate({});
        }
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x, ImGui::GetWindowPos().y + 26));
    } else {
        report.panel_rect = {l.panel_pos.x, l.panel_pos.y, l.panel_size.x, l.panel_size.y};
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x, ImGui::GetWindowPos().y + 18));
    }
    switch (mode) {
        case Mode::Country: draw_country_panel(viewer, l); break;
        case Mode::Reader: draw_reader(viewer, l); break;
        case Mode::Story: draw_story_view(viewer, l); break;
        case Mode::List: draw_country_list(viewer, l); break;
        case Mode::None: break;
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
}

// [SECTION] keys ------------------------------------------------------------------------------

void handle_keys(Viewer& viewer) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || search_took_escape()) return;
    if (state.popup_open || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) viewer.close_top();
    // Enter opens the take the story's walk is at, unless a focused item takes it
    bool nav_item = GImGui->NavId != 0 && !GImGui->NavDisableHighlight;
    if (!viewer.story().empty() && !nav_item &&
        (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)))
        viewer.open_story_take();
    if (ImGui::IsKeyPressed(ImGuiKey_Slash, false) || (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_K, false))) focus_search();
}

// [SECTION] the toast -------------------------------------------------------------------------

constexpr double kToastSeconds = 2.2;

// The current toast, centred horizontally at `bottom_y`; "" when none.
std::string draw_toast(float centre_x, float bottom_y) {
    if (state.toast.empty()) return "";
    double age = ImGui::GetTime() - state.toast_at;
    if (age > kToastSeconds) {
        state.toast.clear();
        return "";
    }
    request_animation();
    float alpha = float(std::min(1.0, std::min(age / 0.15, (kToastSeconds - age) / 0.3)));
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImFont* f = fonts().bold ? fonts().bold : ImGui::GetFont();
    std::string text = std::string(ICON_CHECK "  ") + state.toast;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    float rise = (1 - alpha) * 8;
    ImVec2 a(std::round(centre_x - ts.x / 2 - 18), std::round(bottom_y - ts.y - 22 + rise));
    ImVec2 b(a.x + ts.x + 36, a.y + ts.y + 22);
    dl->AddRectFilled(ImVec2(a.x, a.y + 2), ImVec2(b.x, b.y + 3), IM_COL32(0, 0, 0, int(60 * alpha)), (b.y - a.y) / 2);
    dl->AddRectFilled(a, b, with_alpha(IM_COL32(24, 32, 48, 245), alpha), (b.y - a.y) / 2);
    dl->AddRect(a, b, with_alpha(IM_COL32(255, 255, 255, 30), alpha), (b.y - a.y) / 2);
    dl->AddText(f, f->FontSize, ImVec2(a.x + 18, a.y + 11), with_alpha(IM_COL32(240, 244, 250, 255), alpha), text.c_str());
    return state.toast;
}

}  // namespace

void request_animation() { state.animate = true; }

void show_toast(const std::string& text) {
    state.toast = text;
    state.toast_at = ImGui::GetTime();
}

bool draw(Viewer& viewer, const Viewport& view) {
    begin_screen_report();
    text_begin_frame(ImGui::GetIO().DisplayFramebufferScale.x);
    Mode mode = mode_of(viewer);
    Layout l = compute_layout(view, mode != Mode::None, !viewer.compact());
    ScreenReport& report = screen_report();
    report.layout = l.phone ? "sheet" : "side";
    report.panel = "none";
    // a story opened on a phone gets the tall sheet (the story view keeps
    // its peek height: the globe above it is the story's coverage map)
    if (mode == Mode::Reader && viewer.article() != state.last_article && l.phone) sheet_expand();
    if (mode == Mode::Story && viewer.story() != state.last_story && l.phone) sheet_collapse();
    state.last_article = mode == Mode::Reader ? viewer.article() : "";
    state.last_story = mode == Mode::Story ? viewer.story() : "";

    if (viewer.world_ready()) {
        draw_markers(viewer);
        draw_tooltip(viewer);
    }
    if (!viewer.compact()) {
        draw_legend(viewer, l, mode);
        draw_hint(viewer, l, mode);
    }
    draw_full_viewer_link(viewer, l);
    draw_top_bar(viewer, l);
    handle_keys(viewer);
    mode = mode_of(viewer);  // keys or the bar may have changed it
    if (mode != Mode::None) draw_panel(viewer, l, mode);
    draw_index_notice(viewer, l);
    draw_load_error(viewer, l);
    draw_search_results(viewer, l);
    float toast_bottom = l.height - (l.phone ? 20 : 28);
    float toast_x = l.phone ? l.width / 2 : (mode != Mode::None ? l.panel_pos.x + l.panel_size.x / 2 : l.width / 2);
    report.toast = draw_toast(toast_x, toast_bottom);
    report.sheet_height = l.sheet_visible;
    report.sheet_resting = sheet_resting();
    // ImGui hands queued input over one event per frame for some kinds (fast
    // typing, quick clicks): keep frames coming until the queue is empty
    if (!GImGui->InputEventsQueue.empty()) request_animation();
    // keyboard navigation (Tab, arrows) resolves over the next frames
    if (GImGui->NavAnyRequest || GImGui->NavMoveSubmitted || GImGui->NavMoveScoringItems) request_animation();
    state.popup_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    end_screen_report();
    bool animating = state.animate;
    state.animate = false;
    return animating;
}

}  // namespace ng::ui
