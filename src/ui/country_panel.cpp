// country_panel — a country's stories: a header with its code badge, name,
// local time, story count and when its press last updated; a filter by
// outlet and a sort (newest / most covered); story rows with headline,
// outlet, time and picture; paging by infinite scroll; and the designed
// loading (shimmer), empty and error states. A failed later page keeps the
// stories already listed and offers "Try again" in a calm banner below them.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/local_time.hpp"
#include "core/text_script.hpp"
#include "core/time_format.hpp"
#include "web/browser.hpp"
#include "ui/icons.hpp"
#include "ui/images.hpp"
#include "ui/panels.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

static struct {
    std::string drawn_country;  // scroll to the top when the country changes
} state;

constexpr float kRowPadY = 12, kRowPadX = 12;

// "25 Nov 2026, 18:28 UTC" for tooltips; notes a first-seen time as such.
std::string exact_time(const StorySummary& s) {
    if (s.published.known()) return "Published " + format_date(s.published.seconds) + ", " + format_clock(s.published.seconds) + " UTC";
    if (s.first_seen.known())
        return "First seen " + format_date(s.first_seen.seconds) + ", " + format_clock(s.first_seen.seconds) +
               " UTC (publication time unknown)";
    return "";
}

void header(Viewer& viewer, float pad) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 wp = ImGui::GetWindowPos();
    float ww = ImGui::GetWindowWidth();
    ImVec2 p(wp.x + pad, ImGui::GetCursorScreenPos().y);
    std::string name = viewer.country_name(viewer.country());
    // code badge, a flag-like tile
    float bh = 40;
    float bw = code_badge(dl, p, viewer.country(), bh, c.selected, IM_COL32(255, 255, 255, 255), fonts().brand);
    // name, ellipsized so the close button always fits
    ImFont* title = fonts().title;
    float name_x = p.x + bw + 12;
    float name_max = wp.x + ww - pad - 40 - name_x;
    std::string shown = ellipsize(name, name_max, title);
    dl->AddText(title, title->FontSize, ImVec2(name_x, p.y - 3), c.text, shown.c_str());
    // local time under the name
    const Country* country = viewer.country_by_iso(viewer.country());
    LocalTime lt = local_time(viewer.country(), country ? country->label.lon : 0, viewer.now_unix(), web::utc_offset_minutes);
    std::string time_line = (lt.estimated ? "about " : "") + lt.clock + " " + lt.label;
    if (!lt.estimated) time_line += " \xc2\xb7 " + format_utc_offset(lt.offset_minutes);
    screen_report().local_time = time_line;
    ImFont* small = fonts().small;
    dl->AddText(small, small->FontSize, ImVec2(name_x, p.y + title->FontSize + 1), c.text_dim,
                ellipsize(ICON_CLOCK " " + time_line, name_max + 36, small).c_str());
    if (ImGui::IsMouseHoveringRect(ImVec2(name_x, p.y + title->FontSize), ImVec2(name_x + name_max, p.y + title->FontSize + 18)) &&
        lt.estimated)
        ImGui::SetTooltip("No time-zone data for %s: the time is estimated from its longitude.", name.c_str());
    // close
    if (viewer.locked_country().empty()) {
        ImGui::SetCursorScreenPos(ImVec2(wp.x + ww - pad - 36 + 6, p.y));
        if (icon_button("##panel-close", ICON_CLOSE, "Close (Esc)")) viewer.navigate({});
        record_control("close");
    }

    // counts and freshness
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + bh + 12));
    int count = viewer.news().story_count(viewer.country());
    const CountryStories* s = viewer.news().stories(viewer.country());
    if (count < 0 && s && s->pages_loaded > 0) count = s->total;
    std::string line;
    if (count >= 0) line = count == 0 ? "No stories today" : std::to_string(count) + (count == 1 ? " story today" : " stories today");
    if (viewer.news().countries_loaded())
        for (const CountryEntry& e : viewer.news().countries().countries)
            if (e.iso == viewer.country() && e.latest.known()) {
                std::string when = format_relative_time(e.latest.seconds, viewer.now_unix());
                if (!when.empty()) line += (line.empty() ? "Updated " : " \xc2\xb7 updated ") + when;
            }
    if (!line.empty()) {
        ImGui::PushFont(small);
        text_coloured(c.text_dim, (std::string(ICON_NEWSPAPER "  ") + line).c_str());
        ImGui::PopFont();
    }
}

// Outlet filter and sort; only when there are stories to act on.
void controls(Viewer& viewer, const CountryStories& s, float pad, float width) {
    const Colours& c = colours();
    std::map<std::string, int> outlets;
    for (const StorySummary& st : s.stories) ++outlets[st.outlet.name];
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + pad, ImGui::GetCursorScreenPos().y + 4));
    float sort_w = std::min(200.0f, width * 0.48f);
    float combo_w = width - sort_w - 10;
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ImGui::GetFrameHeight() / 2);
    // as tall as the sort control next to it, in the smaller font
    float frame_h = ImGui::GetFrameHeight();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14, (frame_h - fonts().small_bold->FontSize) / 2));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 12);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::SetNextItemWidth(combo_w);
    std::string preview;
    if (viewer.outlet_filter().empty()) {
        preview = "All outlets";
    } else {
        Outlet o;
        o.name = viewer.outlet_filter();
        for (const StorySummary& st : s.stories)
            if (st.outlet.name == viewer.outlet_filter()) o = st.outlet;
        preview = outlet_label(o);
    }
    std::string language = text::language_of_country(viewer.country());  // outlet names' likely language
    preview = ellipsize(preview, combo_w - 50, fonts().small_bold, language);
    ImGui::PushFont(fonts().small_bold);  // popped after the popup: fonts must not cross windows
    ImVec2 combo_at = ImGui::GetCursorScreenPos();
    float combo_h = ImGui::GetFrameHeight();
    screen_report().controls["outlet-filter"] = {combo_at.x, combo_at.y, combo_w, combo_h};
    ImDrawList* parent_dl = ImGui::GetWindowDrawList();
    // the preview is drawn below, by ui/text: an outlet's name may be in any script
    bool open = ImGui::BeginCombo("##outlet", "", ImGuiComboFlags_HeightLarge | ImGuiComboFlags_NoArrowButton);
    draw_text(parent_dl, fonts().small_bold,
              ImVec2(combo_at.x + 14, combo_at.y + (combo_h - fonts().small_bold->FontSize) / 2), c.text, preview, 0,
              language);
    // our own chevron instead of ImGui's square arrow button
    ImFont* chevron_font = fonts().small;
    parent_dl->AddText(chevron_font, chevron_font->FontSize,
                       ImVec2(combo_at.x + combo_w - 28, combo_at.y + (combo_h - chevron_font->FontSize) / 2), c.text_dim,
                       open ? ICON_CHEVRON_UP : ICON_CHEVRON_DOWN);
    if (!open && ImGui::IsItemHovered()) ImGui::SetItemTooltip("Show one outlet's stories");
    if (!open) note_focus("outlet-filter");
    if (open) {
        if (ImGui::Selectable("All outlets", viewer.outlet_filter().empty())) viewer.set_outlet_filter("");
        for (const auto& [name, n] : outlets) {
            Outlet o;
            o.name = name;
            for (const StorySummary& st : s.stories)
                if (st.outlet.name == name) o = st.outlet;
            std::string label = outlet_label(o) + "  (" + std::to_string(n) + ")";
            ImGui::PushID(name.c_str());
            ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##outlet-choice", viewer.outlet_filter() == name, 0, ImVec2(0, ImGui::GetTextLineHeight())))
                viewer.set_outlet_filter(name);
            ImGui::PopID();
            draw_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), at, c.text, label, 0, language);
        }
        ImGui::EndCombo();
    }
    ImGui::PopFont();
    ImGui::PopStyleVar(4);
    ImGui::SameLine(0, 10);
    const char* labels[] = {"Newest", "Most covered"};
    int sort = viewer.sort_by_coverage() ? 1 : 0;
    if (segmented("##sort", labels, 2, &sort, sort_w)) viewer.set_sort_by_coverage(sort == 1);
    record_control("sort");
}

// Height of a story row laid out `width` wide.
struct RowLayout {
    float height, text_w, thumb_w, thumb_h, headline_h;
};

RowLayout row_layout(const StorySummary& s, float width) {
    RowLayout r;
    r.thumb_w = s.image.empty() ? 0 : std::min(96.0f, width * 0.26f);
    r.thumb_h = r.thumb_w * 0.75f;
    r.text_w = width - 2 * kRowPadX - (r.thumb_w > 0 ? r.thumb_w + 14 : 0);
    r.headline_h = text_block_height(s.headline, r.text_w, fonts().bold, s.language);
    float text_h = r.headline_h + 6 + fonts().small->FontSize + 2;
    r.height = std::max(text_h, r.thumb_h) + 2 * kRowPadY;
    return r;
}

// One story row; returns true when it was clicked.
bool story_row(Viewer& viewer, const StorySummary& s, const RowLayout& r, float width, bool visible) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(s.id.c_str());
    bool clicked = ImGui::InvisibleButton("##story", ImVec2(width, r.height));
    bool hovered = ImGui::IsItemHovered();
    bool held = ImGui::IsItemActive();
    bool focused = nav_focused();
    if (focused) screen_report().focus = s.id;
    UiRect rect = last_item_rect();
    ImGui::PopID();
    std::string when = describe_story_time(s.published, s.first_seen, viewer.now_unix());
    std::string outlet = outlet_label(s.outlet);
    screen_report().rows.push_back({s.id, s.headline, outlet + (when.empty() ? "" : " \xc2\xb7 " + when), rect, visible});
    if (!visible) return clicked;
    if (hovered || held) dl->AddRectFilled(p, ImVec2(p.x + width, p.y + r.height), held ? with_alpha(c.row_hover, 2) : c.row_hover, 12);
    if (focused)
        dl->AddRect(p, ImVec2(p.x + width, p.y + r.height), c.accent, 12, 0, 2);
    float x = p.x + kRowPadX, y = p.y + kRowPadY;
    // headline
    ImFont* bold = fonts().bold;
    draw_text(dl, bold, ImVec2(x, y), c.text, s.headline, r.text_w, s.language);
    y += r.headline_h + 6;
    // outlet · time · coverage
    ImFont* small = fonts().small;
    ImFont* small_bold = fonts().small_bold;
    std::string cov = s.coverage && *s.coverage > 1 ? std::string(ICON_GLOBE " ") + std::to_string(*s.coverage) : "";
    float sep_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, " \xc2\xb7 ").x;
    float when_w = when.empty() ? 0 : small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, when.c_str()).x + sep_w;
    float cov_w = cov.empty() ? 0 : small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, cov.c_str()).x + sep_w;
    std::string outlet_shown = ellipsize(outlet, std::max(40.0f, r.text_w - when_w - cov_w), small_bold, s.language);
    float mx = x;
    draw_text(dl, small_bold, ImVec2(mx, y), c.text_dim, outlet_shown, 0, s.language);
    mx += text_width(small_bold, outlet_shown, s.language);
    if (!when.empty()) {
        dl->AddText(small, small->FontSize, ImVec2(mx, y), c.text_faint, " \xc2\xb7 ");
        mx += sep_w;
        float tw = when_w - sep_w;
        dl->AddText(small, small->FontSize, ImVec2(mx, y), c.text_dim, when.c_str());
        if (hovered && ImGui::IsMouseHoveringRect(ImVec2(mx, y), ImVec2(mx + tw, y + small->FontSize)))
            ImGui::SetTooltip("%s", exact_time(s).c_str());
        mx += tw;
    }
    if (!cov.empty()) {
        dl->AddText(small, small->FontSize, ImVec2(mx, y), c.text_faint, " \xc2\xb7 ");
        mx += sep_w;
        float tw = cov_w - sep_w;
        dl->AddText(small, small->FontSize, ImVec2(mx, y), c.covering, cov.c_str());
        if (hovered && ImGui::IsMouseHoveringRect(ImVec2(mx, y), ImVec2(mx + tw, y + small->FontSize)))
            ImGui::SetTooltip("Covered by the press of %d countries", *s.coverage);
    }
    // picture
    if (r.thumb_w > 0) {
        ImVec2 a(p.x + width - kRowPadX - r.thumb_w, p.y + kRowPadY), b(a.x + r.thumb_w, a.y + r.thumb_h);
        if (!draw_image_cover(dl, s.image, a, b, 10)) {
            ImageTexture t;
            image_placeholder(dl, a, b, 10, s.outlet, image(s.image, &t) == ImageState::Loading);
        }
    }
    return clicked;
}

void skeleton_rows(int n, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < n; ++i) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        float h = 96;
        float x = p.x + kRowPadX, y = p.y + kRowPadY + 2;
        float thumb = std::min(96.0f, width * 0.26f);
        float tw = width - 2 * kRowPadX - thumb - 14;
        float f = 0.55f + 0.35f * float((i * 37) % 10) / 10.0f;
        skeleton(dl, ImVec2(x, y), ImVec2(x + tw, y + 14), 6);
        skeleton(dl, ImVec2(x, y + 22), ImVec2(x + tw * f, y + 36), 6);
        skeleton(dl, ImVec2(x, y + 50), ImVec2(x + tw * 0.42f, y + 60), 5);
        skeleton(dl, ImVec2(p.x + width - kRowPadX - thumb, p.y + kRowPadY), ImVec2(p.x + width - kRowPadX, p.y + kRowPadY + thumb * 0.75f), 10);
        ImGui::Dummy(ImVec2(width, h));
    }
}

}  // namespace

void draw_country_panel(Viewer& viewer, const Layout& l) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    report.panel = "country";
    report.country = viewer.country();
    report.country_name = viewer.country_name(viewer.country());
    float pad = l.phone ? 16 : 20;
    header(viewer, pad);
    float width = ImGui::GetWindowWidth() - 2 * pad;
    const CountryStories* s = viewer.news().stories(viewer.country());
    if (!s && viewer.news().story_count(viewer.country()) != 0) viewer.load_stories();
    bool have = s && !s->stories.empty();
    if (have) controls(viewer, *s, pad, width);
    vspace(8);
    // a hairline between the fixed header and the list
    ImDrawList* wdl = ImGui::GetWindowDrawList();
    float line_y = ImGui::GetCursorScreenPos().y;
    wdl->AddLine(ImVec2(ImGui::GetWindowPos().x, line_y), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), line_y), c.divider);

    float list_pad = pad - kRowPadX;  // rows' hover backgrounds reach into the margin
    float child_h = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - line_y - (l.phone ? l.panel_size.y - l.sheet_visible : 0) - 2;
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x, line_y + 1));
    if (state.drawn_country != viewer.country()) {
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
        state.drawn_country = viewer.country();
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::BeginChild("##stories", ImVec2(ImGui::GetWindowWidth(), std::max(60.0f, child_h)), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    float row_w = width + 2 * kRowPadX;
    float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowHeight();
    std::string name = viewer.country_name(viewer.country());
    vspace(6);
    if (!have) {
        bool none_today = viewer.news().story_count(viewer.country()) == 0;  // the index says so: nothing to load
        if (s && !s->load.error.ok() && !s->load.loading && !none_today) {
            report.status = "error";
            report.error = s->load.error.message;
            ImGui::SetCursorPosX(list_pad);
            ImGui::BeginGroup();
            ImGui::Dummy(ImVec2(row_w, 0));
            if (state_card(ICON_WARNING, c.error, "Couldn't load stories from " + name, s->load.error.message, "Try again",
                           "retry"))
                viewer.load_stories();
            ImGui::EndGroup();
        } else if (!none_today && (!s || s->load.loading || s->pages_loaded == 0)) {
            report.status = "loading";
            ImGui::SetCursorPosX(list_pad);
            ImGui::BeginGroup();
            skeleton_rows(6, row_w);
            ImGui::EndGroup();
        } else {
            report.status = "empty";
            ImGui::SetCursorPosX(list_pad);
            ImGui::BeginGroup();
            ImGui::Dummy(ImVec2(row_w, 0));
            bool locked = !viewer.locked_country().empty();
            if (state_card(ICON_NEWSPAPER, c.text_dim, "No stories from " + name + " today",
                           locked ? "Its press has nothing new for now. Check back later."
                                  : "Its press has nothing new for now. Check back later, or pick another country.",
                           locked ? nullptr : "Browse all countries", "browse"))
                viewer.show_country_list(true);
            ImGui::EndGroup();
        }
    } else {
        report.status = "ready";
        std::vector<const StorySummary*> list = viewer.visible_stories();
        ImGui::SetCursorPosX(list_pad);
        ImGui::BeginGroup();
        for (size_t i = 0; i < list.size(); ++i) {
            const StorySummary& st = *list[i];
            RowLayout r = row_layout(st, row_w);
            float y = ImGui::GetCursorScreenPos().y;
            bool visible = y + r.height > clip_top && y < clip_bottom;
            if (story_row(viewer, st, r, row_w, visible)) {
                viewer.navigate({Route::Article, st.id});
                if (l.phone) sheet_expand();
            }
            if (i + 1 < list.size() && visible) {
                float ly = ImGui::GetCursorScreenPos().y;
                ImGui::GetWindowDrawList()->AddLine(ImVec2(ImGui::GetCursorScreenPos().x + kRowPadX, ly),
                                                    ImVec2(ImGui::GetCursorScreenPos().x + row_w - kRowPadX, ly), c.divider);
            }
        }
        if (!list.empty()) web::mark("first-stories");
        if (list.empty()) {
            ImGui::Dummy(ImVec2(row_w, 0));
            if (state_card(ICON_FILTER, c.text_dim, "No stories from this outlet yet",
                           s->complete() ? "Its stories may be in another country's list." : "Load more to look further.",
                           "Show all outlets", "all-outlets"))
                viewer.set_outlet_filter("");
        }
        // paging: the next page loads as the end of the list comes into view
        vspace(8);
        if (!s->complete()) {
            if (!s->load.error.ok() && !s->load.loading) {
                report.error = s->load.error.message;
                if (inline_banner(ICON_WARNING, c.error, "More stories couldn't be loaded. " + s->load.error.message,
                                  "Try again", "retry"))
                    viewer.load_more_stories();
            } else if (s->load.loading) {
                skeleton_rows(2, row_w);
            } else {
                float y = ImGui::GetCursorScreenPos().y;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (row_w - 180) / 2);
                if (secondary_button("Load more stories", ImVec2(180, 0))) viewer.load_more_stories();
                record_control("load-more");
                if (y < clip_bottom + 200) viewer.load_more_stories();
            }
        } else if (!list.empty()) {
            ImGui::PushFont(fonts().small);
            std::string end = "That's everything from " + name + " for now.";
            float tw = ImGui::CalcTextSize(end.c_str()).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (row_w - tw) / 2));
            text_coloured(c.text_faint, end.c_str());
            ImGui::PopFont();
        }
        if (s->load.skipped > 0) {
            ImGui::PushFont(fonts().small);
            std::string note = std::to_string(s->load.skipped) + (s->load.skipped == 1 ? " item" : " items") +
                               " in the feed couldn't be read and were left out.";
            vspace(6);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + row_w);
            text_coloured(c.text_faint, note.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
        }
        ImGui::EndGroup();
    }
    vspace(24);
    drag_scroll();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace ng::ui
