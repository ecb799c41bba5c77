// The embedding path of story clustering, on SYNTHETIC vectors built so that
// their cosines are known exactly. They test the mechanics (thresholds, the
// pair search, chain splitting, mixing with text) — not how well real GDELT
// GSG (USEv4) vectors group news, which was not measured here (see
// docs/clustering.md).
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "cluster.hpp"
#include "cluster_embedding.hpp"
#include "cluster_fixture.hpp"

using namespace ingest;
using cluster_fixture::article;
using cluster_fixture::story_of;

namespace {

using Ids = std::vector<std::string>;
constexpr std::size_t kDims = 512;

// Unit vector: cos(angle) along axis `a`, sin(angle) along axis `b`.
std::vector<float> at_angle(std::size_t a, std::size_t b, double cosine) {
    std::vector<float> v(kDims, 0.0f);
    v[a] = float(cosine);
    v[b] = float(std::sqrt(1.0 - cosine * cosine));
    return v;
}

std::vector<float> axis(std::size_t a) { return at_angle(a, a + 1, 1.0); }

// Sum of `width` consecutive axes from `first`: neighbours in a row of these
// share all but one axis, and ever fewer the further apart they are.
std::vector<float> window(std::size_t first, std::size_t width) {
    std::vector<float> v(kDims, 0.0f);
    for (std::size_t k = first; k < first + width; ++k) v[k] = 1.0f;
    return v;
}

ClusterArticle with_vector(ClusterArticle a, std::vector<float> v) {
    a.embedding = std::move(v);
    return a;
}

double exact_cosine(const std::vector<float>& x, const std::vector<float>& y) {
    double dot = 0, nx = 0, ny = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        dot += double(x[i]) * y[i];
        nx += double(x[i]) * x[i];
        ny += double(y[i]) * y[i];
    }
    return dot / std::sqrt(nx * ny);
}

}  // namespace

TEST(ClusterEmbedding, PairSearchFindsWhatBruteForceFinds) {
    // 600 noisy vectors around 60 random centres (the noise grows from centre
    // to centre, so pairs fall on both sides of every threshold tried), plus
    // 200 with no centre.
    std::mt19937 rng(7);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    std::vector<std::vector<float>> centres(60, std::vector<float>(kDims));
    for (auto& c : centres)
        for (float& x : c) x = gauss(rng);
    std::vector<std::vector<float>> vectors;
    for (int i = 0; i < 800; ++i) {
        std::vector<float> v(kDims);
        float noise = 0.4f + 0.8f * float(i % 60) / 60.0f;
        for (std::size_t d = 0; d < kDims; ++d) v[d] = (i < 600 ? centres[i % 60][d] : 0.0f) + noise * gauss(rng);
        vectors.push_back(std::move(v));
    }
    std::vector<std::vector<double>> cosine(vectors.size(), std::vector<double>(vectors.size()));
    for (std::size_t a = 0; a < vectors.size(); ++a)
        for (std::size_t b = a + 1; b < vectors.size(); ++b) cosine[a][b] = exact_cosine(vectors[a], vectors[b]);
    std::vector<const float*> pointers;
    std::vector<int64_t> times;
    for (std::size_t i = 0; i < vectors.size(); ++i) {
        pointers.push_back(i % 97 == 5 ? nullptr : vectors[i].data());  // some documents have none
        times.push_back(i % 13 == 0 ? 0 : int64_t(i % 5) * 86400);      // some unknown times
    }
    cluster_embedding::EmbeddingSet set(pointers, kDims);
    for (double threshold : {0.45, 0.55, 0.72}) {
        for (int64_t window_s : {int64_t(86400), int64_t(10 * 86400)}) {
            std::set<std::pair<uint32_t, uint32_t>> expected, found;
            int near_threshold = 0;
            for (uint32_t a = 0; a < vectors.size(); ++a)
                for (uint32_t b = a + 1; b < vectors.size(); ++b) {
                    if (!pointers[a] || !pointers[b]) continue;
                    bool near_in_time = times[a] == 0 || times[b] == 0 || std::llabs(times[a] - times[b]) <= window_s;
                    double c = cosine[a][b];
                    near_threshold += std::abs(c - threshold) < 0.05;
                    if (near_in_time && c >= threshold) expected.insert({a, b});
                }
            for (const auto& p : set.pairs_at_least(threshold, times, window_s)) {
                found.insert({p.a, p.b});
                EXPECT_NEAR(p.cosine, cosine[p.a][p.b], 1e-5);
            }
            EXPECT_GT(expected.size(), 100u);
            EXPECT_GT(near_threshold, 50) << "the data should test the edge";
            EXPECT_EQ(found, expected) << "threshold " << threshold << ", window " << window_s;
        }
    }
}

TEST(ClusterEmbedding, EmbeddingsLinkHeadlinesTextCannot) {
    // Untranslated headlines in three scripts that share no word, number or place.
    std::vector<ClusterArticle> in = {
        with_vector(article("ja", "totoshimbun", "JP", "ja", "首脳会談が始まった"), at_angle(0, 1, 0.95)),
        with_vector(article("ar", "gulfvoice", "SA", "ar", "بدء القمة اليوم", {}, 1), at_angle(0, 2, 0.93)),
        with_vector(article("ru", "nevskie", "RU", "ru", "Саммит открылся", {}, 2), at_angle(0, 3, 0.94)),
        with_vector(article("other", "londonpost", "GB", "en", "Museum opens a new wing", {}, 1), axis(10)),
    };
    Clustering c = cluster_stories(in);
    EXPECT_EQ(story_of(c, in, "ja"), (Ids{"ar", "ja", "ru"}));
    EXPECT_TRUE(c.stories.at(0).used_embeddings);
    EXPECT_TRUE(story_of(c, in, "other").empty());

    ClusterOptions text_only;
    text_only.use_embeddings = false;
    EXPECT_TRUE(cluster_stories(in, text_only).stories.empty());
}

TEST(ClusterEmbedding, TheThresholdDecides) {
    // Cosine 0.74 and 0.70 against the same article, default threshold 0.72.
    std::vector<ClusterArticle> in = {
        with_vector(article("a", "outlet1", "FR", "fr", "premier"), axis(0)),
        with_vector(article("above", "outlet2", "DE", "de", "zweiter"), at_angle(0, 1, 0.74)),
        with_vector(article("below", "outlet3", "IT", "it", "terzo"), at_angle(0, 2, 0.70)),
    };
    Clustering c = cluster_stories(in);
    EXPECT_EQ(story_of(c, in, "a"), (Ids{"a", "above"}));
    ClusterOptions lower;
    lower.embedding_threshold = 0.65;
    EXPECT_EQ(story_of(cluster_stories(in, lower), in, "a"), (Ids{"a", "above", "below"}));
}

TEST(ClusterEmbedding, AverageLinkageBreaksChains) {
    // Ten articles in a row: each is 0.8 like its neighbours, 0.6 like the
    // next but one, and so on down to nothing. Linked neighbour to
    // neighbour, they chain from the first to the last.
    std::vector<ClusterArticle> in;
    for (int i = 0; i < 10; ++i)
        in.push_back(with_vector(article("c" + std::to_string(i), "outlet" + std::to_string(i), "FR", "fr", "x"),
                                 window(std::size_t(i), 5)));
    ClusterOptions components;
    components.average_linkage = 0;
    EXPECT_EQ(story_of(cluster_stories(in, components), in, "c0").size(), 10u);
    Clustering c = cluster_stories(in);
    EXPECT_GE(c.stories.size(), 2u);
    EXPECT_EQ(c.stats.split_components, 1u);
    Ids first = story_of(c, in, "c0");
    EXPECT_TRUE(std::find(first.begin(), first.end(), "c9") == first.end());
}

TEST(ClusterEmbedding, ArticlesWithoutVectorsStillJoinThroughText) {
    std::vector<ClusterArticle> in = cluster_fixture::with_background({
        with_vector(article("v1", "pacificwire", "US", "en", "Typhoon Ulan slams into Luzon, killing 12"), axis(0)),
        with_vector(article("v2", "totoshimbun", "JP", "ja", "台風ウラン、ルソン島に上陸", {}, 1), at_angle(0, 1, 0.9)),
        article("t1", "londonpost", "GB", "en", "Typhoon Ulan kills 12 as it slams into Luzon", {}, 2),
    });
    Clustering c = cluster_stories(in);
    EXPECT_EQ(story_of(c, in, "t1"), (Ids{"t1", "v1", "v2"}));
}
