#include "curate.hpp"

#include <algorithm>
#include <map>

#include "core/news_decode.hpp"
#include "html_text.hpp"
#include "language_id.hpp"
#include "normalize.hpp"

namespace ingest {

namespace {

ng::Timestamp timestamp(int64_t t) { return t ? ng::Timestamp{ng::format_rfc3339(t), t} : ng::Timestamp{}; }

// Who published it, as the reader sees it.
ng::Outlet outlet_of(const Observation& o, const Outlet* known, const std::string& country) {
    ng::Outlet out;
    out.country = country;
    if (known) {
        out.name = known->name;
        out.domain = known->domain;
    } else {
        out.domain = o.domain;
    }
    // Wide-tier outlets have no curated name: the feed's own title, else GDELT's, else the domain.
    if (out.name.empty()) out.name = ng::clean_text(o.feed_title, ng::kMaxNameBytes);
    if (out.name.empty()) out.name = ng::clean_text(o.outlet_name, ng::kMaxNameBytes);
    if (out.name.empty()) out.name = out.domain;
    return out;
}

class Curator {
public:
    Curator(const OutletIndex& outlets, const CurateOptions& options, BuildReport& report)
        : outlets_(outlets), options_(options), report_(report) {}

    // One article, or nothing (with the reason in the report).
    bool make(const CollectedItem& item, BuildArticle& out) {
        const Observation& o = item.best;
        auto known_it = outlets_.by_id.find(o.outlet_id);
        const Outlet* known = known_it == outlets_.by_id.end() ? nullptr : known_it->second;
        std::string country = known ? known->country : o.country;
        std::string who = known ? known->id : o.domain;
        if (country.empty()) {
            report_.drop_item(drop::kNoCountry, item.canonical_url, who, "no outlet in the table and no country top-level domain");
            return false;
        }
        ng::Article& a = out.article;
        int64_t published = item.published;
        if (published > options_.now + options_.future_tolerance) {
            ++report_.corrected["future-publication-time-ignored"];
            published = 0;
        }
        a.published = timestamp(published);
        a.first_seen = timestamp(item.first_seen);
        int64_t shown = published ? published : item.first_seen;
        if (shown < options_.now - int64_t{options_.retention_hours} * 3600) {
            report_.drop_item(drop::kOld, item.canonical_url, who, ng::format_rfc3339(shown));
            return false;
        }
        a.headline = ng::clean_text(o.title, ng::kMaxLineBytes);
        if (a.headline.empty()) {
            report_.drop_item(drop::kNoTitle, item.canonical_url, who);
            return false;
        }
        a.summary = short_extract(o.description);
        if (headline_key(a.summary) == headline_key(a.headline)) a.summary.clear();  // feeds that repeat the title
        a.outlet = outlet_of(o, known, country);
        a.country = country;
        a.url = item.canonical_url;
        a.id = article_id(country, item.canonical_url);
        out.outlet_id = who;
        set_content(a, o, known);
        set_language(out, o, known, o.description);
        out.canonical_url = item.canonical_url;
        out.from_gdelt = o.rank == SourceRank::Gdelt;
        out.embedding = item.embedding;
        return true;
    }

private:
    // Press under ordinary copyright: an excerpt. An open licence with the
    // full text in the feed: the text, attributed.
    static void set_content(ng::Article& a, const Observation& o, const Outlet* known) {
        if (known && known->allows_full_text() && !o.content.empty()) {
            for (const std::string& p : o.content) {
                std::string clean = ng::clean_text(p, ng::kMaxParagraphBytes);
                if (!clean.empty()) a.body.push_back(std::move(clean));
            }
            a.licence = known->licence;
            a.licence_url = known->licence_url;
        }
        a.excerpt_only = a.body.empty();
    }

    // The declared language (the item's own tag, else the outlet's), checked
    // against what CLD2 reads in the headline and description.
    void set_language(BuildArticle& out, const Observation& o, const Outlet* known, const std::string& description) {
        ng::Article& a = out.article;
        std::string declared = !o.language.empty() ? o.language : known ? known->language : std::string();
        LanguageGuess guess = detect_language(a.headline + ". " + description, declared);
        std::string detected = guess.reliable ? guess.language : std::string();
        a.language = declared.empty() ? detected : declared;
        out.text_language = a.language;
        if (!declared.empty() && !detected.empty() && !languages_match(declared, detected)) {
            a.language_detected = detected;
            out.text_language = detected;
            report_.language_mismatches.push_back({a.id, out.outlet_id, declared, detected});
        }
    }

    const OutletIndex& outlets_;
    const CurateOptions& options_;
    BuildReport& report_;
};

// One outlet's same headline under several URLs (an outlet's mobile domain,
// two sections): the first seen stays.
void drop_repeated_headlines(std::vector<BuildArticle>& articles, BuildReport& report) {
    std::map<std::pair<std::string, std::string>, size_t> first;  // (outlet, headline key) -> index
    std::vector<bool> keep(articles.size(), true);
    for (size_t i = 0; i < articles.size(); ++i) {
        const BuildArticle& b = articles[i];
        std::string key = headline_key(b.article.headline);
        if (key.empty()) continue;
        auto [it, fresh] = first.emplace(std::make_pair(b.outlet_id, key), i);
        if (fresh) continue;
        const BuildArticle& kept = articles[it->second];
        bool earlier = std::tie(b.article.first_seen.seconds, b.canonical_url) <
                       std::tie(kept.article.first_seen.seconds, kept.canonical_url);
        size_t loser = earlier ? it->second : i;
        if (earlier) it->second = i;
        keep[loser] = false;
        report.drop_item(drop::kDuplicateTitle, articles[loser].canonical_url, articles[loser].outlet_id,
                         "same headline as " + articles[it->second].canonical_url);
    }
    size_t n = 0;
    for (size_t i = 0; i < articles.size(); ++i) {
        if (!keep[i]) continue;
        if (n != i) articles[n] = std::move(articles[i]);  // (never onto itself: that would empty it)
        ++n;
    }
    articles.resize(n);
}

// Two canonical URLs whose ids collide (64 bits of SHA-256: never expected):
// the smaller URL keeps the id.
void drop_id_collisions(std::vector<BuildArticle>& articles, BuildReport& report) {
    std::sort(articles.begin(), articles.end(), [](const BuildArticle& x, const BuildArticle& y) {
        return std::tie(x.article.id, x.canonical_url) < std::tie(y.article.id, y.canonical_url);
    });
    size_t n = 0;
    for (size_t i = 0; i < articles.size(); ++i) {
        if (n > 0 && articles[n - 1].article.id == articles[i].article.id) {
            report.drop_item(drop::kIdCollision, articles[i].canonical_url, articles[i].outlet_id, articles[i].article.id);
            continue;
        }
        if (n != i) articles[n] = std::move(articles[i]);
        ++n;
    }
    articles.resize(n);
}

}  // namespace

std::vector<BuildArticle> curate_items(std::vector<CollectedItem> items, const OutletIndex& outlets,
                                       const CurateOptions& options, BuildReport& report) {
    Curator curator(outlets, options, report);
    std::vector<BuildArticle> articles;
    articles.reserve(items.size());
    for (const CollectedItem& item : items) {
        BuildArticle a;
        if (curator.make(item, a)) articles.push_back(std::move(a));
    }
    drop_repeated_headlines(articles, report);
    drop_id_collisions(articles, report);
    return articles;
}

}  // namespace ingest
