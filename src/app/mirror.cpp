#include "app/mirror.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/context.hpp"
#include "platform/web.hpp"

namespace ng::app {
namespace {

using nlohmann::json;

json story_json(const StorySummary& s, int64_t now) {
    return {{"id", s.id}, {"headline", s.headline}, {"outlet", s.outlet.name},
            {"time", describe_story_time(s.published, s.first_seen, now)}};
}

json countries_json(const Context& ctx) {
    json list = json::array();
    std::vector<const Country*> sorted;
    for (const Country& c : ctx.world.countries)
        if (!c.iso.empty()) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](const Country* a, const Country* b) { return a->name < b->name; });
    for (const Country* c : sorted)
        list.push_back({{"iso", c->iso}, {"name", c->name}, {"count", ctx.news ? ctx.news->story_count(c->iso) : -1}});
    return list;
}

json article_json(const Context& ctx, const Article& a) {
    json sections = json::array(), takes = json::array();
    for (const Section& s : a.sections) sections.push_back({{"heading", s.heading}, {"paragraphs", s.paragraphs}});
    for (const AlternativeTake& t : a.alternative_takes)
        takes.push_back({{"id", t.article_id}, {"headline", t.headline}, {"outlet", t.outlet.name},
                         {"country", ctx.country_name(t.country)}, {"angle", t.angle}});
    std::string translated;
    if (a.translation) translated = "Translated from " + a.translation->from + " by " + a.translation->by;
    return {{"id", a.id}, {"headline", a.headline}, {"outlet", a.outlet.name}, {"country", ctx.country_name(a.country)},
            {"time", describe_story_time(a.published, a.first_seen, ctx.now_unix)}, {"translation", translated},
            {"summary", a.summary}, {"sections", sections}, {"body", a.body}, {"worldTake", a.world_take},
            {"takes", takes}, {"url", a.url}};
}

}  // namespace

void update_mirror(const Context& ctx) {
    if (!ctx.world_ready) return;
    json doc;
    doc["countries"] = countries_json(ctx);
    doc["country"] = nullptr;
    doc["article"] = nullptr;
    if (ctx.news && !ctx.country.empty()) {
        json stories = json::array();
        if (const CountryStories* s = ctx.news->stories(ctx.country))
            for (const StorySummary& story : s->stories) stories.push_back(story_json(story, ctx.now_unix));
        doc["country"] = {{"iso", ctx.country}, {"name", ctx.country_name(ctx.country)}, {"stories", stories}};
    }
    if (ctx.news && !ctx.article.empty())
        if (const ArticleEntry* a = ctx.news->article(ctx.article); a && a->loaded) doc["article"] = article_json(ctx, a->article);
    // replace, never throw, on text that is not valid UTF-8
    std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
    static std::string last;
    if (text == last) return;
    last = text;
    web::publish_mirror(text);
}

}  // namespace ng::app
