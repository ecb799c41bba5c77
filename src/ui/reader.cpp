// reader — an article in the panel, replacing the story list: a toolbar
// (back to the list, previous/next story, copy link, open original, close;
// in a take opened from the story view, previous/next country's take), the
// main picture (or the outlet's monogram), headline, outlet, country and
// date, beside each translated field who translated it and when with the
// outlet's own words under it, the browser's own translation on request for
// a headline nobody translated, the summary, an excerpt's "Read at <outlet>",
// The World's Current Take, the story across borders, the body with its
// topic sections at a comfortable measure and its licence, and the
// Alternative Takes of other countries' outlets, each a link to that take.
// Loading and error states are designed like the rest; a failed article can
// be retried.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/local_time.hpp"
#include "core/provenance.hpp"
#include "core/text_script.hpp"
#include "core/time_format.hpp"
#include "core/url_util.hpp"
#include "web/browser.hpp"
#include "ui/cards.hpp"
#include "ui/clipped_list.hpp"
#include "ui/frame.hpp"
#include "ui/icons.hpp"
#include "ui/images.hpp"
#include "core/languages.hpp"
#include "ui/panels.hpp"
#include "ui/style.hpp"
#include "ui/screen_report.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {
namespace {

static struct {
    std::string drawn_article;  // scroll to the top when the article changes
    ClippedList takes;          // only the takes on screen are drawn
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
    // a take opened from the story view goes back to it
    std::string back = viewer.walking_story() ? std::string("Whole story")
                       : iso.empty()          ? std::string("Back")
                                              : viewer.country_name(iso);
    ImFont* bold = fonts().bold;
    float max_back = ww - 2 * pad - 5 * 38;
    back = ellipsize(back, max_back - 40, bold);
    float bw = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, back.c_str()).x + 44;
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##back", ImVec2(bw, 36))) viewer.close_top();
    record_control("back");
    bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetItemTooltip(viewer.walking_story() ? "Back to every country's take (Esc)" : "Back to the list (Esc)");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered || ImGui::IsItemActive()) dl->AddRectFilled(p, ImVec2(p.x + bw, p.y + 36), with_alpha(c.row_hover, 2.2f), 18);
    dl->AddText(fonts().body, fonts().body->FontSize, ImVec2(p.x + 12, p.y + 9), c.accent, ICON_ARROW_LEFT);
    dl->AddText(bold, bold->FontSize, ImVec2(p.x + 34, p.y + 8), c.text, back.c_str());

    // previous / next in the list (or the story's countries), copy link, open original, close
    const std::vector<const StorySummary*>& list = viewer.visible_stories();
    int index = -1, count = int(list.size());
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i]->id == viewer.article()) index = int(i);
    bool walking = viewer.walking_story();
    if (walking) {
        index = -1, count = int(viewer.shown_story().countries.size());
        for (int i = 0; i < count; ++i)
            if (a && a->loaded && viewer.shown_story().countries[size_t(i)].iso == a->article.country) index = i;
    }
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
    const char* next_tip = walking ? "Next country's take (right arrow key)" : "Next story (\xe2\x86\x92)";
    const char* prev_tip = walking ? "Previous country's take (left arrow key)" : "Previous story (\xe2\x86\x90)";
    if (icon_button("##next", ICON_CHEVRON_RIGHT, next_tip, 36, index >= 0 && index + 1 < count))
        walking ? viewer.step_story(+1) : viewer.step_article(+1);
    record_control("next");
    x -= 36;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (icon_button("##prev", ICON_CHEVRON_LEFT, prev_tip, 36, index > 0))
        walking ? viewer.step_story(-1) : viewer.step_article(-1);
    record_control("prev");
    ImGui::SetCursorScreenPos(ImVec2(wp.x, y + 36 + 8));
}

// In a take opened from the story view: where the walk is ("Take 2 of 4 ·
// Kenya"), under the toolbar whose arrows walk on.
void walk_strip(Viewer& viewer, const ArticleEntry* a, float pad) {
    if (!viewer.walking_story() || !a || !a->loaded) return;
    const std::vector<CoveringCountry>& list = viewer.shown_story().countries;
    int index = 0;
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i].iso == a->article.country) index = int(i) + 1;
    std::string line = "Take " + std::to_string(index) + " of " + std::to_string(list.size()) + " \xc2\xb7 " +
                       viewer.country_name(a->article.country);
    screen_report().reader.walk = line;
    ImVec2 wp = ImGui::GetWindowPos();
    ImGui::SetCursorScreenPos(ImVec2(wp.x + pad, ImGui::GetCursorScreenPos().y - 2));
    ImGui::PushFont(fonts().small_bold);
    text_coloured(colours().covering, (std::string(ICON_SITEMAP "  ") + line).c_str());
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(wp.x, ImGui::GetCursorScreenPos().y + 6));
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

void reader_world_take(const Article& a, float width) {
    std::string note;
    if (a.coverage && *a.coverage > 1) note = "Synthesised from the press of " + std::to_string(*a.coverage) + " countries.";
    world_take_card(a.world_take, note, width);
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
    report.take_count = int(a.alternative_takes.size());
    const float inner_x = 14 + 34 + 12, right_pad = 34, gap = 8;
    const float text_w = width - inner_x - right_pad;
    auto card_height = [&](const AlternativeTake& t) {
        const std::string& head = t.headline.empty() ? std::string("(no headline)") : t.headline;
        std::string hint = text::language_of_country(t.country);
        return 14 + fonts().small_bold->FontSize + 4 + text_block_height(head, text_w, fonts().bold, hint) +
               (t.angle.empty() ? 0 : 4 + text_block_height(t.angle, text_w, fonts().small)) + 14;
    };
    // an article's takes do not change once loaded: their layout depends on which article, how wide, which fonts
    LayoutKey key;
    key << width << fonts().bold->FontSize << a.alternative_takes.size();
    key.add(a.id.data(), a.id.size());
    ClippedList::Range shown = state.takes.layout(
        key.value(), int(a.alternative_takes.size()),
        [&](int i) { return card_height(a.alternative_takes[size_t(i)]) + gap; }, ImGui::GetCursorScreenPos().y,
        clip_top, clip_bottom);
    state.takes.skip(0, shown.first);
    for (size_t i = size_t(shown.first); i < size_t(shown.last); ++i) {
        const AlternativeTake& t = a.alternative_takes[i];
        bool linkable = !t.article_id.empty() || is_openable_url(t.url);
        std::string country = viewer.country_name(t.country);
        std::string head = t.headline.empty() ? std::string("(no headline)") : t.headline;
        std::string hint = text::language_of_country(t.country);  // the take's language is not known: its country's
        float h = card_height(t);
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
        vspace(gap);
    }
    state.takes.skip(shown.last, int(a.alternative_takes.size()));
}

// [SECTION] provenance --------------------------------------------------------------------

// Who translated the field just above, in a quiet line beside it.
void provenance_tag(const std::string& label, float width) {
    vspace(6);
    text_block(std::string(ICON_LANGUAGE "  ") + label, width, fonts().small, colours().text_dim);
}

// The outlet's own words under a translation: a caption, then the text on a
// thin rule, or why it can't be shown in this font.
void original_text(const char* what, const std::string& text, const std::string& language, float width) {
    const Colours& c = colours();
    std::string lang = language.empty() ? std::string("original") : language_name(language);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    vspace(8);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y));
    ImGui::BeginGroup();
    std::string caption = std::string("ORIGINAL ") + what + " \xc2\xb7 " + lang;
    for (char& ch : caption) ch = char(std::toupper(static_cast<unsigned char>(ch)));
    text_block(caption, width - 14, fonts().small_bold, c.text_faint);
    vspace(2);
    text_block(text, width - 14, fonts().body, c.text, language);
    ImGui::EndGroup();
    dl->AddRectFilled(p, ImVec2(p.x + 3, ImGui::GetItemRectMax().y), with_alpha(c.text_dim, 0.45f), 2);
}

// A headline nobody translated: the browser's own translator, on request,
// under the original (which stays the headline), labelled as the browser's.
void browser_translation(Viewer& viewer, float width) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    if (!viewer.browser_translation_offered()) return;
    const BrowserTranslation* t = viewer.browser_translation();
    report.reader.browser_translation = !t ? "offered"
                                        : t->state == BrowserTranslation::Translating ? "translating"
                                        : t->state == BrowserTranslation::Done        ? "done"
                                                                                      : "failed";
    vspace(10);
    if (t && t->state == BrowserTranslation::Done) {
        report.reader.browser_text = t->text;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y));
        ImGui::BeginGroup();
        text_block(ICON_LANGUAGE "  TRANSLATED BY YOUR BROWSER", width - 14, fonts().small_bold, c.accent);
        vspace(2);
        text_block(t->text, width - 14, fonts().bold, c.text);
        ImGui::EndGroup();
        dl->AddRectFilled(p, ImVec2(p.x + 3, ImGui::GetItemRectMax().y), c.accent, 2);
        return;
    }
    if (t && t->state == BrowserTranslation::Translating) {
        text_block(ICON_LANGUAGE "  Translating in your browser\xe2\x80\xa6", width, fonts().small, c.text_dim);
        return;  // the answer wakes the app
    }
    if (t) {
        report.reader.browser_text = t->text;
        text_block(t->text, width, fonts().small, c.error);
        vspace(6);
    }
    ImGui::PushFont(fonts().small_bold);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 8);
    bool pressed = ImGui::Button(t ? ICON_LANGUAGE "  Try your browser's translation again"
                                   : ICON_LANGUAGE "  Translate with your browser");
    ImGui::PopStyleVar(2);
    ImGui::PopFont();
    record_control("browser-translate");
    if (ImGui::IsItemHovered())
        ImGui::SetItemTooltip("Your browser translates the headline on this device; the original stays as it is.");
    if (pressed) viewer.translate_with_browser();
}

// The headline's provenance: its translation label and the outlet's own
// headline, a "not translated" note, or the browser's offer.
void headline_provenance(Viewer& viewer, const Article& a, float width) {
    ScreenReport& report = screen_report();
    if (is_translated(a, "headline")) {
        std::string label = translation_label(a, true);
        report.reader.provenance = label;
        provenance_tag(label, width);
        if (!a.original_headline.empty() && a.original_headline != a.headline) {
            original_text("headline", a.original_headline, original_language(a), width);
            report.reader.original_headline = a.original_headline;
        }
    } else if (std::string note = untranslated_note(a); !note.empty()) {
        report.reader.provenance = note;
        provenance_tag(note, width);
        browser_translation(viewer, width);
    }
}

// The summary, its provenance, and the outlet's own summary.
void summary_with_provenance(const Article& a, float width) {
    ScreenReport& report = screen_report();
    if (a.summary.empty()) return;
    report.reader.summary = a.summary;
    text_block(a.summary, width, fonts().bold, colours().text, a.language);
    if (is_translated(a, "summary")) {
        report.reader.summary_provenance = translation_label(a, true);
        provenance_tag(report.reader.summary_provenance, width);
        if (!a.original_summary.empty() && a.original_summary != a.summary) {
            original_text("summary", a.original_summary, original_language(a), width);
            report.reader.original_summary = a.original_summary;
        }
    }
    vspace(16);
}

// [SECTION] rights ------------------------------------------------------------------------

// "Read at <outlet>": the full article is on the outlet's own site.
bool read_at_button(const Article& a, float width) {
    if (!is_openable_url(a.url)) return false;
    ImFont* bold = fonts().bold;
    std::string outlet = ellipsize(outlet_label(a.outlet), width - 140, bold, a.language);
    std::string label = std::string(ICON_EXTERNAL "  Read at ") + outlet;
    bool engine = needs_text_engine(bold, outlet);  // an outlet's name in a script the atlas lacks
    if (primary_button(engine ? "##read-at" : label.c_str(), ImVec2(width, 0))) web::open_in_new_tab(a.url);
    if (engine) {  // the icon from the atlas, the words from the browser's text engine
        ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        std::string words = "Read at " + outlet;
        float icon_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, ICON_EXTERNAL "  ").x;
        float x = std::round((lo.x + hi.x - icon_w - text_width(bold, words, a.language)) / 2);
        float y = std::round((lo.y + hi.y - bold->FontSize) / 2);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddText(bold, bold->FontSize, ImVec2(x, y), colours().on_accent, ICON_EXTERNAL);
        draw_text(dl, bold, ImVec2(x + icon_w, y), colours().on_accent, words, 0, a.language);
    }
    record_control("read-at");
    if (ImGui::IsItemHovered()) ImGui::SetItemTooltip("%s", a.url.c_str());
    screen_report().reader.read_at = "Read at " + outlet_label(a.outlet);
    return true;
}

// An excerpt (or an article without text): why there is no body, and the
// way to the outlet's own page.
void excerpt_card(const Article& a, float width) {
    const Colours& c = colours();
    screen_report().reader.excerpt = a.excerpt_only;
    CardFrame card = begin_card(width);
    float inner = width - 2 * card.pad;
    std::string outlet = outlet_label(a.outlet);
    text_block(a.excerpt_only ? ICON_FILE_TEXT "  EXCERPT" : ICON_FILE_TEXT "  NO ARTICLE TEXT", inner, fonts().small_bold,
               c.text_dim);
    vspace(4);
    // an English sentence starts with an English word: an outlet's name in
    // Arabic or Hebrew first would set the whole paragraph right to left
    std::string why = a.excerpt_only
                          ? "The terms of " + outlet + " let newsglobe show the headline and this short summary. "
                                                       "The whole article is on its own site."
                          : "This source doesn't include the article's text.";
    if (!is_openable_url(a.url)) why += " The outlet gave no link to it.";
    text_block(why, inner, fonts().small, c.text);
    vspace(12);
    ImGui::Dummy(ImVec2(inner, 0));
    read_at_button(a, inner);
    end_card(card, c.panel_raised, c.panel_border);
    vspace(18);
}

// "Text: CC BY 4.0", a link to where the licence is stated.
void licence_line(const Article& a, float width) {
    if (a.licence.empty()) return;
    const Colours& c = colours();
    std::string label = "Text: " + licence_label(a.licence);
    screen_report().reader.licence = label;
    bool openable = is_openable_url(a.licence_url);
    ImFont* f = fonts().small_bold;
    std::string shown = std::string(ICON_CREATIVE_COMMONS "  ") + label + (openable ? "  " ICON_EXTERNAL : "");
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shown.c_str());
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("##licence", ImVec2(std::min(width, ts.x + 8), ts.y + 8));
    record_control("licence");
    bool hovered = ImGui::IsItemHovered();
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, ImVec2(p.x, p.y + 4), openable && hovered ? c.accent : c.text_dim,
                                        shown.c_str());
    if (hovered && openable) ImGui::SetItemTooltip("The licence: %s", a.licence_url.c_str());
    if (clicked && openable) web::open_in_new_tab(a.licence_url);
    vspace(8);
}

// [SECTION] across borders ---------------------------------------------------------------

// How many countries' press cover the story, and the way to see them all.
void story_card(Viewer& viewer, const Article& a, float width) {
    const ShownStory& story = viewer.shown_story();
    if (a.story_id.empty() || story.countries.size() < 2) return;
    const Colours& c = colours();
    screen_report().reader.story_countries = int(story.countries.size());
    CardFrame card = begin_card(width);
    float inner = width - 2 * card.pad;
    text_block(ICON_SITEMAP "  THIS STORY ACROSS BORDERS", inner, fonts().small_bold, c.covering);
    vspace(4);
    std::vector<std::string> names;
    for (const CoveringCountry& cc : story.countries) names.push_back(viewer.country_name(cc.iso));
    std::string line = std::to_string(story.outlet_count()) + (story.outlet_count() == 1 ? " outlet" : " outlets") +
                       " in " + std::to_string(story.countries.size()) + " countries: ";
    for (size_t i = 0; i < names.size(); ++i)
        line += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    text_block(line + ".", inner, fonts().body, c.text);
    if (viewer.route_allowed({Route::Story, a.story_id})) {  // a locked viewer stays in its country
        vspace(10);
        if (secondary_button(ICON_GLOBE "  See the whole story")) viewer.open_story_view();
        record_control("story-view");
    }
    end_card(card, with_alpha(c.covering, 0.10f), with_alpha(c.covering, 0.35f));
    vspace(18);
}

// [SECTION] the article --------------------------------------------------------------------

void article_view(Viewer& viewer, const Article& a, float width, float clip_top, float clip_bottom) {
    const Colours& c = colours();
    ScreenReport& report = screen_report();
    report.reader.loaded = true;
    report.reader.headline = a.headline;
    report.reader.country = a.country;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // the picture, or the outlet's monogram: the same height before and after it loads
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 b(p.x + width, p.y + reader_picture_height(!a.image.empty(), width));
    story_picture(dl, a, a.country, p, b, 14);
    report.reader.picture = a.image.empty() ? "monogram" : "image";
    ImGui::Dummy(ImVec2(width, b.y - p.y));
    vspace(14);
    text_block(a.headline, width, fonts().title, c.text, a.language);
    headline_provenance(viewer, a, width);
    vspace(14);
    byline(viewer, a, a.country, width);
    if (std::string note = language_note(a); !note.empty()) {
        report.reader.language_note = note;
        vspace(6);
        text_block(note + " (automatic language identification)", width, fonts().small, c.text_faint);
    }
    vspace(16);
    summary_with_provenance(a, width);
    bool has_text = !a.body.empty() || !a.sections.empty();
    if (a.excerpt_only || !has_text) excerpt_card(a, width);
    if (!a.world_take.empty()) {
        reader_world_take(a, width);
        vspace(18);
    }
    story_card(viewer, a, width);
    if (has_text && !is_translated(a, "body") && !untranslated_note(a).empty()) {
        report.reader.body_note = "The text below is in " + language_name(a.language) + ", as published.";
        text_block(report.reader.body_note, width, fonts().small, c.text_faint);
        vspace(10);
    }
    for (const std::string& para : a.body) paragraph(para, width, a.language);
    for (const Section& s : a.sections) {
        if (!s.heading.empty()) section_heading(s.heading.c_str(), width);
        for (const std::string& para : s.paragraphs) paragraph(para, width, a.language);
    }
    if (has_text) licence_line(a, width);
    alternative_takes(viewer, a, width, clip_top, clip_bottom);
    // actions (an excerpt's card already leads to the original)
    vspace(10);
    if (has_text && !a.excerpt_only && is_openable_url(a.url)) {
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

// What is known from the list while the article loads, at the places the
// article will put it: the picture's box (a story without a picture gets
// its monogram at once), the headline, the byline's shape, the text's lines.
void loading_view(const StorySummary* known, const std::string& country, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = reader_picture_height(!known || !known->image.empty(), width);
    if (known && known->image.empty()) story_picture(dl, *known, country, p, ImVec2(p.x + width, p.y + h), 14);
    else skeleton(dl, p, ImVec2(p.x + width, p.y + h), 14);
    ImGui::Dummy(ImVec2(width, h));
    vspace(14);
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
    walk_strip(viewer, a, pad);
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
        loading_view(known_summary(viewer), viewer.country(), width);
    }
    ImGui::EndGroup();
    vspace(32);
    drag_scroll();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace ng::ui
