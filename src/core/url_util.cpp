#include "core/url_util.hpp"

namespace ng {
namespace {

constexpr size_t kMaxUrlBytes = 4096;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f'); }

// Whitespace, ASCII and C1 control characters and backslashes are how links
// get disguised ("java\tscript:", "https:\\evil"); no legitimate link has them.
bool has_forbidden_bytes(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c <= 0x20 || c == 0x7F || c == '\\') return true;
        // U+0080..U+009F (C1 controls) and U+00A0 (no-break space) in UTF-8.
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0xA0) return true;
    }
    return false;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[i]) != prefix[i]) return false;
    return true;
}

// Length of "scheme:" at the start of `s` (letters, then letters, digits, + - .),
// or 0 when `s` has no scheme (a ':' after a '/', '?' or '#' does not count).
size_t scheme_length(std::string_view s) {
    if (s.empty() || !is_alpha(s[0])) return 0;
    for (size_t i = 1; i < s.size(); ++i) {
        char c = s[i];
        if (c == ':') return i + 1;
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return 0;
    }
    return 0;
}

// The authority ("host:port") of a URL that starts with "scheme://", and the
// offset where its path begins; npos when the URL has no "//".
struct Authority {
    std::string_view text;
    size_t path_start = std::string_view::npos;
};

Authority find_authority(std::string_view url) {
    size_t s = scheme_length(url);
    if (s == 0 || url.substr(s, 2) != "//") return {};
    size_t begin = s + 2;
    size_t end = url.find_first_of("/?#", begin);
    if (end == std::string_view::npos) end = url.size();
    return {url.substr(begin, end - begin), end};
}

bool valid_port(std::string_view port) {
    if (port.empty() || port.size() > 5) return false;
    unsigned value = 0;
    for (char c : port) {
        if (!is_digit(c)) return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value <= 65535;
}

bool valid_host(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;  // DNS names are at most 253 bytes
    if (host.front() == '[') {  // IPv6 literal
        if (host.size() < 3 || host.back() != ']') return false;
        for (char c : host.substr(1, host.size() - 2))
            if (!is_hex(c) && c != ':' && c != '.') return false;
        return true;
    }
    bool any_alnum = false;
    for (char c : host) {
        auto u = static_cast<unsigned char>(c);
        if (is_alpha(c) || is_digit(c) || u >= 0x80) {
            any_alnum = true;  // letters, digits, or UTF-8 of an internationalised name
        } else if (c != '-' && c != '.' && c != '_') {
            return false;
        }
    }
    return any_alnum;
}

// Splits "host:port" (port optional); false when malformed.
bool split_host_port(std::string_view authority, std::string_view& host, std::string_view& port) {
    size_t colon = authority.rfind(':');
    size_t bracket = authority.rfind(']');
    bool has_port = colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket);
    host = has_port ? authority.substr(0, colon) : authority;
    port = has_port ? authority.substr(colon + 1) : std::string_view{};
    return !has_port || valid_port(port);
}

// Normalises "." and ".." path segments. An absolute path ("/a/../b") never
// climbs above its root; a relative one ("../a") keeps leading "..".
std::string remove_dot_segments(std::string_view path) {
    bool absolute = !path.empty() && path.front() == '/';
    std::vector<std::string_view> out;
    bool trailing_slash = false;
    size_t pos = absolute ? 1 : 0;
    while (pos <= path.size()) {
        size_t end = path.find('/', pos);
        if (end == std::string_view::npos) end = path.size();
        std::string_view seg = path.substr(pos, end - pos);
        bool last = end == path.size();
        trailing_slash = false;
        if (seg == ".") {
            trailing_slash = last;
        } else if (seg == "..") {
            if (!out.empty() && out.back() != "..") {
                out.pop_back();
            } else if (!absolute) {
                out.push_back(seg);
            }
            trailing_slash = last;
        } else if (!(seg.empty() && last && !out.empty())) {
            out.push_back(seg);
        } else {
            trailing_slash = true;
        }
        pos = end + 1;
    }
    std::string result = absolute ? "/" : "";
    for (size_t i = 0; i < out.size(); ++i) {
        if (i) result += '/';
        result += out[i];
    }
    if (trailing_slash && !out.empty()) result += '/';
    return result;
}

}  // namespace

bool is_openable_url(std::string_view url) {
    if (url.empty() || url.size() > kMaxUrlBytes || has_forbidden_bytes(url)) return false;
    if (!starts_with_nocase(url, "http://") && !starts_with_nocase(url, "https://")) return false;
    Authority a = find_authority(url);
    if (a.text.find('@') != std::string_view::npos) return false;
    std::string_view host, port;
    return split_host_port(a.text, host, port) && valid_host(host);
}

bool is_fetchable_reference(std::string_view ref) {
    if (is_openable_url(ref)) return true;
    if (ref.empty() || ref.size() > kMaxUrlBytes || has_forbidden_bytes(ref)) return false;
    if (ref.substr(0, 2) == "//") return is_openable_url("https:" + std::string(ref));
    return scheme_length(ref) == 0 && ref.substr(0, ref.find_first_of("/?#")).find(':') == std::string_view::npos;
}

std::string url_host(std::string_view url) {
    Authority a = find_authority(url);
    std::string_view authority = a.text;
    size_t at = authority.rfind('@');
    if (at != std::string_view::npos) authority = authority.substr(at + 1);
    std::string_view host, port;
    if (!split_host_port(authority, host, port) || !valid_host(host)) return {};
    std::string out;
    for (char c : host) out += lower(c);
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            auto u = static_cast<unsigned char>(c);
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
    auto hex_value = [](char c) { return is_digit(c) ? c - '0' : lower(c) - 'a' + 10; };
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2])) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    query = query.substr(0, query.find('#'));
    std::vector<std::pair<std::string, std::string>> out;
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view part = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (part.empty()) continue;
        size_t eq = part.find('=');
        std::string_view key = part.substr(0, eq);
        std::string_view value = eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
        out.emplace_back(percent_decode(key, true), percent_decode(value, true));
    }
    return out;
}

std::string join_url(std::string_view base, std::string_view path) {
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    if (base.empty()) return std::string(path);
    std::string out(base);
    if (!path.empty()) {
        out += '/';
        out += path;
    }
    return out;
}

std::string resolve_url(std::string_view base, std::string_view ref) {
    if (scheme_length(ref) != 0) return std::string(ref);
    base = base.substr(0, base.find('#'));
    size_t scheme = scheme_length(base);
    if (ref.substr(0, 2) == "//") return std::string(base.substr(0, scheme)) + std::string(ref);
    if (ref.empty() || ref.front() == '#') return std::string(base) + std::string(ref);

    // base = prefix ("https://host" or "") + path + query
    Authority a = find_authority(base);
    size_t path_start = a.path_start == std::string_view::npos ? 0 : a.path_start;
    std::string_view prefix = base.substr(0, path_start);
    std::string_view rest = base.substr(path_start);
    std::string_view base_path = rest.substr(0, rest.find('?'));
    if (ref.front() == '?') return std::string(prefix) + std::string(base_path) + std::string(ref);

    size_t ref_path_end = ref.find_first_of("?#");
    if (ref_path_end == std::string_view::npos) ref_path_end = ref.size();
    std::string_view ref_path = ref.substr(0, ref_path_end);
    std::string_view ref_tail = ref.substr(ref_path_end);

    std::string merged;
    if (ref_path.front() == '/') {
        merged = std::string(ref_path);
    } else if (!prefix.empty() && base_path.empty()) {
        merged = "/" + std::string(ref_path);
    } else {
        size_t slash = base_path.rfind('/');
        merged = std::string(slash == std::string_view::npos ? std::string_view{} : base_path.substr(0, slash + 1));
        merged += ref_path;
    }
    std::string path = remove_dot_segments(merged);
    // A relative base that started with "./" keeps it, so the result still
    // reads as relative to the page.
    if (prefix.empty() && base_path.substr(0, 2) == "./" && path.substr(0, 1) != "/" && path.substr(0, 3) != "../")
        path = "./" + path;
    return std::string(prefix) + path + std::string(ref_tail);
}

}  // namespace ng
