// Fuzzes story clustering with hostile headlines: every line of the input is
// an article (its first bytes choose outlet, country and language; some get
// a "translation", some a vector built from their bytes). Properties: every
// article is accounted for, stories hold distinct articles from two or more
// outlets, the result does not depend on the input order, and the World's
// Current Take is clean text.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "cluster.hpp"
#include "fuzz_invariants.hpp"
#include "story_takes.hpp"
#include "story_world_take.hpp"

using namespace ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const char* const languages[] = {"en", "fr", "de", "ru", "ja", "zh", "ar", "tr", "pl", "es", "", "x-\x01"};
    std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<ClusterArticle> articles;
    for (std::size_t start = 0; start <= text.size() && articles.size() < 16;) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        std::size_t n = articles.size();
        ClusterArticle a;
        a.id = "a" + std::to_string(n);
        a.url = "https://news.example/" + a.id;
        a.outlet_id = line.substr(0, 1);
        a.outlet_name = line.substr(0, 3);
        a.country = line.size() > 2 ? line.substr(1, 2) : "";
        a.language = languages[(line.empty() ? 0 : static_cast<unsigned char>(line[0])) % 12];
        a.title = line;
        if (n % 3 == 0) a.title_en = line.substr(line.size() / 2);
        a.time = int64_t(n % 4) * 3600;
        if (n % 5 == 4) {
            a.embedding.assign(512, 0.0f);
            for (std::size_t i = 0; i < line.size() && i < 512; ++i) a.embedding[i] = static_cast<int8_t>(line[i]);
        }
        articles.push_back(std::move(a));
    }

    Clustering c = cluster_stories(articles);
    fuzz::require(c.story_of.size() == articles.size());
    std::set<std::size_t> seen;
    for (std::size_t s = 0; s < c.stories.size(); ++s) {
        const Story& story = c.stories[s];
        fuzz::require(story.outlets >= 2 && story.members.size() >= 2);
        for (const StoryMember& m : story.members) {
            fuzz::require(m.article < articles.size() && seen.insert(m.article).second);
            fuzz::require(c.story_of[m.article] == int(s));
        }
        WorldTake w = world_take(articles, story);
        for (const std::string& sentence : w.sentences) fuzz::check_text(sentence, ng::kMaxSummaryBytes);
        for (const StoryMember& m : story.members)
            for (const StoryTake& t : alternative_takes(articles, story, m.article)) to_api_take(t, articles);
    }
    std::vector<ClusterArticle> reversed(articles.rbegin(), articles.rend());
    fuzz::require(clustering_to_json(cluster_stories(reversed), reversed) == clustering_to_json(c, articles));
    return 0;
}
