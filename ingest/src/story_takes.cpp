#include "story_takes.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "cluster_places.hpp"
#include "cluster_text.hpp"
#include "core/languages.hpp"

namespace ingest {
namespace {

constexpr std::size_t kMaxDistinctiveWords = 3;

struct Words {
    std::set<std::string> keys;
    std::vector<cluster_text::ContentWord> in_order;
};

Words words_of(const ReadableHeadline& h) {
    Words w;
    w.in_order = cluster_text::content_words(h.text, h.language);
    for (const auto& cw : w.in_order) w.keys.insert(cw.key);
    return w;
}

double jaccard_distance(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() && b.empty()) return 0.0;
    std::size_t shared = 0;
    for (const std::string& k : a) shared += b.count(k);
    return 1.0 - double(shared) / double(a.size() + b.size() - shared);
}

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

}  // namespace

ReadableHeadline readable_headline(const ClusterArticle& a) {
    std::string original = cluster_text::primary_language(a.language);
    if (!a.title_en.empty()) return {a.title_en, "en", original != "en"};
    return {a.title, original.empty() ? "und" : original, false};
}

std::vector<StoryTake> alternative_takes(const std::vector<ClusterArticle>& articles, const Story& story,
                                         std::size_t article) {
    const ClusterArticle& reader = articles[article];
    // The representative of each other country: most central, then earliest
    // (members are stored earliest first), never a copy.
    std::map<std::string, const StoryMember*> chosen;
    std::map<std::string, std::size_t> count;
    for (const StoryMember& m : story.members) {
        const std::string& country = articles[m.article].country;
        if (m.copy || country.empty() || country == reader.country) continue;
        ++count[country];
        const StoryMember*& best = chosen[country];
        if (!best || m.centrality > best->centrality) best = &m;
    }

    // What a take is compared with: the reader's headline when it is in the
    // take's language; for an English take beside an untranslated article,
    // the story's most central other English headline.
    ReadableHeadline reader_headline = readable_headline(reader);
    Words reader_words = words_of(reader_headline);
    auto central_english_besides = [&](std::size_t take) -> const StoryMember* {
        const StoryMember* best = nullptr;
        for (const StoryMember& m : story.members) {
            if (m.copy || m.article == article || m.article == take) continue;
            if (readable_headline(articles[m.article]).language != "en") continue;
            if (!best || m.centrality > best->centrality) best = &m;
        }
        return best;
    };

    std::vector<StoryTake> takes;
    for (const auto& [country, member] : chosen) {
        const ClusterArticle& a = articles[member->article];
        StoryTake t;
        t.article = member->article;
        t.country = country;
        t.country_name = cluster_places::country_name(country);
        t.headline = readable_headline(a);
        if (t.headline.translated) t.original_headline = a.title;
        t.country_articles = count[country];
        t.chosen_because = count[country] == 1 ? "the only article from " + t.country_name + " in this story"
                                               : "the most central of " + std::to_string(count[country]) +
                                                     " articles from " + t.country_name + " in this story";
        Words reference;
        if (t.headline.language == reader_headline.language) {
            t.compared_with = StoryTake::ComparedWith::Article;
            reference = reader_words;
        } else if (const StoryMember* central =
                       t.headline.language == "en" ? central_english_besides(t.article) : nullptr) {
            t.compared_with = StoryTake::ComparedWith::StoryEnglish;
            reference = words_of(readable_headline(articles[central->article]));
        }
        if (t.compared_with == StoryTake::ComparedWith::Nothing) {
            t.angle = "Headline in " + ng::language_name(t.headline.language) + ", not translated";
        } else {
            Words w = words_of(t.headline);
            t.framing_distance = jaccard_distance(reference.keys, w.keys);
            for (const auto& cw : w.in_order) {
                bool number = cw.key[0] >= '0' && cw.key[0] <= '9';  // figures differ, framing need not
                if (!number && !reference.keys.count(cw.key) && t.distinctive_words.size() < kMaxDistinctiveWords)
                    t.distinctive_words.push_back(cw.display);
            }
            t.angle = !t.distinctive_words.empty() ? "Stresses: " + join_words(t.distinctive_words)
                      : t.compared_with == StoryTake::ComparedWith::Article ? "Same words as this article"
                                                                            : "Same words as the story's main headline";
        }
        takes.push_back(std::move(t));
    }
    std::stable_sort(takes.begin(), takes.end(), [](const StoryTake& x, const StoryTake& y) {
        if (x.compared_with != y.compared_with) return x.compared_with < y.compared_with;
        if (x.framing_distance != y.framing_distance) return x.framing_distance > y.framing_distance;
        return x.country_name < y.country_name;
    });
    return takes;
}

ng::AlternativeTake to_api_take(const StoryTake& take, const std::vector<ClusterArticle>& articles) {
    const ClusterArticle& a = articles[take.article];
    ng::AlternativeTake api;
    api.article_id = a.id;
    api.headline = take.headline.text;
    api.angle = take.angle;
    api.country = take.country;
    api.outlet = {a.outlet_name.empty() ? a.outlet_domain : a.outlet_name, a.outlet_domain, a.country};
    api.url = a.url;
    return api;
}

}  // namespace ingest
