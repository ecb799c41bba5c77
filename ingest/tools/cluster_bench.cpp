// bench_cluster — time and peak memory of story clustering on generated
// batches of 5,000 and 50,000 articles, with and without (synthetic)
// embeddings, on one thread. docs/clustering.md records its output.
//
//   bench_cluster                 the four standard runs, plus 10,000 and 20,000 for the growth
//   bench_cluster N [embeddings]  one run
//
// The batches are generated, not real: headlines drawn from a Zipf-like
// vocabulary (a few topic words per story, common words for the rest), in ten
// languages, about half of the non-English ones with an English version,
// spread over 48 hours; stories of 1 to 40 articles. The vectors are
// synthetic: a component common to all, one per story and one per article,
// weighted so that two articles of one story have a cosine of about 0.8 and
// two unrelated ones about 0.25 (the median REAL_DATA.md reports for real GSG
// vectors, which is what makes the pair search work hard). They exercise the
// search, not the quality.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "cluster.hpp"

using namespace ingest;

namespace {

// Deterministic across standard libraries (std::*_distribution is not).
struct Rng {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    std::size_t below(std::size_t n) { return std::size_t(uniform() * double(n)); }
    double gauss() {
        double u = std::max(uniform(), 1e-300), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
    // Rank in 1..n with probability about 1/rank (a Zipf vocabulary).
    std::size_t zipf(std::size_t n) { return std::size_t(std::exp(uniform() * std::log(double(n)))); }
};

// A pronounceable pseudo-word for vocabulary entry `k` of `lang`: distinct
// languages get distinct words, as real ones mostly do.
std::string word(const std::string& lang, std::size_t k) {
    static const char* const syllables[] = {"ka", "lo",  "mi", "ra", "ten", "bu", "so", "vel", "dar", "ni",
                                            "pe", "gor", "tu", "an", "shi", "ro", "el", "mar", "qui", "zo"};
    std::string w;
    std::size_t x = k * 7 + (lang.empty() ? 0 : std::size_t(lang[0] * 31 + lang[1]));
    for (int i = 0; i < 3; ++i) {
        w += syllables[x % 20];
        x /= 20;
    }
    return w + std::to_string(k % 97);
}

constexpr std::size_t kVocabulary = 30000;
// Cosines: common^2 = 0.25 between unrelated articles, common^2 + story^2 =
// 0.8 inside a story (the three squares sum to 1).
constexpr double kCommonWeight = 0.5, kStoryWeight = 0.742, kArticleWeight = 0.447;
constexpr int64_t kStart = 1795564800;  // 2026-11-25T00:00:00Z
const char* const kLanguages[] = {"en", "en", "en", "en", "fr", "de", "es", "it", "pt", "ru", "ja", "ar"};
const char* const kCountries[] = {"US", "GB", "AU", "IN", "FR", "DE", "ES", "IT", "BR", "RU", "JP", "EG"};
const char* const kPlaces[] = {"France", "Germany", "Brazil", "Japan", "Kenya", "Chile", "India", "Peru"};

std::vector<ClusterArticle> generate(std::size_t n, bool embeddings, std::size_t dims) {
    Rng rng{42};
    std::vector<ClusterArticle> out;
    out.reserve(n);
    std::vector<double> common;
    for (std::size_t d = 0; d < dims; ++d) common.push_back(kCommonWeight * rng.gauss());
    std::size_t story = 0;
    while (out.size() < n) {
        ++story;
        std::size_t size = 1 + std::min<std::size_t>(39, std::size_t(-8.0 * std::log(std::max(rng.uniform(), 1e-9))));
        std::size_t topic[4];
        for (std::size_t& t : topic) t = 1000 + rng.below(kVocabulary - 1000);
        std::string code = rng.below(5) == 0 ? "X" + std::to_string(story % 1000) + "Q" : "";
        const char* place = kPlaces[rng.below(8)];
        int64_t start = kStart + int64_t(rng.below(48 * 3600));
        std::vector<double> centre;
        if (embeddings)
            for (std::size_t d = 0; d < dims; ++d) centre.push_back(common[d] + kStoryWeight * rng.gauss());
        for (std::size_t k = 0; k < size && out.size() < n; ++k) {
            std::size_t l = rng.below(12);
            std::string lang = kLanguages[l];
            auto headline = [&](const std::string& in_lang) {
                std::string h = code.empty() ? "" : code + " ";
                for (int w = 0; w < 3; ++w) h += word(in_lang, topic[rng.below(4)]) + " ";
                for (int w = 0; w < 3; ++w) h += word(in_lang, rng.zipf(kVocabulary)) + " ";
                if (rng.below(2) == 0) h += std::string(place) + " ";
                return h + std::to_string(rng.below(100));
            };
            ClusterArticle a;
            a.id = "a" + std::to_string(out.size());
            a.outlet_id = "outlet" + std::to_string(rng.below(1500));
            a.outlet_name = a.outlet_id;
            a.outlet_domain = a.outlet_id + ".example";
            a.url = "https://" + a.outlet_domain + "/" + a.id;
            a.country = kCountries[l];
            a.language = lang;
            a.title = headline(lang);
            if (lang != "en" && rng.below(2) == 0) a.title_en = headline("en");
            a.time = start + int64_t(rng.below(12 * 3600));
            if (embeddings) {
                a.embedding.resize(dims);
                for (std::size_t d = 0; d < dims; ++d) a.embedding[d] = float(centre[d] + kArticleWeight * rng.gauss());
            }
            out.push_back(std::move(a));
        }
    }
    return out;
}

// Resets the kernel's peak-RSS counter (Linux), so that the next reading is
// the peak of what follows.
void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

long peak_rss_kb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return -1;
}

long current_rss_kb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    return -1;
}

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec) + double(u.ru_utime.tv_usec) / 1e6 + double(u.ru_stime.tv_sec) +
           double(u.ru_stime.tv_usec) / 1e6;
}

struct Result {
    double wall = 0, cpu = 0;
    long input_mb = 0, peak_mb = 0;
};

// One run in this process; prints one line for people and one for the parent.
void run(std::size_t n, bool embeddings) {
    std::vector<ClusterArticle> articles = generate(n, embeddings, 512);
    reset_peak();
    Result r;
    r.input_mb = current_rss_kb() / 1024;
    double cpu0 = cpu_seconds();
    auto t0 = std::chrono::steady_clock::now();
    Clustering c = cluster_stories(articles);
    r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.cpu = cpu_seconds() - cpu0;
    r.peak_mb = peak_rss_kb() / 1024;
    std::size_t clustered = 0;
    for (int s : c.story_of) clustered += s >= 0;
    std::printf(
        "%7zu articles, %-10s  %6.2f s CPU  %6.2f s wall  peak RSS %4ld MB (input batch %4ld MB)  "
        "%9zu pairs scored  %7zu links  largest component %4zu  %5zu stories  %6zu articles in stories\n",
        n, embeddings ? "embeddings" : "text only", r.cpu, r.wall, r.peak_mb, r.input_mb, c.stats.candidate_pairs,
        c.stats.links, c.stats.largest_component, c.stories.size(), clustered);
    std::printf("# %f %f %ld\n", r.cpu, r.wall, r.peak_mb);
}

// Runs one configuration in a fresh process, so that its peak memory is its own.
Result run_apart(const std::string& self, std::size_t n, bool embeddings) {
    std::string cmd = self + " " + std::to_string(n) + (embeddings ? " embeddings" : "");
    Result r;
    FILE* child = popen(cmd.c_str(), "r");
    if (!child) return r;
    char line[512];
    while (std::fgets(line, sizeof line, child)) {
        if (line[0] == '#')
            std::sscanf(line + 1, "%lf %lf %ld", &r.cpu, &r.wall, &r.peak_mb);
        else
            std::fputs(line, stdout);
    }
    pclose(child);
    std::fflush(stdout);
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2) {
        run(std::size_t(std::atol(argv[1])), argc >= 3 && std::strcmp(argv[2], "embeddings") == 0);
        return 0;
    }
    char path[4096];
    ssize_t len = readlink("/proc/self/exe", path, sizeof path - 1);
    const std::string self = len > 0 ? std::string(path, std::size_t(len)) : std::string(argv[0]);
    std::printf("story clustering, one thread, default options (generated batches; synthetic vectors)\n");
    for (bool embeddings : {false, true}) {
        Result small{}, large{};
        for (std::size_t n : {5000, 10000, 20000, 50000}) {
            Result r = run_apart(self, n, embeddings);
            if (n == 5000) small = r;
            if (n == 50000) large = r;
        }
        if (small.cpu <= 0 || small.peak_mb <= 0) continue;
        std::printf("  growth 5,000 -> 50,000 (%s): CPU time x%.1f (exponent %.2f), peak memory x%.1f\n",
                    embeddings ? "embeddings" : "text only", large.cpu / small.cpu,
                    std::log(large.cpu / small.cpu) / std::log(10.0), double(large.peak_mb) / double(small.peak_mb));
    }
    return 0;
}
