// news_source — where the news comes from. A page address chooses a source
// (parse_source_config: ?source=newsglobe|gdelt|newsapi&api=&proxy=&key=);
// each source is an adapter that knows the URLs of the three documents of
// docs/api.md (countries index, a country's stories page, an article, a story
// across borders) and how to decode its answers into the news model. NewsService joins a source to
// the HttpClient, so the UI asks for documents, not URLs.
//
// What the reader can show per source (SourceInfo says it at run time):
//  * newsglobe (docs/api.md): everything — counts, translated headlines and
//    bodies, sections, the world's take, alternative takes.
//  * gdelt (GDELT DOC 2.0): per country the latest articles, headlines in the
//    original language (untranslated), outlet domain, image, "first seen"
//    time only (GDELT does not know publication times); no counts, no body.
//  * newsapi (NewsAPI top headlines, 54 countries): headline, outlet,
//    publication time, description, a short excerpt of the body; no counts.
// For the last two an article is rebuilt from its list item, so it opens only
// after its country's list was loaded in this session.
#pragma once
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/http_client.hpp"
#include "core/news_error.hpp"
#include "core/news_model.hpp"

namespace ng {

enum class SourceKind { Newsglobe, Gdelt, NewsApi };

struct SourceConfig {
    SourceKind kind = SourceKind::Newsglobe;
    std::string api;    // base URL (newsglobe), endpoint (gdelt, newsapi); empty: the default
    std::string proxy;  // URL prefix for CORS; empty: none
    std::string key;    // NewsAPI key
    std::vector<std::string> notes;  // user-facing notes about parameters that were ignored
};

// Reads the page's query string ("?source=gdelt&proxy=https%3A%2F%2Fp.example%2F%3Furl%3D").
// Invalid values are ignored with a note; nothing here fails.
SourceConfig parse_source_config(std::string_view query);

struct SourceInfo {
    std::string name;                // shown in the top bar: "GDELT", "NewsAPI", or the index's own
    std::string host;                // where requests go (the proxy's host when proxied)
    bool story_counts = false;       // the countries index has real story counts
    bool article_bodies = false;     // articles have their full body text
    bool translations = false;       // headlines and bodies are translated to English
    bool world_take = false;         // the world's take and alternative takes
    std::int64_t min_interval_ms = 0;  // between requests to `host` (GDELT: 5000)
};

// An adapter. A document URL that is empty means the source answers locally:
// decode_* is then called with an empty response.
class NewsSource {
public:
    virtual ~NewsSource() = default;
    virtual const SourceInfo& info() const = 0;

    virtual std::string countries_url() const = 0;
    virtual std::string stories_url(const std::string& iso, int page) const = 0;
    virtual std::string article_url(const std::string& id) const = 0;
    // A story across borders (v1/stories/{id}.json). Sources without stories
    // keep the default: an empty URL, answered by decode_story's error.
    virtual std::string story_url(const std::string& id) const;

    // Checks a 2xx answer before it is decoded (and only a decoded one is
    // cached). The default refuses bodies that are not JSON (check_json_body).
    virtual FetchError accept(const HttpResponse& response) const;
    // The message for a failed fetch; adapters read their service's error
    // answers here. The default keeps the HttpClient's.
    virtual FetchError explain(const FetchResult& failed) const;
    // Adjusts the fetch policy to the service (GDELT: what no answer means).
    virtual void tune(FetchOptions& options) const;

    virtual Result<CountriesIndex> decode_countries(const HttpResponse& response) = 0;
    virtual Result<StoryPage> decode_stories(const std::string& iso, int page, const HttpResponse& response) = 0;
    virtual Result<Article> decode_article(const std::string& id, const HttpResponse& response) = 0;
    virtual Result<StoryDocument> decode_story(const std::string& id, const HttpResponse& response);
};

std::unique_ptr<NewsSource> make_source(const SourceConfig& config);

// ---- helpers shared by the adapters --------------------------------------------------

// Routes an absolute URL through a CORS proxy. A prefix ending in '=' or '?'
// ("https://p.example/raw?url=") gets the URL percent-encoded; any other
// prefix ("https://p.example/") gets it appended as is. Relative URLs and an
// empty prefix pass unchanged.
std::string apply_proxy(std::string_view proxy, std::string_view url);

// A stable article id for a URL: prefix + "-" + 16 hex digits of its FNV-1a hash.
std::string stable_id(std::string_view prefix, std::string_view url);

// Base of adapters whose service only has lists: it builds the countries
// index from a fixed list of codes (counts unknown) and answers article
// requests from the list items it has decoded (the 2000 listed most recently).
class ListOnlySource : public NewsSource {
public:
    explicit ListOnlySource(SourceInfo info) : info_(std::move(info)) {}
    const SourceInfo& info() const override { return info_; }
    std::string countries_url() const override { return {}; }
    std::string article_url(const std::string&) const override { return {}; }
    Result<CountriesIndex> decode_countries(const HttpResponse&) override;
    Result<Article> decode_article(const std::string& id, const HttpResponse&) override;

protected:
    virtual std::vector<std::string> country_codes() const = 0;
    // The part every list item shares: a safe link and a headline, giving the
    // article its URL-derived id (prefix "g", "n", …). nullopt when either is
    // missing or unsafe.
    static std::optional<Article> article_from_link(const nlohmann::json& item, std::string_view id_prefix);
    // Keeps a decoded item for decode_article and returns its list form.
    StorySummary remember(Article article);

private:
    SourceInfo info_;
    struct Remembered {
        Article article;
        std::list<std::string>::iterator place;  // in order_
    };
    std::unordered_map<std::string, Remembered> articles_;
    std::list<std::string> order_;  // least recently listed first, for eviction
};

// ---- NewsService ---------------------------------------------------------------------

// Delivered once, or twice when the first delivery came stale from the cache
// and the refresh changed it (HttpClient's contract, decoded).
template <class T>
struct NewsUpdate {
    Result<T> result;
    bool stale = false;
    bool refreshed = false;
};

class NewsService {
public:
    // Applies the source's per-host interval to `http`.
    NewsService(HttpClient& http, std::unique_ptr<NewsSource> source);

    const NewsSource& source() const { return *source_; }

    // Each request's callback runs inside HttpClient::tick(), never before
    // these return; drop or cancel the handle to stop it.
    FetchHandle countries(std::function<void(const NewsUpdate<CountriesIndex>&)> done);
    FetchHandle stories(const std::string& iso, int page, std::function<void(const NewsUpdate<StoryPage>&)> done);
    FetchHandle article(const std::string& id, std::function<void(const NewsUpdate<Article>&)> done);
    // Cached as long as articles: a story grows as outlets join it, slowly.
    FetchHandle story(const std::string& id, std::function<void(const NewsUpdate<StoryDocument>&)> done);

private:
    template <class T>
    FetchHandle load(const std::string& url, FetchOptions options,
                     std::function<Result<T>(NewsSource&, const HttpResponse&)> decode,
                     std::function<void(const NewsUpdate<T>&)> done);
    template <class T>
    FetchHandle by_id(const std::string& id, const char* what, const std::string& url,
                      std::function<Result<T>(NewsSource&, const HttpResponse&)> decode,
                      std::function<void(const NewsUpdate<T>&)> done);

    HttpClient& http_;
    std::shared_ptr<NewsSource> source_;  // shared with pending callbacks
};

}  // namespace ng
