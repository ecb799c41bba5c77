// reader — an article in the panel, replacing the story list: a toolbar
// (back to the list, previous/next story, copy link, open original, close),
// the main picture, headline, outlet, country and date, where the text came
// from (translated from which language, by whom, when) and the original
// headline, the summary, The World's Current Take, the body with its topic
// sections at a comfortable measure, and the Alternative Takes of other
// countries' outlets, each a link to that take. Loading and error states
// are designed like the rest; a failed article can be retried.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/local_time.hpp"
#include "core/text_script.hpp"
#include "core/time_format.hpp"
#include "core/url_util.hpp"
#include "web/browser.hpp"
#include "ui/frame.hpp"
#include "ui/icons.hpp"
#include "ui/images.hpp"
#include "core/languages.hpp"
#include "ui/panels.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

static struct {
    std::string drawn_article;  // scroll to the top when the article changes
} state;

constexpr float kMeasureEm = 34;  // body text wraps at most ~34 em (~70 characters)

// "Published 2 h ago · 25 Nov 2026, 18:28 UTC" — or "First seen …" when the
// publication time is unknown: a first-seen time is never called published.
std::string time_line(const StorySummary& s, int64_t now) {
    std::string rel = describe_story_time(s.published, s.first_seen, now);
    if (rel.empty()) return "";
    const Timestamp& t = s.published.known() ? s.published : s.first_seen;
    std::string exact = format_date(t.seconds) + ", " + format_clock(t.seconds) + " UTC";
    if (s.published.known()) {
        if (rel == format_date(t.seconds)) return "Published " + exact;
        return "Published " + rel + " \xc2\xb7 " + exact;
    }
    // describe_story_time says "first seen 3 h ago"
    std::string line = rel;
    if (!line.empty()) line[0] = char(std::toupper(static_cast<unsigned char>(line[0])));
    if (line.find(format_date(t.seconds)) == std::string::npos) line += " \xc2\xb7 " + exact;
    return line;
}

// Where the text came from, honestly.
std::string provenance(const Article& a) {
    if (a.translation) {
        const Translation& t = *a.translation;
        std::string from = !t.from.empty() ? t.from : a.language;
        std::string line = from.empty() ? "Machine-translated" : "Translated from " + language_name(from);
        if (!t.by.empty()) line += " by " + t.by;
        if (t.at.known()) line += ", " + format_date(t.at.seconds);
        return line + ".";
    }
    if (!a.language.empty()) {
        std::string lang = language_name(a.language);
        return a.language == "en" ? "Written in English." : "In " + lang + ", as published (not translated).";
    }
    return "";
}

const StorySummary* known_summary(const Viewer& viewer) {
    if (const CountryStories* s = viewer.news().stories(viewer.country()))
        for (const StorySummary& st : s->stories)
            if (st.id == viewer.article()) return &st;
    return nullptr;
}

void toolbar(Viewer& viewer, const ArticleEntry* a, float pad) {
    const Colours& c = colours();
    ImVec2 wp = ImGui::GetWindowPos();
    float ww = ImGui::GetWindowWidth();
    float y = ImGui::GetCursorScreenPos().y;
    std::string iso = a && a->loaded ? a->article.country : viewer.country();
    // back to the country's list
    ImGui::SetCursorScreenPos(ImVec2(wp.x + pad - 8, y));
    std::string back = iso.empty() ? std::string("Back") : viewer.country_name(iso);
    ImFont* bold = fonts().bold;
    float max_back = ww - 2 * pad - 5 * 38;
    back = ellipsize(back, max_back - 40, bold);
    float bw = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, back.c_str()).x + 44;
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##back", ImVec2(bw, 36))) viewer.close_top();
    record_control("back");
    bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetItemTooltip("Back to the list (Esc)");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered || ImGui::IsItemActive()) dl->AddRectFilled(p, ImVec2(p.x + bw, p.y + 36), with_alpha(c.row_hover, 2.2f), 18);
    dl->AddText(fonts().body, fonts().body->FontSize, ImVec2(p.x + 12, p.y + 9), c.accent, ICON_ARROW_LEFT);
    dl->AddText(bold, bold->FontSize, ImVec2(p.x + 34, p.y + 8), c.text, back.c_str());

    // previous / next in the list, copy link, open original, close
    std::vector<const StorySummary*> list = viewer.visible_stories();
    int index = -1;
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i]->id == viewer.article()) index = int(i);
    float x = wp.x + ww - pad + 6 - 36;
    if (viewer.locked_country().empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (icon_button("##reader-close", ICON_CLOSE, "Close")) viewer.navigate({});
        record_control("close");
    } else {
        x += 38;  // a locked viewer has nowhere else to go
    }
    bool openable = a && a->loaded && is_openable_url(a->article.url);
    x -= 38;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (icon_button("##open-original", ICON_EXTERNAL, openable ? "Open the original article" : "No link to the original",
                    36, openable))
        web::open_in_new_tab(a->article.url);
    record_control("open-original");
    x -= 38;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (icon_button("##copy-link", ICON_LINK, "Copy a link to this story")) {
        web::copy_to_clipboard(viewer.link());
        show_toast("Link copied");
    }
    record_control("copy-link");
    x -= 42;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (icon_button("##next", ICON_CHEVRON_RIGHT, "Next story (\xe2\x86\x92)", 36, index >= 0 && index + 1 < int(list.size())))
        viewer.step_article(+1);
    record_control("next");
    x -= 36;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (icon_button("##prev", ICON_CHEVRON_LEFT, "Previous story (\xe2\x86\x90)", 36, index > 0)) viewer.step_article(-1);
    record_control("prev");
    ImGui::SetCursorScreenPos(ImVec2(wp.x, y + 36 + 8));
}

void byline(Viewer& viewer, const StorySummary& s, const std::string& country, float width) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = 18;
    outlet_avatar(dl, ImVec2(p.x + r, p.y + r + 1), r, s.outlet);
    float x = p.x + 2 * r + 12;
    ImFont* bold = fonts().bold;
    ImFont* small = fonts().small;
    std::string outlet = ellipsize(outlet_label(s.outlet), width - (x - p.x), bold, s.language);
    draw_text(dl, bold, ImVec2(x, p.y), c.text, outlet, 0, s.language);
    std::string line2 = viewer.country_name(country);
    std::string when = time_line(s, viewer.now_unix());
    if (!when.empty()) line2 += " \xc2\xb7 " + when;
    std::string shown = ellipsize(line2, width - (x - p.x), small);
    dl->AddText(small, small->FontSize, ImVec2(x, p.y + bold->FontSize + 3), c.text_dim, shown.c_str());
    ImGui::Dummy(ImVec2(width, 2 * r + 2));
    if (ImGui::IsItemHovered() && shown != line2) ImGui::SetTooltip("%s", line2.c_str());
    ScreenReport& report = screen_report();
    report.reader.outlet = outlet_label(s.outlet);
    report.reader.time = when;
}

void section_heading(const char* text, float width) {
    vspace(10);
    text_block(text, width, fonts().brand, colours().text);
    vspace(4);
}

void paragraph(const std::string& text, float width, const std::string& language) {
    text_block(text, width, fonts().body, with_alpha(colours().text, 0.92f), language);
    vspace(12);
    ++screen_report().reader.paragraphs;
}

void world_take_card(const Article& a, float width) {
    const Colours& c = colours();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float pad = 16;
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + pad - 2));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().small_bold);
    text_coloured(c.accent, ICON_GLOBE "  THE WORLD'S CURRENT TAKE");
    ImGui::PopFont();
    vspace(2);
    text_block(a.world_take, width - 2 * pad, fonts().body, c.text);
    if (a.coverage && *a.coverage > 1) {
        vspace(2);
        std::string n = "Synthesised from the press of " + std::to_string(*a.coverage) + " countries.";
        text_block(n, width - 2 * pad, fonts().small, c.text_dim);
    }
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y + pad;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p, ImVec2(p.x + width, bottom), c.accent_soft, 14);
    dl->AddRectFilled(p, ImVec2(p.x + 4, bottom), c.accent, 14, ImDrawFlags_RoundCornersLeft);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(width, bottom - p.y));
    screen_report().reader.world_take = a.world_take;
}

void alternative_takes(Viewer& viewer, const Article& a, float width, float clip_top, float clip_bottom) {
    const Colours& c = colours();
    if (a.alternative_takes.empty()) return;
    section_heading("Alternative Takes", width);
    std::string sub = "How " + std::to_string(a.alternative_takes.size()) +
                      (a.alternative_takes.size() == 1 ? " other outlet tells" : " other outlets tell") +
                      " this story. Their countries are lit on the globe; click one there or here.";
    text_block(sub, width, fonts().small, c.text_dim);
    vspace(10);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ScreenReport& report = screen_report();
    for (size_t i = 0; i < a.alternative_takes.size(); ++i) {
        const AlternativeTake& t = a.alternative_takes[i];
        bool linkable = !t.article_id.empty() || is_openable_url(t.url);
        float inner_x = 14 + 34 + 12, right_pad = 34;
        float text_w = width - inner_x - right_pad;
        std::string country = viewer.country_name(t.country);
        std::string head = t.headline.empty() ? std::string("(no headline)") : t.headline;
        std::string hint = text::language_of_country(t.country);  // the take's language is not known: its country's
        float h = 14 + fonts().small_bold->FontSize + 4 + text_block_height(head, text_w, fonts().bold, hint) +
                  (t.angle.empty() ? 0 : 4 + text_block_height(t.angle, text_w, fonts().small)) + 14;
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::PushID(int(i));
        bool clicked = ImGui::InvisibleButton("##take", ImVec2(width, h), linkable ? 0 : ImGuiButtonFlags_None);
        bool hovered = ImGui::IsItemHovered();
        bool focused = nav_focused();
        if (focused) report.focus = "take:" + t.article_id;
        UiRect rect = last_item_rect();
        ImGui::PopID();
        report.takes.push_back({t.article_id, t.headline, t.country, rect, p.y + h > clip_top && p.y < clip_bottom});
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), hovered && linkable ? with_alpha(c.row_hover, 2.4f) : c.row_hover, 12);
        if (focused) dl->AddRect(p, ImVec2(p.x + width, p.y + h), c.accent, 12, 0, 2);
        code_badge(dl, ImVec2(p.x + 14, p.y + 14), t.country.empty() ? "?" : t.country, 26, with_alpha(c.covering, 0.22f),
                   c.covering, fonts().small_bold);
        float x = p.x + inner_x, y = p.y + 13;
        ImFont* sb = fonts().small_bold;
        std::string who = outlet_label(t.outlet);
        if (!country.empty() && country != t.country) who += " \xc2\xb7 " + country;
        draw_text(dl, sb, ImVec2(x, y), c.text_dim, ellipsize(who, text_w, sb, hint), 0, hint);
        y += sb->FontSize + 4;
        draw_text(dl, fonts().bold, ImVec2(x, y), c.text, head, text_w, hint);
        y += text_block_height(head, text_w, fonts().bold, hint);
        if (!t.angle.empty()) {
            y += 4;
            draw_text(dl, fonts().small, ImVec2(x, y), c.text_dim, t.angle, text_w);
        }
        if (linkable)
            dl->AddText(fonts().body, fonts().body->FontSize,
                        ImVec2(p.x + width - 26, p.y + (h - fonts().body->FontSize) / 2), hovered ? c.accent : c.text_faint,
                        t.article_id.empty() ? ICON_EXTERNAL : ICON_CHEVRON_RIGHT);
        if (hovered && linkable)
            ImGui::SetTooltip("%s", t.article_id.empty() ? "Open this outlet's article in a new tab" : "Read this take");
        if (clicked && linkable) {
            if (!t.article_id.empty()) viewer.navigate({Route::Article, t.article_id});
            else web::open_in_new_tab(t.url);
        }
        vspace(8);
    }
}

void article_view(Viewer& viewer, const Article& a, float width, float clip_top, float clip_bottom) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    report.reader.loaded = true;
    report.reader.headline = a.headline;
    report.reader.country = a.country;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // picture
    if (!a.image.empty()) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImVec2 b(p.x + width, p.y + std::round(width * 9 / 16));
        if (!draw_image_cover(dl, a.image, p, b, 14)) {
            ImageTexture t;
            image_placeholder(dl, p, b, 14, a.outlet, image(a.image, &t) == ImageState::Loading);
        }
        ImGui::Dummy(ImVec2(width, b.y - p.y));
        vspace(14);
    }
    text_block(a.headline, width, fonts().title, c.text, a.language);
    vspace(12);
    byline(viewer, a, a.country, width);
    vspace(12);
    // where the text came from
    std::string prov = provenance(a);
    report.reader.provenance = prov;
    bool show_original = a.translation && !a.original_headline.empty() && a.original_headline != a.headline;
    if (!prov.empty() || show_original) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 10));
        ImGui::BeginGroup();
        if (!prov.empty()) text_block(std::string(ICON_LANGUAGE "  ") + prov, width - 24, fonts().small, c.text_dim);
        if (show_original) {
            vspace(4);
            text_block("Original headline", width - 24, fonts().small_bold, c.text_faint);
            text_block(a.original_headline, width - 24, fonts().small, c.text, a.language);
            report.reader.original_headline = a.original_headline;
        }
        ImGui::EndGroup();
        float bottom = ImGui::GetItemRectMax().y + 10;
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(p, ImVec2(p.x + width, bottom), c.panel_raised, 10);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(p);
        ImGui::Dummy(ImVec2(width, bottom - p.y));
        vspace(16);
    }
    if (!a.summary.empty()) {
        text_block(a.summary, width, fonts().bold, c.text, a.language);
        vspace(16);
    }
    if (!a.world_take.empty()) {
        world_take_card(a, width);
        vspace(18);
    }
    for (const std::string& para : a.body) paragraph(para, width, a.language);
    for (const Section& s : a.sections) {
        if (!s.heading.empty()) section_heading(s.heading.c_str(), width);
        for (const std::string& para : s.paragraphs) paragraph(para, width, a.language);
    }
    if (a.excerpt_only || (a.body.empty() && a.sections.empty())) {
        inline_banner(ICON_INFO, c.accent,
                      a.excerpt_only ? "This source gives only an excerpt. The full article is at the outlet."
                                     : "This source doesn't include the article's text.",
                      nullptr, nullptr);
        vspace(8);
    }
    alternative_takes(viewer, a, width, clip_top, clip_bottom);
    // actions
    vspace(10);
    bool openable = is_openable_url(a.url);
    if (openable) {
        if (primary_button(ICON_EXTERNAL "  Open original")) web::open_in_new_tab(a.url);
        record_control("open-original-footer");
        ImGui::SameLine(0, 10);
    }
    if (secondary_button(ICON_LINK "  Copy link")) {
        web::copy_to_clipboard(viewer.link());
        show_toast("Link copied");
    }
    record_control("copy-link-footer");
    std::string domain = url_host(a.url);
    if (domain.empty()) domain = a.outlet.domain;
    if (!domain.empty()) {
        vspace(10);
        text_block("Source: " + domain, width, fonts().small, c.text_faint);
    }
}

void loading_view(const StorySummary* known, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (!known || !known->image.empty()) {
        skeleton(dl, p, ImVec2(p.x + width, p.y + std::round(width * 9 / 16)), 14);
        ImGui::Dummy(ImVec2(width, std::round(width * 9 / 16)));
        vspace(14);
    }
    if (known) {
        text_block(known->headline, width, fonts().title, colours().text, known->language);
        screen_report().reader.headline = known->headline;
    } else {
        p = ImGui::GetCursorScreenPos();
        skeleton(dl, p, ImVec2(p.x + width, p.y + 20), 6);
        skeleton(dl, ImVec2(p.x, p.y + 30), ImVec2(p.x + width * 0.7f, p.y + 50), 6);
        ImGui::Dummy(ImVec2(width, 50));
    }
    vspace(14);
    p = ImGui::GetCursorScreenPos();
    dl->AddCircleFilled(ImVec2(p.x + 18, p.y + 18), 18, colours().skeleton, 24);
    skeleton(dl, ImVec2(p.x + 48, p.y + 4), ImVec2(p.x + 48 + width * 0.4f, p.y + 16), 5);
    skeleton(dl, ImVec2(p.x + 48, p.y + 24), ImVec2(p.x + 48 + width * 0.6f, p.y + 34), 5);
    ImGui::Dummy(ImVec2(width, 40));
    vspace(20);
    for (int i = 0; i < 9; ++i) {
        p = ImGui::GetCursorScreenPos();
        float f = (i % 4 == 3) ? 0.55f : 1.0f;
        skeleton(dl, p, ImVec2(p.x + width * f, p.y + 12), 5);
        ImGui::Dummy(ImVec2(width, i % 4 == 3 ? 34 : 22));
    }
}

}  // namespace

void draw_reader(Viewer& viewer, const Layout& l) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    report.panel = "reader";
    report.reader.id = viewer.article();
    const ArticleEntry* a = viewer.news().article(viewer.article());
    report.country = a && a->loaded ? a->article.country : viewer.country();
    report.country_name = report.country.empty() ? "" : viewer.country_name(report.country);
    float pad = l.phone ? 16 : 20;
    toolbar(viewer, a, pad);
    float line_y = ImGui::GetCursorScreenPos().y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(ImGui::GetWindowPos().x, line_y),
                                        ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), line_y), c.divider);
    float child_h = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - line_y - (l.phone ? l.panel_size.y - l.sheet_visible : 0) - 2;
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x, line_y + 1));
    if (state.drawn_article != viewer.article()) {
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
        state.drawn_article = viewer.article();
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::BeginChild("##reader", ImVec2(ImGui::GetWindowWidth(), std::max(60.0f, child_h)), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowHeight();
    float avail = ImGui::GetWindowWidth() - 2 * pad;
    float width = std::min(avail, kMeasureEm * ImGui::GetFontSize());
    float left = pad + (avail - width) / 2;
    vspace(16);
    ImGui::SetCursorPosX(left);
    ImGui::BeginGroup();
    if (a && a->loaded) {
        report.status = "ready";
        article_view(viewer, a->article, width, clip_top, clip_bottom);
    } else if (a && !a->load.error.ok() && !a->load.loading) {
        report.status = "error";
        report.error = a->load.error.message;
        ImGui::Dummy(ImVec2(width, 0));
        if (state_card(ICON_WARNING, c.error, "Couldn't open this story", a->load.error.message, "Try again", "retry"))
            viewer.retry_article();
    } else {
        report.status = "loading";
        loading_view(known_summary(viewer), width);
    }
    ImGui::EndGroup();
    vspace(32);
    drag_scroll();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace ng::ui
