#include "core/newsapi.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_util.hpp"
#include "core/news_decode.hpp"
#include "core/url_util.hpp"

namespace ng {
namespace {

using nlohmann::json;
using namespace json_util;

// NewsAPI's error shape: {"status":"error","code":"apiKeyInvalid","message":"..."}.
FetchError error_from_answer(std::string_view code, std::string_view message, int status) {
    std::string said = clean_text(message, 200);
    std::string tag = " (" + clean_text(code, 40) + ")";
    if (code == "apiKeyMissing")
        return make_error(FetchError::Service,
                          "NewsAPI needs an API key: add key=YOUR_KEY to the page address, or use a proxy that "
                          "adds it.",
                          status);
    if (code == "apiKeyInvalid" || code == "apiKeyDisabled" || code == "apiKeyExhausted")
        return make_error(FetchError::Service, "NewsAPI did not accept the API key" + tag + ". " + said, status);
    if (code == "rateLimited")
        return make_error(FetchError::RateLimited,
                          "NewsAPI's request limit for this key is used up" + tag + ". Try again later.", status);
    if (code == "corsNotAllowed")
        return make_error(FetchError::Service,
                          "NewsAPI does not answer web pages on this plan" + tag +
                              "; use a proxy= that adds the key on a server.",
                          status);
    return make_error(FetchError::Service, "NewsAPI refused the request" + tag + ". " + said, status);
}

// NewsAPI cuts `content` to ~200 characters and appends "… [+1234 chars]".
std::string excerpt_of(std::string_view content) {
    size_t marker = content.rfind(" [+");
    if (marker != std::string_view::npos && content.size() >= 7 && content.substr(content.size() - 7) == " chars]")
        content = content.substr(0, marker);
    return clean_text(content, kMaxSummaryBytes);
}

class NewsApiSource : public ListOnlySource {
public:
    NewsApiSource(std::string endpoint, std::string proxy, std::string key)
        : ListOnlySource(make_info(endpoint, proxy)),
          endpoint_(std::move(endpoint)),
          proxy_(std::move(proxy)),
          key_(std::move(key)) {}

    std::string stories_url(const std::string& iso, int page) const override {
        const auto& served = newsapi_countries();
        if (std::find(served.begin(), served.end(), iso) == served.end()) return {};  // answered locally
        std::string country = iso;
        for (char& c : country) c = static_cast<char>(c | 0x20);
        std::string url = join_url(endpoint_, "top-headlines") + "?country=" + country +
                          "&pageSize=" + std::to_string(kNewsApiPageSize) + "&page=" + std::to_string(page);
        if (!key_.empty()) url += "&apiKey=" + percent_encode(key_);
        return apply_proxy(proxy_, url);
    }

    FetchError explain(const FetchResult& failed) const override {
        json answer = parse(failed.response.body);
        if (auto code = as_string(member(answer, "code")); code && failed.error.kind != FetchError::Network) {
            std::string_view message = as_string(member(answer, "message")).value_or("");
            return error_from_answer(*code, message, failed.error.status);
        }
        FetchError e = failed.error;
        if (e.kind == FetchError::Network && proxy_.empty())
            e.message += " NewsAPI answers web pages only through a proxy (proxy=) or from localhost.";
        return e;
    }

    Result<StoryPage> decode_stories(const std::string& iso, int page, const HttpResponse& r) override {
        if (r.status == 0)  // answered locally: stories_url() had no URL
            return failure<StoryPage>(
                make_error(FetchError::NotFound, "NewsAPI has no top headlines for this country."));
        json root;
        if (FetchError e = parse_json_body(r.body, root, r.status, r.content_type); !e.ok())
            return failure<StoryPage>(std::move(e));
        auto status = as_string(member(root, "status"));
        if (status == std::string_view("error")) {
            auto code = as_string(member(root, "code")).value_or("unknown");
            return failure<StoryPage>(
                error_from_answer(code, as_string(member(root, "message")).value_or(""), r.status));
        }
        const json* articles = as_array(member(root, "articles"));
        if (status != std::string_view("ok") || !articles)
            return failure<StoryPage>(make_error(
                FetchError::BadDocument, "NewsAPI's answer lacks \"status\": \"ok\" and an \"articles\" list."));

        Result<StoryPage> result;
        StoryPage& p = result.value;
        p.country = iso;
        p.page = page;
        for (const json& item : *articles) {
            if (is_removed(item)) continue;  // NewsAPI's placeholder for withdrawn articles
            if (std::optional<Article> a = read_item(item, iso)) {
                p.stories.push_back(remember(std::move(*a)));
            } else {
                ++result.skipped;
            }
        }
        auto total = as_int(member(root, "totalResults"));
        p.total = total && *total >= 0 && *total < 1000000 ? static_cast<int>(*total) : 0;
        p.total = std::max(p.total, (page - 1) * kNewsApiPageSize + static_cast<int>(p.stories.size()));
        p.page_count = (p.total + kNewsApiPageSize - 1) / kNewsApiPageSize;
        return result;
    }

private:
    static SourceInfo make_info(const std::string& endpoint, const std::string& proxy) {
        SourceInfo info;
        info.name = "NewsAPI";
        info.host = url_host(apply_proxy(proxy, endpoint));
        return info;
    }

    std::vector<std::string> country_codes() const override { return newsapi_countries(); }

    static bool is_removed(const json& item) {
        return as_string(member(item, "title")) == std::string_view("[Removed]");
    }

    static std::optional<Article> read_item(const json& item, const std::string& iso) {
        std::optional<Article> item_article = article_from_link(item, "n");
        if (!item_article) return std::nullopt;
        Article& a = *item_article;
        a.outlet.domain = clean_text(url_host(a.url), kMaxNameBytes);  // hosts may hold any UTF-8
        if (const json* source = as_object(member(item, "source")))
            a.outlet.name = clean_text(as_string(member(*source, "name")).value_or(""), kMaxNameBytes);
        if (a.outlet.name.empty()) a.outlet.name = a.outlet.domain;
        a.outlet.country = iso;
        a.country = iso;
        a.published = make_timestamp(as_string(member(item, "publishedAt")).value_or(""));
        if (auto image = as_string(member(item, "urlToImage")); image && is_openable_url(*image))
            a.image = std::string(*image);
        a.summary = clean_text(as_string(member(item, "description")).value_or(""), kMaxSummaryBytes);
        std::string excerpt = excerpt_of(as_string(member(item, "content")).value_or(""));
        if (!excerpt.empty()) a.body.push_back(std::move(excerpt));
        a.excerpt_only = true;
        return item_article;
    }

    std::string endpoint_;
    std::string proxy_;
    std::string key_;
};

}  // namespace

std::unique_ptr<NewsSource> make_newsapi_source(const SourceConfig& config) {
    return std::make_unique<NewsApiSource>(config.api.empty() ? kNewsApiEndpoint : config.api, config.proxy,
                                           config.key);
}

const std::vector<std::string>& newsapi_countries() {
    static const std::vector<std::string> kCountries = {
        "AE", "AR", "AT", "AU", "BE", "BG", "BR", "CA", "CH", "CN", "CO", "CU", "CZ", "DE", "EG", "FR", "GB", "GR",
        "HK", "HU", "ID", "IE", "IL", "IN", "IT", "JP", "KR", "LT", "LV", "MA", "MX", "MY", "NG", "NL", "NO", "NZ",
        "PH", "PL", "PT", "RO", "RS", "RU", "SA", "SE", "SG", "SI", "SK", "TH", "TR", "TW", "UA", "US", "VE", "ZA",
    };
    return kCountries;
}

}  // namespace ng
