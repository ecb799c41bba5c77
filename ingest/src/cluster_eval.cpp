#include "cluster_eval.hpp"

#include <fstream>
#include <map>
#include <unordered_map>

#include "cluster_text.hpp"
#include "core/json_util.hpp"
#include "core/time_format.hpp"

namespace ingest::cluster_eval {
namespace {

using nlohmann::json;
namespace ju = ng::json_util;

std::string text_field(const json& obj, const char* key) {
    auto s = ju::as_string(ju::member(obj, key));
    return s ? std::string(*s) : std::string();
}

// Languages Debian's Apertium translates into English offline (see
// ../shared/REAL_DATA.md and scripts/setup.sh).
bool offline_translatable(const std::string& lang) {
    static const char* const langs[] = {"es", "ca", "gl", "eu", "eo", "is", "sr", "hr", "bs", "mk"};
    for (const char* l : langs)
        if (lang == l) return true;
    return false;
}

}  // namespace

EvalSet load_eval_set(const std::string& path) {
    EvalSet set;
    std::ifstream in(path);
    if (!in) {
        set.errors.push_back(path + ": cannot be read");
        return set;
    }
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty()) continue;
        json obj = ju::parse(line);
        std::string where = path + ":" + std::to_string(number) + ": ";
        if (!obj.is_object()) {
            set.errors.push_back(where + "not a JSON object");
            continue;
        }
        EvalItem item;
        ClusterArticle& a = item.article;
        a.id = text_field(obj, "id");
        item.story = text_field(obj, "story");
        a.url = text_field(obj, "url");
        a.outlet_id = text_field(obj, "outlet_id");
        a.outlet_name = text_field(obj, "outlet");
        a.outlet_domain = text_field(obj, "domain");
        a.country = text_field(obj, "country");
        a.language = text_field(obj, "lang");
        a.title = text_field(obj, "title");
        a.time = ng::parse_rfc3339(text_field(obj, "time"));
        item.title_human = text_field(obj, "title_en");
        item.title_apertium = text_field(obj, "title_apertium");
        if (a.id.empty() || item.story.empty() || a.title.empty()) {
            set.errors.push_back(where + "needs id, story and title");
            continue;
        }
        set.items.push_back(std::move(item));
    }
    return set;
}

const char* describe(Translations t) {
    switch (t) {
        case Translations::Human: return "(a) English translations for every language";
        case Translations::Offline:
            return "(b) offline translator only (Apertium: es, ca, gl, eu, eo, is, sr/hr/bs, mk)";
        case Translations::None: return "(c) originals only, no translation";
    }
    return "";
}

std::vector<ClusterArticle> articles_for(const EvalSet& set, Translations translations) {
    std::vector<ClusterArticle> out;
    for (const EvalItem& item : set.items) {
        ClusterArticle a = item.article;
        std::string lang = cluster_text::primary_language(a.language);
        if (translations == Translations::Human && !item.title_human.empty()) {
            a.title_en = item.title_human;
            a.translated_by = "human (evaluation set)";
        } else if (translations == Translations::Offline && offline_translatable(lang) &&
                   !item.title_apertium.empty()) {
            a.title_en = item.title_apertium;
            a.translated_by = "apertium";
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::size_t attach_embeddings(std::vector<ClusterArticle>& articles, const std::string& path,
                              std::vector<std::string>& errors) {
    std::ifstream in(path);
    if (!in) {
        errors.push_back(path + ": cannot be read");
        return 0;
    }
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        by_key.emplace(articles[i].url, i);
        by_key.emplace(articles[i].id, i);
    }
    std::size_t attached = 0;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty()) continue;
        std::string where = path + ":" + std::to_string(number) + ": ";
        json obj = ju::parse(line);
        std::string key = text_field(obj, "url");
        if (key.empty()) key = text_field(obj, "id");
        const json* vec = ju::as_array(ju::member(obj, "docembed"));
        auto it = by_key.find(key);
        if (!vec || it == by_key.end()) {
            errors.push_back(where + (vec ? "no article with this url or id" : "no docembed array"));
            continue;
        }
        std::vector<float> v;
        for (const json& x : *vec)
            if (x.is_number()) v.push_back(x.get<float>());
        if (v.size() != vec->size()) {
            errors.push_back(where + "docembed holds something that is not a number");
            continue;
        }
        articles[it->second].embedding = std::move(v);
        ++attached;
    }
    return attached;
}

PairwiseScore pairwise(const std::vector<std::string>& truth, const std::vector<int>& story_of) {
    PairwiseScore s;
    for (std::size_t i = 0; i < truth.size(); ++i)
        for (std::size_t j = i + 1; j < truth.size(); ++j) {
            bool same_truth = truth[i] == truth[j];
            bool same_predicted = story_of[i] >= 0 && story_of[i] == story_of[j];
            s.true_pairs += same_truth;
            s.predicted_pairs += same_predicted;
            s.correct_pairs += same_truth && same_predicted;
        }
    s.precision = s.predicted_pairs ? double(s.correct_pairs) / double(s.predicted_pairs) : 1.0;
    s.recall = s.true_pairs ? double(s.correct_pairs) / double(s.true_pairs) : 1.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    return s;
}

}  // namespace ingest::cluster_eval
