// url_util — the URL handling the news core needs, and its safety gate. Every
// link that comes from news data is checked with is_openable_url() before the
// UI may open it: only plain http(s) links with a host pass, so data cannot
// smuggle in javascript:, data: or file: links, nor disguise one with case,
// whitespace or control characters.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ng {

// True only for "http://host..." or "https://host..." (scheme in any case),
// with a non-empty host, no user info ("https://bank.example@evil.example"),
// a numeric port if any, no whitespace, control characters or backslashes
// anywhere, and at most 4096 bytes.
bool is_openable_url(std::string_view url);

// True for a reference that may be fetched relative to a document: an
// openable URL, or a scheme-less path ("img/a.svg", "/img/a.svg", "./api")
// without whitespace, control characters or backslashes.
bool is_fetchable_reference(std::string_view ref);

// The host of an absolute URL ("api.gdeltproject.org"), lower-cased, without
// port or user info; empty for relative or malformed URLs.
std::string url_host(std::string_view url);

// Percent-encodes everything except RFC 3986 unreserved characters
// (A-Z a-z 0-9 - . _ ~), for use as a query parameter value or path segment.
std::string percent_encode(std::string_view text);

// Decodes %XX escapes and, when `plus_is_space`, '+' (form encoding, as in
// location.search). Malformed escapes are kept literally.
std::string percent_decode(std::string_view text, bool plus_is_space);

// "a=1&b=x%20y" or "?a=1&b=x+y" -> {{"a","1"},{"b","x y"}}, in order.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

// Appends a relative path to a base URL with exactly one '/' between them:
// join_url("./api", "v1/countries.json") == "./api/v1/countries.json",
// join_url("https://x.example/api/", "/v1/a.json") == "https://x.example/api/v1/a.json".
std::string join_url(std::string_view base, std::string_view path);

// Resolves a reference against the URL of the document that contained it, as
// a browser does (RFC 3986 section 5.2, without the rarely used corner cases):
// resolve_url("https://x.example/v1/articles/a.json", "../img/a.svg")
//   == "https://x.example/v1/img/a.svg".
// Works for relative bases too ("./api/v1/a.json" + "img/b.svg" ->
// "./api/v1/img/b.svg"), which the browser later resolves against the page.
std::string resolve_url(std::string_view base, std::string_view ref);

}  // namespace ng
