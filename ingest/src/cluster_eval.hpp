// cluster_eval — the labelled evaluation set of story clustering
// (ingest/eval/stories.jsonl, described in docs/clustering.md) and pairwise
// precision/recall: shared by the evaluation program (ingest_eval_clusters)
// and the regression floor in tests/ingest.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "cluster.hpp"

namespace ingest::cluster_eval {

struct EvalItem {
    ClusterArticle article;      // title_en empty; see articles_for()
    std::string story;           // the true story ("cop31"); unrelated items have one each
    std::string title_human;     // English translation written with the set (empty for English originals)
    std::string title_apertium;  // Apertium's translation, for languages it covers (see --write-apertium)
};

struct EvalSet {
    std::vector<EvalItem> items;
    std::vector<std::string> errors;  // one line per unreadable input line; those lines are skipped
};

// Reads the JSON Lines set: one object per line with id, story, url,
// outlet_id, outlet, domain, country, lang, time (RFC 3339), title and
// optionally title_en, title_apertium.
EvalSet load_eval_set(const std::string& path);

enum class Translations {
    Human,    // (a) every non-English headline has its English translation
    Offline,  // (b) only languages an offline translator (Apertium) covers, with its real output
    None,     // (c) originals only
};
const char* describe(Translations t);

std::vector<ClusterArticle> articles_for(const EvalSet& set, Translations translations);

// Attaches vectors from a JSON Lines file in GDELT GSG's docembed shape
// ({"url": ..., "docembed": [512 floats]}; "id" may stand in for "url") to
// the articles with that URL or id. Returns how many were attached; unusable
// lines are reported in `errors`.
std::size_t attach_embeddings(std::vector<ClusterArticle>& articles, const std::string& path,
                              std::vector<std::string>& errors);

struct PairwiseScore {
    std::size_t true_pairs = 0;       // pairs in one true story
    std::size_t predicted_pairs = 0;  // pairs in one predicted story
    std::size_t correct_pairs = 0;    // both
    double precision = 0, recall = 0, f1 = 0;
};

// Pairwise scores of a clustering against the true stories (one per item,
// in the same order as the articles given to cluster_stories). Articles in
// no predicted story are pairs with nothing.
PairwiseScore pairwise(const std::vector<std::string>& truth, const std::vector<int>& story_of);

}  // namespace ingest::cluster_eval
