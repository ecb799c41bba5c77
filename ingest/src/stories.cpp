#include "stories.hpp"

#include <algorithm>

#include "story_takes.hpp"
#include "story_world_take.hpp"

namespace ingest {
namespace {

bool translated(const ng::StorySummary& s, const char* field) {
    if (!s.translation) return false;
    const std::vector<std::string>& fields = s.translation->fields;
    return fields.empty() || std::find(fields.begin(), fields.end(), field) != fields.end();
}

int64_t shown_time(const ng::StorySummary& s) { return s.published.known() ? s.published.seconds : s.first_seen.seconds; }

// The story document: its members as story items with their countries, the
// countries by attention (as the world take ranks them), and the headline of
// its most central member (in English when any member reads in English).
ng::StoryDocument story_document(const std::vector<BuildArticle>& articles, const std::vector<ClusterArticle>& batch,
                                 const Story& story, const WorldTake& take) {
    ng::StoryDocument doc;
    doc.id = story.id;
    doc.world_take = world_take_text(take);
    // The most central member, preferring one an English reader can read.
    const StoryMember* central = nullptr;
    bool central_english = false;
    for (const StoryMember& m : story.members) {
        if (m.copy) continue;
        bool english = readable_headline(batch[m.article]).language == "en";
        if (!central || english > central_english ||
            (english == central_english && m.centrality > central->centrality)) {
            central = &m;
            central_english = english;
        }
    }
    if (!central) central = &story.members.front();
    doc.headline = readable_headline(batch[central->article]).text;
    if (take.first_known) {
        int64_t t = take.first_time;
        doc.first_reported = {ng::format_rfc3339(t), t};
    }
    for (const CountryAttention& c : take.attention)
        doc.countries.push_back({c.country, static_cast<int>(c.articles), static_cast<int>(c.outlets)});
    for (const StoryMember& m : story.members) {  // earliest first
        const ng::Article& a = articles[m.article].article;
        ng::StoryMember item;
        static_cast<ng::StorySummary&>(item) = a;
        item.country = a.country;
        doc.articles.push_back(std::move(item));
    }
    return doc;
}

}  // namespace

ClusterArticle cluster_article(const BuildArticle& built) {
    const ng::Article& a = built.article;
    ClusterArticle c;
    c.id = a.id;
    c.url = built.canonical_url;
    c.outlet_id = built.outlet_id;
    c.outlet_name = a.outlet.name;
    c.outlet_domain = a.outlet.domain;
    c.country = a.country;
    c.language = built.text_language;
    bool headline_en = translated(a, "headline");
    bool summary_en = translated(a, "summary");
    c.title = headline_en ? a.original_headline : a.headline;
    c.description = summary_en ? a.original_summary : a.summary;
    if (headline_en) c.title_en = a.headline;
    if (summary_en) c.description_en = a.summary;
    if (headline_en || summary_en) c.translated_by = a.translation->by;
    c.time = shown_time(a);
    c.embedding = built.embedding;
    return c;
}

StoryStage assemble_stories(std::vector<BuildArticle>& articles, const ClusterOptions& options) {
    std::vector<ClusterArticle> batch;
    batch.reserve(articles.size());
    for (const BuildArticle& b : articles) batch.push_back(cluster_article(b));
    Clustering clustering = cluster_stories(batch, options);

    StoryStage stage;
    stage.notes = std::move(clustering.notes);
    stage.stats = clustering.stats;
    std::vector<std::string> world_takes;
    world_takes.reserve(clustering.stories.size());
    for (const Story& story : clustering.stories) {
        WorldTake take = world_take(batch, story);
        world_takes.push_back(world_take_text(take));
        stage.stories.push_back(story_document(articles, batch, story, take));
    }
    for (size_t i = 0; i < articles.size(); ++i) {
        int s = clustering.story_of[i];
        if (s < 0) continue;
        const Story& story = clustering.stories[static_cast<size_t>(s)];
        ng::Article& a = articles[i].article;
        a.story_id = story.id;
        a.coverage = static_cast<int>(story.countries.size());
        a.world_take = world_takes[static_cast<size_t>(s)];
        for (const StoryTake& t : alternative_takes(batch, story, i)) a.alternative_takes.push_back(to_api_take(t, batch));
    }
    // The story documents repeat their members' items: give them the fields just set.
    for (ng::StoryDocument& doc : stage.stories) {
        for (ng::StoryMember& m : doc.articles) {
            m.story_id = doc.id;
            m.coverage = static_cast<int>(doc.countries.size());
        }
    }
    return stage;
}

}  // namespace ingest
