#include "core/news_source.hpp"

#include <nlohmann/json.hpp>

#include "core/gdelt.hpp"
#include "core/json_util.hpp"
#include "core/news_decode.hpp"
#include "core/newsapi.hpp"
#include "core/url_util.hpp"

namespace ng {
namespace {

constexpr std::size_t kRememberedArticles = 2000;
constexpr int64_t kMinute = 60 * 1000;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The API of docs/api.md, at any base URL.
class NewsglobeSource : public NewsSource {
public:
    NewsglobeSource(std::string base, std::string proxy) : base_(std::move(base)), proxy_(std::move(proxy)) {
        info_.name = "newsglobe";
        info_.host = url_host(apply_proxy(proxy_, base_));
        info_.story_counts = info_.article_bodies = info_.translations = info_.world_take = true;
    }

    const SourceInfo& info() const override { return info_; }
    std::string countries_url() const override { return apply_proxy(proxy_, countries_doc()); }
    std::string stories_url(const std::string& iso, int page) const override {
        return apply_proxy(proxy_, stories_doc(iso, page));
    }
    std::string article_url(const std::string& id) const override { return apply_proxy(proxy_, article_doc(id)); }
    std::string story_url(const std::string& id) const override {
        return apply_proxy(proxy_, join_url(base_, "v1/stories/" + id + ".json"));
    }

    Result<CountriesIndex> decode_countries(const HttpResponse& r) override { return ng::decode_countries(r.body); }
    Result<StoryPage> decode_stories(const std::string& iso, int, const HttpResponse& r) override {
        Result<StoryPage> result = decode_story_page(r.body, image_root());
        if (result.ok() && result.value.country.empty()) result.value.country = iso;
        return result;
    }
    Result<Article> decode_article(const std::string&, const HttpResponse& r) override {
        return ng::decode_article(r.body, image_root());
    }
    Result<StoryDocument> decode_story(const std::string&, const HttpResponse& r) override {
        return ng::decode_story(r.body, image_root());
    }

private:
    // URLs before proxying; relative images resolve against the API root,
    // so they load straight from the server, not through the proxy.
    std::string image_root() const { return join_url(base_, "v1/"); }
    std::string countries_doc() const { return join_url(base_, "v1/countries.json"); }
    std::string stories_doc(const std::string& iso, int page) const {
        return join_url(base_, "v1/countries/" + iso + "/stories-" + std::to_string(page) + ".json");
    }
    std::string article_doc(const std::string& id) const { return join_url(base_, "v1/articles/" + id + ".json"); }

    std::string base_;
    std::string proxy_;
    SourceInfo info_;
};

template <class T>
std::function<void()> deliver_error(std::function<void(const NewsUpdate<T>&)> done, FetchError error) {
    return [done = std::move(done), error = std::move(error)] {
        NewsUpdate<T> u;
        u.result = failure<T>(error);
        done(u);
    };
}

// A list document whose every item was dropped is not an empty list: the
// reader would see "nothing today" where the source had plenty it could not
// read. It is an error that says so (and can be retried).
std::string items_phrase(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
FetchError nothing_usable(const Result<CountriesIndex>& r) {
    if (!r.value.countries.empty() || r.skipped == 0) return {};
    return make_error(FetchError::BadDocument, "The news index had " + items_phrase(r.skipped, "entry", "entries") +
                                                   " and none could be read.");
}
FetchError nothing_usable(const Result<StoryPage>& r) {
    if (!r.value.stories.empty() || r.skipped == 0) return {};
    return make_error(FetchError::BadDocument, "The story list had " + items_phrase(r.skipped, "story", "stories") +
                                                   " and none could be read.");
}
FetchError nothing_usable(const Result<Article>&) { return {}; }  // its required fields were there
FetchError nothing_usable(const Result<StoryDocument>& r) {
    if (!r.value.articles.empty() || r.skipped == 0) return {};
    return make_error(FetchError::BadDocument, "The story's document had " +
                                                   items_phrase(r.skipped, "entry", "entries") + " and none could be read.");
}

FetchOptions options_fresh_for(int64_t fresh_ms) {
    FetchOptions o;
    o.fresh_ms = fresh_ms;
    o.stale_ms = 24 * 60 * kMinute;  // yesterday's list at once beats a spinner; it refreshes anyway
    return o;
}

}  // namespace

// ---- configuration -----------------------------------------------------------------

SourceConfig parse_source_config(std::string_view query) {
    SourceConfig c;
    for (auto& [key, value] : parse_query(query)) {
        std::string shown = clean_text(value, 80);
        if (key == "source") {
            std::string v = lower_ascii(value);
            if (v == "newsglobe") {
                c.kind = SourceKind::Newsglobe;
            } else if (v == "gdelt") {
                c.kind = SourceKind::Gdelt;
            } else if (v == "newsapi") {
                c.kind = SourceKind::NewsApi;
            } else {
                c.notes.push_back("Unknown news source \"" + shown + "\"; showing the newsglobe API instead.");
            }
        } else if (key == "api") {
            if (is_fetchable_reference(value)) {
                c.api = value;
            } else {
                c.notes.push_back("Ignored api=\"" + shown + "\": it is not an http(s) address or a path.");
            }
        } else if (key == "proxy") {
            if (is_openable_url(value)) {
                c.proxy = value;
            } else {
                c.notes.push_back("Ignored proxy=\"" + shown + "\": it is not an http(s) address.");
            }
        } else if (key == "key") {
            c.key = value;
        }
    }
    if (!c.key.empty() && c.kind != SourceKind::NewsApi) {
        c.notes.push_back("Ignored key=: only source=newsapi uses a key.");
        c.key.clear();
    }
    if (c.kind == SourceKind::NewsApi && c.key.empty() && c.proxy.empty())
        c.notes.push_back("NewsAPI needs key=YOUR_KEY, or a proxy= that adds the key for you.");
    return c;
}

std::unique_ptr<NewsSource> make_source(const SourceConfig& config) {
    switch (config.kind) {
    case SourceKind::Gdelt:
        return make_gdelt_source(config);
    case SourceKind::NewsApi:
        return make_newsapi_source(config);
    case SourceKind::Newsglobe:
        break;
    }
    return std::make_unique<NewsglobeSource>(config.api.empty() ? "./api" : config.api, config.proxy);
}

// ---- adapter helpers -----------------------------------------------------------------

std::string apply_proxy(std::string_view proxy, std::string_view url) {
    if (proxy.empty() || !is_openable_url(url)) return std::string(url);
    char last = proxy.back();
    return std::string(proxy) + (last == '=' || last == '?' ? percent_encode(url) : std::string(url));
}

std::string stable_id(std::string_view prefix, std::string_view url) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : url) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(prefix);
    out += '-';
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(h >> shift) & 15];
    return out;
}

FetchError NewsSource::accept(const HttpResponse& r) const {
    return check_json_body(r.body, r.status, r.content_type);
}

FetchError NewsSource::explain(const FetchResult& failed) const { return failed.error; }

void NewsSource::tune(FetchOptions&) const {}

std::string NewsSource::story_url(const std::string&) const { return {}; }

Result<StoryDocument> NewsSource::decode_story(const std::string&, const HttpResponse&) {
    return failure<StoryDocument>(
        make_error(FetchError::NotFound, info().name + " does not group articles into stories across borders."));
}

Result<CountriesIndex> ListOnlySource::decode_countries(const HttpResponse&) {
    Result<CountriesIndex> r;
    r.value.source_name = info_.name;
    for (std::string& iso : country_codes()) {
        CountryEntry c;
        c.iso = std::move(iso);
        r.value.countries.push_back(std::move(c));  // story_count unknown
    }
    return r;
}

Result<Article> ListOnlySource::decode_article(const std::string& id, const HttpResponse&) {
    auto it = articles_.find(id);
    if (it == articles_.end())
        return failure<Article>(make_error(FetchError::NotFound, info_.name +
                                                                     " has no page for single articles; open this one "
                                                                     "from its country's story list."));
    Result<Article> r;
    r.value = it->second.article;
    return r;
}

std::optional<Article> ListOnlySource::article_from_link(const nlohmann::json& item, std::string_view id_prefix) {
    auto url = json_util::as_string(json_util::member(item, "url"));
    auto title = json_util::as_string(json_util::member(item, "title"));
    if (!url || !is_openable_url(*url) || !title) return std::nullopt;
    Article a;
    a.headline = clean_text(*title, kMaxLineBytes);
    if (a.headline.empty()) return std::nullopt;
    a.id = stable_id(id_prefix, *url);
    a.url = std::string(*url);
    return a;
}

StorySummary ListOnlySource::remember(Article article) {
    StorySummary summary = article;
    auto [it, fresh] = articles_.try_emplace(article.id);
    // An item listed again is as recent as the list: the list it is on must
    // not lose it to items listed after it on the same page.
    if (fresh)
        it->second.place = order_.insert(order_.end(), article.id);
    else
        order_.splice(order_.end(), order_, it->second.place);
    it->second.article = std::move(article);
    if (order_.size() > kRememberedArticles) {
        articles_.erase(order_.front());
        order_.pop_front();
    }
    return summary;
}

// ---- NewsService -------------------------------------------------------------------

NewsService::NewsService(HttpClient& http, std::unique_ptr<NewsSource> source)
    : http_(http), source_(std::move(source)) {
    const SourceInfo& info = source_->info();
    if (info.min_interval_ms > 0 && !info.host.empty()) http_.set_min_interval(info.host, info.min_interval_ms);
}

template <class T>
FetchHandle NewsService::load(const std::string& url, FetchOptions options,
                              std::function<Result<T>(NewsSource&, const HttpResponse&)> decode,
                              std::function<void(const NewsUpdate<T>&)> done) {
    std::shared_ptr<NewsSource> source = source_;
    if (url.empty()) {
        return http_.defer([source, decode, done] {
            NewsUpdate<T> u;
            u.result = decode(*source, HttpResponse{});
            if (u.result.ok()) u.result.error = nothing_usable(u.result);
            done(u);
        });
    }
    // Decoded and checked inside the client, so only a usable document is cached.
    options.decode = [source, decode](const HttpResponse& r) -> Decoded {
        if (FetchError e = source->accept(r); !e.ok()) return {std::move(e), nullptr};
        auto result = std::make_shared<Result<T>>(decode(*source, r));
        if (result->ok()) result->error = nothing_usable(*result);
        if (!result->ok()) return {result->error, nullptr};
        return {{}, std::move(result)};
    };
    source->tune(options);
    auto on_fetched = [source, done](const FetchResult& r) {
        NewsUpdate<T> u;
        u.result = r.ok() ? *std::static_pointer_cast<const Result<T>>(r.decoded) : failure<T>(source->explain(r));
        u.stale = r.stale;
        u.refreshed = r.refreshed;
        done(u);
    };
    return http_.get(url, on_fetched, options);
}

FetchHandle NewsService::countries(std::function<void(const NewsUpdate<CountriesIndex>&)> done) {
    return load<CountriesIndex>(
        source_->countries_url(), options_fresh_for(10 * kMinute),
        [](NewsSource& s, const HttpResponse& r) { return s.decode_countries(r); }, std::move(done));
}

FetchHandle NewsService::stories(const std::string& iso_in, int page,
                                 std::function<void(const NewsUpdate<StoryPage>&)> done) {
    std::string iso = normalize_iso(iso_in);
    if (iso.empty() || page < 1) {
        return http_.defer(deliver_error<StoryPage>(
            std::move(done), make_error(FetchError::NotFound, "There is no such country or page of stories.")));
    }
    return load<StoryPage>(
        source_->stories_url(iso, page), options_fresh_for(5 * kMinute),
        [iso, page](NewsSource& s, const HttpResponse& r) { return s.decode_stories(iso, page, r); },
        std::move(done));
}

// Articles and stories: one document per id, cached for an hour.
template <class T>
FetchHandle NewsService::by_id(const std::string& id, const char* what, const std::string& url,
                               std::function<Result<T>(NewsSource&, const HttpResponse&)> decode,
                               std::function<void(const NewsUpdate<T>&)> done) {
    if (!is_valid_article_id(id)) {
        return http_.defer(deliver_error<T>(
            std::move(done), make_error(FetchError::NotFound, std::string("This ") + what + " link is not valid.")));
    }
    return load<T>(url, options_fresh_for(60 * kMinute), std::move(decode), std::move(done));
}

FetchHandle NewsService::article(const std::string& id, std::function<void(const NewsUpdate<Article>&)> done) {
    return by_id<Article>(
        id, "article", source_->article_url(id),
        [id](NewsSource& s, const HttpResponse& r) { return s.decode_article(id, r); }, std::move(done));
}

FetchHandle NewsService::story(const std::string& id, std::function<void(const NewsUpdate<StoryDocument>&)> done) {
    return by_id<StoryDocument>(
        id, "story", source_->story_url(id),
        [id](NewsSource& s, const HttpResponse& r) { return s.decode_story(id, r); }, std::move(done));
}

}  // namespace ng
