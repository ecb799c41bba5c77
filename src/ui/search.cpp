// search — the country search in the top bar: type-ahead over names and
// aliases (core/country_search), results with story counts, ↑/↓ to move,
// Enter or a click to fly to the country and open its stories, Esc to close.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

#include "core/country_search.hpp"
#include "ui/frame.hpp"
#include "ui/icons.hpp"
#include "ui/panels.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

static struct {
    char buf[96] = {};
    bool active = false;         // the field has keyboard focus
    bool results_hovered = false;
    bool took_escape = false;
    bool want_focus = false;
    bool phone_open = false;
    int selected = 0;
    std::string last_query;
    std::vector<SearchHit> hits;
    ImVec2 field_min, field_max;
    const std::vector<CountryItem>* items_for = nullptr;
    size_t items_size = 0;
    unsigned names_revision = 0;  // the viewer's, when the entries were made
    std::vector<SearchEntry> entries;
} state;

void refresh_hits(const Viewer& viewer) {
    const std::vector<CountryItem>& items = viewer.country_items();
    bool items_changed = state.items_for != &items || state.items_size != items.size() || state.entries.empty() ||
                         state.names_revision != viewer.country_names_revision();  // names in other languages arrived
    if (items_changed) {
        state.names_revision = viewer.country_names_revision();
        state.entries.clear();
        for (const CountryItem& c : items) state.entries.push_back({c.iso, c.name, c.aliases, std::max(0, c.count)});
        state.items_for = &items;
        state.items_size = items.size();
    } else {
        // counts arrive with the index: keep weights current
        for (size_t i = 0; i < items.size() && i < state.entries.size(); ++i)
            state.entries[i].weight = std::max(0, items[i].count);
    }
    std::string q = state.buf;
    if (q != state.last_query || items_changed) {
        state.hits = search_countries(state.entries, q, 8);
        state.last_query = q;
        state.selected = 0;
    }
}

void choose(Viewer& viewer, size_t hit) {
    if (hit >= state.hits.size()) return;
    const SearchEntry& e = state.entries[state.hits[hit].index];
    viewer.navigate({Route::Country, e.iso});
    state.buf[0] = 0;
    state.last_query.clear();
    state.hits.clear();
    state.phone_open = false;
    ImGui::ClearActiveID();
    ImGui::SetWindowFocus(nullptr);
}

int on_history(ImGuiInputTextCallbackData* data) {
    int n = int(state.hits.size());
    if (n == 0) return 0;
    if (data->EventKey == ImGuiKey_UpArrow) state.selected = (state.selected + n - 1) % n;
    if (data->EventKey == ImGuiKey_DownArrow) state.selected = (state.selected + 1) % n;
    return 0;
}

}  // namespace

void focus_search() {
    state.want_focus = true;
    request_animation();  // the field takes focus over the next frames, before the first key arrives
}
bool search_took_escape() { return state.took_escape; }
bool phone_search_open() { return state.phone_open || state.want_focus; }
void close_phone_search() {
    state.phone_open = false;
    state.buf[0] = 0;
}

void search_field(Viewer& viewer, const Layout& l, float width) {
    const Colours& c = colours();
    bool was_active = state.active;
    if (l.phone && !state.phone_open && state.want_focus) state.phone_open = true;
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 20);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(38, 9));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::GetColorU32(ImGuiCol_FrameBg));
    ImGui::SetNextItemWidth(width);
    if (state.want_focus) {
        ImGui::SetKeyboardFocusHere();
        state.want_focus = false;
        request_animation();
    }
    ImVec2 p = ImGui::GetCursorScreenPos();
    // a query in a script the atlas lacks (日本, مصر): ImGui would draw boxes, ui/text draws it below
    ImFont* font = ImGui::GetFont();
    bool engine_query = needs_text_engine(font, state.buf);
    if (engine_query) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    bool enter = ImGui::InputTextWithHint("##search", "Search countries", state.buf, sizeof state.buf,
                                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory |
                                              ImGuiInputTextFlags_AutoSelectAll,
                                          on_history);
    if (engine_query) ImGui::PopStyleColor();
    if (ImGui::IsItemActivated()) {
        request_animation();
        viewer.want_country_names();  // names in every language, for queries in any script
    }
    state.active = ImGui::IsItemActive();
    record_control("search");
    state.field_min = ImGui::GetItemRectMin();
    state.field_max = ImGui::GetItemRectMax();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    // the magnifier inside the field
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + 14, p.y + (state.field_max.y - p.y - ImGui::GetFontSize()) / 2),
                                        state.active ? c.accent : c.text_faint, ICON_SEARCH);
    if (engine_query) {
        float y = p.y + (state.field_max.y - p.y - font->FontSize) / 2;
        std::string shown = fit_text(font, state.buf, width - 38 - 14);
        draw_text(ImGui::GetWindowDrawList(), font, ImVec2(p.x + 38, y), c.text, shown);
        if (state.active) {  // the caret after the text (ImGui's would sit where its boxes would end)
            float x = p.x + 38 + text_width(font, shown) + 1;
            ImGui::GetWindowDrawList()->AddLine(ImVec2(x, y), ImVec2(x, y + font->FontSize), c.text, 1);
        }
    }
    refresh_hits(viewer);
    if (was_active && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        state.took_escape = true;
        state.buf[0] = 0;
        state.phone_open = false;
    }
    if (enter && !state.hits.empty()) choose(viewer, size_t(std::clamp(state.selected, 0, int(state.hits.size()) - 1)));
    ScreenReport& report = screen_report();
    report.search_query = state.buf;
}

void draw_search_results(Viewer& viewer, const Layout& l) {
    const Colours& c = colours();
    bool show = state.buf[0] && (state.active || state.results_hovered);
    ScreenReport& report = screen_report();
    report.search_open = show;
    report.search_selected = show ? state.selected : -1;
    state.took_escape = false;  // read by ui.cpp earlier in the frame
    if (!show) {
        state.results_hovered = false;
        return;
    }
    float width = std::max(state.field_max.x - state.field_min.x, std::min(340.0f, l.width - 16));
    float x = std::min(state.field_min.x, l.width - 8 - width);
    ImGui::SetNextWindowPos(ImVec2(std::max(8.0f, x), state.field_max.y + 8));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 14);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetColorU32(ImGuiCol_PopupBg));
    ImGui::Begin("##search-results", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    state.results_hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float inner = width - 12;
    if (state.hits.empty()) {
        ImGui::Dummy(ImVec2(inner, 4));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 12);
        std::string msg = std::string("No country matches \xe2\x80\x9c") + state.buf + "\xe2\x80\x9d";
        text_block(msg, inner - 24, fonts().body, c.text_dim);
        ImGui::Dummy(ImVec2(inner, 4));
    }
    for (size_t i = 0; i < state.hits.size(); ++i) {
        const SearchHit& hit = state.hits[i];
        const SearchEntry& e = state.entries[hit.index];
        const CountryItem& item = viewer.country_items()[hit.index];
        ImGui::PushID(int(i));
        ImVec2 p = ImGui::GetCursorScreenPos();
        float h = 44;
        bool clicked = ImGui::InvisibleButton("##hit", ImVec2(inner, h));
        if (ImGui::IsItemHovered() && ImGui::GetIO().MouseDelta.x * ImGui::GetIO().MouseDelta.x +
                                              ImGui::GetIO().MouseDelta.y * ImGui::GetIO().MouseDelta.y > 0)
            state.selected = int(i);
        UiItem row{e.iso, e.name, story_count_text(item.count), last_item_rect(), true};
        report.results.push_back(row);
        bool sel = int(i) == state.selected;
        if (sel) dl->AddRectFilled(p, ImVec2(p.x + inner, p.y + h), c.accent_soft, 10);
        float bw = code_badge(dl, ImVec2(p.x + 10, p.y + (h - 22) / 2), e.iso, 22, sel ? c.accent : with_alpha(c.text_dim, 0.25f),
                              sel ? c.on_accent : c.text, fonts().small_bold);
        float tx = p.x + 10 + bw + 12;
        std::string count = story_count_text(item.count);
        ImFont* small = fonts().small;
        float count_w = count.empty() ? 0 : small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, count.c_str()).x;
        float name_max = p.x + inner - 12 - count_w - 10 - tx;
        ImFont* bold = fonts().bold;
        std::string name = ellipsize(e.name, name_max, bold);
        float name_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, name.c_str()).x;
        float ty = p.y + (h - bold->FontSize) / 2;
        dl->AddText(bold, bold->FontSize, ImVec2(tx, ty), c.text, name.c_str());
        if (!hit.via.empty() && name_w + 8 < name_max) {
            std::string via = ellipsize(hit.via, name_max - name_w - 8, small);
            draw_text(dl, small, ImVec2(tx + name_w + 8, ty + 2), c.text_dim, via);  // a name in any script
        }
        if (!count.empty())
            dl->AddText(small, small->FontSize, ImVec2(p.x + inner - 12 - count_w, ty + 2),
                        item.count > 0 ? c.text_dim : c.text_faint, count.c_str());
        ImGui::PopID();
        if (clicked) {
            choose(viewer, i);
            break;
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

}  // namespace ng::ui
