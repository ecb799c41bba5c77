#include "cluster_embedding.hpp"

#include <algorithm>
#include <cmath>

namespace ingest::cluster_embedding {
namespace {

// Signatures are 512 bits, compared in two halves: the first 256 bits rule
// out most pairs cheaply, the full 512 the rest (twice the bits, half the
// relative spread, so far fewer pairs need an exact cosine).
constexpr int kSignatureBits = 512;
constexpr int kHalfBits = kSignatureBits / 2;
constexpr int kWords = kSignatureBits / 64;
constexpr int kRotationRounds = 3;
constexpr uint64_t kRotationSeed = 0x6e657773676c6f62;  // "newsglob": fixed, so signatures never change
constexpr double kPi = 3.14159265358979323846;

#if defined(__GNUC__) && defined(__x86_64__) && defined(__linux__)
// The scan below is almost all bit counting, and x86-64's baseline has no
// popcount instruction (a library call instead, ~8x slower here): build it
// twice and let the loader pick the CPU's best (function multiversioning).
#define CLUSTER_POPCOUNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define CLUSTER_POPCOUNT_CLONES
#endif

// Writes the positions k < count whose signature differs from `query` in at
// most `half_limit` bits of the first half and `limit` bits in all.
CLUSTER_POPCOUNT_CLONES
std::size_t near_signatures(const uint64_t* query, const uint64_t* signatures, std::size_t count, int half_limit,
                            int limit, uint32_t* out) {
    std::size_t n = 0;
    for (std::size_t k = 0; k < count; ++k) {
        const uint64_t* s = signatures + kWords * k;
        int d = __builtin_popcountll(query[0] ^ s[0]) + __builtin_popcountll(query[1] ^ s[1]) +
                __builtin_popcountll(query[2] ^ s[2]) + __builtin_popcountll(query[3] ^ s[3]);
        if (d > half_limit) continue;
        d += __builtin_popcountll(query[4] ^ s[4]) + __builtin_popcountll(query[5] ^ s[5]) +
             __builtin_popcountll(query[6] ^ s[6]) + __builtin_popcountll(query[7] ^ s[7]);
        if (d <= limit) out[n++] = uint32_t(k);
    }
    return n;
}

// Eight running sums in a fixed order: fast (the compiler can vectorise it)
// and the same result on every run.
double dot(const float* a, const float* b, std::size_t n) {
    float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int k = 0; k < 8; ++k) acc[k] += a[i + k] * b[i + k];
    float tail = 0;
    for (; i < n; ++i) tail += a[i] * b[i];
    return double((acc[0] + acc[1]) + (acc[2] + acc[3])) + double((acc[4] + acc[5]) + (acc[6] + acc[7])) + double(tail);
}

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void walsh_hadamard(std::vector<float>& v) {
    for (std::size_t h = 1; h < v.size(); h *= 2)
        for (std::size_t i = 0; i < v.size(); i += 2 * h)
            for (std::size_t j = i; j < i + h; ++j) {
                float x = v[j], y = v[j + h];
                v[j] = x + y;
                v[j + h] = x - y;
            }
}

// Bits `bits` signature bits may differ by for a pair at cosine `threshold`:
// the expected count at that angle plus four standard deviations.
int hamming_limit(double threshold, int bits) {
    if (threshold <= -1.0) return bits;
    double p = std::acos(std::min(1.0, threshold)) / kPi;
    double mean = bits * p;
    double sd = std::sqrt(bits * p * (1.0 - p));
    return std::min(bits, int(std::floor(mean + 4.0 * sd)));
}

}  // namespace

EmbeddingSet::EmbeddingSet(const std::vector<const float*>& vectors, std::size_t dims)
    : dims_(dims), slot_(vectors.size(), kNone) {
    std::size_t padded = kSignatureBits;  // the rotation gives one bit per coordinate
    while (padded < dims) padded *= 2;
    std::vector<float> signs(kRotationRounds * padded);
    uint64_t state = kRotationSeed;
    for (float& s : signs) s = (splitmix64(state) >> 63) ? 1.0f : -1.0f;

    std::vector<float> work(padded);
    for (std::size_t doc = 0; doc < vectors.size(); ++doc) {
        const float* v = vectors[doc];
        if (!v) continue;
        double norm = 0;
        for (std::size_t i = 0; i < dims; ++i) norm += double(v[i]) * v[i];
        slot_[doc] = uint32_t(doc_of_.size());
        doc_of_.push_back(uint32_t(doc));
        vector_.push_back(v);
        inverse_norm_.push_back(1.0 / std::sqrt(norm));

        std::fill(work.begin(), work.end(), 0.0f);
        std::copy(v, v + dims, work.begin());
        for (int round = 0; round < kRotationRounds; ++round) {
            for (std::size_t i = 0; i < padded; ++i) work[i] *= signs[round * padded + i];
            walsh_hadamard(work);
        }
        Signature sig{};
        for (int bit = 0; bit < kSignatureBits; ++bit)
            if (work[std::size_t(bit)] > 0) sig[bit / 64] |= uint64_t(1) << (bit % 64);
        signature_.push_back(sig);
    }
}

double EmbeddingSet::cosine(std::size_t a, std::size_t b) const {
    uint32_t ra = slot_[a], rb = slot_[b];
    return dot(vector_[ra], vector_[rb], dims_) * inverse_norm_[ra] * inverse_norm_[rb];
}

std::vector<ScoredPair> EmbeddingSet::pairs_at_least(double threshold, const std::vector<int64_t>& times,
                                                     int64_t window, std::size_t* scored) const {
    // Rows by time (unknown times first: they are compared with every row),
    // with their signatures laid out in that order so each scan is one run.
    std::vector<uint32_t> order(doc_of_.size());
    for (uint32_t r = 0; r < order.size(); ++r) order[r] = r;
    auto time_of = [&](uint32_t row) { return times[doc_of_[row]]; };
    std::sort(order.begin(), order.end(),
              [&](uint32_t x, uint32_t y) { return time_of(x) != time_of(y) ? time_of(x) < time_of(y) : x < y; });
    std::vector<uint64_t> sorted(kWords * order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        std::copy(signature_[order[i]].begin(), signature_[order[i]].end(), &sorted[kWords * i]);
    std::size_t unknown = 0;
    while (unknown < order.size() && time_of(order[unknown]) == 0) ++unknown;

    const int half_limit = hamming_limit(threshold, kHalfBits);
    const int limit = hamming_limit(threshold, kSignatureBits);
    std::vector<ScoredPair> pairs;
    std::vector<uint32_t> near(order.size());
    std::size_t end = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        // Compare row i with the rows after it that are within the window.
        std::size_t first = i + 1, last;
        if (i < unknown) {
            last = order.size();
        } else {
            end = std::max(end, first);
            while (end < order.size() && time_of(order[end]) - time_of(order[i]) <= window) ++end;
            last = end;
        }
        if (first >= last) continue;
        std::size_t n =
            near_signatures(&sorted[kWords * i], &sorted[kWords * first], last - first, half_limit, limit, near.data());
        if (scored) *scored += n;
        for (std::size_t k = 0; k < n; ++k) {
            uint32_t da = doc_of_[order[i]], db = doc_of_[order[first + near[k]]];
            double c = cosine(da, db);
            if (c >= threshold) pairs.push_back({std::min(da, db), std::max(da, db), float(c)});
        }
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const ScoredPair& x, const ScoredPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    return pairs;
}

}  // namespace ingest::cluster_embedding
