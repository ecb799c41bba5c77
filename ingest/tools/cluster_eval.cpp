// ingest_eval_clusters — measures story clustering on the labelled set in
// ingest/eval/stories.jsonl: pairwise precision, recall and F1 for each
// method and threshold, in three translation settings. docs/clustering.md
// records its output and explains the set.
//
//   ingest_eval_clusters [--set FILE] [--embeddings FILE] [--verbose]
//   ingest_eval_clusters --write-apertium OUT   (adds Apertium's translations to the set)
//
// --embeddings reads vectors in GDELT GSG's docembed shape, one JSON object a
// line: {"url": "<an item's url>", "docembed": [512 floats]} ("id" may stand
// in for "url"), e.g. USEv4 vectors computed elsewhere for the set's titles.
// Without it the embedding path is not measured, and the program says so.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cluster.hpp"
#include "cluster_eval.hpp"
#include "cluster_text.hpp"
#include "core/json_util.hpp"

using namespace ingest;
using namespace ingest::cluster_eval;

namespace {

struct Row {
    std::string method;
    ClusterOptions options;
};

void print_header() {
    std::printf("  %-22s %6s %6s %6s %6s | %6s %6s %6s | %7s\n", "method", "emb", "same", "cross", "avg", "P", "R",
                "F1", "stories");
}

void print_row(const std::string& method, const ClusterOptions& o, const std::vector<ClusterArticle>& articles,
               const std::vector<std::string>& truth) {
    Clustering c = cluster_stories(articles, o);
    PairwiseScore s = pairwise(truth, c.story_of);
    std::printf("  %-22s %6.2f %6.2f %6.2f %6.2f | %6.3f %6.3f %6.3f | %7zu\n", method.c_str(), o.embedding_threshold,
                o.same_language_threshold, o.cross_language_threshold, o.average_linkage, s.precision, s.recall, s.f1,
                c.stories.size());
}

void sweep_text(const std::vector<ClusterArticle>& articles, const std::vector<std::string>& truth) {
    const ClusterOptions defaults;
    print_header();
    print_row("chosen (defaults)", defaults, articles, truth);
    ClusterOptions components = defaults;
    components.average_linkage = 0;
    print_row("components only", components, articles, truth);
    for (double t : {0.15, 0.20, 0.25, 0.30, 0.35, 0.40}) {
        ClusterOptions o = defaults;
        o.same_language_threshold = t;
        print_row("same-language sweep", o, articles, truth);
    }
    for (double t : {0.20, 0.25, 0.30, 0.40, 0.50}) {
        ClusterOptions o = defaults;
        o.cross_language_threshold = t;
        print_row("cross-language sweep", o, articles, truth);
    }
    for (double a : {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0}) {
        ClusterOptions o = defaults;
        o.average_linkage = a;
        print_row("average-linkage sweep", o, articles, truth);
    }
}

void sweep_embeddings(const std::vector<ClusterArticle>& articles, const std::vector<std::string>& truth) {
    print_header();
    for (double avg : {0.0, 1.0})
        for (double t : {0.50, 0.55, 0.60, 0.65, 0.70, 0.72, 0.75, 0.80, 0.85, 0.90}) {
            ClusterOptions o;
            o.embedding_threshold = t;
            o.average_linkage = avg;
            print_row(avg > 0 ? "emb, average linkage" : "emb, components", o, articles, truth);
        }
}

// For the default options: each predicted story that mixes true stories,
// and each true story split over several predicted ones.
void explain(const std::vector<ClusterArticle>& articles, const std::vector<std::string>& truth) {
    Clustering c = cluster_stories(articles, ClusterOptions());
    for (std::size_t s = 0; s < c.stories.size(); ++s) {
        std::map<std::string, int> mix;
        for (const StoryMember& m : c.stories[s].members) ++mix[truth[m.article]];
        if (mix.size() < 2) continue;
        std::printf("  merged:");
        for (const auto& [story, n] : mix) std::printf(" %s x%d", story.c_str(), n);
        std::printf("\n");
    }
    std::map<std::string, std::map<int, int>> parts;
    for (std::size_t i = 0; i < truth.size(); ++i) ++parts[truth[i]][c.story_of[i]];
    for (const auto& [story, where] : parts) {
        if (where.size() < 2 && !where.count(-1)) continue;
        if (where.size() == 1 && where.count(-1) && where.at(-1) == 1) continue;  // an unrelated item, alone
        std::printf("  split: %-22s", story.c_str());
        for (const auto& [s, n] : where) {
            if (s < 0)
                std::printf(" unclustered x%d", n);
            else
                std::printf(" %s x%d", c.stories[std::size_t(s)].id.c_str(), n);
        }
        std::printf("\n");
    }
}

// [SECTION] --write-apertium

const std::map<std::string, std::string>& apertium_pairs() {
    static const std::map<std::string, std::string> pairs = {
        {"es", "spa-eng"}, {"ca", "cat-eng"}, {"gl", "gl-en"},   {"eu", "eu-en"},   {"eo", "eo-en"},
        {"is", "isl-eng"}, {"sr", "hbs-eng"}, {"hr", "hbs-eng"}, {"bs", "hbs-eng"}, {"mk", "mkd-eng"}};
    return pairs;
}

// Translates lines with `apertium -u PAIR` (one line in, one line out).
bool apertium(const std::string& pair, const std::vector<std::string>& lines, std::vector<std::string>& out) {
    const std::string in_path = "/tmp/ingest_eval_apertium.in", out_path = "/tmp/ingest_eval_apertium.out";
    {
        std::ofstream f(in_path);
        for (const std::string& l : lines) f << l << "\n";
    }
    std::string cmd = "apertium -u " + pair + " < " + in_path + " > " + out_path;
    if (std::system(cmd.c_str()) != 0) return false;
    std::ifstream f(out_path);
    out.clear();
    for (std::string l; std::getline(f, l);) out.push_back(l);
    return out.size() == lines.size();
}

int write_apertium(const std::string& set_path, const std::string& out_path) {
    namespace ju = ng::json_util;
    std::ifstream in(set_path);
    std::vector<nlohmann::json> rows;
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty()) continue;
        rows.push_back(ju::parse(line));
        if (!rows.back().is_object() || !ju::as_string(ju::member(rows.back(), "title"))) {
            std::fprintf(stderr, "%s:%d: not an item with a title; nothing written\n", set_path.c_str(), number);
            return 1;
        }
    }
    std::map<std::string, std::vector<std::size_t>> by_pair;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto lang = ju::as_string(ju::member(rows[i], "lang"));
        auto it = lang ? apertium_pairs().find(std::string(*lang)) : apertium_pairs().end();
        if (it != apertium_pairs().end()) by_pair[it->second].push_back(i);
    }
    for (const auto& [pair, indices] : by_pair) {
        std::vector<std::string> titles, translated;
        for (std::size_t i : indices) titles.emplace_back(*ju::as_string(ju::member(rows[i], "title")));
        if (!apertium(pair, titles, translated)) {
            std::fprintf(stderr, "apertium %s failed or lost lines (is it installed? scripts/setup.sh)\n",
                         pair.c_str());
            return 1;
        }
        for (std::size_t k = 0; k < indices.size(); ++k) rows[indices[k]]["title_apertium"] = translated[k];
    }
    std::ofstream out(out_path);
    for (const auto& row : rows) out << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    std::printf("wrote %s (%zu rows)\n", out_path.c_str(), rows.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string set_path = std::string(NEWSGLOBE_SOURCE_DIR) + "/ingest/eval/stories.jsonl";
    std::string embeddings_path, apertium_out;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--set" && i + 1 < argc)
            set_path = argv[++i];
        else if (arg == "--embeddings" && i + 1 < argc)
            embeddings_path = argv[++i];
        else if (arg == "--write-apertium" && i + 1 < argc)
            apertium_out = argv[++i];
        else if (arg == "--verbose")
            verbose = true;
        else {
            std::fprintf(
                stderr,
                "usage: ingest_eval_clusters [--set FILE] [--embeddings FILE] [--verbose] | --write-apertium OUT\n");
            return 2;
        }
    }
    if (!apertium_out.empty()) return write_apertium(set_path, apertium_out);

    EvalSet set = load_eval_set(set_path);
    for (const std::string& e : set.errors) std::fprintf(stderr, "%s\n", e.c_str());
    if (set.items.empty()) return 1;
    std::vector<std::string> truth;
    std::set<std::string> stories, languages, countries;
    std::map<std::string, int> story_size;
    for (const EvalItem& item : set.items) {
        truth.push_back(item.story);
        ++story_size[item.story];
        languages.insert(item.article.language);
        countries.insert(item.article.country);
    }
    int multi = 0;
    for (const auto& [s, n] : story_size) multi += n > 1;
    std::printf(
        "evaluation set %s\n  %zu headlines, %d stories of two or more, %zu unrelated, %zu languages, %zu countries\n",
        set_path.c_str(), set.items.size(), multi, story_size.size() - std::size_t(multi), languages.size(),
        countries.size());

    for (Translations t : {Translations::Human, Translations::Offline, Translations::None}) {
        std::vector<ClusterArticle> articles = articles_for(set, t);
        std::printf("\ntext fallback, %s\n", describe(t));
        sweep_text(articles, truth);
        if (verbose) explain(articles, truth);
    }

    std::printf("\nembeddings\n");
    if (embeddings_path.empty()) {
        std::printf("  not measured: no vectors supplied (--embeddings FILE; see docs/clustering.md)\n");
        return 0;
    }
    std::vector<ClusterArticle> articles = articles_for(set, Translations::Offline);
    std::vector<std::string> errors;
    std::size_t attached = attach_embeddings(articles, embeddings_path, errors);
    for (const std::string& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    std::printf("  %zu of %zu headlines have vectors from %s; the rest use the text fallback (b)\n", attached,
                articles.size(), embeddings_path.c_str());
    sweep_embeddings(articles, truth);
    if (verbose) explain(articles, truth);
    return 0;
}
