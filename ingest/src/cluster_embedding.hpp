// cluster_embedding — the embedding side of story clustering: cosine
// similarity between document vectors (GDELT GSG's 512-float multilingual
// Universal Sentence Encoder "docembed"), and every pair above a threshold
// without scoring all pairs in full.
//
// Finding the pairs: each vector gets a 512-bit signature, the signs of a
// fixed pseudo-random rotation of it (three rounds of random signs and a
// Walsh-Hadamard transform). The share of differing bits estimates the angle
// between two vectors (angle/pi per bit), so a 64-byte comparison — its first
// half first — rules out nearly every pair below the threshold; only the rest
// get an exact cosine. Each cut-off is set four standard deviations above the
// bits expected at the threshold angle, so a pair at the threshold is missed
// with probability under 1e-4 (and less the more similar it is).
// Deterministic: the rotation comes from a fixed seed, not a random device.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ingest::cluster_embedding {

struct ScoredPair {
    uint32_t a, b;  // document indices, a < b
    float cosine;
};

class EmbeddingSet {
public:
    // vectors[i]: `dims` finite floats, not all zero, or nullptr when document
    // i has none (the caller checks; see cluster.cpp). The vectors are read,
    // not copied: they must outlive the set.
    EmbeddingSet(const std::vector<const float*>& vectors, std::size_t dims);

    bool has(std::size_t doc) const { return slot_[doc] != kNone; }
    double cosine(std::size_t a, std::size_t b) const;  // both must have vectors

    // Every pair of documents with vectors whose cosine is >= threshold and
    // whose times are at most `window` seconds apart (a time of 0, unknown,
    // is near every time). Sorted by (a, b). `scored`, when given, counts the
    // pairs that passed the signature filter and got an exact cosine.
    std::vector<ScoredPair> pairs_at_least(double threshold, const std::vector<int64_t>& times, int64_t window,
                                           std::size_t* scored = nullptr) const;

private:
    static constexpr uint32_t kNone = UINT32_MAX;
    using Signature = std::array<uint64_t, 8>;

    std::size_t dims_;
    std::vector<uint32_t> slot_;        // document -> row, or kNone
    std::vector<uint32_t> doc_of_;      // row -> document
    std::vector<const float*> vector_;  // by row
    std::vector<double> inverse_norm_;  // by row
    std::vector<Signature> signature_;  // by row
};

}  // namespace ingest::cluster_embedding
