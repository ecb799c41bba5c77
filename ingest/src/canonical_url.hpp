// canonical_url — one spelling per article address, so the same story
// reached through different feeds, campaigns or redirectors is recognised.
//
// canonical_url():
//   * resolves a relative reference against `base` (ng::resolve_url);
//   * keeps only http and https (anything else, user info, or a malformed
//     host gives ""), trims surrounding whitespace, drops tabs and line
//     breaks inside (as browsers do) and percent-encodes spaces and bytes
//     outside ASCII;
//   * lower-cases scheme and host, drops a trailing dot of the host, the
//     default port (80 for http, 443 for https), the fragment, and "." and
//     ".." path segments; an empty path becomes "/";
//   * normalises percent-escapes (upper-case hex; unreserved characters
//     decoded);
//   * removes tracking parameters (is_tracking_parameter) and an empty query;
//   * unwraps redirectors that carry the target in a parameter: Google's
//     /url?q= and news.google.com/news/url?url=, Bing News' apiclick.aspx?url=,
//     Facebook's l.php?u=. Google News' /rss/articles/… links encode their
//     target and stay as they are.
// The remaining query parameters keep their order: sorting would rarely
// merge two real duplicates (one CMS writes one order) and could break sites
// that read parameters positionally, while the canonical URL is also the
// link readers open.
#pragma once
#include <string>
#include <string_view>

namespace ingest {

std::string canonical_url(std::string_view url, std::string_view base = {});

// A link as a browser would follow it: trimmed, tabs and line breaks
// dropped, spaces and other characters URLs may not contain raw
// percent-encoded, resolved against `base`. Nothing else changes. Empty
// unless the result is an openable http(s) URL (ng::is_openable_url).
std::string absolute_url(std::string_view ref, std::string_view base);

// True for query parameters that only identify a campaign or a click:
// utm_*, fbclid, gclid, mc_cid, ocid, at_*, cmpid, ns_*, xtor, … and a
// ref/from/source/… parameter whose value names a feed ("ref=rss").
bool is_tracking_parameter(std::string_view name, std::string_view value);

// The registrable part of a URL's host, near enough for spotting one
// outlet's syndication across its domains: "www.bbc.co.uk" -> "bbc.co.uk",
// "edition.cnn.com" -> "cnn.com", "abc.net.au" -> "abc.net.au". Without a
// public-suffix list it takes three labels when the second-level one is a
// generic label under a two-letter country domain (co, com, net, org, gov,
// gob, gouv, ac, edu, or, ne, go, …) and two otherwise. IP addresses come
// back whole; "" for URLs without a host.
std::string url_domain(std::string_view url);

}  // namespace ingest
