// story_takes — Alternative Takes: for an article in a story, how the press of
// each other country covers the same story, one take per country.
//
// Each country is represented by its most central article in the story (the
// one most like the rest of the story; ties: the earliest, then by id), never
// by a syndicated copy. Takes are ordered so the reader meets contrast first:
// takes whose headline can be compared with the article's (both in English,
// or both in one original language) come first, the most differently worded
// first; then, beside an untranslated article, English takes compared with
// the story's most central English headline, the same way; then headlines in
// other languages that nobody translated, by country name. Every field is
// copied or counted from the cluster: nothing is written by a model.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "cluster.hpp"
#include "core/news_model.hpp"

namespace ingest {

// The headline a reader of the English edition sees: the translation when
// there is one, else the original.
struct ReadableHeadline {
    std::string text;
    std::string language;  // "en" when translated or English, else the original's language
    bool translated = false;
};
ReadableHeadline readable_headline(const ClusterArticle& article);

struct StoryTake {
    std::size_t article = 0;   // index into the clustering's input
    std::string country;       // alpha-2
    std::string country_name;  // English
    ReadableHeadline headline;
    std::string original_headline;  // the outlet's wording when `headline` is a translation
    // One line on the framing, from the words alone: "Stresses: sanctions,
    // winter" (words this take's headline uses and the article's does not),
    // "Same words as this article", or "Headline in Japanese, not translated".
    std::string angle;
    std::vector<std::string> distinctive_words;  // behind `angle`, as written in the take's headline
    // What the wording was compared with: the reader's headline (same
    // language), else for English takes the story's most central English
    // headline, else nothing (a headline in another language, untranslated).
    enum class ComparedWith { Article, StoryEnglish, Nothing };
    ComparedWith compared_with = ComparedWith::Nothing;
    double framing_distance = -1;      // 1 - word overlap (Jaccard) with what it was compared with; -1: nothing
    std::size_t country_articles = 0;  // the country's articles in the story (copies excluded)
    std::string chosen_because;        // provenance: "the most central of 3 articles from Germany"
};

// Takes for input article `article`, which must be a member of `story`.
std::vector<StoryTake> alternative_takes(const std::vector<ClusterArticle>& articles, const Story& story,
                                         std::size_t article);

// A take as the API's article document carries it (docs/api.md,
// alternative_takes[]): article id, headline, angle, country, outlet, url.
ng::AlternativeTake to_api_take(const StoryTake& take, const std::vector<ClusterArticle>& articles);

}  // namespace ingest
