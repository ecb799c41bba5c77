#include "cluster_linkage.hpp"

#include <algorithm>
#include <numeric>
#include <queue>

namespace ingest::cluster_linkage {
namespace {

// Pair (i, j), i < j, of k groups in a triangular array.
std::size_t pair_index(std::size_t k, std::size_t i, std::size_t j) { return i * k - i * (i + 1) / 2 + (j - i - 1); }

struct Candidate {
    double mean;
    uint32_t i, j;  // groups, i < j
    uint32_t version_i, version_j;
};

// Highest mean first; among equal means, the lowest groups.
struct Lower {
    bool operator()(const Candidate& x, const Candidate& y) const {
        if (x.mean != y.mean) return x.mean < y.mean;
        if (x.i != y.i) return x.i > y.i;
        return x.j > y.j;
    }
};

}  // namespace

DisjointSets::DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }

uint32_t DisjointSets::find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
}

void DisjointSets::join(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
}

std::vector<std::vector<uint32_t>> components(std::size_t n, const std::vector<Edge>& edges) {
    DisjointSets sets(n);
    for (const Edge& e : edges) sets.join(e.first, e.second);
    std::vector<std::vector<uint32_t>> groups;
    std::vector<uint32_t> group_of_root(n, UINT32_MAX);
    for (uint32_t x = 0; x < n; ++x) {
        uint32_t root = sets.find(x);
        if (group_of_root[root] == UINT32_MAX) {
            group_of_root[root] = uint32_t(groups.size());
            groups.emplace_back();
        }
        groups[group_of_root[root]].push_back(x);
    }
    return groups;
}

std::vector<std::vector<uint32_t>> average_linkage(const std::vector<uint32_t>& items, const PairScore& score,
                                                   double threshold) {
    const std::size_t k = items.size();
    std::vector<std::vector<uint32_t>> members(k);
    for (std::size_t g = 0; g < k; ++g) members[g] = {items[g]};
    if (k < 2) return members;

    std::vector<double> sum(k * (k - 1) / 2, 0.0);
    std::vector<uint32_t> count(sum.size(), 0);
    std::priority_queue<Candidate, std::vector<Candidate>, Lower> queue;
    for (uint32_t i = 0; i < k; ++i)
        for (uint32_t j = i + 1; j < k; ++j) {
            std::optional<double> s = score(items[i], items[j]);
            if (!s) continue;
            std::size_t p = pair_index(k, i, j);
            sum[p] = *s;
            count[p] = 1;
            queue.push({*s, i, j, 0, 0});
        }

    std::vector<uint32_t> version(k, 0);
    std::vector<bool> active(k, true);
    while (!queue.empty()) {
        Candidate c = queue.top();
        queue.pop();
        if (!active[c.i] || !active[c.j] || version[c.i] != c.version_i || version[c.j] != c.version_j) continue;
        if (c.mean < threshold) break;
        // Merge group j into group i (the lower keeps its number).
        active[c.j] = false;
        ++version[c.i];
        members[c.i].insert(members[c.i].end(), members[c.j].begin(), members[c.j].end());
        members[c.j].clear();
        for (uint32_t other = 0; other < k; ++other) {
            if (!active[other] || other == c.i) continue;
            std::size_t into = pair_index(k, std::min(c.i, other), std::max(c.i, other));
            std::size_t from = pair_index(k, std::min(c.j, other), std::max(c.j, other));
            sum[into] += sum[from];
            count[into] += count[from];
            if (count[into] == 0) continue;
            uint32_t lo = std::min(c.i, other), hi = std::max(c.i, other);
            queue.push({sum[into] / count[into], lo, hi, version[lo], version[hi]});
        }
    }

    std::vector<std::vector<uint32_t>> groups;
    for (std::size_t g = 0; g < k; ++g) {
        if (!active[g]) continue;
        std::sort(members[g].begin(), members[g].end());
        groups.push_back(std::move(members[g]));
    }
    std::sort(groups.begin(), groups.end(),
              [](const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) { return a[0] < b[0]; });
    return groups;
}

}  // namespace ingest::cluster_linkage
