// top_bar — the floating bar across the top: the product name, where the
// news comes from ("Sample data" badge, or the source's name) and when it was
// updated, with "About this data" behind the badge (the source, its host,
// the update time, how translation works, the notices the sources require),
// the country search and the A–Z list toggle. On phones the search collapses
// into an icon that opens the field across the whole bar.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/local_time.hpp"
#include "core/time_format.hpp"
#include "ui/icons.hpp"
#include "ui/panels.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;

// The product name with its globe mark; returns the right edge.
float brand(ImVec2 p, float h) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = fonts().brand;
    float x = p.x;
    dl->AddCircleFilled(ImVec2(x + 15, p.y + h / 2), 15, c.accent_soft, 28);
    ImVec2 is = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, ICON_GLOBE);
    dl->AddText(f, f->FontSize, ImVec2(std::round(x + 15 - is.x / 2), std::round(p.y + (h - is.y) / 2)), c.accent, ICON_GLOBE);
    x += 38;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "newsglobe");
    dl->AddText(f, f->FontSize, ImVec2(x, std::round(p.y + (h - ts.y) / 2)), c.text, "newsglobe");
    return x + ts.x;
}

// "Updated 12 min ago · 30 Nov 2026, 09:16 UTC": when the data was built
// (the index's `generated`), "" when the source does not say.
std::string updated_line(const Viewer& viewer, bool exact) {
    if (!viewer.news().countries_loaded()) return "";
    const Timestamp& t = viewer.news().countries().generated;
    if (!t.known()) return "";
    std::string when = format_relative_time(t.seconds, viewer.now_unix());
    if (when.empty()) when = format_date(t.seconds);
    std::string line = "Updated " + when;
    if (exact) line += " \xc2\xb7 " + format_date(t.seconds) + ", " + format_clock(t.seconds) + " UTC";
    return line;
}

// What "About this data" says, line by line: the source and its host, the
// update time, what is sample data or machine translation, and the notices
// the sources require (the index's source.attribution).
std::vector<std::string> about_lines(const Viewer& viewer) {
    const NewsState& news = viewer.news();
    std::vector<std::string> lines;
    std::string name = news.countries_loaded() ? news.countries().source_name : "";
    if (name.empty()) name = news.source_info().name;
    std::string host = news.source_info().host;
    lines.push_back("Source: " + name + (host.empty() ? "" : " (" + host + ")") + ".");
    if (std::string updated = updated_line(viewer, true); !updated.empty()) lines.push_back(updated + ".");
    if (news.countries_loaded()) {
        int countries = 0, stories = 0;
        for (const CountryEntry& e : news.countries().countries)
            if (e.story_count && *e.story_count > 0) ++countries, stories += *e.story_count;
        if (stories > 0)
            lines.push_back(std::to_string(stories) + (stories == 1 ? " story" : " stories") + " from " +
                            std::to_string(countries) + (countries == 1 ? " country." : " countries."));
        if (news.countries().sample)
            lines.push_back("Sample data: every story, outlet and link is invented, to show how newsglobe works.");
    }
    if (news.source_info().translations)
        lines.push_back("Headlines and summaries in other languages are machine-translated; each story says by what "
                        "and when, with the outlet's own words beside it.");
    if (news.countries_loaded())
        for (const std::string& notice : news.countries().attribution) lines.push_back(notice);
    return lines;
}

void about_popup(Viewer& viewer, ImVec2 anchor, float max_width) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    ImGui::SetNextWindowPos(anchor);
    float w = std::min(380.0f, max_width);
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 16));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 14);
    if (ImGui::BeginPopup("##about")) {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
        report.about.open = true;
        report.about.updated = updated_line(viewer, true);
        report.about.lines = about_lines(viewer);
        float tw = w - 36;
        text_block(ICON_INFO "  About this data", tw, fonts().bold, c.text);
        vspace(8);
        const NewsState& news = viewer.news();
        size_t notices = news.countries_loaded() ? news.countries().attribution.size() : 0;
        size_t plain = report.about.lines.size() - notices;
        for (size_t i = 0; i < report.about.lines.size(); ++i) {
            if (i == plain) {
                vspace(6);
                text_block("SOURCES AND CREDITS", tw, fonts().small_bold, c.text_faint);
                vspace(2);
            }
            text_block((i >= plain ? "\xc2\xb7 " : "") + report.about.lines[i], tw, fonts().small,
                       i >= plain ? c.text_dim : c.text);
            vspace(6);
        }
        ImGui::PopStyleVar();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

// Where the news comes from: a "Sample data" badge, or the source's name;
// pressing it opens "About this data".
void source_badge(Viewer& viewer, ImVec2 p, float h, bool compact, bool with_updated) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = fonts().small_bold;
    std::string text;
    std::string tip;
    ImU32 fg = c.text_dim, bg = with_alpha(c.text_dim, 0.14f);
    bool loaded = viewer.news().countries_loaded();
    if (loaded && viewer.news().countries().sample) {
        text = compact ? "SAMPLE" : "SAMPLE DATA";
        tip = "These stories, outlets and links are invented, to show how newsglobe works.";
        fg = viewer.dark() ? IM_COL32(251, 191, 36, 255) : IM_COL32(146, 84, 0, 255);
        bg = viewer.dark() ? IM_COL32(251, 191, 36, 34) : IM_COL32(245, 158, 11, 40);
    } else {
        std::string name = loaded ? viewer.news().countries().source_name : "";
        if (name.empty()) name = viewer.news().source_info().name;
        if (name.empty()) return;
        text = ellipsize(name, compact ? 110.0f : 220.0f, f);
        tip = "News from " + name;
        if (!viewer.news().source_info().host.empty()) tip += " (" + viewer.news().source_info().host + ")";
    }
    text += "  " ICON_INFO;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    float bh = 24;
    ImVec2 a(p.x, std::round(p.y + (h - bh) / 2)), b(p.x + ts.x + 20, a.y + bh);
    ImGui::SetCursorScreenPos(a);
    if (ImGui::InvisibleButton("##source", ImVec2(b.x - a.x, bh))) ImGui::OpenPopup("##about");
    record_control("source");
    if (ImGui::IsItemHovered()) ImGui::SetItemTooltip("%s \xc2\xb7 About this data", tip.c_str());
    dl->AddRectFilled(a, b, c.panel, bh / 2);  // readable over any map colour
    dl->AddRectFilled(a, b, bg, bh / 2);
    if (nav_focused()) dl->AddRect(a, b, c.accent, bh / 2, 0, 2);
    dl->AddText(f, f->FontSize, ImVec2(a.x + 10, std::round(a.y + (bh - ts.y) / 2)), fg, text.c_str());
    about_popup(viewer, ImVec2(a.x, b.y + 10), ImGui::GetIO().DisplaySize.x - a.x - 8);
    // when the data was built, beside the badge where there is room
    std::string updated = with_updated ? updated_line(viewer, false) : "";
    if (!updated.empty()) {
        ImFont* small = fonts().small;
        dl->AddText(small, small->FontSize, ImVec2(b.x + 10, std::round(a.y + (bh - small->FontSize) / 2)), c.text_dim,
                    updated.c_str());
    }
}

// The A–Z list toggle; `label` false draws only the icon.
void list_toggle(Viewer& viewer, bool label, float h) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = fonts().small_bold;
    const char* text = "A\xe2\x80\x93Z";
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text);
    float w = label ? ts.x + 46 : 38;
    ImVec2 p = ImGui::GetCursorScreenPos();
    float bh = 38;
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + (h - bh) / 2));
    ImVec2 a = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##az", ImVec2(w, bh))) viewer.show_country_list(!viewer.list_view());
    record_control("az");
    bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetItemTooltip("%s", viewer.list_view() ? "Close the country list" : "All countries, A to Z");
    ImU32 bg = viewer.list_view() ? c.accent_soft : hovered ? with_alpha(c.row_hover, 2.5f) : ImGui::GetColorU32(ImGuiCol_FrameBg);
    ImU32 fg = viewer.list_view() ? c.accent : c.text;
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + bh), bg, bh / 2);
    ImFont* body = fonts().body;
    ImVec2 is = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, ICON_LIST);
    float ix = label ? a.x + 14 : a.x + (w - is.x) / 2;
    dl->AddText(body, body->FontSize, ImVec2(std::round(ix), std::round(a.y + (bh - is.y) / 2)), fg, ICON_LIST);
    if (label) dl->AddText(f, f->FontSize, ImVec2(std::round(ix + is.x + 6), std::round(a.y + (bh - ts.y) / 2)), fg, text);
}

// Compact embeds have no bar; what the data is still says so, in a small pill.
void compact_badge(Viewer& viewer, const Layout& l) {
    ImGui::SetNextWindowPos(l.bar_pos);
    ImGui::SetNextWindowSize(ImVec2(160, 32));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
    ImGui::Begin("##compact-badge", nullptr, kBarFlags | ImGuiWindowFlags_NoNav);
    source_badge(viewer, ImGui::GetWindowPos(), 32, true, false);
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

}  // namespace

void draw_top_bar(Viewer& viewer, const Layout& l) {
    if (!l.bar) {
        compact_badge(viewer, l);
        return;
    }
    const Colours& c = colours();
    bool locked = !viewer.locked_country().empty();  // no way to leave the country: no search, no list
    ImGui::SetNextWindowPos(l.bar_pos);
    ImGui::SetNextWindowSize(l.bar_size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, l.bar_size.y / 2 > 20 ? 18.0f : 16.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, c.panel);
    ImGui::PushStyleColor(ImGuiCol_Border, c.panel_border);
    ImGui::Begin("##topbar", nullptr, kBarFlags);
    ImVec2 origin = ImGui::GetWindowPos();
    float h = l.bar_size.y, w = l.bar_size.x;
    float pad = l.phone ? 10 : 14;
    ImVec2 inner(origin.x + pad, origin.y);

    if (l.phone && phone_search_open()) {
        // the field across the bar, with a close button
        float field_h = 38;
        ImGui::SetCursorScreenPos(ImVec2(inner.x, origin.y + (h - field_h) / 2));
        search_field(viewer, l, w - 2 * pad - 44);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + w - pad - 38, origin.y + (h - 38) / 2));
        if (icon_button("##search-close", ICON_CLOSE, "Close search", 38)) close_phone_search();
        record_control("search-close");
    } else {
        float x = brand(inner, h);
        source_badge(viewer, ImVec2(x + (l.phone ? 8 : 12), origin.y), h, l.phone, !l.phone && l.width >= 980);
        float right = origin.x + w - pad;
        if (locked) {
            // nothing to search or list: the viewer stays on its country
        } else if (l.phone) {
            ImGui::SetCursorScreenPos(ImVec2(right - 38, origin.y));
            list_toggle(viewer, false, h);
            ImGui::SetCursorScreenPos(ImVec2(right - 38 - 6 - 38, origin.y + (h - 38) / 2));
            if (icon_button("##search-open", ICON_SEARCH, "Search countries", 38)) focus_search();
            record_control("search-open");
        } else {
            float toggle_w = 46 + fonts().small_bold->CalcTextSizeA(fonts().small_bold->FontSize, FLT_MAX, 0, "A\xe2\x80\x93Z").x;
            ImGui::SetCursorScreenPos(ImVec2(right - toggle_w, origin.y));
            list_toggle(viewer, true, h);
            float field_w = std::clamp(w * 0.3f, 220.0f, 340.0f);
            float field_h = ImGui::GetFontSize() + 18;
            ImGui::SetCursorScreenPos(ImVec2(right - toggle_w - 10 - field_w, origin.y + (h - field_h) / 2));
            search_field(viewer, l, field_w);
        }
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
}

}  // namespace ng::ui
