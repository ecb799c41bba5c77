// newsapi — adapter for NewsAPI-style "top headlines" services
// (https://newsapi.org/v2/top-headlines?country=fr&page=N&pageSize=20&apiKey=…,
// or any server answering the same shape at api=). The key travels as the
// apiKey query parameter, visible to anyone who can see the page's traffic,
// and NewsAPI refuses browser requests on its free plan: deploy a proxy=
// that adds the key server-side instead of putting key= in a public page.
// NewsAPI has no countries index (the 54 countries it serves are listed here,
// counts unknown) and no article pages (articles are rebuilt from list
// items: description as summary, `content` as a short excerpt).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/news_source.hpp"

namespace ng {

constexpr const char* kNewsApiEndpoint = "https://newsapi.org/v2";
constexpr int kNewsApiPageSize = 20;

std::unique_ptr<NewsSource> make_newsapi_source(const SourceConfig& config);

// The ISO codes (upper case) NewsAPI's top headlines accept as country=.
const std::vector<std::string>& newsapi_countries();

}  // namespace ng
