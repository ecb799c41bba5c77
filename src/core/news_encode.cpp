#include "core/news_encode.hpp"

#include <nlohmann/json.hpp>

namespace ng {
namespace {

using nlohmann::ordered_json;

std::string dump(const ordered_json& j) {
    return j.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

void put_text(ordered_json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

void put_time(ordered_json& j, const char* key, const Timestamp& t) {
    if (t.known()) j[key] = format_rfc3339(t.seconds);
}

void put_list(ordered_json& j, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) j[key] = values;
}

ordered_json outlet_json(const Outlet& o) {
    ordered_json j;
    j["name"] = o.name;
    put_text(j, "domain", o.domain);
    put_text(j, "country", o.country);
    return j;
}

ordered_json translation_json(const Translation& t) {
    ordered_json j = ordered_json::object();
    put_text(j, "from", t.from);
    put_text(j, "by", t.by);
    put_time(j, "at", t.at);
    put_list(j, "fields", t.fields);
    return j;
}

// Story items and articles share their fields but not their order (an
// article files `country` after the outlet and its own fields before `url`),
// so the shared part is written in three runs.
void put_head(ordered_json& j, const StorySummary& s) {
    j["id"] = s.id;
    put_text(j, "story_id", s.story_id);
    j["headline"] = s.headline;
    put_text(j, "original_headline", s.original_headline);
    put_text(j, "language", s.language);
    put_text(j, "language_detected", s.language_detected);
    j["outlet"] = outlet_json(s.outlet);
}

void put_middle(ordered_json& j, const StorySummary& s) {
    put_time(j, "published", s.published);
    put_time(j, "first_seen", s.first_seen);
    put_text(j, "image", s.image);
    put_text(j, "summary", s.summary);
    put_text(j, "original_summary", s.original_summary);
    if (s.coverage) j["coverage"] = *s.coverage;
}

void put_tail(ordered_json& j, const StorySummary& s) {
    put_text(j, "url", s.url);
    if (s.translation) j["translation"] = translation_json(*s.translation);
}

ordered_json story_item_json(const StorySummary& s) {
    ordered_json j;
    put_head(j, s);
    put_middle(j, s);
    put_tail(j, s);
    return j;
}

ordered_json take_json(const AlternativeTake& t) {
    ordered_json j;
    put_text(j, "article_id", t.article_id);
    j["headline"] = t.headline;
    put_text(j, "angle", t.angle);
    put_text(j, "country", t.country);
    j["outlet"] = outlet_json(t.outlet);
    put_text(j, "url", t.url);
    return j;
}

}  // namespace

std::string encode_countries(const CountriesIndex& index) {
    ordered_json j;
    j["version"] = 1;
    put_time(j, "generated", index.generated);
    ordered_json source;
    put_text(source, "name", index.source_name);
    source["sample"] = index.sample;
    put_list(source, "attribution", index.attribution);
    j["source"] = source;
    ordered_json countries = ordered_json::array();
    for (const CountryEntry& c : index.countries) {
        ordered_json e;
        e["iso"] = c.iso;
        put_text(e, "name", c.name);
        if (c.story_count) e["story_count"] = *c.story_count;
        put_time(e, "latest", c.latest);
        if (c.covered_abroad) e["covered_abroad"] = *c.covered_abroad;
        countries.push_back(std::move(e));
    }
    j["countries"] = std::move(countries);
    return dump(j);
}

std::string encode_story_page(const StoryPage& page) {
    ordered_json j;
    j["version"] = 1;
    put_text(j, "country", page.country);
    j["page"] = page.page;
    j["page_count"] = page.page_count;
    j["total"] = page.total;
    ordered_json stories = ordered_json::array();
    for (const StorySummary& s : page.stories) stories.push_back(story_item_json(s));
    j["stories"] = std::move(stories);
    return dump(j);
}

std::string encode_article(const Article& a) {
    ordered_json j;
    j["version"] = 1;
    put_head(j, a);
    j["country"] = a.country;
    put_middle(j, a);
    if (a.excerpt_only) {
        j["content"] = "excerpt";
    } else if (!a.licence.empty()) {
        j["content"] = "full";
        j["licence"] = a.licence;
        put_text(j, "licence_url", a.licence_url);
    }
    put_list(j, "body", a.body);
    if (!a.sections.empty()) {
        ordered_json sections = ordered_json::array();
        for (const Section& s : a.sections) {
            ordered_json e = ordered_json::object();
            put_text(e, "heading", s.heading);
            put_list(e, "paragraphs", s.paragraphs);
            sections.push_back(std::move(e));
        }
        j["sections"] = std::move(sections);
    }
    put_text(j, "world_take", a.world_take);
    if (!a.story_id.empty() || !a.alternative_takes.empty()) {
        ordered_json takes = ordered_json::array();
        for (const AlternativeTake& t : a.alternative_takes) takes.push_back(take_json(t));
        j["alternative_takes"] = std::move(takes);
    }
    put_tail(j, a);
    return dump(j);
}

std::string encode_story(const StoryDocument& story) {
    ordered_json j;
    j["version"] = 1;
    j["id"] = story.id;
    j["headline"] = story.headline;
    put_text(j, "world_take", story.world_take);
    put_time(j, "first_reported", story.first_reported);
    ordered_json countries = ordered_json::array();
    for (const StoryCountry& c : story.countries)
        countries.push_back({{"iso", c.iso}, {"articles", c.articles}, {"outlets", c.outlets}});
    j["countries"] = std::move(countries);
    ordered_json articles = ordered_json::array();
    for (const StoryMember& m : story.articles) {
        ordered_json item = story_item_json(m);
        item["country"] = m.country;
        articles.push_back(std::move(item));
    }
    j["articles"] = std::move(articles);
    return dump(j);
}

}  // namespace ng
