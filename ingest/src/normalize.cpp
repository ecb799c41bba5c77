#include "normalize.hpp"

#include <cctype>

#include "capture.hpp"

namespace ingest {

std::string article_id(std::string_view country, std::string_view canonical_url) {
    std::string id;
    for (char c : country) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id + "-" + sha256_hex(std::string(canonical_url)).substr(0, 16);
}

// ---- comparing headlines -------------------------------------------------------------

std::string headline_key(std::string_view headline) {
    std::string key;
    for (char c : headline) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x80) key += c;  // letters of other scripts (and their punctuation) are kept as they are
        else if (std::isalnum(u)) key += static_cast<char>(std::tolower(u));
    }
    return key;
}

}  // namespace ingest
