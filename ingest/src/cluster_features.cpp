#include "cluster_features.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "cluster_places.hpp"
#include "cluster_text.hpp"

namespace ingest::cluster_features {
namespace {

using cluster_text::Token;
using cluster_text::TokenKind;

// Term frequencies count at most twice: a headline that repeats a word is not
// twice as much about it.
constexpr double kMaxTermFrequency = 2.0;
constexpr int kMinSharedAnchors = 2;

// Terms of one document before weighting, keyed by term id.
struct RawDoc {
    std::vector<uint32_t> countries;
    std::unordered_map<uint32_t, double> words;
    std::unordered_map<uint32_t, double> anchors;    // numbers and places: language-neutral from the start
    std::vector<std::pair<uint32_t, double>> cross;  // word keys that may turn out to be anchors
};

class Vocabulary {
public:
    uint32_t id(const std::string& term) {
        auto [it, added] = ids_.emplace(term, uint32_t(terms_.size()));
        if (added) terms_.push_back(term);
        return it->second;
    }
    std::size_t size() const { return terms_.size(); }
    const std::string& term(uint32_t id) const { return terms_[id]; }
    std::vector<std::string> release() { return std::move(terms_); }

private:
    std::unordered_map<std::string, uint32_t> ids_;
    std::vector<std::string> terms_;
};

// Languages each cross-language key was seen in: the first, and whether another.
struct KeyLanguages {
    uint32_t first = UINT32_MAX;
    bool several = false;
};

double idf(std::size_t n, std::size_t df) {
    return std::log(1.0 + (double(n) - double(df) + 0.5) / (double(df) + 0.5));
}

}  // namespace

// Codes mixing letters and digits ("COP31", "H5N1", "A320") name one thing
// in every language: one shared code is enough evidence across languages.
TextModel::TermKind TextModel::kind_of(const std::string& term) {
    if (term.empty()) return TermKind::Other;
    if (term[0] == '@') return TermKind::Place;
    if (term[0] != '~') return TermKind::Other;
    int letters = 0, digits = 0;
    for (char c : term) {
        letters += c >= 'a' && c <= 'z';
        digits += c >= '0' && c <= '9';
    }
    return letters >= 2 && digits >= 1 ? TermKind::Code : TermKind::Other;
}

TextModel::TextModel(const std::vector<TextInput>& inputs, const TextOptions& options)
    : country_conflict_(options.country_conflict) {
    Vocabulary vocab;
    std::unordered_map<std::string, uint32_t> language_ids;
    auto language_id = [&](const std::string& lang) {
        auto [it, added] = language_ids.emplace(lang, uint32_t(languages_.size()));
        if (added) languages_.push_back(lang);
        return it->second;
    };
    std::vector<RawDoc> raw(inputs.size());
    docs_.resize(inputs.size());
    std::vector<KeyLanguages> key_languages;

    // Adds the terms of one text. `words`: it is the pivot (compared word by
    // word with same-language pivots); every text feeds the anchors.
    auto add_text = [&](RawDoc& doc, std::string_view text, const std::string& lang, double weight, bool words) {
        if (text.empty()) return;
        uint32_t lang_id = language_id(lang);
        cluster_text::TokenizedText tt = cluster_text::tokenize(text);
        std::vector<bool> consumed(tt.tokens.size(), false);
        for (const cluster_places::PlaceMention& m : cluster_places::find_places(tt, lang)) {
            for (std::size_t k = m.first_token; k < m.first_token + m.token_count; ++k) consumed[k] = true;
            uint32_t term = vocab.id("@" + cluster_places::place_key(m.place));
            if (!cluster_places::is_city(m.place)) doc.countries.push_back(term);
            if (words) doc.words[term] += weight;
            doc.anchors[term] += weight;
        }
        for (std::size_t i = 0; i < tt.tokens.size(); ++i) {
            const Token& t = tt.tokens[i];
            if (consumed[i] || !cluster_text::is_content_token(t, lang)) continue;
            if (t.kind == TokenKind::Number) {
                uint32_t term = vocab.id("#" + t.folded);
                if (words) doc.words[term] += weight;
                doc.anchors[term] += weight;
                continue;
            }
            if (words) doc.words[vocab.id(lang + "|" + cluster_text::lexical_key(t, lang))] += weight;
            uint32_t cross = vocab.id("~" + cluster_text::cross_language_key(t));
            doc.cross.emplace_back(cross, weight);
            if (key_languages.size() <= cross) key_languages.resize(cross + 1);
            KeyLanguages& kl = key_languages[cross];
            if (kl.first == UINT32_MAX)
                kl.first = lang_id;
            else if (kl.first != lang_id)
                kl.several = true;
        }
    };

    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const TextInput& in = inputs[i];
        std::string original = cluster_text::primary_language(in.language);
        if (original.empty()) original = "und";
        bool translated = !in.title_en.empty();
        std::string pivot = translated ? "en" : original;
        docs_[i].pivot = language_id(pivot);
        if (translated) {
            add_text(raw[i], in.title_en, "en", 1.0, true);
            add_text(raw[i], in.description_en, "en", options.description_weight, true);
        }
        add_text(raw[i], in.title, original, 1.0, !translated);
        add_text(raw[i], in.description, original, options.description_weight, !translated);
    }

    // A word key seen in two languages is an anchor.
    for (RawDoc& doc : raw)
        for (const auto& [term, weight] : doc.cross)
            if (key_languages[term].several) doc.anchors[term] += weight;

    kind_.resize(vocab.size());
    for (uint32_t t = 0; t < vocab.size(); ++t) kind_[t] = kind_of(vocab.term(t));
    std::vector<std::size_t> df_words(vocab.size(), 0), df_anchors(vocab.size(), 0);
    for (const RawDoc& doc : raw) {
        for (const auto& entry : doc.words) ++df_words[entry.first];
        for (const auto& entry : doc.anchors) ++df_anchors[entry.first];
    }
    const std::size_t n = inputs.size();
    auto weigh = [&](const std::unordered_map<uint32_t, double>& tf, const std::vector<std::size_t>& df) {
        std::vector<Weighted> v;
        for (const auto& [term, f] : tf) {
            double w = std::min(f, kMaxTermFrequency) * idf(n, df[term]) *
                       (kind_[term] == TermKind::Place ? options.place_weight : 1.0);
            v.push_back({term, float(w)});
        }
        std::sort(v.begin(), v.end(), [](const Weighted& a, const Weighted& b) { return a.term < b.term; });
        // Normalise in term order, so the result never depends on hash order.
        double norm = 0;
        for (const Weighted& w : v) norm += double(w.weight) * w.weight;
        if (norm > 0)
            for (Weighted& w : v) w.weight = float(w.weight / std::sqrt(norm));
        return v;
    };
    terms_ = vocab.release();
    postings_.resize(terms_.size());
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<uint32_t>& countries = raw[i].countries;
        std::sort(countries.begin(), countries.end());
        countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
        docs_[i].countries = std::move(countries);
        docs_[i].words = weigh(raw[i].words, df_words);
        docs_[i].anchors = weigh(raw[i].anchors, df_anchors);
        std::vector<uint32_t> terms;
        for (const Weighted& w : docs_[i].words) terms.push_back(w.term);
        for (const Weighted& w : docs_[i].anchors) terms.push_back(w.term);
        std::sort(terms.begin(), terms.end());
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
        for (uint32_t t : terms) postings_[t].push_back(uint32_t(i));
        raw[i] = RawDoc();  // free as we go: large batches
    }
}

PairScore TextModel::dot(const std::vector<Weighted>& a, const std::vector<Weighted>& b) const {
    PairScore s;
    double sum = 0;
    int specific = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i].term < b[j].term) {
            ++i;
        } else if (b[j].term < a[i].term) {
            ++j;
        } else {
            sum += double(a[i].weight) * b[j].weight;
            ++s.shared_terms;
            specific += kind_[a[i].term] != TermKind::Place;
            s.shared_codes += kind_[a[i].term] == TermKind::Code;
            ++i;
            ++j;
        }
    }
    s.cosine = sum;
    s.shared_specific = specific;
    return s;
}

PairScore TextModel::score(std::size_t a, std::size_t b) const {
    const Doc& da = docs_[a];
    const Doc& db = docs_[b];
    bool same = da.pivot == db.pivot;
    PairScore s = same ? dot(da.words, db.words) : dot(da.anchors, db.anchors);
    s.same_language = same;
    // Evidence rules: never on places alone; across languages, where the
    // vectors are short, never on a single shared term ("2027", "record").
    if (s.shared_specific == 0 || (!same && s.shared_terms < kMinSharedAnchors && s.shared_codes == 0)) s.cosine = 0;
    if (!da.countries.empty() && !db.countries.empty() &&
        std::find_first_of(da.countries.begin(), da.countries.end(), db.countries.begin(), db.countries.end()) ==
            da.countries.end())
        s.cosine *= country_conflict_;
    return s;
}

std::vector<std::string> TextModel::shared_terms(std::size_t a, std::size_t b) const {
    const Doc& da = docs_[a];
    const Doc& db = docs_[b];
    const std::vector<Weighted>& x = da.pivot == db.pivot ? da.words : da.anchors;
    const std::vector<Weighted>& y = da.pivot == db.pivot ? db.words : db.anchors;
    std::vector<std::string> out;
    for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i].term < y[j].term)
            ++i;
        else if (y[j].term < x[i].term)
            ++j;
        else
            out.push_back(terms_[x[i++].term]), ++j;
    }
    return out;
}

void TextModel::candidates(std::size_t a, std::size_t max_df, std::vector<uint32_t>& out) const {
    std::size_t start = out.size();
    auto visit = [&](const std::vector<Weighted>& terms) {
        for (const Weighted& w : terms) {
            const std::vector<uint32_t>& docs = postings_[w.term];
            if (docs.size() > max_df) continue;
            for (auto it = std::upper_bound(docs.begin(), docs.end(), uint32_t(a)); it != docs.end(); ++it)
                out.push_back(*it);
        }
    };
    visit(docs_[a].words);
    visit(docs_[a].anchors);
    std::sort(out.begin() + std::ptrdiff_t(start), out.end());
    out.erase(std::unique(out.begin() + std::ptrdiff_t(start), out.end()), out.end());
}

}  // namespace ingest::cluster_features
