// cluster — groups a batch of articles from many outlets, countries and
// languages into stories: the step of `newsglobe-ingest build` that makes
// Alternative Takes, the coverage map and the World's Current Take possible.
// See docs/clustering.md for the method, the measurements behind every
// default, and what was not measured.
//
// In short: two articles are linked when their similarity reaches a
// threshold — the cosine of their GDELT GSG embeddings when both have one,
// else the text similarity of cluster_features (same-language words, or
// language-neutral anchors across languages). Linked articles form connected
// components; each component is then split by average linkage so that a
// chain of loosely linked articles does not become one story. A story needs
// at least two outlets; one outlet's syndicated copies count once.
//
// Deterministic: the same articles in any order give the same stories, with
// the same ids, in the same order (clustering_to_json is byte-identical).
// Never throws on bad input: malformed embeddings, missing fields and
// duplicate ids are noted in Clustering::notes and worked around.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ingest {

// One article as the ingest's normalisation leaves it.
struct ClusterArticle {
    std::string id;                // the article's API id (unique in the batch)
    std::string url;               // canonical URL; the story id derives from the earliest member's
    std::string outlet_id;         // the outlet table's id; empty: the domain identifies the outlet
    std::string outlet_name;       // for takes and the world take ("Le Monde")
    std::string outlet_domain;     // "lemonde.fr"
    std::string country;           // ISO alpha-2 of the outlet's country
    std::string language;          // the original's language tag ("fr", "pt-BR")
    std::string title;             // the original headline
    std::string description;       // the original description (may be empty)
    std::string title_en;          // English translation of the headline; empty when none
    std::string description_en;    // English translation of the description; empty when none
    std::string translated_by;     // the engine that produced title_en ("apertium"); provenance for takes
    int64_t time = 0;              // Unix seconds: published, else first seen; 0 when unknown
    std::vector<float> embedding;  // GDELT GSG docembed (ClusterOptions::embedding_dims floats), or empty
};

struct ClusterOptions {
    // Embeddings decide a pair when both articles have one; false: text only.
    bool use_embeddings = true;
    std::size_t embedding_dims = 512;
    // Link thresholds. Embedding cosine: from another project's measurement
    // on real GSG data (clusters usable at 0.70–0.72; see docs/clustering.md),
    // not measured here. Text: chosen on ingest/eval (docs/clustering.md).
    double embedding_threshold = 0.72;
    double same_language_threshold = 0.25;   // tf-idf cosine, pivots in one language
    double cross_language_threshold = 0.30;  // anchor cosine, pivots in different languages
    // Average linkage: groups merge while their mean similarity, in units of
    // the link thresholds above (1.0 = at threshold), is at least this.
    // 0 disables the split: stories are the connected components.
    double average_linkage = 0.5;
    // Articles further apart in time never link (0 times always may).
    int64_t window_seconds = 4 * 86400;
    std::size_t min_outlets = 2;
    // Components larger than this are cut at rising thresholds before average
    // linkage (which needs memory for every pair inside a component).
    std::size_t max_linkage_size = 1000;
    // Text candidates: terms held by more articles than this are too common to
    // propose pairs (they still count in the similarity of proposed pairs).
    // A fixed bound keeps the search linear in the batch size: one story is
    // rarely covered by more articles than this within the window.
    std::size_t max_term_articles = 300;
};

struct StoryMember {
    std::size_t article = 0;  // index into the input
    std::string outlet;       // the outlet's identity after merging its ids, domains and syndicated copies
    bool copy = false;        // a syndicated copy of an earlier member (same outlet, same headline)
    double centrality = 0;    // mean similarity to the story's other members, in threshold units
};

struct Story {
    std::string id;                      // "s-" + 16 hex digits: a hash of the earliest member's URL
    std::vector<StoryMember> members;    // earliest first (then by article id)
    std::size_t outlets = 0;             // distinct outlets: copies and an outlet's domains count once
    std::vector<std::string> countries;  // distinct, by number of outlets (most first), then code
    bool used_embeddings = false;        // some link in the story came from embeddings
};

struct ClusterStats {
    std::size_t articles = 0;
    std::size_t units = 0;  // after folding syndicated copies together
    std::size_t with_embeddings = 0;
    std::size_t candidate_pairs = 0;    // pairs scored while looking for links
    std::size_t links = 0;              // pairs at or above threshold
    std::size_t components = 0;         // of two or more units
    std::size_t largest_component = 0;  // units, after cutting at max_linkage_size
    std::size_t split_components = 0;   // components average linkage split
};

struct Clustering {
    std::vector<Story> stories;      // most countries first, then most outlets, then earliest, then id
    std::vector<int> story_of;       // per input article: index into stories, -1 when in none
    std::vector<std::string> notes;  // one readable line per input problem
    ClusterStats stats;
};

Clustering cluster_stories(const std::vector<ClusterArticle>& articles, const ClusterOptions& options = {});

// The stories as canonical JSON (article ids, not indices): what the
// determinism tests compare and a debugging aid.
std::string clustering_to_json(const Clustering& clustering, const std::vector<ClusterArticle>& articles);

}  // namespace ingest
