// Fuzzes the link gate and the time parsers, which see untrusted strings
// before anything else does. Properties: an openable link is plain http(s)
// without whitespace or control bytes; resolving never yields a link of
// another scheme; parsed times format back to the same instant.
#include <cstdint>
#include <string>

#include "core/time_format.hpp"
#include "fuzz_invariants.hpp"

namespace {

bool starts_with_http(const std::string& s) {
    std::string head;
    for (char c : s.substr(0, 8)) head += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (ng::is_openable_url(text)) {
        fuzz::require(starts_with_http(text));
        for (char c : text) fuzz::require(static_cast<unsigned char>(c) > 0x20 && c != 0x7F && c != '\\');
        fuzz::require(!ng::url_host(text).empty());
    }
    std::string resolved = ng::resolve_url("https://news.example/api/v1/", text);
    if (ng::is_fetchable_reference(text) && text.size() < 4000)  // the base adds a few bytes
        fuzz::require(ng::is_fetchable_reference(resolved));
    fuzz::require(ng::percent_decode(ng::percent_encode(text), false) == text);
    ng::parse_query(text);

    int64_t t = ng::parse_rfc3339(text);
    if (t > 0 && t < 253402300800) fuzz::require(ng::parse_rfc3339(ng::format_rfc3339(t)) == t);
    ng::parse_http_date(text);
    ng::format_relative_time(t, 1795588800);
    return 0;
}
