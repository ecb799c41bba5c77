// story_view — one story across borders in the panel (#/story/{id}), while
// the globe shows its coverage map: what it is and how widely it is covered,
// the walk from country to country (‹ ›, ←/→ or a swipe; Enter or a tap
// reads the take the walk is at), The World's Current Take, and every
// country and outlet covering it, grouped by country, each article a link to
// the reader. On a phone the sheet rests at its peek height so the map stays
// in view; the walk and the take it is at fit in that peek. Loading and
// failure are designed: without the story document, the opening article's
// takes still give a walk, and "Try again" fetches the rest.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "core/provenance.hpp"
#include "core/time_format.hpp"
#include "core/url_util.hpp"
#include "ui/cards.hpp"
#include "ui/icons.hpp"
#include "ui/panels.hpp"
#include "ui/screen_report.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"
#include "web/browser.hpp"

namespace ng::ui {
namespace {

// A horizontal swipe across the panel (phones): it walks, and never clicks
// what it started on.
struct Swipe {
    bool down = false, swiping = false;
    ImVec2 start;
};

static struct {
    std::string drawn_story;  // scroll to the top when the story changes
    std::string shown_focus;  // the walk's country last scrolled into view
    Swipe swipe;
} state;

constexpr float kMeasureEm = 34;

int index_of(const ShownStory& s, const std::string& iso) {
    for (size_t i = 0; i < s.countries.size(); ++i)
        if (s.countries[i].iso == iso) return int(i);
    return -1;
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// [SECTION] the fixed top: title, reach, the walk -------------------------------------------

void header(Viewer& viewer, const Layout& l, float pad) {
    ImVec2 wp = ImGui::GetWindowPos();
    float ww = ImGui::GetWindowWidth();
    float y = ImGui::GetCursorScreenPos().y;
    const Colours& c = colours();
    float label_x = wp.x + pad;
    // back to the article it came from; what this is; close
    if (!viewer.story_origin().empty()) {
        ImGui::SetCursorScreenPos(ImVec2(wp.x + pad - 8, y));
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImFont* bold = fonts().bold;
        const char* label = "Article";
        float bw = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, label).x + 44;
        if (ImGui::InvisibleButton("##back", ImVec2(bw, 36))) viewer.close_top();
        record_control("back");
        bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetItemTooltip("Back to the article you came from (Esc)");
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (hovered || ImGui::IsItemActive()) dl->AddRectFilled(p, ImVec2(p.x + bw, p.y + 36), with_alpha(c.row_hover, 2.2f), 18);
        dl->AddText(fonts().body, fonts().body->FontSize, ImVec2(p.x + 12, p.y + 9), c.accent, ICON_ARROW_LEFT);
        dl->AddText(bold, bold->FontSize, ImVec2(p.x + 34, p.y + 8), c.text, label);
        label_x = p.x + bw + 10;
    }
    ImFont* sb = fonts().small_bold;
    ImGui::GetWindowDrawList()->AddText(sb, sb->FontSize, ImVec2(label_x, y + (36 - sb->FontSize) / 2), c.covering,
                                        ICON_SITEMAP "  STORY ACROSS BORDERS");
    ImGui::SetCursorScreenPos(ImVec2(wp.x + ww - pad + 6 - 36, y));
    if (icon_button("##story-close", ICON_CLOSE, "Close (Esc)")) viewer.navigate({});
    record_control("close");
    ImGui::SetCursorScreenPos(ImVec2(wp.x + pad, y + 36 + (l.phone ? 2 : 6)));
}

void title(Viewer& viewer, const ShownStory& s, const Layout& l, float width) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    ImGui::BeginGroup();
    std::string headline = s.headline;
    report.story.headline = headline;
    // a phone's peek keeps the walk in view: at most two lines of headline there
    ImFont* f = l.phone ? fonts().brand : fonts().title;
    if (l.phone && text_block_height(headline, width, f) > 2.2f * f->FontSize) {
        while (headline.size() > 8 && text_block_height(headline + "\xe2\x80\xa6", width, f) > 2.2f * f->FontSize) {
            size_t n = headline.size() - 1;
            while (n > 0 && (static_cast<unsigned char>(headline[n]) & 0xC0) == 0x80) --n;
            headline.resize(n);
        }
        headline += "\xe2\x80\xa6";
    }
    text_block(headline, width, f, c.text);
    vspace(4);
    std::string line = plural(s.outlet_count(), "outlet", "outlets") + " in " +
                       plural(int(s.countries.size()), "country", "countries");
    if (s.first_reported.known()) {
        std::string when = format_relative_time(s.first_reported.seconds, viewer.now_unix());
        if (!when.empty()) line += " \xc2\xb7 first reported " + when;
    }
    report.story.summary = line;
    text_block(line, width, fonts().small, c.text_dim);
    ImGui::EndGroup();
}

// ‹ [KE] Kenya · 1 of 4 › — the walk; the middle reads the take.
void walk_bar(Viewer& viewer, const ShownStory& s, float width) {
    const Colours& c = colours();
    int at = index_of(s, viewer.story_focus());
    int n = int(s.countries.size());
    float h = 44;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), c.panel_raised, h / 2);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 4, p.y + 4));
    if (icon_button("##walk-prev", ICON_CHEVRON_LEFT, "Previous country (left arrow key)", 36, at > 0)) viewer.step_story(-1);
    record_control("walk-prev");
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - 40, p.y + 4));
    if (icon_button("##walk-next", ICON_CHEVRON_RIGHT, "Next country (right arrow key)", 36, at >= 0 && at + 1 < n))
        viewer.step_story(+1);
    record_control("walk-next");
    if (at < 0) {
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
        return;
    }
    const CoveringCountry& cc = s.countries[size_t(at)];
    ImGui::SetCursorScreenPos(ImVec2(p.x + 44, p.y + 2));
    bool open = ImGui::InvisibleButton("##walk-open", ImVec2(width - 88, h - 4)) && cc.take();
    record_control("walk-open");
    bool hovered = ImGui::IsItemHovered();
    if (hovered && cc.take()) ImGui::SetItemTooltip("Read %s's take (Enter)", viewer.country_name(cc.iso).c_str());
    std::string name = viewer.country_name(cc.iso);
    std::string where = " \xc2\xb7 " + std::to_string(at + 1) + " of " + std::to_string(n);
    ImFont* bold = fonts().bold;
    ImFont* small = fonts().small;
    float badge_h = 24;
    float name_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, name.c_str()).x;
    float where_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, where.c_str()).x;
    float total = badge_h + 12 + 8 + name_w + where_w;
    float x = std::max(p.x + 48, p.x + (width - total) / 2);
    float bw = code_badge(dl, ImVec2(x, p.y + (h - badge_h) / 2), cc.iso, badge_h, c.selected, IM_COL32(255, 255, 255, 255),
                          fonts().small_bold);
    x += bw + 8;
    name = ellipsize(name, p.x + width - 48 - where_w - x, bold);
    dl->AddText(bold, bold->FontSize, ImVec2(x, p.y + (h - bold->FontSize) / 2), hovered ? c.accent : c.text, name.c_str());
    x += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, name.c_str()).x;
    dl->AddText(small, small->FontSize, ImVec2(x, p.y + (h - small->FontSize) / 2 + 1), c.text_dim, where.c_str());
    screen_report().story.focus = cc.iso;
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(width, 0));
    if (open) viewer.open_story_take();
}

// The take the walk is at, under the walk bar: outlet, time and headline; a
// tap reads it. On a phone it is what the sheet's peek shows of the list.
void focus_take(Viewer& viewer, const ShownStory& s, float width) {
    int at = index_of(s, viewer.story_focus());
    const StoryMember* take = at < 0 ? nullptr : s.countries[size_t(at)].take();
    if (!take) return;
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* sb = fonts().small_bold;
    ImFont* bold = fonts().bold;
    float pad = 14, text_w = width - 2 * pad - 22;
    // at most two lines of headline: the peek has room for no more
    std::string headline = take->headline;
    while (headline.size() > 8 && text_block_height(headline, text_w, bold) > 2.2f * bold->FontSize) {
        size_t n = headline.size() - 1;
        while (n > 0 && (static_cast<unsigned char>(headline[n]) & 0xC0) == 0x80) --n;
        headline.resize(n);
        if (text_block_height(headline + "\xe2\x80\xa6", text_w, bold) <= 2.2f * bold->FontSize) headline += "\xe2\x80\xa6";
    }
    float h = 10 + sb->FontSize + 4 + text_block_height(headline, text_w, bold) + 10;
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("##focus-take", ImVec2(width, h));
    record_control("focus-take");
    bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), hovered ? with_alpha(c.row_hover, 2.2f) : c.row_hover, 12);
    std::string when = describe_story_time(take->published, take->first_seen, viewer.now_unix());
    std::string who = outlet_label(take->outlet) + (when.empty() ? "" : " \xc2\xb7 " + when);
    const std::string& language = take->language;
    draw_text(dl, sb, ImVec2(p.x + pad, p.y + 10), c.text_dim, ellipsize(who, text_w, sb, language), 0, language);
    draw_text(dl, bold, ImVec2(p.x + pad, p.y + 10 + sb->FontSize + 4), c.text, headline, text_w, language);
    dl->AddText(fonts().body, fonts().body->FontSize, ImVec2(p.x + width - 26, p.y + (h - fonts().body->FontSize) / 2),
                hovered ? c.accent : c.text_faint, ICON_CHEVRON_RIGHT);
    if (hovered) ImGui::SetTooltip("Read this take (Enter)");
    if (clicked) viewer.open_story_take();
}

// [SECTION] the list: every country and outlet ---------------------------------------------

// What a click in the list asked for. It is acted on once the list is drawn:
// opening a take rebuilds the story's lists that the loop is walking.
struct ListChoice {
    std::string take_of;  // a country: its take
    std::string article;  // an article of the story, in the reader
    std::string url;      // an outlet's article without one of ours, in a new tab
};

// One article: outlet and time, the headline (and the outlet's own words when
// translated), a link to it in the reader.
void article_row(Viewer& viewer, const StoryMember& m, float width, float clip_top, float clip_bottom, ListChoice& choice) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float pad_x = 12, pad_y = 10;
    float text_w = width - 2 * pad_x - 22;
    bool original = is_translated(m, "headline") && !m.original_headline.empty();
    float h = pad_y + fonts().small_bold->FontSize + 4 + text_block_height(m.headline, text_w, fonts().bold, m.language) +
              (original ? 3 + text_block_height(m.original_headline, text_w, fonts().small, m.language) : 0) + pad_y;
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool linkable = !m.id.empty() || is_openable_url(m.url);
    ImGui::PushID(m.id.empty() ? m.url.c_str() : m.id.c_str());
    bool clicked = ImGui::InvisibleButton("##member", ImVec2(width, h));
    bool hovered = ImGui::IsItemHovered();
    bool focused = nav_focused();
    if (focused) screen_report().focus = "member:" + m.id;
    UiRect rect = last_item_rect();
    ImGui::PopID();
    std::string when = describe_story_time(m.published, m.first_seen, viewer.now_unix());
    std::string who = outlet_label(m.outlet) + (when.empty() ? "" : " \xc2\xb7 " + when);
    screen_report().story.articles.push_back(
        {m.id, m.headline, outlet_label(m.outlet) + " \xc2\xb7 " + m.country, rect, p.y + h > clip_top && p.y < clip_bottom});
    if (hovered && linkable) dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), c.row_hover, 10);
    if (focused) dl->AddRect(p, ImVec2(p.x + width, p.y + h), c.accent, 10, 0, 2);
    float x = p.x + pad_x, y = p.y + pad_y;
    ImFont* sb = fonts().small_bold;
    draw_text(dl, sb, ImVec2(x, y), c.text_dim, ellipsize(who, text_w, sb, m.language), 0, m.language);
    y += sb->FontSize + 4;
    draw_text(dl, fonts().bold, ImVec2(x, y), c.text, m.headline, text_w, m.language);
    y += text_block_height(m.headline, text_w, fonts().bold, m.language);
    if (original) draw_text(dl, fonts().small, ImVec2(x, y + 3), c.text_faint, m.original_headline, text_w, m.language);
    if (linkable)
        dl->AddText(fonts().body, fonts().body->FontSize, ImVec2(p.x + width - 24, p.y + (h - fonts().body->FontSize) / 2),
                    hovered ? c.accent : c.text_faint, m.id.empty() ? ICON_EXTERNAL : ICON_CHEVRON_RIGHT);
    if (hovered && linkable) ImGui::SetTooltip("%s", m.id.empty() ? "Open this outlet's article in a new tab" : "Read this take");
    if (clicked && linkable) {
        if (m.id.empty()) choice.url = m.url;
        else choice.article = m.id;
    }
}

// A country's group: its badge, name and reach, then its articles. The
// group the walk is at is tinted and kept in view.
void country_group(Viewer& viewer, const CoveringCountry& cc, float width, float clip_top, float clip_bottom,
                   ListChoice& choice) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool focus = cc.iso == viewer.story_focus();
    ImVec2 top = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    // the header picks the country: its take, like a click on the globe
    float hh = 40;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(cc.iso.c_str());
    bool picked = ImGui::InvisibleButton("##country", ImVec2(width, hh));
    bool hovered = ImGui::IsItemHovered();
    UiRect rect = last_item_rect();
    ImGui::PopID();
    std::string name = viewer.country_name(cc.iso);
    std::string reach = plural(cc.outlets, "outlet", "outlets") + " \xc2\xb7 " +
                        plural(int(cc.articles.size()), "article", "articles");
    screen_report().story.countries.push_back({cc.iso, name, reach, rect, p.y + hh > clip_top && p.y < clip_bottom});
    float bw = code_badge(dl, ImVec2(p.x + 12, p.y + 8), cc.iso, 24, focus ? c.selected : with_alpha(c.covering, 0.22f),
                          focus ? IM_COL32(255, 255, 255, 255) : c.covering, fonts().small_bold);
    float x = p.x + 12 + bw + 10;
    ImFont* bold = fonts().bold;
    dl->AddText(bold, bold->FontSize, ImVec2(x, p.y + 11), hovered ? c.accent : c.text,
                ellipsize(name, width * 0.55f, bold).c_str());
    ImFont* small = fonts().small;
    ImVec2 rs = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, reach.c_str());
    dl->AddText(small, small->FontSize, ImVec2(p.x + width - 12 - rs.x, p.y + 13), c.text_dim, reach.c_str());
    if (hovered && cc.take()) ImGui::SetTooltip("Read %s's take", name.c_str());
    for (const StoryMember& m : cc.articles) article_row(viewer, m, width, clip_top, clip_bottom, choice);
    vspace(6);
    ImGui::EndGroup();
    ImVec2 bottom = ImGui::GetItemRectMax();
    dl->ChannelsSetCurrent(0);
    if (focus) {
        dl->AddRectFilled(top, ImVec2(top.x + width, bottom.y), with_alpha(c.covering, 0.09f), 14);
        dl->AddRect(top, ImVec2(top.x + width, bottom.y), with_alpha(c.covering, 0.45f), 14, 0, 1.5f);
    }
    dl->ChannelsMerge();
    // the walk moved here: bring the group into view (not when the view opens at it)
    if (focus && state.shown_focus != viewer.story() + "/" + cc.iso) {
        if (!state.shown_focus.empty()) ImGui::SetScrollFromPosY(top.y - ImGui::GetWindowPos().y, 0.15f);
        state.shown_focus = viewer.story() + "/" + cc.iso;
    }
    if (picked) choice.take_of = cc.iso;
    vspace(8);
}

void world_take(const ShownStory& s, float width) {
    if (s.world_take.empty()) return;
    world_take_card(s.world_take, "", width);
    screen_report().story.world_take = s.world_take;
    vspace(18);
}

// A swipe left or right over the panel walks on (phones; a mouse drag too).
void swipe_to_walk(Viewer& viewer) {
    Swipe& sw = state.swipe;
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                                           ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        sw = {true, false, io.MousePos};
    if (!sw.down) return;
    float dx = io.MousePos.x - sw.start.x, dy = io.MousePos.y - sw.start.y;
    if (!sw.swiping && std::fabs(dx) > 14 && std::fabs(dx) > 1.5f * std::fabs(dy)) {
        sw.swiping = true;
        if (GImGui->ActiveId != 0) ImGui::ClearActiveID();  // what it began on is not clicked
    }
    if (ImGui::IsMouseDown(0)) return;
    if (sw.swiping && std::fabs(dx) > 56) viewer.step_story(dx < 0 ? +1 : -1);
    sw = {};
}

void loading(float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < 4; ++i) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        skeleton(dl, ImVec2(p.x + 12, p.y + 8), ImVec2(p.x + 36, p.y + 32), 6);
        skeleton(dl, ImVec2(p.x + 46, p.y + 12), ImVec2(p.x + width * 0.5f, p.y + 26), 6);
        skeleton(dl, ImVec2(p.x + 12, p.y + 46), ImVec2(p.x + width - 12, p.y + 60), 6);
        skeleton(dl, ImVec2(p.x + 12, p.y + 68), ImVec2(p.x + width * 0.7f, p.y + 82), 6);
        ImGui::Dummy(ImVec2(width, 100));
    }
}

}  // namespace

void draw_story_view(Viewer& viewer, const Layout& l) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    report.panel = "story";
    report.story.id = viewer.story();
    const ShownStory& s = viewer.shown_story();
    const StoryEntry* entry = viewer.story_entry();
    report.story.from_document = s.from_document;
    // ←/→ walk the story (the viewer has them): keep keyboard navigation off
    // them, so Enter reads the walk's take, not an item the arrows wandered to
    ImGuiID walk_keys = ImGui::GetID("##walk-keys");
    ImGui::SetKeyOwner(ImGuiKey_LeftArrow, walk_keys);
    ImGui::SetKeyOwner(ImGuiKey_RightArrow, walk_keys);
    float pad = l.phone ? 16 : 20;
    float ww = ImGui::GetWindowWidth();
    float width = std::min(ww - 2 * pad, kMeasureEm * ImGui::GetFontSize());
    float left = (ww - width) / 2;
    header(viewer, l, pad);
    bool have = !s.countries.empty();
    if (have) {
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + left, ImGui::GetCursorScreenPos().y));
        title(viewer, s, l, width);
        vspace(12);
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + left, ImGui::GetCursorScreenPos().y));
        walk_bar(viewer, s, width);
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + left, ImGui::GetCursorScreenPos().y + 8));
        focus_take(viewer, s, width);
        if (!l.phone) {
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + left, ImGui::GetCursorScreenPos().y + 6));
            text_block("The arrow keys walk the countries; Enter reads the take.", width, fonts().small, c.text_faint);
        }
    }
    vspace(10);
    float line_y = ImGui::GetCursorScreenPos().y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(ImGui::GetWindowPos().x, line_y), ImVec2(ImGui::GetWindowPos().x + ww, line_y),
                                        c.divider);
    float child_h = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - line_y -
                    (l.phone ? l.panel_size.y - l.sheet_visible : 0) - 2;
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x, line_y + 1));
    if (state.drawn_story != viewer.story()) {
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
        state.drawn_story = viewer.story();
        state.shown_focus.clear();
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::BeginChild("##story", ImVec2(ww, std::max(60.0f, child_h)), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowHeight();
    vspace(14);
    ImGui::SetCursorPosX(left);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(width, 0));
    bool failed = entry && !entry->loaded && !entry->load.loading && !entry->load.error.ok();
    if (failed) {
        report.error = entry->load.error.message;
        if (have) {
            if (inline_banner(ICON_WARNING, c.error,
                              "The whole story couldn't be loaded; these are the takes the article lists. " +
                                  entry->load.error.message,
                              "Try again", "retry"))
                viewer.retry_story();
            vspace(14);
        } else if (state_card(ICON_WARNING, c.error, "Couldn't open this story", entry->load.error.message, "Try again",
                              "retry")) {
            viewer.retry_story();
        }
    }
    if (have) {
        report.status = "ready";
        world_take(s, width);
        ImGui::PushFont(fonts().small_bold);
        text_coloured(c.text_dim, "EVERY COUNTRY AND OUTLET");
        ImGui::PopFont();
        vspace(8);
        ListChoice choice;
        for (const CoveringCountry& cc : s.countries) country_group(viewer, cc, width, clip_top, clip_bottom, choice);
        if (!s.from_document && entry && entry->load.loading) {
            text_block("Loading every outlet of the story\xe2\x80\xa6", width, fonts().small, c.text_faint);
        }
        if (!choice.take_of.empty()) viewer.open_story_take(choice.take_of);
        else if (!choice.article.empty()) viewer.open_story_article(choice.article);
        else if (!choice.url.empty()) web::open_in_new_tab(choice.url);
    } else if (failed) {
        report.status = "error";
    } else {
        report.status = "loading";
        loading(width);
    }
    ImGui::EndGroup();
    vspace(28);
    drag_scroll();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    swipe_to_walk(viewer);  // over the whole panel, the walk bar included
}

}  // namespace ng::ui
