// mirror — the accessible mirror: the A–Z country list, the open country's
// stories, the open article with its provenance (the outlet's own headline
// and summary, in their language, so the browser's own translation and a
// screen reader can use them) and the story view, published as plain data for the page to
// render as real HTML (visually hidden until it takes focus). A canvas is
// invisible to screen readers, find-in-page, translation and search engines;
// this text is not.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/provenance.hpp"
#include "core/time_format.hpp"
#include "viewer/viewer.hpp"

namespace ng {
namespace {

using nlohmann::json;

json story_json(const StorySummary& s, int64_t now) {
    return {{"id", s.id}, {"headline", s.headline}, {"outlet", s.outlet.name},
            {"time", describe_story_time(s.published, s.first_seen, now)}};
}

json countries_json(const Viewer& v) {
    json list = json::array();
    std::vector<const Country*> sorted;
    for (const Country& c : v.world().countries)
        if (!c.iso.empty()) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](const Country* a, const Country* b) { return a->name < b->name; });
    for (const Country* c : sorted) list.push_back({{"iso", c->iso}, {"name", c->name}, {"count", v.news().story_count(c->iso)}});
    return list;
}

json article_json(const Viewer& v, const Article& a) {
    json sections = json::array(), takes = json::array();
    for (const Section& s : a.sections) sections.push_back({{"heading", s.heading}, {"paragraphs", s.paragraphs}});
    for (const AlternativeTake& t : a.alternative_takes)
        takes.push_back({{"id", t.article_id}, {"headline", t.headline}, {"outlet", t.outlet.name},
                         {"country", v.country_name(t.country)}, {"angle", t.angle}});
    json original = {{"language", original_language(a)},
                     {"headline", is_translated(a, "headline") ? a.original_headline : ""},
                     {"summary", is_translated(a, "summary") ? a.original_summary : ""}};
    return {{"id", a.id}, {"headline", a.headline}, {"outlet", a.outlet.name}, {"country", v.country_name(a.country)},
            {"time", describe_story_time(a.published, a.first_seen, v.now_unix())},
            {"translation", translation_label(a, true)}, {"original", original},
            {"summary", a.summary}, {"sections", sections}, {"body", a.body}, {"worldTake", a.world_take},
            {"takes", takes}, {"url", a.url}, {"excerpt", a.excerpt_only}};
}

json story_view_json(const Viewer& v, const ShownStory& s) {
    json countries = json::array();
    for (const CoveringCountry& c : s.countries) {
        json articles = json::array();
        for (const StoryMember& m : c.articles)
            articles.push_back({{"id", m.id}, {"headline", m.headline}, {"outlet", m.outlet.name}});
        countries.push_back({{"iso", c.iso}, {"name", v.country_name(c.iso)}, {"articles", articles}});
    }
    return {{"id", s.id}, {"headline", s.headline}, {"worldTake", s.world_take}, {"countries", countries}};
}

}  // namespace

// Publishes when what the reader looks at or the loaded news changed.
void Viewer::update_mirror() {
    if (!world_ready_) return;
    json doc;
    doc["countries"] = countries_json(*this);
    doc["country"] = nullptr;
    doc["article"] = nullptr;
    doc["story"] = story_.empty() || shown_story_.countries.empty() ? json() : story_view_json(*this, shown_story_);
    if (!country_.empty()) {
        json stories = json::array();
        if (const CountryStories* s = news_->stories(country_))
            for (const StorySummary& story : s->stories) stories.push_back(story_json(story, now_unix_));
        doc["country"] = {{"iso", country_}, {"name", country_name(country_)}, {"stories", stories}};
    }
    if (const Article* a = loaded_article()) doc["article"] = article_json(*this, *a);
    // replace, never throw, on text that is not valid UTF-8
    std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text == mirror_text_) return;
    mirror_text_ = std::move(text);
    host_.publish_mirror(mirror_text_);
}

}  // namespace ng
