#include "translation_stage.hpp"

#include <map>
#include <set>

#include "core/time_format.hpp"
#include "language_id.hpp"

namespace ingest {

namespace {

constexpr size_t kErrorsListed = 20;

struct Done {
    std::string text;
    int64_t at = 0;
};

bool needs_translation(const BuildArticle& b) {
    return !b.text_language.empty() && !languages_match("en", b.text_language);
}

}  // namespace

void translate_articles(std::vector<BuildArticle>& articles, Translator& translator, TranslationCache& cache,
                        int64_t now, TranslationStats& stats) {
    // Distinct texts per language, in a fixed order (requests do not depend on input order).
    std::map<std::string, std::set<std::string>> wanted;
    for (const BuildArticle& b : articles) {
        if (!needs_translation(b)) continue;
        ++stats.items_needing;
        wanted[b.text_language].insert(b.article.headline);
        if (!b.article.summary.empty()) wanted[b.text_language].insert(b.article.summary);
    }
    std::map<std::string, std::string> engines;                        // language -> engine
    std::map<std::pair<std::string, std::string>, Done> translations;  // (language, text) -> English
    for (const auto& [language, texts] : wanted) {
        std::string engine = translator.engine(language);
        if (engine.empty()) {
            stats.texts_unsupported += texts.size();
            stats.unsupported[language] = translator.unsupported_reason(language);
            continue;
        }
        engines[language] = engine;
        std::vector<std::string> missing;
        for (const std::string& text : texts) {
            if (const CachedTranslation* hit = cache.find(engine, language, text)) {
                translations[{language, text}] = {hit->text, hit->at};
                ++stats.texts_from_cache;
            } else {
                missing.push_back(text);
            }
        }
        if (missing.empty()) continue;
        std::vector<TranslationResult> results = translator.translate(missing, language);
        for (size_t i = 0; i < missing.size(); ++i) {
            const TranslationResult* r = i < results.size() ? &results[i] : nullptr;
            if (r && r->ok()) {
                cache.put(engine, language, missing[i], r->text, now);
                translations[{language, missing[i]}] = {r->text, now};
                ++stats.texts_translated;
                continue;
            }
            ++stats.texts_failed;
            if (stats.errors.size() < kErrorsListed)
                stats.errors.push_back(language + " \"" + missing[i].substr(0, 80) + "\": " +
                                       (r ? r->error : std::string("no result")));
        }
    }
    for (BuildArticle& b : articles) {
        if (!needs_translation(b)) continue;
        auto engine = engines.find(b.text_language);
        if (engine == engines.end()) continue;
        ng::Article& a = b.article;
        ng::Translation t{b.text_language, engine->second, {}, {}};
        int64_t at = 0;
        auto apply = [&](std::string& field, std::string& original, const char* name) {
            auto it = translations.find({b.text_language, field});
            if (field.empty() || it == translations.end()) return;
            original = field;
            field = it->second.text;
            at = std::max(at, it->second.at);
            t.fields.push_back(name);
        };
        apply(a.headline, a.original_headline, "headline");
        apply(a.summary, a.original_summary, "summary");
        if (t.fields.empty()) continue;
        t.at = {ng::format_rfc3339(at), at};
        a.translation = std::move(t);
        if (!a.original_headline.empty()) {
            ++stats.items_translated;
            ++stats.items_by_language[b.text_language];
        }
    }
}

}  // namespace ingest
