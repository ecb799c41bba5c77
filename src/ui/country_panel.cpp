// country_panel — a country's stories: a header with its code badge, name,
// local time, story count, how many are covered abroad and when its press
// last updated; a filter by outlet and a sort (newest / most covered); story
// rows with headline, outlet, time, a translated/original marker and the
// picture (or the outlet's monogram); paging by infinite scroll; and the designed
// loading (shimmer), empty and error states. A failed later page keeps the
// stories already listed and offers "Try again" in a calm banner below them.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/local_time.hpp"
#include "core/provenance.hpp"
#include "core/text_script.hpp"
#include "core/time_format.hpp"
#include "web/browser.hpp"
#include "ui/clipped_list.hpp"
#include "ui/icons.hpp"
#include "ui/images.hpp"
#include "ui/panels.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

struct OutletCount {
    Outlet outlet;
    int stories = 0;
};

static struct {
    std::string drawn_country;  // scroll to the top when the country changes
    ClippedList rows;           // only the rows on screen are drawn
    // the filter's outlets, counted once per list rather than every frame
    std::map<std::string, OutletCount> outlets;
    std::uint64_t outlets_key = 0;
} state;

const std::map<std::string, OutletCount>& outlets_of(const std::string& iso, const CountryStories& s) {
    LayoutKey key;
    key << s.revision;
    key.add(iso.data(), iso.size());
    if (key.value() != state.outlets_key || state.outlets.empty()) {
        state.outlets.clear();
        for (const StorySummary& st : s.stories) {
            OutletCount& o = state.outlets[st.outlet.name];
            o.outlet = st.outlet;
            ++o.stories;
        }
        state.outlets_key = key.value();
    }
    return state.outlets;
}

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
    if (count < 0 && s && s->pages_loaded > 0) count = s->listed_total();
    screen_report().header_count = count;
    std::string line;
    if (count >= 0) line = count == 0 ? "No stories today" : std::to_string(count) + (count == 1 ? " story today" : " stories today");
    if (viewer.news().countries_loaded())
        for (const CountryEntry& e : viewer.news().countries().countries) {
            if (e.iso != viewer.country()) continue;
            // stories other countries' press also covers (docs/api.md, covered_abroad)
            if (count > 0 && e.covered_abroad) line += " \xc2\xb7 " + std::to_string(*e.covered_abroad) + " covered abroad";
            if (!e.latest.known()) continue;
            std::string when = format_relative_time(e.latest.seconds, viewer.now_unix());
            if (!when.empty()) line += (line.empty() ? "Updated " : " \xc2\xb7 updated ") + when;
        }
    screen_report().country_line = line;
    if (!line.empty()) {
        ImGui::PushFont(small);
        text_coloured(c.text_dim, (std::string(ICON_NEWSPAPER "  ") + line).c_str());
        ImGui::PopFont();
    }
}

// Outlet filter and sort; only when there are stories to act on.
void controls(Viewer& viewer, const CountryStories& s, float pad, float width) {
    const Colours& c = colours();
    const std::map<std::string, OutletCount>& outlets = outlets_of(viewer.country(), s);
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
        auto it = outlets.find(viewer.outlet_filter());
        Outlet o;
        o.name = viewer.outlet_filter();
        preview = outlet_label(it == outlets.end() ? o : it->second.outlet);
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
        for (const auto& [name, o] : outlets) {
            std::string label = outlet_label(o.outlet) + "  (" + std::to_string(o.stories) + ")";
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

// Every row has its picture box (a monogram when the story has no picture),
// so rows keep one rhythm whatever the source sends.
RowLayout row_layout(const StorySummary& s, float width) {
    RowLayout r;
    r.thumb_w = std::min(96.0f, width * 0.26f);
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
    HeadlineMarker marker = headline_marker(s);
    if (!marker.code.empty()) screen_report().markers[s.id] = (marker.translated ? "translated:" : "original:") + marker.code;
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
    // the language marker: a tinted pill for a machine translation, an outlined one for an original
    std::string pill = marker.code.empty() ? "" : marker.translated ? std::string(ICON_LANGUAGE " ") + marker.code : marker.code;
    float sep_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, " \xc2\xb7 ").x;
    float when_w = when.empty() ? 0 : small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, when.c_str()).x + sep_w;
    float cov_w = cov.empty() ? 0 : small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, cov.c_str()).x + sep_w;
    float pill_w = pill.empty() ? 0 : small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, pill.c_str()).x + 12 + 8;
    std::string outlet_shown =
        ellipsize(outlet, std::max(40.0f, r.text_w - when_w - cov_w - pill_w), small_bold, s.language);
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
    if (!pill.empty()) {
        ImVec2 a(mx + 8, y - 1), b(mx + pill_w, y + small->FontSize + 1);
        if (marker.translated) dl->AddRectFilled(a, b, c.accent_soft, 6);
        else dl->AddRect(a, b, with_alpha(c.text_faint, 0.8f), 6);
        dl->AddText(small, small->FontSize, ImVec2(a.x + 6, y), marker.translated ? c.accent : c.text_dim, pill.c_str());
        if (hovered && ImGui::IsMouseHoveringRect(a, b)) ImGui::SetTooltip("%s", marker.tooltip.c_str());
        mx += pill_w;
    }
    if (!cov.empty()) {
        dl->AddText(small, small->FontSize, ImVec2(mx, y), c.text_faint, " \xc2\xb7 ");
        mx += sep_w;
        float tw = cov_w - sep_w;
        dl->AddText(small, small->FontSize, ImVec2(mx, y), c.covering, cov.c_str());
        if (hovered && ImGui::IsMouseHoveringRect(ImVec2(mx, y), ImVec2(mx + tw, y + small->FontSize)))
            ImGui::SetTooltip("Covered by the press of %d countries", *s.coverage);
    }
    // picture, or the outlet's monogram
    ImVec2 a(p.x + width - kRowPadX - r.thumb_w, p.y + kRowPadY), b(a.x + r.thumb_w, a.y + r.thumb_h);
    story_picture(dl, s, viewer.country(), a, b, 10);
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
        const std::vector<const StorySummary*>& list = viewer.visible_stories();
        report.row_count = int(list.size());
        ImGui::SetCursorPosX(list_pad);
        ImGui::BeginGroup();
        // the rows' layout depends on which stories, in which order, how wide, in which font
        LayoutKey key;
        key << s->revision << viewer.sort_by_coverage() << row_w << fonts().bold->FontSize << list.size();
        key.add(viewer.country().data(), viewer.country().size()).add(viewer.outlet_filter().data(), viewer.outlet_filter().size());
        ClippedList::Range shown = state.rows.layout(key.value(), int(list.size()),
                                                     [&](int i) { return row_layout(*list[size_t(i)], row_w).height; },
                                                     ImGui::GetCursorScreenPos().y, clip_top, clip_bottom);
        state.rows.skip(0, shown.first);
        for (size_t i = size_t(shown.first); i < size_t(shown.last); ++i) {
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
        state.rows.skip(shown.last, int(list.size()));
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
