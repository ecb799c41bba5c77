// cluster_linkage — grouping items from pairwise scores: connected components
// (single linkage, which chains: A~B and B~C put A and C together however
// unlike they are), and average linkage, which merges two groups only while
// their members are alike on average. Both are deterministic: ties are broken
// by item order, never by memory layout.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace ingest::cluster_linkage {

using Edge = std::pair<uint32_t, uint32_t>;

// Union-find over 0..n-1. The smaller root wins a union, so the sets never
// depend on the order of the unions.
class DisjointSets {
public:
    explicit DisjointSets(std::size_t n);
    uint32_t find(uint32_t x);
    void join(uint32_t a, uint32_t b);

private:
    std::vector<uint32_t> parent_;
};

// Groups of 0..n-1 joined by `edges`; each group ascending, groups ordered by
// their first item. Items without edges are groups of one.
std::vector<std::vector<uint32_t>> components(std::size_t n, const std::vector<Edge>& edges);

// A pair's score, or nothing when the two cannot be compared (the pair then
// counts neither for nor against a merge).
using PairScore = std::function<std::optional<double>(uint32_t, uint32_t)>;

// Average linkage over `items`: starting from one group per item, merges the
// two groups with the highest mean score over their comparable pairs, while
// that mean is >= threshold. Groups without a comparable pair never merge.
// Cost: one score per pair of items, and memory for them: call it on
// components, not on a whole batch. Returns groups as in components().
std::vector<std::vector<uint32_t>> average_linkage(const std::vector<uint32_t>& items, const PairScore& score,
                                                   double threshold);

}  // namespace ingest::cluster_linkage
