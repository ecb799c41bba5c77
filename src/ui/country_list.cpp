// country_list — the A–Z list of every country the reader can pick (the
// map's and the news index's, core/country_list.hpp), an alternative to the
// globe: grouped by first letter, each with its story count, countries
// without stories dimmed, with an "only with stories" filter.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/country_search.hpp"
#include "ui/icons.hpp"
#include "ui/panels.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

static struct {
    int filter = 0;  // 0 all, 1 only with stories
} state;

}  // namespace


void draw_country_list(Viewer& viewer, const Layout& l) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    report.panel = "list";
    const std::vector<CountryItem>& items = viewer.country_items();
    int with_stories = 0;
    bool counts_known = false;
    for (const CountryItem& it : items) {
        with_stories += it.count > 0;
        counts_known |= it.count >= 0;
    }
    float pad = l.phone ? 16 : 20;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetWindowWidth() - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + pad, origin.y));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().title);
    ImGui::TextUnformatted("All countries");
    ImGui::PopFont();
    std::string sub = std::to_string(items.size()) + " countries";
    if (counts_known) sub += " \xc2\xb7 " + std::to_string(with_stories) + " with stories today";
    ImGui::PushFont(fonts().small);
    text_coloured(c.text_dim, sub.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();
    ImVec2 close_at(ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - pad - 36 + 6, origin.y - 2);
    ImGui::SetCursorScreenPos(close_at);
    if (icon_button("##list-close", ICON_CLOSE, "Close the list (Esc)")) viewer.show_country_list(false);
    record_control("close");
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + pad, ImGui::GetItemRectMax().y + 24));
    if (counts_known) {
        const char* labels[] = {"All", "With stories"};
        segmented("##list-filter", labels, 2, &state.filter, std::min(width, 260.0f));
        record_control("list-filter");
        vspace(6);
    }
    ImGui::SetCursorPosX(pad);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    float child_h = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - ImGui::GetCursorScreenPos().y -
                    (l.phone ? l.panel_size.y - l.sheet_visible : 0) - 6;
    ImGui::SetCursorPosX(0);
    ImGui::BeginChild("##list-scroll", ImVec2(ImGui::GetWindowWidth(), std::max(60.0f, child_h)), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::string current_letter;
    float row_w = width;
    float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowHeight();
    for (const CountryItem& it : items) {
        if (state.filter == 1 && counts_known && it.count <= 0) continue;
        std::string letter = index_letter(it.name);
        if (letter != current_letter) {
            current_letter = letter;
            vspace(current_letter.empty() ? 0 : 10);
            ImGui::SetCursorPosX(pad + 10);
            ImGui::PushFont(fonts().small_bold);
            text_coloured(c.accent, letter.c_str());
            ImGui::PopFont();
            vspace(4);
        }
        ImGui::SetCursorPosX(pad);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float h = 40;
        ImGui::PushID(it.iso.c_str());
        bool clicked = ImGui::InvisibleButton("##country", ImVec2(row_w, h));
        bool hovered = ImGui::IsItemHovered();
        bool focused = nav_focused();
        if (focused) report.focus = it.iso;
        UiRect r = last_item_rect();
        report.results.push_back({it.iso, it.name, story_count_text(it.count), r, p.y + h > clip_top && p.y < clip_bottom});
        ImGui::PopID();
        bool selected = it.iso == viewer.country();
        if (hovered || selected) dl->AddRectFilled(p, ImVec2(p.x + row_w, p.y + h), selected ? c.accent_soft : c.row_hover, 10);
        if (focused) dl->AddRect(p, ImVec2(p.x + row_w, p.y + h), c.accent, 10, 0, 2);
        bool dim = counts_known && it.count <= 0;
        ImFont* f = fonts().body;
        std::string count = it.count > 0 ? std::to_string(it.count) : (it.count == 0 ? "\xe2\x80\x94" : "");
        ImFont* sb = fonts().small_bold;
        ImVec2 cs = sb->CalcTextSizeA(sb->FontSize, FLT_MAX, 0, count.c_str());
        float pill_w = it.count > 0 ? std::max(28.0f, cs.x + 16) : cs.x;
        std::string name = ellipsize(it.name, row_w - 20 - pill_w - 16, f);
        dl->AddText(f, f->FontSize, ImVec2(p.x + 10, std::round(p.y + (h - f->FontSize) / 2) - 1), dim ? c.text_faint : c.text,
                    name.c_str());
        if (!count.empty()) {
            ImVec2 pa(p.x + row_w - 10 - pill_w, p.y + (h - 22) / 2);
            if (it.count > 0) dl->AddRectFilled(pa, ImVec2(pa.x + pill_w, pa.y + 22), with_alpha(c.covering, 0.18f), 11);
            dl->AddText(sb, sb->FontSize, ImVec2(std::round(pa.x + (pill_w - cs.x) / 2), std::round(pa.y + (22 - cs.y) / 2)),
                        it.count > 0 ? c.covering : c.text_faint, count.c_str());
        }
        if (clicked) viewer.navigate({Route::Country, it.iso});
    }
    vspace(16);
    drag_scroll();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    report.status = "ready";
}

}  // namespace ng::ui
