#include "canonical_url.hpp"

#include <algorithm>
#include <vector>

#include "ascii.hpp"
#include "core/url_util.hpp"

namespace ingest {
namespace {

constexpr size_t kMaxUrlBytes = 4096;

using namespace ascii;

bool is_unreserved(char c) { return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Trims, drops tabs and line breaks, and percent-encodes spaces, bytes
// outside ASCII and the characters no URL may contain raw (not in the host:
// an internationalised host name stays in UTF-8).
std::string clean_reference(std::string_view url) {
    auto is_trimmed = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
    while (!url.empty() && is_trimmed(url.front())) url.remove_prefix(1);
    while (!url.empty() && is_trimmed(url.back())) url.remove_suffix(1);
    size_t host_end = 0;
    if (size_t sep = url.find("://"); sep != std::string_view::npos && sep < 10) {
        host_end = url.find_first_of("/?#", sep + 3);
        if (host_end == std::string_view::npos) host_end = url.size();
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(url.size());
    for (size_t i = 0; i < url.size(); ++i) {
        char c = url[i];
        auto u = static_cast<unsigned char>(c);
        if (c == '\t' || c == '\n' || c == '\r') continue;
        if (u <= 0x20 || (u >= 0x7F && i >= host_end) || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' ||
            c == '}' || c == '|' || c == '^') {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

// Upper-case hex in escapes; escapes of unreserved characters decoded.
void append_normalised_escapes(std::string& out, std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
            char decoded = static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            if (is_unreserved(decoded)) {
                out += decoded;
            } else {
                out += '%';
                out += static_cast<char>(s[i + 1] >= 'a' ? s[i + 1] - 32 : s[i + 1]);
                out += static_cast<char>(s[i + 2] >= 'a' ? s[i + 2] - 32 : s[i + 2]);
            }
            i += 2;
        } else {
            out += s[i];
        }
    }
}

std::string query_value(std::string_view query, std::string_view key) {
    for (auto& [k, v] : ng::parse_query(query))
        if (k == key) return v;
    return {};
}

// The target of a redirector link, or "" when `host`/`path` is none.
std::string redirect_target(std::string_view host, std::string_view path, std::string_view query) {
    bool google = host == "google.com" || host.find(".google.") != std::string_view::npos ||
                  starts_with(host, "google.");
    if (google && (path == "/url" || path == "/news/url")) {
        std::string target = query_value(query, "url");
        return target.empty() ? query_value(query, "q") : target;
    }
    if ((host == "www.bing.com" || host == "bing.com") && path == "/news/apiclick.aspx")
        return query_value(query, "url");
    if ((host == "l.facebook.com" || host == "lm.facebook.com") && path == "/l.php") return query_value(query, "u");
    return {};
}

std::string canonicalise(std::string_view url, std::string_view base, int redirects_left) {
    std::string absolute = absolute_url(url, base);
    if (absolute.empty()) return {};

    // Split: scheme "://" authority path ["?" query] ["#" fragment].
    std::string_view a = absolute;
    a = a.substr(0, a.find('#'));
    size_t scheme_end = a.find("://");
    std::string scheme = lower(a.substr(0, scheme_end));
    size_t auth_start = scheme_end + 3;
    size_t auth_end = a.find_first_of("/?", auth_start);
    if (auth_end == std::string_view::npos) auth_end = a.size();
    std::string_view authority = a.substr(auth_start, auth_end - auth_start);
    std::string_view rest = a.substr(auth_end);
    size_t q = rest.find('?');
    std::string_view path = rest.substr(0, q);
    std::string_view query = q == std::string_view::npos ? std::string_view{} : rest.substr(q + 1);

    std::string host = ng::url_host(absolute);
    while (!host.empty() && host.back() == '.') host.pop_back();
    if (host.empty()) return {};
    size_t colon = authority.rfind(':');
    std::string_view port;
    if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos)
        port = authority.substr(colon + 1);
    while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
    if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) port = {};

    if (redirects_left > 0) {
        std::string target = redirect_target(host, path, query);
        if (!target.empty()) {
            std::string unwrapped = canonicalise(target, {}, redirects_left - 1);
            if (!unwrapped.empty()) return unwrapped;
        }
    }

    std::string out = scheme + "://" + host;
    if (!port.empty()) out += ":" + std::string(port);
    // resolve_url against the origin removes "." and ".." segments; a path
    // that starts with "//" is led by "/." so it cannot read as a host.
    std::string relative = path.empty() ? std::string("/") : std::string(path);
    if (relative.compare(0, 2, "//") == 0) relative.insert(0, "/.");
    std::string clean_path = ng::resolve_url(out + "/", relative);
    append_normalised_escapes(out, std::string_view(clean_path).substr(out.size()));

    // Each parameter is judged decoded but kept as written.
    bool first = true;
    for (size_t start = 0; start < query.size();) {
        size_t end = std::min(query.find('&', start), query.size());
        std::string_view part = query.substr(start, end - start);
        start = end + 1;
        std::vector<std::pair<std::string, std::string>> decoded = ng::parse_query(part);
        if (decoded.empty() || is_tracking_parameter(decoded[0].first, decoded[0].second)) continue;
        out += first ? '?' : '&';
        first = false;
        append_normalised_escapes(out, part);
    }
    return ng::is_openable_url(out) ? out : std::string();
}

bool is_ip_address(std::string_view host) {
    if (!host.empty() && host.front() == '[') return true;
    for (char c : host)
        if (!is_digit(c) && c != '.') return false;
    return true;
}

}  // namespace

bool is_tracking_parameter(std::string_view name_in, std::string_view value_in) {
    std::string name = lower(name_in);
    static constexpr const char* kPrefixes[] = {"utm_", "ns_", "at_", "pk_", "mtm_", "hsa_", "wt.", "oly_", "vero_",
                                                "guce_", "_hs"};
    for (const char* p : kPrefixes)
        if (starts_with(name, p)) return true;
    static constexpr const char* kNames[] = {
        "fbclid", "gclid",    "gclsrc",   "dclid",   "gbraid",  "wbraid",   "msclkid", "yclid",  "twclid",
        "ttclid", "igshid",   "li_fat_id", "mc_cid", "mc_eid",  "ocid",     "cmpid",   "cmp",    "icid",
        "ito",    "xtor",     "_ga",      "_gl",     "mkt_tok", "smid",     "smtyp",   "ncid",   "sr_share",
        "soc_src", "soc_trk", "ref_src",  "ref_url", "dicbo",   "ftag",     "tpcc",    "guccounter",
        "spm",    "fb_ref",   "fb_source", "__twitter_impression", "s_cid", "s_kwcid", "rss_source",
    };
    for (const char* n : kNames)
        if (name == n) return true;
    static constexpr const char* kFeedMarkers[] = {"ref", "from", "src", "source", "via", "origin", "feed", "channel"};
    std::string value = lower(value_in);
    if (value.find("rss") == std::string::npos && value.find("feed") == std::string::npos) return false;
    for (const char* n : kFeedMarkers)
        if (name == n) return true;
    return false;
}

std::string canonical_url(std::string_view url, std::string_view base) { return canonicalise(url, base, 2); }

std::string absolute_url(std::string_view ref_in, std::string_view base) {
    std::string ref = clean_reference(ref_in);
    if (ref.empty() || ref.size() > kMaxUrlBytes) return {};
    std::string absolute = base.empty() ? ref : ng::resolve_url(clean_reference(base), ref);
    return ng::is_openable_url(absolute) ? absolute : std::string();
}

std::string url_domain(std::string_view url) {
    std::string host = ng::url_host(url);
    while (!host.empty() && host.back() == '.') host.pop_back();
    if (host.empty() || is_ip_address(host)) return host;
    std::vector<std::string_view> labels;
    std::string_view h = host;
    for (size_t start = 0;;) {
        size_t dot = h.find('.', start);
        labels.push_back(h.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (labels.size() <= 2) return host;
    static constexpr const char* kGenericSecondLevel[] = {
        "co", "com", "net", "org", "gov", "govt", "gob", "gouv", "gv", "ac", "edu", "or", "ne", "go", "mil",
        "nic", "info", "biz", "web", "nom", "ltd", "plc", "sch", "res", "int", "jus", "leg", "med", "press", "news"};
    std::string_view tld = labels.back();
    std::string_view second = labels[labels.size() - 2];
    size_t keep = 2;
    if (tld.size() == 2) {
        for (const char* g : kGenericSecondLevel)
            if (second == g) keep = 3;
    }
    if (keep == 3 && labels[labels.size() - 3] == "www") keep = 2;  // "www.gob.mx": the suffix's own site
    size_t first = labels.size() - keep;
    size_t offset = 0;
    for (size_t i = 0; i < first; ++i) offset += labels[i].size() + 1;
    return host.substr(offset);
}

}  // namespace ingest
